"""Speed only: which of a pass's rules can match a line at all, decided with one regex call and a few substring
tests instead of one search per rule.

Almost every line matches no rule, yet each rule used to be searched on each line. A :class:`Gate` splits every
pattern into its top-level alternatives: those anchored at the line start ("^...") are joined into one
alternation (each keeping its own case flag), whose ``match`` fails exactly when none of them can match; every
other alternative must contain one of a few literal strings (literals.py), or, failing that, one punctuation
character. ``candidates`` returns, in rule order, the rules those tests do not rule out; the caller searches them
one by one as before, so the first matching rule (the one recorded) is unchanged. Patterns the split cannot
handle (capture groups, flags other than case) are simply always candidates unless their literals rule them out.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from ..literals import required_literals
from .patterns import FLAGS_OK, alternatives, anchored, first_keys, parse, required_char


class _Info:
    """What one pattern needs: an anchored alternative matching, or one of its literals in the line
    (``ilits`` lower-cased, looked for in the lower-cased line; ``clits`` as they are)."""

    __slots__ = ("anchored", "ilits", "clits", "always")

    def __init__(self, pattern: re.Pattern[str]):
        self.anchored: list[str] = []  # scoped pieces for the joined pattern
        self.ilits: frozenset[str] = frozenset()
        self.clits: frozenset[str] = frozenset()
        self.always = False
        try:
            self._split(pattern)
        except (re.error, TypeError, ValueError, RecursionError):
            self.anchored, self.ilits, self.clits, self.always = [], frozenset(), frozenset(), True

    def _split(self, pattern: re.Pattern[str]) -> None:
        if not isinstance(pattern.pattern, str) or pattern.flags & ~FLAGS_OK:
            self.always = True
            return
        flags = pattern.flags & re.IGNORECASE
        # with capture groups an alternative alone could mean something else ("\1"): keep the pattern whole
        alts = alternatives(pattern.pattern) if not pattern.groups else [pattern.pattern]
        ilits: set[str] = set()
        clits: set[str] = set()
        for alt in alts:
            compiled = re.compile(alt, flags) if len(alts) > 1 else pattern
            if not pattern.groups and anchored(parse(alt, flags)):
                piece = f"(?{'i' if flags else '-i'}:{alt})"
                re.compile(piece)
                self.anchored.append((piece, first_keys(parse(alt, flags))))
                continue
            pre = required_literals(compiled)
            if pre is not None:
                (ilits if pre[0] else clits).update(pre[1])
                continue
            char = required_char(compiled)
            if char is None:
                self.always = True
                return
            clits.add(char)
        self.ilits, self.clits = frozenset(ilits), frozenset(clits)


def _minimal(lits: set[str]) -> tuple[str, ...]:
    """The literals not containing another one: enough to tell whether any of them is in a line."""
    return tuple(sorted(s for s in lits if not any(o != s and o in s for o in lits)))


class _Level:
    """The patterns live for lines up to some length, and what tells that none of them can match."""

    def __init__(self, live: list[int], infos: list[_Info]):
        self.live = live
        self.always = any(infos[k].always for k in live)
        self.ilits = _minimal({s for k in live for s in infos[k].ilits})
        self.clits = _minimal({s for k in live for s in infos[k].clits})
        self.anchored = any(infos[k].anchored for k in live)


class Gate:
    """For an ordered list of patterns (each with an optional word limit), the ones that may match a line."""

    def __init__(self, patterns: Sequence[re.Pattern[str]], max_words: Sequence[int | None]):
        self.infos = [_Info(p) for p in patterns]
        pieces = [piece for info in self.infos for piece in info.anchored]
        self.joined = None  # the match of all anchored alternatives joined
        self.by_first: dict[str, object] = {}  # the same, only those a line starting with this key can match
        self.other = None  # ... for an ASCII line start no key names
        if pieces:
            try:
                self.joined = re.compile("|".join(piece for piece, _ in pieces)).match
                keys = set().union(*(first for _, first in pieces if first is not None))
                for key in (*keys, None):
                    live = [piece for piece, first in pieces if first is None or key in first]
                    match = re.compile("|".join(live)).match if live else None
                    if key is None:
                        self.other = match
                    else:
                        self.by_first[key] = match
            except re.error:  # cannot join after all: every anchored pattern is a candidate
                self.joined, self.by_first, self.other = None, {}, None
                for info in self.infos:
                    if info.anchored:
                        info.always = True
        # a rule with a word limit drops out on longer lines, and its literals need not be looked for
        self.breaks = sorted({m for m in max_words if m is not None})
        self.levels = [
            _Level([k for k, m in enumerate(max_words) if m is None or (i < len(self.breaks) and m >= self.breaks[i])],
                   self.infos)
            for i in range(len(self.breaks) + 1)
        ]

    def _anchored_hit(self, norm: str) -> bool:
        head = norm[:1]
        if not head or not head.isascii():
            return self.joined(norm) is not None
        match = self.by_first.get(head.lower(), self.other)
        return match is not None and match(norm) is not None

    def candidates(self, norm: str, lower: str | None, n_words: int) -> list[int]:
        """Indices, in order, of the patterns not ruled out for ``norm`` (``lower``: literals.lowered(norm));
        those of a word limit below ``n_words`` are left out too."""
        level = self.levels[bisect_left(self.breaks, n_words)]
        hit = level.anchored and self.joined is not None and self._anchored_hit(norm)
        if not (hit or level.always or (level.ilits and (lower is None or any(map(lower.__contains__, level.ilits))))
                or any(map(norm.__contains__, level.clits))):
            return []
        out = []
        for k in level.live:
            info = self.infos[k]
            if info.always or (hit and info.anchored) or (info.clits and any(map(norm.__contains__, info.clits))) or (
                    info.ilits and (lower is None or any(map(lower.__contains__, info.ilits)))):
                out.append(k)
        return out


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
