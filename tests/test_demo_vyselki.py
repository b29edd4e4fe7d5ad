"""The Vyselki demo district: the document's path and curators, projects at every stage,
the two programmes' passports as applications in the sixteen sections.

The expected stage titles and curators are copied by hand from the Vyselki application
(seed 002), not from ``demo.vyselki``, so a slip in either shows up here.
"""

from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.urls import reverse

from demo.krymsky import load_demo
from demo.vyselki import MUNICIPALITY, PROGRAMME, load_vyselki
from innovation.models import Application, InnovationProject, StageMove

pytestmark = pytest.mark.django_db


@pytest.fixture
def district():
    load_demo()
    load_vyselki()


def test_it_puts_projects_on_every_stage_of_the_seven(district):
    stages = set(InnovationProject.objects.filter(programme__title=PROGRAMME)
                 .values_list("stage__number", flat=True))

    assert stages == {1, 2, 3, 4, 5, 6, 7}
    assert InnovationProject.objects.filter(programme__title=PROGRAMME, is_pilot=True).exists()
    assert InnovationProject.objects.filter(programme__title=PROGRAMME, is_pilot=False).exists()


def test_it_names_the_stages_and_curators_of_the_document(district):
    project = InnovationProject.objects.get(organization__short_name="МБОУ СОШ № 1",
                                            programme__title=PROGRAMME)
    titles = [stage.title for stage in project.programme.innovation_stages.all()]
    curators = sorted(a.user.get_full_name() for a in project.assignments.filter(
        kind="curator"))

    assert titles[3] == "Проблемный анализ и ключевая проблема"
    assert curators == ["Иванова Н.А.", "Ремель О.Л."]
    assert StageMove.objects.filter(project=project).count() == 6
    assert all("иллюстративные" in move.evidence for move in project.stage_moves.all())


def test_it_loads_both_passports_as_sixteen_section_applications(district):
    vyselki = Application.objects.get(programme__title=PROGRAMME)
    krymsky = Application.objects.get(programme__municipality__name__contains="Крымский")

    answers = {answer.section.number: answer.text
               for answer in krymsky.versions.get().answers.select_related("section")}
    assert len(answers) == 16
    assert "взаимных стажировок" in answers[1]
    assert "Совершенствование инновационной инфраструктуры" in \
        vyselki.versions.get().answers.get(section__number=1).text


def test_it_changes_nothing_on_a_second_run(district):
    counts = (InnovationProject.objects.count(), StageMove.objects.count(),
              Application.objects.count())

    load_vyselki()

    assert (InnovationProject.objects.count(), StageMove.objects.count(),
            Application.objects.count()) == counts


@pytest.mark.parametrize(("username", "page"), [
    ("vys-staff", "innovation_board"), ("vys-curator", "innovation_board"),
    ("vys-school", "innovation_my_projects"), ("vys-tutor", "innovation_my_projects")])
def test_it_lets_each_demo_login_open_its_page(district, client, username, page):
    client.force_login(User.objects.get(username=username))

    response = client.get(reverse(page))

    assert response.status_code == 200
    assert User.objects.get(username=username).profile.municipality.name == MUNICIPALITY


def test_the_load_demo_command_reports_the_vyselki_district():
    out = StringIO()

    call_command("load_demo", stdout=out)

    # The Vyselki lines follow each other; the plans of the districts are reported after them.
    lines = out.getvalue().splitlines()
    district = next(number for number, line in enumerate(lines)
                    if line.startswith("Выселковский район: школ"))
    assert lines[district].startswith(
        "Выселковский район: школ — 12, инновационных проектов — 11, из них пилотных школ — 5.")
    assert lines[district + 1].startswith(
        "Выселковский район: конференция и конкурс «Инновационный поиск» — 2, заявок — ")
    assert any(line.startswith("Межмуниципальные сети (Крымский, Тимашевский, Выселковский "
                               "районы): 3,") for line in lines)
