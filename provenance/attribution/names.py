"""Names in a subject phrase: a capitalised run read as a person or an institution (or as no speaker: a pronoun,
a medium, a place, a title alone), for :mod:`.speakers`."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..registry import Registry
from .lexicon import Lexicon, TextMemo
from .words import _CALENDAR

# Patterns compiled once (speed only: the same patterns the functions below once passed to re.* per call).
_PAREN = re.compile(r"\([^)]*\)")
_OWNER_LEAD = re.compile(r"^(.+?)['’]s\s+\S")
_OWNER_TAIL = re.compile(r"['’]s\s+(.+)$")
_SITE_LEAD = re.compile(r"^\S*\.(?:com|co\.id|id)\s*[-–—]+\s*")
_POSSESSIVE_END = re.compile(r"['’]s$")
_CONTRACTION_END = re.compile(r"['’](?:ve|re|s|m|d|ll)$")
_WORD_END = re.compile(r"[\w)]$")
_THE_LEAD = re.compile(r"^the\s+", re.I)
_THE_LEAD_CASED = re.compile(r"^(?:the|The)\s+")
# Words that join the words of one name ("Bank of America", "bin Salman").
_CONNECT = {"of", "the", "for", "and", "dan", "pimpinan", "bin", "binti", "al", "el", "de", "van", "von", "der", "la", "le", "da",
            "du", "des", "y", "&"}
# Capitalised function words that open a sentence are not part of the subject: "Meski Iran mengatakan ...".
_OPENERS = {"meski", "meskipun", "walau", "walaupun", "namun", "tetapi", "sementara", "sedangkan", "adapun",
            "bahkan", "karena", "jika", "saat", "ketika", "setelah", "sebelum", "kini", "kemudian", "lalu", "selain",
            "however", "but", "and", "meanwhile", "also", "then", "still", "yet", "so", "now", "when", "after",
            "before", "if", "while", "although", "though", "because", "since", "another", "other", "both", "each",
            "in", "on", "at", "for", "with", "as", "di", "pada", "dalam", "untuk", "dengan", "menurut", "kata", "ujar",
            "to", "would", "could", "should", "did", "does", "recent", "often", "plus",
            "sebaliknya", "maka", "kemarin"}
# A headline's question words: "Why Can’t Taylor Swift ..." names nobody.
_QUESTION = {"why", "what", "how", "where", "when", "which", "whatever", "whoever", "one"}


@dataclass
class Speaker:
    name: str
    kind: str  # person | institution | anonymous
    cue: str
    raw: str  # as written (for merging institution spellings)

    # Speed only: written out, this __init__ is compiled (see sentences.Sentence); it does what the generated one does.
    def __init__(self, name: str, kind: str, cue: str, raw: str) -> None:
        self.name = name
        self.kind = kind
        self.cue = cue
        self.raw = raw


def _is_cap(tok: str) -> bool:
    t = tok.lstrip("(\"“'‘")
    return bool(t) and (t[0].isupper() or t[0] == "@")


def _strip_titles(tokens: list[str], lex: Lexicon) -> list[str]:
    i = 0
    while i < len(tokens) and (tokens[i].strip("(),") in lex.titles or tokens[i].casefold() in _CONNECT
                               or _bracketed(tokens[i])):
        i += 1
    return [t for t in tokens[i:] if not _bracketed(t)]


def _bracketed(tok: str) -> bool:
    """``_PAREN.fullmatch(tok)``, searched only for a token that opens with a bracket (speed only)."""
    return tok[:1] == "(" and _PAREN.fullmatch(tok) is not None


def _word_end(run: str) -> bool:
    """``_WORD_END.search(run) is not None`` for a non-empty `run`, read off its last characters ("$" matches at the end
    and before a final newline; \\w is a letter, digit or "_"): the search tried every position (speed only)."""
    ch = run[-1]
    if ch.isalnum() or ch == "_" or ch == ")":
        return True
    ch = run[-2] if ch == "\n" and len(run) > 1 else ""
    return ch != "" and (ch.isalnum() or ch == "_" or ch == ")")


def _NO_MATCH(_text: str) -> None:
    return None


@functools.lru_cache(maxsize=8)
def _matches_empty(rx: re.Pattern) -> bool:
    return rx.fullmatch("") is not None


# speed only: a run -> the (name, kind, raw) `_classify` reads from it (empty: no speaker), for one lexicon and
# registry at a time (the reading depends on them and the run alone: the cue is passed through); the same names recur
# within an article and across articles
_CLASSIFIED = TextMemo(16384)


def classify(run: str, lex: Lexicon, registry: Registry, cue: str) -> Speaker | None:
    """A capitalised name run -> person or institution (or None: pronoun, medium, place, title only). (Read once per
    run, lexicon and registry: ``_classify``; a new Speaker each call, as callers may change it; speed only.)"""
    table: dict[str, tuple[str, ...]] = _CLASSIFIED.table(lex, registry)
    hit = table.get(run)
    if hit is None:
        sp = _classify(run, lex, registry, cue)
        hit = table[run] = (sp.name, sp.kind, sp.raw) if sp is not None else ()
    return Speaker(hit[0], hit[1], cue, hit[2]) if hit else None


def _classify(run: str, lex: Lexicon, registry: Registry, cue: str) -> Speaker | None:
    """``classify`` itself; the Speaker's cue is `cue`, whatever the run."""
    # (each pattern below is applied only when the text holds a character it needs: speed only, same result)
    run = run.strip(" ,.'’\"“”")
    if "." in run:
        run = _SITE_LEAD.sub("", run)  # "KOMPAS.com- Kepala ..."
    if "'" in run or "’" in run:
        run = _POSSESSIVE_END.sub("", run)
    first = run.split()[0] if run else ""
    if "'" in first or "’" in first:
        first = _CONTRACTION_END.sub("", first)
    first = first.casefold()
    if not run or run.casefold() in lex.pronouns or first in lex.pronouns or first in _QUESTION:
        return None  # "We’ve", "Why Can’t Taylor Swift ...": a pronoun or a headline's question, no name
    if "=" in run or not _word_end(run):
        return None  # "XAU=", "So-": a ticker or a cut word
    # (the lead "the" only stripped from a run that opens with a t: the same run looked up twice otherwise; speed only)
    if registry.resolve(run) or (run[0] in "tT" and registry.resolve(_THE_LEAD.sub("", run))):
        return None
    apostrophe = "'" in run or "’" in run  # (both owner patterns need one: speed only)
    owner = _OWNER_LEAD.match(run) if apostrophe else None
    if owner and registry.resolve(owner.group(1)):
        return None  # "NPR’s Feng": the medium's reporter, the medium is credited
    tokens = run.split()
    while tokens and (tokens[0].casefold().strip(",") in _OPENERS or tokens[0].endswith("-based")
                      or (len(tokens) > 1 and tokens[0].endswith("ing") and tokens[0][0].isupper())):
        tokens.pop(0)  # "Namun Mendagri", "Menurut Mualem", "London-based ...", "Questioning Vindman"
    if not tokens or not _is_cap(tokens[-1]) or _bracketed(tokens[0]):
        return None  # "(NORTHCOM)" alone is the tail of a name cut by the subject parser
    if all(t.casefold() in _CALENDAR or t.casefold().strip(",") in lex.countries for t in tokens):
        return None  # "Friday", "Minggu", "Russia": a day or a country is no speaker
    if len(tokens) == 1 and tokens[0].endswith("s") and tokens[0][:-1] in lex.titles:
        return None  # "Presidents say these things": a plural role, nobody named
    run = " ".join(tokens)
    owner = _OWNER_TAIL.search(run) if apostrophe else None  # "The We Company’s recently named executive chair Marcelo Claure"
    if owner:
        after = owner.group(1).split()
        owned: list[str] = []
        while after and _is_cap(after[-1]) and after[-1] not in lex.titles:
            owned.insert(0, after.pop())
        if 2 <= len(owned) <= 4 and after and (not _is_cap(after[-1]) or after[-1] in lex.titles) \
                and not lex.institution_rx.search(" ".join(owned)) and not registry.resolve(" ".join(owned)):
            return Speaker(" ".join(owned), "person", cue, " ".join(owned))
    inst = lex.institution_rx.search(run)
    # a token the institution pattern fullmatches, bare, is found by the search of the run too (its words stand
    # between spaces, brackets and commas, no word characters, and the pattern's edges are none; unless the pattern
    # matches the empty string): without a hit, no token is tried (speed only)
    whole = lex.institution_rx.fullmatch if inst or _matches_empty(lex.institution_rx) else _NO_MATCH
    tail: list[str] = []
    for tok in reversed(tokens):
        bare = tok.strip("(),")
        if bare in lex.titles or whole(bare) or bare.casefold() in lex.countries \
                or tok.casefold() in _CONNECT or not _is_cap(tok):
            break
        tail.insert(0, tok)
    if "of" in tokens:  # "Senator Bob Corker of Tennessee", "Jane Roe of the University of X": the person speaks
        i = tokens.index("of")
        if i >= 2 and all(_is_cap(t) and t not in lex.titles for t in tokens[i - 2:i]) \
                and not lex.institution_rx.search(" ".join(tokens[:i])):
            return _classify(" ".join(tokens[:i]), lex, registry, cue)
    starts_with_title = tokens[0] in lex.titles and not lex.countries.get(tokens[0].casefold())
    before_tail = tokens[len(tokens) - len(tail) - 1] if tail and len(tail) < len(tokens) else ""
    titled_name = len(tail) >= 2 and before_tail in lex.titles
    if before_tail.casefold() in _CONNECT:
        starts_with_title = False  # "Korean Institute for Marine Safety": the tail ends the institution's name
    if inst and not ((starts_with_title or titled_name) and tail and inst.start() < run.find(tail[0])):
        name = _THE_LEAD_CASED.sub("", run)
        return Speaker(name, "institution", cue, name)
    person = tail or _strip_titles(tokens, lex)
    if not person or len(person) > 5 or person[0].casefold() in _CONNECT:
        return None
    name = " ".join(person).strip(",")
    if name.casefold() in lex.pronouns or len(name) < 2:
        return None
    return Speaker(name, "person", cue, name)
