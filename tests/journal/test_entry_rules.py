"""Writing entries and results: what the journal accepts and what it refuses."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from internships import journal
from internships.models import JournalEntry, PlannedEvent, TeamResult
from tests import factories
from tests.journal.conftest import entry_data, record

D = datetime.date
pytestmark = pytest.mark.django_db


def messages(error: ValidationError) -> str:
    return " ".join(error.messages)


def test_it_records_an_entry_with_a_result_row_per_participating_team(world):
    entry = record(world)

    assert list(entry.hosts.all()) == [world.school_a.team]
    assert sorted(entry.results.values_list("team__organization__short_name", flat=True)) == [
        "Гимназия № 2", "НШ № 4", "ООШ № 3",
    ]
    assert entry.created_by == world.curator
    assert entry.version == 1


def test_it_lets_a_promising_team_of_the_platform_co_host(world):
    entry = record(world, hosts=[world.school_a.team, world.school_b.team])

    assert entry.hosts.count() == 2


def test_a_promising_team_may_not_host_without_a_leader(world):
    with pytest.raises(ValidationError) as error:
        record(world, hosts=[world.school_b.team])

    assert "может быть только соведущей" in messages(error.value)
    assert not JournalEntry.objects.exists()


def test_an_entry_keeps_its_hosts_after_the_leader_is_transferred(world, entry):
    placement = world.placement(world.school_a, world.own_platform)
    placement.tier = "promising"
    placement.save()

    journal.update_entry(entry=entry, version=entry.version,
                         data=entry_data(world, topic="Уточнённая тема"), files=[],
                         updated_by=world.curator)

    entry.refresh_from_db()
    assert entry.topic == "Уточнённая тема"


@pytest.mark.parametrize("host", ["school_c", "kindergarten"])
def test_it_refuses_a_host_that_is_not_a_leader_or_promising_team_of_the_platform(world, host):
    # ООШ № 3 is a hidden reserve here; the kindergarten is on another platform only.
    with pytest.raises(ValidationError) as error:
        record(world, hosts=[getattr(world, host).team])

    assert "Не может проводить мероприятие" in messages(error.value)
    assert not JournalEntry.objects.exists()


def test_it_accepts_participants_from_another_platform_of_the_same_year(world):
    entry = record(world, participants=[world.kindergarten.team])

    assert entry.results.get().team == world.kindergarten.team


def test_it_refuses_a_participant_of_another_municipality(world):
    with pytest.raises(ValidationError) as error:
        record(world, participants=[world.other_organization.team])

    assert "Не участвуют в стажировках" in messages(error.value)


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"ends_on": D(2022, 2, 9)}, "Дата окончания не может быть раньше даты начала."),
        ({"form": "other", "form_other": " "}, "Укажите, какая это форма работы."),
        ({"held_on": D(2023, 1, 10)}, "Дата мероприятия должна лежать в 2021–2022"),
        ({"hosts": []}, "Укажите команду, которая проводит мероприятие."),
        ({"participants": []}, "Отметьте команды, которые участвовали."),
        ({"topic": "  "}, "Укажите тему мероприятия."),
    ],
)
def test_it_refuses_bad_input_with_a_russian_message(world, overrides, message):
    with pytest.raises(ValidationError) as error:
        record(world, **overrides)

    assert message in messages(error.value)
    assert not JournalEntry.objects.exists()


def test_it_keeps_the_name_of_another_form_only_for_other(world):
    other = record(world, form="other", form_other=" Деловая игра ")
    session = record(world, form="session", form_other="Деловая игра")

    assert other.form_name == "Деловая игра"
    assert session.form_other == ""


def test_it_links_the_plan_line_the_entry_fulfils(world):
    event = PlannedEvent.objects.create(platform=world.own_platform, month=D(2022, 2, 1),
                                        form="session", topic="Сессия")
    entry = record(world, planned_event=event)

    event.refresh_from_db()
    assert event.entry == entry
    with pytest.raises(ValidationError) as error:
        record(world, planned_event=event)
    assert "уже отмечен проведённым" in messages(error.value)


def test_it_refuses_a_plan_line_of_another_platform(world):
    event = PlannedEvent.objects.create(platform=world.foreign_platform, month=D(2022, 2, 1),
                                        form="session", topic="Сессия")
    with pytest.raises(ValidationError) as error:
        record(world, planned_event=event)

    assert "другой площадки" in messages(error.value)


def test_an_update_based_on_an_old_version_is_refused_and_the_newer_one_kept(world, entry):
    other_curator = factories.UserFactory(first_name="Мария", last_name="Багинская")
    journal.update_entry(entry=entry, version=1, data=entry_data(world, topic="Первая правка"),
                         updated_by=other_curator)

    with pytest.raises(journal.StaleEntry) as error:
        journal.update_entry(entry=entry, version=1,
                             data=entry_data(world, topic="Вторая правка"),
                             updated_by=world.curator)

    assert "Изменено: М. Багинская," in messages(error.value)
    entry.refresh_from_db()
    assert entry.topic == "Первая правка"
    assert entry.version == 2
    assert entry.history.count() == 2  # created, then the first correction


def test_an_update_changes_the_participants_and_keeps_the_others_results(world, entry):
    kept = entry.results.get(team=world.school_b.team)
    kept.managers = 2
    kept.save()

    journal.update_entry(
        entry=entry, version=1, updated_by=world.curator,
        data=entry_data(world, participants=[world.school_b.team, world.kindergarten.team]),
    )

    assert {r.team_id: r.managers for r in entry.results.all()} == {
        world.school_b.team.pk: 2, world.kindergarten.team.pk: 0,
    }


def row(result, **fields) -> journal.ResultRow:
    values = {"team_id": result.team_id, "attended": True, "managers": 1, "teachers": 3,
              "outcome": "mastered", "comment": ""}
    values.update(fields)
    return journal.ResultRow(**values)


def test_it_saves_all_results_at_once_and_records_history(world, entry):
    rows = [row(result) for result in entry.results.all()]

    journal.save_results(entry=entry, version=1, rows=rows, updated_by=world.curator)

    assert set(entry.results.values_list("managers", "teachers", "outcome")) == {
        (1, 3, "mastered")
    }
    assert TeamResult.history.filter(entry_id=entry.pk, history_type="~").count() == 3
    entry.refresh_from_db()
    assert entry.version == 2


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"attended": False, "managers": 2, "outcome": ""}, "команда не участвовала"),
        ({"attended": False, "managers": 0, "teachers": 0, "outcome": "partial"},
         "не выбирайте результат"),
        ({"managers": -1}, "не может быть отрицательным"),
    ],
)
def test_it_refuses_a_bad_result_row_and_saves_none(world, entry, fields, message):
    results = list(entry.results.all())
    rows = [row(results[0]), row(results[1], **fields), row(results[2])]

    with pytest.raises(ValidationError) as error:
        journal.save_results(entry=entry, version=1, rows=rows, updated_by=world.curator)

    assert message in messages(error.value)
    assert set(entry.results.values_list("managers", flat=True)) == {0}
    entry.refresh_from_db()
    assert entry.version == 1
