"""full-text search over article titles and bodies: SQLite FTS5 table and triggers, or a PostgreSQL GIN index

The structures are defined once, in :mod:`provenance.trace.fts`; this revision creates them (and fills the
SQLite index from the stored articles), so an upgraded database searches like a new one.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

from alembic import op

from provenance.trace.fts import FTS_TABLE, ensure_search_schema

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    ensure_search_schema(op.get_bind())


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for suffix in ("_ai", "_ad", "_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {FTS_TABLE}{suffix}")
        op.execute(f"DROP TABLE IF EXISTS {FTS_TABLE}")
    else:
        op.execute("DROP INDEX IF EXISTS ix_article_fts")
