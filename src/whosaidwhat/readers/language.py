"""A warning for articles that are not in English (the pipeline analyses English only)."""

from __future__ import annotations

from langdetect import DetectorFactory, LangDetectException, detect_langs

#: langdetect samples at random; a fixed seed makes its answer the same on every run.
DetectorFactory.seed = 0

#: Detection runs on this much text from the start of the article.
SAMPLE_CHARS = 2000
#: Texts shorter than this many words are too short to judge.
MIN_WORDS = 12
#: Probability a language other than English must reach before we warn.
MIN_CONFIDENCE = 0.9


def language_warning(text: str) -> str | None:
    """A warning naming the language of ``text`` if it is confidently not English, else None."""
    sample = text[:SAMPLE_CHARS]
    if len(sample.split()) < MIN_WORDS:
        return None
    try:
        best = detect_langs(sample)[0]
    except LangDetectException:
        return None
    if best.lang != "en" and best.prob >= MIN_CONFIDENCE:
        return f"text looks like language '{best.lang}', not English; results may be poor"
    return None
