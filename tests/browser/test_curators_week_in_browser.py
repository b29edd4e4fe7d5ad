"""A curator's week on a platform, recorded through the pages as a new user would."""

import pytest

from demo.krymsky import load_demo
from internships.models import JournalEntry, Mentorship, Platform, TeamResult, Transfer

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCHOOL = "МБОУ СОШ № 4"
OTHER_COMMENT = "КОММЕНТАРИЙ ДРУГОЙ ШКОЛЫ"
OWN_COMMENT = "Команда СОШ № 4 показала свою систему олимпиадной подготовки"
# Other teams' outcomes; the school's own one is «Освоено», which neither contains.
OTHER_OUTCOMES = ("Частично освоено", "Не освоено")

# held_on, form, form_other, topic, hosts, participants: {team: (attended, managers,
# teachers, outcome, comment)}
WEEK = [
    ("2022-02-14", "session", "", "Открытая сессия: банк одарённых детей СОШ № 4",
     ["МБОУ СОШ № 4 — лидер"],
     {"МБОУ СОШ № 1": (True, 1, 2, "Частично освоено", OTHER_COMMENT),
      "МБОУ гимназия № 7": (True, 2, 3, "Не освоено", OTHER_COMMENT),
      "МБОУ СОШ № 3": (True, 1, 1, "Частично освоено", OTHER_COMMENT)}),
    ("2022-02-16", "other", "Проектная лаборатория",
     "Лаборатория индивидуальных маршрутов одарённых детей",
     ["МБОУ СОШ № 4 — лидер", "МБОУ гимназия № 7 — подающая надежды"],
     {"МБОУ СОШ № 1": (True, 1, 4, "Частично освоено", OTHER_COMMENT),
      "МБОУ СОШ № 24": (True, 1, 2, "Не освоено", OTHER_COMMENT),
      "МБОУ СОШ № 20": (False, 0, 0, "", "")}),
    ("2022-02-18", "webinar", "", "Вебинар: конкурсное движение как ресурс развития талантов",
     ["МБОУ СОШ № 9 — лидер"],
     {SCHOOL: (True, 2, 5, "Освоено", OWN_COMMENT),
      "МБОУ СОШ № 1": (True, 1, 1, "Не освоено", OTHER_COMMENT),
      "МБОУ СОШ № 3": (True, 1, 3, "Частично освоено", OTHER_COMMENT),
      "МБОУ ООШ № 5": (True, 1, 2, "Частично освоено", OTHER_COMMENT)}),
]
TIER_LABELS = {"МБОУ СОШ № 4": "лидер", "МБОУ СОШ № 9": "лидер",
               "МБОУ СОШ № 1": "подающая надежды", "МБОУ гимназия № 7": "подающая надежды",
               "МБОУ СОШ № 24": "подающая надежды", "МБОУ СОШ № 3": "скрытые резервы",
               "МБОУ СОШ № 20": "скрытые резервы", "МБОУ ООШ № 5": "скрытые резервы"}
TRANSFERRED = "МБОУ СОШ № 3"
TRANSFER_REASON = "Команда освоила практику сопровождения одарённых детей"


def log_in(page, live_server, username):
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "demo")
    page.click("button[type=submit]")
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def text_of(locator) -> str:
    return " ".join(locator.text_content().split())


def record_event(page, tmp_path, held_on, form, form_other, topic, hosts, results):
    page.click("text=Записать мероприятие")
    page.wait_for_selector("h1:has-text('Записать мероприятие')")
    page.fill("#id_held_on", held_on)
    page.select_option("#id_form", form)
    if form_other:
        page.fill("#id_form_other", form_other)
    page.fill("#id_topic", topic)
    host_boxes = page.locator("#div_id_hosts")
    for label in hosts:
        host_boxes.get_by_label(label, exact=True).check()
    participant_boxes = page.locator("#div_id_participants")
    for team in results:
        participant_boxes.get_by_label(f"{team} — {TIER_LABELS[team]}", exact=True).check()
    if form == "session":
        programme = tmp_path / "programme.pdf"
        programme.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
        page.set_input_files("#id_files", str(programme))
    with page.expect_navigation():
        page.get_by_role("button", name="Сохранить мероприятие").click()

    main = page.locator("main")
    assert "Внесите результаты команд" in main.text_content()
    assert page.locator(".results-table tbody tr").count() == len(results)
    for team, (attended, managers, teachers, outcome, comment) in results.items():
        if not attended:
            # Unticking clears and locks the team's numbers and result.
            page.get_by_label(f"{team}: участвовала").uncheck()
            assert page.get_by_label(f"{team}: руководителей").is_disabled()
            page.get_by_label(f"{team}: комментарий").fill(comment)
            continue
        page.get_by_label(f"{team}: руководителей").fill(str(managers))
        page.get_by_label(f"{team}: педагогов").fill(str(teachers))
        if outcome:
            page.get_by_label(f"{team}: результат").select_option(label=outcome)
        page.get_by_label(f"{team}: комментарий").fill(comment)
    with page.expect_navigation():
        page.click("text=Сохранить результаты")
    # A new event goes on to the deficits it addresses; none are named here.
    assert "Результаты команд сохранены." in page.text_content("main")
    assert "/deficits/" in page.url
    with page.expect_navigation():
        page.click("text=Вернуться без изменений")

    rows = page.locator("#results tbody tr")
    assert rows.count() == len(results)
    for team, (attended, _, _, outcome, _) in results.items():
        row = text_of(rows.filter(has_text=team))
        assert ("да" if attended else "нет") in row
        assert (outcome or "—") in row
    with page.expect_navigation():
        page.click("nav[aria-label='Навигационная цепочка'] >> text=Журнал")


def test_a_curator_records_a_week_and_the_school_sees_only_its_own_part(
    live_server, page, tmp_path, settings
):
    settings.MEDIA_ROOT = tmp_path / "media"
    load_demo()
    platform = Platform.objects.get(direction__number=3)
    journal_url = f"{live_server.url}/platforms/{platform.pk}/journal/"
    console_errors = []
    page.on("console", lambda message: message.type == "error" and console_errors.append(
        (message.text, message.location.get("url", ""))))

    # The curator finds the platform from the home page and opens its journal.
    log_in(page, live_server, "curator")
    with page.expect_navigation():
        page.locator("a.list-group-item", has_text="Стажировка 3.").click()
    page.wait_for_selector("h1:has-text('Стажировка 3.')")
    with page.expect_navigation():
        page.click("text=Журнал площадки")
    page.wait_for_selector("h1:has-text('Журнал площадки «Стажировка 3»')")

    for held_on, form, form_other, topic, hosts, results in WEEK:
        record_event(page, tmp_path, held_on, form, form_other, topic, hosts, results)

    timeline = page.locator("#timeline")
    assert timeline.locator("tr.timeline-entry").count() == 3
    week_text = text_of(timeline)
    assert "Проектная лаборатория" in week_text
    assert "Проводит: МБОУ СОШ № 4, МБОУ гимназия № 7" in week_text
    assert "3 команды, участвовали 2" in week_text
    assert "4 команды, участвовали 4" in week_text
    assert timeline.locator("tr.timeline-entry .bi-paperclip").count() == 1

    # A transfer from the platform page shows in the journal at its date.
    with page.expect_navigation():
        page.click("text=К площадке")
    team_item = page.locator("li.list-group-item").filter(
        has=page.get_by_role("link", name=TRANSFERRED, exact=True))
    with page.expect_navigation():
        team_item.get_by_role("link", name="Перевести").click()
    page.wait_for_selector(f"h1:has-text('Перевод команды {TRANSFERRED}')")
    page.select_option("#id_to_tier", "promising")
    page.fill("#id_transferred_on", "2022-02-17")
    page.fill("#id_reason", TRANSFER_REASON)
    with page.expect_navigation():
        page.get_by_role("button", name="Перевести").click()
    assert f"{TRANSFERRED} переведена: команды, подающие надежды." in (
        page.locator("main").text_content())
    assert TRANSFER_REASON in page.locator("#transfers").text_content()

    with page.expect_navigation():
        page.click("text=Журнал площадки")
    rows = page.locator("#timeline tbody tr")
    assert [text_of(rows.nth(i).locator("td").first) for i in range(rows.count())] == [
        "18.02.2022", "17.02.2022", "16.02.2022", "14.02.2022"]
    transfer_row = text_of(rows.nth(1))
    assert "timeline-transfer" in rows.nth(1).get_attribute("class")
    assert (f"{TRANSFERRED}: команды скрытых резервов → команды, подающие надежды"
            in transfer_row)
    assert TRANSFER_REASON in transfer_row

    # A mentorship from the platform page.
    with page.expect_navigation():
        page.click("text=К площадке")
    with page.expect_navigation():
        page.click("text=Назначить наставника")
    page.select_option("#id_mentor",
                       label=f"{SCHOOL} — лидер этого направления (подопечных сейчас: 0)")
    page.select_option("#id_mentee", label=TRANSFERRED)
    page.fill("#id_started_on", "2022-02-18")
    with page.expect_navigation():
        page.get_by_role("button", name="Назначить наставника").click()
    assert f"Наставник назначен: {SCHOOL} → {TRANSFERRED}." in (
        page.locator("main").text_content())
    pair = text_of(page.locator("#mentorships tbody tr"))
    assert f"{SCHOOL} {TRANSFERRED} 18.02.2022" in pair

    # The participating team's page, reached from the journal's team list.
    with page.expect_navigation():
        page.click("text=Журнал площадки")
    with page.expect_navigation():
        page.locator("#team-list").get_by_role("link", name=TRANSFERRED, exact=True).click()
    page.wait_for_selector(f"h1:has-text('{TRANSFERRED}')")
    team_journal = page.locator("#team-journal")
    assert "2 мероприятия" in text_of(team_journal.locator(".card-header"))
    journal_rows = team_journal.locator("tbody tr")
    assert journal_rows.count() == 2
    first = text_of(journal_rows.filter(has_text=WEEK[0][3]))
    assert "14.02.2022" in first
    assert "участвовала: 2 чел." in first
    assert "Частично освоено" in first
    last = text_of(journal_rows.filter(has_text=WEEK[2][3]))
    assert "18.02.2022" in last
    assert "участвовала: 4 чел." in last
    assert "Частично освоено" in last
    history = text_of(page.locator(".card", has_text="История уровней (переводы)"))
    assert ("17.02.2022 3 (2021–2022) Команды скрытых резервов Команды, подающие надежды "
            f"{TRANSFER_REASON}") in history
    mentors = page.locator(".card", has_text="Наставники команды")
    assert f"{SCHOOL} · направление 3" in text_of(mentors)

    # The mentor's page, through the link in «Наставники команды».
    with page.expect_navigation():
        mentors.get_by_role("link", name=SCHOOL, exact=True).click()
    page.wait_for_selector(f"h1:has-text('{SCHOOL}')")
    mentees = page.locator(".card", has_text="Подопечные команды")
    assert f"{TRANSFERRED} · направление 3" in text_of(mentees)
    assert "1 из" in text_of(mentees.locator(".card-header"))
    school_journal = page.locator("#team-journal")
    assert school_journal.locator("tbody tr").count() == 3
    assert school_journal.locator(".badge", has_text="проводила").count() == 2
    assert "Освоено" in text_of(school_journal.locator("tbody tr").filter(has_text=WEEK[2][3]))

    # The curator leaves through the user menu; the school team signs in.
    page.locator("#main-nav").get_by_role("button", name="Анна Анатольевна Пацюк").click()
    with page.expect_navigation():
        page.get_by_role("button", name="Выйти").click()
    assert "/accounts/login/" in page.url

    log_in(page, live_server, "school")
    with page.expect_navigation():
        page.locator("#main-nav").get_by_role("link", name="Мои стажировки").click()
    page.wait_for_selector("h1:has-text('Мои стажировки')")
    part = page.locator("#direction-3")
    assert "Команды-лидеры" in text_of(part.locator(".card-header"))
    assert f"подопечная: {TRANSFERRED} с 18.02.2022" in text_of(part.locator(".mentors"))
    entries = part.locator("table.entries tbody tr")
    assert entries.count() == 3
    for _, _, _, topic, _, _ in WEEK[:2]:
        hosted = text_of(entries.filter(has_text=topic))
        assert "проводила" in hosted
        assert "команда проводила мероприятие — строки результата у неё нет" in hosted
    attended = text_of(entries.filter(has_text=WEEK[2][3]))
    assert "участница да 2 5 Освоено" in attended
    assert OWN_COMMENT in attended
    page_text = page.locator("main").text_content()
    assert OTHER_COMMENT not in page_text
    for outcome in OTHER_OUTCOMES:
        assert outcome not in page_text

    # The entry page, from the link on «Мои стажировки»: only the school's own row.
    with page.expect_navigation():
        entries.filter(has_text=WEEK[2][3]).get_by_role("link").click()
    page.wait_for_selector(f"h1:has-text('{WEEK[2][3]}')")
    own = page.locator("#results tbody tr")
    assert own.count() == 1
    assert text_of(own) == f"{SCHOOL} да 2 5 Освоено {OWN_COMMENT}"
    assert "Результат нашей команды" in page.locator("main").text_content()
    entry_text = page.locator("main").text_content()
    assert OTHER_COMMENT not in entry_text
    for outcome in OTHER_OUTCOMES:
        assert outcome not in entry_text
    for other in ("МБОУ СОШ № 1", "МБОУ СОШ № 3", "МБОУ ООШ № 5"):
        assert other not in entry_text

    page.go_back()
    page.wait_for_selector("h1:has-text('Мои стажировки')")
    with page.expect_navigation():
        part.locator("table.entries tbody tr").filter(has_text=WEEK[0][3]).get_by_role(
            "link").click()
    page.wait_for_selector(f"h1:has-text('{WEEK[0][3]}')")
    hosted_text = text_of(page.locator("main"))
    assert "Наша команда проводила это мероприятие; строки результата у неё нет." in hosted_text
    assert page.locator("#results").count() == 0
    assert OTHER_COMMENT not in hosted_text
    for outcome in OTHER_OUTCOMES:
        assert outcome not in hosted_text

    # «Моя организация» shows the school's own results only, too.
    with page.expect_navigation():
        page.locator("#main-nav").get_by_role("link", name="Моя организация").click()
    own_journal = page.locator("#team-journal")
    assert own_journal.locator("tbody tr").count() == 3
    organization_text = page.locator("main").text_content()
    assert OTHER_COMMENT not in organization_text
    for outcome in OTHER_OUTCOMES:
        assert outcome not in organization_text

    # The platform's journal is not the school's to read.
    response = page.goto(journal_url)
    assert response.status == 404

    assert JournalEntry.objects.filter(platform=platform).count() == 3
    assert TeamResult.objects.filter(entry__platform=platform).count() == sum(
        len(results) for *_, results in WEEK)
    assert TeamResult.objects.filter(entry__platform=platform, attended=False).count() == 1
    assert TeamResult.objects.get(entry__held_on="2022-02-18",
                                  team__organization__short_name=SCHOOL).comment == OWN_COMMENT
    transfer = Transfer.objects.get()
    assert (transfer.placement.team.organization.short_name, transfer.to_tier) == (
        TRANSFERRED, "promising")
    mentorship = Mentorship.objects.get()
    assert (mentorship.mentor.organization.short_name,
            mentorship.mentee.organization.short_name) == (SCHOOL, TRANSFERRED)
    assert JournalEntry.objects.get(held_on="2022-02-16").form_other == "Проектная лаборатория"
    assert JournalEntry.objects.get(held_on="2022-02-14").attachments.count() == 1
    # Only the refused journal page may complain; nothing else.
    assert [text for text, url in console_errors if url != journal_url] == []
