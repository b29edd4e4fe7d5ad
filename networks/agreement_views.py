"""Pages of agreements: the list with unsigned parties and expiry warnings, a new agreement
of a network, the agreement page, recording a party's signature, the files and the draft."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from core.downloads import file_download
from core.forms import apply_posted_form
from internships.models import Programme
from networks import access
from networks.agreements import (
    AgreementCard,
    create_agreement,
    expiry_days,
    record_signature,
)
from networks.drafts import DOCX_TYPE, agreement_draft
from networks.forms import AgreementForm, SignatureForm
from networks.models import AgreementKind, AgreementParty, MembershipStatus
from networks.reads import agreement_rows, memberships_of
from networks.views import form_page, managed_network, network_url
from teams.access import acting_municipality, profile_of
from teams.models import Organization

CARD_FIELDS = ("kind", "title", "subject", "number", "concluded_on", "valid_from", "valid_to")


def agreement_for(request, pk):
    return get_object_or_404(access.agreements_for_user(request.user).select_related(
        "network", "municipality", "programme"), pk=pk)


def party_for(request, pk) -> AgreementParty:
    return get_object_or_404(AgreementParty.objects.filter(
        agreement__in=access.agreements_for_user(request.user)).select_related(
        "agreement__network", "municipality", "organization__municipality", "partner"), pk=pk)


@login_required
def agreement_list(request):
    if profile_of(request.user) is None and not request.user.is_superuser:
        raise PermissionDenied
    rows = agreement_rows(access.agreements_for_user(request.user)
                          .order_by("valid_to", "title", "pk"), today=timezone.localdate())
    return render(request, "networks/agreement_list.html", {
        "rows": rows, "warnings": [row for row in rows if row.expiry],
        "expiry_days": expiry_days(), "can_create": access.may_create_network(request.user)})


@login_required
def agreement_add(request, pk):
    network = managed_network(request, pk)
    members = [m for m in memberships_of(network) if m.status != MembershipStatus.ENDED]
    by_key = {str(m.pk): m.side for m in members}
    form = AgreementForm(request.POST or None, request.FILES or None,
                         party_choices=[(str(m.pk), m.side_name) for m in members])

    def apply(data):
        return create_agreement(
            card=AgreementCard(**{name: data[name] for name in CARD_FIELDS}),
            municipality=network.hub_municipality, network=network,
            programme=network.programme, upload=data["file"],
            parties=[by_key[key] for key in data.get("parties", [])])

    done, agreement = apply_posted_form(request, form, apply)
    if done:
        messages.success(request, "Соглашение сохранено: отмечайте подписи сторон.")
        return redirect("network_agreement", agreement.pk)
    return form_page(request, form, title="Новое соглашение", back_url=network_url(network),
                     back_label=network.title)


@login_required
def municipal_agreement_add(request):
    """An agreement of the department outside any network: with its own organizations,
    e.g. on joint activity in a programme of mutual learning."""
    if not access.may_create_network(request.user):
        raise PermissionDenied
    municipality = acting_municipality(request)
    organizations = {str(o.pk): o for o in Organization.objects.filter(
        municipality=municipality).order_by("sort_rank", "short_name")}
    form = AgreementForm(request.POST or None, request.FILES or None, party_choices=[
        (key, organization.short_name) for key, organization in organizations.items()],
        initial={"kind": AgreementKind.JOINT})

    def apply(data):
        return create_agreement(
            card=AgreementCard(**{name: data[name] for name in CARD_FIELDS}),
            municipality=municipality, upload=data["file"],
            programme=Programme.objects.filter(municipality=municipality)
            .order_by("-starts_on").first(),
            parties=[municipality, *(organizations[key] for key in data.get("parties", []))])

    done, agreement = apply_posted_form(request, form, apply)
    if done:
        messages.success(request, "Соглашение сохранено: отмечайте подписи сторон.")
        return redirect("network_agreement", agreement.pk)
    return form_page(request, form, title="Новое соглашение управления образования",
                     back_url=reverse("network_agreement_list"),
                     back_label="Соглашения и согласия")


@login_required
def agreement_detail(request, pk):
    agreement = agreement_for(request, pk)
    row = agreement_rows(type(agreement).objects.filter(pk=agreement.pk),
                         today=timezone.localdate())[0]
    return render(request, "networks/agreement_detail.html", {
        "agreement": agreement, "row": row,
        "signable": {party.pk for party in row.parties
                     if request.user.has_perm("networks.sign_party", party)},
    })


@login_required
def agreement_file(request, pk):
    agreement = agreement_for(request, pk)
    if not agreement.file:
        raise Http404
    return file_download(agreement.file, filename=agreement.file_name,
                         content_type=agreement.file_type)


@login_required
def agreement_draft_docx(request, pk):
    agreement = agreement_for(request, pk)
    response = HttpResponse(agreement_draft(agreement), content_type=DOCX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="agreement-{agreement.pk}.docx"'
    return response


@login_required
def party_sign(request, pk):
    party = party_for(request, pk)
    if not request.user.has_perm("networks.sign_party", party):
        raise PermissionDenied
    form = SignatureForm(request.POST or None, request.FILES or None, initial={
        "signed_on": party.signed_on or timezone.localdate(), "signed_by": party.signed_by})

    def apply(data):
        return record_signature(party=party, signed_on=data["signed_on"],
                                signed_by=data["signed_by"], scan=data["scan"])

    done, _ = apply_posted_form(request, form, apply)
    back = reverse("network_agreement", args=[party.agreement_id])
    if done:
        messages.success(request, f"Подпись стороны «{party.side_name}» отмечена.")
        return redirect("network_agreement", party.agreement_id)
    return form_page(request, form, title=f"Подписание: {party.side_name}", back_url=back,
                     back_label=party.agreement.title)


@login_required
def party_scan(request, pk):
    party = party_for(request, pk)
    if not party.scan:
        raise Http404
    return file_download(party.scan, filename=party.scan_name, content_type=party.scan_type)
