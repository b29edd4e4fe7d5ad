from django import template

from core.formatting import history_line as format_history_line
from core.formatting import keep_number
from core.plurals import ru_plural

register = template.Library()


@register.filter
def plural(count, forms: str) -> str:
    """``{{ n|plural:"школа,школы,школ" }}`` → «21 школа»."""
    one, few, many = (form.strip() for form in forms.split(","))
    return f"{count} {ru_plural(count, one, few, many)}"


@register.filter
def plural_word(count, forms: str) -> str:
    """The noun alone, for when the number is shown apart."""
    one, few, many = (form.strip() for form in forms.split(","))
    return ru_plural(count, one, few, many)


@register.simple_tag
def history_line(action: str, user, when) -> str:
    """``{% history_line record.history_type record.history_user record.history_date %}`` →
    «Изменено: И. О. Фамилия, 05.12.2026 11:30» (core.formatting.history_line)."""
    return format_history_line(action, user, when)


@register.filter
def unbroken_number(text) -> str:
    """``{{ organization.short_name|unbroken_number }}``: «МБОУ СОШ № 4» never breaks
    around «№» (core.formatting.keep_number). Escaped as usual by the template."""
    return keep_number(text)
