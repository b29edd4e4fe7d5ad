"""Places and categories of a nomination, computed by hand.

Three experts; an expert's total is the sum over the criteria.
    A: 40, 44, 45 → average 43.00, lowest 40
    B: 43, 43, 43 → average 43.00, lowest 43   (ties A on average, wins on lowest)
    C: 30, 36     → average 33.00, lowest 30   (one expert has not finished)
    D: 33, 33     → average 33.00, lowest 33
    E: 33, 33     → average 33.00, lowest 33   (full tie with D: shared place)
    F: 50, 50, 50 → withdrawn: out of the ranking despite the best marks
    G: no totals  → not ranked
"""

from decimal import Decimal

from contests.ranking import (
    LAUREATE,
    PARTICIPANT,
    PRIZE,
    TIE_RULE,
    WINNER,
    Entry,
    Places,
    Thresholds,
    rank_nomination,
)

ENTRIES = [
    Entry(1, (40, 44, 45)),
    Entry(2, (43, 43, 43)),
    Entry(3, (30, 36)),
    Entry(4, (33, 33)),
    Entry(5, (33, 33)),
    Entry(6, (50, 50, 50), withdrawn=True),
    Entry(7, ()),
]


def _by_id(ranked):
    return {r.application_id: r for r in ranked}


def test_it_ranks_by_average_then_by_the_lowest_expert_total():
    ranked = rank_nomination(ENTRIES)
    assert [r.application_id for r in ranked[:5]] == [2, 1, 4, 5, 3]
    assert [r.place for r in ranked[:5]] == [1, 2, 3, 3, 5]
    assert ranked[0].average == Decimal("43.00") and ranked[1].average == Decimal("43.00")
    assert ranked[0].lowest == 43 and ranked[1].lowest == 40


def test_it_gives_a_full_tie_the_same_place_and_category():
    ranked = _by_id(rank_nomination(ENTRIES, places=Places(winner=1, prize=1, laureate=2)))
    assert ranked[4].place == ranked[5].place == 3
    assert ranked[4].category == ranked[5].category == LAUREATE
    # Place 4 is skipped: the next one is fifth, beyond the laureates.
    assert ranked[3].place == 5 and ranked[3].category == PARTICIPANT


def test_it_leaves_a_withdrawn_application_out_of_the_ranking():
    ranked = _by_id(rank_nomination(ENTRIES))
    assert ranked[6].place is None and ranked[6].category == ""
    assert ranked[2].place == 1 and ranked[2].category == WINNER


def test_it_leaves_an_unscored_application_unranked():
    ranked = rank_nomination(ENTRIES)
    assert ranked[-1].application_id == 7 and ranked[-1].place is None
    assert ranked[-1].average is None


def test_it_assigns_categories_by_default_places():
    ranked = _by_id(rank_nomination(ENTRIES))  # 1 winner, 2 prize, 3 laureates
    assert [ranked[i].category for i in (2, 1, 4, 5, 3)] == [
        WINNER, PRIZE, PRIZE, PRIZE, LAUREATE]


def test_it_assigns_categories_by_thresholds_of_the_average():
    thresholds = Thresholds(winner=Decimal("43"), prize=Decimal("40"), laureate=Decimal("33"))
    ranked = _by_id(rank_nomination(ENTRIES, thresholds=thresholds))
    assert ranked[1].category == ranked[2].category == WINNER
    assert ranked[3].category == ranked[4].category == LAUREATE
    low = _by_id(rank_nomination([Entry(9, (10, 11))], thresholds=thresholds))
    assert low[9].category == PARTICIPANT


def test_it_shows_the_average_to_hundredths():
    ranked = _by_id(rank_nomination([Entry(1, (10, 10, 11)), Entry(2, (20, 21, 21))]))
    assert ranked[1].average == Decimal("10.33") and ranked[2].average == Decimal("20.67")


def test_it_states_the_rule_it_applies():
    assert "наименьшим итоговым баллом" in TIE_RULE and "Отозванные" in TIE_RULE
