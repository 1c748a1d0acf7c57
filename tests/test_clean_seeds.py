"""Every cleaner fact of fixtures/seeds.gold.yaml, plus the metadata the brief asks for."""

from pathlib import Path

import pytest
import yaml

from provenance.clean import clean_text

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
GOLD = yaml.safe_load((FIXTURES / "seeds.gold.yaml").read_text(encoding="utf-8"))
BY_FILE = {item["file"]: item for item in GOLD}


def cleaned(name: str):
    return clean_text((FIXTURES / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="module", params=[item["file"] for item in GOLD])
def case(request):
    return BY_FILE[request.param], cleaned(request.param)


def test_boilerplate_removed(case):
    item, result = case
    lines = result.body.split("\n")
    for sub in item.get("boilerplate") or []:
        assert not any(sub in line for line in lines), f"{item['file']}: still in body: {sub!r}"


def test_body_kept(case):
    item, result = case
    lines = result.body.split("\n")
    for sub in item.get("body") or []:
        assert any(sub in line for line in lines), f"{item['file']}: lost from body: {sub!r}"


def test_language(case):
    item, result = case
    assert result.meta.language == item["language"]


def test_outlet_as_written(case):
    item, result = case
    if item["outlet"] is None:
        assert result.meta.outlet is None
    else:
        # the mapper canonicalises; as written here, the gold name must be recognisable in it
        assert result.meta.outlet is not None and item["outlet"].lower() in result.meta.outlet.lower()


def test_author_and_editor(case):
    item, result = case
    if "author" in item:
        assert result.meta.author == item["author"]
    if "editor" in item:
        assert result.meta.editor == item["editor"]


def test_removed_pieces_come_from_the_input(case):
    item, result = case
    text = (FIXTURES / item["file"]).read_text(encoding="utf-8")
    for piece in result.removed:
        assert piece.text in text and piece.rule and piece.reason


def test_body_has_no_new_text(case):
    item, result = case
    text = " ".join((FIXTURES / item["file"]).read_text(encoding="utf-8").split())
    for line in result.body.split("\n"):
        assert " ".join(line.split()) in text


def test_published_dates():
    assert cleaned("000_1259062c00409e69.txt").meta.published == "2025-11-07"  # "Jumat, 7 November 2025"
    assert cleaned("001_df55bbc3ed6d7cea.txt").meta.published == "2025-11-07"  # "Jumat (7/11/2025)"


def test_titles():
    # 002: the title line appears three times; the first is the title, the repeats are boilerplate
    r = cleaned("002_b9fff5dbafb6aeaf.txt")
    assert r.meta.title == "Trump Siap Sambut Pemimpin Asia Tengah, Kazakhstan Bergabung dalam Perjanjian Abraham"
    assert r.meta.title not in r.body.split("\n")
    r = cleaned("004_eb477a4d0f924bfa.txt")
    assert r.meta.title == "Berita Kazakhstan Akui Mau Gabung Abraham Accords, Ungkap Alasan Ini"
    assert "by" not in r.body.split("\n") and r.meta.title not in r.body
    assert cleaned("003_8b2c0c3e5d95c22a.txt").meta.title.startswith("Kazakhstan Bergabung dengan Kesepakatan")


def test_dateline_stays_in_body():
    assert cleaned("001_df55bbc3ed6d7cea.txt").body.startswith("Jakarta, IDN Times- Presiden")
    assert cleaned("004_eb477a4d0f924bfa.txt").body.startswith("Jakarta, Pahami.id")


def test_ai_summary_block_goes_whole_but_numbered_crossheads_stay():
    r = cleaned("001_df55bbc3ed6d7cea.txt")
    rules = {p.text: p.rule for p in r.removed}
    assert rules["Intinya sih..."] == "ai-summary.block"
    assert sum(rule == "ai-summary.block" for rule in rules.values()) == 5  # heading, 3 bullets, disclaimer
    assert "2. Upaya menghidupkan kembali Abraham Accords" in r.body


def test_reference_section_is_kept():
    body = cleaned("003_8b2c0c3e5d95c22a.txt").body.split("\n")
    start = body.index("Sumber-sumber")
    assert body[start + 1] == "News18"
    assert len(body) - start == 7  # heading, News18 and five headlines


def test_literal_newline_debris_and_ad_block():
    r = cleaned("002_b9fff5dbafb6aeaf.txt")
    assert "\\n" not in r.body
    ad = [p.text for p in r.removed if p.rule == "ads.block"]
    assert ad[0] == "Advertisement" and len(ad) == 4
