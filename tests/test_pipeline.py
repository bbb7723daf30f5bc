"""The spaCy pipeline: model choice, paragraph breaks, and chunked analysis of long articles."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
import spacy
from spacy.tokens import DocBin
from test_quotes import quotes_of

from whosaidwhat.errors import ModelNotFound
from whosaidwhat.nlp import analyse, load
from whosaidwhat.nlp.extensions import results
from whosaidwhat.nlp.pipeline import COMPONENTS, DEFAULT_MODEL, chunk_bounds, resolve_model_name
from whosaidwhat.nlp.syntax import doc_text

ARTICLES = [
    '"We will rebuild the bridge," Mayor Anna Lindqvist said on Monday.\n'
    "She told reporters that the work would cost $2 million and take two years.",
    "NATO chief Mark Rutte visited Kyiv on Thursday. Rutte said Ukraine would join the alliance.",
    "Nothing was said here.",
]


def test_components_follow_the_models_own(nlp):
    names = nlp.pipe_names
    assert names.index("whosaidwhat_paragraph_breaks") < names.index("parser")
    assert [n for n in names if n in COMPONENTS] == list(COMPONENTS)


def test_unknown_model_is_a_one_line_error():
    with pytest.raises(ModelNotFound, match="'no_such_pipeline' is not installed"):
        load("no_such_pipeline")


def test_line_break_starts_a_sentence(nlp):
    doc = analyse(nlp, "What the minister said\nThe minister spoke on Monday.")
    starts = [sent.text.strip() for sent in doc.sents]
    assert starts[0] == "What the minister said"


def test_doubled_apostrophes_mark_quotations_within_sentences(nlp):
    text = "''Why wait?'' she asked the board.\n''Stop!'' he shouted back."
    doc = analyse(nlp, text)
    assert [sent.text.strip() for sent in doc.sents] == [
        "''Why wait?'' she asked the board.",
        "''Stop!'' he shouted back.",
    ]


def test_a_question_closed_by_doubled_apostrophes_keeps_its_speaker(nlp):
    text = (
        "''Do you want the firm looking at your posts?'' said Mara Tell, a professor at the university. "
        "''Was I going to stay in the lab?'' he told me."
    )
    quotes = [(q["content"], q["cue"]) for q in quotes_of(nlp, text)]
    assert quotes == [
        ("Do you want the firm looking at your posts?", "said"),
        ("Was I going to stay in the lab?", "told"),
    ]


@pytest.mark.parametrize("limit", [10, 25, 1000])
def test_chunks_cover_the_text_exactly(limit):
    text = "First paragraph here.\nSecond one, a little longer.\n\nThird.\n" * 3
    bounds = chunk_bounds(text, limit=limit)
    assert "".join(text[s:e] for s, e in bounds) == text
    assert all(e - s <= limit for s, e in bounds)


def test_long_article_keeps_offsets(nlp, monkeypatch):
    monkeypatch.setattr("whosaidwhat.nlp.pipeline.CHUNK_CHARS", 200)
    text = "".join(f"Paragraph {i} says the council met in Paris on Monday.\n" for i in range(40))
    assert len(chunk_bounds(text, 200)) > 10
    doc = analyse(nlp, text)
    assert doc.text == text
    assert doc_text(doc) is text  # the input kept, not joined again from the stitched chunks' tokens
    assert len(list(doc.sents)) >= 40
    paris = [ent for ent in doc.ents if ent.text == "Paris"]
    assert len(paris) == 40
    assert all(text[ent.start_char : ent.end_char] == "Paris" for ent in paris)


ADD_BY_NAME = """
import sys, spacy
nlp = spacy.load(sys.argv[1])
for name in {components!r}:
    nlp.add_pipe(name)
doc = nlp('"We will win," the minister said.')
print(doc._.wsw_quotes[0]["kind"])
"""


def test_components_load_by_name_in_plain_spacy():
    """spaCy finds the factories through the package's entry points, with no import of ours."""
    script = ADD_BY_NAME.format(components=COMPONENTS)
    model = resolve_model_name(DEFAULT_MODEL)
    result = subprocess.run([sys.executable, "-c", script, model], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["direct"]


def as_json(value):
    """``value`` as a JSON reader sees it: a Doc's results may come back with lists for tuples."""
    return json.loads(json.dumps(value))


def test_results_survive_a_docbin_round_trip(nlp):
    doc = analyse(nlp, ARTICLES[0], published="2024-10-03")
    stored = DocBin(store_user_data=True, docs=[doc]).to_bytes()
    [restored] = DocBin().from_bytes(stored).get_docs(nlp.vocab)
    assert restored._.wsw_quotes and restored._.wsw_entities and restored._.wsw_figures
    assert as_json(results(restored)) == as_json(results(doc))


def test_two_processes_find_what_one_finds(nlp):
    alone = [as_json(results(doc)) for doc in nlp.pipe(ARTICLES)]
    shared = [as_json(results(doc)) for doc in nlp.pipe(ARTICLES, n_process=2)]
    assert shared == alone
    assert [len(found["quotes"]) for found in alone] == [2, 1, 0]


@spacy.registry.misc("tests.saying_only.v1")
def saying_only() -> dict[str, frozenset[str]]:
    return {"say": frozenset({"ccomp"})}


def test_quote_settings_come_from_the_config_and_are_saved_with_the_pipeline(tmp_path):
    nlp = spacy.load(resolve_model_name(DEFAULT_MODEL))
    nlp.add_pipe("whosaidwhat_quotes", config={"reporting_verbs": {"@misc": "tests.saying_only.v1"}})
    text = "The mayor vowed to rebuild the bridge. She said the work would start in May."
    assert [text[slice(*q["content"])] for q in nlp(text)._.wsw_quotes] == ["the work would start in May"]
    nlp.to_disk(tmp_path)
    reloaded = spacy.load(tmp_path)
    assert reloaded.get_pipe("whosaidwhat_quotes").reporting_verbs == saying_only()
    assert as_json(reloaded(text)._.wsw_quotes) == as_json(nlp(text)._.wsw_quotes)


def pipeline_with(entities: dict, events: dict):
    nlp = spacy.load(resolve_model_name(DEFAULT_MODEL))
    nlp.add_pipe("whosaidwhat_entities", config=entities)
    nlp.add_pipe("whosaidwhat_times")
    nlp.add_pipe("whosaidwhat_events", config=events)
    return nlp


@pytest.mark.parametrize(
    ("window", "narrative", "rutte_mentions", "met_when"),
    [(2, 1, 2, "2024-10-03"), (0, 0, 1, None)],
)
def test_thresholds_are_config_settings(window, narrative, rutte_mentions, met_when):
    nlp = pipeline_with({"paragraph_window": window}, {"narrative_paragraphs": narrative})
    text = "Mark Rutte arrived in Kyiv on October 3, 2024.\nLater he met soldiers at the front."
    doc = nlp(text)
    [rutte] = [entity for entity in doc._.wsw_entities if entity["name"] == "Mark Rutte"]
    [met] = [event for event in doc._.wsw_events if text[slice(*event["trigger"])] == "met"]
    assert (len(rutte["mentions"]), met["when"]) == (rutte_mentions, met_when)


def test_analysis_declares_no_missing_attributes(nlp):
    assert not any(nlp.analyze_pipes(pretty=False)["problems"].values())


WARMED = """
from whosaidwhat.names import given_name_gender
from whosaidwhat.nlp import load
from whosaidwhat.nlp.gazetteer import places
from whosaidwhat.nlp.time_values import parser_for
load()
print(places.cache_info().currsize, given_name_gender.cache_info().currsize > 0)
print(parser_for.cache_info().currsize)
"""


def test_loading_the_pipeline_reads_its_tables_before_the_first_article():
    result = subprocess.run([sys.executable, "-c", WARMED], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["1", "True", "1"]
