from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from cli.main import main
from provenance.ingest import IngestOptions, ingest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"


@pytest.fixture(scope="session")
def seeds_gold() -> list[dict]:
    return yaml.safe_load((FIXTURES / "seeds.gold.yaml").read_text(encoding="utf-8"))


@pytest.fixture
def db(tmp_path) -> str:
    return str(tmp_path / "prov.db")


@pytest.fixture(scope="session")
def seeded_db(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("seeded") / "prov.db")
    summary = ingest(path, IngestOptions([str(FIXTURES)]))
    assert summary.added == 5, summary
    return path


@pytest.fixture(scope="session")
def seeded_export(seeded_db) -> dict[str, dict]:
    """The export records of the seeded database, by fixture file name."""
    result = CliRunner().invoke(main, ["--db", seeded_db, "export", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines()]
    return {Path(r["source"]).name: r for r in records}


def run_cli(*args: str, input: str | bytes | None = None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)
