"""Acceptance of issue 5 on the real pipeline: ingest the five fixtures (cleaner + mapper), then trace.

These pass once the real cleaner and mapper have landed; tests/test_trace_core.py checks the same facts on
hand-made mapper output meanwhile.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from provenance.trace import trace

from .conftest import run_cli


@pytest.fixture(scope="module")
def report(seeded_db):
    return trace(seeded_db, "Kazakhstan")


def _by_file(report) -> dict[str, str]:
    return {Path(a.source).name[:3]: a.id for a in report.articles}


def test_kazakhstan_claim_in_all_five_articles(report):
    ids = _by_file(report)
    claim = next((c for c in report.claims if len(c.articles) == 5), None)
    assert claim is not None, [(c.label, len(c.articles)) for c in report.claims]
    assert {a.article_id for a in claim.articles} == set(ids.values())
    assert claim.max_hops == 3
    routes = {(c.origin_kind, c.origin, tuple(c.path[1:-1])) for a in claim.articles for c in a.chains}
    assert any(kind == "anonymous" and "Axios" in via for kind, _, via in routes)
    assert any(origin == "Donald Trump" and via[:1] == ("CNN",) for _, origin, via in routes)
    assert any(origin == "Donald Trump" and via == ("Truth Social", "Reuters") for _, origin, via in routes)


def test_seed_002_flagged_as_uncredited_rewrite_of_000(report):
    ids = _by_file(report)
    assert [(r.source, r.copy, r.credited) for r in report.reuses] == [(ids["000"], ids["002"], False)]
    assert any(f.kind == "uncredited-copy" and f.article_id == ids["002"] for f in report.flags)


def test_trace_command_prints_the_headline(seeded_db):
    result = run_cli("--db", seeded_db, "trace", "Kazakhstan")
    assert result.exit_code == 0
    assert "Carried by 5 articles; at most 3 hops from origin" in result.output
    assert "**Uncredited copy**" in result.output
