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


def iter_records(db: str | None) -> Iterator[dict]:
    """Yield one export record per stored article, in a stable order (by source path, then id)."""
    engine = dbmod.open_engine(db, create=False)
    with Session(engine) as s:
        sources = {row.id: row for row in s.exec(select(models.Source))}
        cites: dict[str, list[models.Citation]] = defaultdict(list)
        for c in s.exec(select(models.Citation).order_by(models.Citation.article_id, models.Citation.span_start, models.Citation.id)):
            cites[c.article_id].append(c)
        stmts: dict[str, list[models.Statement]] = defaultdict(list)
        for st in s.exec(select(models.Statement).order_by(models.Statement.article_id, models.Statement.span_start, models.Statement.id)):
            stmts[st.article_id].append(st)
        paths: dict[str, list[str]] = defaultdict(list)
        for p in s.exec(select(models.ArticlePath).order_by(models.ArticlePath.path)):
            paths[p.article_id].append(p.path)
        for a in s.exec(select(models.Article).order_by(models.Article.source, models.Article.id)):
            yield article_record(a, sources, cites[a.id], stmts[a.id], paths[a.id])
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
    """Yield the export as text lines in the format asked for."""
    if fmt not in FORMATS:
        raise QueryError(f"unknown export format {fmt!r} (known: {', '.join(FORMATS)})")
    for rec in iter_records(db):
        yield json.dumps(rec, ensure_ascii=False)
