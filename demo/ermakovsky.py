"""The Ermakovsky demo district: its organizations and their staffing as the district prints
them.

Source: the project «Взаимообучение ОО Ермаковского района» (seed 004), table «Информация о
педагогических работниках ОО в Ермаковском районе на 30.06.2021г». From it come the 29
organizations — 18 schools (two of them branches, listed under their head school, and the
small «Нижнеусинская НШ», which sent no figures), 8 kindergartens and 3 organizations of
additional education — and every count of their staffing lines, as printed.

One row is corrected: «Ойская СШ» prints 22 teachers as 6 + 11 + 4 (= 21) and 1 + 6
attested/п. 18 (more than 6 without a category). Its printed share without a category
(32 %) and КК (68 %) show the intended count, 7 of 22 without a category, which also makes
the printed schools' subtotal (199 without a category) add up. The printed percentages and
subtotals are not copied: the portal computes them from the counts.

Only the organizations, a department login and the staffing are here; the project's other
parts (responsible groups, agreements, the map) belong in modules of their own.
"""

import datetime
from dataclasses import dataclass

from django.db import transaction

from demo.krymsky import _demo_user
from diagnostics.models import Staffing
from diagnostics.monitoring import save_staffing
from diagnostics.monitoring_rules import STAFFING_FIELDS
from teams.models import (
    ManagementTeam,
    Municipality,
    Organization,
    OrganizationKind,
    Role,
    SchoolLevel,
)

MUNICIPALITY = "Ермаковский район"
AS_OF = datetime.date(2021, 6, 30)
CORRECTED = "Ойская СШ"

SCHOOL, PRESCHOOL, ADDITIONAL = (OrganizationKind.SCHOOL, OrganizationKind.PRESCHOOL,
                                 OrganizationKind.ADDITIONAL)
SOSH, OOSH, NS = SchoolLevel.SECONDARY, SchoolLevel.BASIC, SchoolLevel.PRIMARY


@dataclass(frozen=True)
class Line:
    """A row of the district's table: the organization and its six counts (Поб, without a
    category, Пп, Пв, attested for the position, п. 18), or None when it sent no figures."""

    name: str
    short_name: str
    kind: str
    level: str = ""
    number: int | None = None
    parent: str = ""
    counts: tuple[int, int, int, int, int, int] | None = None


LINES = [
    Line("МБОУ «Ермаковская СШ № 1»", "Ермаковская СШ № 1", SCHOOL, SOSH, 1,
         counts=(56, 22, 25, 9, 16, 6)),
    Line("МБОУ «Ермаковская СШ № 2»", "Ермаковская СШ № 2", SCHOOL, SOSH, 2,
         counts=(59, 14, 31, 14, 10, 4)),
    Line("Филиал МБОУ «Ермаковская СШ № 2» «Новоозёрновская ОШ»", "Новоозёрновская ОШ",
         SCHOOL, OOSH, parent="Ермаковская СШ № 2", counts=(16, 8, 6, 2, 3, 5)),
    # Printed 22 = 6 + 11 + 4; 7 without a category, as its 32 % and КК 68 % show.
    Line("МБОУ «Ойская СШ»", CORRECTED, SCHOOL, SOSH, counts=(22, 7, 11, 4, 1, 6)),
    Line("МБОУ «Мигнинская СШ»", "Мигнинская СШ", SCHOOL, SOSH, counts=(18, 15, 2, 1, 12, 3)),
    Line("МБОУ «Нижнесуэтуцкая СШ»", "Нижнесуэтуцкая СШ", SCHOOL, SOSH,
         counts=(28, 11, 9, 8, 6, 5)),
    Line("МБОУ «Разъезженская СШ»", "Разъезженская СШ", SCHOOL, SOSH,
         counts=(22, 7, 9, 6, 3, 4)),
    Line("Филиал МБОУ «Разъезженская СШ» «Большереченская СШ»", "Большереченская СШ",
         SCHOOL, SOSH, parent="Разъезженская СШ", counts=(8, 3, 4, 1, 1, 2)),
    Line("МБОУ «Семенниковская СОШ»", "Семенниковская СОШ", SCHOOL, SOSH,
         counts=(21, 13, 7, 1, 13, 0)),
    Line("МБОУ «Танзыбейская СШ»", "Танзыбейская СШ", SCHOOL, SOSH, counts=(18, 8, 6, 4, 8, 0)),
    Line("МБОУ «Жебластинская СШ»", "Жебластинская СШ", SCHOOL, SOSH,
         counts=(21, 15, 4, 2, 15, 0)),
    Line("МБОУ «Григорьевская СШ»", "Григорьевская СШ", SCHOOL, SOSH,
         counts=(18, 14, 2, 2, 9, 5)),
    Line("МБОУ «Новополтавская СШ»", "Новополтавская СШ", SCHOOL, SOSH,
         counts=(18, 8, 7, 3, 7, 1)),
    Line("МБОУ «Верхнеусинская СШ»", "Верхнеусинская СШ", SCHOOL, SOSH,
         counts=(32, 24, 6, 2, 20, 4)),
    Line("МБОУ «Ивановская СШ»", "Ивановская СШ", SCHOOL, SOSH, counts=(14, 6, 5, 3, 5, 1)),
    Line("МБОУ «Салбинская СШ»", "Салбинская СШ", SCHOOL, SOSH, counts=(17, 13, 1, 3, 12, 1)),
    Line("МБОУ «Араданская ОШ»", "Араданская ОШ", SCHOOL, OOSH, counts=(11, 11, 0, 0, 9, 2)),
    Line("МБОУ «Нижнеусинская НШ»", "Нижнеусинская НШ", SCHOOL, NS),
    Line("МБДОУ Ермаковский детский сад № 1 комбинированного вида «Ромашка»",
         "Ермаковский детский сад № 1 «Ромашка»", PRESCHOOL, number=1,
         counts=(18, 9, 8, 1, 5, 1)),
    Line("МБДОУ «Ермаковский детский сад № 3 комбинированного вида»",
         "Ермаковский детский сад № 3", PRESCHOOL, number=3, counts=(12, 8, 3, 1, 1, 7)),
    Line("МБДОУ «Ермаковский детский сад № 4»", "Ермаковский детский сад № 4", PRESCHOOL,
         number=4, counts=(7, 0, 7, 0, 0, 0)),
    Line("МБДОУ «Н-Суэтуцкий детский сад»", "Н-Суэтуцкий детский сад", PRESCHOOL,
         counts=(6, 3, 3, 0, 2, 1)),
    Line("МБДОУ «Ойский детский сад»", "Ойский детский сад", PRESCHOOL,
         counts=(8, 4, 4, 0, 4, 0)),
    Line("МБДОУ Ермаковский детский сад № 2 комбинированного вида «Родничок»",
         "Ермаковский детский сад № 2 «Родничок»", PRESCHOOL, number=2,
         counts=(16, 2, 5, 9, 2, 0)),
    Line("МБДОУ «Ермаковский детский сад комбинированного вида № 5»",
         "Ермаковский детский сад № 5", PRESCHOOL, number=5, counts=(14, 3, 7, 4, 1, 2)),
    Line("МБДОУ «Танзыбейский детский сад»", "Танзыбейский детский сад", PRESCHOOL,
         counts=(7, 5, 2, 0, 4, 1)),
    Line("МБУДО «Ермаковская ДЮСШ «Ланс»", "Ермаковская ДЮСШ «Ланс»", ADDITIONAL,
         counts=(8, 4, 4, 0, 2, 2)),
    Line("МБУ ДО Ермаковская СЮТ", "Ермаковская СЮТ", ADDITIONAL, counts=(8, 4, 2, 2, 2, 2)),
    Line("МБУ ДО Ермаковская ЦДО", "Ермаковская ЦДО", ADDITIONAL, counts=(28, 10, 14, 4, 4, 6)),
]


def _organizations(municipality: Municipality) -> dict[str, Organization]:
    organizations: dict[str, Organization] = {}
    for line in LINES:
        organizations[line.short_name], _ = Organization.objects.update_or_create(
            municipality=municipality, short_name=line.short_name,
            defaults={"name": line.name, "kind": line.kind, "level": line.level,
                      "number": line.number,
                      "parent": organizations[line.parent] if line.parent else None})
        ManagementTeam.objects.get_or_create(organization=organizations[line.short_name])
    return organizations


def _staffing(organizations: dict[str, Organization]) -> int:
    for line in LINES:
        if line.counts is not None:
            save_staffing(organization=organizations[line.short_name], as_of=AS_OF,
                          values=dict(zip(STAFFING_FIELDS, line.counts, strict=True)))
    return Staffing.objects.filter(organization__in=organizations.values()).count()


@transaction.atomic
def load_ermakovsky() -> dict[str, int]:
    """Create or refresh the Ermakovsky district; a second run changes nothing."""
    municipality, _ = Municipality.objects.get_or_create(name=MUNICIPALITY)
    organizations = _organizations(municipality)
    _demo_user("erm-staff", "Татьяна Николаевна", "Белова", municipality, Role.STAFF)
    return {
        "organizations": len(organizations),
        "staffing": _staffing(organizations),
    }
