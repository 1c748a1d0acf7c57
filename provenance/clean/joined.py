"""Speed only: one regex standing for many line-start rules, so that one call rules them all out.

Every line is tested against every rule of a pass, and almost every line matches none. The patterns anchored at
the line start ("^...") are joined into one alternation, each keeping its own case flag; ``match`` of the joined
pattern fails exactly when none of them can match, and that settles the line in one C call. When it does match,
the rules still run one by one in their order, so the rule recorded (first match wins) is the same. Patterns that
are not anchored, capture groups (a back-reference would change meaning once joined) or carry other flags stay
out of the join and are tested as before.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

try:  # Python 3.11+
    from re import _constants as _c
    from re import _parser as _p
except ImportError:  # pragma: no cover - older layouts
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

_FLAGS_OK = re.IGNORECASE | re.UNICODE


def _anchored(items) -> bool:
    """Does every match of the parsed sequence `items` start at the beginning of the string?"""
    if not items:
        return False
    op, av = items[0]
    if op is _c.AT:
        return av is _c.AT_BEGINNING or av is _c.AT_BEGINNING_STRING
    if op is _c.SUBPATTERN and not av[1] and not av[2]:
        return _anchored(list(av[3]))
    if op is _c.BRANCH:
        return all(_anchored(list(a)) for a in av[1])
    return False


def _piece(pattern: re.Pattern[str]) -> str | None:
    """`pattern` as a scoped piece of a joined alternation, or None when it cannot be joined."""
    if not isinstance(pattern.pattern, str) or pattern.groups or pattern.flags & ~_FLAGS_OK \
            or pattern.flags & re.MULTILINE:
        return None
    try:
        if not _anchored(list(_p.parse(pattern.pattern, pattern.flags))):
            return None
        piece = f"(?{'i' if pattern.flags & re.IGNORECASE else '-i'}:{pattern.pattern})"
        re.compile(piece)
    except (re.error, TypeError, ValueError):
        return None
    return piece


_CACHE: dict[tuple[int, ...], tuple[tuple[re.Pattern[str], ...], tuple]] = {}


def split(patterns: Sequence[re.Pattern[str]]) -> tuple:
    """``(match, free)``: ``match`` is the joined pattern's ``match`` method (None when fewer than two patterns
    join); ``free`` the indices, in order, of the patterns it does not stand for. Cached by pattern identity."""
    key = tuple(map(id, patterns))
    hit = _CACHE.get(key)
    if hit is not None and all(a is b for a, b in zip(hit[0], patterns, strict=True)):
        return hit[1]
    pieces = [_piece(p) for p in patterns]
    joined = [piece for piece in pieces if piece is not None]
    result: tuple = (None, tuple(range(len(patterns))))
    if len(joined) >= 2:
        try:
            result = (re.compile("|".join(joined)).match,
                      tuple(i for i, piece in enumerate(pieces) if piece is None))
        except re.error:
            pass
    if len(_CACHE) > 256:  # rule sets loaded over and over: start afresh
        _CACHE.clear()
    _CACHE[key] = (tuple(patterns), result)
    return result
