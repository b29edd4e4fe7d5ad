"""Import of school monitoring indicators: one line per organization and academic year."""

from core.sheet_headers import Column
from diagnostics.imports.base import (
    CREATED,
    ORGANIZATION,
    UPDATED,
    Row,
    TableImport,
    find_period,
)
from diagnostics.imports.matching import OrganizationMatcher
from diagnostics.models import SchoolIndicator
from diagnostics.monitoring_rules import INDICATOR_COUNTS, INDICATOR_FLAGS, INDICATOR_PARTS
from internships.models import Period
from teams.models import Municipality, Organization

COLUMNS = (
    ORGANIZATION,
    Column("period", "Учебный год", aliases=("учебный год", "год", "период")),
    Column("low_results", "Школа с низкими результатами (ШНОР)",
           aliases=("шнор", "нор", "школа с низкими результатами"),
           keywords=(("низк", "результат"),)),
    Column("non_objective", "Признаки необъективности оценивания",
           keywords=(("необъективн",),)),
    Column("students_total", "Обучающихся всего",
           aliases=("обучающихся", "контингент", "число обучающихся"),
           keywords=(("обучающ",), ("учащ",))),
    Column("olympiad_winners", "Победителей и призёров олимпиад (от муниципального этапа)",
           keywords=(("олимпиад",),)),
    Column("graduates_total", "Выпускников всего", aliases=("выпускников",),
           keywords=(("выпускник",),)),
    Column("graduates_high_gia", "Выпускников с высокими результатами ГИА",
           keywords=(("выпускник", "гиа"), ("высок", "результат"))),
    Column("teachers_total", "Педагогов всего", aliases=("педагогов",),
           keywords=(("педагог",),)),
    Column("teachers_competition_winners",
           "Педагогов — победителей и призёров профессиональных конкурсов",
           keywords=(("педагог", "конкурс"), ("конкурс",))),
)


class IndicatorImport(TableImport):
    title = "Показатели мониторинга"
    columns = COLUMNS
    data_columns = INDICATOR_FLAGS + INDICATOR_COUNTS
    constraint_messages = {rule.constraint: rule.message for rule in INDICATOR_PARTS}

    def __init__(self, *, municipality: Municipality, period: Period | None):
        super().__init__(municipality=municipality)
        self.period = period

    def begin(self) -> None:
        self.matcher = OrganizationMatcher(
            Organization.objects.filter(municipality=self.municipality))
        self.existing = {
            (line.organization_id, line.period_id): line
            for line in SchoolIndicator.objects.filter(
                organization__municipality=self.municipality)
        }
        self.periods: dict[str, Period | None] = {}

    def _period(self, row: Row) -> Period | None:
        title = row.text("period")
        if not title:
            if self.period is None:
                row.problem("period", "не указан учебный год, и в муниципальном образовании "
                                      "нет ни одного учебного года")
            return self.period
        if title not in self.periods:
            self.periods[title] = find_period(self.municipality, title)
        if self.periods[title] is None:
            row.problem("period", f"учебный год «{title}» не найден")
        return self.periods[title]

    def import_row(self, row: Row) -> str | None:
        # Only the columns the file has: a column it lacks leaves the stored value as it is.
        values = {key: row.boolean(key) for key in INDICATOR_FLAGS if row.has(key)}
        values |= {key: row.integer(key) for key in INDICATOR_COUNTS if row.has(key)}
        organization, reason = self.matcher.find(row.text("organization"))
        if organization is None:
            row.problem("organization", reason)
        period = self._period(row)
        line = None
        if organization is not None and period is not None:
            line = self.existing.get((organization.pk, period.pk))
        combined = {key: getattr(line, key, None) for key in INDICATOR_COUNTS} | values
        for rule in INDICATOR_PARTS:
            if rule.exceeded(combined):
                row.problem(rule.part if rule.part in values else rule.whole,
                            rule.reason(combined))
        if row.has_problems:
            return None
        if not self.once(row, (organization.pk, period.pk),
                         f"показатели этой организации за {period.title}"):
            return None
        if line is None:
            SchoolIndicator.objects.create(organization=organization, period=period, **values)
            return CREATED
        for key, value in values.items():
            setattr(line, key, value)
        line.save()
        return UPDATED
