"""The platform's work plan: lines added and changed, held against planned, overdue at home."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from internships import journal
from internships.models import PlannedEvent
from tests.journal.conftest import record

pytestmark = pytest.mark.django_db
D = datetime.date


def plan_post(world, **overrides) -> dict:
    data = {"month": "2022-03", "planned_on": "", "form": "webinar", "form_other": "",
            "topic": "Вебинар по ВСОКО", "responsible": str(world.school_a.team.pk)}
    data.update(overrides)
    return data


def plan_line(world, platform=None, **fields) -> PlannedEvent:
    values = {"month": D(2022, 3, 1), "planned_on": None, "form": "webinar", "form_other": "",
              "topic": "Вебинар", "responsible": None}
    values.update(fields)
    return journal.plan_event(platform=platform or world.own_platform,
                              data=journal.PlanData(**values))


@pytest.mark.parametrize("role", ["staff", "curator"])
def test_it_lets_staff_and_the_own_curator_add_a_plan_line(world, as_role, role):
    response = as_role(role).post(reverse("plan_add", args=[world.own_platform.pk]),
                                  plan_post(world))

    assert response.url == reverse("plan", args=[world.own_platform.pk])
    event = PlannedEvent.objects.get()
    assert (event.month, event.topic, event.responsible) == (
        D(2022, 3, 1), "Вебинар по ВСОКО", world.school_a.team
    )


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"form": "other"}, "Укажите, какая это форма работы."),
        ({"planned_on": "2022-04-02"}, "Дата должна лежать в выбранном месяце (03.2022)."),
        ({"month": "2023-03"}, "Месяц должен лежать в 2021–2022 учебном году"),
        ({"month": "март"}, "Введите месяц в формате ММ.ГГГГ."),
        ({"topic": ""}, "Укажите тему мероприятия."),
    ],
)
def test_it_refuses_a_bad_plan_line(world, as_role, overrides, message):
    response = as_role("curator").post(reverse("plan_add", args=[world.own_platform.pk]),
                                       plan_post(world, **overrides))

    errors = " ".join(m for ms in response.context["form"].errors.values() for m in ms)
    assert message in errors
    assert not PlannedEvent.objects.exists()


def test_it_refuses_a_responsible_team_of_another_platform(world, as_role):
    response = as_role("curator").post(
        reverse("plan_add", args=[world.own_platform.pk]),
        plan_post(world, responsible=str(world.kindergarten.team.pk)),
    )

    assert "Выберите команду этой площадки." in response.content.decode()


def test_it_changes_and_deletes_a_plan_line(world, as_role):
    event = plan_line(world)
    client = as_role("curator")

    client.post(reverse("plan_edit", args=[event.pk]),
                plan_post(world, topic="Новая тема", planned_on="2022-03-20"))
    event.refresh_from_db()
    assert (event.topic, event.planned_on) == ("Новая тема", D(2022, 3, 20))

    client.post(reverse("plan_delete", args=[event.pk]))
    assert not PlannedEvent.objects.exists()


@pytest.mark.parametrize("role, status", [("analyst", 403), ("school_user", 403),
                                          ("outsider", 404)])
def test_it_refuses_changes_to_others(world, as_role, role, status):
    event = plan_line(world)

    assert as_role(role).post(reverse("plan_edit", args=[event.pk]),
                              plan_post(world, topic="X")).status_code == status
    assert as_role(role).post(reverse("plan_delete", args=[event.pk])).status_code == status
    event.refresh_from_db()
    assert event.topic == "Вебинар"


def test_a_curator_of_another_platform_may_read_but_not_change_its_plan(world, as_role):
    event = plan_line(world, platform=world.foreign_platform)
    client = as_role("curator")

    assert client.get(reverse("plan", args=[world.foreign_platform.pk])).status_code == 200
    assert client.get(reverse("plan_edit", args=[event.pk])).status_code == 403
    assert client.get(reverse("plan_add", args=[world.foreign_platform.pk])).status_code == 403


def test_it_shows_the_plan_against_what_was_held(world, as_role, freezer_today):
    held = plan_line(world, month=D(2022, 2, 1), topic="Сессия", form="session")
    record(world, planned_event=held)
    plan_line(world, month=D(2022, 3, 1), planned_on=D(2022, 3, 20), topic="Просроченный")
    plan_line(world, month=D(2022, 5, 1), topic="Впереди")
    record(world, topic="Внеплановый семинар", form="seminar")

    response = as_role("analyst").get(reverse("plan", args=[world.own_platform.pk]))

    plan = response.context["plan"]
    assert [(line.event.topic, line.status) for line in plan.lines] == [
        ("Сессия", "held"), ("Просроченный", "overdue"), ("Впереди", "ahead"),
    ]
    assert [entry.topic for entry in plan.unplanned] == ["Внеплановый семинар"]
    journal_page = as_role("analyst").get(reverse("journal", args=[world.own_platform.pk]))
    assert journal_page.context["plan"].held == 1
    assert "Просроченный" in journal_page.content.decode()


@pytest.fixture
def freezer_today(monkeypatch):
    """Today is 01.04.2022: March's plan lines are past, May's are ahead."""
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: D(2022, 4, 1))


@pytest.mark.parametrize("role", ["staff", "curator", "analyst"])
def test_the_plan_page_costs_the_same_with_few_and_many_lines(
    world, login, django_assert_num_queries, role
):
    client = login(getattr(world, role))
    # Session, user, profile, the platform, the plan with its entries, the entries beyond
    # it; whoever is not department staff also costs the platforms they curate.
    expected = {"staff": 6, "curator": 7, "analyst": 7}[role]
    for size in (2, 40):
        for n in range(size):
            event = plan_line(world, month=D(2022, 1 + n % 6, 1), topic=f"Пункт {n}",
                              responsible=world.school_a.team)
            if n % 2:
                record(world, planned_event=event)
        client.get(reverse("plan", args=[world.own_platform.pk]))
        with django_assert_num_queries(expected):
            client.get(reverse("plan", args=[world.own_platform.pk]))


# The home page -------------------------------------------------------------------------

def test_it_lists_overdue_plan_lines_of_the_curator_s_platforms_at_home(world, as_role):
    own = plan_line(world, month=D(2022, 3, 1), topic="Свой просроченный")
    plan_line(world, platform=world.foreign_platform, topic="Чужой просроченный")
    held = plan_line(world, topic="Проведённый")
    record(world, planned_event=held)

    response = as_role("curator").get(reverse("home"))

    assert [event.pk for event in response.context["overdue_events"]] == [own.pk]
    content = response.content.decode()
    assert "Просроченные пункты планов работы" in content
    assert "Свой просроченный" in content


def test_it_lists_every_overdue_plan_line_to_staff(world, as_role):
    plan_line(world, topic="Свой просроченный")
    plan_line(world, platform=world.foreign_platform, topic="Чужой просроченный")
    plan_line(world, platform=world.other_platform, topic="Другого района")

    response = as_role("staff").get(reverse("home"))

    assert sorted(e.topic for e in response.context["overdue_events"]) == [
        "Свой просроченный", "Чужой просроченный",
    ]


def test_the_analyst_s_home_has_no_overdue_list(world, as_role):
    plan_line(world)
    response = as_role("analyst").get(reverse("home"))
    assert "overdue_events" not in response.context


def test_a_line_with_this_month_or_a_future_date_is_not_overdue(world, as_role, freezer_today):
    plan_line(world, month=D(2022, 4, 1), topic="Этот месяц")
    plan_line(world, month=D(2022, 4, 1), planned_on=D(2022, 4, 1), topic="Сегодня")
    plan_line(world, month=D(2022, 3, 1), planned_on=D(2022, 3, 31), topic="Вчера")

    response = as_role("curator").get(reverse("home"))

    assert [e.topic for e in response.context["overdue_events"]] == ["Вчера"]


def home_queries(client) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        client.get(reverse("home"))
    return [query["sql"] for query in captured.captured_queries]


@pytest.mark.parametrize("role", ["staff", "curator"])
def test_the_overdue_list_costs_one_query_whatever_its_length(world, login, role):
    client = login(getattr(world, role))
    client.get(reverse("home"))
    without = home_queries(client)
    plan_line(world, topic="Пункт", responsible=world.school_b.team)
    few = home_queries(client)
    for n in range(30):
        plan_line(world, topic=f"Пункт {n}", responsible=world.school_b.team)
    many = home_queries(client)

    assert len(few) == len(many) == len(without)
    assert sum('"internships_plannedevent"' in sql for sql in many) == 1
