"""Story matching: the articles whose title or body match a query, within a date range and an outlet.

The query text is always bound as a parameter, never put into SQL. On SQLite it is also turned into an FTS5
phrase list (every word quoted), so FTS5 operators typed by a user (``NEAR``, ``*``, ``"``) are plain words.
"""

from __future__ import annotations

import datetime as dt
import re

from sqlalchemy import func, or_, text
from sqlmodel import Session, select

from .. import models
from ..errors import QueryError
from ..escape import like_pattern
from .fts import FTS_TABLE, PG_DOCUMENT, ensure_search_schema, has_search_schema
from .model import TraceOptions

_WORD = re.compile(r"\w+")


def check_date(value: str | None, option: str) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise QueryError(f"{option} {value!r}: not a date — write it as YYYY-MM-DD") from None


def fts5_query(query: str) -> str:
    """Every word of ``query`` as a quoted FTS5 string: all must occur, none is an operator."""
    return " ".join(f'"{w}"' for w in _WORD.findall(query))


def _outlet_ids(session: Session, outlet: str) -> list[int]:
    wanted = outlet.strip().casefold()
    rows = session.exec(select(models.Source.id, models.Source.name, models.Source.aliases)).all()
    ids = [i for i, name, aliases in rows if wanted in {name.casefold(), *(a.casefold() for a in aliases or [])}]
    if not ids:
        raise QueryError(f"--outlet {outlet!r}: no such outlet stored — `prov outlets` lists them")
    return ids


def _matching_ids(session: Session, query: str) -> list[str] | None:
    """Ids of articles matching ``query`` by full-text search; None when the backend has none (fall back)."""
    conn = session.connection()
    dialect = conn.dialect.name
    if dialect == "sqlite":
        if not has_search_schema(conn):
            ensure_search_schema(conn)  # a database made before the index existed: build it once
        words = fts5_query(query)
        if not words:
            return []
        sql = text(
            f"SELECT article.id FROM {FTS_TABLE} JOIN article ON article.rowid = {FTS_TABLE}.rowid"
            f" WHERE {FTS_TABLE} MATCH :q"
        )
        return [r[0] for r in conn.execute(sql, {"q": words})]
    if dialect == "postgresql":
        sql = text(f"SELECT article.id FROM article WHERE {PG_DOCUMENT} @@ plainto_tsquery('simple', :q)")
        return [r[0] for r in conn.execute(sql, {"q": query})]
    return None


def find_articles(session: Session, options: TraceOptions) -> list[models.Article]:
    """The matched articles, oldest first (undated last, then by source path and id), as full rows."""
    if not options.query.strip():
        raise QueryError("empty query — give a word or phrase that the articles contain")
    since = check_date(options.since, "--since")
    until = check_date(options.until, "--until")
    if since and until and since > until:
        raise QueryError(f"--since {since} is after --until {until}")
    ids = _matching_ids(session, options.query)
    stmt = select(models.Article)
    if ids is None:  # no full-text search on this backend: a bound, case-insensitive substring match
        pattern = like_pattern(options.query.lower())
        stmt = stmt.where(
            or_(
                func.lower(models.Article.title).like(pattern, escape="\\"),
                func.lower(models.Article.body).like(pattern, escape="\\"),
            )
        )
    elif not ids:
        return []
    # Articles without a date cannot be placed in a range, so a range leaves them out.
    if since:
        stmt = stmt.where(models.Article.published >= since)
    if until:
        stmt = stmt.where(models.Article.published <= until)
    if options.outlet:
        stmt = stmt.where(models.Article.outlet_id.in_(_outlet_ids(session, options.outlet)))
    if ids is None:
        found = list(session.exec(stmt))
    else:
        found = []
        for chunk in chunks(sorted(set(ids)), 500):
            found.extend(session.exec(stmt.where(models.Article.id.in_(chunk))))
    return sorted(found, key=lambda a: (a.published or "9999", a.source, a.id))


def chunks(items: list, size: int):
    for i in range(0, len(items), size):
        yield items[i : i + size]
