"""A regional system (or an electronic journal) pushes a platform's journal: new entries and
changes of entries it read before, each with the teams' results. Every item goes through the
journal's own functions (internships/journal.py) and their checks; the request is written
whole or not at all, and an item based on an outdated version of its entry changes nothing."""

from dataclasses import dataclass, field

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction

from api.access import token_of
from diagnostics.imports.base import ImportReport, Problem
from internships import journal
from internships.access import entries_for_user
from internships.models import JournalEntry, PlannedEvent, Platform
from teams.access import organizations_for_user, teams_for_user

TITLE = "Журнал площадки"
# The journal's fields by the name the API gives them.
FIELD_NAMES = {"participants": "results", "__all__": "—"}


@dataclass
class JournalPushReport:
    """The import report of the request, and the items whose entry changed meanwhile."""

    report: ImportReport
    stale: list[Problem] = field(default_factory=list)
    entries: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class _Scope:
    """The caller's teams, organizations and the platform's open plan lines, by id."""

    teams: dict
    organizations: dict
    plan: dict
    entries: dict

    @classmethod
    def read(cls, *, user: User, platform: Platform, items: list[dict]) -> "_Scope":
        team_ids = {team for item in items for team in _team_ids(item)}
        venue_ids = {item["venue"] for item in items if item.get("venue")}
        plan_ids = {item["planned_event"] for item in items if item.get("planned_event")}
        entry_ids = {item["id"] for item in items if item.get("id")}
        return cls(
            teams=teams_for_user(user).select_related("organization").in_bulk(team_ids),
            organizations=organizations_for_user(user).in_bulk(venue_ids),
            plan=PlannedEvent.objects.filter(platform=platform).in_bulk(plan_ids),
            entries=entries_for_user(user).filter(platform=platform).in_bulk(entry_ids),
        )


def _team_ids(item: dict) -> list[int]:
    return [*item.get("hosts", []), *(row["team"] for row in item.get("results", []))]


def _missing(item: dict, scope: _Scope) -> list[tuple[str, str]]:
    """References to objects the caller cannot see: told by field, like unknown names."""
    found = []
    if item.get("id") and item["id"] not in scope.entries:
        found.append(("id", f"мероприятие {item['id']} не найдено в журнале этой площадки"))
    for team_id in sorted(set(_team_ids(item)) - set(scope.teams)):
        found.append(("results" if team_id not in item.get("hosts", []) else "hosts",
                      f"команда {team_id} не найдена в муниципальном образовании"))
    if item.get("venue") and item["venue"] not in scope.organizations:
        found.append(("venue", f"организация {item['venue']} не найдена в муниципальном "
                               "образовании"))
    if item.get("planned_event") and item["planned_event"] not in scope.plan:
        found.append(("planned_event", f"пункт плана {item['planned_event']} не найден в "
                                       "плане этой площадки"))
    return found


def _entry_data(item: dict, scope: _Scope) -> journal.EntryData:
    return journal.EntryData(
        held_on=item["held_on"], ends_on=item.get("ends_on"), form=item["form"],
        form_other=item.get("form_other", ""), topic=item["topic"],
        venue=scope.organizations.get(item.get("venue")),
        hosts=[scope.teams[team_id] for team_id in item["hosts"]],
        participants=[scope.teams[row["team"]] for row in item["results"]],
        description=item.get("description", ""),
        planned_event=scope.plan.get(item.get("planned_event")),
    )


def _result_rows(item: dict) -> list[journal.ResultRow]:
    return [journal.ResultRow(team_id=row["team"], attended=row.get("attended", True),
                              managers=row.get("managers", 0), teachers=row.get("teachers", 0),
                              outcome=row.get("outcome", ""), comment=row.get("comment", ""))
            for row in item["results"]]


def _write_one(*, platform: Platform, item: dict, scope: _Scope,
               author: User | None) -> tuple[JournalEntry, bool]:
    """The entry of one item and its results; True when it is new."""
    data = _entry_data(item, scope)
    if item.get("id"):
        entry = journal.update_entry(entry=scope.entries[item["id"]], version=item["version"],
                                     data=data, updated_by=author)
        created = False
    else:
        entry = journal.record_entry(platform=platform, data=data, recorded_by=author)
        created = True
    entry = journal.save_results(entry=entry, version=entry.version, rows=_result_rows(item),
                                 updated_by=author)
    return entry, created


def _problems(number: int, error: ValidationError) -> list[Problem]:
    if hasattr(error, "error_dict"):
        return [Problem(row=number, column=FIELD_NAMES.get(name, name), reason=message)
                for name, messages in error.message_dict.items() for message in messages]
    return [Problem(row=number, column="results", reason=message) for message in error.messages]


def push_journal_entries(*, user: User, platform: Platform, items: list[dict],
                         dry_run: bool) -> JournalPushReport:
    """Write (or with ``dry_run`` only check) every item, or none. An item with ``id``
    changes that entry of the platform's journal if it is still at ``version``, as the
    entry form does; an item without it records a new entry. The teams of ``results`` are
    the entry's participants, each with its result."""
    author = None if token_of(user) is not None else user
    scope = _Scope.read(user=user, platform=platform, items=items)
    push = JournalPushReport(report=ImportReport(title=TITLE, dry_run=dry_run, rows=len(items)))
    report = push.report
    with transaction.atomic():
        for number, item in enumerate(items, start=1):
            missing = _missing(item, scope)
            if missing:
                report.problems += [Problem(number, name, text) for name, text in missing]
                continue
            try:
                with transaction.atomic():
                    entry, created = _write_one(platform=platform, item=item, scope=scope,
                                                author=author)
            except journal.StaleEntry as error:
                push.stale.append(Problem(number, "version", error.messages[0]))
            except ValidationError as error:
                report.problems += _problems(number, error)
            else:
                push.entries.append(entry.pk)
                report.created += created
                report.updated += not created
        if push.stale or report.problems or dry_run:
            transaction.set_rollback(True)
    if push.stale or report.problems:
        report.created = report.updated = 0
    if push.stale or report.problems or dry_run:
        push.entries = []
    return push
