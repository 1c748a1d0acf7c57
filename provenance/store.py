"""Write processed articles into the database: each article with all its citations and statements, or none."""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass

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


MEDIA_KINDS = frozenset({"outlet", "agency", "broadcaster", "platform", "unknown"})


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
            # Only media are looked up: an anonymous "observer" or a person named like a paper keeps its own kind.
            entry = self.registry.resolve(name) if resolved and kind in MEDIA_KINDS else None
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
    return session.get(models.Article, aid) is not None


def add_path(session: Session, aid: str, path: str) -> bool:
    """Record another path for a stored article; True when it was new."""
    if session.get(models.ArticlePath, (aid, path)) is not None:
        return False
    session.add(models.ArticlePath(article_id=aid, path=path))
    return True


def write(session: Session, sources: SourceCache, item: Processed) -> None:
    """Add one article with its citations and statements to the session (the caller commits)."""
    m, c, raw = item.mapping, item.cleaned, item.raw
    outlet_id = sources.get(m.outlet, m.outlet_kind or "outlet") if m.outlet else None
    session.add(
        models.Article(
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
    )
    session.add(models.ArticlePath(article_id=item.id, path=raw.source))
    for cit in m.citations:
        citing_id = None
        if cit.citing:
            citing_id = sources.get(cit.citing, "outlet")
        session.add(
            models.Citation(
                article_id=item.id,
                citing_id=citing_id,
                cited_id=sources.get(cit.cited, cit.cited_kind, resolved=cit.resolved),
                is_self=cit.self,
                cue=cit.cue,
                evidence=cit.evidence,
                span_start=cit.span[0] if cit.span else None,
                span_end=cit.span[1] if cit.span else None,
                confidence=cit.confidence,
            )
        )
    for st in m.statements:
        session.add(
            models.Statement(
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
        )


def count_articles(engine: Engine) -> int:
    from sqlalchemy import func

    with Session(engine) as s:
        return s.exec(select(func.count()).select_from(models.Article)).one()
