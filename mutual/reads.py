"""What the pages of mutual learning show: the groups of the organizations, the statuses of
the answers, and the monitoring dashboard whose criteria count the portal's data — each in a
fixed number of queries, whatever the number of organizations."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet

from internships.models import Programme
from mutual.groups import gaps
from mutual.models import (
    Answer,
    Criterion,
    CriterionSource,
    GroupMember,
    IndicatorKind,
    PartStatus,
    ResponsibleGroup,
)
from networks.models import Agreement, AgreementKind, AgreementParty
from plans.models import Plan
from plans.plan_reads import plan_summaries
from registers.models import Product, ProductKind
from teams.models import Organization

SUBMITTED = (PartStatus.SUBMITTED, PartStatus.ACCEPTED)


@dataclass
class GroupRow:
    organization: Organization
    group: ResponsibleGroup | None
    gaps: list[str]


def group_rows(organizations: QuerySet[Organization]) -> list[GroupRow]:
    """Each organization with its group and what the group lacks (two queries)."""
    organizations = list(organizations.order_by("kind", "short_name", "pk").prefetch_related(
        Prefetch("responsible_group__members", queryset=GroupMember.objects.all()))
        .select_related("responsible_group"))
    rows = []
    for organization in organizations:
        group = organization.responsible_group if hasattr(
            organization, "responsible_group") else None
        rows.append(GroupRow(organization, group, gaps(group)))
    return rows


def answer_rows(answers: QuerySet[Answer]) -> list[Answer]:
    return list(answers.select_related("organization").order_by(
        "organization__kind", "organization__short_name", "pk"))


def status_counts(answers: list[Answer]) -> dict[str, dict[str, int]]:
    counts = {"part1": {}, "part2": {}}
    for answer in answers:
        for part in ("part1", "part2"):
            value = getattr(answer, f"{part}_status")
            counts[part][value] = counts[part].get(value, 0) + 1
    return {part: [(label, counts[part].get(value, 0)) for value, label in PartStatus.choices]
            for part in counts}


@dataclass
class CriterionResult:
    criterion: Criterion
    indicator: str = "нет данных"
    value: str = "нет данных"
    achieved: bool | None = None
    missing: list[Organization] = field(default_factory=list)
    overdue: bool = False
    note: str = ""


@dataclass
class _Data:
    organizations: list[Organization]
    groups: dict[int, ResponsibleGroup]
    answers: dict[int, Answer]
    signed: dict[int | None, set[int]]
    agreements: dict[int | None, Agreement | None]
    plans: dict[int, dict[str, int]]
    published: set[int]
    recommendations: list[Product]


def _agreement_of(criterion: Criterion, default: Agreement | None) -> Agreement | None:
    return criterion.agreement if criterion.agreement_id else default


def _load(programme: Programme, criteria: list[Criterion], today: datetime.date) -> _Data:
    organizations = list(Organization.objects.filter(
        municipality_id=programme.municipality_id).order_by("kind", "short_name", "pk"))
    groups = {g.organization_id: g for g in ResponsibleGroup.objects.filter(
        organization__in=organizations).prefetch_related("members")}
    answers = {a.organization_id: a for a in Answer.objects.filter(
        assignment__programme=programme).only("organization_id", "part1_status",
                                              "part2_status")}
    default = (Agreement.objects.filter(programme=programme, kind=AgreementKind.JOINT)
               .order_by("-concluded_on", "-pk").first())
    agreements = {c.pk: _agreement_of(c, default) for c in criteria
                  if c.source == CriterionSource.AGREEMENT}
    ids = {a.pk for a in agreements.values() if a is not None}
    signed: dict = {pk: set() for pk in ids}
    for agreement_id, organization_id in AgreementParty.objects.filter(
            agreement_id__in=ids, organization__isnull=False, signed_on__isnull=False
    ).values_list("agreement_id", "organization_id"):
        signed[agreement_id].add(organization_id)
    plan_ids = {c.joint_plan_id for c in criteria if c.joint_plan_id}
    plans = {s.plan.pk: dict(s.counts) for s in plan_summaries(
        programme.plans.filter(pk__in=plan_ids), today=today)} if plan_ids else {}
    published = set(Plan.objects.filter(
        programme=programme, organization__isnull=False).exclude(published_url="")
        .values_list("organization_id", flat=True))
    recommendations = list(Product.objects.filter(
        programme=programme, kind=ProductKind.RECOMMENDATIONS).order_by("year", "title", "pk")
        .only("title", "year")) if any(
        c.source == CriterionSource.RECOMMENDATIONS for c in criteria) else []
    return _Data(organizations, groups, answers, signed, agreements, plans, published,
                 recommendations)


def _organizations_result(result: CriterionResult, data: _Data, done) -> None:
    missing = [o for o in data.organizations if not done(o)]
    total = len(data.organizations)
    result.missing = missing
    result.achieved = total > 0 and not missing
    yes, no = ("есть", "нет") if result.criterion.indicator_kind == IndicatorKind.PRESENT \
        else ("да", "нет")
    if result.criterion.indicator_kind == IndicatorKind.PERCENT:
        result.indicator = f"{round(100 * (total - len(missing)) / total)} %" if total else \
            "нет данных"
    else:
        result.indicator = yes if result.achieved else no
    result.value = f"{total - len(missing)} из {total} организаций"


def _joint_events(result: CriterionResult, data: _Data) -> None:
    criterion = result.criterion
    counts = data.plans.get(criterion.joint_plan_id) if criterion.joint_plan_id else None
    planned = sum(counts.values()) if counts else 0
    if not planned:
        result.note = ("Совместный план проекта не выбран в критерии." if counts is None
                       else "В совместном плане нет мероприятий со сроком.")
        return
    held = counts.get("done", 0)
    result.indicator = f"{round(100 * held / planned)} %"
    result.value = f"проведено {held} из {planned} мероприятий"
    result.achieved = held == planned


def _recommendations(result: CriterionResult, data: _Data) -> None:
    """Recommendations are made when the products register holds one of the programme."""
    found = data.recommendations
    result.achieved = bool(found)
    yes, no = ("есть", "нет") if result.criterion.indicator_kind == IndicatorKind.PRESENT \
        else ("да", "нет")
    result.indicator = yes if found else no
    result.value = f"в реестре продуктов: {len(found)}"
    result.note = ("; ".join(f"«{product.title}» ({product.year})" for product in found)
                   if found else "Методические рекомендации проекта вносятся в реестр "
                                 "продуктов с видом «методические рекомендации».")


def _compute(criterion: Criterion, data: _Data) -> CriterionResult:
    result = CriterionResult(criterion)
    source = criterion.source
    if source == CriterionSource.GROUP:
        _organizations_result(result, data,
                              lambda o: not gaps(data.groups.get(o.pk)))
    elif source in (CriterionSource.PART1, CriterionSource.PART2):
        name = f"{source}_status"
        _organizations_result(result, data, lambda o: o.pk in data.answers and getattr(
            data.answers[o.pk], name) in SUBMITTED)
    elif source == CriterionSource.AGREEMENT:
        agreement = data.agreements.get(criterion.pk)
        if agreement is None:
            result.note = "Соглашение о совместной деятельности проекта ещё не внесено."
        else:
            signed = data.signed.get(agreement.pk, set())
            _organizations_result(result, data, lambda o: o.pk in signed)
            result.note = f"Соглашение: «{agreement.title}»."
    elif source == CriterionSource.PLAN:
        _organizations_result(result, data, lambda o: o.pk in data.published)
        result.note = "Считаются планы мероприятий ОО со ссылкой на сайт организации."
    elif source == CriterionSource.JOINT_EVENTS:
        _joint_events(result, data)
    elif source == CriterionSource.RECOMMENDATIONS:
        _recommendations(result, data)
    else:
        result.note = "Данных для этого критерия на портале пока нет."
    return result


def dashboard(programme: Programme, *, today: datetime.date) -> list[CriterionResult]:
    """The programme's criteria with their values (a fixed number of queries)."""
    criteria = list(programme.mutual_criteria.select_related("agreement", "joint_plan"))
    data = _load(programme, criteria, today)
    results = [_compute(c, data) for c in criteria]
    for result in results:
        due_on = result.criterion.due_on
        result.overdue = bool(due_on and due_on < today and result.achieved is False)
    return results


@dataclass
class PlanRow:
    organization: Organization
    plan: Plan | None


def organization_plan_rows(programme: Programme) -> list[PlanRow]:
    """Each organization of the programme's municipality with its plan of the programme, if
    any (two queries)."""
    plans = {p.organization_id: p for p in Plan.objects.filter(
        programme=programme, organization__isnull=False)}
    return [PlanRow(o, plans.get(o.pk)) for o in Organization.objects.filter(
        municipality_id=programme.municipality_id).order_by("kind", "short_name", "pk")]
