"""Who said what on hand-annotated news articles: quotes found, false quotes, the speaker as a person.

    .venv/bin/python bench/news_quotes.py bench/news_quotes/news-dev [--texts DIR] [--records FILE] [-v]

Each annotation file (``<article>.json``, format in ``bench/news_quotes/README.md``) holds
offsets, speakers and times, never article text: the text is read from ``--texts`` (by
default the folder named in the annotations' ``file``, under ``../shared/data``) and
checked against the annotation's sha256. The articles are extracted with the
``whosaidwhat`` command (or the records are read from ``--records``) and scored as
``shared/eval/score.py seed`` scores quotes:

- a gold quote is found when a predicted content not matched yet covers at least half of it
  (one to one, gold quotes in text order);
- precision is the share of predicted quotes matched to a gold quote; a predicted quote that
  overlaps no gold quote at all is *false*;
- the speaker is right when the quote's speaker entity is named as the gold speaker (or one of
  its ``also`` forms), case, spacing and a leading "the" aside; for an unnamed source, when the
  quote's source overlaps the gold source and no named entity is given as its speaker;
- cue, kind, ``when`` and ``where`` are compared on the matched quotes that have them;
- with ``--sure``, quotes the annotator marked ``unsure`` count neither way: a gold one left
  unmatched is no miss, and a predicted quote matched to one is taken out of the counts.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED_DATA = REPO.parent / "shared" / "data"
#: Characters ignored at both ends of a quote's content when spans are compared.
TRIM = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb \t\n\u00a0.,;:!?\u2014\u2013-"


@dataclass
class Tally:
    """Counts over a set of articles; :meth:`row` turns them into the printed figures."""

    gold: int = 0
    pred: int = 0
    matched: int = 0
    false: int = 0
    speaker_right: int = 0
    cue_n: int = 0
    cue_right: int = 0
    kind_right: int = 0
    when_n: int = 0
    when_right: int = 0
    where_n: int = 0
    where_right: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for name in self.__dataclass_fields__:
            if name != "misses":
                setattr(self, name, getattr(self, name) + getattr(other, name))
        self.misses += other.misses

    def row(self) -> dict[str, float | int]:
        def share(part: int, whole: int) -> float:
            return round(part / whole, 3) if whole else float("nan")

        recall, precision = share(self.matched, self.gold), share(self.matched, self.pred)
        f1 = round(2 * recall * precision / (recall + precision), 3) if recall + precision else 0.0
        return {
            "gold": self.gold,
            "pred": self.pred,
            "recall": recall,
            "precision": precision,
            "F1": f1,
            "false": self.false,
            "speaker": share(self.speaker_right, self.matched),
            "cue": share(self.cue_right, self.cue_n),
            "kind": share(self.kind_right, self.matched),
            "when": share(self.when_right, self.when_n),
            "where": share(self.where_right, self.where_n),
        }


def norm_name(name: str | None) -> str:
    return re.sub(r"^the ", "", " ".join((name or "").split()).casefold())


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in TRIM:
        start += 1
    while end > start and text[end - 1] in TRIM:
        end -= 1
    return start, end


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def bounds(span: dict | list | None) -> tuple[int, int] | None:
    if not span:
        return None
    if isinstance(span, dict):
        return span["start"], span["end"]
    return span[0], span[1]


def speaker_right(gold: dict, quote: dict, names: dict[str, str]) -> bool:
    """Whether the predicted quote names the annotated speaker (see the module docstring)."""
    named = names.get(quote.get("speaker") or "")
    if gold["speaker_kind"] == "unnamed":
        source, gold_source = bounds(quote.get("source")), bounds(gold.get("source"))
        return bool(source and gold_source and overlap(source, gold_source)) and (
            not named or norm_name(named) == norm_name(gold["speaker"])
        )
    said_by = named if named else (quote.get("source") or {}).get("text")
    wanted = {norm_name(n) for n in [gold["speaker"], *gold.get("also", [])]}
    return bool(said_by) and norm_name(said_by) in wanted


def when_value(quote: dict) -> str | None:
    when = quote.get("when")
    return when.get("value") if isinstance(when, dict) else when


def score_article(annotation: dict, record: dict, text: str, sure: bool = False) -> Tally:
    """One article's counts; misses are described for ``-v``."""
    tally = Tally()
    names = {e["id"]: e["name"] for e in record.get("entities") or []}
    predicted = [(bounds(q["content"]), q) for q in record.get("quotes") or []]
    used: set[int] = set()
    golds = sorted(annotation["quotes"], key=lambda g: g["content"][0])
    gold_spans = [trimmed(text, *g["content"]) for g in golds]
    tally.gold, tally.pred = len(golds), len(predicted)
    for gold, span in zip(golds, gold_spans, strict=True):
        best, best_at = 0, None
        for i, (content, _) in enumerate(predicted):
            shared = overlap(content, span)
            if i not in used and shared > best:
                best, best_at = shared, i
        excerpt = text[span[0] : span[1]][:70]
        found = best_at is not None and best >= 0.5 * (span[1] - span[0])
        if sure and gold.get("unsure"):
            tally.gold -= 1
            if found:
                used.add(best_at)
                tally.pred -= 1
            continue
        if not found:
            tally.misses.append(f"missed   {gold['speaker']!r}: {excerpt!r}")
            continue
        used.add(best_at)
        quote = predicted[best_at][1]
        tally.matched += 1
        if speaker_right(gold, quote, names):
            tally.speaker_right += 1
        else:
            got = names.get(quote.get("speaker") or "") or (quote.get("source") or {}).get("text")
            tally.misses.append(f"speaker  {gold['speaker']!r} got {got!r}: {excerpt!r}")
        tally.kind_right += quote.get("kind") == gold["kind"]
        if gold.get("cue"):
            tally.cue_n += 1
            cue_text = text[gold["cue"][0] : gold["cue"][1]].casefold()
            tally.cue_right += cue_text in ((quote.get("cue") or {}).get("text") or "").casefold()
        if gold.get("when"):
            tally.when_n += 1
            tally.when_right += when_value(quote) == gold["when"]
        if gold.get("where"):
            tally.where_n += 1
            tally.where_right += norm_name(names.get(quote.get("where") or "")) == norm_name(gold["where"])
    for i, (content, _) in enumerate(predicted):
        if i not in used and not any(overlap(content, span) for span in gold_spans):
            tally.false += 1
            tally.misses.append(f"false    {text[content[0] : content[1]][:70]!r}")
    return tally


def read_text(path: Path, sha256: str) -> str:
    data = path.read_bytes()
    if hashlib.sha256(data).hexdigest() != sha256:
        sys.exit(f"news_quotes: {path} is not the text the annotation was made on (sha256 differs)")
    return data.decode("utf-8")


def extract(paths: list[Path]) -> dict[str, dict]:
    """Records of the texts by file name, from the ``whosaidwhat`` command beside this Python."""
    command = shutil.which("whosaidwhat", path=str(Path(sys.executable).parent)) or "whosaidwhat"
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "records.jsonl"
        arguments = [command, "extract", "--format", "jsonl", "-o", str(out), *map(str, paths)]
        subprocess.run(arguments, check=True)
        return read_records(out)


def read_records(path: Path) -> dict[str, dict]:
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {Path(r["source"]["path"] or "").name: r for r in records}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("annotations", type=Path, help="a folder of annotation files")
    parser.add_argument("--texts", type=Path, help="the folder holding the annotated texts")
    parser.add_argument("--records", type=Path, help="score these records (JSON Lines) instead of extracting")
    parser.add_argument("--sure", action="store_true", help="leave out the quotes marked unsure")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    args = parser.parse_args()
    annotations = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(args.annotations.glob("*.json"))]
    if not annotations:
        sys.exit(f"news_quotes: no annotation files in {args.annotations}")
    paths = [(args.texts or (SHARED_DATA / a["file"]).parent) / Path(a["file"]).name for a in annotations]
    if missing := [str(p) for p in paths if not p.is_file()]:
        sys.exit(f"news_quotes: texts not found: {', '.join(missing)}")
    texts = [read_text(path, a["sha256"]) for path, a in zip(paths, annotations, strict=True)]
    records = read_records(args.records) if args.records else extract(paths)
    total = Tally()
    for path, annotation, text in zip(paths, annotations, texts, strict=True):
        tally = score_article(annotation, records[path.name], text, sure=args.sure)
        total.add(tally)
        if args.verbose:
            print(f"{annotation['article']}: {tally.row()}")
            for miss in tally.misses:
                print(f"    {miss}")
    print(f"{len(annotations)} articles: " + "  ".join(f"{k} {v}" for k, v in total.row().items()))


if __name__ == "__main__":
    main()
