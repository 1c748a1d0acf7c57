"""Institutions named by a common noun that points back: "the ministry said", "kementerian itu mengatakan",
"a company spokesperson said". Resolved only when the article leaves one candidate: exactly one name with a head of
that type written before ("Ministry of Energy"), or, for nouns without heads ("the company", "the utility"),
exactly one institution quoted before."""

from __future__ import annotations

import functools
import re

from .lexicon import Lexicon
from .normalise import canonical_institution


@functools.lru_cache(maxsize=4)
def _subject_rx(nouns: tuple[str, ...]) -> re.Pattern:
    alt = "|".join(map(re.escape, nouns))
    return re.compile(rf"(?<![\w])(?:(?:the|an?)\s+({alt})(?:['’]s)?(?:\s+spokes(?:man|woman|person))?|(?:pihak\s+)?({alt})"
                      rf"\s+(?:itu|tersebut))\s+(?:(?:also|juga|kemudian|later)\s+)?$", re.I)


@functools.lru_cache(maxsize=64)
def _named_rx(heads: tuple[str, ...]) -> re.Pattern:
    alt = "|".join(map(re.escape, heads))
    word = r"[A-Z][\w&'’.-]*"
    # "and"/"dan" joins the words of one name ("Komunikasi dan Informatika"), not two names ("X and the Ministry of Y")
    link = rf"(?:(?:of|for|on)\s+(?:the\s+)?|(?:dan|and)\s+(?!(?:{alt})\b))"
    return re.compile(rf"(?:{word}\s+{link}?)*(?:{alt})\b(?:\s+{link}?{word})*")


def pointed_noun(text: str, lex: Lexicon) -> tuple[str, str] | None:
    """(noun, verb) when a sentence's subject is a pointing common noun."""
    if not lex.institution_types:
        return None
    rx = _subject_rx(tuple(sorted(lex.institution_types, key=len, reverse=True)))
    for v in lex.verbs_rx.finditer(text):
        m = rx.search(text[: v.start()])
        if m:
            return (m.group(1) or m.group(2)).casefold(), v.group()
    return None


def resolve(noun: str, before: str, quoted: list[str], lex: Lexicon) -> str | None:
    heads = lex.institution_types.get(noun)
    if heads is None:
        return None
    if not heads:
        return quoted[0] if len(set(quoted)) == 1 else None
    found = {re.sub(r"^(?:The|A|An|Pihak)\s+", "", m.group().strip()) for m in _named_rx(heads).finditer(before)}
    names = {n for n in found if " " in n}
    canon = {canonical_institution(n, lex) for n in names}
    return max(names, key=len) if len(canon) == 1 else None
