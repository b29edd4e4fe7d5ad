import pytest
from django.contrib.auth.models import User

from demo.timashevsk import load_timashevsk
from people.models import Teacher, WorkerCategory
from routes.access import own_teacher
from routes.models import GrowthEntry, HelpRequest, MentoringPair, Route, StepStatus
from teams.models import Organization
from tests.browser.test_journal_in_browser import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

QUESTION = "Как оценивать групповую работу на уроке?"


def own_teacher_of(username):
    return own_teacher(User.objects.get(username=username))


def _teacher_works_on_the_route(page, live_server, step):
    log_in(page, live_server, "tim-teacher")
    page.goto(f"{live_server.url}/my/")
    with page.expect_navigation():
        page.click("#my-route-link")
    assert "Мой маршрут" in page.text_content("h1")
    card = page.locator(f"#step-{step.pk}")
    card.locator("summary").click()
    card.get_by_label("Отметка").select_option("done")
    card.get_by_label("Что сделано").fill("Разработан фрагмент урока, конспект у мастера.")
    with page.expect_navigation():
        card.locator("button[type=submit]").click()
    assert f"Шаг {step.number}: «Выполнен»." in page.text_content("main")

    journal = page.locator("#journal-form")
    journal.get_by_label("Запись").fill("Провела фрагмент урока в 5 «А».")
    with page.expect_navigation():
        journal.locator("button[type=submit]").click()
    assert "Провела фрагмент урока в 5 «А»." in page.text_content("#journal")

    help_form = page.locator("#help-form")
    help_form.get_by_label("В чём нужна помощь").fill(QUESTION)
    help_form.get_by_label("Педагогу-мастеру").select_option(index=1)
    with page.expect_navigation():
        help_form.locator("button[type=submit]").click()
    assert QUESTION in page.text_content("#help-requests")


def test_a_teacher_works_on_the_route_and_the_master_confirms_and_answers(live_server, page):
    load_timashevsk()
    trainee = own_teacher_of("tim-teacher")
    route = trainee.routes.get()
    step = route.steps.filter(status=StepStatus.IN_PROGRESS).order_by("number").first()
    console_errors = []
    page.on("console", lambda message: message.type == "error" and console_errors.append(
        message.text))

    _teacher_works_on_the_route(page, live_server, step)

    page.context.clear_cookies()
    log_in(page, live_server, "tim-master")
    page.goto(f"{live_server.url}/my/trainees/")
    assert trainee.full_name in page.text_content("#trainees")
    waiting = page.locator("#to-confirm li", has_text="Разработан фрагмент урока")
    with page.expect_navigation():
        waiting.get_by_role("button", name="Подтвердить").click()
    assert f"Шаг {step.number} подтверждён." in page.text_content("main")
    request = page.locator("#help-requests li", has_text=QUESTION)
    request.get_by_label("Ответ").fill("Используйте лист самооценки группы.")
    with page.expect_navigation():
        request.get_by_role("button", name="Ответить").click()

    step.refresh_from_db()
    assert step.confirmed_on is not None
    assert HelpRequest.objects.get(text=QUESTION).answer == "Используйте лист самооценки группы."
    assert GrowthEntry.objects.filter(trainee=trainee, author_role="trainee",
                                      text="Провела фрагмент урока в 5 «А».").exists()

    page.context.clear_cookies()
    log_in(page, live_server, "tim-teacher")
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(f"{live_server.url}/my/route/")
    assert "Используйте лист самооценки группы." in page.text_content("#help-requests")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert console_errors == []


def test_a_methodologist_makes_a_route_adds_a_step_and_pairs_a_master(live_server, page):
    load_timashevsk()
    newcomer = Teacher.objects.create(
        organization=Organization.objects.get(short_name="МБОУ СОШ № 3",
                                              municipality__name__contains="Тимашев"),
        full_name="Новенькая Вера Игоревна", position="учитель",
        worker_category=WorkerCategory.TEACHER)
    console_errors = []
    page.on("console", lambda message: message.type == "error" and console_errors.append(
        message.text))
    log_in(page, live_server, "tim-staff")
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(f"{live_server.url}/routes/?overdue=on")
    assert page.locator("#routes tbody tr").count() > 0
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    page.set_viewport_size({"width": 1400, "height": 900})

    page.click("text=Новый маршрут")
    page.select_option("#id_programme", label="ИКТ-компетенции")
    page.select_option("#id_kind", "individual")
    page.fill("#id_title", "ИОМ Новенькой В. И.")
    page.select_option("#id_master", index=1)
    page.locator("#div_id_participants").get_by_label(newcomer.full_name, exact=True).check()
    page.fill("#id_starts_on", "2026-09-01")
    page.fill("#id_ends_on", "2027-08-31")
    with page.expect_navigation():
        page.click("input[type=submit]")
    assert "Маршрут «ИОМ Новенькой В. И.» сохранён." in page.text_content("main")

    page.click("text=Добавить шаг")
    page.select_option("#id_activity", "understudy")
    page.fill("#id_title", "Дублёр руководителя методического объединения")
    page.fill("#id_due_on", "2027-03-01")
    with page.expect_navigation():
        page.click("input[type=submit]")
    assert "Дублёр руководителя методического объединения" in page.text_content("#steps")

    page.goto(f"{live_server.url}/routes/mentoring/new/")
    page.select_option("#id_master", index=1)
    page.select_option("#id_trainee", label=newcomer.full_name)
    with page.expect_navigation():
        page.click("input[type=submit]")
    assert "Пара наставничества:" in page.text_content("main")

    route = Route.objects.get(title="ИОМ Новенькой В. И.")
    assert list(route.participants.all()) == [newcomer]
    assert route.steps.get().activity == "understudy"
    assert MentoringPair.objects.filter(trainee=newcomer, ended_on__isnull=True).exists()
    assert console_errors == []
