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
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from sqlalchemy.exc import IntegrityError, OperationalError

from . import db as dbmod
from .attribution import map_article
from .clean import RuleSet, clean, load_rules
from .errors import DatabaseError, InputError
from .parallel import prepare
from .reader import iter_paths, read_bytes, read_file
from .records import RawArticle
from .registry import Registry, load_registry
from .store import Processed, SourceCache, add_path, article_id, exists, stored_ids, write

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
    jobs: int = 1  # processes that clean and map (0: one per core); there is always one writer
    batch: int = 200  # articles per transaction


@dataclass
class IngestSummary:
    added: int = 0
    skipped: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)  # one line each: "<input>: <problem>"
    fatal: bool = False  # an input named on the command line failed as a whole

    def line(self) -> str:
        return f"{self.added} added, {self.skipped} skipped (already stored), {self.failed} failed"


def process(raw: RawArticle, rules: RuleSet | None = None, registry: Registry | None = None) -> Processed:
    """Clean and map one article (no database)."""
    cleaned = clean(raw, rules)
    if raw.url and not cleaned.meta.url:
        cleaned.meta.url = raw.url
    if not cleaned.body.strip():
        raise InputError(raw.source, "no article text left after cleaning")
    mapping = map_article(cleaned, registry, outlet=raw.outlet)
    return Processed(id=article_id(raw.text), raw=raw, cleaned=cleaned, mapping=mapping)


def _read(item: Path | str, opts: IngestOptions) -> RawArticle:
    overrides = {"outlet": opts.outlet, "url": opts.url, "language": opts.language}
    if item == "-":
        return read_bytes(sys.stdin.buffer.read(), "<stdin>", **overrides)
    return read_file(item, **overrides)


def _check_inputs(paths: Iterable[str]) -> int:
    """Expand every input before anything is written, so a bad argument changes nothing; return how many.

    Only the count is kept: the inputs are walked again, lazily, as they are ingested.
    """
    return sum(1 for _ in iter_paths(paths))


def ingest(
    db: str | None,
    opts: IngestOptions,
    progress: Callable[[int, int], None] | None = None,
) -> IngestSummary:
    """Ingest the inputs of ``opts`` into the database ``db``; return the counts and per-input errors.

    Raises InputError when an input named on the command line is missing or a folder holds no articles,
    and DatabaseError when the database cannot be opened or written; in both cases nothing was stored.
    """
    total = _check_inputs(opts.paths)
    named = {str(p) for p in opts.paths}
    engine = dbmod.open_engine(db)
    rules = load_rules(opts.rules)
    registry = load_registry(opts.outlets)
    summary = IngestSummary()
    if "-" in named:  # standard input can be read in this process only
        opts = replace(opts, jobs=1)
    with dbmod.session(engine) as session:
        sources = SourceCache(session, registry)
        batch: set[str] = set()  # ids added in the open transaction
        changes = 0  # articles and paths added in the open transaction

        def known(aid: str) -> bool:
            return aid in batch or exists(session, aid)

        items = prepare(iter_paths(opts.paths), opts, rules, registry, known=known, stored=lambda: stored_ids(session))
        try:
            for n, prep in enumerate(items, 1):
                if prep.error is not None:
                    # Nothing of this input reached the session: the open batch stays as it was.
                    summary.failed += 1
                    summary.errors.append(prep.error)
                    summary.fatal |= str(prep.item) in named
                elif prep.processed is None or known(prep.aid):
                    changes += add_path(session, prep.aid, prep.source)
                    summary.skipped += 1
                else:
                    write(session, sources, prep.processed)
                    batch.add(prep.aid)
                    changes += 1
                    summary.added += 1
                if changes >= opts.batch:
                    session.commit()
                    batch.clear()
                    changes = 0
                if progress:
                    progress(n, total)
            session.commit()
        except (IntegrityError, OperationalError) as exc:
            session.rollback()
            raise DatabaseError(f"{engine.url.render_as_string(hide_password=True)}: {exc.orig}") from None
    engine.dispose()
    return summary
