"""The article's headline among the titles a page declares.

A news page names its article several times: the JSON-LD ``headline``, the ``og:title``
(or ``twitter:title``) meant for sharing, the ``h1`` on the page, and the ``<title>`` of
the browser tab. They often differ: the site's name glued on in any fashion
("... - Taipei Times", "... | TechCrunch", "... - National | Globalnews.ca"), a sharing
title shorter or catchier than the headline, a JSON-LD headline cut at 110 characters,
a ``<title>`` rewritten for search engines. trafilatura takes the first it finds in a
fixed order, site name included; here the headline is the one the most of the three
article sources (JSON-LD, sharing title, ``h1``) agree on, once site names are removed
and cut titles completed; a tie goes to the JSON-LD, then the sharing title. The
``<title>`` is no evidence (it is the page's title, not the article's) and is used only
when nothing else names the article.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from whosaidwhat.urls import host_of

#: What sites put between a title and their name: a bar, a dash, a bullet, a slash.
SEPARATOR = re.compile(r"\s+(?:[|·•»/\\~]|[-–—]{1,2}|::)\s+")
#: A site's name may also open a title as a label ("Harbour Times: ..."), never close one.
SITE_LABEL = re.compile(r"([^:]{2,40}):\s+(?=\S)")
#: A site's name or a section label as glued to a title: a few capitalised words ("Times of
#: India", "National") or a host name ("globalnews.ca").
_LABEL_WORD = r"(?:[A-Z0-9][\w.'’&-]*|of|the|and|de|du|la)"
LABEL = rf"(?:[A-Z0-9][\w.'’&-]*(?:\s+{_LABEL_WORD}){{0,3}}|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{{2,}})"
SECTION_LABEL = re.compile(LABEL)
GLUED_AFTER = re.compile(rf"(?:{SEPARATOR.pattern}{LABEL})+")
GLUED_BEFORE = re.compile(rf"(?:{LABEL}(?:{SEPARATOR.pattern}|:\s+))+")
#: Labels of a host name that are not the site's name (short ones, such as "www" or "co", never are).
HOST_NOISE = frozenset({"edition", "news", "mobile"})
#: A title ending like this was cut short by the site.
ELLIPSIS = re.compile(r"\s*(?:…|\.\.\.)$")
_QUOTE_MARKS = str.maketrans({"‘": "'", "’": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "–": "-", "—": "-"})


def choose_headline(
    jsonld: list[str],
    sharing: str | None,
    h1s: list[str],
    page_title: str | None,
    site_names: Iterable[str],
) -> str | None:
    """The headline the article sources agree on; the ``<title>`` only when there is none."""
    sites = site_keys(site_names)
    sources = [
        [without_site_name(title, sites) for title in titles if title]
        for titles in (jsonld, [sharing] if sharing else [], h1s)
    ]
    sources = [[title for title in titles if title and not is_site_name(title, sites)] for titles in sources]
    every = [title for titles in sources for title in titles]
    sources = [[unglued(completed(title, every), every) for title in titles] for titles in sources]
    keyed = [{key(title) for title in titles} for titles in sources]
    best, support = None, 0
    for titles in sources:
        for title in titles:
            votes = sum(key(title) in keys for keys in keyed)
            if votes > support:
                best, support = title, votes
    if best is None and page_title:
        best = without_site_name(page_title, sites) or None
    return best


def without_site_name(title: str, sites: set[str]) -> str:
    """``title`` without the site's name glued before or after it, nor a section label beside it."""
    title = " ".join(title.split())
    parts = _parts(title)
    first, last = 0, len(parts)
    while last - first > 1 and is_site_name(parts[last - 1][0], sites):
        last -= 1
    if last < len(parts) and last - first > 1 and SECTION_LABEL.fullmatch(parts[last - 1][0]):
        last -= 1
    while last - first > 1 and is_site_name(parts[first][0], sites):
        first += 1
    title = title[parts[first][1] : parts[last - 1][2]]
    label = SITE_LABEL.match(title)
    return title[label.end() :] if label and is_site_name(label.group(1), sites) else title


def _parts(title: str) -> list[tuple[str, int, int]]:
    """The parts of ``title`` between separators, each with its start and end."""
    parts, start = [], 0
    for separator in SEPARATOR.finditer(title):
        parts.append((title[start : separator.start()], start, separator.start()))
        start = separator.end()
    parts.append((title[start:], start, len(title)))
    return parts


def completed(title: str, titles: list[str]) -> str:
    """``title``, or the longer title it is the cut-off start of ("... remain at l", "... remain…")."""
    bare = ELLIPSIS.sub("", title)
    short = key(bare)
    cut_short = bare != title
    for other in titles:
        long = key(other)
        if len(long) > len(short) and long.startswith(short):
            mid_word = short[-1:].isalnum() and long[len(short)].isalnum()
            if cut_short or mid_word:
                return other
    return title


def unglued(title: str, titles: list[str]) -> str:
    """``title`` without a name glued to it that no other title has ("... - Taipei Times"
    beside "..."), for a site whose name the page does not declare."""
    plain = _plain(title)
    for other in titles:
        bare = _plain(other)
        if not bare or len(bare) >= len(plain):
            continue
        if plain.startswith(bare) and GLUED_AFTER.fullmatch(plain[len(bare) :]):
            return other
        if plain.endswith(bare) and GLUED_BEFORE.fullmatch(plain[: -len(bare)]):
            return other
    return title


def site_keys(names: Iterable[str]) -> set[str]:
    """The site's names as compared with parts of a title: "The Times of India" and
    "Times of India" alike; a host name ("www.globalnews.ca") gives its name too."""
    keys = set()
    for name in names:
        if not name:
            continue
        host = host_of(name) if "://" in name else None
        if not host:
            keys.add(_compact(name))
            continue
        labels = [label for label in host.split(".") if len(label) > 3 and label not in HOST_NOISE]
        keys.update({_compact(host.removeprefix("www.")), *map(_compact, labels)})
    keys.discard("")
    return keys


def is_site_name(text: str, sites: set[str]) -> bool:
    """Whether ``text`` is the site's name, also as a host name ("Harbourtimes.example")."""
    if _compact(text) in sites:
        return True
    return " " not in text.strip() and "." in text and _compact(text.strip().split(".")[0]) in sites


def key(title: str) -> str:
    """``title`` as compared: case, quote marks, dashes, spacing and closing punctuation set aside."""
    text = unicodedata.normalize("NFKC", title).translate(_QUOTE_MARKS).replace("--", "-")
    return " ".join(text.casefold().split()).rstrip(" .!?:;")


def _plain(title: str) -> str:
    """``title`` with quote marks and spacing made uniform, case kept."""
    return " ".join(unicodedata.normalize("NFKC", title).translate(_QUOTE_MARKS).split())


def _compact(text: str) -> str:
    text = re.sub(r"^the\s+", "", unicodedata.normalize("NFKC", text).casefold().strip())
    return re.sub(r"\W+", "", text)
