"""Fuzzing by the hundred thousand: the properties of ``tests/test_fuzz.py`` on many generated inputs.

Runs each property (files of any name and content through the readers, bytes through the
readers, text through the structure stage, searches through the parser and SQLite) for
its share of the examples, and prints how many inputs each ran and how long it took. Any
exception but the project's own fails the run with Hypothesis's smallest failing input.

    .venv/bin/python bench/fuzz.py                  # 100,000 inputs in all
    .venv/bin/python bench/fuzz.py --scale 0.1      # a tenth of each
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

#: Inputs per property, their sum 100,000: fewer of the slowest (a file written and read each).
SHARES = {
    "readers: files": ("test_any_file_of_any_name_is_read_or_refused_with_a_reason", 10_000),
    "readers: bytes": ("test_any_bytes_are_read_or_refused_and_make_a_valid_record", 30_000),
    "structure": ("test_the_structure_of_any_text_makes_a_valid_record", 30_000),
    "search": ("test_any_search_is_parsed_and_run_or_refused_as_a_query_error", 30_000),
}


def run(test_name: str, examples: int) -> int:
    """Run one property for ``examples`` inputs; the number it ran."""
    os.environ["WHOSAIDWHAT_FUZZ_EXAMPLES"] = str(examples)
    import test_fuzz

    fuzz = importlib.reload(test_fuzz)  # its settings are read at import
    getattr(fuzz, test_name)()
    return sum(fuzz.RUNS.values())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of each property's share")
    args = parser.parse_args()
    logging.disable(logging.WARNING)  # trafilatura's notes on discarded pages, by the thousand
    total_started, total = time.perf_counter(), 0
    print(f"{'property':<16}{'inputs':>9}{'seconds':>9}{'inputs/s':>10}")
    for name, (test_name, share) in SHARES.items():
        started = time.perf_counter()
        count = run(test_name, max(1, round(share * args.scale)))
        seconds = time.perf_counter() - started
        total += count
        print(f"{name:<16}{count:>9,}{seconds:>9.0f}{count / seconds:>10.0f}", flush=True)
    seconds = time.perf_counter() - total_started
    print(f"{'all':<16}{total:>9,}{seconds:>9.0f}   no exception but the project's own")
    return 0


if __name__ == "__main__":
    sys.exit(main())
