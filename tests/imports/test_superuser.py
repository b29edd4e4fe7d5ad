"""An administrator without a role of their own works with the imports of a municipality they
choose, as the department's staff of it would."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from diagnostics.models import ImportJob, Staffing
from tests import factories
from tests.imports.uploads import post_upload
from tests.imports.workbooks import table_workbook

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def staffing_file() -> SimpleUploadedFile:
    content = table_workbook(["Организация", "Всего", "Без категории", "Первая категория",
                              "Высшая категория"], [("СОШ № 1", 10, 2, 4, 4)]).getvalue()
    return SimpleUploadedFile("kadry.xlsx", content, content_type=XLSX)


def test_it_lets_an_administrator_choose_the_municipality_and_import(world, client,
                                                                      django_user_model):
    other = factories.MunicipalityFactory(name="Муниципальное образование Другой район")
    client.force_login(django_user_model.objects.create_superuser("root"))

    hub = client.get(reverse("imports"), {"municipality": world.municipality.pk})
    assert hub.status_code == 200
    content = hub.content.decode()
    assert 'id="municipality-choice"' in content and other.name in content

    response = post_upload(client, reverse("import_staffing"), {
        "file": staffing_file(), "load": "Загрузить", "as_of": "2022-01-10"})

    assert response.status_code == 200
    assert ImportJob.objects.get().municipality == world.municipality
    assert Staffing.objects.get().as_of == datetime.date(2022, 1, 10)


def test_it_opens_the_export_for_an_administrator(world, client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("root"))

    assert client.get(reverse("export_organizations")).status_code == 200
