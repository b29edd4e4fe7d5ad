"""An organization's plan of events for the project (seed 004, criterion 4): the organization
keeps it and publishes it on its site; staff read every plan; other schools read a published
plan only; the monitoring counts the published plans."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from mutual.assignments import seed_criteria
from mutual.reads import dashboard, organization_plan_rows
from plans.items import (
    ItemDetails,
    PlanDetails,
    create_organization_plan,
    publish_plan,
    save_item,
)
from plans.models import Plan
from tests.helpers import messages_of

D = datetime.date
DETAILS = PlanDetails(title="План мероприятий ОО: СОШ № 1", kind="work",
                      starts_on=D(2021, 11, 1), ends_on=D(2022, 5, 31))


@pytest.fixture
def own_plan(world) -> Plan:
    plan = create_organization_plan(programme=world.programme, organization=world.school_a,
                                    details=DETAILS)
    save_item(plan=plan, details=ItemDetails(
        topic="Практико-ориентированный семинар «Смысловое чтение»", form="семинар",
        responsible="Кузнецова О. В.", audience="педагоги ОО района", term_kind="date",
        due_on=D(2022, 2, 10), expected_result="Приёмы смыслового чтения в уроке"))
    return plan


def test_it_keeps_one_plan_per_organization_in_a_programme(world, own_plan):
    with pytest.raises(ValidationError, match="уже есть план"):
        create_organization_plan(programme=world.programme, organization=world.school_a,
                                 details=DETAILS)
    with pytest.raises(IntegrityError), transaction.atomic():
        Plan.objects.create(programme=world.programme, organization=world.school_a,
                            title="Второй план", kind="work", starts_on=D(2021, 11, 1),
                            ends_on=D(2022, 5, 31))


def test_the_database_refuses_a_publication_without_a_date(world, own_plan):
    with pytest.raises(IntegrityError), transaction.atomic():
        Plan.objects.filter(pk=own_plan.pk).update(published_url="https://a.example.ru/plan")


def test_it_refuses_a_plan_for_a_programme_of_another_district(world):
    with pytest.raises(ValidationError, match="только по проекту её района"):
        create_organization_plan(programme=world.programme,
                                 organization=world.other_organization, details=DETAILS)


def test_publishing_sets_the_date_and_an_empty_address_takes_it_back(world, own_plan):
    publish_plan(plan=own_plan, url="https://sosh1.example.ru/plan", today=D(2022, 2, 1))
    own_plan.refresh_from_db()
    assert own_plan.published_on == D(2022, 2, 1)
    publish_plan(plan=own_plan, url="https://sosh1.example.ru/plan", today=D(2022, 3, 1))
    own_plan.refresh_from_db()
    assert own_plan.published_on == D(2022, 2, 1)
    publish_plan(plan=own_plan, url="", today=D(2022, 3, 1))
    own_plan.refresh_from_db()
    assert (own_plan.published_url, own_plan.published_on) == ("", None)


def test_a_programme_plan_cannot_be_published(world):
    plan = Plan.objects.create(programme=world.programme, title="Совместный план",
                               kind="work", starts_on=D(2021, 11, 1), ends_on=D(2022, 5, 31))
    with pytest.raises(ValidationError):
        publish_plan(plan=plan, url="https://imc.example.ru/plan", today=D(2022, 2, 1))


@pytest.mark.parametrize(("user", "answer"), [
    ("school_user", 200), ("staff", 200), ("curator", 200), ("analyst", 200),
    ("school_b_user", 404), ("outsider", 404)])
def test_a_draft_plan_is_read_by_its_school_and_the_department(client, world, own_plan,
                                                                user, answer):
    client.force_login(getattr(world, user))
    assert client.get(reverse("plans_detail", args=[own_plan.pk])).status_code == answer


@pytest.mark.parametrize(("user", "answer"), [
    ("school_user", 200), ("staff", 200), ("school_b_user", 200), ("outsider", 404)])
def test_a_published_plan_is_read_by_other_schools(client, world, own_plan, user, answer):
    publish_plan(plan=own_plan, url="https://sosh1.example.ru/plan", today=D(2022, 2, 1))
    client.force_login(getattr(world, user))
    assert client.get(reverse("plans_detail", args=[own_plan.pk])).status_code == answer


@pytest.mark.parametrize(("user", "answer"), [
    ("school_user", 200), ("staff", 403), ("curator", 403), ("school_b_user", 403),
    ("outsider", 404)])
def test_only_the_organization_keeps_its_published_plan(client, world, own_plan, user, answer):
    publish_plan(plan=own_plan, url="https://sosh1.example.ru/plan", today=D(2022, 2, 1))
    client.force_login(getattr(world, user))
    for name in ("plans_item_add", "plans_edit", "plans_publish"):
        assert client.get(reverse(name, args=[own_plan.pk])).status_code == answer, name
    item = own_plan.items.get()
    assert client.get(reverse("plans_occurrence_record", args=[item.pk]) + "?due=2022-02-10"
                      ).status_code == answer


def test_the_school_creates_its_plan_from_mutual_learning(client, world):
    client.force_login(world.school_user)
    url = reverse("mutual_organization_plan", args=[world.programme.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert "План мероприятий ОО: СОШ № 1" in page.content.decode()
    response = client.post(url, {
        "programme": world.programme.pk, "title": "План мероприятий ОО: СОШ № 1",
        "kind": "work", "starts_on": world.programme.starts_on.isoformat(),
        "ends_on": world.programme.ends_on.isoformat()})
    plan = Plan.objects.get(organization=world.school_a)
    assert response.status_code == 302 and response["Location"] == reverse(
        "plans_detail", args=[plan.pk])
    assert client.get(url)["Location"] == reverse("plans_detail", args=[plan.pk])


@pytest.mark.parametrize(("user", "answer"), [
    ("staff", 403), ("curator", 403), ("analyst", 403), ("outsider", 404)])
def test_only_a_school_team_has_an_organization_plan(client, world, user, answer):
    client.force_login(getattr(world, user))
    url = reverse("mutual_organization_plan", args=[world.programme.pk])
    assert client.get(url).status_code == answer


def test_a_bad_address_is_refused_in_russian_and_changes_nothing(client, world, own_plan):
    client.force_login(world.school_user)
    response = client.post(reverse("plans_publish", args=[own_plan.pk]),
                           {"published_url": "сайт школы"})
    assert response.status_code == 200
    assert "Введите адрес страницы" in response.content.decode()
    own_plan.refresh_from_db()
    assert own_plan.published_url == ""


def test_the_school_publishes_its_plan(client, world, own_plan):
    client.force_login(world.school_user)
    response = client.post(reverse("plans_publish", args=[own_plan.pk]),
                           {"published_url": "https://sosh1.example.ru/plan"})
    assert response.status_code == 302
    assert "Ссылка на план на сайте ОО сохранена." in messages_of(client.get(response["Location"]))
    own_plan.refresh_from_db()
    assert own_plan.published_url == "https://sosh1.example.ru/plan"
    assert own_plan.published_on is not None


def test_criterion_4_counts_published_plans_of_all_organizations(world, own_plan):
    seed_criteria(programme=world.programme)
    other = create_organization_plan(programme=world.programme, organization=world.school_b,
                                     details=PlanDetails(**{**DETAILS.__dict__,
                                                            "title": "План Гимназии № 2"}))
    publish_plan(plan=own_plan, url="https://sosh1.example.ru/plan", today=D(2022, 2, 1))
    assert other.published_url == ""
    results = {r.criterion.number: r for r in dashboard(world.programme, today=D(2022, 2, 1))}
    # Five organizations; one plan published, one only drafted.
    assert results[4].value == "1 из 5 организаций"
    assert results[4].indicator == "нет"
    assert world.school_b in results[4].missing and world.school_a not in results[4].missing
    rows = {row.organization.short_name: row.plan for row in organization_plan_rows(
        world.programme)}
    assert rows["СОШ № 1"] == own_plan and rows["Гимназия № 2"] == other
    assert rows["ООШ № 3"] is None


def test_the_monitoring_lists_plans_in_a_fixed_number_of_queries(
        client, world, own_plan, django_assert_num_queries):
    seed_criteria(programme=world.programme)
    client.force_login(world.staff)
    url = reverse("mutual_monitoring", args=[world.programme.pk])
    client.get(url)
    # The dashboard's criteria (one of them the programme's recommendations in the products
    # register) and the organizations' plans: the same count with one plan or two.
    with django_assert_num_queries(14):
        page = client.get(url)
    assert "План мероприятий ОО: СОШ № 1" in page.content.decode()
    publish_plan(plan=own_plan, url="https://sosh1.example.ru/plan", today=D(2022, 2, 1))
    create_organization_plan(programme=world.programme, organization=world.school_b,
                             details=PlanDetails(**{**DETAILS.__dict__,
                                                    "title": "План Гимназии № 2"}))
    with django_assert_num_queries(14):
        page = client.get(url)
    assert "https://sosh1.example.ru/plan" in page.content.decode()


def test_staff_reach_the_products_form_with_recommendations_chosen(client, world):
    seed_criteria(programme=world.programme)
    client.force_login(world.staff)
    monitoring = client.get(reverse("mutual_monitoring", args=[world.programme.pk]))
    link = reverse("register_product_create") + "?kind=recommendations"
    assert link in monitoring.content.decode()
    form = client.get(link).content.decode()
    assert '<option value="recommendations" selected>' in form
    unknown = client.get(reverse("register_product_create") + "?kind=poster").content.decode()
    assert '<option value="" selected>' in unknown
    assert '<option value="recommendations" selected>' not in unknown
