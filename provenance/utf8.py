"""An article's UTF-8 bytes, kept from the read for the steps that need them again (speed only).

Two steps after reading look at an article's bytes: its id hashes them (:func:`provenance.store.article_id`), and
the HTML path checks them for characters the parsers would drop (:mod:`provenance.clean.html`). Encoding a 90 KB
page costs ~0.1 ms, and a page is mostly ASCII with a few other characters: the reader already holds the bytes it
decoded the text from, which are exactly the text's UTF-8 encoding when it decoded them as strict UTF-8 (a valid
UTF-8 sequence decodes to a text that encodes back to the same bytes). So the reader remembers the pair, and the
later steps take the bytes and the non-ASCII characters from here.

One slot, matched by identity: the text held here is the one asked about, never a text equal to it by chance, and
another article's read replaces it. A text the reader did not decode is encoded here.
"""

from __future__ import annotations

_ASCII_BYTES = bytes(range(0x80))

_slot: tuple[str, bytes, str | None] | None = None  # text, its UTF-8 bytes, its non-ASCII characters (once asked)


def remember(text: str, data: bytes) -> None:
    """`data` is text's UTF-8 encoding (the bytes it was strictly decoded from)."""
    global _slot
    _slot = (text, data, None)


def encoded(text: str, errors: str = "strict") -> bytes:
    """``text.encode("utf-8", errors)`` (a remembered text holds no lone surrogate: the same bytes either way).
    A text encoded strictly here is remembered in turn: the id's two looks at a text not read from bytes (one
    with its line endings made "\n") encode it once."""
    slot = _slot
    if slot is not None and slot[0] is text:
        return slot[1]
    data = text.encode("utf-8", errors)
    if errors == "strict":
        remember(text, data)
    return data


def non_ascii(text: str, errors: str = "strict") -> str:
    """The text's non-ASCII characters in order, run together (a page's few accented letters and typographic
    quotes): in UTF-8 every byte of them is 0x80 or more, and every other byte is ASCII, so this is the bytes left
    when the ASCII ones are deleted, decoded."""
    global _slot
    slot = _slot
    if slot is not None and slot[0] is text:
        if slot[2] is None:
            slot = _slot = (text, slot[1], slot[1].translate(None, _ASCII_BYTES).decode("utf-8"))
        return slot[2]  # type: ignore[return-value]  # (set just above)
    if text.isascii():
        return ""
    return encoded(text, errors).translate(None, _ASCII_BYTES).decode("utf-8", errors)
