"""Writing routes: a programme, a master, dates, the participants and the final product.

A route is led by a pedagogue-master (the status the department grants in the register);
an individual route (ИОМ) has exactly one participant, a group route one or more.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from internships.attachments import ATTACHMENT_TYPES, check_upload, original_name
from people.models import ModularProgramme, Teacher
from routes.models import DEFAULT_PRODUCT, Route, RouteKind, RouteParticipant, RouteStatus

EVIDENCE_EXTENSIONS = tuple(ATTACHMENT_TYPES)


@dataclass(frozen=True)
class RouteDetails:
    programme: ModularProgramme
    kind: str
    title: str
    master: Teacher
    starts_on: datetime.date
    ends_on: datetime.date
    participants: tuple[Teacher, ...]
    status: str = RouteStatus.PLANNED
    product_title: str = DEFAULT_PRODUCT
    product_note: str = ""
    product_done_on: datetime.date | None = None


def accept_file(upload: UploadedFile) -> tuple[str, str]:
    """(content type, the user's file name) of an evidence file, or a Russian refusal."""
    content_type = check_upload(upload, max_bytes=settings.ROUTES_EVIDENCE_MAX_BYTES,
                                extensions=EVIDENCE_EXTENSIONS)
    return content_type, original_name(upload)


def check_master(master: Teacher) -> None:
    if not master.is_master:
        raise ValidationError({"master": (
            f"{master.full_name} не имеет статуса «Педагог-мастер»: маршрут ведёт "
            f"педагог-мастер. Статус присваивает управление образования в карточке работника."
        )})


def _check_participants(data: RouteDetails) -> None:
    people = data.participants
    if data.kind == RouteKind.INDIVIDUAL and len(people) != 1:
        raise ValidationError({"participants": "У индивидуального маршрута (ИОМ) ровно один "
                                               "участник."})
    if not people:
        raise ValidationError({"participants": "Выберите хотя бы одного участника."})
    if data.master in people:
        raise ValidationError({"participants": "Педагог-мастер маршрута не может быть его "
                                               "стажёром."})
    municipality_id = data.programme.platform.host.municipality_id
    if any(person.organization.municipality_id != municipality_id for person in people):
        raise ValidationError({"participants": "Участники маршрута — педагоги того же "
                                               "муниципалитета, что и площадка."})


def _save(*, route: Route, data: RouteDetails, product_file: UploadedFile | None) -> Route:
    check_master(data.master)
    _check_participants(data)
    for field in ("programme", "kind", "title", "master", "starts_on", "ends_on", "status",
                  "product_title", "product_note", "product_done_on"):
        setattr(route, field, getattr(data, field))
    route.title = " ".join(route.title.split())
    if product_file is not None:
        route.product_content_type, route.product_file_name = accept_file(product_file)
        route.product_file = product_file
    route.full_clean()
    route.save()
    route.memberships.exclude(teacher__in=data.participants).delete()
    for teacher in data.participants:
        RouteParticipant.objects.get_or_create(route=route, teacher=teacher)
    return route


@transaction.atomic
def create_route(*, data: RouteDetails, product_file: UploadedFile | None = None) -> Route:
    return _save(route=Route(), data=data, product_file=product_file)


@transaction.atomic
def update_route(*, route: Route, data: RouteDetails,
                 product_file: UploadedFile | None = None) -> Route:
    return _save(route=route, data=data, product_file=product_file)
