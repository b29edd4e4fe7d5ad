"""Keeping a platform's journal: its entries, the teams' results, attachments and the work plan."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import F

from core.formatting import history_line
from internships.attachments import (
    check_upload,
    delete_files_on_commit,
    extensions_text,
    original_name,
)
from internships.models import (
    EntryAttachment,
    JournalEntry,
    Outcome,
    Placement,
    PlannedEvent,
    Platform,
    TeamResult,
    Tier,
    WorkForm,
)
from teams.models import ManagementTeam, Organization

ATTACHMENT_EXTENSIONS = (".pdf", ".docx", ".pptx", ".xlsx", ".jpg", ".jpeg", ".png")
ALLOWED_EXTENSIONS_TEXT = extensions_text(ATTACHMENT_EXTENSIONS)
HOST_TIERS = (Tier.LEADER, Tier.PROMISING)


def check_attachment(upload: UploadedFile) -> str:
    """The file's content type, or a refusal when its size, name or content do not fit."""
    return check_upload(upload, max_bytes=settings.JOURNAL_ATTACHMENT_MAX_BYTES,
                        extensions=ATTACHMENT_EXTENSIONS)


@dataclass(frozen=True)
class EntryData:
    """What a journal entry says, as the entry form gives it."""

    held_on: datetime.date
    ends_on: datetime.date | None
    form: str
    form_other: str
    topic: str
    venue: Organization | None
    hosts: list[ManagementTeam]
    participants: list[ManagementTeam]
    description: str
    planned_event: PlannedEvent | None = None


def host_candidates(*, platform: Platform):
    """Leaders of the platform run its events; a promising team placed on it may co-host."""
    return ManagementTeam.objects.filter(
        placements__platform=platform, placements__tier__in=HOST_TIERS
    ).select_related("organization")


def participant_candidates(*, platform: Platform):
    """Teams of the platform, and of the year's other platforms for mentoring across them."""
    return (
        ManagementTeam.objects.filter(placements__platform__period_id=platform.period_id)
        .distinct()
        .select_related("organization")
    )


def _period_range_error(platform: Platform, what: str) -> str:
    period = platform.period
    return (
        f"{what} должна лежать в {period.title} учебном году: "
        f"с {period.starts_on:%d.%m.%Y} по {period.ends_on:%d.%m.%Y}."
    )


def _check_form(form: str, form_other: str) -> str:
    if form not in WorkForm.values:
        raise ValidationError({"form": "Выберите форму работы из списка."})
    if form == WorkForm.OTHER and not form_other.strip():
        raise ValidationError({"form_other": "Укажите, какая это форма работы."})
    return form_other.strip() if form == WorkForm.OTHER else ""


def _check_hosts(platform: Platform, hosts: list[ManagementTeam]) -> None:
    tiers = dict(
        Placement.objects.filter(platform=platform, tier__in=HOST_TIERS).values_list(
            "team_id", "tier"
        )
    )
    strangers = [team for team in hosts if team.pk not in tiers]
    if strangers:
        names = ", ".join(team.organization.short_name for team in strangers)
        raise ValidationError({"hosts": (
            f"Не может проводить мероприятие: {names}. Проводят команды-лидеры площадки; "
            "команда, подающая надежды, может быть соведущей, если распределена на эту площадку."
        )})
    if not any(tiers[team.pk] == Tier.LEADER for team in hosts):
        raise ValidationError({"hosts": (
            "Мероприятие проводит команда-лидер площадки; команда, подающая надежды, может "
            "быть только соведущей. Отметьте и команду-лидера."
        )})


def _check_entry(*, platform: Platform, data: EntryData, entry: JournalEntry | None) -> str:
    """Refuse what the journal may not say; the cleaned name of «другая» form."""
    _check_dates(platform, data)
    form_other = _check_form(data.form, data.form_other)
    if not data.topic.strip():
        raise ValidationError({"topic": "Укажите тему мероприятия."})
    _check_venue(platform, data.venue)
    _check_entry_hosts(platform, data.hosts, entry)
    _check_participants(platform, data.participants)
    _check_plan_line(platform, data.planned_event, entry)
    return form_other


def _check_dates(platform: Platform, data: EntryData) -> None:
    period = platform.period
    if not period.starts_on <= data.held_on <= period.ends_on:
        raise ValidationError({"held_on": _period_range_error(platform, "Дата мероприятия")})
    if data.ends_on is not None and data.ends_on < data.held_on:
        raise ValidationError(
            {"ends_on": "Дата окончания не может быть раньше даты начала."}
        )
    if data.ends_on is not None and data.ends_on > period.ends_on:
        raise ValidationError({"ends_on": _period_range_error(platform, "Дата окончания")})


def _check_venue(platform: Platform, venue: Organization | None) -> None:
    municipality_id = platform.period.programme.municipality_id
    if venue is not None and venue.municipality_id != municipality_id:
        raise ValidationError(
            {"venue": "Место проведения — организация своего муниципального образования."}
        )


def _check_entry_hosts(platform: Platform, hosts: list[ManagementTeam],
                       entry: JournalEntry | None) -> None:
    if not hosts:
        raise ValidationError({"hosts": "Укажите команду, которая проводит мероприятие."})
    # Tiers are today's: an entry whose hosts stay as they were keeps them even if a
    # host has since been transferred.
    host_ids = {team.pk for team in hosts}
    if entry is None or host_ids != set(entry.hosts.values_list("pk", flat=True)):
        _check_hosts(platform, hosts)


def _check_participants(platform: Platform, participants: list[ManagementTeam]) -> None:
    if not participants:
        raise ValidationError({"participants": "Отметьте команды, которые участвовали."})
    period = platform.period
    placed = set(
        Placement.objects.filter(platform__period=period).values_list("team_id", flat=True)
    )
    outsiders = [team for team in participants if team.pk not in placed]
    if outsiders:
        names = ", ".join(team.organization.short_name for team in outsiders)
        raise ValidationError({"participants": (
            f"Не участвуют в стажировках {period.title} учебного года: {names}."
        )})


def _check_plan_line(platform: Platform, plan: PlannedEvent | None,
                     entry: JournalEntry | None) -> None:
    """The plan line an entry marks as held: of this platform, and not held by another."""
    if plan is None:
        return
    if plan.platform_id != platform.pk:
        raise ValidationError({"planned_event": "Этот пункт плана — другой площадки."})
    taken = PlannedEvent.objects.filter(pk=plan.pk, entry__isnull=False)
    if entry is not None:
        taken = taken.exclude(entry=entry)
    if taken.exists():
        raise ValidationError(
            {"planned_event": "Этот пункт плана уже отмечен проведённым другим мероприятием."}
        )


def _apply(entry: JournalEntry, data: EntryData, form_other: str) -> None:
    entry.held_on = data.held_on
    entry.ends_on = data.ends_on
    entry.form = data.form
    entry.form_other = form_other
    entry.topic = data.topic.strip()
    entry.venue = data.venue
    entry.description = data.description.strip()


def _save_with_hosts(entry: JournalEntry, hosts: list[ManagementTeam]) -> None:
    """Hosts first, then the save: one history record holds the fields and the hosts."""
    entry.skip_history_when_saving = True
    entry.hosts.set(hosts)
    del entry.skip_history_when_saving
    entry.save()


def _sync_participants(entry: JournalEntry, participants: list[ManagementTeam]) -> None:
    """One result row per participating team; a team taken off loses its row."""
    wanted = {team.pk for team in participants}
    for result in entry.results.exclude(team_id__in=wanted):
        result.delete()
    present = set(entry.results.values_list("team_id", flat=True))
    for team_id in sorted(wanted - present):
        TeamResult.objects.create(entry=entry, team_id=team_id)


def _link_plan(entry: JournalEntry, plan: PlannedEvent | None) -> None:
    for previous in PlannedEvent.objects.filter(entry=entry).exclude(
        pk=plan.pk if plan else None
    ):
        previous.entry = None
        previous.save(update_fields=["entry"])
    if plan is not None and plan.entry_id != entry.pk:
        plan.entry = entry
        plan.save(update_fields=["entry"])


@transaction.atomic
def record_entry(
    *,
    platform: Platform,
    data: EntryData,
    files: list[UploadedFile] = (),
    recorded_by: User | None,
) -> JournalEntry:
    """Write an event into the platform's journal, with a result row per participating team."""
    form_other = _check_entry(platform=platform, data=data, entry=None)
    for upload in files:
        check_attachment(upload)
    entry = JournalEntry(platform=platform, created_by=recorded_by, updated_by=recorded_by)
    _apply(entry, data, form_other)
    entry.skip_history_when_saving = True
    entry.save()
    _save_with_hosts(entry, data.hosts)
    _sync_participants(entry, data.participants)
    _link_plan(entry, data.planned_event)
    for upload in files:
        _attach(entry, upload, recorded_by)
    return entry


class StaleEntry(ValidationError):
    """Somebody saved the entry after the form was opened; nothing was written."""


def _claim(entry: JournalEntry, version: int, user: User | None) -> JournalEntry:
    """Compare-and-set the version, then lock the row for the save that records history.

    The conditional UPDATE is atomic on every database, so of two saves based on
    the same version exactly one wins; the loser is told who won and when.
    """
    claimed = JournalEntry.objects.filter(pk=entry.pk, version=version).update(
        version=F("version") + 1
    )
    current = (
        # Only the entry's own row is locked: PostgreSQL cannot lock the nullable
        # side of the outer join to its last editor.
        JournalEntry.objects.select_for_update(of=("self",))
        .select_related("platform__period__programme", "updated_by")
        .get(pk=entry.pk)
    )
    if not claimed:
        changed = history_line("~", current.updated_by or "другой пользователь",
                               current.updated_at)
        raise StaleEntry(
            f"Пока форма была открыта, мероприятие изменилось. {changed}. Ваши изменения "
            "не сохранены: они остались в форме — сверьте их с записью журнала и сохраните "
            "ещё раз.",
            code="stale",
        )
    current.updated_by = user
    return current


@transaction.atomic
def update_entry(
    *,
    entry: JournalEntry,
    version: int,
    data: EntryData,
    files: list[UploadedFile] = (),
    updated_by: User | None,
) -> JournalEntry:
    """Change an entry the editor loaded at ``version``; a later save by another is kept."""
    current = _claim(entry, version, updated_by)
    form_other = _check_entry(platform=current.platform, data=data, entry=current)
    for upload in files:
        check_attachment(upload)
    _apply(current, data, form_other)
    _save_with_hosts(current, data.hosts)
    _sync_participants(current, data.participants)
    _link_plan(current, data.planned_event)
    for upload in files:
        _attach(current, upload, updated_by)
    return current


@dataclass(frozen=True)
class ResultRow:
    team_id: int
    attended: bool
    managers: int
    teachers: int
    outcome: str
    comment: str


@transaction.atomic
def save_results(
    *, entry: JournalEntry, version: int, rows: list[ResultRow], updated_by: User | None
) -> JournalEntry:
    """Write every participating team's result at once; refused whole on any bad row."""
    current = _claim(entry, version, updated_by)
    results = {result.team_id: result for result in
               current.results.select_related("team__organization")}
    errors = []
    for row in rows:
        result = results.get(row.team_id)
        if result is None:
            errors.append("Команда не участвует в этом мероприятии: сначала отметьте её "
                          "участницей в описании мероприятия.")
            continue
        name = result.team.organization.short_name
        if row.managers < 0 or row.teachers < 0:
            errors.append(f"{name}: число людей не может быть отрицательным.")
        elif not row.attended and (row.managers or row.teachers or row.outcome):
            errors.append(f"{name}: команда не участвовала — укажите 0 руководителей, "
                          "0 педагогов и не выбирайте результат.")
        elif row.outcome and row.outcome not in Outcome.values:
            errors.append(f"{name}: выберите результат из списка.")
    if errors:
        raise ValidationError(errors)
    for row in rows:
        result = results[row.team_id]
        values = {"attended": row.attended, "managers": row.managers, "teachers": row.teachers,
                  "outcome": row.outcome, "comment": row.comment.strip()}
        if any(getattr(result, field) != value for field, value in values.items()):
            for field, value in values.items():
                setattr(result, field, value)
            result.save()
    current.save()
    return current


def _attach(entry: JournalEntry, upload: UploadedFile, user: User | None) -> EntryAttachment:
    content_type = check_attachment(upload)
    attachment = EntryAttachment(
        entry=entry, original_name=original_name(upload),
        content_type=content_type, size=upload.size, uploaded_by=user,
    )
    attachment.file.save(upload.name, upload, save=False)
    attachment.save()
    return attachment


@transaction.atomic
def add_attachments(
    *, entry: JournalEntry, files: list[UploadedFile], uploaded_by: User | None
) -> list[EntryAttachment]:
    for upload in files:
        check_attachment(upload)
    return [_attach(entry, upload, uploaded_by) for upload in files]


@transaction.atomic
def remove_attachment(*, attachment: EntryAttachment) -> None:
    attachment.delete()
    delete_files_on_commit([attachment.file])


@transaction.atomic
def delete_entry(*, entry: JournalEntry) -> None:
    """Take an entry out of the journal with its results and files; its plan line reopens."""
    files = [attachment.file for attachment in entry.attachments.all()]
    entry.delete()
    delete_files_on_commit(files)


@dataclass(frozen=True)
class PlanData:
    month: datetime.date
    planned_on: datetime.date | None
    form: str
    form_other: str
    topic: str
    responsible: ManagementTeam | None


def _check_plan(*, platform: Platform, data: PlanData) -> tuple[datetime.date, str]:
    period = platform.period
    month = data.month.replace(day=1)
    first_month = period.starts_on.replace(day=1)
    if not first_month <= month <= period.ends_on:
        raise ValidationError({"month": (
            f"Месяц должен лежать в {period.title} учебном году: "
            f"с {period.starts_on:%m.%Y} по {period.ends_on:%m.%Y}."
        )})
    if data.planned_on is not None and data.planned_on.replace(day=1) != month:
        raise ValidationError(
            {"planned_on": f"Дата должна лежать в выбранном месяце ({month:%m.%Y})."}
        )
    form_other = _check_form(data.form, data.form_other)
    if not data.topic.strip():
        raise ValidationError({"topic": "Укажите тему мероприятия."})
    if data.responsible is not None and not Placement.objects.filter(
        platform=platform, team=data.responsible
    ).exists():
        raise ValidationError(
            {"responsible": "Ответственной может быть только команда этой площадки."}
        )
    return month, form_other


@transaction.atomic
def plan_event(*, platform: Platform, data: PlanData) -> PlannedEvent:
    month, form_other = _check_plan(platform=platform, data=data)
    return PlannedEvent.objects.create(
        platform=platform, month=month, planned_on=data.planned_on, form=data.form,
        form_other=form_other, topic=data.topic.strip(), responsible=data.responsible,
    )


@transaction.atomic
def update_planned_event(*, event: PlannedEvent, data: PlanData) -> PlannedEvent:
    month, form_other = _check_plan(platform=event.platform, data=data)
    event.month = month
    event.planned_on = data.planned_on
    event.form = data.form
    event.form_other = form_other
    event.topic = data.topic.strip()
    event.responsible = data.responsible
    event.save()
    return event


@transaction.atomic
def delete_planned_event(*, event: PlannedEvent) -> None:
    """A plan line goes; an entry held for it stays in the journal."""
    event.delete()
