"""The staffing table by kind of organization, and its entry form."""

import datetime

import pytest
from django.urls import reverse

from diagnostics.models import Staffing
from tests import factories
from tests.helpers import assert_redirects_to_login, messages_of

TABLE_URL = reverse("staffing")
AS_OF = datetime.date(2021, 6, 30)
EARLIER = datetime.date(2020, 6, 30)


def edit_url(organization) -> str:
    return reverse("staffing_edit", args=[organization.pk])


def add(organization, total, without, first, highest, as_of=AS_OF, attested=0, exempt=0):
    return Staffing.objects.create(
        organization=organization, as_of=as_of, teachers_total=total, without_category=without,
        first_category=first, highest_category=highest, attested_for_position=attested,
        not_subject_to_attestation=exempt,
    )


@pytest.fixture
def staffing(world):
    add(world.school_a, 56, 22, 25, 9, attested=16, exempt=6)
    add(world.school_c, 11, 11, 0, 0, attested=9, exempt=2)
    add(world.school_d, 16, 8, 6, 2, attested=3, exempt=5)
    add(world.kindergarten, 7, 5, 2, 0, attested=4, exempt=1)
    add(world.school_a, 50, 30, 15, 5, as_of=EARLIER)
    add(world.other_organization, 10, 10, 0, 0)
    return world


@pytest.mark.parametrize("role", ["staff", "curator", "analyst"])
def test_it_shows_the_latest_table_to_staff_roles(staffing, as_role, role):
    response = as_role(role).get(TABLE_URL)

    assert response.status_code == 200
    assert response.context["as_of"] == AS_OF
    table = response.context["table"]
    assert [[row.organization.short_name for row in group.rows] for group in table.groups] == [
        ["СОШ № 1", "Гимназия № 2", "ООШ № 3", "НШ № 4"], ["Детский сад № 5"],
    ]
    # The school without a line on the date is listed, as the district prints it.
    assert table.groups[0].rows[1].staffing is None
    assert table.row_count == 4


def test_it_refuses_the_table_to_a_school_team(staffing, as_role):
    assert as_role("school_user").get(TABLE_URL).status_code == 403


def test_it_sends_an_anonymous_visitor_to_the_login_page(world, client):
    assert_redirects_to_login(client.get(TABLE_URL))


def test_it_shows_another_date_when_asked(staffing, as_role):
    response = as_role("staff").get(TABLE_URL, {"as_of": "2020-06-30"})

    assert response.context["as_of"] == EARLIER
    assert response.context["table"].total.teachers_total == 50


def test_it_shows_only_the_user_s_municipality(staffing, as_role):
    table = as_role("outsider").get(TABLE_URL).context["table"]

    assert [row.organization.short_name for row in table.groups[0].rows] == ["СОШ № 7"]


def test_it_highlights_critical_rows_and_prints_percentages_with_a_comma(staffing, as_role):
    content = as_role("staff").get(TABLE_URL).content.decode()

    # ООШ № 3, the kindergarten, the kindergartens' total and the municipality's total.
    assert content.count('<span class="badge text-bg-danger">критическое состояние</span>') == 4
    assert content.count('<tr class="table-danger">') == 2  # ООШ № 3 and the kindergarten
    assert "39,3 %" in content and "60,7 %" in content
    assert "50,0 %" in content  # НШ № 4: exactly half, not critical


def test_it_totals_groups_and_the_municipality_from_sums(staffing, as_role):
    table = as_role("staff").get(TABLE_URL).context["table"]

    schools = table.groups[0].total
    assert (schools.teachers_total, schools.without_category) == (83, 41)
    assert schools.without_category_share_text == "49,4 %"
    assert not schools.critical
    assert table.total.teachers_total == 90
    assert table.total.without_category_share_text == "51,1 %"
    assert table.total.critical


def test_it_tells_staff_how_to_fill_an_empty_table(world, as_role):
    content = as_role("staff").get(TABLE_URL).content.decode()

    assert "Данных о кадровом составе пока нет." in content
    assert f'<a href="{reverse("import_staffing")}">загрузите таблицу из Excel</a>' in content


def test_it_tells_other_roles_who_fills_an_empty_table(world, as_role):
    content = as_role("analyst").get(TABLE_URL).content.decode()

    assert "Их вносит управление образования." in content


def test_it_shows_the_entry_form_to_department_staff(world, as_role):
    assert as_role("staff").get(edit_url(world.school_a)).status_code == 200


@pytest.mark.parametrize("role", ["curator", "analyst", "school_user"])
def test_it_refuses_the_entry_form_to_other_roles(world, as_role, role):
    assert as_role(role).get(edit_url(world.school_a)).status_code == 403


def test_it_hides_the_entry_form_of_another_municipality(world, as_role):
    assert as_role("staff").get(edit_url(world.other_organization)).status_code == 404


VALID = {"as_of": "2021-06-30", "teachers_total": "56", "without_category": "22",
         "first_category": "25", "highest_category": "9", "attested_for_position": "16",
         "not_subject_to_attestation": "6"}


def test_it_saves_a_line_and_shows_the_table_of_its_date(world, as_role):
    response = as_role("staff").post(edit_url(world.school_a), VALID, follow=True)

    line = Staffing.objects.get()
    assert (line.organization, line.as_of, line.teachers_total) == (world.school_a, AS_OF, 56)
    assert "Кадровый состав СОШ № 1 на 30.06.2021 сохранён." in messages_of(response)
    assert response.context["as_of"] == AS_OF


def test_it_corrects_the_line_of_the_same_date(staffing, as_role):
    response = as_role("staff").get(edit_url(staffing.school_a), {"as_of": "2021-06-30"})
    assert response.context["form"].initial["teachers_total"] == 56

    as_role("staff").post(edit_url(staffing.school_a),
                          {**VALID, "teachers_total": "57", "first_category": "26"})

    assert Staffing.objects.get(organization=staffing.school_a, as_of=AS_OF).teachers_total == 57


@pytest.mark.parametrize(
    "change, message",
    [
        ({"teachers_total": "55"}, "каждый педагог учитывается ровно в одной из трёх граф"),
        ({"attested_for_position": "17"}, "входят в число педагогов без категории"),
        ({"first_category": "-1"}, "Число не может быть отрицательным."),
        ({"highest_category": ""}, "Укажите число (0, если таких нет)."),
        ({"as_of": "31.02.2021"}, "Введите дату в формате ДД.ММ.ГГГГ."),
    ],
)
def test_it_refuses_bad_input_with_a_russian_message_and_changes_nothing(
    world, as_role, change, message
):
    response = as_role("staff").post(edit_url(world.school_a), {**VALID, **change})

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Staffing.objects.exists()


def test_it_lists_staffing_on_the_organization_s_indicator_page(staffing, as_role):
    response = as_role("school_user").get(
        reverse("organization_indicators", args=[staffing.school_a.pk])
    )

    assert [row.staffing.as_of for row in response.context["staffings"]] == [AS_OF, EARLIER]
    assert "критическое состояние" in response.content.decode()  # 30 of 50 in 2020


def test_it_lists_a_branch_right_under_its_head_school(staffing, as_role):
    branch = factories.OrganizationFactory(
        municipality=staffing.school_a.municipality, short_name="Филиал НШ № 9", number=9,
        level="ns", parent=staffing.school_a)
    add(branch, 8, 3, 4, 1, attested=1, exempt=2)

    response = as_role("curator").get(TABLE_URL)

    schools = response.context["table"].groups[0]
    assert [(row.organization.short_name, row.is_branch) for row in schools.rows] == [
        ("СОШ № 1", False), ("Филиал НШ № 9", True), ("Гимназия № 2", False),
        ("ООШ № 3", False), ("НШ № 4", False)]
    assert schools.total.teachers_total == 56 + 8 + 11 + 16
    assert '<span class="text-muted small">филиал</span>' in response.content.decode()


def test_it_shows_an_organization_without_figures_as_no_data_outside_the_totals(
        staffing, as_role):
    content = as_role("staff").get(TABLE_URL).content.decode()

    assert content.count('class="text-muted no-data">нет данных</td>') == 1  # Гимназия № 2
    assert "Нет данных на эту дату: Гимназия № 2. Их строки не входят в итоги." in content


def test_it_sums_first_and_highest_category_by_kind_with_the_municipality_s_kk(
        staffing, as_role):
    response = as_role("analyst").get(TABLE_URL)

    table = response.context["table"]
    # Schools: Пп 25 + 0 + 6 = 31, Пв 9 + 0 + 2 = 11 of 83 → КК 42 / 83 = 50,6 %;
    # the kindergarten 2 + 0 of 7 = 28,6 %; the municipality 44 / 90 = 48,9 %.
    assert [(label, f.first_category, f.highest_category, f.quality_coefficient_text)
            for label, f in table.categories] == [
        ("Общеобразовательные организации", 31, 11, "50,6 %"),
        ("Дошкольные организации", 2, 0, "28,6 %"),
    ]
    content = response.content.decode()
    assert '<tr class="fw-bold" id="categories-total"><td>По муниципалитету</td>' \
        '<td class="text-end">33</td><td class="text-end">11</td>' \
        '<td class="text-end">90</td><td class="text-end">48,9 %</td></tr>' in content
