"""Trace a story: find the articles that match a query and assemble the citation chains behind them.

The result is a plain :class:`Report` record; :mod:`provenance.report` renders it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import func, or_
from sqlmodel import Session, select

from . import db as dbmod
from . import models
from .errors import QueryError
from .escape import like_pattern


@dataclass
class Hop:
    giver: str | None  # who passed the claim on (None: this article, outlet unknown)
    taker: str | None
    cue: str
    evidence: str


@dataclass
class Chain:
    origin: str
    origin_kind: str
    path: list[str | None]  # origin first, the article's outlet last
    hops: list[Hop]
    article_id: str

    @property
    def length(self) -> int:
        return len(self.path) - 1


@dataclass
class Credit:
    citing: str | None
    cited: str
    cited_kind: str
    self: bool
    cue: str
    evidence: str


@dataclass
class ArticleTrace:
    id: str
    title: str | None
    outlet: str | None
    published: str | None
    source: str
    credits: list[Credit] = field(default_factory=list)
    chains: list[Chain] = field(default_factory=list)

    @property
    def label(self) -> str:
        return self.outlet or f"unknown outlet ({self.id})"


@dataclass
class Report:
    query: str
    articles: list[ArticleTrace]
    edges: dict[tuple[str, str], int]  # (citing, cited) -> how many articles state it

    @property
    def longest(self) -> Chain | None:
        chains = [c for a in self.articles for c in a.chains]
        return max(chains, key=lambda c: (c.length, c.article_id), default=None)

    @property
    def outlets(self) -> list[str]:
        names = {a.outlet for a in self.articles if a.outlet}
        names |= {n for e in self.edges for n in e}
        return sorted(names)


def _hops(path: list[str | None], st: models.Statement, credits: list[Credit], article_outlet: str | None) -> list[Hop]:
    """Evidence for each arrow of a chain: the statement's sentence for the first, a credit for the others."""
    hops = [Hop(path[0], path[1], st.cue, st.evidence)]
    for giver, taker in zip(path[1:], path[2:], strict=False):
        last = taker == article_outlet
        match = next(
            (c for c in credits if c.cited == giver and (c.citing == taker or (last and c.self))),
            None,
        )
        hops.append(Hop(giver, taker, match.cue if match else "", match.evidence if match else ""))
    return hops


def find_articles(session: Session, query: str) -> list[models.Article]:
    # A bound parameter, with LIKE's own wildcards escaped: "%" in a query finds a literal percent sign.
    q = like_pattern(query.lower())
    stmt = (
        select(models.Article)
        .where(or_(func.lower(models.Article.title).like(q, escape="\\"), func.lower(models.Article.body).like(q, escape="\\")))
        .order_by(models.Article.published, models.Article.source, models.Article.id)
    )
    return list(session.exec(stmt))


def trace(db: str | None, query: str) -> Report:
    """Build the report of the citation chains behind the articles that match ``query``."""
    if not query.strip():
        raise QueryError("empty query — give a word or phrase that the articles contain")
    engine = dbmod.open_engine(db, create=False)
    with Session(engine) as s:
        articles = find_articles(s, query)
        ids = [a.id for a in articles]
        sources = {row.id: row for row in s.exec(select(models.Source))}
        cites: dict[str, list[models.Citation]] = defaultdict(list)
        stmts: dict[str, list[models.Statement]] = defaultdict(list)
        if ids:
            for c in s.exec(select(models.Citation).where(models.Citation.article_id.in_(ids)).order_by(models.Citation.span_start)):
                cites[c.article_id].append(c)
            for st in s.exec(select(models.Statement).where(models.Statement.article_id.in_(ids)).order_by(models.Statement.span_start)):
                stmts[st.article_id].append(st)
    engine.dispose()
    traces, edges = [], defaultdict(int)
    for a in articles:
        outlet = sources[a.outlet_id].name if a.outlet_id else None
        at = ArticleTrace(a.id, a.title, outlet, a.published, a.source)
        for c in cites[a.id]:
            citing = sources[c.citing_id].name if c.citing_id else None
            cited = sources[c.cited_id]
            at.credits.append(Credit(citing, cited.name, cited.kind, c.is_self, c.cue, c.evidence))
        for citing, cited in {(cr.citing or at.label, cr.cited) for cr in at.credits}:
            edges[(citing, cited)] += 1
        seen = set()
        for st in stmts[a.id]:
            key = tuple(st.chain)
            if key in seen:
                continue
            seen.add(key)
            origin = sources[st.source_id]
            at.chains.append(Chain(origin.name, origin.kind, list(st.chain), _hops(st.chain, st, at.credits, outlet), a.id))
        at.chains.sort(key=lambda c: (-c.length, c.origin))
        traces.append(at)
    return Report(query, traces, dict(sorted(edges.items())))
