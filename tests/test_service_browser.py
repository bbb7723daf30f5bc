"""The reader in a real browser: Debian's headless Chromium driven by Playwright.

A server runs in a thread on a free loopback port over a corpus of test articles (one
full of markup that must never run) and, when ``../shared`` is present, the seed
article, whose reader is saved as ``out/screenshots/seed-reader.png``.

Every page is also checked at a desk's width and a phone's (no sideways scrolling, no
axe-core violation, no path on the server) and saved as a screenshot per width in
``$WSW_SCREENSHOT_DIR`` (else a pytest temporary directory).
"""

from __future__ import annotations

import os
import re
import socket
import threading
import time
from pathlib import Path

import pytest
from test_service_api import PAYLOAD_SCRIPT, article_record, corpus_records

from whosaidwhat.service.app import create_app
from whosaidwhat.store import open_store

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
REPO = Path(__file__).resolve().parent.parent
SCREENSHOT = REPO / "out" / "screenshots" / "seed-reader.png"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed"),
]


LONG = "\n".join(
    [
        "Quay walls inspected after winter storms",
        *(
            f"Paragraph {n}: inspectors measured the quay wall against the tide tables once more."
            for n in range(40)
        ),
        '"The quay will stand for a century," engineer Rosa Lind said.',
    ]
)


def long_record() -> dict:
    """An article longer than any screen, its one quote in its last paragraph."""
    return article_record(
        LONG,
        "2025-06-01",
        {"e1": "Rosa Lind"},
        [("e1", "direct", "The quay will stand for a century,", "said")],
    )


@pytest.fixture(scope="module")
def corpus_path(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("browser") / "corpus.db"
    store = open_store(str(path))
    for record in [*corpus_records(), long_record()]:
        store.add(record)
    store.close()
    return str(path)


@pytest.fixture(scope="module")
def base_url(corpus_path):
    """The app served by uvicorn in a thread, on a loopback port the OS picked."""
    import uvicorn

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(create_app(corpus_path), log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    for _ in range(200):
        if server.started:
            break
        time.sleep(0.05)
    assert server.started, "the server did not start"
    yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    server.should_exit = True
    thread.join(timeout=10)
    sock.close()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


def article_id(base_url: str, page, headline_start: str) -> int:
    rows = page.request.get(f"{base_url}/api/articles").json()
    return next(row["id"] for row in rows if row["headline"].startswith(headline_start))


def test_markup_in_articles_is_shown_never_run(base_url, page):
    dialogs, csp_reports = [], []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on(
        "console",
        lambda message: (
            csp_reports.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    markup_id = article_id(base_url, page, "Breaking")
    speaker = page.request.get(f"{base_url}/api/articles/{markup_id}").json()["entities"][0]["name"]
    for path in ["/", f"/articles/{markup_id}", "/search?q=statement", "/search?speaker=Okafor&q=statement"]:
        page.goto(base_url + path)
        assert page.evaluate("window.__pwned") is None, path
        assert page.title() != "pwned", path
        assert page.locator("main img").count() == 0, path
        assert page.locator("main script").count() == 0, path
    page.goto(f"{base_url}/people/{speaker.replace('/', '%2F')}")
    assert page.evaluate("window.__pwned") is None
    assert PAYLOAD_SCRIPT in page.inner_text("h1")
    page.goto(f"{base_url}/articles/{markup_id}")
    assert PAYLOAD_SCRIPT in page.inner_text("#text"), "the markup should be shown as text"
    assert dialogs == [] and csp_reports == [], (dialogs, csp_reports)


def test_hovering_a_quote_shows_speaker_kind_and_cue(base_url, page):
    page.goto(f"{base_url}/articles/{article_id(base_url, page, 'Harbour')}")
    quote = page.locator("#q1")
    quote.hover()
    assert quote.get_attribute("title") == "Ada Moreno · direct quote · cue: “said”"
    cue = page.locator('#text .cue[data-quote="q1"]')
    assert cue.inner_text() == "said"


def test_speakers_have_their_own_colours(base_url, page):
    page.goto(f"{base_url}/articles/{article_id(base_url, page, 'Harbour')}")
    colour = "el => getComputedStyle(el).backgroundColor"
    first = page.locator('#text .q[data-speaker="e1"]').first.evaluate(colour)
    second = page.locator('#text .q[data-speaker="e2"]').first.evaluate(colour)
    assert first != second


def test_clicking_a_speaker_shows_only_their_quotes(base_url, page):
    page.goto(f"{base_url}/articles/{article_id(base_url, page, 'Harbour')}")
    page.click('button.speaker[data-speaker="e2"]')
    others = page.locator('#text [data-speaker="e1"]')
    assert others.count() > 0
    assert page.locator('#text [data-speaker="e1"].dim').count() == others.count()
    assert page.locator('#text [data-speaker="e2"].dim').count() == 0
    assert page.get_attribute('button.speaker[data-speaker="e2"]', "aria-pressed") == "true"
    assert not page.locator('.speaker-entry[data-speaker="e1"] ol.said').is_visible()
    page.click('button.speaker[data-speaker="e2"]')
    assert page.locator("#text .dim").count() == 0


def test_person_page_gathers_each_day_and_expands_it(base_url, page):
    page.goto(f"{base_url}/people/Ada%20Moreno")
    assert page.locator("figure.timeline svg circle.dot").count() == 2
    assert page.locator("figure.timeline svg circle.dot").first.is_visible()
    busy = page.locator("#day-2025-04-10")
    assert busy.locator("summary").inner_text() == "2025-04-10 · 2 quotes"
    assert not busy.locator("blockquote").first.is_visible()
    busy.locator("summary").click()
    assert busy.locator("blockquote").count() == 2 and busy.locator("blockquote").first.is_visible()


def test_search_page_lists_matching_quotes(base_url, page):
    page.goto(f"{base_url}/search")
    page.fill('form.search input[name="q"]', "winter")
    page.click("form.search button")
    assert page.locator("ol.results blockquote").all_inner_texts() == [
        "We worked through the winter to finish early,"
    ]


@pytest.fixture(scope="module")
def seed_id(corpus_path, shared_dir, nlp) -> int:
    from whosaidwhat.extract import extract
    from whosaidwhat.readers import read_path

    seed = shared_dir / "golden" / "seed.txt"
    if not seed.exists():
        pytest.skip("the seed article is not in ../shared/golden")
    store = open_store(corpus_path)
    try:
        return store.add(extract(read_path(str(seed)), nlp).to_dict())[0]
    finally:
        store.close()


def test_seed_reader_screenshot(base_url, page, seed_id):
    """The reader on the seed article, saved for people to look at; every speaker listed in their colour."""
    record = page.request.get(f"{base_url}/api/articles/{seed_id}").json()
    page.goto(f"{base_url}/articles/{seed_id}")
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOT), full_page=True)
    names = {entity["id"]: entity["name"] for entity in record["entities"]}
    speakers = {names[quote["speaker"]] for quote in record["quotes"] if quote["speaker"]}
    panel = page.locator("ul.who button.speaker").all_inner_texts()
    for name in speakers:
        assert any(entry.startswith(name) for entry in panel), (name, panel)
    colours = {
        page.locator(f'button.speaker[data-speaker="{key}"]').get_attribute("class")
        for key in {quote["speaker"] for quote in record["quotes"] if quote["speaker"]}
    }
    assert len(colours) == len(speakers)


WIDTHS = {"desk": 1280, "phone": 390}


@pytest.fixture(scope="module")
def screenshot_dir(tmp_path_factory) -> Path:
    chosen = os.environ.get("WSW_SCREENSHOT_DIR")
    path = Path(chosen) if chosen else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture(scope="module")
def seed_if_present(request) -> int | None:
    """The seed's article id when ../shared holds it, else None."""
    try:
        return request.getfixturevalue("seed_id")
    except pytest.skip.Exception:
        return None


@pytest.fixture(scope="module")
def every_page(base_url, browser, seed_if_present) -> dict[str, str]:
    """Each kind of page by a short name, the seed's reader and its most quoted person among them."""
    context = browser.new_context()
    rows = context.request.get(f"{base_url}/api/articles").json()
    context.close()
    pages = {"index": "/", "search": "/search", "results": "/search?q=harbour OR winter OR statement"}
    pages |= {f"article-{row['id']}": f"/articles/{row['id']}" for row in rows}
    pages |= {"person": "/people/Ada%20Moreno", "missing": "/articles/99999"}
    if seed_if_present:
        pages |= {"seed-person": "/people/Rutte"}
    pages |= {"overview": "/overview", "overview-outlet": "/overview?outlet=harbour.example"}
    return pages


@pytest.fixture(params=sorted(WIDTHS))
def sized_page(request, browser):
    context = browser.new_context(viewport={"width": WIDTHS[request.param], "height": 844})
    page = context.new_page()
    yield request.param, page
    context.close()


def test_every_page_fits_the_width_passes_axe_and_hides_server_paths(
    base_url, sized_page, every_page, screenshot_dir, corpus_path
):
    from axe_playwright_python.sync_playwright import Axe

    width_name, page = sized_page
    axe = Axe()
    server_paths = re.compile(
        "|".join(re.escape(path) for path in (str(REPO.parent), str(Path(corpus_path).parent), "/srv/"))
    )
    problems = []
    for name, path in every_page.items():
        page.goto(base_url + path)
        page.screenshot(path=str(screenshot_dir / f"{name}-{width_name}.png"), full_page=True)
        overflow = page.evaluate("document.scrollingElement.scrollWidth - window.innerWidth")
        if overflow > 0:
            problems.append(f"{path}: scrolls {overflow}px sideways")
        violations = axe.run(page)
        if violations.violations_count:
            problems.append(f"{path}: {violations.generate_report()}")
        if found := server_paths.search(page.content()):
            problems.append(f"{path}: shows the server path {found.group()!r}")
    assert problems == [], "\n".join(problems)


def test_the_article_body_is_the_record_paragraphs(base_url, page, every_page):
    for path in (path for name, path in every_page.items() if name.startswith("article-")):
        page.goto(base_url + path)
        record = page.request.get(f"{base_url}/api{path}").json()
        assert page.locator("#text > p").count() == len(record["paragraphs"]), path
        assert page.locator("#text > h2").count() == len(record["sections"]), path


def test_a_quote_permalink_scrolls_the_quote_into_view_and_marks_it(base_url, sized_page):
    _, page = sized_page
    long_id = article_id(base_url, page, "Quay walls")
    page.goto(f"{base_url}/search?q=century")
    page.click(f'ol.results a[href="/articles/{long_id}#q1"]')
    page.wait_for_url(f"**/articles/{long_id}#q1")
    quote = page.locator("#q1")
    assert page.evaluate("window.scrollY") > 0, "the quote lies below the fold"
    assert quote.evaluate(
        "el => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }"
    )
    assert quote.evaluate("el => getComputedStyle(el).outlineStyle") == "solid"
