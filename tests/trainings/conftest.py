"""A platform for teachers of the test district with its head (signed in as a teacher),
a pedagogue-master, a programme with a module and a few trainees."""

import datetime
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import User

from people.models import ModularProgramme, ProgrammeModule, Teacher, TeacherPlatform
from people.models import WorkerCategory as Category
from tests import factories

D = datetime.date


@dataclass
class Training:
    platform: TeacherPlatform
    programme: ModularProgramme
    module: ProgrammeModule
    head: Teacher
    master: Teacher
    young: Teacher
    senior: Teacher
    stranger: Teacher
    head_user: User
    trainee_user: User


@pytest.fixture
def training(world) -> Training:
    head = factories.TeacherFactory(organization=world.school_a, full_name="Руководова Анна",
                                    master_since=D(2019, 9, 1), teaching_since=D(2005, 9, 1))
    master = factories.TeacherFactory(organization=world.school_b, full_name="Мастерова Елена",
                                      master_since=D(2019, 9, 1), teaching_since=D(2001, 9, 1))
    platform = factories.TeacherPlatformFactory(host=world.school_a, head=head,
                                                title="Методическая компетентность")
    platform.masters.add(head, master)
    programme = factories.ModularProgrammeFactory(platform=platform, title="Ступеньки")
    module = ProgrammeModule.objects.create(programme=programme, number=1, title="Урок")
    young = factories.TeacherFactory(organization=world.school_b, full_name="Молодова Ирина",
                                     teaching_since=D(2023, 9, 1))
    senior = factories.TeacherFactory(organization=world.school_c, full_name="Опытнова Вера",
                                      teaching_since=D(2010, 9, 1),
                                      worker_category=Category.PRESCHOOL)
    stranger = factories.TeacherFactory(organization=world.other_organization,
                                        full_name="Чужова Ольга")
    return Training(
        platform=platform, programme=programme, module=module, head=head, master=master,
        young=young, senior=senior, stranger=stranger,
        head_user=factories.teacher_user(head, username="head"),
        trainee_user=factories.teacher_user(young, username="trainee"),
    )
