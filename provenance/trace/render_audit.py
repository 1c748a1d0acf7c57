"""The hop table alone, for scripts: per claim and article, each chain's hops and origin (TSV or CSV)."""

from __future__ import annotations

import csv
import io

from .escape import tsv_field
from .model import Report

COLUMNS = ["claim", "article", "outlet", "hops", "origin", "origin_kind", "chain", "claim_text"]


def audit_rows(report: Report) -> list[list[str]]:
    """One row per distinct (claim, article, chain): two statements by the same route are one hop record."""
    rows: list[list[str]] = []
    for cl in report.claims:
        for ca in cl.articles:
            if not ca.chains:
                rows.append([cl.id, ca.article_id, ca.outlet or "", "0", "(unattributed)", "", "", cl.label])
            for c in ca.chains:
                chain = " > ".join(n or "(this article)" for n in c.path)
                row = [cl.id, ca.article_id, ca.outlet or "", str(c.length), c.origin, c.origin_kind, chain, cl.label]
                if row not in rows[-len(ca.chains) :]:
                    rows.append(row)
    return rows


def render_audit(report: Report, fmt: str = "tsv") -> str:
    rows = [COLUMNS, *audit_rows(report)]
    if fmt == "csv":
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\n").writerows([[tsv_field(v) for v in r] for r in rows])
        return buf.getvalue().rstrip("\n")
    return "\n".join("\t".join(tsv_field(v) for v in r) for r in rows)
