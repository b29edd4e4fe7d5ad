"""Plans owned by a network: exactly one owner (CHECK), shared with the network's members
like its other objects, kept by its managers, listed on the network page; and occurrences
evidenced by a product of the register of products."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from plans.evidence import record_occurrence
from plans.items import ItemDetails, PlanDetails, create_plan, save_item
from plans.models import Occurrence, Plan
from registers.models import Product, ProductKind
from tests import factories
from tests.networks.conftest import net  # noqa: F401 — the network world

D = datetime.date

DETAILS = PlanDetails(title="Дорожная карта сетевого проекта", kind="roadmap",
                      starts_on=D(2021, 1, 1), ends_on=D(2021, 12, 31))


@pytest.fixture
def network_plan(net):  # noqa: F811
    plan = create_plan(network=net.network, details=DETAILS)
    item = save_item(plan=plan, details=ItemDetails(
        number="1", topic="Сетевой вебинар", term_kind="date", due_on=D(2021, 4, 20)))
    return plan, item


def _product(municipality, title="Сборник сетевых практик") -> Product:
    return Product.objects.create(municipality=municipality, kind=ProductKind.COLLECTION,
                                  title=title, year=2021)


def test_the_database_refuses_a_plan_with_both_owners_or_none(net):  # noqa: F811
    programme = factories.ProgrammeFactory(municipality=net.hub)
    for owners in ({"programme": programme, "network": net.network}, {}):
        with pytest.raises(IntegrityError), transaction.atomic():
            Plan.objects.create(title="План", kind="roadmap", starts_on=D(2021, 1, 1),
                                ends_on=D(2021, 12, 31), **owners)


def test_it_refuses_to_create_a_plan_without_exactly_one_owner(net):  # noqa: F811
    programme = factories.ProgrammeFactory(municipality=net.hub)
    with pytest.raises(ValidationError, match="либо проекту, либо сети"):
        create_plan(programme=programme, network=net.network, details=DETAILS)
    with pytest.raises(ValidationError, match="либо проекту, либо сети"):
        create_plan(details=DETAILS)
    create_plan(network=net.network, details=DETAILS)
    with pytest.raises(ValidationError, match="в сети уже есть"):
        create_plan(network=net.network, details=DETAILS)
    assert Plan.objects.count() == 1


@pytest.mark.parametrize(("who", "status"), [
    ("hub_staff", 200), ("coordinator", 200), ("member_staff", 200), ("member_analyst", 200),
    ("third_staff", 200), ("member_school_user", 200),
    ("other_school_user", 404), ("outsider_staff", 404),
])
def test_a_network_plan_is_seen_by_the_networks_members_only(net, network_plan, login,  # noqa: F811
                                                             who, status):
    client = login(getattr(net, who))
    plan, _ = network_plan
    assert client.get(reverse("plans_detail", args=[plan.pk])).status_code == status
    listed = [summary.plan for summary in client.get(reverse("plans_list")).context["summaries"]]
    assert (plan in listed) == (status == 200)


@pytest.mark.parametrize(("who", "status"), [
    ("hub_staff", 200), ("coordinator", 200), ("member_staff", 403), ("third_staff", 403),
])
def test_the_networks_managers_keep_its_plan_and_members_only_read(net, network_plan,  # noqa: F811
                                                                   login, who, status):
    client = login(getattr(net, who))
    plan, item = network_plan
    assert client.get(reverse("plans_item_add", args=[plan.pk])).status_code == status
    url = reverse("plans_occurrence_record", args=[item.pk]) + "?due=2021-04-20"
    assert client.get(url).status_code == status


def test_the_hub_staff_create_a_network_plan_from_the_plan_form(net, login):  # noqa: F811
    client = login(net.hub_staff)
    response = client.post(reverse("plans_create"), {
        "network": net.network.pk, "title": "План сетевых вебинаров", "kind": "support",
        "starts_on": "2022-01-01", "ends_on": "2022-12-31"})
    plan = Plan.objects.get(title="План сетевых вебинаров")
    assert response.status_code == 302
    assert (plan.network, plan.programme) == (net.network, None)


def test_the_plan_form_asks_for_exactly_one_owner(net, login):  # noqa: F811
    client = login(net.hub_staff)
    response = client.post(reverse("plans_create"), {
        "title": "План без владельца", "kind": "support",
        "starts_on": "2022-01-01", "ends_on": "2022-12-31"})
    assert "Выберите проект или сеть" in response.content.decode()
    assert not Plan.objects.exists()


def test_the_network_page_lists_its_plans(net, network_plan, login):  # noqa: F811
    plan, _ = network_plan
    page = login(net.member_staff).get(reverse("network_detail", args=[net.network.pk]))
    assert [item.pk for item in page.context["plans"]] == [plan.pk]
    assert reverse("plans_detail", args=[plan.pk]) in page.content.decode()


def test_the_network_page_says_what_to_do_when_there_are_no_plans(net, login):  # noqa: F811
    page = login(net.hub_staff).get(reverse("network_detail", args=[net.network.pk]))
    assert "Планов сети пока нет" in page.content.decode()


def test_a_product_of_a_member_evidences_a_network_plans_occurrence(net, network_plan):  # noqa: F811
    _, item = network_plan
    product = _product(net.member)
    occurrence = record_occurrence(item=item, due_on=D(2021, 4, 20), held_on=D(2021, 4, 20),
                                   product=product, recorded_by=net.hub_staff)
    assert (occurrence.product, occurrence.note, occurrence.journal_entry) == (product, "", None)
    # Deleting the product takes the evidence away: the occurrence is due again.
    product.delete()
    assert not Occurrence.objects.exists()


def test_it_refuses_a_product_from_outside_the_network(net, network_plan):  # noqa: F811
    _, item = network_plan
    with pytest.raises(ValidationError, match="Выберите продукт из реестра"):
        record_occurrence(item=item, due_on=D(2021, 4, 20), held_on=D(2021, 4, 20),
                          product=_product(net.outsider), recorded_by=net.hub_staff)
    assert not Occurrence.objects.exists()


def test_a_product_evidences_a_programme_plans_occurrence_from_the_page(pw, world, login):
    product = _product(world.municipality, title="Методические рекомендации по семинарам")
    client = login(world.staff)
    url = reverse("plans_occurrence_record", args=[pw.dated.pk]) + "?due=2021-09-15"
    assert product in client.get(url).context["form"].fields["product"].queryset
    response = client.post(url, {"held_on": "2021-09-15", "product": product.pk})
    assert response.status_code == 302
    occurrence = Occurrence.objects.get(item=pw.dated)
    assert occurrence.product == product
    page = client.get(reverse("plans_detail", args=[pw.plan.pk])).content.decode()
    assert "продукт: «Методические рекомендации по семинарам»" in page


def test_it_refuses_another_districts_product_for_a_programme_plan(pw, world):
    foreign = _product(factories.MunicipalityFactory())
    with pytest.raises(ValidationError, match="Выберите продукт из реестра"):
        record_occurrence(item=pw.dated, due_on=D(2021, 9, 15), held_on=D(2021, 9, 15),
                          product=foreign, recorded_by=world.staff)


def test_the_database_accepts_a_product_alone_as_evidence_and_nothing_as_none(pw, world):
    product = _product(world.municipality)
    Occurrence.objects.create(item=pw.dated, due_on=D(2021, 9, 15), held_on=D(2021, 9, 15),
                              product=product)
    with pytest.raises(IntegrityError), transaction.atomic():
        Occurrence.objects.create(item=pw.quarterly, due_on=D(2021, 6, 30),
                                  held_on=D(2021, 6, 30))


def test_the_database_refuses_an_organization_on_a_network_plan(net, network_plan):  # noqa: F811
    plan, _ = network_plan
    with pytest.raises(IntegrityError), transaction.atomic():
        Plan.objects.filter(pk=plan.pk).update(organization=factories.OrganizationFactory())
