"""Who gets what from every URL of the project.

Every URL pattern of the project (includes walked recursively) must have a
row in ``POLICY`` with the answer each actor gets (the core rows are here, each
later area's rows in its own module of ``tests/url_policy_rows``); a URL with an id also names
its object in ``OBJECT_OF``, and a POST-only action its data in ``POST_DATA``.
A URL answered differently for another kind of object has more rows, keyed
``name@case`` (``plans_detail@network``), each naming its own object.
A new URL without a row fails ``test_every_url_has_a_policy`` and each of its
own cases, so nobody adds a page without deciding who may open it.

The rules (DESIGN.md): objects outside a user's scope are 404, actions the user
may not take are 403, anonymous users are sent to the login page.
"""

import datetime
from collections.abc import Iterator
from dataclasses import dataclass
from types import SimpleNamespace
from typing import NamedTuple

import pytest
from django.contrib.auth.models import User
from django.db import transaction
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from demo.krymsky import load_demo
from internships.models import (
    Curator,
    Direction,
    Mentorship,
    Period,
    Placement,
    Platform,
    Programme,
    Tier,
)
from people.models import Teacher, WorkerCategory
from teams.models import ManagementTeam, Municipality, Organization, Role, UserProfile
from tests.url_policy_rows import AREAS

ACTORS = (
    "anonymous",
    "staff",
    "curator_own",
    "curator_foreign",
    "school_own",
    "school_foreign",
    "analyst",
    "other_municipality",
    "teacher",
)

# Answers besides plain status codes.
LOGIN = "→login"  # 302 to the portal's login page
ADMIN = "→admin-login"  # 302 to the Django admin's own login page
MOVED = "→elsewhere"  # 302 elsewhere: a done action or the role's start page

# One row per URL name: the answer for each actor, in the order of ACTORS.
# The Django admin is one row under its namespace, checked on its index page.
POLICY: dict[str, tuple] = {
    #                      anonym staff  cur+   cur-   school+ school- analyst other teacher
    "login":               (200,  MOVED, MOVED, MOVED, MOVED, MOVED, MOVED, MOVED, MOVED),
    "logout":              (LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, LOGIN),
    "password_change":     (LOGIN, 200,  200,   200,   200,   200,   200,   200,   200),
    "password_change_done": (LOGIN, 200, 200,   200,   200,   200,   200,   200,   200),
    "lockout_list":        (LOGIN, 200,  403,   403,   403,   403,   403,   200,   403),
    "lockout_lift":        (LOGIN, 404,  403,   403,   403,   403,   403,   404,   403),
    "password_reset":      (200,  200,   200,   200,   200,   200,   200,   200, 200),
    "password_reset_done": (200,  200,   200,   200,   200,   200,   200,   200, 200),
    "password_reset_confirm": (200, 200, 200,   200,   200,   200,   200,   200, 200),
    "password_reset_complete": (200, 200, 200,  200,   200,   200,   200,   200, 200),
    "health":              (LOGIN, 200,  403,   403,   403,   403,   403,   200, 403),
    "health_live":         (200,  200,   200,   200,   200,   200,   200,   200, 200),
    "health_ready":        (200,  200,   200,   200,   200,   200,   200,   200, 200),
    "admin":               (ADMIN, ADMIN, ADMIN, ADMIN, ADMIN, ADMIN, ADMIN, ADMIN, ADMIN),
    "home":                (LOGIN, 200,  200,   200,   MOVED, MOVED, 200,   200, MOVED),
    "matrix":              (LOGIN, 200,  200,   200,   403,   403,   200,   200, 403),
    "matrix_excel":        (LOGIN, 200,  200,   200,   403,   403,   200,   200, 403),
    "organization_list":   (LOGIN, 200,  200,   200,   403,   403,   200,   200, 403),
    "organization_detail": (LOGIN, 200,  200,   200,   200,   404,   200,   404, 200),
    "platform_detail":     (LOGIN, 200,  200,   200,   404,   404,   200,   404, 404),
    "placement_add":       (LOGIN, 200,  403,   403,   404,   404,   403,   404, 404),
    "placement_delete":    (LOGIN, 200,  403,   403,   403,   404,   403,   404, 403),
    "transfer_create":     (LOGIN, 200,  200,   403,   403,   404,   403,   404, 403),
    "mentorship_add":      (LOGIN, 200,  200,   403,   404,   404,   403,   404, 404),
    "mentorship_end":      (LOGIN, MOVED, MOVED, 403,  403,   404,   403,   404, 403),
}  # fmt: skip
# cur+/cur-: a curator of the platform in question / a curator of none of it;
# school+/school-: the team of the organization in question / of another one;
# other: department staff of another municipality; teacher: a teacher of the own school
# (МБОУ СОШ № 4) signed in with the role «Педагогический работник».

# What the <int:pk> of a URL stands for in the data set.
OBJECT_OF = {
    "organization_detail": "organization",
    "platform_detail": "platform",
    "placement_add": "platform",
    "mentorship_add": "platform",
    "placement_delete": "placement",
    "transfer_create": "placement",
    "mentorship_end": "mentorship",
}

# URLs whose arguments are not an object's id, with the arguments to open them with: a
# password-reset link that is not valid (the page says so).
FIXED_ARGUMENTS = {
    "password_reset_confirm": {"uidb64": "MA", "token": "invalid-token"},
}

# Actions that take POST only, with valid-looking data; every other URL is checked with GET.
POST_DATA = {
    "logout": {},
    "lockout_lift": {"username": "nobody"},
    "mentorship_end": {"ended_on": "2022-05-20"},
}


def url_name(key: str) -> str:
    """The URL name of a policy key: ``plans_detail@network`` is a case of ``plans_detail``."""
    return key.split("@", 1)[0]


for _area in AREAS:
    assert not set(_area.ROWS) & set(POLICY), f"{_area.__name__}: строки POLICY повторяются"
    POLICY.update(_area.ROWS)
    OBJECT_OF.update(_area.OBJECT_OF)
    POST_DATA.update(_area.POST_DATA)

# Namespaces declared as one row, and the page each is checked on.
NAMESPACE_ENTRY_PAGES = {"admin": "admin:index"}


@dataclass(frozen=True)
class Route:
    key: str  # the policy key: a URL name, or a namespace declared as a group
    route: str  # the pattern, for messages
    has_arguments: bool


def _walk(patterns, prefix: str = "", namespace: str | None = None) -> Iterator[Route]:
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = entry.namespace
            if namespace and inner:
                inner = f"{namespace}:{inner}"
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern), inner or namespace)
        elif isinstance(entry, URLPattern):
            route = prefix + str(entry.pattern)
            group = namespace.split(":")[0] if namespace else None
            if group in NAMESPACE_ENTRY_PAGES:
                yield Route(group, route, has_arguments=False)
            elif namespace:
                yield Route(f"{namespace}:{entry.name}", route, _has_arguments(entry))
            else:
                yield Route(entry.name or f"<без имени: {route}>", route, _has_arguments(entry))


def _has_arguments(entry: URLPattern) -> bool:
    return entry.pattern.regex.groups > 0


def project_routes() -> dict[str, Route]:
    routes: dict[str, Route] = {}
    for route in _walk(get_resolver().url_patterns):
        routes.setdefault(route.key, route)
    return routes


ROUTES = project_routes()


def test_every_url_has_a_policy():
    missing = sorted(f"{key} ({route.route})" for key, route in ROUTES.items()
                     if key not in POLICY)
    assert not missing, (
        "URL без строки в таблице POLICY (tests/test_url_policy.py): " + ", ".join(missing)
        + ". Решите, кто может открыть страницу, и добавьте строку."
    )


def test_policy_names_only_existing_urls():
    stale = sorted(key for key in POLICY if url_name(key) not in ROUTES)
    assert not stale, f"В POLICY есть строки для несуществующих URL: {', '.join(stale)}"


def test_every_policy_row_has_an_answer_for_every_actor():
    uneven = sorted(key for key, answers in POLICY.items() if len(answers) != len(ACTORS))
    assert not uneven, f"Строки POLICY с числом ответов, не равным {len(ACTORS)}: {uneven}"


def test_every_url_with_an_id_names_its_object():
    unnamed = sorted(key for key, route in ROUTES.items()
                     if route.has_arguments and key not in OBJECT_OF
                     and key not in FIXED_ARGUMENTS)
    assert not unnamed, (
        f"URL с параметрами без объекта в OBJECT_OF: {', '.join(unnamed)}"
    )


@pytest.mark.django_db
def test_post_only_actions_refuse_get(client, dataset):
    client.force_login(User.objects.get(username="staff"))
    response = client.get(reverse("mentorship_end", kwargs={"pk": dataset.targets["mentorship"]}))
    assert response.status_code == 405


class DataSet(NamedTuple):
    targets: dict[str, int]
    usernames: dict[str, str]


@pytest.fixture(scope="module")
def dataset(django_db_setup, django_db_blocker):
    """The demo district and a second one, built once for the module and rolled back after it.

    Each test runs inside its own savepoint on top of this transaction, so a
    test that changes data (ending a mentorship) does not affect the next one.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        yield _build_dataset()
        transaction.set_rollback(True)


def _build_dataset() -> DataSet:
    load_demo()
    municipality = Municipality.objects.get(name__contains="Крымский")
    programme = Programme.objects.get(municipality=municipality)
    period = Period.objects.get(programme=programme)
    # Direction 3 is curated by Пацюк А.А. (the demo curator) and led by
    # МБОУ СОШ № 4 (the demo school).
    platform = Platform.objects.get(direction__programme=programme, direction__number=3,
                                    period=period)
    own_school = Organization.objects.get(municipality=municipality, short_name="МБОУ СОШ № 4")
    foreign_school = Organization.objects.get(municipality=municipality,
                                              short_name="МБОУ СОШ № 1")
    placement = Placement.objects.get(platform=platform, team__organization=own_school)
    mentorship = Mentorship.objects.create(
        platform=platform,
        mentor=own_school.team,
        mentee=ManagementTeam.objects.get(organization__municipality=municipality,
                                          organization__short_name="МБОУ СОШ № 24"),
        started_on=datetime.date(2021, 10, 1),
    )

    curator_user = User.objects.create_user("curator2", first_name="Мария",
                                            last_name="Багинская")
    UserProfile.objects.create(user=curator_user, municipality=municipality, role=Role.CURATOR)
    Curator.objects.create(municipality=municipality, full_name="Без площадок",
                           short_name="Без площадок Б.П.", user=curator_user)
    school_user = User.objects.create_user("school2")
    UserProfile.objects.create(user=school_user, municipality=municipality, role=Role.SCHOOL,
                               organization=foreign_school)

    other = Municipality.objects.create(name="Муниципальное образование Другой район")
    other_programme = Programme.objects.create(
        municipality=other, title="Другой проект", starts_on=datetime.date(2021, 9, 1),
        ends_on=datetime.date(2024, 12, 31),
    )
    other_period = Period.objects.create(programme=other_programme, title="2021–2022",
                                         starts_on=datetime.date(2021, 9, 1),
                                         ends_on=datetime.date(2022, 8, 31))
    other_platform = Platform.objects.create(
        direction=Direction.objects.create(programme=other_programme, number=1,
                                           title="Система качества подготовки обучающихся"),
        period=other_period,
    )
    other_school = Organization.objects.create(municipality=other, name="Школа № 1",
                                               short_name="МБОУ СОШ № 1", level="sosh", number=1)
    Placement.objects.create(platform=other_platform,
                             team=ManagementTeam.objects.create(organization=other_school),
                             tier=Tier.LEADER)
    other_staff = User.objects.create_user("other_staff")
    UserProfile.objects.create(user=other_staff, municipality=other, role=Role.STAFF)
    teacher_user = User.objects.create_user("teacher")
    UserProfile.objects.create(user=teacher_user, municipality=municipality, role=Role.TEACHER,
                               organization=own_school)
    Teacher.objects.create(organization=own_school, full_name="Сидорова Анна Игоревна",
                           position="учитель начальных классов",
                           worker_category=WorkerCategory.TEACHER, user=teacher_user)

    targets = {
        "organization": own_school.pk,
        "platform": platform.pk,
        "placement": placement.pk,
        "mentorship": mentorship.pk,
    }
    # Each area adds the objects its URLs point at, built on the same district.
    context = SimpleNamespace(
        municipality=municipality, programme=programme, period=period, platform=platform,
        own_school=own_school, foreign_school=foreign_school, placement=placement,
        mentorship=mentorship, staff=User.objects.get(username="staff"),
        curator=User.objects.get(username="curator"),
        school_user=User.objects.get(username="school"),
    )
    for area in AREAS:
        added = area.targets(context)
        # Two areas naming their objects alike would point one's URLs at the other's ids.
        clash = sorted(set(added) & set(targets))
        assert not clash, f"{area.__name__}: цели {clash} уже названы другой областью"
        targets.update(added)
    return DataSet(
        targets=targets,
        usernames={
            "staff": "staff",
            "curator_own": "curator",
            "curator_foreign": "curator2",
            "school_own": "school",
            "school_foreign": "school2",
            "analyst": "analyst",
            "other_municipality": "other_staff",
            "teacher": "teacher",
        },
    )


def _cases():
    for key in sorted(set(ROUTES) | set(POLICY)):
        for actor in ACTORS:
            yield pytest.param(key, actor, id=f"{key}-{actor}")


def _url(key: str, dataset: DataSet) -> str:
    name = NAMESPACE_ENTRY_PAGES.get(key, url_name(key))
    if key in OBJECT_OF:
        return reverse(name, kwargs={"pk": dataset.targets[OBJECT_OF[key]]})
    return reverse(name, kwargs=FIXED_ARGUMENTS.get(key))


def _answer(response) -> int | str:
    if response.status_code != 302:
        return response.status_code
    location = response.headers["Location"]
    if location.startswith(reverse("admin:login")):
        return ADMIN
    if location.startswith(reverse("login")):
        return LOGIN
    return MOVED


@pytest.mark.django_db
@pytest.mark.parametrize(("key", "actor"), list(_cases()))
def test_url_policy(client, dataset, key, actor):
    assert key in POLICY, (
        f"URL «{key}» ({ROUTES[key].route}) не описан в POLICY: добавьте строку с ответами "
        f"для {', '.join(ACTORS)}."
    )
    route = ROUTES.get(url_name(key))
    assert route is not None, f"POLICY описывает «{key}», но такого URL в проекте нет."
    assert route.has_arguments == (key in OBJECT_OF or key in FIXED_ARGUMENTS), (
        f"«{key}» ({route.route}): параметры URL и OBJECT_OF не согласованы."
    )
    if actor != "anonymous":
        client.force_login(User.objects.get(username=dataset.usernames[actor]))
    url = _url(key, dataset)
    if url_name(key) in POST_DATA:
        method, response = "POST", client.post(url, POST_DATA[url_name(key)])
    else:
        method, response = "GET", client.get(url)

    expected = POLICY[key][ACTORS.index(actor)]
    assert _answer(response) == expected, (
        f"{method} {url} для «{actor}»: ответ {response.status_code} "
        f"{response.headers.get('Location', '')}, ожидался {expected}"
    )
