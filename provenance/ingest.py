"""The ingest pipeline: read -> clean -> map -> store, one transaction per article.

An article is stored whole (with every citation and statement) or not at all, so an interrupted ingest leaves a
database that holds only whole articles, and a re-run completes the rest. Re-ingesting the same content changes
nothing but the list of paths it was seen at.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterable, Iterator
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


def _each_article(items: list[Path | str], opts: IngestOptions) -> Iterator[RawArticle | InputError]:
    for item in items:
        try:
            yield from iter_articles(item, opts)
        except InputError as exc:
            yield exc


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
    opts.warc_filter()  # a bad --url-filter/--since/--until is refused before anything is opened
    total = 0 if any(item != "-" and is_warc(item) for item in items) else len(items)  # 0: not known up front
    engine = dbmod.open_engine(db)
    rules = load_rules(opts.rules)
    registry = load_registry(opts.outlets)
    summary = IngestSummary()
    with dbmod.session(engine) as session:
        sources = SourceCache(session, registry)
        for n, got in enumerate(_each_article(items, opts), 1):
            try:
                if isinstance(got, InputError):
                    raise got
                raw = got
                aid = article_id(raw.text)
                if exists(session, aid):
                    if add_path(session, aid, raw.source):
                        session.commit()
                    summary.skipped += 1
                    continue
                # False: another ingester stored the same content since the check above
                added = write(session, sources, process(raw, rules, registry))
                session.commit()
                summary.added += added
                summary.skipped += not added
            except InputError as exc:
                session.rollback()
                sources.ids.clear()
                summary.failed += 1
                summary.errors.append(str(exc))
                summary.fatal |= exc.source in named
            except (IntegrityError, OperationalError) as exc:
                session.rollback()
                raise DatabaseError(f"{engine.url.render_as_string(hide_password=True)}: {exc.orig}") from None
            if progress:
                progress(n, total)
    engine.dispose()
    return summary
