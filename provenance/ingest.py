"""The ingest pipeline: read -> clean -> map -> store, one transaction per article.

An article is stored whole (with every citation and statement) or not at all, so an interrupted ingest leaves a
database that holds only whole articles, and a re-run completes the rest. Re-ingesting the same content changes
nothing but the list of paths it was seen at.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from sqlalchemy.exc import IntegrityError

from . import db as dbmod
from .attribution import map_article
from .clean import RuleSet, clean, load_rules
from .errors import DatabaseError, InputError
from .reader import flat_text, iter_paths, read_file, read_stream
from .records import Cleaned, RawArticle
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
    """Clean and map one article (no database).

    An input the cleaner or mapper cannot handle becomes an :class:`InputError` for that input, so one bad
    page in a folder never stops the others. HTML nested deeper than a parser's recursion allows is retried as
    the text between its tags (lxml caps the depth itself, but a Python tree walk over 10,000 nested
    ``<div>``s passes the interpreter's recursion limit).
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
    return Processed(id=article_id(raw.text), raw=raw, cleaned=cleaned, mapping=mapping)


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


def _each_article(items: list[Path | str], opts: IngestOptions) -> Iterator[RawArticle | InputError]:
    for item in items:
        try:
            yield from iter_articles(item, opts)
        except InputError as exc:
            yield exc


def _store(engine, writer, raw: RawArticle, rules: RuleSet, registry: Registry) -> str:
    """Store one article in its own transaction; return "added" or "skipped" (already stored)."""
    aid = article_id(raw.text)
    with dbmod.session(engine) as session:  # a cheap read first: a stored article is not analysed again
        stored = exists(session, aid)
    item = None if stored else process(raw, rules, registry)
    for _attempt in range(3):
        try:
            with dbmod.session(writer) as session:
                if exists(session, aid):  # another process may have stored it meanwhile
                    if add_path(session, aid, raw.source):
                        session.commit()
                    return "skipped"
                if item is None:
                    item = process(raw, rules, registry)
                # False: another writer (not SQLite, whose writers take turns) stored it since the check
                added = write(session, SourceCache(session, registry), item)
                session.commit()
                return "added" if added else "skipped"
        except IntegrityError:
            # Only reachable without BEGIN IMMEDIATE (not SQLite): another writer stored the same article or
            # source between our check and our write. Look again; the next round sees what it stored.
            log.info("%s: concurrent write, retrying", raw.source)
    raise DatabaseError(f"{dbmod._describe(engine)}: could not store {raw.source} (conflicting writers)")


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
    writer = dbmod.write_engine(engine)
    for n, got in enumerate(_each_article(items, opts), 1):
        try:
            if isinstance(got, InputError):
                raise got
            raw = got
            outcome = _store(engine, writer, raw, rules, registry)
            if outcome == "added":
                summary.added += 1
            else:
                summary.skipped += 1
        except InputError as exc:
            summary.failed += 1
            summary.errors.append(str(exc))
            summary.fatal |= exc.source in named
        if progress:
            progress(n, total)
    engine.dispose()
    return summary
