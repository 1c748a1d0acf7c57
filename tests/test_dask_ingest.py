"""Distributed ingest on a dask.distributed LocalCluster with several worker processes equals one process."""

from __future__ import annotations

import pytest

from provenance.distributed import ingest_dask
from provenance.errors import InputError
from provenance.ingest import IngestOptions, ingest

from .conftest import run_cli
from .corpus import as_html, make_corpus, page_url, records, write_warc
from .databases import fresh_db

N = 30


@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=3, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
    ) as cluster:
        yield cluster


def _inputs(tmp_path) -> list[str]:
    corpus = make_corpus(tmp_path / "corpus", N)
    pages = [(page_url(i, "2025-11-07"), as_html(f.read_text(encoding="utf-8")), "2025-11-07") for i, f in enumerate(corpus[:8])]
    warc = write_warc(tmp_path / "crawl.warc.gz", pages)
    # overlapping: the folder, some files again by path, and a WARC of pages of the same articles
    return [str(tmp_path / "corpus"), *(str(f) for f in corpus[:5]), str(warc)]


def test_dask_ingest_equals_single_process(db, tmp_path, cluster, request):
    inputs = _inputs(tmp_path)
    summary = ingest_dask(db, IngestOptions(inputs), cluster.scheduler_address, batch_size=4, partitions=5)
    assert summary.failed == 0, summary.errors
    assert summary.added == N + 8  # the corpus, and the 8 WARC pages (HTML: other content, other ids)

    backend = request.node.callspec.params["db"]
    (tmp_path / "single").mkdir()
    with fresh_db(backend, tmp_path / "single") as single:
        assert ingest(single, IngestOptions(inputs)).added == N + 8
        expected = records(single)
    assert records(db) == expected

    result = run_cli("--db", db, "ingest", "--dask", cluster.scheduler_address, *inputs)
    assert result.exit_code == 0, result.output
    assert result.output.strip() == f"0 added, {N + 8 + 5} skipped (already stored), 0 failed"
    assert records(db) == expected


def test_dask_refuses_stdin_and_missing_inputs(db, tmp_path, cluster):
    with pytest.raises(InputError, match="standard input"):
        ingest_dask(db, IngestOptions(["-"]), cluster.scheduler_address)
    result = run_cli("--db", db, "ingest", "--dask", cluster.scheduler_address, str(tmp_path / "nope"))
    assert result.exit_code == 1
    assert "no such file or folder" in result.output
