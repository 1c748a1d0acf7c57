"""This article's own outlet: the user's override, the cleaner's metadata, else the outlet's own marks in the text.

Marks, strongest first (see ``outlet_hints.toml``): a dateline or credit line in the opening prose lines; the title's
"– Outlet" suffix; then anywhere in the body or in the pieces the cleaner removed: a copyright footer, a byline with a
role, the outlet's own video embed or app prompt, a desk's self-reference ("ujarnya kepada Tempo").

A bare agency credit at the start retyped with an em dash ("(Reuters) —", "SAN FRANCISCO (AP) —") is a republished
wire copy: the agency is then the medium the whole text came from (`wire`), not the publisher.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..literals import lowered, may_match, prefilter_for
from ..records import Cleaned
from ..registry import Entry, Registry
from .lexicon import Lexicon

OPENING_LINES = 12  # prose lines: datelines sit above or at the top of the story; later lines are reporting
_EMPHASIS = re.compile(r"\*{1,3}|_{2,3}")  # "**TEHERAN, KOMPAS.com** --" from Markdown scrapes
# Tables, images, link lines and headers around a scraped story do not count as its opening lines.
_NOT_PROSE = re.compile(r"^\s*(?:$|\||!\[|\[|#|>|-{3,}|={3,})")
_PLACE_RANK = {"opening": 0, "title": 1, "anywhere": 2}


@dataclass
class Own:
    outlet: Entry | None = None
    written: str | None = None  # meta.outlet as written when the registry does not know it
    wire: Entry | None = None
    wire_span: tuple[int, int] | None = None


def detect(cleaned: Cleaned, registry: Registry, lex: Lexicon, override: str | None = None) -> Own:
    own = Own()
    given = override or cleaned.meta.outlet
    known = registry.resolve(given) if given else None
    # a known publisher leaves only the wire copy to find in the text (speed only: the publisher's marks are read
    # when the wire turns out to be the publisher named, below)
    found = _scan(cleaned, registry, lex, wire_only=known is not None)
    if known is not None and found.wire and not override and cleaned.meta.outlet and known.name == found.wire.name:
        found = _scan(cleaned, registry, lex)
    if given:  # the user's --outlet and the cleaner's metadata win over what the text suggests
        own.outlet = known
        own.written = None if own.outlet else given.strip()
        if own.outlet is None and not override:
            own.outlet, own.written = (found.outlet, None) if found.outlet else (None, own.written)
    else:
        own.outlet = found.outlet
    if not override and found.wire and own.outlet and own.outlet.name == found.wire.name and cleaned.meta.outlet:
        # the cleaner read "(Reuters) —" as the publisher; an em-dash agency credit is a relayed wire copy
        own.outlet = found.outlet if found.outlet and found.outlet.name != found.wire.name else None
    if found.wire and (own.outlet is None or own.outlet.name != found.wire.name):
        own.wire, own.wire_span = found.wire, found.wire_span
    return own


# the few place sets a line can have, built once (speed only)
_ANYWHERE = frozenset({"anywhere"})
_ANYWHERE_TITLE = frozenset({"anywhere", "title"})
_ANYWHERE_OPENING = frozenset({"anywhere", "opening"})
_TITLE = frozenset({"title"})


def _lines(cleaned: Cleaned, body_only: bool = False) -> Iterator[tuple[str, int | None, frozenset[str]]]:
    """(line, offset in the body or None, the hint places that apply to it); `body_only`: the body's lines only."""
    pos, prose, seen_text = 0, 0, False
    for line in cleaned.body.split("\n"):
        places = _ANYWHERE
        if not seen_text and line.lstrip().startswith("# "):
            places = _ANYWHERE_TITLE
        # (past the opening lines every line is "anywhere", prose or not: the match is skipped; speed only. A prose
        # line holds text, so `seen_text` is set by then)
        elif prose < OPENING_LINES and not _NOT_PROSE.match(line):
            places = _ANYWHERE_OPENING
            prose += 1
        seen_text = seen_text or bool(line.strip())
        yield line, pos, places
        pos += len(line) + 1
    if body_only:
        return
    if cleaned.meta.title:
        yield cleaned.meta.title, None, _TITLE
    for r in cleaned.removed:  # footers, bylines and embeds the cleaner took out still name the outlet
        places = _ANYWHERE
        if r.rule.startswith("title") or r.text.lstrip().startswith("# "):
            places = _ANYWHERE_TITLE
        elif r.line is not None and r.line < 2 * OPENING_LINES:
            places = _ANYWHERE_OPENING
        for piece in r.text.split("\n"):
            yield piece, None, places


def _scan(cleaned: Cleaned, registry: Registry, lex: Lexicon, wire_only: bool = False) -> Own:
    """The first hint that fits a name decides its candidacy; the candidate of the best (place, hint, line) wins.
    `wire_only`: only the wire copy is wanted (``Own.wire``, as the whole scan finds it; ``Own.outlet`` is left
    unset)."""
    hints = lex.hints
    places_rank, floor, wire_left, before_pre = _order(hints)
    if wire_only:
        return _scan_wire(cleaned, registry, hints, wire_left, before_pre)
    own = Own()
    best: tuple[int, int, int] | None = None
    rows = list(_lines(cleaned))
    # keeps offsets; a line with no "*" or "_" has nothing to blank (the scan is skipped: speed only)
    views = [_EMPHASIS.sub(lambda m: " " * len(m.group()), raw) if "*" in raw or "_" in raw else raw
             for raw, _, _ in rows]
    for order, ((raw, base, places), line, mentions) in enumerate(zip(rows, views, registry.find_lines(views), strict=True)):
        for m in mentions:
            before = after = None
            for rank, hint in enumerate(hints):
                # speed only: no hint from here on can give a better candidate than `best`, nor mark a wire copy
                if best is not None and floor[rank] >= best[:2] and not (
                        wire_left[rank] and own.wire is None and base is not None and m.entry.kind == "agency"):
                    break
                if hint.where not in places or (hint.country and m.entry.country != hint.country):
                    continue
                if before is None:
                    before, after = line[: m.start], line[m.end :]
                # the anchored test first, then a substring test for the literals `before` needs (speed only: the
                # search tries every position of the text before the name, a paragraph on a scraped page)
                if not (hint.after.match(after) and _may_hold(before_pre[rank], before) and hint.before.search(before)):
                    continue
                if hint.role == "wire-if-agency" and m.entry.kind == "agency":
                    if own.wire is None and base is not None:
                        own.wire = m.entry
                        own.wire_span = (base + len(raw) - len(raw.lstrip()), base + len(raw.rstrip()))
                    break
                key = (places_rank[rank], rank, order)
                if best is None or key < best:  # on a tie the first found stays
                    best, own.outlet = key, m.entry
                break
    return own


def _scan_wire(cleaned: Cleaned, registry: Registry, hints: tuple, wire_left: list[bool], before_pre: list) -> Own:
    """``_scan(..., wire_only=True)``: an agency on a body line whose first fitting hint is a wire-if-agency one (a
    wire copy is marked in the body only, and the first found stays, as in the whole scan)."""
    own = Own()
    rows = list(_lines(cleaned, body_only=True))
    views = [_EMPHASIS.sub(lambda m: " " * len(m.group()), raw) if "*" in raw or "_" in raw else raw
             for raw, _, _ in rows]
    for (raw, base, places), line, mentions in zip(rows, views, registry.find_lines(views), strict=True):
        for m in mentions:
            if m.entry.kind != "agency" or base is None:
                continue
            for rank, hint in enumerate(hints):
                if not wire_left[rank]:
                    break  # no wire-if-agency hint from here on
                if hint.where not in places or (hint.country and m.entry.country != hint.country):
                    continue
                before, after = line[: m.start], line[m.end :]
                if not (hint.after.match(after) and _may_hold(before_pre[rank], before) and hint.before.search(before)):
                    continue
                if hint.role == "wire-if-agency":
                    own.wire = m.entry
                    own.wire_span = (base + len(raw) - len(raw.lstrip()), base + len(raw.rstrip()))
                    return own
                break  # another hint took the name first
    return own


def _may_hold(pre: tuple[bool, frozenset[str]] | None, text: str) -> bool:
    """``literals.may_match`` for `text` (lower-cased only for a case-insensitive literal set)."""
    return pre is None or may_match(pre, text, lowered(text) if pre[0] else None)


_ORDER: dict[int, tuple] = {}


def _order(hints: tuple) -> tuple[list[int], list[tuple[int, int]], list[bool], list]:
    """Per hint: its place's rank; the best (place rank, hint rank) of it and the hints after it; whether a
    wire-if-agency hint is among them; the literals one of which a match of its `before` holds (or None). Kept per
    lexicon (speed only)."""
    cached = _ORDER.get(id(hints))
    if cached is None or cached[0] is not hints:
        ranks = [_PLACE_RANK[h.where] for h in hints]
        floor: list[tuple[int, int]] = []
        wire: list[bool] = []
        low, any_wire = (len(ranks), 0), False
        for i in range(len(hints) - 1, -1, -1):
            low = min(low, (ranks[i], i))
            any_wire = any_wire or hints[i].role == "wire-if-agency"
            floor.append(low)
            wire.append(any_wire)
        if len(_ORDER) >= 8:  # one lexicon in a run; a few in tests
            _ORDER.clear()
        cached = _ORDER[id(hints)] = (hints, ranks, floor[::-1], wire[::-1], [prefilter_for(h.before) for h in hints])
    return cached[1], cached[2], cached[3], cached[4]
