"""Timing and memory of a child process: wall time, its peak RSS, and the peak RSS summed over its process tree."""

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
    peak_rss: int  # bytes: the largest single process (wait4's ru_maxrss covers the child and its reaped children)
    tree_rss: int  # bytes: largest sum of RSS over the child and its descendants, sampled every 20 ms
    output: str
    cpu: float = 0.0  # CPU seconds (user + system) of the child and every descendant: steadier than wall time under load


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


def _rss(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def run(cmd: list[str], env: dict | None = None) -> Run:
    """Run ``cmd`` to completion; raise RuntimeError with its error output when it fails."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    peak_tree = 0
    done = threading.Event()

    def sample():
        nonlocal peak_tree
        while not done.wait(0.02):
            pids = _tree(proc.pid)
            peak_tree = max(peak_tree, sum(_rss(p) for p in pids))

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
    return Run(seconds, usage.ru_maxrss * 1024, max(peak_tree, usage.ru_maxrss * 1024), chunks.get("out", b"").decode(), cpu)
