"""The line-rule literal prefilter (speed only) never rules out a line its pattern matches."""

import re

from provenance.clean import packaged_rules
from provenance.clean.literals import lowered, may_match, required_literals, worth_prefiltering

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
