"""Agreements, contracts and consents: their parties, the signatures of each party, which
parties have not signed and which agreements run out soon."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import QuerySet

from internships.attachments import original_name
from networks.files import check_file
from networks.memberships import side_fields
from networks.models import Agreement, AgreementParty


@dataclass(frozen=True)
class AgreementCard:
    kind: str
    title: str
    subject: str = ""
    number: str = ""
    concluded_on: datetime.date | None = None
    valid_from: datetime.date | None = None
    valid_to: datetime.date | None = None


def _check_term(card: AgreementCard) -> None:
    if card.valid_from and card.valid_to and card.valid_to < card.valid_from:
        raise ValidationError({"valid_to": "Срок действия кончается раньше, чем начинается."})


@transaction.atomic
def create_agreement(*, card: AgreementCard, municipality, network=None, programme=None,
                     parties=(), upload: UploadedFile | None = None) -> Agreement:
    _check_term(card)
    agreement = Agreement(municipality=municipality, network=network, programme=programme,
                          **card.__dict__)
    if upload is not None:
        _store_file(agreement, upload)
    agreement.save()
    for side in parties:
        add_party(agreement=agreement, side=side)
    return agreement


@transaction.atomic
def update_agreement(*, agreement: Agreement, card: AgreementCard,
                     upload: UploadedFile | None = None) -> Agreement:
    _check_term(card)
    for name, value in card.__dict__.items():
        setattr(agreement, name, value)
    if upload is not None:
        _store_file(agreement, upload)
    agreement.save()
    return agreement


def _store_file(agreement: Agreement, upload: UploadedFile) -> None:
    agreement.file_type = check_file(upload)
    agreement.file_name = original_name(upload)
    agreement.file.save(upload.name, upload, save=False)


@transaction.atomic
def add_party(*, agreement: Agreement, side) -> AgreementParty:
    try:
        with transaction.atomic():
            return AgreementParty.objects.create(agreement=agreement, **side_fields(side))
    except IntegrityError:
        raise ValidationError(f"«{side}» уже сторона этого соглашения.") from None


@transaction.atomic
def record_signature(*, party: AgreementParty, signed_on: datetime.date, signed_by: str,
                     scan: UploadedFile | None = None) -> AgreementParty:
    """The party signed: when, who, and the scan of its copy when there is one."""
    if signed_on > datetime.date.today():
        raise ValidationError({"signed_on": "Дата подписания ещё не наступила."})
    if not signed_by.strip():
        raise ValidationError({"signed_by": "Укажите, кто подписал."})
    party.signed_on, party.signed_by = signed_on, signed_by.strip()
    if scan is not None:
        party.scan_type = check_file(scan, field="scan")
        party.scan_name = original_name(scan)
        party.scan.save(scan.name, scan, save=False)
    party.save()
    return party


def unsigned(parties) -> list[AgreementParty]:
    return [party for party in parties if party.signed_on is None]


def expiry_days() -> int:
    return settings.NETWORKS_AGREEMENT_EXPIRY_DAYS


def expiring(agreements: QuerySet[Agreement], *, today: datetime.date) -> QuerySet[Agreement]:
    """Agreements that run out within the warning period, or have run out already."""
    return agreements.filter(valid_to__isnull=False,
                             valid_to__lte=today + datetime.timedelta(days=expiry_days()))


def expiry_note(agreement: Agreement, *, today: datetime.date) -> str:
    """«истёк 31.12.2023», «истекает через 12 дн.» — or nothing when not close."""
    if agreement.valid_to is None:
        return ""
    left = (agreement.valid_to - today).days
    if left < 0:
        return f"срок действия истёк {agreement.valid_to:%d.%m.%Y}"
    if left <= expiry_days():
        return f"срок действия истекает {agreement.valid_to:%d.%m.%Y} (осталось дней: {left})"
    return ""
