"""Prepare articles for the writer: read, hash, clean and map them, in this process or in worker processes.

:func:`prepare` turns a stream of inputs into a stream of :class:`Prepared` items in input order, so the single
writer in :mod:`provenance.ingest` stores the same rows in the same order whatever the number of workers: an
ingest with ``jobs=2`` gives the same database as one with ``jobs=1``.

Inputs are streamed, never listed whole, and at most a few chunks per worker are in flight, so memory stays flat
however large the folder. Workers start from a fork server (not a plain fork): a child forked from a process that
holds an open SQLite connection must not open the same file again.
"""

from __future__ import annotations

import logging
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from .errors import InputError

log = logging.getLogger(__name__)

CHUNK = 16  # articles per task: large enough to amortise the hand-off, small enough to keep workers even
IN_FLIGHT = 4  # chunks queued per worker: keeps both cores busy while bounding memory


@dataclass
class Prepared:
    """One input, ready for the writer: processed, already stored (``processed`` None), or failed."""

    item: Path | str  # the input as listed (what the summary names)
    source: str
    aid: str | None = None
    processed: object | None = None  # a store.Processed; None when it was already stored or failed
    error: str | None = None  # the InputError's one line (as text: exceptions with extra arguments do not pickle)


def prepare_one(item, opts, rules, registry, known: Callable[[str], bool]) -> Prepared:
    """Read one input; unless ``known(id)`` says it is stored already, clean and map it."""
    from .ingest import _read, process
    from .store import article_id

    try:
        raw = _read(item, opts)
        aid = article_id(raw.text)
        if known(aid):
            return Prepared(item, raw.source, aid)
        return Prepared(item, raw.source, aid, process(raw, rules, registry))
    except InputError as exc:
        return Prepared(item, str(item), error=str(exc))


def prepare(items: Iterable, opts, rules, registry, *, db: str | None, known: Callable[[str], bool]) -> Iterator[Prepared]:
    """Yield a :class:`Prepared` per input, in input order; ``opts.jobs`` > 1 processes them in worker processes.

    ``known`` is the writer's own check (used in this process); workers check the database themselves, read-only,
    so a re-run over a folder that is mostly stored skips the cleaning of what is there.
    """
    jobs = getattr(opts, "jobs", 1) or multiprocessing.cpu_count()
    if jobs <= 1:
        for item in items:
            yield prepare_one(item, opts, rules, registry, known)
        return
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["provenance.ingest"])
    stream = iter(items)
    window: deque[Future] = deque()
    with ProcessPoolExecutor(jobs, mp_context=ctx, initializer=_init, initargs=(db, opts)) as pool:
        while True:
            while len(window) < jobs * IN_FLIGHT:
                chunk = list(islice(stream, CHUNK))
                if not chunk:
                    break
                window.append(pool.submit(_work, chunk))
            if not window:
                return
            yield from window.popleft().result()


# Worker state, set once per worker process by _init.
_state: dict = {}


def _init(db: str | None, opts) -> None:
    from . import db as dbmod
    from .clean import load_rules
    from .registry import load_registry

    _state.update(opts=opts, rules=load_rules(opts.rules), registry=load_registry(opts.outlets), engine=None)
    try:
        _state["engine"] = dbmod.open_engine(db, create=False)
    except Exception:  # noqa: BLE001 - the check is only a shortcut: without it every article is processed
        log.debug("worker cannot read %s; it will process every article", db, exc_info=True)


def _stored(aid: str) -> bool:
    engine = _state.get("engine")
    if engine is None:
        return False
    from sqlalchemy import text

    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT 1 FROM article WHERE id = :id"), {"id": aid}).first() is not None
    except Exception:  # noqa: BLE001 - e.g. an in-memory database the worker cannot see
        return False


def _work(chunk: list) -> list[Prepared]:
    s = _state
    return [prepare_one(item, s["opts"], s["rules"], s["registry"], _stored) for item in chunk]
