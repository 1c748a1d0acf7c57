"""Helpers shared by the reliability tests: articles to ingest, a database snapshot, one-line error checks."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlalchemy

from provenance.db import resolve_url

from .conftest import run_cli

ARTICLE = "Jakarta, Warta Contoh - Menteri itu berkata, “Kami siap,” kata dia kepada wartawan, Senin (3/11/2025).\n"


def article(n: int) -> str:
    """A distinct small article (its own content hash) for bulk tests."""
    return (
        f"Jakarta, Warta Contoh - Laporan nomor {n}: menteri berkata kepada Reuters bahwa harga naik {n} persen.\n"
        f"Menurut Antara, kebijakan nomor {n} berlaku mulai Senin.\n"
    )


def dump(db: str) -> list[str]:
    """Everything stored, as SQL; two equal dumps mean nothing changed."""
    if "://" in db and not db.startswith("sqlite"):  # the PROV_TEST_DB server: every row of every table
        engine = sqlalchemy.create_engine(db)
        with engine.connect() as con:
            tables = sorted(sqlalchemy.inspect(con).get_table_names())
            rows = [f"{t}: {r}" for t in tables for r in sorted(map(repr, con.execute(sqlalchemy.text(f'SELECT * FROM "{t}"'))))]
        engine.dispose()
        return rows
    if not Path(db).exists():
        return []
    with sqlite3.connect(db) as con:
        return list(con.iterdump())


def seed(db: str, folder: Path) -> list[str]:
    f = folder / "good.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    result = run_cli("--db", db, "ingest", str(f))
    assert result.exit_code == 0, result.output
    return dump(db)


def one_error(result, *needles: str) -> str:
    """The run failed with exactly one ``Error:`` line containing every needle, and no traceback."""
    assert result.exit_code != 0, result.output
    lines = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert len(lines) == 1, result.output
    for needle in needles:
        assert needle in lines[0], lines[0]
    assert "Traceback" not in result.output
    return lines[0]


def count(db: str, table: str) -> int:
    engine = sqlalchemy.create_engine(resolve_url(db))  # a SQLite path or the PROV_TEST_DB server
    with engine.connect() as con:
        n = con.execute(sqlalchemy.text(f"SELECT count(*) FROM {table}")).scalar_one()
    engine.dispose()
    return n
