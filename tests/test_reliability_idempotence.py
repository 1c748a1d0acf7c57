"""Idempotence: re-ingesting any file, folder or stream changes nothing; the same article reached by two paths
(a copy, a symlink, other line endings) is stored once with every path recorded."""

from __future__ import annotations

import sqlalchemy

from provenance.db import resolve_url

from .conftest import FIXTURES, run_cli
from .reliability import ARTICLE, count, dump


def _paths(db: str) -> list[str]:
    engine = sqlalchemy.create_engine(resolve_url(db))  # SQLite, or the PROV_TEST_DB server
    with engine.connect() as con:
        paths = sorted(r[0] for r in con.execute(sqlalchemy.text("SELECT path FROM articlepath")))
    engine.dispose()
    return paths


def test_reingesting_a_folder_a_file_and_stdin_changes_nothing(db, tmp_path):
    f = tmp_path / "one.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    for args, stdin in (((str(FIXTURES),), None), ((str(f),), None), (("-",), ARTICLE.replace("Senin", "Jumat"))):
        first = run_cli("--db", db, "ingest", *args, input=stdin)
        assert first.exit_code == 0, first.output
        before = dump(db)
        again = run_cli("--db", db, "ingest", *args, input=stdin)
        assert again.exit_code == 0 and "0 added" in again.output and "0 failed" in again.output, again.output
        assert dump(db) == before


def test_same_article_from_two_paths_is_stored_once_with_both(db, tmp_path):
    a = tmp_path / "a.txt"
    a.write_text(ARTICLE, encoding="utf-8")
    copy = tmp_path / "sub" / "copy.txt"
    copy.parent.mkdir()
    copy.write_bytes(ARTICLE.replace("\n", "\r\n").encode("utf-8"))  # a Windows scrape of the same page
    link = tmp_path / "link.txt"
    link.symlink_to(a)
    result = run_cli("--db", db, "ingest", str(a), str(copy), str(link))
    assert "1 added, 2 skipped (already stored), 0 failed" in result.output, result.output
    assert count(db, "article") == 1
    assert _paths(db) == sorted([str(a), str(copy), str(link)])
    before = dump(db)
    run_cli("--db", db, "ingest", str(tmp_path))
    assert dump(db) == before  # the folder holds nothing new: not even a new path
