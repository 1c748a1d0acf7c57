"""Institutions named by a common noun that points back: "the ministry said", "kementerian itu mengatakan",
"a company spokesperson said". Resolved only when the article leaves one candidate: exactly one name with a head of
that type written before ("Ministry of Energy"), or, for nouns without heads ("the company", "the utility"),
exactly one institution quoted before. Personal pronouns ("he said", "katanya") point to the person quoted last,
in the same paragraph or the one before."""

from __future__ import annotations

import functools
import re

from ..literals import lowered, may_search
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


_NOUNS: dict[int, tuple[dict, tuple[str, ...]]] = {}


def _nouns(lex: Lexicon) -> tuple[str, ...]:
    """The institution types, longest first, sorted once per lexicon (speed only: was sorted per sentence)."""
    hit = _NOUNS.get(id(lex))
    if hit is None or hit[0] is not lex.institution_types:
        _NOUNS.clear()
        hit = _NOUNS[id(lex)] = (lex.institution_types, tuple(sorted(lex.institution_types, key=len, reverse=True)))
    return hit[1]


def pointed_noun(text: str, lex: Lexicon, verbs: list[re.Match] | None = None) -> tuple[str, str] | None:
    """(noun, verb) when a sentence's subject is a pointing common noun (`verbs`: ``lex.verbs_rx`` matches in
    `text`, when the caller has them)."""
    if not lex.institution_types:
        return None
    if verbs is not None and not verbs:
        return None
    rx = _subject_rx(_nouns(lex))
    if not may_search(rx, text, lowered(text)):
        return None  # no noun in the sentence, none in the text before a verb (speed only: a search per verb, each
        # trying the pattern at every position of the text before it)
    for v in lex.verbs_rx.finditer(text) if verbs is None else verbs:
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


# "..., he said." / "He added that ..." / "..., katanya." / "Ia menegaskan ...": a person speaks again.
# (case-insensitive after its mark only, which has no other case: same matches, but a pattern compiled with re.I
# is tried at every position, and this one the engine skips to the marks; speed only)
_PRONOUN_INVERTED = re.compile(r"[,\"”’](?i:\s*(?:(?:he|she)\s+(?:said|says|added|told|explained|continued|wrote)|"
                               r"said\s+(?:he|she)|(?:kata|ujar|tutur|ucap|jelas|tegas|imbuh|tambah|lanjut|ungkap|"
                               r"terang|papar|sebut)(?:nya|\s+(?:dia|ia|beliau)))\b)")
_PRONOUN_SUBJECT = re.compile(r"^\W*(?:He|She|Ia|Dia|Beliau)\s+(?:(?:also|later|then|further|juga|kemudian|lalu|pun)\s+)?$")


def pronoun_cue(text: str, lex: Lexicon, verbs: list[re.Match] | None = None) -> str | None:
    m = _PRONOUN_INVERTED.search(text)
    if m:
        return m.group().strip(" ,\"”’")
    for v in lex.verbs_rx.finditer(text) if verbs is None else verbs:
        if _PRONOUN_SUBJECT.match(text[: v.start()]):
            return v.group()
    return None
