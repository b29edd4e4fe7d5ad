"""The demo plans: Timashevsk's support plan and plan-graph (54 items, seed 001 §4.6 and §6)
and Vyselki's network roadmap (seed 002), loaded on programmes made for the test, with
illustrative marks only."""

import datetime
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

from demo.networks import TIMASHEVSK_TITLE as TIMASHEVSK_NETWORK
from demo.networks import VYSELKI_TITLE as VYSELKI_NETWORK
from demo.plans_timashevsk import SCHEDULE_TITLE, SUPPORT_TITLE, load_timashevsk_plans
from demo.plans_vyselki import PILOT_TITLE, TITLE, load_vyselki_plans
from plans.models import Occurrence, Plan
from plans.plan_reads import plan_sections, plan_summaries
from tests import factories

D = datetime.date


def test_it_loads_timashevsks_support_plan_and_plan_graph_once(db):
    programme = factories.ProgrammeFactory()
    first = load_timashevsk_plans(programme)
    assert load_timashevsk_plans(programme) == first
    assert first["schedule_items"] == 54
    schedule = Plan.objects.get(title=SCHEDULE_TITLE)
    assert [schedule.items.filter(section=str(year)).count()
            for year in (2020, 2021, 2022, 2023)] == [15, 15, 16, 8]
    support = Plan.objects.get(title=SUPPORT_TITLE)
    assert sorted(set(support.items.values_list("periodicity", flat=True))) == [
        "", "annual", "monthly", "quarterly", "semiannual", "thrice"]
    council = schedule.items.get(topic="Проведение заседаний Координационного совета")
    assert (council.term_text, council.periodicity, council.starts_on) == (
        "4 раза в год", "quarterly", D(2020, 8, 1))
    assert not Occurrence.objects.filter(illustrative=False).exists()
    assert Occurrence.objects.count() == first["held"]


def test_it_counts_the_support_plans_occurrences_against_a_date(db):
    programme = factories.ProgrammeFactory()
    load_timashevsk_plans(programme)
    support = Plan.objects.get(title=SUPPORT_TITLE)
    sections, counts = plan_sections(support, today=D(2024, 1, 1))
    # Aug 2020 – Dec 2023: annual 4, quarterly 14 (×2), thrice 11, monthly 41 (×2), semiannual 7,
    # and four ranges: 4 + 28 + 11 + 82 + 7 + 4 = 136; marked held: 3 + 9 + 6 + 20 = 38.
    assert counts["done"] == 38
    assert counts["done"] + counts["overdue"] == 136
    assert counts["due"] == 0


def test_it_loads_the_vyselki_roadmap_with_recurring_items(db):
    programme = factories.ProgrammeFactory()
    result = load_vyselki_plans(programme)
    assert load_vyselki_plans(programme) == result
    assert result["roadmap_items"] == 20
    plan = Plan.objects.get(title=TITLE)
    report = plan.items.get(number="1.4")
    sections, _ = plan_sections(plan, today=timezone.localdate())
    rows = {row.item.number: row for _, rows in sections for row in rows}
    assert [occ.due.due_on for occ in rows["1.4"].occurrences] == [
        D(2021, 12, 31), D(2022, 6, 30), D(2022, 12, 31), D(2023, 6, 30), D(2023, 12, 31)]
    assert report.term_text.startswith("Декабрь 2021г.")
    assert len(rows["3.2"].occurrences) == 36
    assert [occ.record.held_on for occ in rows["4.3"].occurrences] == [D(2021, 10, 12),
                                                                       D(2022, 2, 3)]
    summaries = plan_summaries(Plan.objects.all(), today=timezone.localdate())
    assert sum(summary.counts["done"] for summary in summaries) == result["held"] - 2


def test_it_loads_the_vyselki_pilot_roadmap_by_its_stages(db):
    load_vyselki_plans(factories.ProgrammeFactory())
    pilot = Plan.objects.get(title=PILOT_TITLE)
    assert pilot.school_years
    assert [pilot.items.filter(section__startswith=f"{stage} этап").count()
            for stage in (1, 2, 3, 4)] == [2, 4, 4, 3]
    webinar = pilot.items.get(section__startswith="1 этап", number="1")
    assert webinar.expected_result == ("Вовлеченность пилотных образовательных организаций в "
                                       "инновационную деятельность")
    assert (webinar.starts_on, webinar.ends_on) == (D(2021, 9, 1), D(2021, 9, 30))
    assert not Occurrence.objects.filter(item__plan=pilot, illustrative=False).exists()
    assert Occurrence.objects.filter(item__plan=pilot).count() == 10


def test_the_load_demo_command_reports_the_plans(db):
    out = StringIO()
    call_command("load_demo", stdout=out)
    line = next(line for line in out.getvalue().splitlines()
                if line.startswith("Планы мероприятий: "))
    assert line.startswith("Планы мероприятий: Тимашевский район")
    assert "из них в плане-графике — 54" in line and "иллюстративные" in line
    # Besides the Ermakovsky schools' own plans of events (illustrative, eight of them).
    assert Plan.objects.filter(organization__isnull=True).count() == 4
    assert Plan.objects.filter(organization__isnull=False).count() == 8
    # The network support plan and the network project's roadmap belong to their networks;
    # the plan-graph and the pilot project's roadmap stay on the programmes.
    assert dict(Plan.objects.filter(network__isnull=False)
                .values_list("title", "network__title")) == {
        SUPPORT_TITLE: TIMASHEVSK_NETWORK, TITLE: VYSELKI_NETWORK}
    assert set(Plan.objects.filter(programme__isnull=False, organization__isnull=True)
               .values_list("title", flat=True)) == {SCHEDULE_TITLE, PILOT_TITLE}
