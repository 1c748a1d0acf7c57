"""Media credits in one sentence: which registry media are named after a cue, and in which role.

Roles: ``relay`` — the medium handed the story on ("dilansir CNN", "according to Reuters");
``source`` — the medium obtained it itself ("kata pejabat kepada Axios", "di Truth Social", "CNN reported");
``citing`` — the medium after the cue is cited by the medium before it ("NPR, citing Weibo posts").
A medium named without any cue is only mentioned, never credited.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..literals import lowered, may_search
from ..registry import Mention, Registry
from .lexicon import Lexicon, TextMemo
from .sentences import Sentence
from .triggers import Present


@dataclass
class Credit:
    name: str  # canonical name, or the name as written when unresolved
    kind: str
    role: str
    cue: str
    start: int  # offset in the sentence text
    scope: bool = False  # a relay whose credit carries to later sentences
    resolved: bool = True

    # Speed only: written out, this __init__ is compiled (the one @dataclass writes runs as interpreted Python, and
    # an article builds several credits); it does what the generated one does.
    def __init__(self, name: str, kind: str, role: str, cue: str, start: int, scope: bool = False,
                 resolved: bool = True) -> None:
        self.name = name
        self.kind = kind
        self.role = role
        self.cue = cue
        self.start = start
        self.scope = scope
        self.resolved = resolved


_UNKNOWN_NAME = re.compile(
    r"\s*(?:laman|situs|media|portal)?\s*((?:[A-Z][\w&'-]*(?:\.(?:com|co|id|net|org|tv|news|co\.id|co\.uk))?)"
    r"(?:\s+[A-Z][\w&'-]*){0,2})(?=\s*(?:[,.;]|\s+(?:pada|on|yang|dan|bahwa)\b))"
)


# Gap -> does ``lex.filler_rx`` match it (speed only: the gaps between a cue and a name repeat — " ", ", ", " the "
# — and the pattern tries its ~60 words at each of them)
_FILLERS = TextMemo(4096)


def _pre_cue(lex: Lexicon, prefix: str, cues: list | None = None) -> tuple[str, str, bool] | None:
    """The cue closest before a medium's name, if only filler words stand between them. `cues`: (pattern, cue)
    for those of ``lex.media_cues`` the sentence may hold, in order, each pattern narrowed to the sentence (speed
    only; all of them, as they are, when None)."""
    best = None
    start = max(0, len(prefix) - 80)
    filler = _FILLERS.table(lex.filler_rx)
    for rx, cue in [(c.rx, c) for c in lex.media_cues] if cues is None else cues:
        for m in rx.finditer(prefix, start):
            gap = prefix[m.end() :]
            if len(gap) > 45:
                continue
            ok = filler.get(gap)
            if ok is None:
                ok = filler[gap] = lex.filler_rx.match(gap) is not None
            if not ok:
                continue
            if best is None or m.end() > best[0] or (m.end() == best[0] and m.start() < best[1]):
                best = (m.end(), m.start(), cue)
    if best is None:
        return None
    end, start, cue = best
    return cue.role, prefix[start:end], cue.article_scope


def sentence_credits(
    sent: Sentence, mentions: list[Mention], lex: Lexicon, registry: Registry, own: set[str],
    present: Present | None = None,
) -> list[Credit]:
    """`present`: the sentence's cue literals (speed only: a cue without them is not searched)."""
    text = sent.text
    if not mentions and present is not None and not present.may(present.trig.unknown):
        return []  # (nothing below could find a credit; speed only)
    bits = present.bits if present is not None else 0
    cues = None
    if present is not None and mentions:
        # the cues the sentence may hold (speed only: the others cannot match); the list is the same for the same
        # bits of the cues, built once
        trig = present.trig
        key = bits & trig.media_cues_bits
        cues = trig.cue_lists.get(key)
        if cues is None:
            if len(trig.cue_lists) > 1024:
                trig.cue_lists.clear()
            cues = trig.cue_lists[key] = [
                (cue.rx if narrow is None else narrow.rx(bits), cue)
                for cue, need, narrow in zip(lex.media_cues, trig.media_cues, trig.media_rx, strict=True)
                if need is None or bits & need]
    out: list[Credit] = []
    prev: Credit | None = None
    prev_end = -1
    taken: list[tuple[int, int]] = []
    bare: list[tuple] = []  # (mention, start, end, credit or None), in order
    for m in mentions:
        s, e = m.start - sent.start, m.end - sent.start
        taken.append((s, e))
        name = m.entry.name
        if name in own:  # "told Reuters" inside a Reuters story is newsgathering, not a citation
            prev, prev_end = None, e
            continue
        credit = None
        pre = _pre_cue(lex, text[:s], cues)
        if pre:
            role, cue, scope = pre
            credit = Credit(name, m.entry.kind, role, cue.strip(), s, scope)
        elif prev is not None and lex.coord_rx.match(text[prev_end:s] or " "):
            credit = Credit(name, m.entry.kind, prev.role, prev.cue, s, prev.scope)
        else:
            post = lex.post_at.match(text, e)  # (post_rx.match(text[e:]); speed only)
            if post:
                credit = Credit(name, m.entry.kind, "source", post.group().strip(" ,'’"), s)
        if credit:
            out.append(credit)
        bare.append((m, s, e, credit))
        prev, prev_end = credit, e
    # "CNN and the New York Times reported": the verb after the last medium credits the ones joined to it.
    for i in range(len(bare) - 2, -1, -1):
        m, s, e, credit = bare[i]
        nxt = bare[i + 1]
        if credit is None and nxt[3] is not None and nxt[3].role == "source" and m.entry.name not in own \
                and lex.coord_rx.match(text[e:nxt[1]]):
            c = Credit(m.entry.name, m.entry.kind, "source", nxt[3].cue, s)
            out.append(c)
            bare[i] = (m, s, e, c)
    # Unknown media after a strong cue ("dilansir Globes Online,"): kept, marked unresolved.
    may = may_search(lex.unknown_rx, text, lowered(text)) if present is None else present.may(present.trig.unknown)
    narrow = present.trig.unknown_rx if present is not None else None  # (narrowed to the sentence; speed only)
    unknown = (lex.unknown_rx if narrow is None or present is None else narrow.rx(present.bits)).finditer(text) \
        if may else ()  # speed only
    for cm in unknown:
        nm = _UNKNOWN_NAME.match(text, cm.end())
        if not nm:
            continue
        ns, ne = nm.start(1), nm.end(1)
        if any(a < ne and ns < b for a, b in taken):
            continue
        raw = nm.group(1)
        if lex.institution_rx.search(raw) or raw.split()[0] in lex.titles or raw.casefold() in lex.pronouns:
            continue
        entry = registry.resolve(raw)
        if entry and entry.name in own:
            continue
        out.append(Credit(entry.name if entry else raw, entry.kind if entry else "unknown", "relay",
                          cm.group().strip(), ns, True, resolved=entry is not None))
    out.sort(key=lambda c: c.start)
    return out


def implied_platforms(sent: Sentence, lex: Lexicon, registry: Registry, own: set[str],
                      present: Present | None = None) -> list[Credit]:
    """A verb that names its platform ("Trump tweeted", "said in a tweet", "dalam cuitannya"): the post is on X.
    `present`: as for ``sentence_credits``."""
    out = []
    lower = lowered(sent.text) if present is None else None
    for i, (rx, name) in enumerate(lex.implied):
        may = may_search(rx, sent.text, lower) if present is None else present.may(present.trig.implied[i])
        m = rx.search(sent.text) if may else None  # speed only
        entry = registry.resolve(name) if m else None
        if entry and m is not None and entry.name not in own:
            out.append(Credit(entry.name, entry.kind, "source", m.group().strip(), m.start()))
    return out
