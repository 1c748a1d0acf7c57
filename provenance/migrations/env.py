"""Alembic environment: prov always hands it an open connection (see :func:`provenance.db.upgrade`)."""

from __future__ import annotations

from alembic import context
from sqlmodel import SQLModel

from provenance import models  # noqa: F401  (registers the tables on SQLModel.metadata)

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - prov never runs Alembic offline or from the alembic command
    raise RuntimeError("run migrations through `prov db upgrade`")

# render_as_batch: SQLite cannot ALTER most things in place; batch mode copies the table instead.
context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
