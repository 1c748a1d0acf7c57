"""The attribution mapper: which medium credits which, who the origin of each statement is, and its chain.

Contract (stable; the rest of prov relies on it):

- ``map_article(cleaned: Cleaned, registry: Registry | None = None, *, outlet: str | None = None) -> Mapping``
  ``outlet`` overrides the article's outlet (``--outlet``); otherwise it comes from ``cleaned.meta.outlet``
  resolved through the registry, or from a dateline / credit line in the body.
- Every ``Citation.span`` and ``Statement.span`` indexes into ``cleaned.body`` and covers the evidence sentence:
  ``cleaned.body[span[0]:span[1]] == evidence``.
- ``Statement.chain`` runs origin first, this article's outlet last (None when the outlet is unknown).

Modules, one job each: :mod:`.sentences` (spans), :mod:`.lexicon` (cue data), :mod:`.media` (media credits),
:mod:`.speakers` (origins), :mod:`.outlet` (own outlet), :mod:`.chains` (edges and chains).
"""

from __future__ import annotations

import logging

from ..records import Cleaned, Mapping
from ..registry import Registry, load_registry
from . import chains, outlet, sentences
from .lexicon import load_lexicon
from .normalise import normalise_speakers

log = logging.getLogger(__name__)

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
    sents = sentences.split(cleaned.body)
    if own.wire:
        st.base = [own.wire.name]
        first = next((s for s in sents if s.start <= own.wire_span[0] < s.end or s.start >= own.wire_span[0]), None)
        if first is not None:
            credit = chains.Credit(own.wire.name, own.wire.kind, "relay", f"({own.wire.name})", 0)
            chains._edge(st, own_name, True, credit, first, 0.95)
    chains.process(sents, cleaned.body, lex, registry, own_names, st)
    statements = normalise_speakers(st.statements, cleaned.body, lex)
    result = Mapping(
        outlet=own_name,
        outlet_kind=own.outlet.kind if own.outlet else None,
        citations=chains.finish(st),
        statements=statements,
    )
    log.debug("mapped: outlet=%s, %d citations, %d statements", own_name, len(result.citations),
              len(result.statements))
    return result


def _own(cleaned: Cleaned, registry: Registry, lex, override: str | None) -> outlet.Own:
    return outlet.detect(cleaned, registry, lex, override)
