"""Import of the staffing table of the Ermakovsky project «Взаимообучение ОО Ермаковского
района»: one line per organization and date."""

import datetime

from core.sheet_headers import Column, normalise
from diagnostics.imports.base import CREATED, ORGANIZATION, UPDATED, Row, TableImport, parse_day
from diagnostics.imports.matching import OrganizationMatcher
from diagnostics.imports.staffing_checks import (
    GROUP_LABELS,
    Block,
    count_warnings,
    is_district_total,
    percent_warnings,
    printed_counts,
)
from diagnostics.models import Staffing
from diagnostics.monitoring_rules import STAFFING_CONSTRAINTS, STAFFING_FIELDS, staffing_problems
from diagnostics.staffing import StaffingFigures
from teams.models import Municipality, Organization

COLUMNS = (
    ORGANIZATION,
    Column("as_of", "На дату", aliases=("на дату", "дата", "по состоянию на")),
    Column("teachers_total", "Всего педагогических работников (Поб)",
           aliases=("всего", "поб", "всего педагогов", "педагогов всего"),
           keywords=(("всего", "педагог"),), required=True),
    Column("without_category", "Не имеют квалификационной категории",
           aliases=("без категории", "не имеют категории"),
           keywords=(("не", "име", "категори"), ("без", "категори")), required=True),
    Column("first_category", "Имеют первую квалификационную категорию (Пп)",
           aliases=("первая", "первая категория", "пп", "первая кк"),
           keywords=(("перв", "категори"),), required=True),
    Column("highest_category", "Имеют высшую квалификационную категорию (Пв)",
           aliases=("высшая", "высшая категория", "пв", "высшая кк"),
           keywords=(("высш", "категори"),), required=True),
    Column("attested_for_position", "Аттестация на соответствие занимаемой должности",
           aliases=("сзд", "соответствие занимаемой должности"),
           keywords=(("аттестаци", "соответств", "должност"),
                     ("аттестован", "соответств"))),
    Column("not_subject_to_attestation",
           "Без категории, не проходят аттестацию на соответствие должности (п. 18 Порядка)",
           aliases=("п 18", "п 18 порядка", "п 18 порядка аттестации"),
           # Four stems: the Ermakovsky table's long heading also names «аттестация»
           # and «должность».
           keywords=(("18", "порядк", "не", "проход"),
                     ("не", "проход", "аттестаци", "категори"))),
    # The portal computes these; a file may carry them (exports do), they are not read.
    Column("share", "Доля без категории, %", aliases=("доля без категории",),
           keywords=(("доля", "без", "категори"),), derived=True),
    Column("quality", "КК = (Пп + Пв) / Поб, %", aliases=("кк", "коэффициент качества"),
           keywords=(("кк",), ("коэффициент", "качеств")), derived=True),
    Column("critical", "Критическое состояние (более 50 %)",
           aliases=("критическое состояние",), keywords=(("критическ",),), derived=True),
)


class StaffingImport(TableImport):
    """One line per organization and date. A table laid out as a district prints it is
    accepted: group headings («Дошкольные организации») and date headings («На
    30.06.2021») are skipped, and each subtotal, the district total and every printed
    share is checked against the rows (a disagreement is a warning, see
    ``staffing_checks``)."""

    title = "Кадровый состав"
    columns = COLUMNS
    constraint_messages = {constraint.name: constraint.violation_error_message
                           for constraint in STAFFING_CONSTRAINTS}

    def __init__(self, *, municipality: Municipality, as_of: datetime.date):
        super().__init__(municipality=municipality)
        self.as_of = as_of

    def begin(self) -> None:
        self.matcher = OrganizationMatcher(
            Organization.objects.filter(municipality=self.municipality))
        self.existing = {
            (line.organization_id, line.as_of): line
            for line in Staffing.objects.filter(organization__municipality=self.municipality)
        }
        self.group = Block()
        self.district = Block()

    def summary_row(self, row: Row, *, name: str) -> None:
        printed = printed_counts(row)
        if not printed:
            return
        district = is_district_total(name)
        block = self.district if district else self.group
        if block.lines and not block.broken:
            subject = (f"итог по муниципалитету (строка {row.number})" if district else
                       f"итог: {block.name(last_row=row.number - 1)}")
            total = block.total
            for reason in count_warnings(printed, total, subject=subject) \
                    + percent_warnings(row, total, subject=subject):
                row.warn(reason)
        self.group = Block()
        if district:
            self.district = Block()

    def _heading(self, row: Row) -> str | None:
        """The skip reason of a group or date heading, which starts a new block."""
        name = row.text("organization")
        group = GROUP_LABELS.get(normalise(name))
        if group is not None:
            self.group = Block(label=group[1])
            return f"заголовок группы «{name}»"
        if parse_day(name.lower().removeprefix("на ").strip()) is not None:
            self.group, self.district = Block(), Block()
            return f"заголовок даты «{name}»"
        return None

    def import_row(self, row: Row) -> str | None:
        outcome = self._import_line(row)
        if row.has_problems:
            # A refused row would make the sums of its blocks wrong: they are not compared.
            self.group.refuse(row)
            self.district.refuse(row)
        return outcome

    def _import_line(self, row: Row) -> str | None:
        counts = {key: row.integer(key) for key in STAFFING_FIELDS if row.has(key)}
        if counts.get("teachers_total") is None and not any(counts.values()) \
                and not row.has_problems:
            # A heading, or a listed organization without figures (an empty line of the
            # source table).
            row.skip(self._heading(row)
                     or "не указано число педагогических работников (строка без данных)")
            return None
        for key in STAFFING_FIELDS[:4]:
            if counts.get(key) is None and not row.has_problems:
                row.problem(key, "не заполнено: нужно целое число")
        organization, reason = self.matcher.find(row.text("organization"))
        if organization is None:
            row.problem("organization", reason)
        as_of = row.date("as_of") or self.as_of
        if row.has_problems:
            return None
        line = self.existing.get((organization.pk, as_of))
        # A column the file lacks keeps the stored figure (a new line starts from 0).
        counts = {key: getattr(line, key, 0) for key in STAFFING_FIELDS} | {
            key: value or 0 for key, value in counts.items()}
        for column, reason in staffing_problems(counts).items():
            row.problem(column, reason)
        if row.has_problems:
            return None
        figures = StaffingFigures(**counts)
        for reason in percent_warnings(row, figures,
                                       subject=f"«{organization.short_name}»"):
            row.warn(reason)
        self.group.add(row, figures, organization.kind)
        self.district.add(row, figures, organization.kind)
        if not self.once(row, (organization.pk, as_of), "кадровый состав этой организации "
                                                        f"на {as_of:%d.%m.%Y}"):
            return None
        if line is None:
            Staffing.objects.create(organization=organization, as_of=as_of, **counts)
            return CREATED
        for key, value in counts.items():
            setattr(line, key, value)
        line.save()
        return UPDATED
