"""The Vyselki conference and contest of the demo, on a municipality made for the test."""

from django.contrib.auth.models import User

from contests.models import Application, Contest, OrganizationStatus, RegionalOutcome, Score
from contests.result_reads import contest_results
from demo.vyselki_contests import CONTEST, load_vyselki_contests
from teams.models import Municipality


def test_it_loads_the_conference_and_the_scored_contest_once(db):
    municipality = Municipality.objects.create(name="Муниципальное образование Выселковский район")
    first = load_vyselki_contests(municipality)
    assert load_vyselki_contests(municipality) == first
    assert first["contests"] == 2
    contest = Contest.objects.get(title=CONTEST)
    assert contest.illustrative and contest.results_approved
    assert contest.nominations.count() == 3 and contest.experts.count() == 3
    for number in (1, 2, 3):
        assert User.objects.get(username=f"vys-expert{number}").check_password("demo")
    # No expert scored their own organization.
    for score in Score.objects.select_related("expert", "application__teacher"):
        assert score.expert.organization_id != score.application.applicant_organization_id
    withdrawn = Application.objects.get(nomination__contest=contest, withdrawn_at__isnull=False)
    ranked = {row.application.pk: row.ranked for group in contest_results(contest).nominations
              for row in group.rows}
    assert ranked[withdrawn.pk].place is None
    assert any(r.category == "winner" for r in ranked.values())
    failed = Application.objects.filter(regional_outcome=RegionalOutcome.NOT_PASSED)
    assert failed.exists() and all(a.regional_note for a in failed)
    assert OrganizationStatus.objects.filter(issuer__contains="иллюстративно").exists()
