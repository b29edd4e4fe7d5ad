"""An exported file imports back unchanged; derived columns are ignored on import."""

import datetime
import io

from django.forms.models import model_to_dict
from openpyxl import load_workbook

from diagnostics.exports import export_sheet, template_sheet
from diagnostics.models import Deficit, Diagnosis, DiagnosisSource, SchoolIndicator, Staffing
from teams.models import Locality, Organization, OrganizationKind, SchoolLevel
from tests import factories


def _round_trip(run, table, municipality):
    content = export_sheet(table, municipality=municipality).content()
    return run(table, io.BytesIO(content), municipality)


def _snapshot(queryset):
    return [model_to_dict(item) for item in queryset.order_by("pk")]


def test_organizations_round_trip(district, run):
    factories.OrganizationFactory(
        municipality=district.municipality, name="МБДОУ «Детский сад № 3»",
        short_name="Детский сад № 3", kind=OrganizationKind.PRESCHOOL, level="", number=3,
        locality=Locality.RURAL)
    factories.OrganizationFactory(
        municipality=district.municipality, name="Филиал «Малая школа»",
        short_name="Малая НШ", level=SchoolLevel.PRIMARY, number=None,
        parent=district.school_2, locality=Locality.RURAL)
    before = _snapshot(Organization.objects.all())
    report = _round_trip(run, "organizations", district.municipality)
    assert report.ok, report.as_text()
    assert (report.created, report.updated) == (0, 4)
    assert _snapshot(Organization.objects.all()) == before


def test_staffing_round_trip_ignores_the_derived_columns(district, run):
    Staffing.objects.create(organization=district.school_1, as_of=datetime.date(2021, 6, 30),
                            teachers_total=56, without_category=22, first_category=25,
                            highest_category=9, attested_for_position=16,
                            not_subject_to_attestation=6)
    Staffing.objects.create(organization=district.school_2, as_of=datetime.date(2022, 6, 30),
                            teachers_total=11, without_category=11, first_category=0,
                            highest_category=0, attested_for_position=9,
                            not_subject_to_attestation=2)
    content = export_sheet("staffing", municipality=district.municipality).content()
    # The cached results of the formulas, as a viewer that does not recalculate shows them.
    sheet = load_workbook(io.BytesIO(content), read_only=True, data_only=True).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1][-3:] == ("Доля без категории, %", "КК = (Пп + Пв) / Поб, %",
                            "Критическое состояние (более 50 %)")
    # The newest date first; each date's table with its group, subtotal and total. (The two
    # schools' order depends on where the database sorts a school without a number.)
    names = [row[0] for row in rows[2:]]
    schools = {"Ойская СШ", "Ермаковская СШ № 1"}
    assert names[:2] == ["На 30.06.2022", "Общеобразовательные организации"]
    assert set(names[2:4]) == schools
    assert names[4:9] == ["Итого: общеобразовательные организации", "Итого по муниципалитету",
                          None, "На 30.06.2021", "Общеобразовательные организации"]
    assert set(names[9:11]) == schools
    assert names[11:] == ["Итого: общеобразовательные организации", "Итого по муниципалитету"]
    by_name = {row[0]: row for row in rows[4:6]}
    assert by_name["Ойская СШ"][-3:] == (100.0, 0.0, "да")
    # No line of this school in 2022.
    assert by_name["Ермаковская СШ № 1"][-3:] == ("нет данных", None, None)
    before = _snapshot(Staffing.objects.all())
    report = run("staffing", io.BytesIO(content), district.municipality)
    assert report.ok, report.as_text()
    assert (report.created, report.updated) == (0, 2)
    assert report.warnings == []  # the file's own totals and shares agree with its rows
    assert [skipped.reason for skipped in report.skipped][:3] == [
        "заголовок даты «На 30.06.2022»", "заголовок группы «Общеобразовательные организации»",
        "не указано число педагогических работников (строка без данных)"]
    assert _snapshot(Staffing.objects.all()) == before


def test_indicators_round_trip(district, run):
    SchoolIndicator.objects.create(organization=district.school_1, period=district.period,
                                   low_results=True, non_objective=False, students_total=500,
                                   olympiad_winners=12, graduates_total=40,
                                   graduates_high_gia=5, teachers_total=56,
                                   teachers_competition_winners=3)
    SchoolIndicator.objects.create(organization=district.school_2,
                                   period=district.later_period, students_total=90)
    before = _snapshot(SchoolIndicator.objects.all())
    report = _round_trip(run, "indicators", district.municipality)
    assert report.ok, report.as_text()
    assert (report.created, report.updated) == (0, 2)
    assert _snapshot(SchoolIndicator.objects.all()) == before


def test_diagnoses_round_trip(district, run):
    direction = district.directions[1]
    diagnosis = Diagnosis.objects.create(team=district.school_1.team, round=district.round,
                                         direction=direction, score=62,
                                         comment="=СУММ(A1) не формула\nвторая строка\n\n"
                                                 "  третья — с отступом")
    diagnosis.deficits.set(Deficit.objects.filter(direction=direction, code__in=["1.1", "2.1"]))
    Diagnosis.objects.create(team=district.school_1.team, round=district.round,
                             direction=direction, source=DiagnosisSource.SELF)
    before = _snapshot(Diagnosis.objects.all())
    deficits_before = sorted(diagnosis.deficits.values_list("code", flat=True))
    report = _round_trip(run, "diagnoses", district.municipality)
    assert report.ok, report.as_text()
    assert (report.created, report.updated) == (0, 2)
    after = _snapshot(Diagnosis.objects.all())
    for row in before + after:
        row.pop("deficits")
    assert after == before
    assert sorted(diagnosis.deficits.values_list("code", flat=True)) == deficits_before
    diagnosis.refresh_from_db()
    assert diagnosis.comment == "=СУММ(A1) не формула\nвторая строка\n\n  третья — с отступом"


def test_a_template_has_the_import_headings_and_no_derived_columns(district, run):
    sheet = template_sheet("staffing")
    assert sheet.headers[:3] == ["Организация", "На дату",
                                 "Всего педагогических работников (Поб)"]
    assert not any("КК" in heading for heading in sheet.headers)
    # A filled-in template imports.
    workbook = load_workbook(io.BytesIO(sheet.content()))
    workbook.active.append(["Ойская СШ", "01.09.2021", 21, 6, 11, 4, 1, 5])
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    assert run("staffing", buffer, district.municipality).created == 1
