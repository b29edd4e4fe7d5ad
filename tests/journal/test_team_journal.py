"""The organization page shows the team's part in the journals: hosted, attended, its result."""

from django.urls import reverse

from internships import journal
from tests.journal.conftest import record


def give_results(world, entry):
    rows = [
        journal.ResultRow(team_id=world.school_b.team.pk, attended=True, managers=1, teachers=3,
                          outcome="mastered", comment="Освоили модель ВСОКО"),
        journal.ResultRow(team_id=world.school_d.team.pk, attended=False, managers=0, teachers=0,
                          outcome="", comment=""),
        journal.ResultRow(team_id=world.school_c.team.pk, attended=True, managers=2, teachers=0,
                          outcome="not_mastered", comment="Не освоили ничего"),
    ]
    return journal.save_results(entry=entry, version=entry.version, rows=rows,
                                updated_by=world.curator)


def page(client, organization):
    return client.get(reverse("organization_detail", args=[organization.pk]))


def test_it_shows_a_participant_its_result_and_people(world, as_role, entry):
    give_results(world, entry)

    response = page(as_role("staff"), world.school_b)

    journal_part = response.context["journal"]
    assert journal_part.entry_count == 1
    assert (journal_part.managers, journal_part.teachers) == (1, 3)
    shown = journal_part.entries[0]
    assert (shown.hosted, shown.own_attended, shown.own_people) == (False, True, 4)
    assert shown.own_outcome_label == "Освоено"
    assert reverse("entry_detail", args=[entry.pk]) in response.content.decode()


def test_it_marks_the_host_and_an_absent_team(world, as_role, entry):
    give_results(world, entry)

    host = page(as_role("staff"), world.school_a).context["journal"].entries[0]
    absent = page(as_role("staff"), world.school_d).context["journal"].entries[0]

    assert (host.hosted, host.own_attended) == (True, None)
    assert (absent.hosted, absent.own_attended, absent.own_outcome_label) == (False, False, "")
    assert "не пришла" in page(as_role("staff"), world.school_d).content.decode()


def test_a_school_team_sees_only_its_own_mark_on_its_page(world, login, entry):
    give_results(world, entry)

    content = page(login(world.school_b_user), world.school_b).content.decode()

    assert "Освоено" in content
    assert "Не освоено" not in content


def test_it_lists_only_the_entries_the_team_took_part_in(world, as_role):
    record(world, topic="Первое")
    record(world, topic="Второе", participants=[world.school_c.team])

    journal_part = page(as_role("curator"), world.school_b).context["journal"]

    assert [e.topic for e in journal_part.entries] == ["Первое"]


def test_it_tells_what_will_fill_an_empty_journal_part(world, as_role):
    content = page(as_role("analyst"), world.school_b).content.decode()

    assert "Команда ещё не проводила мероприятий" in content
