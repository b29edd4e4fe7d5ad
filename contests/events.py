"""Keeping a conference or contest: its regulation, windows, nominations, criteria, experts.

Plain functions called alike by the pages, the demo and the tests; each refusal is a
``ValidationError`` in Russian and changes nothing.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction

from contests.models import (
    ApplicationWindow,
    CategoryMethod,
    Contest,
    Criterion,
    Expert,
    Nomination,
)
from internships.attachments import check_upload, extensions_text
from internships.models import Programme
from teams.models import Organization

REGULATION_EXTENSIONS = (".pdf", ".docx")
# What decides the results: frozen once staff approve them.
RESULT_RULES = ("category_method", "winner_places", "prize_places", "laureate_places",
                "winner_min", "prize_min", "laureate_min")
FROZEN = "Итоги утверждены: правила подсчёта и критерии больше не меняются."
REGULATION_MAX_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True, kw_only=True)
class ContestDetails:
    kind: str
    title: str
    year: int
    description: str = ""
    regulation_number: str = ""
    regulation_date: date | None = None
    regulation_issuer: str = ""
    category_method: str = CategoryMethod.PLACES
    winner_places: int = 1
    prize_places: int = 2
    laureate_places: int = 3
    winner_min: Decimal | None = None
    prize_min: Decimal | None = None
    laureate_min: Decimal | None = None
    illustrative: bool = False


def _check_details(details: ContestDetails) -> None:
    if details.category_method == CategoryMethod.THRESHOLDS:
        values = (details.winner_min, details.prize_min, details.laureate_min)
        if any(v is None for v in values):
            raise ValidationError({"winner_min": "Для категорий по порогам укажите все три "
                                                 "порога: победителя, призёра и лауреата."})
        if not values[0] >= values[1] >= values[2]:
            raise ValidationError({"winner_min": "Пороги должны убывать: победитель ≥ призёр "
                                                 "≥ лауреат."})
    if bool(details.regulation_number) != bool(details.regulation_date):
        raise ValidationError({"regulation_date": "Укажите и номер, и дату приказа о "
                                                  "положении (или ни того, ни другого)."})


def _attach_regulation(contest: Contest, upload: UploadedFile | None) -> None:
    if upload is None:
        return
    try:
        check_upload(upload, max_bytes=REGULATION_MAX_BYTES, extensions=REGULATION_EXTENSIONS)
    except ValidationError as error:
        raise ValidationError({"regulation_file": error.messages}) from error
    contest.regulation_file.save(upload.name, upload, save=True)


@transaction.atomic
def create_contest(*, programme: Programme, details: ContestDetails,
                   regulation: UploadedFile | None = None) -> Contest:
    _check_details(details)
    if Contest.objects.filter(programme=programme, title=details.title).exists():
        raise ValidationError({"title": "Мероприятие с таким названием в проекте уже есть."})
    contest = Contest.objects.create(programme=programme, **details.__dict__)
    _attach_regulation(contest, regulation)
    return contest


@transaction.atomic
def change_contest(*, contest: Contest, details: ContestDetails,
                   regulation: UploadedFile | None = None) -> Contest:
    _check_details(details)
    stored = Contest.objects.select_for_update().get(pk=contest.pk)
    if stored.results_approved and any(
            getattr(stored, name) != getattr(details, name) for name in RESULT_RULES):
        raise ValidationError({"category_method": FROZEN})
    if Contest.objects.filter(programme=contest.programme_id, title=details.title).exclude(
            pk=contest.pk).exists():
        raise ValidationError({"title": "Мероприятие с таким названием в проекте уже есть."})
    for field, value in details.__dict__.items():
        setattr(contest, field, value)
    # Only the form's fields: the approval is recorded by its own rule.
    contest.save(update_fields=list(details.__dict__))
    _attach_regulation(contest, regulation)
    return contest


def regulation_help() -> str:
    return f"{extensions_text(REGULATION_EXTENSIONS)}, не больше 10 МБ."


@transaction.atomic
def add_window(*, contest: Contest, opens_on: date, closes_on: date) -> ApplicationWindow:
    if closes_on < opens_on:
        raise ValidationError({"closes_on": "Окно приёма заявок заканчивается раньше, чем "
                                            "начинается."})
    return ApplicationWindow.objects.create(contest=contest, opens_on=opens_on,
                                            closes_on=closes_on)


@transaction.atomic
def save_nomination(*, contest: Contest, audience: str, title: str, description: str = "",
                    nomination: Nomination | None = None) -> Nomination:
    taken = Nomination.objects.filter(contest=contest, title=title)
    if nomination is not None:
        taken = taken.exclude(pk=nomination.pk)
        if nomination.audience != audience and nomination.applications.exists():
            raise ValidationError({"audience": "По номинации уже есть заявки: её адресатов "
                                               "изменить нельзя."})
    if taken.exists():
        raise ValidationError({"title": "Номинация с таким названием уже есть."})
    nomination = nomination or Nomination(contest=contest)
    nomination.audience, nomination.title, nomination.description = audience, title, description
    nomination.save()
    return nomination


@transaction.atomic
def save_criterion(*, contest: Contest, number: int, title: str, maximum: int,
                   description: str = "", criterion: Criterion | None = None) -> Criterion:
    if maximum < 1:
        raise ValidationError({"maximum": "Максимальный балл — не меньше 1."})
    if Contest.objects.filter(pk=contest.pk, results_approved_at__isnull=False).exists():
        raise ValidationError(FROZEN)
    taken = Criterion.objects.filter(contest=contest, number=number)
    if criterion is not None:
        taken = taken.exclude(pk=criterion.pk)
        too_high = criterion.scores.filter(value__gt=maximum).exists()
        if too_high:
            raise ValidationError({"maximum": "Эксперты уже поставили по критерию баллы выше "
                                              "нового максимума."})
    if taken.exists():
        raise ValidationError({"number": f"Критерий № {number} уже есть."})
    criterion = criterion or Criterion(contest=contest)
    criterion.number, criterion.title = number, title
    criterion.maximum, criterion.description = maximum, description
    criterion.save()
    return criterion


@transaction.atomic
def assign_expert(*, contest: Contest, user: User, nominations: list[Nomination],
                  organization: Organization | None = None) -> Expert:
    """Make the user an expert of these nominations (their other nominations of the contest
    stay). The place of work defaults to the organization of the user's role."""
    if not nominations:
        raise ValidationError({"nominations": "Отметьте хотя бы одну номинацию."})
    if any(n.contest_id != contest.pk for n in nominations):
        raise ValidationError({"nominations": "Номинация относится к другому мероприятию."})
    profile = getattr(user, "profile", None)
    if organization is None and profile is not None:
        organization = profile.organization
    try:
        with transaction.atomic():
            expert, _ = Expert.objects.get_or_create(contest=contest, user=user,
                                                     defaults={"organization": organization})
    except IntegrityError as error:  # pragma: no cover - two simultaneous assignments
        raise ValidationError("Эксперт уже назначен.") from error
    if organization is not None and expert.organization_id != organization.pk:
        expert.organization = organization
        expert.save(update_fields=["organization"])
    expert.nominations.add(*nominations)
    return expert


@transaction.atomic
def release_expert(*, expert: Expert) -> None:
    """Take the expert off the contest; one who has scored stays, so the protocol keeps
    every score that counted."""
    if expert.scores.exists():
        raise ValidationError("Эксперт уже оценивал заявки: снять его нельзя.")
    expert.delete()
