"""The database holds the rules the schema can state, whatever code writes the rows."""

import datetime

import pytest
from django.db import IntegrityError, transaction

from innovation.catalogue import SEVEN_STAGES, SIXTEEN_SECTIONS, standard_template
from innovation.models import (
    Application,
    ApplicationVersion,
    Consultation,
    InnovationProject,
    PathStage,
    ProjectAssignment,
    StageMove,
)

D = datetime.date


def _refused(create) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        create()


def test_it_seeds_the_seven_stages_and_the_sixteen_sections(innovation, world):
    stages = list(world.programme.innovation_stages.order_by("number"))
    template = standard_template(municipality=world.municipality)

    assert [stage.roman for stage in stages] == ["I", "II", "III", "IV", "V", "VI", "VII"]
    assert [stage.title for stage in stages] == [title for _, title, _ in SEVEN_STAGES]
    assert template.sections.count() == len(SIXTEEN_SECTIONS) == 16
    assert template.sections.get(number=16).title == "Материально-технические затраты"


def test_it_keeps_an_application_with_exactly_one_owner(innovation, world):
    template = standard_template(municipality=world.municipality)

    _refused(lambda: Application.objects.create(template=template, title="Ничья"))
    _refused(lambda: Application.objects.create(template=template, title="Двух хозяев",
                                                project=innovation.project,
                                                programme=world.programme))


def test_it_keeps_one_application_per_project_and_template(innovation, world):
    template = standard_template(municipality=world.municipality)
    Application.objects.create(template=template, title="Первая", project=innovation.project)

    _refused(lambda: Application.objects.create(template=template, title="Вторая",
                                                project=innovation.project))


def test_it_numbers_versions_once(innovation, world):
    application = Application.objects.create(
        template=standard_template(municipality=world.municipality), title="Заявка",
        project=innovation.project)
    ApplicationVersion.objects.create(application=application, number=1)

    _refused(lambda: ApplicationVersion.objects.create(application=application, number=1))
    _refused(lambda: ApplicationVersion.objects.create(application=application, number=0))


def test_it_refuses_a_stage_move_to_the_same_stage_or_without_evidence(innovation):
    stage = innovation.project.stage

    _refused(lambda: StageMove.objects.create(project=innovation.project, from_stage=stage,
                                              to_stage=stage, moved_on=D(2022, 1, 1),
                                              evidence="Приказ"))
    second = PathStage.objects.get(programme=stage.programme, number=2)
    _refused(lambda: StageMove.objects.create(project=innovation.project, from_stage=stage,
                                              to_stage=second, moved_on=D(2022, 1, 1),
                                              evidence=""))


def test_it_keeps_one_project_of_a_school_in_a_year(innovation, world):
    project = innovation.project

    _refused(lambda: InnovationProject.objects.create(
        organization=project.organization, programme=project.programme,
        period=project.period, theme="Второй проект", stage=project.stage))


def test_it_assigns_a_user_to_a_project_once(innovation, world):
    _refused(lambda: ProjectAssignment.objects.create(
        project=innovation.project, user=world.curator, kind="tutor",
        assigned_on=D(2021, 10, 1)))


def test_it_names_another_form_of_help_and_only_then(innovation):
    base = {"project": innovation.project, "held_on": D(2021, 12, 1), "topic": "Тема",
            "advisers": "Иванова Н.А."}

    _refused(lambda: Consultation.objects.create(form="other", form_other="", **base))
    _refused(lambda: Consultation.objects.create(form="webinar", form_other="Форум", **base))


def test_it_numbers_the_stages_of_a_path_once(innovation, world):
    _refused(lambda: PathStage.objects.create(programme=world.programme, number=1,
                                              title="Ещё один первый этап"))
