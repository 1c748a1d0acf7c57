"""Engine and session set-up: the one place that knows how a database is opened, created and checked."""

from __future__ import annotations

import logging
import os
import random
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import event, inspect, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, IntegrityError, OperationalError, SQLAlchemyError
from sqlmodel import Session, SQLModel, create_engine, select

from . import models
from .errors import DatabaseError
from .trace.fts import ensure_search_schema

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1
DEFAULT_DB = "prov.db"
ENV_VAR = "PROV_DB"


def resolve_url(db: str | None = None) -> str:
    """Turn ``--db`` (a path or a SQLAlchemy URL), else ``$PROV_DB``, else ``prov.db`` into a URL."""
    value = db or os.environ.get(ENV_VAR) or DEFAULT_DB
    if "://" in value:
        return value
    return f"sqlite:///{value}"


# Execution option that makes a SQLite transaction take the write lock at BEGIN (see write_session).
IMMEDIATE = "prov_sqlite_immediate"


def _sqlite_path(url: str) -> str | None:
    """The file behind a SQLite URL (``file:`` URIs included), or None for other backends and memory."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return None
    path = parsed.database or None
    if path and parsed.query.get("uri") == "true" and path.startswith("file:"):
        # sqlite:///file:/x/prov.db?mode=ro&uri=true names /x/prov.db
        path = path[len("file:") :].split("?", 1)[0] or None
        if path and path.startswith("//"):
            path = path[2:]
    return path


def _sqlite_readonly(url: str) -> bool:
    return make_url(url).query.get("mode") == "ro"


_WAL_TRIES = 40  # about 40 s of waiting in all


def _on_sqlite_connect(dbapi_conn, _record) -> None:
    # pysqlite's own transaction handling starts a transaction only before a write, so the reads of one
    # session each saw a different state of the file; we issue BEGIN ourselves (see _on_sqlite_begin).
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    # WAL lets a trace read a consistent snapshot while an ingest writes; the busy timeout lets two
    # writers take turns instead of failing with "database is locked".
    cur.execute("PRAGMA busy_timeout=30000")
    # Switching a new file to WAL needs an exclusive lock, and SQLite answers "database is locked" at once,
    # without its busy handler, while another process creates the same file: wait and try again.
    for attempt in range(_WAL_TRIES):
        try:
            cur.execute("PRAGMA journal_mode=WAL")
            break
        except sqlite3.OperationalError as exc:
            # A read-only database (mode=ro, a read-only file) can still be read in its own journal mode.
            if "readonly" in str(exc):
                break
            if "locked" not in str(exc) or attempt == _WAL_TRIES - 1:
                raise
            time.sleep(0.05 * (attempt + 1))
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=NORMAL")
    # A checkpoint copies the WAL's pages into the file and syncs it. At SQLite's default (every 1,000 pages, 4 MB)
    # a bulk ingest into a database of 100,000 articles checkpointed every few batches, rewriting the same hot
    # index pages each time, and committing took ~47 ms a batch; every 10,000 pages (40 MB of WAL) it took ~27 ms.
    cur.execute("PRAGMA wal_autocheckpoint=10000")
    cur.close()


def _on_sqlite_begin(conn) -> None:
    # Every session is one transaction: a trace reads one snapshot even while an ingest commits. A writer
    # takes the lock at BEGIN, so its reads (is this article stored? does this source exist?) cannot go
    # stale before it writes; a second writer waits up to the busy timeout instead of failing.
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(IMMEDIATE) else "BEGIN")


def open_engine(db: str | None = None, *, create: bool = True) -> Engine:
    """Open (and with ``create`` make or check) the database named by ``db``.

    Raises :class:`DatabaseError` naming the database when it cannot be reached, is not a prov database,
    or was made by a newer prov.
    """
    url = resolve_url(db)
    try:
        make_url(url)
    except ArgumentError as exc:
        raise DatabaseError(f"{url}: not a database path or SQLAlchemy URL ({exc})") from None
    path = _sqlite_path(url)
    if path and path != ":memory:" and not path.startswith("file:"):
        folder = Path(path).resolve().parent
        if not folder.is_dir():
            raise DatabaseError(f"{path}: folder {folder} does not exist")
        if (not create or _sqlite_readonly(url)) and not Path(path).exists():
            raise DatabaseError(f"{path}: no such database — run `prov ingest PATH` first")
    engine = _connect(url)
    _prepare(engine, create=create)
    return engine


def _connect(url: str) -> Engine:
    try:
        engine = create_engine(url)
    except (ArgumentError, ImportError, SQLAlchemyError) as exc:
        raise DatabaseError(f"{make_url(url).render_as_string(hide_password=True)}: cannot open ({exc})") from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _on_sqlite_connect)
        event.listen(engine, "begin", _on_sqlite_begin)
    return engine


def _describe(engine: Engine) -> str:
    if engine.dialect.name == "sqlite" and engine.url.database:
        # the path the user gave (a file: URI shows as a path, not as "file%3A…"), plus read-only when so
        path = _sqlite_path(engine.url.render_as_string()) or engine.url.database
        return path + (" (opened read-only)" if engine.url.query.get("mode") == "ro" else "")
    return engine.url.render_as_string(hide_password=True)


def _prepare(engine: Engine, *, create: bool) -> None:
    try:
        with engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
    except OperationalError as exc:
        raise DatabaseError(f"{_describe(engine)}: cannot open ({_first_line(exc)})") from None
    except SQLAlchemyError as exc:
        raise DatabaseError(f"{_describe(engine)}: not a usable database ({_first_line(exc)})") from None
    if tables and "article" not in tables:
        raise DatabaseError(f"{_describe(engine)}: not a prov database (it holds other tables)")
    if "meta" in tables:
        with Session(engine) as s:
            row = s.exec(select(models.Meta).where(models.Meta.key == "schema_version")).first()
        if row and int(row.value) > SCHEMA_VERSION:
            raise DatabaseError(
                f"{_describe(engine)}: made by a newer prov (schema {row.value}, this prov knows {SCHEMA_VERSION})"
                " — upgrade prov"
            )
    if "article" in tables:
        _check_revision(engine)
    if not create or tables >= set(SQLModel.metadata.tables) | {"alembic_version"}:
        return
    try:
        # Under the write lock from the start (see _lock_schema): two processes creating one new database
        # otherwise both find it empty, and the second one's CREATE fails.
        with write_engine(engine).begin() as conn:
            _create(conn)
    except OperationalError as exc:
        raise DatabaseError(f"{_describe(engine)}: cannot write ({_first_line(exc)})") from None


# --- schema revisions (Alembic) -------------------------------------------------------------------------------
# Design: a new database is created from the models and stamped with the newest revision; a database made by an
# older prov is refused with "run `prov db upgrade`" rather than upgraded on open, because on a shared server
# several ingesters open the database at once and a migration should be one person's deliberate act.

BASELINE = "0001"  # what a prov 0.1 database (tables, no alembic_version) is
# A fixed key for PostgreSQL's advisory lock: processes that create or migrate the schema take turns.
_SCHEMA_LOCK = 7_240_117


def _lock_schema(conn) -> None:
    """Make processes that create or migrate the schema take turns (the lock ends with the transaction).

    On SQLite the caller's transaction comes from :func:`write_engine` and holds the write lock already.
    """
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _SCHEMA_LOCK})


def _scripts():
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", "provenance:migrations")
    return cfg, ScriptDirectory.from_config(cfg)


def head_revision() -> str:
    """The schema revision this prov writes."""
    return _scripts()[1].get_current_head()


def _revision(conn) -> str | None:
    """The stored revision; BASELINE for a prov 0.1 database; None for an empty one."""
    from alembic.runtime.migration import MigrationContext

    current = MigrationContext.configure(conn).get_current_revision()
    if current is None and inspect(conn).has_table("article"):
        return BASELINE
    return current


def _check_revision(engine: Engine) -> None:
    with engine.connect() as conn:
        current = _revision(conn)
    _, scripts = _scripts()
    head = scripts.get_current_head()
    if current == head:
        return
    try:
        scripts.get_revision(current)
    except Exception:
        raise DatabaseError(
            f"{_describe(engine)}: made by a newer prov (schema revision {current}, this prov knows {head}) — upgrade prov"
        ) from None
    raise DatabaseError(
        f"{_describe(engine)}: made by an older prov (schema revision {current}, this prov needs {head})"
        " — run `prov db upgrade`"
    )


def _create(conn) -> None:
    """Create the tables of an empty database and stamp it with the newest revision (idempotent)."""
    from alembic.runtime.migration import MigrationContext

    # Several ingesters may open one empty server database at once: the first creates, the others wait, then
    # find the tables made (create_all checks first, under the lock).
    _lock_schema(conn)
    SQLModel.metadata.create_all(conn)
    ensure_search_schema(conn)  # full-text search over articles (provenance/trace/fts.py; migration 0003)
    ctx = MigrationContext.configure(conn)
    if ctx.get_current_revision() is None:
        ctx.stamp(_scripts()[1], "head")
    _ensure_meta(conn)


def _ensure_meta(conn) -> None:
    with Session(bind=conn) as s:
        if s.get(models.Meta, "schema_version") is None:
            s.add(models.Meta(key="schema_version", value=str(SCHEMA_VERSION)))
            s.flush()


def upgrade(db: str | None = None) -> tuple[str | None, str]:
    """Bring the database's schema to this prov's newest revision in place; return (from, to) revisions.

    An empty database is created through the migrations. Raises DatabaseError when it cannot be opened or
    was made by a newer prov.
    """
    from alembic import command

    engine = _connect(resolve_url(db))
    try:
        with engine.connect() as probe:
            tables = set(inspect(probe).get_table_names())
        if tables and "article" not in tables:
            raise DatabaseError(f"{_describe(engine)}: not a prov database (it holds other tables)")
        cfg, scripts = _scripts()
        head = scripts.get_current_head()
        with write_engine(engine).begin() as conn:
            _lock_schema(conn)
            before = _revision(conn)
            if before is not None:
                try:
                    scripts.get_revision(before)
                except Exception:
                    raise DatabaseError(
                        f"{_describe(engine)}: made by a newer prov (schema revision {before}) — upgrade prov"
                    ) from None
            cfg.attributes["connection"] = conn
            if before == BASELINE and "alembic_version" not in tables:
                command.stamp(cfg, BASELINE)
            command.upgrade(cfg, "head")
            _ensure_meta(conn)
        log.info("%s: schema %s -> %s", _describe(engine), before, head)
        return before, head
    except OperationalError as exc:
        raise DatabaseError(f"{_describe(engine)}: cannot upgrade ({_first_line(exc)})") from None
    finally:
        engine.dispose()


# Errors a writer can meet only because another writer ran at the same time; the transaction may be retried.
_TRANSIENT_SQLSTATES = {"40P01", "40001", "55P03"}  # deadlock detected, serialization failure, lock not available


def is_transient(exc: Exception) -> bool:
    """True when ``exc`` (a SQLAlchemy OperationalError) says "try the transaction again", not "this is broken"."""
    orig = getattr(exc, "orig", None)
    if getattr(orig, "sqlstate", None) in _TRANSIENT_SQLSTATES:
        return True
    return "database is locked" in str(orig or exc)


def in_transaction(engine: Engine, work, *, what: str, retries: int = 5):
    """Run ``work(session)`` in one transaction and commit; return its result.

    A transaction that meets another writer (a deadlock, a serialization failure, a busy SQLite file, or — on a
    backend without SQLite's write lock at BEGIN — a row another writer stored since we looked) is rolled back
    and run again after a growing, jittered pause. Anything else, or the last failure, is a DatabaseError.
    """
    for attempt in range(retries):
        try:
            with Session(engine) as s:
                result = work(s)
                s.commit()
                return result
        except IntegrityError:
            log.info("%s: concurrent write, retrying", what)
        except OperationalError as exc:
            if not is_transient(exc) or attempt == retries - 1:
                raise DatabaseError(f"{_describe(engine)}: {_first_line(exc)}") from None
            log.info("%s: %s, retrying", what, _first_line(exc))
        time.sleep(random.uniform(0.05, 0.2) * 2**attempt)
    raise DatabaseError(f"{_describe(engine)}: could not store {what} (conflicting writers)")


def _first_line(exc: Exception) -> str:
    text = str(getattr(exc, "orig", None) or exc)
    return text.splitlines()[0] if text else type(exc).__name__


def write_engine(engine: Engine) -> Engine:
    """The same engine, whose SQLite transactions take the write lock at BEGIN (one writer at a time)."""
    return engine.execution_options(**{IMMEDIATE: True})


@contextmanager
def session(engine: Engine) -> Iterator[Session]:
    """A session whose database errors surface as :class:`DatabaseError`."""
    with Session(engine) as s:
        try:
            yield s
        except OperationalError as exc:
            s.rollback()
            raise DatabaseError(f"{_describe(engine)}: {_first_line(exc)}") from None
