"""`prov ingest --jobs N`: the same database as one process, streamed, in batches that hold whole articles only."""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from bench.generate import article, as_html, as_text
from provenance.ingest import IngestOptions, ingest

from .conftest import FIXTURES, run_cli


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """Seeds, synthetic text and HTML articles, a duplicate and a broken file, in nested folders."""
    root = tmp_path_factory.mktemp("archive")
    shutil.copytree(FIXTURES, root / "seeds", ignore=shutil.ignore_patterns("*.yaml"))
    for i in range(45):
        p = article(7, 45, i)
        (root / "text").mkdir(exist_ok=True)
        (root / "html").mkdir(exist_ok=True)
        (root / "text" / f"{i:03d}.txt").write_text(as_text(p), encoding="utf-8")
        (root / "html" / f"{i:03d}.html").write_text(as_html(p), encoding="utf-8")
    shutil.copy(root / "text" / "003.txt", root / "text" / "003-copy.txt")
    (root / "text" / "broken.txt").write_bytes(b"\x00\x01\x02binary")
    return root


def _dump(db: str) -> list[str]:
    """Every row, except the full-text index's own pages: how FTS5 lays those out depends on how the rows were
    grouped into statements and transactions. The index is checked against the stored articles instead."""
    with sqlite3.connect(db) as conn:
        conn.execute("INSERT INTO article_fts(article_fts, rank) VALUES ('integrity-check', 1)")
        return [line for line in conn.iterdump() if not line.startswith('INSERT INTO "article_fts_')]


def _ingest(db, archive, jobs, **kw):
    return ingest(db, IngestOptions([str(archive)], jobs=jobs, **kw))


def test_two_jobs_give_the_same_database_as_one(tmp_path, archive):
    one, two = str(tmp_path / "one.db"), str(tmp_path / "two.db")
    s1, s2 = _ingest(one, archive, 1), _ingest(two, archive, 2)
    assert s1 == s2
    assert (s1.added, s1.skipped, s1.failed) == (5 + 45 + 45, 1, 1)
    assert _dump(one) == _dump(two)


def test_rerun_with_jobs_skips_what_is_stored(tmp_path, archive):
    db = str(tmp_path / "prov.db")
    _ingest(db, archive, 1)
    before = _dump(db)
    again = _ingest(db, archive, 2)
    assert (again.added, again.skipped, again.failed) == (0, 96, 1)
    assert _dump(db) == before


def test_small_batches_give_the_same_database(tmp_path, archive):
    a, b = str(tmp_path / "a.db"), str(tmp_path / "b.db")
    _ingest(a, archive, 1)
    _ingest(b, archive, 2, batch=7)
    assert _dump(a) == _dump(b)


def test_an_interrupted_ingest_keeps_only_whole_articles(tmp_path, archive):
    db = str(tmp_path / "prov.db")

    def crash(done, total):
        if done == 30:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        ingest(db, IngestOptions([str(archive)], jobs=2, batch=20), progress=crash)
    with sqlite3.connect(db) as conn:
        stored = conn.execute("SELECT count(*) FROM article").fetchone()[0]
        orphans = conn.execute("SELECT count(*) FROM articlepath WHERE article_id NOT IN (SELECT id FROM article)").fetchone()[0]
    assert stored == 20 and orphans == 0  # the first batch, whole; the open one rolled back
    # A re-run completes the rest and ends with the same database as an uninterrupted ingest.
    _ingest(db, archive, 2)
    full = str(tmp_path / "full.db")
    _ingest(full, archive, 1)
    assert _export(db) == _export(full)


def _export(db: str) -> str:
    result = run_cli("--db", db, "export")
    assert result.exit_code == 0
    return result.output


def test_progress_reaches_the_total(tmp_path, archive):
    seen = []
    ingest(str(tmp_path / "p.db"), IngestOptions([str(archive)], jobs=2), progress=lambda d, t: seen.append((d, t)))
    assert seen[-1] == (97, 97)
    assert [d for d, _ in seen] == list(range(1, 98))


def test_cli_jobs_and_quiet(tmp_path, archive):
    db = str(tmp_path / "c.db")
    result = run_cli("--db", db, "ingest", "--jobs", "2", "--quiet", str(archive / "text"))
    assert result.exit_code == 0
    # Not a terminal: no progress bar, only the broken file's error and the summary.
    assert result.output.splitlines()[-1] == "45 added, 1 skipped (already stored), 1 failed"
    assert "%" not in result.output and "[" not in result.output


def test_stdin_is_read_in_this_process(tmp_path):
    db = str(tmp_path / "s.db")
    text = as_text(article(7, 45, 1))
    result = run_cli("--db", db, "ingest", "--jobs", "2", "-", input=text)
    assert result.exit_code == 0
    assert result.output.strip().endswith("1 added, 0 skipped (already stored), 0 failed")


def test_sigkill_mid_batch_loses_the_open_batch_whole(tmp_path):
    """A real process killed while storing its 12th article, 5 articles per transaction: two whole batches stay."""
    import signal

    from .fake_prov import make_articles
    from .test_reliability_crash import _check_whole, _rerun_completes, prov

    folder, db = tmp_path / "in", str(tmp_path / "prov.db")
    expected = make_articles(folder, 20)
    p = prov("--db", db, "ingest", "--batch", "5", str(folder), env={"PROV_TEST_DIE_AT": "12"})
    p.communicate(timeout=120)
    assert p.returncode == -signal.SIGKILL
    assert len(_check_whole(db, expected)) == 10
    _rerun_completes(db, folder, expected, already=10)


def test_prefetch_advises_readable_files_and_skips_the_rest(tmp_path, monkeypatch):
    import os

    from provenance import parallel

    files = [tmp_path / f"{i}.txt" for i in range(3)]
    for f in files:
        f.write_text("Jakarta - isi berita.", encoding="utf-8")
    advised: list[tuple[int, int]] = []

    def fadvise(fd, offset, length, advice):
        advised.append((os.fstat(fd).st_ino, advice))

    monkeypatch.setattr(parallel, "_FADVISE", fadvise)
    parallel._prefetch([str(files[0]), str(tmp_path / "missing.txt"), "-", str(files[1]), object(), str(files[2])])
    assert advised == [(f.stat().st_ino, os.POSIX_FADV_WILLNEED) for f in files]
    monkeypatch.setattr(parallel, "_FADVISE", None)  # where the OS has no posix_fadvise: nothing, no error
    parallel._prefetch([str(files[0])])


def test_the_result_pipe_holds_a_few_chunks():
    import fcntl
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from provenance.parallel import RESULT_PIPE, _widen_results

    if not hasattr(fcntl, "F_GETPIPE_SZ"):
        pytest.skip("pipe sizes are Linux's")
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork")) as pool:
        fd = pool._result_queue._writer.fileno()
        before = fcntl.fcntl(fd, fcntl.F_GETPIPE_SZ)
        _widen_results(pool)
        assert before < RESULT_PIPE <= fcntl.fcntl(fd, fcntl.F_GETPIPE_SZ)
        assert pool.submit(sum, [1, 2]).result() == 3  # (the pool still works)
    _widen_results(object())  # type: ignore[arg-type]  # (no such pipe: nothing to do, no error)
