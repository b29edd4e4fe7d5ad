"""Import of the staffing table of the Ermakovsky project «Взаимообучение ОО Ермаковского
района»: one line per organization and date."""

import datetime

from core.sheet_headers import Column
from diagnostics.imports.base import CREATED, ORGANIZATION, UPDATED, Row, TableImport
from diagnostics.imports.matching import OrganizationMatcher
from diagnostics.models import Staffing
from diagnostics.monitoring_rules import STAFFING_CONSTRAINTS, STAFFING_FIELDS, staffing_problems
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

    def import_row(self, row: Row) -> str | None:
        counts = {key: row.integer(key) for key in STAFFING_FIELDS if row.has(key)}
        if counts.get("teachers_total") is None and not any(counts.values()) \
                and not row.has_problems:
            # A listed organization without figures (an empty line of the source table).
            row.skip("не указано число педагогических работников (строка без данных)")
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
