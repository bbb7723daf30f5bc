"""Article metadata on news pages from many publishers, beside trafilatura's metadata alone.

    .venv/bin/python bench/metadata.py [--misses]

Reads ``../shared/data/news-dev`` (HTML pages and scraped texts with metadata gold) and
scores with ``../shared/eval/score_meta.py``: headline, published date, authors (people
and agencies together, as the gold has them), and for the texts sections and the first
paragraph. The records hold what ``whosaidwhat extract`` puts in these fields (the
reader's metadata and the structure of the text; the language analysis plays no part).
"trafilatura alone" is ``trafilatura.bare_extraction``'s title, date and authors as they
come. Does nothing if the data is absent.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import trafilatura

from whosaidwhat.readers import read_path
from whosaidwhat.structure import parse_structure

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
NEWS_DEV = SHARED / "data" / "news-dev"
SCORER = SHARED / "eval" / "score_meta.py"
FIELDS = ("headline", "published", "authors", "sections", "first_paragraph")


def our_record(path: Path) -> dict:
    article = read_path(str(path))
    found = parse_structure(article)
    return {
        "source": {"path": str(path)},
        "headline": found.headline,
        "published": found.published,
        "authors": found.authors,
        "agencies": found.agencies,
        "paragraphs": [{"start": s, "end": e, "text": article.text[s:e]} for s, e in found.paragraphs],
        "sections": [{"heading": heading} for heading, _, _ in found.sections],
    }


def trafilatura_record(path: Path) -> dict:
    document = trafilatura.bare_extraction(path.read_bytes(), with_metadata=True)
    authors = [name.strip() for name in (getattr(document, "author", None) or "").split(";")]
    return {
        "source": {"path": str(path)},
        "headline": document.title if document else None,
        "published": document.date if document else None,
        "authors": [name for name in authors if name],
        "agencies": [],
    }


def score(records: list[dict], gold_dir: Path, misses: bool) -> dict[str, float]:
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8") as file:
        file.writelines(json.dumps(record) + "\n" for record in records)
        file.flush()
        command = [sys.executable, str(SCORER), file.name, str(gold_dir)]
        if misses:
            print(subprocess.run(command, capture_output=True, text=True).stdout.rstrip())
        result = subprocess.run([*command, "--json"], capture_output=True, text=True)
    return json.loads(result.stdout)


def row(name: str, figures: dict[str, float]) -> str:
    return f"{name:<26}" + "".join(f"{figures[f]:>16.3f}" if f in figures else f"{'':>16}" for f in FIELDS)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list what disagrees with the gold")
    args = parser.parse_args()
    if not SCORER.is_file() or not NEWS_DEV.is_dir():
        print(f"skipped: {NEWS_DEV} or {SCORER} is not present")
        return 0
    pages = sorted((NEWS_DEV / "html").glob("*.html"))
    texts = sorted((NEWS_DEV / "text").glob("*.txt"))
    print(f"news-dev: {len(pages)} HTML pages, {len(texts)} scraped texts")
    print(f"{'':<26}" + "".join(f"{field:>16}" for field in FIELDS))
    html, text = NEWS_DEV / "html", NEWS_DEV / "text"
    print(row("html, trafilatura alone", score([trafilatura_record(p) for p in pages], html, False)))
    print(row("html, whosaidwhat", score([our_record(p) for p in pages], html, args.misses)))
    print(row("text, whosaidwhat", score([our_record(p) for p in texts], text, args.misses)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
