from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from internships.models import Tier
from tests import factories
from tests.helpers import assert_redirects_to_login

URL = reverse("matrix_excel")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
HEADER = ("№ направления", "Направление", "Организация", "Уровень", "Кураторы")
LEADERS, PROMISING, RESERVE = (label for _, label in Tier.choices)


def sheet_rows(response) -> list[tuple]:
    workbook = load_workbook(BytesIO(response.content))
    return list(workbook.active.iter_rows(values_only=True))


@pytest.mark.parametrize("role", ["staff", "curator", "analyst"])
def test_it_exports_the_matrix_in_matrix_order(world, as_role, role):
    response = as_role(role).get(URL)

    assert response.status_code == 200
    assert response["Content-Type"] == XLSX
    assert response["Content-Disposition"] == (
        'attachment; filename="raspredelenie-2021-2022.xlsx"'
    )
    first, second, third = (d.title for d in world.directions)
    assert sheet_rows(response) == [
        HEADER,
        (1, first, "СОШ № 1", LEADERS, "Своя О. К."),
        (1, first, "Гимназия № 2", PROMISING, "Своя О. К."),
        (1, first, "НШ № 4", PROMISING, "Своя О. К."),
        (1, first, "ООШ № 3", RESERVE, "Своя О. К."),
        (2, second, "Гимназия № 2", LEADERS, "Чужая Е. В."),
        (2, second, "СОШ № 1", PROMISING, "Чужая Е. В."),
        (2, second, "НШ № 4", RESERVE, "Чужая Е. В."),
        (3, third, "ООШ № 3", LEADERS, None),
        (3, third, "Детский сад № 5", PROMISING, None),
        (3, third, "СОШ № 1", RESERVE, None),
    ]


def test_it_applies_the_matrix_filters_to_the_export(world, as_role):
    response = as_role("staff").get(URL, {"direction": world.directions[0].pk,
                                          "tier": Tier.PROMISING})

    assert [row[:4] for row in sheet_rows(response)[1:]] == [
        (1, world.directions[0].title, "Гимназия № 2", PROMISING),
        (1, world.directions[0].title, "НШ № 4", PROMISING),
    ]


def test_it_writes_a_name_that_looks_like_a_formula_as_text(world, as_role):
    organization = factories.OrganizationFactory(municipality=world.municipality,
                                                 short_name="=SUM(A1)", number=90)
    factories.PlacementFactory(platform=world.third_platform, team=organization.team,
                               tier=Tier.RESERVE)

    response = as_role("staff").get(URL, {"q": "=SUM"})

    workbook = load_workbook(BytesIO(response.content))
    cell = workbook.active["C2"]
    assert cell.value == "=SUM(A1)"
    assert cell.data_type == "s"


def test_it_refuses_the_export_to_a_school_team(world, as_role):
    assert as_role("school_user").get(URL).status_code == 403


def test_it_sends_an_anonymous_visitor_to_the_login_page(world, client):
    assert_redirects_to_login(client.get(URL))


def test_it_exports_only_the_user_s_municipality(world, as_role):
    response = as_role("outsider").get(URL)

    assert [row[2] for row in sheet_rows(response)[1:]] == ["СОШ № 7"]
