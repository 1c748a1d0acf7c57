"""The bytes kept from a read (provenance.utf8) and the article id computed from them: the same id as its definition."""

import hashlib
import random
import unicodedata

import pytest

from provenance import utf8
from provenance.clean.html import _unglue
from provenance.reader import read_bytes
from provenance.store import article_id


def _id_reference(text: str) -> str:
    """The id's definition: the stripped NFC text, line endings made "\\n", hashed as UTF-8."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return hashlib.sha256(unicodedata.normalize("NFC", text).strip().encode("utf-8")).hexdigest()[:16]


# characters where NFC changes something or where a shortcut could go wrong: marks that compose with an ASCII letter
# (acute, cedilla, the long solidus of "≠"), singletons NFC replaces (Ångström sign, en quad), Hangul jamo that
# compose with a non-ASCII letter before them, marks out of canonical order, non-ASCII spaces stripped at the ends
TRICKY = ["\u0301", "\u0327", "\u0338", "\u0316", "\u212b", "\u2000", "\u1100", "\u1161", "\u11a8", "\uac00",
          "\u0b47", "\u0b3e", "\u00e9", "\u00a0", "\u3000", "\u2028", "\u201c", "\u2014", "\U0001f600", "e", "=", " ",
          "\n", "\r", "\t", "a"]


def test_id_equals_its_definition_on_tricky_and_random_text():
    rng = random.Random(11)
    cases = ["", "   ", " \n\u3000", "Berita.", "  Berita.\n", "caf\u00e9\n", "cafe\u0301", "a\u0316\u0301",
             "\u212b", "x\u2000", "\u1100\u1161", "\u1100 \u1161", "\uac00\u11a8", "\u0b47\u0b3e", "=\u0338",
             "\r\nBerita\r\n", "\u00a0Berita \u201ckata\u201d\u00a0"]
    for _ in range(20_000):
        cases.append("".join(rng.choice(TRICKY) for _ in range(rng.randrange(0, 12))))
    for text in cases:
        assert article_id(text) == _id_reference(text), repr(text)


def test_id_from_the_bytes_read_equals_its_definition():
    rng = random.Random(5)
    for _ in range(3_000):
        text = "".join(rng.choice(TRICKY) for _ in range(rng.randrange(1, 12))) + " Berita kata menteri."
        raw = read_bytes(text.encode("utf-8"), "a.txt", suffix=".txt")
        assert article_id(raw.text) == _id_reference(raw.text), repr(text)


def test_bytes_are_kept_for_the_text_read_and_no_other():
    data = "Kata menteri \u201cya\u201d, caf\u00e9.".encode()
    raw = read_bytes(data, "a.txt", suffix=".txt")
    assert utf8.encoded(raw.text) is data  # the read's bytes, not a new encoding
    assert utf8.non_ascii(raw.text) == "\u201c\u201d\u00e9"
    equal = "".join(list(raw.text))  # equal, not the same object: encoded afresh
    assert equal == raw.text and equal is not raw.text
    assert utf8.encoded(equal) == data and utf8.encoded(equal) is not data
    assert utf8.non_ascii("plain") == ""


def test_a_page_with_a_bom_or_another_encoding_is_not_kept_as_its_bytes():
    for data in (b"\xef\xbb\xbfBerita caf\xc3\xa9.", "Berita caf\u00e9.".encode("cp1252")):
        raw = read_bytes(data, "a.txt", suffix=".txt")
        assert utf8.encoded(raw.text) == raw.text.encode("utf-8")
        assert article_id(raw.text) == _id_reference(raw.text)


def test_lone_surrogates_fail_or_pass_as_before():
    with pytest.raises(UnicodeEncodeError):
        article_id("Berita \ud800.")
    assert _unglue("<p>a\ud800b</p>") == "<p>a b</p>"


def test_unglue_on_a_page_read_from_bytes():
    page = "<p>Berita\x08 kata \u201cmenteri\u201d\u200b.</p>\n"
    raw = read_bytes(page.encode("utf-8"), "a.html", suffix=".html")
    assert _unglue(raw.text) == "<p>Berita  kata \u201cmenteri\u201d .</p>\n"
