"""Shared fixtures: one spaCy pipeline per test session, and paths into ../shared."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest_plugins = ["postgres_server"]  # the throwaway PostgreSQL server fixtures

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    """The full whosaidwhat pipeline on the default model, loaded once."""
    from whosaidwhat.nlp import load

    return load()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture(scope="session")
def polnear_dir(shared_dir: Path) -> Path:
    path = shared_dir / "data" / "polnear" / "data"
    if not path.is_dir():
        pytest.skip("PolNeAR is not present in ../shared/data/polnear")
    return path
