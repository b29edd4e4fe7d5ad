"""The Ermakovsky map of problems and effective solutions (seed 004, ТЗ part 2).

The aspects are worded after the project's own text: children's results it names (развитие
функциональной грамотности, развитие одарённости, обучающиеся с ОВЗ) for the teaching
process; for the management process the analysis of internal reserves by the monitoring
indicators (ФИОКО, СОКО), the management of the quality of education, the professional
development of managers and teachers and the transfer of effective practices.

The document prints the table's header only: which organization named which aspect, on
which side, and its rank are **illustrative**. A few lines are left in the organizations'
own wording, not yet normalised, for the methodologist to curate.
"""

from django.db import transaction

from aspects import catalogue
from aspects.models import Aspect, ProcessKind, Side, Statement, StatementSource
from demo.ermakovsky import LINES, MUNICIPALITY
from teams.models import Municipality, Organization

YEAR = 2021
PED, MAN = ProcessKind.PEDAGOGICAL, ProcessKind.MANAGEMENT
ASPECTS = [
    ("Развитие функциональной грамотности обучающихся", PED),
    ("Развитие одарённости обучающихся", PED),
    ("Обучение детей с ОВЗ", PED),
    ("Анализ внутренних резервов ОО по показателям мониторинга ФИОКО (СОКО)", MAN),
    ("Управление качеством образования в ОО", MAN),
    ("Профессиональное развитие руководителей и педагогов на ресурсах ОО района", MAN),
    ("Перенос и внедрение эффективных практик в образовательный процесс", MAN),
]
# Lines in an organization's own words, left for curation.
OWN_WORDS = [("Ермаковская СШ № 2", "Читательская грамотность (ФГ) в 5–9 классах", PED,
              Side.OFFER),
             ("Ойский детский сад", "Сопровождение детей с ОВЗ в группе", PED, Side.NEED)]


def _lines_of(position: int) -> list[tuple[int, str]]:
    """An illustrative, deterministic spread: (aspect index, side) pairs of an organization."""
    return [
        (position % 3, Side.NEED),
        (3 + position % 4, Side.NEED),
        ((position + 1) % 3, Side.OFFER),
        (3 + (position + 2) % 4, Side.OFFER),
    ]


def ranked_lists(short_name: str) -> dict[tuple[str, str], list[str]]:
    """The organization's illustrative ranked lists, (process kind, side) → wordings in the
    order of rank: what it names in part 2 of the assignment and what the map shows.
    Empty for an organization that sent the district no figures."""
    named = [line.short_name for line in LINES if line.counts is not None]
    if short_name not in named:
        return {}
    lists: dict[tuple[str, str], list[str]] = {}
    for index, side in _lines_of(named.index(short_name)):
        wording, kind = ASPECTS[index]
        lists.setdefault((kind, side), []).append(wording)
    for own_name, text, kind, side in OWN_WORDS:
        if own_name == short_name:
            lists.setdefault((kind, side), []).append(text)
    return lists


@transaction.atomic
def load_ermakovsky_aspects() -> dict[str, int]:
    """Create the map once; a second run changes nothing. An organization whose lines are
    already on the map (its submitted part 2 of the assignment) keeps them."""
    municipality = Municipality.objects.get(name=MUNICIPALITY)
    aspects = []
    for wording, kind in ASPECTS:
        found = Aspect.objects.filter(municipality=municipality, wording=wording).first()
        aspects.append(found or catalogue.create_aspect(
            municipality=municipality, wording=wording, process_kind=kind))
    on_map = set(Statement.objects.filter(organization__municipality=municipality,
                                          school_year=YEAR).values_list("organization_id",
                                                                        flat=True))
    for organization in Organization.objects.filter(municipality=municipality).order_by("pk"):
        if organization.pk in on_map:
            continue
        for (kind, side), wordings in ranked_lists(organization.short_name).items():
            for rank, text in enumerate(wordings, start=1):
                catalogue.record_statement(
                    organization=organization, school_year=YEAR, text=text,
                    process_kind=kind, side=side, rank=rank, source=StatementSource.DEMO)
    statements = Statement.objects.filter(organization__municipality=municipality)
    return {"aspects": len(aspects), "statements": statements.count(),
            "organizations": statements.values("organization").distinct().count(),
            "unlinked": statements.filter(aspect__isnull=True).count()}
