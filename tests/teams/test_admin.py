import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from teams.models import ManagementTeam, Organization
from tests import factories


@pytest.mark.django_db
def test_it_gives_an_organization_added_in_the_admin_its_management_team(client):
    municipality = factories.MunicipalityFactory()
    client.force_login(User.objects.create_superuser("root", "root@example.org", "x" * 12))

    response = client.post(reverse("admin:teams_organization_add"), {
        "municipality": municipality.pk,
        "name": "Муниципальное бюджетное общеобразовательное учреждение основная "
                "общеобразовательная школа № 70",
        "short_name": "МБОУ ООШ № 70",
        "kind": "school",
        "level": "oosh",
        "number": 70,
        "locality": "",
        "parent": "",
    })

    assert response.status_code == 302
    organization = Organization.objects.get(short_name="МБОУ ООШ № 70")
    assert ManagementTeam.objects.filter(organization=organization).count() == 1
