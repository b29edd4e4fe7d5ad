"""Rules the database itself enforces on organizations and roles."""

import pytest
from django.db import IntegrityError, transaction

from teams.models import Organization, OrganizationKind, Role, SchoolLevel, UserProfile
from tests import factories


def test_it_refuses_a_school_role_without_an_organization(db):
    municipality = factories.MunicipalityFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        UserProfile.objects.create(user=factories.UserFactory(), municipality=municipality,
                                   role=Role.SCHOOL, organization=None)


def test_it_refuses_an_organization_on_a_role_that_is_not_a_school(db):
    organization = factories.OrganizationFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        UserProfile.objects.create(user=factories.UserFactory(),
                                   municipality=organization.municipality,
                                   role=Role.CURATOR, organization=organization)


def test_it_refuses_a_school_level_on_a_kindergarten(db):
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.OrganizationFactory(kind=OrganizationKind.PRESCHOOL,
                                      level=SchoolLevel.SECONDARY)


def test_it_refuses_two_organizations_with_one_short_name_in_a_municipality(db):
    first = factories.OrganizationFactory(short_name="СОШ № 9")

    with pytest.raises(IntegrityError), transaction.atomic():
        Organization.objects.create(municipality=first.municipality, short_name="СОШ № 9",
                                    name="Другая школа")


def test_it_lists_full_secondary_schools_before_basic_and_primary_ones(db):
    municipality = factories.MunicipalityFactory()
    for short_name, number, level, kind in [
        ("Детский сад № 1", 1, "", OrganizationKind.PRESCHOOL),
        ("НШ № 2", 2, SchoolLevel.PRIMARY, OrganizationKind.SCHOOL),
        ("ООШ № 3", 3, SchoolLevel.BASIC, OrganizationKind.SCHOOL),
        ("Лицей № 5", 5, SchoolLevel.LYCEUM, OrganizationKind.SCHOOL),
        ("СОШ № 4", 4, SchoolLevel.SECONDARY, OrganizationKind.SCHOOL),
    ]:
        factories.OrganizationFactory(municipality=municipality, short_name=short_name,
                                      number=number, level=level, kind=kind)

    names = list(Organization.objects.filter(municipality=municipality)
                 .values_list("short_name", flat=True))

    assert names == ["СОШ № 4", "Лицей № 5", "ООШ № 3", "НШ № 2", "Детский сад № 1"]
