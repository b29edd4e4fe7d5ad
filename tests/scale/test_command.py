"""``manage.py generate_scale``: how much it makes, the same content for the same seed,
refusing and replacing, and the accounts it opens."""

import datetime

import pytest
from django.apps import apps
from django.contrib.auth.models import User
from django.core.management.base import CommandError
from django.test import Client
from django.urls import reverse

from demo.krymsky import DEMO_PASSWORD, load_demo
from demo.synthetic import account_names
from diagnostics.models import Staffing
from distribution.models import DistributionProposal
from internships.journal import EntryData, record_entry
from internships.models import (
    CouncilMeeting,
    Curator,
    JournalEntry,
    Placement,
    Platform,
    Programme,
    TeamResult,
    Tier,
    Transfer,
)
from internships.placements import transfer_team
from reports.models import ReportJob, ReportKind
from teams.models import Municipality, Organization, Role, UserProfile
from tests.scale.support import generate, listing

pytestmark = pytest.mark.django_db

PASSWORD = "Синтетика-2024"


def synthetic_organizations():
    return Organization.objects.filter(municipality__is_synthetic=True)


def test_it_spreads_exactly_the_organizations_asked_for_over_the_municipalities():
    generate(municipalities=4, orgs=203, periods=1)

    municipalities = Municipality.objects.filter(is_synthetic=True).order_by("name")
    assert [item.name for item in municipalities] == [
        "Синтетическое МО 0001", "Синтетическое МО 0002", "Синтетическое МО 0003",
        "Синтетическое МО 0004"]
    assert synthetic_organizations().count() == 203
    assert municipalities[0].organizations.count() == 203 // 4
    sizes = [item.organizations.count() for item in municipalities[1:]]
    assert all(0.5 * 50 <= size <= 1.6 * 50 for size in sizes)
    assert not Organization.objects.filter(municipality__is_synthetic=False).exists()
    assert all(organization.team for organization in synthetic_organizations())


def test_it_puts_every_organization_in_one_municipality_when_asked_for_one():
    generate(municipalities=1, orgs=75, periods=1)

    assert Municipality.objects.get(is_synthetic=True).organizations.count() == 75


def test_it_opens_the_programmes_first_years_and_the_last_is_the_latest():
    generate(municipalities=1, orgs=20, periods=3)

    programme = Programme.objects.get(municipality__is_synthetic=True)
    periods = list(programme.periods.order_by("starts_on"))
    assert [period.title for period in periods] == ["2024–2025", "2025–2026", "2026–2027"]
    assert periods[0].starts_on == programme.starts_on == datetime.date(2024, 9, 1)
    assert programme.periods.order_by("-starts_on").first() == periods[-1]
    assert Platform.objects.filter(period__programme=programme).count() == 7 * 3


def test_it_prints_a_timing_and_the_rows_of_every_stage():
    output = generate(municipalities=1, orgs=20, periods=1)

    assert "Организации и команды:" in output
    assert "организаций — 20" in output
    assert "Журналы площадок и планы работы:" in output
    assert "результатов команд —" in output
    assert "Готово за" in output


def test_it_gives_the_same_content_for_the_same_seed():
    generate(municipalities=2, orgs=40, periods=2, seed=7)
    first = listing()
    generate(municipalities=2, orgs=40, periods=2, seed=7, replace=True)

    assert listing() == first
    assert all(first.values())


def test_it_gives_other_content_for_another_seed():
    generate(municipalities=2, orgs=40, periods=2, seed=7)
    first = listing()
    generate(municipalities=2, orgs=40, periods=2, seed=8, replace=True)
    second = listing()

    assert second["organizations"] != first["organizations"]
    assert second["placements"] != first["placements"]
    assert second["diagnoses"] != first["diagnoses"]


def test_its_first_municipality_is_the_same_whatever_the_number_of_others():
    def first_municipality() -> dict[str, list]:
        return {name: [row for row in rows if row[0] == "Синтетическое МО 0001"]
                for name, rows in listing().items()}

    generate(municipalities=1, orgs=30, periods=2, seed=4)
    alone = first_municipality()
    generate(municipalities=3, orgs=90, periods=2, seed=4, replace=True)

    assert first_municipality() == alone
    assert all(alone.values())


def test_it_refuses_without_replace_when_synthetic_data_exists():
    generate(municipalities=1, orgs=30, periods=1)
    before = listing()

    with pytest.raises(CommandError) as refusal:
        generate(municipalities=2, orgs=40, periods=1)

    assert "уже есть синтетические данные" in str(refusal.value)
    assert "--replace" in str(refusal.value)
    assert refusal.value.returncode == 1
    assert listing() == before
    assert Municipality.objects.filter(is_synthetic=True).count() == 1


def test_it_refuses_arguments_it_cannot_honour():
    with pytest.raises(CommandError, match="не меньше 10 на муниципальное образование"):
        generate(municipalities=3, orgs=20)
    with pytest.raises(CommandError, match="Учебных лет — от 1 до 3"):
        generate(municipalities=1, orgs=20, periods=4)

    assert not Municipality.objects.exists()


def test_it_replaces_the_old_synthetic_data_and_keeps_the_rest():
    load_demo()
    demo_placements = Placement.objects.filter(
        team__organization__municipality__is_synthetic=False).count()
    generate(municipalities=3, orgs=60, periods=2, password=PASSWORD)

    generate(municipalities=1, orgs=25, periods=1, replace=True)

    assert list(Municipality.objects.filter(is_synthetic=True).values_list("name", flat=True)) \
        == ["Синтетическое МО 0001"]
    assert synthetic_organizations().count() == 25
    assert not User.objects.filter(username__startswith="m0002").exists()
    assert not UserProfile.objects.filter(municipality__is_synthetic=True).exists()
    assert Placement.objects.filter(
        team__organization__municipality__is_synthetic=False).count() == demo_placements
    assert User.objects.filter(username="staff").exists()


def test_it_removes_what_people_added_to_synthetic_data_when_replacing():
    generate(municipalities=1, orgs=20, periods=1, password=PASSWORD)
    staff = User.objects.get(username="m0001-staff")
    placement = Placement.objects.filter(tier=Tier.RESERVE).select_related(
        "platform__period").first()
    period = placement.platform.period
    transfer_team(placement=placement, to_tier=Tier.PROMISING,
                  transferred_on=period.ends_on, reason="Решение совета", recorded_by=staff)
    leader = Placement.objects.filter(platform=placement.platform, tier=Tier.LEADER).first()
    record_entry(platform=placement.platform, data=EntryData(
        held_on=period.starts_on, ends_on=None, form="seminar", form_other="", topic="Семинар",
        venue=None, hosts=[leader.team], participants=[leader.team], description=""),
        recorded_by=staff)
    municipality = Municipality.objects.get(is_synthetic=True)
    CouncilMeeting.objects.create(period=period, number=1, held_on=period.starts_on,
                                  attendees="Совет")
    ReportJob.objects.create(municipality=municipality, kind=ReportKind.INDICATORS,
                             period=period)
    DistributionProposal.objects.create(municipality=municipality, source_period=period)

    generate(municipalities=1, orgs=20, periods=1, replace=True)

    assert not ReportJob.objects.exists()
    assert not DistributionProposal.objects.exists()
    assert not CouncilMeeting.objects.exists()
    assert not TeamResult.objects.filter(entry__topic="Семинар").exists()
    for model in (Placement, Transfer, JournalEntry, TeamResult, CouncilMeeting):
        assert not model.history.model.objects.exists(), model
    assert not apps.get_model("internships", "HistoricalJournalEntry_hosts").objects.exists()
    assert not User.objects.filter(username="m0001-staff").exists()


def log_in(username: str) -> Client:
    client = Client()
    response = client.post(reverse("login"), {"username": username, "password": PASSWORD})
    assert response.status_code == 302, username
    return client


def test_it_opens_four_accounts_in_every_municipality_with_the_password():
    generate(municipalities=2, orgs=40, periods=2, password=PASSWORD)

    for municipality in Municipality.objects.filter(is_synthetic=True):
        number = int(municipality.name[-4:])
        for role, username in account_names(number).items():
            profile = UserProfile.objects.get(user__username=username)
            assert profile.municipality == municipality
            assert profile.role == role
    curator = Curator.objects.get(user__username="m0002-curator")
    assert sorted(curator.platforms.values_list("period__title", "direction__number")) == [
        ("2024–2025", 1), ("2024–2025", 2), ("2025–2026", 1), ("2025–2026", 2)]


def test_it_gives_the_school_account_the_first_organization_with_placements():
    generate(municipalities=1, orgs=30, periods=1, password=PASSWORD)

    profile = UserProfile.objects.get(user__username="m0001-school")
    first = (Organization.objects.filter(municipality__is_synthetic=True,
                                         team__placements__isnull=False)
             .order_by("sort_rank", "number", "short_name").first())
    assert profile.organization == first


@pytest.mark.parametrize("role", [Role.STAFF, Role.ANALYST, Role.CURATOR])
def test_its_municipality_accounts_log_in_and_see_their_pages(role):
    generate(municipalities=1, orgs=30, periods=2, password=PASSWORD)
    client = log_in(account_names(1)[role])
    organization = synthetic_organizations().order_by("pk").first()

    for url in (reverse("home"), reverse("matrix"), reverse("organization_list"),
                reverse("organization_detail", args=[organization.pk])):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "Синтетические данные" in response.content.decode()


def test_its_school_account_logs_in_and_sees_its_pages():
    generate(municipalities=1, orgs=30, periods=2, password=PASSWORD)
    client = log_in("m0001-school")

    home = client.get(reverse("home"), follow=True)
    assert home.status_code == 200
    assert home.redirect_chain[-1][0] == reverse(
        "organization_detail",
        args=[UserProfile.objects.get(user__username="m0001-school").organization_id])
    assert "Синтетические данные" in home.content.decode()
    assert client.get(reverse("my_internships")).status_code == 200
    assert client.get(reverse("matrix")).status_code == 403


def test_it_shows_no_synthetic_warning_to_a_user_of_a_real_municipality():
    load_demo()
    generate(municipalities=1, orgs=20, periods=1, password=PASSWORD)
    client = Client()
    client.post(reverse("login"), {"username": "staff", "password": DEMO_PASSWORD})

    response = client.get(reverse("home"))

    assert response.status_code == 200
    assert "Синтетические данные" not in response.content.decode()


def test_it_creates_no_users_without_a_password():
    generate(municipalities=2, orgs=40, periods=1)

    assert not User.objects.exists()
    assert not Curator.objects.filter(user__isnull=False).exists()
    assert Staffing.objects.filter(organization__municipality__is_synthetic=True).exists()
