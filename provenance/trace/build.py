"""Assemble a :class:`Report`: match the story, load it in batches, continue chains, group claims, find reuse,
raise flags. Pure data out; the renderers turn it into text."""

from __future__ import annotations

import logging
from collections import defaultdict

from sqlmodel import Session

from .. import db as dbmod
from .chains import MEDIA, continue_chains, credit_cycles
from .claims import Similarity, group_claims
from .load import load_traces
from .model import ArticleTrace, Chain, Claim, Cycle, Flag, OutletRow, Report, Reuse, TraceOptions
from .reuse import Doc, find_reuse
from .search import find_articles
from .settings import Settings, settings

log = logging.getLogger(__name__)


def trace(db: str | None, options: TraceOptions | str) -> Report:
    """The trace report of the story that ``options.query`` matches in database ``db``."""
    if isinstance(options, str):
        options = TraceOptions(options)
    s = settings()
    engine = dbmod.open_engine(db, create=False)
    try:
        with dbmod.session(engine) as session:
            return build(session, options, s)
    finally:
        engine.dispose()


def build(session: Session, options: TraceOptions, s: Settings) -> Report:
    rows = find_articles(session, options)
    articles, kinds = load_traces(session, rows)
    bodies = {a.id: a.body for a in rows}
    log.debug("trace %r: %d articles", options.query, len(articles))

    bags: dict[tuple, frozenset[str]] = {}  # a chain's word bag depends on its first evidence and its path only

    def bag(c: Chain) -> frozenset[str]:
        key = (c.hops[0].evidence if c.hops else "", tuple(c.path))
        if key not in bags:
            bags[key] = Similarity.bag(c, s)
        return bags[key]

    def same_statement(a: Chain, b: Chain) -> bool:
        return Similarity.pair_score(bag(a), bag(b)) >= s.claim_threshold

    loops = continue_chains(articles, same_statement)
    edges = _edges(articles)
    cycles = sorted({*(Cycle(c) for c in loops), *credit_cycles(edges)}, key=lambda c: c.outlets)
    claims = group_claims([c for a in articles for c in a.chains], s, articles, bodies)
    reuses = find_reuse([Doc(a, bodies[a.id]) for a in articles], s)
    report = Report(options, articles, edges, claims, reuses, cycles)
    report.flags = _flags(articles, claims, reuses, cycles, kinds)
    report.outlets = _outlets(articles, edges, kinds)
    return report


def _edges(articles: list[ArticleTrace]) -> dict[tuple[str, str], int]:
    edges: dict[tuple[str, str], int] = defaultdict(int)
    for a in articles:
        for citing, cited in {(cr.citing or a.label, cr.cited) for cr in a.credits}:
            edges[(citing, cited)] += 1
    return dict(sorted(edges.items()))


def _flags(articles: list[ArticleTrace], claims: list[Claim], reuses: list[Reuse], cycles: list[Cycle], kinds: dict[str, str]) -> list[Flag]:
    published = {a.outlet for a in articles if a.outlet}
    labels = {a.id: a.label if not a.outlet else f"{a.outlet} ({a.id})" for a in articles}
    flags: set[Flag] = set()
    for a in articles:
        if not a.chains:
            flags.add(Flag("unattributed", a.id, f"{a.label}: no statement in this article is attributed to a source"))
        for c in a.chains:
            route = " → ".join(n or a.label for n in c.path)
            if c.origin_kind == "anonymous":
                flags.add(Flag("anonymous-origin", a.id, f"{a.label}: anonymous origin “{c.origin}” ({route})"))
            # The medium nearest the origin: past it the trail can only be followed outside this corpus.
            first = c.origin if c.origin_kind in MEDIA else (c.path[1] if len(c.path) > 2 else None)
            if first and first not in published:
                flags.add(Flag("outside-corpus", a.id, f"{a.label}: a chain ends at {first}, whose own article is not in this corpus"))
    for claim in claims:
        for ca in claim.articles:
            if not ca.chains:
                flags.add(Flag("unattributed", ca.article_id, f"{labels[ca.article_id]} states claim {claim.id} without attributing it to a source"))
    for r in reuses:
        if not r.credited:
            flags.add(
                Flag(
                    "uncredited-copy",
                    r.copy,
                    f"{labels[r.copy]} rewrites {labels[r.source]} without credit"
                    f" — similarity {r.similarity:.2f}, order by {r.direction}",
                )
            )
    for cy in cycles:
        flags.add(Flag("circular-credit", None, "circular credit: " + " → ".join((*cy.outlets, cy.outlets[0]))))
    order = {k: i for i, k in enumerate(["uncredited-copy", "circular-credit", "anonymous-origin", "outside-corpus", "unattributed"])}
    return sorted(flags, key=lambda f: (order[f.kind], f.article_id or "", f.text))


def _outlets(articles: list[ArticleTrace], edges: dict[tuple[str, str], int], kinds: dict[str, str]) -> list[OutletRow]:
    published: dict[str, int] = defaultdict(int)
    for a in articles:
        if a.outlet:
            published[a.outlet] += 1
    cites: dict[str, int] = defaultdict(int)
    cited: dict[str, int] = defaultdict(int)
    for (a, b), n in edges.items():
        cites[a] += n
        cited[b] += n
    names = set(published) | {n for e in edges for n in e if n in kinds}
    return [
        OutletRow(n, kinds.get(n, "outlet"), published.get(n, 0), cites.get(n, 0), cited.get(n, 0), n in published)
        for n in sorted(names)
    ]
