"""The line-rule literal prefilter (speed only) never rules out a line its pattern matches."""

import re

from provenance.clean import packaged_rules
from provenance.literals import lowered, may_match, required_literals, worth_prefiltering

LINES = [
    "Download aplikasi kami sekarang", "DOWNLOAD APLIKASI", "Ikuti kami di Google News", "Tulis komentar Anda",
    "Kolom komentar", "Sign up for our newsletter", "ſign up for our newsletter", "\u212aolom \u212aomentar",
    "İnstall the app", "Foto: ANTARA FOTO/Budi", "(Foto: dok. Istimewa)", "Enter your email address",
    "Presiden mengatakan hal itu di Jakarta, Senin.", "“Kami tidak tahu,” kata dia.", "",
]


def test_prefilter_never_hides_a_match():
    rules = packaged_rules()
    patterns = [r.pattern for r in rules.lines] + [b.start for b in rules.blocks] + [r.pattern for r in rules.inline]
    for pattern in patterns:
        for pre in (required_literals(pattern), worth_prefiltering(pattern)):
            for line in LINES:
                if pattern.search(line):
                    assert may_match(pre, line, lowered(line)), (pattern.pattern, line)


def test_literals_of_simple_patterns():
    # the set whose shortest literal is longest: {"download", "unduh"} over {"app"}
    assert required_literals(re.compile(r"\b(?:Download|unduh)\b.{0,40}app", re.I)) == (True, {"download", "unduh"})
    assert required_literals(re.compile(r"^\d+$")) is None
    assert worth_prefiltering(re.compile(r"^(?:tags|topik)\s*:", re.I)) is None  # anchored: searching is cheap
    assert may_match((True, frozenset({"newsletter"})), "ſubscribe: newsletter", lowered("ſubscribe: newsletter"))
    assert not may_match((True, frozenset({"newsletter"})), "Budi said", lowered("Budi said"))


SENTENCES = [
    "Artikel ini telah tayang di Kompas.com dengan judul X.", "ARTIKEL INI SUDAH TAYANG DI Serambi",
    "Menurut laporan tersebut, harga naik.", "Dilansir Reuters, Senin (3/2), pejabat itu berkata.",
    "Trump tweeted on Monday.", "Dalam cuitannya, ia menulis.", "According to the report, prices rose.",
    "Berdasarkan keterangan polisi, korban dua orang.", "Dilansir \u212aompas, pejabat itu berkata.",
    "The minister said prices rose.", "",
]


def test_mapper_cue_prefilter_never_hides_a_match():
    from provenance.attribution.lexicon import load_lexicon
    from provenance.literals import may_search

    lex = load_lexicon()
    for rx in (lex.syndication_rx, lex.anaphora_rx, lex.unknown_rx, lex.according_rx, *(r for r, _ in lex.implied)):
        for text in SENTENCES:
            if rx.search(text):
                assert may_search(rx, text, lowered(text)), (rx.pattern[:60], text)


def test_anonymous_prefilter_keeps_labels():
    from provenance.attribution.anonymous import _anonymous, _anonymous_tail
    from provenance.attribution.lexicon import load_lexicon

    lex = load_lexicon()
    assert _anonymous_tail("Two people familiar with the matter", lex) is not None
    assert _anonymous_tail("Para pejabat di Tel Aviv", lex) is not None
    assert _anonymous_tail("witnesses said a young woman", lex) is not None  # "(?-i:woman)" keeps its literal
    assert _anonymous_tail("Presiden Joko Widodo", lex) is None
    assert _anonymous("seorang pejabat senior", lex) is not None
    assert _anonymous("Budi Santoso", lex) is None


def test_fullest_name_searches_only_runs_holding_the_surname():
    from provenance.attribution.lexicon import load_lexicon
    from provenance.attribution.normalise import _fullest

    lex = load_lexicon()
    body = "Menurut Presiden Joko Widodo, harga naik.\n\"Kami siap,\" kata Widodo. (Jr.) Smith Jr. dan Anna Smith-Jones."
    assert _fullest("Widodo", body, lex) == "Joko Widodo"
    assert _fullest("Smith-Jones", body, lex) == "Anna Smith-Jones"
    assert _fullest("(Jr.)", body, lex) == "(Jr.)"  # a surname with other characters: the whole body is searched


def test_fullest_name_matches_equal_the_per_surname_pattern():
    import random

    from provenance.attribution.fullest import _fullest_rx, _name_matches

    rng = random.Random(7)
    pieces = ["Ab", "Bob", "aB", "ab", "A", " ", " ", "\t", ",", ".", "-", "’", "Jr.", "\n", "É", "1", "_", "Ab-"]
    for _ in range(3000):
        body = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        for last in ("Ab", "Bob", "b", "Ab-", "A’b", "Jr."):
            assert list(_name_matches(body, last, body[::-1])) == [m.span() for m in _fullest_rx(last).finditer(body)]
