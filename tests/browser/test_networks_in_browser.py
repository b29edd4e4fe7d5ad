"""Networks in the browser: the coordinator of the Vyselki network adds a member, records a
signature with its scan and publishes an event; the staff of a member district see it and
add their material; a user outside the network gets nothing. And the network pages pass the
accessibility and layout checks for every role that sees them."""

import pytest

from demo.krymsky import load_demo
from demo.networks import VYSELKI_TITLE, load_networks
from demo.vyselki import load_vyselki
from networks.models import (
    AgreementParty,
    EventMaterial,
    JointReportPart,
    Network,
    NetworkEvent,
    PartStatus,
)
from reports.models import ReportJob
from tests.browser.test_accessibility import axe_problems, layout_problems, new_context
from tests.browser.test_journal_in_browser import log_in
from tests.browser.walk import ROLES, WIDTHS, build_world, sign_in, stops_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TOPIC = "Методический день: проектный анализ школы"
EYSK = "Муниципальное образование Ейский район"
DINSKOY = "Муниципальное образование Динской район"
MOSTOVSKOY = "Муниципальное образование Мостовской район"


def _open_the_network(page):
    page.get_by_role("button", name="Организации").click()
    page.get_by_role("link", name="Межмуниципальные сети").click()
    page.get_by_role("link", name=VYSELKI_TITLE).click()


def _coordinator_works(page, live_server):
    log_in(page, live_server, "vys-curator")
    _open_the_network(page)
    page.get_by_role("link", name="Добавить участника").click()
    page.get_by_label("Муниципальное образование").select_option(label=EYSK)
    with page.expect_navigation():
        page.get_by_role("button", name="Добавить").click()
    assert "добавлен(а) в сеть" in page.text_content("main")
    assert EYSK in page.text_content("#members")

    page.locator("#network-agreements").get_by_role(
        "link", name=f"Договор о сетевом взаимодействии: {MOSTOVSKOY}").click()
    page.locator("#parties tr", has_text=MOSTOVSKOY).get_by_role(
        "link", name="Отметить подпись").click()
    page.get_by_label("Кто подписал").fill("Начальник УО Мостовского района")
    page.get_by_label("Скан подписанного экземпляра").set_input_files(files=[{
        "name": "signed.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4 signed"}])
    with page.expect_navigation():
        page.get_by_role("button", name="Отметить подписание").click()
    assert "signed.pdf" in page.text_content("#parties")

    page.get_by_role("link", name=VYSELKI_TITLE).first.click()
    page.get_by_role("link", name="Новое мероприятие").click()
    page.get_by_label("Форма").select_option(label="методический день")
    page.get_by_label("Тема").fill(TOPIC)
    page.get_by_label("Кто проводит").select_option(label=DINSKOY)
    with page.expect_navigation():
        page.get_by_role("button", name="Сохранить").click()
    assert "его видят все участники сети" in page.text_content("main")


def _member_contributes(page, live_server):
    log_in(page, live_server, "din-staff")
    _open_the_network(page)
    page.get_by_role("link", name=TOPIC).click()
    page.get_by_role("link", name="Добавить материал").first.click()
    page.get_by_label("Название материала").fill("Программа методического дня")
    page.get_by_label("Файл").set_input_files(files=[{
        "name": "programme.pdf", "mimeType": "application/pdf",
        "buffer": b"%PDF-1.4 programme"}])
    with page.expect_navigation():
        page.get_by_role("button", name="Добавить материал").click()
    assert "Программа методического дня" in page.text_content("#materials")


def test_a_coordinator_runs_the_network_a_member_contributes_an_outsider_sees_nothing(
        live_server, page):
    load_demo()
    load_vyselki()
    load_networks()

    _coordinator_works(page, live_server)
    page.context.clear_cookies()
    _member_contributes(page, live_server)
    page.context.clear_cookies()
    log_in(page, live_server, "school")
    page.goto(f"{live_server.url}/networks/")
    assert "Вы пока не входите ни в одну сеть" in page.text_content("main")
    network = Network.objects.get(title=VYSELKI_TITLE)
    assert page.goto(f"{live_server.url}/networks/{network.pk}/").status == 404

    party = AgreementParty.objects.get(agreement__network=network,
                                       agreement__title__startswith="Договор",
                                       municipality__name=MOSTOVSKOY)
    assert party.signed_by == "Начальник УО Мостовского района"
    event = NetworkEvent.objects.get(topic=TOPIC)
    assert EventMaterial.objects.get(event=event).municipality.name == DINSKOY
    assert network.memberships.filter(municipality__name=EYSK).exists()


@pytest.mark.parametrize("role", ROLES)
def test_it_finds_no_serious_violation_on_the_network_pages_for(role, live_server, browser):
    world = build_world()
    problems = []
    for width in WIDTHS:
        context = new_context(browser, width)
        page = sign_in(context, live_server.url, role)
        for stop in stops_for(role):
            if not stop.name.startswith("network_"):
                continue
            where = f"{role} {width}px {stop.name}"
            response = page.goto(live_server.url + stop.url(world))
            if response.status != 200:
                problems.append(f"{where}: ответ {response.status}")
                continue
            problems += axe_problems(page, where) + layout_problems(page, where, stop, width)
        context.close()
    assert not problems, f"{len(problems)} нарушений:\n" + "\n".join(problems)


JOINT_TITLE = "Совместный отчёт за второе полугодие 2022 года"


def _coordinator_sets_the_joint_report(page, live_server):
    log_in(page, live_server, "vys-curator")
    _open_the_network(page)
    page.get_by_role("link", name="Новый совместный отчёт").click()
    page.get_by_label("Название").fill(JOINT_TITLE)
    page.get_by_label("Начало отчётного периода").fill("2022-07-01")
    page.get_by_label("Окончание отчётного периода").fill("2022-12-31")
    page.get_by_label("Срок сдачи частей").fill("2030-01-15")
    page.get_by_label("Разделы отчёта").fill("Мероприятия\nРезультаты")
    with page.expect_navigation():
        page.get_by_role("button", name="Сохранить").click()
    assert DINSKOY in page.text_content("#missing-members")


def _member_writes_its_part(page, live_server):
    log_in(page, live_server, "din-staff")
    _open_the_network(page)
    page.get_by_role("link", name=JOINT_TITLE).click()
    page.locator("#parts li", has_text=DINSKOY).get_by_role("link", name="заполнить").click()
    page.get_by_label("1. Мероприятия").fill("Вебинар для руководителей пилотных школ")
    page.get_by_label("2. Результаты").fill("Два проекта школ к конкурсу")
    with page.expect_navigation():
        page.get_by_role("button", name="Сдать часть").click()
    assert "Часть сдана координатору" in page.text_content("main")


def test_a_coordinator_assembles_a_joint_report_a_member_contributes_its_part(
        live_server, page):
    load_demo()
    load_vyselki()
    load_networks()

    _coordinator_sets_the_joint_report(page, live_server)
    page.context.clear_cookies()
    _member_writes_its_part(page, live_server)
    page.context.clear_cookies()
    log_in(page, live_server, "vys-curator")
    _open_the_network(page)
    page.get_by_role("link", name=JOINT_TITLE).click()
    assert DINSKOY not in page.text_content("#missing-members")
    page.get_by_role("link", name="Собрать PDF").click()
    with page.expect_navigation():
        page.get_by_role("button", name="Собрать PDF").click()
    assert "PDF совместного отчёта" in page.text_content("main")

    part = JointReportPart.objects.get(report__title=JOINT_TITLE,
                                       membership__municipality__name=DINSKOY)
    assert part.status == PartStatus.SUBMITTED
    assert ReportJob.objects.filter(joint_report=part.report).exists()
