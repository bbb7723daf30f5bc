#!/usr/bin/env bash
# Quote extraction scored against PolNeAR, beside the stored peer systems.
#   bench/polnear.sh [dev|train|test]      (default: dev)
# Runs `whosaidwhat extract` over the split's texts into a temporary JSON Lines file,
# then prints shared/eval/score.py's table.
set -euo pipefail
cd "$(dirname "$0")/.."
split="${1:-dev}"
texts="../shared/data/polnear/data/$split/text"
if [[ ! -d "$texts" ]]; then
    echo "polnear.sh: no PolNeAR texts at $texts" >&2
    exit 2
fi
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
.venv/bin/whosaidwhat extract "$texts" --format jsonl -o "$out/polnear-$split.jsonl"
python3 ../shared/eval/score.py polnear "$out/polnear-$split.jsonl" --split "$split"
