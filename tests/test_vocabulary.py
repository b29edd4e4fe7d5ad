"""One vocabulary: tier names come from internships.models (the engine's words are the same),
and known misspellings do not come back into pages."""

import re
from pathlib import Path

import pytest
from django.urls import reverse

from distribution.engine import TIER_TITLES
from internships.models import TIER_SHORT, Tier

ROOT = Path(__file__).resolve().parent.parent
# Lower-case abbreviations a page must spell in capitals.
MISSPELT = re.compile(r"(?<![\w])(гиа|огэ|егэ|шнор|оо)(?![\w])")


def test_the_engine_names_tiers_with_the_portal_s_words():
    assert {str(tier): TIER_SHORT[tier] for tier in Tier} == TIER_TITLES


def test_no_template_spells_an_abbreviation_in_lower_case():
    found = [f"{path.relative_to(ROOT)}: {match.group(0)}"
             for path in (ROOT / "templates").rglob("*.html")
             for match in MISSPELT.finditer(path.read_text(encoding="utf-8"))]
    assert found == []


@pytest.mark.django_db
def test_the_home_page_heads_its_tier_columns_with_the_tier_names(world, as_role):
    page = as_role("staff").get(reverse("home")).content.decode()

    for tier in Tier:
        assert f'<th class="text-end">{tier.label}</th>' in page
