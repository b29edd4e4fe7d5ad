import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from internships import council
from internships.council import AgendaItemInput
from internships.models import AgendaItem, CouncilMeeting, Tier
from tests import factories
from tests.council.conftest import make_meeting
from tests.helpers import assert_redirects_to_login, messages_of

D = datetime.date
CREATE_URL = reverse("council_create")


def edit_url(meeting) -> str:
    return reverse("council_edit", args=[meeting.pk])


def protocol_data(number="1", held_on="2021-09-15", attendees="Иванова И. И., Петров П. П.",
                  items=(), initial=0) -> dict:
    """POST data of the protocol form; each item is a dict of its fields."""
    data = {"number": number, "held_on": held_on, "attendees": attendees,
            "items-TOTAL_FORMS": str(len(items)), "items-INITIAL_FORMS": str(initial),
            "items-MIN_NUM_FORMS": "0", "items-MAX_NUM_FORMS": "1000"}
    for index, item in enumerate(items):
        for key, value in item.items():
            data[f"items-{index}-{key}"] = value
    return data


def test_it_lets_department_staff_write_a_protocol_with_its_agenda(world, as_role):
    placement = world.placement(world.school_a, world.own_platform)
    transfer = factories.TransferFactory(placement=world.placement(world.school_c,
                                                                   world.third_platform),
                                         from_tier=Tier.PROMISING, to_tier=Tier.LEADER)
    client = as_role("staff")

    assert client.get(CREATE_URL).status_code == 200
    response = client.post(CREATE_URL, protocol_data(items=[
        {"question": "О распределении команд", "decision": "Утвердить распределение.",
         "placements": [str(placement.pk)]},
        {"question": "О переводе ООШ № 3", "decision": "Перевести.",
         "transfers": [str(transfer.pk)]},
        {"question": "", "decision": ""},  # a blank extra form is skipped
    ]), follow=True)

    meeting = CouncilMeeting.objects.get()
    assert response.redirect_chain == [(reverse("council_detail", args=[meeting.pk]), 302)]
    assert messages_of(response) == ["Протокол № 1 от 15.09.2021 сохранён."]
    assert (meeting.period, meeting.number, meeting.held_on, meeting.created_by) == (
        world.period, 1, D(2021, 9, 15), world.staff
    )
    first, second = meeting.items.all()
    assert (first.position, first.question, list(first.placements.all())) == (
        1, "О распределении команд", [placement]
    )
    assert (second.position, list(second.transfers.all())) == (2, [transfer])
    assert meeting.history.get().history_user == world.staff


@pytest.mark.parametrize("role", ["curator", "analyst"])
def test_it_refuses_writing_protocols_to_other_staff_roles(world, as_role, role):
    meeting = make_meeting(world.period)
    client = as_role(role)

    assert client.get(CREATE_URL).status_code == 403
    assert client.post(CREATE_URL, protocol_data(
        number="2", items=[{"question": "Вопрос"}])).status_code == 403
    assert client.get(edit_url(meeting)).status_code == 403
    assert CouncilMeeting.objects.count() == 1


@pytest.mark.parametrize("role, status", [("school_user", 404), ("outsider", 404)])
def test_it_hides_a_protocol_s_edit_page_from_outside_readers(world, as_role, role, status):
    assert as_role(role).get(edit_url(make_meeting(world.period))).status_code == status


def test_it_refuses_the_new_protocol_page_to_a_school_team(world, as_role):
    assert as_role("school_user").get(CREATE_URL).status_code == 403


def test_it_sends_an_anonymous_visitor_from_the_form_to_the_login_page(world, client):
    assert_redirects_to_login(client.get(CREATE_URL))


def test_it_refuses_a_duplicate_number_in_the_same_year_with_a_clear_message(world, as_role):
    make_meeting(world.period, number=1)

    response = as_role("staff").post(CREATE_URL, protocol_data(
        number="1", items=[{"question": "Новый вопрос"}]))

    assert response.status_code == 200
    assert response.context["form"].errors["number"] == [
        "Протокол № 1 за 2021–2022 учебный год уже есть. Укажите другой номер."
    ]
    assert CouncilMeeting.objects.count() == 1
    assert not AgendaItem.objects.filter(question="Новый вопрос").exists()


def test_it_allows_the_same_number_in_another_year(world):
    later = factories.PeriodFactory(programme=world.programme, starts_on=D(2022, 9, 1),
                                    ends_on=D(2023, 8, 31))
    make_meeting(world.period, number=1)

    council.save_protocol(period=later, number=1, held_on=D(2022, 9, 20), attendees="Совет",
                          items=[AgendaItemInput(question="План")], user=world.staff)

    assert CouncilMeeting.objects.filter(number=1).count() == 2


def test_it_refuses_placements_of_another_municipality_on_the_form(world, as_role):
    response = as_role("staff").post(CREATE_URL, protocol_data(items=[
        {"question": "О распределении", "placements": [str(world.other_placement.pk)]},
    ]))

    assert response.status_code == 200
    errors = response.context["formset"].forms[0].errors["placements"]
    assert errors == ["Распределения можно выбрать только из списка: этого учебного года "
                      "и своего района."]
    assert not CouncilMeeting.objects.exists()


def test_it_refuses_placements_and_transfers_of_another_year_in_the_rule(world):
    later = factories.PeriodFactory(programme=world.programme, starts_on=D(2022, 9, 1),
                                    ends_on=D(2023, 8, 31))
    transfer = factories.TransferFactory(placement=world.other_placement)

    for item in (
        AgendaItemInput(question="О распределении",
                        placement_ids=[world.placement(world.school_a, world.own_platform).pk]),
        AgendaItemInput(question="О переводе", transfer_ids=[transfer.pk]),
    ):
        with pytest.raises(ValidationError) as refusal:
            council.save_protocol(period=later, number=1, held_on=D(2022, 9, 20),
                                  attendees="Совет", items=[item], user=world.staff)
        assert "только из этого учебного года" in refusal.value.messages[0]
    assert not CouncilMeeting.objects.exists()


def test_it_refuses_a_protocol_without_questions(world, as_role):
    response = as_role("staff").post(CREATE_URL, protocol_data(items=[]))

    assert response.context["form"].non_field_errors() == [
        "Добавьте хотя бы один вопрос повестки: что слушали и что решили."
    ]
    assert not CouncilMeeting.objects.exists()


def test_it_asks_for_the_required_fields_in_russian(world, as_role):
    response = as_role("staff").post(CREATE_URL, protocol_data(
        number="", held_on="15.13.2021", attendees="",
        items=[{"question": "", "decision": "Утвердить."}]))

    form = response.context["form"]
    assert form.errors == {
        "number": ["Укажите номер протокола."],
        "held_on": ["Введите дату в формате ДД.ММ.ГГГГ."],
        "attendees": ["Перечислите присутствовавших."],
    }
    assert response.context["formset"].forms[0].errors["question"] == ["Запишите, что слушали."]
    assert not CouncilMeeting.objects.exists()


def test_it_edits_a_protocol_reorders_keeps_and_removes_questions(world, as_role):
    meeting = make_meeting(world.period, number=1, items=["Первый", "Второй", "Третий"])
    first, second, third = meeting.items.all()
    placement = world.placement(world.school_b, world.foreign_platform)
    client = as_role("staff")
    assert client.get(edit_url(meeting)).status_code == 200

    response = client.post(edit_url(meeting), protocol_data(
        number="5", held_on="2021-09-16", initial=3, items=[
            {"id": str(third.pk), "meeting": str(meeting.pk), "question": "Третий",
             "placements": [str(placement.pk)]},
            {"id": str(first.pk), "meeting": str(meeting.pk), "question": "Первый, уточнён"},
            {"id": str(second.pk), "meeting": str(meeting.pk), "question": "Второй",
             "DELETE": "on"},
            {"question": "Новый"},
        ]))

    assert response.status_code == 302
    meeting.refresh_from_db()
    assert (meeting.number, meeting.held_on) == (5, D(2021, 9, 16))
    assert [(item.pk, item.position, item.question) for item in meeting.items.all()][:2] == [
        (third.pk, 1, "Третий"), (first.pk, 2, "Первый, уточнён"),
    ]
    assert [item.question for item in meeting.items.all()] == ["Третий", "Первый, уточнён",
                                                               "Новый"]
    assert list(meeting.items.get(pk=third.pk).placements.all()) == [placement]
    assert meeting.history.latest().history_user == world.staff
    assert meeting.history.count() == 2


def test_it_shows_who_changed_the_protocol_and_when(world, as_role):
    council.save_protocol(period=world.period, number=1, held_on=D(2021, 9, 15),
                          attendees="Совет", items=[AgendaItemInput(question="План")],
                          user=world.staff)

    content = as_role("curator").get(
        reverse("council_detail", args=[CouncilMeeting.objects.get().pk])
    ).content.decode()

    assert "Кто и когда изменял" in content
    record = CouncilMeeting.history.get()
    assert (f"Создано: А. {world.staff.last_name}, "
            f"{timezone.localtime(record.history_date):%d.%m.%Y %H:%M}") in content


def test_it_offers_approved_placements_as_a_searchable_checkbox_list(world, as_role):
    response = as_role("staff").get(CREATE_URL)

    page = response.content.decode()
    assert "<select multiple" not in page
    assert "Ctrl" not in page
    placement = world.placement(world.school_b, world.own_platform)
    assert (f'type="checkbox" class="form-check-input" name="items-0-placements" '
            f'value="{placement.pk}"') in page
    # The agenda item on the page and the blank one the «Добавить вопрос» button copies.
    assert page.count("data-searchable") == 2 * len(world.placements)
    assert "js/checklist-search.js" in page
