"""Schema migrations (Alembic): the migrations build exactly the models' schema, and an older database is
refused until `prov db upgrade` brings it up to date in place. Runs on SQLite and on PROV_TEST_DB."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlmodel import SQLModel

import provenance
from provenance import db as dbmod

from .conftest import FIXTURES, run_cli

PROBE = '''"""add a probe table (test only)"""
import sqlalchemy as sa
from alembic import op

revision = "0999"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("probe", sa.Column("id", sa.Integer(), primary_key=True))


def downgrade() -> None:
    op.drop_table("probe")
'''


def _engine(db: str) -> sa.Engine:
    return sa.create_engine(dbmod.resolve_url(db))


def _diff(conn) -> list:
    """What the models declare and the database lacks, or holds otherwise (full-text search is not a model)."""

    def include(obj, name, type_, reflected, compare_to):
        return not (name or "").startswith(("article_fts", "ix_article_fts"))

    return compare_metadata(MigrationContext.configure(conn, opts={"include_object": include}), SQLModel.metadata)


def _search_ready(db: str) -> bool:
    from provenance.trace.fts import FTS_TABLE

    with _engine(db).connect() as conn:
        if conn.dialect.name == "sqlite":
            return sa.inspect(conn).has_table(FTS_TABLE)
        return "ix_article_fts" in {i["name"] for i in sa.inspect(conn).get_indexes("article")}


def _revision(db: str) -> str | None:
    with _engine(db).connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def test_migrations_build_the_models_schema(db):
    result = run_cli("--db", db, "db", "upgrade")
    assert result.exit_code == 0, result.output
    assert result.output.strip() == f"schema empty -> {dbmod.head_revision()}"
    with _engine(db).connect() as conn:
        assert _diff(conn) == []
    assert _search_ready(db)
    assert run_cli("--db", db, "ingest", str(FIXTURES)).exit_code == 0
    assert "Kazakhstan" in run_cli("--db", db, "trace", "Kazakhstan").output


def test_new_database_is_stamped_current(db):
    assert run_cli("--db", db, "ingest", str(FIXTURES)).exit_code == 0
    assert _revision(db) == dbmod.head_revision()
    assert run_cli("--db", db, "db", "upgrade").output.strip() == f"schema {dbmod.head_revision()} (already current)"


def test_prov_0_1_database_is_upgraded_in_place(db):
    engine = _engine(db)
    cfg, _ = dbmod._scripts()
    with engine.begin() as conn:  # what prov 0.1 made: the baseline tables, no alembic_version
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, dbmod.BASELINE)
        conn.execute(sa.text("DROP TABLE alembic_version"))
        conn.execute(sa.text("INSERT INTO meta (key, value) VALUES ('schema_version', '1')"))
    engine.dispose()
    head = dbmod.head_revision()
    assert head != dbmod.BASELINE
    result = run_cli("--db", db, "export")
    assert result.exit_code == 1
    assert result.output.strip().endswith(
        f"made by an older prov (schema revision {dbmod.BASELINE}, this prov needs {head}) — run `prov db upgrade`"
    )
    assert run_cli("--db", db, "db", "upgrade").output.strip() == f"schema {dbmod.BASELINE} -> {head}"
    with _engine(db).connect() as conn:
        assert _diff(conn) == []
    assert _search_ready(db)
    assert run_cli("--db", db, "ingest", str(FIXTURES)).exit_code == 0
    assert run_cli("--db", db, "export").exit_code == 0


def test_older_database_is_refused_until_upgraded(db, tmp_path, monkeypatch):
    assert run_cli("--db", db, "ingest", str(FIXTURES)).exit_code == 0
    before = run_cli("--db", db, "export").output
    head = dbmod.head_revision()
    scripts = tmp_path / "migrations"  # this prov's migrations plus one newer revision
    shutil.copytree(Path(provenance.__file__).parent / "migrations", scripts)
    (scripts / "versions" / "0999_probe.py").write_text(PROBE.format(head=head), encoding="utf-8")
    real = dbmod._scripts

    def newer():
        cfg, _ = real()
        cfg.set_main_option("script_location", str(scripts))
        from alembic.script import ScriptDirectory

        return cfg, ScriptDirectory.from_config(cfg)

    monkeypatch.setattr(dbmod, "_scripts", newer)
    result = run_cli("--db", db, "export")
    assert result.exit_code == 1
    assert result.output.strip().endswith(f"made by an older prov (schema revision {head}, this prov needs 0999) — run `prov db upgrade`")
    result = run_cli("--db", db, "db", "upgrade")
    assert result.output.strip() == f"schema {head} -> 0999"
    assert run_cli("--db", db, "export").output == before
    with _engine(db).connect() as conn:
        assert sa.inspect(conn).has_table("probe")

    monkeypatch.setattr(dbmod, "_scripts", real)  # the older prov meets the upgraded database
    result = run_cli("--db", db, "export")
    assert result.exit_code == 1
    assert "made by a newer prov (schema revision 0999" in result.output
    assert "upgrade prov" in result.output


@pytest.mark.parametrize("args", [("db", "upgrade"), ("export",)])
def test_not_a_prov_database(tmp_path, args):
    path = tmp_path / "other.db"
    with sa.create_engine(f"sqlite:///{path}").begin() as conn:
        conn.execute(sa.text("CREATE TABLE stuff (x)"))
    result = run_cli("--db", str(path), *args)
    assert result.exit_code == 1
    assert "not a prov database" in result.output
