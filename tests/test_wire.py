"""The worker-to-writer hand-over (provenance.wire): an article packed as tuples comes back equal, field for field."""

from __future__ import annotations

import pickle

import pytest

from provenance.ingest import process
from provenance.reader import read_file
from provenance.store import article_id
from provenance.wire import pack, unpack

from .conftest import FIXTURES


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.txt")), ids=lambda p: p.name)
def test_pack_round_trip(path):
    raw = read_file(path)
    item = process(raw, aid=article_id(raw.text))
    assert item.mapping.citations and item.cleaned.removed  # the seeds have both: every record kind is carried
    back = unpack(pickle.loads(pickle.dumps(pack(item))))
    assert back == item
    assert back.mapping.statements[0].hops == item.mapping.statements[0].hops


def test_packed_is_plain_data():
    """Only tuples, lists, strings, numbers and None cross the process boundary: no record classes to look up."""
    raw = read_file(sorted(FIXTURES.glob("*.txt"))[0])

    def plain(x) -> bool:
        if isinstance(x, (tuple, list)):
            return all(plain(y) for y in x)
        return x is None or isinstance(x, (str, int, float, bool))

    assert plain(pack(process(raw)))


def test_store_json_fast_path_writes_what_json_dumps_writes():
    import json
    import random

    from provenance.store import _dumps

    rng = random.Random(3)
    alphabet = ["a", "Z", " ", '"', "\\", "\n", "\t", "\x00", "\x7f", "é", "—", "\u2028", "\ud800", "😀", "/"]
    for _ in range(5000):
        value = [None if rng.random() < 0.2 else "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 8)))
                 for _ in range(rng.randrange(0, 5))]
        assert _dumps(value) == json.dumps(value)
    removed = [{"text": "Iklan", "rule": "ads.scroll", "reason": "ad", "line": 1}]
    assert _dumps(removed) == json.dumps(removed)
