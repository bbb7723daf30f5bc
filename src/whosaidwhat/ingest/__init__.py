"""Ingest: from files, directories, globs, WARC archives and feeds into the corpus store.

A run has three parts, whichever engine runs it:

1. :func:`whosaidwhat.readers.iter_items` reads the inputs in the ingest process, one
   item (an article's bytes) per text or HTML file, per HTML response in a WARC and
   per feed entry, or a failure for what cannot be read; the :class:`~whosaidwhat.ingest.ledger.Ledger`
   skips content stored before (same sha256) before any analysis, so rerunning a run
   adds nothing twice.
2. :func:`~whosaidwhat.ingest.analysis.process_items` reads and analyses batches of
   the new items, the same function in every process: the ingest process and worker
   processes (:mod:`whosaidwhat.ingest.local`, :class:`Ingest`), or Ray actors
   (:mod:`whosaidwhat.ingest.scale`).
3. The ledger writes each outcome to the store and counts it in the :class:`Summary`.
"""

from __future__ import annotations

from whosaidwhat.ingest.ledger import Summary
from whosaidwhat.ingest.local import Ingest, ingest

__all__ = ["Ingest", "Summary", "ingest"]
