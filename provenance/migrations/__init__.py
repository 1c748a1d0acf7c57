"""Alembic migrations of the prov schema; run through :func:`provenance.db.upgrade` (``prov db upgrade``).

Every change to :mod:`provenance.models` comes with a revision here. ``tests/test_pg_migrations.py`` checks that
upgrading an empty database to head gives exactly the schema the models declare.
"""
