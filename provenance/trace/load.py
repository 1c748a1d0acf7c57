"""Set-based loads of what a trace needs: citations, statements and sources of the matched articles, by id
lists in batches (no query per article or per edge), turned into report records."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from sqlmodel import Session, select

from .. import models
from .chains import hops_of
from .model import ArticleTrace, Chain, Credit
from .search import chunks

BATCH = 500


def _rows(session: Session, model, column, ids: Iterable) -> list:
    out = []
    for chunk in chunks(sorted(set(ids)), BATCH):
        out.extend(session.exec(select(model).where(column.in_(chunk))))
    return out


def load_traces(session: Session, articles: Sequence[models.Article]) -> tuple[list[ArticleTrace], dict[str, str]]:
    """One :class:`ArticleTrace` per article (credits and its own chains), and each source's kind by name."""
    ids = [a.id for a in articles]
    citations = _rows(session, models.Citation, models.Citation.article_id, ids)
    statements = _rows(session, models.Statement, models.Statement.article_id, ids)
    source_ids = {a.outlet_id for a in articles if a.outlet_id}
    source_ids |= {c.cited_id for c in citations} | {c.citing_id for c in citations if c.citing_id}
    source_ids |= {s.source_id for s in statements}
    sources = {s.id: s for s in _rows(session, models.Source, models.Source.id, source_ids)}
    # Chains name sources by name; media named only inside chains still need their kind.
    chain_names = {n for s in statements for n in s.chain if n}
    known = {s.name for s in sources.values()}
    for s in _rows(session, models.Source, models.Source.name, chain_names - known):
        sources[s.id] = s
    kinds = {s.name: s.kind for s in sources.values()}

    cites: dict[str, list[models.Citation]] = defaultdict(list)
    for c in sorted(citations, key=lambda c: (c.span_start if c.span_start is not None else -1, c.id)):
        cites[c.article_id].append(c)
    stmts: dict[str, list[models.Statement]] = defaultdict(list)
    for st in sorted(statements, key=lambda s: (s.span_start, s.id)):
        stmts[st.article_id].append(st)

    traces = []
    for a in articles:
        outlet = sources[a.outlet_id].name if a.outlet_id else None
        at = ArticleTrace(a.id, a.title, outlet, a.published, a.source)
        for c in cites[a.id]:
            citing = sources[c.citing_id].name if c.citing_id else None
            cited = sources[c.cited_id]
            at.credits.append(Credit(citing, cited.name, cited.kind, c.is_self, c.cue, c.evidence))
        seen = set()
        for st in stmts[a.id]:
            key = (tuple(st.chain), st.evidence)
            if key in seen or len(st.chain) < 1:
                continue
            seen.add(key)
            origin = sources[st.source_id]
            path = list(st.chain)
            at.chains.append(
                Chain(st.id, a.id, origin.name, origin.kind, path, hops_of(path, st.cue, st.evidence, at.credits, a.id))
            )
        traces.append(at)
    return traces, kinds
