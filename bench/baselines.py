"""The baselines prov's ingest is measured against, each run as its own process by the harness.

- ``store``: read, hash and insert the raw text into the same database schema, in the same batches as
  ``prov ingest`` (no cleaning, no mapping): the floor of what storing an archive costs.
- ``extract``: trafilatura's extraction alone on the same HTML pages, with the cleaner's own options.

Usage: ``python -m bench.baselines store DB FOLDER`` or ``python -m bench.baselines extract FOLDER``.
"""

from __future__ import annotations

import sys

from provenance import db as dbmod
from provenance import models
from provenance.reader import iter_paths, read_file
from provenance.store import article_id

BATCH = 200  # the same batch size as `prov ingest` uses by default


def store_only(db: str, folder: str) -> int:
    engine = dbmod.open_engine(db)
    n = 0
    with dbmod.session(engine) as s:
        for path in iter_paths([folder]):
            raw = read_file(path)
            aid = article_id(raw.text)
            if s.get(models.Article, aid) is None:
                s.add(models.Article(id=aid, source=raw.source, body=raw.text, removed=[]))
                s.add(models.ArticlePath(article_id=aid, path=raw.source))
            n += 1
            if n % BATCH == 0:
                s.commit()
        s.commit()
    engine.dispose()
    return n


def extract_only(folder: str) -> int:
    import trafilatura

    from provenance.clean.html import EXTRACT_OPTIONS  # the cleaner's own options, so the two stay in step

    n = 0
    for path in iter_paths([folder]):
        raw = read_file(path)
        trafilatura.extract(raw.text, url=raw.url, **EXTRACT_OPTIONS)
        n += 1
    return n


if __name__ == "__main__":
    mode, *args = sys.argv[1:]
    count = store_only(*args) if mode == "store" else extract_only(*args)
    print(count)
