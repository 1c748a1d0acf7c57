"""Crash safety: a real `prov ingest` killed with SIGKILL leaves a database that opens, holds only whole
articles (each with all its citations or none), and a re-run completes the rest."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time

from .conftest import ROOT
from .fake_prov import make_articles


def prov(*args: str, env: dict | None = None) -> subprocess.Popen:
    import os

    return subprocess.Popen(
        [sys.executable, "-m", "tests.fake_prov", *args],
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def stored(db: str) -> dict[str, int]:
    """{article id: stored citation count}, after checking the file is a sound SQLite database."""
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        rows = con.execute(
            "SELECT a.id, (SELECT count(*) FROM citation c WHERE c.article_id = a.id) FROM article a"
        ).fetchall()
        orphans = con.execute("SELECT count(*) FROM citation WHERE article_id NOT IN (SELECT id FROM article)").fetchone()
        assert orphans[0] == 0
        paths = con.execute("SELECT count(*) FROM article WHERE id NOT IN (SELECT article_id FROM articlepath)").fetchone()
        assert paths[0] == 0
    return dict(rows)


def _check_whole(db: str, expected: dict[str, int]) -> dict[str, int]:
    got = stored(db)
    for aid, n in got.items():
        assert n == expected[aid], f"article {aid} stored with {n} of its {expected[aid]} citations"
    return got


def _rerun_completes(db: str, folder, expected: dict[str, int], already: int) -> None:
    p = prov("--db", db, "ingest", str(folder))
    out, err = p.communicate(timeout=120)
    assert p.returncode == 0, err
    assert f"{len(expected) - already} added, {already} skipped (already stored), 0 failed" in out
    assert _check_whole(db, expected).keys() == expected.keys()


def test_sigkill_in_the_middle_of_an_article(tmp_path):
    folder, db = tmp_path / "in", str(tmp_path / "prov.db")
    expected = make_articles(folder, 20)
    p = prov("--db", db, "ingest", str(folder), env={"PROV_TEST_DIE_AT": "12"})
    p.communicate(timeout=120)
    assert p.returncode == -signal.SIGKILL
    got = _check_whole(db, expected)
    assert len(got) == 11  # the 12th article's rows were flushed but never committed
    _rerun_completes(db, folder, expected, already=11)


def test_sigkill_from_outside_at_a_random_moment(tmp_path):
    folder, db = tmp_path / "in", str(tmp_path / "prov.db")
    expected = make_articles(folder, 100, per=40)
    p = prov("--db", db, "ingest", str(folder))
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:  # wait until it is well under way, then kill it mid-stream
        time.sleep(0.05)
        try:
            with sqlite3.connect(db, timeout=5) as con:
                if con.execute("SELECT count(*) FROM article").fetchone()[0] >= 10:
                    break
        except sqlite3.OperationalError:
            continue  # the tables are not there yet
    p.send_signal(signal.SIGKILL)
    p.communicate(timeout=30)
    assert p.returncode == -signal.SIGKILL, "the ingest finished before it could be killed; give it more work"
    got = _check_whole(db, expected)
    assert 10 <= len(got) < len(expected)
    _rerun_completes(db, folder, expected, already=len(got))
