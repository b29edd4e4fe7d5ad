"""Responsible groups, the assignment's two parts and the monitoring dashboard on the test
district (five organizations: СОШ № 1–4 and a kindergarten)."""

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from openpyxl import Workbook

from diagnostics.imports.tables import import_file
from mutual.answers import return_part, save_part1, save_part2, submit_part
from mutual.assignments import AssignmentDetails, publish_assignment, seed_criteria
from mutual.groups import Member, save_group
from mutual.imports import COLUMNS, SLUG
from mutual.models import Answer, PartStatus
from mutual.reads import dashboard
from registers.products import save_product

D = datetime.date
TODAY = D(2021, 12, 1)
FULL = [Member("curator", "Иванова А. А.", "заместитель директора"),
        Member("moderator", "Петров Б. Б."), Member("technician", "Сидоров В. В.")]


@pytest.fixture
def assignment(world):
    return publish_assignment(programme=world.programme, today=TODAY, details=AssignmentDetails(
        part1_due=D(2021, 12, 20), part2_due=D(2022, 1, 31)))


def _answer(assignment, organization) -> Answer:
    return Answer.objects.get(assignment=assignment, organization=organization)


def test_it_gives_every_organization_an_answer_not_started(world, assignment):
    assert assignment.answers.count() == 5
    assert set(assignment.answers.values_list("part1_status", flat=True)) == {"not_started"}


def test_it_refuses_a_second_part_deadline_before_the_first(world):
    with pytest.raises(ValidationError):
        publish_assignment(programme=world.programme, today=TODAY, details=AssignmentDetails(
            part1_due=D(2021, 12, 20), part2_due=D(2021, 12, 1)))


def test_it_refuses_part1_without_a_complete_group(world, assignment):
    answer = _answer(assignment, world.school_a)
    save_part1(answer=answer, reserves="Резервы", cells={
        ("literacy", "teacher", True): "Читательские практики"})
    with pytest.raises(ValidationError, match="группа ответственных не полна"):
        submit_part(answer=answer, part=1, today=TODAY)
    save_group(organization=world.school_a, order_number="12", order_date=D(2021, 11, 10),
               members=FULL)
    submit_part(answer=answer, part=1, today=TODAY)
    assert answer.part1_status == PartStatus.SUBMITTED


def test_a_returned_part_needs_a_comment_and_can_be_edited_again(world, assignment):
    answer = _answer(assignment, world.school_a)
    save_part2(answer=answer, lists={("pedagogical", "need"): ["Смысловое чтение", "ОВЗ"]})
    assert list(answer.aspect_rows.values_list("rank", "text")) == [
        (1, "Смысловое чтение"), (2, "ОВЗ")]
    submit_part(answer=answer, part=2, today=TODAY)
    with pytest.raises(ValidationError):
        save_part2(answer=answer, lists={})
    with pytest.raises(ValidationError):
        return_part(answer=answer, part=2, comment=" ")
    return_part(answer=answer, part=2, comment="Уточните аспекты")
    save_part2(answer=answer, lists={("management", "offer"): ["Внутренний аудит"]})
    assert answer.part2_status == PartStatus.DRAFT


def test_the_dashboard_counts_groups_and_submitted_parts(world, assignment):
    seed_criteria(programme=world.programme)
    save_group(organization=world.school_a, order_number="12", order_date=D(2021, 11, 10),
               members=FULL)
    save_group(organization=world.school_b, order_number="", order_date=None, members=FULL)
    answer = _answer(assignment, world.school_a)
    save_part2(answer=answer, lists={("pedagogical", "need"): ["Смысловое чтение"]})
    submit_part(answer=answer, part=2, today=TODAY)
    results = {r.criterion.number: r for r in dashboard(world.programme, today=TODAY)}
    assert results[1].value == "1 из 5 организаций"
    assert results[1].indicator == "нет"
    assert world.school_b in results[1].missing
    assert results[3].value == "1 из 5 организаций"
    assert results[2].value == "нет данных"
    assert results[6].indicator == "нет данных"
    assert len(results) == 6


def test_it_counts_criterion_5_from_the_programmes_recommendations_in_the_register(
        world, assignment):
    seed_criteria(programme=world.programme)
    municipality = world.programme.municipality
    # Neither an article of the programme nor recommendations of no programme count.
    save_product(municipality=municipality, user=world.staff, data={
        "kind": "article", "title": "Статья о взаимообучении", "year": 2021,
        "period": world.period})
    save_product(municipality=municipality, user=world.staff, data={
        "kind": "recommendations", "title": "Рекомендации без проекта", "year": 2021})
    result = next(r for r in dashboard(world.programme, today=TODAY)
                  if r.criterion.number == 5)
    assert (result.indicator, result.value, result.achieved) == (
        "нет", "в реестре продуктов: 0", False)

    save_product(municipality=municipality, user=world.staff, data={
        "kind": "recommendations", "title": "Изменение форм работы в ОО", "year": 2022,
        "period": world.period})
    result = next(r for r in dashboard(world.programme, today=TODAY)
                  if r.criterion.number == 5)
    assert (result.indicator, result.value, result.achieved) == (
        "да", "в реестре продуктов: 1", True)
    assert result.note == "«Изменение форм работы в ОО» (2022)"


def test_the_dashboard_costs_a_fixed_number_of_queries(world, assignment,
                                                       django_assert_num_queries):
    seed_criteria(programme=world.programme)
    with django_assert_num_queries(7):
        dashboard(world.programme, today=TODAY)


@pytest.mark.parametrize(("user", "answer"), [
    ("staff", 200), ("curator", 200), ("analyst", 200), ("school_user", 403),
    ("outsider", 404)])
def test_monitoring_page_by_role(client, world, assignment, user, answer):
    client.force_login(getattr(world, user))
    response = client.get(reverse("mutual_monitoring", args=[world.programme.pk]))
    assert response.status_code == answer


def test_a_school_names_its_group_and_fills_both_parts(client, world, assignment):
    client.force_login(world.school_user)
    response = client.post(reverse("mutual_group_edit", args=[world.school_a.pk]), {
        "order_number": "5", "order_date": "2021-11-10",
        "curator_name": "Иванова А. А.", "curator_position": "завуч",
        "moderator_name": "Петров Б. Б.", "moderator_position": "",
        "technician_name": "Сидоров В. В.", "technician_position": ""})
    assert response.status_code == 302
    answer = _answer(assignment, world.school_a)
    client.post(reverse("mutual_part1", args=[answer.pk]), {
        "reserves": "Сильная команда", "literacy_teacher_works": "Читательские практики"})
    client.post(reverse("mutual_submit", args=[answer.pk]), {"part": "1"})
    answer.refresh_from_db()
    assert answer.part1_status == PartStatus.SUBMITTED
    assert client.get(reverse("mutual_answer", args=[answer.pk])).status_code == 200


def test_another_school_cannot_edit_the_group(client, world):
    client.force_login(world.school_user)
    response = client.get(reverse("mutual_group_edit", args=[world.school_b.pk]))
    assert response.status_code == 404


@pytest.mark.parametrize("name", ["mutual_home", "mutual_groups"])
def test_lists_open_for_staff_and_school(client, world, assignment, name):
    for user in (world.staff, world.school_user):
        client.force_login(user)
        assert client.get(reverse(name)).status_code == 200


def test_groups_list_costs_a_fixed_number_of_queries(client, world,
                                                     django_assert_num_queries):
    for organization in (world.school_a, world.school_b):
        save_group(organization=organization, order_number="1", order_date=D(2021, 11, 1),
                   members=FULL)
    client.force_login(world.staff)
    client.get(reverse("mutual_groups"))
    with django_assert_num_queries(5):
        client.get(reverse("mutual_groups"))


def _workbook(rows) -> io.BytesIO:
    book = Workbook()
    sheet = book.active
    sheet.append([c.title for c in COLUMNS])
    for row in rows:
        sheet.append(row)
    data = io.BytesIO()
    book.save(data)
    data.seek(0)
    return data


def test_an_upload_fills_both_parts_or_nothing(world, assignment):
    good = [("СОШ № 1", "анализ резервов", None, None, None, None, None, None, "Резервы"),
            ("СОШ № 1", "рейтинг", "одарённость", "деятельность педагога", "успешно",
             None, None, None, "Олимпиадный кружок"),
            ("СОШ № 1", "аспект", None, None, None, "педагогический процесс",
             "готово представить свою практику", 1, "Проектная деятельность")]
    bad = good + [("СОШ № 1", "аспект", None, None, None, "педагогический процесс",
                   "готово представить свою практику", 1, "Повтор места")]
    report = import_file(SLUG, municipality=world.municipality, file=_workbook(bad),
                         dry_run=False, imported_by=world.school_user)
    answer = _answer(assignment, world.school_a)
    assert not report.ok and "место 1" in report.as_text()
    assert not answer.aspect_rows.exists()
    report = import_file(SLUG, municipality=world.municipality, file=_workbook(good),
                         dry_run=False, imported_by=world.school_user)
    assert report.ok, report.as_text()
    answer.refresh_from_db()
    assert answer.reserves == "Резервы" and answer.part1_status == PartStatus.DRAFT
    assert list(answer.aspect_rows.values_list("text", flat=True)) == ["Проектная деятельность"]


def test_an_upload_for_another_organization_is_refused(world, assignment):
    rows = [("СОШ № 2", "анализ резервов", None, None, None, None, None, None, "Резервы")]
    report = import_file(SLUG, municipality=world.municipality, file=_workbook(rows),
                         dry_run=False, imported_by=world.school_user)
    assert "только для своей организации" in report.as_text()


def test_the_dashboard_reads_the_signatures_and_the_joint_plan(world, assignment):
    from networks.agreements import AgreementCard, create_agreement, record_signature
    from plans.evidence import record_occurrence
    from plans.items import ItemDetails, PlanDetails, create_plan, save_item

    seed_criteria(programme=world.programme)
    agreement = create_agreement(
        card=AgreementCard(kind="joint", title="Соглашение о совместной деятельности"),
        municipality=world.municipality, programme=world.programme,
        parties=[world.school_a, world.school_b])
    record_signature(party=agreement.parties.get(organization=world.school_a),
                     signed_on=D(2021, 12, 10), signed_by="Директор")
    plan = create_plan(programme=world.programme, details=PlanDetails(
        title="Совместный план", kind="schedule", starts_on=D(2021, 1, 1),
        ends_on=D(2021, 12, 31)))
    seminar = save_item(plan=plan, details=ItemDetails(
        section="Семинары", number="1", topic="Семинар ОО для ОО", term_kind="date",
        due_on=D(2021, 3, 1)))
    for number, day in ((2, D(2021, 4, 1)), (3, D(2021, 5, 1)), (4, D(2021, 6, 1))):
        save_item(plan=plan, details=ItemDetails(section="Семинары", number=str(number),
                                                 topic="Взаимопосещение", term_kind="date",
                                                 due_on=day))
    record_occurrence(item=seminar, due_on=D(2021, 3, 1), held_on=D(2021, 3, 1),
                      note="Проведён", recorded_by=world.staff)
    world.programme.mutual_criteria.filter(number=6).update(joint_plan=plan)
    results = {r.criterion.number: r for r in dashboard(world.programme, today=TODAY)}
    assert results[2].value == "1 из 5 организаций"
    assert results[6].indicator == "25 %"
    assert results[6].value == "проведено 1 из 4 мероприятий"
    assert results[2].overdue is False


def test_the_status_list_costs_a_fixed_number_of_queries(client, world, assignment,
                                                        django_assert_num_queries):
    client.force_login(world.staff)
    url = reverse("mutual_assignment", args=[assignment.pk])
    client.get(url)
    with django_assert_num_queries(6):
        response = client.get(url)
    assert "СОШ № 1" in response.content.decode()


def test_staff_return_a_part_with_a_comment_through_the_page(client, world, assignment):
    answer = _answer(assignment, world.school_a)
    save_part2(answer=answer, lists={("pedagogical", "need"): ["Смысловое чтение"]})
    submit_part(answer=answer, part=2, today=TODAY)
    client.force_login(world.staff)
    client.post(reverse("mutual_return", args=[answer.pk]), {"part": "2", "comment": ""})
    answer.refresh_from_db()
    assert answer.part2_status == PartStatus.SUBMITTED
    client.post(reverse("mutual_return", args=[answer.pk]), {"part": "2", "comment": "Уточнить"})
    answer.refresh_from_db()
    assert answer.part2_status == PartStatus.RETURNED and answer.part2_comment == "Уточнить"


def test_a_methodologist_of_the_district_returns_a_part_and_a_school_cannot(client, world,
                                                                            assignment):
    answer = _answer(assignment, world.school_a)
    save_part2(answer=answer, lists={("pedagogical", "need"): ["Смысловое чтение"]})
    submit_part(answer=answer, part=2, today=TODAY)
    client.force_login(world.school_user)
    client.post(reverse("mutual_return", args=[answer.pk]), {"part": "2", "comment": "Сам"})
    answer.refresh_from_db()
    assert answer.part2_status == PartStatus.SUBMITTED

    client.force_login(world.curator)
    client.post(reverse("mutual_return", args=[answer.pk]), {"part": "2", "comment": "Уточнить"})
    answer.refresh_from_db()
    assert answer.part2_status == PartStatus.RETURNED and answer.part2_comment == "Уточнить"
