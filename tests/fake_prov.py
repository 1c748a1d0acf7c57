"""`prov` with a stand-in mapper, for tests that kill or race real processes.

Every body line ``cite NAME`` becomes a citation of NAME, so an article's stored citation count can be checked
against its own text whatever the real mapper finds. ``PROV_TEST_DIE_AT=N`` makes the process SIGKILL itself
in the middle of storing its N-th article: after its rows are flushed, before the commit.
``PROV_TEST_MAP_SECONDS=S`` makes mapping each article take S seconds more, so an ingest lasts long enough for a
reader to watch it whatever the speed of the machine and of the cleaner.
"""

from __future__ import annotations

import os
import signal
import sys
import time

from provenance import ingest
from provenance.records import Citation, Mapping

_stored = 0


def fake_map(cleaned, registry=None, *, outlet=None) -> Mapping:
    time.sleep(float(os.environ.get("PROV_TEST_MAP_SECONDS", "0")))
    citations, pos = [], 0
    for line in cleaned.body.split("\n"):
        if line.startswith("cite "):
            citations.append(Citation(None, line[5:], "agency", True, "cite", line, (pos, pos + len(line))))
        pos += len(line) + 1
    return Mapping(outlet="Warta Contoh", outlet_kind="outlet", citations=citations)


def dying_write_batch(session, sources, items, known=()) -> int:
    """The real batch writer, one article at a time, so the process can die right after an article's rows."""
    global _stored
    added = 0
    for item in items:
        added += _real_write_batch(session, sources, [item])
        session.flush()
        _stored += 1
        if _stored == int(os.environ.get("PROV_TEST_DIE_AT", "0")):
            os.kill(os.getpid(), signal.SIGKILL)
    _real_write_batch(session, sources, [], known)  # the paths, once every article is in
    return added


def expected_citations(text: str) -> int:
    return sum(1 for line in text.splitlines() if line.strip().startswith("cite "))


def make_articles(folder, n: int, *, start: int = 0, per: int = 40) -> dict[str, int]:
    """Write n distinct articles; return {article id: expected citation count}."""
    from provenance.store import article_id

    folder.mkdir(parents=True, exist_ok=True)
    expected = {}
    for i in range(start, start + n):
        lines = [f"Jakarta, Warta Contoh - Laporan nomor {i} tentang harga beras."]
        lines += [f"cite Agency {(i * 7 + k) % 60}" for k in range(1 + i % per)]
        text = "\n".join(lines) + "\n"
        (folder / f"a{i:05d}.txt").write_text(text, encoding="utf-8")
        expected[article_id(text)] = expected_citations(text)
    return expected


_real_write_batch = ingest.write_batch

if __name__ == "__main__":
    # Patched only when run as the stand-in `prov`: importing make_articles must not change the real pipeline.
    ingest.map_article = fake_map
    ingest.write_batch = dying_write_batch
    from cli.main import main

    sys.exit(main())
