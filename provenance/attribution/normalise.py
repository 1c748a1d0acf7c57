"""Speaker names across one article: the fullest name the article gives a person ("Trump" -> "Donald Trump"), and
one canonical name per institution across spellings ("Kementerian Luar Negeri (KEMLU) Kazakstan" =
"Kementerian Luar Negeri Kazakh" = "Kementerian Luar Negeri" -> "Ministry of Foreign Affairs of Kazakhstan")."""

from __future__ import annotations

import re

from ..records import Statement
from ..registry import Registry
from .lexicon import Lexicon
from .speakers import _OPENERS

_NAME_TOK = r"[A-Z][\w'’.-]*"


def _fullest(name: str, body: str, lex: Lexicon) -> str:
    last = name.split()[-1]
    best = name
    for m in re.finditer(rf"((?:{_NAME_TOK}[ \t]+){{1,3}}){re.escape(last)}\b", body):
        toks = (m.group(1) + last).split()
        if any(t.endswith(".") and len(t) > 3 for t in toks[:-1]):
            continue  # "Reuters. Trump": a sentence ended in between
        while toks and (toks[0] in lex.titles or toks[0].casefold() in lex.countries or toks[0].casefold() in _OPENERS):
            toks.pop(0)
        cand = " ".join(toks)
        if name in cand and len(toks) <= 4 and len(cand) > len(best) and not lex.institution_rx.search(cand) \
                and not cand.endswith(("Jr.", "Jr")):
            best = cand
    return best


def _canonical_institution(raw: str, lex: Lexicon) -> str:
    name = re.sub(r"\s*\([^)]*\)", "", raw).strip()
    toks = [lex.countries.get(t.casefold(), t) if lex.countries.get(t.casefold()) else t for t in name.split()]
    norm = " ".join(toks)
    for rx, template in lex.canonical:
        m = rx.match(norm)
        if m:
            return template.format(**m.groupdict())
    return name


def normalise_speakers(statements: list[Statement], body: str, lex: Lexicon,
                       registry: Registry | None = None) -> list[Statement]:
    people = {s.source for s in statements if s.kind == "person"}
    full = {p: _fullest(p, body, lex) for p in people}
    insts = sorted({s.source for s in statements if s.kind == "institution"}, key=len, reverse=True)
    canon: dict[str, str] = {}
    for raw in insts:
        c = _canonical_institution(raw, lex)
        if c == re.sub(r"\s*\([^)]*\)", "", raw).strip():
            # a shorter spelling ("Kementerian Luar Negeri") of a longer one in the same article takes its name
            for longer in insts:
                if longer != raw and longer.startswith(raw.split(" (")[0]) and longer in canon:
                    c = canon[longer]
                    break
        canon[raw] = c
    for s in statements:
        new = full.get(s.source) if s.kind == "person" else canon.get(s.source) if s.kind == "institution" else None
        if new and new != s.source:
            s.chain = [new if x == s.source else x for x in s.chain]
            s.source = new
        medium = registry.resolve(s.source) if registry and s.kind in ("person", "institution") else None
        if medium:  # "The Times, citing ..." grew into "New York Times": the medium speaks, not a person
            s.source, s.kind = medium.name, "agency" if medium.kind == "agency" else "outlet"
            s.chain = list(dict.fromkeys([medium.name, *s.chain[1:]]))
    return statements
