"""Timing and memory of a child process: wall time, CPU time, its peak RSS, the peak RSS summed over its process tree,
and how much of the machine the hypervisor took away meanwhile (steal time: this machine is a shared virtual one)."""

from __future__ import annotations

import os
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Run:
    seconds: float
    peak_rss: int  # bytes: the child's own peak (VmHWM; not ru_maxrss, which a child inherits from its forking parent)
    tree_rss: int  # bytes: largest sum of RSS over the child and its descendants, sampled every 20 ms
    output: str
    cpu: float = 0.0  # CPU seconds (user + system) of the child and every descendant: steadier than wall time under load
    steal: float = 0.0  # share of the machine's CPU time the hypervisor gave to others while the child ran (0-1)


def _tree(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            for task in Path(f"/proc/{p}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            pass
    return out


def _rss(pid: int, field: str = "VmRSS") -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def cpu_ticks() -> tuple[int, int]:
    """(all, stolen) CPU ticks of the machine since boot (/proc/stat; (0, 0) where there is none)."""
    try:
        fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except (OSError, ValueError):
        return 0, 0
    return sum(fields[:8]), fields[7] if len(fields) > 7 else 0


SAMPLE = 0.1  # seconds between memory samples: the sampler's own CPU stays under 2% of a core


def run(cmd: list[str], env: dict | None = None) -> Run:
    """Run ``cmd`` to completion; raise RuntimeError with its error output when it fails."""
    ticks0 = cpu_ticks()
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    peak_tree = peak_own = 0
    done = threading.Event()

    def sample():
        # VmHWM only grows, so the last sample before exit holds the child's peak but for its last moments.
        nonlocal peak_tree, peak_own
        while not done.wait(SAMPLE):
            pids = _tree(proc.pid)
            peak_tree = max(peak_tree, sum(_rss(p) for p in pids))
            peak_own = max(peak_own, _rss(proc.pid, "VmHWM"))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    # Read the pipes in threads so a chatty child never blocks; reap with wait4 to get its own rusage.
    chunks: dict[str, bytes] = {}
    readers = [
        threading.Thread(target=lambda k=k, f=f: chunks.__setitem__(k, f.read()), daemon=True)
        for k, f in (("out", proc.stdout), ("err", proc.stderr))
    ]
    for t in readers:
        t.start()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    done.set()
    for t in readers:
        t.join()
    sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}): {chunks.get('err', b'').decode()[-2000:]}")
    # wait4's figures cover the child and the descendants it reaped (forked workers are).
    cpu = usage.ru_utime + usage.ru_stime
    # ru_maxrss is not used: Linux carries the forking parent's peak into the child, so a child of a large
    # harness would report the harness's size (every 10k row showed the same 98 MB).
    ticks1 = cpu_ticks()
    steal = (ticks1[1] - ticks0[1]) / (ticks1[0] - ticks0[0]) if ticks1[0] > ticks0[0] else 0.0
    return Run(seconds, peak_own, max(peak_tree, peak_own), chunks.get("out", b"").decode(), cpu, steal)
