"""Speed only: the literal strings one of which any match of a pattern must contain.

A cleaner line rule is searched on every line and a mapper cue on every sentence, and most match none. When every match of a pattern must
contain one of a few literal strings ("download", "unduh", ...), a substring test on the line rules the pattern out
at C speed without running the regex. Results never change: the test only skips searches that cannot match, and
when in doubt (no literal found, a line with a character that case-folds to ASCII, inline flag changes) the pattern
runs as before.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

try:  # Python 3.11+
    from re import _constants as _c  # type: ignore[attr-defined]  # (not in the stubs)
    from re import _parser as _p  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - older layouts
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

MIN_LEN = 3  # shorter literals occur in most lines and would rule little out
_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", _c.MAX_REPEAT)}


def _required(items) -> frozenset[str] | None:
    """A set of strings such that every match of the sequence `items` contains at least one of them."""
    candidates: list[frozenset[str]] = []
    run = ""
    for op, av in items:
        if op is _c.LITERAL:
            run += chr(av)
            continue
        if run:
            candidates.append(frozenset({run}))
            run = ""
        found = None
        if op is _c.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            # "(?-i:...)": its literals, tested case-insensitively like the rest, only rule out more seldom
            if not add_flags and not del_flags & ~re.IGNORECASE:
                found = _required(sub)
        elif op in _REPEATS:
            low, _high, sub = av
            if low >= 1:
                found = _required(sub)
        elif op is _c.BRANCH:
            alts = [_required(a) for a in av[1]]
            if all(alts):
                found = frozenset().union(*(a for a in alts if a))
        if found:
            candidates.append(found)
    if run:
        candidates.append(frozenset({run}))
    if not candidates:
        return None
    return max(candidates, key=lambda s: (min(map(len, s)), -len(s)))


@lru_cache(maxsize=512)
def required_literals(pattern: re.Pattern[str]) -> tuple[bool, frozenset[str]] | None:
    """(case-insensitive, literals) for `pattern`, literals lower-cased when case-insensitive; None when no
    useful literal set is found (then the pattern must simply be searched)."""
    if not isinstance(pattern.pattern, str) or pattern.flags & re.VERBOSE:
        return None
    try:
        parsed = _p.parse(pattern.pattern, pattern.flags)
    except Exception:  # noqa: BLE001 - a layout this module does not know: no prefilter
        return None
    lits = _required(list(parsed))
    if not lits or min(map(len, lits)) < MIN_LEN:
        return None
    icase = bool(pattern.flags & re.IGNORECASE)
    if not icase and "(?-i" in pattern.pattern:
        return None  # (only a case-insensitive pattern may hold a case-sensitive group: its test is case-blind)
    if icase:
        if not all(s.isascii() for s in lits):
            return None
        lits = frozenset(s.lower() for s in lits)
    return icase, lits


# The only non-ASCII characters a case-insensitive regex matches to an ASCII character (checked over every code
# point): "İ", "ı" (i), "ſ" (s), the Kelvin sign (k). A line without them holds an ASCII literal, under re.I, exactly
# where its lower-cased form holds the literal lower-cased.
_FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")


def lowered(text: str) -> str | None:
    """``text.lower()`` when substring tests on it decide case-insensitive ASCII literals; else None."""
    return text.lower() if text.isascii() or not _FOLDS_TO_ASCII.search(text) else None


def may_match(pre: tuple[bool, frozenset[str]] | None, text: str, lower: str | None) -> bool:
    """False only when the pattern behind `pre` cannot match `text` (`lower`: ``lowered(text)``)."""
    if pre is None:
        return True
    icase, lits = pre
    if icase:
        if lower is None:  # "ſ", "K" and the like: Unicode case folding is the regex's business
            return True
        return any(s in lower for s in lits)
    return any(s in text for s in lits)



def starts_anchored(items) -> bool:
    """Does every match of the sequence `items` start at the beginning of the string ("^...")?"""
    if not items:
        return False
    op, av = items[0]
    if op is _c.AT:
        return av is _c.AT_BEGINNING or av is _c.AT_BEGINNING_STRING
    if op is _c.SUBPATTERN and not av[1] and not av[2]:
        return starts_anchored(list(av[3]))
    if op is _c.BRANCH:
        return all(starts_anchored(list(a)) for a in av[1])
    return False


@lru_cache(maxsize=512)
def worth_prefiltering(pattern: re.Pattern[str]) -> tuple[bool, frozenset[str]] | None:
    """``required_literals`` for a pattern that may match anywhere in a line (a search tries every position:
    costly); None for one anchored at the line start, whose failing search costs less than a literal test."""
    pre = required_literals(pattern)
    if pre is None or pattern.flags & re.MULTILINE:
        return pre
    try:
        anchored = starts_anchored(list(_p.parse(pattern.pattern, pattern.flags)))
    except Exception:  # noqa: BLE001
        return pre
    return None if anchored else pre


_BY_ID: dict[int, tuple[re.Pattern[str], tuple[bool, frozenset[str]] | None]] = {}


def prefilter_for(pattern: re.Pattern[str]) -> tuple[bool, frozenset[str]] | None:
    """``worth_prefiltering(pattern)``, cached by the pattern object's identity (hashing a compiled pattern hashes
    its whole program: too slow for a per-sentence lookup). The pattern is kept so its id is never reused."""
    hit = _BY_ID.get(id(pattern))
    if hit is None or hit[0] is not pattern:
        if len(_BY_ID) > 4096:  # rule sets loaded over and over: start afresh
            _BY_ID.clear()
        hit = _BY_ID[id(pattern)] = (pattern, worth_prefiltering(pattern))
    return hit[1]


def may_search(pattern: re.Pattern[str], text: str, lower: str | None) -> bool:
    """False only when `pattern` cannot match anywhere in `text` (`lower`: ``lowered(text)``)."""
    return may_match(prefilter_for(pattern), text, lower)


# --- Many literal sets tested at once (the mapper's cues, per sentence) -------------------------------------------
_ASCII_LETTERS = re.compile(r"[A-Za-z]+")
_LOWER_RUN = re.compile(r"[a-z]+")


def letter_literals(pre: tuple[bool, frozenset[str]] | None) -> frozenset[str] | None:
    """A weaker literal set for ``LetterGate``: each literal's longest run of ASCII letters, lower-cased. Every match
    of the pattern behind `pre` holds one of them inside a run of ASCII letters of its lower-cased text (a literal
    found case-sensitively is found lower-cased too). None when some literal has no run of MIN_LEN letters."""
    if pre is None:
        return None
    out = set()
    for s in pre[1]:
        runs = _ASCII_LETTERS.findall(s)
        best = max(runs, key=len).lower() if runs else ""
        if len(best) < MIN_LEN:
            return None
        out.add(best)
    return frozenset(out)


class LetterGate:
    """Which of many letter-literal sets (``letter_literals``) a text may hold, from one pass over its runs of ASCII
    letters: each literal has a bit, each run the bits of the literals inside it, a text the union (cached per
    token: words repeat). Speed only: testing every literal of every set per sentence cost more than the searches it
    spared. A text with a character that case-folds to ASCII ("K") is given every bit (``lowered`` is None)."""

    _MAX_CACHE = 100_000

    def __init__(self, literal_sets: Sequence[frozenset[str] | None], word_sets: Sequence[frozenset[str] | None] = ()):
        """`word_sets`: literals found only as a whole run of letters ("per" in "per person", not in "person")."""
        self.bit: dict[str, int] = {}
        for lits in literal_sets:
            for s in sorted(lits or ()):
                self.bit.setdefault(s, 1 << len(self.bit))
        self._by_head: dict[str, list[tuple[str, int]]] = {}
        for s, b in self.bit.items():
            self._by_head.setdefault(s[:MIN_LEN], []).append((s, b))
        self.word_bit: dict[str, int] = {}
        for words in word_sets:
            for s in sorted(words or ()):
                self.word_bit.setdefault(s, 1 << (len(self.bit) + len(self.word_bit)))
        self._tokens: dict[str, int] = {}  # token as written -> bits
        self._runs: dict[str, int] = {}  # run of letters -> bits

    def need(self, lits: frozenset[str] | None) -> int | None:
        """The bits of a set passed at construction; None (the gate cannot rule its pattern out) for None."""
        if lits is None:
            return None
        need = 0
        for s in lits:
            need |= self.bit[s]
        return need

    def need_words(self, words: frozenset[str] | None) -> int | None:
        """``need`` for a set passed as `word_sets`."""
        if words is None:
            return None
        need = 0
        for s in words:
            need |= self.word_bit[s]
        return need

    def _run_bits(self, run: str) -> int:
        bits = 0
        for i in range(len(run) - MIN_LEN + 1):
            for s, b in self._by_head.get(run[i:i + MIN_LEN], ()):
                if run.startswith(s, i):
                    bits |= b
        return bits

    def _token_bits(self, token: str) -> int:
        lower = lowered(token)
        bits = -1 if lower is None else 0
        runs = self._runs
        for run in _LOWER_RUN.findall(lower or ""):
            b = runs.get(run)
            if b is None:  # (a word met before with other punctuation or case is not read again)
                b = runs[run] = self._run_bits(run) | self.word_bit.get(run, 0)
            bits |= b
        if len(self._tokens) > self._MAX_CACHE:
            self._tokens.clear()
            runs.clear()
        self._tokens[token] = bits
        return bits

    def scan(self, text: str) -> int:
        """The bits of the literals in `text` (-1: all of them, when substring tests cannot decide). Read token by
        whitespace-separated token: a run of letters lies inside one, and lower-casing is per character, but for
        the characters that make ``lowered`` give up."""
        # (a compiled loop: most tokens have no bit, and the bits, a long integer, are OR-ed only for those with
        # some; reduce(or_, map(...)) made an interpreter call per token; speed only)
        tokens = self._tokens
        bits = 0
        for t in text.split():
            b = tokens.get(t)
            if b is None:
                b = self._token_bits(t)
            if b:
                bits |= b
        return bits
