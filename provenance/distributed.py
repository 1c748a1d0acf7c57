"""Distributed ingest on an existing Dask cluster: the inputs become a Dask bag, workers clean, map and write.

The client expands the inputs (files, and WARC files, each WARC one unit whose records its worker streams), makes
sure the schema exists, and hands out partitions. Each worker opens the database itself, checks which articles
are stored already, cleans and maps the rest, and writes them in batches, one transaction per batch. Writers
never conflict for long: articles, paths and sources are upserts on their natural keys (:mod:`provenance.store`),
so the result equals a single-process ingest of the same inputs whatever the partitioning.

The workers must reach the database: a PostgreSQL URL for a real cluster; a SQLite path works only when every
worker sees the same file (a LocalCluster on one machine).
"""

from __future__ import annotations

import logging
from dataclasses import asdict
from pathlib import Path

from sqlmodel import Session

from . import db as dbmod
from .clean import load_rules
from .errors import InputError
from .ingest import IngestOptions, IngestSummary, _check_inputs, iter_articles, process
from .records import RawArticle
from .registry import load_registry
from .store import SourceCache, article_id, stored_among, write_batch

log = logging.getLogger(__name__)

BATCH_SIZE = 100  # articles per transaction: large enough to amortise a round trip, small enough to retry

# Per worker process: the engine, rules and registry, opened once and reused by every partition it runs.
_WORKER_STATE: dict[tuple, tuple] = {}


def ingest_dask(
    db: str | None,
    opts: IngestOptions,
    scheduler,
    *,
    batch_size: int = BATCH_SIZE,
    partitions: int | None = None,
) -> IngestSummary:
    """Ingest the inputs of ``opts`` on the Dask cluster at ``scheduler`` (an address or a ``Client``).

    Raises InputError when an input named on the command line is missing (nothing is written then), and
    DatabaseError when the database cannot be opened or written.
    """
    from dask import bag
    from distributed import Client

    if "-" in opts.paths:
        raise InputError("-", "standard input cannot be shared out to Dask workers; give files")
    units = [str(p) for p in _check_inputs(opts.paths)]
    opts.warc_filter()  # refuse a bad filter before the cluster is asked for anything
    url = dbmod.resolve_url(db)
    dbmod.open_engine(url).dispose()  # create or check the schema once, here, before the workers race for it
    client = scheduler if isinstance(scheduler, Client) else Client(scheduler)
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        n = partitions or min(len(units), 4 * workers)
        parts = bag.from_sequence(units, npartitions=max(1, n))
        named = sorted(str(p) for p in opts.paths)
        results = parts.map_partitions(
            _ingest_partition, url=url, opts=opts, named=named, batch_size=batch_size
        ).compute()
    finally:
        if client is not scheduler:
            client.close()
    return _merge(results)


def _merge(results: list[dict]) -> IngestSummary:
    total = IngestSummary()
    for r in results:
        total.added += r["added"]
        total.skipped += r["skipped"]
        total.failed += r["failed"]
        total.errors.extend(r["errors"])
        total.fatal |= r["fatal"]
    return total


def _state(url: str, opts: IngestOptions):
    key = (url, tuple(map(str, opts.rules)), tuple(map(str, opts.outlets)))
    if key not in _WORKER_STATE:
        _WORKER_STATE[key] = (dbmod.open_engine(url, create=False), load_rules(opts.rules), load_registry(opts.outlets))
    return _WORKER_STATE[key]


def _ingest_partition(units: list[str], url: str, opts: IngestOptions, named: list[str], batch_size: int) -> list[dict]:
    """Runs on a worker: every article of ``units`` into the database, ``batch_size`` per transaction."""
    engine, rules, registry = _state(url, opts)
    summary = IngestSummary()
    batch: list[RawArticle] = []

    def fail(exc: InputError) -> None:
        summary.failed += 1
        summary.errors.append(str(exc))
        summary.fatal |= exc.source in named

    for unit in units:
        try:
            for got in iter_articles(Path(unit), opts):
                if isinstance(got, InputError):
                    fail(got)
                    continue
                batch.append(got)
                if len(batch) >= batch_size:
                    _flush(engine, rules, registry, batch, summary, fail)
                    batch = []
        except InputError as exc:
            fail(exc)
    if batch:
        _flush(engine, rules, registry, batch, summary, fail)
    return [asdict(summary)]


def _flush(engine, rules, registry, raws: list[RawArticle], summary: IngestSummary, fail) -> None:
    ids = [article_id(raw.text) for raw in raws]
    with Session(engine) as s:
        stored = stored_among(s, ids)
    known = [(aid, raw.source) for aid, raw in zip(ids, raws, strict=True) if aid in stored]
    todo = []
    for aid, raw in zip(ids, raws, strict=True):
        if aid in stored:
            continue
        try:
            todo.append(process(raw, rules, registry, aid=aid))
        except InputError as exc:
            fail(exc)
    # on SQLite the write lock is taken at BEGIN, so writers take turns; conflicts are retried by in_transaction
    added = dbmod.in_transaction(
        dbmod.write_engine(engine),
        lambda s: write_batch(s, SourceCache(s, registry), todo, known),
        what=f"a batch of {len(raws)} articles",
    )
    summary.added += added
    summary.skipped += len(known) + len(todo) - added
