"""Bad input gets one clear line naming the input, a non-zero exit, and leaves the database as it was."""

from __future__ import annotations

import sqlalchemy

from provenance.db import resolve_url
from provenance.reader import decode

from .conftest import FIXTURES, run_cli

ARTICLE = "Jakarta, Warta Contoh - Menteri itu berkata, “Kami siap,” kata dia kepada wartawan, Senin (3/11/2025).\n"


def _export(db: str) -> str:
    result = run_cli("--db", db, "export")
    assert result.exit_code == 0
    return result.output


def _seed(db: str, tmp_path) -> str:
    f = tmp_path / "good.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    assert run_cli("--db", db, "ingest", str(f)).exit_code == 0
    return _export(db)


def _one_error_line(result, needle: str) -> None:
    assert result.exit_code != 0
    lines = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert len(lines) == 1, result.output
    assert needle in lines[0], lines[0]


def test_missing_path(db, tmp_path):
    before = _seed(db, tmp_path)
    missing = str(tmp_path / "nope.txt")
    result = run_cli("--db", db, "ingest", str(tmp_path / "good.txt"), missing)
    _one_error_line(result, missing)
    assert "no such file" in result.output
    assert _export(db) == before


def test_binary_file(db, tmp_path):
    before = _seed(db, tmp_path)
    f = tmp_path / "photo.txt"
    f.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    result = run_cli("--db", db, "ingest", str(f))
    _one_error_line(result, str(f))
    assert "binary" in result.output
    assert _export(db) == before


def test_empty_and_whitespace_files(db, tmp_path):
    before = _seed(db, tmp_path)
    for name, content in (("empty.txt", ""), ("blank.txt", " \n\t\n")):
        f = tmp_path / name
        f.write_text(content)
        result = run_cli("--db", db, "ingest", str(f))
        _one_error_line(result, str(f))
    assert _export(db) == before


def test_unreachable_database_url(tmp_path):
    f = tmp_path / "good.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    result = run_cli("--db", "postgresql+psycopg://nobody@127.0.0.1:1/none", "ingest", str(f))
    _one_error_line(result, "127.0.0.1")
    result = run_cli("--db", str(tmp_path / "missing-folder" / "x.db"), "ingest", str(f))
    _one_error_line(result, "missing-folder")


def test_corrupt_database_is_refused_and_kept(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not a database" * 100)
    f = tmp_path / "good.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    result = run_cli("--db", str(bad), "ingest", str(f))
    _one_error_line(result, str(bad))
    assert bad.read_bytes() == b"this is not a database" * 100


def test_newer_schema_is_refused(db, tmp_path):
    _seed(db, tmp_path)
    engine = sqlalchemy.create_engine(resolve_url(db))  # SQLite or the PROV_TEST_DB server
    with engine.begin() as con:
        con.execute(sqlalchemy.text("UPDATE meta SET value = '999' WHERE key = 'schema_version'"))
    engine.dispose()
    result = run_cli("--db", db, "export")
    _one_error_line(result, "newer prov")


def test_folder_failure_is_counted_and_the_rest_goes_on(db, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "b.txt").write_bytes(b"\x00\x01\x02" * 50)
    result = run_cli("--db", db, "ingest", str(folder))
    assert result.exit_code == 0
    assert "1 added, 0 skipped (already stored), 1 failed" in result.output
    assert "b.txt" in result.output


def test_folder_without_articles(db, tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.csv").write_text("a,b\n")
    result = run_cli("--db", db, "ingest", str(tmp_path / "empty"))
    _one_error_line(result, "no article files")


def test_reingest_changes_nothing_and_records_paths(db, tmp_path):
    before = _seed(db, tmp_path)
    result = run_cli("--db", db, "ingest", str(tmp_path / "good.txt"))
    assert "0 added, 1 skipped" in result.output
    assert _export(db) == before
    copy = tmp_path / "copy.txt"
    copy.write_text(ARTICLE, encoding="utf-8")
    run_cli("--db", db, "ingest", str(copy))
    import json

    records = [json.loads(line) for line in _export(db).splitlines()]
    assert len(records) == 1
    assert sorted(records[0]["paths"]) == sorted([str(tmp_path / "good.txt"), str(copy)])


def test_fixture_folder_twice_is_idempotent(db):
    run_cli("--db", db, "ingest", str(FIXTURES))
    first = _export(db)
    result = run_cli("--db", db, "ingest", str(FIXTURES))
    assert "0 added, 5 skipped" in result.output
    assert _export(db) == first


def test_encodings_are_decoded_not_rejected(db, tmp_path):
    text = "Jakarta, Warta Contoh - Café “résumé” naïve — kata menteri.\n"
    cases = {
        "cp1252.txt": text.encode("cp1252"),
        "utf16.txt": text.encode("utf-16"),  # with BOM
        "stray.txt": text.encode("utf-8")[:30] + b"\xff" + text.encode("utf-8")[30:],
    }
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
        decoded, _ = decode(data, name)
        assert "naïve" in decoded and "“résumé”" in decoded, (name, decoded)
    result = run_cli("--db", db, "ingest", *(str(tmp_path / n) for n in cases))
    assert result.exit_code == 0, result.output
    assert "0 failed" in result.output


def test_stdin_input(db):
    result = run_cli("--db", db, "ingest", "-", "--outlet", "Warta Contoh", input=ARTICLE.encode())
    assert result.exit_code == 0
    assert "1 added" in result.output


def test_clean_command_prints_body_only(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    result = run_cli("clean", str(f))
    assert result.exit_code == 0
    assert result.output.strip() == ARTICLE.strip()
    result = run_cli("clean", str(tmp_path / "none.txt"))
    _one_error_line(result, "none.txt")


def test_unknown_export_format(db, tmp_path):
    _seed(db, tmp_path)
    result = run_cli("--db", db, "export", "--format", "xml")
    _one_error_line(result, "xml")


def test_input_errors_cross_process_boundaries():
    import pickle

    from provenance.errors import InputError

    err = pickle.loads(pickle.dumps(InputError("a.txt", "binary file")))
    assert (err.source, err.problem, str(err)) == ("a.txt", "binary file", "a.txt: binary file")


def test_transient_database_errors_are_told_apart():
    """A deadlock or a busy file is retried by the batch writer; a broken database is not."""
    from types import SimpleNamespace

    from sqlalchemy.exc import OperationalError

    from provenance.db import is_transient

    def err(orig):
        return OperationalError("INSERT …", {}, orig)

    assert is_transient(err(SimpleNamespace(sqlstate="40P01")))  # PostgreSQL: deadlock detected
    assert is_transient(err(Exception("database is locked")))  # SQLite: another writer holds the lock
    assert not is_transient(err(Exception("no such table: article")))
    assert not is_transient(err(SimpleNamespace(sqlstate="42P01")))  # undefined table
