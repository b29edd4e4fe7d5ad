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


@transaction.atomic
def load_ermakovsky_aspects() -> dict[str, int]:
    """Create the map once; a second run changes nothing."""
    municipality = Municipality.objects.get(name=MUNICIPALITY)
    aspects = []
    for wording, kind in ASPECTS:
        found = Aspect.objects.filter(municipality=municipality, wording=wording).first()
        aspects.append(found or catalogue.create_aspect(
            municipality=municipality, wording=wording, process_kind=kind))
    organizations = {organization.short_name: organization for organization in
                     Organization.objects.filter(municipality=municipality)}
    named = [line.short_name for line in LINES if line.counts is not None]
    if not Statement.objects.filter(organization__municipality=municipality).exists():
        for position, short_name in enumerate(named):
            ranks: dict[tuple[str, str], int] = {}
            for index, side in _lines_of(position):
                aspect = aspects[index]
                key = (aspect.process_kind, side)
                ranks[key] = ranks.get(key, 0) + 1
                catalogue.record_statement(
                    organization=organizations[short_name], school_year=YEAR,
                    text=aspect.wording, process_kind=aspect.process_kind, side=side,
                    rank=ranks[key], source=StatementSource.DEMO, aspect=aspect)
        for short_name, text, kind, side in OWN_WORDS:
            catalogue.record_statement(organization=organizations[short_name],
                                       school_year=YEAR, text=text, process_kind=kind,
                                       side=side, rank=9, source=StatementSource.DEMO)
    statements = Statement.objects.filter(organization__municipality=municipality)
    return {"aspects": len(aspects), "statements": statements.count(),
            "organizations": statements.values("organization").distinct().count(),
            "unlinked": statements.filter(aspect__isnull=True).count()}
