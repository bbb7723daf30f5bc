"""The corpus store, on SQLite and on a real PostgreSQL server: same calls, same answers."""

from __future__ import annotations

import hashlib

import pytest

from whosaidwhat.errors import QueryError
from whosaidwhat.store import open_store


def span(text: str, part: str) -> dict:
    start = text.index(part)
    return {"start": start, "end": start + len(part), "text": part}


def make_record(
    text: str,
    published: str | None,
    people: list[tuple[str, str, list[str]]],
    quotes: list[tuple[str, str, str]],
    events: list[tuple[str, str, list[str]]] = (),
) -> dict:
    """A contract record: people as (name, type, mentions), quotes as (speaker name, content, cue)."""
    entities = [
        {
            "id": f"e{i}",
            "name": name,
            "type": kind,
            "titles": [],
            "mentions": [span(text, m) for m in mentions],
        }
        for i, (name, kind, mentions) in enumerate(people, start=1)
    ]
    ids = {name: f"e{i}" for i, (name, _, _) in enumerate(people, start=1)}
    return {
        "schema": "whosaidwhat.article/1",
        "source": {
            "path": f"{abs(hash(text))}.txt",
            "format": "text",
            "sha256": hashlib.sha256(text.encode()).hexdigest(),
        },
        "language": "en",
        "headline": text.split(".")[0],
        "published": published,
        "updated": None,
        "authors": [],
        "agencies": [],
        "text": text,
        "paragraphs": [],
        "sections": [],
        "entities": entities,
        "quotes": [
            {
                "id": f"q{i}",
                "kind": "direct",
                "content": span(text, content),
                "speaker": ids.get(who),
                "source": None,
                "cue": span(text, cue),
                "addressee": None,
            }
            for i, (who, content, cue) in enumerate(quotes, start=1)
        ],
        "times": [],
        "figures": [],
        "events": [
            {
                "type": kind,
                "trigger": span(text, trigger),
                "who": [ids[w] for w in who],
                "whom": [],
                "where": [],
                "when": published,
            }
            for kind, trigger, who in events
        ],
        "main_event": None,
        "warnings": [],
    }


ONE = (
    'Harbour talks resume. Volodymyr Zelenskyy said: "We will rebuild the harbour bridge." '
    "Zelenskyy met Mark Rutte."
)
TWO = (
    'Grain deal signed. Zelensky said "the grain corridor stays open" and Rutte agreed. '
    'Trump said "tariffs are coming".'
)
THREE = (
    'Campaign notes. Donald Trump told supporters "we will win the harbour vote". '
    'Hillary Clinton said "voters deserve better".'
)

RECORDS = [
    make_record(
        ONE,
        "2024-03-01",
        [
            ("Volodymyr Zelenskyy", "PERSON", ["Volodymyr Zelenskyy", "Zelenskyy"]),
            ("Mark Rutte", "PERSON", ["Mark Rutte"]),
        ],
        [("Volodymyr Zelenskyy", '"We will rebuild the harbour bridge."', "said")],
        [("meeting", "met", ["Volodymyr Zelenskyy"])],
    ),
    make_record(
        TWO,
        "2024-05-10",
        [
            ("Zelensky", "PERSON", ["Zelensky"]),
            ("Rutte", "PERSON", ["Rutte"]),
            ("Trump", "PERSON", ["Trump"]),
        ],
        [("Zelensky", '"the grain corridor stays open"', "said"), ("Trump", '"tariffs are coming"', "said")],
    ),
    make_record(
        THREE,
        "2016-09-12",
        [("Donald Trump", "PERSON", ["Donald Trump"]), ("Hillary Clinton", "PERSON", ["Hillary Clinton"])],
        [
            ("Donald Trump", '"we will win the harbour vote"', "told"),
            ("Hillary Clinton", '"voters deserve better"', "said"),
        ],
    ),
]


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request, tmp_path):
    url = (
        str(tmp_path / "corpus.db") if request.param == "sqlite" else request.getfixturevalue("postgres_url")
    )
    with open_store(url) as opened:
        yield opened


@pytest.fixture
def corpus(store):
    for record in RECORDS:
        store.add(record)
    return store


def test_adding_the_same_content_twice_stores_it_once(store):
    first = store.add(RECORDS[0])
    again = store.add(RECORDS[0])
    assert first[1] is True and again == (first[0], False)
    assert store.counts()["articles"] == 1
    assert store.counts()["quotes"] == 1


def test_a_stored_article_comes_back_as_its_record(corpus):
    article_id = corpus.articles(q="grain")[0]["id"]
    shown = corpus.article(article_id)
    assert shown["text"] == TWO
    assert shown["source"]["sha256"] == RECORDS[1]["source"]["sha256"]
    assert [q["content"]["text"] for q in shown["quotes"]][0] == '"the grain corridor stays open"'
    assert corpus.article(10_000) is None


@pytest.mark.parametrize("name", ["Zelenskyy", "zelensky", "Volodymyr Zelenskyy", "ZELENSKIY"])
def test_spellings_of_one_person_find_all_their_quotes(corpus, name):
    contents = {row["content"] for row in corpus.quotes(speaker=name)}
    assert contents == {'"We will rebuild the harbour bridge."', '"the grain corridor stays open"'}
    assert {row["speaker"] for row in corpus.quotes(speaker=name)} == {"Volodymyr Zelenskyy"}


def test_a_bare_surname_joins_the_full_name(corpus):
    trump = corpus.person("Trump")
    assert trump["name"] == "Donald Trump"
    assert {row["content"] for row in corpus.quotes(speaker="donald trump")} == {
        '"tariffs are coming"',
        '"we will win the harbour vote"',
    }


def test_people_are_counted_once_across_articles(corpus):
    speakers = {row["name"]: row for row in corpus.speakers(top=10)}
    assert speakers["Volodymyr Zelenskyy"]["n_quotes"] == 2
    assert speakers["Volodymyr Zelenskyy"]["n_articles"] == 2
    assert speakers["Mark Rutte"]["n_articles"] == 2
    assert corpus.counts()["people"] == 4
    assert "Zelensky" in corpus.person("Zelenskyy")["aliases"]


def test_search_finds_quotes_by_their_words(corpus):
    assert [row["content"] for row in corpus.search("corridor")] == ['"the grain corridor stays open"']
    assert {row["speaker"] for row in corpus.search("harbour")} == {"Volodymyr Zelenskyy", "Donald Trump"}
    assert [row["speaker"] for row in corpus.search("harbour -bridge")] == ["Donald Trump"]
    assert len(corpus.search("bridge OR tariffs")) == 2
    assert corpus.search("U.S.") == []


def test_an_or_joins_only_its_two_neighbours_in_every_backend(corpus):
    """An OR between words joins those two alone: (a or b) and c, whatever the store."""
    assert [row["content"] for row in corpus.search("bridge OR tariffs coming")] == ['"tariffs are coming"']
    assert [row["content"] for row in corpus.search("win OR harbour bridge")] == [
        '"We will rebuild the harbour bridge."'
    ]
    assert [row["content"] for row in corpus.search('"harbour vote" OR corridor -grain')] == [
        '"we will win the harbour vote"'
    ]


@pytest.mark.parametrize("bad", ['"unclosed phrase', "   ", "-only -excluded"])
def test_a_malformed_search_is_a_query_error(corpus, bad):
    with pytest.raises(QueryError):
        corpus.search(bad)


def test_quotes_filter_by_date_and_topic(corpus):
    assert [r["content"] for r in corpus.quotes(speaker="Trump", since="2020-01-01")] == [
        '"tariffs are coming"'
    ]
    assert [r["content"] for r in corpus.quotes(speaker="Trump", until="2020-01-01")] == [
        '"we will win the harbour vote"'
    ]
    assert [r["content"] for r in corpus.quotes(speaker="Zelenskyy", about="bridge")] == [
        '"We will rebuild the harbour bridge."'
    ]
    assert corpus.quotes(speaker="Nobody Known") == []
    with pytest.raises(QueryError):
        corpus.quotes(since="last tuesday")


def test_timeline_holds_quotes_and_events_in_date_order(corpus):
    rows = corpus.timeline("Zelenskyy")
    assert [row["row"] for row in rows] == ["quote", "event", "quote"]
    assert [row["published"] for row in rows] == ["2024-03-01", "2024-03-01", "2024-05-10"]
    assert rows[1]["trigger"] == "met"


def test_failures_are_listed_once_each(store):
    store.add_failure("a.warc.gz", "truncated")
    store.add_failure("a.warc.gz", "truncated")
    store.add_failure("b.html", "no article text")
    assert [(f["path"], f["reason"]) for f in store.failures()] == [
        ("a.warc.gz", "truncated"),
        ("b.html", "no article text"),
    ]
    assert store.counts()["failures"] == 2


@pytest.mark.postgres
def test_a_corpus_copied_to_postgresql_answers_every_query_alike(tmp_path, postgres_url):
    with open_store(str(tmp_path / "corpus.db")) as sqlite, open_store(postgres_url) as postgres:
        for record in RECORDS:
            sqlite.add(record)
        sqlite.copy_to(postgres)
        for store in (sqlite, postgres):
            store.add(
                make_record(
                    'Late news. Rutte said "talks go on".',
                    "2024-06-01",
                    [("Mark Rutte", "PERSON", ["Rutte"])],
                    [("Mark Rutte", '"talks go on"', "said")],
                )
            )
        assert sqlite.counts() == postgres.counts()
        assert sqlite.speakers() == postgres.speakers()
        for name in ("Rutte", "Zelensky", "Trump"):
            assert sqlite.quotes(speaker=name) == postgres.quotes(speaker=name)
            assert sqlite.timeline(name) == postgres.timeline(name)
        found = [sorted(r["quote_id"] for r in s.search("harbour OR talks")) for s in (sqlite, postgres)]
        assert found[0] == found[1] and len(found[0]) == 3  # the same quotes; each backend ranks its own way
        assert sqlite.article(1) == postgres.article(1)


def quoted(name: str, words: str, published: str) -> dict:
    """The record of an article in which ``name`` says ``words``."""
    text = f'{name} said "{words}".'
    return make_record(text, published, [(name, "PERSON", [name])], [(name, f'"{words}"', "said")])


@pytest.mark.parametrize("order", [1, -1])
def test_a_person_is_shown_by_the_name_without_initials_whatever_came_first(store, order):
    records = [
        quoted("Donald J. Trump", "the wall works", "2016-10-01"),
        quoted("Donald Trump", "the polls are rigged", "2016-10-02"),
    ]
    for record in records[::order]:
        store.add(record)
    assert [row["name"] for row in store.speakers(top=5)] == ["Donald Trump"]
    assert store.person("Trump")["aliases"] == ["Donald J. Trump"]


SPEECH = (
    "Port reopens. Mark Rutte said in Kyiv last month that the port would reopen. "
    'Rutte said "the ships are back".'
)


def record_with_quote_times() -> dict:
    """A record of 2024-06-20 whose first quote was said in May, in Kyiv."""
    record = make_record(
        SPEECH,
        "2024-06-20",
        [("Mark Rutte", "PERSON", ["Mark Rutte", "Rutte"]), ("Kyiv", "GPE", ["Kyiv"])],
        [("Mark Rutte", "the port would reopen", "said"), ("Mark Rutte", '"the ships are back"', "said")],
    )
    first, second = record["quotes"]
    first["when"], first["where"] = {"value": "2024-05", "basis": "text"}, "e2"
    second["when"], second["where"] = {"value": "2024-06-20", "basis": "published"}, None
    return record


def test_quotes_are_filed_by_the_day_they_were_said(store):
    store.add(record_with_quote_times())
    said = {row["content"]: row for row in store.quotes(speaker="Rutte")}
    assert said["the port would reopen"]["said_on"] == "2024-05-01"
    assert said["the port would reopen"]["place"] == "Kyiv"
    assert said['"the ships are back"']["said_on"] == "2024-06-20"
    assert said['"the ships are back"']["place"] is None
    assert [r["content"] for r in store.quotes(speaker="Rutte", until="2024-05-31")] == [
        "the port would reopen"
    ]
    assert [r["content"] for r in store.quotes(speaker="Rutte", since="2024-06-01")] == [
        '"the ships are back"'
    ]
    assert [r["said_on"] for r in store.timeline("Rutte")] == ["2024-05-01", "2024-06-20"]


def test_a_corpus_of_an_earlier_schema_gains_quote_days(tmp_path):
    """Quotes stored before quotes had days of their own are filed under their article's date."""
    import sqlite3

    from whosaidwhat.store.schema import SQLITE_MIGRATIONS, split_statements

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    for statement in split_statements(SQLITE_MIGRATIONS[0]):
        conn.execute(statement)
    conn.execute(
        "INSERT INTO articles (sha256, headline, published, text, record, added_at) "
        "VALUES ('x', 'Old', '2016-09-12', 'Old text.', '{}', '2024-01-01')"
    )
    conn.execute(
        "INSERT INTO quotes (article_id, published, kind, content, start_char, end_char) "
        "VALUES (1, '2016-09-12', 'direct', 'We will win.', 0, 12)"
    )
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    with open_store(str(path)) as store:
        assert [row["said_on"] for row in store.quotes(since="2016-09-01")] == ["2016-09-12"]
        store.add(record_with_quote_times())
        assert store.counts()["quotes"] == 3


def test_quotes_of_an_earlier_schema_are_numbered_as_in_their_record(tmp_path):
    """Quotes stored before their record ids were kept get q1, q2, ... in the order they were stored."""
    import sqlite3

    from whosaidwhat.store.schema import SQLITE_MIGRATIONS, split_statements

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    for script in SQLITE_MIGRATIONS[:2]:
        for statement in split_statements(script):
            conn.execute(statement)
    for article in (1, 2):
        conn.execute(
            "INSERT INTO articles (sha256, headline, text, record, added_at) "
            f"VALUES ('x{article}', 'Old', 'Old text.', '{{}}', '2024-01-01')"
        )
    for article, content in ((1, "One."), (2, "Two."), (1, "Three.")):
        conn.execute(
            "INSERT INTO quotes (article_id, kind, content, start_char, end_char) "
            f"VALUES ({article}, 'direct', '{content}', 0, 4)"
        )
    conn.execute("PRAGMA user_version = 2")
    conn.commit()
    conn.close()
    with open_store(str(path)) as store:
        keys = {row["content"]: (row["article_id"], row["quote_key"]) for row in store.quotes()}
    assert keys == {"One.": (1, "q1"), "Two.": (2, "q1"), "Three.": (1, "q2")}


def test_an_id_beyond_any_engine_finds_nobody(corpus):
    assert corpus.person(str(2**63)) is None
    assert corpus.quotes(speaker="99999999999999999999999") == []


def test_a_name_of_digits_that_are_not_ascii_finds_nobody(corpus):
    assert corpus.person("¹") is None
    assert corpus.quotes(speaker="²³") == []
