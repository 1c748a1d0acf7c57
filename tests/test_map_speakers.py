"""Speaker names on articles written for these tests: institutions across languages, acronyms, anonymous sources."""

from __future__ import annotations

from provenance.attribution import map_article
from provenance.records import Cleaned, Metadata


def _speakers(text: str, outlet: str = "Kompas") -> dict[str, str]:
    m = map_article(Cleaned(body=text, meta=Metadata(outlet=outlet)))
    return {s.source: s.kind for s in m.statements}


def test_indonesian_institutions_take_their_english_names():
    sp = _speakers(
        "Kementerian Pertahanan Rusia mengatakan dua drone ditembak jatuh di wilayah perbatasan pada Selasa.\n\n"
        "Juru Bicara Kementerian Luar Negeri Korea Utara mengatakan negaranya menolak sanksi baru itu.\n\n"
        "Kepolisian Iran menyatakan situasi di ibu kota sudah terkendali sejak pagi.\n\n"
        "Kementrian Keuangan Jepang menyebut nilai tukar bergerak terlalu cepat.\n")
    assert sp.get("Russian Ministry of Defence") == "institution"
    assert sp.get("Ministry of Foreign Affairs of North Korea") == "institution"
    assert sp.get("Iranian police") == "institution"
    assert sp.get("Ministry of Finance of Japan") == "institution"


def test_bare_ministry_takes_the_country_named_before_it_in_the_sentence():
    sp = _speakers("Pejabat Turki meremehkan laporan itu, sementara Kementerian Pertahanan mengatakan tidak ada "
                   "kerusakan berarti di pangkalan udara tersebut.\n")
    assert "Turkish Ministry of Defence" in sp


def test_acronym_defined_in_the_article_names_the_institution():
    sp = _speakers("Dinas Keamanan Ukraina [SBU] memimpin operasi itu sejak awal tahun.\n\n"
                   "SBU mengklaim operasi tersebut menghancurkan sebelas gudang amunisi.\n")
    assert sp.get("Security Service of Ukraine") == "institution"
    assert "SBU" not in sp
