"""Pages of joint reports: every report the user sees, a new report and its sections, the
report member by member (who has submitted, who is missing or overdue), a member's part,
writing it, returning it for rework, and its files."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from core.forms import apply_posted_form
from internships.attachments import attachment_response
from networks import access
from networks.forms import SUGGESTED_SECTIONS, JointReportForm, PartForm, ReturnPartForm
from networks.joint_report_reads import joint_report_rows, part_answers, report_state
from networks.joint_reports import (
    ReportCard,
    add_part_file,
    create_joint_report,
    return_part,
    save_part,
    section_titles,
    update_joint_report,
)
from networks.models import JointReport, JointReportFile, JointReportPart, PartStatus
from networks.views import form_page, managed_network, network_url
from teams.access import profile_of

CARD_FIELDS = ("title", "period_starts_on", "period_ends_on", "due_on", "instructions")


def report_for(request, pk) -> JointReport:
    return get_object_or_404(access.joint_reports_for_user(request.user).select_related(
        "network__hub_municipality"), pk=pk)


def managed_report(request, pk) -> JointReport:
    report = report_for(request, pk)
    if not request.user.has_perm("networks.manage_network", report.network):
        raise PermissionDenied
    return report


def part_for(request, pk) -> JointReportPart:
    return get_object_or_404(access.joint_report_parts_for_user(request.user).select_related(
        "report__network__hub_municipality", "membership__network", "membership__municipality",
        "membership__organization__municipality", "membership__partner"), pk=pk)


def report_url(report: JointReport) -> str:
    return reverse("network_joint_report", args=[report.pk])


def _card(data) -> ReportCard:
    return ReportCard(**{name: data[name] for name in CARD_FIELDS})


@login_required
def joint_report_list(request):
    if profile_of(request.user) is None and not request.user.is_superuser:
        raise PermissionDenied
    return render(request, "networks/joint_report_list.html", {
        "reports": joint_report_rows(access.joint_reports_for_user(request.user)),
        "today": timezone.localdate(),
    })


@login_required
def joint_report_add(request, pk):
    network = managed_network(request, pk)
    form = JointReportForm(request.POST or None, initial={"sections": SUGGESTED_SECTIONS})
    done, report = apply_posted_form(request, form, lambda data: create_joint_report(
        network=network, card=_card(data), sections=section_titles(data["sections"]),
        created_by=request.user))
    if done:
        messages.success(request, "Совместный отчёт создан: участники видят его и пишут "
                                  "свои части.")
        return redirect("network_joint_report", report.pk)
    return form_page(request, form, title="Новый совместный отчёт",
                     back_url=network_url(network), back_label=network.title)


@login_required
def joint_report_edit(request, pk):
    report = managed_report(request, pk)
    form = JointReportForm(request.POST or None, initial={
        **{name: getattr(report, name) for name in CARD_FIELDS},
        "sections": "\n".join(section.title for section in report.sections.all())})
    done, _ = apply_posted_form(request, form, lambda data: update_joint_report(
        report=report, card=_card(data), sections=section_titles(data["sections"])))
    if done:
        messages.success(request, "Совместный отчёт сохранён.")
        return redirect("network_joint_report", report.pk)
    return form_page(request, form, title="Изменить совместный отчёт",
                     back_url=report_url(report), back_label=report.title)


@login_required
def joint_report_detail(request, pk):
    report = report_for(request, pk)
    state = report_state(report, today=timezone.localdate())
    writable = {row.part.pk for row in state.rows
                if row.part and access.may_write_part(request.user, row.membership)}
    return render(request, "networks/joint_report_detail.html", {
        "report": report, "network": report.network, "state": state, "writable": writable,
        "can_manage": request.user.has_perm("networks.manage_network", report.network),
    })


@login_required
def joint_report_part(request, pk):
    part = part_for(request, pk)
    may_write = access.may_write_part(request.user, part.membership)
    readable = may_write or part.status == PartStatus.SUBMITTED
    return render(request, "networks/joint_report_part.html", {
        "part": part, "report": part.report, "network": part.report.network,
        "answers": part_answers(part) if readable else [],
        "files": list(part.files.all()) if readable else [],
        "readable": readable,
        "can_write": may_write and part.status != PartStatus.SUBMITTED,
        "can_return": (part.status == PartStatus.SUBMITTED
                       and request.user.has_perm("networks.manage_network",
                                                 part.report.network)),
    })


def part_url(part: JointReportPart) -> str:
    return reverse("network_joint_report_part", args=[part.pk])


@login_required
def joint_report_part_edit(request, pk):
    part = part_for(request, pk)
    if not access.may_write_part(request.user, part.membership):
        raise PermissionDenied
    if part.status == PartStatus.SUBMITTED:
        messages.info(request, "Часть сдана: изменить её можно, когда координатор вернёт её "
                               "на доработку.")
        return redirect(part_url(part))
    sections = list(part.report.sections.all())
    texts = {section.pk: text for section, text in part_answers(part)}
    form = PartForm(request.POST or None, request.FILES or None, sections=sections,
                    instructions=part.report.instructions,
                    initial={f"section_{pk}": text for pk, text in texts.items()})
    submit = "submit_part" in request.POST

    @transaction.atomic
    def apply(data):
        if data["file"]:
            add_part_file(part=part, title=data["file_title"], upload=data["file"],
                          uploaded_by=request.user)
        return save_part(part=part, texts=form.texts(), by=request.user, submit=submit)

    done, saved = apply_posted_form(request, form, apply)
    if done:
        messages.success(request, "Часть сдана координатору." if submit
                         else "Черновик сохранён: сдайте часть до "
                              f"{part.report.due_on:%d.%m.%Y}.")
        return redirect(part_url(saved))
    return form_page(request, form, title=f"Часть отчёта: {part.membership.side_name}",
                     back_url=report_url(part.report), back_label=part.report.title)


@login_required
def joint_report_part_return(request, pk):
    part = part_for(request, pk)
    if not request.user.has_perm("networks.manage_network", part.report.network):
        raise PermissionDenied
    if part.status != PartStatus.SUBMITTED:
        messages.info(request, "Эта часть не сдана: возвращать нечего.")
        return redirect(part_url(part))
    form = ReturnPartForm(request.POST or None)
    done, _ = apply_posted_form(request, form, lambda data: return_part(
        part=part, comment=data["comment"]))
    if done:
        messages.success(request, f"Часть «{part.membership.side_name}» возвращена на "
                                  f"доработку.")
        return redirect("network_joint_report", part.report_id)
    return form_page(request, form, title=f"Вернуть часть: {part.membership.side_name}",
                     back_url=part_url(part), back_label=part.membership.side_name)


@login_required
def joint_report_file(request, pk):
    attached = get_object_or_404(JointReportFile.objects.filter(
        part__in=access.joint_report_parts_for_user(request.user)).select_related(
        "part__membership__network"), pk=pk)
    if not access.may_read_part(request.user, attached.part):
        raise Http404
    return attachment_response(attached)
