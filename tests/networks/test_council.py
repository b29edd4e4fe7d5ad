"""The network's coordination council keeps its protocols in the council book: the managers
record them in a year of the network's programme, every member reads them on the network's
pages, the council book's own pages stay the hub municipality's."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from internships.council import AgendaItemInput, attach_file
from internships.models import CouncilMeeting
from networks.council import NO_PROGRAMME, save_network_protocol
from networks.models import CouncilProtocol
from tests import factories

D = datetime.date
FIRST_MEETING = D(2021, 9, 20)


@pytest.fixture
def council(net):
    programme = factories.ProgrammeFactory(municipality=net.hub, starts_on=D(2021, 9, 1),
                                           ends_on=D(2023, 8, 31))
    first = factories.PeriodFactory(programme=programme)
    second = factories.PeriodFactory(programme=programme, starts_on=D(2022, 9, 1),
                                     ends_on=D(2023, 8, 31))
    net.network.programme = programme
    net.network.save()
    net.first, net.second = first, second
    return net


def _protocol(net, number=1, held_on=FIRST_MEETING, questions=("О плане работы сети",)):
    return save_network_protocol(
        network=net.network, period=net.first, number=number, held_on=held_on,
        attendees="Председатель: Ремель О.Л.; члены совета: руководители ТМС",
        items=[AgendaItemInput(question=question, decision="Утвердить")
               for question in questions],
        user=net.coordinator)


def _posted(period, number="1", held_on="2021-10-05", question="О плане работы сети на год"):
    return {
        "period": str(period.pk), "number": number, "held_on": held_on,
        "attendees": "Ремель О.Л., руководители ТМС пяти районов",
        "items-TOTAL_FORMS": "1", "items-INITIAL_FORMS": "0", "items-MIN_NUM_FORMS": "0",
        "items-MAX_NUM_FORMS": "50", "items-0-question": question,
        "items-0-decision": "Утвердить план",
    }


def test_it_lists_the_protocols_on_the_network_page_for_a_member(council, client):
    _protocol(council, questions=("О плане", "О семинаре"))
    client.force_login(council.member_staff)

    response = client.get(reverse("network_detail", args=[council.network.pk]))

    protocols = response.context["council_protocols"]
    assert [(p.meeting.number, p.question_count) for p in protocols] == [(1, 2)]
    assert "Протокол № 1 от 20.09.2021" in response.content.decode()
    assert "add-council-protocol" not in response.content.decode()


def test_it_offers_the_manager_to_record_the_first_protocol(council, client):
    client.force_login(council.coordinator)

    page = client.get(reverse("network_detail", args=[council.network.pk])).content.decode()

    assert 'id="add-council-protocol"' in page
    assert 'id="no-council-protocols"' in page


def test_it_says_a_network_without_a_programme_keeps_no_protocols(net, client):
    client.force_login(net.coordinator)

    page = client.get(reverse("network_detail", args=[net.network.pk])).content.decode()
    form_page = client.get(reverse("network_council_add", args=[net.network.pk]))

    assert "У сети не указан проект" in page
    assert "add-council-protocol" not in page
    assert form_page.status_code == 200
    assert NO_PROGRAMME in form_page.content.decode()
    assert "form" not in form_page.context


def test_it_records_a_protocol_through_the_council_book(council, client):
    client.force_login(council.coordinator)

    response = client.post(reverse("network_council_add", args=[council.network.pk]),
                           _posted(council.first))

    protocol = CouncilProtocol.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("network_council_protocol", args=[protocol.pk])
    meeting = CouncilMeeting.objects.get()
    assert protocol.meeting == meeting and protocol.network == council.network
    assert (meeting.period, meeting.number, meeting.held_on) == (council.first, 1, D(2021, 10, 5))
    assert [(i.question, i.decision) for i in meeting.items.all()] == [
        ("О плане работы сети на год", "Утвердить план")]


def test_it_refuses_a_year_of_another_programme_and_changes_nothing(council, client):
    foreign = factories.PeriodFactory()
    client.force_login(council.coordinator)

    response = client.post(reverse("network_council_add", args=[council.network.pk]),
                           _posted(foreign))

    assert response.status_code == 200
    assert "Выберите учебный год из проекта сети." in response.content.decode()
    assert not CouncilMeeting.objects.exists()


def test_it_refuses_a_meeting_outside_the_chosen_year(council, client):
    client.force_login(council.coordinator)

    response = client.post(reverse("network_council_add", args=[council.network.pk]),
                           _posted(council.first, held_on="2022-10-05"))

    assert "Дата заседания вне 2021–2022 учебного года (01.09.2021–31.08.2022)." in (
        response.content.decode())
    assert not CouncilMeeting.objects.exists()


def test_it_keeps_the_period_rule_in_the_plain_function(council):
    foreign = factories.PeriodFactory()

    with pytest.raises(ValidationError, match="из проекта сети"):
        save_network_protocol(network=council.network, period=foreign, number=1,
                              held_on=D(2021, 9, 20), attendees="Совет",
                              items=[AgendaItemInput(question="О плане")],
                              user=council.coordinator)
    council.network.programme = None
    with pytest.raises(ValidationError, match="не указан проект"):
        save_network_protocol(network=council.network, period=council.first, number=1,
                              held_on=D(2021, 9, 20), attendees="Совет",
                              items=[AgendaItemInput(question="О плане")],
                              user=council.coordinator)

    assert not CouncilMeeting.objects.exists()


def test_it_refuses_a_meeting_outside_the_network_s_term(council):
    council.network.ends_on = D(2022, 6, 30)
    council.network.save()

    with pytest.raises(ValidationError, match="вне срока работы сети"):
        _protocol(council, held_on=D(2021, 2, 1))
    with pytest.raises(ValidationError, match=r"01\.03\.2021 – 30\.06\.2022"):
        _protocol(council, number=2, held_on=D(2022, 9, 20))
    _protocol(council, number=3, held_on=D(2022, 6, 30))

    assert CouncilMeeting.objects.count() == 1


def test_it_refuses_a_taken_number_of_the_year(council, client):
    _protocol(council)
    client.force_login(council.hub_staff)

    response = client.post(reverse("network_council_add", args=[council.network.pk]),
                           _posted(council.first, number="1"))

    assert "Протокол № 1 за 2021–2022 учебный год уже есть." in response.content.decode()
    assert CouncilMeeting.objects.count() == 1


def test_it_refuses_the_form_to_a_member_and_hides_it_from_an_outsider(council, client):
    url = reverse("network_council_add", args=[council.network.pk])
    client.force_login(council.member_staff)
    assert client.post(url, _posted(council.first)).status_code == 403
    client.force_login(council.outsider_staff)
    assert client.get(url).status_code == 404
    assert not CouncilMeeting.objects.exists()


def test_it_shows_a_protocol_to_the_hub_and_to_a_member_of_another_municipality(council,
                                                                                client):
    protocol = _protocol(council)
    url = reverse("network_council_protocol", args=[protocol.pk])
    edit = reverse("network_council_edit", args=[protocol.pk])

    client.force_login(council.hub_staff)
    owner_page = client.get(url).content.decode()
    client.force_login(council.member_staff)
    member_page = client.get(url)

    assert edit in owner_page
    assert member_page.status_code == 200
    assert "О плане работы сети" in member_page.content.decode()
    assert edit not in member_page.content.decode()


def test_it_hides_a_protocol_from_an_outsider(council, client):
    protocol = _protocol(council)
    client.force_login(council.outsider_staff)

    assert client.get(reverse("network_council_protocol",
                              args=[protocol.pk])).status_code == 404


def test_it_keeps_the_council_book_s_own_pages_to_the_hub_municipality(council, client):
    protocol = _protocol(council)
    client.force_login(council.member_staff)

    assert client.get(reverse("council_detail", args=[protocol.pk])).status_code == 404


def test_it_lets_a_manager_rewrite_a_protocol_but_not_a_member(council, client):
    protocol = _protocol(council)
    item = protocol.meeting.items.get()
    url = reverse("network_council_edit", args=[protocol.pk])
    data = {
        "number": "2", "held_on": "2021-09-21", "attendees": "Совет в полном составе",
        "items-TOTAL_FORMS": "1", "items-INITIAL_FORMS": "1", "items-MIN_NUM_FORMS": "0",
        "items-MAX_NUM_FORMS": "50", "items-0-id": str(item.pk), "items-0-meeting": str(
            protocol.pk), "items-0-question": "О плане работы сети",
        "items-0-decision": "Утвердить с поправками",
    }
    client.force_login(council.member_staff)
    assert client.post(url, data).status_code == 403
    client.force_login(council.outsider_staff)
    assert client.get(url).status_code == 404

    client.force_login(council.coordinator)
    assert client.get(url).status_code == 200
    response = client.post(url, data)

    assert response.status_code == 302
    meeting = CouncilMeeting.objects.get()
    assert (meeting.number, meeting.held_on, meeting.period) == (2, D(2021, 9, 21),
                                                                 council.first)
    assert list(meeting.items.values_list("decision", flat=True)) == ["Утвердить с поправками"]


def test_it_gives_a_protocol_s_file_to_members_only(council, client):
    protocol = _protocol(council)
    attachment = attach_file(meeting=protocol.meeting, user=council.hub_staff, upload=(
        SimpleUploadedFile("protocol.pdf", b"%PDF-1.4 protocol", content_type="application/pdf")))
    url = reverse("network_council_attachment", args=[attachment.pk])

    client.force_login(council.member_staff)
    assert client.get(url).status_code == 200
    client.force_login(council.outsider_staff)
    assert client.get(url).status_code == 404


def test_it_shows_the_network_page_with_protocols_in_a_fixed_number_of_queries(
        council, client, django_assert_num_queries):
    _protocol(council)
    client.force_login(council.member_staff)
    url = reverse("network_detail", args=[council.network.pk])
    with django_assert_num_queries(18):
        client.get(url)
    for number in range(2, 5):
        _protocol(council, number=number, questions=("О плане", "Об отчёте"))

    with django_assert_num_queries(18):
        client.get(url)
