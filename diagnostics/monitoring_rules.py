"""What the monitoring figures of an organization must satisfy, and how a breach is told.

The database constraints of SchoolIndicator and Staffing, the monitoring forms and services,
and the spreadsheet imports all take their checks and Russian messages from here, so a
figure the form refuses is refused by an import with the same reason, and the other way
round. Each rule has two wordings besides its constraint message: a sentence for a form
field, and a short clause with the figures for a line of an import report.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from django.db import models
from django.db.models import F, Q

# --- School indicators -------------------------------------------------------------------

INDICATOR_FLAGS = ("low_results", "non_objective")
INDICATOR_COUNTS = ("students_total", "olympiad_winners", "graduates_total",
                    "graduates_high_gia", "teachers_total", "teachers_competition_winners")
INDICATOR_FIELDS = [*INDICATOR_FLAGS, *INDICATOR_COUNTS]


@dataclass(frozen=True)
class PartOfWhole:
    """A count that is part of another; a blank count (not known) never breaks the rule."""

    part: str
    whole: str
    constraint: str
    message: str
    # For the import report: «{part_words} (12) больше, чем {whole_words} (10)».
    part_words: str
    whole_words: str

    def exceeded(self, values: Mapping[str, int | None]) -> bool:
        part, whole = values.get(self.part), values.get(self.whole)
        return part is not None and whole is not None and part > whole

    def reason(self, values: Mapping[str, int | None]) -> str:
        return (f"{self.part_words} ({values[self.part]}) больше, чем {self.whole_words} "
                f"({values[self.whole]})")

    def check_constraint(self) -> models.CheckConstraint:
        condition = (Q(**{f"{self.part}__isnull": True}) | Q(**{f"{self.whole}__isnull": True})
                     | Q(**{f"{self.part}__lte": F(self.whole)}))
        return models.CheckConstraint(condition=condition, name=self.constraint,
                                      violation_error_message=self.message)


INDICATOR_PARTS = (
    PartOfWhole(
        part="olympiad_winners", whole="students_total",
        constraint="indicator_winners_within_students",
        message="Победителей и призёров олимпиад не может быть больше, чем обучающихся.",
        part_words="победителей олимпиад", whole_words="обучающихся"),
    PartOfWhole(
        part="graduates_high_gia", whole="graduates_total",
        constraint="indicator_high_gia_within_graduates",
        message="Выпускников с высокими результатами ГИА не может быть больше, чем выпускников.",
        part_words="выпускников с высокими результатами ГИА", whole_words="выпускников"),
    PartOfWhole(
        part="teachers_competition_winners", whole="teachers_total",
        constraint="indicator_competition_within_teachers",
        message="Победителей и призёров конкурсов не может быть больше, чем педагогов.",
        part_words="педагогов — победителей конкурсов", whole_words="педагогов"),
)


def indicator_errors(values: Mapping[str, int | None]) -> dict[str, str]:
    """Form field → message, for every part that exceeds its total."""
    return {rule.part: rule.message for rule in INDICATOR_PARTS if rule.exceeded(values)}


# --- Staffing ----------------------------------------------------------------------------

STAFFING_FIELDS = [
    "teachers_total", "without_category", "first_category", "highest_category",
    "attested_for_position", "not_subject_to_attestation",
]

CATEGORIES_MESSAGE = ("Без категории, с первой и с высшей категорией вместе должно быть "
                      "столько, сколько всего педагогов: каждый педагог учитывается ровно "
                      "в одной из трёх граф.")
SPLIT_MESSAGE = ("Аттестованных на соответствие должности и не проходящих аттестацию (п. 18) "
                 "вместе не может быть больше, чем педагогов без категории: и те и другие "
                 "входят в число педагогов без категории.")

STAFFING_CONSTRAINTS = (
    # Every teacher has exactly one of: no category, first, highest.
    models.CheckConstraint(
        condition=Q(teachers_total=F("without_category") + F("first_category")
                    + F("highest_category")),
        name="staffing_categories_sum_to_total", violation_error_message=CATEGORIES_MESSAGE),
    # Attested for the position and п. 18 are both among those without a category.
    models.CheckConstraint(
        condition=Q(without_category__gte=F("attested_for_position")
                    + F("not_subject_to_attestation")),
        name="staffing_without_category_split", violation_error_message=SPLIT_MESSAGE),
)


def _categories(values: Mapping[str, int]) -> int:
    return values["without_category"] + values["first_category"] + values["highest_category"]


def _split(values: Mapping[str, int]) -> int:
    return values["attested_for_position"] + values["not_subject_to_attestation"]


def staffing_errors(values: Mapping[str, int]) -> dict[str, str]:
    """Form field → message (a sentence with the figures) for every broken rule."""
    errors = {}
    categories, split = _categories(values), _split(values)
    if categories != values["teachers_total"]:
        errors["teachers_total"] = (
            f"Без категории, с первой и с высшей категорией вместе — {categories}, "
            f"а всего педагогов указано {values['teachers_total']}: "
            "каждый педагог учитывается ровно в одной из трёх граф."
        )
    if split > values["without_category"]:
        errors["attested_for_position"] = (
            f"Аттестованных на соответствие должности и не проходящих аттестацию (п. 18) "
            f"вместе {split}, а без категории всего {values['without_category']}: "
            "и те и другие входят в число педагогов без категории."
        )
    return errors


def staffing_problems(values: Mapping[str, int]) -> dict[str, str]:
    """Import column → reason (a clause with the figures) for every broken rule."""
    problems = {}
    categories, split = _categories(values), _split(values)
    if categories != values["teachers_total"]:
        problems["teachers_total"] = (
            f"без категории ({values['without_category']}) + первая "
            f"({values['first_category']}) + высшая ({values['highest_category']}) = "
            f"{categories}, а всего указано {values['teachers_total']}")
    if split > values["without_category"]:
        problems["without_category"] = (
            f"аттестованных на соответствие должности ({values['attested_for_position']}) "
            f"и не проходящих аттестацию по п. 18 ({values['not_subject_to_attestation']}) "
            f"вместе {split} — больше, чем без категории ({values['without_category']})")
    return problems
