"""Import of the municipality's organizations: creates new ones, updates known ones."""

import re
from dataclasses import dataclass, replace

from core.sheet_headers import Column, normalise
from diagnostics.imports.base import CREATED, ORGANIZATION, UPDATED, Row, TableImport
from diagnostics.imports.matching import OrganizationMatcher, name_key
from teams.models import (
    Locality,
    ManagementTeam,
    Organization,
    OrganizationKind,
    SchoolLevel,
)

COLUMNS = (
    replace(ORGANIZATION, key="name", title="Полное наименование"),
    Column("short_name", "Краткое наименование",
           aliases=("краткое наименование", "краткое название", "сокращенное наименование"),
           keywords=(("кратк", "наименован"), ("кратк", "назван"), ("сокращ", "наименован"))),
    Column("kind", "Тип", aliases=("тип", "тип организации", "вид", "вид организации",
                                   "тип оо")),
    Column("level", "Уровень школы", aliases=("уровень", "уровень школы", "ступень")),
    Column("number", "Номер", aliases=("номер", "номер организации", "номер оо")),
    Column("locality", "Местность", aliases=("местность", "городская сельская",
                                             "город село", "территория"),
           keywords=(("городск", "сельск"),)),
    Column("parent", "Головная организация (для филиала)",
           aliases=("головная организация", "головная организация для филиала",
                    "головное учреждение", "филиал от", "основная организация"),
           keywords=(("головн",),)),
)

_KINDS = {
    OrganizationKind.SCHOOL: ("общеобразовательная организация", "общеобразовательная",
                              "школа", "оо", "ооо"),
    OrganizationKind.PRESCHOOL: ("дошкольная организация", "дошкольная", "доо", "доу",
                                 "детский сад"),
    OrganizationKind.ADDITIONAL: ("организация дополнительного образования",
                                  "дополнительного образования", "дополнительное образование",
                                  "до", "удо", "одо"),
}
_LEVELS = {
    SchoolLevel.PRIMARY: ("нш", "нош", "начальная", "начальная школа"),
    SchoolLevel.BASIC: ("оош", "ош", "основная", "основная школа"),
    SchoolLevel.SECONDARY: ("сош", "сш", "средняя", "средняя школа"),
    SchoolLevel.GYMNASIUM: ("гимназия",),
    SchoolLevel.LYCEUM: ("лицей",),
}
_LOCALITIES = {
    Locality.URBAN: ("городская", "город", "г", "городская местность"),
    Locality.RURAL: ("сельская", "село", "с", "сельская местность"),
}

# Legal-form abbreviations a full name starts with («МБОУ», «МБУ ДО», «филиал МБОУ»).
_LEGAL_FORM = re.compile(r"^\s*(?:филиал\s+)?м[бак]?(?:доу|удо|оу|у(?:\s+до)?)\s+",
                         re.IGNORECASE)
_QUOTED = re.compile(r"[«\"“„]\s*([^«»\"“”„]+?)\s*[»\"”]")


def _choice(value: str, table: dict) -> str | None:
    text = normalise(value)
    for code, names in table.items():
        if text in names or text == normalise(code.label):
            return code
    return None


def _tidy(text: str) -> str:
    text = re.sub(r"[«»\"“”„]", " ", text)
    text = re.sub(r"№\s*(\d)", r"№ \1", text)
    return " ".join(text.split())


def short_name_of(name: str) -> str:
    """«МБОУ «Ермаковская СШ № 1»» → «Ермаковская СШ № 1»; a branch keeps its own name."""
    segments = _QUOTED.findall(name)
    if name.strip().lower().startswith("филиал") and len(segments) >= 2:
        return _tidy(segments[-1])[:200]
    return _tidy(_LEGAL_FORM.sub("", name, count=1))[:200]


def parent_named_in(name: str) -> str:
    """The head organization a branch's name mentions: «филиал МБОУ «А» «Б»» → «МБОУ «А»»."""
    text = name.strip()
    segments = list(_QUOTED.finditer(text))
    if not text.lower().startswith("филиал") or len(segments) < 2:
        return ""
    return text[len("филиал"):segments[-1].start()].strip()


def kind_of(name: str) -> str:
    key = normalise(name)
    words = set(key.split())
    if "детский сад" in key or words & {"мбдоу", "мадоу", "мкдоу", "доу", "доо"}:
        return OrganizationKind.PRESCHOOL
    if words & {"мбудо", "маудо", "мкудо", "удо", "дюсш", "сют", "цдо", "ддт", "до"}:
        return OrganizationKind.ADDITIONAL
    return OrganizationKind.SCHOOL


def level_of(name: str) -> str:
    words = set(normalise(name).split())
    if words & {"гимназия"}:
        return SchoolLevel.GYMNASIUM
    if words & {"лицей"}:
        return SchoolLevel.LYCEUM
    if words & {"нш", "нош"}:
        return SchoolLevel.PRIMARY
    if words & {"ош", "оош"}:
        return SchoolLevel.BASIC
    if words & {"сш", "сош"}:
        return SchoolLevel.SECONDARY
    return ""


def number_of(name: str) -> int | None:
    found = re.search(r"(?:№|\bN|\bNo\.?)\s*(\d+)", name)
    return int(found.group(1)) if found else None


@dataclass(frozen=True)
class _OrganizationFields:
    """What one row says of an organization."""

    name: str
    short_name: str
    kind: str
    level: str
    number: int | None
    locality: str
    # The head organization's name, from its cell or else from a branch's full name.
    parent_name: str
    # The name came from the full name, not a cell: an unknown head is then no problem.
    parent_inferred: bool


class OrganizationImport(TableImport):
    title = "Образовательные организации"
    columns = COLUMNS
    name_column = "name"
    constraint_messages = {
        "organization_unique_short_name": "такое краткое наименование уже есть у другой "
                                          "организации",
        "organization_level_only_for_schools": "уровень указывается только для школ",
    }

    def begin(self) -> None:
        self.matcher = OrganizationMatcher(
            Organization.objects.filter(municipality=self.municipality))
        self.pending_parents: list[tuple[Row, Organization, str, bool]] = []

    def import_row(self, row: Row) -> str | None:
        fields = self._read_fields(row)
        if row.has_problems:
            return None
        organization, outcome = self._row_organization(row, fields)
        if organization is None:
            return None
        self._apply_fields(organization, fields)
        self._save(organization)
        self._queue_parent(row, organization, fields)
        return outcome

    def _read_fields(self, row: Row) -> _OrganizationFields:
        """The row's cells, with what the full name tells for the cells left empty."""
        name = row.text("name", required=True, max_length=500)
        short_name = row.text("short_name", max_length=200) or short_name_of(name)
        kind = self._read_choice(row, "kind", _KINDS, "тип") or kind_of(name)
        level = self._read_level(row, kind=kind, name=name, short_name=short_name)
        locality = self._read_choice(row, "locality", _LOCALITIES, "местность") or ""
        number = (row.integer("number") if row.raw("number") is not None
                  else number_of(short_name))
        parent_name = row.text("parent")
        inferred = not parent_name and not row.has("parent")
        return _OrganizationFields(
            name=name, short_name=short_name, kind=kind, level=level, number=number,
            locality=locality,
            parent_name=parent_name or (parent_named_in(name) if inferred else ""),
            parent_inferred=inferred,
        )

    def _read_level(self, row: Row, *, kind: str, name: str, short_name: str) -> str:
        """A school's level, from its cell or else its name; "" for every other kind."""
        level = self._read_choice(row, "level", _LEVELS, "уровень")
        if level and kind != OrganizationKind.SCHOOL:
            row.problem("level", "уровень указывается только для школ")
        if not row.raw("level") and kind == OrganizationKind.SCHOOL:
            level = level_of(short_name) or level_of(name)
        return (level or "") if kind == OrganizationKind.SCHOOL else ""

    def _row_organization(self, row: Row, fields: _OrganizationFields
                          ) -> tuple[Organization | None, str | None]:
        """The known organization the row updates, or a new one; (None, None) when an
        earlier row of the file already gave this organization or short name."""
        organization = self._existing(fields.name, fields.short_name)
        if organization is not None and not self.once(row, ("org", organization.pk),
                                                      "эта организация"):
            return None, None
        if not self.once(row, ("short", name_key(fields.short_name)),
                         "это краткое наименование"):
            return None, None
        if organization is None:
            return Organization(municipality=self.municipality), CREATED
        return organization, UPDATED

    @staticmethod
    def _apply_fields(organization: Organization, fields: _OrganizationFields) -> None:
        organization.name = fields.name
        organization.short_name = fields.short_name
        organization.kind = fields.kind
        organization.level = fields.level
        organization.number = fields.number
        organization.locality = fields.locality
        if not fields.parent_name:
            organization.parent = None

    def _save(self, organization: Organization) -> None:
        organization.save()
        ManagementTeam.objects.get_or_create(organization=organization)
        self.matcher.add(organization)

    def _queue_parent(self, row: Row, organization: Organization,
                      fields: _OrganizationFields) -> None:
        """A branch is linked to its head organization in ``finish``, once every row is in."""
        if fields.parent_name:
            self.pending_parents.append(
                (row, organization, fields.parent_name, fields.parent_inferred))

    def finish(self) -> None:
        # Parents are linked last, so a branch may come before its head organization.
        for row, organization, parent_name, inferred in self.pending_parents:
            parent, reason = self.matcher.find(parent_name)
            if parent is None or parent.pk == organization.pk:
                if not inferred:
                    row.problem("parent", reason or "организация не может быть своим филиалом")
                continue
            organization.parent = parent
            organization.save(update_fields=["parent"])

    def _existing(self, name: str, short_name: str) -> Organization | None:
        """The one organization known by this full or short name (None if none or several)."""
        found = self.matcher.all_named(name) | self.matcher.all_named(short_name)
        return next(iter(found)) if len(found) == 1 else None

    @staticmethod
    def _read_choice(row: Row, key: str, table: dict, what: str) -> str | None:
        text = row.text(key)
        if not text:
            return None
        code = _choice(text, table)
        if code is None:
            allowed = ", ".join(f"«{code.label}»" for code in table)
            row.problem(key, f"{what} «{text}» не распознан(а); допустимо: {allowed}")
        return code
