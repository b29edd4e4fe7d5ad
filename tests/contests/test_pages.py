"""Pages of conferences and contests under each role: who sees what, the own-organization
block, an expert of another contest, results before and after approval, query pins."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from contests.applying import submit_application
from contests.models import Application, Contest, OrganizationStatus, Score, StatusKind
from contests.results import StatusAward, approve_results, award_status
from contests.scoring import save_scores


def _score_all(cw):
    save_scores(expert=cw.curator_expert, application=cw.app_a,
                values={cw.relevance.pk: 9, cw.novelty.pk: 4})
    save_scores(expert=cw.curator_expert, application=cw.app_b,
                values={cw.relevance.pk: 5, cw.novelty.pk: 1})
    save_scores(expert=cw.curator_expert, application=cw.teacher_app,
                values={cw.relevance.pk: 7, cw.novelty.pk: 3})


def test_it_lists_contests_for_staff_with_a_pinned_query_count(cw, login, world,
                                                               django_assert_num_queries):
    client = login(world.staff)
    with django_assert_num_queries(4):
        response = client.get(reverse("contest_list"))
    assert response.status_code == 200
    assert "Инновационный поиск — 2023" in response.content.decode()
    assert "иллюстративные номинации" in response.content.decode()


def test_it_tells_staff_what_to_do_when_there_are_no_contests(login, world):
    page = login(world.staff).get(reverse("contest_list")).content.decode()
    assert "Нажмите «Новое мероприятие»" in page


def test_it_lets_staff_create_a_contest_and_refuses_a_blank_title(login, world):
    client = login(world.staff)
    response = client.post(reverse("contest_create"), {
        "kind": "contest", "title": "", "year": 2023, "category_method": "places",
        "winner_places": 1, "prize_places": 2, "laureate_places": 3})
    assert "Укажите название мероприятия." in response.content.decode()
    assert not Contest.objects.exists()
    response = client.post(reverse("contest_create"), {
        "kind": "contest", "title": "Инновационный поиск — 2024", "year": 2024,
        "category_method": "thresholds", "winner_places": 1, "prize_places": 2,
        "laureate_places": 3})
    assert "укажите все три порога" in response.content.decode()
    assert not Contest.objects.exists()


def test_it_refuses_a_school_creating_a_contest(login, world):
    assert login(world.school_user).get(reverse("contest_create")).status_code == 403


def test_it_shows_the_contest_to_a_school_without_experts(cw, login, world):
    page = login(world.school_user).get(reverse("contest_detail", args=[cw.contest.pk]))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Подать заявку" in text and "Назначить эксперта" not in text
    assert "иллюстративные" in text


def test_it_hides_a_contest_from_another_municipality(cw, login, world):
    response = login(world.outsider).get(reverse("contest_detail", args=[cw.contest.pk]))
    assert response.status_code == 404


def test_it_lists_a_nominations_applications_for_staff_with_a_pinned_query_count(
        cw, login, world, django_assert_num_queries):
    client = login(world.staff)
    url = reverse("nomination_detail", args=[cw.org_nomination.pk])
    with django_assert_num_queries(6):
        response = client.get(url)
    assert "Школа в режиме развития" in response.content.decode()


def test_it_shows_no_applications_of_a_nomination_to_a_school(cw, login, world):
    page = login(world.school_b_user).get(
        reverse("nomination_detail", args=[cw.org_nomination.pk])).content.decode()
    assert "Школа в режиме развития" not in page


def test_it_shows_the_expert_their_nomination_and_marks_their_own_organization(
        cw, login, world, django_assert_num_queries):
    client = login(world.school_b_user)
    with django_assert_num_queries(7):
        page = client.get(reverse("expert_workspace")).content.decode()
    assert "Школа в режиме развития" in page
    assert "своя организация — не оценивается" in page
    # Not assigned to the teachers' nomination.
    assert "Проектная идея" not in page


def test_it_refuses_the_expert_the_sheet_of_their_own_organization(cw, login, world):
    client = login(world.school_b_user)
    url = reverse("expert_score", args=[cw.app_b.pk])
    page = client.get(url).content.decode()
    assert "эксперт не оценивает заявки своей организации" in page
    assert 'name="criterion_' not in page
    response = client.post(url, {f"criterion_{cw.relevance.pk}": 5})
    assert response.status_code == 403
    assert not Score.objects.exists()


def test_it_labels_every_score_input_with_its_scale(cw, login, world):
    page = login(world.school_b_user).get(
        reverse("expert_score", args=[cw.app_a.pk])).content.decode()
    assert "1. Актуальность (0–10)" in page and "2. Новизна (0–5)" in page
    assert f'for="id_criterion_{cw.relevance.pk}"' in page
    assert "всего до 15 баллов" in page


def test_it_saves_an_experts_scores_from_the_sheet(cw, login, world):
    client = login(world.school_b_user)
    response = client.post(reverse("expert_score", args=[cw.app_a.pk]), {
        f"criterion_{cw.relevance.pk}": 8, f"criterion_{cw.novelty.pk}": 5})
    assert response.status_code == 302
    assert sorted(Score.objects.values_list("value", flat=True)) == [5, 8]


def test_it_refuses_a_score_above_the_maximum_on_the_sheet(cw, login, world):
    client = login(world.school_b_user)
    response = client.post(reverse("expert_score", args=[cw.app_a.pk]), {
        f"criterion_{cw.relevance.pk}": 12, f"criterion_{cw.novelty.pk}": 5})
    assert "Балл по критерию «Актуальность» — от 0 до 10." in response.content.decode()
    assert not Score.objects.exists()


def test_it_hides_applications_from_an_expert_of_another_contest(cw, login):
    client = login(cw.other_expert_user)
    assert client.get(reverse("expert_score", args=[cw.app_a.pk])).status_code == 404
    assert client.get(reverse("application_detail", args=[cw.app_a.pk])).status_code == 404
    assert "Школа в режиме развития" not in client.get(
        reverse("expert_workspace")).content.decode()


def test_it_hides_results_from_participants_until_staff_approve_them(cw, login, world):
    _score_all(cw)
    url = reverse("contest_results", args=[cw.contest.pk])
    school = login(world.school_user)
    page = school.get(url).content.decode()
    assert "Итоги ещё не утверждены" in page and "победитель" not in page
    assert "итоги не утверждены" in school.get(reverse("my_applications")).content.decode()

    staff_page = login(world.staff).get(url).content.decode()
    assert "победитель" in staff_page and "наименьшим итоговым баллом" in staff_page
    response = login(world.staff).post(reverse("contest_approve", args=[cw.contest.pk]))
    assert response.status_code == 302

    school = login(world.school_user)
    assert "победитель" in school.get(url).content.decode()
    mine = school.get(reverse("my_applications")).content.decode()
    assert "1 место — <strong>победитель</strong>" in mine


def test_it_hides_teachers_names_of_other_schools_on_published_results(cw, login, world):
    _score_all(cw)
    approve_results(contest=cw.contest, by=world.staff)
    page = login(world.school_b_user).get(
        reverse("contest_results", args=[cw.contest.pk])).content.decode()
    assert "Иванова Мария Петровна" not in page and "Педагог СОШ № 1" in page


def test_it_refuses_approval_by_a_curator(cw, login, world):
    response = login(world.curator).post(reverse("contest_approve", args=[cw.contest.pk]))
    assert response.status_code == 403
    cw.contest.refresh_from_db()
    assert not cw.contest.results_approved


def test_it_lists_my_applications_with_a_pinned_query_count(cw, login, world,
                                                            django_assert_num_queries):
    client = login(world.school_user)
    with django_assert_num_queries(5):
        page = client.get(reverse("my_applications")).content.decode()
    assert "Школа в режиме развития" in page and "Проектная идея" in page
    assert "Гимназия: ключевая проблема" not in page


def test_it_lets_a_teacher_apply_and_withdraw(cw, login, world):
    client = login(cw.teacher_user)
    page = client.get(reverse("contest_apply", args=[cw.contest.pk])).content.decode()
    assert "Для педагогов" in page and "Для ОО" not in page
    response = client.post(reverse("application_withdraw", args=[cw.teacher_app.pk]),
                           {"reason": "Не успеваю"})
    assert response.status_code == 302
    cw.teacher_app.refresh_from_db()
    assert cw.teacher_app.is_withdrawn


def test_it_refuses_a_withdrawal_without_a_reason(cw, login, world):
    response = login(world.school_user).post(
        reverse("application_withdraw", args=[cw.app_a.pk]), {"reason": ""})
    assert "Укажите причину отзыва." in response.content.decode()
    assert not Application.objects.get(pk=cw.app_a.pk).is_withdrawn


def test_it_lets_a_school_apply_in_an_open_window(cw, login, world):
    client = login(world.school_user)
    Application.objects.filter(pk=cw.app_a.pk).delete()
    response = client.post(reverse("contest_apply", args=[cw.contest.pk]), {
        "nomination": cw.org_nomination.pk, "title": "Новая работа"})
    assert response.status_code == 302
    assert Application.objects.filter(title="Новая работа",
                                      organization=world.school_a).exists()


def test_it_records_the_regional_round_and_asks_for_the_analysis(cw, login, world):
    client = login(world.staff)
    url = reverse("application_regional", args=[cw.app_a.pk])
    response = client.post(url, {"outcome": "not_passed", "note": ""})
    assert "запишите анализ ошибок" in response.content.decode()
    client.post(url, {"outcome": "not_passed", "note": "Слабая диагностика проблемы."})
    cw.app_a.refresh_from_db()
    assert cw.app_a.regional_outcome == "not_passed"
    mine = login(world.school_user).get(reverse("my_applications")).content.decode()
    assert "Слабая диагностика проблемы." in mine


def test_it_lets_staff_award_a_status_and_shows_the_history(cw, login, world):
    client = login(world.staff)
    url = reverse("organization_statuses", args=[world.school_a.pk])
    assert "Статусов у организации пока нет" in client.get(url).content.decode()
    response = client.post(url, {"kind": "mip", "order_number": "112", "order_date":
                                 "2023-04-03", "issuer": "Управление образования"})
    assert response.status_code == 302
    page = login(world.school_user).get(url).content.decode()
    assert "МИП — муниципальная инновационная площадка" in page and "№ 112" in page
    assert "Записать статус" not in page


def test_it_refuses_a_status_from_a_school(cw, login, world):
    response = login(world.school_user).post(
        reverse("organization_statuses", args=[world.school_a.pk]),
        {"kind": "mip", "order_number": "1", "order_date": "2023-04-03", "issuer": "УО"})
    assert response.status_code == 403
    assert not OrganizationStatus.objects.exists()


@pytest.mark.parametrize("role", ["staff", "curator", "analyst", "school_user"])
def test_it_opens_the_statuses_of_an_organization_to_who_may_see_it(cw, as_role, role, world):
    client = as_role(role)
    assert client.get(reverse("organization_statuses",
                              args=[world.school_a.pk])).status_code == 200


def test_it_hides_the_statuses_of_another_school_from_a_school(cw, login, world):
    response = login(world.school_b_user).get(
        reverse("organization_statuses", args=[world.school_a.pk]))
    assert response.status_code == 404


def test_it_keeps_my_applications_constant_when_several_contests_are_approved(
        cw, login, world, django_assert_num_queries):
    _score_all(cw)
    approve_results(contest=cw.contest, by=world.staff)
    client = login(world.school_user)
    with django_assert_num_queries(10):
        client.get(reverse("my_applications"))
    other_nomination = cw.other_contest.nominations.get()
    submit_application(nomination=other_nomination, title="Доклад на конференции",
                       today=timezone.localdate(), organization=world.school_a)
    Contest.objects.filter(pk=cw.other_contest.pk).update(
        results_approved_at=timezone.now(), results_approved_by=world.staff)
    with django_assert_num_queries(10):
        page = client.get(reverse("my_applications")).content.decode()
    assert "Доклад на конференции" in page


def test_it_tells_the_expert_on_the_application_page_that_it_is_their_own(cw, login, world):
    page = login(world.school_b_user).get(
        reverse("application_detail", args=[cw.app_b.pk])).content.decode()
    assert "вы её не оцениваете" in page and "Оценить заявку" not in page
    page = login(world.school_b_user).get(
        reverse("application_detail", args=[cw.app_a.pk])).content.decode()
    assert "Оценить заявку" in page


def test_it_shows_unapproved_results_to_a_curator(cw, login, world):
    _score_all(cw)
    page = login(world.curator).get(
        reverse("contest_results", args=[cw.contest.pk])).content.decode()
    assert "Не утверждены" in page and "победитель" in page
    assert "Утвердить итоги" not in page


def test_it_shows_approved_results_to_an_analyst_without_teachers_names(cw, login, world):
    _score_all(cw)
    approve_results(contest=cw.contest, by=world.staff)
    page = login(world.analyst).get(
        reverse("contest_results", args=[cw.contest.pk])).content.decode()
    assert "победитель" in page and "Иванова Мария Петровна" not in page


def test_it_pins_the_query_count_of_the_status_history(cw, login, world,
                                                       django_assert_num_queries):
    for number in range(3):
        award_status(organization=world.school_a, award=StatusAward(
            kind=StatusKind.MIP, order_number=str(number), issuer="УО",
            order_date=datetime.date(2023, 4, 3), application=cw.app_a))
    client = login(world.school_user)
    with django_assert_num_queries(5):
        page = client.get(reverse("organization_statuses", args=[world.school_a.pk]))
    assert page.content.decode().count("Инновационный поиск — 2023") >= 3


def test_it_lists_the_participants_of_an_event_without_criteria(cw, login, world):
    submit_application(nomination=cw.other_contest.nominations.get(), title="Доклад",
                       today=timezone.localdate(), organization=world.school_c)
    page = login(world.staff).get(
        reverse("contest_results", args=[cw.other_contest.pk])).content.decode()
    assert "заявки этого мероприятия не оцениваются" in page and "участник" in page


def test_it_pins_the_query_count_of_the_results_page(cw, login, world,
                                                     django_assert_num_queries):
    _score_all(cw)
    client = login(world.staff)
    url = reverse("contest_results", args=[cw.contest.pk])
    with django_assert_num_queries(9):
        client.get(url)
    submit_application(nomination=cw.org_nomination, title="Ещё одна школа",
                       today=timezone.localdate(), organization=world.school_c)
    save_scores(expert=cw.curator_expert, application=Application.objects.get(
        title="Ещё одна школа"), values={cw.relevance.pk: 3, cw.novelty.pk: 3})
    with django_assert_num_queries(9):
        page = client.get(url).content.decode()
    assert "Ещё одна школа" in page
