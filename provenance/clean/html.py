"""HTML input: trafilatura extracts the main text, the page head gives metadata, then the text rules run.

Mode chosen on the extraction benchmark (181 pages; `python -m evaluation.cleaner` prints the comparison):
``favor_precision`` with comments off had the best token F1 of the trafilatura modes (recall-leaning modes and
comments pull in related-link lists and reader threads). Tables stay on: some article bodies are tables.
Metadata comes from the head tags (provenance/clean/htmlmeta.py) rather than trafilatura's own metadata pass,
which would cost more time than the extraction itself.
"""

from __future__ import annotations

import logging
import re

from .. import utf8
from ..records import Cleaned, Metadata
from .htmlmeta import head_metadata, head_of
from .rules import RuleSet
from .text import clean_lines

log = logging.getLogger(__name__)

EXTRACT_OPTIONS = {"favor_precision": True, "include_comments": False}


# Characters that are neither printable nor whitespace (controls, unassigned or format code points) are dropped
# by the parser or by trafilatura, which glues the characters on either side into a "word" the page never had
# ("0\\x08:" -> "0:"). A space in their place keeps the pieces apart. Checked cheaply: ASCII controls by one
# small class, non-ASCII runs with str.isprintable, after a whole-page check that clears most pages at once.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def _unglue(html: str) -> str:
    if _all_printable(html):  # 4 pages in 5
        return html
    if _CONTROL.search(html):
        html = _CONTROL.sub(" ", html)
    if html.isascii():
        return html
    return _NON_ASCII.sub(_printable_run, html)


# the ASCII controls _CONTROL matches, for bytes.translate
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])


def _all_printable(html: str) -> bool:
    """Is every character printable, line breaks, tabs and the spaces ``_printable_run`` keeps aside? Then the page
    needs no change. Speed only, at C speed without copying the page per character kind: the ASCII controls are
    counted on the UTF-8 bytes, and the non-ASCII characters, which are all of the bytes from 0x80 up in UTF-8
    (a lone surrogate passes through as bytes and back, and fails the test), are decoded alone and tested."""
    data = utf8.encoded(html, "surrogatepass")  # (the bytes as read, when the reader decoded them: speed only)
    if len(data.translate(None, _CONTROL_BYTES)) != len(data):
        return False
    if len(data) == len(html):  # ASCII only
        return True
    rest = utf8.non_ascii(html, "surrogatepass")
    for ch in "\u00a0\u2028\u2029":
        if ch in rest:
            rest = rest.replace(ch, "")
    return rest.isprintable()


def _printable_run(m: re.Match[str]) -> str:
    run = m.group()
    if run.isprintable():
        return run
    return "".join(c if c.isprintable() or c in "\u00a0\u2028\u2029" else " " for c in run)


def clean_html(html: str, rules: RuleSet, url: str | None = None) -> Cleaned:
    import trafilatura  # heavy import, only needed for HTML

    html = _unglue(html)
    tree = head_of(html)
    head = head_metadata(tree) if tree is not None else Metadata()
    # The page goes to trafilatura as a string: handing it a parsed tree makes it deep-copy the tree.
    text = trafilatura.extract(html, url=url, **EXTRACT_OPTIONS) or ""  # type: ignore[arg-type]
    if not text:
        log.info("trafilatura found no main text in %s", url or "<html>")
    result = clean_lines(text, rules, title=head.title, guesses=False, published=head.published)
    meta = result.meta
    meta.title = head.title or meta.title
    # the site that published the page, over a wire credit in its dateline (a Reuters story on another site)
    meta.outlet = head.outlet or meta.outlet
    meta.author = meta.author or head.author
    meta.published = head.published or meta.published
    meta.language = head.language or meta.language
    meta.url = url or head.url
    return result
