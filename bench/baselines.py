"""The baselines prov's ingest is measured against, each run as its own process by the harness.

- ``store``: read, hash and insert the raw text into the same database schema, in the same batches as
  ``prov ingest`` (no cleaning, no mapping): the floor of what storing an archive costs.
- ``extract``: trafilatura's extraction alone on the same HTML pages, with the cleaner's own options, in as many
  processes as the ingest it is set beside has workers.

Usage: ``python -m bench.baselines store DB FOLDER`` or ``python -m bench.baselines extract FOLDER [JOBS]``.
"""

from __future__ import annotations

import multiprocessing
import sys
from concurrent.futures import ProcessPoolExecutor

from provenance import db as dbmod
from provenance.reader import iter_paths, read_file
from provenance.records import Cleaned, Mapping
from provenance.registry import load_registry
from provenance.store import Processed, SourceCache, article_id, stored_among, write_batch

BATCH = 100  # the same batch size as `prov ingest` uses by default


def store_only(db: str, folder: str) -> int:
    """Each file read, hashed and stored as it is (body = raw text, nothing removed, no findings) by the same
    batched writer and transactions as `prov ingest`, so the ratio measures cleaning and mapping, not SQL."""
    engine = dbmod.open_engine(db)
    writer = dbmod.write_engine(engine)
    registry = load_registry()
    n = 0
    batch: list[Processed] = []

    def flush() -> None:
        with dbmod.session(engine) as s:
            stored = stored_among(s, [item.id for item in batch])
        todo = [item for item in batch if item.id not in stored]
        dbmod.in_transaction(writer, lambda s: write_batch(s, SourceCache(s, registry), todo), what="a batch")
        batch.clear()

    for path in iter_paths([folder]):
        raw = read_file(path)
        batch.append(Processed(article_id(raw.text), raw, Cleaned(body=raw.text), Mapping(None)))
        n += 1
        if len(batch) == BATCH:
            flush()
    if batch:
        flush()
    engine.dispose()
    return n


def extract_only(folder: str, jobs: str = "1") -> int:
    """trafilatura.extract on every page, in ``jobs`` processes (the pages dealt out in order, as prov's workers
    get them), so an ingest with N workers is compared with the extraction alone on N processes."""
    workers = int(jobs)
    paths = iter_paths([folder])
    if workers <= 1:
        return sum(map(_extract, paths))
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
        return sum(pool.map(_extract, paths, chunksize=16))


def _extract(path) -> int:
    import trafilatura

    from provenance.clean.html import EXTRACT_OPTIONS  # the cleaner's own options, so the two stay in step

    raw = read_file(path)
    trafilatura.extract(raw.text, url=raw.url, **EXTRACT_OPTIONS)
    return 1


if __name__ == "__main__":
    mode, *args = sys.argv[1:]
    count = store_only(*args) if mode == "store" else extract_only(*args)
    print(count)
