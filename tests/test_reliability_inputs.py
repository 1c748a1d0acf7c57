"""The bad-input matrix (files and folders): one clear ``Error:`` line naming the input, a non-zero exit when
the whole run failed, the rest of a folder goes on, and nothing stored changes."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from provenance import ingest as ingest_mod
from provenance import reader

from .conftest import run_cli
from .reliability import ARTICLE, count, dump, one_error, seed


@pytest.fixture
def seeded(db, tmp_path):
    return db, seed(db, tmp_path)


def _refused(seeded, path, *needles):
    db, before = seeded
    result = run_cli("--db", db, "ingest", str(path))
    one_error(result, str(path), *needles)
    assert dump(db) == before
    return result


def test_missing_path_changes_nothing_even_with_good_inputs(seeded, tmp_path):
    db, before = seeded
    good = tmp_path / "new.txt"
    good.write_text(ARTICLE.replace("Senin", "Selasa"), encoding="utf-8")
    result = run_cli("--db", db, "ingest", str(good), str(tmp_path / "nope.txt"))
    one_error(result, "nope.txt", "no such file")
    assert dump(db) == before  # inputs are all checked before anything is written


def test_folder_without_articles(seeded, tmp_path):
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "a.csv").write_text("a,b\n")
    _refused(seeded, tmp_path / "notes", "no article files")


def test_permission_denied(seeded, tmp_path, monkeypatch):
    # Tests run as root, which chmod 000 does not stop; make the open fail the way it does for other users.
    f = tmp_path / "secret.txt"
    f.write_text(ARTICLE.replace("Senin", "Rabu"), encoding="utf-8")
    real_open = os.open

    def denied(path, *args, **kwargs):
        if os.path.basename(path) == "secret.txt":
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", denied)
    _refused(seeded, f, "permission denied")


@pytest.mark.parametrize(
    ("name", "data", "needle"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b" \n\t \r\n", "whitespace only"),
        ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary"),
        ("controls.txt", bytes(range(1, 9)) * 200, "binary"),
        ("data.html", b'{"title": "not a page", "body": [1, 2, 3]}', "looks like JSON"),
    ],
)
def test_unreadable_content(seeded, tmp_path, name, data, needle):
    f = tmp_path / name
    f.write_bytes(data)
    _refused(seeded, f, needle)


TEXT = "Jakarta, Warta Contoh - Café “résumé” naïve — kata menteri kepada wartawan.\n"


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("cp1252.txt", TEXT.encode("cp1252")),
        ("utf16le-bom.txt", TEXT.encode("utf-16")),
        ("utf16be-bom.txt", b"\xfe\xff" + TEXT.encode("utf-16-be")),
        ("utf8-bom.txt", b"\xef\xbb\xbf" + TEXT.encode("utf-8")),
        ("stray.txt", TEXT.encode("utf-8")[:25] + b"\xff" + TEXT.encode("utf-8")[25:]),
    ],
)
def test_encodings_are_decoded_and_stored_correctly(db, tmp_path, name, data):
    f = tmp_path / name
    f.write_bytes(data)
    result = run_cli("--db", db, "ingest", str(f))
    assert result.exit_code == 0, result.output
    assert "1 added" in result.output
    [record] = [json.loads(line) for line in run_cli("--db", db, "export").output.splitlines()]
    assert "“résumé” naïve —" in record["body"], record["body"]
    assert "\ufeff" not in record["body"]


def test_fifty_megabyte_file_is_refused_before_reading(seeded, tmp_path, monkeypatch):
    big = tmp_path / "big.txt"
    with big.open("wb") as f:  # sparse: 50 MB on paper, nothing on disk
        f.truncate(50 * 1024 * 1024)
    real_open = os.open

    def no_read(path, *args, **kwargs):
        assert os.path.basename(path) != "big.txt", "the oversized file was opened"
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", no_read)
    _refused(seeded, big, "too large", "limit is 16 MiB")


def test_read_is_bounded_even_when_the_size_lies(tmp_path, monkeypatch):
    # A file that grows after stat (or a size the filesystem misreports) is still read at most MAX_BYTES + 1.
    monkeypatch.setattr(reader, "MAX_BYTES", 1000)
    f = tmp_path / "grows.txt"
    f.write_text("kata menteri. " * 10, encoding="utf-8")
    real_stat = os.stat

    class Small:
        def __init__(self, st):
            self.st_mode, self.st_size = st.st_mode, 10

    def lying(path, **kw):
        st = real_stat(path, **kw)
        return Small(st) if os.path.basename(path) == "grows.txt" else st

    monkeypatch.setattr(os, "stat", lying)
    f.write_text("kata menteri. " * 1000, encoding="utf-8")
    with pytest.raises(reader.InputError, match="too large"):
        reader.read_file(f)


def test_device_or_pipe_is_refused_not_read(seeded, tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)  # reading it would block forever; /dev/zero would never end
    _refused(seeded, fifo, "not a regular file")


def test_oversized_stdin_is_refused(db, monkeypatch):
    monkeypatch.setattr(reader, "MAX_BYTES", 1000)
    result = run_cli("--db", db, "ingest", "-", input=b"kata menteri. " * 200)
    one_error(result, "<stdin>", "too large")
    assert not Path(db).exists() or count(db, "article") == 0


def test_deeply_nested_html_does_not_crash(db, tmp_path):
    f = tmp_path / "deep.html"
    paragraph = "<p>Jakarta, Warta Contoh - Menteri berkata kepada Reuters bahwa harga naik.</p>"
    f.write_text("<html><body>" + "<div>" * 10_000 + paragraph + "</div>" * 10_000 + "</body></html>")
    result = run_cli("--db", db, "ingest", str(f))
    assert "Traceback" not in result.output and "RecursionError" not in result.output
    assert result.exit_code == 0 or result.output.count("Error:") == 1, result.output
    result = run_cli("clean", str(f))
    assert "RecursionError" not in result.output


def test_recursion_in_the_cleaner_falls_back_to_the_text_between_tags(db, tmp_path, monkeypatch):
    real_clean = ingest_mod.clean

    def recursing(raw, rules=None):
        if raw.kind == "html":
            raise RecursionError("maximum recursion depth exceeded")
        return real_clean(raw, rules)

    monkeypatch.setattr(ingest_mod, "clean", recursing)
    f = tmp_path / "deep.html"
    f.write_text("<html><body>" + "<div>" * 3000 + "<p>Menteri berkata kepada Reuters.</p>" + "</div>" * 3000 + "</body></html>")
    result = run_cli("--db", db, "ingest", str(f))
    assert result.exit_code == 0, result.output
    [record] = [json.loads(line) for line in run_cli("--db", db, "export").output.splitlines()]
    assert record["body"] == "Menteri berkata kepada Reuters."


def test_a_stage_bug_on_one_file_is_reported_and_the_folder_goes_on(db, tmp_path, monkeypatch):
    real_clean = ingest_mod.clean

    def buggy(raw, rules=None):
        if "BOOM" in raw.text:
            raise ValueError("cleaner bug")
        return real_clean(raw, rules)

    monkeypatch.setattr(ingest_mod, "clean", buggy)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "b.txt").write_text("BOOM kata menteri.\n", encoding="utf-8")
    result = run_cli("--db", db, "ingest", str(folder))
    assert result.exit_code == 0, result.output
    assert "1 added, 0 skipped (already stored), 1 failed" in result.output
    one_error_line = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert one_error_line == [f"Error: {folder / 'b.txt'}: could not be analysed (ValueError: cleaner bug)"]


def test_malformed_html_is_read(db, tmp_path):
    f = tmp_path / "broken.html"
    f.write_text("<html><body><p>Jakarta, kata <b>menteri <i>kepada Reuters</p></div></span><<>>&&<p unclosed", encoding="utf-8")
    result = run_cli("--db", db, "ingest", str(f))
    assert result.exit_code == 0, result.output
    assert "1 added" in result.output


def test_symlink_loop_named_on_the_command_line(seeded, tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.symlink_to(b)
    b.symlink_to(a)
    _refused(seeded, a, "symlink loop")


def test_symlink_loops_inside_a_folder(db, tmp_path):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "sub" / "again").symlink_to(folder)  # a folder loop: not followed
    (folder / "loop.txt").symlink_to(folder / "loop.txt")  # a file loop: reported, the rest goes on
    result = run_cli("--db", db, "ingest", str(folder))
    assert result.exit_code == 0, result.output
    assert "1 added, 0 skipped (already stored), 1 failed" in result.output
    assert f"Error: {folder / 'loop.txt'}: symlink loop" in result.output


def test_clean_of_a_folder_or_missing_file(tmp_path):
    one_error(run_cli("clean", str(tmp_path)), str(tmp_path), "is a folder")
    one_error(run_cli("clean", str(tmp_path / "none.txt")), "none.txt", "no such file")
