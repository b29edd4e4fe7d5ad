"""Keeping the platforms for teachers, their modular programmes and the competence areas.

The practice is the Timashevsk project «Научно-методическое сопровождение профессионального
роста педагогов в условиях деятельности стажировочных площадок»: schools and kindergartens
host internship, support and innovation platforms; each has a head and a working group of
pedagogue-masters, and teaches on modular programmes (the project gives them «на 1–1,5 года»,
by competence areas, without hours). The department's staff keep these records.
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, ProtectedError

from people.models import (
    CompetenceArea,
    ModularProgramme,
    ProgrammeModule,
    Teacher,
    TeacherPlatform,
)
from teams.models import Municipality, Organization

# Module numbers stay below this, so renumbering can park the kept modules above it.
MAX_MODULE_NUMBER = 999


@dataclass(frozen=True)
class PlatformInput:
    host: Organization
    kind: str
    title: str
    head: Teacher | None = None
    masters: tuple[Teacher, ...] = ()
    starts_on: datetime.date | None = None
    ends_on: datetime.date | None = None


@dataclass(frozen=True)
class ProgrammeInput:
    title: str
    competence_areas: tuple[CompetenceArea, ...] = ()
    months_from: int | None = None
    months_to: int | None = None
    author: str = ""
    summary: str = ""


@dataclass(frozen=True)
class ModuleInput:
    """One module as the form gives it; ``module_id`` is the stored module it edits."""

    number: int
    title: str
    hours: int | None = None
    form: str = ""
    module_id: int | None = None


def _check_people(data: PlatformInput) -> None:
    municipality_id = data.host.municipality_id
    if data.head is not None and data.head.organization.municipality_id != municipality_id:
        raise ValidationError({"head": "Руководителя можно выбрать только из педагогов "
                                       "своего муниципального образования."})
    strangers = [t.full_name for t in data.masters
                 if t.organization.municipality_id != municipality_id]
    if strangers:
        raise ValidationError({"masters": "В рабочую группу входят педагоги своего "
                                          "муниципального образования: "
                                          f"{', '.join(strangers)} — из другого."})
    not_masters = [t.full_name for t in data.masters if not t.is_master]
    if not_masters:
        raise ValidationError({"masters": f"{', '.join(not_masters)} — не педагог-мастер. "
                                          "В рабочую группу площадки входят только "
                                          "педагоги-мастера."})


def _duplicate_title(data: PlatformInput) -> ValidationError:
    return ValidationError({"title": f"У {data.host.short_name} уже есть площадка с темой "
                                     f"«{data.title.strip()}». Уточните тему."})


@transaction.atomic
def save_platform(*, data: PlatformInput,
                  platform: TeacherPlatform | None = None) -> TeacherPlatform:
    """Create a platform, or rewrite one, with its working group of pedagogue-masters."""
    title = data.title.strip()
    if not title:
        raise ValidationError({"title": "Укажите тему площадки."})
    if data.starts_on and data.ends_on and data.ends_on < data.starts_on:
        raise ValidationError({"ends_on": "Окончание работы не может быть раньше начала."})
    if platform is not None and data.host.municipality_id != platform.host.municipality_id:
        raise ValidationError({"host": "Базу площадки можно выбрать только в своём "
                                       "муниципальном образовании."})
    _check_people(data)
    others = TeacherPlatform.objects.filter(host=data.host, title=title)
    if platform is not None:
        others = others.exclude(pk=platform.pk)
    if others.exists():
        raise _duplicate_title(data)
    platform = platform or TeacherPlatform()
    platform.host, platform.kind, platform.title = data.host, data.kind, title
    platform.head, platform.starts_on, platform.ends_on = data.head, data.starts_on, data.ends_on
    try:
        with transaction.atomic():
            platform.save()
    except IntegrityError as error:
        raise _duplicate_title(data) from error
    platform.masters.set(data.masters)
    return platform


@transaction.atomic
def delete_platform(*, platform: TeacherPlatform) -> None:
    """A platform with programmes stays: its programmes are removed first, deliberately."""
    count = platform.programmes.count()
    if count:
        raise ValidationError(
            f"У площадки «{platform.title}» есть модульные программы ({count}). "
            "Сначала удалите их, затем площадку."
        )
    platform.delete()


def _check_duration(months_from: int | None, months_to: int | None) -> None:
    if months_from is not None and months_from < 1:
        raise ValidationError({"months_from": "Срок обучения — не меньше одного месяца."})
    if months_to is None:
        return
    if months_from is None:
        raise ValidationError({"months_from": "Укажите срок «от», если указан срок «до»."})
    if months_to < months_from:
        raise ValidationError({"months_to": "Срок «до» не может быть меньше срока «от»."})


def _check_modules(modules: list[ModuleInput], programme: ModularProgramme | None) -> None:
    numbers = [module.number for module in modules]
    repeated = sorted({number for number in numbers if numbers.count(number) > 1})
    if repeated:
        raise ValidationError(
            "Номера модулей повторяются: " + ", ".join(map(str, repeated))
            + ". У каждого модуля свой номер.")
    for module in modules:
        if not 1 <= module.number <= MAX_MODULE_NUMBER:
            raise ValidationError(f"Номер модуля — от 1 до {MAX_MODULE_NUMBER}.")
        if not module.title.strip():
            raise ValidationError(f"Модуль {module.number}: укажите название.")
        if module.hours is not None and module.hours < 1:
            raise ValidationError(f"Модуль {module.number}: число часов — положительное "
                                  "или не указано.")
    kept = {module.module_id for module in modules if module.module_id is not None}
    own = set(programme.modules.values_list("pk", flat=True)) if programme else set()
    if kept - own:
        raise ValidationError("Модуль относится к другой программе.")


def _duplicate_programme(title: str) -> ValidationError:
    return ValidationError({"title": f"У площадки уже есть программа «{title}»."})


def _write_modules(programme: ModularProgramme, modules: list[ModuleInput]) -> None:
    kept = [module.module_id for module in modules if module.module_id is not None]
    programme.modules.exclude(pk__in=kept).delete()
    # Park the kept modules out of the way so that swapping two numbers never collides.
    programme.modules.update(number=F("number") + MAX_MODULE_NUMBER + 1)
    stored = {module.pk: module for module in programme.modules.all()}
    for entry in modules:
        module = stored[entry.module_id] if entry.module_id else ProgrammeModule(
            programme=programme)
        module.number, module.title = entry.number, entry.title.strip()
        module.hours, module.form = entry.hours, entry.form.strip()
        module.save()


@transaction.atomic
def save_programme(
    *,
    platform: TeacherPlatform,
    data: ProgrammeInput,
    modules: list[ModuleInput],
    programme: ModularProgramme | None = None,
) -> ModularProgramme:
    """Create a modular programme of the platform, or rewrite one, with its modules.

    Stored modules left out of ``modules`` are removed.
    """
    if programme is not None and programme.platform_id != platform.pk:
        raise ValidationError("Программа относится к другой площадке.")
    title = data.title.strip()
    if not title:
        raise ValidationError({"title": "Укажите название программы."})
    _check_duration(data.months_from, data.months_to)
    foreign = [area.title for area in data.competence_areas
               if area.municipality_id != platform.host.municipality_id]
    if foreign:
        raise ValidationError({"competence_areas": "Области компетенций выбираются из списка "
                                                   "своего муниципального образования."})
    _check_modules(modules, programme)
    others = ModularProgramme.objects.filter(platform=platform, title=title)
    if programme is not None:
        others = others.exclude(pk=programme.pk)
    if others.exists():
        raise _duplicate_programme(title)

    programme = programme or ModularProgramme(platform=platform)
    programme.title, programme.author = title, data.author.strip()
    programme.months_from, programme.months_to = data.months_from, data.months_to
    programme.summary = data.summary.strip()
    try:
        with transaction.atomic():
            programme.save()
    except IntegrityError as error:
        raise _duplicate_programme(title) from error
    programme.competence_areas.set(data.competence_areas)
    _write_modules(programme, modules)
    return programme


@transaction.atomic
def delete_programme(*, programme: ModularProgramme) -> None:
    """A programme someone has completed stays: the record of the completion needs it."""
    try:
        with transaction.atomic():
            programme.delete()
    except ProtectedError as error:
        raise ValidationError(
            f"Программу «{programme.title}» уже завершили работники "
            f"({len(error.protected_objects)}): записи о завершении остаются, поэтому "
            "программу удалить нельзя.") from error


@transaction.atomic
def save_competence_area(
    *,
    municipality: Municipality,
    number: int,
    title: str,
    area: CompetenceArea | None = None,
) -> CompetenceArea:
    """Add a numbered competence area of the municipality, or rename or renumber one."""
    title = " ".join(title.split())
    if not title:
        raise ValidationError({"title": "Укажите название области компетенций."})
    if number < 1:
        raise ValidationError({"number": "Номер — положительное число."})
    if area is not None and area.municipality_id != municipality.pk:
        raise ValidationError("Область компетенций относится к другому муниципальному "
                              "образованию.")
    others = CompetenceArea.objects.filter(municipality=municipality)
    if area is not None:
        others = others.exclude(pk=area.pk)
    if others.filter(number=number).exists():
        raise ValidationError({"number": f"Номер {number} уже занят. Укажите другой."})
    if others.filter(title=title).exists():
        raise ValidationError({"title": f"Область «{title}» уже есть в списке."})
    area = area or CompetenceArea(municipality=municipality)
    area.number, area.title = number, title
    try:
        with transaction.atomic():
            area.save()
    except IntegrityError as error:
        raise ValidationError("Такой номер или название уже есть в списке.") from error
    return area
