"""factory_boy factories for the teams and internships models.

Every factory builds a consistent object graph: a placement's team belongs to the
municipality of its platform, a platform's period and direction share one programme.
"""

import datetime

import factory
from django.contrib.auth.models import User
from factory.django import DjangoModelFactory

from internships.models import (
    Curator,
    Direction,
    Mentorship,
    Period,
    Placement,
    Platform,
    Programme,
    Tier,
    Transfer,
)
from people.models import (
    ModularProgramme,
    PlatformKind,
    Teacher,
    TeacherPlatform,
    WorkerCategory,
)
from teams.models import (
    ManagementTeam,
    Municipality,
    Organization,
    OrganizationKind,
    Role,
    SchoolLevel,
    TeamMember,
    UserProfile,
)

D = datetime.date


class MunicipalityFactory(DjangoModelFactory):
    class Meta:
        model = Municipality
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Муниципальное образование № {n}")


class OrganizationFactory(DjangoModelFactory):
    """An organization together with its management team (``organization.team``)."""

    class Meta:
        model = Organization
        skip_postgeneration_save = True

    municipality = factory.SubFactory(MunicipalityFactory)
    number = factory.Sequence(lambda n: n + 1)
    short_name = factory.LazyAttribute(lambda o: f"СОШ № {o.number}")
    name = factory.LazyAttribute(
        lambda o: f"Муниципальное бюджетное общеобразовательное учреждение {o.short_name}"
    )
    kind = OrganizationKind.SCHOOL
    level = SchoolLevel.SECONDARY
    team = factory.RelatedFactory(
        "tests.factories.TeamFactory", factory_related_name="organization"
    )


class TeamFactory(DjangoModelFactory):
    class Meta:
        model = ManagementTeam

    organization = factory.SubFactory(OrganizationFactory, team=None)


class TeamMemberFactory(DjangoModelFactory):
    class Meta:
        model = TeamMember

    team = factory.SubFactory(TeamFactory)
    full_name = factory.Sequence(lambda n: f"Иванова Мария Петровна {n}")
    position = "заместитель директора"


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = "Анна"
    last_name = factory.Sequence(lambda n: f"Сидорова-{n}")
    password = factory.django.Password("correct-horse-battery")


class UserProfileFactory(DjangoModelFactory):
    class Meta:
        model = UserProfile

    user = factory.SubFactory(UserFactory)
    municipality = factory.SubFactory(MunicipalityFactory)
    role = Role.STAFF
    organization = None


class ProgrammeFactory(DjangoModelFactory):
    class Meta:
        model = Programme

    municipality = factory.SubFactory(MunicipalityFactory)
    title = factory.Sequence(lambda n: f"Взаимные стажировки управленческих команд {n}")
    starts_on = D(2021, 9, 1)
    ends_on = D(2024, 12, 31)


class PeriodFactory(DjangoModelFactory):
    class Meta:
        model = Period

    programme = factory.SubFactory(ProgrammeFactory)
    starts_on = D(2021, 9, 1)
    ends_on = D(2022, 8, 31)
    title = factory.LazyAttribute(lambda o: f"{o.starts_on.year}–{o.ends_on.year}")


class DirectionFactory(DjangoModelFactory):
    class Meta:
        model = Direction

    programme = factory.SubFactory(ProgrammeFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.LazyAttribute(lambda o: f"Направление {o.number}")
    short_title = factory.LazyAttribute(lambda o: f"Стажировка {o.number}")


class CuratorFactory(DjangoModelFactory):
    class Meta:
        model = Curator

    municipality = factory.SubFactory(MunicipalityFactory)
    short_name = factory.Sequence(lambda n: f"Петрова А. {n}.")
    full_name = factory.LazyAttribute(lambda o: f"{o.short_name} (полностью)")
    user = None


class PlatformFactory(DjangoModelFactory):
    class Meta:
        model = Platform
        skip_postgeneration_save = True

    direction = factory.SubFactory(DirectionFactory)
    period = factory.SubFactory(
        PeriodFactory, programme=factory.SelfAttribute("..direction.programme")
    )

    @factory.post_generation
    def curators(self, create, extracted, **kwargs):
        if create and extracted:
            self.curators.add(*extracted)


class PlacementFactory(DjangoModelFactory):
    class Meta:
        model = Placement

    platform = factory.SubFactory(PlatformFactory)
    team = factory.SubFactory(
        TeamFactory,
        organization__municipality=factory.SelfAttribute(
            "...platform.period.programme.municipality"
        ),
    )
    tier = Tier.PROMISING


class TransferFactory(DjangoModelFactory):
    class Meta:
        model = Transfer

    placement = factory.SubFactory(PlacementFactory)
    from_tier = Tier.RESERVE
    to_tier = Tier.PROMISING
    transferred_on = factory.LazyAttribute(lambda o: o.placement.platform.period.starts_on)
    reason = "Решение методического совета"
    recorded_by = None


class MentorshipFactory(DjangoModelFactory):
    """A raw pair: no rule is checked (use ``start_mentorship`` for that)."""

    class Meta:
        model = Mentorship

    platform = factory.SubFactory(PlatformFactory)
    mentor = factory.SubFactory(
        TeamFactory,
        organization__municipality=factory.SelfAttribute(
            "...platform.period.programme.municipality"
        ),
    )
    mentee = factory.SubFactory(
        TeamFactory,
        organization__municipality=factory.SelfAttribute(
            "...platform.period.programme.municipality"
        ),
    )
    started_on = factory.LazyAttribute(lambda o: o.platform.period.starts_on)


def make_user(role: str, municipality: Municipality, *, organization=None, **user_fields) -> User:
    """A user with a role in a municipality."""
    user = UserFactory(**user_fields)
    UserProfileFactory(user=user, municipality=municipality, role=role,
                       organization=organization)
    return user


def staff_user(municipality: Municipality, **user_fields) -> User:
    return make_user(Role.STAFF, municipality, **user_fields)


def analyst_user(municipality: Municipality, **user_fields) -> User:
    return make_user(Role.ANALYST, municipality, **user_fields)


def school_user(organization: Organization, **user_fields) -> User:
    return make_user(Role.SCHOOL, organization.municipality, organization=organization,
                     **user_fields)


def teacher_user(teacher, **user_fields) -> User:
    """An account with the role «Педагогический работник» linked to the person's record."""
    user = make_user(Role.TEACHER, teacher.organization.municipality,
                     organization=teacher.organization, **user_fields)
    teacher.user = user
    teacher.save(update_fields=["user"])
    return user


def curator_user(
    municipality: Municipality, *, platforms=(), curator_fields=None, **user_fields
) -> User:
    """A curator role whose Curator record is linked to the account and assigned to platforms."""
    user = make_user(Role.CURATOR, municipality, **user_fields)
    curator = CuratorFactory(municipality=municipality, user=user, **(curator_fields or {}))
    curator.platforms.add(*platforms)
    return user


class TeacherFactory(DjangoModelFactory):
    class Meta:
        model = Teacher

    organization = factory.SubFactory(OrganizationFactory)
    full_name = factory.Sequence(lambda n: f"Педагогова Анна Тестовна {n}")
    position = "учитель начальных классов"
    subjects = "русский язык, математика"
    worker_category = WorkerCategory.TEACHER
    teaching_since = datetime.date(2020, 9, 1)


class TeacherPlatformFactory(DjangoModelFactory):
    class Meta:
        model = TeacherPlatform

    host = factory.SubFactory(OrganizationFactory)
    kind = PlatformKind.INTERNSHIP
    title = factory.Sequence(lambda n: f"Развитие методических компетенций {n}")


class ModularProgrammeFactory(DjangoModelFactory):
    class Meta:
        model = ModularProgramme

    platform = factory.SubFactory(TeacherPlatformFactory)
    title = factory.Sequence(lambda n: f"Формирование методических компетенций педагогов {n}")
    months_from = 12
    months_to = 18
