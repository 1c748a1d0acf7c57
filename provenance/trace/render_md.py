"""The Markdown report: summary, a Mermaid map of who cites whom, claims with every hop's evidence, flags,
outlets and articles. Every piece of article text goes through :mod:`.escape`."""

from __future__ import annotations

from .escape import md_code, md_text, mermaid_label
from .model import Chain, Report

FLAG_NAMES = {
    "uncredited-copy": "Uncredited copy",
    "circular-credit": "Circular credit",
    "anonymous-origin": "Anonymous origin",
    "outside-corpus": "Ends outside the corpus",
    "unattributed": "No attribution",
}


def _name(name: str | None, fallback: str = "this article (outlet unknown)") -> str:
    return md_text(name) if name else fallback


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def chain_line(c: Chain) -> str:
    names = [_name(c.path[0]) + (" (anonymous)" if c.origin_kind == "anonymous" else "")]
    names += [_name(n) for n in c.path[1:]]
    tail = " (continued through stored articles)" if c.via_articles else ""
    loop = " (cut: continuing it would loop)" if c.cut_by_cycle else ""
    return " → ".join(names) + f" — **{_plural(c.length, 'hop')}**{tail}{loop}"


def _hop_lines(c: Chain, indent: str) -> list[str]:
    out = []
    for h in c.hops:
        ev = f"“{md_text(h.evidence, 300)}”" if h.evidence else "(no evidence sentence)"
        where = f" in {md_code(h.article_id)}" if h.article_id != c.article_id else ""
        out.append(f"{indent}- {_name(h.giver)} → {_name(h.taker)} ({md_text(h.cue) or 'credit'}){where}: {ev}")
    return out


def mermaid(report: Report) -> list[str]:
    """A flowchart of who credits whom; node ids are generated (n1, n2 …), labels entity-escaped."""
    reuse_labels = {a.id: a.label for a in report.articles}
    names = sorted({n for e in report.edges for n in e} | {reuse_labels[x] for r in report.reuses for x in (r.source, r.copy)})
    if not names:
        return []
    ids = {n: f"n{i}" for i, n in enumerate(names, 1)}
    out = ["```mermaid", "flowchart LR"]
    out += [f'  {ids[n]}["{mermaid_label(n)}"]' for n in names]
    out += [f'  {ids[a]} -->|"{n}"| {ids[b]}' for (a, b), n in report.edges.items()]
    for r in report.reuses:
        label = "copies, uncredited" if not r.credited else "copies, credited"
        out.append(f'  {ids[reuse_labels[r.source]]} -. "{label} {r.similarity:.2f}" .-> {ids[reuse_labels[r.copy]]}')
    out.append("```")
    return out


def render_markdown(report: Report) -> str:
    o = report.options
    out: list[str] = [f"# Provenance trace: {md_text(o.query)}", ""]
    filters = [f"{k} {md_text(v)}" for k, v in (("since", o.since), ("until", o.until), ("outlet", o.outlet)) if v]
    if filters:
        out += ["Filters: " + ", ".join(filters), ""]
    if not report.articles:
        out += ["No stored article matches this query.", ""]
        return "\n".join(out)
    longest = report.longest
    counts = {k: sum(1 for f in report.flags if f.kind == k) for k in FLAG_NAMES}
    out += [
        "## Summary",
        "",
        f"- Articles: {len(report.articles)}",
        f"- Outlets and media: {len(report.outlets)}",
        f"- Claims carried by more than one article: {len(report.claims)}",
        f"- Origins: {len(report.origins)} — " + ", ".join(md_text(n) for n in report.origins),
    ]
    if longest:
        out.append(f"- Longest chain: {chain_line(longest)} (article {md_code(longest.article_id)})")
    out.append("- Flags: " + (", ".join(f"{FLAG_NAMES[k].lower()} {n}" for k, n in counts.items() if n) or "none"))
    out += ["", "## Who cites whom", ""]
    if report.edges or report.reuses:
        out += mermaid(report) + [""]
    if report.edges:
        out += ["| citing | cited | articles |", "| --- | --- | --- |"]
        out += [f"| {md_text(a)} | {md_text(b)} | {n} |" for (a, b), n in report.edges.items()]
    else:
        out.append("No article in this story credits another medium.")
    out += ["", "## Claims", ""]
    if not report.claims:
        out += ["No statement recurs across the matched articles.", ""]
    for cl in report.claims:
        out += [
            f"### {cl.id}: “{md_text(cl.label, 160)}”",
            "",
            f"- Carried by {_plural(len(cl.articles), 'article')}; at most {_plural(cl.max_hops, 'hop')} from origin",
            "- Origins: " + ", ".join(md_text(n) for n in cl.origins),
            "",
            "| article | outlet | hops | origin |",
            "| --- | --- | --- | --- |",
        ]
        for ca in cl.articles:
            origins = "; ".join(sorted({md_text(c.origin) for c in ca.chains})) or "(unattributed)"
            out.append(f"| {md_code(ca.article_id)} | {_name(ca.outlet, 'unknown outlet')} | {ca.hops} | {origins} |")
        out.append("")
        for ca in cl.articles:
            for c in ca.chains:
                out.append(f"- {md_code(ca.article_id)}: {chain_line(c)}")
                out += _hop_lines(c, "  ")
        out.append("")
    out += ["## Flags", ""]
    out += [f"- **{FLAG_NAMES[f.kind]}**: {md_text(f.text)}" for f in report.flags] or ["None."]
    out += ["", "## Outlets", "", "| outlet | kind | articles here | credits given | credits received | in corpus |"]
    out.append("| --- | --- | --- | --- | --- | --- |")
    for r in report.outlets:
        out.append(f"| {md_text(r.name)} | {md_text(r.kind)} | {r.articles} | {r.cites} | {r.cited} | {'yes' if r.in_corpus else 'no'} |")
    out += ["", "## Articles", ""]
    for a in report.articles:
        out += [f"### {md_text(a.title) or 'Untitled'} — {_name(a.outlet, 'unknown outlet')}", ""]
        out.append(f"- id {md_code(a.id)}, published {md_text(a.published) or 'unknown'}, from {md_text(a.source)}")
        if a.credits:
            out.append("- Credits:")
            for cr in a.credits:
                out.append(
                    f"  - {_name(cr.citing, 'this article')} cites {md_text(cr.cited)} ({md_text(cr.cue)}):"
                    f" “{md_text(cr.evidence, 300)}”"
                )
        if a.chains:
            out.append("- Chains:")
            for c in a.chains:
                out.append(f"  - {chain_line(c)}")
                out += _hop_lines(c, "    ")
        if not a.credits and not a.chains:
            out.append("- No attribution found.")
        out.append("")
    return "\n".join(out)
