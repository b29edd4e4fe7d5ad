"""A contest of the test district: two nominations, two criteria, experts and applications.

    «Инновационный поиск — 2023» (places: 1 winner, 1 prize, 1 laureate), window open today
      nomination «Для ОО» (organizations): СОШ № 1 and Гимназия № 2 applied
      nomination «Для педагогов» (teachers): a teacher of СОШ № 1 applied
      criteria: 1. «Актуальность» 0–10, 2. «Новизна» 0–5
      experts: the school user of Гимназия № 2 (its own organization applied: blocked) and
               the curator, both on «Для ОО»
    A second contest with its own expert, who must not see the first one's applications.
"""

import datetime
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from contests.applying import submit_application
from contests.events import (
    ContestDetails,
    add_window,
    assign_expert,
    create_contest,
    save_criterion,
    save_nomination,
)
from contests.models import Application, Audience, Contest, Criterion, Expert, Nomination
from tests import factories


@dataclass
class ContestWorld:
    contest: Contest
    org_nomination: Nomination
    teacher_nomination: Nomination
    relevance: Criterion
    novelty: Criterion
    school_expert: Expert
    curator_expert: Expert
    app_a: Application
    app_b: Application
    teacher_app: Application
    teacher_user: User
    other_contest: Contest
    other_expert_user: User


def make_contest(programme, title, **details):
    contest = create_contest(programme=programme, details=ContestDetails(
        kind="contest", title=title, year=2023, illustrative=True, winner_places=1,
        prize_places=1, laureate_places=1, **details))
    today = timezone.localdate()
    add_window(contest=contest, opens_on=today - datetime.timedelta(days=3),
               closes_on=today + datetime.timedelta(days=10))
    return contest


@pytest.fixture
def cw(world) -> ContestWorld:
    contest = make_contest(world.programme, "Инновационный поиск — 2023")
    org_nomination = save_nomination(contest=contest, audience=Audience.ORGANIZATION,
                                     title="Для ОО")
    teacher_nomination = save_nomination(contest=contest, audience=Audience.TEACHER,
                                         title="Для педагогов")
    relevance = save_criterion(contest=contest, number=1, title="Актуальность", maximum=10)
    novelty = save_criterion(contest=contest, number=2, title="Новизна", maximum=5)
    school_expert = assign_expert(contest=contest, user=world.school_b_user,
                                  nominations=[org_nomination])
    curator_expert = assign_expert(contest=contest, user=world.curator,
                                   nominations=[org_nomination, teacher_nomination])
    today = timezone.localdate()
    app_a = submit_application(nomination=org_nomination, title="Школа в режиме развития",
                               today=today, organization=world.school_a)
    app_b = submit_application(nomination=org_nomination, title="Гимназия: ключевая проблема",
                               today=today, organization=world.school_b)
    teacher = factories.TeacherFactory(organization=world.school_a,
                                       full_name="Иванова Мария Петровна")
    teacher_user = factories.teacher_user(teacher, username="teacher-a")
    teacher_app = submit_application(nomination=teacher_nomination, title="Проектная идея",
                                     today=today, teacher=teacher)
    other_contest = make_contest(world.programme, "Конференция 2022")
    other_nomination = save_nomination(contest=other_contest, audience=Audience.ORGANIZATION,
                                       title="Доклады")
    other_expert_user = factories.staff_user(world.municipality, username="other-expert")
    other_expert_user.profile.role = "analyst"
    other_expert_user.profile.save()
    assign_expert(contest=other_contest, user=other_expert_user, nominations=[other_nomination])
    return ContestWorld(contest, org_nomination, teacher_nomination, relevance, novelty,
                        school_expert, curator_expert, app_a, app_b, teacher_app, teacher_user,
                        other_contest, other_expert_user)
