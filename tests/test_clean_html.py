"""HTML input: trafilatura's main text, head metadata, then the same text rules."""

from pathlib import Path

from provenance.clean import clean
from provenance.records import RawArticle

PAGE = (Path(__file__).resolve().parent / "data" / "clean" / "page.html").read_text(encoding="utf-8")


def test_html_main_text_and_metadata():
    result = clean(RawArticle("page.html", PAGE, kind="html"))
    lines = result.body.split("\n")
    assert lines[0].startswith("Ferry service across the harbor resumed")
    assert any("quoted by the Coastal Times" in line for line in lines)
    for junk in ("Home", "Sport", "ADVERTISEMENT", "Read more", "All rights reserved"):
        assert junk not in result.body
    meta = result.meta
    assert (meta.title, meta.outlet, meta.published, meta.language, meta.url) == (
        "Harbor ferry service resumes after storm", "Harbor Daily", "2025-01-15", "en",
        "https://harbordaily.example/ferry-resumes")
    assert {p.rule for p in result.removed} >= {"ads.block", "related.inline"}


def test_user_overrides_win():
    raw = RawArticle("page.html", PAGE, kind="html", url="https://x.example/a", outlet="Other", language="id")
    meta = clean(raw).meta
    assert (meta.url, meta.outlet, meta.language) == ("https://x.example/a", "Other", "id")


def test_html_without_text():
    result = clean(RawArticle("empty.html", "<html><head><title>t</title></head><body></body></html>", kind="html"))
    assert result.body == "" and result.meta.title == "t"
