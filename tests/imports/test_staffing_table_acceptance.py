"""Staff import the organizations and the staffing table of a district laid out like the one
of the Ermakovsky project «Взаимообучение ОО Ермаковского района» and see correct КК and
critical rows.

The table is built exactly as the project prints it: a title row, a two-row header with the
merged group «Педагогические работники», three groups (schools, kindergartens, additional
education) each closed by a subtotal row without a name, names with «» and "" quotes and
broken spacing, printed percentages in shifted columns.

Decisions the test pins:
- the empty line «Нижнеусинская НШ» (no total, zeros only) is skipped and listed, not an
  error, so the rest of the table still loads;
- the project's line «Ойская СШ» (22 = 6 + 11 + 4, and 1 + 6 attested/п. 18 > 6) does not add
  up: the import as printed is refused with that row and nothing is written; with the
  typo corrected (7 without a category, which the printed 32 % and КК 68 % confirm) it loads.
"""

import datetime
from decimal import Decimal

import pytest

from diagnostics.models import Staffing
from diagnostics.staffing import StaffingFigures
from teams.models import Organization, OrganizationKind, SchoolLevel
from tests import factories
from tests.imports.workbooks import SEED_ROWS, seed_staffing_workbook

AS_OF = datetime.date(2021, 6, 30)


def _corrected_rows():
    return [(4, "МБОУ «Ойская СШ»", 22, 7, 11, 4, 1, 6, None, "32%", "68%")
            if row[1] == "МБОУ «Ойская СШ»" else row for row in SEED_ROWS]


def _figures(municipality, short_name) -> StaffingFigures:
    return StaffingFigures.of(Staffing.objects.get(
        organization__municipality=municipality, organization__short_name=short_name))


@pytest.fixture
def municipality(db):
    return factories.MunicipalityFactory(name="Ермаковский район")


def test_staff_import_organizations_then_staffing_and_see_kk_and_critical_rows(
        municipality, run):
    organizations = run("organizations", seed_staffing_workbook(), municipality)
    assert organizations.ok, organizations.as_text()
    assert organizations.created == 29
    assert [s.row for s in organizations.skipped] == [22, 31, 35]  # the three subtotals

    as_printed = run("staffing", seed_staffing_workbook(), municipality, as_of=AS_OF)
    assert [(p.row, p.column.split(" · ")[0]) for p in as_printed.problems] == [
        (7, "C"), (7, "D")]
    assert Staffing.objects.count() == 0

    report = run("staffing", seed_staffing_workbook(_corrected_rows()), municipality,
                 as_of=AS_OF)
    assert report.ok, report.as_text()
    assert report.created == 28
    assert [(s.row, s.reason) for s in report.skipped] == [
        (21, "не указано число педагогических работников (строка без данных)"),
        (22, "нет наименования организации (итоговая строка или заголовок)"),
        (31, "нет наименования организации (итоговая строка или заголовок)"),
        (35, "нет наименования организации (итоговая строка или заголовок)"),
    ]

    first = Staffing.objects.get(organization__short_name="Ермаковская СШ № 1")
    assert (first.as_of, first.teachers_total, first.without_category, first.first_category,
            first.highest_category, first.attested_for_position,
            first.not_subject_to_attestation) == (AS_OF, 56, 22, 25, 9, 16, 6)
    figures = _figures(municipality, "Ермаковская СШ № 1")
    assert figures.quality_coefficient == Decimal("60.7")
    assert figures.quality_coefficient_text == "60,7 %"
    assert not figures.critical

    aradan = _figures(municipality, "Араданская ОШ")
    assert aradan.critical and aradan.quality_coefficient == Decimal("0.0")
    assert _figures(municipality, "Мигнинская СШ").critical  # «МБОУ\n\n«Мигнинская СШ»
    assert _figures(municipality, "Ойская СШ").quality_coefficient == Decimal("68.2")
    # Exactly half without a category is not critical.
    assert not _figures(municipality, "Новоозёрновская ОШ").critical
    # Broken spacing inside a word, and the quote opened but never closed.
    assert _figures(municipality, "Н-Суэтуцкий детский сад").teachers_total == 6
    assert _figures(municipality,
                    "Ермаковский детский сад № 2 комбинированн ого вида Родничок"
                    ).quality_coefficient == Decimal("87.5")
    critical = sorted(line.organization.short_name for line in
                      Staffing.objects.select_related("organization")
                      if StaffingFigures.of(line).critical)
    assert critical == sorted([
        "Мигнинская СШ", "Семенниковская СОШ", "Жебластинская СШ", "Григорьевская СШ",
        "Верхнеусинская СШ", "Салбинская СШ", "Араданская ОШ",
        "Ермаковский детский сад № 3 комбинированного вида", "Танзыбейский детский сад",
    ])
    assert not Staffing.objects.filter(organization__short_name="Нижнеусинская НШ").exists()


def test_organizations_from_the_seed_table_get_kind_level_and_head_organization(
        municipality, run):
    run("organizations", seed_staffing_workbook(), municipality)
    branch = Organization.objects.get(short_name="Новоозёрновская ОШ")
    assert branch.parent.short_name == "Ермаковская СШ № 2"
    assert branch.level == SchoolLevel.BASIC
    assert Organization.objects.get(short_name="Большереченская СШ").parent.short_name == \
        "Разъезженская СШ"
    assert Organization.objects.get(short_name="Нижнеусинская НШ").level == SchoolLevel.PRIMARY
    kinds = {kind: Organization.objects.filter(municipality=municipality, kind=kind).count()
             for kind in OrganizationKind}
    assert kinds == {OrganizationKind.SCHOOL: 18, OrganizationKind.PRESCHOOL: 8,
                     OrganizationKind.ADDITIONAL: 3, OrganizationKind.METHOD_SERVICE: 0}
    # Every new organization has its management team.
    assert not Organization.objects.filter(municipality=municipality, team__isnull=True)


def test_importing_the_seed_table_again_updates_every_line(municipality, run):
    run("organizations", seed_staffing_workbook(), municipality)
    run("staffing", seed_staffing_workbook(_corrected_rows()), municipality, as_of=AS_OF)
    again = run("organizations", seed_staffing_workbook(), municipality)
    assert (again.created, again.updated) == (0, 29)
    report = run("staffing", seed_staffing_workbook(_corrected_rows()), municipality,
                 as_of=AS_OF)
    assert (report.created, report.updated) == (0, 28)
    assert Staffing.objects.count() == 28
