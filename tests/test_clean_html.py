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


def _unglue_reference(html: str) -> str:
    """What the page cleaning must do, character by character: ASCII controls but tab, line feed and carriage
    return, and non-ASCII characters that are not printable but the no-break space and the line and paragraph
    separators, become a space."""
    keep = "\t\n\r\u00a0\u2028\u2029"
    return "".join(c if c.isprintable() or c in keep else " " for c in html)


def test_unglue_equals_its_definition_on_random_text():
    import random

    from provenance.clean.html import _unglue

    rng = random.Random(7)
    odd = [0x00, 0x08, 0x09, 0x0A, 0x0D, 0x1F, 0x7F, 0x85, 0xA0, 0xAD, 0x200B, 0x2028, 0x2029, 0xD800, 0xDFFF, 0xE000,
           0xFEFF, 0xFFFF, 0x1F600, 0xE0001, 0x10FFFF]
    pieces = [lambda: chr(rng.randrange(0x20, 0x7F)), lambda: chr(rng.randrange(0, 0x80)),
              lambda: chr(rng.randrange(0x80, 0x3000)), lambda: chr(rng.randrange(0, 0x110000)),
              lambda: chr(rng.choice(odd)), lambda: "<p>Berita — kata menteri.</p>\n"]
    for _ in range(20_000):
        html = "".join(rng.choice(pieces)() for _ in range(rng.randrange(0, 30)))
        assert _unglue(html) == _unglue_reference(html), repr(html)
