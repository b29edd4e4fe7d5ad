"""The accounts of every synthetic municipality: one user per role."""

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import User

from demo.synthetic.scale import Scale
from demo.synthetic.tables import BATCH_SIZE, insert
from internships.models import Curator
from teams.models import Role, UserProfile


def account_names(number: int) -> dict[str, str]:
    """Role → the username of a synthetic municipality's account in that role."""
    prefix = f"m{number:04d}"
    return {Role.STAFF: f"{prefix}-staff", Role.ANALYST: f"{prefix}-analyst",
            Role.CURATOR: f"{prefix}-curator", Role.SCHOOL: f"{prefix}-school"}


def generate_users(*, scale: Scale, password: str) -> dict[str, int]:
    """An account per role in every municipality, all with one password (hashed once).

    The curator curates the first two directions' platforms; the school account is the
    team of the first organization in the list that has placements.
    """
    hashed = make_password(password)
    rows = []
    for district in scale.districts:
        placed = {item.team for placements in district.placements for item in placements}
        first = min((district.organizations[index] for index in placed),
                    key=lambda item: item.sort_key)
        for role, username in account_names(district.number).items():
            rows.append((district, role, first.pk if role == Role.SCHOOL else None,
                         User(username=username, password=hashed)))
    insert([user for *_, user in rows])
    UserProfile.objects.bulk_create(
        [UserProfile(user_id=user.pk, municipality_id=district.pk, role=role,
                     organization_id=organization)
         for district, role, organization, user in rows], batch_size=BATCH_SIZE)
    Curator.objects.bulk_update(
        [Curator(pk=district.curator_pks[0], user_id=user.pk)
         for district, role, _, user in rows if role == Role.CURATOR],
        ["user"], batch_size=BATCH_SIZE)
    return {"users": len(rows)}
