"""Write processed articles into the database: each article with all its citations and statements, or none."""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass

from sqlalchemy import insert
from sqlalchemy.engine import Engine
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


class SourceCache:
    """Get-or-create of Source rows by canonical name, memoised for one session."""

    def __init__(self, session: Session, registry: Registry):
        self.s = session
        self.registry = registry
        self.ids: dict[str, int] = {}

    def get(self, name: str, kind: str, *, resolved: bool = True) -> int:
        if name in self.ids:
            return self.ids[name]
        row = self.s.exec(select(models.Source).where(models.Source.name == name)).first()
        if row is None:
            entry = self.registry.resolve(name) if resolved else None
            row = models.Source(
                name=name,
                kind=entry.kind if entry else kind,
                aliases=sorted(entry.aliases) if entry else [],
                country=entry.country if entry else None,
                resolved=resolved,
            )
            self.s.add(row)
            self.s.flush()
        self.ids[name] = row.id
        return row.id


def exists(session: Session, aid: str) -> bool:
    return session.exec(select(models.Article.id).where(models.Article.id == aid)).first() is not None


def stored_ids(session: Session) -> set[str]:
    """The ids of every stored article (a snapshot for worker processes, which cannot ask the database)."""
    return set(session.exec(select(models.Article.id)))


def add_path(session: Session, aid: str, path: str) -> bool:
    """Record another path for a stored article; True when it was new."""
    query = select(models.ArticlePath.path).where(models.ArticlePath.article_id == aid, models.ArticlePath.path == path)
    if session.exec(query).first() is not None:
        return False
    session.execute(insert(models.ArticlePath), [{"article_id": aid, "path": path}])
    return True


def write(session: Session, sources: SourceCache, item: Processed) -> None:
    """Add one article with its citations and statements to the session (the caller commits).

    Rows go in as Core INSERTs (one executemany per table), not ORM objects: the unit of work cost more than the
    cleaning of a short article, and nothing reads these rows back as objects within the transaction.
    """
    m, c, raw = item.mapping, item.cleaned, item.raw
    outlet_id = sources.get(m.outlet, m.outlet_kind or "outlet") if m.outlet else None
    article = dict(
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
    session.execute(insert(models.Article), [article])
    session.execute(insert(models.ArticlePath), [{"article_id": item.id, "path": raw.source}])
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


def count_articles(engine: Engine) -> int:
    from sqlalchemy import func

    with Session(engine) as s:
        return s.exec(select(func.count()).select_from(models.Article)).one()
