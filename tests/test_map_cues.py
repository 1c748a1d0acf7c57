"""The mapper on articles written for these tests: each cue family, glued scrapes, self-references, nesting."""

from __future__ import annotations

from pathlib import Path

from provenance.attribution import map_article
from provenance.records import Cleaned, Metadata

DATA = Path(__file__).resolve().parent / "data" / "map"


def _m(text: str, outlet: str | None = None):
    cleaned = Cleaned(body=text, meta=Metadata(outlet=outlet))
    return cleaned, map_article(cleaned)


def _edges(m):
    return {("SELF" if c.self else c.citing, c.cited) for c in m.citations}


def _spans_hold(cleaned, m):
    for x in (*m.citations, *m.statements):
        assert cleaned.body[x.span[0]:x.span[1]] == x.evidence


def test_glued_indonesian_forms_and_nesting():
    cleaned, m = _m((DATA / "glued_id.txt").read_text(encoding="utf-8"))
    e = _edges(m)
    assert {("SELF", "Reuters"), ("SELF", "Al Arabiya"), ("SELF", "Anadolu Agency"), ("Anadolu Agency", "Axios"),
            ("SELF", "The New York Times")} <= e
    # "Xanadu", a bare "X" and a bare "AA" are no media
    assert not any(c.cited == "X" for c in m.citations)
    chains = {s.source: s.chain for s in m.statements}
    assert chains["Budi Santoso"][1:3] == ["Axios", "Anadolu Agency"]  # "menurut laporan tersebut"
    assert any(s.kind == "anonymous" for s in m.statements)
    _spans_hold(cleaned, m)


def test_wire_dateline_self_reference_and_english_cues():
    cleaned, m = _m((DATA / "wire_en.txt").read_text(encoding="utf-8"))
    assert m.outlet == "Reuters"
    e = _edges(m)
    assert ("SELF", "Reuters") not in e  # "told Reuters" inside a Reuters story
    assert ("SELF", "Associated Press") in e and ("Associated Press", "Xinhua") in e
    assert ("SELF", "Politico") in e
    holloway = [s for s in m.statements if s.source.endswith("Holloway")]
    assert holloway and holloway[0].chain == [holloway[0].source, "Reuters"]
    assert any(s.kind == "anonymous" for s in m.statements)
    _spans_hold(cleaned, m)


def test_self_reference_in_kompas():
    text = "KOMPAS.com - Warga mengeluh banjir. \"Air masuk rumah,\" ujar Siti Aminah kepada Kompas.com, Senin."
    _, m = _m(text)
    assert m.outlet == "Kompas"
    assert m.citations == []
    assert m.statements[0].chain == ["Siti Aminah", "Kompas"]


def test_platform_post_relayed_by_agency():
    text = ("Jakarta, Pahami.id - \"Kami siap,\" kata Presiden Ana Lopez di X, Rabu (2/4), seperti dikutip AFP.")
    _, m = _m(text)
    assert ("SELF", "AFP") in _edges(m) and ("AFP", "X") in _edges(m)
    s = next(s for s in m.statements if s.source == "Ana Lopez")
    assert s.chain == ["Ana Lopez", "X", "AFP", "Pahami.id"] and s.hops == 3


def test_unknown_medium_after_cue_is_kept_unresolved():
    _, m = _m("Harga beras naik, dilansir Harian Zzyzx, Selasa.")
    c = [c for c in m.citations if c.cited == "Harian Zzyzx"]
    assert c and c[0].resolved is False and c[0].cited_kind == "unknown"


def test_reference_section_and_syndication():
    text = "Sebuah negara bergabung dengan perjanjian.\nSumber-sumber\nNews18\nArtikel ini telah tayang di Kontan."
    _, m = _m(text)
    assert {("SELF", "News18"), ("SELF", "Kontan")} <= _edges(m)


def test_meta_outlet_and_override_win():
    _, m = _m("Jakarta, IDN Times - Sesuatu terjadi, dilansir CNN.", outlet="Detik")
    assert m.outlet == "Detik"
    m2 = map_article(Cleaned(body="Jakarta, IDN Times - Sesuatu terjadi."), outlet="Tempo")
    assert m2.outlet == "Tempo"


def test_agency_named_as_a_subject_inside_a_relay_is_cited_by_the_relay():
    cleaned, m = _m("Dilansir Reuters, Selasa (4/3/2025), kantor berita resmi Qatar (QNA) menyebut dua "
                    "kapal tiba di pelabuhan.\n", outlet="Kompas")
    assert ("Reuters", "QNA") in _edges(m)
    assert ("SELF", "Reuters") in _edges(m)
    _spans_hold(cleaned, m)


def test_a_mediums_journalist_reporting_credits_the_medium():
    cleaned, m = _m("A Reuters reporter in the capital also reported hearing explosions after midnight.\n",
                    outlet="BBC")
    assert ("SELF", "Reuters") in _edges(m)
    _spans_hold(cleaned, m)


def test_description_ending_in_a_mediums_name_is_the_medium():
    cleaned, m = _m("The launch took place at dawn, according to Yonhap, quoting the North's official news agency "
                    "Korean Central News Agency.\n", outlet="BBC")
    assert ("Yonhap", "KCNA") in _edges(m)
    assert not any(s.kind == "institution" for s in m.statements)


def test_headlines_listed_under_sources_are_no_statements():
    cleaned, m = _m("Para menteri bertemu di ibu kota pada Kamis.\n\nSumber-sumber\nNews18\n"
                    "Talks on river treaty resume next week, says senior official\n", outlet="Kompas")
    assert ("SELF", "News18") in _edges(m)
    assert not any(s.kind == "anonymous" for s in m.statements)


def test_a_statement_in_that_video_keeps_the_medium_that_obtained_it():
    cleaned, m = _m("Video yang didapat AFP memperlihatkan massa berlarian di alun-alun.\n\n"
                    "\"Buka jalannya!\" kata seorang pria dalam video itu.\n", outlet="Kompas")
    chains = [s.chain for s in m.statements if s.kind == "anonymous"]
    assert chains and chains[0][1:] == ["AFP", "Kompas"]
