"""WARC crawl input: every HTML response record of a WARC file (plain or gzipped) read as one article.

A record becomes a :class:`RawArticle` whose source and URL are the record's ``WARC-Target-URI``; its crawl date
(``WARC-Date``) narrows the selection with ``since``/``until`` but is not stored (the schema has no column for it
yet). Requests, metadata, revisits, redirects and non-HTML responses (images, PDFs, feeds) are skipped silently:
a news crawl is mostly those, and they are not articles.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .errors import InputError, QueryError
from .reader import MAX_BYTES, read_bytes
from .records import RawArticle

log = logging.getLogger(__name__)

WARC_SUFFIXES = (".warc", ".warc.gz")
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def is_warc(path: str | Path) -> bool:
    return str(path).lower().endswith(WARC_SUFFIXES)


@dataclass(frozen=True)
class WarcFilter:
    """Which records to read: a regular expression searched in the URL, and an inclusive crawl-date range."""

    url_pattern: re.Pattern[str] | None = None
    since: str | None = None  # YYYY-MM-DD
    until: str | None = None

    @classmethod
    def make(cls, url_filter: str | None = None, since: str | None = None, until: str | None = None) -> WarcFilter:
        """Check and compile the options; raise QueryError naming the bad one."""
        try:
            pattern = re.compile(url_filter) if url_filter else None
        except re.error as exc:
            raise QueryError(f"--url-filter {url_filter!r}: not a regular expression ({exc})") from None
        for name, value in (("--since", since), ("--until", until)):
            if value is not None:
                try:
                    date.fromisoformat(value)
                except ValueError:
                    raise QueryError(f"{name} {value!r}: not a date (use YYYY-MM-DD)") from None
        return cls(pattern, since, until)

    def accepts(self, url: str, crawled: str | None) -> bool:
        if self.url_pattern and not self.url_pattern.search(url):
            return False
        day = (crawled or "")[:10]  # WARC-Date is ISO 8601 in UTC: 2025-11-07T09:14:03Z
        if self.since and not (day and day >= self.since):
            return False
        if self.until and not (day and day <= self.until):
            return False
        return True


def _is_html(record) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    if record.http_headers.get_statuscode() != "200":
        return False
    ctype = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    return ctype in _HTML_TYPES


def iter_warc(
    path: str | Path, flt: WarcFilter | None = None, **overrides
) -> Iterator[RawArticle | InputError]:
    """Yield each selected HTML page of a WARC file as a RawArticle, or the InputError that refused it.

    A record that is not an article (empty, binary) is yielded as its InputError so the caller counts it and goes
    on; a file that cannot be opened or is not a WARC raises InputError.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    flt = flt or WarcFilter()
    overrides.pop("url", None)  # each record has its own
    source = str(path)
    try:
        stream = open(path, "rb")  # noqa: SIM115 - closed below; the iterator reads it lazily
    except FileNotFoundError:
        raise InputError(source, "no such file or folder") from None
    except OSError as exc:
        raise InputError(source, exc.strerror or str(exc)) from None
    with stream:
        try:
            for record in ArchiveIterator(stream):
                if not _is_html(record):
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI") or f"{source}#{record.raw_stream.tell()}"
                if not flt.accepts(url, record.rec_headers.get_header("WARC-Date")):
                    continue
                data = record.content_stream().read(MAX_BYTES + 1)
                try:
                    yield read_bytes(data, url, suffix=".html", url=url, **overrides)
                except InputError as exc:
                    yield exc
        except ArchiveLoadFailed as exc:
            raise InputError(source, f"not a readable WARC file ({str(exc).splitlines()[0]})") from None
        except (OSError, EOFError) as exc:  # a truncated gzip member
            raise InputError(source, f"WARC file cut short or corrupt ({exc})") from None
