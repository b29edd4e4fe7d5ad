"""The synthetic municipalities and their organizations: schools with branches,
kindergartens and additional-education organizations, each with its management
team."""

import random
from collections import defaultdict

from demo.synthetic.names import person
from demo.synthetic.scale import (
    MUNICIPALITY_NAME,
    District,
    Scale,
    SyntheticOrganization,
    municipality_sizes,
)
from demo.synthetic.streams import district_streams, stream, weighted
from demo.synthetic.tables import Table, insert
from teams.models import (
    Locality,
    ManagementTeam,
    Municipality,
    Organization,
    OrganizationKind,
    SchoolLevel,
    TeamMember,
)

MARK = " (синтетические данные)"

# Share of organizations by kind, of schools by level (the Krymsky district is the model).
SCHOOL_SHARE = (0.56, 0.64)
PRESCHOOL_SHARE = (0.27, 0.33)
LEVEL_WEIGHTS = [
    (SchoolLevel.SECONDARY, 60), (SchoolLevel.BASIC, 20), (SchoolLevel.PRIMARY, 8),
    (SchoolLevel.GYMNASIUM, 7), (SchoolLevel.LYCEUM, 5),
]
# A basic or primary school is a branch (филиал) of a secondary school this often: about
# 5 % of all organizations.
BRANCH_SHARE = 0.3
RURAL_SHARE = {
    SchoolLevel.SECONDARY: 0.6, SchoolLevel.BASIC: 0.85, SchoolLevel.PRIMARY: 0.85,
    SchoolLevel.GYMNASIUM: 0.1, SchoolLevel.LYCEUM: 0.1,
    OrganizationKind.PRESCHOOL: 0.55, OrganizationKind.ADDITIONAL: 0.4,
}
OWNERSHIP = [
    ("МБОУ", "Муниципальное бюджетное общеобразовательное учреждение", 85),
    ("МАОУ", "Муниципальное автономное общеобразовательное учреждение", 10),
    ("МКОУ", "Муниципальное казённое общеобразовательное учреждение", 5),
]
SCHOOL_WORDS = {
    SchoolLevel.SECONDARY: ("СОШ", "Средняя общеобразовательная школа"),
    SchoolLevel.BASIC: ("ООШ", "Основная общеобразовательная школа"),
    SchoolLevel.PRIMARY: ("НШ", "Начальная общеобразовательная школа"),
    SchoolLevel.GYMNASIUM: ("гимназия", "Гимназия"),
    SchoolLevel.LYCEUM: ("лицей", "Лицей"),
}
ADDITIONAL_KINDS = [
    ("ЦДТ", "Центр детского творчества"),
    ("ДЮСШ", "Детско-юношеская спортивная школа"),
    ("ДШИ", "Детская школа искусств"),
    ("СЮТ", "Станция юных техников"),
    ("ЦДО", "Центр дополнительного образования"),
]
POSITIONS = {
    OrganizationKind.SCHOOL: [
        "директор", "заместитель директора по учебно-воспитательной работе",
        "заместитель директора по воспитательной работе",
        "заместитель директора по научно-методической работе",
    ],
    OrganizationKind.PRESCHOOL: [
        "заведующий", "старший воспитатель",
        "заместитель заведующего по воспитательно-методической работе", "педагог-психолог",
    ],
    OrganizationKind.ADDITIONAL: [
        "директор", "заместитель директора по учебно-воспитательной работе", "методист",
        "заместитель директора по организационно-массовой работе",
    ],
}
BRANCH_HEAD = "заведующий филиалом"


def generate_municipalities(*, scale: Scale, count: int) -> dict[str, int]:
    """«Синтетическое МО 0001», «… 0002», …, marked synthetic."""
    created = insert([Municipality(name=MUNICIPALITY_NAME.format(number), is_synthetic=True)
                       for number in range(1, count + 1)])
    scale.districts = [District(number=number, pk=municipality.pk)
                       for number, municipality in enumerate(created, start=1)]
    return {"municipalities": len(created)}


def _school_names(rng: random.Random, level: str, number: int) -> tuple[str, str]:
    short_ownership, ownership = weighted(
        rng, [((short, full), weight) for short, full, weight in OWNERSHIP])
    short_level, level_words = SCHOOL_WORDS[level]
    return (f"{short_ownership} {short_level} № {number}",
            f"{ownership} «{level_words} № {number}»{MARK}")


def _rural(rng: random.Random, key: str) -> bool:
    return rng.random() < RURAL_SHARE[key]


def district_organizations(*, rng: random.Random, size: int) -> list[SyntheticOrganization]:
    """The organizations of one municipality: schools (with branches of secondary schools),
    kindergartens and additional-education organizations, numbered as a district numbers
    them."""
    schools = max(1, round(size * rng.uniform(*SCHOOL_SHARE)))
    preschool = min(size - schools, round(size * rng.uniform(*PRESCHOOL_SHARE)))
    additional = size - schools - preschool
    levels, weights = zip(*LEVEL_WEIGHTS, strict=True)
    # The first school is a secondary one, so every district has a head for branches and
    # graduates sitting the state exams.
    school_levels = [SchoolLevel.SECONDARY, *rng.choices(levels, weights=weights,
                                                         k=schools - 1)]
    branch = [level in (SchoolLevel.BASIC, SchoolLevel.PRIMARY) and rng.random() < BRANCH_SHARE
              for level in school_levels]
    organizations = []
    number = 0
    for level, is_branch in zip(school_levels, branch, strict=True):
        if is_branch:
            continue
        number += 1
        short_name, name = _school_names(rng, level, number)
        organizations.append(SyntheticOrganization(
            OrganizationKind.SCHOOL, level, number, short_name, name, _rural(rng, level)))
    for number in range(1, preschool + 1):
        organizations.append(SyntheticOrganization(
            OrganizationKind.PRESCHOOL, "", number, f"МБДОУ д/с № {number}",
            "Муниципальное бюджетное дошкольное образовательное учреждение "
            f"«Детский сад № {number}»{MARK}",
            _rural(rng, OrganizationKind.PRESCHOOL)))
    numbers: dict[str, int] = defaultdict(int)
    for _ in range(additional):
        short_kind, kind_words = rng.choice(ADDITIONAL_KINDS)
        numbers[short_kind] += 1
        organizations.append(SyntheticOrganization(
            OrganizationKind.ADDITIONAL, "", numbers[short_kind],
            f"МБУ ДО {short_kind} № {numbers[short_kind]}",
            "Муниципальное бюджетное учреждение дополнительного образования "
            f"«{kind_words} № {numbers[short_kind]}»{MARK}",
            _rural(rng, OrganizationKind.ADDITIONAL)))
    heads = [index for index, item in enumerate(organizations)
             if item.level == SchoolLevel.SECONDARY]
    branches_of: dict[int, int] = defaultdict(int)
    for level, is_branch in zip(school_levels, branch, strict=True):
        if not is_branch:
            continue
        parent = rng.choice(heads)
        branches_of[parent] += 1
        head = organizations[parent]
        order = branches_of[parent]
        level_words = SCHOOL_WORDS[level][1].lower()
        organizations.append(SyntheticOrganization(
            OrganizationKind.SCHOOL, level, None, f"{head.short_name}, филиал № {order}",
            f"Филиал № {order} ({level_words}) — {head.name.removesuffix(MARK)}{MARK}",
            _rural(rng, level), parent=parent))
    for item in organizations:
        item.members = rng.randint(2, 4)
    return organizations


def generate_organizations(*, scale: Scale, organizations: int, seed: int) -> dict[str, int]:
    """Organizations spread over the municipalities, each with a team of 2–4 members."""
    sizes = municipality_sizes(municipalities=len(scale.districts),
                               organizations=organizations, rng=stream(seed, "sizes"))
    streams = district_streams(seed, "organizations", scale)
    for district, size in zip(scale.districts, sizes, strict=True):
        district.organizations = district_organizations(rng=streams[district.number],
                                                        size=size)

    everything = [item for district in scale.districts for item in district.organizations]
    pks = scale.ids.take(Organization, len(everything))
    team_pks = scale.ids.take(ManagementTeam, len(everything))
    for item, pk, team_pk in zip(everything, pks, team_pks, strict=True):
        item.pk, item.team_pk = pk, team_pk
    rows = Table(Organization, "id", "municipality", "name", "short_name", "kind", "level",
                  "number", "locality", "parent")
    teams = Table(ManagementTeam, "id", "organization")
    members = Table(TeamMember, "team", "full_name", "position", "email")
    for district in scale.districts:
        rng = streams[district.number]
        for item in district.organizations:
            parent = None if item.parent is None else district.organizations[item.parent].pk
            rows.add((item.pk, district.pk, item.name, item.short_name, item.kind, item.level,
                      item.number, Locality.RURAL if item.rural else Locality.URBAN, parent))
            teams.add((item.team_pk, item.pk))
            positions = POSITIONS[item.kind][:item.members]
            if item.parent is not None:
                positions[0] = BRANCH_HEAD
            for position in positions:
                members.add((item.team_pk, person(rng)[0], position, ""))
    return {"organizations": rows.flush(), "teams": teams.flush(),
            "team_members": members.flush()}
