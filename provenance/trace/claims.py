"""Claims: attributed statements that recur across the matched articles, grouped as one claim.

Two statements of different articles belong to one claim when either
- their evidence sentences say the same thing: the IDF-weighted overlap of their content words (names of the
  sources on their chains and function words left out) reaches ``claims.threshold`` in data/trace.toml, with at
  least three words in common; words that every statement of the story uses weigh little, so "Kazakhstan" and
  "Abraham Accords" alone do not make two statements one claim; or
- they are the same report relayed: the same origin told the same first medium (an anonymous US official to
  Axios, quoted by three outlets), which is one statement however each outlet words it.
Groups are the connected components of those links; a group is a claim when it spans two or more articles.

Then the story's headline: the words that at least half of the matched articles use in their title and first
sentence (at least two articles) are what the story asserts ("Kazakhstan", "bergabung", "Abraham", "Accords"). Every group with a statement that uses
more than half of those words (so a mere mention of "Abraham Accords" is not enough) asserts the headline, whoever its origin is, so those groups merge into one headline
claim: the anonymous official who told Axios and Trump on Truth Social are two origins of one claim. Wording
links alone cannot find that, since "the country is Kazakhstan" shares no words with "Kazakhstan will join".
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence

from .model import ArticleTrace, Chain, Claim, ClaimArticle
from .settings import Settings
from .text import content_words, words

MIN_SHARED = 3


class _Union:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


class Similarity:
    """Weighted word overlap between evidence sentences of one story's statements."""

    def __init__(self, chains: Sequence[Chain], s: Settings):
        self.bags = [self._bag(c, s) for c in chains]
        self.raw = [frozenset(content_words(c.hops[0].evidence if c.hops else "", s.stopwords, s.min_word)) for c in chains]
        df: dict[str, int] = defaultdict(int)
        for bag in self.bags:
            for w in bag:
                df[w] += 1
        n = max(len(self.bags), 1)
        self.idf = {w: math.log(1 + n / d) for w, d in df.items()}

    @staticmethod
    def _bag(c: Chain, s: Settings) -> frozenset[str]:
        names = {w for name in c.path if name for w in words(name)}
        return frozenset(content_words(c.hops[0].evidence if c.hops else "", s.stopwords, s.min_word, names))

    def score(self, i: int, j: int) -> float:
        a, b = self.bags[i], self.bags[j]
        shared = a & b
        if len(shared) < MIN_SHARED:
            return 0.0
        weight = self.idf.get
        return sum(weight(w, 0) for w in shared) / min(sum(weight(w, 0) for w in a), sum(weight(w, 0) for w in b))


def _candidates(sim: Similarity, chains: Sequence[Chain]) -> list[tuple[int, int]]:
    """Pairs of statements of different articles sharing at least MIN_SHARED words, found through an inverted
    index instead of every pair, so a story of thousands of statements stays fast. Words in more than a tenth of
    the statements (and more than 50) are skipped here: they weigh too little to make a link on their own."""
    postings: dict[str, list[int]] = defaultdict(list)
    for i, bag in enumerate(sim.bags):
        for w in bag:
            postings[w].append(i)
    cap = max(50, len(chains) // 10)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for ids in postings.values():
        if len(ids) > cap:
            continue
        for x in range(len(ids)):
            for y in range(x + 1, len(ids)):
                i, j = ids[x], ids[y]
                if chains[i].article_id != chains[j].article_id:
                    shared[(i, j)] += 1
    return sorted(pair for pair, n in shared.items() if n >= MIN_SHARED)


def lead(text: str, limit: int = 300) -> str:
    """The first sentence (or line) of a body: where a news article states its headline claim."""
    end = min((i for i in (text.find(". "), text.find("\n")) if i >= 0), default=len(text))
    return text[: min(end, limit)]


def headline_words(heads: Sequence[str | None], s: Settings) -> set[str]:
    """Content words that at least half of the heads (title and lead) use; none when fewer than two are known."""
    bags = [content_words(t, s.stopwords, s.min_word) for t in heads if t]
    if len(bags) < 2:
        return set()
    df: dict[str, int] = defaultdict(int)
    for bag in bags:
        for w in bag:
            df[w] += 1
    return {w for w, n in df.items() if 2 * n >= len(bags) and n >= 2}


def _headline_title(articles: Sequence[ArticleTrace], headline: set[str], s: Settings) -> str | None:
    """The title that says the headline most plainly: most headline words, then the shortest."""
    titles = sorted({a.title for a in articles if a.title})
    scored = [(-len(content_words(t, s.stopwords, s.min_word) & headline), len(t), t) for t in titles]
    return min(scored)[2] if scored else None


def group_claims(
    chains: Sequence[Chain], s: Settings, articles: Sequence[ArticleTrace], bodies: dict[str, str] | None = None
) -> list[Claim]:
    """Claims over ``chains`` (one per statement, already continued across articles), in report order."""
    chains = list(chains)
    outlets = {a.id: a.outlet for a in articles}
    order = {a.id: n for n, a in enumerate(articles)}
    sim = Similarity(chains, s)
    union = _Union(len(chains))
    scores: dict[tuple[int, int], float] = {}
    for i, j in _candidates(sim, chains):
        v = sim.score(i, j)
        scores[(i, j)] = v
        if v >= s.claim_threshold:
            union.join(i, j)
    # Same report relayed: every statement of an (origin, first medium) that two or more articles carry.
    relayed: dict[tuple[str, str | None], list[int]] = defaultdict(list)
    for i, c in enumerate(chains):
        if len(c.path) >= 3:
            relayed[(c.origin, c.path[1])].append(i)
    for members in relayed.values():
        if len({chains[i].article_id for i in members}) > 1:
            for i in members[1:]:
                union.join(members[0], i)
    bodies = bodies or {}
    heads = {a.id: " ".join(filter(None, [a.title, lead(bodies.get(a.id, ""))])) for a in articles}
    headline = headline_words(list(heads.values()), s)
    need = max(2, len(headline) // 2 + 1)
    asserting = [i for i in range(len(chains)) if headline and len(sim.raw[i] & headline) >= need]
    for i in asserting[1:]:
        union.join(asserting[0], i)
    headline_root = union.find(asserting[0]) if asserting else None
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(chains)):
        groups[union.find(i)].append(i)
    claims = []
    for root, members in groups.items():
        by_article: dict[str, list[Chain]] = defaultdict(list)
        for i in members:
            by_article[chains[i].article_id].append(chains[i])
        if root == headline_root:
            # An article whose own title or lead asserts the headline carries the claim even when no statement
            # of it is attributed: it is listed with no chain (0 hops), and flagged as unattributed.
            for a in articles:
                if a.id not in by_article and len(content_words(heads[a.id], s.stopwords, s.min_word) & headline) >= need:
                    by_article[a.id] = []
        if len(by_article) < 2:
            continue
        # The label is the member most like the others (ties: the first stored), so it reads as the claim itself.
        def centrality(i: int, members=members) -> tuple[float, int]:
            return (-sum(scores.get((min(i, j), max(i, j)), 0.0) for j in members if j != i), i)

        label = chains[min(members, key=centrality)].hops[0].evidence
        if root == headline_root:
            label = _headline_title(articles, headline, s) or label
        carried = [
            ClaimArticle(aid, outlets.get(aid), sorted(cs, key=lambda c: (-c.length, c.origin, c.statement_id)))
            for aid, cs in sorted(by_article.items(), key=lambda kv: order[kv[0]])
        ]
        origins = sorted({f"{c.origin} ({c.origin_kind})" for i in members for c in [chains[i]]})
        claims.append(Claim("", label, carried, origins, headline=root == headline_root))
    claims.sort(key=lambda c: (not c.headline, -len(c.articles), -c.max_hops, c.label))
    for n, claim in enumerate(claims, 1):
        claim.id = f"C{n}"
    return claims
