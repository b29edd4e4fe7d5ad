"""The Ermakovsky demo district: the 29 organizations and their staffing as the district's
table (seed 004) prints them, with the one row that does not add up corrected.

The figures are copied by hand from the seed's table, not from ``demo.ermakovsky``, so a
slip in either shows up here. Sums by hand:
- schools (17 rows): Поб 56 + 59 + 16 + 22 + 18 + 28 + 22 + 8 + 21 + 18 + 21 + 18 + 18 + 32
  + 14 + 17 + 11 = 399; without a category 199 (with «Ойская СШ» at 7), Пп 135, Пв 65 — the
  printed subtotal 399 / 199 / 135 / 65 / 150 / 49 exactly;
- kindergartens (8): 88, 34, 39, 15 (the printed 41 / 36 / 11 do not add up from the rows);
- additional education (3): 44, 18, 20, 6;
- district: 531 teachers, Пп 194, Пв 86, КК 280 / 531 = 52,7 %.
"""

import datetime
import io

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.urls import reverse

from demo.ermakovsky import MUNICIPALITY, load_ermakovsky
from diagnostics.exports import export_sheet
from diagnostics.imports.tables import import_file
from diagnostics.models import Staffing
from teams.models import Municipality, Organization, OrganizationKind, Role, UserProfile

pytestmark = pytest.mark.django_db
AS_OF = datetime.date(2021, 6, 30)


@pytest.fixture
def district():
    load_ermakovsky()
    return Municipality.objects.get(name=MUNICIPALITY)


@pytest.fixture
def erm_staff(client, district):
    client.force_login(User.objects.get(username="erm-staff"))
    return client


def test_it_loads_the_29_organizations_of_the_table(district):
    organizations = Organization.objects.filter(municipality=district)
    kinds = {kind: organizations.filter(kind=kind).count() for kind in OrganizationKind}

    assert kinds == {OrganizationKind.SCHOOL: 18, OrganizationKind.PRESCHOOL: 8,
                     OrganizationKind.ADDITIONAL: 3, OrganizationKind.METHOD_SERVICE: 0}
    branches = {o.short_name: o.parent.short_name
                for o in organizations.filter(parent__isnull=False).select_related("parent")}
    assert branches == {"Новоозёрновская ОШ": "Ермаковская СШ № 2",
                        "Большереченская СШ": "Разъезженская СШ"}
    assert not organizations.filter(team__isnull=True).exists()


def test_it_loads_the_staffing_as_printed_with_the_one_row_corrected(district):
    lines = Staffing.objects.filter(organization__municipality=district)

    assert lines.count() == 28 and set(lines.values_list("as_of", flat=True)) == {AS_OF}
    assert not lines.filter(organization__short_name="Нижнеусинская НШ").exists()
    oyskaya = lines.get(organization__short_name="Ойская СШ")
    assert (oyskaya.teachers_total, oyskaya.without_category, oyskaya.first_category,
            oyskaya.highest_category, oyskaya.attested_for_position,
            oyskaya.not_subject_to_attestation) == (22, 7, 11, 4, 1, 6)
    verkhneusinskaya = lines.get(organization__short_name="Верхнеусинская СШ")
    assert (verkhneusinskaya.teachers_total, verkhneusinskaya.first_category,
            verkhneusinskaya.highest_category) == (32, 6, 2)


def test_a_second_run_changes_nothing(district):
    before = list(Staffing.objects.order_by("pk").values())

    load_ermakovsky()

    assert list(Staffing.objects.order_by("pk").values()) == before
    assert Organization.objects.filter(municipality=district).count() == 29


def _counts(figures):
    return (figures.teachers_total, figures.without_category, figures.first_category,
            figures.highest_category)


def test_erm_staff_sees_the_table_the_way_the_district_prints_it(erm_staff):
    response = erm_staff.get(reverse("staffing"))

    assert response.status_code == 200
    table = response.context["table"]
    schools, kindergartens, additional = table.groups
    names = [row.organization.short_name for row in schools.rows]
    assert names[names.index("Ермаковская СШ № 2") + 1] == "Новоозёрновская ОШ"
    assert names[names.index("Разъезженская СШ") + 1] == "Большереченская СШ"
    assert [row.is_branch for row in schools.rows].count(True) == 2
    assert len(schools.rows) == 18 and table.without_data[0].short_name == "Нижнеусинская НШ"
    assert _counts(schools.total) == (399, 199, 135, 65)
    assert _counts(kindergartens.total) == (88, 34, 39, 15)
    assert _counts(additional.total) == (44, 18, 20, 6)
    assert _counts(table.total) == (531, 251, 194, 86)
    assert table.total.quality_coefficient_text == "52,7 %"
    assert [(label, figures.first_category, figures.highest_category,
             figures.quality_coefficient_text) for label, figures in table.categories] == [
        ("Общеобразовательные организации", 135, 65, "50,1 %"),
        ("Дошкольные организации", 39, 15, "61,4 %"),
        ("Организации дополнительного образования", 20, 6, "59,1 %"),
    ]
    # Critical: more than half without a category (Араданская ОШ 11 of 11, …).
    assert table.critical_count == 9
    content = response.content.decode()
    assert "нет данных" in content and 'id="staffing-categories"' in content


def test_erm_staff_exports_the_table_and_it_loads_back_without_warnings(district):
    content = export_sheet("staffing", municipality=district).content()

    report = import_file("staffing", municipality=district, file=io.BytesIO(content),
                         dry_run=True, as_of=AS_OF)

    assert report.ok, report.as_text()
    assert (report.created, report.updated, report.warnings) == (0, 28, [])


def test_other_districts_do_not_see_ermakovsky(district, client):
    other = Municipality.objects.create(name="Другой район")
    user = User.objects.create_user("other-staff")
    UserProfile.objects.create(user=user, municipality=other, role=Role.STAFF)
    client.force_login(user)

    response = client.get(reverse("staffing"))

    assert response.context["table"] is None


def test_the_load_demo_command_reports_the_ermakovsky_district():
    out = io.StringIO()

    call_command("load_demo", stdout=out)

    assert "Ермаковский район: организаций — 29, строк кадрового состава на 30.06.2021 — 28 " \
        "(числа — из таблицы района; у Ойской СШ без категории 7 педагогов, как показывают её " \
        "напечатанные доли)." in out.getvalue().splitlines()
    assert User.objects.get(username="erm-staff").check_password("demo")


def test_the_mutual_learning_demo_is_illustrative_and_loads_twice(district):
    from demo.ermakovsky_mutual import TITLE, load_ermakovsky_mutual
    from mutual.reads import dashboard

    first = load_ermakovsky_mutual()
    assert load_ermakovsky_mutual() == first
    assert first == {"groups": 24, "signed": 25, "submitted": 18, "not_started": 7,
                     "plans": 8, "published": 5}
    assert UserProfile.objects.get(user__username="erm-school").role == Role.SCHOOL
    programme = district.programmes.get(title=TITLE)
    results = {r.criterion.number: r for r in dashboard(programme, today=AS_OF)}
    assert results[1].value == "24 из 29 организаций"
    assert results[2].value == "25 из 29 организаций"
    assert results[6].value == "нет данных"
    assert results[4].value == "5 из 29 организаций"
    assert results[4].indicator == "нет"


def test_the_schools_plans_of_the_demo_are_illustrative_with_example_addresses(district):
    from demo.ermakovsky_mutual import SCHOOL_LOGIN_ORGANIZATION, load_ermakovsky_mutual, site_slug
    from plans.models import Occurrence, Plan

    load_ermakovsky_mutual()
    plans = Plan.objects.filter(organization__municipality=district)
    published = plans.exclude(published_url="")
    assert site_slug("Ермаковская СШ № 2") == "ermakovskaia-ssh-2"
    assert all(p.published_url == f"https://{site_slug(p.organization.short_name)}.example.ru"
               "/plan" for p in published)
    assert all("иллюстратив" in p.source.lower() for p in plans)
    assert not plans.filter(organization__short_name=SCHOOL_LOGIN_ORGANIZATION).exists()
    held = Occurrence.objects.filter(item__plan__in=plans)
    assert held.count() == 5 and not held.filter(illustrative=False).exists()
