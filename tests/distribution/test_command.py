"""``manage.py suggest_distribution``: the proposal as a workbook, nothing changed."""

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from distribution.models import DistributionProposal
from internships.models import Mentorship, Period, Placement, Transfer

HEADER = ("Организация", "№ направления", "Уровень сейчас", "Уровень предложен", "Наставник",
          "Пояснение")


def counts():
    return [model.objects.count() for model in (Period, Placement, Transfer, Mentorship,
                                                DistributionProposal)]


def test_it_writes_one_row_per_team_and_direction_and_changes_nothing(demo, tmp_path, capsys):
    before = counts()
    output = tmp_path / "proposal.xlsx"

    call_command("suggest_distribution", "--municipality", "Крымский", "--output", str(output))

    assert counts() == before
    rows = list(load_workbook(output).active.iter_rows(values_only=True))
    assert rows[0] == HEADER
    assert len(rows) == 1 + 92
    first = rows[1]
    assert first[:4] == ("МБОУ СОШ № 1", 1, "лидер", "лидер")
    assert "результата диагностики по направлению нет" in first[5]
    changed = [row for row in rows[1:] if row[2] != row[3]]
    assert len(changed) == 16
    assert all(row[3] == "лидер" for row in changed)
    mentored = [row for row in rows[1:] if row[4]]
    assert mentored and all(row[3] != "лидер" for row in mentored)
    printed = capsys.readouterr().out
    assert "Изменений уровней: 16." in printed
    assert printed.rstrip().endswith(
        "Ведут хотя бы одно направление: 18 из 34 → 34 из 34.")


def test_it_takes_the_year_by_its_title(demo, tmp_path, capsys):
    call_command("suggest_distribution", "--municipality", "Крымский", "--period",
                 "2021-2022", "--output", str(tmp_path / "p.xlsx"))
    assert ("Текущее распределение 2021–2022 → предложенное, без диагностики, по текущим "
            "уровням.") in capsys.readouterr().out


def test_it_says_which_teams_get_no_mentor_and_why(demo, tmp_path, capsys):
    demo.programme.mentee_capacity = 1
    demo.programme.save()
    output = tmp_path / "proposal.xlsx"

    call_command("suggest_distribution", "--municipality", "Крымский", "--output", str(output))

    rows = list(load_workbook(output).active.iter_rows(values_only=True))[1:]
    without = [row for row in rows if row[4] == "не подобран"]
    assert without and all(row[3] != "лидер" for row in without)
    printed = capsys.readouterr().out
    assert f"Без наставника: {len(without)}." in printed
    for name, number, _, _, _, explanation in without:
        reason = explanation.split(". Наставник не подобран: ")[1]
        assert f"направления {number}" in reason
        assert f"  {name}, направление {number}: {reason}\n" in printed


def test_a_row_names_its_tiers_as_its_explanation_does(demo, tmp_path):
    output = tmp_path / "proposal.xlsx"
    call_command("suggest_distribution", "--municipality", "Крымский", "--output", str(output))
    rows = list(load_workbook(output).active.iter_rows(values_only=True))[1:]
    learning = [row for row in rows if row[3] != "лидер"]
    assert learning
    assert all(row[5].startswith(f"{row[3]}: ") for row in learning)
    assert {row[3] for row in learning} == {"подающая надежды", "скрытые резервы"}


@pytest.mark.parametrize(("options", "message"), [
    (["--municipality", "Нигде"], "Муниципальное образование «Нигде» не найдено однозначно."),
    (["--municipality", "Крымский", "--period", "2030–2031"],
     "Учебный год «2030–2031» в муниципальном образовании"),
    (["--municipality", "Крымский", "--round", "Несуществующая"],
     "Диагностика «Несуществующая» в проекте учебного года 2021–2022 не найдена."),
])
def test_it_names_what_it_cannot_find(demo, tmp_path, options, message):
    with pytest.raises(CommandError, match=message):
        call_command("suggest_distribution", *options, "--output", str(tmp_path / "p.xlsx"))
    assert not (tmp_path / "p.xlsx").exists()
