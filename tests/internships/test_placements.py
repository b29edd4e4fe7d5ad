import datetime

import pytest
from django.core.exceptions import ValidationError

from internships.models import AgendaItem, CouncilMeeting, Placement, Tier, Transfer
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


def test_it_removes_a_placement_made_by_mistake(world):
    placement = world.placement(world.school_d, world.own_platform)

    remove_placement(placement=placement)

    assert not Placement.objects.filter(pk=placement.pk).exists()


def test_it_keeps_a_placement_whose_transfers_are_in_the_journal(world):
    placement = world.placement(world.school_d, world.own_platform)
    factories.TransferFactory(placement=placement, from_tier=Tier.RESERVE,
                              to_tier=Tier.PROMISING)

    with pytest.raises(ValidationError) as refusal:
        remove_placement(placement=placement)

    assert "переводы записаны в журнал" in refusal.value.messages[0]
    assert Transfer.objects.filter(placement=placement).exists()


@pytest.mark.parametrize("link", ["placement", "transfer"])
def test_it_keeps_a_placement_a_council_decision_approved(world, link):
    placement = world.placement(world.school_d, world.own_platform)
    meeting = CouncilMeeting.objects.create(period=world.period, number=1,
                                            held_on=datetime.date(2021, 9, 30),
                                            attendees="Совет")
    item = AgendaItem.objects.create(meeting=meeting, position=1, question="Распределение")
    if link == "placement":
        item.placements.add(placement)
    else:
        item.transfers.add(Transfer.objects.create(
            placement=placement, from_tier=Tier.RESERVE, to_tier=Tier.PROMISING,
            transferred_on=datetime.date(2021, 10, 1), reason="Решение совета"))

    with pytest.raises(ValidationError):
        remove_placement(placement=placement)

    assert Placement.objects.filter(pk=placement.pk).exists()


def test_a_transfer_cannot_be_dated_before_the_team_s_last_one(world):
    placement = world.placement(world.school_d, world.own_platform)
    transfer_team(placement=placement, to_tier=Tier.LEADER,
                  transferred_on=datetime.date(2022, 3, 1), reason="Итоги", recorded_by=None)

    with pytest.raises(ValidationError) as refusal:
        transfer_team(placement=placement, to_tier=Tier.RESERVE,
                      transferred_on=datetime.date(2021, 10, 1), reason="Ошибка",
                      recorded_by=None)

    assert "Команду уже переводили 01.03.2022" in str(refusal.value)
    assert placement.transfers.count() == 1


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
