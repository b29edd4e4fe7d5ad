"""WCAG 2.1 AA and layout on every page type, for every role that sees it.

At 1366 px each page type is opened once, as the first role of the walk that sees it, and
axe-core (vendored in static/vendor/axe-core/, loaded only here) runs on it; at 375 px every
role opens every page it sees, and axe runs on its first one, where the menu folds. A critical
or serious violation fails the test with the list of what it found. On every page opened the
walk checks that the page does not scroll sideways, no card's content is wider than the card,
and the first element the keyboard reaches is the skip link.
"""

import os
import shutil

import pytest

from tests.browser.conftest import CHROMIUM, CHROMIUM_FLAGS
from tests.browser.walk import ROLES, WIDTHS, build_world, sign_in, stops_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Loaded from the live server, so the browser caches it between pages.
AXE = "/static/vendor/axe-core/axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = {"critical", "serious"}

RUN_AXE = """tags => axe.run(document, {
    runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']
}).then(result => result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' — ' + n.failureSummary
        .replace(/\\s+/g, ' ').slice(0, 160)),
    count: v.nodes.length,
})))"""

MEASURE = """() => {
    const root = document.documentElement;
    const wide = [...document.querySelectorAll('main .card')]
        .filter(card => card.scrollWidth > card.clientWidth + 1)
        .map(card => (card.id ? '#' + card.id : card.className) + ' ' + card.scrollWidth
             + ' > ' + card.clientWidth);
    const focusable = document.querySelector(
        'a[href], button, input:not([type=hidden]), select, textarea, [tabindex]');
    return {
        scroll: root.scrollWidth, inner: window.innerWidth, wide,
        first: focusable ? focusable.textContent.trim() : '',
    };
}"""


@pytest.fixture(scope="module")
def browser():
    """One Chromium for the whole walk (the shared fixture starts one per test)."""
    if not shutil.which(CHROMIUM):
        pytest.skip(f"Браузерные тесты пропущены: Chromium не найден ({CHROMIUM}).")
    from playwright.sync_api import sync_playwright

    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()
    os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


def new_context(browser, width):
    # The portal's Content-Security-Policy forbids injected scripts; axe is injected anyway.
    return browser.new_context(locale="ru-RU", bypass_csp=True,
                               viewport={"width": width, "height": 900})


def axe_problems(page, where):
    page.add_script_tag(url=AXE)
    violations = page.evaluate(RUN_AXE, AXE_TAGS)
    return [
        f"{where}: {v['id']} ({v['impact']}, {v['count']}×) {v['help']}\n      "
        + "\n      ".join(v["nodes"])
        for v in violations if v["impact"] in BLOCKING
    ]


CUT_OFF = """selectors => selectors.map(selector => document.querySelector(selector))
    .filter(table => table && table.parentElement.scrollWidth > table.parentElement.clientWidth)
    .map(table => '#' + table.id + ' ' + table.parentElement.scrollWidth + ' > '
         + table.parentElement.clientWidth)"""


def layout_problems(page, where, stop=None, width=None):
    measured = page.evaluate(MEASURE)
    problems = []
    if stop is not None and width == max(WIDTHS) and stop.whole_on_laptop:
        problems += [f"{where}: таблица не видна целиком, столбцы уходят вбок: {table}"
                     for table in page.evaluate(CUT_OFF, list(stop.whole_on_laptop))]
    if measured["scroll"] > measured["inner"]:
        problems.append(f"{where}: страница шире окна ({measured['scroll']} > "
                        f"{measured['inner']} px)")
    problems += [f"{where}: содержимое шире карточки {card}" for card in measured["wide"]]
    if measured["first"] != "Перейти к содержанию":
        problems.append(f"{where}: первый фокусируемый элемент — «{measured['first']}», "
                        "а не ссылка «Перейти к содержанию»")
    return problems


@pytest.mark.parametrize("role", ROLES)
def test_it_finds_no_serious_violation_and_no_sideways_scroll_for(role, live_server, browser):
    world = build_world()
    problems = []
    for width in WIDTHS:
        context = new_context(browser, width)
        page = sign_in(context, live_server.url, role)
        for number, stop in enumerate(stops_for(role)):
            laptop = width == max(WIDTHS)
            if laptop and stop.axe_role != role:
                continue  # at 1366 px each page type is seen once; phones see every role's
            where = f"{role} {width}px {stop.name}"
            response = page.goto(live_server.url + stop.url(world))
            if response.status != 200:
                problems.append(f"{where}: ответ {response.status}")
                continue
            if laptop or number == 0:
                problems += axe_problems(page, where)
            problems += layout_problems(page, where, stop, width)
        context.close()
    assert not problems, f"{len(problems)} нарушений:\n" + "\n".join(problems)


def test_it_takes_the_keyboard_past_the_menu_to_the_content(live_server, browser):
    build_world()
    context = new_context(browser, 1366)
    page = sign_in(context, live_server.url, "staff")
    page.goto(f"{live_server.url}/matrix/")

    page.keyboard.press("Tab")
    skip = page.evaluate("""() => {
        const link = document.activeElement, box = link.getBoundingClientRect();
        return {text: link.textContent.trim(), href: link.getAttribute('href'),
                width: box.width, height: box.height};
    }""")
    page.keyboard.press("Tab")
    ring = page.evaluate("""() => {
        const style = getComputedStyle(document.activeElement);
        return [document.activeElement.textContent.trim(), style.outlineStyle,
                style.outlineColor];
    }""")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    focused = page.evaluate("() => document.activeElement.id")
    context.close()

    assert skip["text"] == "Перейти к содержанию"
    assert skip["href"] == "#content"
    assert skip["width"] > 100 and skip["height"] > 20  # shown once it has the focus
    # The next stop, the portal's name on the blue bar, shows a white focus ring.
    assert ring == ["Стажировки", "solid", "rgb(255, 255, 255)"]
    assert focused == "content"


@pytest.mark.parametrize("width", WIDTHS)
def test_it_finds_no_serious_violation_on_the_sign_in_pages(live_server, browser, width):
    context = new_context(browser, width)
    page = context.new_page()
    problems = []
    for path in ("/accounts/login/", "/accounts/password/reset/"):
        where = f"anonymous {width}px {path}"
        assert page.goto(live_server.url + path).status == 200
        problems += axe_problems(page, where) + layout_problems(page, where)
    context.close()
    assert not problems, f"{len(problems)} нарушений:\n" + "\n".join(problems)


def test_it_keeps_the_council_agenda_within_its_card_on_a_phone(live_server, browser):
    world = build_world()
    context = new_context(browser, 375)
    page = sign_in(context, live_server.url, "staff")
    page.goto(f"{live_server.url}/council/{world['council']}/")

    widths = page.evaluate("""() => {
        const agenda = document.getElementById('agenda'), card = agenda.closest('.card');
        const table = agenda.querySelector('table.placements');
        return {page: document.documentElement.scrollWidth, card: card.clientWidth,
                agenda: agenda.scrollWidth, box: table.parentElement.clientWidth,
                boxClass: table.parentElement.className};
    }""")
    context.close()

    assert widths["page"] <= 375
    assert widths["agenda"] <= widths["card"]
    # The approved placements scroll inside their own box within the question.
    assert widths["boxClass"] == "table-responsive"
    assert widths["box"] < widths["card"]


def test_it_keeps_the_organization_column_in_view_when_the_indicators_scroll_on_a_phone(
    live_server, browser
):
    build_world()
    context = new_context(browser, 375)
    page = sign_in(context, live_server.url, "analyst")
    page.goto(f"{live_server.url}/indicators/")

    seen = page.evaluate("""() => {
        const table = document.getElementById('indicators'), box = table.parentElement;
        box.scrollLeft = 300;
        const cell = table.querySelector('tbody tr td');
        return {scrolled: box.scrollLeft, name: cell.textContent.trim(),
                shift: Math.round(cell.getBoundingClientRect().left
                                  - box.getBoundingClientRect().left)};
    }""")
    context.close()

    assert seen["scrolled"] == 300
    assert seen["name"] == "МБОУ СОШ № 1"
    assert abs(seen["shift"]) <= 1  # the name stays at the box's left edge


def test_it_shows_each_project_indicator_beside_its_value_on_a_phone(live_server, browser):
    build_world()
    context = new_context(browser, 375)
    page = sign_in(context, live_server.url, "analyst")
    page.goto(f"{live_server.url}/indicators/project/")

    edges = page.evaluate("""() => {
        const table = document.getElementById('group-direct'), box = table.parentElement;
        const cell = table.querySelector('tbody tr .value-cell');
        return {cell: cell.getBoundingClientRect().right, box: box.getBoundingClientRect().right,
                page: document.documentElement.scrollWidth};
    }""")
    context.close()

    assert edges["cell"] <= edges["box"]  # this year's value is seen without scrolling
    assert edges["page"] <= 375
