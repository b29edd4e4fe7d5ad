"""Entering every participating team's result in one form."""

import pytest
from django.urls import reverse

from internships.models import TeamResult

pytestmark = pytest.mark.django_db


def results_post(entry, rows: dict, version=1) -> dict:
    """``rows``: team → fields; the formset's rows in the page's order."""
    forms = list(rows.items())
    data = {"form-TOTAL_FORMS": str(len(forms)), "form-INITIAL_FORMS": str(len(forms)),
            "form-MIN_NUM_FORMS": "0", "form-MAX_NUM_FORMS": "1000", "version": str(version)}
    for index, (team, fields) in enumerate(forms):
        data[f"form-{index}-team"] = str(team.pk)
        for name, value in fields.items():
            if name == "attended":
                if value:
                    data[f"form-{index}-attended"] = "on"
            else:
                data[f"form-{index}-{name}"] = str(value)
    return data


def full(managers=1, teachers=4, outcome="mastered", comment="", attended=True) -> dict:
    return {"attended": attended, "managers": managers, "teachers": teachers,
            "outcome": outcome, "comment": comment}


def test_it_shows_one_prefilled_row_per_participating_team(world, as_role, entry):
    result = entry.results.get(team=world.school_b.team)
    result.teachers = 5
    result.save()

    response = as_role("curator").get(reverse("entry_results", args=[entry.pk]))

    formset = response.context["formset"]
    assert [form.team_name for form in formset] == ["Гимназия № 2", "ООШ № 3", "НШ № 4"]
    assert [form.tier for form in formset] == [
        "Команды, подающие надежды", "Команды скрытых резервов", "Команды, подающие надежды",
    ]
    assert formset.forms[0].initial["teachers"] == 5


def test_it_saves_every_team_s_result_from_one_form(world, as_role, entry):
    data = results_post(entry, {
        world.school_b.team: full(managers=2, teachers=3, comment="=SUM(A1)"),
        world.school_c.team: full(attended=False, managers=0, teachers=0, outcome=""),
        world.school_d.team: full(outcome="partial"),
    })

    response = as_role("curator").post(reverse("entry_results", args=[entry.pk]), data)

    assert response.status_code == 302
    assert response.url == reverse("entry_detail", args=[entry.pk])
    saved = {r.team.organization.short_name: (r.attended, r.managers, r.teachers, r.outcome)
             for r in entry.results.select_related("team__organization")}
    assert saved == {
        "Гимназия № 2": (True, 2, 3, "mastered"),
        "ООШ № 3": (False, 0, 0, ""),
        "НШ № 4": (True, 1, 4, "partial"),
    }


@pytest.mark.parametrize(
    "row, message",
    [
        (full(attended=False, managers=2, teachers=0, outcome=""),
         "Команда не участвовала — укажите 0 руководителей, 0 педагогов"),
        (full(attended=False, managers=0, teachers=0, outcome="mastered"),
         "не выбирайте результат"),
        (full(managers=-1), "Число не может быть отрицательным."),
        (full(teachers=""), "Укажите число (0, если никого)."),
    ],
)
def test_it_refuses_a_bad_row_with_a_russian_message_and_saves_nothing(world, as_role, entry,
                                                                       row, message):
    data = results_post(entry, {
        world.school_b.team: full(),
        world.school_c.team: row,
        world.school_d.team: full(),
    })

    response = as_role("curator").post(reverse("entry_results", args=[entry.pk]), data)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert set(TeamResult.objects.values_list("managers", "teachers")) == {(0, 0)}


def test_it_refuses_results_saved_over_a_newer_version(world, as_role, entry):
    client = as_role("curator")
    rows = {world.school_b.team: full(), world.school_c.team: full(),
            world.school_d.team: full()}
    assert client.post(reverse("entry_results", args=[entry.pk]),
                       results_post(entry, rows)).status_code == 302

    response = client.post(reverse("entry_results", args=[entry.pk]),
                           results_post(entry, {**rows, world.school_b.team: full(managers=9)}))

    assert "Пока форма была открыта, мероприятие изменилось." in " ".join(
        response.context["service_errors"])
    assert entry.results.get(team=world.school_b.team).managers == 1


def test_after_a_refused_save_the_same_input_can_be_saved_knowingly(world, as_role, entry):
    client = as_role("curator")
    url = reverse("entry_results", args=[entry.pk])
    rows = {world.school_b.team: full(), world.school_c.team: full(),
            world.school_d.team: full()}
    client.post(url, results_post(entry, rows))
    mine = results_post(entry, {**rows, world.school_b.team: full(managers=9)})

    refused = client.post(url, mine)
    mine["version"] = refused.context["version_form"]["version"].value()
    saved = client.post(url, mine)

    assert refused.status_code == 200
    assert saved.status_code == 302
    assert entry.results.get(team=world.school_b.team).managers == 9


def test_it_refuses_a_form_whose_teams_no_longer_match(world, as_role, entry):
    data = results_post(entry, {world.school_b.team: full()})

    response = as_role("curator").post(reverse("entry_results", args=[entry.pk]), data)

    assert "Список команд мероприятия изменился" in response.content.decode()


def test_it_accepts_a_team_that_did_not_attend_without_any_numbers(world, as_role, entry):
    data = results_post(entry, {
        world.school_b.team: full(managers=2, teachers=3),
        world.school_c.team: {"attended": False, "comment": "болели"},
        world.school_d.team: full(),
    })

    response = as_role("curator").post(reverse("entry_results", args=[entry.pk]), data)

    assert response.status_code == 302
    absent = entry.results.get(team=world.school_c.team)
    assert (absent.attended, absent.managers, absent.teachers, absent.outcome,
            absent.comment) == (False, 0, 0, "", "болели")


def test_it_asks_for_the_numbers_of_an_attending_team_next_to_the_field(world, as_role,
                                                                        entry):
    data = results_post(entry, {
        world.school_b.team: full(),
        world.school_c.team: {"attended": True, "teachers": 2, "outcome": "mastered"},
        world.school_d.team: full(),
    })

    response = as_role("curator").post(reverse("entry_results", args=[entry.pk]), data)

    page = response.content.decode()
    assert response.status_code == 200
    assert 'aria-describedby="id_form-1-managers-error"' in page
    assert ('<div class="invalid-feedback" id="id_form-1-managers-error">'
            "Укажите число (0, если никого).</div>") in page
    assert set(TeamResult.objects.values_list("managers", "teachers")) == {(0, 0)}


def test_it_marks_the_fields_that_unticking_participation_clears(world, as_role, entry):
    response = as_role("curator").get(reverse("entry_results", args=[entry.pk]))

    page = response.content.decode()
    assert page.count("data-needs-attendance") == 3 * 3
    assert page.count("data-attended") == 3
    assert "js/results-form.js" in page
