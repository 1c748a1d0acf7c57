"""Prepare articles for the writer: read, hash, clean and map them, in this process or in worker processes.

:func:`prepare` turns a stream of inputs into a stream of :class:`Prepared` items in input order, so the single
writer in :mod:`provenance.ingest` stores the same rows in the same order whatever the number of workers: an
ingest with ``jobs=2`` gives the same database as one with ``jobs=1``. With ``jobs=1`` the one worker is a process
of its own, so cleaning and mapping overlap with storing.

Inputs are streamed, never listed whole, and at most a few chunks per worker are in flight, so memory stays flat
however large the folder. Workers are forked: they inherit the loaded rules and registry, and need no
``if __name__ == "__main__"`` guard in the caller's script (a fork server or spawn would re-run it). A forked
child must never use the parent's open SQLite connection, nor open the same file, so workers touch no database:
they skip what was stored before the ingest began by a snapshot of its ids, and the writer checks the rest.
"""

from __future__ import annotations

import fcntl
import logging
import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, replace
from itertools import islice
from pathlib import Path

from .errors import InputError
from .records import RawArticle
from .wire import pack, unpack

log = logging.getLogger(__name__)

CHUNK = 16  # articles per task: large enough to amortise the hand-off, small enough to keep workers even
IN_FLIGHT = 4  # chunks queued per worker: keeps both cores busy while bounding memory
# ... and never fewer than two of the writer's batches and a chunk per worker: the window is refilled only between
# the articles the writer takes, so while it commits a batch (slower as the database grows: ~0.15 s a batch at
# 100,000 articles) the workers live on what is queued; a window of 64 articles ran dry, and they waited.
BATCHES_IN_FLIGHT = 2
SMALL = 2 * CHUNK  # inputs up to this many are prepared in the writer's process: a worker would not pay for itself


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

    if isinstance(item, InputError):  # refused while reading (a WARC record, a file)
        return Prepared(item.source, item.source, error=str(item))
    try:
        raw = item if isinstance(item, RawArticle) else _read(item, opts)
        item = raw.source if isinstance(item, RawArticle) else item
        aid = article_id(raw.text)
        if known(aid):
            return Prepared(item, raw.source, aid)
        return Prepared(item, raw.source, aid, process(raw, rules, registry, aid=aid))
    except InputError as exc:
        return Prepared(item, str(item), error=str(exc))


def prepare(
    items: Iterable, opts, rules, registry, *, known: Callable[[str], bool], stored: Callable[[], set[str]],
    workers: int,
) -> Iterator[Prepared]:
    """Yield a :class:`Prepared` per input, in input order, prepared by ``workers`` worker processes (0: here).

    ``known(id)`` is the writer's own check, used in this process. With workers, ``stored()`` is called once for
    the ids already in the database, which the workers skip; the writer must still check what they return.
    One worker already pays: it cleans and maps while this process stores the articles before.
    """
    if workers <= 0:
        for item in items:
            yield prepare_one(item, opts, rules, registry, known)
        return
    _state.update(opts=opts, rules=rules, registry=registry, stored=stored())
    stream = iter(items)
    window: deque[Future] = deque()
    size = max(workers * IN_FLIGHT, -(-BATCHES_IN_FLIGHT * max(1, opts.batch) // CHUNK) + workers)  # chunks
    try:
        fork = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(workers, mp_context=fork, initializer=_watch_parent, initargs=(os.getpid(),)) as pool:
            _widen_results(pool)
            while True:
                while len(window) < size:
                    # a path as text: a Path pickles and unpickles parsing its parts (speed only)
                    chunk = [str(x) if isinstance(x, Path) else x for x in islice(stream, CHUNK)]
                    if not chunk:
                        break
                    _prefetch(chunk)
                    window.append(pool.submit(_work, chunk))
                if not window:
                    return
                for item, source, aid, packed, error in window.popleft().result():
                    yield Prepared(item, source, aid, None if packed is None else unpack(packed), error)
    finally:
        _state.clear()


def _prefetch(chunk: list) -> None:
    """Ask the kernel to read the chunk's files into the page cache now, while the chunks queued before it keep the
    workers busy: a worker then finds its files in memory instead of waiting on the disk (~0.15 ms a file on a cold
    cache here, ~7% of a worker's time per article). Advice only: a file that cannot be opened is left to the
    worker, which reports it."""
    if _FADVISE is None:
        return
    for item in chunk:
        if not isinstance(item, str) or item == "-":
            continue
        try:
            fd = os.open(item, os.O_RDONLY)
        except OSError:
            continue
        try:
            _FADVISE(fd, 0, 0, os.POSIX_FADV_WILLNEED)
        except OSError:
            pass
        finally:
            os.close(fd)


_FADVISE = getattr(os, "posix_fadvise", None)  # Linux and most Unix; not macOS or Windows


def _widen_results(pool: ProcessPoolExecutor) -> None:
    """Give the pipe the workers send their results through room for a few chunks (Linux; speed only).

    A chunk's result (~130 KB pickled) is larger than a pipe's default 64 KB, so a worker sending it waited until
    the writer's result thread had read it out, and that thread waits its turn for the writer's interpreter lock:
    sampled every 10 ms through a 10,000-article ingest, a worker was blocked writing to the pipe ~2% of the
    time. With 1 MB (Linux's default limit for a pipe) it hands the result over and goes on. The pipe is the
    executor's own (``_result_queue``); where it is not there or cannot grow, nothing changes."""
    setsize = getattr(fcntl, "F_SETPIPE_SZ", None)
    writer = getattr(getattr(pool, "_result_queue", None), "_writer", None)
    if setsize is None or writer is None:
        return
    try:
        fcntl.fcntl(writer.fileno(), setsize, RESULT_PIPE)
    except (OSError, ValueError):  # above the machine's limit, or not a pipe
        pass


RESULT_PIPE = 1 << 20


def workers_for(jobs: int, inputs: int, stdin: bool) -> int:
    """How many worker processes an ingest of ``inputs`` articles (0: not known) asked for ``jobs`` should start.

    None (0) for standard input (only this process can read it) or for a few articles (starting a worker costs
    more than it saves); ``jobs`` 0 is one per core.
    """
    if stdin or 0 < inputs <= SMALL:
        return 0
    return jobs or multiprocessing.cpu_count()


# What forked workers inherit from prepare(); set only while it runs.
_state: dict = {}


def _watch_parent(parent: int) -> None:
    """A worker outlives a writer killed with SIGKILL (it waits on a queue nobody will close), holding the
    writer's standard streams open: it leaves as soon as its parent is gone."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.2)
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="prov-parent-watch").start()


def _work(chunk: list) -> list[tuple]:
    """A chunk prepared, each as the fields of its :class:`Prepared`, the article packed as tuples
    (:mod:`provenance.wire`: the writer, which every article passes through, loads a fraction of the objects)."""
    s = _state
    stored = s["stored"]
    out = []
    for item in chunk:
        prep = prepare_one(item, s["opts"], s["rules"], s["registry"], stored.__contains__)
        packed = None
        if prep.processed is not None:  # the writer stores the cleaned body, not the input as read: its text is
            # not sent back (speed only: a third less to pickle and unpickle per article)
            packed = pack(replace(prep.processed, raw=replace(prep.processed.raw, text="")))
        out.append((str(prep.item), prep.source, prep.aid, packed, prep.error))
    return out
