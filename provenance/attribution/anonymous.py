"""Anonymous sources: recognising an unnamed speaker ("sources familiar with the probe said", "kata pejabat AS"),
labelling it with its nationality, number and an official's body, and telling a back-reference ("the official said",
"kata pejabat tersebut") from a new source."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..literals import lowered, may_match, may_search, required_literals
from .lexicon import Lexicon
from .words import _CALENDAR, _QUANTIFIERS, _strip_adverbs

if TYPE_CHECKING:  # annotation only: speakers imports this module
    from .speakers import Speaker

_DETERMINERS = re.compile(r"^(?:namun|tetapi|sementara itu|selain itu|but|however|and|meanwhile|also|then|the|a|an)\b[, ]*",
                          re.I)
# The first characters of _DETERMINERS' matches, under re.I ("ſ" folds to "s"; every code point checked): a phrase
# opening with another one is left as it is (speed only: no sub call).
_DETERMINER_FIRST = frozenset("ntsbhamNTSBHAM\u017f")


def _undetermined(phrase: str) -> str:
    """``_DETERMINERS.sub("", phrase)``: the pattern's "^" matches only at the start, so the sub removes one match
    there, if any (speed only: a match, not a sub trying "^" at every position)."""
    if phrase[:1] not in _DETERMINER_FIRST:
        return phrase
    m = _DETERMINERS.match(phrase)
    return phrase[m.end():] if m else phrase


# "... who spoke on condition of anonymity", "yang berbicara secara anonim": an unnamed source, even without a subject
_ANONYMITY = re.compile(r"\b(?:anonymity|anonymously|secara anonim|tanpa menyebut(?:kan)? nama|enggan disebut(?:kan)? namanya)\b",
                        re.I)
# ("\s\s*" is "\s+" opening with a character set, which the engine skips to: speed only, same matches)
_PLACE_TAIL = re.compile(r"\s\s*(?:di|dalam|in|from|dari|at)\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2}$")
# Its place words: on words joined by single spaces it matches only with one of them as a whole word, one of the
# three before the last (speed only: no search without).
_PLACE_WORDS = frozenset({"di", "dalam", "in", "from", "dari", "at"})
# Patterns compiled once (speed only: the same patterns the functions below once passed to re.* per call).
_CAP_RUN = re.compile(r"[A-Z][\w.]*(?:\s[A-Z]\w+)?")
_PEOPLE = re.compile(r"\b(?:people|persons|individuals|employees)\b", re.I)
_PEJABAT = re.compile(r"(?i)(?:\w+ )?pejabat\b")
_NAMED_OFFICIALS = re.compile(r"((?:[A-Z][\w.&-]*\s+){1,3})officials?\b")
_NAME_AFTER = re.compile(r"\s+[A-Z][a-z]")
_NEXT_WORD = re.compile(r"\s+([\w’']+)")
_OFFICIAL_END = re.compile(r"\bofficial$")
_ANOTHER = re.compile(r"\b(?:another|lain(?:nya)?)\b", re.I)
_PAREN_END = re.compile(r"\s*\([^)]*\)$")


def _nationality(text: str, lex: Lexicon) -> str:
    for tok in _CAP_RUN.findall(text):
        country = next((c for c in (lex.countries.get(tok.casefold()), *map(lex.countries.get, tok.casefold().split()))
                        if c), None)
        if country:
            return {"United States": "US", "United Kingdom": "UK"}.get(country, country)
    return ""


# A group of sources is another source than one of its members: "two people familiar with the matter" and "a person
# familiar with the matter" are listed apart by readers (and by the gold), so the label keeps the number.
_COUNTS = "para|sejumlah|beberapa|dua|tiga|empat|lima|banyak|two|three|four|five|several|some|many"
_GROUPS = ("officials|sources|people|persons|individuals|employees|officers|aides|diplomats|insiders|witnesses|residents|"
           "protesters|users|commenters|analysts|experts|observers|economists|critics|advocates|activists")
_PLURAL = re.compile(rf"\b(?:{_COUNTS}|\w+-\w+)\b|\b(?:{_GROUPS})\b", re.I)
# _PLURAL's parts, for its truth alone (speed only: the alternation tried some fifty words at every word edge): its
# words, each a whole run of word characters, so one of them fullmatches a run; and a hyphenated word, which needs "-"
_PLURAL_WORD = re.compile(f"(?:{_COUNTS}|{_GROUPS})", re.I)
_HYPHENATED = re.compile(r"\b\w+-\w+\b", re.I)
_WORD_RUN = re.compile(r"\w+")
# _PLURAL_WORD's words: an ASCII run fullmatches it exactly when its lower case is one of them (speed only: a set
# lookup, not a fullmatch trying every word; other runs, whose case folding is re's business, still fullmatch)
_PLURAL_WORDS = frozenset(f"{_COUNTS}|{_GROUPS}".split("|"))


def _plural(phrase: str) -> bool:
    """``_PLURAL.search(phrase) is not None``."""
    if "-" in phrase and _HYPHENATED.search(phrase):
        return True
    if phrase.isascii():
        return any(w in _PLURAL_WORDS for w in _WORD_RUN.findall(phrase.lower()))
    for w in _WORD_RUN.findall(phrase):
        if _PLURAL_WORD.fullmatch(w):
            return True
    return False


def _label(nat: str, label: str, phrase: str, lex: Lexicon | None = None) -> str:
    if label == "source" and _PEOPLE.search(phrase):
        label = "sources"
    elif not label.endswith("s") and " " not in label and _plural(phrase):
        label += "s"
    org = _affiliation(phrase, lex) if lex and label.startswith("official") else ""
    return f"{nat} {label}{f' ({org})' if org else ''}".strip()


def _affiliation(phrase: str, lex: Lexicon) -> str:
    """"seorang pejabat Departemen Pertahanan", "a Pentagon official": the body an unnamed official belongs to, so
    two officials of different bodies stay two sources (countries give the nationality instead)."""
    words = [w.strip("(),") for w in phrase.split()[1:] if w[:1].isupper()] if _PEJABAT.match(phrase) else []
    if not words:
        m = _NAMED_OFFICIALS.search(phrase)
        words = m.group(1).split() if m else []
    words = [w for w in words if w.casefold() not in lex.countries and w.casefold() not in _CALENDAR
             and w.casefold() not in _QUANTIFIERS and w not in {"Senior", "Top", "Former", "A", "An", "The", "One"}]
    return " ".join(words) if words and lex.institution_rx.search(" ".join(words)) else ""


def _is_country_or_title(rest: str, lex: Lexicon) -> bool:
    word = rest.split()[0].strip(",.;:()") if rest.split() else ""
    return word.casefold() in lex.countries or word in lex.titles


_AFTER_OFFICIAL = {"said", "says", "told", "who", "familiar", "with", "in", "at", "from", "of", "for", "speaking", "briefed",
                   "close", "involved", "on", "added", "also", "later", "and", "wrote", "confirmed", "yang", "di", "dari",
                   "kepada", "mengatakan"}


@dataclass(frozen=True)
class Candidates:
    """Speed only: the anonymous-source patterns that may match a phrase cut from one sentence (its words joined by
    single spaces or not), because the sentence holds one of their literal words (``triggers.Present.anonymous``)."""
    literals: tuple[bool, frozenset[str]]  # those literal words, a prefilter (``literals.may_match``)
    rows: tuple[int, ...]  # the patterns, as indices into lex.anonymous, in order


def _anonymous(phrase: str, lex: Lexicon, anchored: bool = True, cand: Candidates | None = None) -> str | None:
    """`cand`: the patterns that may match phrases of the sentence at hand (all of them when None)."""
    if cand is not None and not cand.rows:
        return None  # the sentence holds no literal word of any pattern (speed only)
    p = _undetermined(phrase.strip())
    rows = lex.anonymous
    literals = _joined(rows)[1] if cand is None else cand.literals
    if literals is not None and not may_match(literals, p, lowered(p)):
        return None  # no pattern can match p without one of its literal words (speed only)
    order: Sequence[int] = range(len(rows)) if cand is None else cand.rows  # (the others cannot match: no m, nothing done)
    if not anchored:  # anywhere in a sentence: the source named first, whatever its pattern's rank
        hits = [(m.start(), i) for i in order if (m := rows[i][0].search(p)) and m.group().strip()]
        order = [i for _, i in sorted(hits)[:1]]
    for rx, label in (rows[i] for i in order):
        m = rx.match(p) if anchored else rx.search(p)
        if m and anchored and _NAME_AFTER.match(p, m.end()) and not _is_country_or_title(p[m.end():], lex):
            return None  # "kata analis Budi Hartono": a named person after the role word
        nxt = _NEXT_WORD.match(p, m.end()) if m and _OFFICIAL_END.search(m.group()) else None
        if nxt and nxt.group(1).casefold() not in _AFTER_OFFICIAL:
            return None  # "according to the official White House transcript": an adjective, not a person
        if m and m.group().strip() and (not anchored or len(p) - m.end() < 40):
            nat = _nationality(m.group(), lex)
            return _label(nat, label, m.group(), lex)
    return None


@functools.lru_cache(maxsize=8)
def _any_anonymous(patterns: tuple[tuple[re.Pattern, str], ...]) -> re.Pattern | None:
    """All anonymous-source patterns as one alternation, each a group: one fullmatch instead of one per pattern, and
    the group that matched (``lastindex``) is the first pattern that fullmatches, whose label counts (speed only).
    None when they cannot be joined safely."""
    plain = re.compile("", re.I).flags
    if any(rx.flags != plain or rx.groups for rx, _ in patterns):
        return None
    try:
        return re.compile("|".join(f"({rx.pattern})" for rx, _ in patterns), re.I)
    except re.error:
        return None


_JOINED: dict[int, tuple[tuple, re.Pattern | None, tuple[bool, frozenset[str]] | None]] = {}


def _joined(patterns: tuple[tuple[re.Pattern, str], ...]) -> tuple[re.Pattern | None, tuple[bool, frozenset[str]] | None]:
    """``_any_anonymous(patterns)`` and the union of the patterns' required literals (None unless every pattern,
    case-insensitive, has some), cached by the tuple's identity: hashing the patterns for an lru_cache lookup
    hashes every compiled program, per call (speed only)."""
    hit = _JOINED.get(id(patterns))
    if hit is None or hit[0] is not patterns:
        pres = [required_literals(rx) for rx, _ in patterns]
        union = (True, frozenset().union(*(p[1] for p in pres if p))) if pres and all(p and p[0] for p in pres) else None
        if len(_JOINED) > 64:
            _JOINED.clear()
        hit = _JOINED[id(patterns)] = (patterns, _any_anonymous(patterns), union)
    return hit[1], hit[2]


_WORD_START = re.compile(r"(?:^|(?<=\s))\S")


def _anonymous_tail(clause: str, lex: Lexicon, cand: Candidates | None = None,
                    toks: list[str] | None = None) -> tuple[str, str] | None:
    """An anonymous subject that ends right before the verb: "sources familiar with the probe said",
    "PG&E officials said", "Officials said": (label, phrase as written) for the longest such phrase. `cand`: as for
    ``_anonymous``; `toks`: ``_strip_adverbs(clause.split())`` when the caller has it (speed only; not changed)."""
    if cand is not None and not cand.rows:
        return None  # the sentence holds no literal word of any pattern (speed only)
    if toks is None:
        toks = _strip_adverbs(clause.split())  # (the runs of non-space, as \S+ finds them)
    tail = " ".join(toks[-14:])
    if any(t in _PLACE_WORDS for t in toks[-4:-1]):
        tail = _PLACE_TAIL.sub("", tail)  # "Para pejabat di Tel Aviv mengatakan"
    any_rx, literals = _joined(lex.anonymous)  # (one fullmatch for all the patterns; group k is the k-th pattern)
    rows: Sequence[int] = range(len(lex.anonymous))
    if cand is not None:  # a few patterns: each tried in turn costs less than the alternation of all
        literals, rows = cand.literals, cand.rows
        any_rx = any_rx if len(rows) > 8 else None
    lower = lowered(tail)
    if literals is not None and not may_match(literals, tail, lower):
        return None  # every phrase tried below is part of the tail, and none can match without a literal word
    # no phrase starting after the last literal word can match either (speed only; worth it for the few literals a
    # sentence holds, ``triggers.Present.anonymous``)
    last = max(lower.rfind(w) for w in literals[1]) \
        if literals is not None and literals[0] and lower is not None and len(literals[1]) <= 8 else len(tail)
    pats = [lex.anonymous[i] for i in rows] if any_rx is None else ()  # (once, not per phrase; speed only)
    for m in _WORD_START.finditer(tail):
        if m.start() > last:
            break
        phrase = tail[m.start():]
        if not phrase[:1].isalpha() and not phrase[:1].isdigit():
            continue
        p = _undetermined(phrase)
        if any_rx is not None:
            hit = any_rx.fullmatch(p)
            if hit:
                nat = _nationality(phrase, lex)
                return _label(nat, lex.anonymous[(hit.lastindex or 1) - 1][1], phrase, lex), phrase
            continue
        for rx, label in pats:
            if rx.fullmatch(p):
                nat = _nationality(phrase, lex)
                return _label(nat, label, phrase, lex), phrase
    return None


_BACK_REFERENCE = re.compile(r"^\W*(?:the|these|those|that|this)\b|\b(?:tersebut|itu|ini)\b", re.I)


def anonymous_anaphora(sp: Speaker, earlier: list[str]) -> str:
    """"the official said", "kata pejabat tersebut": the anonymous source named before with the same head, not a new
    one; a first mention (or "another official") stays itself."""
    raw, lower = sp.raw, lowered(sp.raw)
    if may_search(_ANOTHER, raw, lower) and _ANOTHER.search(raw):  # (its words first; speed only)
        n = sum(1 for e in earlier if e.endswith(sp.name))
        return f"another {sp.name}" if n == 1 else f"{sp.name} ({n + 1})" if n else sp.name
    # (without "tersebut", "itu" or "ini" only the pattern's "^" branch can match: one try at the start, not a
    # search of the whole phrase; speed only)
    back = _BACK_REFERENCE.search(raw) if lower is None or "itu" in lower or "ini" in lower or "tersebut" in lower \
        else _BACK_REFERENCE.match(raw)
    if not back:
        # "Para pejabat mengatakan" after "para pejabat AS": a barer description of the source named before
        return next((e for e in reversed(earlier) if " " not in sp.name and e.endswith(f" {sp.name}")), sp.name)
    head = _head(sp.name)
    return next((e for e in reversed(earlier) if _head(e) == head), sp.name)


@functools.lru_cache(maxsize=1024)  # (read for every earlier source per statement; speed only)
def _head(label: str) -> str:
    return _PAREN_END.sub("", label).split()[-1].rstrip("s")
