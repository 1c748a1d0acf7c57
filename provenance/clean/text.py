"""The text pipeline: data rules (blocks, lines, inline cuts), then structural passes, then metadata.

Order matters and is deliberate:
1. block rules see the raw lines, so a bare "Baca juga:" label still has its headlines under it;
2. whole-line rules;
3. reference sections are protected from the guesses that follow;
4. duplicates are dropped before inline cuts change the lines they are compared with;
5. inline cuts;
6. shape guesses (menus, alt text, split prompts) and the title last, once the boilerplate above it is gone.
"""

from __future__ import annotations

import logging

from ..records import Cleaned, Removed
from . import meta, structure
from .inline import cut_inline
from .lines import apply_block_rules, apply_line_rules, split_lines
from .rules import RuleSet

log = logging.getLogger(__name__)


def clean_lines(text: str, rules: RuleSet, title: str | None = None) -> Cleaned:
    lines = split_lines(text)
    apply_block_rules(lines, rules.blocks)
    apply_line_rules(lines, rules.lines)
    structure.protect_references(lines)
    structure.drop_duplicates(lines)
    for line in lines:
        if not line.kept:
            continue
        rest, cuts = cut_inline(line.text, rules.inline)
        for piece, rule in cuts:
            line.cuts.append(Removed(piece, rule.name, rule.reason, line.no))
        line.text = rest
    # a line emptied by inline cuts was boilerplate through and through: its pieces are already recorded
    structure.drop_short_runs(lines)
    structure.drop_caption_alt_text(lines)
    structure.absorb_fragments(lines)
    title = structure.take_title(lines, title, meta.is_dateline)

    removed: list[Removed] = []
    for line in lines:
        removed.extend(line.cuts)
        if line.removed is not None:
            removed.append(line.removed)
    removed.sort(key=lambda r: (r.line if r.line is not None else -1))
    body = "\n".join(line.text for line in lines if line.kept)
    info = meta.extract(lines, removed, title, body)
    log.debug("cleaned: %d lines kept, %d pieces removed", body.count("\n") + 1, len(removed))
    return Cleaned(body=body, removed=removed, meta=info)
