"""Excel import and export of expert results of person diagnostics.

One row is one person's level in one area of a round: «Диагностика», «Организация», «ФИО»,
«Область компетенций», «Уровень». The level is a title (or a rank) of that round's scale. A
file is loaded whole or not at all, as every table of the portal; the rows are written
through ``competence.results.save_expert_results``, so the window and the scale are checked
exactly as on the entry page.
"""

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError

from competence.models import PersonResult, PersonRound, ResultSource
from competence.results import ResultEntry, save_expert_results
from core.sheet_headers import Column, normalise
from diagnostics.exports import Sheet
from diagnostics.imports.base import CREATED, ORGANIZATION, UPDATED, Row, TableImport
from diagnostics.imports.matching import OrganizationMatcher
from diagnostics.imports.tables import TableInfo
from people.access import organizations_with_people_for_user
from people.models import Teacher
from people.teachers import record_export
from teams.models import Municipality, Organization

SLUG = "competence_results"
INFO = TableInfo(
    SLUG, "Результаты диагностики компетенций",
    "Работник × диагностика × область компетенций: уровень по шкале диагностики "
    "(экспертная оценка).", personal=True)

COLUMNS = (
    Column("round", "Диагностика", aliases=("диагностика", "название диагностики"),
           required=True),
    ORGANIZATION,
    Column("full_name", "ФИО", aliases=("фио", "ф и о", "работник", "педагог",
                                        "фамилия имя отчество"),
           keywords=(("фамили", "им", "отчеств"),), required=True),
    Column("area", "Область компетенций", aliases=("область", "область компетенций",
                                                   "компетенция"),
           keywords=(("област", "компетенц"),), required=True),
    Column("level", "Уровень", aliases=("уровень", "уровень компетенций"), required=True),
)

INSTRUCTIONS = (
    "Одна строка — уровень одного работника в одной области компетенций (экспертная оценка).",
    "Диагностика — её название на портале; уровень — название или ранг уровня её шкалы.",
    "Область компетенций — номер или название, как в списке областей.",
    "Повторная строка того же работника, диагностики и области заменяет сохранённый уровень.",
    "Файл загружается целиком или не загружается вовсе: при любой ошибке ничего не "
    "записывается, а отчёт называет строку, столбец и причину.",
)


class CompetenceResultImport(TableImport):
    title = INFO.title
    columns = COLUMNS
    name_column = "full_name"
    unnamed_row = "нет ФИО работника (итоговая строка или заголовок)"

    def __init__(self, *, municipality: Municipality, imported_by: User | None = None):
        super().__init__(municipality=municipality)
        self.imported_by = imported_by

    def begin(self) -> None:
        self.matcher = OrganizationMatcher(
            Organization.objects.filter(municipality=self.municipality))
        self.rounds = {normalise(r.title): r for r in PersonRound.objects.filter(
            municipality=self.municipality).prefetch_related("competence_areas", "levels")}
        self.people = {(t.organization_id, normalise(t.full_name)): t
                       for t in Teacher.objects.filter(
                           organization__municipality=self.municipality)
                       .select_related("organization")}
        self.stored = set(PersonResult.objects.filter(
            round__municipality=self.municipality, source=ResultSource.EXPERT)
            .values_list("round_id", "teacher_id", "area_id"))

    def import_row(self, row: Row) -> str | None:
        person_round = self._round(row)
        teacher = self._teacher(row)
        if person_round is None or teacher is None:
            return None
        area = self._pick(row, "area", person_round.competence_areas.all(),
                          lambda a: (str(a.number), normalise(a.title)), "области")
        level = self._pick(row, "level", person_round.levels.all(),
                           lambda lv: (str(lv.rank), normalise(lv.title)), "уровня шкалы")
        if area is None or level is None or not self.once(
                row, (person_round.pk, teacher.pk, area.pk),
                f"уровень {teacher.full_name} в области «{area.title}»"):
            return None
        if self.imported_by is None:
            row.problem(None, "загрузка результатов — только со страницы портала")
            return None
        try:
            save_expert_results(person_round=person_round, entered_by=self.imported_by,
                                entries=[ResultEntry(teacher=teacher, area=area, level=level)])
        except ValidationError as error:
            row.problem(None, " ".join(error.messages))
            return None
        known = (person_round.pk, teacher.pk, area.pk) in self.stored
        return UPDATED if known else CREATED

    def _round(self, row: Row) -> PersonRound | None:
        text = row.text("round", required=True)
        if not text:
            return None
        found = self.rounds.get(normalise(text))
        if found is None:
            row.problem("round", f"диагностика «{text}» не найдена; проверьте название")
        return found

    def _teacher(self, row: Row) -> Teacher | None:
        name = row.text("full_name", max_length=200)
        organization_name = row.text("organization", required=True)
        if not organization_name:
            return None
        organization, reason = self.matcher.find(organization_name)
        if organization is None:
            row.problem("organization", reason)
            return None
        teacher = self.people.get((organization.pk, normalise(name)))
        if teacher is None:
            row.problem("full_name", f"работника «{name}» нет в реестре организации "
                                     f"«{organization.short_name}»")
        return teacher

    @staticmethod
    def _pick(row: Row, key: str, choices, keys, what: str):
        text = row.text(key, required=True)
        if not text:
            return None
        wanted = normalise(text)
        for choice in choices:
            if wanted in keys(choice):
                return choice
        row.problem(key, f"«{text}» не найдено среди {what} этой диагностики")
        return None


def results_sheet(*, municipality: Municipality, viewer: User | None) -> Sheet:
    """Expert results of the people ``viewer`` may see by name, in the import's columns;
    taking names out in a file is audited like opening each record."""
    results = list(PersonResult.objects.filter(
        round__municipality=municipality, source=ResultSource.EXPERT,
        teacher__organization__in=organizations_with_people_for_user(viewer)
        if viewer is not None else Organization.objects.filter(municipality=municipality),
    ).select_related("round", "teacher__organization", "area", "level").order_by(
        "-round__starts_on", "round_id", "teacher__organization__short_name",
        "teacher__full_name", "area__number"))
    record_export(teachers=list({r.teacher_id: r.teacher for r in results}.values()),
                  viewer=viewer)
    return Sheet(
        filename="diagnostika-kompetencij.xlsx", title="Компетенции",
        headers=[column.title for column in COLUMNS],
        rows=[(r.round.title, r.teacher.organization.short_name, r.teacher.full_name,
               r.area.title, r.level.title) for r in results],
        widths=[40, 30, 40, 50, 20], instructions=INSTRUCTIONS)


def build(*, municipality: Municipality, imported_by: User | None = None
          ) -> CompetenceResultImport:
    return CompetenceResultImport(municipality=municipality, imported_by=imported_by)
