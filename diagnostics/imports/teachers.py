"""Import of the register of teachers (педагогические работники).

A person is found by organization and full name, as the register finds them: a line whose
name the organization already has updates that record, a new name adds a person, and nobody
missing from the file is removed. The status «Педагог-мастер» is the department's to grant,
so no column sets it. Who imports decides where: a school loads only its own people, the
department any organization of its municipality, the command line every one.
"""

import datetime
from dataclasses import replace

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.utils import timezone

from core.sheet_headers import Column, normalise
from diagnostics.imports.base import CREATED, ORGANIZATION, UPDATED, Row, TableImport
from diagnostics.imports.matching import OrganizationMatcher
from people.access import organizations_kept_by_user
from people.models import QualificationCategory, Teacher, WorkerCategory
from people.teachers import (
    TeacherDetails,
    already_says,
    create_teacher,
    details_problems,
    update_teacher,
)
from teams.models import Municipality, Organization

COLUMNS = (
    # Not required in the header: a school's file may leave its own organization out.
    replace(ORGANIZATION, required=False),
    Column("full_name", "ФИО",
           aliases=("фио", "ф и о", "фамилия имя отчество", "фио работника", "фио педагога",
                    "работник", "педагог", "педагогический работник"),
           keywords=(("фамили", "им", "отчеств"),), required=True),
    Column("position", "Должность", aliases=("должность", "занимаемая должность"),
           keywords=(("должност",),), required=True),
    Column("subjects", "Предметы",
           aliases=("предмет", "предметы", "преподаваемый предмет", "преподаваемые предметы",
                    "дисциплины"),
           keywords=(("предмет",),)),
    Column("worker_category", "Категория работника",
           aliases=("категория работника", "категория педагога", "категория персонала"),
           keywords=(("категори", "работник"),), required=True),
    Column("teaching_since", "Педагогический стаж с",
           aliases=("стаж с", "педагогический стаж с", "начало педагогической деятельности",
                    "дата начала педагогической деятельности", "дата начала стажа"),
           keywords=(("стаж",), ("начал", "педагогическ", "деятельност"))),
    Column("qualification", "Квалификационная категория",
           aliases=("квалификационная категория", "категория", "кк", "квалификация"),
           keywords=(("квалификационн", "категори"),)),
    Column("qualified_on", "Дата присвоения категории",
           aliases=("дата присвоения категории", "дата присвоения", "категория с",
                    "дата присвоения квалификационной категории"),
           keywords=(("дата", "присвоени"), ("дата", "присвоени", "категори"))),
)
_COLUMN_KEYS = frozenset(column.key for column in COLUMNS)

# The register's labels are always understood; these are the other ways tables write them.
_WORKER_CATEGORIES = {
    WorkerCategory.TEACHER: ("учитель",),
    WorkerCategory.PRESCHOOL: ("педагог доу", "педагог дошкольного образования",
                               "воспитатель"),
    WorkerCategory.ADDITIONAL: ("педагог до", "пдо"),
    WorkerCategory.MANAGER: ("руководитель", "руководящий"),
    WorkerCategory.METHODOLOGIST: ("специалист тмс", "специалист цро", "методист"),
}
_QUALIFICATIONS = {
    QualificationCategory.NONE: ("нет", "не имеет", "без кк"),
    QualificationCategory.POSITION: ("сзд", "соответствие", "соответствие должности"),
    QualificationCategory.FIRST: ("первая категория", "первая квалификационная категория"),
    QualificationCategory.HIGHEST: ("высшая категория", "высшая квалификационная категория"),
}

INSTRUCTIONS = (
    "Одна строка — один педагогический работник.",
    "Работник узнаётся по организации и ФИО: строка с ФИО, которое в организации уже есть, "
    "обновляет его карточку; строка с новым ФИО добавляет работника. Работники, которых нет "
    "в файле, остаются в реестре.",
    "Организация — полное или краткое наименование, как в списке организаций. Школа может "
    "оставить столбец пустым: работники загрузятся в её организацию.",
    "Категория работника: " + ", ".join(f"«{label}»" for label in WorkerCategory.labels)
    + ".",
    "Квалификационная категория: " + ", ".join(
        f"«{label}»" for label in QualificationCategory.labels)
    + "; для категории укажите дату присвоения, для «Без категории» оставьте дату пустой.",
    "Даты — в формате ДД.ММ.ГГГГ. По дате начала педагогического стажа портал отмечает "
    "молодых педагогов (стаж меньше трёх лет).",
    "Статус «Педагог-мастер» присваивает управление образования на портале, в таблице его нет.",
    "Файл загружается целиком или не загружается вовсе: при любой ошибке ничего не "
    "записывается, а отчёт называет строку, столбец и причину.",
)


def _choice(text: str, labels: type[WorkerCategory | QualificationCategory],
            others: dict) -> str | None:
    wanted = normalise(text)
    for code in labels:
        if wanted in (normalise(code.label), normalise(code.value),
                      *(normalise(name) for name in others.get(code, ()))):
            return code
    return None


class TeacherImport(TableImport):
    title = "Педагогические работники"
    columns = COLUMNS
    name_column = "full_name"
    unnamed_row = "нет ФИО работника (итоговая строка или заголовок)"

    def __init__(self, *, municipality: Municipality, imported_by: User | None = None,
                 today: datetime.date | None = None):
        """``imported_by`` None is the command line: every organization of the municipality."""
        super().__init__(municipality=municipality)
        self.imported_by = imported_by
        self.today = today or timezone.localdate()

    def begin(self) -> None:
        organizations = Organization.objects.filter(municipality=self.municipality)
        self.matcher = OrganizationMatcher(organizations)
        if self.imported_by is not None:
            organizations = organizations.filter(
                pk__in=organizations_kept_by_user(self.imported_by).values("pk"))
        self.allowed = {organization.pk: organization for organization in organizations}
        # A school keeps one organization: its rows may leave the organization out.
        self.default = (next(iter(self.allowed.values()))
                        if self.imported_by is not None and len(self.allowed) == 1 else None)
        self.existing = {
            (teacher.organization_id, teacher.full_name): teacher
            for teacher in Teacher.objects.filter(organization__municipality=self.municipality)
        }

    def import_row(self, row: Row) -> str | None:
        organization = self._organization(row)
        details = self._details(row)
        if row.has_problems:
            return None
        for key, reason in details_problems(data=details, today=self.today).items():
            row.problem(key, reason)
        if row.has_problems or not self.once(
                row, (organization.pk, details.full_name),
                f"работник {details.full_name} ({organization.short_name})"):
            return None
        return self._write(row, organization, details)

    def _write(self, row: Row, organization: Organization, details: TeacherDetails
               ) -> str | None:
        teacher = self.existing.get((organization.pk, details.full_name))
        try:
            if teacher is None:
                self.existing[organization.pk, details.full_name] = create_teacher(
                    organization=organization, data=details, user=self.imported_by)
                return CREATED
            if not already_says(teacher=teacher, data=details):
                update_teacher(teacher=teacher, data=details, user=self.imported_by)
        except ValidationError as error:
            for key, messages in error.message_dict.items():
                row.problem(key if key in _COLUMN_KEYS else None, " ".join(messages))
            return None
        return UPDATED

    def _organization(self, row: Row) -> Organization | None:
        """The row's organization, if the importer keeps its people (a problem otherwise)."""
        name = row.text("organization")
        if not name:
            if self.default is None:
                row.problem("organization", "не заполнено: укажите организацию работника")
            return self.default
        organization, reason = self.matcher.find(name)
        if organization is None:
            row.problem("organization", reason)
            return None
        if organization.pk not in self.allowed:
            row.problem("organization", self._not_yours(organization))
            return None
        return organization

    def _not_yours(self, organization: Organization) -> str:
        if self.default is not None:
            return (f"работников организации «{organization.short_name}» загружает она сама "
                    f"или управление образования; в вашем файле могут быть только работники "
                    f"«{self.default.short_name}»")
        return (f"вы не ведёте реестр работников организации «{organization.short_name}»; "
                f"уберите эти строки из файла")

    def _details(self, row: Row) -> TeacherDetails:
        worker_category = self._read_choice(row, "worker_category", WorkerCategory,
                                            _WORKER_CATEGORIES, required=True)
        qualification = self._read_choice(row, "qualification", QualificationCategory,
                                          _QUALIFICATIONS)
        return TeacherDetails(
            full_name=row.text("full_name", max_length=200),
            position=row.text("position", required=True, max_length=200),
            subjects=row.text("subjects", max_length=300),
            worker_category=worker_category or "",
            teaching_since=row.date("teaching_since"),
            qualification=qualification or QualificationCategory.NONE,
            qualified_on=row.date("qualified_on"),
        )

    @staticmethod
    def _read_choice(row: Row, key: str, labels, others: dict, *,
                     required: bool = False) -> str | None:
        text = row.text(key, required=required)
        if not text:
            return None
        code = _choice(text, labels, others)
        if code is None:
            allowed = ", ".join(f"«{label}»" for label in labels.labels)
            row.problem(key, f"«{text}» не распознано; допустимо: {allowed}")
        return code
