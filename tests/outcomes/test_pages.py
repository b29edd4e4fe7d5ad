"""The deficit's page and the pages that name the deficits of an event or a plan line."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from diagnostics.catalogue import change_deficit, retire_deficit
from diagnostics.models import Deficit
from internships import journal
from internships.models import PlannedEvent
from outcomes import views
from outcomes.addressing import name_entry_deficits, name_plan_deficits
from outcomes.models import AddressedDeficit
from tests.outcomes.conftest import D


def deficit_url(chain):
    return reverse("deficit_detail", args=[chain.d1.pk])


@pytest.mark.parametrize("role", ["staff", "curator", "analyst"])
def test_it_shows_the_chain_to_the_municipality_staff_roles(chain, as_role, role):
    page = as_role(role).get(deficit_url(chain)).content.decode()
    assert "ВСОКО: от данных к решениям" in page
    assert "3 из 4 продиагностированных" in page  # first round: СОШ № 1, Гимназия № 2, ООШ № 3
    assert "Гимназия № 2 — 1" in page and "НШ № 4 — 1" in page
    assert "Посещали мероприятия на этот дефицит" in page
    assert "−50,0 п. п." in page
    assert "Групп слишком мало для вывода" in page
    assert "не доказывает, что причиной стали мероприятия" in page


def test_it_lists_who_still_has_the_deficit(chain, as_role):
    response = as_role("staff").get(deficit_url(chain))
    still = response.context["chain"].still_has
    assert [team.organization.short_name for team in still] == ["Гимназия № 2", "ООШ № 3"]


@pytest.mark.parametrize("role, status", [("school_user", 403), ("outsider", 404)])
def test_it_refuses_the_deficit_page(chain, as_role, role, status):
    assert as_role(role).get(deficit_url(chain)).status_code == status


def test_it_says_what_to_do_when_no_event_addressed_the_deficit(chain, as_role):
    page = as_role("staff").get(reverse("deficit_detail", args=[chain.d2.pk])).content.decode()
    assert "Ни одно мероприятие не указало этот дефицит" in page
    assert "Сравнивать не с кем" in page


def test_it_compares_the_rounds_asked_for(chain, as_role):
    url = f"{deficit_url(chain)}?first={chain.second.pk}&second={chain.second.pk}"
    page = as_role("staff").get(url).content.decode()
    assert "Выберите две разные диагностики." in page


def test_it_reads_the_deficit_page_in_a_fixed_number_of_queries(
        chain, world, as_role, django_assert_num_queries):
    client = as_role("staff")
    client.get(deficit_url(chain))
    with django_assert_num_queries(16):
        assert client.get(deficit_url(chain)).status_code == 200
    for team in (world.school_b.team, world.school_c.team):
        for _ in range(3):
            entry = chain.entry
            entry.pk = None
            entry._state.adding = True
            entry.save()
            entry.results.create(team=team, attended=True)
            name_entry_deficits(entry=entry, deficits=[chain.d1], named_by=None)
    with django_assert_num_queries(16):  # six more events, two more attendees
        assert client.get(deficit_url(chain)).status_code == 200


def entry_url(chain):
    return reverse("entry_deficits", args=[chain.entry.pk])


def test_it_suggests_the_deficits_most_common_on_the_platform(chain, as_role):
    page = as_role("curator").get(entry_url(chain)).content.decode()
    # At the second round Д1 is found at Гимназия № 2 and ООШ № 3, Д2 at НШ № 4.
    assert "у 2 из 4 команд площадки" in page and "у 1 из 4 команд площадки" in page
    assert page.index("1.1.") < page.index("1.2.")


def test_it_names_the_deficits_of_an_event(chain, as_role):
    response = as_role("curator").post(entry_url(chain), {"deficits": [chain.d2.pk]})
    assert response.status_code == 302
    assert set(AddressedDeficit.objects.filter(entry=chain.entry)
               .values_list("deficit_id", flat=True)) == {chain.d2.pk}


def test_it_refuses_a_deficit_of_another_direction_and_changes_nothing(chain, world, as_role):
    foreign = Deficit.objects.create(direction=world.directions[1], code="2.1", wording="Чужой")
    response = as_role("curator").post(entry_url(chain), {"deficits": [foreign.pk]})
    assert response.status_code == 200
    assert "Выберите корректный вариант" in response.content.decode()
    assert list(AddressedDeficit.objects.filter(entry=chain.entry)
                .values_list("deficit_id", flat=True)) == [chain.d1.pk]


def test_it_refuses_in_russian_what_the_form_cannot_check(chain, world):
    foreign = Deficit.objects.create(direction=world.directions[1], code="2.1", wording="Чужой")
    with pytest.raises(ValidationError, match="относятся к другому направлению"):
        name_entry_deficits(entry=chain.entry, deficits=[foreign], named_by=None)
    chain.d2.active = False
    chain.d2.save()
    with pytest.raises(ValidationError, match="выведены из каталога"):
        name_entry_deficits(entry=chain.entry, deficits=[chain.d2], named_by=None)
    # A withdrawn deficit already named may stay.
    chain.d1.active = False
    chain.d1.save()
    name_entry_deficits(entry=chain.entry, deficits=[chain.d1], named_by=None)


@pytest.mark.parametrize("role, status", [("school_user", 403), ("analyst", 403),
                                          ("outsider", 404)])
def test_it_lets_only_the_journal_keepers_name_deficits(chain, as_role, role, status):
    assert as_role(role).post(entry_url(chain), {"deficits": []}).status_code == status
    assert AddressedDeficit.objects.filter(entry=chain.entry).count() == 1


def test_it_names_the_deficits_of_a_plan_line_and_the_event_inherits_them(chain, world,
                                                                          as_role):
    planned = PlannedEvent.objects.create(platform=world.own_platform, month=D(2022, 2, 1),
                                          form="session", topic="ВСОКО", entry=chain.entry)
    client = as_role("staff")
    response = client.post(reverse("plan_deficits", args=[planned.pk]),
                           {"deficits": [chain.d2.pk]})
    assert response.status_code == 302
    page = client.get(entry_url(chain)).content.decode()
    assert "в плане уже указаны дефициты: 1.2" in page


def team_url(world, organization=None):
    return reverse("team_deficit_events", args=[(organization or world.school_b).pk])


@pytest.mark.parametrize("role", ["staff", "curator", "analyst", "school_b_user"])
def test_it_shows_a_team_its_deficits_and_the_events_it_attended(chain, world, as_role, role):
    page = as_role(role).get(team_url(world)).content.decode()
    assert "10.02.2022 «ВСОКО: от данных к решениям»" in page
    assert "сохраняется" in page  # Д1 at both rounds
    assert "не выявлен в последней диагностике" in page  # Д2 gone


def test_it_shows_a_deficit_nobody_attended_on_as_not_attended(chain, world, as_role):
    page = as_role("staff").get(team_url(world, world.school_c)).content.decode()
    assert "не посещала" in page  # ООШ № 3 was marked absent


@pytest.mark.parametrize("role, status", [("school_user", 404), ("outsider", 404)])
def test_it_refuses_another_team_its_page(chain, world, as_role, role, status):
    assert as_role(role).get(team_url(world)).status_code == status


def test_it_reads_the_team_page_in_a_fixed_number_of_queries(chain, world, as_role,
                                                             django_assert_num_queries):
    client = as_role("staff")
    client.get(team_url(world))
    with django_assert_num_queries(11):
        client.get(team_url(world))
    for day in (3, 4, 5):
        entry = journal.record_entry(platform=world.own_platform, recorded_by=world.curator,
                                     data=journal.EntryData(
            held_on=D(2022, 3, day), ends_on=None, form="session", form_other="",
            topic=f"ВСОКО, встреча {day}", venue=world.school_a, hosts=[world.school_a.team],
            participants=[world.school_b.team], description=""))
        name_entry_deficits(entry=entry, deficits=[chain.d1, chain.d2], named_by=None)
    with django_assert_num_queries(11):
        page = client.get(team_url(world)).content.decode()
    assert page.count("ВСОКО, встреча") == 6  # three events on each of the two deficits


def test_it_lists_the_gaps(chain, world, as_role):
    silent = journal.record_entry(platform=world.own_platform, recorded_by=world.curator,
                                  data=journal.EntryData(
        held_on=D(2022, 3, 1), ends_on=None, form="session", form_other="",
        topic="Без указанных дефицитов", venue=world.school_a, hosts=[world.school_a.team],
        participants=[world.school_b.team], description=""))
    response = as_role("staff").get(reverse("deficit_gaps") + f"?round={chain.first.pk}")
    gaps = response.context["gaps"]
    # Д2 (Гимназия № 2, НШ № 4) was addressed by nothing and is planned nowhere.
    assert [(deficit.code, teams) for deficit, teams in gaps.unaddressed] == [("1.2", 2)]
    assert silent in gaps.silent_events and chain.entry not in gaps.silent_events
    pairs = {(team.organization.short_name, deficit.code) for team, deficit in gaps.unattended}
    assert pairs == {("СОШ № 1", "1.1"), ("ООШ № 3", "1.1"), ("Гимназия № 2", "1.2"),
                     ("НШ № 4", "1.2")}
    page = response.content.decode()
    assert reverse("plan", args=[world.own_platform.pk]) in page


def test_it_counts_a_planned_line_as_addressing_in_the_gaps(chain, world, as_role):
    planned = PlannedEvent.objects.create(platform=world.own_platform, month=D(2022, 6, 1),
                                          form="session", topic="ВСОКО, продолжение")
    name_plan_deficits(planned=planned, deficits=[chain.d2], named_by=None)
    response = as_role("staff").get(reverse("deficit_gaps") + f"?round={chain.first.pk}")
    assert response.context["gaps"].unaddressed == []


def test_it_says_what_to_do_when_there_is_no_round(world, as_role):
    page = as_role("staff").get(reverse("deficit_gaps")).content.decode()
    assert "Экспертных результатов диагностики ещё нет" in page


def test_it_reads_the_gaps_in_a_fixed_number_of_queries(chain, world, as_role,
                                                        django_assert_num_queries):
    client = as_role("staff")
    url = reverse("deficit_gaps") + f"?round={chain.first.pk}"
    client.get(url)
    with django_assert_num_queries(15):
        client.get(url)
    for code in ("1.3", "1.4", "1.5"):
        deficit = Deficit.objects.create(direction=world.directions[0], code=code, wording=code)
        for diagnosis in chain.first.diagnoses.all():
            diagnosis.deficits.add(deficit)
    with django_assert_num_queries(15):
        response = client.get(url)
    assert len(response.context["gaps"].unaddressed) == 4


def test_it_switches_off_instead_of_deleting_a_deficit_an_event_names(chain, world):
    unused = Deficit.objects.create(direction=world.directions[0], code="1.9", wording="Новый")
    name_entry_deficits(entry=chain.entry, deficits=[chain.d1, unused], named_by=None)
    assert retire_deficit(deficit=unused) is False
    unused.refresh_from_db()
    assert unused.active is False
    with pytest.raises(ValidationError, match="уже направлены мероприятия"):
        change_deficit(deficit=unused, direction=world.directions[1], code="1.9",
                       wording="Новый", active=False)


def test_it_shows_the_first_rows_of_a_long_gap_list_and_says_how_to_narrow_it(
        chain, world, as_role, monkeypatch):
    monkeypatch.setattr(views, "SHOWN_ROWS", 1)
    page = as_role("staff").get(reverse("deficit_gaps") + f"?round={chain.first.pk}")
    assert len(page.context["unattended"]) == 1 and page.context["unattended_total"] == 4
    assert "Показаны первые 1 команд из 4" in page.content.decode()


def test_a_new_event_leads_through_its_results_to_the_suggested_deficits(chain, world,
                                                                        as_role):
    entry = chain.entry
    client = as_role("curator")
    url = reverse("entry_results", args=[entry.pk]) + "?next=deficits"
    page = client.get(url)
    data = {"version": entry.version, **page.context["formset"].management_form.initial}
    data = {f"form-{key}" if key.isupper() else key: value for key, value in data.items()}
    for index, result in enumerate(page.context["formset"].initial):
        data.update({f"form-{index}-team": result["team"], f"form-{index}-attended": "on",
                     f"form-{index}-managers": 1, f"form-{index}-teachers": 1,
                     f"form-{index}-outcome": "", f"form-{index}-comment": ""})
    response = client.post(url, data)
    assert response.status_code == 302
    assert response.url == reverse("entry_deficits", args=[entry.pk])
    assert "у 2 из 4 команд площадки" in client.get(response.url).content.decode()
