"""What the pages of platforms for teachers show: the list grouped by kind, a platform with
its working group of pedagogue-masters and its modular programmes.

The Timashevsk project «Научно-методическое сопровождение профессионального роста педагогов
в условиях деятельности стажировочных площадок» gives programmes «на 1–1,5 года» and no hours,
so a programme's duration and a module's hours are shown only when they are known.
"""

from dataclasses import dataclass

from django.db.models import Case, Count, IntegerField, Prefetch, QuerySet, Value, When

from people.models import (
    CompetenceArea,
    ModularProgramme,
    PlatformKind,
    ProgrammeModule,
    Teacher,
    TeacherPlatform,
)

# The list's groups: innovation platforms, municipal and regional, go together.
KIND_GROUPS: dict[str, tuple[str, tuple[str, ...]]] = {
    "internship": ("Стажировочные площадки", (PlatformKind.INTERNSHIP,)),
    "support": ("Опорные площадки", (PlatformKind.SUPPORT,)),
    "innovation": ("Инновационные площадки", (PlatformKind.MUNICIPAL_INNOVATION,
                                              PlatformKind.REGIONAL_INNOVATION)),
}
KIND_ORDER = [kind for _, kinds in KIND_GROUPS.values() for kind in kinds]


@dataclass(frozen=True)
class KindGroup:
    key: str
    title: str
    platforms: list[TeacherPlatform]


def listed_platforms(platforms: QuerySet[TeacherPlatform]) -> QuerySet[TeacherPlatform]:
    """The platforms with their host, head and the sizes of their group and offer."""
    return platforms.select_related("host", "head__organization").annotate(
        master_count=Count("masters", distinct=True),
        programme_count=Count("programmes", distinct=True),
        kind_rank=Case(*[When(kind=kind, then=Value(rank)) for rank, kind in
                         enumerate(KIND_ORDER)], output_field=IntegerField()),
    ).order_by("kind_rank", "host__sort_rank", "host__number", "host__short_name", "title")


def group_by_kind(platforms) -> list[KindGroup]:
    """The non-empty groups in the order of KIND_GROUPS, platforms kept in their order."""
    groups = []
    for key, (title, kinds) in KIND_GROUPS.items():
        members = [platform for platform in platforms if platform.kind in kinds]
        if members:
            groups.append(KindGroup(key=key, title=title, platforms=members))
    return groups


def duration_text(*, months_from: int | None, months_to: int | None) -> str:
    """«12–18 мес.», «12 мес.» or «срок не указан»."""
    if months_from is None:
        return "срок не указан"
    if months_to is None or months_to == months_from:
        return f"{months_from} мес."
    return f"{months_from}–{months_to} мес."


def platform_with_people(platforms: QuerySet[TeacherPlatform]) -> QuerySet[TeacherPlatform]:
    """A platform page's lookup: host, head, the working group, the programmes and their
    areas and modules, in a fixed number of queries."""
    return platforms.select_related("host__municipality", "head__organization").prefetch_related(
        Prefetch("masters", queryset=Teacher.objects.select_related("organization")
                 .order_by("full_name", "pk")),
        Prefetch("programmes", queryset=ModularProgramme.objects.order_by("title", "pk")
                 .prefetch_related(
                     Prefetch("competence_areas",
                              queryset=CompetenceArea.objects.order_by("number")),
                     Prefetch("modules", queryset=ProgrammeModule.objects.order_by("number")),
                 )),
    )


@dataclass(frozen=True)
class ProgrammeCard:
    programme: ModularProgramme
    duration: str
    areas: list[CompetenceArea]
    modules: list[ProgrammeModule]


def programme_cards(platform: TeacherPlatform) -> list[ProgrammeCard]:
    """The platform's programmes as the page shows them (``platform`` from
    ``platform_with_people``)."""
    return [
        ProgrammeCard(
            programme=programme,
            duration=duration_text(months_from=programme.months_from,
                                   months_to=programme.months_to),
            areas=list(programme.competence_areas.all()),
            modules=list(programme.modules.all()),
        )
        for programme in platform.programmes.all()
    ]
