"""The attribution mapper: which medium credits which, who the origin of each statement is, and its chain.

Contract (stable; the rest of prov relies on it):

- ``map_article(cleaned: Cleaned, registry: Registry | None = None, *, outlet: str | None = None) -> Mapping``
  ``outlet`` overrides the article's outlet (``--outlet``); otherwise it comes from ``cleaned.meta.outlet``
  resolved through the registry, or from a dateline / credit line in the body.
- Every ``Citation.span`` and ``Statement.span`` indexes into ``cleaned.body`` and covers the evidence sentence:
  ``cleaned.body[span[0]:span[1]] == evidence``.
- ``Statement.chain`` runs origin first, this article's outlet last (None when the outlet is unknown).

Modules, one job each: :mod:`.sentences` (spans), :mod:`.lexicon` (cue data), :mod:`.media` (media credits),
:mod:`.speakers` (origins), :mod:`.names` (a subject's name), :mod:`.normalise` and :mod:`.fullest` (names across the
article), :mod:`.anonymous` (unnamed sources), :mod:`.outlet` (own outlet), :mod:`.chains` (edges and chains),
:mod:`.triggers` (which cue searches a sentence needs; speed only).
"""

from __future__ import annotations

import logging
import re

from ..literals import lowered, may_search
from ..records import Citation, Cleaned, Mapping, Statement
from ..registry import Registry, load_registry
from . import chains, outlet, posts, sentences
from .lexicon import load_lexicon
from .normalise import normalise_speakers

log = logging.getLogger(__name__)
# Markdown scrapes wrap names in emphasis ("menurut laporan *Al Jazeera*"): the mapper reads a view of the body with
# the markers blanked (same offsets), and quotes evidence from the body itself.
_EMPHASIS = re.compile(r"\*{1,3}(?=\S)|(?<=\S)\*{1,3}|(?<![\w])_{1,2}(?=\S)|(?<=\S)_{1,2}(?![\w])")

__all__ = ["map_article"]


def map_article(cleaned: Cleaned, registry: Registry | None = None, *, outlet: str | None = None) -> Mapping:
    registry = registry or load_registry()
    lex = load_lexicon()
    own = _own(cleaned, registry, lex, outlet)
    own_names = {own.outlet.name} if own.outlet else set()
    if own.wire:
        own_names.add(own.wire.name)  # "told Reuters" inside a Reuters wire copy is Reuters' own newsgathering
    own_name = own.outlet.name if own.outlet else own.written
    st = chains.State(own_name=own_name)
    body = cleaned.body
    # (no "*" or "_" in the body: nothing to blank, the regex scan is skipped; speed only)
    view = _EMPHASIS.sub(lambda m: " " * len(m.group()), body) if "*" in body or "_" in body else body
    sents = sentences.split(view)
    _removed_credits(st, cleaned, registry, lex, own_names)
    if own.wire:
        st.base = [own.wire.name, *st.base]
        at = own.wire_span[0] if own.wire_span is not None else None
        first = next((s for s in sents if s.start <= at < s.end or s.start >= at), None) if at is not None else None
        if first is not None:
            credit = chains.Credit(own.wire.name, own.wire.kind, "relay", f"({own.wire.name})", 0)
            chains._edge(st, own_name, True, credit, first, 0.95)
    chains.process(sents, view, lex, registry, own_names, st)
    speaking = [s for s in st.statements if s.kind in ("person", "institution")]
    statements = normalise_speakers(st.statements, view, lex, registry)
    _speaking_media(st, speaking, own_names)
    _embedded_posts(st, sents, view, registry)
    spanned: list[Citation | Statement] = [*st.edges.values(), *statements]
    for x in spanned:
        if x.span is not None:
            x.evidence = body[x.span[0]:x.span[1]]
    result = Mapping(
        outlet=own_name,
        outlet_kind=own.outlet.kind if own.outlet else None,
        citations=chains.finish(st),
        statements=statements,
    )
    log.debug("mapped: outlet=%s, %d citations, %d statements", own_name, len(result.citations),
              len(result.statements))
    return result


def _removed_credits(st: chains.State, cleaned: Cleaned, registry: Registry, lex, own: set[str]) -> None:
    """A syndication footer the cleaner removed ("Artikel ini telah tayang di Kontan.co.id") is boilerplate, yet it
    states where the whole text came from: an edge with the removed text as evidence and no span, and the medium
    joins every chain of the article."""
    synd_rx = lex.syndication_rx
    for r in cleaned.removed:
        # (searched only when the text holds the pattern's literal words: most removed lines do not; speed only)
        synd = synd_rx.search(r.text) if may_search(synd_rx, r.text, lowered(r.text)) else None
        if not synd:
            continue
        for m in registry.find_all(r.text):
            if m.start < synd.end() - 1 or m.entry.name in own:
                continue
            key = (st.own_name, m.entry.name, True)
            if key not in st.edges:
                st.edges[key] = Citation(citing=st.own_name, cited=m.entry.name, cited_kind=m.entry.kind, self=True,
                                         cue=synd.group().strip(), evidence=r.text, span=None, confidence=0.9)
            if m.entry.name not in st.base:
                st.base.append(m.entry.name)
            break


def _speaking_media(st: chains.State, statements, own: set[str]) -> None:
    """A subject that turned out to be a medium ("Kantor Berita Negara Saudi (SPA) mengatakan", inside "Dilansir
    Reuters"): the hand that relayed it cited that medium, so the chain's edge is added when no cue made it.
    `statements` are those found as people or institutions, before names were resolved."""
    for s in statements:
        if s.kind not in ("agency", "outlet") or len(s.chain) < 2 or s.source in own or s.chain[1] == s.source:
            continue
        citing = s.chain[1]
        is_self = citing is None or citing == st.own_name
        key = (st.own_name if is_self else citing, s.source, is_self)
        if not any(k[1] == s.source for k in st.edges):  # credited already: a later mention points back
            st.edges[key] = Citation(citing=key[0], cited=s.source, cited_kind=s.kind, self=is_self, cue=s.cue,
                                     evidence=s.evidence, span=s.span, confidence=0.7)


def _embedded_posts(st: chains.State, sents: list[sentences.Sentence], body: str, registry: Registry) -> None:
    """"— Name (@handle) July 13, 2017": the account's post on X, relayed by this article (after the names were
    normalised: a display name is kept as the account shows it)."""
    platform = registry.resolve("X")
    if platform is None:
        return
    for post in posts.embedded_posts(body):
        sent = next((s for s in sents if s.start <= post.start < s.end), None)
        if sent is None:
            continue
        credit = chains.Credit(platform.name, platform.kind, "source", "embedded post", post.start - sent.start)
        citing, is_self = chains._credit_citing(st)
        chains._edge(st, citing, is_self, credit, sent, 0.8)
        chains._statement(st, post.author, "person", [post.author, platform.name], "embedded post", sent)


def _own(cleaned: Cleaned, registry: Registry, lex, override: str | None) -> outlet.Own:
    return outlet.detect(cleaned, registry, lex, override)
