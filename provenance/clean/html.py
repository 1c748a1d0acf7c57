"""HTML input: trafilatura extracts the main text and the page metadata, then the text rules run on it.

Mode chosen on the extraction benchmark (181 pages, `python -m evaluation.cleaner` prints the comparison):
``favor_precision`` with comments off scored the best token F1 of the trafilatura modes; recall-leaning modes
pull in related-link lists and comment threads that the text rules would then have to remove. Tables stay on:
some article bodies are tables.
"""

from __future__ import annotations

import logging

from ..records import Cleaned, Metadata
from .rules import RuleSet
from .text import clean_lines

log = logging.getLogger(__name__)

EXTRACT_OPTIONS = {"favor_precision": True, "include_comments": False}


def clean_html(html: str, rules: RuleSet, url: str | None = None) -> Cleaned:
    import trafilatura  # heavy import, only needed for HTML

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, **EXTRACT_OPTIONS)
    if doc is None:
        log.info("trafilatura found no main text in %s", url or "<html>")
        return Cleaned(body="", removed=[], meta=Metadata(url=url))
    text = doc.text or ""
    result = clean_lines(text, rules, title=doc.title or None)
    meta = result.meta
    meta.title = doc.title or meta.title
    meta.outlet = meta.outlet or doc.sitename or None
    meta.author = meta.author or doc.author or None
    meta.published = (doc.date or "")[:10] or meta.published
    meta.language = doc.language or meta.language
    meta.url = url or doc.url or None
    return result
