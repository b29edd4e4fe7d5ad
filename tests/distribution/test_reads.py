"""What the review page says about the rules a proposal was computed with."""

from distribution.reads import parameters_shown


def test_it_shows_the_parameters_as_they_were_typed():
    shown = dict(parameters_shown({
        "leaders_min": 1, "leaders_max": 6, "max_directions_led": 2, "mentees_per_leader": 3,
        "change_cost": 0.05, "leader_floor": 0.7, "promising_threshold": 0.125,
        "keep_narrow": False,
    }))

    assert shown["Цена изменения"] == "0,05"
    assert shown["Порог лидера"] == "0,7"
    assert shown["Порог «подающих надежды»"] == "0,125"
    assert shown["Лидеров на направление"] == "от 1 до 6"


def test_it_shows_a_whole_number_without_decimals():
    shown = dict(parameters_shown({
        "leaders_min": 0, "leaders_max": 1, "max_directions_led": 1, "mentees_per_leader": 0,
        "change_cost": 2.0, "leader_floor": 1, "promising_threshold": 0.0, "keep_narrow": True,
    }))

    assert shown["Цена изменения"] == "2"
    assert shown["Порог лидера"] == "1"
    assert shown["Порог «подающих надежды»"] == "0"
