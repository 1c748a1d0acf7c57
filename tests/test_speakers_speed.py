"""Speed-only shortcuts in the speaker readers give what the patterns they stand for give (fuzzed)."""

import random
import re
from dataclasses import astuple

import pytest

from provenance.attribution import anonymous, names, normalise, speakers
from provenance.attribution.lexicon import load_lexicon

_ALPHABET = ["a", "B", "s", " ", " ", "-", ",", ")", "(", "\n", "_", "7", "é", "ſ", "K", "’", ".", "=", "\t",
             "di", "in", "at", "Tel", "Aviv", "para", "Two", "officials", "some", "many-sided", "SBU", "[", "]"]


def _texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 24))) for _ in range(n)]


def test_word_end_is_the_pattern():
    for t in _texts(20000, 1):
        if t:
            assert names._word_end(t) == (names._WORD_END.search(t) is not None), t


def test_plural_is_the_pattern():
    for t in _texts(20000, 2):
        assert anonymous._plural(t) == (anonymous._PLURAL.search(t) is not None), t


def test_place_tail_needs_a_place_word():
    """Words joined by single spaces: no place word among the three before the last, no _PLACE_TAIL match."""
    for t in _texts(20000, 3):
        toks = t.split()
        tail = " ".join(toks[-14:])
        if not any(w in anonymous._PLACE_WORDS for w in toks[-4:-1]):
            assert anonymous._PLACE_TAIL.search(tail) is None, tail


def test_apposition_needs_a_final_comma():
    for t in _texts(20000, 4):
        prefix = " ".join(t.split())
        if prefix[-1:] != ",":
            assert speakers._APPOSITION.match(prefix) is None, prefix


def test_paren_initials_need_a_bracket():
    for t in _texts(20000, 5):
        for tok in t.split():
            if tok[:1] != "(":
                assert speakers._PAREN_INITIALS.fullmatch(tok) is None, tok


def test_expand_acronym_needs_its_closing_bracket():
    lex = load_lexicon()
    rng = random.Random(6)
    for t in _texts(3000, 6):
        acr = rng.choice(["SBU", "KPK", "AS", "X", "B&B"])
        body = t + " Dinas Keamanan Ukraina " + rng.choice(["[", "(", ""]) + acr + rng.choice(["]", ")", "", " "])
        m = re.search(rf"((?:[A-Z][\w'’&-]*\s+(?:(?:of|and|dan|for|the|on)\s+)*){{2,7}})[(\[]{re.escape(acr)}[)\]]", body)
        if m is None:
            assert normalise._expand_acronym(acr, body, lex) is None, body


@pytest.mark.parametrize("raw", ["Kementerian Pertahanan Rusia", "Kementerian Luar Negeri (KEMLU) Kazakstan",
                                 "Security Service of Ukraine", "Acme Corp", "Juru Bicara Kementerian Luar Negeri Korea Utara"])
def test_canonical_institution_memo_is_the_reading(raw):
    lex = load_lexicon()
    assert normalise.canonical_institution(raw, lex) == normalise._canonical_institution(raw, lex)
    assert normalise.canonical_institution(raw, lex) == normalise._canonical_institution(raw, lex)  # from the memo


def test_classify_memo_is_the_reading():
    """Read from the memo, with another cue, a run gives what reading it afresh gives."""
    from provenance.registry import load_registry
    lex, registry = load_lexicon(), load_registry()
    rng = random.Random(7)
    words = ["Joko", "Widodo", "Kementerian", "Luar", "Negeri", "Reuters", "The", "of", "Bank", "America", "said",
             "Presiden", "Iran", "NPR’s", "Feng", "Friday", "(NORTHCOM)", "Senator", "Bob", "Corker", "Tennessee", "we"]
    runs = [" ".join(rng.choice(words) for _ in range(rng.randint(0, 5))) for _ in range(3000)]
    for run in runs + runs:
        cue = rng.choice(["said", "kata", "according to"])
        got, want = names.classify(run, lex, registry, cue), names._classify(run, lex, registry, cue)
        assert (got is None) == (want is None) and (got is None or astuple(got) == astuple(want)), run


_CUE_WORDS = ["said", "says", "told", "kata", "katanya", "ujarnya", "ujar", "nya", "reported", "first", "has",
              "on", "Monday", "journalists", "in", "the", "area", "also", "'s", "fact", "checker", "ſaid", "KATA",
              "Said", "(SPA)", ",", "\"", "”", "—", "-", " ", "  ", "\n", "é"]


def test_trie_patterns_are_the_patterns():
    """lexicon's inverted_search and post_at (their words as a trie) match what inverted_rx and post_rx match."""
    lex = load_lexicon()
    rng = random.Random(5)
    for _ in range(20000):
        t = "".join(rng.choice(_CUE_WORDS) + rng.choice(["", " ", ","]) for _ in range(rng.randint(0, 10)))
        assert [m.span() for m in lex.inverted_search.finditer(t)] == [m.span() for m in lex.inverted_rx.finditer(t)], t
        for e in range(len(t) + 1):
            a, b = lex.post_rx.match(t[e:]), lex.post_at.match(t, e)
            assert (a and (a.start() + e, a.end() + e)) == (b and b.span()), (t, e)


_STOP_ALPHABET = ["di", "dilansir", "dikutip", "kepada", "Kepada", "as", "at", "According", "according", "to", "and",
                  "dan", "x", "A", "ſ", "K", "he", "she", "said", "kata", "nya", "dia", "SHE", "The", "namun", "but",
                  "a", "an", " ", " ", "\t", "\n", ",", ".", "\"", "”", "’", "_", "7", "é"]
_OLD_STOP = re.compile(
    r"[,.;:!?\"“”]|kepada(?=[A-Z])|\s(?:kepada|dalam|selama|sejak|untuk|di|saat|ketika|pada|seperti|sebagaimana|yang|"
    r"melalui|usai|setelah|sambil|dilansir|dikutip|bahwa|soal|terkait|to|in|on|at|during|after|when|while|as|who|"
    r"adding|according|via|that|before|because|and|dan)\b")
_OLD_PRONOUN_INVERTED = re.compile(
    r"[,\"”’]\s*(?:(?:he|she)\s+(?:said|says|added|told|explained|continued|wrote)|said\s+(?:he|she)|(?:kata|ujar|"
    r"tutur|ucap|jelas|tegas|imbuh|tambah|lanjut|ungkap|terang|papar|sebut)(?:nya|\s+(?:dia|ia|beliau)))\b", re.I)


def test_rewritten_patterns_are_the_patterns():
    """_STOP (a trie), _PRONOUN_INVERTED (case-insensitive after its mark) and _undetermined (a match, not a sub)
    find what the patterns they were written from find."""
    from provenance.attribution import anaphora
    rng = random.Random(9)
    for _ in range(30000):
        t = "".join(rng.choice(_STOP_ALPHABET) for _ in range(rng.randint(0, 14)))
        assert [m.span() for m in speakers._STOP.finditer(t)] == [m.span() for m in _OLD_STOP.finditer(t)], t
        a, b = anaphora._PRONOUN_INVERTED.search(t), _OLD_PRONOUN_INVERTED.search(t)
        assert (a and a.span()) == (b and b.span()), t
        assert anonymous._undetermined(t) == anonymous._DETERMINERS.sub("", t), t
