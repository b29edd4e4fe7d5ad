"""Reading a platform's journal: its timeline, team list, plan against what was held, history."""

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import (
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
)
from django.db.models.functions import Coalesce

from internships.access import entries_for_user, planned_events_for_user, results_for_user
from internships.matrix import matrix_placements
from internships.models import (
    TIER_ORDER,
    EntryAttachment,
    JournalEntry,
    Outcome,
    PlannedEvent,
    Platform,
    TeamResult,
    Tier,
    Transfer,
    WorkForm,
)
from teams.access import has_role
from teams.models import ManagementTeam, Organization, Role


@dataclass
class TimelineItem:
    """One line of the journal: an event held, or a team's transfer between tiers."""

    day: datetime.date
    entry: JournalEntry | None = None
    transfer: Transfer | None = None

    @property
    def sort_key(self) -> tuple:
        # Same day: the transfer after the event it followed from.
        kind = 1 if self.transfer is not None else 0
        obj = self.transfer or self.entry
        return (self.day, kind, obj.pk)


def _hosts() -> Prefetch:
    """An entry's host teams in list order, with only the name that is shown of each."""
    return Prefetch(
        "hosts",
        queryset=ManagementTeam.objects.select_related("organization")
        .only("id", "organization__id", "organization__short_name")
        .order_by("organization__sort_rank", "organization__number"),
    )


def journal_entries(queryset: QuerySet[JournalEntry]) -> QuerySet[JournalEntry]:
    """Entries with their hosts and every result row, in a fixed number of queries."""
    return queryset.select_related("venue", "planned_event").prefetch_related(
        _hosts(),
        Prefetch("results", queryset=TeamResult.objects.select_related("team__organization")
                 .only("id", "entry_id", "attended", "managers", "teachers", "outcome",
                       "comment", "team__id", "team__organization__id",
                       "team__organization__short_name")
                 .order_by("team__organization__sort_rank", "team__organization__number")),
    ).annotate(attachment_count=Count("attachments"))


def _per_entry(rows: QuerySet, total) -> Coalesce:
    """One number over an entry's rows (``rows`` refers to the entry as ``OuterRef("pk")``)."""
    return Coalesce(
        Subquery(rows.order_by().values("entry").annotate(n=total).values("n"),
                 output_field=IntegerField()),
        0,
    )


def listed_entries(queryset: QuerySet[JournalEntry]) -> list[JournalEntry]:
    """Entries as the journal page lists them, each with its ``summary`` (the figures of
    ``entry_summary``) counted in SQL: a platform of a large municipality has thousands of
    result rows, and the page shows only their totals."""
    results = TeamResult.objects.filter(entry=OuterRef("pk"))
    attended = results.filter(attended=True)
    entries = list(
        queryset.select_related("venue", "planned_event").prefetch_related(_hosts()).annotate(
            attachment_count=_per_entry(
                EntryAttachment.objects.filter(entry=OuterRef("pk")), Count("pk")),
            team_count=_per_entry(results, Count("pk")),
            attended_count=_per_entry(attended, Count("pk")),
            attended_managers=_per_entry(attended, Sum("managers")),
            attended_teachers=_per_entry(attended, Sum("teachers")),
        )
    )
    for entry in entries:
        entry.summary = {
            "teams": entry.team_count,
            "attended": entry.attended_count,
            "managers": entry.attended_managers,
            "teachers": entry.attended_teachers,
        }
    return entries


def timeline(*, entries, transfers) -> list[TimelineItem]:
    """Entries and transfers in one chronological list, newest first."""
    items = [TimelineItem(day=entry.held_on, entry=entry) for entry in entries]
    items += [TimelineItem(day=transfer.transferred_on, transfer=transfer)
              for transfer in transfers]
    return sorted(items, key=lambda item: item.sort_key, reverse=True)


def entry_summary(entry: JournalEntry) -> dict:
    """Counts over the prefetched results of an entry."""
    results = list(entry.results.all())
    attended = [result for result in results if result.attended]
    return {
        "teams": len(results),
        "attended": len(attended),
        "managers": sum(result.managers for result in attended),
        "teachers": sum(result.teachers for result in attended),
    }


@dataclass(frozen=True)
class PeopleTrained:
    """Managers and teachers of the teams that attended, summed over entries."""

    managers: int
    teachers: int


def people_trained(entries: Iterable[JournalEntry]) -> PeopleTrained:
    """Totals over the entries' prefetched results (see ``journal_entries``): the journal's
    own rows are summed as they are shown, without another query. Absent teams count 0."""
    return people_in_summaries(entry_summary(entry) for entry in entries)


def people_in_summaries(summaries: Iterable[dict]) -> PeopleTrained:
    """Totals over entry summaries already counted (see ``listed_entries``)."""
    summaries = list(summaries)
    return PeopleTrained(
        managers=sum(summary["managers"] for summary in summaries),
        teachers=sum(summary["teachers"] for summary in summaries),
    )


@dataclass
class TeamJournal:
    """A team's part in the journals of one year, as its organization page shows it."""

    # The latest, each with ``hosted``, ``own_attended``, ``own_people``, ``own_outcome``
    # and ``own_outcome_label``.
    entries: list[JournalEntry]
    entry_count: int
    managers: int
    teachers: int


def team_journal(*, user: User | AnonymousUser, team: ManagementTeam, period,
                 limit: int = 10) -> TeamJournal:
    """The entries a team hosted or took part in, newest first, with its own result."""
    involved = (
        entries_for_user(user)
        .filter(Q(hosts=team) | Q(results__team=team), platform__period=period)
        .values("pk")
    )
    own = results_for_user(user).filter(team=team, entry=OuterRef("pk"))
    entries = (
        JournalEntry.objects.filter(pk__in=involved)
        .select_related("platform__direction")
        .annotate(
            hosted=Exists(JournalEntry.hosts.through.objects.filter(
                journalentry_id=OuterRef("pk"), managementteam_id=team.pk)),
            # The team's own result row, read in the same query (None: no row).
            own_attended=Subquery(own.values("attended")[:1]),
            own_people=Subquery(own.annotate(people=F("managers") + F("teachers"))
                                .values("people")[:1]),
            own_outcome=Subquery(own.values("outcome")[:1]),
        )
        .order_by("-held_on", "-pk")
    )
    people = results_for_user(user).filter(
        team=team, attended=True, entry__platform__period=period
    ).aggregate(managers=Sum("managers", default=0), teachers=Sum("teachers", default=0))
    latest = list(entries[:limit])
    for entry in latest:
        entry.own_outcome_label = Outcome(entry.own_outcome).label if entry.own_outcome else ""
    return TeamJournal(
        entries=latest,
        entry_count=JournalEntry.objects.filter(pk__in=involved).count(),
        managers=people["managers"],
        teachers=people["teachers"],
    )


@dataclass
class TeamRow:
    team: ManagementTeam
    tier: str
    entry_count: int
    last_participation: datetime.date | None


def team_list(*, platform: Platform) -> list[tuple[str, str, list]]:
    """The platform's teams by tier, each with the entries here it took part in (a row marked
    not attended does not count), the entries it hosted and its last participation."""
    attended = TeamResult.objects.filter(team=OuterRef("team"), entry__platform=platform,
                                         attended=True)
    placements = platform.placements.annotate(
        entry_count=Coalesce(
            Subquery(attended.values("team").annotate(n=Count("entry", distinct=True))
                     .values("n"), output_field=IntegerField()),
            0,
        ),
        hosted_count=Coalesce(
            Subquery(
                JournalEntry.objects.filter(platform=platform, hosts=OuterRef("team"))
                .values("platform").annotate(n=Count("pk", distinct=True)).values("n"),
                output_field=IntegerField(),
            ),
            0,
        ),
        last_participation=Subquery(
            attended.order_by("-entry__held_on").values("entry__held_on")[:1]
        ),
    )
    by_tier = {tier: [] for tier in TIER_ORDER}
    # Hundreds of rows on a large platform: only the name and link of each team are shown.
    for placement in matrix_placements(placements):
        by_tier[placement.tier].append(placement)
    return [(tier, Tier(tier).label, by_tier[tier]) for tier in TIER_ORDER]


def due_date(event: PlannedEvent) -> datetime.date:
    """An exact date when planned; otherwise the last day of the month."""
    if event.planned_on is not None:
        return event.planned_on
    following = (event.month.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    return following - datetime.timedelta(days=1)


def overdue_condition(today: datetime.date) -> Q:
    """Not held, and its date (or the end of its month) is already past."""
    return Q(entry__isnull=True) & (
        Q(planned_on__lt=today) | Q(planned_on__isnull=True, month__lt=today.replace(day=1))
    )


@dataclass
class PlanLine:
    event: PlannedEvent
    status: str  # held / overdue / ahead

    @property
    def due(self) -> datetime.date:
        return due_date(self.event)


@dataclass
class PlanReport:
    lines: list[PlanLine]
    unplanned: list[JournalEntry] = field(default_factory=list)

    @property
    def held(self) -> int:
        return sum(line.status == "held" for line in self.lines)

    @property
    def overdue(self) -> list[PlanLine]:
        return [line for line in self.lines if line.status == "overdue"]

    @property
    def ahead(self) -> int:
        return sum(line.status == "ahead" for line in self.lines)


def plan_against_held(*, platform: Platform, today: datetime.date) -> PlanReport:
    """The work plan line by line: held (with its entry), overdue or still ahead."""
    events = PlannedEvent.objects.filter(platform=platform).select_related(
        "entry", "responsible__organization"
    )
    lines = []
    for event in events:
        if event.entry_id is not None:
            status = "held"
        elif due_date(event) < today:
            status = "overdue"
        else:
            status = "ahead"
        lines.append(PlanLine(event=event, status=status))
    unplanned = list(
        platform.entries.filter(planned_event__isnull=True).order_by("held_on", "pk")
    )
    return PlanReport(lines=lines, unplanned=unplanned)


def overdue_events(*, user: User | AnonymousUser, today: datetime.date) -> list[PlannedEvent]:
    """Overdue plan lines for the home page: a curator's own platforms, all for staff."""
    if has_role(user, Role.STAFF):
        events = planned_events_for_user(user)
    elif has_role(user, Role.CURATOR):
        events = planned_events_for_user(user).filter(platform__curators__user=user)
    else:
        return []
    return list(
        events.filter(overdue_condition(today))
        .select_related("platform__direction", "platform__period",
                        "responsible__organization")
        .order_by("month", "planned_on", "platform__direction__number", "pk")
    )


# History -------------------------------------------------------------------------------

ENTRY_FIELDS = ["held_on", "ends_on", "form", "form_other", "topic", "venue", "description",
                "hosts"]
RESULT_FIELDS = ["attended", "managers", "teachers", "outcome", "comment"]
# What a result row's record changed, by simple-history's type.
RESULT_SUBJECTS = {"+": "участие команды {}", "~": "результат команды {}",
                   "-": "участие команды {}"}


@dataclass
class Change:
    label: str
    old: str
    new: str


@dataclass
class HistoryItem:
    """``action`` is simple-history's type («+», «~», «-»); the page words it with the
    ``history_line`` tag."""

    when: datetime.datetime
    who: User | str | None
    action: str
    subject: str
    changes: list[Change]


def _shown(model, name: str, value, names: dict) -> str:
    if value is None or value == "" or value == frozenset():
        return "—"
    if name == "hosts":
        return ", ".join(sorted(names["teams"].get(team_id, "?") for team_id in value))
    if name == "venue":
        return names["organizations"].get(value, "удалённая организация")
    if name == "form":
        return WorkForm(value).label
    if name == "outcome":
        return Outcome(value).label
    if isinstance(value, bool):
        return "да" if value else "нет"
    if isinstance(value, datetime.date):
        return f"{value:%d.%m.%Y}"
    return str(value)


def _label(model, name: str) -> str:
    return str(model._meta.get_field(name).verbose_name).capitalize()


def _items(records, model, fields, subject_of, names,
           hosts_of: dict | None = None) -> list[HistoryItem]:
    """``hosts_of`` maps an entry record to its host team ids, read beforehand in one query:
    asked to diff ``hosts``, simple-history would read them record by record."""
    plain = [name for name in fields if name != "hosts"]
    items = []
    previous = {}
    for record in records:
        key = record.id
        before = previous.get(key)
        changes = []
        # An entry is written in two steps (the row, then its hosts): its first
        # record is its creation whatever its type.
        action = "+" if before is None and record.history_type != "-" else record.history_type
        if before is not None and record.history_type == "~":
            delta = record.diff_against(before, included_fields=plain)
            changed = [(change.field, change.old, change.new) for change in delta.changes]
            if hosts_of is not None:
                old_hosts = hosts_of.get(before.history_id, frozenset())
                new_hosts = hosts_of.get(record.history_id, frozenset())
                if old_hosts != new_hosts:
                    changed.append(("hosts", old_hosts, new_hosts))
            changes = [
                Change(_label(model, name), _shown(model, name, old, names),
                       _shown(model, name, new, names))
                for name, old, new in sorted(changed, key=lambda c: fields.index(c[0]))
            ]
            if not changes:
                previous[key] = record
                continue
        previous[key] = record
        # A change with no author user names its author in the reason (an API token).
        who = record.history_user or record.history_change_reason or None
        items.append(HistoryItem(when=record.history_date, who=who,
                                 action=action, subject=subject_of(record, action),
                                 changes=changes))
    return items


def _host_history_model():
    """simple-history's model of the hosts a historical entry record had."""
    return JournalEntry.history.model._meta.get_field(
        "historicaljournalentry_hosts"
    ).related_model


def entry_history(*, entry: JournalEntry, team_ids: set[int] | None = None) -> list[HistoryItem]:
    """Who changed what and when in the entry and its result rows, newest first.

    ``team_ids`` limits the result rows to those teams (a school team sees its own).
    """
    entry_records = list(
        entry.history.select_related("history_user").order_by("history_date", "history_id")
    )
    # The host rows of every record of the entry at once.
    host_rows = defaultdict(set)
    for history_id, team_id in _host_history_model().objects.filter(
        history__id=entry.pk
    ).values_list("history_id", "managementteam_id"):
        host_rows[history_id].add(team_id)
    hosts_of = {history_id: frozenset(ids) for history_id, ids in host_rows.items()}
    result_records = TeamResult.history.filter(entry_id=entry.pk).select_related(
        "history_user"
    ).order_by("history_date", "history_id")
    if team_ids is not None:
        result_records = result_records.filter(team_id__in=team_ids)
    result_records = list(result_records)
    team_names = dict(
        ManagementTeam.objects.filter(
            pk__in={r.team_id for r in result_records}.union(*hosts_of.values())
        ).values_list("pk", "organization__short_name")
    )
    names = {
        "teams": team_names,
        "organizations": dict(Organization.objects.filter(
            pk__in={r.venue_id for r in entry_records if r.venue_id}
        ).values_list("pk", "short_name")),
    }
    items = _items(entry_records, JournalEntry, ENTRY_FIELDS,
                   lambda record, action: "мероприятие", names, hosts_of=hosts_of)
    items += _items(result_records, TeamResult, RESULT_FIELDS,
                    lambda record, action: RESULT_SUBJECTS[action].format(
                        team_names.get(record.team_id, "")).strip(), names)
    return sorted(items, key=lambda item: item.when, reverse=True)
