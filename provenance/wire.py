"""A processed article as plain tuples, for the hand-over from a worker process to the writer (speed only).

Pickled as dataclasses, an article's records (its removed pieces, citations and statements: some twenty objects)
cost the worker ~0.15 ms to dump and the writer ~0.3 ms to load on the bench articles, a class reference and a
state dict per object; as tuples of their fields they cost about a quarter of that, rebuilding included. The writer
is the one process every article passes through, so its share of the hand-over bounds an ingest with several
workers. Fields are read and restored in declaration order, so a field added to a record is carried without a
change here.
"""

from __future__ import annotations

from dataclasses import fields
from operator import attrgetter

from .records import Citation, Cleaned, Mapping, Metadata, RawArticle, Removed, Statement
from .store import Processed


def _fields(cls) -> attrgetter:
    return attrgetter(*(f.name for f in fields(cls)))


_RAW, _REMOVED, _META = _fields(RawArticle), _fields(Removed), _fields(Metadata)
_CITATION, _STATEMENT = _fields(Citation), _fields(Statement)

Packed = tuple


def pack(item: Processed) -> Packed:
    c, m = item.cleaned, item.mapping
    return (
        item.id, _RAW(item.raw), c.body, [_REMOVED(r) for r in c.removed], _META(c.meta),
        m.outlet, m.outlet_kind, [_CITATION(x) for x in m.citations], [_STATEMENT(x) for x in m.statements],
    )


def unpack(packed: Packed) -> Processed:
    aid, raw, body, removed, meta, outlet, outlet_kind, citations, statements = packed
    return Processed(
        id=aid,
        raw=RawArticle(*raw),
        cleaned=Cleaned(body, [Removed(*r) for r in removed], Metadata(*meta)),
        mapping=Mapping(outlet, outlet_kind, [Citation(*x) for x in citations], [Statement(*x) for x in statements]),
    )
