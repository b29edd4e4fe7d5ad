"""The region's motivating monitoring: loaded from Excel as a shared background import, all
or nothing with a Russian report; stored per academic year with the municipality's place;
shown on the indicators page, in the workbook's figures and in the monitoring report."""

import io
from decimal import Decimal

import pytest
from django.test import TestCase
from django.urls import reverse
from openpyxl import Workbook

from diagnostics.imports.tables import REGISTERED, TABLES
from reports.indicators import compute_indicators, compute_periods
from reports.models import RegionalIndicator
from reports.pdf.monitoring import monitoring_context
from reports.regional_monitoring import SLUG
from tests import factories

pytestmark = pytest.mark.django_db
HEADER = ("Учебный год", "№ показателя", "Показатель", "Единица", "Значение", "Место",
          "Всего МО в рейтинге")
GOOD = (
    ("2021–2022", "1.1", "Доля выпускников, получивших аттестат с отличием", "%", "7,5", 5, 44),
    ("2021–2022", "2", "Число победителей регионального этапа олимпиады", "чел.", 12, 17, 44),
)


def workbook(*rows) -> io.BytesIO:
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    data = io.BytesIO()
    book.save(data)
    data.seek(0)
    data.name = "motiviruyushchij.xlsx"
    return data


def upload(client, data, *, load=True):
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(reverse("regional_monitoring_import"),
                               {"file": data, **({"load": "1"} if load else {})})
    assert response.status_code == 302, response.content.decode()
    return client.get(response["Location"])


def _regional(values):
    return {item.indicator.number: item for item in values
            if item.indicator.group == "regional"}


def test_it_registers_the_table_beside_the_hub_tables():
    assert SLUG in REGISTERED and SLUG not in TABLES
    assert REGISTERED[SLUG].page == "regional_monitoring_import"


def test_it_loads_the_figures_with_the_municipalitys_place(world, login):
    response = upload(login(world.staff), workbook(*GOOD))

    assert "Загружено: новых — 2" in response.content.decode()
    line = RegionalIndicator.objects.get(number="1.1")
    assert (line.period, line.value, line.rank, line.ranked) == (world.period, Decimal("7.5"),
                                                                 5, 44)
    regional = _regional(compute_indicators(municipality=world.municipality,
                                            period=world.period))
    # 7,5 % is kept as the share 0,075 so the page prints it and its change as the others.
    assert regional["Р1.1"].text == "7,5 %"
    assert regional["Р1.1"].note == "место 5 из 44"
    assert regional["Р2"].text == "12" and regional["Р2"].note == "место 17 из 44"


def test_it_refuses_bad_rows_with_a_russian_report_and_writes_nothing(world, login):
    response = upload(login(world.staff), workbook(
        *GOOD,
        ("2030–2031", "3", "Показатель чужого года", "", 1, 1, 44),
        ("2021–2022", "4", "Доля с ошибкой", "%", "120", 3, 44),
        ("2021–2022", "5", "Место за пределами", "", "2,5", 50, 44),
        ("2021–2022", "6", "Нечисловое значение", "", "много", "", ""),
    ))

    text = response.content.decode()
    assert "Ничего не записано: строк с ошибками — 4" in text
    assert "Учебный год «2030–2031» не найден" in text
    assert "Значение в процентах — от 0 до 100, а не 120" in text
    assert "Место 50 больше числа муниципальных образований в рейтинге (44)" in text
    assert "Нужно число, а не «много»" in text
    assert not RegionalIndicator.objects.exists()


def test_it_compares_a_figure_with_the_same_number_a_year_before(world):
    later = factories.PeriodFactory(programme=world.programme, title="2022–2023",
                                    starts_on=world.period.ends_on.replace(day=1, month=9),
                                    ends_on=world.period.ends_on.replace(year=2023))
    for period, value, rank in ((world.period, "7.5", 5), (later, "9.0", 3)):
        RegionalIndicator.objects.create(municipality=world.municipality, period=period,
                                         number="1.1", name="Аттестаты с отличием", unit="%",
                                         value=Decimal(value), rank=rank, ranked=44)

    context = monitoring_context(municipality=world.municipality, period=later,
                                 control_point=None, progress=lambda *args: None)

    row = context["indicators"].row("regional_1.1")
    assert (row.value.text, row.previous.text, row.change.text) == ("9,0 %", "7,5 %",
                                                                    "↑ 1,5 п. п.")
    assert row.value.note == "место 3 из 44"


def test_a_year_without_the_table_says_so(world):
    first = compute_periods(municipality=world.municipality, periods=[world.period])[0]

    line = _regional(first.values)["Р"]
    assert line.value is None
    assert line.note == "показатели мотивирующего мониторинга за учебный год не загружены"


def test_the_indicators_page_shows_the_figures_and_where_they_are_loaded(world, login):
    RegionalIndicator.objects.create(municipality=world.municipality, period=world.period,
                                     number="2", name="Победители олимпиады", unit="чел.",
                                     value=Decimal(12), rank=17, ranked=44)

    staff_page = login(world.staff).get(reverse("project_indicators")).content.decode()
    assert "Мотивирующий мониторинг региональной системы образования" in staff_page
    assert "место 17 из 44" in staff_page
    assert reverse("regional_monitoring_import") in staff_page
    analyst_page = login(world.analyst).get(reverse("project_indicators")).content.decode()
    assert "место 17 из 44" in analyst_page
    assert reverse("regional_monitoring_import") not in analyst_page


@pytest.mark.parametrize(("actor", "status"), [
    ("staff", 200), ("analyst", 403), ("curator", 403), ("school_user", 403),
])
def test_only_the_department_opens_the_excel_page(world, login, actor, status):
    assert login(getattr(world, actor)).get(
        reverse("regional_monitoring_import")).status_code == status


def test_the_excel_page_lists_what_was_loaded_for_its_own_municipality_only(world, login):
    RegionalIndicator.objects.create(municipality=world.municipality, period=world.period,
                                     number="2", name="Победители олимпиады", unit="чел.",
                                     value=Decimal(12), rank=17, ranked=44)
    other_period = factories.PeriodFactory(
        programme=factories.ProgrammeFactory(municipality=world.other_municipality))
    RegionalIndicator.objects.create(municipality=world.other_municipality, period=other_period,
                                     number="9", name="Чужой показатель", value=Decimal(1))

    page = login(world.staff).get(reverse("regional_monitoring_import")).content.decode()
    # The other municipality's staff: their own page, none of this district's figures.
    other = login(world.outsider).get(reverse("regional_monitoring_import")).content.decode()

    assert "Победители олимпиады" in page and "Чужой показатель" not in page
    assert "Чужой показатель" in other and "Победители олимпиады" not in other


def test_anonymous_is_sent_to_log_in(client):
    response = client.get(reverse("regional_monitoring_import"))
    assert response.status_code == 302 and "login" in response["Location"]
