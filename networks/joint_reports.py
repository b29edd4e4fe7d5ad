"""Joint reports of a network: the coordinator sets a report for a period with its sections
and a due date; every member writes its part (a text per section, files), saves drafts and
submits it; the coordinator returns a submitted part for rework with a comment.

A part is opened for every live member when the report is created or saved, and when a
member joins later; a part that is submitted is locked until it is returned.
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from internships.attachments import original_name
from networks.files import MATERIAL_EXTENSIONS, check_file
from networks.models import (
    JointReport,
    JointReportAnswer,
    JointReportFile,
    JointReportPart,
    JointReportSection,
    Membership,
    MembershipStatus,
    Network,
    PartStatus,
)

SECTION_MAX_LENGTH = 300
LOCKED = "Часть уже сдана: изменить её можно, когда координатор вернёт её на доработку."


@dataclass(frozen=True)
class ReportCard:
    title: str
    period_starts_on: datetime.date
    period_ends_on: datetime.date
    due_on: datetime.date
    instructions: str = ""


def section_titles(text: str) -> list[str]:
    """The sections the coordinator typed, one a line, blank lines skipped."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def _check(card: ReportCard, titles: list[str]) -> None:
    errors: dict[str, str] = {}
    if card.period_ends_on < card.period_starts_on:
        errors["period_ends_on"] = "Отчётный период кончается раньше, чем начинается."
    if card.due_on < card.period_starts_on:
        errors["due_on"] = "Срок сдачи раньше начала отчётного периода."
    if not titles:
        errors["sections"] = "Укажите хотя бы один раздел отчёта."
    elif len(set(titles)) != len(titles):
        errors["sections"] = "Названия разделов повторяются."
    elif any(len(title) > SECTION_MAX_LENGTH for title in titles):
        errors["sections"] = f"Название раздела длиннее {SECTION_MAX_LENGTH} знаков."
    if errors:
        raise ValidationError(errors)


def _same_period(network: Network, card: ReportCard, *, exclude: int | None = None) -> None:
    taken = network.joint_reports.filter(period_starts_on=card.period_starts_on,
                                         period_ends_on=card.period_ends_on)
    if taken.exclude(pk=exclude).exists():
        raise ValidationError({"period_starts_on": "За этот период у сети уже есть "
                                                   "совместный отчёт."})


def open_parts(report: JointReport) -> int:
    """A draft part for every live member that has none yet; how many were opened."""
    live = report.network.memberships.exclude(status=MembershipStatus.ENDED)
    have = set(report.parts.values_list("membership_id", flat=True))
    new = [JointReportPart(report=report, membership=membership)
           for membership in live if membership.pk not in have]
    JointReportPart.objects.bulk_create(new)
    return len(new)


def open_parts_for_member(membership: Membership, *, today: datetime.date) -> None:
    """A member who joins gets a part of every report of the network still due."""
    for report in membership.network.joint_reports.filter(due_on__gte=today):
        JointReportPart.objects.get_or_create(report=report, membership=membership)


@transaction.atomic
def create_joint_report(*, network: Network, card: ReportCard, sections: list[str],
                        created_by=None) -> JointReport:
    _check(card, sections)
    _same_period(network, card)
    report = JointReport.objects.create(network=network, created_by=created_by,
                                        **card.__dict__)
    JointReportSection.objects.bulk_create(
        JointReportSection(report=report, number=number, title=title)
        for number, title in enumerate(sections, start=1))
    open_parts(report)
    return report


@transaction.atomic
def update_joint_report(*, report: JointReport, card: ReportCard,
                        sections: list[str]) -> JointReport:
    """The card and the sections: a kept title keeps its texts; a section that a member
    has written in cannot be removed."""
    _check(card, sections)
    _same_period(report.network, card, exclude=report.pk)
    existing = {section.title: section for section in report.sections.all()}
    dropped = [section for title, section in existing.items() if title not in sections]
    written = [section.title for section in dropped
               if section.answers.exclude(text="").exists()]
    if written:
        raise ValidationError({"sections": "Участники уже написали в разделах: "
                                           + ", ".join(f"«{t}»" for t in written)
                                           + ". Такой раздел нельзя убрать."})
    for name, value in card.__dict__.items():
        setattr(report, name, value)
    report.save()
    JointReportSection.objects.filter(pk__in=[section.pk for section in dropped]).delete()
    # Renumbered in two steps so the unique numbers never collide on the way.
    kept = [existing[title] for title in sections if title in existing]
    offset = len(existing) + len(sections)
    for section in kept:
        section.number += offset
        section.save(update_fields=["number"])
    for number, title in enumerate(sections, start=1):
        section = existing.get(title)
        if section is None:
            JointReportSection.objects.create(report=report, number=number, title=title)
        else:
            section.number = number
            section.save(update_fields=["number"])
    open_parts(report)
    return report


@transaction.atomic
def save_part(*, part: JointReportPart, texts: dict[int, str], by, submit: bool = False,
              now: datetime.datetime | None = None) -> JointReportPart:
    """The part's texts (``section id → text``); ``submit`` hands it to the coordinator
    and needs every section written."""
    part = JointReportPart.objects.select_for_update().get(pk=part.pk)
    if part.status == PartStatus.SUBMITTED:
        raise ValidationError(LOCKED)
    sections = list(part.report.sections.all())
    for section in sections:
        text = (texts.get(section.pk) or "").strip()
        JointReportAnswer.objects.update_or_create(part=part, section=section,
                                                   defaults={"text": text})
    if submit:
        empty = [section.title for section in sections
                 if not (texts.get(section.pk) or "").strip()]
        if empty:
            raise ValidationError("Чтобы сдать часть, заполните разделы: "
                                  + ", ".join(f"«{title}»" for title in empty) + ".")
        part.status, part.submitted_by = PartStatus.SUBMITTED, by
        part.submitted_at = now or timezone.now()
    part.save()
    return part


@transaction.atomic
def add_part_file(*, part: JointReportPart, title: str, upload: UploadedFile,
                  uploaded_by) -> JointReportFile:
    part = JointReportPart.objects.select_for_update().get(pk=part.pk)
    if part.status == PartStatus.SUBMITTED:
        raise ValidationError(LOCKED)
    content_type = check_file(upload, extensions=MATERIAL_EXTENSIONS)
    attached = JointReportFile(part=part, title=title, original_name=original_name(upload),
                               content_type=content_type, size=upload.size,
                               uploaded_by=uploaded_by)
    attached.file.save(upload.name, upload, save=False)
    attached.save()
    return attached


@transaction.atomic
def return_part(*, part: JointReportPart, comment: str,
                now: datetime.datetime | None = None) -> JointReportPart:
    """Back to the member for rework, with what to change."""
    part = JointReportPart.objects.select_for_update().get(pk=part.pk)
    if part.status != PartStatus.SUBMITTED:
        raise ValidationError("Вернуть на доработку можно только сданную часть.")
    if not comment.strip():
        raise ValidationError({"comment": "Напишите, что доработать."})
    part.status, part.return_comment = PartStatus.RETURNED, comment.strip()
    part.returned_at = now or timezone.now()
    part.save()
    return part
