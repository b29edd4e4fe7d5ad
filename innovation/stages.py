"""Moving a project along the path: a dated move with what evidenced it."""

import datetime

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction

from innovation.models import InnovationProject, PathStage, ProjectDocument, StageMove


@transaction.atomic
def move_stage(*, project: InnovationProject, to_stage: PathStage, moved_on: datetime.date,
               evidence: str, moved_by: User | None,
               evidence_document: ProjectDocument | None = None) -> StageMove:
    """Record the move and set the project's current stage. A move may go back (the
    monitoring of stage VII can send a school back to its plan), but not to the stage
    the project is on, nor to another programme's stage, nor before the last move."""
    project = InnovationProject.objects.select_for_update().get(pk=project.pk)
    if to_stage.programme_id != project.programme_id:
        raise ValidationError({"to_stage": "Этап относится к пути другого проекта."})
    if to_stage.pk == project.stage_id:
        raise ValidationError({"to_stage": f"Проект уже на этапе {to_stage.roman}."})
    evidence = evidence.strip()
    if not evidence:
        raise ValidationError({"evidence": "Укажите, чем подтверждён переход: протокол, "
                                           "приказ, результаты анализа, план."})
    if evidence_document is not None and evidence_document.project_id != project.pk:
        raise ValidationError({"evidence_document": "Документ относится к другому проекту."})
    last = project.stage_moves.order_by("-moved_on").values_list("moved_on", flat=True).first()
    if last is not None and moved_on < last:
        raise ValidationError({"moved_on": f"Дата раньше предыдущего перехода "
                                           f"({last:%d.%m.%Y})."})
    move = StageMove.objects.create(project=project, from_stage_id=project.stage_id,
                                    to_stage=to_stage, moved_on=moved_on, evidence=evidence,
                                    evidence_document=evidence_document, moved_by=moved_by)
    project.stage = to_stage
    project.save(update_fields=["stage", "updated_at"])
    return move
