"""Plan pages under each role: the list with its counts and pinned queries, the plan with
its items by section and status badges, filters, recording evidence, the item form; the
owner / member / outsider trio."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from internships.models import JournalEntry, WorkForm
from plans.models import Occurrence, Plan, PlanItem
from teams.models import Role
from tests import factories
from tests.plans.conftest import make_plan

D = datetime.date


def test_it_lists_plans_with_counts_and_a_pinned_query_count(pw, login, world,
                                                              django_assert_num_queries):
    client = login(world.staff)
    with django_assert_num_queries(6):
        response = client.get(reverse("plans_list"))
    page = response.content.decode()
    assert "План сетевого сопровождения" in page
    # Done: 1 (quarter I); overdue: quarters II–IV and 15.09.2021 — the plan is in the past.
    summary = response.context["summaries"][0]
    assert (summary.counts["done"], summary.counts["due"], summary.counts["overdue"]) == (1, 0, 4)


def test_it_keeps_the_list_query_count_with_more_plans(pw, login, world,
                                                       django_assert_num_queries):
    for number in range(3):
        make_plan(world.programme, title=f"Дорожная карта {number}")
    client = login(world.staff)
    with django_assert_num_queries(6):
        response = client.get(reverse("plans_list"))
    assert len(response.context["summaries"]) == 4


def test_it_tells_staff_what_to_do_when_there_are_no_plans(login, world):
    page = login(world.staff).get(reverse("plans_list")).content.decode()
    assert "Нажмите «Новый план»" in page
    page = login(world.school_user).get(reverse("plans_list")).content.decode()
    assert "их ведёт управление образования" in page


def test_it_shows_items_by_section_with_status_badges(pw, login, world,
                                                      django_assert_num_queries):
    client = login(world.curator)
    with django_assert_num_queries(6):
        response = client.get(reverse("plans_detail", args=[pw.plan.pk]))
    page = response.content.decode()
    assert page.index("Семинары") < page.index("Консультации")
    assert "январь – март 2021: проведено" in page
    assert "апрель – июнь 2021: просрочено" in page
    assert "по запросу 10.02.2021" in page
    assert "Семинар проведён, протокол в ИМЦ" in page
    record_url = reverse("plans_occurrence_record", args=[pw.quarterly.pk]) + "?due=2021-06-30"
    assert record_url in page
    assert reverse("plans_item_edit", args=[pw.quarterly.pk]) not in page


def test_it_filters_occurrences_by_status_and_month(pw, login, world):
    client = login(world.staff)
    response = client.get(reverse("plans_detail", args=[pw.plan.pk]), {"status": "done"})
    rows = [row for _, rows in response.context["sections"] for row in rows]
    assert [row.item for row in rows] == [pw.quarterly, pw.on_request]
    response = client.get(reverse("plans_detail", args=[pw.plan.pk]), {"month": "2021-09"})
    rows = [row for _, rows in response.context["sections"] for row in rows]
    assert [(row.item, [occ.due.due_on for occ in row.occurrences]) for row in rows] == [
        (pw.quarterly, [D(2021, 9, 30)]), (pw.dated, [D(2021, 9, 15)])]
    page = client.get(reverse("plans_detail", args=[pw.plan.pk]),
                      {"status": "due"}).content.decode()
    assert "Под выбранный отбор мероприятий нет" in page


def test_it_lets_a_curator_record_an_occurrence_with_a_report(pw, login, world):
    client = login(world.curator)
    url = reverse("plans_occurrence_record", args=[pw.quarterly.pk]) + "?due=2021-06-30"
    assert "апрель – июнь 2021 (срок 30.06.2021)" in client.get(url).content.decode()
    report = SimpleUploadedFile("otchet.pdf", b"%PDF-1.4 report")
    response = client.post(url, {"held_on": "2021-06-18", "note": "", "report": report})
    assert response.status_code == 302
    occurrence = Occurrence.objects.get(item=pw.quarterly, due_on=D(2021, 6, 30))
    assert occurrence.recorded_by == world.curator
    download = client.get(reverse("plans_occurrence_file", args=[occurrence.pk]))
    assert download.status_code == 200
    page = login(world.school_user).get(reverse("plans_detail", args=[pw.plan.pk]))
    assert "апрель – июнь 2021: проведено" in page.content.decode()


def test_it_refuses_a_record_without_evidence_with_a_message_and_keeps_nothing(pw, login,
                                                                               world):
    count = Occurrence.objects.count()
    url = reverse("plans_occurrence_record", args=[pw.quarterly.pk]) + "?due=2021-06-30"
    response = login(world.staff).post(url, {"held_on": "2021-06-18", "note": " "})
    assert response.status_code == 200
    assert "Подтвердите проведение" in response.content.decode()
    assert Occurrence.objects.count() == count


def test_it_lets_staff_take_a_mark_away(pw, login, world):
    response = login(world.staff).post(reverse("plans_occurrence_remove", args=[pw.held.pk]))
    assert response.status_code == 302
    assert not Occurrence.objects.filter(pk=pw.held.pk).exists()


def test_it_lets_staff_add_an_item_and_refuses_a_term_without_periodicity(pw, login, world):
    client = login(world.staff)
    url = reverse("plans_item_add", args=[pw.plan.pk])
    data = {"section": "Семинары", "number": "4", "topic": "Педагогические гостиные",
            "term_kind": "periodic", "starts_on": "2021-01-01", "ends_on": "2021-12-31",
            "periodicity": ""}
    response = client.post(url, data)
    assert "Выберите периодичность." in response.content.decode()
    assert not PlanItem.objects.filter(topic="Педагогические гостиные").exists()
    response = client.post(url, {**data, "periodicity": "thrice"})
    assert response.status_code == 302
    item = PlanItem.objects.get(topic="Педагогические гостиные")
    assert (item.periodicity, item.position) == ("thrice", 4)


def test_it_lets_staff_create_and_edit_a_plan(login, world):
    client = login(world.staff)
    response = client.post(reverse("plans_create"), {
        "programme": world.programme.pk, "title": "Дорожная карта проекта", "kind": "roadmap",
        "starts_on": "2021-03-01", "ends_on": "2023-12-31"})
    plan = Plan.objects.get(title="Дорожная карта проекта")
    assert response.url == reverse("plans_detail", args=[plan.pk])
    response = client.post(reverse("plans_edit", args=[plan.pk]), {
        "programme": world.programme.pk, "title": "Дорожная карта проекта", "kind": "roadmap",
        "starts_on": "2021-03-01", "ends_on": "2023-12-31", "school_years": "on"})
    plan.refresh_from_db()
    assert plan.school_years


@pytest.mark.parametrize(("role", "detail", "record", "edit"), [
    ("staff", 200, 200, 200),
    ("curator", 200, 200, 403),
    ("analyst", 200, 403, 403),
    ("school_user", 200, 403, 403),
    ("outsider", 404, 404, 404),
])
def test_it_answers_each_role_of_the_district_and_hides_plans_from_outsiders(
        pw, as_role, role, detail, record, edit):
    client = as_role(role)
    assert client.get(reverse("plans_detail", args=[pw.plan.pk])).status_code == detail
    url = reverse("plans_occurrence_record", args=[pw.quarterly.pk]) + "?due=2021-06-30"
    assert client.get(url).status_code == record
    assert client.get(reverse("plans_item_edit", args=[pw.quarterly.pk])).status_code == edit


def test_it_hides_plans_from_a_teacher(pw, login, world):
    teacher = factories.make_user(Role.TEACHER, world.municipality, organization=world.school_a,
                                  username="teacher-a")
    client = login(teacher)
    assert client.get(reverse("plans_detail", args=[pw.plan.pk])).status_code == 404
    assert "Планов мероприятий ещё нет" in client.get(reverse("plans_list")).content.decode()


def test_it_shows_a_school_the_plan_without_record_or_edit_links(pw, login, world):
    page = login(world.school_user).get(reverse("plans_detail", args=[pw.plan.pk]))
    html = page.content.decode()
    assert "апрель – июнь 2021: просрочено" in html
    assert reverse("plans_occurrence_record", args=[pw.quarterly.pk]) not in html
    assert "Добавить пункт" not in html


def test_it_records_a_journal_entry_as_evidence_from_the_form(pw, login, world):
    entry = JournalEntry.objects.create(platform=world.own_platform, held_on=D(2021, 9, 15),
                                        form=WorkForm.SEMINAR, topic="Установочный семинар")
    url = reverse("plans_occurrence_record", args=[pw.dated.pk]) + "?due=2021-09-15"
    response = login(world.curator).post(url, {"held_on": "2021-09-15",
                                               "journal_entry": entry.pk})
    assert response.status_code == 302
    assert Occurrence.objects.get(item=pw.dated).journal_entry == entry
    page = login(world.staff).get(reverse("plans_detail", args=[pw.plan.pk])).content.decode()
    assert reverse("entry_detail", args=[entry.pk]) in page


def test_it_refuses_to_change_the_kind_of_term_of_an_item_with_marks(pw, login, world):
    response = login(world.staff).post(reverse("plans_item_edit", args=[pw.quarterly.pk]), {
        "topic": "Обучающие семинары", "term_kind": "date", "due_on": "2021-05-01"})
    assert "вид срока менять нельзя" in response.content.decode()
    pw.quarterly.refresh_from_db()
    assert pw.quarterly.periodicity == "quarterly"


def test_it_answers_404_for_a_record_page_without_a_due_date(pw, login, world):
    url = reverse("plans_occurrence_record", args=[pw.quarterly.pk])
    assert login(world.staff).get(url).status_code == 404
    assert login(world.staff).get(url + "?due=not-a-date").status_code == 404
