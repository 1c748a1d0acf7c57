"""Claims: attributed statements that recur across the matched articles, grouped as one claim.

Two statements of different articles belong to one claim when either
- their evidence sentences say the same thing: the IDF-weighted overlap of their content words (names of the
  sources on their chains and function words left out) reaches ``claims.threshold`` in data/trace.toml, with at
  least three words in common; words that every statement of the story uses weigh little, so "Kazakhstan" and
  "Abraham Accords" alone do not make two statements one claim; or
- they are the same report relayed: the same origin told the same first medium (an anonymous US official to
  Axios, quoted by three outlets) in articles of the same story, which is one statement however each outlet
  words it.
Groups are the connected components of those links; a group is a claim when it spans two or more articles.

Wording alone cannot find a story's headline claim: "the country is Kazakhstan" shares no words with "Kazakhstan
will join the Abraham Accords". So each story (provenance.trace.stories: the articles whose titles and leads share
a headline) gets one headline claim, and a statement of one of its articles belongs to it when
1. its evidence sentence asserts the headline: it uses more than half of the headline words, the story's key
   entities and verb ("Kazakhstan", "bergabung", "Abraham"); a mere "Abraham Accords" is not enough;
2. its origin is the voice of an asserting statement in the same article: "Trump announced that Kazakhstan will
   join" in the lead makes the article's later "..., ujar Trump, dilansir CNN" the route by which it had Trump's
   word (the lead names Trump without the medium);
3. it relays the same report as an asserting statement in the same article: the same media chain before the
   article ("Menurut laporan tersebut, ..." after "Axios reported, Anadolu quoted" inherits Axios -> Anadolu), so
   the anonymous official who named Kazakhstan to Axios joins the diplomatic source of that Axios report;
4. it is the credit of an asserting lead: the article's first sentence states the headline with no source, and a
   bare media credit follows at once ("Kabar ini dilaporkan oleh media Axios dan dikutip oleh Anadolu", "CNN
   reported the news"): the headline came through that report, so rule 3 then brings in the report's sources;
5. it is linked by the rules above (same wording, same report relayed across articles of the story) to a member.
Relayed-report links stay within one story: Trump via Reuters on a trade deal is not Trump via Reuters on the
Abraham Accords. Articles of a story that carry no member are listed at 0 hops (and flagged unattributed); a story
with no member at all still gets its headline claim, carried at 0 hops.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence

from .chains import MEDIA
from .model import ArticleTrace, Chain, Claim, ClaimArticle
from .settings import Settings
from .stories import Story, find_stories, lead
from .text import content_words, words

MIN_SHARED = 3
POSTING_CAP = 50


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


_PAIR_WEIGHTS = (math.log(1 + 2 / 2), math.log(1 + 2 / 1))  # idf of a word in both of two bags, in one


class Similarity:
    """Weighted word overlap between evidence sentences of one story's statements."""

    def __init__(self, chains: Sequence[Chain], s: Settings):
        self.bags = [self.bag(c, s) for c in chains]
        self.raw = [frozenset(content_words(c.hops[0].evidence if c.hops else "", s.stopwords, s.min_word)) for c in chains]
        df: dict[str, int] = defaultdict(int)
        for bag in self.bags:
            for w in bag:
                df[w] += 1
        n = max(len(self.bags), 1)
        self.idf = {w: math.log(1 + n / d) for w, d in df.items()}

    @staticmethod
    def pair_score(a: frozenset[str], b: frozenset[str]) -> float:
        """``Similarity`` of just two statements, from their bags (:meth:`bag`), without building one: with two
        bags a shared word weighs log(1 + 2/2) and any other log(1 + 2/1). Sums run in the same order as
        :meth:`score`'s, so the result is the same to the last bit."""
        shared = a & b
        if len(shared) < MIN_SHARED:
            return 0.0
        both, one = _PAIR_WEIGHTS
        return sum(both for _ in shared) / min(sum(both if w in b else one for w in a),
                                               sum(both if w in a else one for w in b))

    @staticmethod
    def bag(c: Chain, s: Settings) -> frozenset[str]:
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
    index instead of every pair, so a story of thousands of statements stays fast. Words in more than POSTING_CAP
    statements are skipped here: they weigh too little to make a link on their own, and their postings are what
    would make this pass grow as n²."""
    postings: dict[str, list[int]] = defaultdict(list)
    for i, bag in enumerate(sim.bags):
        for w in bag:
            postings[w].append(i)
    cap = POSTING_CAP
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


def _report(c: Chain) -> tuple[str | None, ...]:
    """The media a statement came through before its article: the report it relays ("Menurut laporan tersebut" and
    the other statements of one Axios-via-Anadolu report share it). Empty for a source the article heard itself."""
    return tuple(c.path[:-1] if c.origin_kind in MEDIA else c.path[1:-1])


def _credits_lead(c: Chain, body: str, story: Story, s: Settings) -> bool:
    """Rule 4: a bare media credit within the two opening sentences of an article whose lead asserts the headline."""
    if c.origin_kind not in MEDIA or not c.hops or not body:
        return False
    first = lead(body)
    if not story.asserts(content_words(first, s.stopwords, s.min_word)):
        return False
    where = body.find(c.hops[0].evidence)
    return 0 <= where <= len(first) + 1 + len(lead(body[len(first) + 1 :]))


def _headline_members(
    chains: Sequence[Chain], sim: Similarity, story_of: dict[str, Story], bodies: dict[str, str], s: Settings
) -> dict[int, list[int]]:
    """Per story, the statements that carry its headline (rules 1-4 of the module docstring)."""
    asserting: dict[int, list[int]] = defaultdict(list)
    for i, c in enumerate(chains):
        st = story_of.get(c.article_id)
        if st is not None and (st.asserts(sim.raw[i]) or _credits_lead(c, bodies.get(c.article_id, ""), st, s)):
            asserting[st.number].append(i)
    # Within one article: the voices that assert it, and the reports that an asserting statement came through.
    seeds = [chains[i] for ids in asserting.values() for i in ids]
    voices = {(c.article_id, c.origin) for c in seeds if c.origin_kind not in MEDIA}
    reports = {(c.article_id, _report(c)) for c in seeds if _report(c)}
    members: dict[int, list[int]] = {}
    for i, c in enumerate(chains):
        st = story_of.get(c.article_id)
        if st is None:
            continue
        if i in asserting[st.number] or (c.article_id, c.origin) in voices or (c.article_id, _report(c)) in reports:
            members.setdefault(st.number, []).append(i)
    return members


def _headline_title(articles: Sequence[ArticleTrace], story: Story, bodies: dict[str, str], s: Settings) -> str | None:
    """The title (else the lead) that says the headline most plainly: most headline words, then the shortest."""
    ids = set(story.articles)
    heads = sorted({a.title for a in articles if a.id in ids and a.title}) or sorted(
        {lead(bodies.get(a.id, "")) for a in articles if a.id in ids} - {""}
    )
    scored = [(-len(content_words(t, s.stopwords, s.min_word) & story.headline), len(t), t) for t in heads]
    return min(scored)[2] if scored else None


def group_claims(
    chains: Sequence[Chain], s: Settings, articles: Sequence[ArticleTrace], bodies: dict[str, str] | None = None
) -> list[Claim]:
    """Claims over ``chains`` (one per statement, already continued across articles), in report order."""
    chains = list(chains)
    bodies = bodies or {}
    outlets = {a.id: a.outlet for a in articles}
    order = {a.id: n for n, a in enumerate(articles)}
    stories = find_stories(articles, bodies, s)
    story_of = {aid: st for st in stories for aid in st.articles}
    sim = Similarity(chains, s)
    union = _Union(len(chains))
    scores: dict[tuple[int, int], float] = {}
    for i, j in _candidates(sim, chains):
        v = sim.score(i, j)
        scores[(i, j)] = v
        if v >= s.claim_threshold:
            union.join(i, j)
    # Same report relayed: the statements of one (origin, first medium) in two or more articles of one story.
    relayed: dict[tuple[int, str, str | None], list[int]] = defaultdict(list)
    for i, c in enumerate(chains):
        if len(c.path) >= 3:
            st = story_of.get(c.article_id)
            relayed[(st.number if st else -1, c.origin, c.path[1])].append(i)
    for members in relayed.values():
        if len({chains[i].article_id for i in members}) > 1:
            for i in members[1:]:
                union.join(members[0], i)
    heads: dict[int, int] = {}
    for number, members in sorted(_headline_members(chains, sim, story_of, bodies, s).items()):
        for i in members[1:]:
            union.join(members[0], i)
        heads[union.find(members[0])] = number
    # Summed over scored pairs only (candidates), not over every pair of a group: a big claim stays linear.
    likeness: dict[int, float] = defaultdict(float)
    for (i, j), v in scores.items():
        if union.find(i) == union.find(j):
            likeness[i] += v
            likeness[j] += v
    groups: dict[int | None, list[int]] = defaultdict(list)
    for i in range(len(chains)):
        groups[union.find(i)].append(i)
    # A story whose headline no attributed statement asserts is still a claim its articles carry, at 0 hops.
    for st in stories:
        if st.number not in heads.values():
            groups[-1 - st.number] = []
            heads[-1 - st.number] = st.number
    claims = []
    for root, members in groups.items():
        by_article: dict[str, list[Chain]] = defaultdict(list)
        for i in members:
            by_article[chains[i].article_id].append(chains[i])
        story = stories[heads[root]] if root in heads else None
        if story is not None:
            # An article of the story that carries no attributed statement of its headline still carries the
            # claim: it is listed with no chain (0 hops), and flagged as unattributed.
            for aid in story.articles:
                by_article.setdefault(aid, [])
        if len(by_article) < 2:
            continue

        # The label is the member most like the others (ties: the first stored), so it reads as the claim itself.
        label = chains[min(members, key=lambda i: (-likeness[i], i))].hops[0].evidence if members else ""
        if story is not None:
            label = _headline_title(articles, story, bodies, s) or label
        carried = [
            ClaimArticle(aid, outlets.get(aid), sorted(cs, key=lambda c: (-c.length, c.origin, c.statement_id)))
            for aid, cs in sorted(by_article.items(), key=lambda kv: order[kv[0]])
        ]
        origins = sorted({f"{c.origin} ({c.origin_kind})" for i in members for c in [chains[i]]})
        claims.append(Claim("", label, carried, origins, headline=story is not None))
    claims.sort(key=lambda c: (not c.headline, -len(c.articles), -c.max_hops, c.label))
    for n, claim in enumerate(claims, 1):
        claim.id = f"C{n}"
    return claims
