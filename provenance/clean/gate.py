"""Speed only: which of a pass's rules can match a line at all, decided with one regex call and a few substring
tests instead of one search per rule.

Almost every line matches no rule, yet each rule used to be searched on each line. A :class:`Gate` splits every
pattern into its top-level alternatives. Those anchored at the line start ("^...") are joined into one
alternation (each keeping its own case flag), one per possible first character of the line, whose ``match``
fails exactly when none of them can match. Every other alternative must contain one of a few strings
(patterns.required_strings, else literals.py), or, failing that, one punctuation character; many strings are
looked for at once with an Aho-Corasick automaton (pyahocorasick), which reports every one in the line.
``candidates`` says at once when no rule can match (most lines); otherwise ``possible`` rules out rules one by one,
and the caller searches the others in their order as before, so the first matching rule (the one recorded) is
unchanged.
Patterns the split cannot handle (capture groups, flags other than case) are always candidates unless their
literals rule them out.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from operator import is_
from typing import Any, TypeVar

import ahocorasick

from ..literals import required_literals
from .patterns import FLAGS_OK, alternatives, anchored, first_keys, parse, required_char, required_strings

# an anchored alternative whose strings are all this long is told by them like any other (see _anchored_strings)
_ANCHORED_STRINGS_FROM = 4
# an anchored alternative that lines starting with this many (lower-cased) characters or more can match, or any
# line, is tried alone, only on lines holding one of its strings (see _guard)
_GUARD_FROM = 20


def _anchored_strings(alt: re.Pattern[str]) -> tuple[tuple[bool, frozenset[str]], tuple[bool, frozenset[str]]] | None:
    """Speed only: the (fine, coarse) strings of an anchored alternative, when long enough to be rare; the gate
    then looks for them (in the walk it makes anyway) instead of trying the alternative in the joined match
    (whose failing match costs more than the strings, on lines starting with a capital: measured). Else None."""
    long, short = required_strings(alt), required_strings(alt, coarse=True)
    if long is None or short is None or min(map(len, long[1] | short[1])) < _ANCHORED_STRINGS_FROM:
        return None
    return long, short


def _guard(alt: re.Pattern[str], first: set[str] | None) -> tuple[bool, frozenset[str]] | None:
    """Speed only: for an anchored alternative tried on (almost) every line, strings one of which every match
    holds, even short ones (``(case-insensitive, strings)``, as from required_strings); the gate then tries it
    only on a line where the shared walk found one (most lines hold none of "AP", "Reuters" as written, or "/"),
    instead of inside the joined match, where its failing costs most. None: it stays in the joined match."""
    if first is not None and len(first) < _GUARD_FROM:
        return None
    strings = required_strings(alt)
    if strings is None:
        char = required_char(alt)
        strings = None if char is None else (False, frozenset({char}))
    if strings is None or not all(s.isascii() for s in strings[1]):
        return None
    return strings


class _Info:
    """What one pattern needs: an anchored alternative matching, or one of its strings in the line (``ilits``
    lower-cased, looked for in the lower-cased line; ``clits`` as they are). ``coarse_*``: fewer, shorter
    strings saying the same (cheaper to look for when most lines hold none, as in the first test of a line)."""

    __slots__ = ("anchored", "guarded", "ilits", "clits", "coarse_i", "coarse_c", "always")

    def __init__(self, pattern: re.Pattern[str]):
        self.anchored: list[tuple[str, set[str] | None]] = []  # scoped pieces for the joined pattern
        # anchored pieces tried alone where their strings are (see _guard): (piece, first keys, guard)
        self.guarded: list[tuple[str, set[str] | None, tuple[bool, frozenset[str]]]] = []
        self.ilits: frozenset[str] = frozenset()
        self.clits = self.coarse_i = self.coarse_c = self.ilits
        self.always = False
        try:
            self._split(pattern)
        except (re.error, TypeError, ValueError, RecursionError):
            self.anchored, self.guarded, self.always = [], [], True

    def _split(self, pattern: re.Pattern[str]) -> None:
        if not isinstance(pattern.pattern, str) or pattern.flags & ~FLAGS_OK:
            self.always = True
            return
        flags = pattern.flags & re.IGNORECASE
        # with capture groups an alternative alone could mean something else ("\1"): keep the pattern whole
        alts = alternatives(pattern.pattern) if not pattern.groups else [pattern.pattern]
        fine: tuple[set[str], set[str]] = (set(), set())  # (case-blind, as written)
        coarse: tuple[set[str], set[str]] = (set(), set())
        long: tuple[bool, frozenset[str]] | None
        short: tuple[bool, frozenset[str]] | None
        for alt in alts:
            compiled = re.compile(alt, flags) if len(alts) > 1 else pattern
            if not pattern.groups and anchored(parse(alt, flags)):
                strings = _anchored_strings(compiled)
                if strings is None:
                    piece = f"(?{'i' if flags else '-i'}:{alt})"
                    re.compile(piece)
                    first = first_keys(parse(alt, flags))
                    guard = _guard(compiled, first)
                    if guard is None:
                        self.anchored.append((piece, first))
                    else:
                        self.guarded.append((piece, first, guard))
                    continue
                long, short = strings
            else:
                long, short = required_strings(compiled), required_strings(compiled, coarse=True)
                short = short or required_literals(compiled)
            if long is None and short is None:
                char = required_char(compiled)
                if char is None:
                    self.always = True
                    return
                long = short = (False, frozenset({char}))
            long, short = long or short, short or long
            assert long is not None and short is not None  # (one of them was set above)
            fine[0 if long[0] else 1].update(long[1])
            coarse[0 if short[0] else 1].update(short[1])
        self.ilits, self.clits = frozenset(fine[0]), frozenset(fine[1])
        self.coarse_i, self.coarse_c = frozenset(coarse[0]), frozenset(coarse[1])


def _minimal(lits: set[str]) -> tuple[str, ...]:
    """The literals not containing another one: enough to tell whether any of them is in a line."""
    return tuple(sorted(s for s in lits if not any(o != s and o in s for o in lits)))


# below this many strings, Python substring tests beat the automaton's fixed cost per line (measured)
_AUTOMATON_FROM = 8


# Speed only: pyahocorasick keeps a node's children in the order their strings were added and looks a character up
# among them one by one; adding the strings by this order of their characters (common letters of Indonesian and
# English text first) puts the children most lines step to first. The strings found are the same in any order.
_COMMON = " aenitrskoulmdhgpbc.ywfj,2v0"
_RANK = {c: i for i, c in enumerate(_COMMON)}


def _by_common(s: str) -> list[int]:
    return [_RANK.get(c, len(_COMMON)) for c in s]


def _automaton(lits: Sequence[str]) -> Any:
    """An Aho-Corasick automaton of ``lits`` (None when too few strings): it reports every one of them in a
    string, overlapping ones too. Speed only: one walk of the line in C (pyahocorasick) instead of one substring
    search per string."""
    if len(lits) < _AUTOMATON_FROM or "" in lits:
        return None
    automaton = ahocorasick.Automaton()
    for s in sorted(lits, key=_by_common):
        automaton.add_word(s, s)
    automaton.make_automaton()
    return automaton


def _finder(lits: Sequence[str]) -> Callable[[str], bool]:
    """A test, true when one of ``lits`` is in the string given."""
    automaton = _automaton(lits)
    if automaton is None:
        return lambda text: any(map(text.__contains__, lits))
    find = automaton.iter
    return lambda text: next(find(text), None) is not None


def _collector(lits: Sequence[str]) -> Callable[[str], set[str]]:
    """The ones of ``lits`` in the string given."""
    automaton = _automaton(lits)
    if automaton is None:
        return lambda text: {s for s in lits if s in text}
    find_all = automaton.find_all

    def collect(text: str) -> set[str]:
        # speed only: find_all calls back with (end index, string); list.insert takes them as they come (where
        # it puts each does not matter: only the set is kept), cheaper than iterating over (index, string) pairs
        out: list[str] = []
        find_all(text, out.insert)
        return set(out)

    return collect


class _Level:
    """The patterns live for lines up to some length, and what tells that none of them can match."""

    def __init__(self, live: list[int], infos: list[_Info]):
        self.live = live
        self.always = any(infos[k].always for k in live)
        self.ilits = _minimal({s for k in live for s in infos[k].coarse_i})
        self.clits = _minimal({s for k in live for s in infos[k].coarse_c})
        self.has_i, self.has_c = _finder(self.ilits), _finder(self.clits)
        self.anchored = any(infos[k].anchored for k in live)
        self.guarded = any(infos[k].guarded for k in live)
        # the same tests on what a shared walk (Walk) found: the strings as a set, and each case-sensitive one
        # after its lower-cased form (which the walk looks for)
        self.ilit_set = frozenset(self.ilits)
        self.clit_pairs = tuple((s.lower(), s) for s in self.clits)
        # their lower-cased forms: one set test rules them all out at once on most lines (speed only)
        self.clit_lows = frozenset(low for low, _ in self.clit_pairs)


_NO_HIT: frozenset[int] = frozenset()


class Gate:
    """For an ordered list of patterns (each with an optional word limit), the ones that may match a line."""

    def __init__(self, patterns: Sequence[re.Pattern[str]], max_words: Sequence[int | None]):
        self.infos = [_Info(p) for p in patterns]
        pieces = [(piece, first, k) for k, info in enumerate(self.infos) for piece, first in info.anchored]
        # the match of all anchored alternatives joined, with the rules they belong to; by_first: the same for
        # the alternatives a line starting with this (lower-cased ASCII) character can match; other: for an
        # ASCII line start no key names
        self.joined: tuple | None = None
        self.by_first: dict[str, tuple | None] = {}
        self.other: tuple | None = None
        if pieces:
            try:
                self.joined = self._join(pieces)
                keys = set().union(*(first for _, first, _ in pieces if first is not None))
                for key in keys:
                    self.by_first[key] = self._join([p for p in pieces if p[1] is None or key in p[1]])
                self.other = self._join([p for p in pieces if p[1] is None])
            except re.error:  # cannot join after all: every anchored pattern is a candidate
                self.joined, self.by_first, self.other = None, {}, None
                for info in self.infos:
                    if info.anchored:
                        info.always = True
        # every rule's strings, to find at once those in a line (possible_all)
        self.found_i = _collector(sorted({s for info in self.infos for s in info.ilits}))
        self.found_c = _collector(sorted({s for info in self.infos for s in info.clits}))
        self.clit_pairs = tuple(sorted({(s.lower(), s) for info in self.infos for s in info.clits}))
        self.clit_lows: frozenset[str] = frozenset(low for low, _ in self.clit_pairs)  # (as in _Level)
        # a rule with a word limit drops out on longer lines, and its literals need not be looked for
        self.breaks = sorted({m for m in max_words if m is not None})
        self.levels = [
            _Level([k for k, m in enumerate(max_words) if m is None or (i < len(self.breaks) and m >= self.breaks[i])],
                   self.infos)
            for i in range(len(self.breaks) + 1)
        ]
        # the level of a line of n words, by n up to the last break + 1 (the level of all longer lines): a lookup
        # instead of a bisect per line (speed only)
        top = self.breaks[-1] + 1 if self.breaks else 0
        self.level_at: tuple[_Level, ...] = tuple(self.levels[bisect_left(self.breaks, n)] for n in range(top + 1))
        # the anchored pieces tried alone: (first keys, case-insensitive, strings, (lower-cased, string) pairs,
        # match, rule)
        self.guarded = tuple(
            (first, icase, lits, tuple((s.lower(), s) for s in lits), re.compile(piece).match, k)
            for k, info in enumerate(self.infos) for piece, first, (icase, lits) in info.guarded)
        # every guarded string, as written and lower-cased: a line whose walk found none of them holds no guard
        # (speed only: one set test instead of a test per guarded piece)
        self.guard_lows: frozenset[str] = frozenset(
            t for entry in self.guarded for s in entry[2] for t in (s, s.lower()))

    @staticmethod
    def _join(pieces: list[tuple]) -> tuple | None:
        if not pieces:
            return None
        return re.compile("|".join(piece for piece, _, _ in pieces)).match, frozenset(k for _, _, k in pieces)

    def candidates(self, norm: str, lower: str | None, n_words: int, found: set[str] | None = None) -> tuple:
        """``()`` when no pattern can match ``norm`` (``lower``: literals.lowered(norm)); else a context whose
        first item lists, in order, the patterns within their word limit, and for which ``possible`` tells
        which of them the tests do not rule out (asked one by one: the caller stops at the first match).
        ``found``: ``walk.found(lower)`` of a Walk holding this gate, when the caller has it (lower not None)."""
        level_at = self.level_at
        level = level_at[n_words if n_words < len(level_at) else -1]
        hit = _NO_HIT
        if level.anchored and self.joined is not None:
            head = norm[:1]
            entry = self.joined if not head or not head.isascii() else self.by_first.get(head.lower(), self.other)
            if entry is not None and entry[0](norm) is not None:
                hit = entry[1]
        if level.guarded:
            hit = self._guarded_hit(hit, norm, lower, found)
        if found is None:
            if not (hit or level.always or (level.ilits and (lower is None or level.has_i(lower)))
                    or (level.clits and level.has_c(norm))):
                return ()
        elif not (hit or level.always or not level.ilit_set.isdisjoint(found)
                  or (not level.clit_lows.isdisjoint(found)
                      and any([s in norm for low, s in level.clit_pairs if low in found]))):
            return ()
        return level.live, hit, norm, lower, found

    def _guarded_hit(self, hit: frozenset[int], norm: str, lower: str | None, found: set[str] | None
                     ) -> frozenset[int]:
        """``hit`` and the rules of the guarded pieces (Info.guarded) that match ``norm``, each tried only when
        the line holds one of its strings (in ``found`` when given: the walk looks for them too)."""
        if found is not None and self.guard_lows.isdisjoint(found):
            return hit  # (no piece's strings in the line: the loop below would add none)
        head = norm[:1]
        key = head.lower() if head and head.isascii() else None
        for first, icase, lits, pairs, match, k in self.guarded:
            if k in hit or (key is not None and first is not None and key not in first):
                continue
            if icase:
                if found is not None:
                    held = not lits.isdisjoint(found)
                else:
                    held = lower is None or any([s in lower for s in lits])
            elif found is not None:
                held = any([s in norm for low, s in pairs if low in found])
            else:
                held = any([s in norm for s in lits])
            if held and match(norm) is not None:
                hit = hit | {k}
        return hit

    def possible_all(self, context: tuple) -> tuple[int, ...]:
        """The patterns of ``context[0]`` that ``possible`` does not rule out, in order (one call for them all:
        speed only, for callers that read the list more than once)."""
        # (typed, speed only: compiled, an untyped ``live`` made each info an Any, its attributes looked up by name)
        live: list[int] = context[0]
        hit: frozenset[int] = context[1]
        norm: str = context[2]
        lower: str | None = context[3]
        found: set[str] | None = context[4]
        infos = self.infos
        # the strings of all rules found in one go (sets of those present: the same tests as ``possible``)
        in_lower: set[str] | None
        if found is None:
            in_norm = self.found_c(norm)
            in_lower = self.found_i(lower) if lower is not None else None
        else:  # (every one of them present in ``lower`` is in ``found``; more strings there do no harm)
            in_norm = ({s for low, s in self.clit_pairs if low in found and s in norm}
                       if not self.clit_lows.isdisjoint(found) else set())
            in_lower = found
        out = []
        any_norm = bool(in_norm)  # (none found as written: the case-sensitive test is skipped, speed only)
        for k in live:
            info = infos[k]
            if info.always or k in hit or (any_norm and info.clits and not info.clits.isdisjoint(in_norm)) or (
                    info.ilits and (in_lower is None or not info.ilits.isdisjoint(in_lower))):
                out.append(k)
        return tuple(out)

    def possible(self, k: int, context: tuple) -> bool:
        """May pattern ``k`` match the line ``context`` (from ``candidates``) was made for?"""
        info = self.infos[k]
        _, hit, norm, lower, found = context
        if info.always or k in hit or bool(info.clits and any(map(norm.__contains__, info.clits))):
            return True
        if found is not None:  # (the walk found those of info.ilits in ``lower``: one set test, speed only)
            return bool(info.ilits) and not info.ilits.isdisjoint(found)
        return bool(info.ilits and (lower is None or any(map(lower.__contains__, info.ilits))))


class Walk:
    """Speed only: one Aho-Corasick walk of a lower-cased line finding at once the strings several gates look
    for (else each gate walks the line again). The case-blind strings are looked for as they are, in the
    lower-cased line, as the gates do; a case-sensitive one by its lower-cased form, confirmed on the line as
    written when found: an ASCII string in a line has its lower-cased form in the lower-cased line (str.lower
    maps each ASCII character alone), so the walk misses none. Gates with a non-ASCII case-sensitive string
    are left out (they walk alone)."""

    def __init__(self, gates: Sequence[Gate]):
        self.gates = tuple(g for g in gates if all(s.isascii() for info in g.infos for s in info.clits))
        keys: set[str] = set()
        for g in self.gates:
            for info in g.infos:
                keys.update(info.ilits, info.coarse_i, (s.lower() for s in info.clits),
                            (s.lower() for s in info.coarse_c))
                for _, _, (_, lits) in info.guarded:  # (ASCII: see _guard)
                    keys.update(s.lower() for s in lits)
        self.found = _collector(sorted(keys))


_WALKS: dict[tuple[int, ...], tuple[tuple[Gate, ...], Walk]] = {}


def walk_for(gates: Sequence[Gate]) -> Walk:
    """The walk of these gates, built once (cached by the gates' identity)."""
    key = tuple(map(id, gates))
    hit = _WALKS.get(key)
    if hit is not None and all(map(is_, hit[0], gates)):
        return hit[1]
    if len(_WALKS) > 256:
        _WALKS.clear()
    walk = Walk(gates)
    _WALKS[key] = (tuple(gates), walk)
    return walk


_CACHE: dict[tuple[int, ...], tuple[tuple[re.Pattern[str], ...], Gate]] = {}


def gate_for(patterns: Sequence[re.Pattern[str]], max_words: Sequence[int | None]) -> Gate:
    """The gate of these patterns, built once (cached by the patterns' identity and the word limits)."""
    key = (*map(id, patterns), *[-1 if m is None else m for m in max_words])
    hit = _CACHE.get(key)
    if hit is not None and all(a is b for a, b in zip(hit[0], patterns, strict=True)):
        return hit[1]
    if len(_CACHE) > 256:  # rule sets loaded over and over: start afresh
        _CACHE.clear()
    gate = Gate(patterns, max_words)
    _CACHE[key] = (tuple(patterns), gate)
    return gate


_MEMO: dict[tuple, tuple[tuple, Any]] = {}


_T = TypeVar("_T")


def memo_for(rules: Sequence, tag: object, build: Callable[[], _T]) -> _T:
    """``build()``, remembered for this list of rules (speed only: a pass asks for its gate and rule table once
    per article; rebuilding their keys from the rules cost more than the lookup). ``tag`` tells apart what is
    built; the rules are compared by identity, so a list changed since is built again."""
    key = (id(rules), tag)
    hit = _MEMO.get(key)
    if hit is not None and len(hit[0]) == len(rules) and all(map(is_, hit[0], rules)):
        return hit[1]
    if len(_MEMO) > 256:  # rule sets loaded over and over: start afresh
        _MEMO.clear()
    value = build()
    _MEMO[key] = (tuple(rules), value)
    return value
