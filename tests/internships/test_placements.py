import datetime

import pytest
from django.core.exceptions import ValidationError

from internships.models import Placement, Tier, Transfer
from internships.placements import place_team, remove_placement, transfer_team
from tests import factories

D = datetime.date


def test_it_places_a_team_on_a_platform_in_a_tier(world):
    placement = place_team(team=world.kindergarten.team, platform=world.own_platform,
                           tier=Tier.RESERVE)

    placement.refresh_from_db()
    assert placement.platform == world.own_platform
    assert placement.team == world.kindergarten.team
    assert placement.tier == Tier.RESERVE


def test_it_refuses_a_second_placement_in_the_same_direction_and_period(world):
    with pytest.raises(ValidationError) as refusal:
        place_team(team=world.school_a.team, platform=world.own_platform, tier=Tier.RESERVE)

    message = refusal.value.message_dict["team"][0]
    assert "СОШ № 1 уже распределена по направлению 1 в 2021–2022 учебном году" in message
    assert "уровень: лидер" in message
    assert Placement.objects.filter(team=world.school_a.team,
                                    platform=world.own_platform).count() == 1
    assert world.placement(world.school_a, world.own_platform).tier == Tier.LEADER


def test_it_places_the_same_team_in_the_same_direction_in_another_year(world):
    next_year = factories.PeriodFactory(programme=world.programme, starts_on=D(2022, 9, 1),
                                        ends_on=D(2023, 8, 31))
    platform = factories.PlatformFactory(direction=world.directions[0], period=next_year)

    placement = place_team(team=world.school_a.team, platform=platform, tier=Tier.PROMISING)

    assert placement.tier == Tier.PROMISING
    assert world.school_a.team.placements.count() == 4


def test_it_refuses_a_team_of_another_municipality(world):
    with pytest.raises(ValidationError) as refusal:
        place_team(team=world.other_organization.team, platform=world.own_platform,
                   tier=Tier.LEADER)

    assert refusal.value.message_dict["team"] == [
        "Команда относится к другому муниципальному образованию."
    ]
    assert not world.own_platform.placements.filter(team=world.other_organization.team).exists()


def test_it_records_a_transfer_and_changes_the_tier(world):
    placement = world.placement(world.school_b, world.own_platform)

    transfer = transfer_team(placement=placement, to_tier=Tier.LEADER,
                             transferred_on=D(2022, 1, 20), reason="  Итоги полугодия  ",
                             recorded_by=world.curator)

    transfer.refresh_from_db()
    assert transfer.placement == placement
    assert transfer.from_tier == Tier.PROMISING
    assert transfer.to_tier == Tier.LEADER
    assert transfer.transferred_on == D(2022, 1, 20)
    assert transfer.reason == "Итоги полугодия"
    assert transfer.recorded_by == world.curator
    assert transfer.recorded_at is not None
    placement.refresh_from_db()
    assert placement.tier == Tier.LEADER


def test_it_accepts_a_transfer_on_the_first_and_last_day_of_the_year(world):
    placement = world.placement(world.school_c, world.own_platform)

    transfer_team(placement=placement, to_tier=Tier.PROMISING, transferred_on=D(2021, 9, 1),
                  reason="Старт", recorded_by=None)
    transfer_team(placement=placement, to_tier=Tier.LEADER, transferred_on=D(2022, 8, 31),
                  reason="Итоги года", recorded_by=None)

    placement.refresh_from_db()
    assert placement.tier == Tier.LEADER
    assert list(placement.transfers.values_list("to_tier", flat=True)) == [
        Tier.LEADER, Tier.PROMISING,
    ]


@pytest.mark.parametrize(
    "to_tier, transferred_on, reason, field, message",
    [
        (Tier.PROMISING, D(2022, 1, 20), "Итоги", "to_tier",
         "Команда уже на этом уровне: команды, подающие надежды."),
        (Tier.LEADER, D(2021, 8, 31), "Итоги", "transferred_on",
         "Дата перевода должна лежать в 2021–2022 учебном году: с 01.09.2021 по 31.08.2022."),
        (Tier.LEADER, D(2022, 9, 1), "Итоги", "transferred_on",
         "Дата перевода должна лежать в 2021–2022 учебном году: с 01.09.2021 по 31.08.2022."),
        (Tier.LEADER, D(2022, 1, 20), "   ", "reason", "Укажите основание перевода."),
        ("champion", D(2022, 1, 20), "Итоги", "to_tier", "Выберите уровень из списка."),
    ],
    ids=["same-tier", "before-the-year", "after-the-year", "empty-reason", "unknown-tier"],
)
def test_it_refuses_a_wrong_transfer_and_changes_nothing(
    world, to_tier, transferred_on, reason, field, message
):
    placement = world.placement(world.school_b, world.own_platform)

    with pytest.raises(ValidationError) as refusal:
        transfer_team(placement=placement, to_tier=to_tier, transferred_on=transferred_on,
                      reason=reason, recorded_by=world.staff)

    assert refusal.value.message_dict[field] == [message]
    assert not Transfer.objects.exists()
    placement.refresh_from_db()
    assert placement.tier == Tier.PROMISING


def test_it_removes_a_placement_with_its_transfers(world):
    placement = world.placement(world.school_d, world.own_platform)
    factories.TransferFactory(placement=placement, from_tier=Tier.RESERVE,
                              to_tier=Tier.PROMISING)

    remove_placement(placement=placement)

    assert not Placement.objects.filter(pk=placement.pk).exists()
    assert not Transfer.objects.exists()


@pytest.mark.parametrize("side", ["mentor", "mentee"])
def test_it_refuses_to_remove_a_placement_while_the_team_has_mentor_pairs(world, side):
    mentor = world.school_a.team
    mentee = world.school_b.team
    factories.MentorshipFactory(platform=world.own_platform, mentor=mentor, mentee=mentee)
    team = mentor if side == "mentor" else mentee
    placement = world.own_platform.placements.get(team=team)

    with pytest.raises(ValidationError) as refusal:
        remove_placement(placement=placement)

    assert "У команды есть пары наставничества на этой площадке" in refusal.value.messages[0]
    assert Placement.objects.filter(pk=placement.pk).exists()
