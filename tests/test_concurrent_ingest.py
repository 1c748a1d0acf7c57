"""Four `prov ingest` processes at once over overlapping inputs: the result equals a single-process ingest.

Each article is stored exactly once (the four "N added" add up to the number of distinct articles), no path is
lost, nobody deadlocks or fails. On PostgreSQL the four also race to create the schema of an empty database.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

from provenance.ingest import IngestOptions, ingest

from .conftest import ROOT
from .corpus import make_corpus, records
from .databases import fresh_db

N = 40


def _inputs(tmp_path) -> list[list[str]]:
    corpus = make_corpus(tmp_path / "corpus", N)
    copies = tmp_path / "copies"  # the same content at other paths: stored once, every path recorded
    copies.mkdir()
    for f in corpus[::7]:
        shutil.copy(f, copies / f.name)
    shards = []
    for k in range(4):  # each shard overlaps the next by half
        shards.append([str(corpus[(k * 10 + j) % N]) for j in range(20)])
    shards[0].append(str(copies))
    shards[2].append(str(copies))
    shards[3].extend(str(f) for f in corpus[:3])  # one article at the same path in three shards
    return shards


def _prov(db: str, paths: list[str]) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "cli.main", "--db", db, "ingest", *paths]
    return subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_four_concurrent_ingesters_equal_one(db, tmp_path, request):
    shards = _inputs(tmp_path)
    procs = [_prov(db, shard) for shard in shards]
    added = 0
    for p in procs:
        out, err = p.communicate(timeout=300)
        assert p.returncode == 0, (out, err)
        assert ", 0 failed" in out, (out, err)
        added += int(re.match(r"(\d+) added", out).group(1))
    assert added == N  # each article stored by exactly one ingester

    union = sorted({path for shard in shards for path in shard})
    backend = request.node.callspec.params["db"]
    (tmp_path / "single").mkdir()
    with fresh_db(backend, tmp_path / "single") as single:
        summary = ingest(single, IngestOptions(union))
        assert summary.added == N and summary.failed == 0
        expected = records(single)
    got = records(db)
    assert len(got) == N
    assert got == expected
