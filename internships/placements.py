"""Placing teams on platforms and moving them between tiers."""

import datetime

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from internships.models import AgendaItem, Placement, Platform, Tier, Transfer
from teams.models import ManagementTeam


@transaction.atomic
def place_team(*, team: ManagementTeam, platform: Platform, tier: str) -> Placement:
    """Put a team on a platform in a tier; a team has one tier per direction and year."""
    if team.organization.municipality_id != platform.period.programme.municipality_id:
        raise ValidationError(
            {"team": "Команда относится к другому муниципальному образованию."}
        )
    existing = (
        Placement.objects.filter(platform=platform, team=team).select_related("platform").first()
    )
    if existing is not None:
        raise ValidationError(
            {
                "team": (
                    f"{team.organization.short_name} уже распределена по направлению "
                    f"{platform.direction.number} в {platform.period.title} учебном году "
                    f"(уровень: {existing.tier_short}). Чтобы сменить уровень, "
                    "оформите перевод."
                )
            }
        )
    try:
        with transaction.atomic():
            return Placement.objects.create(team=team, platform=platform, tier=tier)
    except IntegrityError as error:
        # Two people placing the same team at once: the database keeps one.
        raise ValidationError(
            {"team": "Команда уже распределена по этому направлению в этом году."}
        ) from error


@transaction.atomic
def transfer_team(
    *,
    placement: Placement,
    to_tier: str,
    transferred_on: datetime.date,
    reason: str,
    recorded_by: User | None,
) -> Transfer:
    """Change a team's tier on its platform; every change is recorded as a transfer."""
    placement = Placement.objects.select_for_update().get(pk=placement.pk)
    if to_tier not in Tier.values:
        raise ValidationError({"to_tier": "Выберите уровень из списка."})
    if placement.tier == to_tier:
        raise ValidationError(
            {"to_tier": f"Команда уже на этом уровне: {placement.get_tier_display().lower()}."}
        )
    period = placement.platform.period
    if not period.starts_on <= transferred_on <= period.ends_on:
        raise ValidationError(
            {
                "transferred_on": (
                    f"Дата перевода должна лежать в {period.title} учебном году: "
                    f"с {period.starts_on:%d.%m.%Y} по {period.ends_on:%d.%m.%Y}."
                )
            }
        )
    latest = placement.transfers.order_by("-transferred_on").first()
    if latest is not None and transferred_on < latest.transferred_on:
        raise ValidationError({"transferred_on": (
            f"Команду уже переводили {latest.transferred_on:%d.%m.%Y} "
            f"({latest.get_from_tier_display().lower()} → "
            f"{latest.get_to_tier_display().lower()}): новый перевод не может быть раньше."
        )})
    if not reason.strip():
        raise ValidationError({"reason": "Укажите основание перевода."})
    transfer = Transfer.objects.create(
        placement=placement,
        from_tier=placement.tier,
        to_tier=to_tier,
        transferred_on=transferred_on,
        reason=reason.strip(),
        recorded_by=recorded_by,
    )
    placement.tier = to_tier
    placement.save(update_fields=["tier"])
    return transfer


@transaction.atomic
def remove_placement(*, placement: Placement) -> None:
    """Take a wrongly placed team off a platform.

    Refused once the placement has a history worth keeping: mentor pairs, transfers
    recorded in the journal, or a council decision that approved it.
    """
    team = placement.team
    if placement.transfers.exists():
        raise ValidationError(
            "Команду уже переводили на этой площадке, переводы записаны в журнал: снять её "
            "нельзя. Чтобы изменить уровень, сделайте перевод."
        )
    if placement.council_items.exists() or AgendaItem.objects.filter(
        transfers__placement=placement
    ).exists():
        raise ValidationError(
            "Распределение команды утверждено решением научно-методического совета: снять "
            "её нельзя."
        )
    if placement.platform.mentorships.filter(mentor=team).exists() or (
        placement.platform.mentorships.filter(mentee=team).exists()
    ):
        raise ValidationError(
            "У команды есть пары наставничества на этой площадке: сначала завершите и "
            "удалите их."
        )
    placement.delete()
