"""A platform with its programme, a pedagogue-master and a trainee on an individual route,
both signed in as teachers, on top of the test district."""

import datetime
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import User

from people.models import ModularProgramme, Teacher, TeacherPlatform
from routes.enrolment import RouteDetails, create_route
from routes.models import Route, RouteKind, RouteStatus
from routes.steps import add_step
from tests import factories

D = datetime.date


@dataclass
class RouteWorld:
    platform: TeacherPlatform
    programme: ModularProgramme
    master: Teacher
    trainee: Teacher
    route: Route
    master_user: User
    trainee_user: User


def details(world_routes=None, **fields) -> RouteDetails:
    base = {"kind": RouteKind.INDIVIDUAL, "title": "ИОМ молодого педагога",
            "starts_on": D(2022, 9, 1), "ends_on": D(2023, 8, 31),
            "status": RouteStatus.ACTIVE}
    if world_routes is not None:
        base.update(programme=world_routes.programme, master=world_routes.master,
                    participants=(world_routes.trainee,))
    base.update(fields)
    return RouteDetails(**base)


@pytest.fixture
def routes_world(world) -> RouteWorld:
    platform = factories.TeacherPlatformFactory(host=world.school_b,
                                                title="Методическая компетентность")
    programme = factories.ModularProgrammeFactory(platform=platform,
                                                  title="Методические компетенции")
    master = factories.TeacherFactory(organization=world.school_b, full_name="Мастерова Ольга",
                                      teaching_since=D(2000, 9, 1), master_since=D(2018, 5, 31))
    platform.masters.add(master)
    trainee = factories.TeacherFactory(organization=world.school_a, full_name="Юнова Дарья",
                                       teaching_since=D(2021, 9, 1))
    route = create_route(data=RouteDetails(
        programme=programme, kind=RouteKind.INDIVIDUAL, title="ИОМ Юновой Д.",
        master=master, starts_on=D(2022, 9, 1), ends_on=D(2023, 8, 31),
        participants=(trainee,), status=RouteStatus.ACTIVE))
    add_step(route=route, activity="theory", title="Изучить ФГОС", due_on=D(2022, 10, 1))
    add_step(route=route, activity="teaching", title="Провести открытый урок",
             due_on=D(2022, 12, 1))
    return RouteWorld(
        platform=platform, programme=programme, master=master, trainee=trainee, route=route,
        master_user=factories.teacher_user(master, username="master"),
        trainee_user=factories.teacher_user(trainee, username="trainee"),
    )
