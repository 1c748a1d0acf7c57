"""Words and shingles of article text, shared by claim grouping and reuse detection."""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    """Lowercased word tokens, accents folded, so a copy that only changes case or accents still matches."""
    folded = text.casefold()
    if not folded.isascii():
        folded = "".join(ch for ch in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(ch))
    return _WORD.findall(folded)


def shingles(text: str, size: int) -> set[str]:
    """The set of ``size``-word windows of ``text`` (a text shorter than ``size`` words is one shingle)."""
    w = words(text)
    if len(w) <= size:
        return {" ".join(w)} if w else set()
    return {" ".join(w[i : i + size]) for i in range(len(w) - size + 1)}


def content_words(text: str, stopwords: frozenset[str], min_len: int, drop: set[str] = frozenset()) -> set[str]:
    return {w for w in words(text) if len(w) >= min_len and w not in stopwords and w not in drop and not w.isdigit()}
