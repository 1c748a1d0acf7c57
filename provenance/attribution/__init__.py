"""The attribution mapper: which medium credits which, who the origin of each statement is, and its chain.

Contract (stable; the rest of prov relies on it):

- ``map_article(cleaned: Cleaned, registry: Registry | None = None, *, outlet: str | None = None) -> Mapping``
  ``outlet`` overrides the article's outlet (``--outlet``); otherwise it comes from ``cleaned.meta.outlet``
  resolved through the registry, or from a credit line in the body.
- Every ``Citation.span`` and ``Statement.span`` indexes into ``cleaned.body`` and covers the evidence sentence:
  ``cleaned.body[span[0]:span[1]] == evidence``.
- ``Statement.chain`` runs origin first, this article's outlet last (None when the outlet is unknown).
"""

from __future__ import annotations

from ..records import Cleaned, Mapping
from ..registry import Registry, load_registry


def map_article(cleaned: Cleaned, registry: Registry | None = None, *, outlet: str | None = None) -> Mapping:
    registry = registry or load_registry()
    name = outlet or cleaned.meta.outlet
    entry = registry.resolve(name) if name else None
    return Mapping(outlet=entry.name if entry else name, outlet_kind=entry.kind if entry else None)
