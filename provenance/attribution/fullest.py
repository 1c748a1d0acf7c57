"""The fullest form of a person's name in one article: up to three name words before the last word of the name as a
statement gives it ("Trump" -> "Donald Trump"), titles, openers and a headline's words aside; for :mod:`.normalise`."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from .lexicon import Lexicon, TextMemo
from .names import _OPENERS, _QUESTION

_NAME_TOK = r"[A-Z][\w'’.-]*"
# Name characters: every match of _fullest_rx is made of them (a surname of them alone goes to _name_matches).
_NAME_CHARS = re.compile(r"[\w'’. \t-]+")
# Read on the reversed body from just before a surname: the (up to) three words before it, nearest first.
_WORDS_BEFORE = re.compile(r"[ \t]+([\w'’.-]+)(?:[ \t]+([\w'’.-]+))?(?:[ \t]+([\w'’.-]+))?")
# _fullest_rx's repeated name words, each group ending where the next word (or the surname) may begin
_NAME_WORDS = re.compile(rf"({_NAME_TOK}[ \t]+)(?:({_NAME_TOK}[ \t]+)({_NAME_TOK}[ \t]+)?)?")


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"  # re's \w for one character of a str pattern


def _name_match_at(body: str, p: int, last: str) -> int | None:
    """Where ``_fullest_rx(last).match(body, p)`` ends (None: no match), without compiling a pattern per surname:
    the greedy repeat tries three words, then two, then one, before `last` and its word boundary."""
    m = _NAME_WORDS.match(body, p)
    if m is None:
        return None
    edge = _is_word(last[-1])
    regs = m.regs  # (every group's span, (-1, -1) when it did not match, in one read: no call per group; speed only)
    for g in (3, 2, 1):
        e = regs[g][1]
        if e >= 0 and body.startswith(last, e):
            q = e + len(last)
            if (q < len(body) and _is_word(body[q])) != edge:
                return q
    return None


def _first_capital(body: str, a: int, b: int) -> int:
    """``re.compile("[A-Z]").search(body, a, b)``'s start, -1 for none."""
    for k in range(a, b):
        if "A" <= body[k] <= "Z":
            return k
    return -1


def _capital_before(body: str, k: int, pos: int) -> bool:
    """False only when the word before the spaces and tabs that end at body[k] (not reaching before `pos`) holds no
    capital A-Z, so that _name_matches finds no match there (speed only: "said Trump" costs no pattern calls). The
    text from the space before that word holds the word: no capital in it, none in the word."""
    while k >= pos and body[k] in " \t":
        k -= 1
    seg = body[max(pos, body.rfind(" ", pos, k + 1) + 1): k + 1]
    return seg.lower() != seg


def _name_matches(body: str, last: str, rbody: str) -> list[tuple[int, int]]:
    """The spans of ``_fullest_rx(last).finditer(body)`` when `last` holds only name characters (speed only:
    finditer tried the pattern at every position of the body, and each new surname cost a compiled pattern). A
    match is 1-3 words of name characters then `last` after a space or tab, so it starts in one of the three words
    before an occurrence of `last`, at a capital; every capital of a word reads the same words after it, so the
    word's first capital (at or after the end of the last match) stands for all of them; occurrences are tried in
    text order, as finditer would. `rbody`: body[::-1]. (A list, not a generator: cheaper compiled; speed only.)"""
    out: list[tuple[int, int]] = []
    n = len(body)
    pos = 0
    i = body.find(last, 1)
    while i >= 0:
        if i > pos and body[i - 1] in " \t" and _capital_before(body, i - 1, pos):
            words = _WORDS_BEFORE.match(rbody, n - i, n - pos)
            # a match from a word farther back reads the words after it as name words, each opening with a
            # capital (or reads one of them as `last`: an earlier occurrence, tried already)
            # (the groups' spans read once, (-1, -1) for one that did not match, and each word's first capital
            # found by a loop, not a search: no call per group or word; speed only)
            regs = words.regs if words is not None else ()
            near = _first_capital(body, n - regs[1][1], n - regs[1][0]) if regs else -1
            if near >= 0:
                back = 1
                if near == n - regs[1][1] and regs[2][1] >= 0:
                    back = 3 if regs[3][1] >= 0 and "A" <= body[n - regs[2][1]] <= "Z" else 2
                for g in range(back, 0, -1):  # the farthest word first: finditer returns the leftmost match
                    cap = _first_capital(body, n - regs[g][1], n - regs[g][0]) if g > 1 else near
                    q = _name_match_at(body, cap, last) if cap >= 0 else None
                    if q is not None:
                        out.append((cap, q))
                        pos = q
                        break
        i = body.find(last, i + 1)
    return out


@functools.lru_cache(maxsize=256)
def _fullest_rx(last: str) -> re.Pattern[str]:
    """Up to three name words before `last` (the definition; _name_matches finds the same matches when `last` holds
    only name characters; this pattern serves the others). Compiled once per word: re's own cache is shared with every
    other pattern (speed only)."""
    return re.compile(rf"((?:{_NAME_TOK}[ \t]+){{1,3}}){re.escape(last)}\b")


# speed only: a match's text -> the fuller name it offers (None: none), for the lexicon it was read with; the
# same "Donald Trump" recurs within an article and across articles
_OFFERS = TextMemo(65536)


def _offer(text: str, lex: Lexicon) -> str | None:
    """The name a match of _fullest_rx offers, before the test against the short name; None when it offers none."""
    offers = _OFFERS.table(lex)
    if text in offers:
        return offers[text]
    toks = text.split()
    cand: str | None = None
    if not any(t.endswith(".") and len(t) > 3 for t in toks[:-1]):  # "Reuters. Trump": a sentence ended between
        while toks and (toks[0] in lex.titles or toks[0].casefold() in lex.countries or toks[0].casefold() in _OPENERS
                        or toks[0].casefold() in _QUESTION):
            toks.pop(0)
        verb = max((i for i, t in enumerate(toks) if t.endswith(("'t", "’t"))), default=-1)
        toks = toks[verb + 1:]  # "Why Can’t Taylor Swift": a headline's words before the name
        cut = max((i for i, t in enumerate(toks[:-1]) if t in lex.titles), default=-1)
        toks = toks[cut + 1:]  # "Emirates President Tim Clark": a name has no title inside it
        cand = " ".join(toks)
        if len(toks) > 4 or lex.institution_rx.search(cand) or cand.endswith(("Jr.", "Jr")):
            cand = None
    offers[text] = cand
    return cand


def _offers(last: str, body: str, lex: Lexicon, rbody: str | None) -> list[str]:
    """The fuller names the matches of _fullest_rx(last) in `body` offer, in order (None offers left out)."""
    found: Iterable[tuple[int, int]]
    if _NAME_CHARS.fullmatch(last):
        found = _name_matches(body, last, body[::-1] if rbody is None else rbody)
    else:  # a surname with other characters ("(Jr.)"): the pattern itself, over the whole body
        found = (m.span() for m in _fullest_rx(last).finditer(body))
    out: list[str] = []
    for a, b in found:
        cand = _offer(body[a:b], lex)
        if cand is not None:
            out.append(cand)
    return out


def _fullest(name: str, body: str, lex: Lexicon, rbody: str | None = None,
             seen: dict[str, list[str]] | None = None) -> str:
    """The fullest form of `name` in `body`: up to three name words before its last word. `rbody`: body[::-1], when
    the caller has it (once per article; speed only). `seen`: the offers by last word for this body and lexicon,
    kept by the caller ("Trump" and "Donald Trump" read the body's "Trump"s once; speed only)."""
    last = name.split()[-1]
    if seen is None:
        cands = _offers(last, body, lex, rbody)
    else:
        hit = seen.get(last)
        cands = seen[last] = _offers(last, body, lex, rbody) if hit is None else hit
    best = name
    for cand in cands:
        if name in cand and len(cand) > len(best):
            best = cand
    return best
