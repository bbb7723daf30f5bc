"""A run's account, kept in the store by both engines: what is new, and what was stored,
skipped or failed.

Content already stored, or met before in the same run (same sha256), is skipped before
any analysis; every failure is recorded with its reason, so `whosaidwhat failures` lists it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import TYPE_CHECKING

from whosaidwhat.ingest.analysis import Outcome, Stored
from whosaidwhat.readers import Failure, Item

if TYPE_CHECKING:
    from whosaidwhat.store import Store

#: Items read, checked against the store and ordered for batching at a time.
READ_AHEAD = 32


@dataclass
class Summary:
    stored: int = 0
    skipped: int = 0
    failed: int = 0
    seconds: float = 0.0
    failures: list[Failure] = field(default_factory=list)

    @property
    def articles_per_second(self) -> float:
        done = self.stored + self.failed
        return done / self.seconds if self.seconds else 0.0


class Ledger:
    """Writes a run's outcomes to ``store`` and counts them in :attr:`summary`.

    ``on_progress(summary)`` is called after each article is stored, skipped or failed.
    """

    def __init__(self, store: Store, on_progress: Callable[[Summary], None] | None = None):
        self.store = store
        self.on_progress = on_progress or (lambda summary: None)
        self.summary = Summary()
        self.seen: set[str] = set()

    def new_batches(self, items: Iterator[Item | Failure], batch_size: int) -> Iterator[list[Item]]:
        """Batches of the items not stored yet; failures met on the way are recorded at once.

        Items are read ``READ_AHEAD`` at a time and batched longest first, so that the
        run ends on short articles: processes that finish their last batch early wait
        less for one still analysing a long one.
        """
        while chunk := list(islice(items, READ_AHEAD)):
            new = self.new_items(chunk)
            new.sort(key=lambda item: len(item.data), reverse=True)
            for start in range(0, len(new), batch_size):
                yield new[start : start + batch_size]

    def new_items(self, chunk: Iterable[Item | Failure]) -> list[Item]:
        """The items of ``chunk`` whose content is neither stored nor met before in this run;
        its failures are recorded and the other items counted as skipped."""
        chunk = list(chunk)
        for failure in (i for i in chunk if isinstance(i, Failure)):
            self.record(failure)
        hashed = [(item, item.sha256) for item in chunk if isinstance(item, Item)]
        stored = self.store.known(sha256 for _, sha256 in hashed)
        new = []
        for item, sha256 in hashed:
            if sha256 in stored or sha256 in self.seen:
                self.summary.skipped += 1
                self.on_progress(self.summary)
            else:
                self.seen.add(sha256)
                new.append(item)
        return new

    def record(self, outcome: Outcome) -> None:
        """Write one outcome to the store (its own transaction) and count it."""
        if isinstance(outcome, Failure):
            self.record_failure(outcome)
        else:
            _, inserted = self.store.add(outcome.record)
            self.count_stored(inserted)
        self.on_progress(self.summary)

    def record_shard(self, outcomes: list[Outcome]) -> None:
        """A shard's outcomes: its records stored in one transaction, then its failures."""
        records = (outcome.record for outcome in outcomes if isinstance(outcome, Stored))
        for _, inserted in self.store.add_many(records):
            self.count_stored(inserted)
        for failure in (outcome for outcome in outcomes if isinstance(outcome, Failure)):
            self.record_failure(failure)
        self.on_progress(self.summary)

    def record_failure(self, failure: Failure) -> None:
        self.store.add_failure(failure.name, failure.reason)
        self.summary.failed += 1
        self.summary.failures.append(failure)

    def count_stored(self, inserted: bool) -> None:
        """An article stored, or skipped when the store already held its content."""
        if inserted:
            self.summary.stored += 1
        else:
            self.summary.skipped += 1
