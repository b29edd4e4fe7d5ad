"""Pages of mutual learning: the programmes with their assignment, the responsible groups,
the statuses of the answers and each answer with its two parts. Views check access, parse
the form, call a rule and redirect."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from core.downloads import file_download
from core.forms import apply_posted_form
from internships.models import Programme
from mutual import answers as rules
from mutual.access import (
    answers_for_user,
    assignments_for_user,
    groups_for_user,
    may_edit_group,
    may_fill,
    may_keep,
    may_keep_any,
    may_review,
    organizations_for_mutual,
    programmes_for_monitoring,
)
from mutual.assignments import AssignmentDetails, publish_assignment, update_assignment
from mutual.forms import (
    AssignmentForm,
    GroupForm,
    Part1Form,
    Part2Form,
    ReturnForm,
    cell_name,
    quadrant_name,
)
from mutual.groups import Member, save_group
from mutual.models import Answer, GroupRole, ResponsibleGroup
from mutual.reads import answer_rows, group_rows, status_counts
from plans.access import own_organization_id
from teams.access import has_role, municipalities_for_user
from teams.models import Role

HOME = "Взаимообучение ОО"


def no_teacher(request) -> None:
    if has_role(request.user, Role.TEACHER) and not request.user.is_superuser:
        raise PermissionDenied


def form_page(request, form, *, title, back_url, back_label=HOME):
    return render(request, "form_page.html", {
        "form": form, "title": title, "back_url": back_url, "back_label": back_label})


def programme_for(request, pk) -> Programme:
    return get_object_or_404(Programme.objects.filter(
        municipality__in=municipalities_for_user(request.user)), pk=pk)


def kept_programme(request, pk) -> Programme:
    programme = programme_for(request, pk)
    if not may_keep(request.user, programme):
        raise PermissionDenied
    return programme


@login_required
def home(request):
    no_teacher(request)
    programmes = list(Programme.objects.filter(
        municipality__in=municipalities_for_user(request.user))
        .select_related("mutual_assignment").order_by("-starts_on", "title"))
    own = {a.assignment_id: a for a in answers_for_user(request.user)} \
        if has_role(request.user, Role.SCHOOL) else {}
    return render(request, "mutual/home.html", {
        "programmes": [(p, getattr(p, "mutual_assignment", None)) for p in programmes],
        "own": own, "can_keep": may_keep_any(request.user),
        "plans_own": own_organization_id(request.user) is not None,
        "monitors": programmes_for_monitoring(request.user).exists()})


@login_required
def groups(request):
    no_teacher(request)
    return render(request, "mutual/groups.html", {
        "rows": group_rows(organizations_for_mutual(request.user)),
        "roles": GroupRole.choices})


def _group_initial(organization) -> dict:
    group = (ResponsibleGroup.objects.prefetch_related("members")
             .filter(organization=organization).first())
    if group is None:
        return {}
    initial = {"order_number": group.order_number, "order_date": group.order_date}
    for member in group.members.all():
        initial.setdefault(f"{member.role}_name", member.full_name)
        initial.setdefault(f"{member.role}_position", member.position)
    return initial


@login_required
def group_edit(request, pk):
    organization = get_object_or_404(organizations_for_mutual(request.user), pk=pk)
    if not may_edit_group(request.user, organization):
        raise PermissionDenied
    form = GroupForm(request.POST or None, request.FILES or None,
                     initial=_group_initial(organization))
    done, _ = apply_posted_form(request, form, lambda data: save_group(
        organization=organization, order_number=data["order_number"],
        order_date=data["order_date"], scan=data["order_scan"],
        members=[Member(role=role, full_name=data[f"{role}_name"],
                        position=data[f"{role}_position"]) for role in GroupRole.values]))
    if done:
        messages.success(request, "Группа ответственных сохранена.")
        return redirect("mutual_groups")
    return form_page(request, form, title=f"Группа ответственных: {organization.short_name}",
                     back_url=reverse("mutual_groups"), back_label="Группы ответственных")


@login_required
def group_scan(request, pk):
    group = get_object_or_404(groups_for_user(request.user), organization_id=pk)
    if not group.order_scan:
        raise Http404("Скана приказа нет.")
    return file_download(group.order_scan, filename=group.scan_name,
                         content_type=group.scan_type)


def _details(data) -> AssignmentDetails:
    return AssignmentDetails(title=data["title"], part1_due=data["part1_due"],
                             part2_due=data["part2_due"], instructions=data["instructions"])


@login_required
def assignment_add(request, pk):
    programme = kept_programme(request, pk)
    form = AssignmentForm(request.POST or None, initial={"title": "Техническое задание для ОО"})
    done, assignment = apply_posted_form(request, form, lambda data: publish_assignment(
        programme=programme, details=_details(data), today=timezone.localdate()))
    if done:
        messages.success(request, "Техническое задание опубликовано: организации видят его "
                                  "и могут заполнять ответ.")
        return redirect("mutual_assignment", pk=assignment.pk)
    return form_page(request, form, title=f"Техническое задание: {programme.title}",
                     back_url=reverse("mutual_home"))


def _assignment(request, pk):
    no_teacher(request)
    return get_object_or_404(assignments_for_user(request.user).select_related(
        "programme"), pk=pk)


@login_required
def assignment_edit(request, pk):
    assignment = _assignment(request, pk)
    if not may_keep(request.user, assignment.programme):
        raise PermissionDenied
    form = AssignmentForm(request.POST or None, initial={
        name: getattr(assignment, name)
        for name in ("title", "part1_due", "part2_due", "instructions")})
    done, _ = apply_posted_form(request, form, lambda data: update_assignment(
        assignment=assignment, details=_details(data)))
    if done:
        messages.success(request, "Техническое задание сохранено.")
        return redirect("mutual_assignment", pk=assignment.pk)
    return form_page(request, form, title="Сроки технического задания",
                     back_url=reverse("mutual_assignment", args=[assignment.pk]),
                     back_label=assignment.title)


@login_required
def assignment_detail(request, pk):
    assignment = _assignment(request, pk)
    rows = answer_rows(answers_for_user(request.user).filter(assignment=assignment))
    return render(request, "mutual/assignment.html", {
        "assignment": assignment, "rows": rows, "counts": status_counts(rows),
        "can_keep": may_keep(request.user, assignment.programme),
        "monitors": programmes_for_monitoring(request.user).filter(
            pk=assignment.programme_id).exists()})


def _answer(request, pk) -> Answer:
    no_teacher(request)
    return get_object_or_404(answers_for_user(request.user).select_related(
        "organization", "assignment__programme"), pk=pk)


@login_required
def answer_detail(request, pk):
    answer = _answer(request, pk)
    return render(request, "mutual/answer.html", {
        "answer": answer, "rating": list(answer.rating_rows.all()),
        "aspects": list(answer.aspect_rows.all()),
        "can_fill": may_fill(request.user, answer),
        "can_keep": may_review(request.user, answer.assignment.programme),
        "editable": rules.EDITABLE, "submitted": "submitted",
        "return_form": ReturnForm()})


def _filled(request, pk) -> Answer:
    answer = _answer(request, pk)
    if not may_fill(request.user, answer):
        raise PermissionDenied
    return answer


@login_required
def part1_edit(request, pk):
    answer = _filled(request, pk)
    initial = {"reserves": answer.reserves}
    initial.update({cell_name((r.area, r.level, r.works)): r.comment
                    for r in answer.rating_rows.all()})
    form = Part1Form(request.POST or None, initial=initial)
    done, _ = apply_posted_form(request, form, lambda data: rules.save_part1(
        answer=answer, reserves=data["reserves"], cells=form.cells()))
    if done:
        messages.success(request, "Первая часть сохранена как черновик. Когда всё готово, "
                                  "нажмите «Сдать первую часть».")
        return redirect("mutual_answer", pk=answer.pk)
    return form_page(request, form, title="Первая часть: резервы и рейтинг",
                     back_url=reverse("mutual_answer", args=[answer.pk]),
                     back_label=f"Ответ: {answer.organization.short_name}")


@login_required
def part2_edit(request, pk):
    answer = _filled(request, pk)
    lists: dict = {}
    for row in answer.aspect_rows.all():
        lists.setdefault(quadrant_name((row.process, row.side)), []).append(row.text)
    form = Part2Form(request.POST or None,
                     initial={name: "\n".join(lines) for name, lines in lists.items()})
    done, _ = apply_posted_form(request, form, lambda data: rules.save_part2(
        answer=answer, lists=form.lists()))
    if done:
        messages.success(request, "Вторая часть сохранена как черновик. Когда всё готово, "
                                  "нажмите «Сдать вторую часть».")
        return redirect("mutual_answer", pk=answer.pk)
    return form_page(request, form, title="Вторая часть: аспекты по рейтингу",
                     back_url=reverse("mutual_answer", args=[answer.pk]),
                     back_label=f"Ответ: {answer.organization.short_name}")


def _part(request) -> int:
    part = request.POST.get("part", "")
    return int(part) if part in ("1", "2") else 0


def _act(request, answer, action, success: str):
    try:
        action()
    except ValidationError as refusal:
        messages.error(request, " ".join(refusal.messages))
    else:
        messages.success(request, success)
    return redirect("mutual_answer", pk=answer.pk)


@login_required
@require_POST
def answer_submit(request, pk):
    answer = _filled(request, pk)
    part = _part(request)
    return _act(request, answer, lambda: rules.submit_part(
        answer=answer, part=part, today=timezone.localdate()),
        "Часть сдана: управление образования её рассмотрит.")


def _kept_answer(request, pk) -> Answer:
    answer = _answer(request, pk)
    if not may_review(request.user, answer.assignment.programme):
        raise PermissionDenied
    return answer


@login_required
@require_POST
def answer_return(request, pk):
    answer = _kept_answer(request, pk)
    part = _part(request)
    return _act(request, answer, lambda: rules.return_part(
        answer=answer, part=part, comment=request.POST.get("comment", "")),
        "Часть возвращена на доработку с замечанием.")


@login_required
@require_POST
def answer_accept(request, pk):
    answer = _kept_answer(request, pk)
    part = _part(request)
    return _act(request, answer, lambda: rules.accept_part(answer=answer, part=part),
                "Часть принята.")
