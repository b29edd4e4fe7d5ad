"""Pages of the network's coordination council: a protocol read by the network's members, and
recorded or rewritten by its managers through the council book."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from core.forms import add_service_errors
from internships.attachments import attachment_response
from internships.council_forms import agenda_inputs
from internships.models import CouncilMeeting
from networks import access
from networks.council import NO_PROGRAMME, save_network_protocol
from networks.council_forms import ProtocolForm, question_formset
from networks.models import CouncilProtocol
from networks.views import managed_network


def _protocol_for(request, pk) -> CouncilProtocol:
    return get_object_or_404(
        access.council_protocols_for_user(request.user).select_related(
            "network__programme", "meeting__period"), pk=pk)


def _current_period(periods):
    today = timezone.localdate()
    return next((period for period in periods if period.starts_on <= today <= period.ends_on),
                periods[0] if periods else None)


def _form_page(request, *, network, protocol: CouncilProtocol | None):
    if protocol is None and network.programme_id is None:
        return render(request, "networks/council_form.html", {
            "network": network, "protocol": None, "no_programme": NO_PROGRAMME})
    meeting = protocol.meeting if protocol is not None else CouncilMeeting()
    periods = None
    initial = {}
    if protocol is not None:
        initial = {"number": meeting.number, "held_on": meeting.held_on,
                   "attendees": meeting.attendees}
    elif network.programme_id is not None:
        periods = network.programme.periods.order_by("-starts_on")
        initial = {"period": _current_period(list(periods))}
    form = ProtocolForm(request.POST or None, initial=initial, periods=periods)
    formset = question_formset(request.POST or None, meeting=meeting)
    if request.method == "POST" and all([form.is_valid(), formset.is_valid()]):
        data = form.cleaned_data
        try:
            saved = save_network_protocol(
                network=network, period=data["period"] if protocol is None else meeting.period,
                number=data["number"], held_on=data["held_on"], attendees=data["attendees"],
                items=agenda_inputs(formset), user=request.user, protocol=protocol)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"{saved.meeting} координационного совета сохранён.")
            return redirect("network_council_protocol", saved.pk)
    return render(request, "networks/council_form.html", {
        "network": network, "protocol": protocol, "form": form, "formset": formset,
    })


@login_required
def council_add(request, pk):
    return _form_page(request, network=managed_network(request, pk), protocol=None)


@login_required
def council_edit(request, pk):
    protocol = _protocol_for(request, pk)
    if not request.user.has_perm("networks.manage_network", protocol.network):
        raise PermissionDenied
    return _form_page(request, network=protocol.network, protocol=protocol)


@login_required
def council_protocol(request, pk):
    protocol = get_object_or_404(
        access.council_protocols_for_user(request.user).select_related(
            "network", "meeting__period").prefetch_related(
            "meeting__items", "meeting__attachments"),
        pk=pk)
    return render(request, "networks/council_protocol.html", {
        "protocol": protocol, "network": protocol.network, "meeting": protocol.meeting,
        "can_manage": request.user.has_perm("networks.manage_network", protocol.network),
    })


@login_required
def council_attachment(request, pk):
    return attachment_response(get_object_or_404(
        access.council_attachments_for_user(request.user), pk=pk))
