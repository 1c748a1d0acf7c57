"""Hostile articles: their text never reaches a report, a graph or a terminal unescaped, a query is always a
bound parameter with LIKE wildcards taken literally, and ``--output`` writes exactly the path given, whole."""

from __future__ import annotations

import json
import os
import re

import pytest
import sqlalchemy

from provenance import escape
from provenance.db import resolve_url

from .conftest import run_cli
from .reliability import ARTICLE, count, one_error, seed

EVIL = [
    "](javascript:alert(1))",
    "[click](javascript:alert(document.cookie))",
    "![x](https://evil.example/p.png)",
    "<script>alert(1)</script><img src=x onerror=alert(1)>",
    "a | b | c",
    "`code` *bold* _it_ ~~del~~ \\ backslash",
    "# heading\n- item\n> quote\n\n| t |",
    "https://evil.example www.evil.example data:text/html,x",
    "\x1b[2J\x1b[31mred\x1b]8;;http://evil\x07link\x1b]8;;\x07\x9b31m\x9d0;title\x07",
    "\u202eevil\u202c \u2066x\u2069",
    'A"]-->B["x', "x]; style A fill:#f00; %%{init}%%",
    'n" [label="x"]; a -> b; "',
]


def _inert_markdown(md: str) -> None:
    # A Mermaid block is not Markdown: its labels are checked apart, then the block is left out of the rest.
    for block in re.findall(r"```mermaid\n(.*?)```", md, re.S):
        for label in re.findall(r'"([^"]*)"', block):
            assert re.fullmatch(r"([^\W_]|[ .,'\-–—→]|#\d+;)*", label), label
    md = re.sub(r"```mermaid\n.*?```", "", md, flags=re.S)
    assert "\x1b" not in md and "\x07" not in md and not re.search("[\x80-\x9f\u202a-\u202e\u2066-\u2069]", md)
    assert "<script" not in md and "<img" not in md
    assert not re.search(r"(?<!\\)\]\(", md), "a link target survived"
    assert not re.search(r"(?<!\\)!?(?<!\\)\[[^\]]*(?<!\\)\]", md), "link text survived"
    assert "javascript:" not in md and "https://evil" not in md and "www.evil" not in md
    cells = None  # article text adds no table cell: every row of a table has its header's unescaped pipes
    for line in md.splitlines():
        if not line.startswith("|"):
            cells = None
            continue
        pipes = len(re.findall(r"(?<!\\)\|", line))
        cells = pipes if cells is None else cells
        assert pipes == cells, line


@pytest.mark.parametrize("text", EVIL)
def test_markdown_report_is_inert(text, tmp_path):
    db = str(tmp_path / "p.db")
    f = tmp_path / "a.txt"
    filler = "Harga beras di pasar induk naik lagi pekan ini, menurut para pedagang yang ditemui di lokasi. " * 4
    f.write_text(f"{text}\nJakarta, Warta Contoh - {text} kata menteri, dilansir Reuters. “{text}” ujar sumber.\n{filler}\n", "utf-8")
    assert run_cli("--db", db, "ingest", str(f)).exit_code == 0
    for fmt in ("md",):
        result = run_cli("--db", db, "trace", "menteri", "--format", fmt)
        assert result.exit_code == 0, result.output
        _inert_markdown(result.output)
        assert all(not line.startswith("#") or "evil" not in line for line in result.output.splitlines())


@pytest.mark.parametrize("text", EVIL)
def test_html_mermaid_dot_and_terminal_escapes(text):
    h = escape.html(text)
    assert not re.search(r"[<>\"']", h) and "\x1b" not in h
    m = escape.mermaid_label(text)
    assert not re.search(r'["\[\](){}|<>`;]', m.replace("#", "").replace(";", "")) and "\n" not in m
    assert all(part.rstrip(";").isdigit() or not part for part in re.findall(r"#(\d*;?)", m))
    d = escape.dot_label(text)
    assert not re.search(r'(?<!\\)"', d.replace("\\\\", "")) and "\n" not in d
    t = escape.terminal(text)
    assert not re.search("[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f]", t)


def test_link_targets_only_http():
    assert escape.link_target("javascript:alert(1)") is None
    assert escape.link_target("JaVaScRiPt:alert(1)") is None
    assert escape.link_target(" \x01javascript:alert(1)") is None
    assert escape.link_target("data:text/html,<script>") is None
    assert escape.link_target("/relative") is None
    assert escape.link_target("https://ok.example/a b)(\"<x>") == "https://ok.example/a%20b%29%28%22%3Cx%3E"


def test_json_line_keeps_the_data_and_drops_terminal_controls():
    line = json.dumps({"body": "x\x9b31m\u202ey\x1b[0m"}, ensure_ascii=False)
    safe = escape.json_line(line)
    assert json.loads(safe) == json.loads(line)
    assert not re.search("[\x1b\x80-\x9f\u202e]", safe)


def test_cli_output_carries_no_escape_sequences(db, tmp_path):
    hostile = "Jakarta - Menteri \x1b[2J\x1b]8;;http://evil\x07berkata\x1b]8;;\x07 \x9b31m kepada Reuters \u202eevil.\n"
    f = tmp_path / "evil\x1b[31m.txt"
    f.write_text(hostile, encoding="utf-8")
    for args in (("clean", str(f)), ("--db", db, "ingest", str(f)), ("--db", db, "export"), ("--db", db, "trace", "Menteri")):
        result = run_cli(*args)
        assert result.exit_code == 0, result.output
        assert not re.search("[\x07\x1b\x80-\x9f\u202e]", result.output), (args, result.output)
    body = json.loads(run_cli("--db", db, "export").output)["body"]
    assert "\x1b[2J" in body  # stored as read: escaping is for display, never for the evidence itself
    f.unlink()
    missing = run_cli("--db", db, "ingest", str(f))
    one_error(missing, "no such file")
    assert "\x1b" not in missing.output


# Story matching is full-text search over words (SQLite FTS5): punctuation in a query is not a wildcard and not
# an operator, and a query is always a bound parameter, so SQL in it is just words that match nothing.
@pytest.mark.parametrize(
    ("query", "hits"),
    [
        ("50%", {"pct", "plain"}),  # the word "50"; "%" is not a LIKE wildcard
        ("5_%", {"plain"}),  # the word "5", not a pattern matching "50%"
        ("a_b", {"under"}),
        ("%", set()),  # no word at all: nothing, not everything
        ("_", set()),
        ("\\", set()),
        ('"a" OR "harga" NEAR', set()),  # FTS5 operators are plain words
        ("'; DROP TABLE article; --", set()),
        ("\" OR 1=1 --", set()),
    ],
)
def test_queries_are_bound_and_literal(db, tmp_path, query, hits):
    texts = {
        "pct": "Harga beras naik 50% kata menteri.\n",
        "under": "Kode a_b disebut dalam laporan menteri.\n",
        "slash": "Jalur C:\\data disebut menteri.\n",
        "plain": "Harga beras naik 50 persen dan 5 kali lipat kata menteri ab.\n",
    }
    for name, text in texts.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
        assert run_cli("--db", db, "ingest", str(tmp_path / f"{name}.txt")).exit_code == 0
    result = run_cli("--db", db, "trace", query)
    assert result.exit_code == 0, result.output
    found = {name for name in texts if f"{name}.txt" in result.output}
    assert found == hits, result.output
    assert count(db, "article") == 4
    engine = sqlalchemy.create_engine(resolve_url(db))  # SQLite, or the PROV_TEST_DB server
    assert set(sqlalchemy.inspect(engine).get_table_names()) >= {"article", "citation"}
    engine.dispose()


def test_output_writes_exactly_the_given_path_and_replaces_a_planted_symlink(db, tmp_path):
    seed(db, tmp_path)
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n")
    out = tmp_path / "report.md"
    out.symlink_to(victim)  # planted: writing through it would overwrite victim.txt
    result = run_cli("--db", db, "trace", "Menteri", "--output", str(out))
    assert result.exit_code == 0, result.output
    assert victim.read_text() == "precious\n"
    assert not out.is_symlink() and out.read_text(encoding="utf-8").startswith("# Provenance trace: Menteri")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []  # no temp file left


def test_output_into_a_missing_folder_or_onto_a_folder(db, tmp_path):
    seed(db, tmp_path)
    one_error(run_cli("--db", db, "trace", "Menteri", "-o", str(tmp_path / "nope" / "r.md")), "nope", "does not exist")
    assert not (tmp_path / "nope").exists()
    (tmp_path / "dir").mkdir()
    one_error(run_cli("--db", db, "trace", "Menteri", "-o", str(tmp_path / "dir")), "is a folder")
    one_error(run_cli("--db", db, "export", "-o", str(tmp_path / "dir")), "is a folder")


def test_a_failed_write_leaves_the_old_report_whole(db, tmp_path, monkeypatch):
    seed(db, tmp_path)
    out = tmp_path / "report.md"
    out.write_text("old report\n")

    def disk_full(_fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    one_error(run_cli("--db", db, "trace", "Menteri", "-o", str(out)), str(out), "No space left")
    assert out.read_text() == "old report\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_export_output_is_atomic_and_same_as_stdout(db, tmp_path):
    seed(db, tmp_path)
    out = tmp_path / "all.jsonl"
    assert run_cli("--db", db, "export", "-o", str(out)).exit_code == 0
    assert out.read_text(encoding="utf-8") == run_cli("--db", db, "export").output
    assert oct(out.stat().st_mode & 0o777) != oct(0o600)  # an ordinary file, not mkstemp's private mode


def test_hostile_article_round_trip_through_report_file(db, tmp_path):
    f = tmp_path / "x.txt"
    f.write_text(ARTICLE + "".join(EVIL), encoding="utf-8")
    assert run_cli("--db", db, "ingest", str(f)).exit_code == 0
    out = tmp_path / "r.md"
    assert run_cli("--db", db, "trace", "javascript", "-o", str(out)).exit_code == 0
    _inert_markdown(out.read_text(encoding="utf-8"))
