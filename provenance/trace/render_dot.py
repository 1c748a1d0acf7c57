"""The who-cites-whom graph as GraphViz DOT: outlets as nodes, credits as edges, uncredited copies dashed."""

from __future__ import annotations

from .escape import dot_string
from .model import Report


def render_dot(report: Report) -> str:
    labels = {a.id: a.label for a in report.articles}
    in_corpus = {a.label for a in report.articles}
    names = sorted({n for e in report.edges for n in e} | {labels[x] for r in report.reuses for x in (r.source, r.copy)} | in_corpus)
    ids = {n: f"n{i}" for i, n in enumerate(names, 1)}
    out = [
        "digraph prov {",
        f"  label={dot_string('prov trace: ' + report.query)};",
        "  rankdir=LR;",
        '  node [shape=box, fontname="Helvetica"];',
    ]
    for n in names:
        style = "" if n in in_corpus else ", style=dashed"
        out.append(f"  {ids[n]} [label={dot_string(n)}{style}];")
    for (a, b), n in report.edges.items():
        out.append(f'  {ids[a]} -> {ids[b]} [label="{n}"];')
    for r in report.reuses:
        what = "copies, credited" if r.credited else "copies, uncredited"
        out.append(
            f"  {ids[labels[r.source]]} -> {ids[labels[r.copy]]}"
            f' [label={dot_string(f"{what} {r.similarity:.2f}")}, style=dashed, color=red];'
        )
    out.append("}")
    return "\n".join(out)
