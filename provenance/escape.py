"""Make article text inert wherever it is shown: Markdown, HTML, link targets, Mermaid, DOT, terminal, SQL LIKE.

Article text is scraped from the open web, so it is hostile until escaped. Every renderer passes each piece of
article text through exactly one function here, chosen by where the text lands:

    markdown(text)       -- a Markdown line: no markup, links, autolinks, HTML or control characters
    html(text)           -- HTML element text or a quoted attribute value
    link_target(url)     -- an http(s) URL safe inside ``[..](..)`` or ``href``; None for any other scheme
    mermaid_label(text)  -- a Mermaid node or edge label, to be written between double quotes
    dot_label(text)      -- a Graphviz DOT label, to be written between double quotes
    terminal(text)       -- text for a terminal: no escape sequences, newlines and tabs kept
    json_line(line)      -- a JSON line with C1 controls and bidi overrides as \\u escapes (same data)
    like_pattern(query)  -- a SQL LIKE pattern that matches ``query`` literally (use with ``escape="\\"``)
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

# C0 and C1 controls (C1 includes CSI 0x9b and OSC 0x9d, which terminals act on like ESC [ and ESC ]), and
# the bidirectional overrides that make a line read differently from what it holds ("Trojan Source").
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_CONTROL_KEEP_LINES = re.compile(r"[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# Markdown takes "#", "-", "+", "1." only at the start of a line, and markdown() never starts one; these act anywhere.
# "(", ")", "!", "{", "}" and "#" are escaped too: harmless alone, but cheap insurance against a renderer that
# puts article text first on a line or right after a "]".
_MD_SPECIAL = re.compile(r"([\\`*_\[\]()|~!#{}])")
# "https://x" and "www.x" become links on GitHub even unmarked; a backslash before the colon or dot breaks it.
_AUTOLINK = re.compile(r"(?i)\b(https?|ftp|mailto|javascript|data|vbscript|file)(:)|\b(www)(\.)")
_SAFE_SCHEMES = ("http", "https")
_LIKE_SPECIAL = re.compile(r"([\\%_])")


def one_line(text: str | None, limit: int | None = None) -> str:
    """Control characters removed, whitespace runs (newlines too) collapsed, cut to ``limit`` characters."""
    if text is None:
        return ""
    text = " ".join(_CONTROL.sub(" ", text).split())
    if limit and len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text


def markdown(text: str | None, limit: int | None = None) -> str:
    """Article text as inert Markdown on one line: every special character escaped, HTML as entities."""
    text = one_line(text, limit)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return _AUTOLINK.sub(lambda m: (m.group(1) or m.group(3)) + "\\" + (m.group(2) or m.group(4)), text)


def html(text: str | None, limit: int | None = None) -> str:
    """Article text for HTML element content or a double- or single-quoted attribute value."""
    text = one_line(text, limit)
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;").replace("'", "&#x27;")
    )


def link_target(url: str | None) -> str | None:
    """An http(s) URL made safe for ``[text](url)`` and ``href="url"``; None when it is anything else.

    ``javascript:``, ``data:`` and relative targets are refused rather than escaped: a report links only out
    to the web. Spaces, quotes, brackets and parentheses are percent-encoded so the URL cannot end the link.
    """
    if not url:
        return None
    url = _CONTROL.sub("", url).strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in _SAFE_SCHEMES or not parts.netloc:
        return None
    return quote(url, safe="/:?#@!$&*+,;=%-._~")


# Mermaid label text: letters (any script), digits and a few harmless marks pass; anything else becomes a
# Mermaid entity code (#34;), so no quote, bracket, arrow, pipe, colon or directive can be formed.
_MERMAID_SAFE = re.compile(r"[^\W_]|[ .,'\-–—→]")


def mermaid_label(text: str | None, limit: int | None = 60) -> str:
    """Text for a Mermaid label written as ``id["label"]``: only letters, digits and harmless marks literal."""
    return "".join(ch if _MERMAID_SAFE.fullmatch(ch) else f"#{ord(ch)};" for ch in one_line(text, limit))


def dot_label(text: str | None, limit: int | None = 80) -> str:
    """Text for a Graphviz label written as ``label="…"``: backslash and double quote escaped, one line.

    A backslash is doubled, so DOT's own escapes (``\\l``, ``\\N``) cannot be formed by article text; ``<``
    and ``>`` are harmless inside a quoted (non-HTML) label.
    """
    return one_line(text, limit).replace("\\", "\\\\").replace('"', '\\"')


def terminal(text: str) -> str:
    """Text for a terminal: escape sequences and other controls removed; newlines and tabs kept."""
    return _CONTROL_KEEP_LINES.sub("", text.replace("\r\n", "\n"))


_JSON_UNSAFE = re.compile(r"[\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def json_line(line: str) -> str:
    """A line of ``json.dumps(..., ensure_ascii=False)`` output, safe for a terminal and still the same JSON.

    json.dumps escapes C0 controls but not C1 (CSI 0x9b) nor bidi overrides; those can only occur inside
    strings, where a ``\\uXXXX`` escape means the same character.
    """
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", line)


def like_pattern(query: str) -> str:
    """A ``LIKE … ESCAPE '\\'`` pattern that finds ``query`` anywhere, with ``%`` and ``_`` meaning themselves."""
    return "%" + _LIKE_SPECIAL.sub(r"\\\1", query) + "%"
