from unittest import mock

import pytest

from demo.diagnostics import load_demo_diagnostics
from demo.krymsky import load_demo
from distribution.models import DistributionProposal
from distribution.proposals import compute_proposal
from internships.models import Period, Placement, Tier
from tests.browser.test_matrix_in_browser import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_it_lets_staff_review_a_proposal_and_accept_part_of_it(live_server, page):
    load_demo()
    load_demo_diagnostics()
    console_errors = []
    page.on("console", lambda message: message.type == "error" and console_errors.append(
        message.text))
    page.on("dialog", lambda dialog: dialog.accept())

    log_in(page, live_server, "staff")
    page.goto(f"{live_server.url}/distribution/")
    assert page.text_content("h1") == "Подбор распределения"
    assert "Расчётов ещё не было" in page.text_content("main")

    # The worker is held back, so the page shows the job waiting and follows its progress.
    with mock.patch("distribution.tasks.compute_distribution.delay"):
        page.click("text=Рассчитать предложение")
        page.wait_for_selector("#proposal-progress")
    assert "В очереди" in page.text_content("#proposal-progress")
    compute_proposal(proposal_id=DistributionProposal.objects.get().pk)
    page.wait_for_selector("#coverage", timeout=10_000)
    assert page.text_content("#coverage").strip() == (
        "ведут хотя бы одно направление: 18 из 34 → 34 из 34")
    assert page.locator("#proposal-matrix tbody tr").count() == 34
    assert page.locator("#proposal-matrix td.table-warning").count() == 16

    page.check("#only-changes")
    assert page.locator("#explanations tbody tr:visible").count() == 16
    page.click("[data-uncheck-all=change]")
    assert page.locator("input[name=change]:checked").count() == 0
    page.click("[data-check-all=change]")
    assert page.locator("input[name=change]:checked").count() == 16
    left_out = page.locator("input[name=change]").first
    team_id, direction_id = map(int, left_out.get_attribute("value").split("-"))
    left_out.uncheck()
    kept = page.locator("input[name=change]").nth(1).get_attribute("value")
    kept_team, kept_direction = map(int, kept.split("-"))
    # Its pairs may need the change left out: accept the tier changes alone.
    page.click("[data-uncheck-all=pair]")

    with page.expect_navigation():
        page.click("text=Принять выбранные")
    assert "Распределение на 2022–2023 учебный год принято" in page.text_content("main")
    assert "92 распределения" in page.text_content("main")
    target = Period.objects.get(title="2022–2023")
    accepted = Placement.objects.select_related("team__organization", "platform__direction").get(
        platform__period=target, team_id=kept_team, platform__direction_id=kept_direction)
    leaders_cell = page.locator("#matrix tbody tr").nth(
        accepted.platform.direction.number - 1).locator("td.tier-cell").first
    assert accepted.team.organization.short_name in leaders_cell.text_content()
    left_out_placement = Placement.objects.get(platform__period=target, team_id=team_id,
                                               platform__direction_id=direction_id)
    assert left_out_placement.tier != Tier.LEADER
    assert Placement.objects.filter(platform__period=target, tier=Tier.LEADER).values(
        "team").distinct().count() == 33
    assert console_errors == []
