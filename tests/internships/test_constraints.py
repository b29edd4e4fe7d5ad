"""Rules the database itself enforces, whatever code writes the rows."""

import pytest
from django.db import IntegrityError, transaction

from internships.models import Mentorship, Placement, Tier, Transfer


def test_it_refuses_a_duplicate_placement_at_the_database(world):
    with pytest.raises(IntegrityError), transaction.atomic():
        Placement.objects.create(platform=world.own_platform, team=world.school_a.team,
                                 tier=Tier.RESERVE)


def test_it_refuses_a_transfer_that_keeps_the_tier_at_the_database(world):
    placement = world.placement(world.school_b, world.own_platform)

    with pytest.raises(IntegrityError), transaction.atomic():
        Transfer.objects.create(placement=placement, from_tier=Tier.PROMISING,
                                to_tier=Tier.PROMISING, transferred_on=world.period.starts_on,
                                reason="Без изменений")


def test_it_refuses_a_team_mentoring_itself_at_the_database(world):
    with pytest.raises(IntegrityError), transaction.atomic():
        Mentorship.objects.create(platform=world.own_platform, mentor=world.school_b.team,
                                  mentee=world.school_b.team,
                                  started_on=world.period.starts_on)


def test_it_refuses_a_mentorship_ending_before_it_starts_at_the_database(world):
    with pytest.raises(IntegrityError), transaction.atomic():
        Mentorship.objects.create(platform=world.own_platform, mentor=world.school_a.team,
                                  mentee=world.school_b.team, started_on=world.period.ends_on,
                                  ended_on=world.period.starts_on)
