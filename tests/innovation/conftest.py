"""Two school projects on the seven-stage path of the test district: СОШ № 1's (its leader
is ``world.school_user``) accompanied by the district's curator and a teacher of ООШ № 3 as
tutor, and Гимназия № 2's with nobody assigned."""

import datetime
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import User

from innovation.models import AssignmentKind, InnovationProject
from innovation.projects import ProjectCard, assign, register_project
from teams.models import Role
from tests import factories

D = datetime.date


@dataclass
class InnovationWorld:
    project: InnovationProject
    other_project: InnovationProject
    tutor: User
    teacher: User


@pytest.fixture
def innovation(world) -> InnovationWorld:
    project = register_project(
        organization=world.school_a, period=world.period, is_pilot=True,
        card=ProjectCard(theme="Школа полного дня", key_problem="Низкая мотивация учащихся"),
        registered_by=world.school_user)
    other = register_project(
        organization=world.school_b, period=world.period, is_pilot=False,
        card=ProjectCard(theme="Цифровая образовательная среда"), registered_by=world.staff)
    tutor = factories.make_user(Role.TEACHER, world.municipality,
                                organization=world.school_c, username="tutor",
                                first_name="Тамара", last_name="Тьюторова")
    assign(project=project, user=world.curator, kind=AssignmentKind.CURATOR,
           assigned_on=D(2021, 10, 1))
    assign(project=project, user=tutor, kind=AssignmentKind.TUTOR, assigned_on=D(2021, 10, 1))
    teacher = factories.make_user(Role.TEACHER, world.municipality,
                                  organization=world.school_c, username="teacher")
    return InnovationWorld(project=project, other_project=other, tutor=tutor, teacher=teacher)
