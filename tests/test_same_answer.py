"""The same input gives the same record, byte for byte, whatever Python's hash seed.

Sets and dictionaries of strings iterate in an order that changes with ``PYTHONHASHSEED``;
no result may depend on it. Each run is a fresh ``whosaidwhat extract`` process.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ARTICLES = {
    "misspelt.txt": (
        "Two Smiths and a Smyth\n"
        "Anna Smith and Tom Smyth ran the harbour board for a decade.\n"
        'Smithe said the harbour would reopen. "We owe it to the town," she said.\n'
        "Smyth said he was not so sure. Peter Marsden and Ruth Marten disagreed; Marsen said so.\n"
    ),
    "money.txt": (
        "Loans in many currencies\n"
        "The fund lent 40 million dollars, 12 million pesos and 3 million rupees, "
        "its director, Ines Ortega, said.\n"
        "The Ortega Group, which says that it owns the fund, said the dinars were repaid.\n"
    ),
    "people.txt": (
        "A board meets\n"
        "Mayor Lina Holt met Governor Paul Adeyemi and Senator Joan Arkwright on Monday.\n"
        "Holt said the bridge would open. Adeyemi and Arkwright said it would not.\n"
        "The mayor added that the money was there. The governor said she was wrong.\n"
    ),
}


def extract_with_hash_seeds(paths: list[Path], seeds: list[int]) -> list[bytes]:
    """The JSON Lines output of one ``whosaidwhat extract`` run per hash seed, run side by side."""
    command = [str(Path(sys.executable).parent / "whosaidwhat"), "extract", "--format", "jsonl"]
    runs = [
        subprocess.Popen(
            [*command, *map(str, paths)],
            stdout=subprocess.PIPE,
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
        )
        for seed in seeds
    ]
    outputs = [run.communicate()[0] for run in runs]
    assert [run.returncode for run in runs] == [0] * len(runs)
    return outputs


def test_records_do_not_depend_on_the_hash_seed(tmp_path):
    paths = []
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(tmp_path / name)
    seed = Path(__file__).resolve().parent.parent / "src" / "whosaidwhat" / "data" / "seed.txt"
    outputs = extract_with_hash_seeds([*paths, seed], [1, 2, 3])
    assert outputs[0].count(b"\n") == len(paths) + 1
    assert outputs[0] == outputs[1] == outputs[2]
