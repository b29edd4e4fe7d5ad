"""Pages of the bank of diagnostic instruments."""

import django_filters
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from competence.access import instruments_for_user, may_keep, may_keep_any
from competence.forms import InstrumentForm
from competence.instruments import change_instrument, create_instrument
from competence.models import Instrument, InstrumentKind
from core.forms import add_service_errors
from people.access import competence_areas_for_user
from teams.access import acting_municipality, role_of
from teams.models import Role


class InstrumentFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=InstrumentKind.choices, label="Вид",
                                       empty_label="Все виды")

    class Meta:
        model = Instrument
        fields = ["kind"]


@login_required
def instrument_list(request):
    if role_of(request.user) == Role.TEACHER:
        raise PermissionDenied
    found = InstrumentFilter(request.GET or None, queryset=instruments_for_user(request.user)
                             .prefetch_related("competence_areas").order_by("title", "pk"))
    return render(request, "competence/instrument_list.html", {
        "filter": found, "instruments": list(found.qs),
        "can_keep": may_keep_any(request.user)})


def _form(request, municipality, instance: Instrument | None = None):
    initial = None
    if instance is not None:
        initial = {"title": instance.title, "kind": instance.kind,
                   "description": instance.description, "link": instance.link,
                   "areas": list(instance.competence_areas.all())}
    return InstrumentForm(request.POST or None, request.FILES or None, initial=initial,
                          areas=competence_areas_for_user(request.user).filter(
                              municipality=municipality).order_by("number"))


def _page(request, form, title):
    return render(request, "form_page.html", {
        "form": form, "title": title, "back_url": reverse("competence_instrument_list"),
        "back_label": "Банк диагностических методик", "multipart": True})


@login_required
def instrument_create(request):
    if not may_keep_any(request.user):
        raise PermissionDenied
    municipality = acting_municipality(request)
    if municipality is None:
        raise Http404
    form = _form(request, municipality)
    if request.method == "POST" and form.is_valid():
        try:
            create_instrument(municipality=municipality, data=form.details())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Инструмент добавлен в банк методик.")
            return redirect("competence_instrument_list")
    return _page(request, form, "Новый диагностический инструмент")


def _instrument_for(request, pk) -> Instrument:
    return get_object_or_404(instruments_for_user(request.user).select_related("municipality"),
                             pk=pk)


@login_required
def instrument_edit(request, pk):
    instrument = _instrument_for(request, pk)
    if not may_keep(request.user, instrument.municipality_id):
        raise PermissionDenied
    form = _form(request, instrument.municipality, instrument)
    if request.method == "POST" and form.is_valid():
        try:
            change_instrument(instrument=instrument, data=form.details())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Инструмент сохранён.")
            return redirect("competence_instrument_list")
    return _page(request, form, f"Изменить инструмент «{instrument.title}»")


@login_required
def instrument_file(request, pk):
    instrument = _instrument_for(request, pk)
    if not instrument.file:
        raise Http404
    try:
        handle = instrument.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    return FileResponse(handle, as_attachment=True,
                        filename=instrument.file.name.rsplit("/", 1)[-1])
