"""Property tests of the stage contracts (provenance/clean and provenance/attribution docstrings), whatever the
cleaner and mapper of the day: they never raise on any Unicode text, the cleaner never adds text, and every
span points inside the body at the evidence it claims."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from provenance.attribution import map_article
from provenance.clean import clean, clean_text
from provenance.records import Citation, RawArticle

SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Lines that look like news and like boilerplate, so a real cleaner and mapper take their interesting paths.
NEWSY = [
    "Jakarta, Warta Contoh - Menteri itu berkata kepada wartawan, Senin (3/11/2025).",
    "“Kami siap,” kata Menteri Luar Negeri kepada Reuters.",
    "Menurut sumber yang tidak mau disebut namanya, rencana itu batal.",
    "Dikutip dari Anadolu Agency, pejabat AS mengatakan kepada Axios bahwa rencana berlanjut.",
    "According to CNN, the minister said the plan was final, citing The New York Times.",
    "Baca juga: Harga beras naik lagi",
    "ADVERTISEMENT",
    "SCROLL TO CONTINUE WITH CONTENT",
    "Copyright © 2025 Warta Contoh. All rights reserved.",
    "Editor: Budi | Penulis: Sari",
    "Sumber-sumber:",
    "- Reuters",
    "Share this article on Facebook Twitter WhatsApp",
    "Lihat juga video: kata Reuters Baca juga: Axios melaporkan",
]
line = st.one_of(st.sampled_from(NEWSY), st.text(max_size=80))
glued = st.tuples(line, line).map(lambda p: p[0] + " " + p[1])  # boilerplate glued to reporting on one line
articles = st.lists(st.one_of(line, glued, st.just("")), max_size=25).map("\n".join)
any_text = st.one_of(st.text(max_size=400), articles)


def _is_subsequence(needle: str, hay: str) -> bool:
    it = iter(hay)
    return all(ch in it for ch in needle)


def _squeeze(text: str) -> str:
    return "".join(unicodedata.normalize("NFC", text).split())


def _assert_no_added_text(body: str, source: str) -> None:
    # A cleaner may drop lines, cut pieces out of a line and trim or collapse whitespace; it may not write.
    # So every word of a body line occurs in the input, and each line's characters (spaces aside) appear in
    # the input in the same order.
    src = unicodedata.normalize("NFC", source)
    squeezed = _squeeze(source)
    for body_line in body.split("\n"):
        for word in unicodedata.normalize("NFC", body_line).split():
            assert word in src, (word, body_line)
        assert _is_subsequence(_squeeze(body_line), squeezed), body_line


@SETTINGS
@given(any_text)
def test_clean_text_never_raises_and_never_adds_text(text):
    cleaned = clean_text(text)
    assert isinstance(cleaned.body, str)
    _assert_no_added_text(cleaned.body, text)
    for r in cleaned.removed:
        assert isinstance(r.rule, str) and r.rule


def _parses_html() -> bool:
    return "<p>" not in clean(RawArticle(source="t.html", text="<html><body><p>kata dia.</p></body></html>", kind="html")).body


@pytest.mark.skipif(not _parses_html(), reason="the placeholder cleaner does not parse HTML yet; runs once it does")
@SETTINGS
@given(st.lists(st.one_of(line, glued), max_size=12))
def test_clean_html_never_raises_and_never_adds_text(lines):
    from html import escape

    page = "<html><head><title>t</title></head><body>" + "".join(f"<p>{escape(x)}</p>" for x in lines) + "</body></html>"
    cleaned = clean(RawArticle(source="p.html", text=page, kind="html"))
    # Entities are decoded by any HTML reader, so compare against the text of the page, not its markup.
    _assert_no_added_text(cleaned.body, "\n".join(lines) + "\nt")


@SETTINGS
@given(any_text, st.one_of(st.none(), st.sampled_from(["Warta Contoh", "Pantau", "IDN Times", ""]), st.text(max_size=20)))
def test_mapper_never_raises_and_spans_point_at_their_evidence(text, outlet):
    cleaned = clean_text(text)
    body = cleaned.body
    mapping = map_article(cleaned, outlet=outlet or None)
    for item in [*mapping.citations, *mapping.statements]:
        if item.span is None:  # a credit stated in a removed piece (a syndication footer): evidence from the input
            assert isinstance(item, Citation) and item.evidence and item.evidence in text, item
            continue
        start, end = item.span
        assert 0 <= start <= end <= len(body), (item.span, len(body))
        assert body[start:end] == item.evidence, (body[start:end], item.evidence)
    for s in mapping.statements:
        assert s.chain and s.hops == len(s.chain) - 1
