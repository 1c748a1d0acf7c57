"""Every command has help with an example, and the README shows it."""

from __future__ import annotations

import pytest

from cli.main import main

from .conftest import ROOT, run_cli

COMMANDS = sorted(main.commands)


def test_commands_exist():
    assert {"ingest", "clean", "export", "trace", "outlets"} <= set(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_help_has_an_example(name):
    result = run_cli(name, "--help")
    assert result.exit_code == 0
    assert "Example" in result.output


@pytest.mark.parametrize("name", COMMANDS)
def test_readme_shows_the_command(name):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"prov {name}" in readme
