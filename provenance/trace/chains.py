"""Chains: each statement's route from its origin to the article, continued across the stored articles.

Within one article a chain is what the mapper stored (origin first, the article's outlet last). Across articles:
when a chain passes through a medium B (Pahami.id credits Reuters) and the matched story holds B's own article,
the chain continues through B's chain for the same statement (Reuters's own article credits Truth Social, where
Trump said it). A continuation that would bring a medium back onto its own chain is not made: the chain is cut
there and the loop is reported as circular credit.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence

from .model import ArticleTrace, Chain, Credit, Cycle, Hop

MEDIA = frozenset({"outlet", "agency", "broadcaster", "platform"})


def hops_of(path: list[str | None], cue: str, evidence: str, credits: Sequence[Credit], article_id: str) -> list[Hop]:
    """Evidence for each arrow of a chain: the statement's sentence for the first, a credit for the others."""
    out = [Hop(path[0], path[1], cue, evidence, article_id)] if len(path) > 1 else []
    last_taker = path[-1]
    for giver, taker in zip(path[1:], path[2:], strict=False):
        match = next(
            (c for c in credits if c.cited == giver and (c.citing == taker or (taker == last_taker and c.self))),
            None,
        )
        out.append(Hop(giver, taker, match.cue if match else "", match.evidence if match else "", article_id))
    return out


class Continuer:
    """Continues chains through other articles of the story, memoised, refusing loops."""

    def __init__(
        self,
        articles: Sequence[ArticleTrace],
        same_statement: Callable[[Chain, Chain], bool],
    ):
        self.by_outlet: dict[str, list[ArticleTrace]] = defaultdict(list)
        for a in articles:
            if a.outlet:
                self.by_outlet[a.outlet].append(a)
        self.published = {a.id: a.published for a in articles}
        self.same_statement = same_statement
        self.cycles: set[tuple[str, ...]] = set()
        self.done: dict[tuple[str, int], Chain] = {}

    def _upstream(self, chain: Chain, j: int, medium: str) -> list[Chain]:
        """Chains in ``medium``'s own articles that carry the statement ``chain`` passes through ``medium``."""
        mine = self.published.get(chain.article_id)
        found = []
        for art in self.by_outlet.get(medium, []):
            if art.id == chain.article_id:
                continue
            theirs = self.published.get(art.id)
            if mine and theirs and theirs > mine:  # a later article cannot be the one credited
                continue
            for up in art.chains:
                if up.length < 1:
                    continue
                if j > 0 and up.origin == chain.origin or j == 0 and self.same_statement(up, chain):
                    found.append(up)
        return found

    def extend(self, chain: Chain, stack: tuple[str, ...] = ()) -> Chain:
        key = (chain.article_id, chain.statement_id)
        if key in self.done:
            return self.done[key]
        best = chain
        for j, medium in enumerate(chain.path[:-1]):
            if medium is None or (j == 0 and chain.origin_kind not in MEDIA):
                continue
            ups = self._upstream(chain, j, medium)
            if not ups:
                continue
            for up in sorted(ups, key=lambda c: (c.article_id, c.statement_id)):
                if up.article_id in stack:
                    self._cycle(chain.path[j:], up.path)
                    best.cut_by_cycle = True
                    continue
                full = self.extend(up, (*stack, chain.article_id))
                head = full.path[:-1]
                tail = chain.path[j:]
                if set(filter(None, head)) & set(filter(None, tail)):
                    self._cycle(tail, full.path)
                    best.cut_by_cycle = True
                    continue
                path = head + tail
                if len(path) <= len(best.path):
                    continue
                best = Chain(
                    statement_id=chain.statement_id,
                    article_id=chain.article_id,
                    origin=full.origin,
                    origin_kind=full.origin_kind,
                    path=path,
                    hops=full.hops + chain.hops[j:],
                    via_articles=sorted({*full.via_articles, full.article_id}),
                    cut_by_cycle=chain.cut_by_cycle or full.cut_by_cycle,
                )
            break  # continue through the medium nearest the origin only: it holds the longest known route
        self.done[key] = best
        return best

    def _cycle(self, tail: list[str | None], upstream: list[str | None]) -> None:
        names = [n for n in upstream if n] + [n for n in tail if n]
        seen: list[str] = []
        for n in names:
            if n in seen:
                loop = seen[seen.index(n) :]
                self.cycles.add(_rotate(tuple(loop)))
                return
            seen.append(n)


def _rotate(loop: tuple[str, ...]) -> tuple[str, ...]:
    """The same loop always reads the same: start at its smallest name."""
    k = loop.index(min(loop))
    return loop[k:] + loop[:k]


def credit_cycles(edges: dict[tuple[str, str], int]) -> list[Cycle]:
    """Loops in who-credits-whom (A credits B, B credits A): every strongly connected group, read as one loop."""
    graph: dict[str, list[str]] = defaultdict(list)
    for a, b in sorted(edges):
        graph[a].append(b)
    found: set[tuple[str, ...]] = set()
    for start in sorted(graph):
        # Depth-first from each node, shortest loops first is not needed: any loop back to `start` names a cycle.
        stack = [(start, [start])]
        seen = set()
        while stack:
            node, path = stack.pop()
            for nxt in sorted(graph.get(node, []), reverse=True):
                if nxt == start:
                    found.add(_rotate(tuple(path)))
                elif nxt not in seen and nxt not in path:
                    seen.add(nxt)
                    stack.append((nxt, [*path, nxt]))
    return [Cycle(c) for c in sorted(found)]


def continue_chains(articles: Sequence[ArticleTrace], same_statement: Callable[[Chain, Chain], bool]) -> set[tuple[str, ...]]:
    """Replace every article's chains by their continuation across articles; return the loops met."""
    cont = Continuer(articles, same_statement)
    extended = {a.id: [cont.extend(c) for c in a.chains] for a in articles}
    for a in articles:
        a.chains = sorted(extended[a.id], key=lambda c: (-c.length, c.origin, c.statement_id))
    return cont.cycles
