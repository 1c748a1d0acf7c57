"""Write processed articles into the database: each article with all its citations and statements, or none.

Several writers may share one database (ingesters on several machines, Dask workers). Articles, their paths and
sources are therefore inserted with ``INSERT … ON CONFLICT DO NOTHING`` on their natural keys (content hash,
(article, path), canonical name): whoever inserts first stores the article, the others see it stored and only add
their path. A transaction takes its row locks in one global order (sources by name, then articles by id, then
paths), so two writers can wait for each other but never deadlock.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import insert
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, select

from . import models
from .records import Cleaned, Mapping, RawArticle
from .registry import Registry


def article_id(text: str) -> str:
    """Stable id: the same content gives the same id, whatever its line endings or Unicode normal form."""
    norm = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n")).strip()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]


@dataclass
class Processed:
    """One article ready to store."""

    id: str
    raw: RawArticle
    cleaned: Cleaned
    mapping: Mapping


MEDIA_KINDS = frozenset({"outlet", "agency", "broadcaster", "platform", "unknown"})
_INSERTS = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}


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
        if name in self.ids:
            return self.ids[name]
        query = select(models.Source.id).where(models.Source.name == name)
        row_id = self.s.exec(query).first()
        if row_id is None:
            # Only media are looked up: an anonymous "observer" or a person named like a paper keeps its own kind.
            entry = self.registry.resolve(name) if resolved and kind in MEDIA_KINDS else None
            self.s.execute(
                _insert(self.s, models.Source)
                .values(
                    name=name,
                    kind=entry.kind if entry else kind,
                    aliases=sorted(entry.aliases) if entry else [],
                    country=entry.country if entry else None,
                    resolved=resolved,
                )
                .on_conflict_do_nothing(index_elements=["name"])
            )
            row_id = self.s.exec(query).one()
        self.ids[name] = row_id
        return row_id


def exists(session: Session, aid: str) -> bool:
    return session.exec(select(models.Article.id).where(models.Article.id == aid)).first() is not None


def stored_ids(session: Session) -> set[str]:
    """The ids of every stored article (a snapshot for worker processes, which cannot ask the database)."""
    return set(session.exec(select(models.Article.id)))


def add_path(session: Session, aid: str, path: str) -> bool:
    """Record another path for a stored article; True when it was new."""
    stmt = _insert(session, models.ArticlePath).values(article_id=aid, path=path).on_conflict_do_nothing()
    return _inserted(session, stmt.returning(models.ArticlePath.path))


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


def write(session: Session, sources: SourceCache, item: Processed) -> bool:
    """Add one article with its citations and statements to the session (the caller commits).

    Returns False when the article was already stored (by this or another writer): then only its path is added.
    """
    return write_batch(session, sources, [item]) == 1


def write_batch(
    session: Session, sources: SourceCache, items: list[Processed], known: Iterable[tuple[str, str]] = ()
) -> int:
    """Add several articles in the caller's transaction; return how many were new (the rest only add paths).

    ``known`` are (article id, path) pairs of articles already stored, whose paths are added in the same order.
    """
    needed: dict[str, tuple[str, bool]] = {}
    for item in items:
        for name, kind, resolved in _needed_sources(item):
            needed.setdefault(name, (kind, resolved))  # the first ask decides the kind, as one at a time would
    for name in sorted(needed):
        sources.get(name, needed[name][0], resolved=needed[name][1])
    new = [item for item in sorted(items, key=lambda i: i.id) if _insert_article(session, sources, item)]
    for aid, path in sorted({(item.id, item.raw.source) for item in items} | set(known)):
        add_path(session, aid, path)
    for item in new:
        _add_findings(session, sources, item)
    return len(new)


def _insert_article(session: Session, sources: SourceCache, item: Processed) -> bool:
    m, c, raw = item.mapping, item.cleaned, item.raw
    outlet_id = sources.get(m.outlet, m.outlet_kind or "outlet") if m.outlet else None
    stmt = (
        _insert(session, models.Article)
        .values(
            id=item.id,
            source=raw.source,
            url=raw.url or c.meta.url,
            outlet_id=outlet_id,
            title=c.meta.title,
            author=c.meta.author,
            editor=c.meta.editor,
            published=c.meta.published,
            language=raw.language or c.meta.language,
            body=c.body,
            removed=[{"text": r.text, "rule": r.rule, "reason": r.reason, "line": r.line} for r in c.removed],
        )
        .on_conflict_do_nothing(index_elements=["id"])
        .returning(models.Article.id)
    )
    return _inserted(session, stmt)


def _inserted(session: Session, stmt) -> bool:
    # RETURNING, not rowcount: psycopg reports -1 for an INSERT … ON CONFLICT built by SQLAlchemy.
    return session.execute(stmt).first() is not None


def _add_findings(session: Session, sources: SourceCache, item: Processed) -> None:
    """Citations and statements as Core INSERTs (one executemany per table), not ORM objects: the unit of work
    cost more than cleaning a short article, and nothing reads these rows back as objects in the transaction."""
    m = item.mapping
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
        for cit in m.citations
    ]
    if citations:
        session.execute(insert(models.Citation), citations)
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
        for st in m.statements
    ]
    if statements:
        session.execute(insert(models.Statement), statements)
