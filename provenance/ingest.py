"""The ingest pipeline: read -> clean -> map -> store, with one writer committing articles in batches.

An article is stored whole (with every citation and statement) or not at all: a batch is one transaction, and an
article is added to it only once it has been read, cleaned and mapped, so an interrupted ingest leaves a database
that holds only whole articles, and a re-run completes the rest. Re-ingesting the same content changes nothing
but the list of paths it was seen at. Reading, cleaning and mapping may run in worker processes
(:mod:`provenance.parallel`); writing never does.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import db as dbmod
from .attribution import map_article
from .clean import RuleSet, clean, load_rules
from .errors import InputError
from .parallel import Prepared, prepare, workers_for
from .reader import flat_text, iter_paths, read_file, read_stream
from .records import Cleaned, RawArticle
from .registry import Registry, load_registry
from .store import Processed, SourceCache, article_id, exists, stored_among, stored_ids, write_batch
from .warc import WarcFilter, is_warc, iter_warc

log = logging.getLogger(__name__)


@dataclass
class IngestOptions:
    """What `prov ingest` was asked to do, as one typed object."""

    paths: list[str]
    outlet: str | None = None
    url: str | None = None
    language: str | None = None
    rules: list[Path] = field(default_factory=list)
    outlets: list[Path] = field(default_factory=list)
    # WARC inputs only: a regular expression the record's URL must match, and an inclusive crawl-date range
    url_filter: str | None = None
    since: str | None = None
    until: str | None = None
    jobs: int = 1  # worker processes that clean and map (0: one per core) besides the one writer
    batch: int = 100  # articles per transaction (1: each article on its own)

    def warc_filter(self) -> WarcFilter:
        return WarcFilter.make(self.url_filter, self.since, self.until)


@dataclass
class IngestSummary:
    added: int = 0
    skipped: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)  # one line each: "<input>: <problem>"
    fatal: bool = False  # an input named on the command line failed as a whole

    def line(self) -> str:
        return f"{self.added} added, {self.skipped} skipped (already stored), {self.failed} failed"


def process(raw: RawArticle, rules: RuleSet | None = None, registry: Registry | None = None,
            aid: str | None = None) -> Processed:
    """Clean and map one article (no database).

    An input the cleaner or mapper cannot handle becomes an :class:`InputError` for that input, so one bad
    page in a folder never stops the others. HTML nested deeper than a parser's recursion allows is retried as
    the text between its tags (lxml caps the depth itself, but a Python tree walk over 10,000 nested
    ``<div>``s passes the interpreter's recursion limit). ``aid``: ``article_id(raw.text)`` when the caller has
    it already (speed only: the hash is not computed twice).
    """
    try:
        cleaned = clean_guarded(raw, rules)
        if raw.url and not cleaned.meta.url:
            cleaned.meta.url = raw.url
        if not cleaned.body.strip():
            raise InputError(raw.source, "no article text left after cleaning")
        mapping = map_article(cleaned, registry, outlet=raw.outlet)
    except InputError:
        raise
    except RecursionError:
        raise InputError(raw.source, "too deeply nested to analyse") from None
    except Exception as exc:  # noqa: BLE001 - a stage bug on one input must not stop a folder
        log.exception("%s: cleaning or mapping failed", raw.source)
        raise InputError(raw.source, f"could not be analysed ({type(exc).__name__}: {exc})") from None
    return Processed(id=aid or article_id(raw.text), raw=raw, cleaned=cleaned, mapping=mapping)


def clean_guarded(raw: RawArticle, rules: RuleSet | None = None) -> Cleaned:
    """``clean``, but HTML too deeply nested for the parsers is cleaned as the text between its tags."""
    try:
        return clean(raw, rules)
    except RecursionError:
        if raw.kind != "html":
            raise
        log.warning("%s: HTML too deeply nested for the parser; reading the text between its tags", raw.source)
        return clean(replace(raw, text=flat_text(raw.text), kind="text"), rules)


def _read(item: Path | str, opts: IngestOptions) -> RawArticle:
    overrides = {"outlet": opts.outlet, "url": opts.url, "language": opts.language}
    if item == "-":
        return read_stream(sys.stdin.buffer, "<stdin>", **overrides)
    return read_file(item, **overrides)


def iter_articles(item: Path | str, opts: IngestOptions) -> Iterator[RawArticle | InputError]:
    """The articles of one input, each read or refused: a file is one article, a WARC file many.

    Raises InputError when the input fails as a whole (a WARC file that cannot be read).
    """
    if item != "-" and is_warc(item):
        yield from iter_warc(item, opts.warc_filter(), outlet=opts.outlet, language=opts.language)
        return
    try:
        yield _read(item, opts)
    except InputError as exc:
        yield exc


def _each_article(items: Iterable[Path | str], opts: IngestOptions) -> Iterator[RawArticle | InputError | Path | str]:
    """The articles of every input; a single-article file is yielded as its path, read where it is prepared (by a
    worker process, which then receives a path rather than the article's text: speed only)."""
    for item in items:
        if item != "-" and not is_warc(item):
            yield item
            continue
        try:
            yield from iter_articles(item, opts)
        except InputError as exc:
            yield exc


def _store(writer, batch: list[Prepared], registry: Registry) -> tuple[int, int]:
    """Store a batch of prepared articles in one transaction; return (added, skipped: already stored).

    The articles were cleaned and mapped before the transaction began, so the write lock is held only while
    rows are inserted. A crash or a database error loses the open batch whole, never part of an article.
    """

    def work(session) -> tuple[int, int]:
        stored = stored_among(session, [prep.aid for prep in batch])
        paths: list[tuple[str, str]] = []  # every path to record, in input order
        todo: list[Processed] = []
        skipped = 0
        for prep in batch:
            if prep.aid in stored:  # stored before, or earlier in this batch: only the path is added
                paths.append((prep.aid, prep.source))
                skipped += 1
            elif prep.processed is None:  # stored when it was prepared, deleted since: nothing to write
                skipped += 1
            else:
                paths.append((prep.aid, prep.source))
                todo.append(prep.processed)
                stored.add(prep.aid)
        added = write_batch(session, SourceCache(session, registry), todo, paths)
        # fewer added than written: another writer (not SQLite, whose writers take turns) stored some since
        return added, skipped + len(todo) - added

    # Two PostgreSQL writers whose batches share sources can each wait on a row the other inserted; the server
    # fails one, which runs its whole batch again (in_transaction).
    return dbmod.in_transaction(writer, work, what=batch[0].source)


def _check_inputs(paths: Iterable[str]) -> list[Path | str]:
    """Expand every input before anything is written, so a bad argument changes nothing."""
    return list(iter_paths(paths))


def _count_inputs(paths: Iterable[str]) -> int:
    """Like :func:`_check_inputs`, but keeps only how many articles there are (0 when a WARC file is among
    them: not known up front), so a large folder is never held as a list; it is walked again, lazily."""
    count, warc = 0, False
    for item in iter_paths(paths):
        count += 1
        warc |= item != "-" and is_warc(item)
    return 0 if warc else count


def ingest(
    db: str | None,
    opts: IngestOptions,
    progress: Callable[[int, int], None] | None = None,
) -> IngestSummary:
    """Ingest the inputs of ``opts`` into the database ``db``; return the counts and per-input errors.

    Raises InputError when an input named on the command line is missing or a folder holds no articles,
    and DatabaseError when the database cannot be opened or written; in both cases nothing was stored.
    """
    total = _count_inputs(opts.paths)
    named = {str(p) for p in opts.paths}
    opts.warc_filter()  # a bad --url-filter/--since/--until is refused before anything is opened
    engine = dbmod.open_engine(db)
    rules = load_rules(opts.rules)
    registry = load_registry(opts.outlets)
    summary = IngestSummary()
    workers = workers_for(opts.jobs, total, stdin="-" in named)
    writer = dbmod.write_engine(engine)
    batch: list[Prepared] = []
    pending: set[str] = set()  # ids in the batch not yet stored

    def known(aid: str) -> bool:  # a cheap read first: a stored article is not analysed again
        if aid in pending:
            return True
        with dbmod.session(engine) as session:
            return exists(session, aid)

    def snapshot() -> set[str]:
        with dbmod.session(engine) as session:
            return stored_ids(session)

    def flush() -> None:
        added, skipped = _store(writer, batch, registry)
        summary.added += added
        summary.skipped += skipped
        batch.clear()
        pending.clear()

    articles = _each_article(iter_paths(opts.paths), opts)
    prepared = prepare(articles, opts, rules, registry, known=known, stored=snapshot, workers=workers)
    for n, prep in enumerate(prepared, 1):
        if prep.error is not None:
            summary.failed += 1
            summary.errors.append(prep.error)
            summary.fatal |= str(prep.item) in named
        else:
            batch.append(prep)
            pending.add(prep.aid)
            if len(batch) >= opts.batch:
                flush()
        if progress:
            progress(n, total)
    if batch:
        flush()
    engine.dispose()
    return summary
