"""The records of a trace report: plain data, sorted and free of database state, so every renderer is a pure
function of a :class:`Report` and the same database and query give byte-identical output."""

from __future__ import annotations

from dataclasses import dataclass, field

UNKNOWN = None  # an article whose outlet is unknown stands in chains as None


@dataclass(frozen=True)
class TraceOptions:
    """What `prov trace` / `prov audit` was asked, as one typed object."""

    query: str
    since: str | None = None  # ISO date, inclusive
    until: str | None = None  # ISO date, inclusive
    outlet: str | None = None  # canonical name or alias of the publishing outlet


@dataclass(frozen=True)
class Hop:
    """One arrow of a chain: ``giver`` passed the statement to ``taker``, as ``evidence`` in ``article_id`` says."""

    giver: str | None
    taker: str | None
    cue: str
    evidence: str
    article_id: str  # the article whose text states this hop


@dataclass
class Chain:
    """A statement's route: origin first, the carrying article's outlet last (None: outlet unknown)."""

    statement_id: int
    article_id: str
    origin: str
    origin_kind: str
    path: list[str | None]
    hops: list[Hop]
    via_articles: list[str] = field(default_factory=list)  # other stored articles the chain was continued through
    cut_by_cycle: bool = False  # continuing it would have looped; see Report.cycles

    @property
    def length(self) -> int:
        return len(self.path) - 1


@dataclass(frozen=True)
class Credit:
    citing: str | None  # None: the article itself, outlet unknown
    cited: str
    cited_kind: str
    self: bool
    cue: str
    evidence: str


@dataclass
class ArticleTrace:
    id: str
    title: str | None
    outlet: str | None
    published: str | None
    source: str
    credits: list[Credit] = field(default_factory=list)
    chains: list[Chain] = field(default_factory=list)

    @property
    def label(self) -> str:
        return self.outlet or f"unknown outlet ({self.id})"


@dataclass
class ClaimArticle:
    """One article's share of a claim: the chains by which it carries the claim."""

    article_id: str
    outlet: str | None
    chains: list[Chain]

    @property
    def hops(self) -> int:
        return max((c.length for c in self.chains), default=0)


@dataclass
class Claim:
    """Statements that recur across articles (the same quote, the same assertion), grouped as one claim."""

    id: str  # "C1", "C2" … in report order
    label: str  # the evidence sentence that stands for the claim
    articles: list[ClaimArticle]
    origins: list[str]  # "name (kind)" of every origin, sorted
    headline: bool = False  # the claim the story's titles assert (see provenance.trace.claims)

    @property
    def max_hops(self) -> int:
        return max((a.hops for a in self.articles), default=0)


@dataclass(frozen=True)
class Reuse:
    """``copy`` copies or closely rewrites ``source``."""

    source: str  # article id (the earlier)
    copy: str  # article id (the later)
    similarity: float  # containment of the smaller article's shingles in the larger, 0..1
    jaccard: float
    direction: str  # how source and copy were told apart: "date" | "credit" | "containment"
    credited: bool  # the copy credits the source's outlet


@dataclass(frozen=True)
class Cycle:
    """Circular credit: each outlet credits the next and the last credits the first."""

    outlets: tuple[str, ...]


@dataclass(frozen=True)
class Flag:
    kind: str  # anonymous-origin | outside-corpus | uncredited-copy | circular-credit | unattributed
    article_id: str | None
    text: str  # a plain sentence; renderers escape it


@dataclass(frozen=True)
class OutletRow:
    name: str
    kind: str
    articles: int  # matched articles it published
    cites: int  # credits it gives (one per article and cited medium)
    cited: int  # credits it receives (one per article and citing medium)
    in_corpus: bool  # the matched set holds an article it published


@dataclass
class Report:
    options: TraceOptions
    articles: list[ArticleTrace]
    edges: dict[tuple[str, str], int]  # (citing, cited) -> how many articles state it
    claims: list[Claim] = field(default_factory=list)
    reuses: list[Reuse] = field(default_factory=list)
    cycles: list[Cycle] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    outlets: list[OutletRow] = field(default_factory=list)

    @property
    def query(self) -> str:
        return self.options.query

    @property
    def chains(self) -> list[Chain]:
        return [c for a in self.articles for c in a.chains]

    @property
    def longest(self) -> Chain | None:
        # Ties go to what an editor should see first: an anonymous origin, a known outlet, the earlier article.
        published = {a.id: a.published or "9999" for a in self.articles}
        return min(
            self.chains,
            key=lambda c: (-c.length, c.origin_kind != "anonymous", c.path[-1] is None, published[c.article_id],
                           c.article_id, c.statement_id),
            default=None,
        )

    @property
    def origins(self) -> list[str]:
        return sorted({c.origin for c in self.chains})
