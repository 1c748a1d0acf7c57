"""Speed only: the anatomy of a rule pattern, for gate.py: its top-level alternatives, whether an alternative is
anchored at the line start, which characters a match can start with, a case-less character every match holds.

All answers are conservative: "don't know" never rules a line out.
"""

from __future__ import annotations

import re

from ..literals import starts_anchored as anchored  # noqa: F401 - part of this module's anatomy API

try:  # Python 3.11+
    from re import _constants as _c  # type: ignore[attr-defined]  # (not in the stubs)
    from re import _parser as _p  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - older layouts
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]


def parse(src: str, flags: int) -> list:
    return list(_p.parse(src, flags))


FLAGS_OK = re.IGNORECASE | re.UNICODE  # what a pattern may carry to be split and joined
# characters with no case: under IGNORECASE they still match only themselves
_UNCASED = frozenset("!\"#$%&'()*+,-./0123456789:;<=>?@[\\]^_`{|}~©")


def _close(src: str, i: int) -> int:
    """Index of the parenthesis closing the group opened at ``src[i]``; -1 when unbalanced."""
    depth = 0
    klass = False
    j = i
    while j < len(src):
        ch = src[j]
        if ch == "\\":
            j += 2
            continue
        if klass:
            if ch == "]":
                klass = False
        elif ch == "[":
            klass = True
            if src.startswith("^", j + 1):
                j += 1
            if src.startswith("]", j + 1):
                j += 1  # a "]" first in a class is a literal
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return j
        j += 1
    return -1


def alternatives(src: str) -> list[str]:
    """The top-level alternatives of a pattern's source ("(?:a|b)|c" -> ["a", "b", "c"])."""
    out: list[str] = []
    start = j = 0
    while j < len(src):
        ch = src[j]
        if ch == "\\":
            j += 2
            continue
        if ch in "([":
            end = _close(src, j) if ch == "(" else _class_end(src, j)
            if end < 0:
                return [src]
            j = end + 1
            continue
        if ch == "|":
            out.append(src[start:j])
            start = j + 1
        j += 1
    out.append(src[start:])
    result: list[str] = []
    for alt in out:
        if alt.startswith("(?:") and _close(alt, 0) == len(alt) - 1:
            result.extend(alternatives(alt[3:-1]))
        else:
            result.append(alt)
    return result


def _class_end(src: str, i: int) -> int:
    j = i + 1
    if src.startswith("^", j):
        j += 1
    if src.startswith("]", j):
        j += 1
    while j < len(src):
        if src[j] == "\\":
            j += 2
            continue
        if src[j] == "]":
            return j
        j += 1
    return -1


def required_char(pattern: re.Pattern[str]) -> str | None:
    """A case-less character every match contains (a literal at the top level of the pattern), if any."""
    try:
        items = list(_p.parse(pattern.pattern, pattern.flags))
    except Exception:  # noqa: BLE001 - a layout this module does not know: no prefilter
        return None
    for op, av in items:
        if op is _c.LITERAL and chr(av) in _UNCASED:
            return chr(av)
    return None


# the non-ASCII characters a case-insensitive regex matches to an ASCII letter (see literals.py)
_FOLDS = {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}
_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", _c.MAX_REPEAT)}


def _keys(chars) -> set[str]:
    """Lower-cased ASCII characters a line may start with to match one of `chars` (case-blind: a superset)."""
    out = set()
    for ch in chars:
        if ch.isascii():
            out.add(ch.lower())
        elif ch in _FOLDS:
            out.add(_FOLDS[ch])
    return out


def first_keys(items) -> set[str] | None:
    """Keys (see _keys) of the first character of any match of the parsed sequence; None when unknown."""
    out: set[str] = set()
    for op, av in items:
        if op is _c.AT or op is _c.ASSERT or op is _c.ASSERT_NOT:
            continue  # zero-width: the next item gives the first character (ignoring the assertion: a superset)
        nullable = False
        found: set[str] | None
        if op is _c.LITERAL:
            found = _keys([chr(av)])
        elif op is _c.IN:
            found = _in_keys(av)
        elif op is _c.BRANCH:
            parts = [first_keys(alt) for alt in av[1]]
            found = None if any(p is None for p in parts) else set().union(*(p for p in parts if p is not None))
        elif op is _c.SUBPATTERN:
            found = first_keys(av[3])
        elif op in _REPEATS:
            found, nullable = first_keys(av[2]), av[0] == 0
        else:
            return None
        if found is None:
            return None
        out |= found
        if not nullable:
            return out
    return None  # the sequence may match the empty string: any line start will do


def _in_keys(av) -> set[str] | None:
    chars: list[str] = []
    for op, arg in av:
        if op is _c.LITERAL:
            chars.append(chr(arg))
        elif op is _c.RANGE and arg[1] - arg[0] < 0x3000:
            chars.extend(map(chr, range(arg[0], arg[1] + 1)))
        elif op is _c.CATEGORY and arg in _CATEGORIES:
            chars.extend(_CATEGORIES[arg])
        else:  # negation, other categories, huge ranges
            return None
    return _keys(chars)


# the ASCII characters of the classes \d, \s, \w (what an ASCII line start can match of them)
_ASCII = [chr(i) for i in range(128)]
_CATEGORIES = {
    cat: [ch for ch in _ASCII if re.match(rx, ch)]
    for cat, rx in ((_c.CATEGORY_DIGIT, r"\d"), (_c.CATEGORY_SPACE, r"\s"), (_c.CATEGORY_WORD, r"\w"),
                    (_c.CATEGORY_NOT_DIGIT, r"\D"), (_c.CATEGORY_NOT_SPACE, r"\S"), (_c.CATEGORY_NOT_WORD, r"\W"))
}


# ---- required strings, with short alternations multiplied out ("(?:ber)?gabung (?:di|ke) grup" -> 4 strings)
_CAP = 64  # the most strings one run of items may multiply out to


def _char_set(op, av, icase: bool) -> set[str] | None:
    if op is _c.LITERAL:
        chars = [chr(av)]
    elif op is _c.IN and all(o is _c.LITERAL for o, _ in av) and len(av) <= 8:
        chars = [chr(a) for _, a in av]
    else:
        return None
    if icase:
        if not all(ch.isascii() for ch in chars):
            return None  # case folding outside ASCII: leave it to the regex
        return {ch.lower() for ch in chars}
    return set(chars)


def _finite(items, icase: bool) -> set[str] | None:
    """Every string the sequence can match, when that is a small set (lower-cased when `icase`); else None.
    Zero-width items count as the empty string (a superset of what matches: fine for a prefilter)."""
    out = {""}
    for op, av in items:
        if op is _c.AT or op is _c.ASSERT or op is _c.ASSERT_NOT:
            continue
        if op is _c.BRANCH:
            parts = [_finite(alt, icase) for alt in av[1]]
            found = None if any(p is None for p in parts) else set().union(*(p for p in parts if p is not None))
        elif op is _c.SUBPATTERN:
            found = _finite(av[3], icase) if not av[1] and not av[2] else None
        elif op in _REPEATS and av[1] <= 1:
            sub = _finite(av[2], icase)
            found = None if sub is None else (sub | {""} if av[0] == 0 else sub)
        else:
            found = _char_set(op, av, icase)
        if found is None:
            return None
        out = {a + b for a in out for b in found}
        if len(out) > _CAP:
            return None
    return out


def _windows(run: list[set[str]]) -> list[set[str]]:
    """For a run of items each matching one of a few strings: the strings of every stretch of the run."""
    out = []
    for i in range(len(run)):
        product = {""}
        for j in range(i, len(run)):
            product = {a + b for a in product for b in run[j]}
            if len(product) > _CAP:
                break
            out.append(product)
    return out


def _fine(strings: set[str]) -> tuple:
    return min(map(len, strings)), -len(strings)


def _coarse(strings: set[str]) -> tuple:
    return min(map(len, strings)) >= 4, -len(strings), min(map(len, strings))


def _required(items, icase: bool, key) -> frozenset[str] | None:
    """Strings one of which every match of the sequence contains, the best set by `key`; None when none."""
    candidates: list[set[str]] = []
    run: list[set[str]] = []
    for op, av in items:
        if op is _c.AT or op is _c.ASSERT or op is _c.ASSERT_NOT:
            continue  # zero-width: the items around it are adjacent in the text
        found = _finite([(op, av)], icase)
        if found is not None:
            run.append(found)
            continue
        candidates += _windows(run)
        run = []
        inner = None
        if op is _c.BRANCH:
            parts = [_required(alt, icase, key) for alt in av[1]]
            inner = None if any(p is None for p in parts) else frozenset().union(*(p for p in parts if p is not None))
        elif op is _c.SUBPATTERN and not av[1] and not av[2]:
            inner = _required(av[3], icase, key)
        elif op in _REPEATS and av[0] >= 1:
            inner = _required(av[2], icase, key)
        if inner:
            candidates.append(set(inner))
    candidates += _windows(run)
    good = [c for c in candidates if c and "" not in c]
    return frozenset(max(good, key=key)) if good else None


def required_strings(pattern: re.Pattern[str], coarse: bool = False) -> tuple[bool, frozenset[str]] | None:
    """``(case-insensitive, strings)``: every match of `pattern` contains one of the strings (lower-cased when
    case-insensitive, then to be looked for in the lower-cased line, see literals.lowered); None when unknown.
    The longest such strings, or with ``coarse`` the fewest (of 4 characters or more when possible)."""
    if not isinstance(pattern.pattern, str) or pattern.flags & ~FLAGS_OK:
        return None
    icase = bool(pattern.flags & re.IGNORECASE)
    try:
        found = _required(parse(pattern.pattern, pattern.flags), icase, _coarse if coarse else _fine)
    except Exception:  # noqa: BLE001 - a layout this module does not know: no prefilter
        return None
    if not found or min(map(len, found)) < 2:
        return None
    return icase, found
