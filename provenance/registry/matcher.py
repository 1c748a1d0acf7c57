"""All registry names in a text in one pass.

Every name form (canonical name, aliases, domains, plus an all-capitals variant) goes into character tries compiled to
regexes: matching costs one scan of the text (see :mod:`.candidates`), not one scan per outlet, whatever the
registry's size; at each position the longest name wins.
Names match case-sensitively: lower-case "tempo", "kompas" (compass) or "antara" (between) are words, not outlets.
Candidates then pass boundary checks that accept scraped glue ("dilansirReuters", "ReutersdanAl Arabiya") and reject
names inside ordinary words ("Metropolitan", "KAS").
"""

from __future__ import annotations

import bisect
import functools
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..errors import RuleError
from .candidates import Candidate, Candidates
from .entry import Entry

GLUE_FILE = Path(__file__).resolve().parent.parent / "data" / "glue.toml"


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    entry: Entry
    glued: bool = False  # found by the glue rules (no space on one side)

    # Speed only: written out, this __init__ is compiled (the one @dataclass writes runs as interpreted Python,
    # ~5x slower, and an article builds dozens of mentions); it does what the generated one does.
    def __init__(self, start: int, end: int, text: str, entry: Entry, glued: bool = False) -> None:
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "entry", entry)
        object.__setattr__(self, "glued", glued)


@functools.lru_cache(maxsize=1)
def _glue() -> tuple[frozenset[str], frozenset[str], re.Pattern, re.Pattern]:
    try:
        data = tomllib.loads(GLUE_FILE.read_text(encoding="utf-8"))
        left, right, strict = data["left"], data["right"], data["strict_context"]
        after = data.get("strict_after", [])
    except (OSError, tomllib.TOMLDecodeError, KeyError) as exc:
        raise RuleError(f"{GLUE_FILE}: malformed glue rules ({exc})") from exc
    words = sorted(strict, key=len, reverse=True)
    strict_rx = re.compile(r"(?:^|[^\w])(?:" + "|".join(re.escape(w) for w in words) + r")\s*[:(]?\s*$", re.I)
    after_rx = re.compile(r"\s+(?:" + "|".join(re.escape(w) for w in sorted(after, key=len, reverse=True))
                          + r")\b" if after else r"(?!)")
    return frozenset(left), frozenset(right), strict_rx, after_rx


def _trie_regex(words: Iterable[str]) -> str:
    """A regex equivalent to the alternation of `words` that prefers the longest word at each position."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = True

    def build(node: dict) -> str:
        end = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch != ""]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if end:  # greedy optional: the longer name wins over its prefix ("Reuters News" over "Reuters")
            return "(?:" + body + ")?" if len(branches) > 1 or len(body) > 1 else body + "?"
        return body

    return build(trie)


class Matcher:
    def __init__(self, entries: Iterable[Entry]):
        self.forms: dict[str, tuple[Entry, bool]] = {}  # form -> (entry, strict)
        for e in entries:
            strict = set(e.strict)
            for form in (e.name, *e.aliases, *e.domains):
                form = form.strip()
                if not form:
                    continue
                self.forms.setdefault(form, (e, form in strict))
                if "'" in form:  # "Larry O’Connor Show": typeset apostrophes
                    self.forms.setdefault(form.replace("'", "’"), (e, form in strict))
                letters = sum(ch.isalpha() for ch in form)
                if letters >= 4 and form.upper() != form:
                    self.forms.setdefault(form.upper(), (e, form in strict))
        # Speed, same results: the names a scan tries are those `_left_ok` may accept where they stand (after a
        # non-alphanumeric, or a letter then a capital: glue), found by a pre-scan the regex engine runs in C
        self._candidates = Candidates(self.forms, _trie_regex).find
        self._lines_cache: tuple[str, list[Candidate]] | None = None
        self.left, self.right, self.strict_rx, self.after_rx = _glue()
        # a name with a line break in it would let one line's scan see the next: find_lines then scans line by line
        self.multiline = any("\n" in form or "\r" in form for form in self.forms)

    def _left_ok(self, text: str, start: int, form: str) -> tuple[bool, bool]:
        if start == 0 or not text[start - 1].isalnum():
            return True, False
        prev = text[start - 1]
        if prev.islower() and form[0].isupper():
            run = re.search(r"[a-z]+$", text[max(0, start - 30) : start])
            if run and any(run.group().endswith(w) for w in self.left):
                return True, True
        return False, False

    def _right_ok(self, text: str, end: int, form: str) -> tuple[bool, bool]:
        if end >= len(text) or not text[end].isalnum():
            return True, False
        if form[-1].isalpha() and text[end].islower() and not form[-1].islower() or (
            form[-1].islower() and text[end].islower()
        ):
            run = re.match(r"[a-z]+", text[end : end + 30])
            if run and run.group() in self.right:
                nxt = end + run.end()
                if nxt >= len(text) or not text[nxt].islower():
                    return True, True
        return False, False

    def _strict_ok(self, text: str, start: int, end: int, lo: int = 0, hi: int | None = None) -> bool:
        """`lo`/`hi`: the bounds of the line the name sits on (``find_lines``); the whole text by default."""
        hi = len(text) if hi is None else hi
        if start > lo and text[start - 1] == "(" and end < hi and text[end] == ")":
            return True  # "(AA)" credit
        return bool(self.strict_rx.search(text[max(lo, start - 40) : start])
                    or self.after_rx.match(text, end, hi))

    def find_all(self, text: str) -> list[Mention]:
        cands = self._cached(text)
        if cands is None:
            cands = self._candidates(text)
        return [Mention(*m) for m in self._scan(text, None, cands)]

    def find_lines(self, lines: list[str]) -> list[list[Mention]]:
        """``[find_all(line) for line in lines]`` in one scan of the lines joined by newlines (speed only, same
        mentions: no name holds a newline, a newline is neither a letter nor a bracket for the boundary checks, and
        the strict-alias context is cut at the line's bounds)."""
        text = "\n".join(lines)
        if self.multiline or text.count("\n") != len(lines) - 1:
            return [self.find_all(line) for line in lines]
        starts, pos = [], 0
        for line in lines:
            starts.append(pos)
            pos += len(line) + 1
        cands = self._candidates(text)
        # speed only: the mapper scans an article's lines (own outlet), then its body, the same text: kept for it
        self._lines_cache = (text, cands)
        out: list[list[Mention]] = [[] for _ in lines]
        for start, end, form, entry, glued in self._scan(text, starts, cands):
            i = bisect.bisect_right(starts, start) - 1
            out[i].append(Mention(start - starts[i], end - starts[i], form, entry, glued))
        return out

    def _cached(self, text: str) -> list[Candidate] | None:
        """The candidates of `text` when it begins the lines last scanned and ends where a line does: a candidate
        depends only on the characters around it, and none spans a newline."""
        cache = self._lines_cache
        if cache is None or not text:
            return None
        joined, cands = cache
        n = len(text)
        if not joined.startswith(text) or (len(joined) > n and joined[n] != "\n"):
            return None
        return cands[: bisect.bisect_left(cands, (n,))]

    def _scan(self, text: str, starts: list[int] | None,
              cands: list[Candidate]) -> list[tuple[int, int, str, Entry, bool]]:
        """The accepted candidates as (start, end, name, entry, glued); `starts`: the lines' offsets (find_lines)."""
        out: list[tuple[int, int, str, Entry, bool]] = []
        pos = 0
        n = len(text)
        forms = self.forms
        for start, end, form in cands:
            if start < pos:
                continue
            entry, strict = forms[form]
            if start == 0 or not text[start - 1].isalnum():  # `_left_ok`'s common case inline (speed only)
                ok_l, glued_l = True, False
            else:
                ok_l, glued_l = self._left_ok(text, start, form)
            if not ok_l:
                pos = start + 1
                continue
            if end >= n or not text[end].isalnum():
                ok_r, glued_r = True, False
            else:
                ok_r, glued_r = self._right_ok(text, end, form)
            if ok_r and strict:
                if starts is None:
                    ok_r = self._strict_ok(text, start, end)
                else:
                    i = bisect.bisect_right(starts, start) - 1
                    hi = starts[i + 1] - 1 if i + 1 < len(starts) else n
                    ok_r = self._strict_ok(text, start, end, starts[i], hi)
            if ok_r:
                out.append((start, end, form, entry, glued_l or glued_r))
                pos = end
            else:
                pos = start + 1
        return out
