"""What the plan pages show: counts per plan, items grouped by section with their
occurrences and statuses. A constant number of queries whatever the plan's size: the
expansion runs in Python over the items, and the recorded occurrences come in one query."""

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import QuerySet

from plans.models import Occurrence, Periodicity, Plan, PlanItem
from plans.recurrence import (
    DONE,
    DUE,
    MONTH_NAMES,
    OVERDUE,
    STATUS_LABELS,
    DueOccurrence,
    expand,
    status,
)
from plans.terms import term_of

STATUSES = (DONE, DUE, OVERDUE)


@dataclass
class OccurrenceRow:
    due: DueOccurrence | None
    status: str
    record: Occurrence | None

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]


@dataclass
class ItemRow:
    item: PlanItem
    occurrences: list[OccurrenceRow] = field(default_factory=list)

    @property
    def on_request(self) -> bool:
        return self.item.periodicity == Periodicity.ON_REQUEST


@dataclass
class PlanSummary:
    plan: Plan
    counts: Counter
    items: int


def _rows(item: PlanItem, records: list[Occurrence], today: datetime.date) -> ItemRow:
    by_due = {record.due_on: record for record in records if record.due_on is not None}
    row = ItemRow(item=item)
    for due in expand(term_of(item), school_years=item.plan.school_years):
        record = by_due.get(due.due_on)
        row.occurrences.append(OccurrenceRow(
            due=due, record=record,
            status=status(due_on=due.due_on, recorded=record is not None, today=today)))
    row.occurrences += [OccurrenceRow(due=None, status=DONE, record=record)
                        for record in records if record.due_on is None]
    return row


def _records_by_item(occurrences: QuerySet[Occurrence]) -> dict[int, list[Occurrence]]:
    grouped: dict[int, list[Occurrence]] = defaultdict(list)
    for occurrence in occurrences:
        grouped[occurrence.item_id].append(occurrence)
    return grouped


def plan_summaries(plans: QuerySet[Plan], *, today: datetime.date) -> list[PlanSummary]:
    """Each plan with its counts of expanded occurrences done, due and overdue (three
    queries)."""
    plans = list(plans.select_related("programme", "network", "organization").order_by(
        "programme__title", "network__title", "starts_on", "title"))
    items = PlanItem.objects.filter(plan__in=plans).only(
        "plan_id", "term_kind", "due_on", "starts_on", "ends_on", "periodicity")
    records = _records_by_item(Occurrence.objects.filter(
        item__plan__in=plans, due_on__isnull=False).only("item_id", "due_on"))
    by_plan = {plan.pk: PlanSummary(plan=plan, counts=Counter(), items=0) for plan in plans}
    for item in items:
        summary = by_plan[item.plan_id]
        item.plan = summary.plan
        summary.items += 1
        for row in _rows(item, records.get(item.pk, []), today).occurrences:
            if row.due is not None:
                summary.counts[row.status] += 1
    return list(by_plan.values())


@dataclass(frozen=True)
class DueRecord:
    """A computed occurrence of a plan's item and the day it was recorded held, if it was."""

    plan_id: int
    due_on: datetime.date
    held_on: datetime.date | None
    illustrative: bool = False


def due_records(plans: QuerySet[Plan]) -> list[DueRecord]:
    """Every computed occurrence of the plans' items (the expansion of ``_rows``), with its
    record (two queries). Occurrences held «по мере запроса» have no due date and are left
    out: nothing is due for them."""
    records = _records_by_item(Occurrence.objects.filter(
        item__plan__in=plans, due_on__isnull=False).only(
        "item_id", "due_on", "held_on", "illustrative"))
    result = []
    for item in PlanItem.objects.filter(plan__in=plans).select_related("plan").only(
            "plan_id", "plan__school_years", "term_kind", "due_on", "starts_on", "ends_on",
            "periodicity"):
        # The day only tells «предстоит» from «просрочено», which is not used here.
        for row in _rows(item, records.get(item.pk, []), datetime.date.min).occurrences:
            if row.due is not None:
                result.append(DueRecord(
                    plan_id=item.plan_id, due_on=row.due.due_on,
                    held_on=row.record.held_on if row.record else None,
                    illustrative=bool(row.record and row.record.illustrative)))
    return result


def month_choices(plan: Plan) -> list[tuple[str, str]]:
    months, day = [], plan.starts_on.replace(day=1)
    while day <= plan.ends_on:
        months.append((f"{day:%Y-%m}", f"{MONTH_NAMES[day.month - 1]} {day.year}"))
        day = (day + datetime.timedelta(days=32)).replace(day=1)
    return months


def _keeps(row: OccurrenceRow, *, wanted_status: str, month: str) -> bool:
    if wanted_status and row.status != wanted_status:
        return False
    if month:
        day = row.due.due_on if row.due else row.record.held_on
        return f"{day:%Y-%m}" == month
    return True


def plan_sections(plan: Plan, *, today: datetime.date, wanted_status: str = "",
                  month: str = "") -> tuple[list[tuple[str, list[ItemRow]]], Counter]:
    """Items grouped by section in the plan's order, each with its occurrences (filtered by
    status and by the month they fall due in), and the plan's counts (two queries); the
    count ``illustrative`` says how many marks are illustrative."""
    items = list(plan.items.select_related("organization"))
    records = _records_by_item(Occurrence.objects.filter(item__plan=plan).select_related(
        "journal_entry", "product", "recorded_by"))
    sections: dict[str, list[ItemRow]] = {}
    counts: Counter = Counter()
    filtering = bool(wanted_status or month)
    for item in items:
        item.plan = plan
        row = _rows(item, records.get(item.pk, []), today)
        counts.update(occ.status for occ in row.occurrences if occ.due is not None)
        counts["illustrative"] += sum(1 for occ in row.occurrences
                                      if occ.record is not None and occ.record.illustrative)
        row.occurrences = [occ for occ in row.occurrences
                           if _keeps(occ, wanted_status=wanted_status, month=month)]
        if filtering and not row.occurrences:
            continue
        sections.setdefault(item.section, []).append(row)
    return list(sections.items()), counts


def occurrence_label(item: PlanItem, due_on: datetime.date | None) -> str:
    if due_on is None:
        return "проведение по запросу"
    for due in expand(term_of(item), school_years=item.plan.school_years):
        if due.due_on == due_on:
            return f"{due.label} (срок {due_on:%d.%m.%Y})"
    return f"срок {due_on:%d.%m.%Y}"
