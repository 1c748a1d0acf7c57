"""This article's own outlet, from the cleaner's metadata or from a dateline / credit line in the opening lines.

A bare agency credit at the very start ("(Reuters) —" with no city) is a republished wire copy: the agency is
then the medium the whole text came from (`wire`), not the publisher.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..records import Cleaned
from ..registry import Entry, Registry
from .lexicon import Lexicon

OPENING_LINES = 12  # datelines sit above or at the top of the story; later lines are reporting


@dataclass
class Own:
    outlet: Entry | None = None
    written: str | None = None  # meta.outlet as written when the registry does not know it
    wire: Entry | None = None
    wire_span: tuple[int, int] | None = None


def detect(cleaned: Cleaned, registry: Registry, lex: Lexicon, override: str | None = None) -> Own:
    own = Own()
    body = cleaned.body
    found = _from_body(body, registry, lex)
    given = override or cleaned.meta.outlet
    if given:  # the user's --outlet and the cleaner's metadata win over what the body suggests
        own.outlet = registry.resolve(given)
        own.written = None if own.outlet else given.strip()
    else:
        own.outlet = found.outlet
    if found.wire and (own.outlet is None or own.outlet.name != found.wire.name):
        own.wire, own.wire_span = found.wire, found.wire_span
    return own


def _from_body(body: str, registry: Registry, lex: Lexicon) -> Own:
    own = Own()
    pos = 0
    lines = body.split("\n")
    candidates: list[tuple[int, Entry, str]] = []
    for i, line in enumerate(lines[:OPENING_LINES] + lines[OPENING_LINES:]):
        base = pos
        pos += len(line) + 1
        if line.lstrip().startswith("#"):
            continue
        for m in registry.find_all(line):
            before, after = line[: m.start], line[m.end :]
            for rank, (_name, b_rx, a_rx, role) in enumerate(lex.hints):
                if i >= OPENING_LINES and _name not in ("read more of outlet", "Pantauan outlet"):
                    continue
                if b_rx.search(before) and a_rx.match(after):
                    if role == "wire-if-agency" and m.entry.kind == "agency" and after.lstrip(")").lstrip()[:1] in "-–—":
                        if own.wire is None:
                            own.wire = m.entry
                            own.wire_span = (base + len(line) - len(line.lstrip()), base + len(line.rstrip()))
                        break
                    candidates.append((rank * 1000 + i, m.entry, line))
                    break
    if candidates:
        candidates.sort(key=lambda c: c[0])
        own.outlet = candidates[0][1]
    return own
