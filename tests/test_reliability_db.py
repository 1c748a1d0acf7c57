"""The bad-database matrix: a missing folder, a read-only, corrupt, foreign or newer database, an unknown format.
Each gets one ``Error:`` line naming the database, exit 1, and the file is left exactly as it was."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from .conftest import run_cli
from .reliability import ARTICLE, dump, one_error, seed

pytestmark = pytest.mark.sqlite_file  # the bad-database matrix is about SQLite files


def _new_article(tmp_path: Path) -> Path:
    f = tmp_path / "new.txt"
    f.write_text(ARTICLE.replace("Senin", "Kamis"), encoding="utf-8")
    return f


def test_database_in_a_missing_folder_is_refused_and_not_created(tmp_path):
    target = tmp_path / "missing-folder" / "prov.db"
    one_error(run_cli("--db", str(target), "ingest", str(_new_article(tmp_path))), "missing-folder", "does not exist")
    one_error(run_cli("--db", str(target), "trace", "menteri"), "missing-folder")
    assert not target.parent.exists()


def test_read_only_database_refuses_writes_and_still_answers_reads(db, tmp_path):
    # Root ignores file modes, so open the database read-only the way SQLite offers: a mode=ro URI.
    before = seed(db, tmp_path)
    ro = f"sqlite:///file:{db}?mode=ro&uri=true"
    one_error(run_cli("--db", ro, "ingest", str(_new_article(tmp_path))), db, "readonly")
    assert dump(db) == before
    result = run_cli("--db", ro, "trace", "menteri")
    assert result.exit_code == 0, result.output
    assert "- Articles: 1" in result.output
    assert run_cli("--db", ro, "export").exit_code == 0


def test_read_only_database_that_does_not_exist(tmp_path):
    ro = f"sqlite:///file:{tmp_path / 'none.db'}?mode=ro&uri=true"
    one_error(run_cli("--db", ro, "trace", "menteri"), "none.db")
    assert not (tmp_path / "none.db").exists()


@pytest.mark.parametrize("command", [("ingest", "{article}"), ("trace", "menteri"), ("export",), ("outlets",)])
def test_corrupt_database_is_refused_and_kept(tmp_path, command):
    bad = tmp_path / "bad.db"
    junk = b"SQLite format 3\x00" + b"\xde\xad\xbe\xef" * 2000  # a valid header over garbage is the worst case
    bad.write_bytes(junk)
    args = [a.format(article=_new_article(tmp_path)) for a in command]
    one_error(run_cli("--db", str(bad), *args), str(bad))
    assert bad.read_bytes() == junk
    assert not Path(f"{bad}-wal").exists() or Path(f"{bad}-wal").stat().st_size == 0


def test_text_file_as_database_is_refused_and_kept(tmp_path):
    bad = tmp_path / "notes.db"
    bad.write_bytes(b"this is not a database\n" * 100)
    one_error(run_cli("--db", str(bad), "ingest", str(_new_article(tmp_path))), str(bad))
    assert bad.read_bytes() == b"this is not a database\n" * 100


def test_someone_elses_database_is_refused(tmp_path):
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as con:
        con.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    before = dump(str(other))
    one_error(run_cli("--db", str(other), "ingest", str(_new_article(tmp_path))), "not a prov database")
    assert dump(str(other)) == before


@pytest.mark.parametrize("command", [("ingest", "{article}"), ("trace", "menteri"), ("export",)])
def test_database_from_a_newer_prov_is_refused_and_kept(db, tmp_path, command):
    seed(db, tmp_path)
    with sqlite3.connect(db) as con:
        con.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    before = dump(db)
    args = [a.format(article=_new_article(tmp_path)) for a in command]
    one_error(run_cli("--db", db, *args), db, "newer prov", "upgrade")
    assert dump(db) == before


def test_unknown_format_is_refused(db, tmp_path):
    before = seed(db, tmp_path)
    one_error(run_cli("--db", db, "export", "--format", "xml"), "xml")
    one_error(run_cli("--db", db, "export", "--format", "xml", "--output", str(tmp_path / "o.xml")), "xml")
    assert not (tmp_path / "o.xml").exists()
    assert dump(db) == before


def test_trace_before_any_ingest_says_what_to_do(tmp_path):
    one_error(run_cli("--db", str(tmp_path / "fresh.db"), "trace", "menteri"), "prov ingest")
    assert not (tmp_path / "fresh.db").exists()
