"""The databases the suite runs on: always a SQLite file; also a PostgreSQL server when ``PROV_TEST_DB`` names one.

``PROV_TEST_DB`` is a SQLAlchemy URL of a database the tests may create schemas in, e.g.
``postgresql+psycopg://postgres@/prov_test?host=/tmp/prov-pg`` (``.ci/postgres start`` prints one). Each test
gets its own schema there (fast to make and drop, unlike a database), reached through ``search_path``.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import sqlalchemy as sa

ENV = "PROV_TEST_DB"
SERVER_URL = os.environ.get(ENV) or None
BACKENDS = ["sqlite", "postgresql"] if SERVER_URL else ["sqlite"]


@contextmanager
def server_schema() -> Iterator[str]:
    """A fresh, empty schema on the PROV_TEST_DB server; yields a URL whose search_path is that schema only."""
    assert SERVER_URL, f"{ENV} is not set"
    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(SERVER_URL, isolation_level="AUTOCOMMIT", poolclass=sa.pool.NullPool)
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE SCHEMA "{name}"'))
    sep = "&" if "?" in SERVER_URL else "?"
    try:
        yield f"{SERVER_URL}{sep}options={quote(f'-csearch_path={name}')}"
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP SCHEMA "{name}" CASCADE'))
        admin.dispose()


@contextmanager
def fresh_db(backend: str, folder: Path) -> Iterator[str]:
    """A fresh database of the backend: a path of a SQLite file that does not exist yet, or a server URL."""
    if backend == "sqlite":
        yield str(folder / "prov.db")
    else:
        with server_schema() as url:
            yield url


def is_server(db: str) -> bool:
    return "://" in db and not db.startswith("sqlite")
