"""Speed and memory of the whole whosaidwhat extraction against the spaCy model alone.

    .venv/bin/python bench/speed.py [--split dev] [--model en_core_web_sm] [--rounds 3] [--big-mb 5 | 0]

Each measurement runs in a fresh process (so peak memory is its own): spaCy's
``nlp.pipe`` over the PolNeAR texts, then ``whosaidwhat.extract`` over the same texts
with the same model, then ``whosaidwhat extract`` on one article of about ``--big-mb``
megabytes (at most the reader's size limit) made by repeating those texts. The first
two alternate for ``--rounds`` rounds, as the machine's speed drifts; the ratio printed
is the median of the rounds' ratios. Both first analyse one text untimed, so what either
reads lazily on first use (word lists, the date parser's tables) is not counted in the
steady state they are compared on. Prints articles per second and peak memory.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
POLNEAR = REPO.parent / "shared" / "data" / "polnear" / "data"


def texts_of(split: str) -> list[Path]:
    return sorted((POLNEAR / split / "text").glob("*.txt"))


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_spacy(paths: list[Path], model: str) -> dict:
    import spacy

    from whosaidwhat.nlp.pipeline import resolve_model_name

    nlp = spacy.load(resolve_model_name(model))
    texts = [path.read_text(encoding="utf-8") for path in paths]
    nlp(texts[0])
    start = time.perf_counter()
    for _ in nlp.pipe(texts):
        pass
    return {"seconds": time.perf_counter() - start, "articles": len(texts)}


def run_whosaidwhat(paths: list[Path], model: str) -> dict:
    from whosaidwhat.extract import extract_many
    from whosaidwhat.nlp import load
    from whosaidwhat.readers import read_path

    nlp = load(model)
    articles = [read_path(str(path)) for path in paths]
    list(extract_many(articles[:1], nlp))
    start = time.perf_counter()
    quotes = sum(len(record.quotes) for record in extract_many(articles, nlp))
    return {"seconds": time.perf_counter() - start, "articles": len(articles), "quotes": quotes}


def run_big(paths: list[Path], model: str, megabytes: float) -> dict:
    """``whosaidwhat extract`` on one long article, in this process, its record written out as JSON."""
    from whosaidwhat.cli import main
    from whosaidwhat.readers import MAX_BYTES

    body = "\n\n".join(path.read_text(encoding="utf-8").split("\n", 2)[-1] for path in paths)
    size = min(int(megabytes * 1_000_000), MAX_BYTES)
    data = ("A very long article\n\n" + body * (size // len(body) + 1)).encode("utf-8")[:size]
    with tempfile.TemporaryDirectory() as tmp:
        article, record = Path(tmp) / "big.txt", Path(tmp) / "big.json"
        article.write_bytes(data.decode("utf-8", errors="ignore").encode("utf-8"))
        del body, data
        start = time.perf_counter()
        main(["extract", str(article), "--model", model, "-o", str(record)], standalone_mode=False)
        seconds, peak = time.perf_counter() - start, peak_mb()  # before reading the record back
        quotes = len(json.loads(record.read_text(encoding="utf-8"))["quotes"])
        return {
            "seconds": seconds,
            "characters": len(article.read_text(encoding="utf-8")),
            "quotes": quotes,
            "peak_mb": peak,
        }


def child(args: argparse.Namespace) -> None:
    paths = texts_of(args.split)
    if args.child == "spacy":
        result = run_spacy(paths, args.model)
    elif args.child == "whosaidwhat":
        result = run_whosaidwhat(paths, args.model)
    else:
        result = run_big(paths, args.model, args.big_mb)
    result.setdefault("peak_mb", peak_mb())
    print(json.dumps(result))


def measure(kind: str, args: argparse.Namespace) -> dict:
    command = [
        sys.executable,
        __file__,
        "--child",
        kind,
        "--split",
        args.split,
        "--model",
        args.model,
        "--big-mb",
        str(args.big_mb),
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--split", default="dev")
    parser.add_argument("--model", default="en_core_web_sm")
    parser.add_argument("--big-mb", type=float, default=5.0, help="size of the long article; 0 skips it")
    parser.add_argument(
        "--rounds",
        type=int,
        default=3,
        help="alternating spaCy / whosaidwhat runs; the ratio is their median",
    )
    parser.add_argument("--child", choices=["spacy", "whosaidwhat", "big"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args)
        return
    if not texts_of(args.split):
        sys.exit(f"speed.py: no PolNeAR texts under {POLNEAR / args.split}")
    print(f"{'round':>5s}  {'run':34s} {'articles/s':>10s} {'seconds':>8s} {'peak MB':>8s}")
    ratios, peaks = [], []
    for number in range(1, args.rounds + 1):
        spacy_run = measure("spacy", args)
        ours = measure("whosaidwhat", args)
        spacy_rate = spacy_run["articles"] / spacy_run["seconds"]
        our_rate = ours["articles"] / ours["seconds"]
        ratios.append(spacy_rate / our_rate)
        peaks.append(ours["peak_mb"])
        print(
            f"{number:5d}  {'spaCy nlp.pipe (' + args.model + ')':34s} {spacy_rate:10.2f} "
            f"{spacy_run['seconds']:8.1f} {spacy_run['peak_mb']:8.0f}"
        )
        print(
            f"{number:5d}  {'whosaidwhat extract':34s} {our_rate:10.2f} {ours['seconds']:8.1f} "
            f"{ours['peak_mb']:8.0f}",
            flush=True,
        )
    ratio = statistics.median(ratios)
    print(
        f"whosaidwhat takes {ratio:.2f}x the time of spaCy alone ({(ratio - 1) * 100:+.0f}%, median of "
        f"{args.rounds} rounds: {', '.join(f'{r:.2f}' for r in ratios)}); peak {max(peaks):.0f} MB; "
        f"{ours['quotes']} quotes",
        flush=True,
    )
    if args.big_mb <= 0:
        return
    big = measure("big", args)
    print(
        f"whosaidwhat extract, one article of {big['characters']:,} characters: {big['seconds']:.1f} s, "
        f"peak {big['peak_mb']:.0f} MB, {big['quotes']} quotes"
    )


if __name__ == "__main__":
    main()
