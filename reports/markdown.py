"""Markdown of the handbook's texts, rendered safely (markdown-it-py, CommonMark).

Raw HTML in the source is printed as text, never passed through; links with a
dangerous scheme (``javascript:``, ``data:``…) are not made links; images are off, since
a PDF fetches only the portal's own static files. Tables (GFM) are on: the regulatory
base and the roadmap read naturally as tables.
"""

from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

_PARSER = (MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
           .enable("table").disable("image"))


def render_markdown(text: str) -> SafeString:
    """The HTML of ``text``; empty for a blank text."""
    if not text or not text.strip():
        return mark_safe("")
    return mark_safe(_PARSER.render(text))  # noqa: S308 — markdown-it escapes raw HTML
