"""The pairwise statement similarity used while continuing chains equals the general one, to the last bit."""

from __future__ import annotations

import random

from provenance.trace.claims import Similarity
from provenance.trace.model import Chain, Hop
from provenance.trace.settings import settings

WORDS = [f"kata{i}" for i in range(40)] + ["Jakarta", "Reuters", "menteri", "pelabuhan", "ditunda", "anggaran"]


def _chain(rng: random.Random, i: int) -> Chain:
    text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 25)))
    path = [rng.choice(["Reuters", "Antara", None]), "Kompas"]
    return Chain(i, f"a{i}", "Budi", "person", path, [Hop("Budi", "Kompas", "kata", text, f"a{i}")])


def test_pair_score_is_the_score_of_a_two_statement_similarity():
    s, rng = settings(), random.Random(7)
    checked = 0
    for i in range(400):
        a, b = _chain(rng, 2 * i), _chain(rng, 2 * i + 1)
        expected = Similarity([a, b], s).score(0, 1)
        assert Similarity.pair_score(Similarity.bag(a, s), Similarity.bag(b, s)) == expected
        checked += expected > 0
    assert checked > 50  # most pairs share enough words to be scored, not just the 0.0 shortcut
