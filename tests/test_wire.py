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
