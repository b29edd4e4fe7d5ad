"""The journal of a large platform: a team search field, pages of the timeline, and a team
list that shows the first teams of each tier until asked for all. Totals stay visible."""

import datetime
import re

from django.urls import reverse

from internships.models import JournalEntry, Tier, Transfer
from tests.internships.test_query_counts import add_organizations
from tests.journal.conftest import record

D = datetime.date


def url(platform) -> str:
    return reverse("journal", args=[platform.pk])


def topics(response) -> list[str]:
    return [item.entry.topic for item in response.context["items"] if item.entry]


def sessions(world):
    record(world, held_on=D(2022, 1, 20), topic="Сессия", hosts=[world.school_a.team],
           participants=[world.school_b.team])
    record(world, held_on=D(2022, 3, 3), topic="Вебинар", hosts=[world.school_a.team],
           participants=[world.school_d.team])


def test_it_finds_the_teams_by_part_of_the_organization_name(world, as_role):
    sessions(world)

    response = as_role("curator").get(url(world.own_platform), {"team": "гимназ"})

    assert topics(response) == ["Сессия"]


def test_it_takes_a_chosen_suggestion_as_that_organization_alone(world, as_role):
    sessions(world)
    world.school_b.short_name = "НШ № 40"
    world.school_b.save()
    client = as_role("curator")

    assert topics(client.get(url(world.own_platform), {"team": "НШ № 4"})) == ["Вебинар"]
    assert topics(client.get(url(world.own_platform), {"team": "нш №"})) == [
        "Вебинар", "Сессия"]


def test_it_says_so_when_no_team_bears_the_name(world, as_role):
    sessions(world)

    response = as_role("curator").get(url(world.own_platform), {"team": "Лицей № 99"})

    assert topics(response) == []
    assert "Под выбранные условия не подходит ни одна запись" in response.content.decode()


def test_it_suggests_the_platform_s_team_names_without_a_select(world, as_role):
    content = as_role("curator").get(url(world.own_platform)).content.decode()

    assert re.search(r'<input type="text" name="team"[^>]*list="journal-team-names"', content)
    datalist = content[content.index('<datalist id="journal-team-names">'):]
    datalist = datalist[:datalist.index("</datalist>")]
    for school in (world.school_a, world.school_b, world.school_c, world.school_d):
        assert f'<option value="{school.short_name}">' in datalist
    assert '<select name="team"' not in content


def many_entries(world, count: int) -> None:
    JournalEntry.objects.bulk_create(
        JournalEntry(platform=world.own_platform, held_on=D(2022, 1, 1) + datetime.timedelta(n),
                     form="seminar", topic=f"Семинар {n}")
        for n in range(count)
    )


def test_it_shows_the_timeline_by_pages_of_fifty_with_the_totals(world, as_role):
    many_entries(world, 70)
    Transfer.objects.create(placement=world.placement(world.school_c, world.own_platform),
                            from_tier=Tier.RESERVE, to_tier=Tier.PROMISING,
                            transferred_on=D(2022, 1, 5), reason="Итоги диагностики")
    client = as_role("curator")

    first = client.get(url(world.own_platform), {"form": "seminar"})
    second = client.get(url(world.own_platform), {"form": "seminar", "page": "2"})

    assert topics(first)[:2] == ["Семинар 69", "Семинар 68"]
    assert len(topics(first)) == 50
    assert topics(second) == [f"Семинар {n}" for n in range(19, -1, -1)]
    content = first.content.decode()
    assert "70 мероприятий" in content
    assert "Записи 1–50 из 70" in content
    assert "?form=seminar&amp;page=2" in content
    # The page number is no filter: the second page is not «по выбранным условиям» of it.
    assert not client.get(url(world.own_platform), {"page": "2"}).context["filter"].is_bound


def test_it_keeps_the_filters_out_of_the_excel_link_s_paging(world, as_role):
    many_entries(world, 60)

    content = as_role("curator").get(
        url(world.own_platform), {"form": "seminar", "page": "2"}
    ).content.decode()

    excel = reverse("journal_excel", args=[world.own_platform.pk])
    assert f'href="{excel}?form=seminar"' in content


def test_it_lists_the_first_teams_of_each_tier_and_all_on_request(world, as_role):
    add_organizations(world, 40)
    client = as_role("curator")

    first = client.get(url(world.own_platform))
    every = client.get(url(world.own_platform), {"teams": "all"})

    for (tier, _, shown, total), (_, _, all_shown, all_total) in zip(
        first.context["teams"], every.context["teams"], strict=True
    ):
        assert total == all_total == world.own_platform.placements.filter(tier=tier).count()
        assert len(shown) == min(total, 15)
        assert len(all_shown) == total
    content = first.content.decode()
    assert "Показаны первые 15 из" in content
    assert "?teams=all#team-list" in content
    assert "Показать первые команды каждого уровня" in every.content.decode()
