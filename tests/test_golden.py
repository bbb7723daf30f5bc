"""The golden article and PolNeAR, read from ../shared (skipped where it is absent)."""

from __future__ import annotations

import json
import subprocess
import sys

from whosaidwhat.extract import extract
from whosaidwhat.readers import read_path
from whosaidwhat.structure import parse_structure

SEED_GROUPS = "metadata,quotes,speakers,cues,kinds,entities,coreference,titles,times,figures,events"


def test_seed_passes_every_check_of_the_scorer(nlp, shared_dir, tmp_path):
    record = extract(read_path(str(shared_dir / "golden" / "seed.txt")), nlp)
    out = tmp_path / "seed.json"
    out.write_text(json.dumps(record.to_dict()), encoding="utf-8")
    score = subprocess.run(
        [sys.executable, str(shared_dir / "eval" / "score.py"), "seed", str(out), "--require", SEED_GROUPS],
        capture_output=True,
        text=True,
    )
    assert score.returncode == 0, score.stdout


def test_polnear_texts_are_read_exactly_with_a_headline(polnear_dir):
    for path in sorted((polnear_dir / "dev" / "text").glob("*.txt"))[:20]:
        article = read_path(str(path))
        assert article.text == path.read_text(encoding="utf-8")
        assert parse_structure(article).headline
