"""Reader and structure on PolNeAR: text kept exactly, headlines against the corpus metadata.

    python bench/headlines.py [--split dev] [--misses]

Prints how many articles the reader returns unchanged, how many headlines agree with
the metadata title, and how many publication dates and authors agree (a sanity figure).
Reads ../shared/data/polnear relative to the repository; does nothing if it is absent.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

from whosaidwhat.readers import read_path
from whosaidwhat.structure import parse_structure

POLNEAR = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "polnear" / "data"
#: Longer titles are cut at this length in the metadata table.
METADATA_TITLE_CHARS = 100


def normalised(title: str | None) -> str:
    """Case, spacing, trailing punctuation and quote-mark shapes set aside."""
    title = re.sub(r"[‘’]", "'", re.sub(r"[“”]", '"', title or ""))
    return " ".join(title.split()).casefold().rstrip(" .;:,'\"")


def same_title(headline: str | None, title: str) -> bool:
    ours, theirs = normalised(headline), normalised(title)
    if len(title) >= METADATA_TITLE_CHARS:
        return bool(theirs) and ours.startswith(theirs)
    return ours == theirs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev", choices=["train", "dev", "test"])
    parser.add_argument("--misses", action="store_true", help="list the headlines that disagree")
    args = parser.parse_args()
    text_dir = POLNEAR / args.split / "text"
    if not text_dir.is_dir():
        print(f"skipped: {text_dir} is not present")
        return 0
    with open(POLNEAR / "metadata.tsv", encoding="utf-8") as f:
        metadata = {row["filename"]: row for row in csv.DictReader(f, delimiter="\t")}
    files = sorted(text_dir.glob("*.txt"))
    same_text = headlines = dates = with_author = authors = 0
    for file in files:
        article = read_path(str(file))
        structure = parse_structure(article)
        row = metadata.get(file.stem, {})
        same_text += article.text == file.read_text(encoding="utf-8")
        if same_title(structure.headline, row.get("title", "")):
            headlines += 1
        elif args.misses:
            print(f"miss {file.name}: {structure.headline!r} vs {row.get('title')!r}")
        dates += (structure.published or "")[:10] == row.get("publication_date")
        credited = {normalised(a) for a in structure.authors + structure.agencies}
        if credited:
            with_author += 1
            authors += any(name in normalised(row.get("author")) for name in credited)
    n = len(files)
    print(f"{args.split}: {n} articles")
    print(f"text equals the file:          {same_text}/{n}")
    print(f"headline equals the title:     {headlines}/{n}")
    print(f"published equals the metadata: {dates}/{n}")
    print(f"credits found: {with_author}/{n}, of which in the metadata author: {authors}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
