"""Text taken from articles, made inert for each output format. Kept in this one small module so the shared
``provenance.escape`` can replace it with a one-line import change once it lands.

Every function returns one line with no control characters, so no article can inject Markdown, HTML, links,
Mermaid or DOT syntax, or terminal escape sequences into a report.
"""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]")
# Markdown takes "#", "-", "+", "1.", ">" only at the start of a line, and md_text never starts one (the caller
# puts its own text first); these act anywhere.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]()|~!#<>{}])")
# "https://x" and "www.x" become links on GitHub even unmarked; a backslash before the colon or dot breaks it.
_AUTOLINK = re.compile(r"(?i)\b(https?|ftp|mailto|javascript|data|vbscript|file)(:)|\b(www)(\.)")
# Mermaid label text: letters, digits and a few harmless marks pass; anything else becomes an entity (#34;).
_MERMAID_SAFE = re.compile(r"[\w .,'\-–—→]")


def one_line(text: str | None, limit: int | None = None) -> str:
    if text is None:
        return ""
    text = " ".join(_CONTROL.sub(" ", text).split())
    if limit and len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text


def md_text(text: str | None, limit: int | None = None) -> str:
    """Article text as inert Markdown: HTML characters as entities, every Markdown character backslashed."""
    text = one_line(text, limit)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return _AUTOLINK.sub(lambda m: (m.group(1) or m.group(3)) + "\\" + (m.group(2) or m.group(4)), text)


def md_code(text: str | None) -> str:
    """Text inside inline code (ids, paths): backticks cannot close it because none survive."""
    return "`" + one_line(text).replace("`", "'") + "`"


def mermaid_label(text: str | None, limit: int = 60) -> str:
    """Text for a Mermaid node or edge label inside double quotes: only safe characters stay literal."""
    return "".join(ch if _MERMAID_SAFE.fullmatch(ch) and ch != "_" else f"#{ord(ch)};" for ch in one_line(text, limit))


def dot_string(text: str | None, limit: int | None = None) -> str:
    """A GraphViz double-quoted string, quotes included (backslash first, so \\N, \\l and \\" stay literal)."""
    return '"' + one_line(text, limit).replace("\\", "\\\\").replace('"', '\\"') + '"'


def tsv_field(text: str | None) -> str:
    """A tab-separated field: one line, no tabs."""
    return one_line(text).replace("\t", " ")
