"""Concurrency: two real `prov ingest` processes into one SQLite file both succeed and lose nothing, even on
the same articles; a trace or export while an ingest runs reads one consistent snapshot."""

from __future__ import annotations

import re
import sqlite3
import time

from provenance.export import iter_records
from provenance.trace import trace

from .fake_prov import make_articles
from .test_reliability_crash import _check_whole, prov


def _counts(out: str) -> tuple[int, int, int]:
    m = re.search(r"(\d+) added, (\d+) skipped \(already stored\), (\d+) failed", out)
    assert m, out
    return int(m[1]), int(m[2]), int(m[3])


def test_two_ingests_of_overlapping_folders(tmp_path):
    db = str(tmp_path / "prov.db")
    # a: articles 0-59, b: 30-89; the 30 in common are raced for, and every article shares sources
    # ("Agency 0".."Agency 59") that both processes create.
    expected = make_articles(tmp_path / "a", 60)
    expected |= make_articles(tmp_path / "b", 60, start=30)
    for i in range(30, 60):  # the same content at a second path, as two scrapes of one page would be
        assert (tmp_path / "a" / f"a{i:05d}.txt").read_bytes() == (tmp_path / "b" / f"a{i:05d}.txt").read_bytes()
    p1 = prov("--db", db, "ingest", str(tmp_path / "a"))
    p2 = prov("--db", db, "ingest", str(tmp_path / "b"))
    (out1, err1), (out2, err2) = p1.communicate(timeout=120), p2.communicate(timeout=120)
    assert p1.returncode == 0, err1
    assert p2.returncode == 0, err2
    a1, s1, f1 = _counts(out1)
    a2, s2, f2 = _counts(out2)
    assert (f1, f2) == (0, 0)
    assert a1 + s1 == 60 and a2 + s2 == 60
    assert a1 + a2 == 90  # each shared article stored once, by whichever process got there first
    assert _check_whole(db, expected).keys() == expected.keys()
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT count(*) FROM articlepath").fetchone()[0] == 120  # both paths of the shared
        names = [r[0] for r in con.execute("SELECT name FROM source")]
    assert len(names) == len(set(names))


def test_two_ingests_of_the_same_folder(tmp_path):
    db = str(tmp_path / "prov.db")
    expected = make_articles(tmp_path / "a", 30)
    procs = [prov("--db", db, "ingest", str(tmp_path / "a")) for _ in range(2)]
    outs = [p.communicate(timeout=120) for p in procs]
    for p, (_out, err) in zip(procs, outs, strict=True):
        assert p.returncode == 0, err
    counts = [_counts(out) for out, _ in outs]
    assert sum(c[0] for c in counts) == 30 and all(c[0] + c[1] == 30 and c[2] == 0 for c in counts)
    assert _check_whole(db, expected).keys() == expected.keys()


def test_trace_and_export_during_an_ingest_see_whole_articles(tmp_path):
    db = str(tmp_path / "prov.db")
    expected = make_articles(tmp_path / "a", 60, per=60)
    # (20 ms per article: the ingest lasts over a second, so reads fall while it runs however fast the machine)
    p = prov("--db", db, "ingest", "--batch", "1", str(tmp_path / "a"), env={"PROV_TEST_MAP_SECONDS": "0.02"})
    seen_partial = False
    reads = 0
    try:
        while p.poll() is None:
            try:
                records = list(iter_records(db))
                report = trace(db, "harga beras")
            except Exception as exc:  # noqa: BLE001
                if "no such database" in str(exc) or "no such table" in str(exc):
                    time.sleep(0.02)
                    continue
                raise
            reads += 1
            for rec in records:  # export reads citations first and articles last: one snapshot or bust
                assert len(rec["citations"]) == expected[rec["id"]], rec["id"]
            for art in report.articles:
                assert len(art.credits) == expected[art.id], art.id
            seen_partial |= 0 < len(records) < len(expected)
            time.sleep(0.05)
    finally:
        out, err = p.communicate(timeout=120)
    assert p.returncode == 0, err
    assert reads and seen_partial, "no read happened while the ingest was under way"
