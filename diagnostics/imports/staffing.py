"""Import of the staffing table (seed 004): one line per organization and date."""

import datetime

from core.sheet_headers import Column
from diagnostics.imports.base import CREATED, ORGANIZATION, UPDATED, Row, TableImport
from diagnostics.imports.matching import OrganizationMatcher
from diagnostics.models import Staffing
from teams.models import Municipality, Organization

COUNTS = ("teachers_total", "without_category", "first_category", "highest_category",
          "attested_for_position", "not_subject_to_attestation")

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
           # Four stems: the long heading of seed 004 also names «аттестация» and «должность».
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

_TITLES = {column.key: column.title for column in COLUMNS}


class StaffingImport(TableImport):
    title = "Кадровый состав"
    columns = COLUMNS
    constraint_messages = {
        "staffing_categories_sum_to_total": "без категории + первая + высшая должно равняться "
                                            "«Всего»",
        "staffing_without_category_split": "аттестованные на соответствие должности и "
                                           "п. 18 вместе не могут превышать число без категории",
    }

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
        counts = {key: row.integer(key) for key in COUNTS if row.has(key)}
        if counts.get("teachers_total") is None and not any(counts.values()) \
                and not row.has_problems:
            # A listed organization without figures (an empty line of the source table).
            row.skip("не указано число педагогических работников (строка без данных)")
            return None
        for key in COUNTS[:4]:
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
        counts = {key: getattr(line, key, 0) for key in COUNTS} | {
            key: value or 0 for key, value in counts.items()}
        if not self._consistent(row, counts):
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

    @staticmethod
    def _consistent(row: Row, counts: dict[str, int]) -> bool:
        parts = counts["without_category"] + counts["first_category"] + counts[
            "highest_category"]
        if parts != counts["teachers_total"]:
            row.problem("teachers_total", (
                f"без категории ({counts['without_category']}) + первая "
                f"({counts['first_category']}) + высшая ({counts['highest_category']}) = "
                f"{parts}, а всего указано {counts['teachers_total']}"))
        split = counts["attested_for_position"] + counts["not_subject_to_attestation"]
        if split > counts["without_category"]:
            row.problem("without_category", (
                f"аттестованных на соответствие должности ({counts['attested_for_position']}) "
                f"и не проходящих аттестацию по п. 18 ({counts['not_subject_to_attestation']}) "
                f"вместе {split} — больше, чем без категории ({counts['without_category']})"))
        return not row.has_problems
