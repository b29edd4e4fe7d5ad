"""Plans and items keep a consistent term (database CHECKs and the write functions), and an
occurrence is recorded only with evidence, against a due date the item has."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction

from internships.models import JournalEntry, WorkForm
from plans.evidence import record_occurrence
from plans.items import ItemDetails, PlanDetails, save_item, update_plan
from plans.models import Occurrence, Plan, PlanItem
from tests.plans.conftest import make_plan

D = datetime.date


@pytest.mark.parametrize("fields", [
    {"term_kind": "date"},
    {"term_kind": "date", "due_on": D(2021, 5, 1), "starts_on": D(2021, 5, 1)},
    {"term_kind": "range", "starts_on": D(2021, 5, 1)},
    {"term_kind": "range", "starts_on": D(2021, 5, 2), "ends_on": D(2021, 5, 1)},
    {"term_kind": "periodic", "starts_on": D(2021, 1, 1), "ends_on": D(2021, 12, 31)},
    {"term_kind": "range", "starts_on": D(2021, 1, 1), "ends_on": D(2021, 12, 31),
     "periodicity": "monthly"},
    {"term_kind": "none", "due_on": D(2021, 5, 1)},
])
def test_it_refuses_an_inconsistent_term_in_the_database(world, fields):
    plan = make_plan(world.programme)
    with pytest.raises(IntegrityError), transaction.atomic():
        PlanItem.objects.create(plan=plan, topic="Семинар", **fields)


def test_it_refuses_a_plan_ending_before_it_starts_in_the_database(world):
    with pytest.raises(IntegrityError), transaction.atomic():
        Plan.objects.create(programme=world.programme, title="План", kind="roadmap",
                            starts_on=D(2021, 2, 1), ends_on=D(2021, 1, 1))


def test_it_refuses_an_occurrence_without_evidence_in_the_database(pw):
    with pytest.raises(IntegrityError), transaction.atomic():
        Occurrence.objects.create(item=pw.dated, due_on=D(2021, 9, 15), held_on=D(2021, 9, 15))


def test_it_refuses_two_records_of_one_due_occurrence_in_the_database(pw):
    with pytest.raises(IntegrityError), transaction.atomic():
        Occurrence.objects.create(item=pw.quarterly, due_on=D(2021, 3, 31),
                                  held_on=D(2021, 3, 30), note="Ещё раз")


def test_it_refuses_an_item_outside_the_plans_term_and_keeps_nothing(pw):
    count = PlanItem.objects.count()
    with pytest.raises(ValidationError, match="выходит за срок плана"):
        save_item(plan=pw.plan, details=ItemDetails(topic="Семинар", term_kind="date",
                                                    due_on=D(2022, 1, 10)))
    with pytest.raises(ValidationError) as error:
        save_item(plan=pw.plan, details=ItemDetails(topic="Семинар", term_kind="periodic",
                                                    starts_on=D(2021, 1, 1),
                                                    ends_on=D(2021, 12, 31)))
    assert error.value.message_dict == {"periodicity": ["Выберите периодичность."]}
    assert PlanItem.objects.count() == count


def test_it_keeps_only_the_fields_of_the_chosen_term(pw):
    item = save_item(plan=pw.plan, item=pw.dated, details=ItemDetails(
        topic="Установочный семинар", term_kind="range", due_on=D(2021, 9, 15),
        starts_on=D(2021, 9, 1), ends_on=D(2021, 9, 30), periodicity="monthly"))
    item.refresh_from_db()
    assert (item.due_on, item.starts_on, item.ends_on, item.periodicity) == (
        None, D(2021, 9, 1), D(2021, 9, 30), "")


def test_it_refuses_to_shrink_a_plan_past_its_items(pw):
    with pytest.raises(ValidationError, match="выходит за новый срок плана"):
        update_plan(plan=pw.plan, details=PlanDetails(
            title=pw.plan.title, kind="support", starts_on=D(2021, 1, 1),
            ends_on=D(2021, 6, 30)))


def test_it_refuses_an_organization_of_another_municipality(pw, world):
    with pytest.raises(ValidationError):
        save_item(plan=pw.plan, details=ItemDetails(
            topic="Семинар", term_kind="none", organization=world.other_organization))


def test_it_records_an_occurrence_with_a_note_and_replaces_it_when_recorded_again(pw, world):
    record_occurrence(item=pw.quarterly, due_on=D(2021, 3, 31), held_on=D(2021, 3, 25),
                      note="Перенесён на 25.03", recorded_by=world.curator)
    occurrence = Occurrence.objects.get(item=pw.quarterly, due_on=D(2021, 3, 31))
    assert (occurrence.held_on, occurrence.note) == (D(2021, 3, 25), "Перенесён на 25.03")


def test_it_refuses_a_record_without_evidence_or_for_a_date_the_item_has_not(pw, world):
    count = Occurrence.objects.count()
    with pytest.raises(ValidationError, match="Подтвердите проведение"):
        record_occurrence(item=pw.quarterly, due_on=D(2021, 6, 30), held_on=D(2021, 6, 1),
                          note="  ", recorded_by=world.staff)
    with pytest.raises(ValidationError, match="нет такого срока"):
        record_occurrence(item=pw.quarterly, due_on=D(2021, 5, 31), held_on=D(2021, 5, 1),
                          note="Проведено", recorded_by=world.staff)
    with pytest.raises(ValidationError, match="по мере запроса"):
        record_occurrence(item=pw.on_request, due_on=D(2021, 5, 31), held_on=D(2021, 5, 1),
                          note="Проведено", recorded_by=world.staff)
    assert Occurrence.objects.count() == count


def test_it_records_a_report_file_and_refuses_a_renamed_one(pw, world):
    report = SimpleUploadedFile("otchet.pdf", b"%PDF-1.4 report", content_type="application/pdf")
    occurrence = record_occurrence(item=pw.quarterly, due_on=D(2021, 6, 30),
                                   held_on=D(2021, 6, 20), upload=report, recorded_by=world.staff)
    assert occurrence.original_name == "otchet.pdf"
    assert occurrence.content_type == "application/pdf"
    fake = SimpleUploadedFile("otchet.pdf", b"MZ not a pdf")
    with pytest.raises(ValidationError, match="не соответствует расширению"):
        record_occurrence(item=pw.quarterly, due_on=D(2021, 9, 30), held_on=D(2021, 9, 20),
                          upload=fake, recorded_by=world.staff)


def test_it_records_a_journal_entry_of_the_district_but_not_of_another(pw, world):
    entry = JournalEntry.objects.create(platform=world.own_platform, held_on=D(2021, 9, 15),
                                        form=WorkForm.SEMINAR, topic="Установочный семинар")
    occurrence = record_occurrence(item=pw.dated, due_on=D(2021, 9, 15), held_on=D(2021, 9, 15),
                                   journal_entry=entry, recorded_by=world.curator)
    assert occurrence.journal_entry == entry
    foreign = JournalEntry.objects.create(platform=world.other_platform, held_on=D(2021, 9, 30),
                                          form=WorkForm.SEMINAR, topic="Чужой семинар")
    with pytest.raises(ValidationError, match="своего района"):
        record_occurrence(item=pw.quarterly, due_on=D(2021, 9, 30), held_on=D(2021, 9, 30),
                          journal_entry=foreign, recorded_by=world.staff)
