"""Scale-out measurements for docs/scale.md: articles/s for one ingester, four concurrent ingesters and a Dask
LocalCluster, on SQLite and (with PROV_TEST_DB) PostgreSQL; and the per-page cost of HTML extraction.

    .venv/bin/python -m bench.scale_ingest [N]        # N synthetic articles made from fixtures/ (default 2000)
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from provenance.distributed import ingest_dask  # noqa: E402
from provenance.ingest import IngestOptions, ingest  # noqa: E402
from tests.corpus import as_html, make_corpus  # noqa: E402
from tests.databases import SERVER_URL, fresh_db  # noqa: E402


def single(db, files):
    ingest(db, IngestOptions([str(f) for f in files]))


def four(db, files):
    from provenance.db import open_engine

    open_engine(db).dispose()
    shards = [files[k::4] for k in range(4)]
    procs = [
        subprocess.Popen([sys.executable, "-m", "cli.main", "--db", db, "ingest", *map(str, s)], cwd=ROOT,
                         stdout=subprocess.DEVNULL)
        for s in shards
    ]
    assert all(p.wait() == 0 for p in procs)


def dask(db, files, cluster):
    ingest_dask(db, IngestOptions([str(f) for f in files]), cluster.scheduler_address, partitions=8)


def extraction_cost(n=200) -> float:
    import trafilatura

    text = sorted((ROOT / "fixtures").glob("*.txt"))[0].read_text(encoding="utf-8")
    nav = "".join(f'<li><a href="/section/{i}">Section {i}</a></li>' for i in range(600))
    page = as_html(text).replace("<body>", f"<body><nav><ul>{nav}</ul></nav><script>{'var x=1;' * 3000}</script>")
    start = time.perf_counter()
    for _ in range(n):
        trafilatura.extract(page)
    return (time.perf_counter() - start) / n, len(page)


def stage_cost(files) -> float:
    """Seconds of clean + map per article (no database), on one core."""
    from provenance.clean import load_rules
    from provenance.ingest import process
    from provenance.reader import read_file
    from provenance.registry import load_registry

    rules, registry = load_rules(), load_registry()
    raws = [read_file(f) for f in files]
    process(raws[0], rules, registry)  # warm caches
    start = time.perf_counter()
    for raw in raws:
        process(raw, rules, registry)
    return (time.perf_counter() - start) / len(raws)


def main() -> None:
    from distributed import LocalCluster

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    backends = ["sqlite", "postgresql"] if SERVER_URL else ["sqlite"]
    with tempfile.TemporaryDirectory() as tmp, LocalCluster(
        n_workers=2, threads_per_worker=1, dashboard_address=None, silence_logs=40
    ) as cluster:
        files = make_corpus(Path(tmp) / "corpus", n)
        for backend in backends:
            for name, run in (("1 ingester", single), ("4 ingesters", four), ("Dask, 2 workers", dask)):
                folder = Path(tmp) / f"{backend}-{name}".replace(" ", "_").replace(",", "")
                folder.mkdir()
                with fresh_db(backend, folder) as db:
                    start = time.perf_counter()
                    run(db, files, cluster) if run is dask else run(db, files)
                    secs = time.perf_counter() - start
                    print(f"{backend:10} {name:16} {n} articles in {secs:6.2f} s = {n / secs:7.0f} articles/s")
        print(f"clean + map: {stage_cost(files[:200]) * 1000:.1f} ms/article (fixture text, one core)")
    per_page, size = extraction_cost()
    print(f"trafilatura.extract on a {size // 1024} KB page: {per_page * 1000:.1f} ms/page")
    print(f"cores: {os.cpu_count()}")


if __name__ == "__main__":
    main()
