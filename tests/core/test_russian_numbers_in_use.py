"""The modules that print numbers for people print them through core.formatting."""

from decimal import Decimal

import pytest

from diagnostics.staffing import percent, percent_text
from internships.attachments import megabytes
from reports.pdf.charts import _number as chart_number


@pytest.mark.parametrize("size, text", [
    (10 * 1024 * 1024, "10 МБ"),
    (int(2.5 * 1024 * 1024), "2,5 МБ"),
    # Rounds to 2,0: printed as a whole number, as before.
    (2 * 1024 * 1024 + 1000, "2 МБ"),
    (700 * 1024, "0,7 МБ"),
])
def test_file_sizes(size, text):
    assert megabytes(size) == text


@pytest.mark.parametrize("value, text", [(3, "3"), (3.0, "3"), (12.34, "12,3"), (1.98, "2,0"),
                                         (12345, "12345"), (Decimal("40.0"), "40")])
def test_chart_labels(value, text):
    assert chart_number(value) == text


def test_staffing_percentages():
    assert percent_text(percent(22, 56)) == "39,3 %"
    assert percent_text(percent(0, 5)) == "0,0 %"
    assert percent_text(None) == "нет данных"
