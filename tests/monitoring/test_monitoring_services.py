"""Writing indicators, staffing and the needs map; reading the needs map."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from diagnostics.models import Aspect, NeedsOffer, SchoolIndicator, Staffing
from diagnostics.monitoring import (
    NeedsLine,
    build_needs_map,
    replace_needs_offers,
    save_indicators,
    save_staffing,
)
from teams.models import Organization

AS_OF = datetime.date(2021, 6, 30)
STAFFING = {"teachers_total": 56, "without_category": 22, "first_category": 25,
            "highest_category": 9, "attested_for_position": 16,
            "not_subject_to_attestation": 6}


def test_it_saves_indicators_keeping_blanks_unknown(world):
    indicator = save_indicators(organization=world.school_a, period=world.period,
                                values={"students_total": 500, "olympiad_winners": 12,
                                        "low_results": True})

    indicator.refresh_from_db()
    assert indicator.students_total == 500
    assert indicator.low_results is True
    assert indicator.graduates_total is None
    assert indicator.non_objective is None


def test_it_corrects_indicators_of_the_same_year(world):
    save_indicators(organization=world.school_a, period=world.period,
                    values={"students_total": 500})
    save_indicators(organization=world.school_a, period=world.period,
                    values={"students_total": 510})

    assert SchoolIndicator.objects.get().students_total == 510


@pytest.mark.parametrize(
    "values, field, message",
    [
        ({"students_total": 10, "olympiad_winners": 11}, "olympiad_winners",
         "Победителей и призёров олимпиад не может быть больше, чем обучающихся."),
        ({"graduates_total": 20, "graduates_high_gia": 21}, "graduates_high_gia",
         "Выпускников с высокими результатами ГИА не может быть больше, чем выпускников."),
        ({"teachers_total": 5, "teachers_competition_winners": 6},
         "teachers_competition_winners",
         "Победителей и призёров конкурсов не может быть больше, чем педагогов."),
    ],
)
def test_it_refuses_a_part_above_its_total(world, values, field, message):
    with pytest.raises(ValidationError) as error:
        save_indicators(organization=world.school_a, period=world.period, values=values)

    assert error.value.message_dict == {field: [message]}
    assert not SchoolIndicator.objects.exists()


def test_it_refuses_indicators_for_a_year_of_another_municipality(world):
    with pytest.raises(ValidationError):
        save_indicators(organization=world.other_organization, period=world.period,
                        values={"students_total": 1})


def test_it_saves_staffing_and_corrects_the_same_date(world):
    save_staffing(organization=world.school_a, as_of=AS_OF, values=STAFFING)
    save_staffing(organization=world.school_a, as_of=AS_OF,
                  values={**STAFFING, "teachers_total": 57, "first_category": 26})

    line = Staffing.objects.get()
    assert (line.teachers_total, line.first_category) == (57, 26)


def test_it_refuses_categories_that_do_not_sum_to_the_total(world):
    with pytest.raises(ValidationError) as error:
        save_staffing(organization=world.school_a, as_of=AS_OF,
                      values={**STAFFING, "teachers_total": 55})

    assert "каждый педагог учитывается ровно в одной из трёх граф" in (
        error.value.message_dict["teachers_total"][0]
    )
    assert not Staffing.objects.exists()


def test_it_refuses_more_attested_than_without_a_category(world):
    # «Ойская СШ» of the Ermakovsky project's staffing table: 6 without a category, but
    # 1 attested and 6 under п. 18.
    values = {"teachers_total": 21, "without_category": 6, "first_category": 11,
              "highest_category": 4, "attested_for_position": 1,
              "not_subject_to_attestation": 6}
    with pytest.raises(ValidationError) as error:
        save_staffing(organization=world.school_a, as_of=AS_OF, values=values)

    assert "входят в число педагогов без категории" in (
        error.value.message_dict["attested_for_position"][0]
    )
    assert not Staffing.objects.exists()


def line(direction, aspect=Aspect.PEDAGOGICAL, *, needs=False, offers=False, note=""):
    return NeedsLine(direction_id=direction.pk, aspect=aspect, needs_support=needs,
                     offers_practice=offers, note=note)


def test_it_replaces_the_organization_s_lines_and_drops_unmarked_ones(world):
    first, second, third = world.directions
    replace_needs_offers(organization=world.school_a, period=world.period, lines=[
        line(first, needs=True), line(second, offers=True),
    ])

    saved = replace_needs_offers(organization=world.school_a, period=world.period, lines=[
        line(first), line(second, Aspect.MANAGERIAL, needs=True, offers=True, note=" ВСОКО "),
        line(third),
    ])

    assert len(saved) == 1
    rows = list(NeedsOffer.objects.values_list("direction__number", "aspect", "needs_support",
                                               "offers_practice", "note"))
    assert rows == [(2, "managerial", True, True, "ВСОКО")]


def test_it_leaves_other_organizations_and_years_alone(world):
    first = world.directions[0]
    replace_needs_offers(organization=world.school_b, period=world.period,
                         lines=[line(first, offers=True)])

    replace_needs_offers(organization=world.school_a, period=world.period, lines=[])

    assert NeedsOffer.objects.filter(organization=world.school_b).count() == 1


def test_it_refuses_a_note_without_a_mark_and_changes_nothing(world):
    first, second, _ = world.directions
    replace_needs_offers(organization=world.school_a, period=world.period,
                         lines=[line(first, needs=True)])

    with pytest.raises(ValidationError) as error:
        replace_needs_offers(organization=world.school_a, period=world.period,
                             lines=[line(second, note="что-то")])

    assert "Пояснение без отметки" in error.value.messages[0]
    assert list(NeedsOffer.objects.values_list("direction__number", flat=True)) == [1]


def test_it_refuses_a_direction_of_another_programme(world):
    foreign = world.other_platform.direction
    with pytest.raises(ValidationError):
        replace_needs_offers(organization=world.school_a, period=world.period,
                             lines=[line(foreign, needs=True)])


def _map(world, aspect=None):
    return build_needs_map(
        organizations=Organization.objects.filter(municipality=world.municipality),
        lines=NeedsOffer.objects.all(), period=world.period, aspect=aspect,
    )


def test_it_finds_who_can_help_in_the_same_direction_and_aspect(world):
    first, second, _ = world.directions
    replace_needs_offers(organization=world.school_a, period=world.period, lines=[
        line(first, needs=True, note="смысловое чтение"),
        line(second, Aspect.MANAGERIAL, needs=True),
    ])
    replace_needs_offers(organization=world.school_b, period=world.period, lines=[
        line(first, offers=True), line(second, offers=True),
    ])
    replace_needs_offers(organization=world.school_c, period=world.period, lines=[
        line(first, needs=True, offers=True),
    ])

    needs_map = _map(world)

    helpers = {(item.need.organization.short_name, item.need.direction.number,
                item.need.aspect): [offer.organization.short_name for offer in item.helpers]
               for item in needs_map.needs}
    assert helpers == {
        ("СОШ № 1", 1, "pedagogical"): ["Гимназия № 2", "ООШ № 3"],
        # Гимназия № 2 offers direction 2 in the pedagogical aspect only.
        ("СОШ № 1", 2, "managerial"): [],
        # An organization is not its own helper.
        ("ООШ № 3", 1, "pedagogical"): ["Гимназия № 2"],
    }
    states = {row.organization.short_name: [cell.state for cell in row.cells]
              for row in needs_map.rows}
    assert states == {
        "СОШ № 1": ["need", "need", None],
        "Гимназия № 2": ["offer", "offer", None],
        "ООШ № 3": ["both", None, None],
        "НШ № 4": [None, None, None],
        "Детский сад № 5": [None, None, None],
    }
    assert needs_map.answered_count == 3


def test_it_filters_the_map_by_aspect(world):
    first, second, _ = world.directions
    replace_needs_offers(organization=world.school_a, period=world.period, lines=[
        line(first, needs=True), line(second, Aspect.MANAGERIAL, offers=True),
    ])

    needs_map = _map(world, aspect=Aspect.MANAGERIAL)

    assert [cell.state for cell in needs_map.rows[0].cells] == [None, "offer", None]
    assert needs_map.needs == []
