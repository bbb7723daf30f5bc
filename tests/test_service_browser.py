"""The reader in a real browser: Debian's headless Chromium driven by Playwright.

A server runs in a thread on a free loopback port over a corpus of test articles (one
full of markup that must never run) and, when ``../shared`` is present, the seed
article, whose reader is saved as ``out/screenshots/seed-reader.png``.
"""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest
from test_service_api import PAYLOAD_SCRIPT, corpus_records

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


@pytest.fixture(scope="module")
def corpus_path(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("browser") / "corpus.db"
    store = open_store(str(path))
    for record in corpus_records():
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


def test_person_page_draws_each_quote_on_the_timeline(base_url, page):
    page.goto(f"{base_url}/people/Ada%20Moreno")
    assert page.locator("figure.timeline svg circle.dot").count() == 3
    assert page.locator("figure.timeline svg circle.dot").first.is_visible()


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
