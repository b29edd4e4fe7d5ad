"""Writing school innovation projects: registering, editing the card, assigning curators and
tutors, documents and remarks."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from innovation.access import assignable_users
from innovation.catalogue import ensure_path
from innovation.models import (
    AssignmentKind,
    InnovationProject,
    ProjectAssignment,
    ProjectComment,
    ProjectDocument,
)
from internships.attachments import ATTACHMENT_TYPES, check_upload, original_name
from internships.models import Period
from teams.models import Organization

DOCUMENT_EXTENSIONS = tuple(ATTACHMENT_TYPES)


@dataclass(frozen=True)
class ProjectCard:
    theme: str
    key_problem: str = ""
    idea: str = ""
    innovation_object: str = ""
    plan: str = ""


def _tidy(card: ProjectCard) -> dict:
    values = {name: getattr(card, name).strip() for name in
              ("key_problem", "idea", "innovation_object", "plan")}
    values["theme"] = " ".join(card.theme.split())
    if not values["theme"]:
        raise ValidationError({"theme": "Укажите тему проекта."})
    return values


@transaction.atomic
def register_project(*, organization: Organization, period: Period, card: ProjectCard,
                     is_pilot: bool, registered_by: User | None) -> InnovationProject:
    """A new project of the school in the programme of ``period``, on the path's first stage."""
    programme = period.programme
    if organization.municipality_id != programme.municipality_id:
        raise ValidationError({"organization": "Организация относится к другому "
                                               "муниципальному образованию."})
    if InnovationProject.objects.filter(organization=organization, programme=programme,
                                        period=period).exists():
        raise ValidationError({"period": f"У {organization.short_name or organization.name} "
                                         f"уже есть проект в {period.title} учебном году."})
    first_stage = ensure_path(programme=programme)[0]
    return InnovationProject.objects.create(
        organization=organization, programme=programme, period=period, is_pilot=is_pilot,
        stage=first_stage, created_by=registered_by, **_tidy(card))


@transaction.atomic
def update_project(*, project: InnovationProject, card: ProjectCard,
                   is_pilot: bool | None = None) -> InnovationProject:
    """Change the card; the pilot flag only when given (the department sets it)."""
    for name, value in _tidy(card).items():
        setattr(project, name, value)
    if is_pilot is not None:
        project.is_pilot = is_pilot
    project.save()
    return project


@transaction.atomic
def assign(*, project: InnovationProject, user: User, kind: str,
           assigned_on: datetime.date) -> ProjectAssignment:
    if not assignable_users(project, kind).filter(pk=user.pk).exists():
        reason = ("куратором назначают специалиста управления образования или методического "
                  "центра этого муниципального образования" if kind == AssignmentKind.CURATOR
                  else "тьютором назначают пользователя этого муниципального образования")
        raise ValidationError({"user": f"Нельзя назначить {user.get_full_name() or user}: "
                                       f"{reason}."})
    if project.assignments.filter(user=user).exists():
        raise ValidationError({"user": "Этот пользователь уже назначен на проект."})
    return ProjectAssignment.objects.create(project=project, user=user, kind=kind,
                                            assigned_on=assigned_on)


@transaction.atomic
def remove_assignment(*, assignment: ProjectAssignment) -> None:
    assignment.delete()


@transaction.atomic
def add_document(*, project: InnovationProject, upload: UploadedFile, title: str,
                 uploaded_by: User | None) -> ProjectDocument:
    content_type = check_upload(upload, max_bytes=settings.INNOVATION_DOCUMENT_MAX_BYTES,
                                extensions=DOCUMENT_EXTENSIONS)
    return ProjectDocument.objects.create(
        project=project, file=upload, original_name=original_name(upload),
        content_type=content_type, size=upload.size, uploaded_by=uploaded_by,
        title=" ".join(title.split())[:300])


@transaction.atomic
def add_comment(*, project: InnovationProject, author: User, text: str) -> ProjectComment:
    text = text.strip()
    if not text:
        raise ValidationError({"text": "Напишите замечание."})
    return ProjectComment.objects.create(project=project, author=author, text=text)
