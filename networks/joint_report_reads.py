"""What the joint report pages and the assembled PDF show: every report with how many
members have submitted, and one report member by member — submitted (on time or late),
returned for rework, not submitted, overdue after the due date — each in a fixed number of
queries."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from networks.models import (
    JointReport,
    JointReportAnswer,
    JointReportPart,
    JointReportSection,
    Membership,
    MembershipStatus,
    PartStatus,
)

_SIDE = ("municipality", "organization__municipality", "partner")


def joint_report_rows(reports: QuerySet[JointReport]) -> QuerySet[JointReport]:
    """Reports with ``member_count`` (live members) and ``submitted_count``."""
    live = (Membership.objects.filter(network=OuterRef("network"))
            .exclude(status=MembershipStatus.ENDED).order_by()
            .values("network").annotate(number=Count("pk")).values("number"))
    return (reports.select_related("network__hub_municipality")
            .annotate(member_count=Coalesce(Subquery(live, output_field=IntegerField()), 0),
                      submitted_count=Count("parts", filter=Q(
                          parts__status=PartStatus.SUBMITTED)))
            .order_by("-period_starts_on", "network__title", "pk"))


def is_overdue(report: JointReport, *, today: datetime.date) -> bool:
    return today > report.due_on


@dataclass
class MemberRow:
    """One member's place in a report: its part (if opened) and where it stands."""

    membership: Membership
    part: JointReportPart | None
    state: str
    label: str
    answers: list[JointReportAnswer] = field(default_factory=list)

    @property
    def submitted(self) -> bool:
        return self.state in ("submitted", "late")


@dataclass
class ReportState:
    report: JointReport
    sections: list[JointReportSection]
    rows: list[MemberRow]
    overdue: bool

    @property
    def submitted(self) -> list[MemberRow]:
        return [row for row in self.rows if row.submitted]

    @property
    def missing(self) -> list[MemberRow]:
        return [row for row in self.rows if not row.submitted]


def part_state(part: JointReportPart | None, report: JointReport, *,
               today: datetime.date) -> tuple[str, str]:
    """Where a member's part stands: submitted, late, returned, overdue or missing, and the
    words the report page shows for it."""
    if part is not None and part.status == PartStatus.SUBMITTED:
        on = timezone.localtime(part.submitted_at).date()
        if on > report.due_on:
            return "late", f"сдана с опозданием {on:%d.%m.%Y}"
        return "submitted", f"сдана {on:%d.%m.%Y}"
    late = is_overdue(report, today=today)
    if part is not None and part.status == PartStatus.RETURNED:
        return ("overdue" if late else "returned"), "возвращена на доработку" + (
            ", срок прошёл" if late else "")
    if late:
        return "overdue", "не сдана, срок прошёл"
    return "missing", "не сдана"


def shown_parts() -> QuerySet[JointReportPart]:
    """The parts a report shows (as ``report_state``): every live member's, and a former
    member's once submitted."""
    return JointReportPart.objects.filter(~Q(membership__status=MembershipStatus.ENDED)
                                          | Q(status=PartStatus.SUBMITTED))


def report_state(report: JointReport, *, today: datetime.date) -> ReportState:
    """Every live member, and any former member whose part was submitted, with its part,
    texts and files."""
    parts = {part.membership_id: part for part in report.parts.select_related(
        "submitted_by", *(f"membership__{name}" for name in _SIDE)).prefetch_related(
        Prefetch("answers", queryset=JointReportAnswer.objects.select_related("section")
                 .order_by("section__number")), "files")}
    memberships = {membership.pk: membership for membership in (
        report.network.memberships.exclude(status=MembershipStatus.ENDED)
        .select_related(*_SIDE))}
    for membership_id, part in parts.items():
        if membership_id not in memberships and part.status == PartStatus.SUBMITTED:
            memberships[membership_id] = part.membership
    rows = []
    for membership in memberships.values():
        part = parts.get(membership.pk)
        state, label = part_state(part, report, today=today)
        rows.append(MemberRow(membership=membership, part=part, state=state, label=label,
                              answers=list(part.answers.all()) if part else []))
    rows.sort(key=lambda row: (row.membership.role != "member", row.membership.side_name))
    return ReportState(report=report, sections=list(report.sections.all()), rows=rows,
                       overdue=is_overdue(report, today=today))


def part_answers(part: JointReportPart) -> list[tuple[JointReportSection, str]]:
    """Every section of the report with the part's text in it (empty when not written)."""
    texts = {answer.section_id: answer.text for answer in part.answers.all()}
    return [(section, texts.get(section.pk, "")) for section in part.report.sections.all()]
