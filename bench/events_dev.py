"""Times, figures and events on ten hand-annotated PolNeAR dev articles.

The annotations in ``bench/events_dev/<article>.json`` hold offsets and values only,
never article text: the text is read from ``../shared/data/polnear`` when this runs.
Each annotation becomes, on the fly, a gold file in the seed gold's format (times as
``{text, value}``, figures as ``{text_contains, ...}``, event participants as entity
names), the article is extracted with its PolNeAR publication date, and
``shared/eval/score.py seed`` scores the record; the totals per group are printed.

Annotation rules (see ``bench/events_dev/README.md``):
times are every date or time of day in the body with a TIMEX3 value read from the
publication date (durations and vague spans such as "recent weeks" are left out);
figures are money, percentages, percentage points and counts, with the hedge before
("nearly") or after ("or more") as qualifier; events are the happenings the article
reports, with the named agent or participants, the place, and the time the text
gives or implies ("" when it gives none).

    .venv/bin/python bench/events_dev.py [-v]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
ANNOTATIONS = REPO / "bench" / "events_dev"
TEXTS = SHARED / "data" / "polnear" / "data" / "dev" / "text"
SCORER = SHARED / "eval" / "score.py"
GROUPS = ("times", "figures", "events")


def seed_gold(annotation: dict, text: str) -> dict:
    """The annotation in the seed gold's format, quoting the article at the stored offsets."""

    def quoted(bounds: list[int]) -> str:
        return text[bounds[0] : bounds[1]]

    events = []
    for event in annotation["events"]:
        gold = {"type_any": event["type_any"], "when": event["when"]}
        for role in ("who", "where"):
            if role in event:
                gold[role] = quoted(event[role])
        if "who_all" in event:
            gold["who_all"] = [quoted(b) for b in event["who_all"]]
        events.append(gold)
    return {
        "article": annotation["article"] + ".txt",
        "headline": text.splitlines()[0].strip(),
        "published": annotation["published"],
        "updated": annotation["published"],
        "authors": [],
        "agencies": [],
        "sections": [],
        "first_paragraph_starts": "",
        "quotes": [],
        "entities": [],
        "pronoun_mentions": [],
        "times": [{"text": quoted([t["start"], t["end"]]), "value": t["value"]} for t in annotation["times"]],
        "figures": [
            {
                "text_contains": quoted([f["start"], f["end"]]),
                "kind": f["kind"],
                "value": f["value"],
                "unit": f["unit"],
                "qualifier": f["qualifier"],
            }
            for f in annotation["figures"]
        ],
        "events": events,
    }


def record_of(path: Path, published: str, nlp) -> dict:
    """The record ``whosaidwhat extract`` prints, with the publication date PolNeAR gives."""
    from whosaidwhat.extract import extract
    from whosaidwhat.readers import read_path

    article = dataclasses.replace(read_path(str(path)), published=published)
    return extract(article, nlp).to_dict()


def score(record: dict, gold: dict, text_path: Path, workdir: Path) -> tuple[dict, list[str]]:
    """Per-group (passed, total) from score.py, and its FAIL lines for our groups."""
    record_path, gold_path = workdir / "record.json", workdir / "gold.json"
    record_path.write_text(json.dumps(record), encoding="utf-8")
    gold_path.write_text(json.dumps(gold), encoding="utf-8")
    run = subprocess.run(
        [
            sys.executable,
            str(SCORER),
            "seed",
            str(record_path),
            "--gold",
            str(gold_path),
            "--text",
            str(text_path),
            "--require",
            ",".join(GROUPS),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    totals, failures, group = {}, [], None
    for line in run.stdout.splitlines():
        if match := re.match(r"## (\w+) \(\w+\): (\d+)/(\d+)", line):
            group = match.group(1)
            if group in GROUPS:
                totals[group] = (int(match.group(2)), int(match.group(3)))
        elif group in GROUPS and line.strip().startswith("FAIL"):
            failures.append(f"{group}: {line.strip()[5:]}")
    return totals, failures


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="print every failed check")
    args = parser.parse_args()
    if not TEXTS.is_dir():
        sys.exit(f"PolNeAR dev texts not found at {TEXTS}")
    from whosaidwhat.nlp import load

    nlp = load()
    overall = {g: [0, 0] for g in GROUPS}
    print(f"{'article':56s} " + " ".join(f"{g:>9s}" for g in GROUPS))
    with tempfile.TemporaryDirectory() as tmp:
        for path in sorted(ANNOTATIONS.glob("*.json")):
            annotation = json.loads(path.read_text(encoding="utf-8"))
            text_path = TEXTS / (annotation["article"] + ".txt")
            text = text_path.read_text(encoding="utf-8")
            record = record_of(text_path, annotation["published"], nlp)
            totals, failures = score(record, seed_gold(annotation, text), text_path, Path(tmp))
            cells = []
            for group in GROUPS:
                passed, total = totals.get(group, (0, 0))
                overall[group][0] += passed
                overall[group][1] += total
                cells.append(f"{passed:>4d}/{total:<4d}")
            print(f"{annotation['article'][:56]:56s} " + " ".join(cells))
            if args.verbose:
                for failure in failures:
                    print(f"    {failure[:160]}")
    print(f"{'total':56s} " + " ".join(f"{p:>4d}/{t:<4d}" for p, t in overall.values()))
    print("recall " + "  ".join(f"{g} {p / max(1, t):.3f}" for g, (p, t) in overall.items()))


if __name__ == "__main__":
    main()
