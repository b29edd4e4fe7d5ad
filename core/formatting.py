"""Numbers as a Russian reader expects them: a decimal comma, a non-breaking space between
thousands where asked, rounded half up. Built on Django's localisation (``floatformat`` with
the ru formats), so pages, workbooks' text, PDFs and e-mails all format alike, in a
request or in a background job, whatever language is active there."""

import re
from decimal import Decimal

from django.template.defaultfilters import floatformat
from django.utils import timezone, translation


def ru_number(value: float | int | Decimal, digits: int = 1, *, trim: bool = False,
              grouped: bool = False) -> str:
    """``value`` with ``digits`` decimals: ``ru_number(12.25)`` → «12,3».

    ``trim`` drops the decimals when they are all zeros («3» rather than «3,0»);
    ``grouped`` separates thousands («12 345»).
    """
    argument = f"{-digits if trim else digits}{'g' if grouped else ''}"
    with translation.override("ru"):
        return str(floatformat(value, argument))


def ru_percent(value: float | int | Decimal, digits: int = 1) -> str:
    """A percentage with its sign: ``ru_percent(40)`` → «40,0 %»."""
    return f"{ru_number(value, digits)} %"


HISTORY_ACTIONS = {"+": "Создано", "~": "Изменено", "-": "Удалено"}


def person_short_name(user) -> str:
    """«И. О. Фамилия» from a user's names; the login when the names are not filled in."""
    if user is None:
        return "без указания автора"
    if isinstance(user, str):
        return user
    initials = " ".join(f"{word[0]}." for word in user.first_name.split() if word)
    surname = user.last_name.strip()
    if not surname:
        return user.first_name.strip() or user.get_username()
    return f"{initials} {surname}" if initials else surname


def history_line(action: str, user, when) -> str:
    """One line of a change history, alike everywhere: «Изменено: И. О. Фамилия, 05.12.2026
    11:30». ``action`` is simple-history's type: «+», «~» or «-»."""
    return (f"{HISTORY_ACTIONS[action]}: {person_short_name(user)}, "
            f"{timezone.localtime(when):%d.%m.%Y %H:%M}")


SPACE_BEFORE_SIGN = re.compile(r"[ \t]+№")
SPACE_AFTER_SIGN = re.compile(r"№[ \t]+")


def keep_number(text: str) -> str:
    """«МБОУ СОШ № 4» with non-breaking spaces around «№», so a line never breaks between
    the school's kind, the sign and its number."""
    text = SPACE_BEFORE_SIGN.sub("\u00a0№", str(text))
    return SPACE_AFTER_SIGN.sub("№\u00a0", text)
