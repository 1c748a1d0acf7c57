"""Pick a renderer by format name."""

from __future__ import annotations

from ..errors import QueryError
from .model import Report
from .render_audit import render_audit as _audit
from .render_dot import render_dot
from .render_json import render_json
from .render_md import render_markdown


def _prov(report: Report) -> str:
    from .render_prov import render_prov  # the prov package is only needed for this format

    return render_prov(report)


FORMATS = {"md": render_markdown, "json": render_json, "dot": render_dot, "prov-json": _prov}
AUDIT_FORMATS = ("tsv", "csv")


def render(report: Report, fmt: str = "md") -> str:
    try:
        fn = FORMATS[fmt]
    except KeyError:
        raise QueryError(f"--format {fmt!r}: unknown — choose one of {', '.join(FORMATS)}") from None
    return fn(report)


def render_audit(report: Report, fmt: str = "tsv") -> str:
    if fmt not in AUDIT_FORMATS:
        raise QueryError(f"--format {fmt!r}: unknown — choose one of {', '.join(AUDIT_FORMATS)}")
    return _audit(report, fmt)
