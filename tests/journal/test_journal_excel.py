"""The journal as an Excel workbook, read back with openpyxl."""

import datetime
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from internships.models import TeamResult, Tier, Transfer
from tests.journal.conftest import record

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def workbook(world, as_role):
    entry = record(world, topic="=HYPERLINK(\"http://x\")", ends_on=D(2022, 2, 11),
                   description="+7 900 000-00-00")
    TeamResult.objects.filter(entry=entry, team=world.school_b.team).update(
        managers=2, teachers=5, outcome="partial", comment="-плохо подготовились"
    )
    TeamResult.objects.filter(entry=entry, team=world.school_c.team).update(attended=False)
    Transfer.objects.create(placement=world.placement(world.school_c, world.own_platform),
                            from_tier=Tier.RESERVE, to_tier=Tier.PROMISING,
                            transferred_on=D(2022, 2, 14), reason="@итоги сессии")
    response = as_role("analyst").get(reverse("journal_excel", args=[world.own_platform.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        'attachment; filename="zhurnal-stazhirovka-1-2021.xlsx"'
    )
    return load_workbook(BytesIO(response.content))


def values(sheet) -> list[tuple]:
    return list(sheet.iter_rows(values_only=True))


def test_it_has_four_sheets_with_russian_headers(workbook):
    assert workbook.sheetnames == ["Мероприятия", "Результаты", "Переводы", "Команды"]
    assert values(workbook["Мероприятия"])[0][:4] == ("Дата", "Дата окончания", "Форма работы",
                                                      "Тема")
    assert workbook["Мероприятия"].column_dimensions["D"].width == 60


def test_it_writes_dates_as_dates_and_user_text_never_as_a_formula(workbook):
    sheet = workbook["Мероприятия"]
    date_cell, topic_cell = sheet["A2"], sheet["D2"]
    assert date_cell.value == datetime.datetime(2022, 2, 10)
    assert date_cell.number_format == "DD.MM.YYYY"
    assert sheet["B2"].value == datetime.datetime(2022, 2, 11)
    assert topic_cell.value == "=HYPERLINK(\"http://x\")"
    assert topic_cell.data_type == "s"
    assert sheet["K2"].data_type == "s"
    row = values(sheet)[1]
    assert row[2] == "Стажировочная сессия"
    assert row[4:10] == ("СОШ № 1", "СОШ № 1", 3, 2, 2, 5)


def test_it_lists_every_team_s_result(workbook):
    rows = [row[2:] for row in values(workbook["Результаты"])[1:]]
    assert rows == [
        ("Гимназия № 2", "да", 2, 5, "Частично освоено", "-плохо подготовились"),
        ("ООШ № 3", "нет", 0, 0, None, None),
        ("НШ № 4", "да", 0, 0, None, None),
    ]
    assert workbook["Результаты"]["H2"].data_type == "s"


def test_it_lists_transfers_and_the_team_list(workbook):
    transfers = values(workbook["Переводы"])
    assert transfers[1] == (datetime.datetime(2022, 2, 14), "ООШ № 3",
                            "Команды скрытых резервов", "Команды, подающие надежды",
                            "@итоги сессии")
    assert workbook["Переводы"]["A2"].number_format == "DD.MM.YYYY"
    teams = values(workbook["Команды"])
    assert teams[0] == ("Уровень", "Команда", "Мероприятий", "Проводила", "Последнее участие")
    assert teams[1] == ("Команды-лидеры", "СОШ № 1", 0, 1, None)
    assert ("Команды, подающие надежды", "Гимназия № 2", 1, 0,
            datetime.datetime(2022, 2, 10)) in teams
    # ООШ № 3 was marked absent: the entry is not counted as its participation.
    assert ("Команды скрытых резервов", "ООШ № 3", 0, 0, None) in teams


def test_it_ends_the_entries_sheet_with_a_totals_row(workbook):
    sheet = workbook["Мероприятия"]
    rows = values(sheet)
    assert rows[-1] == ("Итого", None, None, None, None, None, 3, 2, 2, 5, None)
    assert sheet.cell(row=len(rows), column=1).font.bold


def test_the_totals_sum_every_entry_and_leave_out_absent_teams(world, as_role):
    first = record(world, held_on=D(2022, 1, 20), topic="Сессия", form="session",
                   participants=[world.school_b.team, world.school_c.team])
    second = record(world, held_on=D(2022, 3, 3), topic="Вебинар", form="webinar",
                    participants=[world.school_d.team])
    TeamResult.objects.filter(entry=first, team=world.school_b.team).update(
        managers=2, teachers=5)
    TeamResult.objects.filter(entry=first, team=world.school_c.team).update(attended=False)
    TeamResult.objects.filter(entry=second, team=world.school_d.team).update(
        managers=1, teachers=3)
    client = as_role("analyst")
    excel = reverse("journal_excel", args=[world.own_platform.pk])

    every = values(load_workbook(BytesIO(client.get(excel).content))["Мероприятия"])
    webinars = values(load_workbook(BytesIO(
        client.get(excel, {"form": "webinar"}).content))["Мероприятия"])

    assert [row[3] for row in every[1:-1]] == ["Сессия", "Вебинар"]
    assert every[-1][6:10] == (3, 2, 3, 8)
    assert webinars[-1][:1] + webinars[-1][6:10] == ("Итого", 1, 1, 1, 3)


@pytest.mark.parametrize("role, status", [("staff", 200), ("curator", 200),
                                          ("school_user", 404), ("outsider", 404)])
def test_it_gives_the_workbook_to_staff_roles_only(world, as_role, role, status):
    url = reverse("journal_excel", args=[world.own_platform.pk])
    assert as_role(role).get(url).status_code == status
