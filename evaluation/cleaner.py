"""Score the cleaner: `python -m evaluation.cleaner` (from the repo root; `make eval` runs it).

1. Seeds (fixtures/seeds.gold.yaml) and the dev gold ($PROV_SHARED/corpus/real/gold-dev.yaml): share of the
   listed boilerplate substrings that no body line contains any more, share of the listed body substrings that a
   body line still contains.
2. HTML benchmark ($PROV_SHARED/corpus/extraction/): token F1 against the ground truth for prov's HTML cleaning
   and for trafilatura alone in several modes, with pages per second for each.

Exits 1 when a score falls under its pinned floor (evaluation/cleaner_floors.json; floors only rise), 2 when the
corpus is missing. Options: --no-html (text scores only), --limit N (first N HTML pages), -v (list the misses).
"""

from __future__ import annotations

import argparse
import collections
import gzip
import json
import os
import re
import sys
import time
from pathlib import Path

import yaml

from provenance.clean import clean_text, packaged_rules
from provenance.clean.html import EXTRACT_OPTIONS, clean_html

ROOT = Path(__file__).resolve().parent.parent
FLOORS = Path(__file__).with_name("cleaner_floors.json")
# trafilatura alone, for comparison. "chosen" is what prov's HTML path uses before its own text rules.
TRAFILATURA_MODES = {
    "default": {},
    "favor_precision": {"favor_precision": True},
    "favor_recall": {"favor_recall": True},
    "no_comments": {"include_comments": False},
    "no_comments_no_tables": {"include_comments": False, "include_tables": False},
    "fast": {"fast": True},
    "chosen": dict(EXTRACT_OPTIONS),
}
_TOKEN = re.compile(r"\w+")


def shared_dir() -> Path:
    return Path(os.environ.get("PROV_SHARED", "../shared"))


def score_gold(items: list[dict], base: Path, label: str, verbose: bool) -> dict:
    bp_total = bp_ok = body_total = body_ok = 0
    misses: list[str] = []
    for item in items:
        path = base / item["file"]
        cleaned = clean_text(path.read_text(encoding="utf-8"))
        lines = cleaned.body.split("\n")
        for sub in item.get("boilerplate") or []:
            bp_total += 1
            if any(sub in line for line in lines):
                misses.append(f"{label} {item['file']}: boilerplate left: {sub!r}")
            else:
                bp_ok += 1
        for sub in item.get("body") or []:
            body_total += 1
            if any(sub in line for line in lines):
                body_ok += 1
            else:
                misses.append(f"{label} {item['file']}: body lost: {sub!r}")
    if verbose:
        for miss in misses:
            print("  " + miss)
    return {"boilerplate": bp_ok / bp_total if bp_total else 1.0, "body": body_ok / body_total if body_total else 1.0,
            "bp_missed": bp_total - bp_ok, "body_missed": body_total - body_ok, "bp_n": bp_total, "body_n": body_total}


def token_f1(pred: str, gold: str) -> float:
    p = collections.Counter(_TOKEN.findall((pred or "").lower()))
    g = collections.Counter(_TOKEN.findall(gold.lower()))
    overlap = sum((p & g).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(p.values()), overlap / sum(g.values())
    return 2 * precision * recall / (precision + recall)


def load_pages(folder: Path, limit: int | None) -> list[tuple[dict, str]]:
    rows = [json.loads(line) for line in (folder / "ground_truth.jsonl").read_text(encoding="utf-8").splitlines()]
    rows = rows[:limit] if limit else rows
    return [(row, gzip.open(folder / row["html_file"]).read().decode(row.get("html_encoding") or "utf-8"))
            for row in rows]


def score_html(pages: list[tuple[dict, str]]) -> dict[str, tuple[float, float]]:
    """Token F1 and pages/s per extractor. Extractors take turns page by page, so a busy machine slows
    them all alike instead of whichever happened to run during the busy spell."""
    import trafilatura

    rules = packaged_rules()
    extractors = {
        f"trafilatura:{name}": (lambda html, url, o=options: trafilatura.extract(html, url=url, **o) or "")
        for name, options in TRAFILATURA_MODES.items()
    }
    extractors["prov"] = lambda html, url: clean_html(html, rules, url=url).body
    f1 = dict.fromkeys(extractors, 0.0)
    seconds = dict.fromkeys(extractors, 0.0)
    for row, html in pages:
        for name, extract in extractors.items():
            start = time.perf_counter()
            text = extract(html, row["url"])
            seconds[name] += time.perf_counter() - start
            f1[name] += token_f1(text, row["expected_text"])
    return {name: (f1[name] / len(pages), len(pages) / seconds[name]) for name in extractors}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evaluation.cleaner", description=__doc__.split("\n")[0])
    parser.add_argument("--no-html", action="store_true")
    parser.add_argument("--limit", type=int)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)

    shared = shared_dir()
    real = shared / "corpus" / "real"
    if not (real / "gold-dev.yaml").is_file():
        print(f"evaluation corpus not found under {shared.resolve()} (set PROV_SHARED to the shared folder)")
        return 2
    seeds = yaml.safe_load((ROOT / "fixtures" / "seeds.gold.yaml").read_text(encoding="utf-8"))
    dev = yaml.safe_load((real / "gold-dev.yaml").read_text(encoding="utf-8"))
    scores = {
        "seeds": score_gold(seeds, ROOT / "fixtures", "seeds", args.verbose),
        "dev": score_gold(dev, real, "dev", args.verbose),
    }
    both = {k: scores["seeds"][k] + scores["dev"][k] for k in ("bp_missed", "body_missed", "bp_n", "body_n")}
    scores["seeds+dev"] = {"boilerplate": 1 - both["bp_missed"] / both["bp_n"],
                           "body": 1 - both["body_missed"] / both["body_n"], **both}
    print(f"{'set':<10} {'boilerplate removed':>20} {'body kept':>12} {'bp misses':>10} {'body misses':>12}")
    for name, s in scores.items():
        print(f"{name:<10} {s['boilerplate']:>19.1%} {s['body']:>12.1%} {s['bp_missed']:>4}/{s['bp_n']:<5} "
              f"{s['body_missed']:>6}/{s['body_n']}")

    measured = {"seeds+dev.boilerplate": scores["seeds+dev"]["boilerplate"],
                "seeds+dev.body": scores["seeds+dev"]["body"]}
    extraction = shared / "corpus" / "extraction"
    if not args.no_html:
        if not (extraction / "ground_truth.jsonl").is_file():
            print(f"HTML benchmark not found under {extraction} — skipped")
        else:
            pages = load_pages(extraction, args.limit)
            html = score_html(pages)
            print(f"\nHTML benchmark: {len(pages)} pages (token F1 mean against the ground truth)")
            print(f"{'extractor':<40} {'F1':>7} {'pages/s':>9}")
            for name, (f1, speed) in sorted(html.items(), key=lambda kv: -kv[1][0]):
                print(f"{name:<40} {f1:>7.4f} {speed:>9.1f}")
            best = max((v for k, v in html.items() if k.startswith("trafilatura:")), key=lambda v: v[0])
            print(f"prov vs best trafilatura mode: F1 {html['prov'][0] - best[0]:+.4f}, "
                  f"speed {html['prov'][1] / best[1]:.0%} of its pages/s")
            if not args.limit:
                measured["html.f1"] = html["prov"][0]
                measured["html.f1_minus_best"] = html["prov"][0] - best[0]
                measured["html.speed_ratio"] = html["prov"][1] / best[1]

    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    failed = [f"{k}: {measured[k]:.4f} < floor {floor}" for k, floor in floors.items() if k in measured
              and measured[k] < floor]
    for line in failed:
        print("FLOOR BROKEN " + line)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
