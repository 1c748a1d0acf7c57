"""citation span may be null: the evidence of a citation can be a removed piece (a syndication footer)

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # batch: SQLite cannot drop NOT NULL in place, so Alembic copies the table there; PostgreSQL just alters.
    with op.batch_alter_table("citation", schema=None) as batch_op:
        batch_op.alter_column("span_start", existing_type=sa.Integer(), nullable=True)
        batch_op.alter_column("span_end", existing_type=sa.Integer(), nullable=True)


def downgrade() -> None:
    with op.batch_alter_table("citation", schema=None) as batch_op:
        batch_op.alter_column("span_end", existing_type=sa.Integer(), nullable=False)
        batch_op.alter_column("span_start", existing_type=sa.Integer(), nullable=False)
