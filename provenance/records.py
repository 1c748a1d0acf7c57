"""Plain records passed between the stages: reader -> cleaner -> mapper -> store.

They carry no database state; :mod:`provenance.models` declares the tables.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Span = tuple[int, int]


@dataclass
class RawArticle:
    """One input as read: decoded text plus where it came from."""

    source: str  # path, URL or "<stdin>"
    text: str
    kind: str = "text"  # "text" | "html"
    url: str | None = None
    outlet: str | None = None  # user override (--outlet)
    language: str | None = None  # user override (--lang)
    encoding: str = "utf-8"


@dataclass
class Removed:
    """A piece the cleaner took out, and the rule that took it."""

    text: str
    rule: str
    reason: str = ""
    line: int | None = None  # 0-based line number in the input text, when known


@dataclass
class Metadata:
    title: str | None = None
    outlet: str | None = None  # as written (dateline, credit line, site name); canonicalised by the mapper
    author: str | None = None
    editor: str | None = None
    published: str | None = None  # ISO date YYYY-MM-DD
    language: str | None = None  # "id" | "en" | other ISO 639-1
    url: str | None = None


@dataclass
class Cleaned:
    """The cleaner's result: the reporting text, what was removed, and the metadata found on the way."""

    body: str
    removed: list[Removed] = field(default_factory=list)
    meta: Metadata = field(default_factory=Metadata)


@dataclass
class Citation:
    """One medium-to-medium credit stated in an article."""

    citing: str | None  # canonical name; None when it is this article and its outlet is unknown
    cited: str  # canonical name (or the name as written when unresolved)
    cited_kind: str  # outlet | agency | broadcaster | platform | unknown
    self: bool  # True when the citing side is this article itself
    cue: str
    evidence: str
    # Character offsets of the evidence sentence in the body; None when the evidence is a piece the cleaner
    # removed (a syndication footer "Artikel ini telah tayang di …" is boilerplate, yet it states a credit).
    span: Span | None
    confidence: float = 1.0
    resolved: bool = True  # False: a medium named after a cue that the registry does not know


@dataclass
class Statement:
    """One attributed statement: who said it and the chain of hands it came through."""

    source: str  # the origin: person, institution, anonymous description, or an outlet
    kind: str  # person | institution | anonymous | outlet | agency | platform
    chain: list[str | None]  # origin first, this article's outlet last (None when unknown)
    cue: str
    evidence: str
    span: Span
    confidence: float = 1.0

    @property
    def hops(self) -> int:
        return len(self.chain) - 1


@dataclass
class Mapping:
    """The mapper's result for one article."""

    outlet: str | None  # canonical outlet of the article itself
    outlet_kind: str | None = None
    citations: list[Citation] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
