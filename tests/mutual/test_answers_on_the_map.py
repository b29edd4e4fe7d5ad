"""A submitted part 2 of the assignment is the organization's ranked list on the map of
problems and solutions: line for line, replaced on resubmission, curation kept."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from aspects.catalogue import (
    create_aspect,
    link_statement,
    record_statement,
    replace_year_list,
)
from aspects.models import Statement, StatementSource
from core.school_year import school_year_of
from mutual.answers import return_part, save_part2, submit_part
from mutual.assignments import AssignmentDetails, publish_assignment
from mutual.models import Answer

D = datetime.date
TODAY = D(2021, 12, 1)


@pytest.fixture
def assignment(world):
    return publish_assignment(programme=world.programme, today=TODAY, details=AssignmentDetails(
        part1_due=D(2021, 12, 20), part2_due=D(2022, 1, 31)))


def _lines(organization, year=2021):
    return list(Statement.objects.filter(organization=organization, school_year=year)
                .order_by("process_kind", "side", "rank")
                .values_list("process_kind", "side", "rank", "text", "source"))


def test_it_counts_the_school_year_from_september():
    assert school_year_of(D(2021, 8, 31)) == 2020
    assert school_year_of(D(2021, 9, 1)) == 2021
    assert school_year_of(D(2022, 1, 28)) == 2021


def test_it_puts_a_submitted_part2_on_the_map_line_for_line(world, assignment):
    answer = Answer.objects.get(assignment=assignment, organization=world.school_a)
    save_part2(answer=answer, lists={("pedagogical", "need"): ["Смысловое чтение", "ОВЗ"],
                                     ("management", "offer"): ["Внутренний аудит"]})
    assert _lines(world.school_a) == []  # a draft is not on the map

    submit_part(answer=answer, part=2, today=D(2022, 1, 20))

    assert _lines(world.school_a) == [
        ("management", "offer", 1, "Внутренний аудит", StatementSource.ASSIGNMENT),
        ("pedagogical", "need", 1, "Смысловое чтение", StatementSource.ASSIGNMENT),
        ("pedagogical", "need", 2, "ОВЗ", StatementSource.ASSIGNMENT)]
    assert _lines(world.school_b) == []


def test_it_links_a_line_to_the_catalogue_aspect_of_the_same_wording(world, assignment):
    reading = create_aspect(municipality=world.municipality, wording="Смысловое чтение",
                            process_kind="pedagogical")
    answer = Answer.objects.get(assignment=assignment, organization=world.school_a)
    save_part2(answer=answer, lists={("pedagogical", "need"): ["смысловое  чтение", "ОВЗ"]})
    submit_part(answer=answer, part=2, today=TODAY)

    linked = dict(Statement.objects.filter(organization=world.school_a)
                  .values_list("text", "aspect"))
    assert linked == {"смысловое  чтение": reading.pk, "ОВЗ": None}


def test_a_resubmission_replaces_the_lines_and_keeps_the_methodologists_links(world,
                                                                             assignment):
    answer = Answer.objects.get(assignment=assignment, organization=world.school_a)
    save_part2(answer=answer, lists={("pedagogical", "need"): ["Дети с ОВЗ", "Проекты"]})
    submit_part(answer=answer, part=2, today=TODAY)
    special = create_aspect(municipality=world.municipality, wording="Обучение детей с ОВЗ",
                            process_kind="pedagogical")
    link_statement(statement=Statement.objects.get(text="Дети с ОВЗ"), aspect=special)

    return_part(answer=answer, part=2, comment="Расставьте по важности")
    assert len(_lines(world.school_a)) == 2  # returned: the map keeps the lines till then
    save_part2(answer=answer, lists={("pedagogical", "need"): ["Формирующее оценивание",
                                                               "Дети с ОВЗ"]})
    submit_part(answer=answer, part=2, today=D(2022, 1, 25))

    assert [(rank, text) for _, _, rank, text, _ in _lines(world.school_a)] == [
        (1, "Формирующее оценивание"), (2, "Дети с ОВЗ")]
    assert Statement.objects.get(text="Дети с ОВЗ").aspect == special
    assert not Statement.objects.filter(text="Проекты").exists()


def test_the_assignment_replaces_lines_entered_on_the_page_of_that_year_only(world):
    record_statement(organization=world.school_a, school_year=2021, text="Наставничество",
                     process_kind="management", side="need", rank=1)
    record_statement(organization=world.school_a, school_year=2020, text="Прошлый год",
                     process_kind="management", side="need", rank=1)

    replace_year_list(organization=world.school_a, school_year=2021, source="assignment",
                      lines=[("management", "need", 1, "Наставничество молодых педагогов")])

    assert set(Statement.objects.filter(organization=world.school_a)
               .values_list("school_year", "text")) == {
        (2021, "Наставничество молодых педагогов"), (2020, "Прошлый год")}


def test_a_bad_line_changes_nothing_on_the_map(world):
    record_statement(organization=world.school_a, school_year=2021, text="Наставничество",
                     process_kind="management", side="need", rank=1)
    with pytest.raises(ValidationError, match="Место в рейтинге"):
        replace_year_list(organization=world.school_a, school_year=2021, source="assignment",
                          lines=[("management", "need", 100, "Слишком низкое место")])
    assert _lines(world.school_a) == [
        ("management", "need", 1, "Наставничество", StatementSource.PAGE)]


def test_the_map_and_the_catalogue_show_a_submitted_answer(client, world, assignment):
    create_aspect(municipality=world.municipality, wording="Смысловое чтение",
                  process_kind="pedagogical")
    answer = Answer.objects.get(assignment=assignment, organization=world.school_a)
    save_part2(answer=answer, lists={("pedagogical", "offer"): ["Смысловое чтение",
                                                                "Читательские клубы"]})
    submit_part(answer=answer, part=2, today=TODAY)
    client.force_login(world.staff)

    the_map = client.get(reverse("aspect_map"), {"year": 2021})
    catalogue = client.get(reverse("aspect_catalogue"))

    assert the_map.status_code == 200
    assert [row.label for row in the_map.context["map"].rows] == ["Смысловое чтение"]
    assert the_map.context["map"].unlinked == 1
    assert "Читательские клубы" in catalogue.content.decode()
