"""Who creates a network's plan: its managers (the hub's department staff and the network's
coordinators, whatever their role), from the plans list and from the network page; the
network choice offers only the networks the user keeps."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from api.access import principal_for_token
from api.models import ApiToken
from networks.memberships import create_network, set_coordinators
from plans.access import networks_kept_by
from plans.evidence import record_occurrence
from plans.items import ItemDetails, PlanDetails, create_plan, save_item
from plans.models import Plan
from tests import factories
from tests.networks.conftest import net  # noqa: F401 — the network world

D = datetime.date


def _token_user(municipality):
    return principal_for_token(ApiToken(name="Сервис", municipality=municipality,
                                        prefix="netplans"))


def test_a_token_of_the_hub_keeps_its_networks_and_a_members_token_none(net):  # noqa: F811
    assert list(networks_kept_by(_token_user(net.hub))) == [net.network]
    assert not networks_kept_by(_token_user(net.member)).exists()


def test_a_regional_token_keeps_every_network(net):  # noqa: F811
    assert list(networks_kept_by(_token_user(None))) == [net.network]


def test_the_coordinator_keeps_the_network_and_a_member_does_not(net):  # noqa: F811
    assert list(networks_kept_by(net.coordinator)) == [net.network]
    assert not networks_kept_by(net.member_staff).exists()
    assert not networks_kept_by(net.member_school_user).exists()


PLAN = {"title": "План сетевых вебинаров", "kind": "support", "starts_on": "2022-01-01",
        "ends_on": "2022-12-31"}


@pytest.fixture
def elsewhere(net):  # noqa: F811
    """A network run from the outsider district, coordinated by nobody of ours."""
    return create_network(title="Сеть другого района", hub_municipality=net.outsider,
                          starts_on=D(2021, 9, 1))


@pytest.mark.parametrize(("who", "shown"), [
    ("hub_staff", True), ("coordinator", True), ("member_staff", True),
    ("member_analyst", False), ("member_school_user", False), ("outsider_staff", True),
])
def test_the_plans_list_offers_a_new_plan_to_those_who_keep_plans(net, login, who,  # noqa: F811
                                                                  shown):
    page = login(getattr(net, who)).get(reverse("plans_list"))
    assert page.context["can_keep"] is shown
    assert (reverse("plans_create") in page.content.decode()) is shown


@pytest.mark.parametrize(("who", "status"), [
    ("hub_staff", 200), ("coordinator", 200), ("member_staff", 200),
    ("member_analyst", 403), ("member_school_user", 403), ("other_school_user", 403),
])
def test_the_plan_form_opens_for_keepers_of_plans_only(net, login, who, status):  # noqa: F811
    assert login(getattr(net, who)).get(reverse("plans_create")).status_code == status


def test_a_coordinator_who_is_not_staff_chooses_among_the_networks_kept(net, login,  # noqa: F811
                                                                      elsewhere):
    response = login(net.coordinator).get(reverse("plans_create"),
                                          {"network": net.network.pk})
    form = response.context["form"]
    assert "programme" not in form.fields
    assert list(form.fields["network"].queryset) == [net.network]
    assert form["network"].value() == net.network.pk


def test_a_coordinator_who_is_not_staff_creates_the_networks_plan(net, login):  # noqa: F811
    response = login(net.coordinator).post(reverse("plans_create"),
                                           {**PLAN, "network": net.network.pk})
    plan = Plan.objects.get(title=PLAN["title"])
    assert response.status_code == 302
    assert response.headers["Location"] == reverse("plans_detail", args=[plan.pk])
    assert (plan.network, plan.programme) == (net.network, None)


def test_a_coordinator_on_staff_of_a_member_district_keeps_both_kinds(net, login):  # noqa: F811
    coordinator = factories.staff_user(net.member)
    set_coordinators(network=net.network, users=[net.coordinator, coordinator])
    form = login(coordinator).get(reverse("plans_create")).context["form"]
    assert list(form.fields["network"].queryset) == [net.network]
    assert "programme" in form.fields


@pytest.mark.parametrize("who", ["coordinator", "hub_staff"])
def test_it_refuses_a_network_the_user_does_not_keep_and_creates_nothing(net, login,  # noqa: F811
                                                                        elsewhere, who):
    response = login(getattr(net, who)).post(reverse("plans_create"),
                                             {**PLAN, "network": elsewhere.pk})
    assert response.status_code == 200
    assert response.context["form"].errors["network"] == [
        "Выберите сеть, которую вы ведёте: план другой сети добавляет её координатор."]
    assert not Plan.objects.exists()


def test_it_asks_a_coordinator_for_the_network_of_the_plan(net, login):  # noqa: F811
    response = login(net.coordinator).post(reverse("plans_create"), PLAN)
    assert response.context["form"].errors["network"] == [
        "Выберите сеть, которой принадлежит план."]
    assert not Plan.objects.exists()


def test_it_refuses_a_network_to_a_member_districts_staff(net, login):  # noqa: F811
    response = login(net.member_staff).post(reverse("plans_create"),
                                            {**PLAN, "network": net.network.pk})
    assert "network" in response.context["form"].errors
    assert not Plan.objects.exists()


def test_it_refuses_a_programme_plan_to_a_coordinator_who_is_not_staff(net, login):  # noqa: F811
    programme = factories.ProgrammeFactory(municipality=net.hub)
    response = login(net.coordinator).post(reverse("plans_create"),
                                           {**PLAN, "programme": programme.pk})
    assert "network" in response.context["form"].errors
    assert not Plan.objects.exists()


@pytest.mark.parametrize(("who", "shown"), [
    ("hub_staff", True), ("coordinator", True), ("member_staff", False),
    ("member_school_user", False),
])
def test_the_network_page_links_its_managers_to_a_new_plan_of_it(net, login, who,  # noqa: F811
                                                                 shown):
    page = login(getattr(net, who)).get(reverse("network_detail", args=[net.network.pk]))
    link = f'{reverse("plans_create")}?network={net.network.pk}'
    assert (link in page.content.decode()) is shown
    assert ("Добавить план сети" in page.content.decode()) is shown


@pytest.fixture
def held(net):  # noqa: F811
    """A network plan whose on-request item was held once, with a report file."""
    plan = create_plan(network=net.network, details=PlanDetails(
        title="Дорожная карта сети", kind="roadmap", starts_on=D(2021, 1, 1),
        ends_on=D(2021, 12, 31)))
    item = save_item(plan=plan, details=ItemDetails(
        topic="Сетевые консультации", term_kind="periodic", starts_on=D(2021, 1, 1),
        ends_on=D(2021, 12, 31), periodicity="on_request"))
    occurrence = record_occurrence(
        item=item, due_on=None, held_on=D(2021, 5, 12), recorded_by=net.coordinator,
        upload=SimpleUploadedFile("otchet.pdf", b"%PDF-1.4 otchet",
                                  content_type="application/pdf"))
    return plan, item, occurrence


@pytest.mark.parametrize(("who", "keeps", "reads"), [
    ("coordinator", 200, 200), ("hub_staff", 200, 200),
    ("member_staff", 403, 200), ("member_school_user", 403, 200),
    ("other_school_user", 404, 404), ("outsider_staff", 404, 404),
])
def test_the_network_plans_pages_answer_managers_members_and_outsiders(net, held, login,  # noqa: F811
                                                                       who, keeps, reads):
    plan, item, occurrence = held
    client = login(getattr(net, who))
    for name, pk in (("plans_edit", plan.pk), ("plans_item_edit", item.pk),
                     ("plans_occurrence_record", item.pk)):
        assert client.get(reverse(name, args=[pk])).status_code == keeps, name
    for name, pk in (("plans_detail", plan.pk), ("plans_occurrence_file", occurrence.pk)):
        assert client.get(reverse(name, args=[pk])).status_code == reads, name


def test_the_coordinator_adds_an_item_to_the_networks_plan(net, held, login):  # noqa: F811
    plan, _, _ = held
    response = login(net.coordinator).post(reverse("plans_item_add", args=[plan.pk]), {
        "topic": "Методический день сети", "term_kind": "date", "due_on": "2021-11-18"})
    assert response.status_code == 302
    assert plan.items.filter(topic="Методический день сети").exists()


@pytest.mark.parametrize("plans", [1, 4])
def test_the_plans_list_of_a_coordinator_costs_a_pinned_number_of_queries(
        net, login, django_assert_num_queries, plans):  # noqa: F811
    for number in range(plans):
        create_plan(network=net.network, details=PlanDetails(
            title=f"План сети {number}", kind="support", starts_on=D(2021, 1, 1),
            ends_on=D(2021, 12, 31)))
    client = login(net.coordinator)
    # The staff's six, and one asking whether a user who is not staff keeps a network.
    with django_assert_num_queries(7):
        response = client.get(reverse("plans_list"))
    assert len(response.context["summaries"]) == plans
    assert response.context["can_keep"] is True
