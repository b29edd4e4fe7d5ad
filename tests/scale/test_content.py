"""What the synthetic districts hold: realistic proportions, the portal's rules kept, and
data for every indicator of the project."""

from collections import Counter, defaultdict

import pytest
from django.db.models import Count, F

from demo.synthetic import delete_synthetic
from diagnostics import dynamics
from diagnostics.models import (
    Deficit,
    Diagnosis,
    DiagnosticRound,
    NeedsOffer,
    SchoolIndicator,
    Staffing,
)
from diagnostics.rounds import period_of_round
from diagnostics.staffing import StaffingFigures
from internships.models import (
    JournalEntry,
    Mentorship,
    Period,
    Placement,
    PlannedEvent,
    Platform,
    Programme,
    Strategy,
    TeamResult,
    Tier,
    Transfer,
)
from outcomes.models import AddressedDeficit
from reports.contest_indicators import CONTEST_INDICATORS
from reports.indicator_catalogue import DEFICITS_DECREASED_TEACHERS, Group
from reports.indicators import compute_periods
from reports.network_indicators import NETWORK_INDICATORS
from teams.models import (
    Locality,
    ManagementTeam,
    Municipality,
    Organization,
    OrganizationKind,
    SchoolLevel,
)
from tests.scale.support import generate

pytestmark = pytest.mark.django_db


def share(part: int, whole: int) -> float:
    return part / whole


@pytest.fixture(scope="module")
def generated(django_db_setup, django_db_blocker):
    """Three municipalities, generated once for the module and removed after it; the
    first has 400 organizations, enough for its proportions to mean something."""
    with django_db_blocker.unblock():
        generate(municipalities=3, orgs=1200, periods=2, seed=3)
        yield list(Municipality.objects.filter(is_synthetic=True).order_by("name"))
        delete_synthetic()


@pytest.fixture
def district(db, generated) -> Municipality:
    return generated[0]


@pytest.fixture
def districts(db, generated) -> list[Municipality]:
    return generated


def test_its_organizations_are_of_realistic_kinds_levels_and_places(district):
    organizations = list(district.organizations.all())
    total = len(organizations)
    kinds = Counter(item.kind for item in organizations)
    schools = [item for item in organizations if item.kind == OrganizationKind.SCHOOL]
    levels = Counter(item.level for item in schools)

    assert 0.52 <= share(kinds[OrganizationKind.SCHOOL], total) <= 0.68
    assert 0.24 <= share(kinds[OrganizationKind.PRESCHOOL], total) <= 0.36
    assert 0.05 <= share(kinds[OrganizationKind.ADDITIONAL], total) <= 0.15
    assert 0.5 <= share(levels[SchoolLevel.SECONDARY], len(schools)) <= 0.7
    assert 0.12 <= share(levels[SchoolLevel.BASIC], len(schools)) <= 0.28
    assert 0.03 <= share(levels[SchoolLevel.PRIMARY], len(schools)) <= 0.14
    assert 0.03 <= share(levels[SchoolLevel.GYMNASIUM], len(schools)) <= 0.12
    assert 0.01 <= share(levels[SchoolLevel.LYCEUM], len(schools)) <= 0.1
    rural = sum(item.locality == Locality.RURAL for item in organizations)
    assert 0.48 <= share(rural, total) <= 0.7
    assert all("синтетические данные" in item.name for item in organizations)


def test_its_branches_belong_to_secondary_schools_of_their_municipality(district):
    branches = list(district.organizations.filter(parent__isnull=False)
                    .select_related("parent"))

    assert 0.02 <= share(len(branches), district.organizations.count()) <= 0.09
    for branch in branches:
        assert branch.parent.municipality_id == district.pk
        assert branch.parent.level == SchoolLevel.SECONDARY
        assert branch.parent.parent_id is None
        assert "филиал" in branch.short_name


def test_its_teams_have_two_to_four_members_and_short_names_are_unique(district):
    members = ManagementTeam.objects.filter(organization__municipality=district).annotate(
        count=Count("members")).values_list("count", flat=True)

    assert set(members) <= {2, 3, 4}
    names = list(district.organizations.values_list("short_name", flat=True))
    assert len(set(names)) == len(names) == 400


def test_its_programme_has_the_demos_stages_points_directions_and_curators(districts):
    for municipality in districts:
        programme = Programme.objects.get(municipality=municipality)
        assert programme.stages.count() == 3
        assert programme.control_points.count() == 10
        assert list(programme.directions.values_list("number", flat=True)) == list(range(1, 8))
        assert programme.diagnostic_rounds.count() == 4
        assert Deficit.objects.filter(direction__programme=programme).count() == 42
        curators = municipality.curators.all()
        assert 3 <= len(curators) <= 6
        assert {curator.body for curator in curators} >= {"uo", "imc", "coko"}
        for platform in Platform.objects.filter(period__programme=programme):
            assert platform.curators.exists()


def test_every_team_is_placed_in_two_to_four_directions_each_year(district):
    per_team_and_year = Placement.objects.filter(
        team__organization__municipality=district).values(
        "team", "platform__period").annotate(count=Count("pk")).values_list("count", flat=True)
    tiers = Counter(Placement.objects.filter(
        team__organization__municipality=district).values_list("tier", flat=True))
    total = sum(tiers.values())

    assert len(per_team_and_year) == district.organizations.count() * 2
    assert set(per_team_and_year) <= {2, 3, 4}
    assert 0.15 <= share(tiers[Tier.LEADER], total) <= 0.25
    assert 0.33 <= share(tiers[Tier.PROMISING], total) <= 0.47
    assert 0.33 <= share(tiers[Tier.RESERVE], total) <= 0.47


def test_every_platform_has_a_leader(districts):
    platforms = Platform.objects.filter(period__programme__municipality__is_synthetic=True)

    assert platforms.count() == 3 * 2 * 7
    assert not platforms.exclude(placements__tier=Tier.LEADER).exists()


def test_transfers_are_few_in_date_order_and_end_at_the_teams_tier(district):
    placements = Placement.objects.filter(team__organization__municipality=district)
    transfers = defaultdict(list)
    for transfer in Transfer.objects.filter(placement__in=placements).select_related(
            "placement__platform__period").order_by("transferred_on", "pk"):
        transfers[transfer.placement].append(transfer)

    assert 0.02 <= share(len(transfers), placements.count()) <= 0.09
    for placement, chain in transfers.items():
        period = placement.platform.period
        assert all(period.starts_on <= item.transferred_on <= period.ends_on for item in chain)
        assert chain[-1].to_tier == placement.tier
        for earlier, later in zip(chain, chain[1:], strict=False):
            assert earlier.to_tier == later.from_tier
            assert earlier.transferred_on < later.transferred_on
        assert all(item.reason for item in chain)


def test_mentors_lead_and_keep_within_the_programmes_capacity(district):
    capacity = Programme.objects.get(municipality=district).mentee_capacity
    pairs = list(Mentorship.objects.filter(platform__period__programme__municipality=district)
                 .select_related("platform__period"))
    tiers = {(item.platform_id, item.team_id): item.tier for item in Placement.objects.filter(
        team__organization__municipality=district)}

    assert pairs
    for pair in pairs:
        assert tiers[pair.platform_id, pair.mentor_id] == Tier.LEADER
        assert tiers[pair.platform_id, pair.mentee_id] in (Tier.PROMISING, Tier.RESERVE)
        period = pair.platform.period
        assert period.starts_on <= pair.started_on <= period.ends_on
        assert pair.ended_on is None or pair.started_on <= pair.ended_on <= period.ends_on
    load = Counter((pair.platform.period_id, pair.mentor_id) for pair in pairs)
    assert max(load.values()) <= capacity


def test_journal_events_are_hosted_by_leaders_inside_the_year(districts):
    entries = JournalEntry.objects.filter(
        platform__period__programme__municipality__is_synthetic=True).select_related(
        "platform__period").prefetch_related("hosts")
    leaders = set(Placement.objects.filter(tier=Tier.LEADER).values_list("platform", "team"))
    per_platform = Counter(entry.platform_id for entry in entries)

    assert set(per_platform.values()) <= set(range(6, 13))
    assert len(per_platform) == 3 * 2 * 7
    for entry in entries:
        period = entry.platform.period
        assert period.starts_on <= entry.held_on <= period.ends_on
        assert entry.ends_on is None or entry.held_on <= entry.ends_on <= period.ends_on
        hosts = list(entry.hosts.all())
        assert hosts
        assert all((entry.platform_id, host.pk) in leaders for host in hosts)
        assert entry.venue_id in {host.organization_id for host in hosts}


def test_results_are_only_for_teams_placed_on_the_platform_and_about_six_in_ten(district):
    placed = Counter(Placement.objects.filter(
        team__organization__municipality=district).values_list("platform", flat=True))
    on_platform = set(Placement.objects.filter(
        team__organization__municipality=district).values_list("platform", "team"))
    results = TeamResult.objects.filter(team__organization__municipality=district)
    per_entry = Counter()
    for platform_id, team_id, entry_id, attended, managers, teachers, outcome in (
            results.values_list("entry__platform", "team", "entry", "attended", "managers",
                                "teachers", "outcome")):
        assert (platform_id, team_id) in on_platform
        assert attended or (managers, teachers, outcome) == (0, 0, "")
        per_entry[entry_id, platform_id] += 1

    for (_, platform_id), count in per_entry.items():
        assert 0.45 <= share(count, placed[platform_id]) <= 0.75
    attended = results.filter(attended=True).count()
    assert 0.85 <= share(attended, results.count()) <= 0.97


def test_the_work_plan_names_teams_of_the_platform_and_events_held_for_it(districts):
    plans = PlannedEvent.objects.filter(
        platform__period__programme__municipality__is_synthetic=True).select_related(
        "platform__period", "entry")
    placed = set(Placement.objects.values_list("platform", "team"))

    assert plans.filter(entry__isnull=False).exists()
    assert plans.filter(entry__isnull=True).exists()
    for plan in plans:
        period = plan.platform.period
        assert plan.month.day == 1
        assert period.starts_on.replace(day=1) <= plan.month <= period.ends_on
        assert (plan.platform_id, plan.responsible_id) in placed
        if plan.entry is not None:
            assert plan.entry.platform_id == plan.platform_id
            assert plan.month == plan.entry.held_on.replace(day=1)


def test_every_placement_is_diagnosed_in_each_round_of_its_year(district):
    programme = Programme.objects.get(municipality=district)
    placements = set(Placement.objects.filter(team__organization__municipality=district)
                     .values_list("team", "platform__direction", "platform__period"))
    diagnosed = Counter()
    for diagnostic_round in DiagnosticRound.objects.filter(programme=programme):
        period = period_of_round(diagnostic_round=diagnostic_round)
        held = period.starts_on <= diagnostic_round.starts_on <= period.ends_on
        rows = Diagnosis.objects.filter(round=diagnostic_round)
        if not held:
            assert not rows.exists()
            continue
        wanted = {(team, direction) for team, direction, year in placements if year == period.pk}
        assert set(rows.values_list("team", "direction")) == wanted
        assert rows.count() == len(wanted)
        diagnosed[period.pk] += 1
    periods = list(Period.objects.filter(programme=programme).order_by("starts_on"))
    assert [diagnosed[period.pk] for period in periods] == [2, 1]


def test_deficits_are_of_the_direction_few_and_mostly_go_away(district):
    links = Diagnosis.deficits.through.objects.filter(
        diagnosis__team__organization__municipality=district)
    assert not links.exclude(deficit__direction=F("diagnosis__direction")).exists()
    per_diagnosis = Diagnosis.objects.filter(
        team__organization__municipality=district).annotate(count=Count("deficits"))
    assert set(per_diagnosis.values_list("count", flat=True)) <= {0, 1, 2, 3}
    assert all(0 <= score <= 100 for score in per_diagnosis.values_list("score", flat=True))

    rounds = list(DiagnosticRound.objects.filter(programme__municipality=district)
                  .order_by("starts_on").values_list("pk", flat=True))
    sets = dynamics.load_deficit_sets(Diagnosis.objects.filter(
        team__organization__municipality=district))
    changes = dynamics.compare_rounds(sets=sets, first_round_id=rounds[0],
                                      second_round_id=rounds[1], active_ids=frozenset(
                                          Deficit.objects.values_list("pk", flat=True)))
    compared = [change for change in changes if change.compared]
    fewer = sum(change.delta < 0 for change in compared)
    more = sum(change.delta > 0 for change in compared)
    assert fewer > 3 * more


def test_monitoring_staffing_and_needs_are_there_for_the_organizations(district):
    organizations = district.organizations.count()
    indicators = SchoolIndicator.objects.filter(organization__municipality=district)
    staffing = list(Staffing.objects.filter(organization__municipality=district))
    needs = NeedsOffer.objects.filter(organization__municipality=district)

    assert indicators.count() == organizations * 2
    assert not indicators.filter(organization__kind=OrganizationKind.SCHOOL,
                                 low_results__isnull=True).exists()
    assert len(staffing) == organizations * 2
    critical = sum(StaffingFigures.of(item).critical for item in staffing)
    assert 0.04 <= share(critical, len(staffing)) <= 0.13
    asked = needs.values("organization", "period").distinct().count()
    assert 0.2 <= share(asked, organizations * 2) <= 0.4
    assert not needs.filter(needs_support=False, offers_practice=False).exists()
    strategies = Strategy.objects.filter(team__organization__municipality=district).count()
    assert 0.4 <= share(strategies, organizations * 2) <= 0.6


# Nor networks across municipalities (С1–С5).
NOT_SYNTHESISED = (DEFICITS_DECREASED_TEACHERS, *CONTEST_INDICATORS, *NETWORK_INDICATORS)


def test_every_indicator_of_the_project_is_computable(districts):
    for municipality in districts:
        periods = list(Period.objects.filter(programme__municipality=municipality)
                       .order_by("starts_on"))
        for computed in compute_periods(municipality=municipality, periods=periods):
            # The synthetic districts hold no persons (no teachers, sessions or their rounds),
            # hold no contests on the portal, and no table of the region was loaded for them.
            missing = [value.indicator.code for value in computed.values
                       if value.value is None and value.indicator not in NOT_SYNTHESISED
                       and value.indicator.group not in (Group.PERSONS, Group.REGIONAL)]
            assert missing == [], (municipality.name, computed.period.title, missing)
            for number, values in computed.by_direction.items():
                assert all(value.value is not None for value in values), number
            assert computed.value("environment_created").value is True
            assert computed.value("monitoring_developed").value is True


def test_its_rows_pass_the_models_own_validation(districts):
    for model in (Organization, ManagementTeam, Placement, Transfer, Mentorship, Strategy,
                  JournalEntry, TeamResult, PlannedEvent, Diagnosis, SchoolIndicator, Staffing,
                  NeedsOffer, Deficit, DiagnosticRound, Platform, Period, Programme):
        for instance in model.objects.all()[:25]:
            instance.full_clean()


def test_about_a_third_of_event_and_deficit_pairs_are_named_within_the_direction(district):
    named = AddressedDeficit.objects.filter(
        entry__platform__period__programme__municipality=district)
    assert named.exists()
    assert not named.exclude(deficit__direction=F("entry__platform__direction")).exists()
    pairs = sum(
        Deficit.objects.filter(direction_id=direction).count()
        for direction in JournalEntry.objects.filter(
            platform__period__programme__municipality=district
        ).values_list("platform__direction_id", flat=True)
    )
    assert 0.25 < share(named.count(), pairs) < 0.42
