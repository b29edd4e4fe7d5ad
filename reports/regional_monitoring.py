"""The region's motivating monitoring (мотивирующий мониторинг региональной системы
образования): its figures for the municipality, one per indicator and academic year, with
the municipality's place among the region's municipalities.

Section 10 of the Krymsky programme names it, beside the municipal quality monitoring, as
a source that shows the project's effect. The region publishes it as a table; staff load
it from Excel through the shared background import (registered in ``reports/apps.py``),
all or nothing, with a Russian report of every bad row. The figures then appear on the
«Показатели проекта» page, in the workbook and in the monitoring report (group
«Мотивирующий мониторинг региональной системы образования»).
"""

import re
from collections import defaultdict
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation

from django.contrib.auth.models import AnonymousUser, User
from django.db import transaction

from core.sheet_headers import Column
from diagnostics.imports.base import CREATED, UPDATED, Row, TableImport, find_period
from diagnostics.imports.tables import TableInfo
from internships.models import Period
from reports.indicator_catalogue import (
    REGIONAL_MONITORING,
    UNIT_SHARE,
    Group,
    Indicator,
    IndicatorValue,
)
from reports.models import RegionalIndicator
from teams.access import has_role, is_staff_of
from teams.models import Municipality, Role

SLUG = "regional_monitoring"
INFO = TableInfo(
    SLUG, "Мотивирующий мониторинг региона",
    "Показатели мотивирующего мониторинга региональной системы образования за учебный год: "
    "значение муниципального образования и его место среди муниципальных образований края.")

COLUMNS = (
    Column("period", "Учебный год", aliases=("учебный год", "год", "период"), required=True),
    Column("number", "№ показателя", aliases=("№", "номер", "№ п/п", "номер показателя",
                                              "№ показателя"), required=True),
    Column("name", "Показатель", aliases=("показатель", "наименование показателя",
                                          "название показателя"),
           keywords=(("показател",),), required=True),
    Column("unit", "Единица", aliases=("единица", "единица измерения", "ед изм", "ед")),
    Column("value", "Значение", aliases=("значение", "значение показателя",
                                         "значение мо"), required=True),
    Column("rank", "Место", aliases=("место", "место мо", "место в рейтинге", "рейтинг")),
    Column("ranked", "Всего МО в рейтинге", aliases=("всего мо", "всего мо в рейтинге",
                                                     "из", "мест всего")),
)

INSTRUCTIONS = (
    "Одна строка — один показатель мотивирующего мониторинга за учебный год: номер и "
    "название, как в таблице региона, значение муниципального образования и его место.",
    "Учебный год — как на портале, например «2023–2024». Единица «%» означает значение в "
    "процентах (от 0 до 100).",
    "Место и число муниципальных образований в рейтинге — целые числа; место не больше их "
    "числа. Если региональная таблица места не даёт, оставьте ячейки пустыми.",
    "Повторная загрузка того же показателя за тот же учебный год заменяет его значение.",
    "Файл загружается целиком или не загружается вовсе: при любой ошибке ничего не "
    "записывается, а отчёт называет строку, столбец и причину.",
)

MAX_VALUE = Decimal("999999999")

FORMULA = ("Значение муниципального образования и его место среди муниципальных образований "
           "края по данным мотивирующего мониторинга региональной системы образования за "
           "учебный год (загружено из таблицы региона); место 1 — лучшее.")


def may_load(user: User | AnonymousUser, municipality_id: int) -> bool:
    """The department's staff load the region's tables."""
    return is_staff_of(user, municipality_id)


def may_load_any(user: User | AnonymousUser) -> bool:
    return has_role(user, Role.STAFF)


def _decimal(row: Row, key: str) -> Decimal | None:
    value = row.raw(key, what="число")
    if value is None:
        row.problem(key, "не заполнено: нужно число")
        return None
    text = re.sub(r"[\s%]+", "", str(value)).replace(",", ".")
    try:
        number = Decimal(text)
    except InvalidOperation:
        row.problem(key, f"нужно число, а не «{value}»")
        return None
    if not number.is_finite() or abs(number) > MAX_VALUE:
        row.problem(key, f"число вне допустимых пределов («{value}»)")
        return None
    return number.quantize(Decimal("0.001"))


class RegionalMonitoringImport(TableImport):
    title = INFO.title
    columns = COLUMNS
    name_column = "name"
    unnamed_row = "нет названия показателя (итоговая строка или заголовок)"
    constraint_messages = {
        "regional_indicator_rank_within_ranked": "место больше числа муниципальных "
                                                 "образований в рейтинге",
        "regional_indicator_percent_range": "значение в процентах — от 0 до 100",
    }

    def begin(self) -> None:
        self.periods: dict[str, Period | None] = {}
        self.stored = {(line.period_id, line.number): line for line in
                       RegionalIndicator.objects.filter(municipality=self.municipality)}

    def _period(self, row: Row) -> Period | None:
        title = row.text("period", required=True)
        if not title:
            return None
        if title not in self.periods:
            self.periods[title] = find_period(self.municipality, title)
        if self.periods[title] is None:
            row.problem("period", f"учебный год «{title}» не найден среди учебных годов "
                                  "проекта")
        return self.periods[title]

    def _figures(self, row: Row) -> dict:
        unit = row.text("unit", max_length=20)
        value = _decimal(row, "value")
        rank = row.integer("rank", maximum=1000)
        ranked = row.integer("ranked", maximum=1000)
        if unit == UNIT_SHARE and value is not None and not 0 <= value <= 100:
            row.problem("value", f"значение в процентах — от 0 до 100, а не {value}")
        if rank == 0:
            row.problem("rank", "место начинается с 1")
        if rank and ranked is not None and rank > ranked:
            row.problem("rank", f"место {rank} больше числа муниципальных образований в "
                                f"рейтинге ({ranked})")
        return {"unit": unit, "value": value, "rank": rank, "ranked": ranked}

    def import_row(self, row: Row) -> str | None:
        period = self._period(row)
        number = row.text("number", required=True, max_length=20).rstrip(".")
        name = row.text("name", required=True, max_length=500)
        figures = self._figures(row)
        if row.has_problems or not self.once(row, (period.pk, number),
                                             f"показатель № {number} за {period.title}"):
            return None
        line = self.stored.get((period.pk, number))
        if line is None:
            self.stored[period.pk, number] = RegionalIndicator.objects.create(
                municipality=self.municipality, period=period, number=number, name=name,
                **figures)
            return CREATED
        line.name = name
        for key, figure in figures.items():
            setattr(line, key, figure)
        line.illustrative = False
        line.save()
        return UPDATED


def build(*, municipality: Municipality, imported_by: User | None = None
          ) -> RegionalMonitoringImport:
    return RegionalMonitoringImport(municipality=municipality)


@transaction.atomic
def save_regional_figure(*, municipality: Municipality, period: Period, number: str, name: str,
                         unit: str, value: Decimal, rank: int | None, ranked: int | None,
                         illustrative: bool = False) -> RegionalIndicator:
    """Record (or replace) one figure of the region's monitoring for the year."""
    line, _ = RegionalIndicator.objects.update_or_create(
        municipality=municipality, period=period, number=number,
        defaults={"name": name, "unit": unit, "value": value, "rank": rank, "ranked": ranked,
                  "illustrative": illustrative})
    return line


# --- Reads --------------------------------------------------------------------------------

def _indicator(line: RegionalIndicator) -> Indicator:
    return Indicator(code=f"regional_{line.number}", number=f"Р{line.number}", name=line.name,
                     unit=line.unit, group=Group.REGIONAL, formula=FORMULA,
                     short_name=line.name, lower_is_better=False)


def rank_text(line: RegionalIndicator) -> str:
    """«место 5 из 44», «место 5», or «место не указано»."""
    if line.rank is None:
        return "место не указано"
    return f"место {line.rank}" + (f" из {line.ranked}" if line.ranked else "")


def _value(line: RegionalIndicator) -> IndicatorValue:
    indicator = _indicator(line)
    figure = line.value / 100 if indicator.is_share else line.value.normalize()
    note = rank_text(line) + (" (иллюстративные данные)" if line.illustrative else "")
    return IndicatorValue(indicator, figure, note=note)


def regional_values(*, municipality: Municipality,
                    periods: Sequence[Period]) -> dict[int, list[IndicatorValue]]:
    """Period id → the region's figures for the municipality in number order, or one
    «нет данных» line when none were loaded for the year (one query)."""
    found: dict[int, list[IndicatorValue]] = defaultdict(list)
    lines = RegionalIndicator.objects.filter(municipality=municipality, period__in=periods)
    for line in sorted(lines, key=lambda item: _number_key(item.number)):
        found[line.period_id].append(_value(line))
    missing = IndicatorValue(REGIONAL_MONITORING, None,
                             note="показатели мотивирующего мониторинга за учебный год не "
                                  "загружены")
    return {period.pk: found.get(period.pk) or [missing] for period in periods}


def _number_key(number: str) -> tuple:
    return tuple(int(part) if part.isdigit() else 0 for part in re.split(r"\D+", number)
                 if part) or (0,)
