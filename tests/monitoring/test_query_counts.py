"""The municipal tables and the map cost a fixed number of queries, whatever the district."""

import datetime

import pytest
from django.urls import reverse

from diagnostics.models import Aspect, NeedsOffer, SchoolIndicator, Staffing
from teams.models import ManagementTeam, Organization, OrganizationKind
from tests import factories

AS_OF = datetime.date(2021, 6, 30)
KINDS = [OrganizationKind.SCHOOL, OrganizationKind.PRESCHOOL, OrganizationKind.ADDITIONAL]


def district(count: int):
    """A district of ``count`` organizations, each with indicators, staffing and needs."""
    municipality = factories.MunicipalityFactory(name=f"Район на {count}")
    period = factories.PeriodFactory(programme__municipality=municipality)
    directions = [factories.DirectionFactory(programme=period.programme, number=number)
                  for number in (1, 2, 3)]
    organizations = Organization.objects.bulk_create(
        Organization(municipality=municipality, short_name=f"ОО № {number}",
                     name=f"Организация № {number}", number=number,
                     kind=KINDS[number % 3],
                     level="sosh" if KINDS[number % 3] == OrganizationKind.SCHOOL else "")
        for number in range(1, count + 1)
    )
    ManagementTeam.objects.bulk_create(ManagementTeam(organization=o) for o in organizations)
    SchoolIndicator.objects.bulk_create(
        SchoolIndicator(organization=o, period=period, low_results=bool(i % 2),
                        students_total=100 + i, olympiad_winners=i, graduates_total=20,
                        graduates_high_gia=i % 20, teachers_total=30,
                        teachers_competition_winners=i % 30)
        for i, o in enumerate(organizations)
    )
    Staffing.objects.bulk_create(
        Staffing(organization=o, as_of=AS_OF, teachers_total=20, without_category=i % 20,
                 first_category=20 - i % 20, highest_category=0)
        for i, o in enumerate(organizations)
    )
    NeedsOffer.objects.bulk_create(
        NeedsOffer(organization=o, period=period, direction=direction, aspect=aspect,
                   needs_support=(i % 2 == 0), offers_practice=(i % 2 == 1))
        for i, o in enumerate(organizations)
        for direction in directions
        for aspect in Aspect.values
    )
    return {
        "staff": factories.staff_user(municipality),
        "curator": factories.make_user("curator", municipality),
        "analyst": factories.analyst_user(municipality),
    }


PAGES = {
    "indicators": lambda response: len(response.context["rows"]),
    "staffing": lambda response: response.context["table"].row_count,
    "needs_map": lambda response: len(response.context["map"].needs),
}
# Session, user and profile are three of them on every page; department staff also get
# the list of organizations to enter a staffing line for. The staffing table reads the
# organizations too, to show those without a line as «нет данных».
QUERIES = {
    "indicators": {"staff": 5, "curator": 5, "analyst": 5},
    "staffing": {"staff": 7, "curator": 6, "analyst": 6},
    "needs_map": {"staff": 7, "curator": 7, "analyst": 7},
}


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("role", ["staff", "curator", "analyst"])
def test_it_costs_the_same_number_of_queries_for_3_and_for_40_organizations(
    db, login, django_assert_num_queries, page, role
):
    sizes = {}
    for count in (3, 40):
        client = login(district(count)[role])
        client.get(reverse(page))
        with django_assert_num_queries(QUERIES[page][role]):
            response = client.get(reverse(page))
        assert response.status_code == 200
        sizes[count] = PAGES[page](response)
    assert sizes[40] > sizes[3] > 0


def organization_history(periods: int):
    """One organization with indicators, staffing lines and needs over ``periods`` years."""
    municipality = factories.MunicipalityFactory(name=f"Район на {periods} лет")
    programme = factories.ProgrammeFactory(municipality=municipality)
    directions = [factories.DirectionFactory(programme=programme, number=n) for n in (1, 2, 3)]
    organization = factories.OrganizationFactory(municipality=municipality)
    for year in range(2021, 2021 + periods):
        period = factories.PeriodFactory(programme=programme,
                                         starts_on=datetime.date(year, 9, 1),
                                         ends_on=datetime.date(year + 1, 8, 31))
        SchoolIndicator.objects.create(organization=organization, period=period,
                                       students_total=100, olympiad_winners=3)
        Staffing.objects.create(organization=organization, as_of=datetime.date(year, 6, 30),
                                teachers_total=10, without_category=4, first_category=3,
                                highest_category=3)
        for direction in directions:
            NeedsOffer.objects.create(organization=organization, period=period,
                                      direction=direction, aspect=Aspect.MANAGERIAL,
                                      needs_support=True)
    return organization, factories.staff_user(municipality)


ORGANIZATION_PAGES = {
    "organization_indicators": 7,
    "organization_needs": 7,
    "team_diagnostics": 10,
    "indicator_edit": 6,
    "staffing_edit": 4,
}


@pytest.mark.parametrize(("page", "queries"), ORGANIZATION_PAGES.items())
def test_an_organization_s_own_pages_cost_the_same_for_one_year_and_for_five(
    db, login, django_assert_num_queries, page, queries
):
    for periods in (1, 5):
        organization, staff = organization_history(periods)
        client = login(staff)
        url = reverse(page, args=[organization.pk])
        client.get(url)
        with django_assert_num_queries(queries):
            assert client.get(url).status_code == 200
