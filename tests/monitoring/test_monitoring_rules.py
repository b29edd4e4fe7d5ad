"""The database, the forms and the imports refuse the same monitoring figures with the same
words, because all of them read diagnostics.monitoring_rules."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import models

from diagnostics.imports.indicators import IndicatorImport
from diagnostics.imports.staffing import StaffingImport
from diagnostics.models import SchoolIndicator, Staffing
from diagnostics.monitoring_forms import IndicatorForm, StaffingForm
from diagnostics.monitoring_rules import (
    CATEGORIES_MESSAGE,
    INDICATOR_PARTS,
    SPLIT_MESSAGE,
    staffing_errors,
    staffing_problems,
)

STAFFING = {"teachers_total": 21, "without_category": 6, "first_category": 11,
            "highest_category": 4, "attested_for_position": 1, "not_subject_to_attestation": 5}


def _constraint_messages(model) -> dict[str, str]:
    return {constraint.name: constraint.violation_error_message
            for constraint in model._meta.constraints
            if isinstance(constraint, models.CheckConstraint)}


def test_the_database_and_the_import_name_the_same_indicator_rules():
    assert _constraint_messages(SchoolIndicator) == IndicatorImport.constraint_messages
    assert set(IndicatorImport.constraint_messages) == {rule.constraint
                                                        for rule in INDICATOR_PARTS}


def test_the_database_and_the_import_name_the_same_staffing_rules():
    assert _constraint_messages(Staffing) == StaffingImport.constraint_messages
    assert set(StaffingImport.constraint_messages.values()) == {CATEGORIES_MESSAGE,
                                                               SPLIT_MESSAGE}


@pytest.mark.django_db
def test_a_part_above_its_whole_gets_the_form_message_from_the_model_too():
    rule = INDICATOR_PARTS[0]
    values = {rule.part: 11, rule.whole: 10}
    with pytest.raises(ValidationError) as error:
        SchoolIndicator(**values).validate_constraints()
    assert error.value.messages == [rule.message]

    form = IndicatorForm(data={name: str(value) for name, value in values.items()})
    assert not form.is_valid()
    assert form.errors[rule.part] == [rule.message]
    assert rule.reason(values) == "победителей олимпиад (11) больше, чем обучающихся (10)"


@pytest.mark.django_db
def test_a_staffing_line_is_refused_by_the_model_the_form_and_the_import_alike():
    values = {**STAFFING, "teachers_total": 22}
    with pytest.raises(ValidationError) as error:
        Staffing(as_of=datetime.date(2022, 1, 10), **values).validate_constraints()
    assert error.value.messages == [CATEGORIES_MESSAGE]

    form = StaffingForm(data={"as_of": "2022-01-10",
                              **{name: str(value) for name, value in values.items()}})
    assert not form.is_valid()
    assert form.errors["teachers_total"] == [staffing_errors(values)["teachers_total"]]
    assert staffing_problems(values) == {
        "teachers_total": "без категории (6) + первая (11) + высшая (4) = 21, "
                          "а всего указано 22"}


def test_figures_that_keep_the_rules_pass_everywhere():
    assert staffing_errors(STAFFING) == {}
    assert staffing_problems(STAFFING) == {}
    assert not any(rule.exceeded({rule.part: None, rule.whole: 0})
                   for rule in INDICATOR_PARTS)
