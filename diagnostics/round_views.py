"""Pages of the deficit catalogue, the diagnostic rounds, diagnosis entry and dynamics."""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from core.forms import add_service_errors, apply_posted_form
from core.plurals import ru_plural
from diagnostics import catalogue, round_reads
from diagnostics import rounds as round_rules
from diagnostics.access import deficits_for_user, diagnoses_for_user, rounds_for_user
from diagnostics.diagnoses import (
    DiagnosisEntry,
    closed_message,
    existing_diagnoses,
    may_write,
    save_expert_diagnoses,
    save_self_assessment,
)
from diagnostics.models import Deficit, Diagnosis, DiagnosisSource, DiagnosticRound
from diagnostics.round_forms import (
    DeficitFilter,
    DeficitForm,
    DiagnosisRowsForm,
    DynamicsForm,
    EntryRow,
    RoundForm,
)
from internships.access import placements_for_user
from internships.models import (
    ControlPoint,
    Curator,
    Direction,
    Placement,
    Platform,
    Programme,
)
from internships.views import municipality_wide
from teams.access import (
    municipalities_for_user,
    organizations_for_user,
    profile_of,
    role_of,
    sees_whole_municipality,
)
from teams.models import ManagementTeam, Role


def _programmes(request):
    return Programme.objects.filter(municipality__in=municipalities_for_user(request.user))


def _directions(request):
    return Direction.objects.filter(programme__in=_programmes(request)).order_by(
        "programme__starts_on", "programme_id", "number"
    )


def _require(request, permission, obj=None):
    if not request.user.has_perm(permission, obj):
        raise PermissionDenied


def _form_page(request, *, form, title, back_url, back_label, apply, success, done_url,
               intro=""):
    """Parse the form and apply the rule; a refusal is shown on the form, nothing saved."""
    applied, result = apply_posted_form(request, form, apply)
    if applied:
        messages.success(request, success(result))
        return redirect(done_url(result))
    return render(request, "diagnostics/round_form_page.html", {
        "form": form, "title": title, "back_url": back_url, "back_label": back_label,
        "intro": intro,
    })


# The deficit catalogue.

@municipality_wide
def deficit_list(request):
    directions = _directions(request)
    deficits = (
        deficits_for_user(request.user)
        .select_related("direction__programme")
        .annotate(use_count=Count("diagnoses"))
        .order_by("direction__programme__starts_on", "direction__programme_id",
                  "direction__number", "code")
    )
    deficit_filter = DeficitFilter(request.GET, queryset=deficits, directions=directions)
    shown = list(deficit_filter.qs) if deficit_filter.is_valid() else []
    return render(request, "diagnostics/deficit_list.html", {
        "filter": deficit_filter,
        "deficits": shown,
        "template_count": sum(deficit.from_template for deficit in shown),
        "can_manage": request.user.has_perm("diagnostics.manage_catalogue"),
        "several_programmes": len({direction.programme_id for direction in directions}) > 1,
    })


def _deficit_for(request, pk) -> Deficit:
    return get_object_or_404(
        deficits_for_user(request.user).select_related("direction__programme"), pk=pk
    )


@login_required
def deficit_create(request):
    _require(request, "diagnostics.manage_catalogue")
    directions = _directions(request)
    initial = {}
    wanted = request.GET.get("direction", "")
    if wanted.isdigit():
        initial["direction"] = wanted
    return _form_page(
        request,
        form=DeficitForm(request.POST or None, directions=directions, initial=initial),
        title="Новый дефицит",
        back_url=reverse("deficit_list"), back_label="Каталог дефицитов",
        apply=lambda data: catalogue.add_deficit(
            direction=data["direction"], code=data["code"], wording=data["wording"],
            active=data["active"],
        ),
        success=lambda deficit: f"Дефицит {deficit.code} добавлен в направление "
                                f"{deficit.direction.number}.",
        done_url=lambda deficit: f"{reverse('deficit_list')}?direction={deficit.direction_id}",
    )


@login_required
def deficit_edit(request, pk):
    deficit = _deficit_for(request, pk)
    _require(request, "diagnostics.manage_catalogue", deficit)
    return _form_page(
        request,
        form=DeficitForm(
            request.POST or None, directions=_directions(request), deficit=deficit,
            initial={"direction": deficit.direction_id, "code": deficit.code,
                     "wording": deficit.wording, "active": deficit.active},
        ),
        title=f"Дефицит {deficit.code}",
        intro="Формулировка из стартового шаблона: уточните её под свой район."
        if deficit.from_template else "",
        back_url=reverse("deficit_list"), back_label="Каталог дефицитов",
        apply=lambda data: catalogue.change_deficit(
            deficit=deficit, direction=data["direction"], code=data["code"],
            wording=data["wording"], active=data["active"],
            wording_checked=data.get("wording_checked", False),
        ),
        success=lambda deficit: f"Дефицит {deficit.code} сохранён.",
        done_url=lambda deficit: f"{reverse('deficit_list')}?direction={deficit.direction_id}",
    )


@login_required
def deficit_delete(request, pk):
    deficit = _deficit_for(request, pk)
    _require(request, "diagnostics.manage_catalogue", deficit)
    use_count = deficit.diagnoses.count()
    if request.method == "POST":
        deleted = catalogue.retire_deficit(deficit=deficit)
        if deleted:
            messages.success(request, f"Дефицит {deficit.code} удалён из каталога.")
        else:
            messages.success(
                request,
                f"Дефицит {deficit.code} уже отмечен в "
                f"{use_count} {ru_plural(use_count, 'результате', 'результатах', 'результатах')}"
                " диагностики, поэтому он не удалён, а выключен: в новых диагностиках его "
                "нет, прежние результаты его сохраняют.",
            )
        return redirect(f"{reverse('deficit_list')}?direction={deficit.direction_id}")
    return render(request, "diagnostics/deficit_delete.html", {
        "deficit": deficit, "use_count": use_count,
    })


# Rounds.

def _round_for(request, pk) -> DiagnosticRound:
    return get_object_or_404(rounds_for_user(request.user).select_related("programme"), pk=pk)


@dataclass
class RoundRow:
    round: DiagnosticRound
    state: str
    expert_count: int
    self_count: int


def _refuse_teachers(request) -> None:
    """Team rounds diagnose management teams; a teacher's own diagnostics live elsewhere."""
    if role_of(request.user) == Role.TEACHER and not request.user.is_superuser:
        raise PermissionDenied


@login_required
def round_list(request):
    _refuse_teachers(request)
    today = timezone.localdate()
    rounds = (
        rounds_for_user(request.user)
        .select_related("programme", "control_point")
        .annotate(
            expert_count=Count("diagnoses", filter=Q(diagnoses__source=DiagnosisSource.EXPERT)),
            self_count=Count("diagnoses", filter=Q(diagnoses__source=DiagnosisSource.SELF)),
        )
        .order_by("starts_on", "id")
    )
    rows = [RoundRow(r, round_rules.entry_state(diagnostic_round=r, today=today),
                     r.expert_count, r.self_count) for r in rounds]
    return render(request, "diagnostics/round_list.html", {
        "rows": rows,
        "can_manage": request.user.has_perm("diagnostics.manage_rounds"),
        "staff_roles": sees_whole_municipality(request.user),
    })


def _round_form(request, *, diagnostic_round=None):
    programmes = _programmes(request)
    control_points = ControlPoint.objects.filter(
        programme__in=programmes, kind__in=list(round_rules.CONTROL_POINT_KINDS.values())
    ).order_by("starts_on")
    initial = {}
    if diagnostic_round is not None:
        initial = {
            "programme": diagnostic_round.programme_id, "kind": diagnostic_round.kind,
            "title": diagnostic_round.title,
            "control_point": diagnostic_round.control_point_id,
            "starts_on": diagnostic_round.starts_on, "ends_on": diagnostic_round.ends_on,
            "entry_opens": diagnostic_round.entry_opens,
            "entry_closes": diagnostic_round.entry_closes,
        }
    else:
        first = programmes.order_by("-starts_on").first()
        if first is not None:
            initial["programme"] = first.pk
    return RoundForm(request.POST or None, programmes=programmes,
                     control_points=control_points, editing=diagnostic_round is not None,
                     initial=initial)


@login_required
def round_create(request):
    _require(request, "diagnostics.manage_rounds")
    return _form_page(
        request,
        form=_round_form(request),
        title="Новая диагностика",
        back_url=reverse("round_list"), back_label="Диагностики",
        apply=lambda data: round_rules.create_round(
            programme=data["programme"], control_point=data["control_point"],
            kind=data["kind"], title=data["title"], starts_on=data["starts_on"],
            ends_on=data["ends_on"], entry_opens=data["entry_opens"],
            entry_closes=data["entry_closes"],
        ),
        success=lambda r: f"Диагностика «{r.title}» создана.",
        done_url=lambda r: reverse("round_detail", args=[r.pk]),
    )


@login_required
def round_edit(request, pk):
    diagnostic_round = _round_for(request, pk)
    _require(request, "diagnostics.manage_rounds", diagnostic_round)
    return _form_page(
        request,
        form=_round_form(request, diagnostic_round=diagnostic_round),
        title=f"Диагностика «{diagnostic_round.title}»",
        back_url=reverse("round_detail", args=[diagnostic_round.pk]),
        back_label=diagnostic_round.title,
        apply=lambda data: round_rules.change_round(
            diagnostic_round=diagnostic_round, control_point=data["control_point"],
            kind=data["kind"], title=data["title"], starts_on=data["starts_on"],
            ends_on=data["ends_on"], entry_opens=data["entry_opens"],
            entry_closes=data["entry_closes"],
        ),
        success=lambda r: f"Диагностика «{r.title}» сохранена.",
        done_url=lambda r: reverse("round_detail", args=[r.pk]),
    )


def _own_team(request) -> ManagementTeam | None:
    profile = profile_of(request.user)
    if profile is None or profile.role != Role.SCHOOL or request.user.is_superuser:
        return None
    return ManagementTeam.objects.filter(organization_id=profile.organization_id).select_related(
        "organization"
    ).first()


@dataclass
class PlatformRow:
    platform: Platform
    team_count: int
    expert_count: int
    self_count: int
    can_enter: bool


@login_required
def round_detail(request, pk):
    diagnostic_round = _round_for(request, pk)
    today = timezone.localdate()
    state = round_rules.entry_state(diagnostic_round=diagnostic_round, today=today)
    period = round_rules.period_of_round(diagnostic_round=diagnostic_round)
    writable = may_write(user=request.user, diagnostic_round=diagnostic_round, today=today)
    context = {
        "round": diagnostic_round, "state": state, "period": period, "today": today,
        "writable": writable,
        "can_manage": request.user.has_perm("diagnostics.manage_rounds", diagnostic_round),
        "staff_roles": sees_whole_municipality(request.user),
        "start_round": rounds_for_user(request.user)
        .filter(programme_id=diagnostic_round.programme_id)
        .exclude(pk=diagnostic_round.pk)
        .order_by("starts_on", "id").first(),
    }
    if sees_whole_municipality(request.user):
        counts = {
            (row["direction_id"], row["source"]): row["n"]
            for row in Diagnosis.objects.filter(round=diagnostic_round)
            .values("direction_id", "source").annotate(n=Count("id"))
        }
        platforms = round_reads.round_platforms(diagnostic_round, period).annotate(
            team_count=Count("placements")
        ).prefetch_related(Prefetch("curators", queryset=Curator.objects.order_by("short_name")))
        context["platform_rows"] = [
            PlatformRow(
                platform=platform, team_count=platform.team_count,
                expert_count=counts.get((platform.direction_id, DiagnosisSource.EXPERT), 0),
                self_count=counts.get((platform.direction_id, DiagnosisSource.SELF), 0),
                can_enter=writable and request.user.has_perm(
                    "diagnostics.enter_expert_diagnoses", platform),
            )
            for platform in platforms
        ]
    else:
        team = _own_team(request)
        placements = (
            Placement.objects.filter(team=team, platform__period=period)
            .select_related("platform__direction").order_by("platform__direction__number")
            if team is not None and period is not None else Placement.objects.none()
        )
        own = {
            (diagnosis.direction_id, diagnosis.source): diagnosis
            for diagnosis in diagnoses_for_user(request.user)
            .filter(round=diagnostic_round).prefetch_related("deficits")
        }
        context["own_rows"] = [
            (placement, own.get((placement.platform.direction_id, DiagnosisSource.SELF)),
             own.get((placement.platform.direction_id, DiagnosisSource.EXPERT)))
            for placement in placements
        ]
        context["team"] = team
        context["can_self_assess"] = writable and request.user.has_perm(
            "diagnostics.enter_self_assessment", diagnostic_round
        ) and bool(context["own_rows"])
    return render(request, "diagnostics/round_detail.html", context)


def _locked(request, diagnostic_round, today):
    return render(request, "diagnostics/round_locked.html", {
        "round": diagnostic_round, "message": closed_message(diagnostic_round, today),
    }, status=403)


@login_required
def round_expert_entry(request, pk):
    diagnostic_round = _round_for(request, pk)
    period = round_rules.period_of_round(diagnostic_round=diagnostic_round)
    platform, writable = _expert_entry_platform(
        request, list(round_reads.round_platforms(diagnostic_round, period)))
    today = timezone.localdate()
    if not may_write(user=request.user, diagnostic_round=diagnostic_round, today=today):
        return _locked(request, diagnostic_round, today)

    entry = round_reads.expert_entry(diagnostic_round=diagnostic_round, platform=platform)
    form = DiagnosisRowsForm(request.POST or None, rows=entry.rows)
    if request.method == "POST" and form.is_valid():
        entries = [DiagnosisEntry(team=row.team, direction=row.direction, **form.row_values(row))
                   for row in entry.rows]
        try:
            summary = save_expert_diagnoses(
                diagnostic_round=diagnostic_round, platform=platform, entries=entries,
                entered_by=request.user, today=today,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _saved_message(
                summary, f"Результаты по направлению «{platform.direction.label}» сохранены"))
            return redirect(f"{reverse('round_expert_entry', args=[diagnostic_round.pk])}"
                            f"?platform={platform.pk}")
    return render(request, "diagnostics/round_entry.html", {
        "round": diagnostic_round, "form": form, "rows": entry.rows, "platform": platform,
        "platforms": writable, "period": period,
        "active_deficit_count": entry.active_deficit_count,
        "entry_state": round_rules.entry_state(diagnostic_round=diagnostic_round, today=today),
        "source": DiagnosisSource.EXPERT,
    })


def _expert_entry_platform(request, platforms: list[Platform]
                           ) -> tuple[Platform, list[Platform]]:
    """The platform asked for in ?platform= (else the first the user may enter results
    for) and every platform the user may enter results for."""
    writable = [p for p in platforms
                if request.user.has_perm("diagnostics.enter_expert_diagnoses", p)]
    if not writable:
        raise PermissionDenied
    wanted = request.GET.get("platform", "")
    if not wanted:
        return writable[0], writable
    platform = next((p for p in platforms if str(p.pk) == wanted), None)
    if platform is None:
        raise Http404
    if platform not in writable:
        raise PermissionDenied
    return platform, writable


def _saved_message(summary, saved: str) -> str:
    """``saved`` says what was saved, e.g. «Самооценка сохранена»."""
    if not summary.changed:
        return "Изменений нет: результаты уже были сохранены в таком виде."
    parts = []
    if summary.created:
        parts.append(f"внесено — {summary.created}")
    if summary.updated:
        parts.append(f"изменено — {summary.updated}")
    if summary.removed:
        parts.append(f"удалено — {summary.removed}")
    return f"{saved}: {', '.join(parts)}."


@login_required
def round_self_entry(request, pk):
    diagnostic_round = _round_for(request, pk)
    _require(request, "diagnostics.enter_self_assessment", diagnostic_round)
    team = _own_team(request)
    if team is None:
        raise PermissionDenied
    today = timezone.localdate()
    if not may_write(user=request.user, diagnostic_round=diagnostic_round, today=today):
        return _locked(request, diagnostic_round, today)
    period = round_rules.period_of_round(diagnostic_round=diagnostic_round)
    placements = list(
        placements_for_user(request.user).filter(team=team, platform__period=period)
        .select_related("platform__direction").order_by("platform__direction__number")
    )
    directions = [placement.platform.direction for placement in placements]
    stored = existing_diagnoses(diagnostic_round=diagnostic_round, source=DiagnosisSource.SELF,
                                teams=[team], directions=directions)
    by_direction = round_reads.deficits_by_direction(directions)
    rows = []
    for placement in placements:
        direction = placement.platform.direction
        saved = stored.get((team.pk, direction.pk))
        rows.append(EntryRow(
            key=str(direction.pk), team=team, direction=direction,
            label=str(direction),
            note=placement.tier_short,
            deficits=round_reads.deficit_choices(by_direction[direction.pk], saved), stored=saved,
        ))
    form = DiagnosisRowsForm(request.POST or None, rows=rows)
    if request.method == "POST" and form.is_valid():
        entries = [DiagnosisEntry(team=team, direction=row.direction, **form.row_values(row))
                   for row in rows]
        try:
            summary = save_self_assessment(diagnostic_round=diagnostic_round, team=team,
                                           entries=entries, entered_by=request.user,
                                           today=today)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _saved_message(summary, "Самооценка сохранена"))
            return redirect("round_detail", pk=diagnostic_round.pk)
    return render(request, "diagnostics/round_entry.html", {
        "round": diagnostic_round, "form": form, "rows": rows, "team": team, "period": period,
        "entry_state": round_rules.entry_state(diagnostic_round=diagnostic_round, today=today),
        "source": DiagnosisSource.SELF,
    })


@login_required
def team_diagnostics(request, pk):
    _refuse_teachers(request)
    organization = get_object_or_404(
        organizations_for_user(request.user).select_related("team"), pk=pk
    )
    team = getattr(organization, "team", None)
    rounds, panels = round_reads.team_deficit_panels(user=request.user,
                                                     organization=organization)
    return render(request, "diagnostics/team_diagnostics.html", {
        "organization": organization, "team": team, "rounds": rounds, "panels": panels,
        "staff_roles": sees_whole_municipality(request.user),
    })


# Dynamics between two rounds.

@municipality_wide
def round_dynamics(request):
    rounds = list(rounds_for_user(request.user).select_related("programme")
                  .order_by("starts_on", "id"))
    source = request.GET.get("source") or DiagnosisSource.EXPERT
    context = {"rounds": rounds, "ready": False}
    if len(rounds) < 2:
        return render(request, "diagnostics/round_dynamics.html", context)
    with_data = set(
        diagnoses_for_user(request.user).filter(source=source)
        .order_by().values_list("round_id", flat=True).distinct()
    ) if source in DiagnosisSource.values else set()
    first, second = round_reads.default_pair(rounds, with_data)
    data = {"first": first.pk, "second": second.pk if second else "", "source": source}
    data.update({key: request.GET[key] for key in ("first", "second") if request.GET.get(key)})
    form = DynamicsForm(data, rounds=rounds)
    context["form"] = form
    if not form.is_valid():
        return render(request, "diagnostics/round_dynamics.html", context)
    by_pk = {r.pk: r for r in rounds}
    first, second = by_pk[form.cleaned_data["first"]], by_pk[form.cleaned_data["second"]]
    source = form.cleaned_data["source"] or DiagnosisSource.EXPERT
    if first.pk == second.pk:
        form.add_error("second", "Выберите две разные диагностики.")
    elif first.programme_id != second.programme_id:
        form.add_error("second", "Диагностики относятся к разным проектам.")
    if form.errors:
        return render(request, "diagnostics/round_dynamics.html", context)

    comparison = round_reads.compare_two_rounds(user=request.user, first=first,
                                                second=second, source=source)
    context.update({
        "ready": True, "first": first, "second": second, "source": source,
        "source_label": DiagnosisSource(source).label,
        "direction_shares": comparison.direction_shares,
        "overall": comparison.overall,
        "rows": comparison.rows,
        "decreased_count": sum(1 for row in comparison.rows if row.change.decreased),
    })
    return render(request, "diagnostics/round_dynamics.html", context)
