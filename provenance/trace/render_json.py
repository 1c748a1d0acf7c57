"""The report as JSON for tools: every record, keys sorted, no timestamps."""

from __future__ import annotations

import json
from dataclasses import asdict

from .model import Report


def report_dict(report: Report) -> dict:
    longest = report.longest
    return {
        "query": asdict(report.options),
        "summary": {
            "articles": len(report.articles),
            "outlets": len(report.outlets),
            "claims": len(report.claims),
            "origins": report.origins,
            "longest_chain": asdict(longest) if longest else None,
            "max_hops": longest.length if longest else 0,
        },
        "edges": [{"citing": a, "cited": b, "articles": n} for (a, b), n in report.edges.items()],
        "claims": [
            {**asdict(c), "max_hops": c.max_hops, "articles": [{**asdict(a), "hops": a.hops} for a in c.articles]}
            for c in report.claims
        ],
        "reuses": [asdict(r) for r in report.reuses],
        "cycles": [list(c.outlets) for c in report.cycles],
        "flags": [asdict(f) for f in report.flags],
        "outlets": [asdict(r) for r in report.outlets],
        "articles": [asdict(a) for a in report.articles],
    }


def render_json(report: Report) -> str:
    return json.dumps(report_dict(report), ensure_ascii=False, indent=2, sort_keys=True)
