"""How much of the PolNeAR score is a difference of conventions rather than of quotes found.

    .venv/bin/python bench/polnear_conventions.py [--split dev] [--records FILE]

PolNeAR writes a quotation that goes on over several paragraphs, or around its reporting
clause, as ONE attribution of several segments. The record (``CONTRACT.md``) writes each
paragraph that continues the speaker with no cue of its own as a quote of its own (a floating
quote, ``cue: null``), and a quotation split by its cue as two quotes. ``score.py polnear``
matches one to one, so once the first part is matched every further part counts as a false
quote.

This prints ``score.py``'s figures, then the same with such further parts set aside: a
predicted quote lying inside a segmented gold attribution that another predicted quote already
matched. It counts them by kind (floating, or with a cue of their own) so that a reader sees
how many there are; nothing is changed in the record.
"""

from __future__ import annotations

import argparse
import glob
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


def load_scorer():
    """``shared/eval/score.py`` as a module."""
    sys.path.insert(0, str(SHARED / "eval"))
    import score  # noqa: PLC0415 - found only once the shared folder is on the path

    return score


def extract(split: str, out: Path) -> None:
    """Run ``whosaidwhat extract`` over the split's texts into ``out`` (JSON Lines)."""
    texts = SHARED / "data" / "polnear" / "data" / split / "text"
    if not texts.is_dir():
        sys.exit(f"polnear_conventions.py: no PolNeAR texts at {texts}")
    command = [str(REPO / ".venv" / "bin" / "whosaidwhat"), "extract", str(texts), "--format", "jsonl"]
    subprocess.run([*command, "-o", str(out)], check=True, stderr=subprocess.DEVNULL)


def further_parts(score, gold: list[dict], record: dict, text: str) -> tuple[Counter, int, int]:
    """Kinds of the unmatched predicted quotes that lie inside a segmented gold attribution already
    matched, with the numbers of predictions and of matched gold attributions."""
    quotes = [quote for quote in record.get("quotes") or [] if score.span_of(quote.get("content"))]
    predicted = score.pred_from_record(record)
    pairs, _ = score.match(gold, predicted, text)
    matched_predictions = {id(prediction) for prediction, _, _ in pairs}
    matched_segmented = [g for _, g, _ in pairs if len(g["content"]) > 1]
    kinds: Counter = Counter()
    for quote, prediction in zip(quotes, predicted, strict=True):
        if id(prediction) in matched_predictions:
            continue
        if any(inside(score, prediction["content"], g["content"]) for g in matched_segmented):
            kinds["floating" if quote.get("cue") is None else "with a cue"] += 1
    return kinds, len(predicted), len(pairs)


def inside(score, content: list[tuple[int, int]], segments: list[tuple[int, int]]) -> bool:
    """Whether at least half of a predicted content lies in the gold's segments."""
    length = sum(end - start for start, end in content)
    return length > 0 and score.overlap(content, segments) * 2 >= length


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", default="dev", choices=("train", "dev", "test"))
    parser.add_argument("--records", type=Path, help="predictions already extracted (JSON Lines)")
    args = parser.parse_args()
    score = load_scorer()
    with tempfile.TemporaryDirectory() as tmp:
        records = args.records or Path(tmp) / f"polnear-{args.split}.jsonl"
        if args.records is None:
            extract(args.split, records)
        by_article = {score.article_key(record): record for record in score.load_records(str(records))}
    base = SHARED / "data" / "polnear" / "data" / args.split
    kinds: Counter = Counter()
    gold_total = predicted_total = matched_total = 0
    for path in sorted(glob.glob(str(base / "text" / "*.txt"))):
        key = Path(path).stem
        text = Path(path).read_text(encoding="utf8")
        gold = score.load_brat(sorted(glob.glob(str(base / "attributions" / f"{key}_*.ann")))[0])
        found, predicted, matched = further_parts(score, gold, by_article.get(key) or {}, text)
        kinds += found
        gold_total += len(gold)
        predicted_total += predicted
        matched_total += matched
    set_aside = sum(kinds.values())
    recall = matched_total / gold_total
    rows = (("score.py", predicted_total), ("further parts set aside", predicted_total - set_aside))
    for label, predicted in rows:
        precision = matched_total / predicted
        figures = f"P {precision:.3f}  R {recall:.3f}  F1 {f1(precision, recall):.3f}"
        print(f"{label:<26} pred {predicted:5d}  {figures}")
    print(f"further parts of a matched segmented attribution: {dict(sorted(kinds.items()))}")


if __name__ == "__main__":
    main()
