"""A school leader applies to a nomination with the school's project; an expert scores the
applications of their nomination (their own organization's is blocked); staff approve the
results and award a status to the winner."""

import datetime

import pytest
from django.utils import timezone

from contests.events import ContestDetails, add_window, create_contest, save_nomination
from contests.models import Application, Audience, Contest, OrganizationStatus, Score
from demo.vyselki import load_vyselki
from demo.vyselki_contests import CONTEST, load_vyselki_contests
from innovation.models import InnovationProject
from internships.models import Programme
from teams.models import Municipality
from tests.browser.test_accessibility import axe_problems, layout_problems, new_context
from tests.browser.walk import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, live_server, username):
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "demo")
    page.click("button[type=submit]")
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def _narrow_fits(page) -> bool:
    page.set_viewport_size({"width": 375, "height": 800})
    fits = page.evaluate("document.documentElement.scrollWidth") <= 375
    page.set_viewport_size({"width": 1400, "height": 900})
    return fits


def test_an_expert_scores_and_staff_approve_and_award_a_status(live_server, page):
    municipality = Municipality.objects.create(name="Муниципальное образование Выселковский район")
    load_vyselki_contests(municipality)
    contest = Contest.objects.get(title=CONTEST)
    # The contest as it stood before its results: not approved, one sheet still to fill.
    Contest.objects.filter(pk=contest.pk).update(results_approved_at=None,
                                                 results_approved_by=None)
    OrganizationStatus.objects.all().delete()
    target = Application.objects.get(nomination__contest=contest,
                                     organization__short_name="МБОУ СОШ № 1")
    Score.objects.filter(application=target, expert__user__username="vys-expert1").delete()
    console_errors = []
    page.on("console", lambda message: message.type == "error" and console_errors.append(
        message.text))

    log_in(page, live_server, "vys-expert1")
    page.goto(f"{live_server.url}/expert/")
    table = page.text_content("#assigned")
    assert "своя организация — не оценивается" in table  # МБОУ СОШ № 2 is the expert's own
    assert _narrow_fits(page)
    page.click(f"a:has-text('оценить'):has-text('{target.title}')")
    page.wait_for_selector("h1")
    assert "иллюстративные" in page.text_content("main")
    for criterion in contest.criteria.all():
        page.get_by_label(f"{criterion.number}. {criterion.title} (0–{criterion.maximum})",
                          exact=True).fill("5")
    with page.expect_navigation():
        page.click("input[type=submit][value='Сохранить оценки']")
    assert "Оценки сохранены." in page.text_content("main")
    assert Score.objects.filter(application=target, expert__user__username="vys-expert1",
                                value=5).count() == contest.criteria.count()
    own = Application.objects.get(nomination__contest=contest,
                                  organization__short_name="МБОУ СОШ № 2")
    page.goto(f"{live_server.url}/contests/applications/{own.pk}/score/")
    assert "не оценивает заявки своей организации" in page.text_content("main")
    assert page.locator("input[name^=criterion_]").count() == 0

    page.context.clear_cookies()
    log_in(page, live_server, "vys-staff")
    page.goto(f"{live_server.url}/contests/{contest.pk}/results/")
    assert "наименьшим итоговым баллом" in page.text_content("main")
    with page.expect_navigation():
        page.click("button:has-text('Утвердить итоги')")
    assert "Итоги утверждены" in page.text_content("main")
    contest.refresh_from_db()
    assert contest.results_approved
    assert _narrow_fits(page)

    page.goto(f"{live_server.url}/organizations/{target.organization_id}/statuses/")
    page.select_option("#id_kind", label="МИП — муниципальная инновационная площадка")
    page.fill("#id_order_number", "демо-7")
    page.fill("#id_order_date", "2023-04-10")
    page.fill("#id_issuer", "Управление образования (иллюстративно)")
    with page.expect_navigation():
        page.click("input[type=submit][value='Записать статус']")
    assert "№ демо-7" in page.text_content("#statuses")
    assert OrganizationStatus.objects.filter(organization=target.organization).exists()
    assert console_errors == []


def test_the_contest_pages_pass_axe_and_fit_a_phone(live_server, browser):
    municipality = Municipality.objects.create(name="Муниципальное образование Выселковский район")
    load_vyselki_contests(municipality)
    contest = Contest.objects.get(title=CONTEST)
    nomination = contest.nominations.first()
    application = Application.objects.filter(nomination__contest=contest,
                                             organization__short_name="МБОУ СОШ № 1").get()
    scored = Application.objects.filter(nomination__contest=contest,
                                        organization__short_name="МБОУ СОШ № 3").get()
    pages = {
        "vys-staff": ["/contests/", f"/contests/{contest.pk}/", f"/contests/{contest.pk}/edit/",
                      f"/contests/nominations/{nomination.pk}/",
                      f"/contests/{contest.pk}/results/", f"/contests/{contest.pk}/experts/new/",
                      f"/contests/applications/{application.pk}/",
                      f"/contests/applications/{application.pk}/regional/",
                      f"/organizations/{application.organization_id}/statuses/"],
        "vys-expert1": ["/my/applications/", "/expert/",
                        f"/contests/applications/{scored.pk}/score/",
                        f"/contests/{contest.pk}/apply/"],
    }
    problems = []
    for width in (1366, 375):
        for username, paths in pages.items():
            context = new_context(browser, width)
            page = sign_in(context, live_server.url, username)
            for path in paths:
                where = f"{username} {width}px {path}"
                response = page.goto(live_server.url + path)
                if response.status != 200:
                    problems.append(f"{where}: ответ {response.status}")
                    continue
                problems += axe_problems(page, where) + layout_problems(page, where)
            context.close()
    assert not problems, f"{len(problems)} нарушений:\n" + "\n".join(problems)


def test_a_school_leader_applies_to_a_nomination_with_the_schools_project(live_server, page):
    load_vyselki()
    programme = Programme.objects.get(
        municipality__name="Муниципальное образование Выселковский район")
    contest = create_contest(programme=programme, details=ContestDetails(
        kind="contest", title="Инновационный поиск — открытый приём", year=2026,
        illustrative=True, winner_places=1, prize_places=1, laureate_places=1))
    today = timezone.localdate()
    add_window(contest=contest, opens_on=today - datetime.timedelta(days=1),
               closes_on=today + datetime.timedelta(days=14))
    save_nomination(contest=contest, audience=Audience.TEACHER, title="Педагогический проект")
    nomination = save_nomination(contest=contest, audience=Audience.ORGANIZATION,
                                 title="Школа в режиме развития")
    project = InnovationProject.objects.filter(
        organization__profiles__user__username="vys-school").order_by("pk").first()

    log_in(page, live_server, "vys-school")
    page.goto(f"{live_server.url}/contests/")
    page.get_by_role("link", name=contest.title).click()
    page.get_by_role("link", name="Подать заявку").click()
    # A school applies only to the nominations for organizations.
    options = page.locator("#id_nomination option").all_text_contents()
    assert "Школа в режиме развития" in options and "Педагогический проект" not in options
    page.get_by_label("Номинация").select_option(label=nomination.title)
    page.get_by_label("Тема работы").fill("Ключевая проблема школы и её решение")
    page.get_by_label("Инновационный проект организации").select_option(str(project.pk))
    with page.expect_navigation():
        page.get_by_role("button", name="Подать заявку").click()
    assert "Заявка подана." in page.text_content("main")
    assert _narrow_fits(page)

    application = Application.objects.get(nomination=nomination)
    assert (application.organization, application.project) == (project.organization, project)
    page.goto(f"{live_server.url}/my/applications/")
    assert "Ключевая проблема школы и её решение" in page.text_content("main")
