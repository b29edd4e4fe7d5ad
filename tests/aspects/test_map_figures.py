"""The map's counts, shares and average ranks on hand-computed cases, the nearest
helpers first, Krymsky's direction lines, and the curation that keeps the originals."""

import pytest
from django.core.exceptions import ValidationError

from aspects import catalogue
from aspects.map_reads import build_aspect_map, direction_marks
from aspects.models import Aspect, ProcessKind, Side, Statement
from diagnostics.models import Aspect as NeedsAspect
from diagnostics.models import NeedsOffer

YEAR = 2021
PED, NEED, OFFER = ProcessKind.PEDAGOGICAL, Side.NEED, Side.OFFER


def say(organization, text, side=NEED, rank=1, kind=PED, aspect=None):
    return catalogue.record_statement(organization=organization, school_year=YEAR, text=text,
                                      process_kind=kind, side=side, rank=rank, aspect=aspect)


def the_map(world, **kwargs):
    return build_aspect_map(municipality=world.municipality,
                            statements=Statement.objects.all(),
                            needs_offers=NeedsOffer.objects.all(),
                            aspects=Aspect.objects.all(), school_year=YEAR, **kwargs)


def row_of(the_map, wording, side):
    return next(row for row in the_map.rows if row.label == wording and row.side == side)


def test_it_counts_organizations_shares_and_average_ranks_by_hand(world):
    literacy = catalogue.create_aspect(municipality=world.municipality,
                                       wording="Функциональная грамотность", process_kind=PED)
    say(world.school_a, "функциональная грамотность", rank=1)
    say(world.school_a, "ФГ: читательская грамотность", rank=3, aspect=literacy)
    say(world.school_b, "Функциональная грамотность", rank=2)
    say(world.school_c, "Одарённые дети", rank=1)
    say(world.school_d, "Работа с одарёнными", side=OFFER, rank=1)

    result = the_map(world)

    # Four organizations named something: participants = 4.
    assert result.participants == 4
    row = row_of(result, "Функциональная грамотность", NEED)
    # A and B: 2 of 4; A's best place is 1, B's 2: (1 + 2) / 2.
    assert (row.count, row.share, row.average_rank) == (2, 0.5, 1.5)
    # The two «одарённые» lines wait for the methodologist: not on the map, still participants.
    assert result.unlinked == 2


def test_it_lists_the_offering_organizations_nearest_first(world):
    reading = catalogue.create_aspect(municipality=world.municipality,
                                      wording="Смысловое чтение", process_kind=PED)
    say(world.school_c, "смысловое чтение")  # rural
    say(world.school_b, "Смысловое чтение", side=OFFER)  # urban
    say(world.school_d, "Смысловое чтение", side=OFFER)  # rural

    need = row_of(the_map(world), reading.wording, NEED).needs_help[0]

    assert need.organization == world.school_c
    assert [helper.organization for helper in need.helpers] == [world.school_d, world.school_b]


def test_it_reads_krymsky_direction_lines_as_aspects_of_their_direction(world):
    direction = world.directions[0]
    NeedsOffer.objects.create(organization=world.school_a, period=world.period,
                              direction=direction, aspect=NeedsAspect.PEDAGOGICAL,
                              needs_support=True)
    NeedsOffer.objects.create(organization=world.school_b, period=world.period,
                              direction=direction, aspect=NeedsAspect.PEDAGOGICAL,
                              offers_practice=True)
    year = world.period.starts_on.year
    result = build_aspect_map(municipality=world.municipality,
                              statements=Statement.objects.all(),
                              needs_offers=NeedsOffer.objects.all(),
                              aspects=Aspect.objects.all(), school_year=year)

    need = next(row for row in result.rows if row.side == NEED)
    assert need.direction == direction and need.count == 1 and need.share == 0.5
    assert need.needs_help[0].helpers[0].organization == world.school_b


def test_it_feeds_aspects_with_a_direction_to_the_mentor_engine(world):
    aspect = catalogue.create_aspect(municipality=world.municipality, wording="Наставничество",
                                     process_kind=ProcessKind.MANAGEMENT,
                                     direction=world.directions[1])
    say(world.school_a, "Наставничество", kind=ProcessKind.MANAGEMENT, aspect=aspect)

    assert direction_marks(municipality_id=world.municipality.pk, school_year=YEAR) == [
        (world.school_a.pk, world.directions[1].pk, NEED)]


def test_it_merges_duplicates_keeping_the_original_texts_and_the_history(world):
    survivor = catalogue.create_aspect(municipality=world.municipality,
                                       wording="Работа с одарёнными детьми", process_kind=PED)
    duplicate = catalogue.create_aspect(municipality=world.municipality,
                                        wording="Одарённые дети", process_kind=PED)
    kept = say(world.school_a, "одарённые дети", aspect=duplicate)
    say(world.school_b, "Работа с одарёнными детьми", rank=2)

    catalogue.merge_aspects(duplicate=duplicate, survivor=survivor)

    kept.refresh_from_db()
    duplicate.refresh_from_db()
    assert kept.aspect == survivor and kept.text == "одарённые дети"
    assert duplicate.merged_into == survivor and duplicate.wording == "Одарённые дети"
    assert duplicate.history.first().history_change_reason == (
        "Объединён с «Работа с одарёнными детьми»")
    row = row_of(the_map(world), survivor.wording, NEED)
    assert (row.count, row.average_rank) == (2, 1.5)


def test_it_refuses_to_merge_across_processes_and_changes_nothing(world):
    one = catalogue.create_aspect(municipality=world.municipality, wording="Оценивание",
                                  process_kind=PED)
    other = catalogue.create_aspect(municipality=world.municipality,
                                    wording="Оценивание качества",
                                    process_kind=ProcessKind.MANAGEMENT)

    with pytest.raises(ValidationError, match="разных процессов"):
        catalogue.merge_aspects(duplicate=one, survivor=other)

    one.refresh_from_db()
    assert one.merged_into is None


def test_it_refuses_a_taken_rank_with_a_russian_message(world):
    say(world.school_a, "Первое", rank=1)

    with pytest.raises(ValidationError, match="уже занято"):
        say(world.school_a, "Второе", rank=1)
    assert Statement.objects.count() == 1
