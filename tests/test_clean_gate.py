"""The cleaner's rule gate (speed only) never rules out a rule that matches the line."""

import random
import re

from provenance.clean import gate as gate_module
from provenance.clean import packaged_rules
from provenance.clean.gate import Gate
from provenance.clean.patterns import alternatives, required_strings
from provenance.literals import lowered

LINES = [
    "Download aplikasi kami sekarang", "DOWNLOAD APLIKASI", "Ikuti kami di Google News", "Tulis komentar Anda",
    "Kolom komentar", "Sign up for our newsletter", "ſign up for our newsletter", "\u212aolom \u212aomentar",
    "İnstall the app", "Foto: ANTARA FOTO/Budi", "(Foto: dok. Istimewa)", "Enter your email address",
    "Presiden mengatakan hal itu di Jakarta, Senin.", "“Kami tidak tahu,” kata dia.", "Baca juga: Harga Naik Lagi",
    "BACA JUGA Harga naik", "Iklan - Scroll untuk Melanjutkan", "ADVERTISEMENT", "© 2024 Kompas", "(c) Reuters",
    "Bergabunglah di grup kami", "By John Smith", "Jumat, 3 Mei 2024 | 10:00 WIB", "1.234", "(ant/abc)",
    "[Gambas:Video 20detik]", "\\[img.2\\]", "Loading...Ikuti channel kami", "Penulis: Budi", "---", "",
    # anchored alternatives the gate tells by their strings (gate._anchored_strings)
    "Jane Doe, Reuters correspondent", "Scroll to continue with content", "Read also: Prices rise", "Share this",
    "Dapatkan update berita pilihan", "Simak video berikut:", "Selengkapnya di halaman berikutnya", "Topik: politik",
    "Artikel ini ditulis oleh Budi", "Copyright 2024 Kompas", "Baca juga: Harga", "Lanjut ke halaman 2", "Iklan",
    # anchored alternatives tried alone where their strings are (gate._guard)
    "Foto Budi AP", "Jakarta Kompas, REUTERS / John Doe", "detik.com / ANTARA", "kompas.co.id/ BUDI", "- Oleh:",
    "Oleh", "* Written by", "ist.", "reuters", "Jakarta AP/Budi", "apa kabar / Budi",
]


def _gates():
    rules = packaged_rules()
    return [
        ([r.pattern for r in rules.lines], [r.max_words for r in rules.lines]),
        ([b.start for b in rules.blocks], [b.max_words for b in rules.blocks]),
        ([r.pattern for r in rules.inline], [None] * len(rules.inline)),
    ]


def _check(gate: Gate, patterns, limits, line: str) -> None:
    n_words = len(line.split())
    context = gate.candidates(line, lowered(line), n_words)
    if context:  # the one-call form (strings found by the automaton) agrees with the one-by-one form
        assert gate.possible_all(context) == tuple(k for k in context[0] if gate.possible(k, context)), line
    for k, (pattern, limit) in enumerate(zip(patterns, limits, strict=True)):
        if (limit is None or n_words <= limit) and pattern.search(line):
            assert context and k in context[0] and gate.possible(k, context), (pattern.pattern, line)


def _fuzz_lines() -> list[str]:
    words = [w for line in LINES for w in line.split()] + ["juga", "Juga", "kami", "grup", "channel", "::", "—"]
    rnd = random.Random(5)
    return LINES + [" ".join(rnd.choice(words) for _ in range(rnd.randint(1, 8))) for _ in range(3000)]


def test_gate_never_hides_a_match():
    lines = _fuzz_lines()
    for patterns, limits in _gates():
        gate = Gate(patterns, limits)
        for line in lines:
            _check(gate, patterns, limits, line)


def test_automaton_decides_as_substring_tests(monkeypatch):
    """The Aho-Corasick automaton (many strings) and plain substring tests (few) give the same answers."""
    lines = _fuzz_lines()
    built = [Gate(patterns, limits) for patterns, limits in _gates()]
    monkeypatch.setattr(gate_module, "_AUTOMATON_FROM", 10**9)  # substring tests only
    plain = [Gate(patterns, limits) for patterns, limits in _gates()]
    for fast, slow in zip(built, plain, strict=True):
        for line in lines:
            facts = (line, lowered(line), len(line.split()))
            a, b = fast.candidates(*facts), slow.candidates(*facts)
            assert bool(a) == bool(b), line
            if a:
                assert a[:2] == b[:2] and fast.possible_all(a) == slow.possible_all(b), line


def test_automaton_reports_overlapping_strings():
    # strings inside one another and overlapping: each rule whose string is in the line stays possible
    words = ["ab", "abc", "bc", "bcd", "cd", "abcd", "xabcdx", "cde", "zz", "zzz"]
    patterns = [re.compile(re.escape(w), re.I) for w in words]
    gate = Gate(patterns, [None] * len(patterns))
    assert sum(len(info.ilits) for info in gate.infos) >= gate_module._AUTOMATON_FROM  # the automaton's path
    for line in ["xabcdx", "ABCD", "b", "cd zz", "zab", "nothing", ""]:
        _check(gate, patterns, [None] * len(patterns), line)


def test_gate_on_odd_patterns():
    patterns = [re.compile(p, f) for p, f in [
        (r"(a)\1", 0), (r"(?i)^x", 0), (r"^(?:foo|bar)$", re.I), (r"[^abc]{3}", 0), (r"\bſtop\b", re.I),
        (r"^\(", 0), (r"(?:ab|cd)?ef", re.I), (r"^$", 0), (r"^[A-Z][a-z]+ \d+$", 0),
    ]]
    gate = Gate(patterns, [None] * len(patterns))
    for line in ["aa", "x", "X", "FOO", "bar", "xyz", "STOP", "ſtop", "(", "abef", "EF", "", "Mei 12", "\u212a"]:
        _check(gate, patterns, [None] * len(patterns), line)


def test_pattern_anatomy():
    assert alternatives(r"(?:^a|b[|)]|\|c)|d") == ["^a", "b[|)]", r"\|c", "d"]
    assert alternatives(r"(?:a|b)c") == ["(?:a|b)c"]
    assert required_strings(re.compile(r"\bikuti (?:kami|saluran)\b", re.I)) == (True, {"ikuti kami", "ikuti saluran"})
    assert required_strings(re.compile(r"(?:Baca|BACA) juga")) == (False, {"Baca juga", "BACA juga"})
    assert required_strings(re.compile(r"(?:Baca|BACA) juga"), coarse=True) == (False, {" juga"})  # the fewest
    assert required_strings(re.compile(r"^\d+$")) is None


def test_ascii_string_in_a_line_is_in_its_lower_cased_form():
    """The shared walk (gate.Walk) relies on it: str.lower maps each ASCII character alone."""
    rng = random.Random(11)
    alphabet = "aAbBkKsSiI \u0130\u0131\u017f\u212a\u03a3\u03c3\u00df\u1e9e.("
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        i = rng.randint(0, len(text))
        piece = "".join(c for c in text[i:rng.randint(i, len(text))] if c.isascii())
        if piece in text:
            assert piece.lower() in text.lower(), (piece, text)


def test_walk_gives_the_same_candidates():
    """Gate.candidates and possible_all with a Walk's finds agree with the gate walking alone."""
    gates = [Gate(patterns, limits) for patterns, limits in _gates()]
    walk = gate_module.Walk(gates)
    assert len(walk.gates) == len(gates)
    rng = random.Random(5)
    words = [w for line in LINES for w in line.split()] + ["yang", "the", "(", "ist", "Read", "ALSO"]
    lines = LINES + [" ".join(rng.choice(words) for _ in range(rng.randint(1, 70))) for _ in range(3000)]
    for line in lines:
        lower = lowered(line)
        if lower is None:
            continue
        found = walk.found(lower)
        for gate in gates:
            n_words = len(line.split())
            alone, shared = gate.candidates(line, lower, n_words), gate.candidates(line, lower, n_words, found)
            assert bool(alone) == bool(shared), line
            if alone:
                assert gate.possible_all(alone) == gate.possible_all(shared), line


def test_anchored_alternatives_told_by_strings_still_match():
    """Each rule with an anchored alternative moved to the string tests is still a candidate where it matches."""
    moved = 0
    for patterns, limits in _gates():
        gate = Gate(patterns, limits)
        for k, pattern in enumerate(patterns):
            alts = alternatives(pattern.pattern) if not pattern.groups else [pattern.pattern]
            if any(pattern.pattern and a.startswith("^") for a in alts) and not gate.infos[k].anchored \
                    and not gate.infos[k].always:
                moved += 1
    assert moved >= 5  # (the tests above then cover them on LINES)
    for line in LINES:
        for patterns, limits in _gates():
            _check(Gate(patterns, limits), patterns, limits, line)


def test_guarded_alternatives_are_tried_alone():
    """Anchored alternatives tried on almost every line are tried alone, where the line holds their strings."""
    guarded = [Gate(patterns, limits).guarded for patterns, limits in _gates()]
    assert sum(map(len, guarded)) >= 2  # (LINES above then cover them, with and without a shared walk)


def test_level_lookup_is_the_bisect():
    """Gate.level_at (speed only) gives each word count the level bisecting the word limits gives."""
    from bisect import bisect_left

    for patterns, limits in _gates() + [([re.compile("a")], [None]), ([re.compile("a")], [3])]:
        gate = Gate(patterns, limits)
        for n in range(300):
            level = gate.level_at[n if n < len(gate.level_at) else -1]
            assert level is (gate.levels[bisect_left(gate.breaks, n)] if gate.breaks else gate.levels[0]), n
