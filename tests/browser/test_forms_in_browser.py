"""Forms that help, in a browser: unticking participation clears and disables the numbers;
long choice lists can be searched."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from internships import journal
from internships.models import ControlPoint, ControlPointKind
from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, live_server, user):
    user.set_password("demo")
    user.save()
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", "demo")
    page.click("button[type=submit]")
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def test_unticking_participation_clears_and_disables_the_numbers_and_saves(live_server, page,
                                                                           world):
    entry = journal.record_entry(platform=world.own_platform, data=journal.EntryData(
        held_on=world.period.starts_on, ends_on=None, form="session", form_other="",
        topic="Оценка качества", venue=world.school_a, hosts=[world.school_a.team],
        participants=[world.school_b.team, world.school_c.team], description="",
        planned_event=None,
    ), recorded_by=world.curator)
    log_in(page, live_server, world.curator)
    page.goto(live_server.url + reverse("entry_results", args=[entry.pk]))

    page.check("#id_form-0-attended")
    page.fill("#id_form-0-managers", "2")
    page.fill("#id_form-0-teachers", "5")
    page.select_option("#id_form-0-outcome", index=1)
    page.check("#id_form-1-attended")
    page.fill("#id_form-1-managers", "1")
    page.uncheck("#id_form-1-attended")

    assert page.input_value("#id_form-1-managers") == ""
    assert page.is_disabled("#id_form-1-managers")
    assert page.is_disabled("#id_form-1-teachers")
    assert page.is_disabled("#id_form-1-outcome")
    assert page.is_enabled("#id_form-1-comment")
    with page.expect_navigation():
        page.click("#results-form button[type=submit]")

    assert page.url.endswith(reverse("entry_detail", args=[entry.pk]))
    saved = {r.team_id: (r.attended, r.managers, r.teachers) for r in entry.results.all()}
    assert saved == {world.school_b.team.pk: (True, 2, 5), world.school_c.team.pk: (False, 0, 0)}


def test_the_council_form_searches_its_placement_list_also_in_an_added_question(
    live_server, page, world
):
    log_in(page, live_server, world.staff)
    page.goto(live_server.url + reverse("council_create"))

    searches = page.get_by_role("searchbox", name="Найти в списке: Утверждённые распределения")
    assert searches.count() == 1
    searches.first.fill("гимназия")
    boxes = page.locator("#div_id_items-0-placements .form-check")
    visible = [text.strip() for text in boxes.evaluate_all(
        "rows => rows.filter(row => !row.hidden).map(row => row.textContent)")]
    assert visible and all("Гимназия" in text for text in visible)
    assert len(visible) < boxes.count()

    page.click("[data-formset-add=items]")
    assert searches.count() == 2


def test_the_report_form_offers_only_the_chosen_year_s_control_points_with_data(
    live_server, page, world, monkeypatch
):
    monkeypatch.setattr(timezone, "localdate", lambda: datetime.date(2026, 12, 5))
    current = factories.PeriodFactory(programme=world.programme,
                                      starts_on=datetime.date(2026, 9, 1),
                                      ends_on=datetime.date(2027, 8, 31))
    kind = ControlPointKind.CURRENT_MONITORING
    for title, starts_on in (("Мониторинг первого года", datetime.date(2022, 5, 1)),
                             ("Осенний мониторинг", datetime.date(2026, 10, 1)),
                             ("Весенний мониторинг", datetime.date(2027, 4, 1))):
        ControlPoint.objects.create(programme=world.programme, kind=kind, title=title,
                                    starts_on=starts_on, ends_on=starts_on.replace(day=28))
    log_in(page, live_server, world.analyst)
    page.goto(live_server.url + reverse("report_jobs"))

    def offered():
        return page.locator("#id_control_point option").evaluate_all(
            "options => options.filter(o => !o.hidden && o.value).map(o => o.textContent)")

    assert page.input_value("#id_period") == str(current.pk)
    assert [text.split(" (")[0] for text in offered()] == ["Осенний мониторинг"]
    note = page.locator(f"[data-points-note='{current.pk}']")
    assert "«Весенний мониторинг» — ещё не началась" in note.text_content()

    page.select_option("#id_period", str(world.period.pk))
    assert [text.split(" (")[0] for text in offered()] == ["Мониторинг первого года"]
    assert note.is_hidden()
    assert "проходит в 2026–2027 учебном году" in page.locator(
        f"[data-points-note='{world.period.pk}']").text_content()
