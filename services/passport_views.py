"""Pages of programme passports: the list of programmes, a passport read like the document,
the staff's form, the stages with their deliverables, ticking a deliverable with its file."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from core.downloads import file_download
from core.forms import apply_posted_form
from services import passports
from services.access import (
    deliverables_for_user,
    may_keep,
    may_keep_any,
    programmes_for_user,
    stages_for_user,
)
from services.forms import DeliverableForm, PassportForm, StageForm, TickForm
from services.models import ProgrammePassport
from services.reads import passport_of, passport_programmes

PASSPORTS = "Паспорта проектов"


def _form_page(request, form, *, title, programme):
    return render(request, "form_page.html", {
        "form": form, "title": title,
        "back_url": reverse("passport_stages", args=[programme.pk]),
        "back_label": f"Этапы: {programme.title}"})


def _kept(request, obj, municipality_id):
    if not may_keep(request.user, municipality_id):
        raise PermissionDenied
    return obj


def _kept_stage(request, pk):
    stage = get_object_or_404(stages_for_user(request.user)
                              .select_related("passport__programme"), pk=pk)
    return _kept(request, stage, stage.passport.programme.municipality_id)


def _kept_deliverable(request, pk):
    deliverable = get_object_or_404(deliverables_for_user(request.user)
                                    .select_related("stage__passport__programme"), pk=pk)
    return _kept(request, deliverable, deliverable.stage.passport.programme.municipality_id)


@login_required
def passport_list(request):
    return render(request, "services/passport_list.html", {
        "programmes": passport_programmes(programmes_for_user(request.user)),
        "can_keep": may_keep_any(request.user)})


def _page(request, pk, template):
    programme = get_object_or_404(programmes_for_user(request.user), pk=pk)
    return render(request, template, {
        "programme": programme, "passport": passport_of(programme),
        "can_keep": may_keep(request.user, programme.municipality_id)})


@login_required
def passport_detail(request, pk):
    return _page(request, pk, "services/passport_detail.html")


@login_required
def passport_stages(request, pk):
    return _page(request, pk, "services/passport_stages.html")


@login_required
def passport_edit(request, pk):
    programme = get_object_or_404(programmes_for_user(request.user), pk=pk)
    _kept(request, programme, programme.municipality_id)
    passport = ProgrammePassport.objects.filter(programme=programme).first()
    form = PassportForm(request.POST or None, instance=passport)
    done, _ = apply_posted_form(request, form, lambda data: passports.save_passport(
        programme=programme, values=data, user=request.user))
    if done:
        messages.success(request, "Паспорт проекта сохранён.")
        return redirect("passport_detail", pk=programme.pk)
    return render(request, "form_page.html", {
        "form": form, "title": f"Паспорт проекта: {programme.title}",
        "back_url": reverse("passport_detail", args=[programme.pk]),
        "back_label": "Паспорт проекта"})


@login_required
def stage_add(request, pk):
    programme = get_object_or_404(programmes_for_user(request.user), pk=pk)
    _kept(request, programme, programme.municipality_id)
    passport = ProgrammePassport.objects.filter(programme=programme).first()
    if passport is None:
        messages.info(request, "Сначала заполните паспорт проекта: этапы — его часть.")
        return redirect("passport_edit", pk=programme.pk)
    number = passport.stages.count() + 1
    form = StageForm(request.POST or None, passport=passport, initial={"number": number})
    done, _ = apply_posted_form(request, form, lambda data: passports.save_stage(
        passport=passport, values=data))
    if done:
        messages.success(request, "Этап добавлен: добавьте его ожидаемые результаты.")
        return redirect("passport_stages", pk=programme.pk)
    return _form_page(request, form, title="Новый этап", programme=programme)


@login_required
def stage_edit(request, pk):
    stage = _kept_stage(request, pk)
    programme = stage.passport.programme
    form = StageForm(request.POST or None, instance=stage, passport=stage.passport)
    done, _ = apply_posted_form(request, form, lambda data: passports.save_stage(
        passport=stage.passport, values=data, stage=stage))
    if done:
        messages.success(request, "Этап сохранён.")
        return redirect("passport_stages", pk=programme.pk)
    return _form_page(request, form, title=f"{stage.number} этап: {stage.title}",
                      programme=programme)


@login_required
def deliverable_add(request, pk):
    stage = _kept_stage(request, pk)
    form = DeliverableForm(request.POST or None)
    done, _ = apply_posted_form(request, form, lambda data: passports.add_deliverable(
        stage=stage, text=data["text"]))
    if done:
        messages.success(request, "Ожидаемый результат добавлен.")
        return redirect("passport_stages", pk=stage.passport.programme_id)
    return _form_page(request, form, title=f"Ожидаемый результат: {stage.number} этап",
                      programme=stage.passport.programme)


@login_required
def deliverable_tick(request, pk):
    deliverable = _kept_deliverable(request, pk)
    form = TickForm(request.POST or None, request.FILES or None)
    done, _ = apply_posted_form(request, form, lambda data: passports.tick_deliverable(
        deliverable=deliverable, done_on=data["done_on"], upload=data["file"],
        user=request.user))
    if done:
        messages.success(request, "Результат отмечен полученным, файл прикреплён.")
        return redirect("passport_stages", pk=deliverable.stage.passport.programme_id)
    return _form_page(request, form, title=f"Результат получен: {deliverable.text[:80]}",
                      programme=deliverable.stage.passport.programme)


@login_required
@require_POST
def deliverable_untick(request, pk):
    deliverable = _kept_deliverable(request, pk)
    passports.untick_deliverable(deliverable=deliverable, user=request.user)
    messages.success(request, "Отметка снята: результат снова ожидается, файл удалён.")
    return redirect("passport_stages", pk=deliverable.stage.passport.programme_id)


@login_required
def deliverable_file(request, pk):
    deliverable = get_object_or_404(deliverables_for_user(request.user), pk=pk)
    if not deliverable.file:
        raise Http404
    return file_download(deliverable.file, filename=deliverable.original_name,
                         content_type=deliverable.content_type)
