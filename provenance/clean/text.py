"""The text pipeline: data rules (blocks, lines, inline cuts), then structural passes, then metadata.

Order matters and is deliberate:
1. block rules see the raw lines, so a bare "Baca juga:" label still has its headlines under it;
2. reference sections are protected from the guesses that follow;
3. duplicates are dropped before inline cuts change the lines they are compared with;
4. whole-line rules anchored at the start of the line, then inline cuts, then the other whole-line rules on
   what the cuts left: a prompt glued to the end of a real line ("… Loading...Ikuti channel X") must cost the
   line its tail, not the whole line;
6. shape guesses (menus, alt text, split prompts) and the title last, once the boilerplate above it is gone.
"""

from __future__ import annotations

import logging

from ..records import Cleaned, Removed
from . import meta, structure
from .gate import gate_for, memo_for, walk_for
from .inline import cut_inline
from .lines import apply_block_rules, apply_line_rules, block_gate, line_gate, split_lines
from .rules import RuleSet

log = logging.getLogger(__name__)


def _first_pass(rule) -> bool:
    """The line rules tried before the inline cuts (one function, not a lambda per call: the passes remember
    their rule tables by it)."""
    return rule.pattern.pattern.startswith("^") and rule.kind != "related"


def clean_lines(text: str, rules: RuleSet, title: str | None = None, guesses: bool = True,
                published: str | None = None) -> Cleaned:
    """Clean plain text. ``guesses=False`` skips the shape guesses made for flattened page scrapes (menus,
    repeated paragraphs, a headline-shaped first line): text from an HTML extractor has had its page structure
    used already, and there those guesses mostly hit lists and tables of the article itself."""
    lines = split_lines(text)
    inline_gate = memo_for(rules.inline, "inline",
                           lambda: gate_for([rule.pattern for rule in rules.inline], [None] * len(rules.inline)))
    # speed only: one walk of each line finds the strings of all three gates (gate.Walk)
    walk = walk_for([block_gate(rules.blocks), line_gate(rules.lines), inline_gate])
    apply_block_rules(lines, rules.blocks, rules.lines, walk)
    structure.protect_references(lines)
    if guesses:
        structure.drop_duplicates(lines)
    # line rules anchored at the line start see the whole line first: "Iklan - Scroll untuk Melanjutkan" is one
    # banner, not a "Scroll untuk Melanjutkan" cut that leaves "Iklan -" behind
    # (not read-also links: their inline rule tells the headline from a sentence glued after it)
    apply_line_rules(lines, rules.lines, only=_first_pass, walk=walk)
    for line in lines:
        if line.removed is not None or not line.text:  # (not kept; inlined)
            continue
        norm, lower, _ = line.facts()
        # speed only: a line without "**" has its norm as text, and the cut needs that lower-casing too
        same = norm == line.text
        rest, cuts = cut_inline(line.text, rules.inline, inline_gate, lower if same else False,
                                line.found(walk, inline_gate) if same else None)
        if cuts:  # (the only pass that cuts, once per line)
            line.cuts = [Removed(piece, rule.name, rule.reason, line.no) for piece, rule in cuts]
        line.text = rest
    apply_line_rules(lines, rules.lines, walk=walk)
    # a line emptied by inline cuts was boilerplate through and through: its pieces are already recorded
    if guesses:
        structure.drop_short_runs(lines)
    structure.drop_caption_alt_text(lines)
    structure.absorb_fragments(lines)
    title = structure.take_title(lines, title, meta.is_dateline, guess=guesses)

    removed: list[Removed] = []
    for line in lines:
        removed.extend(line.cuts)
        if line.removed is not None:
            removed.append(line.removed)
    removed.sort(key=lambda r: (r.line if r.line is not None else -1))
    body = "\n".join(line.text for line in lines if line.removed is None and line.text)  # (kept, inlined)
    info = meta.extract(lines, removed, title, body, published)
    log.debug("cleaned: %d lines kept, %d pieces removed", body.count("\n") + 1, len(removed))
    return Cleaned(body=body, removed=removed, meta=info)
