"""Numbers as a Russian reader expects them: a decimal comma, a non-breaking space between
thousands where asked, rounded half up. Built on Django's localisation (``floatformat`` with
the ru formats), so pages, workbooks' text, PDFs and e-mails all format alike, in a
request or in a background job, whatever language is active there."""

from decimal import Decimal

from django.template.defaultfilters import floatformat
from django.utils import translation


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
