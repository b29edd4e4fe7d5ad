"""Finding a municipality's organization by the name a spreadsheet gives it.

Tables typed by hand differ from the register in small ways: spacing (even
inside words), «№4» / «№ 4» / «N 4», any kind of quotes, letter case and ё/е.
Names are compared by a key that ignores all of these.
"""

import re
from collections.abc import Iterable

from teams.models import Organization

_QUOTES = "«»\"'“”„‘’`"
_NUMBER_SIGN = re.compile(r"(?<![a-zа-я])(?:no\.?|n)\s*(?=\d)")


def name_key(text) -> str:
    value = str(text or "").lower().replace("ё", "е")
    value = _NUMBER_SIGN.sub("№", value)
    value = value.translate({ord(char): " " for char in _QUOTES})
    return re.sub(r"\s+", "", value)


class OrganizationMatcher:
    """Full and short names of a municipality's organizations, by key."""

    def __init__(self, organizations: Iterable[Organization]):
        self._by_key: dict[str, set[Organization]] = {}
        for organization in organizations:
            self.add(organization)

    def add(self, organization: Organization) -> None:
        for name in (organization.name, organization.short_name):
            key = name_key(name)
            if key:
                self._by_key.setdefault(key, set()).add(organization)

    def all_named(self, name) -> set[Organization]:
        return set(self._by_key.get(name_key(name), ()))

    def find(self, name) -> tuple[Organization | None, str]:
        """The organization, or None and the reason in Russian."""
        found = self._by_key.get(name_key(name), set())
        if len(found) == 1:
            return next(iter(found)), ""
        if not found:
            return None, (f"организация «{' '.join(str(name).split())}» не найдена в "
                          f"муниципальном образовании; сначала загрузите список организаций")
        names = ", ".join(sorted(o.short_name for o in found))
        return None, f"название подходит нескольким организациям ({names}); уточните его"
