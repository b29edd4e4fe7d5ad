"""What the pages of innovation projects show, read with a fixed number of queries."""

from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, QuerySet

from innovation.models import (
    Application,
    AssignmentKind,
    InnovationProject,
    PathStage,
    ProjectAssignment,
)
from internships.models import Programme


@dataclass
class BoardColumn:
    stage: PathStage
    projects: list[InnovationProject] = field(default_factory=list)


def _people_prefetch() -> Prefetch:
    return Prefetch("assignments", queryset=ProjectAssignment.objects.select_related("user")
                    .order_by("kind", "user__last_name", "pk"))


def board_columns(*, programme: Programme, projects: QuerySet[InnovationProject],
                  period_id: int | None = None, pilot: bool | None = None
                  ) -> list[BoardColumn]:
    """The programme's projects as columns by stage, I to VII, with their curators and
    tutors and how much help each has had."""
    columns = [BoardColumn(stage) for stage in programme.innovation_stages.order_by("number")]
    rows = projects.filter(programme=programme)
    if period_id is not None:
        rows = rows.filter(period_id=period_id)
    if pilot is not None:
        rows = rows.filter(is_pilot=pilot)
    rows = (rows.select_related("organization", "period")
            .annotate(consultation_count=Count("consultations"))
            .prefetch_related(_people_prefetch())
            .order_by("organization__name", "pk"))
    by_stage = {column.stage.pk: column for column in columns}
    for project in rows:
        by_stage[project.stage_id].projects.append(project)
    return columns


def project_rows(projects: QuerySet[InnovationProject]) -> QuerySet[InnovationProject]:
    """A list of projects («Мои проекты»): card, stage, people."""
    return (projects.select_related("organization", "period", "stage", "programme")
            .prefetch_related(_people_prefetch())
            .order_by("organization__name", "-period__starts_on", "pk"))


def project_page(*, project: InnovationProject) -> dict:
    assignments = list(project.assignments.select_related("user").order_by(
        "kind", "user__last_name", "pk"))
    application = (Application.objects.filter(project=project)
                   .prefetch_related("versions__created_by").first())
    return {
        "stages": list(project.programme.innovation_stages.order_by("number")),
        "moves": list(project.stage_moves.select_related(
            "from_stage", "to_stage", "moved_by", "evidence_document").order_by(
            "-moved_on", "-pk")),
        "consultations": list(project.consultations.select_related("recorded_by")),
        "curators": [a for a in assignments if a.kind == AssignmentKind.CURATOR],
        "tutors": [a for a in assignments if a.kind == AssignmentKind.TUTOR],
        "documents": list(project.documents.select_related("uploaded_by")),
        "comments": list(project.comments.select_related("author")),
        "application": application,
        "versions": list(application.versions.all()) if application else [],
    }


def version_page(*, version) -> dict:
    return {
        "answers": list(version.answers.select_related("section").order_by("section__number")),
        "other_versions": list(version.application.versions.select_related("created_by")),
    }
