"""WARC crawls as input: the same pages ingest to the same articles and citations as files; filters narrow."""

from __future__ import annotations

import gzip

from provenance.ingest import IngestOptions, ingest

from .conftest import run_cli
from .corpus import FIXTURE_FILES, as_html, page_url, records, write_warc
from .databases import fresh_db

DAYS = ["2025-11-06", "2025-11-07", "2025-11-07", "2025-11-08", "2025-11-09"]


def _pages():
    return [(page_url(i, DAYS[i]), as_html(f.read_text(encoding="utf-8")), DAYS[i]) for i, f in enumerate(FIXTURE_FILES)]


def test_warc_ingests_like_the_same_pages_as_files(db, tmp_path, request):
    pages = _pages()
    folder = tmp_path / "pages"
    folder.mkdir()
    for i, (_, page, _) in enumerate(pages):
        (folder / f"{i}.html").write_text(page, encoding="utf-8")
    warc = write_warc(tmp_path / "crawl.warc.gz", pages)

    result = run_cli("--db", db, "ingest", str(warc))
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "5 added, 0 skipped (already stored), 0 failed"
    backend = request.node.callspec.params["db"]
    with fresh_db(backend, tmp_path / "files") as files_db:
        (tmp_path / "files").mkdir(exist_ok=True)
        assert ingest(files_db, IngestOptions([str(folder)])).added == 5
        from_files = records(files_db, ignore=("paths", "url"))
    from_warc = records(db, ignore=("paths", "url"))
    assert from_warc == from_files  # same ids, bodies, metadata, citations and statements
    urls = {r["url"] for r in records(db).values()}
    assert urls == {url for url, _, _ in pages}


def _findings(db: str) -> list:
    """Per article: its outlet, its citation edges and its statements' chains (ids differ: HTML is other bytes)."""
    out = []
    for r in records(db).values():
        edges = sorted((str(c["citing"]), c["cited"], c["self"]) for c in r["citations"])
        chains = sorted((s["source"], s["kind"], str(s["chain"])) for s in r["sources"])
        out.append((str(r["outlet"]), str(r["published"]), edges, chains))
    return sorted(out)


def test_warc_of_the_fixtures_finds_what_the_text_files_do(db, tmp_path, request):
    """The acceptance of issue 7: the fixtures served as HTML pages in a crawl give the same articles
    (outlet, date) and the same citations and chains as the plain-text fixture files."""
    warc = write_warc(tmp_path / "crawl.warc.gz", _pages())
    assert run_cli("--db", db, "ingest", str(warc)).exit_code == 0
    backend = request.node.callspec.params["db"]
    (tmp_path / "txt").mkdir()
    with fresh_db(backend, tmp_path / "txt") as txt_db:
        assert ingest(txt_db, IngestOptions([str(f) for f in FIXTURE_FILES])).added == 5
        expected = _findings(txt_db)
    assert sum(len(edges) for _, _, edges, _ in expected) > 0  # the mapper finds citations in the fixtures
    assert _findings(db) == expected


def test_plain_warc_and_reingest(db, tmp_path):
    warc = write_warc(tmp_path / "crawl.warc", _pages(), noise=False)
    assert run_cli("--db", db, "ingest", str(warc)).output.startswith("5 added")
    assert run_cli("--db", db, "ingest", str(warc)).output.startswith("0 added, 5 skipped")


def test_url_filter_and_crawl_dates(db, tmp_path):
    warc = write_warc(tmp_path / "crawl.warc.gz", _pages())
    result = run_cli("--db", db, "ingest", str(warc), "--since", "2025-11-07", "--until", "2025-11-08")
    assert result.output.strip() == "3 added, 0 skipped (already stored), 0 failed"
    result = run_cli("--db", db, "ingest", str(warc), "--url-filter", r"article-[04]\.html$")
    assert result.output.strip() == "2 added, 0 skipped (already stored), 0 failed"
    assert len(records(db)) == 5


def test_bad_filters_are_refused(db, tmp_path):
    warc = write_warc(tmp_path / "crawl.warc.gz", _pages())
    result = run_cli("--db", db, "ingest", str(warc), "--since", "last week")
    assert result.exit_code == 1
    assert result.output.strip() == "Error: --since 'last week': not a date (use YYYY-MM-DD)"
    result = run_cli("--db", db, "ingest", str(warc), "--url-filter", "(")
    assert result.exit_code == 1
    assert result.output.startswith("Error: --url-filter '(': not a regular expression")


def test_corrupt_warc_is_one_error(db, tmp_path):
    bad = tmp_path / "bad.warc.gz"
    bad.write_bytes(gzip.compress(b"this is not a WARC record\r\n\r\n" * 10))
    good = FIXTURE_FILES[0]
    result = run_cli("--db", db, "ingest", str(good), str(bad))
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and str(bad) in errors[0] and "not a readable WARC" in errors[0], result.output
    assert "1 added" in result.output
