"""Running the generator and reading back what it made, without database ids."""

from io import StringIO

from django.core.management import call_command

from diagnostics.models import Diagnosis, NeedsOffer, SchoolIndicator, Staffing
from internships.models import (
    Curator,
    JournalEntry,
    Mentorship,
    Placement,
    PlannedEvent,
    Platform,
    Strategy,
    TeamResult,
    Transfer,
)
from teams.models import Organization, TeamMember

SYNTHETIC = "municipality__is_synthetic"
PLATFORM = "platform__period__programme__municipality__name"


def generate(**options) -> str:
    """``manage.py generate_scale`` with these options; what it printed."""
    out = StringIO()
    call_command("generate_scale", stdout=out, **options)
    return out.getvalue()


def listing() -> dict[str, list]:
    """Everything generated, by names, dates and figures: two runs with the same content
    give equal listings whatever ids the database handed out."""
    synthetic = {f"organization__{SYNTHETIC}": True}
    team = {f"team__organization__{SYNTHETIC}": True}
    platform_key = (PLATFORM, "platform__period__title", "platform__direction__number")
    rows = {
        "organizations": Organization.objects.filter(**{SYNTHETIC: True}).values_list(
            "municipality__name", "short_name", "name", "kind", "level", "number", "locality",
            "parent__short_name"),
        "members": TeamMember.objects.filter(**team).values_list(
            "team__organization__municipality__name", "team__organization__short_name",
            "full_name", "position"),
        "curators": Curator.objects.filter(**{SYNTHETIC: True}).values_list(
            "municipality__name", "short_name", "full_name", "body", "position"),
        "platform_curators": Platform.objects.filter(**{
            f"period__programme__{SYNTHETIC}": True}).values_list(
            "period__programme__municipality__name", "period__title", "direction__number",
            "curators__short_name"),
        "placements": Placement.objects.filter(**team).values_list(
            *platform_key, "team__organization__short_name", "tier"),
        "transfers": Transfer.objects.filter(**{f"placement__{key}": value
                                                for key, value in team.items()}).values_list(
            "placement__platform__period__programme__municipality__name",
            "placement__team__organization__short_name", "placement__platform__direction__number",
            "from_tier", "to_tier", "transferred_on", "reason"),
        "mentorships": Mentorship.objects.filter(**{f"mentor__organization__{SYNTHETIC}": True})
        .values_list(*platform_key, "mentor__organization__short_name",
                     "mentee__organization__short_name", "started_on", "ended_on"),
        "strategies": Strategy.objects.filter(**team).values_list(
            "team__organization__municipality__name", "team__organization__short_name",
            "period__title", "kind"),
        "entries": JournalEntry.objects.filter(**{f"venue__{SYNTHETIC}": True}).values_list(
            *platform_key, "held_on", "ends_on", "form", "form_other", "topic",
            "venue__short_name", "description", "hosts__organization__short_name"),
        "results": TeamResult.objects.filter(**team).values_list(
            f"entry__{PLATFORM}", "entry__held_on", "entry__topic",
            "team__organization__short_name", "attended", "managers", "teachers", "outcome",
            "comment"),
        "plans": PlannedEvent.objects.filter(**{f"platform__period__programme__{SYNTHETIC}": True})
        .values_list(*platform_key, "month", "planned_on", "form", "topic",
                     "responsible__organization__short_name", "entry__held_on"),
        "diagnoses": Diagnosis.objects.filter(**team).values_list(
            "team__organization__municipality__name", "team__organization__short_name",
            "round__title", "direction__number", "score", "comment", "deficits__code"),
        "indicators": SchoolIndicator.objects.filter(**synthetic).values_list(
            "organization__municipality__name", "organization__short_name", "period__title",
            "low_results", "non_objective", "students_total", "olympiad_winners",
            "graduates_total", "graduates_high_gia", "teachers_total",
            "teachers_competition_winners"),
        "staffing": Staffing.objects.filter(**synthetic).values_list(
            "organization__municipality__name", "organization__short_name", "as_of",
            "teachers_total", "without_category", "first_category", "highest_category",
            "attested_for_position", "not_subject_to_attestation"),
        "needs": NeedsOffer.objects.filter(**synthetic).values_list(
            "organization__municipality__name", "organization__short_name", "period__title",
            "direction__number", "aspect", "needs_support", "offers_practice", "note"),
    }
    return {name: sorted(queryset.order_by(), key=repr) for name, queryset in rows.items()}
