"""The handbook's texts: the department writes them per programme, analysts read them."""

import pytest
from django.urls import reverse

from reports.handbook_texts import MAX_TEXT_LENGTH, printed_texts, save_handbook_texts
from reports.markdown import render_markdown
from reports.models import HandbookText, HandbookTopic
from tests import factories
from tests.helpers import assert_redirects_to_login, messages_of

LIST = reverse("handbook_texts")


def _edit(world):
    return reverse("handbook_text_edit", kwargs={"pk": world.programme.pk})


def test_it_renders_markdown_without_letting_html_or_scripts_through():
    html = render_markdown("<script>alert(1)</script>\n\n[ссылка](javascript:alert(1)) "
                           "![рисунок](https://example.org/x.png) **важно**\n\n- первое\n- второе")

    assert "<script>" not in html and "&lt;script&gt;" in html
    assert 'href="javascript' not in html and "<img" not in html
    assert "<strong>важно</strong>" in html and "<li>первое</li>" in html
    assert render_markdown("   \n ") == ""


def test_it_renders_markdown_tables():
    html = render_markdown("| Документ | Дата |\n|---|---|\n| Приказ № 1 | 01.09.2021 |")

    assert "<table>" in html and "<td>Приказ № 1</td>" in html


def test_staff_write_the_texts_and_the_history_keeps_each_change(client, world):
    client.force_login(world.staff)

    response = client.post(_edit(world), {"introduction": "Пособие адресовано **кураторам**.",
                                          "regulation": "- Закон № 273-ФЗ"})

    assert response.status_code == 302
    assert messages_of(client.get(response.url))[0].startswith("Сохранено разделов: 2")
    intro = HandbookText.objects.get(programme=world.programme, topic=HandbookTopic.INTRODUCTION)
    assert intro.updated_by == world.staff
    client.post(_edit(world), {"introduction": "Новая редакция.", "regulation": "- Закон № 273-ФЗ"})
    intro.refresh_from_db()
    assert intro.text == "Новая редакция."
    assert [row.text for row in intro.history.order_by("history_date")] == [
        "Пособие адресовано **кураторам**.", "Новая редакция."]
    assert HandbookText.objects.get(topic=HandbookTopic.REGULATION).history.count() == 1


def test_it_refuses_an_overlong_text_and_changes_nothing(client, world):
    client.force_login(world.staff)

    response = client.post(_edit(world), {"introduction": "а" * (MAX_TEXT_LENGTH + 1),
                                          "regulation": "- Закон"})

    assert response.status_code == 200
    assert "Тексты не сохранены" in messages_of(response)[0]
    assert f"длиннее {MAX_TEXT_LENGTH} знаков" in response.content.decode()
    assert not HandbookText.objects.exists()


def test_it_refuses_instructions_about_the_portals_screens(client, world):
    client.force_login(world.staff)

    response = client.post(_edit(world), {"setup": "Куратор заполняет план на странице площадки.",
                                          "forms": "Семинары и мастер-классы."})

    assert response.status_code == 200
    assert "уберите указания по работе с его экранами («странице»)" in response.content.decode()
    assert not HandbookText.objects.exists()


def test_analysts_read_the_texts_but_may_not_change_them(client, world):
    save_handbook_texts(programme=world.programme, user=world.staff,
                        texts={"conclusions": "Модель **работает**."})
    client.force_login(world.analyst)

    page = client.get(_edit(world))
    refused = client.post(_edit(world), {"conclusions": "Иначе."})

    assert page.status_code == 200
    assert "<strong>работает</strong>" in page.content.decode()
    assert "handbook-texts-form" not in page.content.decode()
    assert refused.status_code == 403
    assert HandbookText.objects.get().text == "Модель **работает**."


def test_the_list_shows_the_programmes_of_the_municipality_with_written_sections(
        client, world, django_assert_num_queries):
    save_handbook_texts(programme=world.programme, user=world.staff,
                        texts={"introduction": "Текст.", "forms": "Текст.", "network": ""})
    factories.ProgrammeFactory(municipality=world.other_municipality, title="Чужой проект")
    factories.ProgrammeFactory(municipality=world.municipality, title="Второй проект")
    client.force_login(world.staff)
    client.get(LIST)

    with django_assert_num_queries(4):
        response = client.get(LIST)

    html = response.content.decode()
    assert world.programme.title in html and "Второй проект" in html
    assert "Чужой проект" not in html
    assert f"2 из {len(HandbookTopic.values)}" in html


@pytest.mark.parametrize("user", ["curator", "school_user"])
def test_curators_and_schools_have_no_texts_pages(client, world, user):
    client.force_login(getattr(world, user))

    assert client.get(LIST).status_code == 403
    assert client.get(_edit(world)).status_code == 404


def test_staff_of_another_municipality_do_not_see_the_programme(client, world):
    client.force_login(world.outsider)

    assert client.get(_edit(world)).status_code == 404
    assert client.post(_edit(world), {"introduction": "Чужое."}).status_code == 404
    assert not HandbookText.objects.exists()


def test_anonymous_visitors_are_sent_to_log_in(client, world):
    assert_redirects_to_login(client.get(LIST))
    assert_redirects_to_login(client.get(_edit(world)))


def test_a_blank_section_is_left_out_of_print(world):
    save_handbook_texts(programme=world.programme, user=world.staff,
                        texts={"introduction": "Текст введения.", "network": "   "})

    assert set(printed_texts(world.programme)) == {"introduction"}
