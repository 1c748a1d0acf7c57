"""The benchmark harness behind `make bench`: generate archives, time prov against its baselines, print a table.

``python -m bench.run --sizes 1000,10000 [--repeats 3] [--rounds-large 2] [--jobs 1,2] [--out bench/out]
[--results bench/results.md]``

Every figure is measured in the same run as its baseline, and each ingest is a separate process (so its peak RSS
is its own). A shared machine speeds up and slows down under its other tenants (here by a third within minutes),
so a baseline and the ingests set beside it run in alternating rounds (A B C, then C B A): each timing is the
median of ``--repeats`` rounds below 10,000 articles and of ``--rounds-large`` rounds from 10,000 up, and the
ratios, measured side by side, hold better than the absolute numbers. A fixed pure-Python loop timed before and
after each size (the speed probe) shows how much the machine itself moved.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from provenance import compiled

from .generate import generate
from .measure import Run, cpu_ticks, run

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
MB = 1024 * 1024


@dataclass
class Row:
    size: int
    kind: str  # text | html
    what: str  # "store only", "trafilatura alone", "prov ingest --jobs N"
    jobs: int
    runs: list[Run]
    baseline: Row | None = None
    db_bytes: int | None = None

    @property
    def seconds(self) -> float:
        return statistics.median(r.seconds for r in self.runs)

    @property
    def cpu(self) -> float:
        return statistics.median(r.cpu for r in self.runs)

    @property
    def rate(self) -> float:
        return self.size / self.seconds

    @property
    def steal(self) -> float:
        return max(r.steal for r in self.runs)

    @property
    def rss(self) -> int:
        return int(statistics.median(r.peak_rss for r in self.runs))

    @property
    def tree_rss(self) -> int:
        return int(statistics.median(r.tree_rss for r in self.runs))


@dataclass
class Query:
    size: int
    median_ms: float
    p90_ms: float
    max_ms: float
    export_rate: float  # records/s
    export_mbs: float
    notes: list[str] = field(default_factory=list)


def _fresh(db: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)


def _db_size(db: Path) -> int:
    return sum(Path(f"{db}{s}").stat().st_size for s in ("", "-wal") if Path(f"{db}{s}").exists())


def _ingest_cmd(db: Path, folder: Path, jobs: int) -> list[str]:
    return [PY, "-m", "cli.main", "--db", str(db), "ingest", str(folder), "--quiet", "--jobs", str(jobs)]


@dataclass
class _Job:
    row: Row
    cmd: list[str]
    db: Path | None


def _alternate(jobs: list[_Job], rounds: int, log) -> None:
    """Run every job `rounds` times, in rounds that alternate their order (A B C, then C B A, ...): a baseline and
    the ingest set beside it run close in time and on both sides of each other, so a machine that speeds up or
    slows down during the run (other tenants of the host) moves both, and their ratio holds."""
    for r in range(rounds):
        for job in jobs if r % 2 == 0 else jobs[::-1]:
            if job.db is not None:
                _fresh(job.db)
            job.row.runs.append(run(job.cmd))
            if job.db is not None:
                job.row.db_bytes = _db_size(job.db)
            last = job.row.runs[-1]
            log(f"[{job.row.size}] {job.row.kind} {job.row.what}, round {r + 1}: {last.seconds:.2f}s"
                f" ({last.cpu:.1f} CPU s, steal {last.steal * 100:.0f}%)")


def bench_size(n: int, out: Path, rounds: int, jobs: list[int], inputs: set[str], log) -> tuple[list[Row], Path, dict]:
    """Ingest rows of one archive size; returns them with the database to trace and the archive's manifest."""
    folder = out / str(n)
    t0 = time.perf_counter()
    manifest = generate(n, folder, html_pages="html" in inputs)
    log(f"[{n}] archive ready in {time.perf_counter() - t0:.1f}s ({manifest['text_bytes'] / MB:.1f} MB text)")
    work = out / "db"
    work.mkdir(parents=True, exist_ok=True)
    # Text: store only and prov ingest with each worker count, alternating.
    db = work / f"store-{n}.db"
    store = Row(n, "text", "store only", 1, [])
    plan = [_Job(store, [PY, "-m", "bench.baselines", "store", str(db), str(folder / "text")], db)]
    rows = [store]
    for j in jobs:
        db = work / f"ingest-{n}-j{j}.db"
        rows.append(Row(n, "text", f"prov ingest --jobs {j}", j, [], store))
        plan.append(_Job(rows[-1], _ingest_cmd(db, folder / "text", j), db))
    traced = work / f"ingest-{n}-j{jobs[0]}.db"
    _alternate(plan, rounds, log)
    if "html" in inputs:
        # HTML: trafilatura alone on as many processes as prov has workers, beside prov ingest, alternating.
        for j in jobs:
            cmd = [PY, "-m", "bench.baselines", "extract", str(folder / "html"), str(j)]
            extract = Row(n, "html", f"trafilatura alone, {j} process{'es' if j > 1 else ''}", j, [])
            db = work / f"html-{n}-j{j}.db"
            prov = Row(n, "html", f"prov ingest --jobs {j}", j, [], extract)
            rows += [extract, prov]
            _alternate([_Job(extract, cmd, None), _Job(prov, _ingest_cmd(db, folder / "html", j), db)], rounds, log)
    return rows, traced, manifest


def trace_and_export(dbs: dict[int, tuple[Path, list[str]]], rounds: int, log) -> list[Query]:
    """Trace latency and export throughput of every size's database, in this process (as a library user would
    call them), in rounds that alternate the sizes' order, like the ingests: the ratio of a size's median to the
    smallest size's holds while the machine's speed moves."""
    from provenance.export import export_lines
    from provenance.trace import trace

    sizes = sorted(dbs)
    times: dict[int, list[float]] = {n: [] for n in sizes}
    matched: dict[int, list[int]] = {n: [] for n in sizes}
    export: dict[int, tuple[float, int, int]] = {}
    for n in sizes:
        for q in dbs[n][1]:
            matched[n].append(len(trace(str(dbs[n][0]), q).articles))  # warms the page cache and imports; not counted
    for r in range(max(3, rounds)):
        for n in sizes if r % 2 == 0 else sizes[::-1]:
            db, queries = dbs[n]
            for q in queries:
                t = time.perf_counter()
                trace(str(db), q)
                times[n].append((time.perf_counter() - t) * 1000)
    for r in range(rounds):
        for n in sizes if r % 2 == 0 else sizes[::-1]:
            t = time.perf_counter()
            count = nbytes = 0
            for line in export_lines(str(dbs[n][0])):
                count += 1
                nbytes += len(line) + 1
            took = time.perf_counter() - t
            if n not in export or took < export[n][0]:
                export[n] = (took, count, nbytes)
    out = []
    for n in sizes:
        ts = sorted(times[n])
        took, count, nbytes = export[n]
        q = Query(n, statistics.median(ts), ts[int(len(ts) * 0.9) - 1], ts[-1], count / took, nbytes / MB / took)
        q.notes.append(f"{len(dbs[n][1])} queries, articles matched per query: median {statistics.median(matched[n]):.0f}, "
                       f"max {max(matched[n])}")
        log(f"[{n}] trace median {q.median_ms:.1f} ms, export {q.export_rate:.0f} records/s")
        out.append(q)
    return out


def _mb(b: int) -> str:
    return f"{b / MB:.0f}"


def render(rows: list[Row], queries: list[Query], manifests: dict[int, dict], header: list[str]) -> str:
    lines = [*header, ""]
    lines += ["## Ingest", ""]
    lines += [
        "| articles | input | what | median s | articles/s | per worker | × baseline | CPU s | CPU × baseline | steal % (worst run) | peak RSS MB (largest process) | RSS MB (all processes) | DB bytes/article | DB / raw text |",
        "|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        raw = manifests[r.size]["text_bytes"]
        ratio = f"{r.seconds / r.baseline.seconds:.2f}" if r.baseline else "—"
        cratio = f"{r.cpu / r.baseline.cpu:.2f}" if r.baseline else "—"
        db = f"{r.db_bytes / r.size:.0f}" if r.db_bytes else "—"
        dbr = f"{r.db_bytes / raw:.2f}" if r.db_bytes and r.kind == "text" else "—"
        lines.append(
            f"| {r.size} | {r.kind} | {r.what} | {r.seconds:.2f} | {r.rate:.0f} | {r.rate / r.jobs:.0f} | {ratio} | {r.cpu:.1f} | {cratio} | {r.steal * 100:.0f} | {_mb(r.rss)} | {_mb(r.tree_rss)} | {db} | {dbr} |"
        )
    lines += ["", "## Trace and export (in-process, on the text database of `--jobs 1`)", ""]
    lines += ["| articles | trace median ms | p90 ms | max ms | × median at smallest size | export records/s | export MB/s |", "|---:|---:|---:|---:|---:|---:|---:|"]
    base = queries[0].median_ms
    for q in queries:
        lines.append(f"| {q.size} | {q.median_ms:.1f} | {q.p90_ms:.1f} | {q.max_ms:.1f} | {q.median_ms / base:.2f} | {q.export_rate:.0f} | {q.export_mbs:.1f} |")
    lines += [""] + [f"- {q.size}: {note}" for q in queries for note in q.notes]
    lines += ["", "## Targets (at the largest size run)", ""] + targets(rows, queries, manifests)
    return "\n".join(lines) + "\n"


def targets(rows: list[Row], queries: list[Query], manifests: dict[int, dict]) -> list[str]:
    big, small = max(manifests), min(manifests)
    note = "" if big >= 100_000 else f" (measured at {big}; the targets are set for 100000)"
    out = [f"Sizes {small}–{big}{note}.", ""]

    def pick(size, kind, what):
        return next((r for r in rows if r.size == size and r.kind == kind and r.what.startswith(what)), None)

    def line(ok: bool, text: str) -> None:
        out.append(f"- {'MET' if ok else 'NOT MET'}: {text}")

    cores = os.cpu_count() or 1
    for r in (r for r in rows if r.size == big and r.kind == "text" and r.baseline):
        shared = f" (its {r.jobs} workers and the writer share {cores} cores)" if r.jobs >= cores else ""
        line(r.rate / r.jobs >= 500, f"text ingest ≥ 500 articles/s per worker: {r.what} {r.rate / r.jobs:.0f}/s per worker{shared}")
        line(
            r.seconds <= 5 * r.baseline.seconds,
            f"text ingest ≤ 5× store only: {r.what} {r.seconds / r.baseline.seconds:.2f}× wall ({r.cpu / r.baseline.cpu:.2f}× CPU)",
        )
    html_big = max((r.size for r in rows if r.kind == "html"), default=None)
    for r in (r for r in rows if r.size == html_big and r.kind == "html" and r.baseline):
        line(
            r.seconds <= 1.25 * r.baseline.seconds,
            f"HTML ingest ≤ 1.25× trafilatura alone: {r.what} {r.seconds / r.baseline.seconds:.2f}× wall ({r.cpu / r.baseline.cpu:.2f}× CPU)"
            f" at {html_big} pages",
        )
    qb, qs = next(q for q in queries if q.size == big), next(q for q in queries if q.size == small)
    line(qb.median_ms < 300, f"trace median < 300 ms: {qb.median_ms:.1f} ms")
    line(qb.median_ms <= 2 * qs.median_ms, f"trace median ≤ 2× its median at {small}: {qb.median_ms / qs.median_ms:.2f}×")
    a, b = pick(big, "text", "prov ingest --jobs 1"), pick(small, "text", "prov ingest --jobs 1")
    if a and b:
        line(a.rss <= 1.5 * b.rss, f"peak RSS at {big} ≤ 1.5× at {small} (--jobs 1): {_mb(a.rss)} MB vs {_mb(b.rss)} MB = {a.rss / b.rss:.2f}×")
        raw = manifests[big]["text_bytes"]
        line(a.db_bytes <= 3 * raw, f"database ≤ 3× raw text: {a.db_bytes / raw:.2f}× ({a.db_bytes / MB:.0f} MB for {raw / MB:.0f} MB of text)")
    return out


def _probe() -> float:
    """Seconds of a fixed pure-Python loop (best of three): how fast the machine runs right now."""
    best = float("inf")
    for _ in range(3):
        t = time.perf_counter()
        x = 0
        for i in range(3_000_000):
            x += i & 7
        best = min(best, time.perf_counter() - t)
    return best


def _git() -> str:
    try:
        return subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    except OSError:
        return "?"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--repeats", type=int, default=3, help="rounds below 10000 articles")
    ap.add_argument("--rounds-large", type=int, default=2, help="rounds from 10000 articles up")
    ap.add_argument("--jobs", default="1,2")
    ap.add_argument("--inputs", default="text,html", help="text, html or both (text is always run: trace and export use it)")
    ap.add_argument("--html-sizes", default="", help="the sizes HTML is run at (default: every size)")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    ap.add_argument("--results", type=Path, default=ROOT / "bench" / "results.md")
    args = ap.parse_args(argv)
    sizes = sorted(int(s) for s in args.sizes.split(","))
    jobs = [int(j) for j in args.jobs.split(",")]

    def log(msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)

    load0, started, ticks0 = os.getloadavg(), time.time(), cpu_ticks()
    probes: list[float] = []
    rows, manifests = [], {}
    traced: dict[int, tuple[Path, list[str]]] = {}
    for n in sizes:
        probes.append(_probe())
        rounds = args.repeats if n < 10_000 else args.rounds_large
        inputs = set(args.inputs.split(","))
        if args.html_sizes and str(n) not in args.html_sizes.split(","):
            inputs.discard("html")
        r, db, m = bench_size(n, args.out, rounds, jobs, inputs, log)
        rows += r
        traced[n] = (db, m["queries"])
        manifests[n] = m
    queries = trace_and_export(traced, args.repeats if min(sizes) < 10_000 else args.rounds_large, log)
    probes.append(_probe())
    load1, ticks1 = os.getloadavg(), cpu_ticks()
    steal = (ticks1[1] - ticks0[1]) / max(1, ticks1[0] - ticks0[0])
    header = [
        "# prov benchmark (generated by `make bench`; not committed)",
        "",
        f"- commit {_git()}, {time.strftime('%Y-%m-%d %H:%M', time.localtime(started))}, {time.time() - started:.0f}s in all",
        f"- {os.cpu_count()} cores, Python {platform.python_version()}, load average {load0[0]:.2f} at start, {load1[0]:.2f} at end"
        f" (other work shares this machine: read ratios, not absolute numbers); the hypervisor took {steal * 100:.0f}%"
        " of the CPU time in all (steal)",
        "- per-article modules: " + ("mypyc build" if compiled.ACTIVE else f"Python sources ({compiled.REASON})"),
        "- speed probe (a fixed pure-Python loop; lower is faster) before each size and at the end: "
        + ", ".join(f"{x:.2f}s" for x in probes),
        f"- median of {args.repeats} alternating rounds below 10000 articles, {args.rounds_large} from 10000 up;"
        " raw text per size: "
        + ", ".join(f"{n}: {m['text_bytes'] / MB:.1f} MB" for n, m in manifests.items()),
    ]
    text = render(rows, queries, manifests, header)
    args.results.parent.mkdir(parents=True, exist_ok=True)
    args.results.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
