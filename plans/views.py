"""Pages of plans: the plans of the user's programmes, a plan with its items and their
occurrences, the plan and item forms, recording a held occurrence and its report file."""

import datetime

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from core.downloads import file_download
from core.forms import apply_posted_form
from internships.attachments import extensions_text, megabytes
from internships.models import Programme
from networks.models import Network
from plans import evidence, items
from plans.access import (
    journal_entries_for_evidence,
    may_keep,
    may_keep_any,
    may_keep_programme_plans,
    may_record,
    network_municipalities,
    networks_kept_by,
    occurrences_for_user,
    plans_for_user,
    products_for_evidence,
)
from plans.forms import EvidenceForm, ItemForm, PlanForm, PublishForm
from plans.models import Periodicity, Plan, PlanItem
from plans.plan_reads import (
    STATUSES,
    month_choices,
    occurrence_label,
    plan_sections,
    plan_summaries,
)
from plans.recurrence import STATUS_LABELS
from teams.access import acting_municipality, organizations_for_user
from teams.models import Organization


def _plan_for(request, pk) -> Plan:
    return get_object_or_404(plans_for_user(request.user).select_related(
        "programme__municipality", "network", "organization"), pk=pk)


def _kept_plan(request, pk) -> Plan:
    plan = _plan_for(request, pk)
    if not may_keep(request.user, plan):
        raise PermissionDenied
    return plan


def _item_for(request, pk) -> PlanItem:
    item = get_object_or_404(PlanItem.objects.select_related("plan__programme",
                                                             "plan__network"), pk=pk)
    item.plan = _plan_for(request, item.plan_id)
    return item


def _form_page(request, form, *, title, plan=None):
    back_url = reverse("plans_detail", args=[plan.pk]) if plan else reverse("plans_list")
    return render(request, "form_page.html", {
        "form": form, "title": title, "back_url": back_url,
        "back_label": plan.title if plan else "Планы мероприятий"})


@login_required
def plan_list(request):
    summaries = plan_summaries(plans_for_user(request.user), today=timezone.localdate())
    return render(request, "plans/plan_list.html", {
        "summaries": summaries, "can_keep": may_keep_any(request.user)})


def _programmes(request):
    """The programmes the user may plan for; none for a network's coordinator who is not the
    department's staff (the form then asks for the network only)."""
    if not may_keep_programme_plans(request.user):
        return None
    municipality = acting_municipality(request)
    return Programme.objects.filter(municipality=municipality).order_by("-starts_on")


@login_required
def plan_create(request):
    if not may_keep_any(request.user):
        raise PermissionDenied
    # The network page's «Добавить план сети» presets its network.
    preset = request.GET.get("network", "")
    form = PlanForm(request.POST or None, programmes=_programmes(request),
                    networks=networks_kept_by(request.user).order_by("title"),
                    initial={"network": int(preset)} if preset.isdigit() else None)
    done, plan = apply_posted_form(request, form, lambda data: items.create_plan(
        programme=data.get("programme"), network=data["network"], details=form.details()))
    if done:
        messages.success(request, "План добавлен. Теперь добавьте его пункты.")
        return redirect("plans_detail", plan.pk)
    return _form_page(request, form, title="Новый план мероприятий")


@login_required
def plan_edit(request, pk):
    plan = _kept_plan(request, pk)
    initial = {name: getattr(plan, name) for name in (
        "programme", "network", "title", "kind", "starts_on", "ends_on", "school_years", "approval",
        "source")}
    form = PlanForm(request.POST or None, initial=initial,
                    programmes=Programme.objects.filter(pk=plan.programme_id),
                    networks=Network.objects.filter(pk=plan.network_id))
    done, _ = apply_posted_form(request, form, lambda data: items.update_plan(
        plan=plan, details=form.details()))
    if done:
        messages.success(request, "План сохранён.")
        return redirect("plans_detail", plan.pk)
    return _form_page(request, form, title="Изменить план", plan=plan)


@login_required
def plan_publish(request, pk):
    plan = _kept_plan(request, pk)
    if not plan.organization_id:
        raise Http404("Ссылку на сайт указывают для плана организации.")
    form = PublishForm(request.POST or None, initial={"published_url": plan.published_url})
    done, _ = apply_posted_form(request, form, lambda data: items.publish_plan(
        plan=plan, url=data["published_url"], today=timezone.localdate()))
    if done:
        messages.success(request, "Ссылка на план на сайте ОО сохранена." if plan.published_url
                         else "Отметка о публикации снята.")
        return redirect("plans_detail", plan.pk)
    return _form_page(request, form, title="Опубликовать план: ссылка на сайт ОО", plan=plan)


def _filters(request, plan: Plan) -> tuple[str, str, list]:
    months = month_choices(plan)
    wanted = request.GET.get("status", "")
    month = request.GET.get("month", "")
    return (wanted if wanted in STATUSES else "",
            month if month in dict(months) else "", months)


@login_required
def plan_detail(request, pk):
    plan = _plan_for(request, pk)
    wanted, month, months = _filters(request, plan)
    today = timezone.localdate()
    sections, counts = plan_sections(plan, today=today, wanted_status=wanted, month=month)
    return render(request, "plans/plan_detail.html", {
        "plan": plan, "sections": sections, "today": today,
        "counts": [(key, STATUS_LABELS[key], counts[key]) for key in STATUSES],
        "statuses": [(key, STATUS_LABELS[key]) for key in STATUSES], "months": months,
        "wanted": wanted, "month": month, "filtering": bool(wanted or month),
        "has_illustrative": counts["illustrative"] > 0,
        "can_keep": may_keep(request.user, plan), "can_record": may_record(request.user, plan)})


def _item_page(request, plan: Plan, item: PlanItem | None):
    initial = {}
    if item is not None:
        initial = {name: getattr(item, name) for name in ItemForm.base_fields}
    if plan.network_id:
        organizations = Organization.objects.filter(
            municipality_id__in=network_municipalities(plan.network))
    else:
        organizations = organizations_for_user(request.user).filter(
            municipality_id=plan.programme.municipality_id)
    form = ItemForm(request.POST or None, initial=initial,
                    organizations=organizations.order_by("name"))
    done, _ = apply_posted_form(request, form, lambda data: items.save_item(
        plan=plan, item=item, details=form.details()))
    if done:
        messages.success(request, "Пункт плана сохранён.")
        return redirect("plans_detail", plan.pk)
    title = "Изменить пункт плана" if item else "Новый пункт плана"
    return _form_page(request, form, title=title, plan=plan)


@login_required
def item_add(request, pk):
    return _item_page(request, _kept_plan(request, pk), None)


@login_required
def item_edit(request, pk):
    item = _item_for(request, pk)
    if not may_keep(request.user, item.plan):
        raise PermissionDenied
    return _item_page(request, item.plan, item)


def _due_from(request) -> datetime.date | None:
    raw = request.GET.get("due", "")
    if not raw:
        return None
    try:
        return datetime.date.fromisoformat(raw)
    except ValueError as error:
        raise Http404("Нет такого срока.") from error


@login_required
def occurrence_record(request, pk):
    item = _item_for(request, pk)
    if not may_record(request.user, item.plan):
        raise PermissionDenied
    due_on = _due_from(request)
    if due_on is None and item.periodicity != Periodicity.ON_REQUEST:
        raise Http404("Нет такого срока: откройте проведение из плана.")
    record = item.occurrences.filter(due_on=due_on).first() if due_on else None
    initial = {"held_on": due_on or timezone.localdate()}
    if record is not None:
        initial = {"held_on": record.held_on, "note": record.note,
                   "journal_entry": record.journal_entry_id, "product": record.product_id}
    form = EvidenceForm(
        request.POST or None, request.FILES or None, initial=initial,
        journal_entries=journal_entries_for_evidence(item.plan),
        products=products_for_evidence(item.plan),
        report_help=f"{extensions_text(evidence.REPORT_EXTENSIONS)}, до "
                    f"{megabytes(settings.PLANS_REPORT_MAX_BYTES)}.")
    done, _ = apply_posted_form(request, form, lambda data: evidence.record_occurrence(
        item=item, due_on=due_on, held_on=data["held_on"], note=data["note"],
        upload=data["report"], journal_entry=data["journal_entry"], product=data["product"],
        recorded_by=request.user))
    if done:
        messages.success(request, "Проведение отмечено.")
        return redirect(reverse("plans_detail", args=[item.plan.pk]) + f"#item-{item.pk}")
    return render(request, "plans/occurrence_form.html", {
        "form": form, "item": item, "plan": item.plan, "record": record,
        "label": occurrence_label(item, due_on)})


@login_required
def occurrence_file(request, pk):
    occurrence = get_object_or_404(occurrences_for_user(request.user).exclude(file=""), pk=pk)
    return file_download(occurrence.file, filename=occurrence.original_name,
                         content_type=occurrence.content_type)


@login_required
@require_POST
def occurrence_remove(request, pk):
    occurrence = get_object_or_404(occurrences_for_user(request.user).select_related(
        "item__plan__programme", "item__plan__network"), pk=pk)
    plan = occurrence.item.plan
    if not may_record(request.user, plan):
        raise PermissionDenied
    evidence.remove_occurrence(occurrence=occurrence)
    messages.success(request, "Отметка о проведении снята.")
    return redirect("plans_detail", plan.pk)
