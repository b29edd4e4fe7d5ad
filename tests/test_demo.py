"""The demo district must be exactly the Krymsky project's table.

The expected table below is copied by hand from the Krymsky project's
section «Основные направления, по которым формируются взаимные стажировки», not
from ``demo.krymsky``, so a slip in either shows up here. The source's
typo «МББОУ СОШ № 61» (direction 3, hidden reserves) is written as the school
it names, «МБОУ СОШ № 61».
"""

import datetime
from io import BytesIO, StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook

from demo.krymsky import load_demo
from internships.models import (
    ControlPoint,
    Curator,
    Direction,
    Mentorship,
    Period,
    Placement,
    Platform,
    Programme,
    Stage,
    Transfer,
)
from internships.placements import transfer_team
from teams.models import ManagementTeam, Municipality, Organization, UserProfile

pytestmark = pytest.mark.django_db

# number: (title, annex, leaders, promising, hidden reserves, curators)
SEED_TABLE = {
    1: (
        "Система качества подготовки обучающихся",
        "приложение № 1",
        ["МБОУ СОШ № 1", "МБОУ гимназия № 7", "МБОУ СОШ № 25", "МБОУ ООШ № 23"],
        ["МБОУ СОШ № 4", "МБОУ СОШ № 6", "МБОУ СОШ № 57"],
        ["МБОУ СОШ № 9", "МБОУ СОШ № 12", "МБОУ СОШ № 20", "МБОУ СОШ № 45",
         "МБОУ СОШ № 56", "МБОУ СОШ № 61", "МБОУ ООШ № 28"],
        ["Резник З.А.", "Володина З.А."],
    ),
    2: (
        "Система работы ШНОР",
        "приложение № 2",
        ["МБОУ СОШ № 16", "МБОУ СОШ № 31", "МБОУ СОШ № 62"],
        ["МБОУ СОШ № 36", "МБОУ СОШ № 56", "МБОУ ООШ № 14", "МБОУ ООШ № 22"],
        ["МАОУ СОШ № 11", "МБОУ ООШ № 38", "МБОУ ООШ № 60", "МБОУ ООШ № 66"],
        ["Резник З.А.", "Пацюк А.А."],
    ),
    3: (
        "Система выявления, поддержки и развития способностей и талантов у детей и молодежи",
        "приложение № 3",
        ["МБОУ СОШ № 4", "МБОУ СОШ № 9"],
        ["МБОУ СОШ № 1", "МБОУ гимназия № 7", "МБОУ СОШ № 24", "МБОУ СОШ № 62",
         "МАОУ СОШ № 11", "МБОУ ООШ № 14"],
        ["МБОУ СОШ № 3", "МБОУ СОШ № 20", "МБОУ СОШ № 36", "МБОУ СОШ № 61", "МБОУ ООШ № 5",
         "МБОУ ООШ № 23", "МБОУ ООШ № 38", "МБОУ ООШ № 60", "МБОУ ООШ № 65"],
        ["Пацюк А.А."],
    ),
    4: (
        "Система работы по самоопределению и профессиональной ориентации обучающихся",
        "приложение № 4",
        ["МБОУ СОШ № 36", "МБОУ СОШ № 44", "МБОУ СОШ № 58"],
        ["МБОУ СОШ № 2", "МБОУ СОШ № 41", "МБОУ СОШ № 59", "МБОУ ООШ № 5", "МБОУ ООШ № 38"],
        ["МБОУ СОШ № 20", "МБОУ СОШ № 61"],
        ["Багинская М.Р."],
    ),
    5: (
        "Система эффективности работы руководителей ОО",
        "",
        ["МБОУ СОШ № 4", "МБОУ СОШ № 6"],
        ["МБОУ СОШ № 16", "МБОУ СОШ № 25", "МБОУ СОШ № 31", "МБОУ СОШ № 57",
         "МБОУ СОШ № 58"],
        ["МБОУ СОШ № 2", "МБОУ СОШ № 3", "МБОУ СОШ № 9", "МБОУ СОШ № 20", "МАОУ СОШ № 11",
         "МБОУ ООШ № 28", "МБОУ ООШ № 66"],
        ["Резник З.А.", "Аблаева В.Н."],
    ),
    6: (
        "Система обеспечения профессионального развития педагогических работников",
        "приложение № 5",
        ["МАОУ СОШ № 11", "МБОУ СОШ № 56"],
        ["МБОУ СОШ № 3", "МБОУ СОШ № 12", "МБОУ СОШ № 45", "МБОУ ООШ № 60", "МБОУ ООШ № 65"],
        ["МБОУ СОШ № 2", "МБОУ СОШ № 36", "МБОУ СОШ № 61", "МБОУ ООШ № 5", "МБОУ ООШ № 14",
         "МБОУ ООШ № 28", "МБОУ ООШ № 66"],
        ["Пацюк А.А.", "Володина З.А."],
    ),
    7: (
        "Система организации воспитания обучающихся",
        "приложение № 6",
        ["МБОУ СОШ № 10", "МБОУ СОШ № 24", "МБОУ СОШ № 57"],
        ["МБОУ СОШ № 16", "МБОУ СОШ № 56", "МБОУ СОШ № 61", "МБОУ ООШ № 66"],
        ["МБОУ СОШ № 3", "МБОУ СОШ № 41", "МАОУ СОШ № 11", "МБОУ ООШ № 22", "МБОУ ООШ № 38"],
        ["Аблаева В.Н."],
    ),
}

TIERS = ("leader", "promising", "reserve")
TIER_HEADINGS = {
    "leader": "Команды-лидеры",
    "promising": "Команды, подающие надежды",
    "reserve": "Команды скрытых резервов",
}


def seed_placements() -> set[tuple[int, str, str]]:
    """(direction, school, tier) for every cell of the seed's table."""
    return {
        (number, school, tier)
        for number, (_, _, *tiers, _) in SEED_TABLE.items()
        for tier, schools in zip(TIERS, tiers, strict=True)
        for school in schools
    }


def seed_schools() -> set[str]:
    return {school for _, school, _ in seed_placements()}


def stored_placements() -> set[tuple[int, str, str]]:
    return set(
        Placement.objects.values_list(
            "platform__direction__number", "team__organization__short_name", "tier"
        )
    )


def row_counts() -> dict[str, int]:
    models = (Municipality, Organization, ManagementTeam, Programme, Stage, ControlPoint,
              Period, Direction, Curator, Platform, Placement, Transfer, Mentorship, User,
              UserProfile, Platform.curators.through)
    return {model._meta.label: model.objects.count() for model in models}


def test_the_seed_table_as_written_here_has_34_schools_and_92_placements():
    assert len(seed_schools()) == 34
    assert len(seed_placements()) == 92


def test_it_creates_the_34_schools_of_the_seed_each_with_a_team():
    load_demo()

    assert set(Organization.objects.values_list("short_name", flat=True)) == seed_schools()
    assert Organization.objects.count() == 34
    assert ManagementTeam.objects.count() == 34
    assert not Organization.objects.filter(short_name__contains="МББОУ").exists()
    assert Organization.objects.get(short_name="МБОУ СОШ № 61").number == 61


def test_it_creates_the_seven_directions_with_the_seeds_titles():
    load_demo()

    directions = {
        direction.number: (direction.title, direction.annex)
        for direction in Direction.objects.all()
    }
    assert directions == {number: row[:2] for number, row in SEED_TABLE.items()}


def test_the_directions_are_called_internships_by_number_as_in_the_project():
    load_demo()

    assert [direction.label for direction in Direction.objects.order_by("number")] == [
        f"Стажировка {number}" for number in range(1, 8)]


def test_it_places_the_92_teams_exactly_as_the_seed_table():
    load_demo()

    assert Placement.objects.count() == 92
    assert stored_placements() == seed_placements()
    for number, (_, _, leaders, promising, reserve, _) in SEED_TABLE.items():
        for tier, schools in zip(TIERS, (leaders, promising, reserve), strict=True):
            stored = Placement.objects.filter(platform__direction__number=number, tier=tier)
            assert sorted(stored.values_list("team__organization__short_name", flat=True)) == (
                sorted(schools)
            ), f"направление {number}, {TIER_HEADINGS[tier]}"


def test_it_assigns_the_curators_printed_for_each_platform():
    load_demo()

    for platform in Platform.objects.select_related("direction"):
        curators = set(platform.curators.values_list("short_name", flat=True))
        assert curators == set(SEED_TABLE[platform.direction.number][5]), platform


def test_its_curator_user_curates_directions_2_3_and_6_and_its_school_user_is_school_4():
    load_demo()

    curator_platforms = Platform.objects.filter(curators__user__username="curator")
    assert sorted(curator_platforms.values_list("direction__number", flat=True)) == [2, 3, 6]
    assert Curator.objects.get(user__username="curator").short_name == "Пацюк А.А."
    school = UserProfile.objects.get(user__username="school")
    assert school.organization.short_name == "МБОУ СОШ № 4"
    assert {profile.user.username: profile.role for profile in
            UserProfile.objects.select_related("user")} == {
        "staff": "staff", "curator": "curator", "school": "school", "analyst": "analyst",
    }


def test_it_creates_the_three_stages_of_the_plan():
    load_demo()

    stages = list(Stage.objects.order_by("starts_on")
                  .values_list("number", "title", "starts_on", "ends_on"))
    assert stages == [
        (1, "Подготовительный", datetime.date(2021, 9, 1), datetime.date(2021, 12, 31)),
        (2, "Внедренческий", datetime.date(2022, 1, 1), datetime.date(2024, 4, 30)),
        (3, "Аналитический", datetime.date(2024, 5, 1), datetime.date(2024, 12, 31)),
    ]
    assert all(Stage.objects.values_list("description", flat=True))


def test_it_creates_the_control_points_of_the_plan():
    load_demo()

    # §12: monitoring of needs (Oct–Nov 2021), intermediate diagnostics (May 2022,
    # Apr 2023), current monitoring (Dec 2022, May 2023, Dec 2023, Apr 2024), final
    # diagnostics (May–Aug 2024), effectiveness monitoring (Sep–Oct 2024), the
    # handbook (Nov–Dec 2024).
    points = {
        (kind, (start.year, start.month), (end.year, end.month))
        for kind, start, end in ControlPoint.objects.values_list("kind", "starts_on", "ends_on")
    }
    assert points == {
        ("start_diagnostics", (2021, 10), (2021, 11)),
        ("intermediate_diagnostics", (2022, 5), (2022, 5)),
        ("intermediate_diagnostics", (2023, 4), (2023, 4)),
        ("current_monitoring", (2022, 12), (2022, 12)),
        ("current_monitoring", (2023, 5), (2023, 5)),
        ("current_monitoring", (2023, 12), (2023, 12)),
        ("current_monitoring", (2024, 4), (2024, 4)),
        ("final_diagnostics", (2024, 5), (2024, 8)),
        ("effectiveness_monitoring", (2024, 9), (2024, 10)),
        ("handbook", (2024, 11), (2024, 12)),
    }
    assert ControlPoint.objects.count() == 10
    stage_of = {stage.number: stage for stage in Stage.objects.all()}
    for point in ControlPoint.objects.all():
        assert any(stage.starts_on <= point.starts_on <= stage.ends_on
                   for stage in stage_of.values()), point


def test_running_it_twice_changes_nothing():
    load_demo()
    first = row_counts()
    placements = stored_placements()

    load_demo()

    assert row_counts() == first
    assert stored_placements() == placements
    assert Placement.objects.count() == 92
    assert Organization.objects.count() == 34


def test_running_it_again_keeps_a_transfer_made_in_between():
    load_demo()
    placement = Placement.objects.get(platform__direction__number=1,
                                      team__organization__short_name="МБОУ СОШ № 4")
    assert placement.tier == "promising"
    transfer_team(placement=placement, to_tier="leader", transferred_on=datetime.date(2022, 3, 1),
                  reason="Результаты промежуточной диагностики",
                  recorded_by=User.objects.get(username="staff"))

    load_demo()

    placement.refresh_from_db()
    assert placement.tier == "leader"
    assert Transfer.objects.filter(placement=placement, from_tier="promising",
                                   to_tier="leader").count() == 1
    assert Placement.objects.count() == 92


def test_the_matrix_workbook_lists_the_seed_table(client):
    load_demo()
    client.force_login(User.objects.get(username="staff"))

    response = client.get(reverse("matrix_excel"))

    assert response.status_code == 200
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    sheet = load_workbook(BytesIO(response.content), read_only=True).active
    header, *rows = list(sheet.iter_rows(values_only=True))
    assert list(header) == ["№ направления", "Направление", "Организация", "Уровень", "Кураторы"]
    assert len(rows) == 92
    heading_tiers = {heading: tier for tier, heading in TIER_HEADINGS.items()}
    assert {(number, school, heading_tiers[tier]) for number, _, school, tier, _ in rows} == (
        seed_placements()
    )
    for number, title, _, _, curators in rows:
        assert title == SEED_TABLE[number][0]
        assert set(curators.split(", ")) == set(SEED_TABLE[number][5])


def test_the_load_demo_command_reports_what_it_loaded():
    out = StringIO()

    call_command("load_demo", stdout=out)

    assert out.getvalue().splitlines()[0] == (
        "Демо-данные загружены: организаций — 34, распределений — 92."
    )
    assert Placement.objects.filter(platform__period__title="2021–2022").count() == 92
    assert "Учебные годы проекта (распределений): 2021–2022 (92), 2022–2023 (92), " \
        "2023–2024 (92), 2024–2025 (92)" in out.getvalue()
    assert User.objects.get(username="staff").check_password("demo")
