"""Full-text search schema over article titles and bodies: SQLite FTS5 or PostgreSQL full-text search.

:func:`ensure_search_schema` is idempotent and is the one place these additions live, so a migration can fold
them in. On SQLite it is an external-content FTS5 table over ``article`` (no second copy of the text) kept in sync
by triggers; a database made before it existed gets it built from the stored articles on first use.
External content keys on ``article.rowid``: prov never runs VACUUM, which could renumber it; after one, run
``INSERT INTO article_fts(article_fts) VALUES('rebuild')``.
"""

from __future__ import annotations

import logging

from sqlalchemy import text
from sqlalchemy.engine import Connection

log = logging.getLogger(__name__)

FTS_TABLE = "article_fts"

# unicode61 folds case and, with remove_diacritics 2, accents: "Kazakhstan" finds "KAZAKHSTAN" and "Kazakhstán".
_SQLITE = [
    f"""CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5(
        title, body, content='article', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')""",
    f"""CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_ai AFTER INSERT ON article BEGIN
        INSERT INTO {FTS_TABLE}(rowid, title, body) VALUES (new.rowid, new.title, new.body);
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_ad AFTER DELETE ON article BEGIN
        INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, title, body) VALUES ('delete', old.rowid, old.title, old.body);
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_au AFTER UPDATE ON article BEGIN
        INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, title, body) VALUES ('delete', old.rowid, old.title, old.body);
        INSERT INTO {FTS_TABLE}(rowid, title, body) VALUES (new.rowid, new.title, new.body);
    END""",
]

# The `simple` configuration: no stemming, so Indonesian (which PostgreSQL has no dictionary for) works like English.
PG_DOCUMENT = "to_tsvector('simple', coalesce(article.title, '') || ' ' || article.body)"
_POSTGRES = [f"CREATE INDEX IF NOT EXISTS ix_article_fts ON article USING gin ({PG_DOCUMENT})"]


def has_search_schema(conn: Connection) -> bool:
    if conn.dialect.name != "sqlite":
        return True
    row = conn.execute(text("SELECT 1 FROM sqlite_master WHERE name = :n"), {"n": FTS_TABLE}).first()
    return row is not None


def ensure_search_schema(conn: Connection) -> None:
    """Create the full-text search structures if missing (and fill them from stored articles); idempotent."""
    dialect = conn.dialect.name
    if dialect == "sqlite":
        existed = has_search_schema(conn)
        for stmt in _SQLITE:
            conn.execute(text(stmt))
        if not existed:
            conn.execute(text(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')"))
            log.info("built the full-text index over stored articles")
    elif dialect == "postgresql":
        for stmt in _POSTGRES:
            conn.execute(text(stmt))
