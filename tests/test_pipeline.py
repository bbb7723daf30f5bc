"""The spaCy pipeline: model choice, paragraph breaks, and chunked analysis of long articles."""

from __future__ import annotations

import subprocess
import sys

import pytest

from whosaidwhat.errors import ModelNotFound
from whosaidwhat.nlp import analyse, load
from whosaidwhat.nlp.pipeline import COMPONENTS, DEFAULT_MODEL, chunk_bounds, resolve_model_name


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
