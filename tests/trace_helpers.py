"""Databases for the trace tests, populated through the library with hand-made mapper output
(tests/data/seed_mappings.yaml), so they do not depend on the cleaner or the mapper."""

from __future__ import annotations

from pathlib import Path

import yaml

from provenance import db as dbmod
from provenance.records import Citation, Cleaned, Mapping, Metadata, RawArticle, Statement
from provenance.registry import load_registry
from provenance.store import Processed, SourceCache, article_id, write

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
MAPPINGS = Path(__file__).resolve().parent / "data" / "seed_mappings.yaml"


def plain_body(text: str) -> str:
    """The fixture text with blank lines dropped and lines stripped: a stand-in for the cleaner."""
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def _span(body: str, evidence: str, where: str) -> tuple[int, int]:
    start = body.find(evidence)
    assert start >= 0, f"{where}: evidence not in body: {evidence[:60]!r}"
    return start, start + len(evidence)


def processed(source: str, text: str, spec: dict) -> Processed:
    body = plain_body(text)
    meta = Metadata(title=spec.get("title"), published=spec.get("published"), language=spec.get("language", "id"))
    mapping = Mapping(outlet=spec.get("outlet"), outlet_kind=spec.get("outlet_kind", "outlet"))
    for c in spec.get("citations", []):
        mapping.citations.append(
            Citation(c["citing"], c["cited"], c.get("kind", "outlet"), c["self"], c["cue"], c["evidence"], _span(body, c["evidence"], source))
        )
    for s in spec.get("statements", []):
        mapping.statements.append(Statement(s["source"], s["kind"], list(s["chain"]), s["cue"], s["evidence"], _span(body, s["evidence"], source)))
    raw = RawArticle(source=source, text=text)
    return Processed(id=article_id(text), raw=raw, cleaned=Cleaned(body=body, meta=meta), mapping=mapping)


def store(db: str, items: list[Processed]) -> None:
    engine = dbmod.open_engine(db)
    with dbmod.session(engine) as s:
        sources = SourceCache(s, load_registry())
        for item in items:
            write(s, sources, item)
        s.commit()
    engine.dispose()


def seed_items() -> list[Processed]:
    specs = yaml.safe_load(MAPPINGS.read_text(encoding="utf-8"))
    return [
        processed(f"fixtures/{name}", (FIXTURES / name).read_text(encoding="utf-8"), spec) for name, spec in sorted(specs.items())
    ]


def build_seed_db(db: str) -> str:
    store(db, seed_items())
    return db
