"""Write processed articles into the database: each article with all its citations and statements, or none.

Several writers may share one database (ingesters on several machines, Dask workers). Articles, their paths and
sources are therefore inserted with ``INSERT … ON CONFLICT DO NOTHING`` on their natural keys (content hash,
(article, path), canonical name): whoever inserts first stores the article, the others see it stored and only add
their path. Two writers whose batches share rows can still wait on each other (PostgreSQL then fails one of them),
so a batch is written by :func:`provenance.db.in_transaction`, which runs a failed batch again.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from json.encoder import encode_basestring_ascii as _json_str
from operator import itemgetter

from sqlalchemy import JSON, insert
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, select

from . import models, utf8
from .records import Cleaned, Mapping, RawArticle
from .registry import Registry


def article_id(text: str) -> str:
    """Stable id: the same content gives the same id, whatever its line endings or Unicode normal form.

    The sha256 of the stripped NFC text's UTF-8. Speed only, same id: a text already in NFC (nearly every one) is
    hashed from its bytes as read (:mod:`provenance.utf8`), its ends cut off the bytes, never copied or normalised.
    """
    if "\r" in text:  # speed only: most texts have no carriage return to replace
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not _is_nfc(text):
        return hashlib.sha256(unicodedata.normalize("NFC", text).strip().encode("utf-8")).hexdigest()[:16]
    data = utf8.encoded(text)
    lead, trail = len(text) - len(text.lstrip()), len(text) - len(text.rstrip())
    if lead == len(text):  # whitespace only
        return hashlib.sha256(b"").hexdigest()[:16]
    if not lead and not trail:
        return hashlib.sha256(data).hexdigest()[:16]
    # the cut characters' bytes (a few spaces or line breaks) off both ends
    cut_end = len(text[len(text) - trail:].encode("utf-8"))
    return hashlib.sha256(memoryview(data)[len(text[:lead].encode("utf-8")): len(data) - cut_end]).hexdigest()[:16]


def _is_nfc(text: str) -> bool:
    """Is the text in NFC? Speed only: decided on its non-ASCII characters alone (a page is mostly ASCII; the test
    on the whole text reads every character). Sound, if cautious: an ASCII character is a starter that never
    composes with what comes before it, so the text splits before each one into pieces normalised apart; a piece
    is its ASCII character and the non-ASCII run after it, and the only marks that compose with an ASCII character
    are combining ones. So with no combining mark among them, the non-ASCII characters run together are in NFC
    only if the text is (run together, a piece's run follows another's instead of an ASCII character, which can
    only add compositions). With a combining mark the whole text is tested."""
    if text.isascii():
        return True
    rest = utf8.non_ascii(text)
    if any(unicodedata.combining(ch) for ch in rest):
        return unicodedata.is_normalized("NFC", text)
    return unicodedata.is_normalized("NFC", rest)


@dataclass
class Processed:
    """One article ready to store."""

    id: str
    raw: RawArticle
    cleaned: Cleaned
    mapping: Mapping


MEDIA_KINDS = frozenset({"outlet", "agency", "broadcaster", "platform", "unknown"})
_INSERTS = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}
_CHUNK = 500  # rows per statement: well under SQLite's limit of bound parameters
_SOURCE, _ARTICLE, _PATH = models.Source.__table__, models.Article.__table__, models.ArticlePath.__table__
_CITATION, _STATEMENT = models.Citation.__table__, models.Statement.__table__


def _insert(session: Session, model):
    """An INSERT for ``model`` that can say ON CONFLICT DO NOTHING on this session's backend."""
    return _INSERTS[session.get_bind().dialect.name](model)


class SourceCache:
    """Get-or-create of Source rows by canonical name, memoised for one session (clear ``ids`` on rollback)."""

    def __init__(self, session: Session, registry: Registry):
        self.s = session
        self.registry = registry
        self.ids: dict[str, int] = {}

    def get(self, name: str, kind: str, *, resolved: bool = True) -> int:
        if name not in self.ids:
            self.get_many([(name, kind, resolved)])
        return self.ids[name]

    def get_many(self, wanted: Iterable[tuple[str, str, bool]]) -> None:
        """Look up (or create) every (name, kind, resolved) in a few statements; the first ask of a name decides
        its kind, and missing rows are inserted in the order they were first asked for."""
        need: dict[str, tuple[str, bool]] = {}
        for name, kind, resolved in wanted:
            if name not in self.ids:
                need.setdefault(name, (kind, resolved))
        if not need:
            return
        self._load(need)
        missing = [n for n in need if n not in self.ids]
        if not missing:
            return
        stmt = _insert(self.s, _SOURCE).on_conflict_do_nothing(index_elements=["name"])
        _execute(self.s, stmt, [self._row(name, *need[name]) for name in missing])
        self._load(missing)

    def _load(self, names: Iterable[str]) -> None:
        conn, table = self.s.connection(), _SOURCE
        for part in _chunks(list(names)):
            self.ids.update((name, row_id) for row_id, name in conn.execute(select(table.c.id, table.c.name).where(table.c.name.in_(part))))

    def _row(self, name: str, kind: str, resolved: bool) -> dict:
        # Only media are looked up: an anonymous "observer" or a person named like a paper keeps its own kind.
        entry = self.registry.resolve(name) if resolved and kind in MEDIA_KINDS else None
        return dict(
            name=name,
            kind=entry.kind if entry else kind,
            aliases=sorted(entry.aliases) if entry else [],
            country=entry.country if entry else None,
            resolved=resolved,
        )


def exists(session: Session, aid: str) -> bool:
    return session.exec(select(models.Article.id).where(models.Article.id == aid)).first() is not None


def stored_among(session: Session, ids: Iterable[str]) -> set[str]:
    """Which of ``ids`` are stored (one query per few hundred ids)."""
    conn, table = session.connection(), _ARTICLE
    found: set[str] = set()
    for part in _chunks(sorted(set(ids))):
        found.update(conn.execute(select(table.c.id).where(table.c.id.in_(part))).scalars())
    return found


def stored_ids(session: Session) -> set[str]:
    """The ids of every stored article (a snapshot for worker processes, which cannot ask the database)."""
    return set(session.exec(select(models.Article.id)))


def _needed_sources(item: Processed) -> list[tuple[str, str, bool]]:
    """(name, kind, resolved) of every source the article refers to, in the order the rows were first asked for."""
    m = item.mapping
    out = [(m.outlet, m.outlet_kind or "outlet", True)] if m.outlet else []
    for cit in m.citations:
        if cit.citing:
            out.append((cit.citing, "outlet", True))
        out.append((cit.cited, cit.cited_kind, cit.resolved))
    out.extend((st.source, st.kind, True) for st in m.statements)
    return out


def _asks(item: Processed) -> list[tuple[str, str, bool]]:
    """The article's sources in name order, each with the kind it was first asked for."""
    needed: dict[str, tuple[str, bool]] = {}
    for name, kind, resolved in _needed_sources(item):
        needed.setdefault(name, (kind, resolved))
    return [(name, *needed[name]) for name in sorted(needed)]


def write(session: Session, sources: SourceCache, item: Processed) -> bool:
    """Add one article with its citations and statements to the session (the caller commits).

    Returns False when the article was already stored (by this or another writer): then only its path is added.
    """
    return write_batch(session, sources, [item]) == 1


def write_batch(
    session: Session, sources: SourceCache, items: list[Processed], known: Iterable[tuple[str, str]] = ()
) -> int:
    """Add several articles in the caller's transaction; return how many were new (the rest only add paths).

    ``known`` are (article id, path) pairs to record first, in their order (paths of articles stored before, or
    the whole batch's paths in input order); the items' own paths follow. Rows are written in input order with
    each article's sources in name order, so a database does not depend on how the input was cut into batches.
    Each table gets one multi-row statement per few hundred rows: building and compiling a statement per row
    cost more than the rows themselves.
    """
    sources.get_many(ask for item in items for ask in _asks(item))
    first: dict[str, Processed] = {}
    for item in items:  # the same content twice in a batch is stored once
        first.setdefault(item.id, item)
    inserted = _insert_articles(session, sources, list(first.values()))
    new = [item for aid, item in first.items() if aid in inserted]
    paths = dict.fromkeys([*known, *((item.id, item.raw.source) for item in items)])
    _execute(session, _insert(session, _PATH).on_conflict_do_nothing(), [dict(article_id=a, path=p) for a, p in paths])
    _add_findings(session, sources, new)
    return len(new)


def _insert_articles(session: Session, sources: SourceCache, items: list[Processed]) -> set[str]:
    """Insert the articles that are not stored yet; return the ids this transaction inserted."""
    rows = []
    for item in items:
        m, c, raw = item.mapping, item.cleaned, item.raw
        rows.append(dict(
            id=item.id,
            source=raw.source,
            url=raw.url or c.meta.url,
            outlet_id=sources.get(m.outlet, m.outlet_kind or "outlet") if m.outlet else None,
            title=c.meta.title,
            author=c.meta.author,
            editor=c.meta.editor,
            published=c.meta.published,
            language=raw.language or c.meta.language,
            body=c.body,
            removed=[{"text": r.text, "rule": r.rule, "reason": r.reason, "line": r.line} for r in c.removed],
        ))
    # RETURNING, not rowcount: another writer may have stored some of them since we looked (ON CONFLICT skips
    # those), and psycopg reports -1 for an INSERT … ON CONFLICT.
    stmt = _insert(session, _ARTICLE).on_conflict_do_nothing(index_elements=["id"]).returning(_ARTICLE.c.id)
    conn = session.connection()
    inserted: set[str] = set()
    for part in _chunks(rows):
        inserted.update(conn.execute(stmt, part).scalars())
    return inserted


def _chunks(items: list) -> Iterable[list]:
    """``items`` a few hundred at a time: one statement each, under every backend's limit of parameters."""
    for i in range(0, len(items), _CHUNK):
        yield items[i:i + _CHUNK]


def _execute(session: Session, stmt, rows: list[dict]) -> None:
    conn = session.connection()
    if not rows:
        return
    if conn.dialect.name != "sqlite":
        for part in _chunks(rows):
            conn.execute(stmt, part)
        return
    # SQLite: the statement compiled once for the batch and its rows handed to the driver as tuples, JSON values
    # serialised as SQLAlchemy's JSON type does (json.dumps). Speed only: SQLAlchemy's per-row parameter
    # processing cost the single writer more than SQLite's own insert (~0.1 ms of the ~0.4 ms an article took).
    compiled = stmt.compile(dialect=conn.dialect, column_keys=list(rows[0]))
    keys = compiled.positiontup
    row_of = itemgetter(*keys)
    table = stmt.table
    encoded = [i for i, k in enumerate(keys) if isinstance(table.c[k].type, JSON)]
    sql = str(compiled)
    for part in _chunks(rows):
        values = [row_of(r) for r in part] if len(keys) > 1 else [(row_of(r),) for r in part]
        if encoded:
            values = [_encode(v, encoded) for v in values]
        conn.exec_driver_sql(sql, values)


def _encode(values: tuple, at: list[int]) -> tuple:
    out = list(values)
    for i in at:
        out[i] = _dumps(out[i])
    return tuple(out)


def _dumps(value) -> str:
    """``json.dumps(value)``; a list of strings and Nones (a statement's chain, a dozen an article) written here in
    C-encoded pieces, the same text (speed only: the json module's general path cost the writer ~4 us a chain)."""
    if type(value) is list and all(type(x) is str or x is None for x in value):
        return "[" + ", ".join("null" if x is None else _json_str(x) for x in value) + "]"
    return json.dumps(value)


def _add_findings(session: Session, sources: SourceCache, items: list[Processed]) -> None:
    """Citations and statements of every new article, one executemany per table (row ids in article order)."""
    citations = [
        dict(
            article_id=item.id,
            citing_id=sources.get(cit.citing, "outlet") if cit.citing else None,
            cited_id=sources.get(cit.cited, cit.cited_kind, resolved=cit.resolved),
            is_self=cit.self,
            cue=cit.cue,
            evidence=cit.evidence,
            span_start=cit.span[0] if cit.span else None,
            span_end=cit.span[1] if cit.span else None,
            confidence=cit.confidence,
        )
        for item in items
        for cit in item.mapping.citations
    ]
    _execute(session, insert(_CITATION), citations)
    statements = [
        dict(
            article_id=item.id,
            source_id=sources.get(st.source, st.kind),
            chain=list(st.chain),
            hops=st.hops,
            cue=st.cue,
            evidence=st.evidence,
            span_start=st.span[0],
            span_end=st.span[1],
            confidence=st.confidence,
        )
        for item in items
        for st in item.mapping.statements
    ]
    _execute(session, insert(_STATEMENT), statements)
