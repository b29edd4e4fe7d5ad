"""The municipal indicator table, an organization's indicators over years, and the entry form."""

import pytest
from django.urls import reverse

from diagnostics.models import SchoolIndicator
from tests import factories
from tests.helpers import assert_redirects_to_login, messages_of

TABLE_URL = reverse("indicators")


def history_url(organization) -> str:
    return reverse("organization_indicators", args=[organization.pk])


def edit_url(organization) -> str:
    return reverse("indicator_edit", args=[organization.pk])


@pytest.fixture
def indicators(world):
    def add(organization, **values):
        return SchoolIndicator.objects.create(organization=organization, period=world.period,
                                              **values)

    add(world.school_a, low_results=True, non_objective=False, students_total=400,
        olympiad_winners=20, graduates_total=40, graduates_high_gia=10, teachers_total=30,
        teachers_competition_winners=3)
    add(world.school_b, low_results=False, students_total=600, olympiad_winners=90,
        graduates_total=60, graduates_high_gia=None, teachers_total=40)
    add(world.school_c, students_total=100, olympiad_winners=None)
    return world


def listed(response) -> list[str]:
    return [row.organization.short_name for row in response.context["rows"]]


@pytest.mark.parametrize("role", ["staff", "curator", "analyst"])
def test_it_shows_the_municipal_table_to_staff_roles(indicators, as_role, role):
    response = as_role(role).get(TABLE_URL)

    assert response.status_code == 200
    assert listed(response) == ["СОШ № 1", "Гимназия № 2", "ООШ № 3", "НШ № 4",
                                "Детский сад № 5"]


def test_it_refuses_the_municipal_table_to_a_school_team(indicators, as_role):
    assert as_role("school_user").get(TABLE_URL).status_code == 403


def test_it_sends_an_anonymous_visitor_to_the_login_page(world, client):
    assert_redirects_to_login(client.get(TABLE_URL))


def test_it_shows_only_the_user_s_municipality(indicators, as_role):
    response = as_role("outsider").get(TABLE_URL)

    assert listed(response) == ["СОШ № 7"]
    assert response.context["known_count"] == 0


def test_it_computes_the_shares_of_each_row(indicators, as_role):
    rows = {row.organization.short_name: row
            for row in as_role("staff").get(TABLE_URL).context["rows"]}

    school_a = rows["СОШ № 1"]
    assert (school_a.olympiad_share, school_a.high_gia_share, school_a.competition_share) == (
        "5,0 %", "25,0 %", "10,0 %")
    assert rows["Гимназия № 2"].high_gia_share == "нет данных"
    assert rows["ООШ № 3"].olympiad_share == "нет данных"
    assert rows["НШ № 4"].students_total is None


def test_it_totals_from_the_sums_of_the_known_numbers(indicators, as_role):
    totals = as_role("staff").get(TABLE_URL).context["totals"]

    assert totals.students_total == 1100
    assert totals.olympiad_winners == 110
    # Only rows that know both: (20 + 90) / (400 + 600).
    assert totals.olympiad_share == "11,0 %"
    assert totals.high_gia_share == "25,0 %"
    assert totals.low_results == 1


def test_it_shows_unknown_values_as_no_data_never_as_zero(indicators, as_role):
    content = as_role("staff").get(TABLE_URL).content.decode()

    row = content.split("НШ № 4", 1)[1].split("</tr>", 1)[0]
    assert '<td colspan="11" class="text-muted">нет данных</td>' in row
    assert ">0<" not in row


@pytest.mark.parametrize(
    "query, expected",
    [
        ({"low_results": "yes"}, ["СОШ № 1"]),
        ({"low_results": "no"}, ["Гимназия № 2"]),
        ({"low_results": "unknown"}, ["ООШ № 3", "НШ № 4", "Детский сад № 5"]),
        ({"kind": "preschool"}, ["Детский сад № 5"]),
        ({"level": "oosh"}, ["ООШ № 3"]),
        ({"sort": "-olympiad"}, ["Гимназия № 2", "СОШ № 1", "ООШ № 3", "НШ № 4",
                                 "Детский сад № 5"]),
        ({"sort": "name"}, ["Гимназия № 2", "Детский сад № 5", "НШ № 4", "ООШ № 3",
                            "СОШ № 1"]),
    ],
)
def test_it_filters_and_sorts_the_table(indicators, as_role, query, expected):
    assert listed(as_role("staff").get(TABLE_URL, query)) == expected


@pytest.mark.parametrize("role", ["staff", "curator", "analyst", "school_user"])
def test_it_shows_an_organization_s_indicators_over_the_years(indicators, as_role, role):
    response = as_role(role).get(history_url(indicators.school_a))

    assert response.status_code == 200
    [(period, row)] = response.context["history"]
    assert period == indicators.period
    assert row.students_total == 400


def test_it_hides_another_organization_s_indicators_from_a_school_team(indicators, as_role):
    assert as_role("school_user").get(history_url(indicators.school_b)).status_code == 404


def test_it_hides_indicators_of_another_municipality(indicators, as_role):
    assert as_role("staff").get(history_url(indicators.other_organization)).status_code == 404


def test_it_says_no_data_for_a_year_without_indicators(world, as_role):
    content = as_role("staff").get(history_url(world.school_d)).content.decode()

    assert "нет данных" in content


def test_it_shows_the_entry_form_to_department_staff(world, as_role):
    assert as_role("staff").get(edit_url(world.school_a)).status_code == 200


@pytest.mark.parametrize("role", ["curator", "analyst", "school_user"])
def test_it_refuses_the_entry_form_to_other_roles(world, as_role, role):
    assert as_role(role).get(edit_url(world.school_a)).status_code == 403


def test_it_hides_the_entry_form_of_another_organization_from_a_school_team(world, as_role):
    assert as_role("school_user").get(edit_url(world.school_b)).status_code == 404


def test_it_saves_the_form_with_blanks_as_unknown(world, as_role):
    response = as_role("staff").post(edit_url(world.school_a), {
        "low_results": "yes", "non_objective": "", "students_total": "350",
        "olympiad_winners": "7", "graduates_total": "", "graduates_high_gia": "",
        "teachers_total": "", "teachers_competition_winners": "",
    }, follow=True)

    indicator = SchoolIndicator.objects.get(organization=world.school_a, period=world.period)
    assert (indicator.low_results, indicator.non_objective, indicator.students_total,
            indicator.graduates_total) == (True, None, 350, None)
    assert "Показатели СОШ № 1 за 2021–2022 учебный год сохранены." in messages_of(response)


def test_it_refuses_more_winners_than_students_and_changes_nothing(world, as_role):
    response = as_role("staff").post(edit_url(world.school_a), {
        "students_total": "10", "olympiad_winners": "11",
    })

    assert response.status_code == 200
    assert ("Победителей и призёров олимпиад не может быть больше, чем обучающихся."
            in response.content.decode())
    assert not SchoolIndicator.objects.exists()


def test_it_refuses_a_negative_number(world, as_role):
    response = as_role("staff").post(edit_url(world.school_a), {"students_total": "-1"})

    assert "Число не может быть отрицательным." in response.content.decode()
    assert not SchoolIndicator.objects.exists()


def test_it_prefills_the_form_with_the_saved_indicators(indicators, as_role):
    form = as_role("staff").get(edit_url(indicators.school_a)).context["form"]

    assert form.initial["students_total"] == 400
    assert form.initial["low_results"] == "yes"
    assert form.initial["non_objective"] == "no"


def test_it_lets_a_superuser_enter_indicators(world, login):
    admin = factories.UserFactory(is_superuser=True, is_staff=True)

    assert login(admin).get(edit_url(world.school_a)).status_code == 200


@pytest.mark.parametrize("role", ["staff", "school_user"])
def test_it_links_the_organization_page_to_its_indicators_and_needs(world, as_role, role):
    content = as_role(role).get(
        reverse("organization_detail", args=[world.school_a.pk])
    ).content.decode()

    assert history_url(world.school_a) in content
    assert reverse("organization_needs", args=[world.school_a.pk]) in content


def test_the_totals_say_no_data_rather_than_zero_schools_when_nothing_is_known(world, as_role):
    response = as_role("staff").get(reverse("indicators"))

    totals = response.context["totals"]
    assert totals.low_results is None
    assert totals.non_objective is None
    assert "0 школ" not in response.content.decode()
