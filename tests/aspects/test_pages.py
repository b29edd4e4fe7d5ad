"""The map, the catalogue and an organization's ranked lists, per role."""

import pytest
from django.urls import reverse

from aspects import catalogue
from aspects.models import Aspect, ProcessKind, Side, Statement

MAP_URL = reverse("aspect_map")
CATALOGUE_URL = reverse("aspect_catalogue")
PED = ProcessKind.PEDAGOGICAL


def say(organization, text, side=Side.NEED, rank=1):
    return catalogue.record_statement(organization=organization, school_year=2021, text=text,
                                      process_kind=PED, side=side, rank=rank)


@pytest.mark.parametrize("role", ["staff", "curator", "analyst"])
def test_it_shows_the_map_to_the_municipality_wide_roles(world, as_role, role):
    catalogue.create_aspect(municipality=world.municipality, wording="Смысловое чтение",
                            process_kind=PED)
    say(world.school_a, "Смысловое чтение")

    response = as_role(role).get(MAP_URL)

    assert response.status_code == 200
    assert "Смысловое чтение" in response.content.decode()


@pytest.mark.parametrize("role", ["school_user", "outsider"])
def test_it_keeps_the_map_from_schools_and_other_municipalities(world, as_role, role):
    say(world.school_a, "Смысловое чтение")

    response = as_role(role).get(MAP_URL)

    assert response.status_code == 403 or "Смысловое чтение" not in response.content.decode()


def test_it_says_what_to_do_when_the_map_is_empty(world, as_role):
    response = as_role("staff").get(MAP_URL)

    assert "Карта пока пуста" in response.content.decode()


def test_it_reads_the_map_in_a_constant_number_of_queries(world, as_role,
                                                           django_assert_num_queries):
    aspects = [catalogue.create_aspect(municipality=world.municipality, wording=f"Аспект {n}",
                                       process_kind=PED) for n in range(3)]
    client = as_role("staff")
    for rank, organization in enumerate([world.school_a, world.school_b, world.school_c], 1):
        for aspect in aspects:
            catalogue.record_statement(organization=organization, school_year=2021,
                                       text=aspect.wording, process_kind=PED,
                                       side=Side.OFFER if rank == 2 else Side.NEED,
                                       rank=aspects.index(aspect) + 1)
    with django_assert_num_queries(9):
        assert client.get(MAP_URL).status_code == 200


def test_it_lets_a_curator_merge_two_aspects_from_the_page(world, as_role):
    survivor = catalogue.create_aspect(municipality=world.municipality,
                                       wording="Работа с одарёнными", process_kind=PED)
    duplicate = catalogue.create_aspect(municipality=world.municipality,
                                        wording="Одарённые дети", process_kind=PED)
    statement = say(world.school_a, "Одарённые дети")

    response = as_role("curator").post(reverse("aspect_merge", args=[duplicate.pk]),
                                       {"survivor": survivor.pk})

    assert response.status_code == 302
    statement.refresh_from_db()
    assert statement.aspect == survivor and statement.text == "Одарённые дети"


def test_it_refuses_a_merge_to_the_analyst(world, as_role):
    one = catalogue.create_aspect(municipality=world.municipality, wording="А",
                                  process_kind=PED)
    two = catalogue.create_aspect(municipality=world.municipality, wording="Б",
                                  process_kind=PED)

    response = as_role("analyst").post(reverse("aspect_merge", args=[one.pk]),
                                       {"survivor": two.pk})

    assert response.status_code == 403
    assert Aspect.objects.get(pk=one.pk).merged_into is None


def test_it_links_an_unmatched_statement_to_a_new_aspect(world, as_role):
    statement = say(world.school_a, "Формирующее оценивание")

    as_role("staff").post(reverse("aspect_statement_link", args=[statement.pk]),
                          {"aspect": ""})

    statement.refresh_from_db()
    assert statement.aspect.wording == "Формирующее оценивание"


def test_it_lets_the_school_team_add_its_own_line(world, as_role):
    url = reverse("organization_aspects", args=[world.school_a.pk])

    response = as_role("school_user").post(url, {
        "text": "Проектная деятельность", "process_kind": PED, "side": Side.OFFER,
        "rank": 1, "school_year": 2025})

    assert response.status_code == 302
    assert Statement.objects.get().organization == world.school_a


def test_it_refuses_a_bad_rank_with_a_russian_message_and_saves_nothing(world, as_role):
    url = reverse("organization_aspects", args=[world.school_a.pk])

    response = as_role("school_user").post(url, {
        "text": "Проектная деятельность", "process_kind": PED, "side": Side.OFFER,
        "rank": 0, "school_year": 2025})

    assert response.status_code == 200
    assert "больше либо равно 1" in response.content.decode()
    assert not Statement.objects.exists()


def test_it_hides_another_organization_s_lists_from_a_school(world, as_role):
    url = reverse("organization_aspects", args=[world.school_b.pk])

    assert as_role("school_user").get(url).status_code == 404
