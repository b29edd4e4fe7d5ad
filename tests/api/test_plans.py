"""Plans through the API: a programme's plans for its municipality, a network's plans for the
network's members, each with its occurrences expanded and their status as the plan page
counts them (done, due, overdue), without the names of who is responsible or who recorded
a mark, filtered, changed-since by the history of the plan, its items and its marks."""

import datetime

import pytest
from django.utils import timezone

from api.models import TokenScope
from plans.evidence import record_occurrence
from plans.items import ItemDetails, PlanDetails, create_plan, save_item
from plans.models import Occurrence, Plan, PlanItem
from tests import factories
from tests.api.conftest import listed_ids
from tests.plans.conftest import make_plan

pytestmark = pytest.mark.django_db
D = datetime.date
URL = "/api/v1/plans/"


def test_it_serves_the_plan_to_its_municipality_only(pw, world, issue, bearer):
    home = bearer(issue(world.municipality))
    assert listed_ids(home.get(URL)) == {pw.plan.pk}
    assert home.get(f"{URL}{pw.plan.pk}/").status_code == 200
    away = bearer(issue(factories.MunicipalityFactory()))
    assert listed_ids(away.get(URL)) == set()
    assert away.get(f"{URL}{pw.plan.pk}/").status_code == 404


def test_it_counts_the_occurrences_as_the_plan_page_does(pw, world, issue, bearer):
    row = bearer(issue(world.municipality)).get(URL).json()["results"][0]
    # Quarterly: the first quarter held, three quarters overdue; the dated item overdue.
    assert (row["items_count"], row["counts"]) == (3, {"done": 1, "due": 0, "overdue": 4})


def test_it_expands_each_item_into_its_occurrences(pw, world, issue, bearer):
    PlanItem.objects.filter(pk=pw.dated.pk).update(responsible="Сидорова С. С.")
    plan = bearer(issue(world.municipality)).get(f"{URL}{pw.plan.pk}/").json()
    assert [item["id"] for item in plan["items"]] == [pw.quarterly.pk, pw.dated.pk,
                                                      pw.on_request.pk]
    quarterly, dated, on_request = plan["items"]
    assert [(occ["due_on"], occ["status"]) for occ in quarterly["occurrences"]] == [
        ("2021-03-31", "done"), ("2021-06-30", "overdue"), ("2021-09-30", "overdue"),
        ("2021-12-31", "overdue")]
    first = quarterly["occurrences"][0]
    assert (first["record"], first["held_on"]) == (pw.held.pk, "2021-03-20")
    assert dated["occurrences"] == [{
        "due_on": "2021-09-15", "label": "15.09.2021", "status": "overdue", "record": None,
        "held_on": None, "journal_entry": None, "product": None, "illustrative": False}]
    assert [(occ["due_on"], occ["status"], occ["held_on"])
            for occ in on_request["occurrences"]] == [(None, "done", "2021-02-10")]
    assert "responsible" not in dated and "Сидорова" not in str(plan)
    assert "recorded_by" not in first


def test_it_counts_a_future_occurrence_as_due(world, issue, bearer):
    today = timezone.localdate()
    plan = create_plan(programme=world.programme, details=PlanDetails(
        title="План на год вперёд", kind="work", starts_on=today,
        ends_on=today + datetime.timedelta(days=300)))
    save_item(plan=plan, details=ItemDetails(topic="Совещание", term_kind="date",
                                             due_on=today + datetime.timedelta(days=10)))
    row = bearer(issue(world.municipality)).get(f"{URL}{plan.pk}/").json()
    assert row["counts"] == {"done": 0, "due": 1, "overdue": 0}
    assert row["items"][0]["occurrences"][0]["status"] == "due"


def test_it_shares_a_network_plan_with_the_members_only(net, issue, bearer):
    plan = create_plan(network=net.network, details=PlanDetails(
        title="Дорожная карта сети", kind="roadmap", starts_on=D(2021, 1, 1),
        ends_on=D(2021, 12, 31)))
    member = bearer(issue(net.member))
    assert listed_ids(member.get(URL, {"network": net.network.pk})) == {plan.pk}
    assert member.get(f"{URL}{plan.pk}/").json()["network"] == net.network.pk
    outsider = bearer(issue(net.outsider))
    assert listed_ids(outsider.get(URL)) == set()
    assert outsider.get(f"{URL}{plan.pk}/").status_code == 404


def test_it_refuses_writes_with_a_read_token(pw, world, issue, bearer):
    client = bearer(issue(world.municipality))
    response = client.post(f"{URL}{pw.plan.pk}/", {}, content_type="application/json")
    assert response.status_code == 403
    writer = bearer(issue(world.municipality, scope=TokenScope.READ_WRITE, name="Запись"))
    assert writer.post(URL, {}, content_type="application/json").status_code == 405
    assert Plan.objects.count() == 1


def test_it_filters_by_kind_and_by_the_time_of_change(pw, world, issue, bearer):
    work = make_plan(world.programme, title="План работы ИМЦ")
    Plan.objects.filter(pk=work.pk).update(kind="work")
    client = bearer(issue(world.municipality))
    assert listed_ids(client.get(URL, {"kind": "work"})) == {work.pk}
    past = timezone.now() - datetime.timedelta(days=30)
    for model in (Plan, PlanItem, Occurrence):
        model.history.update(history_date=past)
    since = (past + datetime.timedelta(days=1)).isoformat()
    assert listed_ids(client.get(URL, {"updated_since": since})) == set()
    record_occurrence(item=pw.quarterly, due_on=D(2021, 6, 30), held_on=D(2021, 6, 1),
                      note="Семинар", recorded_by=None)
    assert listed_ids(client.get(URL, {"updated_since": since})) == {pw.plan.pk}
    PlanItem.history.update(history_date=past)
    Occurrence.history.update(history_date=past)
    save_item(plan=work, details=ItemDetails(topic="Совещание", term_kind="none"))
    assert listed_ids(client.get(URL, {"updated_since": since})) == {work.pk}


def test_it_lists_plans_in_a_constant_number_of_queries(world, issue, bearer,
                                                        django_assert_num_queries):
    for number in range(20):
        plan = make_plan(world.programme, title=f"План {number}")
        item = save_item(plan=plan, details=ItemDetails(
            topic="Семинар", term_kind="periodic", starts_on=D(2021, 1, 1),
            ends_on=D(2021, 12, 31), periodicity="monthly"))
        record_occurrence(item=item, due_on=D(2021, 1, 31), held_on=D(2021, 1, 20),
                          note="Проведён", recorded_by=None)
    client = bearer(issue(world.municipality))
    client.get("/api/v1/municipalities/")
    # The token, the page, then the plans' items and marks for the counts.
    with django_assert_num_queries(5):
        response = client.get(URL, {"page_size": 1000})
    rows = response.json()["results"]
    assert len(rows) == 20
    assert rows[0]["counts"] == {"done": 1, "due": 0, "overdue": 11}
