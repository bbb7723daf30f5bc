"""The spaCy pipeline: model choice, paragraph breaks, and chunked analysis of long articles."""

from __future__ import annotations

import pytest

from whosaidwhat.errors import ModelNotFound
from whosaidwhat.nlp import analyse, load
from whosaidwhat.nlp.pipeline import COMPONENTS, chunk_bounds


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
    assert all(text[ent.start_char:ent.end_char] == "Paris" for ent in paris)
