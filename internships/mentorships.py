"""Pairing mentor teams with the teams they mentor."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Exists, OuterRef, Subquery
from django.db.models.functions import Coalesce

from internships.models import Mentorship, Period, Placement, Platform, Tier
from teams.models import ManagementTeam


@dataclass(frozen=True)
class MentorLoad:
    """How many teams a mentor guides now, against the programme's norm."""

    mentees: int
    capacity: int

    @property
    def over_capacity(self) -> bool:
        return self.mentees > self.capacity


def active_mentee_count(*, period: Period, team_ref: str = "pk"):
    """An annotation: the active pairs (not ended) where the team is the mentor this year."""
    pairs = (
        Mentorship.objects.filter(
            mentor=OuterRef(team_ref), platform__period=period, ended_on__isnull=True
        )
        .order_by()
        .values("mentor")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(pairs[:1]), 0)


def mentor_load(*, team: ManagementTeam, period: Period) -> MentorLoad:
    return MentorLoad(
        mentees=Mentorship.objects.filter(
            mentor=team, platform__period=period, ended_on__isnull=True
        ).count(),
        capacity=period.programme.mentee_capacity,
    )


def mentee_load(
    *, team: ManagementTeam, mentorships: Iterable[Mentorship], capacity: int
) -> MentorLoad:
    """The same count from pairs already loaded (all of the team's pairs of one year)."""
    return MentorLoad(
        mentees=sum(
            1 for pair in mentorships if pair.mentor_id == team.pk and pair.ended_on is None
        ),
        capacity=capacity,
    )


def mentor_candidates(*, platform: Platform):
    """Leaders of this platform first; leaders of the year's other directions may mentor too
    (seed 000: «команды стажировки 1 могут стать наставниками для команд стажировки 2 и 3»),
    each with the direction it leads (``led_direction``) so the list says why it is there."""
    leads = Placement.objects.filter(team=OuterRef("pk"), tier=Tier.LEADER)
    return (
        ManagementTeam.objects.filter(
            placements__platform__period=platform.period,
            placements__tier=Tier.LEADER,
        )
        .distinct()
        .select_related("organization")
        .annotate(
            mentee_count=active_mentee_count(period=platform.period),
            leads_here=Exists(leads.filter(platform=platform)),
            led_direction=Subquery(
                leads.filter(platform__period=platform.period)
                .order_by("platform__direction__number")
                .values("platform__direction__number")[:1]
            ),
        )
        .order_by("-leads_here", "organization__sort_rank", "organization__number",
                  "organization__short_name")
    )


def mentee_candidates(*, platform: Platform):
    # One filter() call, so both conditions hold for the same placement: an
    # exclude() on the relation would also drop teams leading another direction.
    return ManagementTeam.objects.filter(
        placements__platform=platform, placements__tier__in=[Tier.PROMISING, Tier.RESERVE]
    ).select_related("organization")


@transaction.atomic
def start_mentorship(
    *,
    platform: Platform,
    mentor: ManagementTeam,
    mentee: ManagementTeam,
    started_on: datetime.date,
) -> Mentorship:
    """Pair a mentor with a mentee on the mentee's platform.

    The mentor leads this direction or, as the model allows, another direction
    of the same year.
    """
    _check_roles(platform=platform, mentor=mentor, mentee=mentee)
    period = platform.period
    if not period.starts_on <= started_on <= period.ends_on:
        raise ValidationError(
            {
                "started_on": (
                    f"Дата начала должна лежать в {period.title} учебном году: "
                    f"с {period.starts_on:%d.%m.%Y} по {period.ends_on:%d.%m.%Y}."
                )
            }
        )
    if Mentorship.objects.filter(platform=platform, mentor=mentor, mentee=mentee).exists():
        raise ValidationError({"mentee": "Такая пара наставничества уже есть на этой площадке."})
    try:
        with transaction.atomic():
            return Mentorship.objects.create(
                platform=platform, mentor=mentor, mentee=mentee, started_on=started_on
            )
    except IntegrityError as error:
        raise ValidationError(
            {"mentee": "Такая пара наставничества уже есть на этой площадке."}
        ) from error


@transaction.atomic
def resume_mentorship(*, mentorship: Mentorship) -> Mentorship:
    """Continue an ended pair: a platform keeps one row per mentor and mentee, so pairing
    them again reopens that row, under the same rules as a new pair."""
    mentorship = Mentorship.objects.select_for_update().select_related(
        "platform__period", "mentor", "mentee").get(pk=mentorship.pk)
    if mentorship.ended_on is None:
        raise ValidationError({"ended_on": "Это наставничество не завершено."})
    _check_roles(platform=mentorship.platform, mentor=mentorship.mentor,
                 mentee=mentorship.mentee)
    mentorship.ended_on = None
    mentorship.save(update_fields=["ended_on"])
    return mentorship


def _check_roles(*, platform: Platform, mentor: ManagementTeam, mentee: ManagementTeam) -> None:
    if mentor.pk == mentee.pk:
        raise ValidationError({"mentee": "Команда не может быть наставником самой себе."})
    mentee_placement = Placement.objects.filter(platform=platform, team=mentee).first()
    if mentee_placement is None:
        raise ValidationError({"mentee": "Эта команда не распределена на данную площадку."})
    if mentee_placement.tier == Tier.LEADER:
        raise ValidationError(
            {"mentee": "Команда-лидер этого направления не нуждается в наставнике по нему."}
        )
    if not Placement.objects.filter(
        team=mentor, platform__period=platform.period, tier=Tier.LEADER
    ).exists():
        raise ValidationError(
            {
                "mentor": (
                    "Наставником может быть только команда-лидер одного из направлений "
                    f"в {platform.period.title} учебном году."
                )
            }
        )


@transaction.atomic
def end_mentorship(*, mentorship: Mentorship, ended_on: datetime.date) -> Mentorship:
    if mentorship.ended_on is not None:
        raise ValidationError(
            {"ended_on": f"Наставничество уже завершено {mentorship.ended_on:%d.%m.%Y}."}
        )
    if ended_on < mentorship.started_on:
        raise ValidationError(
            {
                "ended_on": (
                    "Дата окончания не может быть раньше начала "
                    f"({mentorship.started_on:%d.%m.%Y})."
                )
            }
        )
    mentorship.ended_on = ended_on
    mentorship.save(update_fields=["ended_on"])
    return mentorship
