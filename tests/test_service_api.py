"""The HTTP API and the server-rendered pages, over a real SQLite corpus filled through the store.

The corpus holds short articles written for these tests, one of them full of markup
that must come back escaped. ``corpus_records`` is shared with the browser and
schemathesis tests.
"""

from __future__ import annotations

import hashlib
import re

import pytest
from fastapi.testclient import TestClient

from whosaidwhat.record import ArticleRecord
from whosaidwhat.service.app import create_app
from whosaidwhat.service.reader import PALETTE_SIZE, colour_slot, highlight, quote_views, speaker_colours
from whosaidwhat.service.timeline import layout
from whosaidwhat.store import open_store

PAYLOAD_SCRIPT = "<script>window.__pwned = 'script'; document.title = 'pwned';</script>"
PAYLOAD_IMG = "<img src=x onerror=\"window.__pwned = 'img'; document.title = 'pwned'\">"

BRIDGE = """Harbour bridge reopens after repairs
The old harbour bridge reopened on Tuesday after eight months of repairs.
"The bridge is safer than it has ever been," Mayor Ada Moreno said at the ribbon cutting.
Chief engineer Tom Vickers told reporters that the steel deck had been replaced in full.
"We worked through the winter to finish early," Vickers added.
"""

BUDGET = """Council approves harbour budget
The city council approved next year's budget on Monday.
Mayor Ada Moreno said the harbour would receive the largest share of new spending.
"Every euro here comes back to the port twice over," Moreno told the council.
"""

MARKUP = f"""Breaking {PAYLOAD_SCRIPT} headline
A strange press release arrived on Friday, written in markup.
"{PAYLOAD_IMG} is our statement," spokesperson Lin {PAYLOAD_SCRIPT} Okafor announced.
Okafor met the board {PAYLOAD_IMG} in the afternoon.
"""


def span(text: str, piece: str, after: int = 0) -> dict:
    start = text.index(piece, after)
    return {"start": start, "end": start + len(piece), "text": piece}


def article_record(
    text: str,
    published: str,
    people: dict[str, str],
    quotes: list[tuple[str, str, str, str]],
    events: list[dict] | None = None,
) -> dict:
    """A valid record of ``text``.

    ``people`` maps entity ids to names; quotes are (speaker, kind, content, cue).
    """
    headline = text.splitlines()[0]
    entities = [
        {"id": key, "name": name, "type": "PERSON", "mentions": [span(text, name.split()[-1])]}
        for key, name in people.items()
    ]
    quote_list = []
    for number, (speaker, kind, content, cue) in enumerate(quotes, start=1):
        content_span = span(text, content)
        quote_list.append(
            {
                "id": f"q{number}",
                "kind": kind,
                "content": content_span,
                "speaker": speaker,
                "cue": span(text, cue, content_span["end"]) if cue else None,
            }
        )
    paragraphs = [span(text, line) for line in text.splitlines()[1:] if line]
    record = ArticleRecord(
        source={"path": None, "format": "text", "sha256": hashlib.sha256(text.encode()).hexdigest()},
        headline=headline,
        published=published,
        text=text,
        paragraphs=paragraphs,
        entities=entities,
        quotes=quote_list,
        events=events or [],
    )
    return record.to_dict()


def corpus_records() -> list[dict]:
    """Three articles: two with the same mayor a month apart, one full of markup."""
    bridge = article_record(
        BRIDGE,
        "2025-03-04",
        {"e1": "Ada Moreno", "e2": "Tom Vickers"},
        [
            ("e1", "direct", "The bridge is safer than it has ever been,", "said"),
            ("e2", "indirect", "that the steel deck had been replaced in full", None),
            ("e2", "direct", "We worked through the winter to finish early,", "added"),
        ],
        events=[
            {
                "type": "reopening",
                "trigger": span(BRIDGE, "reopened"),
                "who": [],
                "whom": [],
                "where": [],
                "when": "2025-03-04",
            }
        ],
    )
    bridge["quotes"][1]["cue"] = span(BRIDGE, "told")
    budget = article_record(
        BUDGET,
        "2025-04-10",
        {"e1": "Ada Moreno"},
        [
            ("e1", "indirect", "the harbour would receive the largest share of new spending", None),
            ("e1", "direct", "Every euro here comes back to the port twice over,", "told"),
        ],
    )
    budget["quotes"][0]["cue"] = span(BUDGET, "said")
    bridge["quotes"][1]["when"] = {"value": "2025-03-04", "basis": "text"}
    bridge["quotes"][1]["where"] = "e3"
    bridge["entities"].append({"id": "e3", "name": "Portmouth", "type": "GPE", "titles": [], "mentions": []})
    bridge["sections"] = [
        {"heading": "The engineers", "start": BRIDGE.index("Chief"), "end": len(BRIDGE) - 1}
    ]
    budget["source"]["path"] = "/srv/newsroom/2025/council-budget.txt"
    speaker = f"Lin {PAYLOAD_SCRIPT} Okafor"
    markup = article_record(
        MARKUP,
        "2025-05-02",
        {"e1": speaker},
        [
            ("e1", "direct", f"{PAYLOAD_IMG} is our statement,", "announced"),
        ],
        events=[
            {
                "type": PAYLOAD_SCRIPT,
                "trigger": span(MARKUP, "met"),
                "who": ["e1"],
                "whom": [],
                "where": [],
                "when": None,
            }
        ],
    )
    markup["source"]["url"] = "https://harbour.example/news/strange-release"
    return [bridge, budget, markup]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> dict:
    """A SQLite corpus of :func:`corpus_records`; maps each headline's first word to its article id."""
    path = tmp_path_factory.mktemp("corpus") / "corpus.db"
    store = open_store(str(path))
    ids = {record["headline"].split()[0]: store.add(record)[0] for record in corpus_records()}
    store.close()
    return {"path": str(path), "ids": ids}


@pytest.fixture(scope="module")
def client(corpus):
    with TestClient(create_app(corpus["path"], max_bytes=2_000)) as client:
        yield client


# --- JSON API ---------------------------------------------------------------------------------


def test_articles_lists_every_article_with_its_quote_count(client):
    rows = client.get("/api/articles").json()
    assert {row["headline"].split()[0]: row["n_quotes"] for row in rows} == {
        "Harbour": 3,
        "Council": 2,
        "Breaking": 1,
    }


def test_articles_full_text_search_finds_the_article(client, corpus):
    rows = client.get("/api/articles", params={"q": "ribbon"}).json()
    assert [row["id"] for row in rows] == [corpus["ids"]["Harbour"]]


def test_article_returns_the_stored_record(client, corpus):
    article_id = corpus["ids"]["Harbour"]
    body = client.get(f"/api/articles/{article_id}").json()
    assert body["id"] == article_id
    assert body["schema"] == "whosaidwhat.article/1"
    quote = body["quotes"][0]
    assert body["text"][quote["content"]["start"] : quote["content"]["end"]] == quote["content"]["text"]


@pytest.mark.parametrize("path", ["/api/articles/999999", "/api/people/Nobody%20Atall"])
def test_unknown_items_answer_404_with_a_message(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert response.json()["detail"].startswith("no ")


@pytest.mark.parametrize(
    "params, speakers",
    [
        ({"speaker": "Ada Moreno"}, {"Ada Moreno"}),
        ({"speaker": "Moreno"}, {"Ada Moreno"}),
        ({"since": "2025-04-01"}, {"Ada Moreno", f"Lin {PAYLOAD_SCRIPT} Okafor"}),
        ({"until": "2025-03-31"}, {"Ada Moreno", "Tom Vickers"}),
        ({"speaker": "Ada Moreno", "until": "2025-03-31"}, {"Ada Moreno"}),
    ],
)
def test_quotes_filters(client, params, speakers):
    rows = client.get("/api/quotes", params=params).json()
    assert rows
    assert {row["speaker"] for row in rows} == speakers


def test_quotes_about_a_topic(client):
    rows = client.get("/api/quotes", params={"about": "winter"}).json()
    assert [row["speaker"] for row in rows] == ["Tom Vickers"]


def test_search_finds_quotes_by_their_words(client):
    rows = client.get("/api/search", params={"q": "euro port"}).json()
    assert [(row["speaker"], row["kind"]) for row in rows] == [("Ada Moreno", "direct")]
    assert rows[0]["content"].startswith("Every euro here")


@pytest.mark.parametrize(
    "path, params",
    [
        ("/api/search", {"q": '"unbalanced'}),
        ("/api/search", {"q": "?! --"}),
        ("/api/quotes", {"about": '"unbalanced'}),
        ("/api/articles", {"q": "?! --"}),
    ],
)
def test_malformed_searches_answer_400_with_a_message(client, path, params):
    response = client.get(path, params=params)
    assert response.status_code == 400, response.text
    assert "search" in response.json()["detail"]


@pytest.mark.parametrize(
    "params, status, message",
    [
        ({"since": "2025-13-45"}, 400, "a date is written YYYY-MM-DD"),
        ({"until": "yesterday-ish"}, 422, "until"),
        ({"limit": 0}, 422, "limit"),
    ],
)
def test_malformed_filters_answer_4xx_naming_the_problem(client, params, status, message):
    response = client.get("/api/quotes", params=params)
    assert response.status_code == status
    assert message in str(response.json()["detail"])


def test_speakers_ranks_the_most_quoted_first(client):
    rows = client.get("/api/speakers").json()
    assert rows[0]["name"] == "Ada Moreno"
    assert (rows[0]["n_quotes"], rows[0]["n_articles"]) == (3, 2)


def test_person_timeline_lists_quotes_in_date_order(client):
    body = client.get("/api/people/Ada Moreno").json()
    quotes = [row for row in body["timeline"] if row["row"] == "quote"]
    assert len(quotes) == 3
    assert [row["published"][:10] for row in quotes] == sorted(row["published"][:10] for row in quotes)


def test_openapi_documents_every_endpoint(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert {
        "/api/articles",
        "/api/articles/{article_id}",
        "/api/quotes",
        "/api/search",
        "/api/speakers",
        "/api/people/{name}",
        "/api/extract",
    } <= set(paths)


# --- POST /api/extract ------------------------------------------------------------------------


def test_extract_returns_the_record_of_plain_text(client):
    text = "Ferry fares rise\nThe ferry company raised fares by ten percent on Monday.\n"
    response = client.post("/api/extract", content=text.encode(), headers={"content-type": "text/plain"})
    assert response.status_code == 200, response.text
    record = response.json()
    assert record["schema"] == "whosaidwhat.article/1"
    assert record["text"] == text


def test_extract_reads_an_html_page(client):
    page = (
        "<html><head><title>Ferry fares rise</title></head><body><article><h1>Ferry fares rise</h1>"
        "<p>The ferry company raised fares by ten percent on Monday, its director said.</p>"
        "<p>Passengers on the island route will pay the most, the company added.</p>"
        "</article></body></html>"
    )
    response = client.post("/api/extract", content=page.encode(), headers={"content-type": "text/html"})
    assert response.status_code == 200, response.text
    record = response.json()
    assert record["source"]["format"] == "html"
    assert "<p>" not in record["text"] and "raised fares" in record["text"]


@pytest.mark.parametrize("body", [b"", b"\x00\x01\x02binary\xff" * 20])
def test_extract_answers_400_for_what_is_not_an_article(client, body):
    response = client.post("/api/extract", content=body, headers={"content-type": "text/plain"})
    assert response.status_code == 400
    assert response.json()["detail"].startswith("[W")


def test_extract_refuses_a_body_over_the_limit_with_413(client):
    response = client.post("/api/extract", content=b"word " * 1_000, headers={"content-type": "text/plain"})
    assert response.status_code == 413
    assert response.json() == {"detail": "request body is larger than the limit of 2000 bytes"}


def test_extract_refuses_a_streamed_body_over_the_limit(client):
    def chunks():
        for _ in range(10):
            yield b"x" * 500

    response = client.post("/api/extract", content=chunks(), headers={"content-type": "text/plain"})
    assert response.status_code == 413


# --- pages --------------------------------------------------------------------------------------


def test_index_lists_articles_and_speakers(client):
    html = client.get("/").text
    assert "Harbour bridge reopens after repairs" in html
    assert 'href="/people/Ada%20Moreno"' in html


def test_reader_marks_each_quote_with_speaker_kind_and_cue(client, corpus):
    html = client.get(f"/articles/{corpus['ids']['Harbour']}").text
    quote = re.search(
        r'<span class="q (c\d+)" id="q1" data-quote="q1" data-speaker="e1" title="([^"]*)">', html
    )
    assert quote, html
    assert quote.group(2) == "Ada Moreno · direct quote · cue: “said”"
    assert re.search(r'<span class="cue c\d+" data-quote="q1" data-speaker="e1"[^>]*>said</span>', html)
    assert "reopening" in html  # the events panel


def test_reader_shows_the_record_paragraphs_and_headings_once(client, corpus):
    html = client.get(f"/articles/{corpus['ids']['Harbour']}").text
    body = html[html.index('id="text"') : html.index('<aside class="panel">')]
    assert body.count("<p>") == 4
    assert "Harbour bridge reopens" not in body, "the headline is shown above the body, not in it"
    assert body.index("<h2>The engineers</h2>") < body.index("Chief engineer")
    assert body.index("The old harbour bridge") < body.index("<h2>The engineers</h2>")


def test_reader_names_the_source_by_url_or_file_name_never_by_server_path(client, corpus):
    markup = client.get(f"/articles/{corpus['ids']['Breaking']}").text
    assert '<a class="source" href="https://harbour.example/news/strange-release"' in markup
    budget = client.get(f"/articles/{corpus['ids']['Council']}").text
    assert '<span class="source">council-budget.txt</span>' in budget
    assert "/srv/newsroom" not in budget


def test_reader_says_when_and_where_a_quote_was_said(client, corpus):
    html = client.get(f"/articles/{corpus['ids']['Harbour']}").text
    assert '<span class="said-when">said 2025-03-04 in Portmouth</span>' in html
    assert "cue: “told” · said 2025-03-04 in Portmouth" in html


@pytest.mark.parametrize("path", ["/search?q=winter", "/people/Tom%20Vickers"])
def test_quotes_found_elsewhere_link_to_their_place_in_the_article(client, corpus, path):
    html = client.get(path).text
    assert f'href="/articles/{corpus["ids"]["Harbour"]}#q3"' in html


def test_extract_keeps_the_canonical_link_as_the_source_url(client):
    page = (
        '<html><head><title>Ferry fares rise</title><link rel="canonical" href="https://ferry.example/fares">'
        "</head><body><article><h1>Ferry fares rise</h1>"
        "<p>The ferry company raised fares by ten percent on Monday, its director said.</p>"
        "<p>Passengers on the island route will pay the most, the company added.</p>"
        "</article></body></html>"
    )
    response = client.post("/api/extract", content=page.encode(), headers={"content-type": "text/html"})
    assert response.json()["source"]["url"] == "https://ferry.example/fares"


def test_reader_gives_two_speakers_two_colours(client, corpus):
    html = client.get(f"/articles/{corpus['ids']['Harbour']}").text
    colours = dict(re.findall(r'class="q (c\d+)"[^>]* data-speaker="(e\d)"', html))
    assert len(set(colours)) == 2, colours


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/articles/{Breaking}",
        "/search?q=statement",
        "/search?speaker=Okafor&q=statement",
        "/people/Okafor",
    ],
)
def test_markup_in_the_corpus_comes_back_escaped(client, corpus, path):
    response = client.get(path.format(**corpus["ids"]))
    assert response.status_code == 200
    assert "<script>window" not in response.text
    assert "<img" not in response.text
    assert "&lt;script&gt;window" in response.text


def test_pages_forbid_inline_scripts(client):
    assert "script-src 'self'" in client.get("/").headers["content-security-policy"]


@pytest.mark.parametrize(
    "params, shown",
    [
        ({"q": "winter"}, ["We worked through the winter to finish early,"]),
        ({"q": "euro", "speaker": "Moreno"}, ["Every euro here comes back to the port twice over,"]),
        ({"q": "euro", "speaker": "Vickers"}, []),
        (
            {"speaker": "Vickers", "since": "2025-03-01", "until": "2025-03-31"},
            [
                "We worked through the winter to finish early,",
                "that the steel deck had been replaced in full",
            ],
        ),
    ],
)
def test_search_page_combines_words_speaker_and_dates(client, params, shown):
    html = client.get("/search", params=params).text
    assert re.findall(r'<blockquote class="q c\d+">([^<]*)</blockquote>', html) == shown


def test_search_page_reports_a_malformed_query_as_400(client):
    response = client.get("/search", params={"q": '"unbalanced'})
    assert response.status_code == 400
    assert 'class="error"' in response.text


def test_person_page_draws_one_mark_per_day_with_its_count(client):
    html = client.get("/people/Ada%20Moreno").text
    assert html.count('<circle class="dot') == 2
    assert "<title>2025-04-10 · 2 quotes</title>" in html
    assert re.search(r'<text class="count"[^>]*>2</text>', html)
    assert re.search(r"<summary>2025-04-10 · 2 quotes</summary>", html)
    assert "The bridge is safer" in html


@pytest.mark.parametrize("path", ["/articles/999999", "/people/Nobody%20Atall"])
def test_unknown_pages_answer_404(client, path):
    assert client.get(path).status_code == 404


# --- the reader's markup, unit by unit --------------------------------------------------------


def test_highlight_cuts_a_cue_inside_a_quote_into_three_segments():
    text = '"We will," she said, "win."'
    record = {
        "quotes": [
            {
                "id": "q1",
                "kind": "direct",
                "speaker": "e1",
                "content": {"start": 0, "end": len(text), "text": text},
                "cue": span(text, "said"),
            }
        ]
    }
    views = quote_views(record["quotes"], {"e1": "Ann Lee"}, len(text))
    html = str(highlight(text, views, [(0, len(text))])[0])
    assert re.sub(r"<[^>]+>", "", html) == text.replace('"', "&#34;")
    assert html.count("<span") == 3
    assert re.search(r'<span class="q cue c\d+" data-quote="q1"[^>]*>said</span>', html)


def test_highlight_gives_a_quote_inside_another_to_the_inner_one():
    text = 'She said the plan was "a bridge to nowhere" and left.'
    outer, inner = span(text, 'the plan was "a bridge to nowhere"'), span(text, "a bridge to nowhere")
    views = quote_views(
        [
            {"id": "q1", "kind": "mixed", "speaker": "e1", "content": outer, "cue": span(text, "said")},
            {"id": "q2", "kind": "direct", "speaker": "e2", "content": inner, "cue": None},
        ],
        {"e1": "Ann Lee", "e2": "Bo Chen"},
        len(text),
    )
    owners = re.findall(
        r'data-quote="(q\d)"[^>]*>([^<]*)</span>', str(highlight(text, views, [(0, len(text))])[0])
    )
    assert owners == [
        ("q1", "said"),
        ("q1", "the plan was &#34;"),
        ("q2", "a bridge to nowhere"),
        ("q1", "&#34;"),
    ]


def test_highlight_escapes_text_outside_and_inside_quotes():
    text = "<b>x</b> said: <i>y</i>"
    views = quote_views(
        [
            {
                "id": "q1",
                "kind": "direct",
                "speaker": None,
                "content": span(text, "<i>y</i>"),
                "cue": span(text, "said"),
            }
        ],
        {},
        len(text),
    )
    html = str(highlight(text, views, [(0, len(text))])[0])
    assert "<b>" not in html and "<i>" not in html
    assert "&lt;b&gt;x&lt;/b&gt;" in html and "&lt;i&gt;y&lt;/i&gt;" in html


def test_speaker_colours_differ_on_a_page_even_when_names_hash_alike():
    names = [f"Person {n}" for n in range(PALETTE_SIZE)]
    assert len(set(speaker_colours(names).values())) == PALETTE_SIZE


def test_a_speaker_keeps_the_hashed_colour_when_alone():
    assert speaker_colours(["Ada Moreno"]) == {"Ada Moreno": f"c{colour_slot('Ada Moreno')}"}


def test_an_unexpected_failure_answers_one_line_not_a_traceback(corpus, monkeypatch):
    app = create_app(corpus["path"])

    def broken_store():
        raise RuntimeError("disk on fire\n  at line 3")

    monkeypatch.setattr(app.state.stores, "get", broken_store)
    with TestClient(app, raise_server_exceptions=False) as client:
        api, html = client.get("/api/counts"), client.get("/")
    assert (api.status_code, api.json()) == (500, {"detail": "internal error: RuntimeError"})
    assert html.status_code == 500 and "internal error: RuntimeError" in html.text


@pytest.mark.postgres
def test_the_service_reads_a_postgresql_corpus_alike(postgres_url):
    with open_store(postgres_url) as store:
        ids = {record["headline"].split()[0]: store.add(record)[0] for record in corpus_records()}
    with TestClient(create_app(postgres_url)) as client:
        assert len(client.get("/api/articles").json()) == 3
        assert [row["speaker"] for row in client.get("/api/search", params={"q": "winter"}).json()] == [
            "Tom Vickers"
        ]
        assert client.get("/api/search", params={"q": '"unbalanced'}).status_code == 400
        assert 'data-speaker="e2"' in client.get(f"/articles/{ids['Harbour']}").text
        assert client.get("/people/Ada%20Moreno").text.count('<circle class="dot') == 2


@pytest.mark.parametrize("same_day", [1, 3, 200])
def test_timeline_gathers_a_day_into_one_mark_inside_the_chart(same_day):
    rows = [{"row": "quote", "article_id": 1, "published": "2025-03-04", "content": "x"}] * same_day + [
        {"row": "event", "article_id": 2, "published": "2025-01-01", "when": "2025-02-01", "type": "visit"},
        {"row": "quote", "article_id": 3, "published": None, "content": "undated"},
    ]
    chart = layout(rows)
    assert len(chart.marks) == 2 and len(chart.undated) == 1
    assert [len(mark.day.rows) for mark in chart.marks] == [1, same_day]
    assert all(
        mark.label_y > 0 and mark.radius < chart.baseline - chart.mark_y and 0 < mark.x < chart.width
        for mark in chart.marks
    )
    assert chart.marks[0].shape == "event" and chart.marks[0].x < chart.marks[1].x  # by the event's date
    assert chart.days[-1].summary == "Undated · 1 quote"
    assert [tick.label for tick in chart.ticks][0] == "2025-02-01"


def test_a_quote_across_two_paragraphs_is_marked_in_both_and_anchored_once():
    text = 'Byline here\n"We will stay,\nand we will build," she said.'
    quote = span(text, '"We will stay,\nand we will build,"')
    views = quote_views([{"id": "q1", "kind": "direct", "speaker": None, "content": quote}], {}, len(text))
    first, second = highlight(text, views, [(12, 26), (27, len(text))])
    assert "Byline" not in first + second
    assert first.count('id="q1"') == 1 and 'id="q1"' not in second
    assert 'data-quote="q1"' in second
