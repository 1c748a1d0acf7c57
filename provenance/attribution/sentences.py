"""Sentence spans over the cleaned body. Every evidence string is body[start:end] of one of these spans."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Tokens that end in a full stop without ending the sentence ("Dr. Gupta", "U.S. officials", "James B. Comey").
_ABBREV = {
    "mr", "mrs", "ms", "dr", "jr", "sr", "st", "gen", "lt", "col", "maj", "capt", "sgt", "sen", "rep", "gov", "prof",
    "u.s", "u.n", "u.k", "no", "inc", "corp", "co", "ltd", "vs", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "a.m", "p.m", "dll", "dsb", "tsb", "yth", "h", "hj", "ir", "drs", "mt", "ft", "adm", "cmdr", "pt", "tbk", "e.g", "i.e", "etc", "approx", "d.c",
}
# ("[.!?][.!?]*" is "[.!?]+" written so the pattern opens with a character set: the engine skips to the marks
# instead of trying every position; speed only, same matches)
_END = re.compile(r"[.!?][.!?]*[\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])")


@dataclass(slots=True)  # (not frozen: a frozen dataclass is built ~4x slower, ~46 per article; speed only)
class Sentence:
    start: int
    end: int
    text: str
    line: int  # index of the body line it sits on
    line_start: bool  # first sentence of its line

    # Speed only: written out, this __init__ is compiled (the one @dataclass writes runs as interpreted Python, and
    # an article builds dozens of sentences); it does what the generated one does.
    def __init__(self, start: int, end: int, text: str, line: int, line_start: bool) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.line = line
        self.line_start = line_start


def _dot_matches(line: str) -> list[re.Match[str]]:
    """``list(_END.finditer(line))`` for a line without "!" or "?": every match starts at a ".", so only those are
    tried (speed only: str.find skips to them faster than the regex engine tests each character against its set)."""
    out = []
    match = _END.match
    i = line.find(".")
    while i >= 0:
        m = match(line, i)
        if m is None:
            i = line.find(".", i + 1)
        else:
            out.append(m)
            i = line.find(".", m.end())
    return out


def split(body: str) -> list[Sentence]:
    out: list[Sentence] = []
    append = out.append
    finditer = _END.finditer
    pos = 0
    for lineno, line in enumerate(body.split("\n")):
        base = pos
        pos += len(line) + 1
        if not line:
            continue  # (an empty line holds no sentence; speed only)
        start = 0
        first = True
        for m in finditer(line) if "!" in line or "?" in line else _dot_matches(line):
            end = m.start()
            # the token before the mark ("Dr", "U.S", "B"): none when whitespace precedes it (speed only: a split
            # instead of a search for "(\S+)$", same token)
            if end > start and not line[end - 1].isspace():
                token = line[start:end].rsplit(None, 1)[-1].casefold().rstrip(".")
                if token in _ABBREV or (len(token) == 1 and token.isalpha()):
                    continue
            # the piece line[start:m.end()] without its surrounding whitespace (inlined; speed only: two strips)
            piece = line[start:m.end()]
            lead = piece.lstrip()
            text = lead.rstrip()
            if text:
                s = base + start + len(piece) - len(lead)
                append(Sentence(s, s + len(text), text, lineno, first))
            first = False
            start = m.end()
        piece = line[start:] if start else line
        lead = piece.lstrip()
        text = lead.rstrip()
        if text:
            s = base + start + len(piece) - len(lead)
            append(Sentence(s, s + len(text), text, lineno, first))
    return out
