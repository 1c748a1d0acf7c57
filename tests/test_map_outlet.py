"""The article's own outlet from its marks: datelines, wire credit lines, title suffixes, footers the cleaner removed,
the desk's own embeds and self-references. Articles written for these tests."""

from __future__ import annotations

import pytest

from provenance.attribution import map_article
from provenance.records import Cleaned, Metadata, Removed


def _own(body: str, removed: list[Removed] | None = None, title: str | None = None):
    return map_article(Cleaned(body=body, removed=removed or [], meta=Metadata(title=title)))


@pytest.mark.parametrize("body, outlet", [
    ("| Short URL | http://example.org/x |\n\n![Foto](http://img)\n\n**SURABAYA, KOMPAS.com** -- Banjir merendam tiga "
     "desa pada Senin.\nWarga mengungsi ke balai desa.", "Kompas"),
    ("BERLIN (Reuters) - Factory orders rose in May, the statistics office said.", "Reuters"),
    ("(Reuters) - The startup raised new money on Monday, the company said.", "Reuters"),
    ("# Startup raises money – TechCrunch\n\nThe startup raised new money on Monday.", "TechCrunch"),
    ("Harga cabai naik di pasar induk.\n\"Stok menipis,\" ujarnya kepadaTempo di pasar, Senin.", "Tempo"),
])
def test_outlet_from_body_marks(body, outlet):
    assert _own(body).outlet == outlet


def test_outlet_from_removed_pieces_and_title():
    body = "The river rose overnight, officials said.\nResidents left their homes."
    assert _own(body, [Removed("© 2024 Al Jazeera Media Network", "copyright.footer", line=40)]).outlet == "Al Jazeera"
    assert _own(body, [Removed("Jane Roe, BBC health correspondent", "byline.role", line=9)]).outlet == "BBC"
    assert _own("Hujan turun deras sejak pagi.", [Removed("[Gambas:Video 20detik]", "embed", line=7)]).outlet == "Detik"
    assert _own(body, title="River rises | The Guardian").outlet == "The Guardian"


def test_em_dash_agency_credit_is_a_relayed_wire_copy():
    m = _own("CAIRO (AP) — The river rose overnight, Mayor Ali Hassan said.\nResidents left their homes.")
    assert m.outlet is None
    assert {(c.self, c.cited) for c in m.citations} == {(True, "Associated Press")}
    assert max(len(s.chain) - 1 for s in m.statements) == 2


def test_a_mention_is_not_a_mark():
    # another desk named in reporting, with no dateline/footer shape, leaves the outlet unknown
    assert _own("Warga membaca Kompas setiap pagi di warung.\nHarga kopi naik.").outlet is None


def test_removed_syndication_footer_is_a_credit_without_span():
    body = "JAKARTA, KOMPAS.com - Harga emas naik pada Senin.\n\"Permintaan tinggi,\" kata analis Budi Hartono."
    footer = Removed("Artikel ini telah tayang di Kontan.co.id dengan judul \"Emas Naik\"", "syndication.footer", line=9)
    m = _own(body, [footer])
    cit = next(c for c in m.citations if c.cited == "Kontan")
    assert cit.self and cit.span is None and cit.evidence == footer.text
    assert next(s for s in m.statements if s.source == "Budi Hartono").chain == ["Budi Hartono", "Kontan", "Kompas"]


def test_markdown_emphasis_does_not_hide_a_credit():
    body = "Rudal itu lolos dari pertahanan udara, menurut laporan *Al Jazeera*, Senin.\nSerangan berlanjut."
    m = _own(body)
    assert {(c.self, c.cited) for c in m.citations} == {(True, "Al Jazeera")}
    assert all(body[c.span[0]:c.span[1]] == c.evidence for c in m.citations)


def test_cleaner_metadata_naming_the_relayed_agency_is_not_the_publisher():
    cleaned = Cleaned(body="(Reuters) — The startup is under investigation, two people familiar with the matter said.",
                      meta=Metadata(outlet="Reuters"))
    m = map_article(cleaned)
    assert m.outlet is None
    assert {(c.self, c.cited) for c in m.citations} == {(True, "Reuters")}
