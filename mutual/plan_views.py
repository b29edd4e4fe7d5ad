"""An organization's plan of events for the project (seed 004, criterion 4): from the mutual
learning pages the organization's team reaches its plan, or creates it with the title
prefilled; its events, occurrences and publication are kept on the plan's pages."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse

from core.forms import apply_posted_form
from internships.models import Programme
from mutual.views import form_page, no_teacher, programme_for
from networks.models import Network
from plans.access import own_organization_id
from plans.forms import PlanForm
from plans.items import create_organization_plan
from plans.models import Plan, PlanKind
from teams.models import Organization


def plan_title(organization: Organization) -> str:
    return f"План мероприятий ОО: {organization.short_name}"


@login_required
def organization_plan(request, pk):
    """The team's plan of the programme; without one, the form that creates it."""
    no_teacher(request)
    programme: Programme = programme_for(request, pk)
    organization_id = own_organization_id(request.user)
    if organization_id is None:
        raise PermissionDenied
    existing = Plan.objects.filter(programme=programme, organization_id=organization_id).first()
    if existing is not None:
        return redirect("plans_detail", existing.pk)
    organization = Organization.objects.get(pk=organization_id)
    form = PlanForm(request.POST or None, programmes=Programme.objects.filter(pk=programme.pk),
                    networks=Network.objects.none(), initial={
                        "programme": programme.pk, "title": plan_title(organization),
                        "kind": PlanKind.WORK, "starts_on": programme.starts_on,
                        "ends_on": programme.ends_on})
    done, plan = apply_posted_form(request, form, lambda data: create_organization_plan(
        programme=programme, organization=organization, details=form.details()))
    if done:
        messages.success(request, "План мероприятий ОО создан. Добавьте мероприятия: дату, "
                                  "форму, ответственных, участников и планируемый результат, "
                                  "затем опубликуйте ссылку на сайт ОО.")
        return redirect("plans_detail", plan.pk)
    return form_page(request, form, title=f"План мероприятий ОО: {programme.title}",
                     back_url=reverse("mutual_home"))
