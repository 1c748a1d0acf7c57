"""Speed only: which cue patterns a sentence may match, decided for all of them in one pass over its words.

Each pattern the mapper searches per sentence needs one of a few literal words ("said", "menurut", "dilansir");
:class:`provenance.literals.LetterGate` reads a sentence's runs of letters once and tells which of those words occur,
so a pattern whose words are all missing is not searched. Results never change: a pattern is skipped only when it
cannot match, and one without a usable literal set is always searched.
"""

from __future__ import annotations

import functools
import operator
import re
from dataclasses import dataclass, field
from typing import cast

from ..literals import MIN_LEN, LetterGate, letter_literals, required_literals
from .anonymous import _ANONYMITY, Candidates, _joined
from .lexicon import _PLAIN, ACCORDING_TAIL, WORDS_TAIL, Lexicon, _according_rx, _words_rx, skippable_rx

# matches nothing: the pattern for a sentence that holds no phrase. Its least width (a million characters) makes the
# engine give up on a sentence at once; "(?!)" alone was tried at every position (speed only)
_NEVER = re.compile(r"(?!)x{1000000}")
_LETTER_RUN = re.compile(r"[a-z]+")


def _runs(phrase: str) -> list[str]:
    """The runs of letters every match of a cue phrase holds, lower-cased: all of a plain phrase's; of one with
    regex syntax, those of the one literal ``required_literals`` finds, if it finds one ("dilansir(?: dari)?"
    holds "dilansir", not "dari")."""
    if phrase.isascii() and _PLAIN.fullmatch(phrase):
        return _LETTER_RUN.findall(phrase.lower())
    try:
        pre = required_literals(re.compile(phrase.replace(" ", r"\s+"), re.I))
    except re.error:
        return []
    return _LETTER_RUN.findall(next(iter(pre[1])).lower()) if pre is not None and len(pre[1]) == 1 else []


_KEYS = 16384  # memo entries (sets of gate bits) kept per pattern before it is cleared
_PATTERNS = 1024  # compiled patterns kept per pattern


class Narrowed:
    """A cue pattern built by ``lexicon._words_rx`` from plain phrases, narrowed to the phrases a sentence may hold
    (speed only: the same matches, found several times faster). A phrase matches only where each gate literal
    inside one of its lower-cased runs of letters occurs in the sentence (``LetterGate.scan``; every bit when it
    cannot decide), so leaving out the phrases that miss one changes no match, and the fewer phrases the further
    ``lexicon.skippable_rx`` lets the regex engine skip. One pattern per set of phrases, compiled once (many sets
    of bits give the same phrases; re's own cache is too small to keep them).
    `whole`: every run of letters of a phrase is a whole run of the text it matches (the gate's whole-word bits
    apply too: "per" is no "per" cue in "person")."""

    __slots__ = ("phrases", "need", "tail", "_memo", "_by_words")

    def __init__(self, gate: LetterGate, words: tuple[str, ...], whole: bool = False, tail: str = WORDS_TAIL):
        self.phrases: list[tuple[str, int]] = []  # phrase, the bits of every gate literal it holds
        for w in words:
            runs = _runs(w)
            need = sum(b for s, b in gate.bit.items() if any(s in r for r in runs))
            if whole:
                need |= sum(b for s, b in gate.word_bit.items() if s in runs)
            self.phrases.append((w, need))
        self.need = functools.reduce(operator.or_, (n for _, n in self.phrases), 0)
        self.tail = tail
        self._memo: dict[int, re.Pattern] = {}  # bits & need -> pattern
        self._by_words: dict[tuple[str, ...], re.Pattern] = {}  # phrases -> pattern

    def rx(self, bits: int) -> re.Pattern:
        """The pattern for a sentence with these gate `bits`."""
        key = bits & self.need
        hit = self._memo.get(key)
        if hit is None:
            # Bounds: many sets of bits give the same phrases (the first 20,000 articles of the 100,000-article
            # bench met ~1,300 keys and ~140 sets of phrases over the eight patterns), and a pattern costs ~1 ms to
            # compile: the patterns outlive a memo of keys cleared whole.
            if len(self._memo) >= _KEYS:
                self._memo.clear()
            words = tuple([w for w, n in self.phrases if key & n == n])
            hit = self._by_words.get(words)
            if hit is None:
                if len(self._by_words) >= _PATTERNS:
                    self._by_words.clear()
                hit = self._by_words[words] = skippable_rx(list(words), "cues", self.tail) if words else _NEVER
            self._memo[key] = hit
        return hit


def _narrowed(gate: LetterGate, rx: re.Pattern, words: tuple[str, ...], tail: str = WORDS_TAIL,
              whole: bool = False) -> Narrowed | None:
    """`rx` narrowed, when it is ``_words_rx(words)`` (`tail` ACCORDING_TAIL: ``_according_rx(words)``; None:
    search `rx` itself)."""
    build = _words_rx if tail == WORDS_TAIL else _according_rx
    return Narrowed(gate, words, whole, tail) if words and build(list(words), "cues").pattern == rx.pattern else None


@dataclass(frozen=True)
class Triggers:
    gate: LetterGate
    according: int | None  # the gate's bits of each pattern's literals (None: always searched)
    anaphora: int | None
    syndication: int | None
    unknown: int | None
    inverted: int | None
    verbs: int | None
    anonymity: int | None
    implied: tuple[int | None, ...]
    media_cues: tuple[int | None, ...]  # one per lex.media_cues
    anonymous: dict[int, frozenset[str]] | None  # bit -> the anonymous-source literals behind it
    anonymous_rows: tuple[int, ...] = ()  # per anonymous-source pattern, the bits of its literals
    anonymous_bits: int = 0  # every bit of the anonymous-source literals
    sentence: int = -1  # every bit of the patterns searched in any sentence but anaphora (-1: one is always searched)
    speakers: int = -1  # every bit of inverted, according and anonymity (-1: one is always searched)
    implied_any: int = -1  # every bit of the implied-platform verbs (-1: one is always searched)
    media_cues_bits: int = 0  # every bit of the media cues that have some, and of their narrowed phrases
    verbs_rx: Narrowed | None = None  # lex.verbs_rx narrowed per sentence (None: search lex.verbs_rx)
    according_rx: Narrowed | None = None  # likewise
    unknown_rx: Narrowed | None = None  # likewise
    media_rx: tuple[Narrowed | None, ...] = ()  # each of lex.media_cues narrowed, likewise
    cue_lists: dict[int, list] = field(default_factory=dict, compare=False)  # media.sentence_credits' cue lists by their bits


_CACHE: dict[int, tuple[Lexicon, Triggers]] = {}


def triggers(lex: Lexicon) -> Triggers:
    """The lexicon's triggers, built once per lexicon."""
    hit = _CACHE.get(id(lex))
    if hit is None or hit[0] is not lex:
        _CACHE.clear()
        hit = _CACHE[id(lex)] = (lex, _build(lex))
    return hit[1]


def _build(lex: Lexicon) -> Triggers:
    sets = {
        "according": required_literals(lex.according_rx),
        "anaphora": required_literals(lex.anaphora_rx),
        "syndication": required_literals(lex.syndication_rx),
        "unknown": required_literals(lex.unknown_rx),
        "inverted": required_literals(lex.inverted_rx),
        "verbs": lex.verbs_literals,
        "anonymity": required_literals(_ANONYMITY),
    }
    weak = {k: letter_literals(v) for k, v in sets.items()}
    implied = [letter_literals(required_literals(rx)) for rx, _ in lex.implied]
    media = [letter_literals(required_literals(cue.rx)) for cue in lex.media_cues]
    anon = _joined(lex.anonymous)[1]  # a prefilter on phrases cut from the sentence (see Present.anonymous)
    anon_weak = {s: letter_literals((True, frozenset({s}))) for s in anon[1]} if anon else {}
    anon_ok = anon is not None and all(w is not None for w in anon_weak.values())
    inverted_runs = lex.inverted_runs
    # (and the words of the phrases of the narrowed patterns, so that each phrase is left out without its own words;
    # after the others: their bits stay as they were)
    phrase_words = frozenset(r for words in (lex.verbs_words, lex.according_words, lex.unknown_words,
                                             *(c.words for c in lex.media_cues))
                             for w in words for r in _runs(w) if len(r) >= MIN_LEN)
    gate = LetterGate([*weak.values(), *implied, *media, *(anon_weak.values() if anon_ok else ()), phrase_words],
                      [lex.according_runs, inverted_runs])
    by_bit: dict[int, frozenset[str]] = {}
    for s, w in anon_weak.items() if anon_ok else ():
        b = gate.need(w)
        assert b is not None  # (anon_ok: every literal has its set)
        by_bit[b] = by_bit.get(b, frozenset()) | {s}
    row_bits = []
    for rx, _ in lex.anonymous if anon_ok else ():
        bits = 0
        lits = required_literals(rx)
        assert lits is not None  # (anon_ok: every pattern has literals, or _joined gives none)
        for s in lits[1]:
            b = gate.need(anon_weak[s])
            assert b is not None
            bits |= b
        row_bits.append(bits)
    # (a phrase after "according to" or "per" is read as a whole word: "per" in "person" is no cue)
    according = gate.need_words(lex.according_runs) if lex.according_runs is not None else gate.need(weak["according"])
    # (the inverted cue read as a whole word, or with "nya": "jelas" in "menjelaskan" is no cue)
    inverted = gate.need_words(inverted_runs) if inverted_runs is not None else gate.need(weak["inverted"])
    # (the anaphora words are left out: a sentence without the others is read by chains._pronoun_only, which
    # searches for anaphora itself)
    needs = [according, inverted,
             *(gate.need(v) for k, v in weak.items() if k not in ("according", "inverted", "anaphora")),
             *map(gate.need, implied)]
    media_rx = tuple(_narrowed(gate, cue.rx, cue.words) for cue in lex.media_cues)
    media_bits: list[int | None] = [b for v in media if (b := gate.need(v)) is not None]
    media_bits += [n.need for n in media_rx if n is not None]
    return Triggers(
        gate=gate,
        anaphora=gate.need(weak["anaphora"]),
        syndication=gate.need(weak["syndication"]),
        unknown=gate.need(weak["unknown"]),
        verbs=gate.need(weak["verbs"]),
        anonymity=gate.need(weak["anonymity"]),
        according=according,
        implied=tuple(gate.need(v) for v in implied),
        sentence=_union(needs),
        inverted=inverted,
        speakers=_union([inverted, according, gate.need(weak["anonymity"])]),
        implied_any=_union([gate.need(v) for v in implied]),
        media_cues=tuple(gate.need(v) for v in media),
        media_cues_bits=_union(media_bits),
        anonymous=by_bit if anon_ok else None,
        anonymous_bits=sum(by_bit),
        anonymous_rows=tuple(row_bits),
        verbs_rx=_narrowed(gate, lex.verbs_rx, lex.verbs_words),
        # (the according phrases read as whole words, as the gate does, when it does)
        according_rx=_narrowed(gate, lex.according_rx, lex.according_words, ACCORDING_TAIL,
                               lex.according_runs is not None),
        unknown_rx=_narrowed(gate, lex.unknown_rx, lex.unknown_words),
        media_rx=media_rx,
    )


_NO_CANDIDATES = Candidates((True, frozenset()), ())

def _union(needs: list[int | None]) -> int:
    return -1 if None in needs else functools.reduce(operator.or_, needs, 0)


class Present:
    """The cue literals found in one sentence."""

    __slots__ = ("bits", "trig", "_anon")

    def __init__(self, trig: Triggers, text: str, bits: int | None = None):
        """`bits`: ``trig.gate.scan(text)``, when the caller has it (speed only)."""
        self.trig = trig
        self.bits = trig.gate.scan(text) if bits is None else bits
        self._anon: Candidates | None | bool = False

    def may(self, need: int | None) -> bool:
        """False only when the sentence lacks every literal behind `need` (a ``Triggers`` field)."""
        return need is None or bool(self.bits & need)

    def anonymous(self) -> Candidates | None:
        """The anonymous-source patterns that may match a phrase cut from the sentence, its words joined by single
        spaces or not, and the literals the sentence may hold; None: all of them."""
        if self._anon is False:
            by_bit = self.trig.anonymous
            if by_bit is None or self.bits == -1:
                self._anon = None
            else:
                found: set[str] = set()
                bits = self.bits & self.trig.anonymous_bits
                rows = tuple(i for i, b in enumerate(self.trig.anonymous_rows) if bits & b) if bits else ()
                while bits:
                    low = bits & -bits
                    found |= by_bit[low]
                    bits ^= low
                self._anon = Candidates((True, frozenset(found)), rows) if rows else _NO_CANDIDATES
        return cast("Candidates | None", self._anon)  # (no longer False)
