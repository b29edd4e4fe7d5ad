import datetime
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from internships.models import Outcome
from tests import factories
from tests.helpers import assert_redirects_to_login
from tests.school_view.conftest import make_entry, make_plan, today

D = datetime.date
URL = reverse("my_internships")
EXCEL_URL = reverse("my_internships_excel")


def parts(response) -> dict:
    return {part.direction.number: part for part in response.context["participation"].parts}


def test_it_shows_the_team_s_tier_in_every_direction_of_the_year(world, as_role):
    fourth = factories.DirectionFactory(programme=world.programme, number=4,
                                        title="Воспитательная работа")
    factories.PlatformFactory(direction=fourth, period=world.period)

    response = as_role("school_user").get(URL)

    assert response.status_code == 200
    tiers = {number: part.placement.tier if part.placement else None
             for number, part in parts(response).items()}
    assert tiers == {1: "leader", 2: "promising", 3: "reserve", 4: None}
    content = response.content.decode()
    assert "Воспитательная работа" in content and "не распределена" in content
    assert "распределена в 3 из 4 направлений" in content


def test_it_shows_the_team_s_active_mentors_and_mentees(world, as_role):
    a, b, c, d = (world.school_a.team, world.school_b.team, world.school_c.team,
                  world.school_d.team)
    factories.MentorshipFactory(platform=world.own_platform, mentor=a, mentee=c)
    factories.MentorshipFactory(platform=world.own_platform, mentor=a, mentee=d,
                                ended_on=D(2021, 12, 1))
    factories.MentorshipFactory(platform=world.foreign_platform, mentor=b, mentee=a)
    factories.MentorshipFactory(platform=world.foreign_platform, mentor=b, mentee=d)

    by_direction = parts(as_role("school_user").get(URL))

    assert [m.mentee for m in by_direction[1].mentees] == [c]
    assert by_direction[1].mentors == []
    assert [m.mentor for m in by_direction[2].mentors] == [b]
    assert by_direction[2].mentees == []


def test_it_shows_the_coming_plan_lines_of_the_team_s_platforms(world, as_role):
    now = today()
    soon = now + datetime.timedelta(days=10)
    make_plan(world.own_platform, planned_on=soon, topic="Скоро, по дате")
    make_plan(world.own_platform, month=now.replace(day=1), topic="В этом месяце, без даты")
    make_plan(world.own_platform, planned_on=now - datetime.timedelta(days=40),
              topic="Уже прошло")
    make_plan(world.own_platform, planned_on=soon, topic="Уже проведено",
              entry=make_entry(world.own_platform, held_on=now))
    make_plan(world.foreign_platform, planned_on=soon, topic="На втором направлении")

    by_direction = parts(as_role("school_user").get(URL))

    assert sorted(event.topic for event in by_direction[1].upcoming) == [
        "В этом месяце, без даты", "Скоро, по дате",
    ]
    assert [event.topic for event in by_direction[2].upcoming] == ["На втором направлении"]


def test_it_hides_the_plan_of_a_platform_the_team_is_not_placed_on(world, as_role):
    fourth = factories.DirectionFactory(programme=world.programme, number=4)
    platform = factories.PlatformFactory(direction=fourth, period=world.period)
    make_plan(platform, planned_on=today() + datetime.timedelta(days=3), topic="Чужой план")

    response = as_role("school_user").get(URL)

    assert parts(response)[4].upcoming == []
    assert "Чужой план" not in response.content.decode()


def test_it_shows_each_school_only_its_own_result_in_a_shared_entry(world, login):
    make_entry(world.own_platform, topic="Общая сессия", hosts=[world.school_a.team], results=[
        (world.school_a.team, {"managers": 2, "teachers": 5, "outcome": Outcome.MASTERED,
                               "comment": "Свой комментарий СОШ"}),
        (world.school_b.team, {"managers": 1, "teachers": 3, "outcome": Outcome.NOT_MASTERED,
                               "comment": "Замечание для гимназии"}),
    ])

    own = login(world.school_user).get(URL)
    [past] = parts(own)[1].entries
    assert (past.hosted, past.result.team, past.result.managers, past.result.teachers) == (
        True, world.school_a.team, 2, 5)
    content = own.content.decode()
    assert "Общая сессия" in content and "проводила" in content
    assert "Свой комментарий СОШ" in content and "Освоено" in content
    assert "Замечание для гимназии" not in content and "Не освоено" not in content

    other = login(world.school_b_user).get(URL)
    [past] = parts(other)[1].entries
    assert (past.hosted, past.result.team) == (False, world.school_b.team)
    content = other.content.decode()
    assert "Замечание для гимназии" in content and "Не освоено" in content
    assert "Свой комментарий СОШ" not in content


def test_it_leaves_out_entries_the_team_had_no_part_in_and_future_ones(world, as_role):
    make_entry(world.own_platform, topic="Без нас", results=[(world.school_b.team, {})])
    make_entry(world.own_platform, topic="Завтра", held_on=today() + datetime.timedelta(days=1),
               results=[(world.school_a.team, {})])
    make_entry(world.foreign_platform, topic="Пропустили",
               results=[(world.school_a.team, {"attended": False})])

    response = as_role("school_user").get(URL)

    assert parts(response)[1].entries == []
    [missed] = parts(response)[2].entries
    assert (missed.entry.topic, missed.result.attended) == ("Пропустили", False)
    assert "Без нас" not in response.content.decode()


@pytest.mark.parametrize("role", ["staff", "curator", "analyst", "outsider"])
def test_it_refuses_the_page_and_the_workbook_to_other_roles(world, as_role, role):
    client = as_role(role)

    assert client.get(URL).status_code == 403
    assert client.get(EXCEL_URL).status_code == 403


def test_it_sends_an_anonymous_visitor_to_the_login_page(world, client):
    assert_redirects_to_login(client.get(URL))
    assert_redirects_to_login(client.get(EXCEL_URL))


def test_it_puts_my_internships_in_the_school_team_s_navigation_only(world, as_role):
    assert f'href="{URL}">Мои стажировки' in as_role("school_user").get(URL).content.decode()
    staff_home = as_role("staff").get(reverse("home")).content.decode()
    assert "Мои стажировки" not in staff_home


def test_it_switches_to_an_earlier_year(world, as_role):
    later = factories.PeriodFactory(programme=world.programme, starts_on=D(2022, 9, 1),
                                    ends_on=D(2023, 8, 31))
    client = as_role("school_user")

    assert client.get(URL).context["period"] == later
    earlier = client.get(URL, {"period": world.period.pk})
    assert earlier.context["period"] == world.period
    assert parts(earlier)[1].placement.tier == "leader"


@pytest.mark.parametrize("count", [1, 20])
def test_it_costs_the_same_queries_for_1_and_20_entries(
    world, as_role, django_assert_num_queries, count
):
    for number in range(count):
        platform = [world.own_platform, world.foreign_platform, world.third_platform][number % 3]
        make_entry(platform, topic=f"Мероприятие {number}", hosts=[world.school_a.team],
                   results=[(world.school_a.team, {"comment": "ok"}),
                            (world.school_b.team, {})])
        make_plan(platform, planned_on=today() + datetime.timedelta(days=number + 1))
        factories.MentorshipFactory(platform=platform, mentor=world.school_a.team,
                                    mentee=factories.TeamFactory(
                                        organization__municipality=world.municipality))
    client = as_role("school_user")
    client.get(URL)

    # session, user, profile; latest period, the team; directions, platforms, their
    # curators, placements, mentor pairs, plan lines, entries, own results, hosts; the
    # periods for the year switch.
    with django_assert_num_queries(15):
        response = client.get(URL)

    assert sum(len(part.entries) for part in response.context["participation"].parts) == count


def read_workbook(response):
    return load_workbook(BytesIO(response.content))


def test_it_downloads_the_team_s_participation_record(world, as_role):
    factories.MentorshipFactory(platform=world.foreign_platform, mentor=world.school_b.team,
                                mentee=world.school_a.team, started_on=D(2021, 9, 20))
    make_entry(world.own_platform, held_on=D(2021, 11, 3), topic="=HYPERLINK(\"http://x\")",
               results=[
                   (world.school_a.team, {"managers": 2, "teachers": 4,
                                          "outcome": Outcome.PARTIAL, "comment": "+7 доработать"}),
                   (world.school_b.team, {"comment": "Чужой комментарий"}),
               ])

    response = as_role("school_user").get(EXCEL_URL)

    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        f'attachment; filename="stazhirovki-{world.school_a.pk}-2021-2022.xlsx"'
    )
    workbook = read_workbook(response)
    assert workbook.sheetnames == ["Распределение", "Наставничество", "Мероприятия"]
    placements = list(workbook["Распределение"].iter_rows(values_only=True))
    assert placements[0] == ("№ направления", "Направление", "Уровень", "Кураторы")
    assert placements[1] == (1, "Управление качеством образования", "Команды-лидеры",
                             "Своя О. К.")
    assert [row[2] for row in placements[1:]] == [
        "Команды-лидеры", "Команды, подающие надежды", "Команды скрытых резервов",
    ]
    pairs = list(workbook["Наставничество"].iter_rows(values_only=True))
    assert pairs[1] == (2, "подопечная", "Гимназия № 2", datetime.datetime(2021, 9, 20), None)
    sheet = workbook["Мероприятия"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:6] == ("Дата", "№ направления", "Форма работы", "Тема", "Роль команды",
                           "Участвовала")
    assert rows[1] == (datetime.datetime(2021, 11, 3), 1, "Стажировочная сессия",
                       '=HYPERLINK("http://x")', "участница", "да", 2, 4, "Частично освоено",
                       "+7 доработать")
    assert len(rows) == 2
    assert sheet["A2"].number_format == "DD.MM.YYYY"
    assert sheet["D2"].data_type == "s" and sheet["J2"].data_type == "s"
    assert sheet.column_dimensions["D"].width == 60
    assert "Чужой комментарий" not in {value for row in rows for value in row}
