"""Every fact of fixtures/seeds.gold.yaml, checked end to end: ingest -> database -> export."""

from __future__ import annotations

import pytest

from .conftest import run_cli


def _gold_ids(seeds_gold):
    return [g["file"] for g in seeds_gold]


def _edges(rec) -> set[tuple[str, str]]:
    out = set()
    for c in rec["citations"]:
        citing = "SELF" if c["self"] else c["citing"]
        out.add((citing, c["cited"]))
    return out


@pytest.fixture(params=range(5), ids=lambda i: f"seed{i}")
def case(request, seeds_gold, seeded_export):
    gold = seeds_gold[request.param]
    return gold, seeded_export[gold["file"]]


def test_outlet_language_and_people(case):
    gold, rec = case
    assert rec["outlet"] == gold["outlet"]
    assert rec["language"] == gold["language"]
    for key in ("author", "editor"):
        if key in gold:
            assert rec[key] == gold[key]


def test_boilerplate_removed_and_body_kept(case):
    gold, rec = case
    lines = rec["body"].splitlines()
    for bp in gold["boilerplate"]:
        bp = bp.encode().decode("unicode_escape") if bp == "\\n" else bp
        assert not any(bp in line for line in lines), f"boilerplate kept: {bp!r}"
        if bp == "\\n":
            assert "\\n" not in rec["body"]
    for keep in gold["body"]:
        assert any(keep in line for line in lines), f"body lost: {keep!r}"
    assert rec["removed"], "the cleaner must say what it removed"


def test_outlet_edges(case):
    gold, rec = case
    assert _edges(rec) == {tuple(e) for e in gold["outlet_edges"]}


def test_max_hops_and_chains(case):
    gold, rec = case
    assert max((s["hops"] for s in rec["sources"]), default=0) == gold["max_hops"]
    for chain in gold.get("chains", []):
        path = [None if p == "SELF" else p for p in chain["path"]]
        anonymous = chain["origin"].endswith("(anonymous)")
        hits = [
            s
            for s in rec["sources"]
            if s["chain"][1:] == path
            and s["hops"] == chain["hops"]
            and (s["kind"] == "anonymous" if anonymous else s["source"] == chain["origin"])
        ]
        assert hits, f"no chain {chain}"


def test_speakers_and_anonymous_sources(case):
    gold, rec = case
    named = {s["source"] for s in rec["sources"] if s["kind"] in ("person", "institution")}
    for sp in gold["speakers"]:
        assert sp["name"] in named, f"speaker missing: {sp['name']}"
    anonymous = {s["source"] for s in rec["sources"] if s["kind"] == "anonymous"}
    assert len(anonymous) >= len(gold["anonymous"])


def test_make_trace_report(seeded_db):
    """The acceptance of the foundation: the report `make trace` prints."""
    result = run_cli("--db", seeded_db, "trace", "Kazakhstan")
    assert result.exit_code == 0
    report = result.output
    for citing, cited in [
        ("IDN Times", "CNN"),
        ("IDN Times", "The New York Times"),
        ("IDN Times", "Axios"),
        ("Pahami.id", "Anadolu Agency"),
        ("Pahami.id", "Reuters"),
        ("Pantau", "Anadolu Agency"),
        ("Anadolu Agency", "Axios"),
    ]:
        assert f"| {citing} | {cited} |" in report, (citing, cited)
    longest = next(line for line in report.splitlines() if line.startswith("- Longest chain:"))
    assert "(anonymous) → Axios → Anadolu Agency → Pantau — **3 hops**" in longest
