"""Pages of person diagnostics by role: who sees names, counts, forms; pinned queries."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from competence.models import Instrument, InstrumentKind, Level, PersonResult, PersonRound
from tests import factories
from tests.competence.conftest import make_round

pytestmark = pytest.mark.django_db


def _fill(diag):
    for person in diag.people:
        for area in diag.areas:
            for person_round, rank in ((diag.first, 1), (diag.second, 2)):
                PersonResult.objects.create(round=person_round, teacher=person, area=area,
                                            source="expert",
                                            level=diag.level(person_round, rank))


def test_it_lists_rounds_to_staff_with_pinned_queries(world, diag, login,
                                                      django_assert_num_queries):
    client = login(world.staff)
    client.get(reverse("competence_round_list"))
    with django_assert_num_queries(4):
        response = client.get(reverse("competence_round_list"))
    assert "Стартовая диагностика" in response.content.decode()


def test_it_lists_instruments_with_pinned_queries(world, diag, login,
                                                  django_assert_num_queries):
    for n in range(5):
        instrument = Instrument.objects.create(municipality=world.municipality,
                                               title=f"Анкета {n}", kind=InstrumentKind.CASE)
        instrument.competence_areas.set(diag.areas)
    client = login(world.staff)
    client.get(reverse("competence_instrument_list"))
    with django_assert_num_queries(5):
        response = client.get(reverse("competence_instrument_list"))
    assert response.content.decode().count("ИКТ-компетенции") == 5


def test_it_shows_an_empty_round_list_that_says_what_to_do(world, login):
    response = login(world.staff).get(reverse("competence_round_list"))
    assert "Нажмите «Новая диагностика»" in response.content.decode()


def test_it_shows_staff_names_and_counts_on_a_round(world, diag, login,
                                                   django_assert_num_queries):
    _fill(diag)
    client = login(world.staff)
    url = reverse("competence_round_detail", args=[diag.first.pk])
    client.get(url)
    with django_assert_num_queries(15):
        response = client.get(url)
    text = response.content.decode()
    assert "Гимназистова Ольга" in text and "Внести экспертную оценку" in text


def test_it_shows_a_school_only_its_own_people(world, diag, login):
    _fill(diag)
    text = login(world.school_user).get(
        reverse("competence_round_detail", args=[diag.first.pk])).content.decode()
    assert "Учителева Анна 1" in text and "Гимназистова Ольга" not in text
    assert "Внести экспертную оценку" not in text


def test_it_shows_an_analyst_counts_without_names(world, diag, login):
    _fill(diag)
    text = login(world.analyst).get(
        reverse("competence_round_detail", args=[diag.first.pk])).content.decode()
    assert 'id="counts"' in text and "Учителева" not in text


def test_it_hides_a_round_from_another_municipality(world, diag, login):
    response = login(world.outsider).get(
        reverse("competence_round_detail", args=[diag.first.pk]))
    assert response.status_code == 404


def test_it_creates_a_round_from_the_form(world, diag, login):
    response = login(world.staff).post(reverse("competence_round_create"), {
        "title": "Итоговая диагностика", "academic_year": "2025–2026",
        "starts_on": "2026-05-01", "ends_on": "2026-05-31", "entry_opens": "2026-05-01",
        "entry_closes": "2026-05-20", "worker_categories": ["teacher", "methodologist"],
        "areas": [diag.areas[0].pk], "instruments": [diag.instrument.pk]})
    person_round = PersonRound.objects.get(title="Итоговая диагностика")
    assert response.url == reverse("competence_levels", args=[person_round.pk])
    assert person_round.worker_categories == ["teacher", "methodologist"]


def test_it_refuses_a_round_with_a_window_backwards_in_russian(world, diag, login):
    response = login(world.staff).post(reverse("competence_round_create"), {
        "title": "Итоговая диагностика", "starts_on": "2026-05-01", "ends_on": "2026-04-01",
        "entry_opens": "2026-05-10", "entry_closes": "2026-05-01",
        "worker_categories": ["teacher"], "areas": [diag.areas[0].pk]})
    text = response.content.decode()
    assert "Дата окончания не может быть раньше даты начала." in text
    assert "Приём результатов не может закрыться раньше, чем откроется." in text
    assert not PersonRound.objects.filter(title="Итоговая диагностика").exists()


def test_it_refuses_a_duplicate_level_rank_in_russian(world, diag, login):
    response = login(world.staff).post(reverse("competence_levels", args=[diag.first.pk]),
                                       {"rank": "2", "title": "Средний"})
    assert "Уровень с рангом 2 уже есть в шкале." in response.content.decode()
    assert diag.first.levels.count() == 3


def test_it_keeps_a_level_that_results_use(world, diag, login):
    _fill(diag)
    level = diag.level(diag.first, 1)
    response = login(world.staff).post(reverse("competence_level_delete", args=[level.pk]),
                                       follow=True)
    assert "уже выставлен в результатах" in response.content.decode()
    assert Level.objects.filter(pk=level.pk).exists()


def test_it_labels_each_entry_select_with_person_and_area(world, diag, login):
    text = login(world.staff).get(
        reverse("competence_entry", args=[diag.first.pk])).content.decode()
    assert '<span class="visually-hidden">Учителева Анна 1 — </span>ИКТ-компетенции' in text
    assert "Методистова" not in text


def test_it_saves_the_expert_grid(world, diag, login):
    teacher, area = diag.people[0], diag.areas[1]
    level = diag.level(diag.first, 3)
    response = login(world.staff).post(
        reverse("competence_entry", args=[diag.first.pk]) + f"?organization={world.school_a.pk}",
        {f"level-{teacher.pk}-{area.pk}": str(level.pk)})
    assert response.status_code == 302
    result = PersonResult.objects.get()
    assert (result.teacher, result.area, result.level, result.entered_by) == (
        teacher, area, level, world.staff)


def test_it_refuses_a_level_outside_the_scale_on_the_grid(world, diag, login):
    teacher, area = diag.people[0], diag.areas[1]
    response = login(world.staff).post(
        reverse("competence_entry", args=[diag.first.pk]),
        {f"level-{teacher.pk}-{area.pk}": str(diag.level(diag.second, 1).pk)})
    assert "Выберите уровень из шкалы." in response.content.decode()
    assert not PersonResult.objects.exists()


def test_it_shows_dynamics_with_names_to_staff(world, diag, login):
    _fill(diag)
    text = login(world.staff).get(reverse("competence_dynamics"), {
        "first": diag.first.pk, "second": diag.second.pk}).content.decode()
    assert 'id="grown-share">100,0 %' in text and "5 из 5" in text
    assert "Гимназистова Ольга" in text


def test_it_shows_a_school_the_dynamics_of_its_people(world, diag, login):
    _fill(diag)
    text = login(world.school_user).get(reverse("competence_dynamics"), {
        "first": diag.first.pk, "second": diag.second.pk}).content.decode()
    assert "4 из 4" in text and "Гимназистова" not in text


def test_it_shows_an_analyst_the_shares_without_names(world, diag, login):
    _fill(diag)
    text = login(world.analyst).get(reverse("competence_dynamics"), {
        "first": diag.first.pk, "second": diag.second.pk}).content.decode()
    assert "5 из 5" in text and "Учителева" not in text


def test_it_refuses_to_compare_a_round_with_itself(world, diag, login):
    text = login(world.staff).get(reverse("competence_dynamics"), {
        "first": diag.first.pk, "second": diag.first.pk}).content.decode()
    assert "Выберите две разные диагностики." in text


def test_it_shows_a_teacher_their_diagnostics_and_takes_the_self_assessment(diag, login):
    today = timezone.localdate()
    PersonRound.objects.filter(pk=diag.second.pk).update(
        entry_opens=today - datetime.timedelta(days=1),
        entry_closes=today + datetime.timedelta(days=1))
    client = login(diag.teacher_user)
    text = client.get(reverse("my_competence")).content.decode()
    assert "Стартовая диагностика" in text and "Внести самооценку" in text
    area, level = diag.areas[0], diag.level(diag.second, 2)
    response = client.post(reverse("my_competence_self", args=[diag.second.pk]),
                           {f"level-{diag.people[0].pk}-{area.pk}": str(level.pk)})
    assert response.url == reverse("my_competence")
    result = PersonResult.objects.get()
    assert (result.source, result.teacher, result.level) == ("self", diag.people[0], level)


def test_it_refuses_the_self_assessment_outside_the_window(diag, login):
    response = login(diag.teacher_user).post(
        reverse("my_competence_self", args=[diag.first.pk]),
        {f"level-{diag.people[0].pk}-{diag.areas[0].pk}": str(diag.level(diag.first, 2).pk)})
    assert response.status_code == 403
    assert "Приём результатов диагностики «Стартовая диагностика»" in response.content.decode()
    assert not PersonResult.objects.exists()


def test_it_links_my_diagnostics_from_the_teachers_page(diag, login):
    text = login(diag.teacher_user).get(reverse("my_page")).content.decode()
    assert reverse("my_competence") in text


def test_it_tells_a_teacher_without_a_record_what_to_do(world, login):
    user = factories.make_user("teacher", world.municipality, organization=world.school_a)
    text = login(user).get(reverse("my_competence")).content.decode()
    assert "ещё не связана с карточкой" in text


def test_it_pins_the_queries_of_the_entry_grid(world, diag, login, django_assert_num_queries):
    client = login(world.staff)
    url = reverse("competence_entry", args=[diag.first.pk])
    client.get(url)
    with django_assert_num_queries(8):
        client.get(url)


def test_it_pins_the_queries_of_the_dynamics(world, diag, login, django_assert_num_queries):
    _fill(diag)
    client = login(world.staff)
    query = {"first": diag.first.pk, "second": diag.second.pk}
    client.get(reverse("competence_dynamics"), query)
    with django_assert_num_queries(16):
        client.get(reverse("competence_dynamics"), query)


def test_it_changes_a_round_but_keeps_an_area_with_results(world, diag, login):
    _fill(diag)
    response = login(world.staff).post(reverse("competence_round_edit", args=[diag.first.pk]), {
        "title": "Стартовая диагностика 2025", "starts_on": "2025-10-01",
        "ends_on": "2025-11-30", "entry_opens": "2025-10-01", "entry_closes": "2025-10-31",
        "worker_categories": ["teacher"], "areas": [diag.areas[0].pk]})
    assert "По снимаемой области уже внесены результаты" in response.content.decode()
    diag.first.refresh_from_db()
    assert diag.first.title == "Стартовая диагностика"


def test_it_pins_the_queries_of_my_diagnostics(world, diag, login, django_assert_num_queries):
    _fill(diag)
    for n in range(3):
        make_round(world.municipality, diag.areas, f"Дополнительная диагностика {n}",
                   datetime.date(2026, 5, 1 + n))
    client = login(diag.teacher_user)
    client.get(reverse("my_competence"))
    with django_assert_num_queries(7):
        response = client.get(reverse("my_competence"))
    text = response.content.decode()
    assert "эксперт — Достаточный" in text and "Дополнительная диагностика 2" in text


def test_it_shows_a_curator_the_people_of_the_schools_on_their_platform(world, diag, login):
    _fill(diag)
    stranger = factories.TeacherFactory(organization=world.kindergarten,
                                        full_name="Садовая Нина")
    PersonResult.objects.create(round=diag.first, teacher=stranger, area=diag.areas[0],
                                source="expert", level=diag.level(diag.first, 1))
    text = login(world.curator).get(
        reverse("competence_round_detail", args=[diag.first.pk])).content.decode()
    assert "Учителева Анна 1" in text and "Гимназистова Ольга" in text
    assert "Садовая Нина" not in text


def test_it_lets_an_administrator_create_a_round_in_the_chosen_municipality(world, diag,
                                                                           login):
    admin = factories.UserFactory(is_superuser=True, is_staff=True)
    client = login(admin)
    client.get(reverse("competence_round_list"), {"municipality": world.municipality.pk})
    client.get(reverse("competence_round_create"), {"municipality": world.municipality.pk})
    client.post(reverse("competence_round_create"), {
        "title": "Диагностика методистов ЦРО", "starts_on": "2026-01-10",
        "ends_on": "2026-01-31", "entry_opens": "2026-01-10", "entry_closes": "2026-01-31",
        "worker_categories": ["methodologist"], "areas": [diag.areas[0].pk]})
    person_round = PersonRound.objects.get(title="Диагностика методистов ЦРО")
    assert person_round.municipality == world.municipality


def test_it_offers_a_teacher_of_another_category_no_round(world, diag, login):
    user = factories.teacher_user(diag.methodologist, username="metodist")
    client = login(user)
    assert "Диагностик для вас пока нет" in client.get(reverse("my_competence")).content.decode()
    assert client.get(reverse("my_competence_self", args=[diag.first.pk])).status_code == 403


def test_it_changes_a_levels_title_and_deficit_flag_but_not_its_rank(world, diag, login):
    level = diag.level(diag.first, 2)
    client = login(world.staff)
    response = client.post(reverse("competence_level_edit", args=[level.pk]),
                           {"title": "Базовый", "is_deficit": "on"})
    assert "Уровень «Базовый» уже есть в шкале." in response.content.decode()
    client.post(reverse("competence_level_edit", args=[level.pk]),
                {"title": "Средний", "is_deficit": "on"})
    level.refresh_from_db()
    assert (level.rank, level.title, level.is_deficit) == (2, "Средний", True)
