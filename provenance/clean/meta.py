"""Metadata found on the way: outlet as written, author, editor, published date, language.

The outlet comes from the dateline of the first body lines ("Jakarta, IDN Times -", "WASHINGTON (Reuters) -",
"Liputan6.com, Teheran -", "Pantau - …", "Jakarta, Pahami.id") and is returned AS WRITTEN: the mapper's
registry canonicalises it. Author and editor come from the byline lines the rules removed.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources
from typing import Any

import ahocorasick

from ..records import Metadata, Removed
from .gate import _by_common
from .lines import Line

_DASH = r"\s*(?:-{1,2}|–|—)"
_OUTLET = r"[A-Z][\w.&'’]*(?:\s[A-Z][\w.&'’]*){0,3}"
# Order matters: the most explicit forms first.
_DATELINES = [
    # "WASHINGTON (Reuters) -", "(CNN)", "SAN FRANCISCO (AP) —"
    re.compile(r"^(?:[A-Z][A-Z./, ]{1,40})?\s*\((?P<outlet>[A-Z][\w.&' ]{1,30})\)(?:" + _DASH + r"|\s)"),
    # "Jakarta, IDN Times -", "JAKARTA,KOMPAS.com -", "TEHERAN, KOMPAS.com --", "Jakarta, CNN Indonesia --"
    re.compile(r"^(?P<city>[A-Z][A-Za-z .]{1,30}),\s*(?P<outlet>" + _OUTLET + r")" + _DASH),
    # "Liputan6.com, Teheran -", "REPUBLIKA.CO.ID, LONDON --", "TEMPO.CO,Jakarta-", "Kompas.com -"
    re.compile(r"^(?P<outlet>[A-Za-z0-9-]+(?:\.[A-Za-z]{2,4}){1,2})\s*(?:,|" + _DASH + r")"),
    # "Jakarta, Pahami.id" alone on its line
    re.compile(r"^(?P<city>[A-Z][A-Za-z .]{1,30}),\s*(?P<outlet>" + _OUTLET + r")$"),
    # "Pantau - …" (checked against the place list below)
    re.compile(r"^(?P<outlet>[A-Z][\w.]*(?:\s[A-Z][\w.]*){0,2})" + _DASH + r"\s"),
]
_MONTHS = {
    m: i for i, names in enumerate(
        [("januari", "january", "jan"), ("februari", "february", "feb", "pebruari"), ("maret", "march", "mar"),
         ("april", "apr"), ("mei", "may"), ("juni", "june", "jun"), ("juli", "july", "jul"),
         ("agustus", "august", "aug", "agu", "agt"), ("september", "sep", "sept"),
         ("oktober", "october", "oct", "okt"), ("november", "nov", "nop"), ("desember", "december", "dec", "des")],
        start=1) for m in names
}
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DATES = [
    (re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)(?!\d)"), "ymd"),
    (re.compile(r"\b(?P<d>\d{1,2})\s+(?P<mon>" + _MONTH_RE + r")\.?\s+(?P<y>(?:19|20)\d\d)\b", re.I), "dmy"),
    (re.compile(r"\b(?P<mon>" + _MONTH_RE + r")\.?\s+(?P<d>\d{1,2}),?\s+(?P<y>(?:19|20)\d\d)\b", re.I), "mdy"),
    (re.compile(r"\b(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>(?:19|20)\d\d)\b"), "dmy"),
]
_BYLINE = re.compile(
    r"(?P<role>penulis|reporter|pewarta|jurnalis|writer|author|written by|ditulis oleh|by|editor|redaktur|"
    r"diedit oleh|edited by)\s*[:|]?\s*(?P<name>[^|()\n]+)", re.I)
_EDITOR_ROLES = {"editor", "redaktur", "diedit oleh", "edited by"}
_ID_WORDS = frozenset("yang dan di dengan untuk dari ini itu pada tidak akan dalam adalah juga kata bahwa".split())
_EN_WORDS = frozenset("the and of to in that is was for on with said as by from at it".split())


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    text = (resources.files("provenance") / "data" / "datelines.toml").read_text(encoding="utf-8")
    return frozenset(c.lower() for c in tomllib.loads(text)["cities"])


def find_outlet(text: str) -> str | None:
    text = text.replace("**", "").strip()
    for pattern in _DATELINES:
        m = pattern.match(text)
        if not m:
            continue
        outlet = m.group("outlet").strip().rstrip(".,")
        if outlet.isupper() and "." not in outlet and len(outlet) > 4 and pattern is _DATELINES[-1]:
            continue  # "WASHINGTON -", "LOS ANGELES -": a place, not an outlet
        if outlet.lower() in _places():
            continue
        return outlet
    return None


def is_dateline(text: str) -> bool:
    return find_outlet(text) is not None and len(text.split()) <= 6


# Speed only: every date form holds a year "19xx"/"20xx" standing as its own token, followed by "-" (ymd) or
# preceded by "/" (d/m/y) or by white space after a month name (dmy) or a day number (mdy). Finding the years is a
# fast scan; a date pattern (slow: a month-name alternation tried at every word) runs only when one year has the
# company its form needs. (A year hidden inside an earlier "19xx" match has a digit before it: no form's year.)
# The years are found by a scan for each literal ("19", "20"): the regex engine skips to one literal fast, to either
# of two characters slowly (each match leaves the two digits after it, and no "19" or "20" starts inside "19" or
# "20", so every start is found).
_YEAR_STARTS = (re.compile(r"19(?=\d\d)"), re.compile(r"20(?=\d\d)"))


def _years(text: str) -> list[int]:
    """Where the matches of the year pattern "(?:19|20)dd" (d a digit) start, in order, as finditer finds them: the
    starts of both scans in order, less each one inside the four characters of the year kept before it (finditer
    goes on after its match)."""
    starts = sorted([m.start() for m in _YEAR_STARTS[0].finditer(text)]
                    + [m.start() for m in _YEAR_STARTS[1].finditer(text)])
    years = []
    free = 0
    for p in starts:
        if p >= free:
            years.append(p)
            free = p + 4
    return years


_BEFORE_MONTH = re.compile(r"(?:" + _MONTH_RE + r")\.?\Z", re.I)
# _BEFORE_MONTH's forms lower-cased, for str.endswith on an ASCII window
_MONTH_ENDS = tuple(sorted({m + dot for m in _MONTHS for dot in ("", ".")}))


def _ws_start(text: str, i: int) -> int:
    """Where the run of white space ending at ``i`` starts."""
    while i and text[i - 1].isspace():
        i -= 1
    return i


def _mdy_start(text: str, p: int) -> int:
    """No mdy date ("Jan. 5, 2024") with its year at ``p`` starts before this: from the year back over white
    space, a comma, the day's two digits at most, white space, a dot and a month name (nine letters at most)."""
    i = _ws_start(text, p)
    if text[i - 1:i] == ",":
        i -= 1
    for _ in range(2):
        if i and text[i - 1].isdecimal():
            i -= 1
    i = _ws_start(text, i)
    if text[i - 1:i] == ".":
        i -= 1
    return max(0, i - 9)


def _dmy_start(text: str, p: int) -> int:
    """The same for dmy ("5 Jan. 2024"): back over white space, a dot, a month name of three to nine letters,
    white space and the day's two digits at most."""
    i = _ws_start(text, p)
    if text[i - 1:i] == ".":
        i -= 1
    return max(0, min((_ws_start(text, i - n) for n in range(3, 10) if i >= n), default=i) - 2)


def _date_forms(text: str) -> tuple[int | None, ...]:
    """For each form in _DATES (in their order), None when it cannot match ``text``, else a position no match
    of it starts before (a search from there finds the same first match: speed only, the month patterns are
    slow to try at every word of the text before)."""
    ymd = dmy = mdy = slash = None
    for p in _years(text):
        if text.startswith("-", p + 4) and ymd is None:
            ymd = 0
        if p and text[p - 1] == "/":
            if slash is None:
                slash = 0
        elif p and text[p - 1].isspace():  # str.isspace and the regex \s agree (the same Unicode table)
            # the 12 characters before the white space (found in place: no copy of the text before the year)
            end = _ws_start(text, p)
            window = text[max(0, end - 12):end]
            # "\d,?" before the year: \d and str.isdecimal agree (Unicode category Nd)
            if window[-1:].isdecimal() or (window.endswith(",") and window[-2:-1].isdecimal()):
                if mdy is None:
                    mdy = _mdy_start(text, p)
            elif dmy is None and (window.lower().endswith(_MONTH_ENDS) if window.isascii()
                                  else _BEFORE_MONTH.search(window) is not None):
                dmy = _dmy_start(text, p)
        if ymd is not None and dmy is not None and mdy is not None and slash is not None:
            break
    return ymd, dmy, mdy, slash


def find_date(text: str) -> str | None:
    """The earliest full date in ``text`` as ISO YYYY-MM-DD (Indonesian and English forms)."""
    forms = _date_forms(text)
    if forms == (None, None, None, None):
        return None
    best: tuple[int, str] | None = None
    for (pattern, _order), start in zip(_DATES, forms, strict=True):
        if start is None:
            continue
        for m in pattern.finditer(text, start):
            parts = m.groupdict()
            # casefold, not lower: the pattern is case-blind, so "ſep" and "oKt" (Kelvin sign) match it too
            mon = _MONTHS.get(parts["mon"].casefold(), 0) if parts.get("mon") else int(parts["m"])
            d, y = int(parts["d"]), int(parts["y"])
            if 1 <= mon <= 12 and 1 <= d <= 31 and (best is None or m.start() < best[0]):
                best = (m.start(), f"{y:04d}-{mon:02d}-{d:02d}")
            break  # the first match of each form is enough
    return best[1] if best else None


# speed only: the tokens re.findall("[a-z]+") gives, from C calls: each character that is not ASCII turned into one
# "?" by the ASCII encoding, then each byte that is not a-z into a space
_NOT_AZ = bytes(c if 97 <= c <= 122 else 32 for c in range(256))
# speed only: both counts in one pass, in C: an Indonesian word adds 1, an English one 1 << 32 (a text of 5000
# characters has far fewer than 1 << 32 tokens)
_EN_SHIFT = 32
_WORD_WEIGHT = {w: (w in _ID_WORDS) + ((w in _EN_WORDS) << _EN_SHIFT) for w in _ID_WORDS | _EN_WORDS}


def _word_automaton() -> Any:
    """Speed only: the counted words as " word ", found in the space-padded token text by one Aho-Corasick walk
    in C (overlapping matches too, so "the the" counts twice), instead of hashing every token of the text to
    look it up: a match is a whole token, as the spaces around it stand for the non-letters. Keys added in
    gate's order of common characters (see gate._by_common)."""
    automaton = ahocorasick.Automaton()
    for word in sorted(_WORD_WEIGHT, key=lambda w: _by_common(f" {w} ")):
        automaton.add_word(f" {word} ", _WORD_WEIGHT[word])
    automaton.make_automaton()
    return automaton


_WORD_FIND_ALL = _word_automaton().find_all


def guess_language(text: str) -> str | None:
    # (lower-casing can lengthen non-ASCII text, so only ASCII text is cut before it: speed only)
    low = text[:5000].lower() if text.isascii() else text.lower()[:5000]
    tokens = low.encode("ascii", "replace").translate(_NOT_AZ).decode("ascii")
    weights: list[int] = []
    # find_all calls back with (end index, weight); list.insert keeps the weights (where does not matter: summed)
    _WORD_FIND_ALL(f" {tokens} ", weights.insert)
    total = sum(weights)
    ids, ens = total & ((1 << _EN_SHIFT) - 1), total >> _EN_SHIFT
    if ids + ens < 3:
        return None
    return "id" if ids > ens else "en"


def _people(removed: list[Removed]) -> tuple[str | None, str | None]:
    author = editor = None
    pending_role: str | None = None
    for piece in removed:
        if not piece.rule.startswith("byline"):
            continue
        text = piece.text.strip().lstrip("-–•* ").replace("**", "")
        if re.fullmatch(r"(?i)(penulis|reporter|pewarta|jurnalis|writer|author|by|oleh|editor|redaktur)\s*:?", text):
            pending_role = text.rstrip(" :").lower()
            continue
        if pending_role and piece.rule == "byline.block":
            if pending_role in _EDITOR_ROLES:
                editor = editor or text
            else:
                author = author or text
            pending_role = None
            continue
        # table rows ("| 👤 Author | Name |") and inline credits ("(Reporter: A | Editor: B)")
        row = re.match(r"^\|[^|\w]*(\w[\w ]*?)\s*\|\s*(.+?)\s*\|?$", text)
        pairs = [(row.group(1), row.group(2))] if row else [(m.group("role"), m.group("name"))
                                                           for m in _BYLINE.finditer(text)]
        for role, name in pairs:
            role, name = role.lower().strip(), name.strip(" :-")
            if not name or role not in {"penulis", "reporter", "pewarta", "jurnalis", "writer", "author",
                                        "written by", "ditulis oleh", "by", *_EDITOR_ROLES}:
                continue
            if role in _EDITOR_ROLES:
                editor = editor or name
            else:
                author = author or name
    return author, editor


def extract(lines: list[Line], removed: list[Removed], title: str | None, body: str,
            published: str | None = None) -> Metadata:
    meta = Metadata(title=title)
    for line in [ln for ln in lines if ln.removed is None and ln.text][:3]:  # (Line.kept inlined: speed only)
        meta.outlet = find_outlet(line.norm)
        if meta.outlet:
            break
    meta.author, meta.editor = _people(removed)
    # the date of publication sits in the dateline or the first paragraphs; later dates are often history
    head = " ".join([ln.text for ln in lines if ln.text][:12])[:4000]
    meta.published = published or find_date(head)
    meta.language = guess_language(body)
    return meta
