"""Assemble citations and statement chains for one article, sentence by sentence.

Per sentence: media credits (from :mod:`.media`) become edges — a relay R is credited by this article (or by the
wire it republishes), media that obtained the story (source role) are credited by R when the sentence has one;
speakers (from :mod:`.speakers`) get the chain speaker -> sources -> relay -> this article. A sentence with no
credit of its own inherits the article-scope context: the last Indonesian relay credit ("dilansir X" covers the
rest of the story), a syndication credit or a wire credit line. "menurut laporan tersebut" inherits the chain of
the report credited last, whatever its scope.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ..literals import lowered, may_search
from ..records import Citation, Statement
from ..registry import Registry
from . import anaphora as pointing
from .anonymous import anonymous_anaphora
from .lexicon import Lexicon
from .media import Credit, implied_platforms, sentence_credits
from .sentences import Sentence
from .speakers import Speaker, find_speakers
from .triggers import Present, Triggers, triggers


@dataclass
class State:
    own_name: str | None
    base: list[str] = field(default_factory=list)  # media the whole text came through (wire, syndication)
    context: list[str] = field(default_factory=list)  # inherited credit chain, origin side first
    last_chain: list[str] = field(default_factory=list)  # the report credited last (for anaphora)
    edges: dict[tuple[str | None, str, bool], Citation] = field(default_factory=dict)
    statements: list[Statement] = field(default_factory=list)
    anonymous: list[str] = field(default_factory=list)  # anonymous sources named so far, in order (for anaphora)
    last_person: tuple[str, int] | None = None  # the person quoted last and the line it was on ("he said")


_TITLE_END = re.compile(r"[.!?\"”’]\s*$")


def _edge(st: State, citing: str | None, is_self: bool, credit: Credit, sent: Sentence, conf: float) -> None:
    key = (citing, credit.name, is_self)
    if key in st.edges or credit.name == citing:
        return
    st.edges[key] = Citation(
        citing=citing, cited=credit.name, cited_kind=credit.kind, self=is_self, cue=credit.cue,
        evidence=sent.text, span=(sent.start, sent.end), confidence=conf, resolved=credit.resolved,
    )


def _credit_citing(st: State) -> tuple[str | None, bool]:
    """Who credits a relay named in the text: the wire/syndication source when there is one, else this article."""
    if st.base:
        return st.base[0], False
    return st.own_name, True


def _line_of(body: str, sent: Sentence) -> str:
    end = body.find("\n", sent.start)
    return body[sent.start: end if end >= 0 else len(body)]


def process(sentences: list[Sentence], body: str, lex: Lexicon, registry: Registry, own: set[str],
            st: State) -> None:
    mentions = registry.find_all(body)
    trig = triggers(lex)
    in_order = [m.start for m in mentions]
    starts: list[int] | None = in_order
    if any(a > b for a, b in zip(in_order, in_order[1:], strict=False)) \
            or any(a.start > b.start for a, b in zip(sentences, sentences[1:], strict=False)):
        starts = None  # (not in text order: every sentence filters the whole list)
    first, n_mentions = 0, len(mentions)  # the first mention not before the sentence (below)
    in_refs = refs_seen = False
    memo: dict = {}  # find_speakers' subjects read in this article (speed only)
    # (read once, not per sentence; speed only)
    scan, quiet_bits, reference_match = trig.gate.scan, trig.sentence, lex.reference_rx.match
    bisect_right = bisect.bisect_right
    # a None need is always searched (Present.may, inlined below; speed only)
    unknown_need, synd_need, verbs_need = trig.unknown, trig.syndication, trig.verbs
    verbs_rx = trig.verbs_rx  # the verbs pattern narrowed to the sentence's phrases (speed only)
    for sent in sentences:
        text = sent.text
        if sent.line_start:
            if reference_match(text):
                in_refs = refs_seen = True
                continue
            if refs_seen and not _TITLE_END.search(_line_of(body, sent)):
                # after "Sources:", the headlines of the cited pieces ("X to join accords, says US official") are
                # titles, not statements of this article
                if not in_refs or not any(sent.start <= m.start < sent.end for m in mentions):
                    in_refs = False  # a reference list is contiguous (below)
                    continue
        if starts is None:
            ms = [m for m in mentions if sent.start <= m.start and m.end <= sent.end]
        else:  # the mentions that start inside the sentence (speed only: same list, same order)
            # (sentences and mentions in text order: the first mention not before a sentence only moves forward,
            # bisect_left(starts, sent.start) without a search)
            while first < n_mentions and starts[first] < sent.start:
                first += 1
            if first < n_mentions and starts[first] <= sent.end:
                ms = [m for m in mentions[first:bisect_right(starts, sent.end, first)] if m.end <= sent.end]
            else:
                ms = []
        if in_refs and sent.line_start and not ms:
            in_refs = False  # a reference list is contiguous: "SOURCE:" / "News agencies" then a site menu is not one
        if in_refs:  # a reference section credits every medium it names
            for m in ms:
                if m.entry.name not in own:
                    c = Credit(m.entry.name, m.entry.kind, "relay", "reference", m.start - sent.start)
                    citing, is_self = _credit_citing(st)
                    _edge(st, citing, is_self, c, sent, 0.8)
                    _statement(st, m.entry.name, m.entry.kind, [m.entry.name], c.cue, sent)
            continue
        bits = scan(text)  # cue searches skip sentences without their literal words (speed only)
        if not ms and not bits & quiet_bits:
            # no medium, no cue word: the searches below would find nothing; only "he said" may speak, after a
            # person quoted on this line or the one before (the test inlined; speed only)
            if st.last_person and sent.line - st.last_person[1] <= 1:
                _pronoun_only(st, sent, lex, bits, trig)
            continue
        present = Present(trig, text, bits)
        # (sentence_credits finds nothing without a mention or the unknown-medium cue; speed only)
        credits = sentence_credits(sent, ms, lex, registry, own, present) if ms or unknown_need is None or bits & unknown_need else []
        if present.bits & trig.implied_any and not any(c.kind == "platform" for c in credits):
            credits += implied_platforms(sent, lex, registry, own, present)
        synd = lex.syndication_rx.search(text) if (synd_need is None or bits & synd_need) \
            and may_search(lex.syndication_rx, text, lowered(text)) else None
        if synd:
            for c in credits:
                if c.start >= synd.end() - 1:
                    citing, is_self = st.own_name, True
                    _edge(st, citing, is_self, c, sent, 0.95)
                    if c.name not in st.base:
                        st.base.append(c.name)
            continue
        chain_media = _credit_chain(st, credits, sent) if credits else []  # (none without credits)
        if chain_media:
            st.last_chain = chain_media
        # read by three steps below: one scan (speed only)
        verbs = list((verbs_rx.rx(bits) if verbs_rx is not None else lex.verbs_rx).finditer(text)) \
            if verbs_need is None or bits & verbs_need else []
        # (find_speakers finds nothing without a verb or one of its cue words, pointed_noun nothing without a verb;
        # speed only)
        speakers = find_speakers(text, lex, registry, verbs, present, memo) \
            if verbs or bits & trig.speakers else []
        pointed = pointing.pointed_noun(text, lex, verbs) if not speakers and verbs else None
        if pointed:  # "the ministry said": the one ministry named before
            quoted = [s.source for s in st.statements if s.kind == "institution"]
            name = pointing.resolve(pointed[0], body[: sent.start], quoted, lex)
            if name:
                speakers = [Speaker(name, "institution", pointed[1], name)]
        if not speakers and st.last_person and sent.line - st.last_person[1] <= 1:
            cue = pointing.pronoun_cue(text, lex, verbs)
            if cue:
                speakers = [Speaker(st.last_person[0], "person", cue, st.last_person[0])]
        if not chain_media and (speakers or credits):  # (the anaphora search only when its answer is read; speed only)
            anaphora = present.may(trig.anaphora) and bool(lex.anaphora_search.search(text))
            chain_media = st.last_chain if anaphora else st.context
        if speakers:
            for sp in speakers:
                name = sp.name
                if sp.kind == "anonymous":
                    name = anonymous_anaphora(sp, st.anonymous)
                    st.anonymous.append(name)
                _statement(st, name, sp.kind, [name, *chain_media], sp.cue, sent)
            people = [sp.name for sp in speakers if sp.kind == "person"]
            st.last_person = (people[-1], sent.line) if len(people) == 1 else None if people else st.last_person
        elif credits and chain_media:
            kind = next((c.kind for c in credits if c.name == chain_media[0]), "outlet")
            _statement(st, chain_media[0], kind, list(chain_media), credits[0].cue, sent)


def _credit_chain(st: State, credits: list[Credit], sent: Sentence) -> list[str]:
    """The edges of a sentence's credits; the media its statements came through (origin side first)."""
    relays: list[Credit] = []
    sources: list[Credit] = []
    any_citing = False
    for c in credits:  # (one pass for the three roles; speed only)
        role = c.role
        if role == "relay":
            relays.append(c)
        elif role == "source":
            sources.append(c)
        elif role == "citing":
            any_citing = True
    citing_pairs: list[tuple[Credit | None, Credit]] = []
    for c in credits if any_citing else ():
        if c.role == "citing":
            before = [x for x in credits if x.start < c.start and x is not c]
            citing_pairs.append((before[-1] if before else None, c))
    chain_media: list[str] = []
    if relays:
        relay = relays[-1] if len(relays) == 1 or not sources else relays[0]
        citing, is_self = _credit_citing(st)
        for r in relays:
            _edge(st, citing, is_self, r, sent, 0.9)
        for s in sources:
            _edge(st, relay.name, False, s, sent, 0.85)
        chain_media = [s.name for s in sources[:1]] + [relay.name]
        if len(relays) > 1 and not sources:
            for r in relays:
                _statement(st, r.name, r.kind, [r.name], r.cue, sent)
        if any(r.scope for r in relays):
            st.context = chain_media
    elif sources:
        for i, s in enumerate(sources):  # "CNN and the New York Times reported": each is credited
            if s.name in st.context:
                media = st.context[st.context.index(s.name):]
            else:
                citing, is_self = _credit_citing(st)
                _edge(st, citing, is_self, s, sent, 0.85)
                media = [s.name]
            if i == 0:
                chain_media = media
    for a, c in citing_pairs:
        if a is None:
            citing, is_self = _credit_citing(st)
            _edge(st, citing, is_self, c, sent, 0.85)
        else:
            _edge(st, a.name, False, c, sent, 0.85)
    return chain_media


def _pronoun_only(st: State, sent: Sentence, lex: Lexicon, bits: int, trig: Triggers) -> None:
    """What ``process`` does with a sentence that names no medium and holds no cue word, after a person quoted on its
    line or the one before (``st.last_person``): only "he said" may speak, in the inherited context (speed only: the
    same steps, without the searches that cannot match). `bits`: the sentence's cue literals."""
    cue = pointing.pronoun_cue(sent.text, lex, [])
    if cue and st.last_person is not None:
        anaphora = (trig.anaphora is None or bits & trig.anaphora) and bool(lex.anaphora_search.search(sent.text))
        name = st.last_person[0]
        _statement(st, name, "person", [name, *(st.last_chain if anaphora else st.context)], cue, sent)
        st.last_person = (name, sent.line)


def _statement(st: State, source: str, kind: str, chain: list[str], cue: str, sent: Sentence) -> None:
    dedup: list[str | None] = []  # first of each, in order (a few names: list tests, no dict; speed only)
    for x in (*chain, *st.base):
        if x not in dedup:
            dedup.append(x)
    dedup.append(st.own_name)
    if kind in ("outlet", "agency", "broadcaster", "unknown"):
        kind = "agency" if kind == "agency" else "outlet"
    st.statements.append(Statement(source=source, kind=kind, chain=dedup, cue=cue, evidence=sent.text,
                                   span=(sent.start, sent.end), confidence=0.8))


def finish(st: State) -> list[Citation]:
    """Drop a platform credited both directly and through a relay: the relay quoted the post ("kata Trump di Truth
    Social, seperti dikutip Reuters"), so an earlier bare "di Truth Social" is the same post, not a second credit."""
    edges = list(st.edges.values())
    relayed = {c.cited for c in edges if not c.self and c.cited_kind == "platform"}
    return [c for c in edges if not (c.self and c.cited in relayed)]
