"""The «Показатели проекта» page: who sees it, what it shows, what it costs."""

import datetime
import json

import pytest
from django.urls import reverse

from diagnostics.models import SchoolIndicator, Staffing
from internships.models import JournalEntry, TeamResult, Tier
from reports import indicator_catalogue, indicator_views
from tests import factories
from tests.helpers import assert_redirects_to_login, messages_of

D = datetime.date
URL = reverse("project_indicators")


@pytest.fixture
def later(world):
    """2022–2023: one platform, led by СОШ № 1, with two events to which Гимназия № 2
    sent the same two managers and four teachers."""
    period = factories.PeriodFactory(programme=world.programme, starts_on=D(2022, 9, 1),
                                     ends_on=D(2023, 8, 31))
    platform = factories.PlatformFactory(direction=world.directions[0], period=period)
    factories.PlacementFactory(platform=platform, team=world.school_a.team, tier=Tier.LEADER)
    factories.PlacementFactory(platform=platform, team=world.school_b.team)
    for day in (D(2022, 10, 5), D(2022, 11, 9)):
        made = JournalEntry.objects.create(platform=platform, held_on=day, form="seminar",
                                           topic="Семинар")
        TeamResult.objects.create(entry=made, team=world.school_b.team, managers=2, teachers=4)
    return period


def row_text(response, code: str) -> str:
    content = response.content.decode()
    start = content.index(f'id="indicator-{code}"')
    return content[start:content.index("</tr>", start)]


@pytest.mark.parametrize("role", ["staff", "curator", "analyst"])
def test_it_shows_the_municipality_staff_roles_the_indicators(as_role, role):
    response = as_role(role).get(URL)

    assert response.status_code == 200
    assert "Показатели эффективности проекта" in response.content.decode()
    assert "60,0 %" in row_text(response, "leading_teams_share")
    assert "3 из 5 команд" in row_text(response, "leading_teams_share")


def test_it_refuses_a_school_team(as_role):
    assert as_role("school_user").get(URL).status_code == 403


def test_it_sends_an_anonymous_visitor_to_log_in(as_role):
    assert_redirects_to_login(as_role("anonymous").get(URL))


def test_it_shows_another_municipality_only_its_own_figures(world, login):
    response = login(world.outsider).get(URL)

    assert response.context["period"] == world.other_platform.period
    rows = {row.indicator.code: row for _, found in response.context["groups"]
            for row in found}
    assert rows["network_organizations"].current.value == 1


def test_it_refuses_a_period_of_another_municipality_with_a_message(world, as_role):
    response = as_role("staff").get(URL, {"period": world.other_platform.period.pk})

    assert response.status_code == 200
    assert response.context["period"] == world.period
    assert messages_of(response) == [
        "Такого учебного года нет среди доступных вам — показан текущий."]


def test_it_explains_an_unreadable_period(world, as_role):
    response = as_role("analyst").get(URL, {"period": "2021-2022'"})

    assert response.context["period"] == world.period
    assert len(messages_of(response)) == 1


def test_it_opens_on_the_academic_year_under_way(world, later, as_role, monkeypatch):
    monkeypatch.setattr(indicator_views.timezone, "localdate", lambda: D(2022, 3, 1))

    assert as_role("staff").get(URL).context["period"] == world.period


def test_it_opens_on_the_latest_year_once_the_programme_is_over(world, later, as_role,
                                                               monkeypatch):
    monkeypatch.setattr(indicator_views.timezone, "localdate", lambda: D(2026, 3, 1))

    assert as_role("staff").get(URL).context["period"] == later


def test_it_shows_the_change_from_the_previous_period(world, later, as_role):
    response = as_role("staff").get(URL, {"period": later.pk})

    assert response.context["previous_period"] == world.period
    platforms = row_text(response, "platforms_open")
    assert "↓ 2" in platforms and "text-bg-danger" in platforms
    events = row_text(response, "events_held")
    assert "↑ 2" in events and "text-bg-success" in events
    # No people in the previous year's journals: nothing to compare with.
    people = row_text(response, "people_trained")
    assert "руководителей — 2, педагогов — 4" in people
    assert "нет данных" in people and "↑" not in people
    assert "сравнение с 2021–2022 учебным годом" in response.content.decode()


def test_it_names_the_groups_of_indicators_as_the_project_does(as_role):
    content = as_role("analyst").get(URL).content.decode()

    assert "Прямые показатели" in content
    assert "Опосредованные показатели" in content
    assert "Косвенные" not in content
    # The programme's numbering, facts first: П1 «Создана среда…» opens the direct ones.
    direct = content[content.index("Прямые показатели"):content.index("Опосредованные показатели")]
    assert direct.index("П1.") < direct.index("П2.") < direct.index("П3.") < direct.index("П8.2.")
    assert "К5." in content and "Д1." in content


def test_it_says_the_first_period_has_nothing_to_compare_with(world, later, as_role):
    response = as_role("staff").get(URL, {"period": world.period.pk})

    assert response.context["previous_period"] is None
    assert "первый учебный год проекта, сравнивать не с чем" in response.content.decode()


def test_it_shows_the_formula_and_the_evidence_of_each_indicator(world, as_role):
    response = as_role("staff").get(URL)

    environment = row_text(response, "environment_created")
    assert "каждой образовательной организации" in environment
    assert "распределены команды 4 из 4 школ" in environment
    assert "text-bg-success" in environment
    assert "нет данных" in row_text(response, "low_results_share")


def test_it_shows_the_per_direction_table(world, as_role):
    response = as_role("staff").get(URL)

    content = response.content.decode()
    start = content.index('id="direction-2"')
    second = content[start:content.index("</tr>", start)]
    assert "Стажировка 2. Наставничество и развитие кадров" in second
    assert [number for number, _, _ in response.context["direction_rows"]] == [1, 2, 3]


def test_it_hands_the_chart_its_series_through_json_script(world, later, as_role):
    response = as_role("staff").get(URL)

    content = response.content.decode()
    assert 'src="/static/vendor/chartjs/chart.umd.min.js"' in content
    assert 'src="/static/js/indicators-chart.js"' in content
    start = content.index('id="indicators-chart-data"')
    data = json.loads(content[content.index(">", start) + 1:content.index("</script>", start)])
    assert data["labels"] == ["2021–2022", "2022–2023"]
    series = {item["code"]: item["values"] for item in data["datasets"]}
    assert series == {"people_trained": [None, 6], "events_held": [0, 2],
                      "deficits_decreased_teams": [None, None]}


def test_it_says_what_to_expect_when_no_period_exists(db, login):
    municipality = factories.MunicipalityFactory(name="Новый район")

    response = login(factories.staff_user(municipality)).get(URL)

    assert response.status_code == 200
    content = response.content.decode()
    assert "Учебные годы проекта ещё не заведены" in content
    assert "indicators-chart" not in content


def _grow(world) -> None:
    """More organizations with placements, events, results, monitoring and staffing."""
    for number in range(30, 42):
        organization = factories.OrganizationFactory(municipality=world.municipality,
                                                     number=number)
        factories.PlacementFactory(platform=world.third_platform, team=organization.team)
        made = JournalEntry.objects.create(platform=world.third_platform,
                                           held_on=D(2022, 1, 10), form="session",
                                           topic=f"Сессия {number}")
        TeamResult.objects.create(entry=made, team=organization.team, managers=1, teachers=1)
        SchoolIndicator.objects.create(organization=organization, period=world.period,
                                       low_results=True, students_total=10,
                                       olympiad_winners=1)
        Staffing.objects.create(organization=organization, as_of=D(2022, 1, 1),
                                teachers_total=4, without_category=1, first_category=3,
                                highest_category=0)


# Session, user, profile, periods, then the indicators of both periods (with the persons
# of each year: the coverage target once, three reads a period) and the rounds the chain
# «deficit → event → result» compares (none here).
# One more (29th): which programmes have school innovation projects (Э1–Э5).
# Five more (34): the contests with approved results (К5.1–К5.4), the region's motivating
# monitoring, and the municipal monitoring's periods, control points and staffing lines.
# One more (35): the networks the municipality keeps or takes part in (С1–С5; none here).
PAGE_QUERIES = 35


@pytest.mark.parametrize("role", ["staff", "curator", "analyst"])
def test_it_costs_the_same_queries_on_a_larger_district(world, later, as_role, role,
                                                        django_assert_num_queries):
    client = as_role(role)
    with django_assert_num_queries(PAGE_QUERIES):
        small = client.get(URL, {"period": world.period.pk})
    _grow(world)
    with django_assert_num_queries(PAGE_QUERIES):
        large = client.get(URL, {"period": world.period.pk})

    assert "5 из 5 организаций" in row_text(small, "network_organizations")
    assert "17 из 17 организаций" in row_text(large, "network_organizations")


def test_it_leaves_a_series_without_data_off_the_chart_and_says_where_to_enter_it(world, later,
                                                                                 as_role):
    response = as_role("staff").get(URL)

    content = response.content.decode()
    assert [label for label, *_ in response.context["chart_missing"]] == [
        indicator_catalogue.DEFICITS_DECREASED_TEAMS.short_name]
    note = content[content.index('id="indicators-chart-missing"'):]
    assert "нужны экспертные результаты команд в двух диагностиках подряд" in note
    assert f'<a href="{reverse("round_list")}">Диагностики</a>' in note
    assert 'id="indicators-chart"' in content

