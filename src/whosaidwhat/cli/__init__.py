"""The ``whosaidwhat`` command: a thin shell over the library, one module per command group."""

from __future__ import annotations

import click

from whosaidwhat import __version__
from whosaidwhat.cli import corpus as corpus_commands
from whosaidwhat.cli import extract as extract_commands
from whosaidwhat.cli import ingest as ingest_commands
from whosaidwhat.cli import serve as serve_commands


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="whosaidwhat")
def main() -> None:
    """Who said what, to whom, when and where, in news articles.

    \b
    Examples:
      whosaidwhat extract article.txt            # one record, indented JSON
      whosaidwhat extract --example              # the bundled example article
      whosaidwhat extract news/ -o records.jsonl # a directory, JSON Lines
      whosaidwhat schema                         # the record's JSON Schema
    """


extract_commands.register(main)
ingest_commands.register(main)
corpus_commands.register(main)
serve_commands.register(main)
