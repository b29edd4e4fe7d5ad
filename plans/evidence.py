"""Recording that an occurrence of a plan's item was held, and with what evidence: a journal
entry of the portal, a product of the register of products and publications, a report file,
or a note with the date."""

import datetime

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from internships.attachments import (
    ATTACHMENT_TYPES,
    check_upload,
    delete_files_on_commit,
    original_name,
)
from internships.models import JournalEntry
from plans.access import journal_entries_for_evidence, products_for_evidence
from plans.models import Occurrence, Periodicity, PlanItem
from plans.recurrence import expand
from plans.terms import term_of
from registers.models import Product

REPORT_EXTENSIONS = tuple(ATTACHMENT_TYPES)


def _check_due(item: PlanItem, due_on: datetime.date | None) -> None:
    if item.periodicity == Periodicity.ON_REQUEST:
        if due_on is not None:
            raise ValidationError("Пункт проводится по мере запроса: у него нет сроков.")
        return
    dues = {due.due_on for due in expand(term_of(item), school_years=item.plan.school_years)}
    if due_on not in dues:
        raise ValidationError("У пункта нет такого срока: откройте его из плана.")


def _check_evidence(item: PlanItem, *, journal_entry: JournalEntry | None,
                    product: Product | None) -> None:
    plan = item.plan
    if journal_entry is not None and (
            journal_entry.platform.period.programme.municipality_id != plan.municipality_id
            if plan.network_id is None
            else not journal_entries_for_evidence(plan).filter(pk=journal_entry.pk).exists()):
        raise ValidationError({"journal_entry": "Выберите мероприятие журнала своего района "
                                                "(для плана сети — проекта сети)."})
    if product is not None and not products_for_evidence(item.plan).filter(
            pk=product.pk).exists():
        raise ValidationError({"product": "Выберите продукт из реестра своего района (для "
                                          "плана сети — из реестров муниципалитетов сети)."})


@transaction.atomic
def record_occurrence(*, item: PlanItem, due_on: datetime.date | None,
                      held_on: datetime.date | None, recorded_by: User | None, note: str = "",
                      upload: UploadedFile | None = None,
                      journal_entry: JournalEntry | None = None,
                      product: Product | None = None,
                      illustrative: bool = False) -> Occurrence:
    """Mark the occurrence due on ``due_on`` as held (again: the new evidence replaces the
    old); an item held «по мере запроса» gets one more occurrence."""
    _check_due(item, due_on)
    if held_on is None:
        raise ValidationError({"held_on": "Укажите, когда проведено."})
    note = note.strip()
    _check_evidence(item, journal_entry=journal_entry, product=product)
    if upload is None and journal_entry is None and product is None and not note:
        raise ValidationError("Подтвердите проведение: выберите мероприятие журнала или "
                              "продукт, приложите отчёт или напишите примечание.")
    values = {"held_on": held_on, "note": note, "journal_entry": journal_entry,
              "product": product, "recorded_by": recorded_by, "illustrative": illustrative}
    if upload is not None:
        values["content_type"] = check_upload(upload, max_bytes=settings.PLANS_REPORT_MAX_BYTES,
                                              extensions=REPORT_EXTENSIONS)
        values["original_name"] = original_name(upload)
    occurrence = None
    if due_on is not None:
        occurrence = Occurrence.objects.select_for_update().filter(item=item,
                                                                   due_on=due_on).first()
    if occurrence is None:
        occurrence = Occurrence(item=item, due_on=due_on)
    elif upload is not None and occurrence.file:
        delete_files_on_commit([occurrence.file])
    for name, value in values.items():
        setattr(occurrence, name, value)
    if upload is not None:
        occurrence.file = upload
    occurrence.save()
    return occurrence


@transaction.atomic
def remove_occurrence(*, occurrence: Occurrence) -> None:
    """Take the mark away: the occurrence is due (or overdue) again."""
    if occurrence.file:
        delete_files_on_commit([occurrence.file])
    occurrence.delete()
