"""Counts over the whole database: which sources were seen and how often they cite and are cited."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import Session, select

from . import db as dbmod
from . import models


@dataclass
class SourceStats:
    name: str
    kind: str
    resolved: bool
    articles: int  # articles published by it
    cites: int  # credits it gives
    cited: int  # credits it receives
    quoted: int  # statements it is the origin of


def source_stats(db: str | None) -> list[SourceStats]:
    """Every source seen, most cited first."""
    engine = dbmod.open_engine(db, create=False)
    C, A, S = models.Citation, models.Article, models.Statement
    with Session(engine) as s:
        sources = list(s.exec(select(models.Source)))
        published = dict(s.exec(select(A.outlet_id, func.count()).group_by(A.outlet_id)).all())
        cited = dict(s.exec(select(C.cited_id, func.count()).group_by(C.cited_id)).all())
        # a self credit is given by the article's outlet; an intermediate credit by its citing source
        self_cites = dict(
            s.exec(select(A.outlet_id, func.count()).join(C, C.article_id == A.id).where(C.is_self).group_by(A.outlet_id)).all()
        )
        other_cites = dict(s.exec(select(C.citing_id, func.count()).where(~C.is_self).group_by(C.citing_id)).all())
        quoted = dict(s.exec(select(S.source_id, func.count()).group_by(S.source_id)).all())
    engine.dispose()
    rows = [
        SourceStats(
            src.name,
            src.kind,
            src.resolved,
            published.get(src.id, 0),
            self_cites.get(src.id, 0) + other_cites.get(src.id, 0),
            cited.get(src.id, 0),
            quoted.get(src.id, 0),
        )
        for src in sources
    ]
    return sorted(rows, key=lambda r: (-r.cited, -r.cites, -r.articles, r.name))
