"""The mapper's per-sentence literal gate (speed only) never rules out a sentence one of its patterns matches."""

import random
import re
import string

from provenance.attribution.anonymous import _ANONYMITY
from provenance.attribution.lexicon import (
    ACCORDING_TAIL,
    CUE_FILES,
    WORDS_TAIL,
    _according_rx,
    _case_variants,
    _read,
    _words_rx,
    load_lexicon,
    skippable_rx,
)
from provenance.attribution.triggers import Present, triggers
from provenance.literals import LetterGate

CRAFTED = [
    "Artikel ini telah tayang di Kompas.com dengan judul X.", "Menurut laporan tersebut, harga naik.",
    "Dilansir Reuters, Senin (3/2), pejabat itu berkata.", "Dalam cuitannya, ia menulis.", "per person per day",
    "According to the report, prices rose.", "Dilansir \u212aompas, pejabat itu berkata.", "dilansirReuters",
    "The minister said prices rose.", "Officials spoke on condition of anonymity.", "İnstall", "ſaid the man", "",
    "“Kami tidak tahu,” kata seorang warga.", "Seorang pejabat AS mengatakan", "Two people familiar with the plans",
    "Trump tweeted: hello", "5per cent", "a source close to the matter said", "—ujarnya kepada wartawan",
]


def _texts() -> list[str]:
    """Sentences built around every cue phrase of the packaged lexicons, as written, upper-cased, glued to a name
    and with a letter that case-folds to ASCII."""
    phrases = []
    for file in CUE_FILES:
        data = _read(file)
        for table in (data["media"], data["speech"]):
            for value in table.values():
                words = value if isinstance(value, list) else [w for ws in value.values() for w in ws] \
                    if isinstance(value, dict) else []
                phrases += [w for w in words if isinstance(w, str) and "(" not in w]
    out = list(CRAFTED)
    for p in phrases:
        out += [f"Budi, {p} Ani.", f"“Ya,” {p} Budi", f"{p.upper()} BUDI", f"x{p}Reuters", f"{p.replace('k', 'K')} x",
                f"the official {p} the ministry", f"{p}, seorang pejabat"]
    return out


def test_gate_never_hides_a_match():
    lex = load_lexicon()
    trig = triggers(lex)
    checks = [(lex.according_rx, trig.according), (lex.anaphora_rx, trig.anaphora), (lex.unknown_rx, trig.unknown),
              (lex.syndication_rx, trig.syndication), (lex.inverted_rx, trig.inverted), (lex.verbs_rx, trig.verbs),
              (_ANONYMITY, trig.anonymity), *((rx, need) for (rx, _), need in zip(lex.implied, trig.implied, strict=True))]
    media = [(cue.rx, need) for cue, need in zip(lex.media_cues, trig.media_cues, strict=True)]
    for text in _texts():
        present = Present(trig, text)
        for rx, need in checks + media:
            if rx.search(text):
                assert present.may(need), (rx.pattern[:60], text)
                # (a sentence is skipped as quiet only without mentions, and then still searched for anaphora)
                assert (rx, need) in media or rx is lex.anaphora_rx or present.bits & trig.sentence, text
        cand = present.anonymous()
        for i, (rx, _) in enumerate(lex.anonymous):
            if cand is not None and rx.search(text):
                assert i in cand.rows, (rx.pattern[:60], text)


def test_whole_words_and_case_folding():
    gate = LetterGate([frozenset({"said"})], [frozenset({"per"})])
    said, per = gate.need(frozenset({"said"})), gate.need_words(frozenset({"per"}))
    assert gate.scan("He SAID so") & said and not gate.scan("He sai d so") & said
    assert gate.scan("5 per cent") & per and not gate.scan("a person") & per and gate.scan("(per)") & per
    assert gate.scan("\u212aelvin") == -1  # a character that case-folds to ASCII: every bit


def test_inverted_cue_read_as_a_whole_word():
    trig = triggers(load_lexicon())
    assert Present(trig, "“Ya,” jelasnya kepada wartawan.").may(trig.inverted)
    assert not Present(trig, "Ia menjelaskan bahwa harga bertambah.").may(trig.inverted)  # no whole cue word


# --- Narrowed cue patterns (speed only): the same matches as the full pattern -------------------------------------

def _fuzz(phrases: list[str], n: int, seed: int) -> list[str]:
    """Random texts of phrase pieces in mixed case, letters that case-fold to ASCII, other letters, digits, marks."""
    rng = random.Random(seed)
    odd = ["\u0130", "\u0131", "\u017f", "\u212a", "ß", "é", "Ä", "_", "1", "'", "-", "\n", "\t", " ", "  ", ",", "“"]
    out = []
    for _ in range(n):
        parts = []
        for _ in range(rng.randrange(1, 8)):
            r = rng.random()
            if r < 0.5:
                p = rng.choice(phrases)
                if rng.random() < 0.3:
                    p = p[rng.randrange(len(p)):] if rng.random() < 0.5 else p[:rng.randrange(1, len(p) + 1)]
                p = "".join(c.upper() if rng.random() < 0.3 else c for c in p)
                parts.append(p.replace("s", "\u017f") if rng.random() < 0.05 else p)
            else:
                parts.append("".join(rng.choice(odd + list("abkisZ")) for _ in range(rng.randrange(1, 4))))
        out.append("".join(parts))
    return out


def _finds(rx: re.Pattern, text: str, pos: int = 0) -> list:
    return [(m.span(), m.group()) for m in rx.finditer(text, pos)]


def test_first_letter_class_is_what_re_i_matches():
    every = "".join(map(chr, range(0x110000)))
    for ch in string.ascii_letters + string.digits + "'-":
        assert set(re.findall(re.escape(ch), every, re.I)) == set(re.findall(f"[{_case_variants(ch)}]", every)), ch


def test_skippable_pattern_matches_like_the_original():
    lex = load_lexicon()
    lists = [list(lex.verbs_words), list(lex.according_words), list(lex.unknown_words),
             *(list(c.words) for c in lex.media_cues)]
    rng = random.Random(7)
    lists += [rng.sample(ws, rng.randrange(1, 4)) for ws in lists for _ in range(5)]
    for i, words in enumerate(lists * 2):
        according = i >= len(lists)  # (each list once as cue phrases, once as according phrases)
        old = _according_rx(words, "test") if according else _words_rx(words, "test")
        new = skippable_rx(words, "test", ACCORDING_TAIL if according else WORDS_TAIL)
        assert i % len(lists) > 1 or old.pattern != new.pattern  # (verbs, according: plain phrases, rewritten)
        for text in _texts() + _fuzz(words, 400, i):
            assert _finds(old, text) == _finds(new, text), (words[:3], text)
            assert _finds(old, text, 3) == _finds(new, text, 3), (words[:3], text)


def test_anaphora_search_finds_what_the_anaphora_pattern_finds():
    lex = load_lexicon()
    phrases = [w for file in CUE_FILES for w in _read(file)["speech"].get("anaphora", [])]
    assert phrases and lex.anaphora_search.pattern != lex.anaphora_rx.pattern  # (rewritten to skip ahead)
    for text in _texts() + _fuzz(phrases, 2000, 3):
        assert _finds(lex.anaphora_rx, text) == _finds(lex.anaphora_search, text), text
        assert _finds(lex.anaphora_rx, text, 4) == _finds(lex.anaphora_search, text, 4), text


def test_narrowed_pattern_matches_like_the_full_one():
    lex = load_lexicon()
    trig = triggers(lex)
    pairs = [(lex.verbs_rx, trig.verbs_rx), (lex.according_rx, trig.according_rx), (lex.unknown_rx, trig.unknown_rx),
             *zip((c.rx for c in lex.media_cues), trig.media_rx, strict=True)]
    assert all(n is not None for _, n in pairs)  # (built from the phrases, plain or not)
    phrases = [w for c in lex.media_cues for w in c.words] + [*lex.verbs_words, *lex.according_words,
                                                              *lex.unknown_words]
    for text in _texts() + _fuzz(phrases, 3000, 1):
        bits = trig.gate.scan(text)
        for rx, narrow in pairs:
            assert narrow is not None
            assert _finds(rx, text) == _finds(narrow.rx(bits), text), (rx.pattern[:40], text)
            assert _finds(rx, text, 5) == _finds(narrow.rx(bits), text, 5), (rx.pattern[:40], text)


def test_narrowed_patterns_stay_right_when_their_memos_are_cleared(monkeypatch):
    import provenance.attribution.triggers as triggers_module

    lex = load_lexicon()
    narrow = triggers(lex).verbs_rx
    assert narrow is not None
    texts = _fuzz(list(lex.verbs_words), 300, 3)
    bits = [triggers(lex).gate.scan(t) for t in texts]
    expected = [narrow.rx(b).pattern for b in bits]
    fresh = type(narrow)(triggers(lex).gate, tuple(lex.verbs_words))
    monkeypatch.setattr(triggers_module, "_KEYS", 3)
    monkeypatch.setattr(triggers_module, "_PATTERNS", 2)
    got = [fresh.rx(b).pattern for b in bits]
    assert got == expected
    assert len(fresh._memo) <= 3 and len(fresh._by_words) <= 2  # (the bounds held: both were cleared on the way)


def _scan_reference(gate: LetterGate, text: str) -> int:
    """``LetterGate.scan`` spelled out: every literal inside a lower-cased run of letters of a token, every whole-word
    literal equal to one; -1 for a token with a character that case-folds to ASCII."""
    bits = 0
    for token in text.split():
        if re.search("[\u0130\u0131\u017f\u212a]", token):
            return -1
        for run in re.findall("[a-z]+", token.lower()):
            bits |= sum(b for s, b in gate.bit.items() if s in run) | gate.word_bit.get(run, 0)
    return bits


def test_scan_is_the_or_of_its_tokens_bits():
    # (the scan loop skips tokens without bits and keeps a cache, cleared when full: neither changes a result)
    gate = triggers(load_lexicon()).gate
    small = LetterGate([frozenset(gate.bit)], [frozenset(gate.word_bit)])
    small._MAX_CACHE = 7
    texts = _texts()[:400] + ["", "   ", "said said SAID", "x \u212aelvin said"]
    for _ in range(2):  # (the second time from the caches)
        for text in texts:
            want = _scan_reference(gate, text)
            assert gate.scan(text) == want, text
            assert _scan_reference(small, text) == small.scan(text), text
