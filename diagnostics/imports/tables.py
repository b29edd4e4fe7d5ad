"""The five importable tables, and the one entry point browser and commands share."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import BinaryIO

from django.contrib.auth.models import User
from django.utils import timezone

from diagnostics.imports.base import ImportReport, ProgressCallback, TableImport, run_import
from diagnostics.imports.diagnoses import DiagnosisImport, current_round
from diagnostics.imports.indicators import IndicatorImport
from diagnostics.imports.organizations import OrganizationImport
from diagnostics.imports.staffing import StaffingImport
from diagnostics.imports.teachers import TeacherImport
from diagnostics.models import DiagnosticRound
from internships.models import Period
from internships.periods import municipality_default_period
from teams.models import Municipality


@dataclass(frozen=True)
class TableInfo:
    slug: str
    title: str
    description: str
    # Names people (152-ФЗ): only those who may see the names download or load it.
    personal: bool = False


TABLES = {
    "organizations": TableInfo(
        "organizations", "Образовательные организации",
        "Полное и краткое наименование, тип, уровень школы, местность, головная организация "
        "для филиала. Новые организации создаются, знакомые — обновляются."),
    "indicators": TableInfo(
        "indicators", "Показатели мониторинга",
        "Показатели школ за учебный год: ШНОР, признаки необъективности, олимпиады, ГИА, "
        "конкурсы педагогов."),
    "staffing": TableInfo(
        "staffing", "Кадровый состав",
        "Педагогические работники по квалификационным категориям на дату; подходит таблица "
        "«Информация о педагогических работниках ОО» в её обычном виде."),
    "diagnoses": TableInfo(
        "diagnoses", "Результаты диагностики",
        "Команда × диагностика × направление: коды выявленных дефицитов, балл, источник, "
        "комментарий."),
    "teachers": TableInfo(
        "teachers", "Педагогические работники",
        "Реестр педагогов: организация, ФИО, должность, предметы, категория работника, "
        "начало стажа, квалификационная категория с датой. Работник узнаётся по организации "
        "и ФИО: знакомые обновляются, новые добавляются.", personal=True),
}


# Tables of apps above this one (they may import diagnostics, not the other way round):
# slug → (its description, ``builder(municipality=..., imported_by=...)``). Such a table is
# loaded by its own app's pages through ``import_file``; the hub lists only TABLES.
REGISTERED: dict[str, tuple[TableInfo, Callable[..., TableImport]]] = {}


def register_table(info: TableInfo, builder: Callable[..., TableImport]) -> None:
    """Make ``info.slug`` importable with ``import_file`` (called from an AppConfig.ready)."""
    if info.slug in TABLES:
        raise ValueError(f"Таблица «{info.slug}» уже есть.")
    REGISTERED[info.slug] = (info, builder)


def build_table(
    slug: str, *, municipality: Municipality, period: Period | None = None,
    as_of: datetime.date | None = None, diagnostic_round: DiagnosticRound | None = None,
    entered_by: User | None = None, curated_by: User | None = None,
    imported_by: User | None = None,
) -> TableImport:
    """The table with its defaults: the current period, today, the current round.

    ``imported_by`` limits the teachers to the organizations that user keeps (None: all)."""
    if slug == "organizations":
        return OrganizationImport(municipality=municipality)
    if slug == "indicators":
        period = period or municipality_default_period(municipality=municipality,
                                                       today=timezone.localdate())
        return IndicatorImport(municipality=municipality, period=period)
    if slug == "staffing":
        return StaffingImport(municipality=municipality, as_of=as_of or timezone.localdate())
    if slug == "diagnoses":
        return DiagnosisImport(
            municipality=municipality,
            diagnostic_round=diagnostic_round or current_round(municipality),
            entered_by=entered_by, curated_by=curated_by,
        )
    if slug == "teachers":
        return TeacherImport(municipality=municipality, imported_by=imported_by)
    if slug in REGISTERED:
        return REGISTERED[slug][1](municipality=municipality, imported_by=imported_by)
    raise ValueError(slug)


def import_file(slug: str, *, municipality: Municipality, file: BinaryIO, dry_run: bool,
                progress: ProgressCallback | None = None, **options) -> ImportReport:
    """Import (or with ``dry_run`` only check) ``file`` into the table ``slug``."""
    return run_import(table=build_table(slug, municipality=municipality, **options),
                      file=file, dry_run=dry_run, progress=progress)
