"""Shares, КК and «критическое состояние» of the Ermakovsky project's staffing table, by hand."""

from decimal import Decimal

import pytest

from diagnostics.models import Staffing
from diagnostics.staffing import StaffingFigures, group_staffing, sum_figures
from teams.models import Organization, OrganizationKind


def figures(total, without, first, highest, attested=0, not_subject=0) -> StaffingFigures:
    return StaffingFigures(teachers_total=total, without_category=without,
                           first_category=first, highest_category=highest,
                           attested_for_position=attested,
                           not_subject_to_attestation=not_subject)


def test_it_computes_ermakovskaya_school_1_from_its_counts():
    school = figures(56, 22, 25, 9, 16, 6)

    assert school.without_category_share == Decimal("39.3")
    assert school.quality_coefficient == Decimal("60.7")
    assert school.without_category_share_text == "39,3 %"
    assert school.quality_coefficient_text == "60,7 %"
    assert not school.critical


def test_it_marks_aradanskaya_school_without_any_category_as_critical():
    school = figures(11, 11, 0, 0, 9, 2)

    assert school.without_category_share_text == "100,0 %"
    assert school.quality_coefficient_text == "0,0 %"
    assert school.critical


def test_it_does_not_call_exactly_half_critical():
    branch = figures(16, 8, 6, 2, 3, 5)  # «Новоозёрновская ОШ»

    assert branch.without_category_share_text == "50,0 %"
    assert not branch.critical


def test_it_calls_one_over_half_critical():
    assert figures(17, 9, 8, 0).critical


def test_it_says_no_data_when_there_are_no_teachers():
    empty = figures(0, 0, 0, 0)

    assert empty.without_category_share is None
    assert empty.without_category_share_text == "нет данных"
    assert empty.quality_coefficient_text == "нет данных"
    assert not empty.critical


def test_it_recomputes_the_rows_the_source_table_misprints():
    # The source prints 75 % / 35 % for «Верхнеусинская СШ» and 46 % / 64 % for the ЦДО.
    assert figures(32, 24, 6, 2).quality_coefficient_text == "25,0 %"
    assert figures(28, 10, 14, 4).without_category_share_text == "35,7 %"
    assert figures(28, 10, 14, 4).quality_coefficient_text == "64,3 %"


def test_it_rounds_half_up_to_one_decimal():
    assert figures(8, 1, 7, 0).without_category_share_text == "12,5 %"
    assert figures(3, 1, 2, 0).without_category_share_text == "33,3 %"
    assert figures(3, 2, 1, 0).without_category_share_text == "66,7 %"


def test_it_totals_from_sums_not_from_an_average_of_percentages():
    rows = [figures(56, 22, 25, 9), figures(11, 11, 0, 0)]

    total = sum_figures(rows)

    assert total == figures(67, 33, 25, 9)
    # 33 / 67 = 49,3 %; the mean of 39,3 % and 100 % would be 69,6 %.
    assert total.without_category_share_text == "49,3 %"
    assert total.quality_coefficient_text == "50,7 %"
    assert not total.critical


def _line(kind, short_name, total, without, first, highest) -> Staffing:
    return Staffing(organization=Organization(short_name=short_name, kind=kind),
                    teachers_total=total, without_category=without, first_category=first,
                    highest_category=highest)


def test_it_groups_lines_by_kind_and_totals_each_group_and_the_municipality():
    table = group_staffing([
        _line(OrganizationKind.SCHOOL, "МБОУ «Ермаковская СШ № 1»", 56, 22, 25, 9),
        _line(OrganizationKind.SCHOOL, "МБОУ «Араданская ОШ»", 11, 11, 0, 0),
        _line(OrganizationKind.PRESCHOOL, "МБДОУ «Танзыбейский детский сад»", 7, 5, 2, 0),
        _line(OrganizationKind.ADDITIONAL, "МБУ ДО Ермаковская ЦДО", 28, 10, 14, 4),
    ])

    assert [group.label for group in table.groups] == [
        "Общеобразовательные организации", "Дошкольные организации",
        "Организации дополнительного образования",
    ]
    schools, preschools, additional = table.groups
    assert schools.total == figures(67, 33, 25, 9)
    assert schools.critical_count == 1
    assert preschools.total.critical  # 5 of 7
    assert additional.total.without_category_share_text == "35,7 %"
    assert table.total == figures(102, 48, 41, 13)
    assert table.total.without_category_share_text == "47,1 %"
    assert table.total.quality_coefficient_text == "52,9 %"
    assert table.critical_count == 2
    assert table.row_count == 4


def test_it_leaves_out_groups_without_lines():
    table = group_staffing([_line(OrganizationKind.PRESCHOOL, "Детский сад", 4, 1, 3, 0)])

    assert [group.kind for group in table.groups] == [OrganizationKind.PRESCHOOL]


@pytest.mark.parametrize(
    "row, share, coefficient, critical",
    [
        ((59, 14, 31, 14), "23,7 %", "76,3 %", False),
        ((18, 15, 2, 1), "83,3 %", "16,7 %", True),
        ((21, 13, 7, 1), "61,9 %", "38,1 %", True),
        ((18, 9, 8, 1), "50,0 %", "50,0 %", False),
        ((7, 0, 7, 0), "0,0 %", "100,0 %", False),
    ],
)
def test_it_computes_more_rows_of_seed_004(row, share, coefficient, critical):
    line = figures(*row)

    assert (line.without_category_share_text, line.quality_coefficient_text,
            line.critical) == (share, coefficient, critical)
