"""Trace logic on databases populated through the library: story matching, claims, chains, reuse, flags."""

from __future__ import annotations

import time

import pytest

from provenance.errors import QueryError
from provenance.trace import TraceOptions, render, trace
from provenance.trace.reuse import Doc, similarity_matrix
from provenance.trace.settings import settings

from .trace_helpers import build_seed_db, plain_body, processed, seed_items, store

PANTAU, IDN, COPY, NEWS18, PAHAMI = (i.id for i in seed_items())


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory) -> str:
    return build_seed_db(str(tmp_path_factory.mktemp("trace") / "seed.db"))


@pytest.fixture(scope="module")
def report(seed_db):
    return trace(seed_db, "Kazakhstan")


def test_headline_claim_is_carried_by_all_five(report):
    claim = report.claims[0]
    assert claim.headline
    assert {a.article_id for a in claim.articles} == {PANTAU, IDN, COPY, NEWS18, PAHAMI}
    assert claim.max_hops == 3
    routes = {(c.origin_kind, tuple(c.path[1:-1])) for a in claim.articles for c in a.chains}
    assert ("anonymous", ("Axios", "Anadolu Agency")) in routes
    assert ("person", ("CNN",)) in routes
    assert ("person", ("Truth Social", "Reuters")) in routes
    hops = {a.article_id: a.hops for a in claim.articles}
    assert hops == {PANTAU: 3, IDN: 2, COPY: 3, NEWS18: 1, PAHAMI: 3}


def test_seed_002_is_an_uncredited_rewrite_of_000(report):
    assert len(report.reuses) == 1
    r = report.reuses[0]
    assert (r.source, r.copy, r.credited) == (PANTAU, COPY, False)
    assert r.direction == "containment"  # both dated the same day: told apart by the text
    assert any(f.kind == "uncredited-copy" and f.article_id == COPY for f in report.flags)


def test_reuse_threshold_keeps_its_margin():
    """Unrelated articles on the same story stay far below the threshold; the rewrite far above."""
    s = settings()
    items = seed_items()
    docs = [Doc(type("A", (), {"id": i.id})(), i.cleaned.body) for i in items]
    m = similarity_matrix(docs, s)
    assert m[0][2] >= 2 * s.reuse_threshold
    others = [m[i][j] for i in range(5) for j in range(i + 1, 5) if (i, j) != (0, 2)]
    assert max(others) * 2 <= s.reuse_threshold


def test_longest_chain_and_edges(report):
    longest = report.longest
    assert longest.path == ["US official", "Axios", "Anadolu Agency", "Pantau"] and longest.length == 3
    assert ("IDN Times", "CNN") in report.edges and ("Reuters", "Truth Social") in report.edges


def test_deterministic(seed_db):
    for fmt in ("md", "json", "dot", "prov-json"):
        assert render(trace(seed_db, "Kazakhstan"), fmt) == render(trace(seed_db, "Kazakhstan"), fmt)


def test_story_filters(seed_db):
    assert len(trace(seed_db, TraceOptions("Kazakhstan", since="2025-11-08")).articles) == 1
    assert len(trace(seed_db, TraceOptions("Kazakhstan", until="2025-11-07")).articles) == 4
    only = trace(seed_db, TraceOptions("Kazakhstan", outlet="pahami.id")).articles
    assert [a.id for a in only] == [PAHAMI]
    assert trace(seed_db, "Tokayev").articles[0].id == IDN
    assert trace(seed_db, "kazakhstan tungsten").articles[0].id == IDN  # every word must occur
    with pytest.raises(QueryError, match="YYYY-MM-DD"):
        trace(seed_db, TraceOptions("Kazakhstan", since="last week"))
    with pytest.raises(QueryError, match="no such outlet"):
        trace(seed_db, TraceOptions("Kazakhstan", outlet="Nobody Daily"))


@pytest.mark.parametrize("query", ['"', "NEAR(a b)", "Kazakhstan*", "') OR 1=1 --", "a:b", "body:Kazakhstan"])
def test_query_text_is_never_syntax(seed_db, query):
    trace(seed_db, query)  # no error: FTS5 operators and SQL are plain words


def test_index_rebuilt_for_older_database(tmp_path):
    from sqlalchemy import text

    from provenance import db as dbmod

    path = build_seed_db(str(tmp_path / "old.db"))
    engine = dbmod.open_engine(path)
    with engine.begin() as conn:
        conn.execute(text("DROP TABLE article_fts"))
    engine.dispose()
    assert len(trace(path, "Kazakhstan").articles) == 5


def _article(name: str, outlet: str | None, published: str, text: str, citations=(), statements=()) -> object:
    return processed(name, text, {"outlet": outlet, "published": published, "citations": list(citations), "statements": list(statements)})


def _cit(citing, cited, evidence, self=True):
    return {"citing": citing, "cited": cited, "kind": "outlet", "self": self, "cue": "via", "evidence": evidence}


def _st(source, kind, chain, evidence):
    return {"source": source, "kind": kind, "chain": chain, "cue": "said", "evidence": evidence}


def test_chain_continues_through_the_credited_outlets_own_article(tmp_path):
    db = str(tmp_path / "x.db")
    reuters = "Trump said on Truth Social that Kazakhstan will join the Abraham Accords soon."
    pahami = "Kazakhstan joins the accords. Trump said Kazakhstan will join the Abraham Accords soon, Reuters reported."
    store(db, [
        _article("reuters.txt", "Reuters", "2025-11-06", reuters,
                 [_cit(None, "Truth Social", reuters)],
                 [_st("Donald Trump", "person", ["Donald Trump", "Truth Social", "Reuters"], reuters)]),
        _article("pahami.txt", "Pahami.id", "2025-11-07", pahami,
                 [_cit(None, "Reuters", pahami[29:])],
                 [_st("Donald Trump", "person", ["Donald Trump", "Reuters", "Pahami.id"], pahami[29:])]),
    ])
    r = trace(db, "Kazakhstan")
    chain = next(c for a in r.articles if a.outlet == "Pahami.id" for c in a.chains)
    assert chain.path == ["Donald Trump", "Truth Social", "Reuters", "Pahami.id"]
    assert chain.length == 3 and chain.via_articles
    assert chain.hops[0].evidence == reuters  # the first hop's evidence comes from Reuters's own article
    assert not r.cycles


def test_circular_credit_is_reported_and_chains_do_not_loop(tmp_path):
    db = str(tmp_path / "loop.db")
    a = "Alpha Daily says the Kazakhstan report came from Beta News."
    b = "Beta News says the Kazakhstan report came from Alpha Daily."
    store(db, [
        _article("a.txt", "Alpha Daily", "2025-11-07", a, [_cit(None, "Beta News", a)],
                 [_st("Beta News", "outlet", ["Beta News", "Alpha Daily"], a)]),
        _article("b.txt", "Beta News", "2025-11-07", b, [_cit(None, "Alpha Daily", b)],
                 [_st("Alpha Daily", "outlet", ["Alpha Daily", "Beta News"], b)]),
    ])
    r = trace(db, "Kazakhstan")
    assert [c.outlets for c in r.cycles] == [("Alpha Daily", "Beta News")]
    assert any(f.kind == "circular-credit" for f in r.flags)
    for c in r.chains:
        named = [n for n in c.path if n]
        assert len(named) == len(set(named))
    assert "circular credit: Alpha Daily → Beta News → Alpha Daily" in render(r, "md")


def test_trace_is_fast_on_the_fixtures(seed_db):
    trace(seed_db, "Kazakhstan")
    start = time.perf_counter()
    for _ in range(5):
        trace(seed_db, "Kazakhstan")
    assert (time.perf_counter() - start) / 5 < 0.3


def test_plain_body_helper_keeps_evidence():
    assert "Jakarta, Pahami.id" in plain_body("\n  Jakarta, Pahami.id \n\n")
