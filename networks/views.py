"""Pages of networks: the list, a new network, the network page, adding a member or
partner, a membership's status and documents."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from core.forms import apply_posted_form
from internships.attachments import attachment_response
from internships.models import Programme
from networks import access
from networks.forms import CoordinatorsForm, MemberForm, MembershipForm, NetworkForm
from networks.memberships import (
    add_member,
    attach_document,
    change_membership,
    create_network,
    set_coordinators,
)
from networks.models import Membership, MembershipDocument, Network, Partner
from networks.reads import (
    agreement_rows,
    coordinator_candidates,
    council_protocols_of,
    events_of,
    memberships_of,
    network_rows,
)
from teams.access import acting_municipality, profile_of
from teams.models import Municipality, Organization


def network_for(request, pk) -> Network:
    return get_object_or_404(access.networks_for_user(request.user).select_related(
        "hub_municipality", "hub_organization", "programme"), pk=pk)


def managed_network(request, pk) -> Network:
    network = network_for(request, pk)
    if not request.user.has_perm("networks.manage_network", network):
        raise PermissionDenied
    return network


def form_page(request, form, *, title: str, back_url: str, back_label: str):
    return render(request, "form_page.html", {"form": form, "title": title,
                                              "back_url": back_url, "back_label": back_label})


@login_required
def network_list(request):
    if profile_of(request.user) is None and not request.user.is_superuser:
        raise PermissionDenied
    return render(request, "networks/network_list.html", {
        "networks": network_rows(access.networks_for_user(request.user)),
        "can_create": access.may_create_network(request.user),
    })


@login_required
def network_add(request):
    if not access.may_create_network(request.user):
        raise PermissionDenied
    municipality = acting_municipality(request)
    form = NetworkForm(request.POST or None,
                       organizations=Organization.objects.filter(municipality=municipality),
                       programmes=Programme.objects.filter(municipality=municipality))

    def apply(data):
        return create_network(hub_municipality=municipality, coordinators=[request.user],
                              **data)

    done, network = apply_posted_form(request, form, apply)
    if done:
        messages.success(request, f"Сеть «{network.title}» создана: добавьте участников.")
        return redirect("network_detail", network.pk)
    return form_page(request, form, title="Новая сеть", back_url=reverse("network_list"),
                     back_label="Сети")


@login_required
def network_detail(request, pk):
    network = network_for(request, pk)
    today = timezone.localdate()
    agreements = agreement_rows(network.agreements.all(), today=today)
    return render(request, "networks/network_detail.html", {
        "network": network,
        "memberships": memberships_of(network),
        "coordinators": list(network.coordinators.order_by("last_name", "first_name")),
        "agreements": agreements,
        "warnings": [row for row in agreements if row.expiry],
        "events": list(events_of(network)),
        # The plans the network owns (plans.Plan.network), shared like its events.
        "plans": list(network.plans.order_by("starts_on", "title")),
        "joint_reports": list(network.joint_reports.order_by("-period_starts_on", "pk")),
        "council_protocols": list(council_protocols_of(network)),
        "can_manage": request.user.has_perm("networks.manage_network", network),
        "can_contribute": request.user.has_perm("networks.contribute", network),
    })


@login_required
def network_member_add(request, pk):
    network = managed_network(request, pk)
    form = MemberForm(request.POST or None,
                      municipalities=Municipality.objects.order_by("name"),
                      organizations=Organization.objects.select_related("municipality")
                      .order_by("municipality__name", "sort_rank", "short_name"),
                      partners=Partner.objects.all())

    def apply(data):
        side = data["municipality"] or data["organization"] or data["partner"]
        if side is None:
            side, _ = Partner.objects.get_or_create(
                name=data["partner_name"], defaults={
                    "short_name": data["partner_short_name"] or data["partner_name"][:200],
                    "kind": data["partner_kind"]})
        return add_member(network=network, side=side, role=data["role"],
                          status=data["status"], joined_on=data["joined_on"])

    done, membership = apply_posted_form(request, form, apply)
    if done:
        messages.success(request, f"«{membership.side_name}» добавлен(а) в сеть.")
        return redirect("network_detail", network.pk)
    return form_page(request, form, title="Добавить участника или партнёра",
                     back_url=network_url(network), back_label=network.title)


def network_url(network: Network) -> str:
    return reverse("network_detail", args=[network.pk])


@login_required
def network_membership_edit(request, pk):
    membership = get_object_or_404(
        Membership.objects.filter(network__in=access.networks_for_user(request.user))
        .select_related("network", "municipality", "organization__municipality", "partner"),
        pk=pk)
    network = membership.network
    if not request.user.has_perm("networks.manage_network", network):
        raise PermissionDenied
    form = MembershipForm(request.POST or None, request.FILES or None, initial={
        "status": membership.status, "joined_on": membership.joined_on,
        "ended_on": membership.ended_on, "note": membership.note})

    @transaction.atomic
    def apply(data):
        change_membership(membership=membership, status=data["status"],
                          joined_on=data["joined_on"], ended_on=data["ended_on"],
                          note=data["note"])
        if data["document"]:
            attach_document(membership=membership, title=data["document_title"],
                            upload=data["document"], uploaded_by=request.user)
        return membership

    done, _ = apply_posted_form(request, form, apply)
    if done:
        messages.success(request, f"Участие «{membership.side_name}» сохранено.")
        return redirect("network_detail", network.pk)
    return form_page(request, form, title=f"Участие: {membership.side_name}",
                     back_url=network_url(network), back_label=network.title)


@login_required
def network_membership_document(request, pk):
    document = get_object_or_404(MembershipDocument.objects.filter(
        membership__network__in=access.networks_for_user(request.user)), pk=pk)
    return attachment_response(document)


@login_required
def network_coordinators(request, pk):
    network = managed_network(request, pk)
    # An empty list is a real answer here, so the form is bound on every POST.
    posted = request.POST if request.method == "POST" else None
    form = CoordinatorsForm(posted, users=coordinator_candidates(network),
                            initial={"coordinators": list(network.coordinators.all())})
    done, _ = apply_posted_form(request, form, lambda data: set_coordinators(
        network=network, users=data["coordinators"]))
    if done:
        messages.success(request, "Координаторы сети сохранены.")
        return redirect("network_detail", network.pk)
    return form_page(request, form, title="Координаторы сети", back_url=network_url(network),
                     back_label=network.title)
