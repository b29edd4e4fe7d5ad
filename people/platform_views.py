"""Pages of the platforms for teachers: every role of the municipality reads them, the
department's staff keep them, with their modular programmes and the competence areas."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render

from core.forms import add_service_errors, apply_posted_form
from people import platforms as platform_rules
from people.access import (
    competence_areas_for_user,
    organizations_kept_by_user,
    programmes_for_user,
    teacher_platforms_for_user,
)
from people.models import CompetenceArea, ModularProgramme, Teacher, TeacherPlatform
from people.platform_forms import (
    CompetenceAreaForm,
    PlatformForm,
    ProgrammeForm,
    TeacherPlatformFilter,
    module_formset,
    module_inputs,
)
from people.platform_reads import (
    group_by_kind,
    listed_platforms,
    platform_with_people,
    programme_cards,
)
from teams.access import has_role, is_staff_of, profile_of
from teams.models import Municipality, Role


def _require_staff_of(request, municipality_id: int) -> None:
    if not is_staff_of(request.user, municipality_id):
        raise PermissionDenied


def _platform_for(request, pk) -> TeacherPlatform:
    return get_object_or_404(
        teacher_platforms_for_user(request.user).select_related("host"), pk=pk)


def _programme_for(request, pk) -> ModularProgramme:
    return get_object_or_404(
        programmes_for_user(request.user).select_related("platform__host"), pk=pk)


def _own_municipality(request) -> Municipality:
    """The municipality whose lists a member of the department keeps."""
    profile = profile_of(request.user)
    if profile is None or not has_role(request.user, Role.STAFF):
        raise PermissionDenied
    return profile.municipality


@login_required
def platform_list(request):
    platform_filter = TeacherPlatformFilter(
        request.GET, queryset=listed_platforms(teacher_platforms_for_user(request.user)))
    platforms = list(platform_filter.qs) if platform_filter.is_valid() else []
    return render(request, "people/platform_list.html", {
        "filter": platform_filter,
        "groups": group_by_kind(platforms),
        "platform_count": len(platforms),
        "filtered": any(request.GET.get(name) for name in ("kind", "q")),
        "can_keep": has_role(request.user, Role.STAFF),
    })


@login_required
def platform_detail(request, pk):
    platform = get_object_or_404(
        platform_with_people(teacher_platforms_for_user(request.user)), pk=pk)
    return render(request, "people/platform_detail.html", {
        "platform": platform,
        "programmes": programme_cards(platform),
        "can_keep": is_staff_of(request.user, platform.host.municipality_id),
    })


def _platform_form_page(request, *, platform: TeacherPlatform | None, hosts, teachers):
    form = PlatformForm(request.POST or None, hosts=hosts, teachers=teachers,
                        platform=platform)
    applied, saved = apply_posted_form(request, form, lambda _: platform_rules.save_platform(
        data=form.platform_input(), platform=platform))
    if applied:
        messages.success(request, f"{saved} сохранена.")
        return redirect("teacher_platform_detail", pk=saved.pk)
    return render(request, "people/platform_form.html", {"form": form, "platform": platform})


@login_required
def platform_create(request):
    if not has_role(request.user, Role.STAFF):
        raise PermissionDenied
    hosts = organizations_kept_by_user(request.user)
    return _platform_form_page(request, platform=None, hosts=hosts,
                               teachers=Teacher.objects.filter(organization__in=hosts))


@login_required
def platform_edit(request, pk):
    platform = _platform_for(request, pk)
    _require_staff_of(request, platform.host.municipality_id)
    hosts = platform.host.municipality.organizations.all()
    return _platform_form_page(request, platform=platform, hosts=hosts,
                               teachers=Teacher.objects.filter(organization__in=hosts))


@login_required
def platform_delete(request, pk):
    platform = _platform_for(request, pk)
    _require_staff_of(request, platform.host.municipality_id)
    if request.method == "POST":
        try:
            platform_rules.delete_platform(platform=platform)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("teacher_platform_detail", pk=platform.pk)
        messages.success(request, f"{platform} удалена.")
        return redirect("teacher_platform_list")
    return render(request, "people/platform_delete.html", {
        "platform": platform, "programme_count": platform.programmes.count(),
    })


def _programme_form_page(request, *, platform: TeacherPlatform,
                         programme: ModularProgramme | None):
    form = ProgrammeForm(request.POST or None, programme=programme,
                         areas=CompetenceArea.objects.filter(
                             municipality_id=platform.host.municipality_id))
    formset = module_formset(request.POST or None, programme=programme)
    if request.method == "POST" and all([form.is_valid(), formset.is_valid()]):
        try:
            saved = platform_rules.save_programme(
                platform=platform, data=form.programme_input(),
                modules=module_inputs(formset), programme=programme)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Программа «{saved}» сохранена.")
            return redirect("teacher_platform_detail", pk=platform.pk)
    return render(request, "people/programme_form.html", {
        "form": form, "formset": formset, "platform": platform, "programme": programme,
    })


@login_required
def programme_create(request, pk):
    platform = _platform_for(request, pk)
    _require_staff_of(request, platform.host.municipality_id)
    return _programme_form_page(request, platform=platform, programme=None)


@login_required
def programme_edit(request, pk):
    programme = _programme_for(request, pk)
    _require_staff_of(request, programme.platform.host.municipality_id)
    return _programme_form_page(request, platform=programme.platform, programme=programme)


@login_required
def programme_delete(request, pk):
    programme = _programme_for(request, pk)
    platform = programme.platform
    _require_staff_of(request, platform.host.municipality_id)
    if request.method == "POST":
        try:
            platform_rules.delete_programme(programme=programme)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("teacher_platform_detail", pk=platform.pk)
        messages.success(request, f"Программа «{programme}» удалена.")
        return redirect("teacher_platform_detail", pk=platform.pk)
    return render(request, "people/programme_delete.html", {
        "programme": programme, "platform": platform,
        "module_count": programme.modules.count(),
    })


@login_required
def competence_area_list(request):
    return render(request, "people/competence_list.html", {
        "areas": competence_areas_for_user(request.user).select_related("municipality")
        .order_by("municipality__name", "number"),
        "can_keep": has_role(request.user, Role.STAFF) and profile_of(request.user) is not None,
    })


def _competence_form_page(request, *, municipality: Municipality, area: CompetenceArea | None):
    initial = {"number": area.number, "title": area.title} if area else {}
    form = CompetenceAreaForm(request.POST or None, initial=initial)
    applied, saved = apply_posted_form(request, form, lambda data: (
        platform_rules.save_competence_area(municipality=municipality, number=data["number"],
                                            title=data["title"], area=area)))
    if applied:
        messages.success(request, f"Область компетенций «{saved}» сохранена.")
        return redirect("competence_area_list")
    return render(request, "people/competence_form.html", {"form": form, "area": area})


@login_required
def competence_area_create(request):
    return _competence_form_page(request, municipality=_own_municipality(request), area=None)


@login_required
def competence_area_edit(request, pk):
    area = get_object_or_404(
        competence_areas_for_user(request.user).select_related("municipality"), pk=pk)
    _require_staff_of(request, area.municipality_id)
    return _competence_form_page(request, municipality=area.municipality, area=area)
