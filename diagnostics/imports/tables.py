"""The five tables of the hub, the tables apps above register, and the one entry point
browser, commands and import jobs share."""

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
from diagnostics.models import DiagnosticRound, ImportTable
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


@dataclass(frozen=True)
class Registration:
    """A table of an app above this one (it may import diagnostics, not the other way
    round), loaded through the shared background jobs like the tables of the hub."""

    info: TableInfo
    # ``builder(municipality=..., imported_by=...)``: the table the job runs.
    builder: Callable[..., TableImport]
    # ``may_load(user, municipality_id)``: whether the user may load it there, asked on
    # upload, when the worker runs the job and on the job's page.
    may_load: Callable[[User, int], bool]
    # The URL name of the app's own page that uploads the table (the hub lists only TABLES).
    page: str


REGISTERED: dict[str, Registration] = {}


def register_table(info: TableInfo, builder: Callable[..., TableImport], *,
                   may_load: Callable[[User, int], bool], page: str) -> None:
    """Make ``info.slug`` importable with ``import_file`` and the import jobs (called from an
    AppConfig.ready); the slug must be a value of ``ImportTable``."""
    if info.slug in TABLES:
        raise ValueError(f"Таблица «{info.slug}» уже есть.")
    if info.slug not in ImportTable.values:
        raise ValueError(f"Таблицы «{info.slug}» нет среди таблиц загрузок.")
    REGISTERED[info.slug] = Registration(info, builder, may_load, page)


def table_info(slug: str) -> TableInfo:
    """The description of a hub table or a registered one."""
    return TABLES[slug] if slug in TABLES else REGISTERED[slug].info


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
        return REGISTERED[slug].builder(municipality=municipality, imported_by=imported_by)
    raise ValueError(slug)


def import_file(slug: str, *, municipality: Municipality, file: BinaryIO, dry_run: bool,
                progress: ProgressCallback | None = None, **options) -> ImportReport:
    """Import (or with ``dry_run`` only check) ``file`` into the table ``slug``."""
    return run_import(table=build_table(slug, municipality=municipality, **options),
                      file=file, dry_run=dry_run, progress=progress)
