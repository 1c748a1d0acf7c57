"""Uncredited reuse: articles that copy or closely rewrite another matched article.

Word shingles (3 words, see data/trace.toml) of each body; an inverted index of shingles proposes candidate
pairs, or MinHash/LSH (datasketch) on very large stories, and every candidate is then measured exactly: containment of the smaller article's shingles in the
larger. Containment, not Jaccard, because a rewrite pads its source with filler (seed 002 adds a paragraph of
generic closing lines to seed 000), which drags Jaccard down while the copied share stays high.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

from .model import ArticleTrace, Reuse
from .settings import Settings
from .text import shingles

MIN_SHARED = 3
POSTING_CAP = 20


@dataclass(frozen=True)
class Doc:
    article: ArticleTrace
    body: str


def _shared_candidates(sets: list[set[str]], threshold: float) -> list[tuple[int, int]]:
    """Pairs sharing at least MIN_SHARED shingles, through an inverted index (no pass over every pair).

    Shingles in more than POSTING_CAP articles are skipped: story-wide stock phrases, not copying, and the pass
    over their postings is what grows as n² (a fixed cap keeps it linear in the shingles). A real copy shares far
    more than MIN_SHARED rare shingles (002 and 000 share about 90), so a pair is a candidate only when its rare
    shared shingles alone reach half the containment threshold of the smaller article."""
    postings: dict[str, list[int]] = defaultdict(list)
    for i, sh in enumerate(sets):
        for x in sh:
            postings[x].append(i)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for ids in postings.values():
        if 1 < len(ids) <= POSTING_CAP:
            for pair in combinations(ids, 2):
                shared[pair] += 1
    sizes = [len(sh) for sh in sets]
    return sorted(
        (a, b) for (a, b), n in shared.items() if n >= MIN_SHARED and n >= threshold / 2 * min(sizes[a], sizes[b])
    )


def _candidates(sets: list[set[str]], s: Settings) -> list[tuple[int, int]]:
    n = len(sets)
    if n < s.exact_below:
        return _shared_candidates(sets, s.reuse_threshold)
    # Very large stories: MinHash/LSH bounds the work by the number of articles, not by shared phrases.
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=s.lsh_threshold, num_perm=s.num_perm)
    hashes = []
    for i, sh in enumerate(sets):
        m = MinHash(num_perm=s.num_perm, seed=1)
        m.update_batch([x.encode("utf-8") for x in sorted(sh)])
        hashes.append(m)
        lsh.insert(str(i), m)
    pairs = set()
    for i, m in enumerate(hashes):
        for key in lsh.query(m):
            j = int(key)
            if j != i:
                pairs.add((min(i, j), max(i, j)))
    return sorted(pairs)


def _credits(later: ArticleTrace, earlier: ArticleTrace) -> bool:
    return earlier.outlet is not None and any(c.cited == earlier.outlet for c in later.credits)


def _order(a: ArticleTrace, b: ArticleTrace, a_in_b: float, b_in_a: float) -> tuple[ArticleTrace, ArticleTrace, str]:
    """(source, copy, how we know). The earlier date wins; else a credit; else the text kept more whole."""
    if a.published and b.published and a.published != b.published:
        return (a, b, "date") if a.published < b.published else (b, a, "date")
    if _credits(b, a) != _credits(a, b):
        return (a, b, "credit") if _credits(b, a) else (b, a, "credit")
    # A rewrite keeps most of its source and adds its own padding, so the source is the text more contained
    # in the other. Equal containment (an exact copy) falls back to the id, only to stay deterministic.
    if a_in_b != b_in_a:
        return (a, b, "containment") if a_in_b > b_in_a else (b, a, "containment")
    return (a, b, "containment") if a.id < b.id else (b, a, "containment")


def find_reuse(docs: Sequence[Doc], s: Settings) -> list[Reuse]:
    """Every pair of matched articles whose shingle containment reaches the threshold, source first."""
    sets = [shingles(d.body, s.shingle) for d in docs]
    found = []
    for i, j in _candidates(sets, s):
        a, b = sets[i], sets[j]
        if not a or not b:
            continue
        inter = len(a & b)
        containment = inter / min(len(a), len(b))
        if containment < s.reuse_threshold:
            continue
        src, copy, how = _order(docs[i].article, docs[j].article, inter / len(a), inter / len(b))
        found.append(
            Reuse(
                source=src.id,
                copy=copy.id,
                similarity=round(containment, 3),
                jaccard=round(inter / len(a | b), 3),
                direction=how,
                credited=_credits(copy, src),
            )
        )
    return sorted(found, key=lambda r: (-r.similarity, r.source, r.copy))


def similarity_matrix(docs: Sequence[Doc], s: Settings) -> list[list[float]]:
    """Containment of every pair (for choosing thresholds while developing; the report does not use it)."""
    sets = [shingles(d.body, s.shingle) for d in docs]
    n = len(sets)
    out = [[1.0] * n for _ in range(n)]
    for i, j in combinations(range(n), 2):
        a, b = sets[i], sets[j]
        v = len(a & b) / min(len(a), len(b)) if a and b else 0.0
        out[i][j] = out[j][i] = round(v, 3)
    return out
