"""Pages of network events: a new event, its page, editing it, its report (held, outcome,
participants per member municipality) and its materials."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from core.forms import apply_posted_form
from internships.attachments import attachment_response
from networks import access
from networks.events import EventCard, add_material, plan_event, report_event, update_event
from networks.forms import MaterialForm, NetworkEventForm, ReportForm
from networks.models import EventMaterial, NetworkEvent, Partner
from networks.reads import host_choices, host_key, member_municipalities
from networks.views import form_page, managed_network, network_url
from teams.models import Municipality, Organization

CARD_FIELDS = ("starts_on", "ends_on", "form", "topic", "audience", "responsible")
SIDES = {"municipality": Municipality, "organization": Organization, "partner": Partner}


def event_for(request, pk) -> NetworkEvent:
    return get_object_or_404(access.events_for_user(request.user).select_related(
        "network__hub_municipality", "network__hub_organization", "municipality",
        "organization__municipality", "partner"), pk=pk)


def managed_event(request, pk) -> NetworkEvent:
    event = event_for(request, pk)
    if not request.user.has_perm("networks.manage_network", event.network):
        raise PermissionDenied
    return event


def _host(key: str, choices) -> object:
    if key not in dict(choices):
        raise ValidationError({"host": "Выберите, кто проводит мероприятие, из списка."})
    kind, pk = key.split(":")
    return SIDES[kind].objects.get(pk=pk)


def _card(data) -> EventCard:
    return EventCard(**{name: data[name] for name in CARD_FIELDS})


@login_required
def event_add(request, pk):
    network = managed_network(request, pk)
    choices = host_choices(network)
    form = NetworkEventForm(request.POST or None, host_choices=choices)
    done, event = apply_posted_form(request, form, lambda data: plan_event(
        network=network, card=_card(data), host=_host(data["host"], choices)))
    if done:
        messages.success(request, "Мероприятие опубликовано: его видят все участники сети.")
        return redirect("network_event", event.pk)
    return form_page(request, form, title="Новое мероприятие сети",
                     back_url=network_url(network), back_label=network.title)


@login_required
def event_detail(request, pk):
    event = event_for(request, pk)
    return render(request, "networks/event_detail.html", {
        "event": event, "network": event.network,
        "participations": list(event.participations.select_related("municipality")),
        "materials": list(event.materials.select_related("municipality")),
        "can_manage": request.user.has_perm("networks.manage_network", event.network),
        "can_add_material": request.user.has_perm("networks.add_material", event),
    })


def _event_url(event: NetworkEvent) -> str:
    return reverse("network_event", args=[event.pk])


@login_required
def event_edit(request, pk):
    event = managed_event(request, pk)
    choices = host_choices(event.network)
    form = NetworkEventForm(request.POST or None, host_choices=choices, initial={
        **{name: getattr(event, name) for name in CARD_FIELDS}, "host": host_key(event)})
    done, _ = apply_posted_form(request, form, lambda data: update_event(
        event=event, card=_card(data), host=_host(data["host"], choices)))
    if done:
        messages.success(request, "Мероприятие сохранено.")
        return redirect("network_event", event.pk)
    return form_page(request, form, title="Изменить мероприятие", back_url=_event_url(event),
                     back_label=event.topic)


@login_required
def event_report(request, pk):
    event = managed_event(request, pk)
    municipalities = member_municipalities(event.network)
    counts = {p.municipality_id: p.participants for p in event.participations.all()}
    form = ReportForm(request.POST or None, municipalities=municipalities, initial={
        "outcome": event.outcome,
        **{f"participants_{pk}": number for pk, number in counts.items()}})
    done, _ = apply_posted_form(request, form, lambda data: report_event(
        event=event, outcome=data["outcome"], participants=form.participants()))
    if done:
        messages.success(request, "Отчёт о мероприятии сохранён.")
        return redirect("network_event", event.pk)
    return form_page(request, form, title="Отчёт о мероприятии", back_url=_event_url(event),
                     back_label=event.topic)


@login_required
def material_add(request, pk):
    event = event_for(request, pk)
    if not request.user.has_perm("networks.add_material", event):
        raise PermissionDenied
    own = access.member_staff_municipality(request.user, event.network)
    form = MaterialForm(request.POST or None, request.FILES or None)
    done, _ = apply_posted_form(request, form, lambda data: add_material(
        event=event, title=data["title"], upload=data["file"], uploaded_by=request.user,
        municipality_id=own))
    if done:
        messages.success(request, "Материал добавлен.")
        return redirect("network_event", event.pk)
    return form_page(request, form, title="Материал мероприятия", back_url=_event_url(event),
                     back_label=event.topic)


@login_required
def material_download(request, pk):
    material = get_object_or_404(EventMaterial.objects.filter(
        event__in=access.events_for_user(request.user)), pk=pk)
    return attachment_response(material)
