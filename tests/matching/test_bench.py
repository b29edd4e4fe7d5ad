"""The benchmark script keeps working: it generates a municipality and prints the solve."""

import sys

from bench.matching import main, synthetic_municipality


def test_it_generates_the_same_municipality_from_the_same_seed():
    first = synthetic_municipality(teams=60, seed=7)
    again = synthetic_municipality(teams=60, seed=7)
    other = synthetic_municipality(teams=60, seed=8)

    assert first == again
    assert first != other
    teams, directions = first
    assert len(teams) == 60 and len(directions) == 7
    assert all(2 <= len(team.strength) <= 4 for team in teams)


def test_it_prints_the_size_coverage_changes_and_times(monkeypatch, capsys):
    monkeypatch.setattr(sys, "argv", ["bench/matching.py", "--teams", "140", "--seed", "3"])

    main()

    output = capsys.readouterr().out
    assert "Команд: 140, направлений: 7" in output
    assert "Лидеры: охват: переменных " in output
    assert "Лидеры: места наставников: переменных " in output
    assert "Наставники: сходство: переменных " in output
    assert "→ 140 из 140" in output
    assert "Изменений уровня: " in output
    assert "без наставника: " in output
    assert "Всего: " in output
