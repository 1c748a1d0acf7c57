"""Escaping for the trace renderers: the shared :mod:`provenance.escape` functions plus the two shapes that only
reports need (inline code, quoted DOT strings, TSV fields). Every function returns one line with no control
characters, so no article can inject Markdown, HTML, links, Mermaid or DOT syntax, or terminal escapes.
"""

from __future__ import annotations

from ..escape import dot_label, mermaid_label, one_line
from ..escape import markdown as md_text

__all__ = ["dot_string", "md_code", "md_text", "mermaid_label", "one_line", "tsv_field"]


def md_code(text: str | None) -> str:
    """Text inside inline code (ids, paths): backticks cannot close it because none survive."""
    return "`" + one_line(text).replace("`", "'") + "`"


def dot_string(text: str | None, limit: int | None = None) -> str:
    """A GraphViz double-quoted string, quotes included."""
    return '"' + dot_label(text, limit) + '"'


def tsv_field(text: str | None) -> str:
    """A tab-separated field: one line, no tabs."""
    return one_line(text).replace("\t", " ")
