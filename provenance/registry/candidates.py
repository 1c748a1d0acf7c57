"""Where a registry name may start in a text: the matcher's pre-scan (speed only; the matcher decides).

A candidate is the longest name at a position where the matcher's left boundary can accept one: a name starting
with a capital anywhere but right after a digit (glue: "dilansirReuters"), any other name right after a non-word
character or at the start of the text. One regex with that look-behind in front of the alternation of all names
tried every position of the text in Python's regex engine; the engine is only fast when it can skip to the first
character of a match. So:

- the names starting with a capital are tried where a capital stands;
- each other name ("kantor berita Reuters", "reuters.com", "20detik") is found through its first character that is
  neither lower-case nor a space (its *anchor*: "Reuters", ".com", "20detik"), tried in the same pass, then checked
  at its start; the few names with no such character ("kumparan") are looked for with ``str.find``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

Candidate = tuple[int, int, str]  # start, end, name


def _rare(ch: str) -> bool:
    return not (ch.islower() or ch.isspace())


class Candidates:
    def __init__(self, forms: Iterable[str], trie_regex: Callable[[Iterable[str]], str]):
        forms = list(forms)
        capitals = {f[0] for f in forms if f[0].isupper()}
        upper = [f for f in forms if f[0] in capitals]
        lower = [f for f in forms if f[0] not in capitals]
        anchors: dict[str, set[int]] = {}  # anchor -> its offsets in the lower names that have it
        self._needles: list[str] = []  # prefixes of the lower names without an anchor
        for f in lower:
            k = next((i for i, ch in enumerate(f) if _rare(ch)), None)
            if k is None:
                self._needles.append(f[:5])
            else:
                anchors.setdefault(f[k:], set()).add(k)
        self._needles = sorted(set(self._needles))
        keys = set(upper) | set(anchors)
        upper_set = set(upper)
        # per string the pass can find: the longest upper name it begins with, and the offsets of every anchor it
        # begins with (any name or anchor found at a position is a prefix of the longest one found there)
        self._table: dict[str, tuple[str | None, tuple[int, ...]]] = {}
        for s in keys:
            prefixes = [s[:i] for i in range(1, len(s) + 1)]
            up = next((p for p in reversed(prefixes) if p in upper_set), None)
            back = sorted({k for p in prefixes for k in anchors.get(p, ())})
            self._table[s] = (up, tuple(back))
        self._pass = re.compile(trie_regex(keys)) if keys else None
        self._lower = re.compile(trie_regex(lower)) if lower else None  # the longest lower name at a position

    def find(self, text: str) -> list[Candidate]:
        """Every candidate (start, end, name) in text order, those inside another one included."""
        out: list[Candidate] = []
        lower: dict[int, Candidate] = {}
        table = self._table
        if self._pass is not None:
            search = self._pass.search
            m = search(text)
            while m is not None:
                at = m.start()
                up, back = table[m.group()]
                if up is not None and (not at or not text[at - 1].isdecimal()):  # not glued to a number
                    out.append((at, at + len(up), up))
                for k in back:
                    self._lower_at(text, at - k, lower)
                m = search(text, at + 1)
        for needle in self._needles:
            i = text.find(needle)
            while i >= 0:
                self._lower_at(text, i, lower)
                i = text.find(needle, i + 1)
        if lower:
            out = sorted(out + list(lower.values()))
        return out

    def _lower_at(self, text: str, start: int, found: dict[int, Candidate]) -> None:
        """The longest lower name at `start`, when a non-word character (or nothing) stands before it."""
        if start < 0 or start in found or (start and text[start - 1].isalnum()):
            return
        m = self._lower.match(text, start)  # type: ignore[union-attr]  # (called only when there is one)
        if m is not None:
            found[start] = (start, m.end(), m.group())
