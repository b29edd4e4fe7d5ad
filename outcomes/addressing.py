"""Naming the deficits a held event or a planned item addresses."""

from collections.abc import Iterable

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction

from diagnostics.models import Deficit
from internships.models import JournalEntry, PlannedEvent, Platform
from outcomes.models import AddressedDeficit


def _check(platform: Platform, deficits: list[Deficit], already: set[int]) -> None:
    """Every deficit belongs to the platform's direction; a withdrawn one may only stay."""
    foreign = [d.code for d in deficits if d.direction_id != platform.direction_id]
    if foreign:
        raise ValidationError(
            {"deficits": "Дефициты " + ", ".join(foreign) + " относятся к другому направлению: "
                         "мероприятие площадки направлено только на дефициты её направления."})
    withdrawn = [d.code for d in deficits if not d.active and d.pk not in already]
    if withdrawn:
        raise ValidationError(
            {"deficits": "Дефициты " + ", ".join(withdrawn) + " выведены из каталога: "
                         "их нельзя указать заново."})


def _replace(links, deficits: list[Deficit], *, make, named_by: User | None) -> None:
    wanted = {d.pk for d in deficits}
    links.exclude(deficit_id__in=wanted).delete()
    kept = set(links.values_list("deficit_id", flat=True))
    AddressedDeficit.objects.bulk_create(
        [make(deficit_id=pk, named_by=named_by) for pk in sorted(wanted - kept)]
    )


@transaction.atomic
def name_entry_deficits(*, entry: JournalEntry, deficits: Iterable[Deficit],
                        named_by: User | None) -> None:
    """The event addresses exactly these deficits (the plan line's own stay with the plan)."""
    deficits = list(deficits)
    links = AddressedDeficit.objects.filter(entry=entry)
    _check(entry.platform, deficits, set(links.values_list("deficit_id", flat=True)))
    _replace(links, deficits, named_by=named_by,
             make=lambda **fields: AddressedDeficit(entry=entry, **fields))


@transaction.atomic
def name_plan_deficits(*, planned: PlannedEvent, deficits: Iterable[Deficit],
                       named_by: User | None) -> None:
    """The planned item addresses exactly these deficits; the event that carries it out
    addresses them too."""
    deficits = list(deficits)
    links = AddressedDeficit.objects.filter(planned=planned)
    _check(planned.platform, deficits, set(links.values_list("deficit_id", flat=True)))
    _replace(links, deficits, named_by=named_by,
             make=lambda **fields: AddressedDeficit(planned=planned, **fields))
