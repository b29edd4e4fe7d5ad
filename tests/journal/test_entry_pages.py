"""The entry's pages: record, read, change, results, delete — per role."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from internships import journal
from internships.models import JournalEntry, PlannedEvent, TeamResult
from tests import factories
from tests.helpers import assert_redirects_to_login, messages_of
from tests.journal.conftest import entry_data, form_post, pdf_file, record

pytestmark = pytest.mark.django_db
D = datetime.date


def errors_of(response) -> str:
    form = response.context["form"]
    return " ".join(str(message) for messages in form.errors.values() for message in messages)


# Recording ---------------------------------------------------------------------------

@pytest.mark.parametrize("role", ["staff", "curator"])
def test_it_lets_staff_and_the_own_curator_record_an_event(world, as_role, role):
    client = as_role(role)
    assert client.get(reverse("entry_add", args=[world.own_platform.pk])).status_code == 200

    response = client.post(reverse("entry_add", args=[world.own_platform.pk]), form_post(world))

    entry = JournalEntry.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("entry_results", args=[entry.pk]) + "?next=deficits"
    assert entry.created_by == getattr(world, role)
    assert entry.results.count() == 3


@pytest.mark.parametrize("role, status", [("analyst", 403), ("school_user", 404),
                                          ("outsider", 404)])
def test_it_refuses_recording_to_others(world, as_role, role, status):
    url = reverse("entry_add", args=[world.own_platform.pk])
    assert as_role(role).get(url).status_code == status
    assert as_role(role).post(url, form_post(world)).status_code == status
    assert not JournalEntry.objects.exists()


def test_it_refuses_a_curator_of_another_platform(world, as_role):
    url = reverse("entry_add", args=[world.foreign_platform.pk])
    assert as_role("curator").post(url, form_post(world)).status_code == 403


def test_it_sends_an_anonymous_visitor_to_log_in(world, client):
    assert_redirects_to_login(client.get(reverse("entry_add", args=[world.own_platform.pk])))


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"ends_on": "2022-02-01"}, "Дата окончания не может быть раньше даты начала."),
        ({"form": "other"}, "Укажите, какая это форма работы."),
        ({"hosts": []}, "Укажите команду, которая проводит мероприятие."),
        ({"held_on": "10.02.2022x"}, "Введите дату в формате ДД.ММ.ГГГГ."),
        ({"held_on": "2023-03-01"}, "Дата мероприятия должна лежать в 2021–2022"),
        ({"participants": []}, "Отметьте команды, которые участвовали."),
    ],
)
def test_it_refuses_bad_input_on_the_form(world, as_role, overrides, message):
    response = as_role("curator").post(reverse("entry_add", args=[world.own_platform.pk]),
                                       form_post(world, **overrides))

    assert response.status_code == 200
    assert message in errors_of(response)
    assert not JournalEntry.objects.exists()


def test_it_refuses_a_host_not_on_the_platform(world, as_role):
    # ООШ № 3 is a hidden reserve of the own platform: not offered as a host.
    response = as_role("curator").post(
        reverse("entry_add", args=[world.own_platform.pk]),
        form_post(world, hosts=[str(world.school_c.team.pk)]),
    )

    assert "Проводить мероприятие могут команды-лидеры площадки" in errors_of(response)
    assert not JournalEntry.objects.exists()


def test_it_offers_teams_of_other_platforms_as_participants(world, as_role):
    response = as_role("curator").get(reverse("entry_add", args=[world.own_platform.pk]))

    labels = dict(response.context["form"].fields["participants"].choices)
    names = [str(label) for label in labels.values()]
    assert names[0] == "СОШ № 1 — лидер"
    assert "Детский сад № 5 — Стажировка 3" in names
    assert "СОШ № 7" not in " ".join(names)


def test_it_starts_a_record_from_a_plan_line(world, as_role):
    event = PlannedEvent.objects.create(
        platform=world.own_platform, month=D(2022, 3, 1), planned_on=D(2022, 3, 15),
        form="webinar", topic="Вебинар по ВСОКО", responsible=world.school_a.team,
    )
    client = as_role("curator")
    page = client.get(reverse("entry_add", args=[world.own_platform.pk]) + f"?plan={event.pk}")
    initial = page.context["form"].initial
    assert (initial["topic"], initial["held_on"], initial["hosts"]) == (
        "Вебинар по ВСОКО", D(2022, 3, 15), [world.school_a.team.pk]
    )

    client.post(reverse("entry_add", args=[world.own_platform.pk]),
                form_post(world, planned_event=str(event.pk)))

    event.refresh_from_db()
    assert event.entry == JournalEntry.objects.get()


# Reading -----------------------------------------------------------------------------

@pytest.mark.parametrize("role", ["staff", "curator", "analyst"])
def test_it_shows_the_entry_with_every_team_s_result_to_staff_roles(world, as_role, entry,
                                                                    role):
    response = as_role(role).get(reverse("entry_detail", args=[entry.pk]))

    assert response.status_code == 200
    assert len(response.context["results"]) == 3
    assert "Внутренняя система оценки качества" in response.content.decode()


def test_it_shows_a_participating_school_only_its_own_result_row(world, as_role):
    entry = record(world, participants=[world.school_b.team, world.school_c.team])
    # Гимназия № 2's user reads the entry its team took part in.
    response = as_role("school_b_user").get(reverse("entry_detail", args=[entry.pk]))

    assert response.status_code == 200
    assert [r.team for r in response.context["results"]] == [world.school_b.team]
    assert "ООШ № 3" not in response.content.decode()
    assert response.context["history"] is None


def test_it_shows_the_hosting_school_the_entry(world, as_role, entry):
    response = as_role("school_user").get(reverse("entry_detail", args=[entry.pk]))

    assert response.status_code == 200
    assert list(response.context["results"]) == []


@pytest.mark.parametrize("role", ["school_user", "outsider"])
def test_it_hides_an_entry_from_those_outside_it(world, as_role, role):
    entry = record(world, hosts=[world.school_a.team], participants=[world.school_d.team])
    entry.hosts.set([world.school_b.team])  # СОШ № 1 neither hosts nor takes part
    assert as_role(role).get(reverse("entry_detail", args=[entry.pk])).status_code == 404


@pytest.mark.parametrize("role, status", [("staff", 200), ("curator", 200), ("analyst", 403),
                                          ("school_b_user", 403), ("outsider", 404)])
@pytest.mark.parametrize("page", ["entry_edit", "entry_results", "entry_delete"])
def test_it_lets_only_those_who_keep_the_journal_change_it(world, as_role, entry, role,
                                                          status, page):
    assert as_role(role).get(reverse(page, args=[entry.pk])).status_code == status


def test_it_refuses_a_curator_of_another_platform_to_change_its_entry(world, as_role):
    foreign = journal.record_entry(
        platform=world.foreign_platform, recorded_by=world.staff,
        data=entry_data(world, hosts=[world.school_b.team], participants=[world.school_a.team]),
    )
    client = as_role("curator")
    assert client.get(reverse("entry_detail", args=[foreign.pk])).status_code == 200
    assert client.post(reverse("entry_edit", args=[foreign.pk]),
                       form_post(world, version="1")).status_code == 403


# Changing ----------------------------------------------------------------------------

def test_it_changes_an_entry_and_shows_who_changed_what(world, as_role, entry):
    client = as_role("curator")
    response = client.post(reverse("entry_edit", args=[entry.pk]),
                           form_post(world, topic="Новая тема", version="1"))
    assert response.status_code == 302

    page = client.get(reverse("entry_detail", args=[entry.pk]))
    history = page.context["history"]
    assert history[0].action == "~"
    assert [(c.label, c.old, c.new) for c in history[0].changes] == [
        ("Тема", "Внутренняя система оценки качества", "Новая тема")
    ]
    assert history[-1].action == "+"
    content = page.content.decode()
    assert "История изменений" in content
    changed = timezone.localtime(history[0].when)
    assert (f"Изменено: А. {world.curator.last_name}, {changed:%d.%m.%Y %H:%M} — мероприятие"
            in content)
    assert "изменил(а)" not in content and "создал" not in content
    assert "Новая тема" in content


def test_it_lists_result_changes_in_the_entry_s_history(world, as_role, entry):
    result = entry.results.get(team=world.school_b.team)
    result.managers, result.outcome = 2, "partial"
    result.save()

    history = as_role("staff").get(reverse("entry_detail", args=[entry.pk])).context["history"]

    assert (history[0].action, history[0].subject) == ("~", "результат команды Гимназия № 2")
    assert [(c.label, c.old, c.new) for c in history[0].changes] == [
        ("Руководителей", "0", "2"), ("Результат", "—", "Частично освоено"),
    ]


def test_the_second_of_two_simultaneous_edits_is_refused_and_loses_nothing(world, entry):
    first, second = Client(), Client()
    first.force_login(world.curator)
    other = factories.staff_user(world.municipality, username="staff2",
                                 first_name="Зинаида", last_name="Резник")
    second.force_login(other)
    url = reverse("entry_edit", args=[entry.pk])
    versions = [c.get(url).context["form"].initial["version"] for c in (second, first)]
    assert versions == [1, 1]

    assert second.post(url, form_post(world, topic="Правка Резник", version="1")).status_code == 302
    response = first.post(url, form_post(world, topic="Правка куратора", version="1"))

    assert response.status_code == 200
    message = errors_of(response)
    entry.refresh_from_db()
    assert "Пока форма была открыта, мероприятие изменилось. Изменено: З. Резник," in message
    assert f"{timezone.localtime(entry.updated_at):%d.%m.%Y %H:%M}" in message
    assert entry.topic == "Правка Резник"
    form = response.context["form"]
    assert form["topic"].value() == "Правка куратора"
    assert form["version"].value() == "2"


def test_it_deletes_an_entry_and_reopens_its_plan_line(world, as_role, entry):
    event = PlannedEvent.objects.create(platform=world.own_platform, month=D(2022, 2, 1),
                                        form="session", topic="Сессия", entry=entry)
    response = as_role("curator").post(reverse("entry_delete", args=[entry.pk]))

    assert response.url == reverse("journal", args=[world.own_platform.pk])
    assert "удалено из журнала" in messages_of(as_role("curator").get(response.url))[0]
    assert not JournalEntry.objects.exists()
    assert not TeamResult.objects.exists()
    event.refresh_from_db()
    assert event.entry is None


def test_an_edit_without_a_version_is_refused_without_blaming_anyone(world, as_role, entry):
    data = form_post(world, topic="Без версии")

    response = as_role("curator").post(reverse("entry_edit", args=[entry.pk]), data)

    assert "Форма пришла без номера версии записи" in errors_of(response)
    assert "уже изменил" not in errors_of(response)
    entry.refresh_from_db()
    assert entry.topic != "Без версии"


def test_it_asks_to_choose_the_files_again_when_the_form_is_refused(world, as_role):
    data = form_post(world, ends_on="2022-02-01", files=pdf_file())

    response = as_role("curator").post(reverse("entry_add", args=[world.own_platform.pk]), data)

    assert "выберите их заново" in response.content.decode()
    assert not JournalEntry.objects.exists()


def test_it_keeps_the_help_of_each_field_beside_it_on_the_add_form(world, as_role):
    response = as_role("curator").get(reverse("entry_add", args=[world.own_platform.pk]))

    page = response.content.decode()
    form = response.context["form"]
    for name in ("ends_on", "form_other", "venue", "hosts", "participants", "planned_event",
                 "description", "files"):
        assert form.fields[name].help_text, name
        assert f'aria-describedby="id_{name}_helptext"' in page, name
    # A long team list: its help stands under the legend, before the first box.
    legend = page.index("Команды-участницы")
    assert legend < page.index('id="id_participants_helptext"') < page.index(
        'id="id_participants_0"')


def test_it_shows_a_list_s_error_in_russian_under_its_legend(world, as_role):
    response = as_role("curator").post(reverse("entry_add", args=[world.own_platform.pk]),
                                       form_post(world, participants=[]))

    page = response.content.decode()
    assert 'aria-describedby="id_participants_helptext id_participants_error"' in page
    error = page.index('id="id_participants_error"')
    assert "Отметьте команды, которые участвовали." in page[error:error + 200]
    assert error < page.index('id="id_participants_0"')
