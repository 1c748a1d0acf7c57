"""Cutting boilerplate glued inside a line ("… Baca juga: <headline> …", "ADVERTISEMENT" mid-paragraph).

Scrapes that lose their line breaks glue a related-link headline between two sentences. The headline is a
title-case run (most Indonesian and English outlets capitalise headline words), so the cut extends over the run
of capitalised tokens and stops at the first lower-case word; the last capitalised token before that word is
usually the subject of the next sentence ("… di Ujung Tanduk Trump mengumumkan …"), so it is given back.
"""

from __future__ import annotations

import re

from ..literals import lowered, may_search
from .gate import Gate, gate_for
from .predicates import is_sentence
from .rules import InlineRule

# Short words left lower-case inside title-case headlines (Indonesian and English).
FUNCTION_WORDS = frozenset(
    """di ke dari dan yang untuk pada dengan atau oleh dalam soal tapi tetapi vs usai jadi karena bagi
    of the a an in on at to for and or with by as from vs via over into is are be""".split()
)
_TOKEN = re.compile(r"\S+")
# A lower-case letter followed by a capital inside one token: two items glued together ("IranMenurut").
_GLUE = re.compile(r"(?<=[a-z\u00E0-\u024F0-9.?!:)])(?=[A-Z][a-z])")


def _title_token(tok: str) -> bool:
    core = tok.strip("\"“”'‘’()[],:;")
    if not any(c.isalnum() for c in core):
        return True  # punctuation such as "-" or "|" inside a headline
    head = core[0]
    return head.isupper() or head.isdigit() or core.lower() in FUNCTION_WORDS


def headline_extent(text: str, start: int) -> int:
    """End offset of the title-case headline beginning at ``start`` (``start`` when there is none)."""
    tokens = list(_TOKEN.finditer(text, start))
    run: list[re.Match[str]] = []
    for tok in tokens:
        if not _title_token(tok.group()):
            break
        run.append(tok)
    if not run:
        return start
    if len(run) == len(tokens):
        return len(text)  # the headline runs to the end of the line
    last = run[-1]
    glue = [m.start() for m in _GLUE.finditer(last.group())]
    if glue:
        # "…Serang IranMenurut Elbit" -> the next sentence starts at the glued capital.
        return last.start() + glue[-1]
    if len(run) > 1 and last.group()[0].isupper():
        return run[-2].end()  # give back the next sentence's subject
    return last.end()


def _join(before: str, after: str, removed_ws: bool) -> str:
    if not before or not after:
        return before + after
    return before.rstrip() + (" " if removed_ws or before[-1].isspace() else "") + after.lstrip()


def cut_inline(text: str, rules: list[InlineRule], gate: Gate | None = None,
               lower: str | None | bool = False, found: set[str] | None = None
               ) -> tuple[str, list[tuple[str, InlineRule]]]:
    """Apply the inline rules in order; return the remaining text and the pieces cut with their rule.
    ``gate``: ``gate_for`` of the rules' patterns, when the caller has it; ``lower``: ``literals.lowered(text)``
    when the caller has it (False: not known); ``found``: what a Walk holding ``gate`` found in ``lower``,
    when the caller has it."""
    cuts: list[tuple[str, InlineRule]] = []
    low: str | None = lowered(text) if isinstance(lower, bool) else lower
    lowered_for = text
    # speed only: until a cut changes the text, the rules the gate (gate.py) rules out cannot match
    if gate is None:
        gate = gate_for([rule.pattern for rule in rules], [None] * len(rules))
    context = gate.candidates(text, low, 0, found)
    if not context:
        return text.strip(), cuts
    for k, rule in enumerate(rules):
        if not cuts and not gate.possible(k, context):
            continue
        if lowered_for is not text:
            low, lowered_for = lowered(text), text
        if not may_search(rule.pattern, text, low):
            continue  # the line lacks the rule's literal words: no match anywhere (speed only)
        pos = 0
        while True:
            m = rule.pattern.search(text, pos)
            if not m:
                break
            end = m.end()
            if rule.headline:
                end = headline_extent(text, end)
                if end == m.end() and m.end() < len(text) and not m.group().rstrip().endswith(":"):
                    pos = m.end()  # "Baca juga" without a headline or a colon: ordinary words, leave them
                    continue
            rest = text[end:].strip()
            if rule.headline and m.start() == 0 and len(rest.split()) < 8 and not is_sentence(rest):
                end = len(text)  # a link line in its own right: the tail of a sentence-case headline goes too
            piece = text[m.start():end]
            if not piece.strip():
                pos = end + 1
                continue
            cuts.append((piece.strip(), rule))
            ws = piece[:1].isspace() or piece[-1:].isspace() or (end < len(text) and text[end].isspace())
            text = _join(text[: m.start()], text[end:], ws)
            pos = m.start()
    return text.strip(), cuts
