"""The register of teachers loaded from Excel: a person is found by organization and full
name, a bad row refuses the whole file with a Russian row and column report, and each
importer loads only the people of the organizations it keeps."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from people.models import QualificationCategory, Teacher, WorkerCategory
from tests import factories
from tests.imports.uploads import post_upload
from tests.imports.workbooks import table_workbook

HEADERS = ["Организация", "ФИО", "Должность", "Предметы", "Категория работника",
           "Педагогический стаж с", "Квалификационная категория", "Дата присвоения категории"]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
IVANOVA = ("СОШ № 1", "Иванова Мария Петровна", "учитель математики", "математика",
           "Учитель", "01.09.2020", "Первая", "15.03.2023")
PETROV = ("Гимназия № 2", "Петров Илья Сергеевич", "педагог-психолог", "", "Учитель",
          datetime.date(2010, 9, 1), "Высшая", datetime.date(2021, 12, 20))


def _file(*rows, headers=HEADERS):
    return table_workbook(headers, list(rows))


def _upload(*rows, headers=HEADERS):
    return SimpleUploadedFile("pedagogi.xlsx", _file(*rows, headers=headers).getvalue(),
                              content_type=XLSX)


def _load(client, *rows, headers=HEADERS):
    return post_upload(client, reverse("import_teachers"),
                       {"file": _upload(*rows, headers=headers), "load": "Загрузить"})


def test_it_adds_the_people_of_a_file(world, run):
    report = run("teachers", _file(IVANOVA, PETROV), world.municipality)
    assert report.ok, report.as_text()
    assert (report.created, report.updated) == (2, 0)
    ivanova = Teacher.objects.get(full_name="Иванова Мария Петровна")
    assert ivanova.organization == world.school_a
    assert (ivanova.position, ivanova.subjects, ivanova.worker_category) == (
        "учитель математики", "математика", WorkerCategory.TEACHER)
    assert ivanova.teaching_since == datetime.date(2020, 9, 1)
    assert (ivanova.qualification, ivanova.qualified_on) == (
        QualificationCategory.FIRST, datetime.date(2023, 3, 15))
    assert Teacher.objects.get(full_name="Петров Илья Сергеевич").organization == world.school_b


def test_it_updates_a_person_known_by_organization_and_full_name(world, run):
    known = factories.TeacherFactory(organization=world.school_a,
                                     full_name="Иванова Мария Петровна", position="учитель")
    namesake = factories.TeacherFactory(organization=world.school_b,
                                        full_name="Иванова Мария Петровна", position="завуч")
    report = run("teachers", _file(IVANOVA), world.municipality)
    assert (report.created, report.updated) == (0, 1)
    known.refresh_from_db()
    namesake.refresh_from_db()
    assert known.position == "учитель математики"
    assert namesake.position == "завуч"
    assert Teacher.objects.count() == 2


def test_it_leaves_people_missing_from_the_file_in_the_register(world, run):
    kept = factories.TeacherFactory(organization=world.school_a)
    run("teachers", _file(PETROV), world.municipality)
    assert Teacher.objects.filter(pk=kept.pk).exists()


def test_it_refuses_the_whole_file_for_one_bad_row_naming_its_row_and_column(world, run):
    bad = ("СОШ № 1", "Сидорова Анна Ивановна", "воспитатель", "", "Нянечка", None, None, None)
    report = run("teachers", _file(IVANOVA, bad, PETROV), world.municipality)
    assert not report.ok
    assert Teacher.objects.count() == 0
    assert report.summary() == ("Ничего не записано: строк с ошибками — 1. Исправьте их и "
                                "загрузите файл снова.")
    (problem,) = report.problems
    assert (problem.row, problem.column) == (3, "E · Категория работника")
    assert problem.reason.startswith("«Нянечка» не распознано; допустимо: «Учитель», "
                                     "«Педагог ДОО»")


@pytest.mark.parametrize(("cells", "column", "reason"), [
    ({6: "Первая", 7: None}, "H · Дата присвоения категории",
     "Укажите дату присвоения категории."),
    ({6: None, 7: "01.09.2022"}, "H · Дата присвоения категории",
     "У работника без категории нет даты присвоения"),
    ({5: "01.09.2999"}, "F · Педагогический стаж с", "не может быть позже сегодняшнего дня"),
    ({5: "сентябрь 2020"}, "F · Педагогический стаж с",
     "нужна дата в формате ДД.ММ.ГГГГ, а не «сентябрь 2020»"),
    ({6: "Супер"}, "G · Квалификационная категория", "«Супер» не распознано"),
    ({2: None}, "C · Должность", "не заполнено"),
    ({4: None}, "E · Категория работника", "не заполнено"),
    ({0: "СОШ № 99"}, "A · Организация", "организация «СОШ № 99» не найдена"),
    ({0: "СОШ № 7"}, "A · Организация", "организация «СОШ № 7» не найдена"),
    ({0: None}, "A · Организация", "не заполнено: укажите организацию работника"),
    ({1: "Иванова " + "о" * 200}, "B · ФИО", "не длиннее 200 символов"),
])
def test_it_explains_each_bad_cell_in_russian_and_writes_nothing(world, run, cells, column,
                                                                 reason):
    row = list(IVANOVA)
    for index, value in cells.items():
        row[index] = value
    report = run("teachers", _file(PETROV, row), world.municipality)
    assert Teacher.objects.count() == 0
    assert [(p.row, p.column) for p in report.problems] == [(3, column)]
    assert reason in report.problems[0].reason


def test_it_refuses_a_person_given_twice(world, run):
    report = run("teachers", _file(IVANOVA, PETROV, IVANOVA), world.municipality)
    assert [(p.row, p.reason) for p in report.problems] == [
        (4, "работник Иванова Мария Петровна (СОШ № 1) уже есть в строке 2")]
    assert Teacher.objects.count() == 0


def test_it_understands_other_spellings_of_the_categories(world, run):
    rows = [("ООШ № 3", "Орлова Вера", "воспитатель", "", "воспитатель", None, "СЗД",
             "10.10.2022"),
            ("НШ № 4", "Карпов Олег", "методист", "", "Специалист ТМС/ЦРО", None,
             "без категории", None)]
    report = run("teachers", _file(*rows), world.municipality)
    assert report.ok, report.as_text()
    assert dict(Teacher.objects.values_list("full_name", "worker_category")) == {
        "Орлова Вера": WorkerCategory.PRESCHOOL, "Карпов Олег": WorkerCategory.METHODOLOGIST}
    assert Teacher.objects.get(full_name="Орлова Вера").qualification == \
        QualificationCategory.POSITION


def test_it_skips_rows_without_a_full_name_and_lists_them(world, run):
    report = run("teachers", _file(IVANOVA, ("СОШ № 1", None, None, None, None, None, None,
                                             None)), world.municipality)
    assert report.ok and report.created == 1
    assert [(s.row, s.reason) for s in report.skipped] == [
        (3, "нет ФИО работника (итоговая строка или заголовок)")]


def test_it_never_sets_the_master_status(world, run):
    master = factories.TeacherFactory(organization=world.school_a,
                                      full_name="Иванова Мария Петровна",
                                      master_since=datetime.date(2022, 1, 10))
    report = run("teachers", _file([*IVANOVA, None], ("Гимназия № 2", "Петров Илья",
                                                      "учитель", "", "Учитель", None, None,
                                                      None, "01.01.2022"),
                                   headers=[*HEADERS, "Педагог-мастер с"]),
                 world.municipality)
    assert report.ok, report.as_text()
    assert report.ignored_columns == ["Педагог-мастер с"]
    master.refresh_from_db()
    assert master.master_since == datetime.date(2022, 1, 10)
    assert Teacher.objects.get(full_name="Петров Илья").master_since is None


def test_it_only_checks_on_a_dry_run(world, run):
    report = run("teachers", _file(IVANOVA, PETROV), world.municipality, dry_run=True)
    assert report.summary() == ("Проверка пройдена, ничего не записано. При загрузке: "
                                "новых — 2, обновлено — 0, пропущено строк — 0.")
    assert Teacher.objects.count() == 0


def test_it_refuses_a_file_of_another_table(world, run):
    report = run("teachers", table_workbook(["Организация", "Всего"], [("СОШ № 1", 5)]),
                 world.municipality)
    assert report.refused.startswith("не найдены столбцы «ФИО», «Должность», "
                                     "«Категория работника»")


# The page: who loads whose people.

def test_it_lets_a_school_load_its_own_people(world, as_role):
    response = _load(as_role("school_user"), IVANOVA)
    assert "Загружено: новых — 1" in response.content.decode()
    teacher = Teacher.objects.get()
    assert teacher.organization == world.school_a
    assert teacher.history.get().history_user == world.school_user


def test_it_refuses_a_school_loading_another_schools_people(world, as_role):
    response = _load(as_role("school_user"), IVANOVA, PETROV)
    content = response.content.decode()
    assert "Ничего не записано: строк с ошибками — 1" in content
    assert ("<td class=\"text-end\">3</td><td>A · Организация</td><td>Работников организации "
            "«Гимназия № 2» загружает она сама") in content
    assert "могут быть только работники «СОШ № 1»" in content
    assert Teacher.objects.count() == 0


def test_it_lets_a_school_leave_its_organization_out(world, as_role):
    _load(as_role("school_user"), IVANOVA[1:], headers=HEADERS[1:])
    assert Teacher.objects.get().organization == world.school_a


def test_it_lets_staff_load_people_of_any_organization_of_their_municipality_only(world, as_role):
    kindergarten_teacher = ("Детский сад № 5", "Белова Ольга", "воспитатель", "",
                            "Педагог ДОО", None, None, None)
    _load(as_role("staff"), IVANOVA, PETROV, kindergarten_teacher)
    assert Teacher.objects.count() == 3
    response = _load(as_role("staff"), ("СОШ № 7", *IVANOVA[1:]))
    assert "Организация «СОШ № 7» не найдена в муниципальном образовании" in \
        response.content.decode()
    assert not Teacher.objects.filter(organization=world.other_organization).exists()


@pytest.mark.parametrize(("role", "status"), [
    ("staff", 200), ("school_user", 200), ("curator", 403), ("analyst", 403),
])
def test_it_opens_the_import_page_to_those_who_keep_the_register(as_role, role, status):
    response = as_role(role).get(reverse("import_teachers"))
    assert response.status_code == status
    if status == 200:
        assert "Работник узнаётся по организации и ФИО" in response.content.decode()


@pytest.mark.parametrize("role", ["curator", "analyst"])
def test_it_refuses_a_file_from_those_who_do_not_keep_the_register(world, as_role,
                                                                          role):
    assert _load(as_role(role), IVANOVA).status_code == 403
    assert Teacher.objects.count() == 0


def test_it_leads_back_to_the_register(as_role):
    content = as_role("school_user").get(reverse("import_teachers")).content.decode()
    assert f'<a href="{reverse("teacher_list")}">Педагоги</a>' in content


# The command line.

def test_it_loads_people_of_the_whole_municipality_from_the_command_line(world, tmp_path, capsys):
    path = tmp_path / "pedagogi.xlsx"
    path.write_bytes(_file(IVANOVA, PETROV).getvalue())
    call_command("import_teachers", str(path), municipality="Крымский")
    assert Teacher.objects.count() == 2
    assert "Педагогические работники. Загружено: новых — 2" in capsys.readouterr().out


def test_it_refuses_a_bad_file_on_the_command_line_with_the_row_report(world, tmp_path):
    path = tmp_path / "pedagogi.xlsx"
    path.write_bytes(_file(IVANOVA, ("СОШ № 1", "Сидорова", "учитель", "", "Учитель",
                                     None, "Высшая", None)).getvalue())
    with pytest.raises(CommandError, match="Строка 3, столбец H · Дата присвоения категории: "
                                           "Укажите дату присвоения категории."):
        call_command("import_teachers", str(path), municipality="Крымский")
    assert Teacher.objects.count() == 0
