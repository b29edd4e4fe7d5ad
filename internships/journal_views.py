"""Pages of a platform's journal and work plan."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Case, OuterRef, Q, Subquery, When
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from core.forms import add_service_errors, apply_posted_form
from core.links import url_maker
from core.spreadsheets import xlsx_response
from internships import journal
from internships.access import (
    attachments_for_user,
    entries_for_user,
    planned_events_for_user,
    platforms_for_user,
    results_for_user,
    transfers_for_user,
)
from internships.attachments import attachment_response
from internships.journal_export import journal_workbook
from internships.journal_forms import (
    TEAM_NAMES_LIST,
    EntryForm,
    JournalFilter,
    PlanForm,
    ResultFormSet,
    ResultsVersionForm,
)
from internships.journal_reads import (
    entry_history,
    journal_entries,
    listed_entries,
    people_in_summaries,
    plan_against_held,
    team_list,
    timeline,
)
from internships.models import (
    TIER_ORDER,
    JournalEntry,
    Placement,
    PlannedEvent,
    Platform,
    Tier,
)
from teams.access import profile_of, sees_whole_municipality
from teams.models import ManagementTeam, Role

KEEP = "internships.keep_journal"


def _platform(request, pk) -> Platform:
    return get_object_or_404(
        platforms_for_user(request.user).select_related(
            "direction", "period__programme__municipality"
        ),
        pk=pk,
    )


def _entry(request, pk) -> JournalEntry:
    return get_object_or_404(
        entries_for_user(request.user).select_related(
            "platform__direction", "platform__period__programme__municipality", "venue",
            "updated_by", "created_by",
        ),
        pk=pk,
    )


def _require_keep(request, platform: Platform) -> None:
    if not request.user.has_perm(KEEP, platform):
        raise PermissionDenied


# The journal -----------------------------------------------------------------------------

# A page of the timeline; the filters stay in the address of every page.
TIMELINE_PER_PAGE = 50
# Teams of each tier the team list shows until asked for all (?teams=all).
TEAMS_FIRST_SCREEN = 15
# Parameters of the page's own paging, not filters of the journal.
PAGING = ("page", "teams")


def _first_screen(teams: list[tuple[str, str, list]], *, show_all: bool) -> list[tuple]:
    """Each tier of the team list as (tier, label, rows shown, how many it has), the rows
    with the addresses of their organization and transfer. A platform of a large
    municipality has hundreds of teams: the first ones of each tier are shown until asked."""
    organization_url = url_maker("organization_detail")
    transfer_url = url_maker("transfer_create")
    screen = []
    for tier, label, placements in teams:
        shown = placements if show_all else placements[:TEAMS_FIRST_SCREEN]
        for placement in shown:
            placement.organization_url = organization_url(placement.team.organization_id)
            placement.transfer_url = transfer_url(placement.pk)
        screen.append((tier, label, shown, len(placements)))
    return screen


def _filters_of(request):
    """The journal's filters from the address, without the page's own paging."""
    data = request.GET.copy()
    for name in PAGING:
        data.pop(name, None)
    return data or None


def _filtered_journal(request, platform: Platform):
    journal_filter = JournalFilter(
        _filters_of(request),
        queryset=entries_for_user(request.user).filter(platform=platform),
        platform=platform,
    )
    transfers = (
        transfers_for_user(request.user)
        .filter(placement__platform=platform)
        .select_related("placement__team__organization", "recorded_by")
    )
    if journal_filter.is_bound and not journal_filter.is_valid():
        return journal_filter, JournalEntry.objects.none(), transfers.none()
    if journal_filter.is_bound:
        return journal_filter, journal_filter.qs, journal_filter.transfers(transfers)
    return journal_filter, journal_filter.queryset, transfers


@login_required
def journal_page(request, pk):
    platform = _platform(request, pk)
    journal_filter, entries, transfers = _filtered_journal(request, platform)
    entries = listed_entries(entries)
    items = timeline(entries=entries, transfers=transfers)
    page = Paginator(items, TIMELINE_PER_PAGE).get_page(request.GET.get("page"))
    report = plan_against_held(platform=platform, today=timezone.localdate())
    teams = team_list(platform=platform)
    all_teams = request.GET.get("teams") == "all"
    filters = _filters_of(request)
    screen = _first_screen(teams, show_all=all_teams)
    return render(request, "internships/journal.html", {
        "platform": platform,
        "filter": journal_filter,
        "page": page,
        "items": page.object_list,
        "entry_count": len(entries),
        "people": people_in_summaries(entry.summary for entry in entries),
        "transfer_count": sum(item.transfer is not None for item in items),
        "teams": screen,
        "all_teams": all_teams,
        "some_hidden": any(len(shown) < total for _, _, shown, total in screen),
        "team_names": sorted({placement.team.organization.short_name
                              for _, _, placements in teams for placement in placements}),
        "team_names_list": TEAM_NAMES_LIST,
        "plan": report,
        "can_keep": request.user.has_perm(KEEP, platform),
        "query": filters.urlencode() if filters else "",
    })


@login_required
def journal_excel(request, pk):
    platform = _platform(request, pk)
    _, entries, transfers = _filtered_journal(request, platform)
    content = journal_workbook(
        entries=list(journal_entries(entries).order_by("held_on", "pk")),
        transfers=list(transfers.order_by("transferred_on", "pk")),
        teams=team_list(platform=platform),
    )
    name = f"zhurnal-stazhirovka-{platform.direction.number}-{platform.period.starts_on.year}"
    return xlsx_response(content, filename=f"{name}.xlsx")


# Entries --------------------------------------------------------------------------------

def _entry_form(request, platform: Platform, *, entry=None, data=None, initial=None):
    placements = Placement.objects.filter(platform__period_id=platform.period_id).select_related(
        "platform__direction"
    )
    labels = {}
    elsewhere = {}
    for placement in placements:
        if placement.platform_id == platform.pk:
            labels[placement.team_id] = placement.tier_short
        else:
            elsewhere.setdefault(placement.team_id, []).append(placement.platform.direction)
    for team_id, directions in elsewhere.items():
        if team_id not in labels:
            labels[team_id] = ", ".join(
                direction.label for direction in sorted(directions, key=lambda d: d.number))
    # This platform's teams first, leaders to hidden reserves; then the year's others.
    tier_here = Subquery(
        Placement.objects.filter(platform=platform, team=OuterRef("pk")).values("tier")[:1]
    )
    rank = Case(*(When(tier_here=tier, then=index) for index, tier in enumerate(TIER_ORDER)),
                default=len(TIER_ORDER))
    order = ["rank", "organization__sort_rank", "organization__number"]
    hosts = journal.host_candidates(platform=platform).annotate(
        tier_here=tier_here, rank=rank
    ).order_by(*order)
    participants = journal.participant_candidates(platform=platform).annotate(
        tier_here=tier_here, rank=rank
    ).order_by(*order)
    plan_lines = PlannedEvent.objects.filter(platform=platform).filter(
        Q(entry__isnull=True) | Q(entry=entry) if entry else Q(entry__isnull=True)
    )
    return EntryForm(
        data, request.FILES if data is not None else None, initial=initial, platform=platform,
        hosts=hosts, participants=participants, participant_labels=labels,
        plan_lines=plan_lines,
    )


def _entry_data(cleaned) -> journal.EntryData:
    return journal.EntryData(
        held_on=cleaned["held_on"], ends_on=cleaned["ends_on"], form=cleaned["form"],
        form_other=cleaned["form_other"], topic=cleaned["topic"], venue=cleaned["venue"],
        hosts=list(cleaned["hosts"]), participants=list(cleaned["participants"]),
        description=cleaned["description"], planned_event=cleaned["planned_event"],
    )


def _entry_form_page(request, *, platform, form, title, entry=None):
    # A browser never sends chosen files back with a form shown again: say so.
    files_to_choose_again = bool(request.FILES) and bool(form.errors)
    return render(request, "internships/entry_form.html", {
        "platform": platform, "form": form, "title": title, "entry": entry,
        "files_to_choose_again": files_to_choose_again,
    })


def _plan_initial(request, platform: Platform) -> dict:
    """Starting a record from a plan line: its form, topic, date and responsible team."""
    wanted = request.GET.get("plan", "")
    if not wanted.isdigit():
        return {}
    event = PlannedEvent.objects.filter(
        platform=platform, pk=wanted, entry__isnull=True
    ).first()
    if event is None:
        return {}
    initial = {"planned_event": event.pk, "form": event.form, "form_other": event.form_other,
               "topic": event.topic}
    if event.planned_on:
        initial["held_on"] = event.planned_on
    if event.responsible_id:
        initial["hosts"] = [event.responsible_id]
    return initial


@login_required
def entry_add(request, pk):
    platform = _platform(request, pk)
    _require_keep(request, platform)
    if request.method == "POST":
        form = _entry_form(request, platform, data=request.POST)
        if form.is_valid():
            try:
                entry = journal.record_entry(
                    platform=platform, data=_entry_data(form.cleaned_data),
                    files=form.cleaned_data["files"], recorded_by=request.user,
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request,
                    f"Мероприятие {entry.held_on:%d.%m.%Y} записано в журнал. "
                    "Внесите результаты команд, затем отметьте, на какие дефициты оно "
                    "направлено.",
                )
                # A new event goes on: its results, then the deficits it addresses.
                return redirect(reverse("entry_results", args=[entry.pk]) + "?next=deficits")
    else:
        form = _entry_form(request, platform, initial=_plan_initial(request, platform))
    return _entry_form_page(request, platform=platform, form=form,
                            title="Записать мероприятие")


@login_required
def entry_detail(request, pk):
    entry = _entry(request, pk)
    platform = entry.platform
    whole = sees_whole_municipality(request.user)
    results = (
        results_for_user(request.user)
        .filter(entry=entry)
        .select_related("team__organization")
        .order_by("team__organization__sort_rank", "team__organization__number")
    )
    profile = profile_of(request.user)
    own_team_ids = None
    if not whole and profile is not None and profile.role == Role.SCHOOL:
        own_team_ids = set(
            entry.results.filter(team__organization_id=profile.organization_id)
            .values_list("team_id", flat=True)
        )
    return render(request, "internships/entry_detail.html", {
        "entry": entry,
        "platform": platform,
        "hosts": entry.hosts.select_related("organization").order_by(
            "organization__sort_rank", "organization__number"
        ),
        "results": results,
        "attachments": entry.attachments.select_related("uploaded_by"),
        "planned_event": PlannedEvent.objects.filter(entry=entry).first(),
        "history": entry_history(entry=entry, team_ids=own_team_ids) if whole else None,
        "sees_platform": whole,
        "can_keep": request.user.has_perm(KEEP, platform),
    })


def _edit_initial(entry: JournalEntry) -> dict:
    plan = PlannedEvent.objects.filter(entry=entry).first()
    return {
        "held_on": entry.held_on, "ends_on": entry.ends_on, "form": entry.form,
        "form_other": entry.form_other, "topic": entry.topic, "venue": entry.venue_id,
        "hosts": list(entry.hosts.values_list("pk", flat=True)),
        "participants": list(entry.results.values_list("team_id", flat=True)),
        "planned_event": plan.pk if plan else None, "description": entry.description,
        "version": entry.version,
    }


@login_required
def entry_edit(request, pk):
    entry = _entry(request, pk)
    platform = entry.platform
    _require_keep(request, platform)
    title = f"Изменить мероприятие {entry.held_on:%d.%m.%Y}"
    if request.method != "POST":
        form = _entry_form(request, platform, entry=entry, initial=_edit_initial(entry))
        return _entry_form_page(request, platform=platform, form=form, title=title, entry=entry)
    form = _entry_form(request, platform, entry=entry, data=request.POST)
    if form.is_valid() and form.cleaned_data["version"] is None:
        form.add_error(None, "Форма пришла без номера версии записи: откройте мероприятие "
                             "заново и повторите изменения.")
    if form.is_valid():
        version = form.cleaned_data["version"]
        try:
            entry = journal.update_entry(
                entry=entry, version=version, data=_entry_data(form.cleaned_data),
                files=form.cleaned_data["files"], updated_by=request.user,
            )
        except journal.StaleEntry as error:
            # Keep what the user typed; the next save is made knowing the other change.
            data = request.POST.copy()
            data["version"] = str(JournalEntry.objects.get(pk=entry.pk).version)
            form = _entry_form(request, platform, entry=entry, data=data)
            form.is_valid()
            form.add_error(None, error.messages[0])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Изменения сохранены.")
            return redirect("entry_detail", pk=entry.pk)
    return _entry_form_page(request, platform=platform, form=form, title=title, entry=entry)


@login_required
def entry_results(request, pk):
    entry = _entry(request, pk)
    platform = entry.platform
    _require_keep(request, platform)
    results = list(
        entry.results.select_related("team__organization").order_by(
            "team__organization__sort_rank", "team__organization__number"
        )
    )
    names = {result.team_id: result.team.organization.short_name for result in results}
    tiers = dict(
        Placement.objects.filter(platform=platform, team_id__in=names).values_list(
            "team_id", "tier"
        )
    )
    initial = [
        {"team": r.team_id, "attended": r.attended, "managers": r.managers,
         "teachers": r.teachers, "outcome": r.outcome, "comment": r.comment}
        for r in results
    ]
    service_errors = []
    if request.method == "POST":
        formset = ResultFormSet(request.POST, initial=initial, names=names)
        version_form = ResultsVersionForm(request.POST)
        if formset.is_valid() and version_form.is_valid():
            rows = [
                journal.ResultRow(
                    team_id=row["team"], attended=row["attended"], managers=row["managers"],
                    teachers=row["teachers"], outcome=row["outcome"], comment=row["comment"],
                )
                for row in formset.cleaned_data
            ]
            try:
                journal.save_results(entry=entry, version=version_form.cleaned_data["version"],
                                     rows=rows, updated_by=request.user)
            except journal.StaleEntry as error:
                # The rows typed stay in the form; saving again overwrites knowingly.
                service_errors = error.messages
                current = JournalEntry.objects.values_list("version", flat=True).get(pk=entry.pk)
                version_form = ResultsVersionForm(initial={"version": current})
            except ValidationError as error:
                service_errors = error.messages
            else:
                messages.success(request, "Результаты команд сохранены.")
                if request.GET.get("next") == "deficits":
                    return redirect("entry_deficits", pk=entry.pk)
                return redirect("entry_detail", pk=entry.pk)
    else:
        formset = ResultFormSet(initial=initial, names=names)
        version_form = ResultsVersionForm(initial={"version": entry.version})
    for form in formset.forms:
        team_id = form.initial.get("team")
        form.tier = Tier(tiers[team_id]).label if team_id in tiers else "другая площадка"
    return render(request, "internships/entry_results.html", {
        "entry": entry, "platform": platform, "formset": formset,
        "version_form": version_form, "service_errors": service_errors,
    })


@login_required
def entry_delete(request, pk):
    entry = _entry(request, pk)
    platform = entry.platform
    _require_keep(request, platform)
    if request.method == "POST":
        journal.delete_entry(entry=entry)
        messages.success(request, f"Мероприятие {entry.held_on:%d.%m.%Y} удалено из журнала.")
        return redirect("journal", pk=platform.pk)
    return render(request, "internships/entry_delete.html", {
        "entry": entry, "platform": platform,
        "result_count": entry.results.count(),
        "attachment_count": entry.attachments.count(),
    })


# Attachments ----------------------------------------------------------------------------

@login_required
def attachment_download(request, pk):
    """Files are served only here, to those who may read the entry; never from /media/."""
    return attachment_response(get_object_or_404(attachments_for_user(request.user), pk=pk))


@login_required
@require_POST
def attachment_delete(request, pk):
    attachment = get_object_or_404(
        attachments_for_user(request.user).select_related(
            "entry__platform__period__programme"
        ),
        pk=pk,
    )
    entry = attachment.entry
    _require_keep(request, entry.platform)
    journal.remove_attachment(attachment=attachment)
    messages.success(request, f"Файл «{attachment.original_name}» удалён.")
    return redirect("entry_detail", pk=entry.pk)


# The work plan --------------------------------------------------------------------------

@login_required
def plan_page(request, pk):
    platform = _platform(request, pk)
    return render(request, "internships/plan.html", {
        "platform": platform,
        "plan": plan_against_held(platform=platform, today=timezone.localdate()),
        "can_keep": request.user.has_perm(KEEP, platform),
    })


def _platform_teams(platform: Platform):
    return ManagementTeam.objects.filter(placements__platform=platform).select_related(
        "organization"
    ).order_by("organization__sort_rank", "organization__number")


def _plan_data(cleaned) -> journal.PlanData:
    return journal.PlanData(
        month=cleaned["month"], planned_on=cleaned["planned_on"], form=cleaned["form"],
        form_other=cleaned["form_other"], topic=cleaned["topic"],
        responsible=cleaned["responsible"],
    )


def _plan_form_page(request, *, platform, form, title, apply, success):
    applied, _ = apply_posted_form(request, form, lambda data: apply(_plan_data(data)))
    if applied:
        messages.success(request, success)
        return redirect("plan", pk=platform.pk)
    return render(request, "internships/plan_form.html", {
        "platform": platform, "form": form, "title": title,
    })


@login_required
def plan_add(request, pk):
    platform = _platform(request, pk)
    _require_keep(request, platform)
    return _plan_form_page(
        request, platform=platform,
        form=PlanForm(request.POST or None, teams=_platform_teams(platform)),
        title="Добавить пункт плана",
        apply=lambda data: journal.plan_event(platform=platform, data=data),
        success="Пункт плана добавлен.",
    )


def _planned_event(request, pk) -> PlannedEvent:
    return get_object_or_404(
        planned_events_for_user(request.user).select_related(
            "platform__direction", "platform__period__programme__municipality"
        ),
        pk=pk,
    )


@login_required
def plan_edit(request, pk):
    event = _planned_event(request, pk)
    platform = event.platform
    _require_keep(request, platform)
    initial = {"month": event.month, "planned_on": event.planned_on, "form": event.form,
               "form_other": event.form_other, "topic": event.topic,
               "responsible": event.responsible_id}
    return _plan_form_page(
        request, platform=platform,
        form=PlanForm(request.POST or None, initial=initial, teams=_platform_teams(platform)),
        title="Изменить пункт плана",
        apply=lambda data: journal.update_planned_event(event=event, data=data),
        success="Пункт плана изменён.",
    )


@login_required
@require_POST
def plan_delete(request, pk):
    event = _planned_event(request, pk)
    platform = event.platform
    _require_keep(request, platform)
    journal.delete_planned_event(event=event)
    messages.success(request, f"Пункт плана «{event.topic}» удалён.")
    return redirect("plan", pk=platform.pk)
