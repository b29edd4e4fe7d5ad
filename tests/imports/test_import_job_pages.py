"""The pages of upload jobs: a job's page with its progress and report, its status JSON and
the list of uploads — each user follows their own uploads, the department's staff those of
the municipality, nobody those of another."""

import pytest
from django.urls import reverse
from django.utils import timezone

from diagnostics.models import ImportJob, ImportStatus, ImportTable
from tests.helpers import assert_redirects_to_login

LIST = reverse("import_jobs")


def _job(world, user, *, table=ImportTable.TEACHERS, status=ImportStatus.DONE, **fields):
    report = {"title": "Педагогические работники", "dry_run": False, "created": 3, "rows": 3}
    return ImportJob.objects.create(
        municipality=user.profile.municipality, table=table, requested_by=user,
        filename="педагоги.xlsx", status=status,
        **({"rows_total": 3, "rows_checked": 3, "rows_written": 3, "report": report,
            "finished_at": timezone.now()} if status == ImportStatus.DONE else {}),
        **fields)


@pytest.fixture
def school_job(world):
    """The own school's finished upload of its people."""
    return _job(world, world.school_user)


@pytest.mark.parametrize("role", ["school_user", "staff"])
def test_it_shows_a_job_to_its_owner_and_the_municipalitys_staff(as_role, school_job, role):
    response = as_role(role).get(reverse("import_job", args=[school_job.pk]))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Загружено: новых — 3, обновлено — 0, пропущено строк — 0." in content
    assert "педагоги.xlsx" in content and "завершена" in content
    assert "data-status-url" not in content


@pytest.mark.parametrize("role", ["school_b_user", "curator", "analyst", "outsider"])
@pytest.mark.parametrize("name", ["import_job", "import_job_status"])
def test_it_hides_a_job_from_everybody_else(as_role, school_job, role, name):
    assert as_role(role).get(reverse(name, args=[school_job.pk])).status_code == 404


@pytest.mark.parametrize("name", ["import_job", "import_job_status", "import_jobs"])
def test_it_sends_anonymous_visitors_to_sign_in(as_role, school_job, name):
    args = [] if name == "import_jobs" else [school_job.pk]
    assert_redirects_to_login(as_role("anonymous").get(reverse(name, args=args)))


def test_it_follows_a_running_job_on_its_page(world, as_role):
    job = _job(world, world.staff, table=ImportTable.STAFFING, status=ImportStatus.RUNNING,
               started_at=timezone.now())
    content = as_role("staff").get(reverse("import_job", args=[job.pk])).content.decode()
    assert f'data-status-url="{reverse("import_job_status", args=[job.pk])}"' in content
    assert 'role="progressbar"' in content and "выполняется" in content
    assert "Чтение файла." in content
    assert "js/import-job.js" in content


def test_it_offers_a_new_upload_only_to_those_who_may_load_the_table(world, as_role,
                                                                     school_job):
    upload = f'href="{reverse("import_teachers")}"'
    assert upload in as_role("school_user").get(
        reverse("import_job", args=[school_job.pk])).content.decode()
    # Uploaded while the user still loaded tables: the report stays theirs to read.
    earlier = _job(world, world.analyst, table=ImportTable.STAFFING)
    response = as_role("analyst").get(reverse("import_job", args=[earlier.pk]))
    assert response.status_code == 200
    assert f'href="{reverse("import_staffing")}"' not in response.content.decode()


def test_it_lists_a_schools_own_uploads_only(world, as_role, school_job):
    other = _job(world, world.school_b_user)
    content = as_role("school_user").get(LIST).content.decode()
    assert reverse("import_job", args=[school_job.pk]) in content
    assert reverse("import_job", args=[other.pk]) not in content
    assert "Записано строк: 3." in content


def test_it_lists_every_upload_of_the_municipality_to_staff(world, as_role, school_job):
    foreign = ImportJob.objects.create(municipality=world.other_municipality,
                                       table=ImportTable.ORGANIZATIONS,
                                       requested_by=world.outsider)
    content = as_role("staff").get(LIST).content.decode()
    assert reverse("import_job", args=[school_job.pk]) in content
    assert reverse("import_job", args=[foreign.pk]) not in content
    outsider_page = as_role("outsider").get(LIST).content.decode()
    assert reverse("import_job", args=[school_job.pk]) not in outsider_page


@pytest.mark.parametrize(("role", "status"), [
    ("staff", 200), ("curator", 200), ("school_user", 200), ("analyst", 403)])
def test_it_opens_the_list_to_those_who_may_load_a_table(world, as_role, role, status):
    assert as_role(role).get(LIST).status_code == status


def test_it_says_what_to_do_when_there_are_no_uploads(world, as_role):
    content = as_role("school_user").get(LIST).content.decode()
    assert "Загрузок ещё нет." in content
    assert f'href="{reverse("import_teachers")}"' in content


def test_it_shows_outcomes_in_the_list(world, as_role):
    refused = _job(world, world.staff, table=ImportTable.STAFFING)
    refused.report = {"problems": [{"row": 3, "column": "A", "reason": "x"},
                                   {"row": 3, "column": "B", "reason": "y"}]}
    refused.rows_written = 0
    refused.save()
    _job(world, world.staff, table=ImportTable.STAFFING, status=ImportStatus.FAILED,
         error="Внутренняя ошибка при обработке файла.")
    content = as_role("staff").get(LIST).content.decode()
    assert "Ничего не записано: строк с ошибками — 1." in content
    assert "Внутренняя ошибка при обработке файла." in content


@pytest.mark.parametrize("count", [3, 30])
def test_it_lists_uploads_with_a_fixed_number_of_queries(world, as_role,
                                                         django_assert_num_queries, count):
    for _ in range(count):
        _job(world, world.school_user)
        _job(world, world.staff, table=ImportTable.STAFFING)
    client = as_role("staff")
    client.get(LIST)
    # session, user, profile; the count and the page of jobs with who uploaded them.
    with django_assert_num_queries(5):
        response = client.get(LIST)
    assert len(response.context["rows"]) == min(2 * count, 20)


def test_it_leads_from_the_upload_form_to_the_list(as_role):
    content = as_role("staff").get(reverse("import_staffing")).content.decode()
    assert f'href="{LIST}"' in content
