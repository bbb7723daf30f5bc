"""Times and events on real news annotated by hand: found, resolved, with who and when, and false.

    .venv/bin/python bench/news_events.py bench/news_events/news-dev [--records FILE] [--sure] [-v]

Each annotation file (``<article>.json``, format in ``bench/news_events/README.md``) holds
offsets, names and values, never article text: the text is read from ``--texts`` (by default
the folder named in the annotations' ``file``, under ``../shared/data``) and checked against
the annotation's sha256. The articles are extracted with the ``whosaidwhat`` command (or the
records are read from ``--records``) and scored:

- a gold time is *resolved* when a predicted time overlaps it with the same value;
- a gold event is *found* when a predicted event's trigger overlaps its trigger or one of the
  other mentions of the same event the annotation lists; *typed* when that event's type is one
  of the gold's ``type_any``; *with who and when* when, besides, its participants (``who`` and
  ``whom``) include one of the gold's named agents (if the gold names any) and its ``when``
  equals the gold's (if the gold gives one);
- a predicted event whose trigger overlaps no gold event is *false*; precision is the share of
  predicted events that are not false;
- with ``--sure``, events the annotator marked unsure count neither way.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from news_quotes import SHARED_DATA, extract, norm_name, overlap, read_records, read_text  # noqa: E402


@dataclass
class Tally:
    times: int = 0
    times_resolved: int = 0
    events: int = 0
    found: int = 0
    typed: int = 0
    with_who_and_when: int = 0
    predicted: int = 0
    false: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for name in self.__dataclass_fields__:
            if name != "misses":
                setattr(self, name, getattr(self, name) + getattr(other, name))
        self.misses += other.misses

    def row(self) -> dict[str, float | int]:
        def share(part: int, whole: int) -> float:
            return round(part / whole, 3) if whole else float("nan")

        return {
            "times": self.times,
            "times resolved": share(self.times_resolved, self.times),
            "events": self.events,
            "found": share(self.found, self.events),
            "typed": share(self.typed, self.events),
            "with who and when": share(self.with_who_and_when, self.events),
            "predicted": self.predicted,
            "false": self.false,
            "precision": share(self.predicted - self.false, self.predicted),
        }


def trigger_spans(event: dict) -> list[tuple[int, int]]:
    """The gold trigger and the other mentions of the same event (``also``)."""
    return [tuple(event["trigger"]), *(tuple(span) for span in event.get("also") or [])]


def is_unsure(event: dict) -> bool:
    return bool(event.get("unsure"))


def fits(gold: dict, event: dict, names: dict[str, str]) -> tuple[bool, bool]:
    """(typed, typed with who and when) for a predicted event on the gold event's trigger."""
    kind = norm_name(event.get("type"))
    typed = any(norm_name(t) == kind for t in gold["type_any"])
    agents = {norm_name(names.get(i)) for i in (event.get("who") or []) + (event.get("whom") or [])}
    who = not gold["who"] or any(norm_name(n) in agents for n in gold["who"])
    when = gold.get("when") is None or event.get("when") == gold["when"]
    return typed, typed and who and when


def score_article(annotation: dict, record: dict, text: str, sure: bool = False) -> Tally:
    tally = Tally()
    predicted_times = record.get("times") or []
    for gold in annotation["times"]:
        tally.times += 1
        span = (gold["start"], gold["end"])
        if any(
            overlap(span, (t["start"], t["end"])) and t["value"] == gold["value"] for t in predicted_times
        ):
            tally.times_resolved += 1
        else:
            got = [t["value"] for t in predicted_times if overlap(span, (t["start"], t["end"]))]
            tally.misses.append(f"time     {text[span[0] : span[1]]!r} = {gold['value']} (got {got})")
    names = {e["id"]: e["name"] for e in record.get("entities") or []}
    events = [(tuple(bounds(e["trigger"])), e) for e in record.get("events") or []]
    golds = [g for g in annotation["events"] if not (sure and is_unsure(g))]
    for gold in golds:
        tally.events += 1
        spans = trigger_spans(gold)
        on_trigger = [e for trigger, e in events if any(overlap(trigger, s) for s in spans)]
        results = [fits(gold, e, names) for e in on_trigger]
        tally.found += bool(on_trigger)
        tally.typed += any(typed for typed, _ in results)
        tally.with_who_and_when += any(full for _, full in results)
        if not any(full for _, full in results):
            got = [(e["type"], [names.get(i) for i in e.get("who") or []], e.get("when")) for e in on_trigger]
            what = text[gold["trigger"][0] : gold["trigger"][1]]
            tally.misses.append(
                f"event    {what!r} {gold['type_any'][0]} {gold['who']} {gold['when']} (got {got})"
            )
    unsure_spans = [s for g in annotation["events"] if sure and is_unsure(g) for s in trigger_spans(g)]
    gold_spans = [s for g in golds for s in trigger_spans(g)]
    for trigger, event in events:
        if any(overlap(trigger, s) for s in unsure_spans) and not any(
            overlap(trigger, s) for s in gold_spans
        ):
            continue
        tally.predicted += 1
        if not any(overlap(trigger, s) for s in gold_spans):
            tally.false += 1
            tally.misses.append(f"false    {event['type']} {text[trigger[0] : trigger[1]]!r}")
    return tally


def bounds(span: dict | list) -> tuple[int, int]:
    return (span["start"], span["end"]) if isinstance(span, dict) else (span[0], span[1])


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("annotations", type=Path, help="a folder of annotation files")
    parser.add_argument("--texts", type=Path, help="the folder holding the annotated texts")
    parser.add_argument("--records", type=Path, help="score these records (JSON Lines) instead of extracting")
    parser.add_argument("--sure", action="store_true", help="leave out the events marked unsure")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    args = parser.parse_args()
    annotations = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(args.annotations.glob("*.json"))]
    if not annotations:
        sys.exit(f"news_events: no annotation files in {args.annotations}")
    paths = [(args.texts or (SHARED_DATA / a["file"]).parent) / Path(a["file"]).name for a in annotations]
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
