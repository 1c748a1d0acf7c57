"""Render a trace :class:`~provenance.trace.Report` as Markdown.

Every piece of text that comes from an article goes through :func:`md_text` (that is,
:func:`provenance.escape.markdown`), so no article can inject Markdown, HTML, links or terminal escape
sequences into a report.
"""

from __future__ import annotations

from .escape import markdown as md_text
from .trace import Chain, Report

__all__ = ["md_text", "render_markdown"]


def _name(name: str | None, fallback: str = "this article (outlet unknown)") -> str:
    return md_text(name) if name else fallback


def _chain_line(c: Chain) -> str:
    names = [_name(c.path[0]) + (" (anonymous)" if c.origin_kind == "anonymous" else "")]
    names += [_name(n) for n in c.path[1:]]
    return " → ".join(names) + f" — **{c.length} hop{'s' if c.length != 1 else ''}**"


def render_markdown(report: Report) -> str:
    out: list[str] = [f"# Provenance trace: {md_text(report.query)}", ""]
    if not report.articles:
        out += ["No stored article matches this query.", ""]
        return "\n".join(out)
    longest = report.longest
    out += [
        "## Summary",
        "",
        f"- Articles: {len(report.articles)}",
        f"- Outlets and media: {len(report.outlets)}",
        f"- Attributed chains: {sum(len(a.chains) for a in report.articles)}",
    ]
    if longest:
        out.append(f"- Longest chain: {_chain_line(longest)} (article `{longest.article_id}`)")
    out += ["", "## Who cites whom", ""]
    if report.edges:
        out += ["| citing | cited | articles |", "| --- | --- | --- |"]
        out += [f"| {md_text(a)} | {md_text(b)} | {n} |" for (a, b), n in report.edges.items()]
    else:
        out.append("No article in this story credits another medium.")
    out += ["", "## Articles", ""]
    for a in report.articles:
        out.append(f"### {md_text(a.title) or 'Untitled'} — {_name(a.outlet, 'unknown outlet')}")
        out.append("")
        out.append(f"- id `{a.id}`, published {a.published or 'unknown'}, from {md_text(a.source)}")
        if a.credits:
            out.append("- Credits:")
            for cr in a.credits:
                citing = _name(cr.citing, "this article")
                out.append(f"  - {citing} cites {md_text(cr.cited)} ({md_text(cr.cue)}): “{md_text(cr.evidence, 300)}”")
        if a.chains:
            out.append("- Chains:")
            for c in a.chains:
                out.append(f"  - {_chain_line(c)}")
                for h in c.hops:
                    ev = f"“{md_text(h.evidence, 300)}”" if h.evidence else "(no evidence sentence)"
                    out.append(f"    - {_name(h.giver)} → {_name(h.taker)} ({md_text(h.cue) or 'credit'}): {ev}")
        if not a.credits and not a.chains:
            out.append("- No attribution found.")
        out.append("")
    return "\n".join(out)
