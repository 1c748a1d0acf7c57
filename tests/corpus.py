"""Test inputs made from the fixtures: more articles, the same pages as HTML files and as a WARC crawl, and a
comparison of two databases through the export contract (``provenance.export.iter_records``)."""

from __future__ import annotations

import html
import io
from pathlib import Path

from provenance.export import iter_records

from .conftest import FIXTURES

FIXTURE_FILES = sorted(FIXTURES.glob("*.txt"))


def make_corpus(folder: Path, n: int) -> list[Path]:
    """``n`` distinct articles: the fixtures, then the fixtures each with one more line (a new content hash)."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(n):
        src = FIXTURE_FILES[i % len(FIXTURE_FILES)]
        text = src.read_text(encoding="utf-8")
        if i >= len(FIXTURE_FILES):
            text += f"\nCatatan redaksi nomor {i}: artikel ini diperbarui.\n"
        path = folder / f"{i:03d}_{src.stem}.txt"
        path.write_text(text, encoding="utf-8")
        out.append(path)
    return out


def as_html(text: str) -> str:
    """A plain-text fixture wrapped as the simple page a news site would serve: title, then one <p> per line."""
    lines = [line for line in text.splitlines() if line.strip()]
    paras = "\n".join(f"<p>{html.escape(line)}</p>" for line in lines)
    title = html.escape(lines[0][:80]) if lines else ""
    return f"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{title}</title></head>\n<body><article>\n{paras}\n</article></body></html>\n"


def page_url(i: int, day: str) -> str:
    return f"https://news.example/{day.replace('-', '/')}/article-{i}.html"


def write_warc(path: Path, pages: list[tuple[str, str, str]], *, noise: bool = True) -> Path:
    """A gzipped WARC of (url, html, crawl day) response records; with ``noise`` also the records a crawl holds
    that are not articles (request, image, JSON, redirect, metadata)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    def response(writer, url, body: bytes, ctype: str, day: str, status: str = "200 OK"):
        http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
        rec = writer.create_warc_record(
            url, "response", payload=io.BytesIO(body), http_headers=http,
            warc_headers_dict={"WARC-Date": f"{day}T08:30:00Z"},
        )
        writer.write_record(rec)

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=str(path).endswith(".gz"))
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "prov tests"}))
        for i, (url, page, day) in enumerate(pages):
            if noise:
                req = StatusAndHeaders("GET / HTTP/1.1", [("Host", "news.example")], is_http_request=True)
                writer.write_record(writer.create_warc_record(url, "request", http_headers=req))
            response(writer, url, page.encode("utf-8"), "text/html; charset=utf-8", day)
            if noise and i % 2 == 0:
                response(writer, url + ".png", b"\x89PNG\r\n\x1a\n" + bytes(200), "image/png", day)
                response(writer, url + ".json", b'{"a": 1}', "application/json", day)
                response(writer, url + "?old", b"<html><body>moved</body></html>", "text/html", day, "301 Moved")
        if noise:
            writer.write_record(
                writer.create_warc_record("metadata:crawl", "metadata", payload=io.BytesIO(b"k: v\n"),
                                          warc_content_type="application/warc-fields")
            )
    return path


def records(db: str, *, ignore: tuple[str, ...] = ()) -> dict[str, dict]:
    """Export records by article id, paths sorted, minus the ``ignore`` fields.

    ``source`` is the first path an article was stored from, which depends on who won a race; it must be one
    of the article's paths, and it is compared no further.
    """
    out = {}
    for rec in iter_records(db):
        assert rec["source"] in rec["paths"], rec
        rec = {k: v for k, v in rec.items() if k not in ignore and k != "source"}
        if "paths" in rec:
            rec["paths"] = sorted(rec["paths"])
        out[rec["id"]] = rec
    return out
