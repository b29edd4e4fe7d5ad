"""Accepting a proposal: the chosen changes become placements, transfers and mentor pairs."""

import datetime

import pytest
from django.urls import reverse

from distribution.accept import change_key, pair_key
from distribution.models import DistributionProposal
from internships.models import Mentorship, Period, Placement, Platform, Tier, Transfer
from internships.placements import transfer_team
from tests.helpers import messages_of


def changes_of(proposal) -> list[str]:
    return [change_key(d["team"], d["direction"]) for d in proposal.result["tiers"]
            if d["changed"]]


def pairs_of(proposal) -> list[str]:
    return [pair_key(p["direction"], p["mentor"], p["mentee"]) for p in proposal.result["pairs"]]


def accept(client, proposal, *, changes=(), pairs=()):
    return client.post(reverse("distribution_accept", args=[proposal.pk]),
                       {"change": list(changes), "pair": list(pairs)})


def state():
    """Everything an acceptance could write."""
    return (Period.objects.count(), Platform.objects.count(),
            sorted(Placement.objects.values_list("pk", "tier")), Transfer.objects.count(),
            Mentorship.objects.count())


@pytest.fixture
def next_year(demo, demo_staff, propose):
    """A proposal for the demo district onto the next academic year."""
    propose(demo_staff, demo)
    return DistributionProposal.objects.get()


@pytest.fixture
def same_year(demo, demo_staff, propose):
    """A proposal for the demo district inside its own 2021–2022 year."""
    propose(demo_staff, demo, target=str(demo.pk))
    return DistributionProposal.objects.get()


def test_accepting_all_opens_the_next_year_where_every_team_leads(demo, demo_staff, next_year):
    response = accept(demo_staff, next_year, changes=changes_of(next_year),
                      pairs=pairs_of(next_year))

    target = Period.objects.get(title="2022–2023")
    assert (target.starts_on, target.ends_on) == (datetime.date(2022, 9, 1),
                                                  datetime.date(2023, 8, 31))
    assert response.url == f"{reverse('matrix')}?period={target.pk}"
    placements = Placement.objects.filter(platform__period=target)
    assert placements.count() == 92
    assert placements.filter(tier=Tier.LEADER).values("team").distinct().count() == 34
    proposed = {(d["team"], d["direction"]): d["tier"] for d in next_year.result["tiers"]}
    assert {(p.team_id, p.platform.direction_id): p.tier for p in placements} == proposed
    assert Mentorship.objects.filter(platform__period=target).count() == len(
        next_year.result["pairs"])
    # The source year is left as it was.
    assert Placement.objects.filter(platform__period=demo, tier=Tier.LEADER).values(
        "team").distinct().count() == 18
    next_year.refresh_from_db()
    assert next_year.target_period == target
    assert next_year.accepted_by.username == "staff"


def test_the_new_year_keeps_the_curators_of_each_direction(demo, demo_staff, next_year):
    accept(demo_staff, next_year, changes=changes_of(next_year))
    curators = {
        (platform.direction.number, platform.period.title):
            sorted(curator.short_name for curator in platform.curators.all())
        for platform in Platform.objects.select_related("direction", "period")
    }
    for number in range(1, 8):
        assert curators[number, "2022–2023"] == curators[number, "2021–2022"]


def test_it_records_the_acceptance_in_history_with_its_author(demo, demo_staff, next_year):
    accept(demo_staff, next_year, changes=changes_of(next_year), pairs=pairs_of(next_year))

    target = Period.objects.get(title="2022–2023")
    reason = f"решение по подбору распределения от {datetime.date.today():%d.%m.%Y}"
    placement_records = Placement.history.filter(platform__period=target)
    assert placement_records.count() == 92
    assert {(r.history_user.username, r.history_change_reason)
            for r in placement_records} == {("staff", reason)}
    pair_records = Mentorship.history.filter(platform__period=target)
    assert {(r.history_user.username, r.history_change_reason) for r in pair_records} == {
        ("staff", reason)}


def test_the_matrix_of_the_new_year_shows_the_accepted_tiers(demo, demo_staff, next_year):
    response = accept(demo_staff, next_year, changes=changes_of(next_year))
    matrix = demo_staff.get(response.url)
    assert "92 распределения" in matrix.content.decode()
    assert "Распределение на 2022–2023 учебный год принято" in " ".join(messages_of(matrix))


def test_unselected_changes_carry_the_current_tier_into_the_new_year(demo, demo_staff,
                                                                     next_year):
    chosen = changes_of(next_year)[:3]
    accept(demo_staff, next_year, changes=chosen)

    target = Period.objects.get(title="2022–2023")
    current = {(d["team"], d["direction"]): (d["current"], d["tier"])
               for d in next_year.result["tiers"]}
    for placement in Placement.objects.filter(platform__period=target).select_related(
            "platform"):
        key = (placement.team_id, placement.platform.direction_id)
        now, proposed = current[key]
        assert placement.tier == (proposed if change_key(*key) in chosen else now)


def test_in_the_same_year_only_the_selected_changes_become_transfers(demo, demo_staff,
                                                                     same_year):
    chosen = changes_of(same_year)[0]
    team_id, direction_id = map(int, chosen.split("-"))
    before = dict(Placement.objects.values_list("pk", "tier"))

    response = accept(demo_staff, same_year, changes=[chosen])

    assert response.url == f"{reverse('matrix')}?period={demo.pk}"
    transfer = Transfer.objects.select_related("placement__platform").get()
    assert (transfer.placement.team_id, transfer.placement.platform.direction_id) == (
        team_id, direction_id)
    assert transfer.to_tier == Tier.LEADER
    assert transfer.recorded_by.username == "staff"
    assert transfer.reason.startswith("решение по подбору распределения от ")
    after = dict(Placement.objects.values_list("pk", "tier"))
    assert {pk for pk in after if after[pk] != before[pk]} == {transfer.placement_id}
    assert Period.objects.count() == 1


def test_it_refuses_to_accept_twice(demo, demo_staff, next_year):
    accept(demo_staff, next_year, changes=changes_of(next_year))
    before = state()

    response = accept(demo_staff, next_year, changes=changes_of(next_year))

    assert response.url == reverse("distribution_detail", args=[next_year.pk])
    assert "Это предложение уже принято" in " ".join(messages_of(demo_staff.get(response.url)))
    assert state() == before


def test_it_refuses_a_proposal_whose_data_changed(demo, demo_staff, same_year):
    placement = Placement.objects.filter(platform__period=demo, tier=Tier.RESERVE).first()
    transfer_team(placement=placement, to_tier=Tier.PROMISING,
                  transferred_on=datetime.date(2022, 1, 10), reason="Итоги сессии",
                  recorded_by=None)
    page = demo_staff.get(reverse("distribution_detail", args=[same_year.pk]))
    assert b'id="stale"' in page.content
    assert b'id="accept-form"' not in page.content
    before = state()

    response = accept(demo_staff, same_year, changes=changes_of(same_year))

    assert "Распределение изменилось после расчёта, пересчитайте предложение." in (
        messages_of(demo_staff.get(response.url)))
    assert state() == before
    same_year.refresh_from_db()
    assert same_year.accepted_at is None


def test_it_refuses_a_pair_whose_mentor_only_leads_after_an_unselected_change(
        demo, demo_staff, same_year):
    new_leaders = {d["team"] for d in same_year.result["tiers"]
                   if d["changed"] and d["tier"] == Tier.LEADER}
    pair = next(p for p in same_year.result["pairs"] if p["mentor"] in new_leaders)
    before = state()

    response = accept(demo_staff, same_year,
                      pairs=[pair_key(pair["direction"], pair["mentor"], pair["mentee"])])

    message = " ".join(messages_of(demo_staff.get(response.url)))
    assert message.startswith("Эти пары наставничества опираются на изменения уровней, "
                              "которые не выбраны:")
    assert state() == before


def test_it_refuses_an_empty_choice_in_the_same_year(demo, demo_staff, same_year):
    before = state()
    response = accept(demo_staff, same_year)
    assert "Отметьте хотя бы одно изменение или пару наставничества." in messages_of(
        demo_staff.get(response.url))
    assert state() == before


def test_it_refuses_changes_that_are_not_in_the_proposal(demo, demo_staff, same_year):
    before = state()
    response = accept(demo_staff, same_year, changes=["999999-1"])
    assert "Отмечены изменения, которых нет в предложении: обновите страницу." in messages_of(
        demo_staff.get(response.url))
    assert state() == before


def test_a_new_leader_leaves_its_mentor_in_that_direction(demo, demo_staff, propose):
    change = None
    propose(demo_staff, demo, target=str(demo.pk))
    proposal = DistributionProposal.objects.get()
    for decision in proposal.result["tiers"]:
        if decision["changed"] and decision["tier"] == Tier.LEADER:
            change = decision
            break
    platform = Platform.objects.get(period=demo, direction_id=change["direction"])
    mentor = Placement.objects.filter(platform=platform, tier=Tier.LEADER).first().team
    pair = Mentorship.objects.create(platform=platform, mentor=mentor,
                                     mentee_id=change["team"],
                                     started_on=datetime.date(2021, 10, 1))
    # The pair is part of the data the proposal rests on: compute again.
    propose(demo_staff, demo, target=str(demo.pk))
    proposal = DistributionProposal.objects.latest("pk")

    accept(demo_staff, proposal, changes=[change_key(change["team"], change["direction"])])

    pair.refresh_from_db()
    assert pair.ended_on == demo.ends_on


def test_a_second_proposal_for_the_same_new_year_is_refused(demo, demo_staff, propose):
    propose(demo_staff, demo)
    propose(demo_staff, demo)
    first, second = DistributionProposal.objects.order_by("pk")
    assert (second.new_period_title, second.new_period_starts_on, second.new_period_ends_on) == (
        "2022–2023", datetime.date(2022, 9, 1), datetime.date(2023, 8, 31))
    accept(demo_staff, first, changes=changes_of(first))
    before = state()

    response = accept(demo_staff, second, changes=changes_of(second))

    assert ("Предложение рассчитано на новый учебный год 2022–2023, но в проекте с тех пор "
            "открыт учебный год 2022–2023. Рассчитайте новое предложение") in " ".join(
        messages_of(demo_staff.get(response.url)))
    assert state() == before
    assert list(Period.objects.values_list("title", flat=True)) == ["2022–2023", "2021–2022"]
    second.refresh_from_db()
    assert second.accepted_at is None


def test_a_new_year_opened_by_hand_meanwhile_refuses_the_proposal(demo, demo_staff,
                                                                  next_year):
    Period.objects.create(programme=demo.programme, title="2022–2023",
                          starts_on=datetime.date(2022, 9, 1), ends_on=datetime.date(2023, 6, 30))
    before = state()

    response = accept(demo_staff, next_year, changes=changes_of(next_year))

    assert "Предложение рассчитано на новый учебный год 2022–2023" in " ".join(
        messages_of(demo_staff.get(response.url)))
    assert state() == before


def test_the_page_names_the_new_year(demo, demo_staff, next_year):
    page = demo_staff.get(reverse("distribution_detail", args=[next_year.pk]))
    assert "Предложение распределения на новый учебный год 2022–2023" in page.content.decode()


def test_a_programme_shortened_meanwhile_refuses_the_new_year(demo, demo_staff, next_year):
    demo.programme.ends_on = demo.ends_on
    demo.programme.save()
    before = state()

    response = accept(demo_staff, next_year, changes=changes_of(next_year))

    assert "заканчивается 31.08.2022: нового учебного года в нём не будет." in " ".join(
        messages_of(demo_staff.get(response.url)))
    assert state() == before
