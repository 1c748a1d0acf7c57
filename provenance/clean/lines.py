"""The line model the passes share, and the whole-line and block rule passes.

Each input line keeps its 0-based number, so every removal can say where it was. A pass never deletes a line:
it marks it removed with a :class:`~provenance.records.Removed` record, and later passes skip it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..literals import lowered
from ..records import Removed
from .gate import Gate, Walk, gate_for, memo_for
from .predicates import member_ok
from .rules import BlockRule, LineRule

_HEADING = re.compile(r"^#{1,6}\s")
_LITERAL_NL = re.compile(r"^(?:\\[nr])+$")


def _single_spaced(text: str) -> bool:
    """Is every run of whitespace in ``text`` one " "? (Speed only: a few substring tests, cheaper than
    str.isprintable or making the words.) The tests after "  " are str.split's other ASCII whitespace, written
    out (a loop over them cost a tuple and an iterator per call, compiled)."""
    return (text.isascii() and "  " not in text and "\t" not in text and "\n" not in text and "\x0b" not in text
            and "\x0c" not in text and "\r" not in text and "\x1c" not in text and "\x1d" not in text
            and "\x1e" not in text and "\x1f" not in text)


@dataclass(slots=True)  # (slots: speed only, every pass reads these attributes on every line)
class Line:
    no: int
    text: str  # stripped; inline cuts shorten it
    removed: Removed | None = None
    protected: bool = False  # inside a reference section: structural guesses leave it alone
    cuts: list[Removed] | tuple = ()  # what inline rules cut (a list once there is some: speed only)
    # speed only: what the passes derive from the text, kept until the text changes (see facts)
    _facts_of: str | None = field(default=None, repr=False, compare=False)
    _facts: tuple = field(default=(), repr=False, compare=False)
    _gated: tuple = field(default=(), repr=False, compare=False)
    _walked: tuple = field(default=(), repr=False, compare=False)

    # Speed only: written out, this __init__ is compiled (the one @dataclass writes runs as interpreted Python, and
    # an article builds a Line for each of its lines); it does what the generated one does.
    def __init__(self, no: int, text: str, removed: Removed | None = None, protected: bool = False,
                 cuts: list[Removed] | tuple = (), _facts_of: str | None = None, _facts: tuple = (),
                 _gated: tuple = (), _walked: tuple = ()) -> None:
        self.no = no
        self.text = text
        self.removed = removed
        self.protected = protected
        self.cuts = cuts
        self._facts_of = _facts_of
        self._facts = _facts
        self._gated = _gated
        self._walked = _walked

    @property
    def kept(self) -> bool:
        return self.removed is None and bool(self.text)

    @property
    def norm(self) -> str:
        """The text as rules see it: markdown emphasis dropped."""
        return self.facts()[0]

    def facts(self) -> tuple[str, str | None, int]:
        """``(norm, literals.lowered(norm), word count of norm)``, computed once per text."""
        if self._facts_of is not self.text:
            text = self.text
            # = re.sub(r"\*\*", "", text).strip(), faster (no copy when there is no "**")
            norm = text.replace("**", "").strip() if "**" in text else text.strip()
            # the word count = len(norm.split()), without making the words (speed only): norm is stripped
            n_words = norm.count(" ") + 1 if norm and _single_spaced(norm) else len(norm.split())
            self._facts = (norm, lowered(norm), n_words)
            self._facts_of = self.text
        return self._facts

    def found(self, walk: Walk | None, gate: Gate) -> set[str] | None:
        """``walk.found`` of the lower-cased norm for ``gate`` (None when the walk cannot serve it: no walk, a
        gate it leaves out, or no lowered text), kept while the text stays (speed only: the gates share it)."""
        if walk is None or gate not in walk.gates:
            return None
        if not self._walked or self._walked[0] is not walk or self._walked[1] is not self.text:
            lower = self.facts()[1]
            self._walked = (walk, self.text, walk.found(lower) if lower is not None else None)
        found: set[str] | None = self._walked[2]
        return found

    def candidates(self, gate: Gate, walk: Walk | None = None) -> tuple[int, ...]:
        """The patterns of ``gate`` that may match this line, in order (``gate.candidates`` narrowed by
        ``possible``), kept while the text stays (the two line-rule passes share it)."""
        if not self._gated or self._gated[0] is not gate or self._gated[1] is not self.text:
            # (the facts passed one by one, not as *args: mypyc then calls the compiled method directly, speed only)
            norm, lower, n_words = self.facts()
            context = gate.candidates(norm, lower, n_words, self.found(walk, gate))
            self._gated = (gate, self.text, gate.possible_all(context) if context else ())
        return self._gated[2]

    def remove(self, rule: str, reason: str) -> None:
        if self.removed is None:
            self.removed = Removed(self.text, rule, reason, self.no)


def split_lines(text: str) -> list[Line]:
    return [Line(no, raw.strip()) for no, raw in enumerate(text.splitlines())]


def is_heading(line: Line) -> bool:
    return bool(_HEADING.match(line.text))


def _skippable(line: Line) -> bool:
    """Lines a block looks through: blank ones and literal "\\n" debris."""
    return not line.text or bool(_LITERAL_NL.match(line.text))


# a line that continues the one above it: starts lower-case or with closing punctuation
_CONTINUES = re.compile(r"^[a-z\u00E0-\u024F,.;:)\]]")


def split_link_word(lines: list[Line], i: int) -> bool:
    """A short line that the next line continues (``…dilansir\nReuters\n, Selasa``): old scrapes put each
    linked word on its own line, and such a word is part of a body sentence, whatever it looks like alone."""
    # (split at most 3 times: more than 3 words are 4 pieces, and a long line is not cut into all its words; speed only)
    if len(lines[i].text.split(None, 3)) > 3 or i + 1 >= len(lines):
        return False
    return bool(_CONTINUES.match(lines[i + 1].text))


def apply_line_rules(lines: list[Line], rules: list[LineRule], only=None, walk: Walk | None = None) -> None:
    """Remove each line a rule matches (the first that does names it). ``only``: a test that picks the rules of
    this pass (the same list with ``only`` lets both line-rule passes share one gate)."""
    # LineRule.matches inlined (speed only: this loop runs on every line). Speed only too: the gate (gate.py)
    # names the few rules that can match a line at all, in their order; most lines get none.
    gate, checks = memo_for(rules, ("lines", only), lambda: (
        gate_for([rule.pattern for rule in rules], [rule.max_words for rule in rules]),
        [(rule.pattern.search, rule.kind == "caption", only is None or only(rule), rule) for rule in rules]))
    for i, line in enumerate(lines):
        if line.removed is not None or not line.text:  # (not kept; inlined)
            continue
        possible = line.candidates(gate, walk)
        if not possible or split_link_word(lines, i):  # (the cheap test first: speed only)
            continue
        norm = line.norm
        protected = line.protected
        for k in possible:  # the word limits are applied by the gate
            search, caption, chosen, rule = checks[k]
            if not chosen or (protected and caption):
                continue  # (an agency named in a reference list is a source, not a photo credit)
            if search(norm) is not None:
                line.remove(rule.name, rule.reason)
                break


def _own_rule(line: Line, blocks: list[BlockRule], singles: Sequence[LineRule]) -> bool:
    """Does another rule claim this line? Then it is not a member of the block above it.
    (= any BlockRule.starts or LineRule.matches on the line; speed only: only the rules the gates leave, and the
    line rules' candidates kept on the line for the line-rule passes)"""
    facts = line.facts()
    norm = facts[0]
    gate = block_gate(blocks)
    context = gate.candidates(norm, facts[1], facts[2])  # (not *facts: a direct compiled call, speed only)
    if context:
        live: list[int] = context[0]  # (typed, speed only: compiled, blocks[k] is then an indexed list read)
        if any(gate.possible(k, context) and blocks[k].start.search(norm) is not None for k in live):
            return True
    return bool(singles) and any(singles[k].pattern.search(norm) is not None
                                 for k in line.candidates(line_gate(singles)))


def line_gate(rules: Sequence[LineRule]) -> Gate:
    """The gate of the line rules' patterns (the one apply_line_rules uses)."""
    return memo_for(rules, "line-gate",
                    lambda: gate_for([rule.pattern for rule in rules], [rule.max_words for rule in rules]))


def block_gate(rules: list[BlockRule]) -> Gate:
    """The gate of the block rules' start patterns (the one apply_block_rules uses)."""
    return memo_for(rules, "blocks", lambda: gate_for([r.start for r in rules], [r.max_words for r in rules]))


def _block_span(lines: list[Line], i: int, rule: BlockRule, blocks: list[BlockRule],
                singles: Sequence[LineRule]) -> int:
    """Index of the last line of the block starting at ``i`` (``i`` itself when it has no members)."""
    window = range(i + 1, min(len(lines), i + 1 + rule.max_lines))
    if rule.end is not None:
        for j in window:
            if lines[j].kept and rule.end.search(lines[j].norm):
                return j
    if rule.to_heading:
        last = i
        for j in range(i + 1, min(len(lines), i + 1 + rule.max_lines)):
            if is_heading(lines[j]):
                break
            last = j
        return last
    last = i
    taken = 0
    for j in window:
        line = lines[j]
        if _skippable(line) or (line.removed is not None):
            continue
        if taken >= rule.max_lines or not any(
            (member_ok(m, line.norm) if isinstance(m, str) else m.search(line.norm)) for m in rule.member
        ) or _own_rule(line, blocks, singles):
            break
        last = j
        taken += 1
    return last


def apply_block_rules(lines: list[Line], rules: list[BlockRule], singles: Sequence[LineRule] = (),
                      walk: Walk | None = None) -> None:
    """Blocks: a start line and its members. A line another rule claims ends the block (so ``--explain``
    names the right rule for it)."""
    gate = block_gate(rules)
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.removed is not None or not line.text:  # (not kept; inlined)
            i += 1
            continue
        facts = line.facts()
        norm = facts[0]
        if not norm:
            i += 1
            continue
        # speed only: the gate (gate.py) names the blocks that can start here, word limits applied
        # (not *facts: a direct compiled call, speed only)
        context = gate.candidates(norm, facts[1], facts[2], line.found(walk, gate))
        rule: BlockRule | None = None
        if context:
            # (typed, speed only: compiled, an untyped k made rules[k] and .start generic lookups)
            live: list[int] = context[0]
            for k in live:
                if gate.possible(k, context) and rules[k].start.search(norm) is not None:
                    rule = rules[k]
                    break
        if rule is None:
            i += 1
            continue
        last = _block_span(lines, i, rule, rules, singles)
        for j in range(i, last + 1):
            if lines[j].text and not lines[j].protected:
                lines[j].remove(rule.name, rule.reason)
        i = last + 1
