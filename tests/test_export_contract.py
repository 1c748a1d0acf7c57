"""The export contract of shared/spec/EXPORT.md, field for field."""

from __future__ import annotations

TOP = {"id": str, "source": str, "language": (str, type(None)), "body": str, "removed": list, "citations": list, "sources": list}
NULLABLE = ("outlet", "title", "author", "published")
CITATION = {"citing": (str, type(None)), "cited": str, "cited_kind": str, "self": bool, "cue": str, "evidence": str, "span": (list, type(None))}
SOURCE = {"source": str, "kind": str, "chain": list, "hops": int, "cue": str, "evidence": str, "span": list}


def _check(obj: dict, spec: dict) -> None:
    for key, typ in spec.items():
        assert key in obj, f"missing field {key}"
        assert isinstance(obj[key], typ), f"{key}: {type(obj[key]).__name__}"


def test_every_record_has_the_contract_fields(seeded_export):
    assert len(seeded_export) == 5
    for rec in seeded_export.values():
        _check(rec, TOP)
        for key in NULLABLE:
            assert key in rec and (rec[key] is None or isinstance(rec[key], str))
        assert len(rec["id"]) >= 12
        for r in rec["removed"]:
            assert set(r) >= {"text", "rule"} and r["text"] and r["rule"]
        for c in rec["citations"]:
            _check(c, CITATION)
            assert c["cited_kind"] in {"outlet", "agency", "platform", "broadcaster", "unknown"}
            assert c["self"] == (c["citing"] == rec["outlet"]) or not c["self"]
        for s in rec["sources"]:
            _check(s, SOURCE)
            assert s["kind"] in {"person", "institution", "anonymous", "outlet", "agency", "platform", "broadcaster", "unknown"}
            assert s["hops"] == len(s["chain"]) - 1
            assert s["chain"][-1] == rec["outlet"]


def test_spans_point_at_the_evidence(seeded_export):
    for rec in seeded_export.values():
        for item in rec["citations"] + rec["sources"]:
            if item["span"] is None:  # evidence in a removed piece (a syndication footer)
                assert any(item["evidence"] in r["text"] for r in rec["removed"])
                continue
            start, end = item["span"]
            assert 0 <= start < end <= len(rec["body"])
            assert rec["body"][start:end] == item["evidence"]


def test_published_dates_are_iso(seeded_export):
    for rec in seeded_export.values():
        if rec["published"]:
            y, m, d = rec["published"].split("-")
            assert len(y) == 4 and 1 <= int(m) <= 12 and 1 <= int(d) <= 31


def test_same_content_same_id(seeded_export, db):
    from provenance.store import article_id

    text = "Jakarta, Contoh - Sebuah berita.\r\n"
    assert article_id(text) == article_id("Jakarta, Contoh - Sebuah berita.\n")
    assert article_id(text) != article_id("Jakarta, Contoh - Berita lain.\n")


def test_a_source_keeps_the_kind_the_mapper_gave(db):
    """An anonymous "observer" is not the newspaper The Observer, whatever the outlet registry holds."""
    from provenance.db import open_engine, session
    from provenance.registry import load_registry
    from provenance.store import SourceCache

    with session(open_engine(db)) as s:
        cache = SourceCache(s, load_registry())
        anon = cache.get("observer", "anonymous")
        paper = cache.get("Reuters", "outlet")
        s.commit()
        from provenance import models

        assert s.get(models.Source, anon).kind == "anonymous"
        assert s.get(models.Source, paper).kind == "agency"  # media are resolved through the registry


def test_export_in_small_chunks_is_the_same(seeded_db, monkeypatch):
    """Records are loaded a chunk of articles at a time; the chunk size changes nothing in the output."""
    from provenance import export

    whole = list(export.export_lines(seeded_db))
    monkeypatch.setattr(export, "CHUNK", 2)
    assert list(export.export_lines(seeded_db)) == whole
    assert len(whole) == 5
