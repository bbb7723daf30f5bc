"""Very long articles: analysed in sections, their results merged into one article's."""

from __future__ import annotations

import pytest

from whosaidwhat.extract import extract
from whosaidwhat.nlp.long_texts import merged, section_paragraphs, shifted
from whosaidwhat.readers import read_bytes

PARAGRAPHS = [
    "Mark Rutte, the NATO Secretary General, arrived in Kyiv on Thursday.",
    '"We stand with Ukraine," Rutte told reporters.',
    "The Ukrainian president, Volodymyr Zelenskyy, asked for more air defence.",
    '"We need more systems," Zelenskyy said.',
    "Rutte promised that allies would deliver nearly $8 billion.",
    '"Ukraine will get what it needs," Rutte said.',
]


def long_article(repeats: int) -> str:
    body = "\n\n".join(PARAGRAPHS * repeats)
    return f"NATO chief visits Kyiv\n\nPublished October 3, 2024\n\n{body}\n"


def test_sections_cut_between_paragraphs_and_are_counted_from_their_start():
    paragraphs = [(0, 10), (12, 30), (32, 50)]
    assert section_paragraphs(paragraphs, 12, 31) == [(0, 18)]
    assert section_paragraphs(paragraphs, 31, 60) == [(1, 19)]
    assert section_paragraphs(None, 0, 10) is None


def test_merging_makes_one_person_of_a_full_name_and_a_lone_surname():
    first = {
        "entities": [
            {
                "id": "e1",
                "name": "Mark Rutte",
                "type": "PERSON",
                "titles": ["NATO chief"],
                "mentions": [(0, 10)],
            }
        ],
        "quotes": [
            {
                "kind": "direct",
                "content": (20, 30),
                "speaker": "e1",
                "source": (0, 10),
                "cue": (12, 16),
                "addressee": None,
            }
        ],
        "times": [],
        "figures": [],
        "events": [],
        "main_event": {"type": "visit", "who": ["e1"], "whom": [], "where": [], "when": None, "phrases": {}},
    }
    second = {
        "entities": [
            {"id": "e1", "name": "Kyiv", "type": "GPE", "titles": [], "mentions": [(0, 4)]},
            {"id": "e2", "name": "Rutte", "type": "PERSON", "titles": [], "mentions": [(10, 15)]},
        ],
        "quotes": [
            {
                "kind": "direct",
                "content": (20, 30),
                "speaker": "e2",
                "source": (10, 15),
                "cue": (16, 20),
                "addressee": "e1",
            }
        ],
        "times": [{"start": 1, "end": 5, "value": "2024-10-03"}],
        "figures": [],
        "events": [
            {"type": "visit", "trigger": (5, 9), "who": ["e2"], "whom": [], "where": ["e1"], "when": None}
        ],
        "main_event": None,
    }
    results = merged([shifted(first, 0), shifted(second, 100)])
    assert [(e["id"], e["name"], e["mentions"]) for e in results["entities"]] == [
        ("e1", "Mark Rutte", [(0, 10), (110, 115)]),
        ("e2", "Kyiv", [(100, 104)]),
    ]
    assert [(q["speaker"], q["addressee"], q["content"]) for q in results["quotes"]] == [
        ("e1", None, (20, 30)),
        ("e1", "e2", (120, 130)),
    ]
    assert results["events"][0] == {
        "type": "visit",
        "trigger": (105, 109),
        "who": ["e1"],
        "whom": [],
        "where": ["e2"],
        "when": None,
    }
    assert results["times"] == [{"start": 101, "end": 105, "value": "2024-10-03"}]
    assert results["main_event"]["who"] == ["e1"]


def test_one_section_is_left_as_it_is():
    results = {
        "entities": [
            {"id": "e1", "name": "Clinton", "type": "PERSON", "titles": [], "mentions": [(0, 7)]},
            {"id": "e2", "name": "Clinton", "type": "PERSON", "titles": ["Mrs."], "mentions": [(20, 27)]},
        ],
        "quotes": [],
        "times": [],
        "figures": [],
        "events": [],
        "main_event": None,
    }
    assert merged([shifted(results, 0)]) is results


@pytest.fixture
def small_sections(monkeypatch):
    monkeypatch.setattr("whosaidwhat.nlp.pipeline.SECTION_CHARS", 600)


def test_a_long_article_reads_as_one_article(nlp, small_sections):
    text = long_article(repeats=4)
    record = extract(read_bytes(text.encode(), path="long.txt"), nlp)
    people = {e.name: e for e in record.entities if e.type == "PERSON"}
    assert set(people) == {"Mark Rutte", "Volodymyr Zelenskyy"}
    rutte, zelenskyy = people["Mark Rutte"], people["Volodymyr Zelenskyy"]
    assert all(text[m.start : m.end] == m.text for e in record.entities for m in e.mentions)
    assert sum(m.text == "Mark Rutte" for m in rutte.mentions) == 4
    quotes = [(q.content.text, q.speaker) for q in record.quotes if q.kind == "direct"]
    assert (
        quotes
        == [
            ("We stand with Ukraine", rutte.id),
            ("We need more systems", zelenskyy.id),
            ("Ukraine will get what it needs", rutte.id),
        ]
        * 4
    )
    assert all(text[q.content.start : q.content.end] == q.content.text for q in record.quotes)
    assert [t.value for t in record.times if t.text == "Thursday"] == ["2024-10-03"] * 4
    assert len([f for f in record.figures if f.text.endswith("$8 billion")]) == 4
    kyiv = next(e for e in record.entities if e.name == "Kyiv")
    assert len([m for m in kyiv.mentions if m.text == "Kyiv"]) == 4


def test_sections_give_the_same_quotes_as_one_doc(nlp, small_sections, monkeypatch):
    text = long_article(repeats=3)
    article = read_bytes(text.encode(), path="long.txt")
    in_sections = extract(article, nlp)
    monkeypatch.setattr("whosaidwhat.nlp.pipeline.SECTION_CHARS", 10_000_000)
    whole = extract(article, nlp)

    def who_said_what(record):
        names = {e.id: e.name for e in record.entities}
        return [(q.kind, q.content.start, q.content.end, names.get(q.speaker)) for q in record.quotes]

    assert who_said_what(in_sections) == who_said_what(whole)
    assert [(t.start, t.value) for t in in_sections.times] == [(t.start, t.value) for t in whole.times]
