"""Pages of the chain from a deficit to the events on it and to what changed."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from core.forms import apply_posted_form
from diagnostics.access import deficits_for_user, diagnoses_for_user
from diagnostics.models import Deficit, DiagnosisSource, DiagnosticRound
from internships.access import entries_for_user, planned_events_for_user, platforms_for_user
from internships.models import Direction
from internships.views import municipality_wide
from outcomes import addressing
from outcomes.change import FORMULA, load_attributable_change
from outcomes.forms import AddressedDeficitsForm, GapsForm, RoundPairForm
from outcomes.gaps import deficit_gaps
from outcomes.reads import deficit_chain, entry_deficit_ids, suggested_deficits
from outcomes.team_reads import team_chain
from teams.access import organizations_for_user, role_of, sees_whole_municipality
from teams.models import Role

KEEP = "internships.keep_journal"
# The longest lists of the gaps page show this many rows; a direction narrows them.
SHOWN_ROWS = 100


def _rounds_with_data(request, deficit: Deficit) -> list[DiagnosticRound]:
    with_data = (diagnoses_for_user(request.user)
                 .filter(source=DiagnosisSource.EXPERT, direction_id=deficit.direction_id)
                 .values("round_id"))
    return list(DiagnosticRound.objects.filter(pk__in=with_data).order_by("starts_on", "pk"))


def _change(request, deficit: Deficit, rounds: list[DiagnosticRound]):
    """The pair asked for in ?first=&second=, else the last two rounds with data."""
    if len(rounds) < 2:
        return None, None
    data = {"first": rounds[-2].pk, "second": rounds[-1].pk}
    data.update({key: request.GET[key] for key in ("first", "second") if request.GET.get(key)})
    form = RoundPairForm(data, rounds=rounds)
    if not form.is_valid():
        return form, None
    by_pk = {r.pk: r for r in rounds}
    first, second = sorted((by_pk[form.cleaned_data["first"]],
                            by_pk[form.cleaned_data["second"]]),
                           key=lambda r: (r.starts_on, r.pk))
    change = load_attributable_change(user=request.user, deficit=deficit,
                                      first=first, second=second)
    return form, {"first": first, "second": second, "figures": change}


@municipality_wide
def deficit_detail(request, pk):
    deficit = get_object_or_404(
        deficits_for_user(request.user).select_related("direction__programme"), pk=pk)
    rounds = _rounds_with_data(request, deficit)
    form, change = _change(request, deficit, rounds)
    return render(request, "outcomes/deficit_detail.html", {
        "deficit": deficit, "chain": deficit_chain(user=request.user, deficit=deficit),
        "pair_form": form, "change": change, "formula": FORMULA,
    })


def _choices(platform, named: set[int]):
    suggestions = suggested_deficits(platform)
    queryset = Deficit.objects.filter(
        Q(active=True) | Q(pk__in=named), direction_id=platform.direction_id)
    ordered = sorted(queryset, key=lambda d: (-suggestions.counts.get(d.pk, 0), d.code))
    return suggestions, queryset, ordered


def _addressed_page(request, *, platform, named: set[int], inherited: set[int], apply,
                    back_url: str, back_label: str, subject: str):
    if not request.user.has_perm(KEEP, platform):
        raise PermissionDenied
    suggestions, queryset, ordered = _choices(platform, named)
    form = AddressedDeficitsForm(request.POST or None, queryset=queryset,
                                 suggestions=suggestions, initial={"deficits": sorted(named)})
    form.fields["deficits"].choices = [(d.pk, form.fields["deficits"].label_from_instance(d))
                                       for d in ordered]
    applied, _ = apply_posted_form(request, form, apply)
    if applied:
        messages.success(request, "Дефициты, на которые направлено мероприятие, сохранены.")
        return redirect(back_url)
    return render(request, "outcomes/addressed_form.html", {
        "form": form, "platform": platform, "suggestions": suggestions, "back_url": back_url,
        "back_label": back_label, "subject": subject,
        "inherited": Deficit.objects.filter(pk__in=inherited).order_by("code"),
    })


@login_required
def entry_deficits(request, pk):
    entry = get_object_or_404(entries_for_user(request.user)
                              .select_related("platform__direction__programme"), pk=pk)
    own, planned = entry_deficit_ids(entry)
    return _addressed_page(
        request, platform=entry.platform, named=own, inherited=planned,
        back_url=reverse("entry_detail", args=[entry.pk]), back_label="Мероприятие журнала",
        subject=f"мероприятие {entry.held_on:%d.%m.%Y} «{entry.topic}»",
        apply=lambda data: addressing.name_entry_deficits(
            entry=entry, deficits=data["deficits"], named_by=request.user),
    )


@login_required
def plan_deficits(request, pk):
    planned = get_object_or_404(planned_events_for_user(request.user)
                                .select_related("platform__direction__programme"), pk=pk)
    named = set(planned.addressed_deficits.values_list("deficit_id", flat=True))
    return _addressed_page(
        request, platform=planned.platform, named=named, inherited=set(),
        back_url=reverse("plan", args=[planned.platform_id]), back_label="План работы площадки",
        subject=f"мероприятие плана «{planned.topic}»",
        apply=lambda data: addressing.name_plan_deficits(
            planned=planned, deficits=data["deficits"], named_by=request.user),
    )


@login_required
def team_deficit_events(request, pk):
    if role_of(request.user) == Role.TEACHER:
        raise PermissionDenied
    organization = get_object_or_404(
        organizations_for_user(request.user).select_related("team"), pk=pk)
    team = getattr(organization, "team", None)
    return render(request, "outcomes/team_deficit_events.html", {
        "organization": organization,
        "chains": team_chain(user=request.user, team=team) if team else [],
        "staff_roles": sees_whole_municipality(request.user),
    })


def _plan_platforms(request, diagnostic_round: DiagnosticRound) -> dict[int, list]:
    """Direction → its platforms in the first academic year still running at the round's
    start, whose work plans are the ones to act from."""
    platforms = list(platforms_for_user(request.user)
                     .filter(direction__programme_id=diagnostic_round.programme_id,
                             period__ends_on__gte=diagnostic_round.starts_on)
                     .select_related("period", "direction").order_by("period__starts_on", "pk"))
    found: dict[int, list] = {}
    for platform in platforms:
        if platform.period_id == platforms[0].period_id:
            found.setdefault(platform.direction_id, []).append(platform)
    return found


def _by_team(pairs, plans: dict[int, list]) -> list[tuple]:
    """(team, its deficits, the plans of their directions), one row per team."""
    rows: dict[int, tuple] = {}
    for team, deficit in pairs:
        row = rows.setdefault(team.pk, (team, [], []))
        row[1].append(deficit)
        for platform in plans.get(deficit.direction_id, []):
            if platform not in row[2]:
                row[2].append(platform)
    return list(rows.values())


@municipality_wide
def deficit_gaps_page(request):
    with_data = (diagnoses_for_user(request.user).filter(source=DiagnosisSource.EXPERT)
                 .values("round_id"))
    rounds = list(DiagnosticRound.objects.filter(pk__in=with_data).order_by("starts_on", "pk"))
    context = {"rounds": rounds}
    if not rounds:
        return render(request, "outcomes/deficit_gaps.html", context)
    directions = list(Direction.objects.filter(
        programme_id__in={r.programme_id for r in rounds}).order_by("programme_id", "number"))
    data = {"round": rounds[-1].pk, **{key: request.GET[key] for key in ("round", "direction")
                                        if request.GET.get(key)}}
    form = GapsForm(data, rounds=rounds, directions=directions)
    context["form"] = form
    if form.is_valid():
        chosen = next(r for r in rounds if r.pk == form.cleaned_data["round"])
        gaps = deficit_gaps(user=request.user, diagnostic_round=chosen,
                            direction_id=form.cleaned_data["direction"])
        plans = _plan_platforms(request, chosen)
        unattended = _by_team(gaps.unattended, plans)
        context.update({
            "gaps": gaps,
            "unaddressed": [(deficit, teams, plans.get(deficit.direction_id, []))
                            for deficit, teams in gaps.unaddressed],
            "unattended": unattended[:SHOWN_ROWS],
            "unattended_total": len(unattended),
            "silent_events": gaps.silent_events[:SHOWN_ROWS],
            "silent_total": len(gaps.silent_events),
            "shown_rows": SHOWN_ROWS,
        })
    return render(request, "outcomes/deficit_gaps.html", context)
