"""Placements, transfers and mentor pairs keep a history of who changed what and when."""

import datetime

from django.urls import reverse

from internships.models import Mentorship, Placement, Tier, Transfer


def test_a_transfer_records_the_old_tier_and_who_changed_it(world, as_role):
    placement = world.placement(world.school_b, world.own_platform)

    as_role("curator").post(reverse("transfer_create", args=[placement.pk]),
                            {"to_tier": Tier.LEADER, "transferred_on": "20.01.2022",
                             "reason": "Итоги стажировочной сессии"})

    records = list(placement.history.order_by("history_date"))
    assert [record.tier for record in records][-2:] == [Tier.PROMISING, Tier.LEADER]
    assert records[-1].history_user == world.curator
    assert Transfer.history.get().history_user == world.curator


def test_placing_and_removing_a_team_is_kept_with_its_author(world, as_role):
    client = as_role("staff")
    client.post(reverse("placement_add", args=[world.own_platform.pk]),
                {"team": world.kindergarten.team.pk, "tier": Tier.RESERVE})
    placement = Placement.objects.get(platform=world.own_platform, team=world.kindergarten.team)

    client.post(reverse("placement_delete", args=[placement.pk]))

    assert not Placement.objects.filter(pk=placement.pk).exists()
    kinds = [(r.history_type, r.history_user) for r in
             Placement.history.filter(id=placement.pk).order_by("history_date")]
    assert kinds == [("+", world.staff), ("-", world.staff)]


def test_a_mentor_pair_keeps_its_start_and_its_end(world, as_role):
    client = as_role("curator")
    client.post(reverse("mentorship_add", args=[world.own_platform.pk]),
                {"mentor": world.school_a.team.pk, "mentee": world.school_c.team.pk,
                 "started_on": "01.10.2021"})
    pair = Mentorship.objects.get()

    client.post(reverse("mentorship_end", args=[pair.pk]), {"ended_on": "31.05.2022"})

    records = list(pair.history.order_by("history_date"))
    assert [(r.history_type, r.ended_on) for r in records] == [
        ("+", None), ("~", datetime.date(2022, 5, 31))
    ]
    assert {r.history_user for r in records} == {world.curator}
