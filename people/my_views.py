"""A teacher's own page: the record the school keeps about them and the platforms they
work on. The teacher signs in with the role «Педагогический работник»; the school links
the account to the person's record."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils import timezone

from people.models import Teacher
from people.teacher_reads import record_platforms
from teams.access import has_role
from teams.models import Role


def own_teacher(user) -> Teacher | None:
    """The person record linked to the signed-in account, if any."""
    return Teacher.objects.select_related("organization").filter(user=user).first()


@login_required
def my_page(request):
    if not has_role(request.user, Role.TEACHER):
        raise PermissionDenied
    teacher = own_teacher(request.user)
    context = {"teacher": teacher}
    if teacher is not None:
        context.update(is_young=teacher.is_young_on(timezone.localdate()),
                       **record_platforms(teacher=teacher))
    return render(request, "people/my_page.html", context)
