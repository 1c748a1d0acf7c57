"""The export contract (shared/spec/EXPORT.md): one JSON object per stored article.

Field names here are a promise to tools outside prov: add freely, never rename or drop.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator

from sqlmodel import Session, select

from . import db as dbmod
from . import models
from .errors import QueryError

FORMATS = ("jsonl",)


CHUNK = 500  # articles loaded (with their citations, statements and paths) per round of queries


def iter_records(db: str | None) -> Iterator[dict]:
    """Yield one export record per stored article, in a stable order (by source path, then id).

    The database is opened (and checked) before the first record is asked for; then articles are loaded a chunk
    at a time, so an export of a large archive holds one chunk in memory, not the whole database.
    """
    engine = dbmod.open_engine(db, create=False)
    return _records(engine)


def _records(engine) -> Iterator[dict]:
    A, C, S, P = models.Article, models.Citation, models.Statement, models.ArticlePath
    with Session(engine) as s:
        sources = {row.id: row for row in s.exec(select(models.Source))}
        ids = list(s.exec(select(A.id).order_by(A.source, A.id)))
        for i in range(0, len(ids), CHUNK):
            chunk = ids[i : i + CHUNK]
            cites: dict[str, list[models.Citation]] = defaultdict(list)
            for c in s.exec(select(C).where(C.article_id.in_(chunk)).order_by(C.article_id, C.span_start, C.id)):
                cites[c.article_id].append(c)
            stmts: dict[str, list[models.Statement]] = defaultdict(list)
            for st in s.exec(select(S).where(S.article_id.in_(chunk)).order_by(S.article_id, S.span_start, S.id)):
                stmts[st.article_id].append(st)
            paths: dict[str, list[str]] = defaultdict(list)
            for p in s.exec(select(P).where(P.article_id.in_(chunk)).order_by(P.path)):
                paths[p.article_id].append(p.path)
            articles = {a.id: a for a in s.exec(select(A).where(A.id.in_(chunk)))}
            for aid in chunk:
                yield article_record(articles[aid], sources, cites[aid], stmts[aid], paths[aid])
            s.expunge_all()  # the chunk's rows are done with: let them go
    engine.dispose()


def article_record(a, sources, cites, stmts, paths) -> dict:
    outlet = sources[a.outlet_id].name if a.outlet_id else None
    return {
        "id": a.id,
        "source": a.source,
        "paths": paths,
        "url": a.url,
        "outlet": outlet,
        "title": a.title,
        "author": a.author,
        "editor": a.editor,
        "published": a.published,
        "language": a.language,
        "body": a.body,
        "removed": [{"text": r["text"], "rule": r["rule"], "reason": r.get("reason", "")} for r in a.removed],
        "citations": [
            {
                "citing": sources[c.citing_id].name if c.citing_id else None,
                "cited": sources[c.cited_id].name,
                "cited_kind": sources[c.cited_id].kind,
                "self": c.is_self,
                "resolved": sources[c.cited_id].resolved,
                "cue": c.cue,
                "evidence": c.evidence,
                "span": [c.span_start, c.span_end] if c.span_start is not None else None,
                "confidence": c.confidence,
            }
            for c in cites
        ],
        "sources": [
            {
                "source": sources[st.source_id].name,
                "kind": sources[st.source_id].kind,
                "chain": st.chain,
                "hops": st.hops,
                "cue": st.cue,
                "evidence": st.evidence,
                "span": [st.span_start, st.span_end],
                "confidence": st.confidence,
            }
            for st in stmts
        ],
    }


def export_lines(db: str | None, fmt: str = "jsonl") -> Iterator[str]:
    """The export as text lines in the format asked for; the format and the database are checked at once."""
    if fmt not in FORMATS:
        raise QueryError(f"unknown export format {fmt!r} (known: {', '.join(FORMATS)})")
    return (json.dumps(rec, ensure_ascii=False) for rec in iter_records(db))
