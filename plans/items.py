"""Writes of plans and their items: a plan of a programme or of a network, an
organization's plan of a programme and its publication on the organization's site, an item
with a consistent term."""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction

from internships.models import Programme
from networks.models import Network
from plans.access import network_municipalities
from plans.models import Periodicity, Plan, PlanItem, TermKind
from teams.models import Organization


@dataclass(frozen=True)
class PlanDetails:
    title: str
    kind: str
    starts_on: datetime.date
    ends_on: datetime.date
    school_years: bool = False
    approval: str = ""
    source: str = ""


@dataclass(frozen=True)
class ItemDetails:
    topic: str
    term_kind: str
    section: str = ""
    number: str = ""
    form: str = ""
    audience: str = ""
    responsible: str = ""
    organization: Organization | None = None
    due_on: datetime.date | None = None
    starts_on: datetime.date | None = None
    ends_on: datetime.date | None = None
    periodicity: str = ""
    term_text: str = ""
    expected_result: str = ""


def _check_plan(details: PlanDetails, *, programme: Programme | None, network: Network | None,
                plan: Plan | None) -> None:
    if (programme is None) == (network is None):
        raise ValidationError("План принадлежит либо проекту, либо сети — укажите одно из "
                              "двух.")
    if not details.title.strip():
        raise ValidationError({"title": "Укажите название плана."})
    if details.ends_on < details.starts_on:
        raise ValidationError({"ends_on": "Окончание срока плана раньше его начала."})
    if programme is not None:
        same = Plan.objects.filter(programme=programme, title=details.title.strip())
    else:
        same = Plan.objects.filter(network=network, title=details.title.strip())
    if plan is not None:
        same = same.exclude(pk=plan.pk)
    if same.exists():
        where = "проекте" if programme is not None else "сети"
        raise ValidationError({"title": f"План с таким названием в {where} уже есть."})


@transaction.atomic
def create_plan(*, details: PlanDetails, programme: Programme | None = None,
                network: Network | None = None) -> Plan:
    """A plan of a programme or of a network (exactly one of them)."""
    _check_plan(details, programme=programme, network=network, plan=None)
    return Plan.objects.create(programme=programme, network=network, **{
        **details.__dict__, "title": details.title.strip()})


@transaction.atomic
def create_organization_plan(*, programme: Programme, organization: Organization,
                             details: PlanDetails) -> Plan:
    """The organization's own plan of events for the programme: one per organization."""
    if organization.municipality_id != programme.municipality_id:
        raise ValidationError("План организации — только по проекту её района.")
    if Plan.objects.filter(programme=programme, organization=organization).exists():
        raise ValidationError("У организации уже есть план мероприятий по этому проекту.")
    _check_plan(details, programme=programme, network=None, plan=None)
    return Plan.objects.create(programme=programme, organization=organization, **{
        **details.__dict__, "title": details.title.strip()})


@transaction.atomic
def publish_plan(*, plan: Plan, url: str, today: datetime.date) -> Plan:
    """Where the organization publishes its plan; an empty address takes the publication
    back. The date is the day the address was first given (or changed)."""
    if plan.organization_id is None:
        raise ValidationError("Ссылку на сайт указывают для плана организации.")
    url = url.strip()
    if url and not url.lower().startswith(("http://", "https://")):
        raise ValidationError({"published_url": "Укажите адрес страницы, начиная с https://."})
    if url != plan.published_url:
        plan.published_on = today if url else None
    plan.published_url = url
    plan.save(update_fields=["published_url", "published_on"])
    return plan


@transaction.atomic
def update_plan(*, plan: Plan, details: PlanDetails) -> Plan:
    _check_plan(details, programme=plan.programme, network=plan.network, plan=plan)
    outside = [item for item in plan.items.all() if not _within(item, details)]
    if outside:
        raise ValidationError(
            f"Срок пунктов {', '.join(item.number or item.topic[:40] for item in outside[:5])} "
            "выходит за новый срок плана: сначала исправьте их.")
    for name, value in {**details.__dict__, "title": details.title.strip()}.items():
        setattr(plan, name, value)
    plan.save()
    return plan


def _within(item, plan) -> bool:
    days = [day for day in (item.due_on, item.starts_on, item.ends_on) if day]
    return all(plan.starts_on <= day <= plan.ends_on for day in days)


def _term_fields(details: ItemDetails) -> dict:
    """Only the fields of the chosen kind of term; a missing one is refused in Russian."""
    kind = details.term_kind
    if kind == TermKind.DATE:
        if not details.due_on:
            raise ValidationError({"due_on": "Укажите дату мероприятия."})
        return {"due_on": details.due_on}
    if kind == TermKind.NONE:
        return {}
    if kind not in (TermKind.RANGE, TermKind.PERIODIC):
        raise ValidationError({"term_kind": "Выберите вид срока."})
    if not details.starts_on or not details.ends_on:
        raise ValidationError({"starts_on": "Укажите начало и окончание срока."})
    if details.ends_on < details.starts_on:
        raise ValidationError({"ends_on": "Окончание срока раньше его начала."})
    fields = {"starts_on": details.starts_on, "ends_on": details.ends_on}
    if kind == TermKind.PERIODIC:
        if details.periodicity not in Periodicity.values:
            raise ValidationError({"periodicity": "Выберите периодичность."})
        fields["periodicity"] = details.periodicity
    return fields


@transaction.atomic
def save_item(*, plan: Plan, details: ItemDetails, item: PlanItem | None = None) -> PlanItem:
    """Add an item to the plan or change one; its term must lie inside the plan's term."""
    if not details.topic.strip():
        raise ValidationError({"topic": "Укажите мероприятие."})
    term = {"due_on": None, "starts_on": None, "ends_on": None, "periodicity": "",
            **_term_fields(details)}
    if not _within(_Days(**{k: term[k] for k in ("due_on", "starts_on", "ends_on")}), plan):
        raise ValidationError(
            f"Срок пункта выходит за срок плана ({plan.starts_on:%d.%m.%Y} – "
            f"{plan.ends_on:%d.%m.%Y}).")
    if details.organization is not None and not _may_execute(plan, details.organization):
        raise ValidationError({"organization": "Выберите организацию своего района (для плана "
                                               "сети — района участника сети)."})
    if item is not None and item.term_kind != details.term_kind and item.occurrences.exists():
        raise ValidationError({"term_kind": "У пункта уже отмечены проведения: вид срока "
                                            "менять нельзя, исправьте даты."})
    values = {
        "section": details.section.strip(), "number": details.number.strip(),
        "form": details.form.strip(), "topic": details.topic.strip(),
        "audience": details.audience.strip(), "responsible": details.responsible.strip(),
        "organization": details.organization, "term_kind": details.term_kind,
        "term_text": details.term_text.strip(),
        "expected_result": details.expected_result.strip(), **term}
    if item is None:
        last = plan.items.order_by("-position").values_list("position", flat=True).first()
        return PlanItem.objects.create(plan=plan, position=(last or 0) + 1, **values)
    for name, value in values.items():
        setattr(item, name, value)
    item.save()
    return item


def _may_execute(plan: Plan, organization: Organization) -> bool:
    if plan.network_id is None:
        return organization.municipality_id == plan.programme.municipality_id
    return organization.municipality_id in network_municipalities(plan.network)


@dataclass(frozen=True)
class _Days:
    due_on: datetime.date | None
    starts_on: datetime.date | None
    ends_on: datetime.date | None
