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


def test_the_architecture_page_names_only_modules_that_exist():
    """docs/architecture.md is the map of the tree: every module or folder it names is there."""
    page = (README.parent / "docs" / "architecture.md").read_text(encoding="utf-8")
    package = README.parent / "src" / "whosaidwhat"
    named = set(re.findall(r"`((?:[a-z_]+/)*[a-z_]+(?:\.py|\.toml|/))", page))
    assert len(named) > 20
    missing = sorted(
        path
        for path in named - {"src/whosaidwhat/"}
        if not (package / path).exists() and not (package / "nlp" / path).exists()
    )
    assert not missing, f"docs/architecture.md names {missing}, which are not in src/whosaidwhat"


def test_the_architecture_page_names_every_language_module():
    """Each component and helper of nlp/ has its row in the map, so a reader finds where a rule lives."""
    page = (README.parent / "docs" / "architecture.md").read_text(encoding="utf-8")
    modules = (README.parent / "src" / "whosaidwhat" / "nlp").glob("*.py")
    unnamed = sorted(
        m.name
        for m in modules
        if m.name != "__init__.py" and f"`{m.name}`" not in page and f"nlp/{m.name}`" not in page
    )
    assert not unnamed, f"docs/architecture.md does not name {unnamed}"
