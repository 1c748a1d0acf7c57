"""Trace a story: the articles that match a query, the chains behind their statements, the claims they share,
the copies among them, and the report that shows it all.

Modules, one job each: ``search`` (story matching, full-text), ``fts`` (its schema), ``load`` (batched loads),
``chains`` (cross-article chains, loops), ``stories`` (stories and their headlines), ``claims`` (grouping statements), ``reuse`` (uncredited copies),
``build`` (assembling the :class:`Report`), ``model`` (the records), ``render_*`` (formats), ``escape``.
"""

from __future__ import annotations

from .build import trace
from .model import Chain, Claim, Report, Reuse, TraceOptions
from .render import AUDIT_FORMATS, FORMATS, render, render_audit

__all__ = ["AUDIT_FORMATS", "FORMATS", "Chain", "Claim", "Report", "Reuse", "TraceOptions", "render", "render_audit", "trace"]
