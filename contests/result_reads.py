"""What the results page and the protocol show: every application of every nomination with
each expert's total, the average, the place and the category (``contests/ranking.py``).

A constant number of queries whatever the size of the contest.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from contests.models import Application, CategoryMethod, Contest, Criterion, Expert, Score
from contests.ranking import Entry, Places, Ranked, Thresholds, rank_nomination


@dataclass
class ResultRow:
    application: Application
    expert_totals: dict[int, int | None]  # expert id → total, None when not fully scored
    ranked: Ranked


@dataclass
class NominationResults:
    nomination: object
    experts: list[Expert]
    rows: list[ResultRow] = field(default_factory=list)


@dataclass
class ContestResults:
    contest: Contest
    criteria: list[Criterion]
    nominations: list[NominationResults]
    scores: dict[tuple[int, int, int], int]  # (application, expert, criterion) → value

    @property
    def maximum_total(self) -> int:
        return sum(c.maximum for c in self.criteria)

    def score(self, application_id: int, expert_id: int, criterion_id: int) -> int | None:
        return self.scores.get((application_id, expert_id, criterion_id))


def _rules(contest: Contest) -> dict:
    if contest.category_method == CategoryMethod.THRESHOLDS:
        return {"thresholds": Thresholds(winner=contest.winner_min or Decimal(0),
                                         prize=contest.prize_min or Decimal(0),
                                         laureate=contest.laureate_min or Decimal(0))}
    return {"places": Places(winner=contest.winner_places, prize=contest.prize_places,
                             laureate=contest.laureate_places)}


def contest_results(contest: Contest) -> ContestResults:
    return results_of([contest])[contest.pk]


def results_of(contests: list[Contest]) -> dict[int, ContestResults]:
    """The results of several contests at once, in the same five queries as of one."""
    ids = [c.pk for c in contests]
    criteria = list(Criterion.objects.filter(contest_id__in=ids))
    experts = list(Expert.objects.filter(contest_id__in=ids).select_related("user", "organization")
                   .prefetch_related("nominations"))
    applications = list(
        Application.objects.filter(nomination__contest_id__in=ids)
        .select_related("nomination", "organization", "teacher__organization")
        .order_by("nomination__audience", "nomination__title", "pk"))
    scores = {(s.application_id, s.expert_id, s.criterion_id): s.value
              for s in Score.objects.filter(application__nomination__contest_id__in=ids)}
    return {contest.pk: _contest_results(
        contest, [c for c in criteria if c.contest_id == contest.pk],
        [e for e in experts if e.contest_id == contest.pk],
        [a for a in applications if a.nomination.contest_id == contest.pk], scores)
        for contest in contests}


def _contest_results(contest: Contest, criteria: list[Criterion], experts: list[Expert],
                     applications: list[Application], scores: dict) -> ContestResults:
    criterion_ids = [c.pk for c in criteria]
    by_nomination: dict[int, NominationResults] = {}
    for application in applications:
        nomination = application.nomination
        if nomination.pk not in by_nomination:
            by_nomination[nomination.pk] = NominationResults(nomination, [
                e for e in experts if any(n.pk == nomination.pk for n in e.nominations.all())])
    results = []
    rules = _rules(contest)
    for group in by_nomination.values():
        totals = {}
        for application in (a for a in applications if a.nomination_id == group.nomination.pk):
            totals[application] = {
                e.pk: _total(scores, application.pk, e.pk, criterion_ids) for e in group.experts}
        ranked = {r.application_id: r for r in rank_nomination(
            (Entry(a.pk, tuple(t for t in per_expert.values() if t is not None),
                   withdrawn=a.is_withdrawn) for a, per_expert in totals.items()), **rules)}
        group.rows = sorted(
            (ResultRow(a, per_expert, ranked[a.pk]) for a, per_expert in totals.items()),
            key=lambda row: (row.ranked.place is None, row.ranked.place or 0, row.application.pk))
        results.append(group)
    return ContestResults(contest, criteria, results, scores)


def _total(scores: dict, application_id: int, expert_id: int,
           criterion_ids: list[int]) -> int | None:
    values = [scores.get((application_id, expert_id, c)) for c in criterion_ids]
    if not criterion_ids or any(v is None for v in values):
        return None
    return sum(values)


def applicant_label(application: Application, *, with_names: bool) -> str:
    """The organization, or the teacher with their organization; a teacher's name only for
    those who may read it."""
    if application.organization_id is not None:
        return application.organization.short_name
    school = application.teacher.organization.short_name
    if with_names:
        return f"{application.teacher.full_name} ({school})"
    return f"Педагог {school}"
