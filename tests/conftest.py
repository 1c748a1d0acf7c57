from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from cli.main import main
from provenance.ingest import IngestOptions, ingest

from .databases import BACKENDS, fresh_db

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"


@pytest.fixture(scope="session")
def seeds_gold() -> list[dict]:
    return yaml.safe_load((FIXTURES / "seeds.gold.yaml").read_text(encoding="utf-8"))


def pytest_configure(config):
    config.addinivalue_line("markers", "sqlite_file: the test looks inside the SQLite file; not run on a server")


# Each database-using test runs on SQLite, and on PostgreSQL too when PROV_TEST_DB is set (tests/databases.py).
@pytest.fixture(params=BACKENDS)
def db(request, tmp_path) -> str:
    if request.param != "sqlite" and request.node.get_closest_marker("sqlite_file"):
        pytest.skip("looks inside the SQLite file")
    with fresh_db(request.param, tmp_path) as url:
        yield url


@pytest.fixture(scope="session", params=BACKENDS)
def seeded_db(request, tmp_path_factory) -> str:
    with fresh_db(request.param, tmp_path_factory.mktemp("seeded")) as path:
        yield _seed(path)


def _seed(path: str) -> str:
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
