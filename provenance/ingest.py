"""The ingest pipeline: read -> clean -> map -> store, one transaction per article.

An article is stored whole (with every citation and statement) or not at all, so an interrupted ingest leaves a
database that holds only whole articles, and a re-run completes the rest. Re-ingesting the same content changes
nothing but the list of paths it was seen at.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.exc import IntegrityError, OperationalError

from . import db as dbmod
from .attribution import map_article
from .clean import RuleSet, clean, load_rules
from .errors import DatabaseError, InputError
from .reader import iter_paths, read_bytes, read_file
from .records import RawArticle
from .registry import Registry, load_registry
from .store import Processed, SourceCache, add_path, article_id, exists, write

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


def _check_inputs(paths: Iterable[str]) -> list[Path | str]:
    """Expand every input before anything is written, so a bad argument changes nothing."""
    return list(iter_paths(paths))


def ingest(
    db: str | None,
    opts: IngestOptions,
    progress: Callable[[int, int], None] | None = None,
) -> IngestSummary:
    """Ingest the inputs of ``opts`` into the database ``db``; return the counts and per-input errors.

    Raises InputError when an input named on the command line is missing or a folder holds no articles,
    and DatabaseError when the database cannot be opened or written; in both cases nothing was stored.
    """
    items = _check_inputs(opts.paths)
    named = {str(p) for p in opts.paths}
    engine = dbmod.open_engine(db)
    rules = load_rules(opts.rules)
    registry = load_registry(opts.outlets)
    summary = IngestSummary()
    with dbmod.session(engine) as session:
        sources = SourceCache(session, registry)
        for n, item in enumerate(items, 1):
            try:
                raw = _read(item, opts)
                aid = article_id(raw.text)
                if exists(session, aid):
                    if add_path(session, aid, raw.source):
                        session.commit()
                    summary.skipped += 1
                    continue
                write(session, sources, process(raw, rules, registry))
                session.commit()
                summary.added += 1
            except InputError as exc:
                session.rollback()
                sources.ids.clear()
                summary.failed += 1
                summary.errors.append(str(exc))
                summary.fatal |= str(item) in named
            except (IntegrityError, OperationalError) as exc:
                session.rollback()
                raise DatabaseError(f"{engine.url.render_as_string(hide_password=True)}: {exc.orig}") from None
            if progress:
                progress(n, len(items))
    engine.dispose()
    return summary
