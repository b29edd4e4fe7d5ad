"""Proposals of teachers for routes: the school leader proposes one of the school's people
for a platform's programme, the department accepts or declines."""

import datetime

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction

from people.access import organizations_kept_by_user
from people.models import ModularProgramme, Teacher
from routes.models import ProposalStatus, RouteProposal


@transaction.atomic
def propose(*, teacher: Teacher, programme: ModularProgramme, note: str, user: User,
            today: datetime.date) -> RouteProposal:
    if not organizations_kept_by_user(user).filter(pk=teacher.organization_id).exists():
        raise ValidationError({"teacher": "Предложить можно только педагога своей "
                                          "организации."})
    if programme.platform.host.municipality_id != teacher.organization.municipality_id:
        raise ValidationError({"programme": "Программа — площадки того же муниципалитета."})
    proposal = RouteProposal(teacher=teacher, programme=programme, note=note.strip(),
                             proposed_on=today, proposed_by=user)
    proposal.full_clean()
    proposal.save()
    return proposal


@transaction.atomic
def decide(*, proposal: RouteProposal, accepted: bool, today: datetime.date) -> RouteProposal:
    if proposal.status != ProposalStatus.OPEN:
        raise ValidationError("По этому предложению уже принято решение.")
    proposal.status = ProposalStatus.ACCEPTED if accepted else ProposalStatus.DECLINED
    proposal.decided_on = today
    proposal.full_clean()
    proposal.save(update_fields=["status", "decided_on"])
    return proposal
