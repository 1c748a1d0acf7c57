"""Tables of the citation-chain database. Models declare tables and nothing else; see :mod:`provenance.db`."""

from __future__ import annotations

from sqlalchemy import JSON, Column, Text
from sqlmodel import Field, SQLModel


class Source(SQLModel, table=True):
    """Any entity that can be cited or quoted: outlets, agencies, platforms, people, institutions, anonymous sources."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(index=True, unique=True)  # canonical name
    kind: str = Field(index=True)  # outlet | agency | broadcaster | platform | person | institution | anonymous | unknown
    aliases: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    country: str | None = None
    resolved: bool = True  # False for a medium named after a cue that the registry does not know


class Article(SQLModel, table=True):
    id: str = Field(primary_key=True)  # stable content hash of the input text
    source: str  # the first path or URL it was ingested from (every path: ArticlePath)
    url: str | None = None
    outlet_id: int | None = Field(default=None, foreign_key="source.id", index=True)
    title: str | None = None
    author: str | None = None
    editor: str | None = None
    published: str | None = Field(default=None, index=True)  # ISO date
    language: str | None = None
    body: str = Field(sa_column=Column(Text, nullable=False))
    removed: list[dict] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))


class ArticlePath(SQLModel, table=True):
    """Every path or URL an article was ingested from (the same article from two places is stored once)."""

    article_id: str = Field(foreign_key="article.id", primary_key=True)
    path: str = Field(primary_key=True)


class Citation(SQLModel, table=True):
    """A citation edge: in ``article``, ``citing`` credits ``cited``; with the evidence sentence and its span."""

    id: int | None = Field(default=None, primary_key=True)
    article_id: str = Field(foreign_key="article.id", index=True)
    citing_id: int | None = Field(default=None, foreign_key="source.id", index=True)  # None: this article, outlet unknown
    cited_id: int = Field(foreign_key="source.id", index=True)
    is_self: bool = True
    cue: str
    evidence: str = Field(sa_column=Column(Text, nullable=False))
    span_start: int | None  # None: the evidence is a removed piece (see Article.removed), not body text
    span_end: int | None
    confidence: float = 1.0


class Statement(SQLModel, table=True):
    """An attributed statement, its origin and its chain (origin first, this article's outlet last)."""

    id: int | None = Field(default=None, primary_key=True)
    article_id: str = Field(foreign_key="article.id", index=True)
    source_id: int = Field(foreign_key="source.id", index=True)
    chain: list[str | None] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    hops: int
    cue: str
    evidence: str = Field(sa_column=Column(Text, nullable=False))
    span_start: int
    span_end: int
    confidence: float = 1.0


class Meta(SQLModel, table=True):
    """Key-value facts about the database itself (schema version)."""

    key: str = Field(primary_key=True)
    value: str
