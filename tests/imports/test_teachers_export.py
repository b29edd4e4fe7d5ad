"""The register of teachers exported to Excel: the import's columns, back unchanged, only the
people the user may see by name, and every exported person audited (152-ФЗ)."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.forms.models import model_to_dict
from django.urls import reverse
from openpyxl import load_workbook

from diagnostics.exports import export_sheet, template_sheet
from people.models import QualificationCategory, Teacher, TeacherRecordView, WorkerCategory
from people.teachers import COMMAND_LINE, EXPORT_PAGE
from tests import factories

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def people(world):
    """A person in each of three schools and the kindergarten, and one in the neighbour."""
    return {
        "a": factories.TeacherFactory(
            organization=world.school_a, full_name="Иванова Мария Петровна",
            position="учитель  математики", subjects="математика, информатика",
            qualification=QualificationCategory.HIGHEST,
            qualified_on=datetime.date(2021, 12, 20), master_since=datetime.date(2022, 1, 10)),
        "b": factories.TeacherFactory(
            organization=world.school_b, full_name="Петров Илья Сергеевич",
            position="=педагог-психолог", subjects="", teaching_since=None,
            worker_category=WorkerCategory.ADDITIONAL),
        "c": factories.TeacherFactory(organization=world.school_c,
                                      full_name="Орлова Вера Николаевна"),
        "kindergarten": factories.TeacherFactory(
            organization=world.kindergarten, full_name="Белова Ольга Андреевна",
            worker_category=WorkerCategory.PRESCHOOL, position="воспитатель",
            qualification=QualificationCategory.POSITION,
            qualified_on=datetime.date(2020, 5, 1)),
        "other": factories.TeacherFactory(organization=world.other_organization,
                                          full_name="Соседова Анна Львовна"),
    }


def _rows(content: bytes) -> list[tuple]:
    return list(load_workbook(io.BytesIO(content)).worksheets[0].iter_rows(values_only=True))


def _names(response) -> set[str]:
    return {row[1] for row in _rows(response.content)[1:]}


def _snapshot():
    return [model_to_dict(teacher) for teacher in Teacher.objects.order_by("pk")]


def test_it_exports_the_columns_of_the_import(world, people):
    rows = _rows(export_sheet("teachers", municipality=world.municipality).content())
    assert rows[0] == ("Организация", "ФИО", "Должность", "Предметы", "Категория работника",
                       "Педагогический стаж с", "Квалификационная категория",
                       "Дата присвоения категории")
    assert rows[1] == ("СОШ № 1", "Иванова Мария Петровна", "учитель  математики",
                       "математика, информатика", "Учитель", datetime.datetime(2020, 9, 1),
                       "Высшая", datetime.datetime(2021, 12, 20))
    assert rows[2][:7] == ("Гимназия № 2", "Петров Илья Сергеевич", "=педагог-психолог", None,
                           "Педагог дополнительного образования", None, "Без категории")
    assert "Соседова Анна Львовна" not in {row[1] for row in rows}


def test_it_imports_back_changing_nothing(world, people, run):
    content = export_sheet("teachers", municipality=world.municipality).content()
    before, history_before = _snapshot(), Teacher.history.count()
    report = run("teachers", io.BytesIO(content), world.municipality)
    assert report.ok, report.as_text()
    assert (report.created, report.updated) == (0, 4)
    assert _snapshot() == before
    # An unchanged line leaves the record's history alone too.
    assert Teacher.history.count() == history_before


def test_it_imports_back_through_the_commands(world, people, tmp_path):
    output = tmp_path / "pedagogi.xlsx"
    call_command("export_teachers", municipality="Крымский", output=str(output))
    before = _snapshot()
    call_command("import_teachers", str(output), municipality="Крымский")
    assert _snapshot() == before


def test_it_audits_every_person_exported_on_the_page(world, people, as_role):
    response = as_role("staff").get(reverse("export_teachers"))
    assert response.status_code == 200
    assert response["Content-Type"] == XLSX
    views = TeacherRecordView.objects.order_by("teacher_name")
    assert [(v.teacher_name, v.viewer, v.viewer_name, v.page) for v in views] == [
        (people[key].full_name, world.staff, "staff", EXPORT_PAGE)
        for key in ("kindergarten", "a", "c", "b")
    ]


def test_it_audits_an_export_from_the_command_line(world, people, tmp_path, capsys):
    call_command("export_teachers", municipality="Крымский", output=str(tmp_path / "p.xlsx"))
    assert "Педагогические работники: строк — 4" in capsys.readouterr().out
    assert set(TeacherRecordView.objects.values_list("viewer", "viewer_name", "page")) == {
        (None, COMMAND_LINE, EXPORT_PAGE)}
    assert TeacherRecordView.objects.count() == 4


@pytest.mark.parametrize(("role", "expected"), [
    ("staff", {"a", "b", "c", "kindergarten"}),
    # The curator's platform has СОШ № 1, Гимназия № 2, ООШ № 3 and НШ № 4 on it.
    ("curator", {"a", "b", "c"}),
    ("school_user", {"a"}),
    ("school_b_user", {"b"}),
    ("outsider", {"other"}),
])
def test_it_exports_only_the_people_the_user_sees_by_name(world, people, as_role, role,
                                                         expected):
    response = as_role(role).get(reverse("export_teachers"))
    assert _names(response) == {people[key].full_name for key in expected}
    assert TeacherRecordView.objects.count() == len(expected)


@pytest.mark.parametrize("name", ["export_teachers", "import_template_teachers"])
def test_it_refuses_analysts_who_see_no_names(world, people, as_role, name):
    assert as_role("analyst").get(reverse(name)).status_code == 403
    assert TeacherRecordView.objects.count() == 0


def test_it_sends_anonymous_users_to_sign_in(world, as_role):
    response = as_role("anonymous").get(reverse("export_teachers"))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_it_gives_a_template_with_the_instructions_on_a_second_sheet(world, as_role):
    response = as_role("school_user").get(reverse("import_template_teachers"))
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["Педагоги", "Как заполнить"]
    assert workbook.worksheets[0].max_row == 1
    instructions = " ".join(row[0] for row in workbook.worksheets[1].iter_rows(
        min_row=2, values_only=True))
    assert "Работник узнаётся по организации и ФИО" in instructions
    assert "«Педагог-мастер» присваивает управление образования" in instructions


def test_it_loads_a_filled_in_template(world, run):
    workbook = load_workbook(io.BytesIO(template_sheet("teachers").content()))
    workbook.worksheets[0].append(["СОШ № 1", "Новикова Ирина", "учитель", "химия",
                                   "Учитель", "01.09.2023", "Без категории", None])
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    assert run("teachers", buffer, world.municipality).created == 1


def test_it_shows_the_excel_buttons_on_the_register_to_those_allowed(world, as_role):
    upload = f'href="{reverse("import_teachers")}"'
    download = f'href="{reverse("export_teachers")}"'
    for role in ("staff", "school_user"):
        content = as_role(role).get(reverse("teacher_list")).content.decode()
        assert upload in content and download in content
    content = as_role("curator").get(reverse("teacher_list")).content.decode()
    assert download in content and upload not in content


def test_it_offers_the_register_on_the_hub_to_staff_and_not_to_analysts(world, as_role):
    staff_hub = as_role("staff").get(reverse("imports")).content.decode()
    assert f'href="{reverse("import_teachers")}"' in staff_hub
    analyst_hub = as_role("analyst").get(reverse("imports")).content.decode()
    assert "card-title\">Педагогические работники</h2>" in staff_hub
    assert "card-title\">Педагогические работники</h2>" not in analyst_hub
    assert f'href="{reverse("export_teachers")}"' not in analyst_hub
