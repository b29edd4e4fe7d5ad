"""The matrix cell's chips, rendered in Python: a municipality's matrix holds thousands."""

from html import escape

from django import template
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


@register.filter
def team_chips(cell) -> SafeString:
    """``{{ cell|team_chips }}``: a link to each placed organization, coloured by its tier.

    The template language costs about as much per chip as the rest of the page: three
    lookups and escapes for each of 6,000 chips. Only the name is user text and is escaped;
    the tier is a choice value and the address is built from an integer pk."""
    return mark_safe("".join(  # noqa: S308 - the name is escaped, the rest is not user text
        f'<a class="badge team-chip tier-{chip.tier}" href="{chip.url}">{escape(chip.name)}</a>'
        for chip in cell
    ))
