"""The handbook's narrative texts: saving what the department wrote, reading it for print.

Each topic of ``HandbookTopic`` is one Markdown text per programme. Saving changes only
the texts that differ, so the history shows who changed which section and when.
"""

import re

from django.contrib.auth.models import User
from django.db import transaction
from django.utils.safestring import SafeString

from internships.models import Programme
from reports.markdown import render_markdown
from reports.models import HandbookText, HandbookTopic

# A handbook section is a few pages at most; a longer text is a pasted document.
MAX_TEXT_LENGTH = 30_000
# Words of an instruction about the portal's screens («на странице…», «нажмите кнопку»,
# «на портале»): the handbook is a document read away from the portal.
SCREEN_WORDS = re.compile(r"\w*(?:страниц|кнопк|нажм|портал)\w*", re.IGNORECASE)


def screen_words(text: str) -> str:
    """The first word of ``text`` that tells the reader to use a screen; empty if none."""
    found = SCREEN_WORDS.search(text)
    return found.group(0) if found else ""


def stored_texts(programme: Programme) -> dict[str, str]:
    """Topic → the Markdown as written (blank topics are absent)."""
    return {topic: text for topic, text in
            HandbookText.objects.filter(programme=programme).values_list("topic", "text")
            if text.strip()}


def printed_texts(programme: Programme) -> dict[str, SafeString]:
    """Topic → the section's HTML for the handbook; a blank section is absent, so the
    handbook leaves it out instead of printing a placeholder."""
    return {topic: render_markdown(text) for topic, text in stored_texts(programme).items()}


@transaction.atomic
def save_handbook_texts(*, programme: Programme, texts: dict[str, str],
                        user: User | None) -> list[str]:
    """Store the texts of the given topics; returns the topics that changed."""
    current = {row.topic: row for row in
               HandbookText.objects.select_for_update().filter(programme=programme)}
    changed = []
    for topic in HandbookTopic.values:
        if topic not in texts:
            continue
        text = texts[topic].strip().replace("\r\n", "\n")
        row = current.get(topic)
        if row is None and not text:
            continue
        if row is not None and row.text == text:
            continue
        if row is None:
            row = HandbookText(programme=programme, topic=topic)
        row.text = text
        row.updated_by = user
        row.save()
        changed.append(topic)
    return changed
