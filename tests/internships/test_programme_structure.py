"""A programme's own stages and directions: the rules the database keeps, the brief names
of directions and the migration that turned the fixed stage kinds into stages."""

import datetime

import pytest
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor

from internships.models import Direction, Stage
from tests import factories

D = datetime.date


def _stage(programme, **changes):
    values = {"number": 1, "title": "Подготовительный", "starts_on": D(2021, 9, 1),
              "ends_on": D(2021, 12, 31)} | changes
    return Stage.objects.create(programme=programme, **values)


@pytest.mark.django_db
@pytest.mark.parametrize("changes", [
    {"number": 0, "title": "Нулевой"},
    {"number": 2, "title": ""},
    {"number": 1, "title": "Второй с тем же номером"},
    {"number": 2, "title": "Подготовительный"},
    {"number": 2, "title": "Наоборот", "starts_on": D(2022, 2, 1), "ends_on": D(2022, 1, 1)},
])
def test_it_refuses_a_stage_that_breaks_the_programmes_rules_at_the_database(changes):
    programme = factories.ProgrammeFactory()
    _stage(programme)

    with pytest.raises(IntegrityError), transaction.atomic():
        _stage(programme, **changes)


@pytest.mark.django_db
def test_stages_may_leave_gaps_and_another_programme_may_reuse_numbers_and_titles():
    programme = factories.ProgrammeFactory()
    _stage(programme)
    _stage(programme, number=2, title="Проектировочный", starts_on=D(2022, 3, 1),
           ends_on=D(2022, 5, 31))
    _stage(factories.ProgrammeFactory())

    assert [str(stage) for stage in programme.stages.all()] == [
        "1. Подготовительный", "2. Проектировочный"]


@pytest.mark.django_db
def test_a_direction_without_a_short_title_is_named_by_its_number():
    direction = factories.DirectionFactory(number=4, short_title="", title="Наставничество")
    platform = factories.PlatformFactory(direction=direction)

    assert direction.label == "Направление 4"
    assert str(direction) == "Направление 4. Наставничество"
    assert str(platform) == f"Направление 4 ({platform.period.title})"


@pytest.mark.django_db
def test_it_refuses_two_directions_of_a_programme_with_one_short_title():
    first = factories.DirectionFactory(short_title="ШНОР")
    factories.DirectionFactory(programme=first.programme, short_title="")
    factories.DirectionFactory(programme=first.programme, short_title="")
    factories.DirectionFactory(short_title="ШНОР")

    with pytest.raises(IntegrityError), transaction.atomic():
        factories.DirectionFactory(programme=first.programme, short_title="ШНОР")
    assert Direction.objects.filter(short_title="ШНОР").count() == 2


@pytest.mark.django_db(transaction=True)
def test_the_migration_turns_the_three_kinds_into_numbered_stages_and_keeps_the_names():
    before = [("internships", "0002_journals_plan_council"),
              ("teams", "0002_municipality_is_synthetic")]
    after = [("internships", "0003_programme_structure")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    municipality = old.get_model("teams", "Municipality").objects.create(name="Выселковский")
    programme = old.get_model("internships", "Programme").objects.create(
        municipality_id=municipality.pk, title="Проект", starts_on=D(2021, 9, 1),
        ends_on=D(2024, 12, 31))
    for kind, starts_on, ends_on in [("analytical", D(2024, 5, 1), D(2024, 12, 31)),
                                     ("preparatory", D(2021, 9, 1), D(2021, 12, 31)),
                                     ("implementation", D(2022, 1, 1), D(2024, 4, 30))]:
        old.get_model("internships", "Stage").objects.create(
            programme_id=programme.pk, kind=kind, starts_on=starts_on, ends_on=ends_on)
    old.get_model("internships", "Direction").objects.create(
        programme_id=programme.pk, number=2, title="Система работы ШНОР")

    executor = MigrationExecutor(connection)
    executor.migrate(after)
    new = executor.loader.project_state(after).apps
    stages = new.get_model("internships", "Stage").objects.order_by("number")
    direction = new.get_model("internships", "Direction").objects.get()
    converted = [(stage.number, stage.title, stage.starts_on) for stage in stages]
    descriptions = [stage.description for stage in stages]

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    assert converted == [(1, "Подготовительный", D(2021, 9, 1)),
                         (2, "Внедренческий", D(2022, 1, 1)),
                         (3, "Аналитический", D(2024, 5, 1))]
    assert descriptions[0].startswith("Нормативная база и дорожная карта")
    assert descriptions[2].startswith("Итоговая диагностика участников")
    assert direction.short_title == "Стажировка 2"
