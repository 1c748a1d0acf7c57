"""The report as W3C PROV-JSON (the ``prov`` package), for provenance tools.

Articles and statements are entities; outlets, people, institutions and anonymous sources are agents. A chain
origin → m1 → … → article becomes one entity per hand the statement passed through, each attributed to that
hand, each ``wasQuotedFrom`` the one before; the statement ``hadPrimarySource`` its first form, and the article
``hadMember`` the statement. An uncredited copy is ``wasDerivedFrom`` its source.
"""

from __future__ import annotations

import re

from prov.model import PROV_TYPE, ProvDocument

from .model import Report

NS = "prov-tracker"
NS_URI = "https://github.com/prov-tracker/prov/ns#"
_SLUG = re.compile(r"[^A-Za-z0-9]+")


class _Ids:
    """Stable, valid, unique local names for the names of sources."""

    def __init__(self, names):
        self.ids: dict[str, str] = {}
        used: set[str] = set()
        for name in sorted(names):
            base = _SLUG.sub("-", name).strip("-").lower() or "source"
            slug, n = base, 1
            while slug in used:
                n += 1
                slug = f"{base}-{n}"
            used.add(slug)
            self.ids[name] = f"{NS}:agent-{slug}"

    def __getitem__(self, name: str) -> str:
        return self.ids[name]


def build_document(report: Report) -> ProvDocument:
    doc = ProvDocument()
    doc.add_namespace(NS, NS_URI)
    kinds: dict[str, str] = {r.name: r.kind for r in report.outlets}
    for a in report.articles:
        for c in a.chains:
            kinds.setdefault(c.origin, c.origin_kind)
    labels = {a.id: a.label for a in report.articles}
    names = {n for a in report.articles for c in a.chains for n in c.path if n} | set(kinds) | set(labels.values())
    ids = _Ids(names)
    for name in sorted(names):
        doc.agent(ids[name], {"prov:label": name, f"{NS}:kind": kinds.get(name, "outlet")})
    for a in report.articles:
        attrs = {PROV_TYPE: "prov:Collection", "prov:label": a.title or a.label, f"{NS}:source": a.source}
        if a.published:
            attrs[f"{NS}:published"] = a.published
        art = doc.entity(f"{NS}:article-{a.id}", attrs)
        doc.wasAttributedTo(art, ids[a.label])
        for c in a.chains:
            sid = f"{NS}:statement-{a.id}-{c.statement_id}"
            stmt = doc.entity(
                sid, {"prov:label": c.hops[0].evidence if c.hops else "", f"{NS}:hops": c.length, f"{NS}:origin": c.origin}
            )
            doc.hadMember(art, stmt)
            previous = None
            for k, holder in enumerate(c.path):
                holder = holder or a.label
                form = stmt if k == len(c.path) - 1 else doc.entity(f"{sid}-hand{k}", {"prov:label": f"as told by {holder}"})
                doc.wasAttributedTo(form, ids[holder])
                if previous is not None:
                    doc.wasQuotedFrom(form, previous)
                else:
                    first = form
                previous = form
            if c.length:
                doc.hadPrimarySource(stmt, first)
    for r in report.reuses:
        doc.wasDerivedFrom(
            f"{NS}:article-{r.copy}",
            f"{NS}:article-{r.source}",
            other_attributes={f"{NS}:similarity": r.similarity, f"{NS}:credited": r.credited, f"{NS}:direction": r.direction},
        )
    return doc


def render_prov(report: Report) -> str:
    return build_document(report).serialize(format="json", indent=2, sort_keys=True)
