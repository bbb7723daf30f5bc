"""A warning for articles that are not in English (the pipeline analyses English only).

Most articles are English, and English prose is mostly function words, so a text
whose words are at least ``ENGLISH_FUNCTION_WORDS`` English stop words (spaCy's list)
is taken as English at once. Only the others go to langdetect, which names the
language but holds its 55 language profiles (about 60 MB) once loaded.
"""

from __future__ import annotations

import re
from functools import lru_cache

#: Detection runs on this much text from the start of the article.
SAMPLE_CHARS = 2000
#: Texts shorter than this many words are too short to judge.
MIN_WORDS = 12
#: Probability a language other than English must reach before we warn.
MIN_CONFIDENCE = 0.9
#: Share of English stop words above which a text is English without asking langdetect.
#: Over the first 2,000 characters of PolNeAR's 1,012 articles the lowest share is 0.28
#: (median 0.45); spaCy's example sentences in 17 other languages reach 0.13 at most.
ENGLISH_FUNCTION_WORDS = 0.25
_WORD = re.compile(r"[^\W\d_]+")


def language_warning(text: str) -> str | None:
    """A warning naming the language of ``text`` if it is confidently not English, else None."""
    sample = text[:SAMPLE_CHARS]
    if len(sample.split()) < MIN_WORDS or stop_word_share(sample) >= ENGLISH_FUNCTION_WORDS:
        return None
    langdetect = _langdetect()
    try:
        best = langdetect.detect_langs(sample)[0]
    except langdetect.LangDetectException:
        return None
    if best.lang != "en" and best.prob >= MIN_CONFIDENCE:
        return f"text looks like language '{best.lang}', not English; results may be poor"
    return None


def stop_word_share(text: str) -> float:
    """The share of the words of ``text`` that are English stop words ("the", "of", "and", ...)."""
    words = _WORD.findall(text.lower())
    stop_words = _english_stop_words()
    return sum(word in stop_words for word in words) / len(words) if words else 0.0


@lru_cache(maxsize=1)
def _english_stop_words() -> frozenset[str]:
    """spaCy's English stop words, imported at first use: importing spaCy takes about a second."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


@lru_cache(maxsize=1)
def _langdetect():
    """langdetect, seeded: it samples at random, and a fixed seed gives the same answer every run."""
    import langdetect

    langdetect.DetectorFactory.seed = 0
    return langdetect
