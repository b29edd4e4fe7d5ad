"""A second programme, shaped unlike the Krymsky one, through the pages and the reports.

Four directions with their own titles and short titles and five stages with gaps between
them, in a district next to the usual test district (whose directions are «Стажировка N»):
the matrix, a platform's journal, the project indicators, the analysts' workbook, the
monitoring report and the handbook name that programme's directions and stages and count
that programme's figures.
"""

import datetime
import re
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from openpyxl import load_workbook

from internships.models import (
    ControlPoint,
    ControlPointKind,
    JournalEntry,
    Period,
    Platform,
    Programme,
    Stage,
    TeamResult,
    Tier,
)
from reports.excel import build_indicator_workbook
from reports.pdf import handbook, monitoring
from teams.models import Municipality, Organization
from tests import factories
from tests.reports.pdf_checks import page_count, pdf_text
from tests.reports.workbook_checks import rows_by_code

D = datetime.date

# number, title, short title
DIRECTIONS = [
    (1, "Внутренняя система оценки качества образования", "ВСОКО"),
    (2, "Формирование функциональной грамотности обучающихся", "Грамотность"),
    (3, "Сопровождение молодых педагогов", "Молодые педагоги"),
    (4, "Цифровая образовательная среда школы", "Цифровая среда"),
]
SHORT_TITLES = [short for _, _, short in DIRECTIONS]

# number, title, description, dates; stored out of order, with gaps between stages.
STAGES = [
    (3, "Апробационный", "Апробация практик на площадках и экспертиза первых результатов.",
     D(2023, 1, 10), D(2023, 5, 31)),
    (1, "Диагностический", "Самоанализ школ и выбор темы инновационного проекта.",
     D(2022, 9, 1), D(2022, 10, 31)),
    (5, "Трансляционный", "Представление результатов на конкурсе «Инновационный поиск».",
     D(2024, 6, 1), D(2025, 8, 31)),
    (2, "Проектировочный", "Разработка проектов и дорожных карт управленческих команд.",
     D(2022, 11, 15), D(2022, 12, 31)),
    (4, "Обобщающий", "Обобщение опыта команд на сетевых семинарах района.",
     D(2023, 6, 15), D(2024, 5, 31)),
]
STAGE_TITLES = [title for _, title, *_ in sorted(STAGES)]

# direction number → (leaders, promising, reserve) by school number
LAYOUT = {
    1: ([11], [12], [13]),
    2: ([12], [13], [14]),
    3: ([13], [11], []),
    4: ([14], [15], [11]),
}
INTERNSHIP_NUMBER = re.compile(r"Стажировка \d")


@dataclass
class Second:
    municipality: Municipality
    programme: Programme
    period: Period
    platforms: dict[int, Platform]
    schools: dict[int, Organization]
    gap_point: ControlPoint
    spring_point: ControlPoint
    staff: User


@pytest.fixture
def second(world) -> Second:
    municipality = factories.MunicipalityFactory(
        name="Муниципальное образование Выселковский район")
    programme = factories.ProgrammeFactory(
        municipality=municipality, title="Школьные инновационные проекты",
        starts_on=D(2022, 9, 1), ends_on=D(2025, 8, 31))
    period = factories.PeriodFactory(programme=programme, starts_on=D(2022, 9, 1),
                                     ends_on=D(2023, 8, 31))
    for number, title, description, starts_on, ends_on in STAGES:
        Stage.objects.create(programme=programme, number=number, title=title,
                             description=description, starts_on=starts_on, ends_on=ends_on)
    platforms = {
        number: factories.PlatformFactory(
            period=period, direction=factories.DirectionFactory(
                programme=programme, number=number, title=title, short_title=short))
        for number, title, short in DIRECTIONS
    }
    schools = {number: factories.OrganizationFactory(
        municipality=municipality, short_name=f"СОШ № {number}", number=number)
        for number in range(11, 16)}
    for number, tiers in LAYOUT.items():
        for tier, members in zip((Tier.LEADER, Tier.PROMISING, Tier.RESERVE), tiers,
                                 strict=True):
            for school in members:
                factories.PlacementFactory(platform=platforms[number],
                                           team=schools[school].team, tier=tier)
    _entry(platforms[1], D(2022, 10, 12), "Самоанализ ВСОКО: опыт СОШ № 11", schools[11],
           [(schools[12], 2, 3), (schools[13], 1, 1)])
    _entry(platforms[4], D(2023, 2, 8), "Электронный журнал без бумажных дублей",
           schools[14], [(schools[15], 1, 2)])
    gap_point = ControlPoint.objects.create(
        programme=programme, kind=ControlPointKind.CURRENT_MONITORING,
        title="Текущий мониторинг проектов", starts_on=D(2022, 11, 1),
        ends_on=D(2022, 11, 10))
    spring_point = ControlPoint.objects.create(
        programme=programme, kind=ControlPointKind.INTERMEDIATE_DIAGNOSTICS,
        title="Промежуточная экспертиза проектов", starts_on=D(2023, 3, 1),
        ends_on=D(2023, 3, 31))
    return Second(municipality=municipality, programme=programme, period=period,
                  platforms=platforms, schools=schools, gap_point=gap_point,
                  spring_point=spring_point,
                  staff=factories.staff_user(municipality, username="vyselki-staff"))


def _entry(platform, held_on, topic, host, results):
    entry = JournalEntry.objects.create(platform=platform, held_on=held_on, form="seminar",
                                        topic=topic)
    entry.hosts.set([host.team])
    for school, managers, teachers in results:
        TeamResult.objects.create(entry=entry, team=school.team, managers=managers,
                                  teachers=teachers)


@pytest.fixture
def staff(second, login):
    return login(second.staff)


def _no_progress(*args):
    return None


def test_the_matrix_has_a_row_per_direction_of_that_programme(second, staff):
    response = staff.get(reverse("matrix"))

    rows = response.context["rows"]
    assert [row.direction.label for row in rows] == SHORT_TITLES
    assert [row.total for row in rows] == [3, 3, 2, 3]
    assert response.context["placement_count"] == 11
    content = response.content.decode()
    for short in SHORT_TITLES:
        assert f">{short}</a>" in content
    assert not INTERNSHIP_NUMBER.search(content)
    assert "Направление 5" not in content


def test_a_platforms_journal_is_named_by_its_short_title(second, staff):
    platform = second.platforms[1]

    content = staff.get(reverse("journal", args=[platform.pk])).content.decode()
    choices = dict(staff.get(reverse("entry_add", args=[platform.pk]))
                   .context["form"].fields["participants"].choices)

    assert "Журнал площадки «ВСОКО»" in content
    assert "Самоанализ ВСОКО: опыт СОШ № 11" in content
    assert "Электронный журнал" not in content
    assert not INTERNSHIP_NUMBER.search(content)
    # A team that works elsewhere this year is offered with the direction it works in.
    labels = {str(label) for label in choices.values()}
    assert {"СОШ № 14 — Грамотность, Цифровая среда", "СОШ № 15 — Цифровая среда",
            "СОШ № 11 — лидер"} <= labels


def test_the_project_indicators_count_that_programme_per_direction(second, staff):
    response = staff.get(reverse("project_indicators"))

    assert response.context["period"] == second.period
    rows = response.context["direction_rows"]
    assert [number for number, _, _ in rows] == [1, 2, 3, 4]
    assert [direction.label for _, direction, _ in rows] == SHORT_TITLES
    content = response.content.decode()
    for number, title, short in DIRECTIONS:
        start = content.index(f'id="direction-{number}"')
        assert f"{short}. {title}" in content[start:content.index("</tr>", start)]
    assert 'id="direction-5"' not in content
    assert not INTERNSHIP_NUMBER.search(content)


def test_the_analysts_workbook_has_a_column_per_direction_of_that_programme(second, tmp_path):
    output = tmp_path / "second.xlsx"
    build_indicator_workbook(municipality=second.municipality, period=second.period,
                             parameters={}, output=output, progress=_no_progress)
    workbook = load_workbook(output, data_only=True)

    placements = workbook["Распределение"]
    assert [cell.value for cell in placements[1]] == [
        "Образовательная организация", *SHORT_TITLES, "Лидер в направлениях"]
    rows = {row[0].value: [cell.value for cell in row]
            for row in placements.iter_rows(min_row=2)}
    assert rows["СОШ № 11"] == ["СОШ № 11", "лидер", None, "подающая надежды",
                                "скрытые резервы", 1]
    assert rows["СОШ № 15"] == ["СОШ № 15", None, None, None, "подающая надежды", 0]
    assert {name for name in rows if not name.startswith("Итого")} == {
        f"СОШ № {number}" for number in range(11, 16)}
    directions = [[cell.value for cell in row][:2]
                  for row in workbook["По направлениям"].iter_rows(min_row=2)]
    assert directions == [[number, title] for number, title, _ in DIRECTIONS]
    journals = [[cell.value for cell in row]
                for row in workbook["Журналы"].iter_rows(min_row=2)]
    assert [row[0] for row in journals] == [1, 2, 3, 4, "Итого"]
    assert [row[3] for row in journals] == [1, 0, 0, 1, 2]
    indicators = {code: row[4].value
                  for code, row in rows_by_code(workbook["Показатели"]).items()}
    assert indicators["events_held"] == 2
    assert indicators["platforms_open"] == 4


def test_the_monitoring_report_names_the_stage_by_date_and_gaps_have_none(second):
    def stage_on(point):
        return monitoring.monitoring_context(
            municipality=second.municipality, period=second.period, control_point=point,
            progress=_no_progress)["stage"]

    assert stage_on(second.spring_point).title == "Апробационный"
    assert stage_on(second.gap_point) is None
    assert stage_on(None).title == "Обобщающий"


def test_the_monitoring_report_pdf_shows_that_programmes_directions(second, tmp_path):
    html, _ = monitoring.monitoring_document(
        municipality=second.municipality, period=second.period,
        parameters={"control_point": second.spring_point.pk}, progress=_no_progress)
    output = tmp_path / "monitoring.pdf"
    monitoring.build_monitoring_report(
        municipality=second.municipality, period=second.period,
        parameters={"control_point": second.spring_point.pk}, output=output,
        progress=_no_progress)

    assert "Апробационный (10.01.2023 — 31.05.2023)" in html
    for _, title, short in DIRECTIONS:
        assert f"<strong>{short}.</strong> {title}" in html
    assert "Направление 5" not in html
    assert not INTERNSHIP_NUMBER.search(html)
    assert page_count(output.read_bytes()) >= 2
    printed = pdf_text(output.read_bytes())
    assert "Апробационный (10.01.2023 — 31.05.2023)" in printed
    for _, _, short in DIRECTIONS:
        assert short in printed
    assert "Направление 5" not in printed and not INTERNSHIP_NUMBER.search(printed)


def test_the_handbook_pdf_prints_the_programmes_own_stages_and_directions(second, tmp_path):
    html, _ = handbook.handbook_document(municipality=second.municipality,
                                         period=second.period, parameters={},
                                         progress=_no_progress)
    output = tmp_path / "handbook.pdf"
    handbook.build_handbook(municipality=second.municipality, period=second.period,
                            parameters={}, output=output, progress=_no_progress)

    chapter = html[html.index('id="setup"'):html.index('id="content"')]
    positions = [chapter.index(f"<td>{title}</td>") for title in STAGE_TITLES]
    assert positions == sorted(positions)
    for *_, description, starts_on, ends_on in STAGES:
        assert description in chapter
        assert f"{starts_on:%d.%m.%Y} — {ends_on:%d.%m.%Y}" in chapter
    assert "Подготовительный" not in html and "Нормативная база" not in html
    directions = html[html.index("Направления стажировок</h3>"):
                      html.index("Уровни управленческих команд</h3>")]
    assert "В проекте 4 направления" in directions
    assert directions.count('<td class="num">') == 8
    for _, title, short in DIRECTIONS:
        assert f". {short}. {title}</h3>" in html
    assert not INTERNSHIP_NUMBER.search(html)
    assert page_count(output.read_bytes()) >= 5
    printed = pdf_text(output.read_bytes())
    stages_printed = printed[printed.index("Этапы проекта"):]
    positions = [stages_printed.index(title) for title in STAGE_TITLES]
    assert positions == sorted(positions)
    for _, title, short in DIRECTIONS:
        assert f"{short}. {title}" in printed
    assert "Подготовительный" not in printed and not INTERNSHIP_NUMBER.search(printed)
