"""Who gets quoted: the overview's figures against SQL written here by hand, its page, and its CSVs.

The corpus holds short articles written for these tests (two outlets, two months, women and
men named with and without honorifics, an organisation and an unnamed source) and, when
``../shared`` is present, the seed article as the pipeline reads it.
"""

from __future__ import annotations

import csv
import hashlib
import io

import pytest
from fastapi.testclient import TestClient

from whosaidwhat.names import given_name_gender
from whosaidwhat.record import ArticleRecord
from whosaidwhat.service.app import create_app
from whosaidwhat.store import open_store
from whosaidwhat.store.base import outlet_of, stated_genders

FERRY = """Ferry timetable changes in spring
Mrs Grace Holm said the morning ferry would leave earlier from April.
"We listened to commuters," she said.
"Fares stay the same," the Ferry Board said in a statement.
"Nobody asked us," one commuter said.
"""

MARKET = """Market hall to close for a month
Jonas Berg told traders the roof needed work.
"It will be worth the wait," Berg said.
"""

SCHOOL = """School opens a new library
Principal Olga Dahl opened the library on Monday.
"Books first," Dahl said.
"""


def spans(text: str, *pieces: str) -> list[dict]:
    found = []
    for piece in pieces:
        start = text.index(piece)
        found.append({"start": start, "end": start + len(piece), "text": piece})
    return found


def record(text: str, url: str | None, published: str, entities: list[dict], quotes: list[dict]) -> dict:
    return ArticleRecord(
        source={
            "path": None,
            "url": url,
            "format": "html",
            "sha256": hashlib.sha256(text.encode()).hexdigest(),
        },
        headline=text.splitlines()[0],
        published=published,
        text=text,
        paragraphs=spans(text, *text.splitlines()[1:]),
        entities=entities,
        quotes=quotes,
    ).to_dict()


def quote(text: str, number: int, content: str, speaker: str | None) -> dict:
    return {"id": f"q{number}", "kind": "direct", "content": spans(text, content)[0], "speaker": speaker}


def written_records() -> list[dict]:
    ferry = record(
        FERRY,
        "https://www.harbour-news.example/ferry",
        "2025-03-02",
        [
            {
                "id": "e1",
                "name": "Grace Holm",
                "type": "PERSON",
                "mentions": spans(FERRY, "Mrs Grace Holm", "she"),
            },
            {"id": "e2", "name": "Ferry Board", "type": "ORG", "mentions": spans(FERRY, "Ferry Board")},
        ],
        [
            quote(FERRY, 1, "the morning ferry would leave earlier from April", "e1"),
            quote(FERRY, 2, "We listened to commuters,", "e1"),
            quote(FERRY, 3, "Fares stay the same,", "e2"),
            quote(FERRY, 4, "Nobody asked us,", None),
        ],
    )
    market = record(
        MARKET,
        "https://harbour-news.example/market",
        "2025-04-11",
        [
            {
                "id": "e1",
                "name": "Jonas Berg",
                "type": "PERSON",
                "mentions": spans(MARKET, "Jonas Berg", "Berg said"),
            }
        ],
        [
            quote(MARKET, 1, "the roof needed work", "e1"),
            quote(MARKET, 2, "It will be worth the wait,", "e1"),
        ],
    )
    school = record(
        SCHOOL,
        "https://valley-daily.example/school",
        "2025-04-20",
        [{"id": "e1", "name": "Olga Dahl", "type": "PERSON", "mentions": spans(SCHOOL, "Olga Dahl")}],
        [quote(SCHOOL, 1, "Books first,", "e1")],
    )
    return [ferry, market, school]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, request) -> str:
    path = str(tmp_path_factory.mktemp("overview") / "corpus.db")
    records = written_records()
    seed = request.config.rootpath.parent / "shared" / "golden" / "seed.txt"
    if seed.exists():
        from whosaidwhat.extract import extract
        from whosaidwhat.readers import read_path

        records.append(extract(read_path(str(seed)), request.getfixturevalue("nlp")).to_dict())
    with open_store(path) as store:
        store.add_many(records)
    return path


@pytest.fixture(scope="module")
def client(corpus):
    with TestClient(create_app(corpus)) as client:
        yield client


def by_hand(corpus: str, sql: str, params: tuple = ()) -> list[tuple]:
    import sqlite3

    with sqlite3.connect(corpus) as conn:
        return conn.execute(sql, params).fetchall()


def test_an_outlet_is_the_host_of_the_url():
    assert outlet_of("https://www.Harbour-News.example/a?b=1") == "harbour-news.example"
    assert outlet_of(None) is None


def test_the_text_states_a_gender_by_honorific_pronoun_or_role_noun_never_by_name():
    text = "Mrs Lee spoke. Tom Ray spoke. The spokesman Ali Kaya said she was wrong, he said."
    entities = [
        {"id": "e1", "name": "Ann Lee", "type": "PERSON", "mentions": spans(text, "Mrs Lee")},
        {"id": "e2", "name": "Tom Ray", "type": "PERSON", "mentions": spans(text, "Tom Ray")},
        {
            "id": "e3",
            "name": "Ali Kaya",
            "type": "PERSON",
            "titles": ["spokesman"],
            "mentions": spans(text, "she"),
        },
    ]
    assert stated_genders({"entities": entities}) == {"e1": "female"}, "a spokesman called she states nothing"


@pytest.mark.parametrize("scope", [{}, {"outlet": "harbour-news.example"}, {"period": "2025-04"}])
def test_overview_figures_match_sql_written_by_hand(client, corpus, scope):
    assert_figures_match_sql(client, corpus, scope)


@pytest.mark.slow
def test_overview_of_polnear_dev_and_the_seed_matches_sql_written_by_hand(
    polnear_dir, shared_dir, nlp, tmp_path
):
    from whosaidwhat.extract import extract_many
    from whosaidwhat.readers import Article, iter_articles

    path = str(tmp_path / "polnear.db")
    inputs = [str(polnear_dir / "dev" / "text"), str(shared_dir / "golden" / "seed.txt")]
    with open_store(path) as store:
        articles = [item for item in iter_articles(inputs) if isinstance(item, Article)]
        store.add_many(record.to_dict() for record in extract_many(articles, nlp))
    with TestClient(create_app(path)) as client:
        figures = client.get("/api/overview").json()
        assert figures["quotes"] > 100
        for scope in [{}, *({"period": row["period"]} for row in figures["periods"])]:
            assert_figures_match_sql(client, path, scope)


def assert_figures_match_sql(client, corpus: str, scope: dict) -> None:
    figures = client.get("/api/overview", params=scope).json()
    conditions, params = ["1 = 1"], []
    if "outlet" in scope:
        conditions.append("a.outlet = ?")
        params.append(scope["outlet"])
    if "period" in scope and scope["period"] == "undated":
        conditions.append("q.published IS NULL")
    elif "period" in scope:
        conditions.append("q.published LIKE ?")
        params.append(scope["period"] + "-%")
    where = " AND ".join(conditions)
    base = (
        "FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN people p ON p.id = q.person_id "
        f"WHERE {where}"
    )

    [(total,)] = by_hand(corpus, f"SELECT count(*) {base}", tuple(params))
    assert figures["quotes"] == total

    kinds = {row["kind"]: row["quotes"] for row in figures["speakers"]}
    [(unnamed, org, female, male)] = by_hand(
        corpus,
        "SELECT sum(q.person_id IS NULL), sum(p.type IS NOT NULL AND p.type != 'PERSON'), "
        "sum(p.type = 'PERSON' AND q.speaker_gender = 'female'), "
        f"sum(p.type = 'PERSON' AND q.speaker_gender = 'male') {base}",
        tuple(params),
    )
    assert (kinds["unnamed"], kinds["not_person"]) == (unnamed or 0, org or 0)
    assert (kinds["female_stated"], kinds["male_stated"]) == (female or 0, male or 0)
    guessed = {"female": 0, "male": 0, None: 0}
    for first, n in by_hand(
        corpus,
        f"SELECT p.first, count(*) {base} AND p.type = 'PERSON' AND q.speaker_gender IS NULL GROUP BY p.id",
        tuple(params),
    ):
        guessed[given_name_gender(first)[0] if first else None] += n
    assert (kinds["female_guessed"], kinds["male_guessed"], kinds["person_unknown"]) == (
        guessed["female"],
        guessed["male"],
        guessed[None],
    )
    assert sum(kinds.values()) == total

    people = by_hand(
        corpus,
        f"SELECT p.name, count(*) AS n {base} AND p.type = 'PERSON' "
        "GROUP BY p.id ORDER BY n DESC, p.name LIMIT 10",
        tuple(params),
    )
    assert [(row["name"], row["quotes"]) for row in figures["people"]] == people

    outlets = by_hand(
        corpus,
        "SELECT coalesce(a.outlet, '(no address)') AS o, count(*), sum(q.person_id IS NULL) "
        f"{base} GROUP BY o",
        tuple(params),
    )
    assert sorted((row["outlet"], row["quotes"], row["unnamed"]) for row in figures["outlets"]) == sorted(
        outlets
    )
    months = by_hand(
        corpus,
        f"SELECT coalesce(substr(q.published, 1, 7), 'undated') AS m, count(*) {base} GROUP BY m ORDER BY m",
        tuple(params),
    )
    assert [(row["period"], row["quotes"]) for row in figures["periods"]] == months


@pytest.mark.postgres
def test_a_postgresql_corpus_gives_the_same_overview(client, postgres_url):
    with open_store(postgres_url) as store:
        store.add_many(written_records())
    with TestClient(create_app(postgres_url)) as postgres:
        for scope in ({"outlet": "harbour-news.example"}, {"period": "2025-04"}):
            assert (
                postgres.get("/api/overview", params=scope).json()
                == client.get("/api/overview", params=scope).json()
            )


def test_the_written_articles_give_the_expected_figures(client):
    figures = client.get("/api/overview", params={"outlet": "harbour-news.example"}).json()
    kinds = {row["kind"]: (row["quotes"], row["basis"]) for row in figures["speakers"]}
    assert kinds["female_stated"] == (2, "stated in the text")
    assert kinds["male_guessed"] == (2, "guessed from the first name")
    assert (kinds["unnamed"][0], kinds["not_person"][0]) == (1, 1)
    assert [row["name"] for row in figures["organisations"]] == ["Ferry Board"]
    assert [(row["period"], row["quotes"]) for row in figures["periods"]] == [("2025-03", 4), ("2025-04", 2)]
    assert figures["outlets"][0]["unnamed_share"] == round(1 / 6, 4)


def test_overview_page_draws_a_chart_beside_each_table_and_labels_guesses(client):
    html = client.get("/overview").text
    assert html.count('<svg class="bars"') == html.count('<table class="rows">') == 5
    assert "style=" not in html and "<script" not in html
    assert "Likely women" in html and "guessed from the first name" in html
    assert 'href="/overview?outlet=harbour-news.example"' in html


def test_every_table_downloads_as_csv(client):
    for name in ("speakers", "people", "organisations", "outlets", "periods"):
        response = client.get(f"/overview/{name}.csv", params={"outlet": "harbour-news.example"})
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/csv")
        rows = list(csv.reader(io.StringIO(response.text)))
        assert len(rows) > 1, name
    outlets = list(csv.DictReader(io.StringIO(client.get("/overview/outlets.csv").text)))
    assert {row["Outlet"]: row["Quotes"] for row in outlets if row["Outlet"] != "(no address)"} == {
        "harbour-news.example": "6",
        "valley-daily.example": "1",
    }


def test_search_results_download_as_csv_with_their_permalinks(client):
    rows = list(csv.DictReader(io.StringIO(client.get("/search.csv", params={"q": "wait"}).text)))
    assert [(row["speaker"], row["content"]) for row in rows] == [
        ("Jonas Berg", "It will be worth the wait,")
    ]
    assert rows[0]["link"].endswith("#q2")
    assert 'href="/search.csv?q=wait"' in client.get("/search", params={"q": "wait"}).text


def test_csv_cells_that_a_spreadsheet_would_run_as_formulas_are_kept_as_text():
    from whosaidwhat.service.overview import csv_chunks

    text = "".join(csv_chunks([["content", "n"], ['=HYPERLINK("http://evil.example")', -3], ["@once", 2]]))
    rows = list(csv.reader(io.StringIO(text)))
    assert rows == [["content", "n"], ['\'=HYPERLINK("http://evil.example")', "-3"], ["'@once", "2"]]


def test_a_csv_download_longer_than_one_chunk_arrives_whole_and_in_order():
    """The file is written and sent a chunk of rows at a time: every row arrives once, in order,
    a quote with a line break and a comma inside one cell still."""
    from whosaidwhat.service.overview import CSV_ROWS_PER_CHUNK, csv_chunks

    rows = [["n", "content"]] + [[n, f"line one, {n}\nline two"] for n in range(2 * CSV_ROWS_PER_CHUNK + 7)]
    chunks = list(csv_chunks(rows))
    assert len(chunks) == 3
    assert list(csv.reader(io.StringIO("".join(chunks)))) == [[str(cell) for cell in row] for row in rows]


def namesakes_records() -> list[dict]:
    """Four women called Anna, none said to be a woman, each quoted once, beside an unnamed source."""
    records = []
    for surname in ("Holm", "Berg", "Dahl", "Lund"):
        text = (
            f'Anna {surname} speaks\n"The pier is open," Anna {surname} said.\n"So it is," a sailor said.\n'
        )
        entities = [
            {
                "id": "e1",
                "name": f"Anna {surname}",
                "type": "PERSON",
                "mentions": spans(text, f"Anna {surname} said"),
            }
        ]
        quotes = [quote(text, 1, "The pier is open,", "e1"), quote(text, 2, "So it is,", None)]
        records.append(record(text, "https://pier.example/a", "2025-05-01", entities, quotes))
    return records


def test_the_store_counts_speakers_by_kind_and_first_name_not_per_person(tmp_path, monkeypatch):
    from whosaidwhat.service import quoted

    with open_store(str(tmp_path / "c.db")) as store:
        store.add_many(namesakes_records())
        counts = store.overview()
    rows = [(row["kind"], row["speaker_gender"], row["first"], row["quotes"]) for row in counts["speakers"]]
    assert rows == [("person", None, "anna", 4), ("unnamed", None, None, 4)]
    guessed = []
    monkeypatch.setattr(
        quoted, "given_name_gender", lambda name: guessed.append(name) or given_name_gender(name)
    )
    kinds = {row["kind"]: row["quotes"] for row in quoted.figures(counts)["speakers"]}
    assert (kinds["female_guessed"], kinds["unnamed"]) == (4, 4)
    assert guessed == ["anna"], "one guess per first name"


def test_an_overview_past_its_time_limit_is_stopped_with_a_reason(tmp_path, monkeypatch):
    from whosaidwhat.errors import QueryError
    from whosaidwhat.store import overview, sqlite

    monkeypatch.setattr(overview, "OVERVIEW_SECONDS", 0.0)
    monkeypatch.setattr(sqlite, "PROGRESS_STEPS", 1)
    with open_store(str(tmp_path / "c.db")) as store:
        store.add_many(namesakes_records())
        with pytest.raises(QueryError, match="overview .* was stopped"):
            store.overview()
        assert store.counts()["quotes"] == 8, "the store answers again once the overview is stopped"
