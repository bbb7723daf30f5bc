"""Every command documents itself with an example, and the README's commands exist."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from whosaidwhat.cli import main

README = Path(__file__).resolve().parent.parent / "README.md"


def all_commands() -> list[str]:
    return sorted(main.commands)


@pytest.mark.parametrize("name", all_commands())
def test_command_help_has_an_example(name):
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert "Example" in result.output, f"`whosaidwhat {name} --help` shows no example"


@pytest.mark.parametrize("name", all_commands())
def test_command_is_in_the_readme(name):
    assert re.search(rf"whosaidwhat {name}\b", README.read_text(encoding="utf-8")), (
        f"README never shows `whosaidwhat {name}`"
    )


def test_top_level_help_lists_every_command():
    output = CliRunner().invoke(main, ["--help"]).output
    for name in all_commands():
        assert name in output
