"""The full demo (``manage.py load_demo``) covers the Krymsky project's whole span,
September 2021 – December 2024, as its plan (§12) gives it.

The demo is loaded once for the module and rolled back after it; each test runs inside its
own savepoint on top of it.
"""

import datetime
import re
from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse

from diagnostics.models import Diagnosis, DiagnosticRound
from internships.models import (
    AgendaItem,
    ControlPoint,
    ControlPointKind,
    JournalEntry,
    Mentorship,
    Period,
    Placement,
    PlannedEvent,
    Transfer,
)
from reports.models import RegionalIndicator
from reports.pdf import data
from reports.pdf.monitoring import monitoring_context
from teams.models import Municipality
from tests.test_demo import seed_placements

D = datetime.date
KRYMSKY = "Муниципальное образование Крымский район"
YEARS = [
    ("2021–2022", D(2021, 9, 1), D(2022, 8, 31)),
    ("2022–2023", D(2022, 9, 1), D(2023, 8, 31)),
    ("2023–2024", D(2023, 9, 1), D(2024, 8, 31)),
    # The academic year the project ends in, with its end.
    ("2024–2025", D(2024, 9, 1), D(2024, 12, 31)),
]
DEMO_USERS = ["staff", "curator", "school", "analyst", "tim-staff", "tim-school", "tim-teacher",
              "tim-master"]
DIAGNOSTICS_POINTS = {ControlPointKind.START_DIAGNOSTICS, ControlPointKind.INTERMEDIATE_DIAGNOSTICS,
                      ControlPointKind.FINAL_DIAGNOSTICS}


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", stdout=StringIO())
        yield
        transaction.set_rollback(True)


@pytest.fixture
def krymsky(db, demo) -> Municipality:
    return Municipality.objects.get(name=KRYMSKY)


def krymsky_periods(municipality):
    return list(Period.objects.filter(programme__municipality=municipality).order_by("starts_on"))


def tiers_of(period) -> dict[tuple[int, str], str]:
    return {(number, school): tier for number, school, tier in Placement.objects.filter(
        platform__period=period).values_list("platform__direction__number",
                                             "team__organization__short_name", "tier")}


def test_it_holds_the_four_academic_years_of_the_project(krymsky):
    periods = krymsky_periods(krymsky)

    assert [(p.title, p.starts_on, p.ends_on) for p in periods] == YEARS
    for period in periods:
        assert Placement.objects.filter(platform__period=period).count() == 92, period
        assert period.platforms.count() == 7, period


def test_its_first_year_is_the_krymsky_table_exactly(krymsky):
    first = krymsky_periods(krymsky)[0]

    assert {(number, school, tier) for (number, school), tier in tiers_of(first).items()} == (
        seed_placements())
    assert not Transfer.objects.filter(placement__platform__period=first).exists()


def test_later_years_change_tiers_only_through_recorded_transfers_and_council_decisions(krymsky):
    periods = krymsky_periods(krymsky)

    for previous, period in zip(periods, periods[1:], strict=False):
        before, now = tiers_of(previous), tiers_of(period)
        assert set(before) == set(now)
        # What the council approved at the start of the year, and the transfers after.
        approved = set(AgendaItem.objects.filter(meeting__period=period).values_list(
            "placements__platform__direction__number",
            "placements__team__organization__short_name"))
        moved = Transfer.objects.filter(placement__platform__period=period)
        for key, tier in now.items():
            placement_moves = moved.filter(placement__platform__direction__number=key[0],
                                           placement__team__organization__short_name=key[1])
            start = placement_moves.order_by("transferred_on", "pk").first()
            tier_at_start = start.from_tier if start else tier
            assert tier_at_start == before[key] or key in approved, (period, key)
        for transfer in moved:
            assert transfer.reason and transfer.recorded_by.username == "staff"
            assert transfer.council_items.exists(), transfer
    changes = [Transfer.objects.filter(placement__platform__period=period).count()
               for period in periods]
    assert changes[0] == 0 and changes[1] > 0 and changes[2] > 0


def test_every_control_point_of_the_roadmap_has_data_to_report(krymsky):
    points = list(ControlPoint.objects.filter(programme__municipality=krymsky)
                  .order_by("starts_on"))

    assert len(points) == 10
    for point in points:
        period = data.period_of_control_point(point)
        assert period is not None, point
        assert data.control_point_mismatch(point, period) is None
        indicators = data.read_indicators(municipality=krymsky, period=period,
                                          as_of=data.cutoff_date(period=period,
                                                                 control_point=point))
        for code in ("events_held", "people_trained", "low_results_share", "high_gia_share",
                     "quality_coefficient", "leading_teams_share"):
            assert indicators.row(code).value.value is not None, (point, code)
        assert indicators.row("events_held").value.value > 0, point
        if point.starts_on > D(2022, 1, 1):
            assert indicators.row("deficits_decreased_teams").value.value is not None, point
        if point.kind in DIAGNOSTICS_POINTS:
            assert Diagnosis.objects.filter(round__control_point=point).exists(), point


def test_the_monitoring_report_of_every_control_point_has_its_year_stage_and_events(krymsky):
    for point in ControlPoint.objects.filter(programme__municipality=krymsky):
        period = data.period_of_control_point(point)

        context = monitoring_context(municipality=krymsky, period=period, control_point=point,
                                     progress=lambda percent, stage: None)

        assert context["as_of"] == min(point.ends_on, period.ends_on)
        assert context["stage"] is not None and context["stage"].starts_on <= point.starts_on
        assert context["placement_count"] == 92
        assert context["events_total"] > 0, point
        assert context["staffing"].row_count == 34, point


def test_every_diagnostics_round_has_a_result_for_every_team_of_its_year(krymsky):
    for diagnostic_round in DiagnosticRound.objects.filter(programme__municipality=krymsky):
        period = data.period_of_control_point(diagnostic_round.control_point)
        assert diagnostic_round.diagnoses.count() == Placement.objects.filter(
            platform__period=period).count(), diagnostic_round


def test_work_plans_are_mostly_held_with_three_genuinely_missed(krymsky):
    lines = PlannedEvent.objects.filter(platform__period__programme__municipality=krymsky)

    missed = lines.filter(entry__isnull=True)
    assert missed.count() == 3
    assert lines.filter(entry__isnull=False).count() >= 10 * missed.count()
    assert {line.platform.curators.filter(user__username="curator").exists()
            for line in missed} == {True}
    assert all(entry.results.exists() for entry in JournalEntry.objects.filter(
        platform__period__programme__municipality=krymsky))


@pytest.mark.parametrize("username", DEMO_USERS)
def test_the_home_page_shows_each_demo_user_a_handful_of_overdue_items_at_most(client, demo,
                                                                                 username):
    client.force_login(User.objects.get(username=username))

    response = client.get(reverse("home"), follow=True)

    assert response.status_code == 200
    overdue = response.context.get("overdue_events") or []
    assert len(overdue) <= 4
    if username in ("staff", "curator"):
        assert 2 <= len(overdue) <= 4
        assert "Просрочен" in response.content.decode() or "просрочен" in (
            response.content.decode())


@pytest.mark.parametrize("username", DEMO_USERS)
def test_every_demo_user_has_a_full_russian_name(demo, db, username):
    user = User.objects.get(username=username)

    assert re.fullmatch(r"[А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё]+", user.first_name), user.first_name
    assert re.fullmatch(r"[А-ЯЁ][а-яё]+", user.last_name), user.last_name


def test_the_curator_account_is_the_curator_named_in_the_project(demo, db):
    assert User.objects.get(username="curator").get_full_name() == "Анна Анатольевна Пацюк"


def test_the_invented_figures_say_they_are_illustrative(krymsky):
    later = Period.objects.filter(programme__municipality=krymsky, starts_on__gt=D(2022, 8, 31))

    assert not JournalEntry.objects.filter(platform__period__in=later).exclude(
        description__startswith="Иллюстративные данные").exists()
    assert not Diagnosis.objects.filter(round__starts_on__gt=D(2022, 8, 31)).exclude(
        comment__startswith="Иллюстративные данные").exists()


def test_the_regions_monitoring_is_illustrative_with_a_place_every_year(krymsky):
    periods = krymsky_periods(krymsky)
    lines = RegionalIndicator.objects.filter(municipality=krymsky)

    assert lines.count() == 3 * len(periods)
    assert not lines.filter(illustrative=False).exists()
    assert not lines.filter(rank__isnull=True).exists()
    context = monitoring_context(municipality=krymsky, period=periods[-1], control_point=None,
                                 progress=lambda *args: None)
    row = context["indicators"].row("regional_1.1")
    assert row.value.note == "место 12 из 44 (иллюстративные данные)"
    assert row.change.text == "↑ 0,2 п. п."


def test_loading_again_changes_nothing(krymsky):
    models = (Period, Placement, Transfer, Mentorship, JournalEntry, PlannedEvent, Diagnosis,
              AgendaItem)
    before = {model.__name__: model.objects.count() for model in models}
    out = StringIO()

    call_command("load_demo", stdout=out)

    assert {model.__name__: model.objects.count() for model in models} == before
    assert "Учебные годы проекта" not in out.getvalue()


@pytest.mark.parametrize("username", ["staff", "curator", "analyst"])
def test_the_pages_of_every_year_open_for_those_who_see_the_whole_district(client, krymsky,
                                                                            username):
    client.force_login(User.objects.get(username=username))

    for period in krymsky_periods(krymsky):
        assert client.get(reverse("matrix"), {"period": period.pk}).status_code == 200
        assert client.get(reverse("home"), {"period": period.pk}).status_code == 200
        platform = period.platforms.get(direction__number=3)
        for name in ("platform_detail", "journal", "plan"):
            assert client.get(reverse(name, args=[platform.pk])).status_code == 200, name
    assert client.get(reverse("project_indicators")).status_code == 200
    assert client.get(reverse("council_list")).status_code == 200


def test_the_school_team_sees_its_own_years_and_none_of_the_other_schools(client, krymsky):
    client.force_login(User.objects.get(username="school"))
    own = User.objects.get(username="school").profile.organization

    response = client.get(reverse("organization_detail", args=[own.pk]))

    assert response.status_code == 200
    text = response.content.decode()
    for title, _, _ in YEARS:
        assert title in text
    foreign = krymsky.organizations.exclude(pk=own.pk).first()
    assert client.get(reverse("organization_detail", args=[foreign.pk])).status_code == 404
