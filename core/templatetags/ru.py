from django import template

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
