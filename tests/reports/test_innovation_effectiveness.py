"""The criteria of effectiveness of a school-innovation programme (Э1–Э5) on hand-computed
cases: the contest world of tests/contests (СОШ № 1 and Гимназия № 2 applied as
organizations, a teacher of СОШ № 1 as a teacher) and the two school projects of
tests/innovation (СОШ № 1 pilot, Гимназия № 2 not)."""

import datetime
from decimal import Decimal

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from contests.models import Application, Contest, RegionalOutcome, Score
from contests.results import StatusAward, award_status
from internships.models import JournalEntry, PlannedEvent, WorkForm
from reports.effect_indicators import effect_values
from reports.excel import build_indicator_workbook
from reports.indicator_catalogue import Group
from reports.indicators import compute_indicators
from reports.pdf import monitoring
from reports.pdf.monitoring import monitoring_context
from teams.models import Organization
from tests.contests.conftest import cw  # noqa: F401 (fixture)
from tests.innovation.conftest import innovation  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db
D = datetime.date
IN_YEAR = timezone.make_aware(datetime.datetime(2022, 3, 15, 12, 0))


def _values(world) -> dict:
    organizations = Organization.objects.filter(municipality=world.municipality).count()
    return {item.indicator.number: item
            for item in effect_values(period=world.period, organizations=organizations)}


def _score(application, expert, criteria, points) -> None:
    for criterion, value in zip(criteria, points, strict=True):
        Score.objects.create(application=application, expert=expert, criterion=criterion,
                             value=value)


@pytest.fixture
def scored(world, cw, innovation):  # noqa: F811
    criteria = [cw.relevance, cw.novelty]
    _score(cw.app_a, cw.curator_expert, criteria, (10, 5))
    _score(cw.app_b, cw.curator_expert, criteria, (5, 1))
    _score(cw.teacher_app, cw.curator_expert, criteria, (3, 3))
    Application.objects.update(submitted_at=IN_YEAR)
    Application.objects.filter(pk=cw.app_b.pk).update(regional_outcome=RegionalOutcome.PASSED)
    Contest.objects.filter(pk=cw.contest.pk).update(results_approved_at=IN_YEAR,
                                                    results_approved_by=world.staff)
    award_status(organization=world.school_a, award=StatusAward(
        kind="mip", order_number="12-о", order_date=D(2022, 5, 20), issuer="Управление"))
    award_status(organization=world.school_b, award=StatusAward(
        kind="kip", order_number="7-п", order_date=D(2020, 5, 20), issuer="Министерство"))
    return cw


def test_it_gives_nothing_for_a_programme_without_school_projects(world):
    assert _values(world) == {}
    assert not any(item.indicator.group == Group.EFFECT for item in compute_indicators(
        municipality=world.municipality, period=world.period))


def test_it_counts_organizations_with_projects_and_pilots(world, innovation):  # noqa: F811
    values = _values(world)
    organizations = Organization.objects.filter(municipality=world.municipality).count()
    assert (values["Э1"].value, values["Э1"].numerator) == (2, 2)
    assert values["Э1"].denominator == organizations
    assert values["Э1"].note == "пилотных организаций — 1"
    assert values["Э2.1"].value == 2


def test_it_counts_organizations_taking_part_once_and_those_sent_to_the_region(
        world, scored):
    Application.objects.filter(pk=scored.teacher_app.pk).update(withdrawn_at=IN_YEAR,
                                                                 withdrawal_reason="Болезнь")
    value = _values(world)["Э2.2"]
    # СОШ № 1 (own application) and Гимназия № 2; the withdrawn teacher's one is not counted.
    assert value.value == 2
    assert value.note == "на региональный этап направлены — 1"


def test_it_does_not_count_applications_of_another_year(world, scored):
    Application.objects.filter(pk=scored.app_b.pk).update(
        submitted_at=timezone.make_aware(datetime.datetime(2022, 9, 1, 12, 0)))
    assert _values(world)["Э2.2"].value == 1


def test_it_says_partnership_has_no_data(world, innovation):  # noqa: F811
    value = _values(world)["Э3"]
    assert value.value is None
    assert value.text == "нет данных"
    assert "не ведутся" in value.note


def test_it_builds_the_portfolio_by_level_and_category(world, scored):
    value = _values(world)["Э4"]
    # «Для ОО»: СОШ № 1 15 — победитель, Гимназия № 2 6 — призёр; «Для педагогов»: 6 —
    # победитель; Гимназия № 2 passed the regional I stage; МИП in the year (the КИП of 2020
    # is not).
    assert value.value == 3 + 1 + 1
    assert value.note == ("муниципальный уровень: победитель — 2, призёр — 1, лауреат — 0; "
                          "региональный уровень: прошли I этап — 1; статусы: МИП — 1")


def test_it_leaves_out_contests_whose_results_are_not_approved(world, scored):
    Contest.objects.update(results_approved_at=None, results_approved_by=None)
    value = _values(world)["Э4"]
    assert value.value == 1  # the status only
    assert "победитель — 0" in value.note


def test_it_has_no_portfolio_without_results_and_statuses(world, innovation):  # noqa: F811
    assert _values(world)["Э4"].value is None


def _plan(platform, month, planned_on=None, held_on=None) -> None:
    entry = None
    if held_on:
        entry = JournalEntry.objects.create(platform=platform, held_on=held_on,
                                            form=WorkForm.SEMINAR, topic="Семинар")
    PlannedEvent.objects.create(platform=platform, month=month, planned_on=planned_on,
                                form=WorkForm.SEMINAR, topic="Семинар", entry=entry)


def test_it_counts_roadmap_items_done_on_time(world, innovation):  # noqa: F811
    platform = world.own_platform
    _plan(platform, D(2021, 10, 1), held_on=D(2021, 10, 31))  # on time: by the month's end
    _plan(platform, D(2021, 11, 1), planned_on=D(2021, 11, 10),
          held_on=D(2021, 11, 11))  # a day late
    _plan(platform, D(2022, 2, 1))  # not held
    value = _values(world)["Э5"]
    assert (value.numerator, value.denominator) == (1, 3)
    assert value.value == Decimal(1) / Decimal(3)
    assert value.text == "33,3 %"


def test_it_has_no_roadmap_figure_without_plans(world, innovation):  # noqa: F811
    value = _values(world)["Э5"]
    assert value.value is None
    assert value.note == "планы работы площадок на год не заведены"


# --- The indicators page, the workbook and the monitoring report -------------------------

EFFECT_HEADING = "Эффективность инновационного проекта"
# Ten more (44): the contests with approved results and their five reads (К5.1–К5.4), the
# region's monitoring and the municipal monitoring by control points. One more (45): the
# networks the municipality keeps or takes part in (С1–С5; none here).
EFFECT_PAGE_QUERIES = 45
PORTFOLIO_NOTE = ("муниципальный уровень: победитель — 2, призёр — 1, лауреат — 0; "
                  "региональный уровень: прошли I этап — 1; статусы: МИП — 1")


def _page(client, world):
    return client.get(reverse("project_indicators"), {"period": world.period.pk})


@pytest.mark.parametrize("role", ["staff", "curator", "analyst"])
def test_it_shows_the_criteria_on_the_indicators_page_of_a_programme_with_projects(
        world, scored, as_role, role):
    response = _page(as_role(role), world)
    html = response.content.decode()
    assert response.status_code == 200
    assert EFFECT_HEADING in html
    assert 'id="indicator-effect_portfolio"' in html
    assert PORTFOLIO_NOTE in html


def test_it_does_not_show_the_criteria_for_a_programme_without_projects(world, as_role):
    html = _page(as_role("staff"), world).content.decode()
    assert EFFECT_HEADING not in html
    assert "effect_demand" not in html


def test_the_page_with_the_criteria_costs_the_same_queries_on_more_data(
        world, scored, as_role, django_assert_num_queries):
    client = as_role("staff")
    # One academic year (the page's own pin, PAGE_QUERIES, is of two); the criteria add a
    # constant per year: projects, applications, contests, the contests' results, statuses
    # and plans.
    with django_assert_num_queries(EFFECT_PAGE_QUERIES):
        _page(client, world)
    for number in range(3):
        _plan(world.own_platform, D(2021, 12, 1), held_on=D(2021, 12, 2 + number))
    with django_assert_num_queries(EFFECT_PAGE_QUERIES):
        _page(client, world)


def test_the_workbook_and_the_monitoring_report_print_the_page_figures(
        world, scored, tmp_path):
    _plan(world.own_platform, D(2021, 10, 1), held_on=D(2021, 10, 5))
    _plan(world.own_platform, D(2022, 2, 1))
    values = {item.indicator.number: item for item in compute_indicators(
        municipality=world.municipality, period=world.period)
        if item.indicator.group == Group.EFFECT}
    output = tmp_path / "report.xlsx"
    build_indicator_workbook(municipality=world.municipality, period=world.period,
                             parameters={}, output=output, progress=lambda *args: None)
    sheet = load_workbook(output, data_only=True)["Показатели"]
    rows = {row[1].value: row for row in sheet.iter_rows(min_row=2) if row[0].value
            == EFFECT_HEADING}
    assert sorted(rows) == sorted(values) == ["Э1", "Э2.1", "Э2.2", "Э3", "Э4", "Э5"]
    assert rows["Э4"][4].value == values["Э4"].value == 5
    assert rows["Э5"][4].value == 0.5
    assert (rows["Э5"][5].value, rows["Э5"][6].value) == (1, 2)
    assert rows["Э3"][4].value == "нет данных"
    assert rows["Э4"][9].value == PORTFOLIO_NOTE

    html = render_to_string(monitoring.TEMPLATE, monitoring_context(
        municipality=world.municipality, period=world.period, control_point=None,
        progress=lambda *args: None))
    assert f"<h3>{EFFECT_HEADING}</h3>" in html
    assert PORTFOLIO_NOTE in html
    assert "Э5. Мониторинг проекта" in html
