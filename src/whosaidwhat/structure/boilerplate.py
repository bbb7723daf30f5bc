"""Page furniture among the body lines: boxes that are not the article's paragraphs.

trafilatura keeps what sits inside the article's markup, and scraped text keeps
everything: labels ("Advertisement", "Article content"), teasers for other stories
("READ MORE: ..."), calls to the reader (newsletter sign-ups, "We want to hear from you",
"Follow us on ..."), separators ("______"), summary boxes ("What to know" and its list)
and passages printed twice (a summary that repeats the body, a body printed again at the
end). Their shapes are conventions of news sites, not of language, so no library knows
them; they are matched here. A line found to be furniture is no paragraph (so it gives
no quote) and no section heading; the text itself is left as it was.
"""

from __future__ import annotations

import re
from collections import Counter

from whosaidwhat.structure.lines import Line

#: Lines that label a slot of the page rather than say anything.
LABELS = frozenset(
    {
        "advertisement",
        "advertisements",
        "ad",
        "sponsored",
        "sponsored content",
        "article content",
        "story continues below",
        "story continues below advertisement",
        "continue reading",
        "continue reading below",
        "read more",
        "read more below",
        "related",
        "related articles",
        "related stories",
        "related content",
        "related topics",
        "more on this story",
        "you may also like",
        "you might also like",
        "recommended",
        "recommended for you",
        "most read",
        "most popular",
        "most viewed",
        "trending",
        "trending now",
        "just in",
        "latest news",
        "top stories",
        "share this article",
        "share",
        "comments",
        "view comments",
        "skip to content",
    }
)
#: Headings of a summary box, whose list repeats the article in brief.
SUMMARY_LABELS = frozenset(
    {
        "what to know",
        "what we know",
        "what you need to know",
        "need to know",
        "key points",
        "key takeaways",
        "takeaways",
        "at a glance",
        "in brief",
        "in short",
        "the big picture",
        "highlights",
        "summary",
        "quick read",
    }
)
#: A line that opens like this points to another story.
TEASER = re.compile(
    r"(?:read\s+(?:more|next|also)|also\s+read|more|related|see\s+also|watch|listen|must\s+read|recommended)"
    r"\s*[:|›»]",
    re.IGNORECASE,
)
#: What a call to the reader asks: to sign up, subscribe, follow, write in.
CALL = re.compile(
    r"\b(?:sign(?:ing)?[ -]up|subscrib\w*|newsletters?|follow\s+us|join\s+us|download\s+(?:the|our)\b"
    r"|we\s+(?:want|would\s+like|'d\s+like)\s+to\s+hear\s+from\s+you|get\s+in\s+touch|share\s+your\s+(?:story|views)"
    r"|email\s+us|contact\s+us|bookmark|click\s+here|tap\s+here"
    r"|follow\b.{1,40}\bon\s+(?:twitter|x|facebook|instagram|tiktok|threads|bluesky|whatsapp))",
    re.IGNORECASE,
)
#: ... addressed to the reader, or in the imperative.
TO_THE_READER = re.compile(
    r"\b(?:you|your|us|our)\b|^(?:subscribe|sign|join|follow|download|register|click|tap|bookmark|support|get)\b",
    re.IGNORECASE,
)
QUOTE_MARKS = re.compile(r"[\"“”«»]")
#: A call to the reader is short; a longer paragraph mentioning a newsletter is reporting.
MAX_CALL_WORDS = 50
LIST_ITEM = re.compile(r"[-–—•·*▪►]\s+\S")
SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])")
#: Sentences shorter than this are too common to tell a repeated passage ("He said:").
MIN_REPEATED_WORDS = 6
#: Share of a line its long sentences must make up for the line to count as a repeat.
MOST_OF_A_LINE = 0.8


def without_furniture(lines: list[Line]) -> list[Line]:
    """``lines`` without labels, teasers, calls to the reader, separators, summary boxes and repeats."""
    kept: list[Line] = []
    in_summary = False
    for line in lines:
        if _folded(line.text) in SUMMARY_LABELS:
            in_summary = True
            continue
        if in_summary and LIST_ITEM.match(line.text):
            continue
        in_summary = False
        if not is_furniture(line.text):
            kept.append(line)
    return without_repeats(kept)


def is_furniture(text: str) -> bool:
    """Whether the line ``text`` is a label, a teaser, a call to the reader or a separator."""
    if not re.search(r"[^\W\d_]", text):
        return True
    if _folded(text) in LABELS or TEASER.match(text):
        return True
    return (
        len(text.split()) <= MAX_CALL_WORDS
        and bool(CALL.search(text))
        and bool(TO_THE_READER.search(text))
        and not QUOTE_MARKS.search(text)
    )


def without_repeats(lines: list[Line]) -> list[Line]:
    """``lines`` without the second copy of a passage printed twice: a line printed twice keeps
    its first place; a line whose every sentence one other line also holds (a summary of
    the body, the body printed again as one block) goes, longer lines judged first, so
    that of two lines holding the same sentences one stays. What is printed three times
    or more is the article's own (a refrain, a recurring line of a list), never a copy.
    """
    sentences = [_long_sentences(line.text) for line in lines]
    copies = Counter(_folded(line.text) for line, found in zip(lines, sentences, strict=True) if found)
    dropped: set[int] = set()
    seen: set[str] = set()
    for index, line in enumerate(lines):
        folded = _folded(line.text)
        if sentences[index] and copies[folded] == 2 and folded in seen:
            dropped.add(index)
        seen.add(folded)
    holders = Counter(s for index, found in enumerate(sentences) if index not in dropped for s in found)
    for index in sorted(range(len(lines)), key=lambda i: -len(lines[i].text)):
        found = sentences[index]
        if index in dropped or not found or any(holders[s] != 2 for s in found):
            continue
        dropped.add(index)
        holders.subtract(found)
    return [line for index, line in enumerate(lines) if index not in dropped]


def _long_sentences(text: str) -> set[str]:
    """The long sentences of ``text``, folded; empty unless they make up most of it."""
    found = [sentence for sentence in SENTENCE_END.split(text) if len(sentence.split()) >= MIN_REPEATED_WORDS]
    if sum(map(len, found)) < MOST_OF_A_LINE * len(text):
        return set()
    return {_folded(sentence) for sentence in found}


def _folded(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())
