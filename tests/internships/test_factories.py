"""The factories build object graphs that respect the model's own rules."""

from tests import factories


def test_it_places_a_team_of_the_platform_s_municipality(db):
    placement = factories.PlacementFactory()

    municipality = placement.platform.period.programme.municipality
    assert placement.team.organization.municipality == municipality
    assert placement.platform.direction.programme == placement.platform.period.programme


def test_it_pairs_teams_of_the_platform_s_municipality(db):
    mentorship = factories.MentorshipFactory()

    municipality = mentorship.platform.period.programme.municipality
    assert mentorship.mentor.organization.municipality == municipality
    assert mentorship.mentee.organization.municipality == municipality
    assert mentorship.mentor != mentorship.mentee


def test_it_gives_every_organization_a_management_team(db):
    organization = factories.OrganizationFactory()
    member = factories.TeamMemberFactory()

    assert organization.team.organization == organization
    assert member.team.organization.team == member.team


def test_it_records_a_transfer_inside_the_placement_s_year(db):
    transfer = factories.TransferFactory()

    period = transfer.placement.platform.period
    assert period.starts_on <= transfer.transferred_on <= period.ends_on
    assert transfer.from_tier != transfer.to_tier


def test_it_makes_users_of_each_role(db):
    organization = factories.OrganizationFactory()
    municipality = organization.municipality
    platform = factories.PlatformFactory(direction__programme__municipality=municipality)

    staff = factories.staff_user(municipality)
    analyst = factories.analyst_user(municipality)
    school = factories.school_user(organization)
    curator = factories.curator_user(municipality, platforms=[platform])

    assert [user.profile.role for user in (staff, analyst, school, curator)] == [
        "staff", "analyst", "school", "curator",
    ]
    assert school.profile.organization == organization
    assert list(curator.curator.platforms.all()) == [platform]
    assert staff.check_password("correct-horse-battery")
