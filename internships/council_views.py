"""Pages of the book of council protocols: staff roles read, department staff write."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from core.forms import add_service_errors
from internships import council
from internships.access import council_meetings_for_user
from internships.attachments import attachment_response
from internships.council_forms import (
    AttachmentForm,
    CouncilMeetingFilter,
    CouncilMeetingForm,
    agenda_formset,
    agenda_inputs,
)
from internships.models import AgendaItem, CouncilAttachment, CouncilMeeting, Placement, Transfer
from internships.views import _selected_period, municipality_wide

HISTORY_SHOWN = 20


def _meetings(request):
    return council_meetings_for_user(request.user).select_related("period__programme")


def _meeting_for(request, pk) -> CouncilMeeting:
    return get_object_or_404(_meetings(request), pk=pk)


def _attachment_for(request, pk) -> CouncilAttachment:
    return get_object_or_404(
        CouncilAttachment.objects.filter(
            meeting__in=council_meetings_for_user(request.user)
        ).select_related("meeting__period__programme"),
        pk=pk,
    )


def _require_keeper(request, period) -> None:
    if not request.user.has_perm("internships.keep_council", period):
        raise PermissionDenied


@municipality_wide
def council_list(request):
    period, periods = _selected_period(request)
    data = request.GET.copy()
    if "period" not in data and period is not None:
        data["period"] = str(period.pk)
    meetings = _meetings(request).annotate(
        item_count=Count("items", distinct=True),
        attachment_count=Count("attachments", distinct=True),
    ).order_by("-held_on", "-number")
    meeting_filter = CouncilMeetingFilter(data, queryset=meetings, periods=periods)
    chosen = meeting_filter.form.cleaned_data.get("period") if meeting_filter.is_valid() else None
    return render(request, "internships/council_list.html", {
        "filter": meeting_filter,
        "meetings": meeting_filter.qs if meeting_filter.is_valid() else meetings.none(),
        "period": chosen,
        "new_period": chosen or period,
        "can_keep": request.user.has_perm("internships.keep_council", chosen or period),
        "filtered": bool(request.GET.get("q")),
    })


@login_required
def council_detail(request, pk):
    meeting = get_object_or_404(
        _meetings(request).select_related("created_by").prefetch_related(
            Prefetch("items", queryset=AgendaItem.objects.prefetch_related(
                Prefetch("placements", queryset=Placement.objects.select_related(
                    "team__organization", "platform__direction"
                ).order_by("platform__direction__number", "team__organization__sort_rank",
                           "team__organization__number")),
                Prefetch("transfers", queryset=Transfer.objects.select_related(
                    "placement__team__organization", "placement__platform__direction"
                )),
            )),
            Prefetch("attachments",
                     queryset=CouncilAttachment.objects.select_related("uploaded_by")),
        ),
        pk=pk,
    )
    return render(request, "internships/council_detail.html", {
        "meeting": meeting,
        "history": meeting.history.select_related("history_user")
        .order_by("-history_date", "-history_id")[:HISTORY_SHOWN],
        "can_keep": request.user.has_perm("internships.keep_council", meeting.period),
        "attachment_form": AttachmentForm(),
    })


def _protocol_form_page(request, *, period, meeting, periods=None):
    initial = {}
    if meeting.pk:
        initial = {"number": meeting.number, "held_on": meeting.held_on,
                   "attendees": meeting.attendees}
    form = CouncilMeetingForm(request.POST or None, initial=initial)
    formset = agenda_formset(request.POST or None, meeting=meeting, period=period)
    if request.method == "POST" and all([form.is_valid(), formset.is_valid()]):
        try:
            saved = council.save_protocol(
                period=period,
                number=form.cleaned_data["number"],
                held_on=form.cleaned_data["held_on"],
                attendees=form.cleaned_data["attendees"],
                items=agenda_inputs(formset),
                user=request.user,
                meeting=meeting if meeting.pk else None,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"{saved} сохранён.")
            return redirect("council_detail", pk=saved.pk)
    return render(request, "internships/council_form.html", {
        "form": form,
        "formset": formset,
        "meeting": meeting if meeting.pk else None,
        "period": period,
        "periods": periods if periods is not None else [],
    })


@municipality_wide
def council_create(request):
    period, periods = _selected_period(request)
    if period is None:
        raise Http404("Учебный год ещё не заведён.")
    _require_keeper(request, period)
    return _protocol_form_page(request, period=period, meeting=CouncilMeeting(period=period),
                               periods=periods)


@login_required
def council_edit(request, pk):
    meeting = _meeting_for(request, pk)
    _require_keeper(request, meeting.period)
    return _protocol_form_page(request, period=meeting.period, meeting=meeting)


@login_required
def council_attachment_add(request, pk):
    meeting = _meeting_for(request, pk)
    _require_keeper(request, meeting.period)
    form = AttachmentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            attachment = council.attach_file(
                meeting=meeting, upload=form.cleaned_data["file"], user=request.user
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Файл «{attachment.original_name}» приложен к протоколу.")
            return redirect("council_detail", pk=meeting.pk)
    return render(request, "internships/council_attachment_form.html", {
        "meeting": meeting, "form": form,
    })


@login_required
@require_POST
def council_attachment_delete(request, pk):
    attachment = _attachment_for(request, pk)
    _require_keeper(request, attachment.meeting.period)
    council.remove_attachment(attachment=attachment)
    messages.success(request, f"Файл «{attachment.original_name}» удалён из протокола.")
    return redirect("council_detail", pk=attachment.meeting_id)


@login_required
def council_attachment_download(request, pk):
    return attachment_response(_attachment_for(request, pk))
