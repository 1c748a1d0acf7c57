"""Read inputs as articles: files, folders (recursively) and standard input, in whatever encoding they came.

Decoding never rejects text for its encoding: a BOM decides first (UTF-8, UTF-16, UTF-32); then strict UTF-8;
UTF-8 with a few stray bytes keeps its UTF-8 and marks the strays; anything else is Windows-1252, the encoding
of most mis-saved Western and Indonesian pages. Binary files, empty files and oversized files are refused
with an :class:`InputError` naming the input.
"""

from __future__ import annotations

import codecs
import errno
import logging
import os
import re
import stat
from collections.abc import Iterable, Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import BinaryIO

from . import utf8
from .errors import InputError
from .records import RawArticle

log = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES
# A news article is a few KB; a page with inline scripts rarely exceeds 2 MB. Past this it is not an article,
# and reading it whole would cost memory for nothing.
MAX_BYTES = 16 * 1024 * 1024

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title|div|article|p)\b", re.I | re.S)
# control characters other than tab, line feed and carriage return
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])


def decode(data: bytes, source: str) -> tuple[str, str]:
    """Return (text, encoding) for the bytes of one input; raise InputError for binary data."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), encoding
            except UnicodeDecodeError:
                raise InputError(source, f"starts with a {encoding} byte-order mark but is not {encoding}") from None
    if b"\x00" in data[:8192]:
        raise InputError(source, "binary file (NUL bytes), not an article")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    loose = data.decode("utf-8", errors="replace")
    strays = loose.count("\ufffd")
    multibyte = sum(1 for ch in loose if ord(ch) > 127 and ch != "\ufffd")
    # Mostly valid UTF-8 with a handful of stray bytes (a truncated scrape) stays UTF-8.
    if multibyte and strays <= max(2, multibyte // 10):
        log.info("%s: %d invalid UTF-8 bytes replaced", source, strays)
        return loose, "utf-8 (with invalid bytes replaced)"
    return data.decode("cp1252", errors="replace"), "windows-1252"


def _check_text(text: str, source: str) -> None:
    if not text or text.isspace():  # (= not text.strip(), without copying the text: speed only)
        raise InputError(source, "empty file" if not text else "whitespace only, no article text")
    sample = text[:8192]
    # speed only: counted as bytes with translate, faster than a regex findall and the same count (in UTF-8 a
    # control character is one byte and every byte of any other character is 0x80 or more)
    raw = sample.encode("utf-8", "surrogatepass")
    controls = len(raw) - len(raw.translate(None, _CONTROL_BYTES))
    if controls > max(8, len(sample) // 20):
        raise InputError(source, "binary file (control bytes), not an article")


def _kind(text: str, suffix: str) -> str:
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in TEXT_SUFFIXES:
        return "text"
    # encoded only here, where it is sniffed (speed only: a known suffix needs no copy of the text)
    return "html" if _HTML_START.match(text.encode("utf-8", "ignore")[:4096]) else "text"


def _too_large(source: str, size: int) -> InputError:
    return InputError(source, f"file too large ({size / 1_048_576:.0f} MiB or more; the limit is {MAX_BYTES // 1_048_576} MiB)")


def read_bytes(data: bytes, source: str, *, suffix: str = "", **overrides) -> RawArticle:
    """Turn the bytes of one input into a RawArticle (decoded, sniffed, checked)."""
    if len(data) > MAX_BYTES:
        raise _too_large(source, len(data))
    text, encoding = decode(data, source)
    if encoding == "utf-8" and not data.startswith(codecs.BOM_UTF8):  # the bytes are text's UTF-8 (speed only)
        utf8.remember(text, data)
    _check_text(text, source)
    kind = _kind(text, suffix.lower())
    if kind == "html" and text.lstrip()[:1] in "{[" and not _HTML_START.match(text.encode()[:4096]):
        raise InputError(source, "not HTML (looks like JSON)")
    return RawArticle(source=source, text=text, kind=kind, encoding=encoding, **overrides)


def read_stream(stream: BinaryIO, source: str, **overrides) -> RawArticle:
    """Read a stream (standard input) as an article, never holding more than MAX_BYTES + 1 of it."""
    data = stream.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise _too_large(source, len(data))
    return read_bytes(data, source, **overrides)


def read_file(path: str | Path, **overrides) -> RawArticle:
    """Read one file as an article.

    The size is checked before reading and the read itself is bounded, so a huge file, a device
    (``/dev/zero`` reports size 0) or a file growing as we read never costs more than MAX_BYTES of memory.
    """
    source = str(path)
    try:
        st = os.stat(path)  # before opening: opening a pipe would wait for a writer
        if stat.S_ISDIR(st.st_mode):
            raise IsADirectoryError
        if not stat.S_ISREG(st.st_mode):
            raise InputError(source, "not a regular file (a device, pipe or socket), not an article")
        if st.st_size > MAX_BYTES:
            raise _too_large(source, st.st_size)
        data = _read_bounded(path, st.st_size)
    except FileNotFoundError:
        raise InputError(source, "no such file or folder (or a broken symlink)") from None
    except PermissionError:
        raise InputError(source, "permission denied") from None
    except IsADirectoryError:
        raise InputError(source, "is a folder; give it to `prov ingest`, which reads folders") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise InputError(source, "symlink loop") from None
        raise InputError(source, exc.strerror or str(exc)) from None
    return read_bytes(data, source, suffix=os.path.splitext(source)[1], **overrides)


def _read_bounded(path: str | Path, size: int) -> bytes:
    """The file's first MAX_BYTES + 1 bytes at most: its stat size + 1 asked for first, more only if it grew.
    (Speed only: a buffered ``read(MAX_BYTES + 1)`` allocates and frees 16 MiB per file, ~20 us of a 4 KB article.)"""
    fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
    try:
        parts = [os.read(fd, min(size, MAX_BYTES) + 1)]
        got = len(parts[0])
        while parts[-1] and got <= MAX_BYTES:  # a short read or a file growing as we read: on to the end or the bound
            parts.append(os.read(fd, min(MAX_BYTES + 1 - got, 1 << 20)))
            got += len(parts[-1])
        return b"".join(parts)
    finally:
        os.close(fd)


class _TextOnly(HTMLParser):
    """Collect the text between tags. html.parser is a flat tokenizer: no recursion, however deep the nesting."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip and data.strip():
            self.parts.append(data.strip())


def flat_text(html: str) -> str:
    """The text of an HTML page, one piece per line, without parsing it into a tree."""
    parser = _TextOnly()
    parser.feed(html)
    parser.close()
    return "\n".join(parser.parts)


def iter_paths(paths: Iterable[str | Path]) -> Iterator[Path | str]:
    """Expand inputs into article files, folders recursively and in sorted order; ``-`` passes through.

    Raises InputError for a missing path or a folder that holds no article files.
    """
    for path in paths:
        if str(path) == "-":
            yield "-"
            continue
        p = Path(path)
        if p.is_dir():
            found = False
            seen: set[tuple[int, int]] = set()
            for root, dirs, files in os.walk(p, followlinks=False):
                st = os.stat(root)
                if (st.st_dev, st.st_ino) in seen:  # a symlink loop cannot recur without followlinks, but be safe
                    dirs[:] = []
                    continue
                seen.add((st.st_dev, st.st_ino))
                dirs.sort()
                for name in sorted(files):
                    if Path(name).suffix.lower() in ARTICLE_SUFFIXES:
                        found = True
                        yield Path(root) / name
            if not found:
                raise InputError(str(path), "folder holds no article files (.txt, .html, .htm)")
        elif p.exists() or p.is_symlink():
            yield p
        else:
            raise InputError(str(path), "no such file or folder")
