"""The tunable numbers and word lists of trace (packaged ``data/trace.toml``), loaded and checked once."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from ..errors import RuleError


@dataclass(frozen=True)
class Settings:
    shingle: int
    reuse_threshold: float
    lsh_threshold: float
    num_perm: int
    exact_below: int
    claim_threshold: float
    min_word: int
    stopwords: frozenset[str]


@cache
def settings() -> Settings:
    raw = resources.files("provenance").joinpath("data/trace.toml").read_text(encoding="utf-8")
    try:
        data = tomllib.loads(raw)
        reuse, claims = data["reuse"], data["claims"]
        s = Settings(
            shingle=int(reuse["shingle"]),
            reuse_threshold=float(reuse["threshold"]),
            lsh_threshold=float(reuse["lsh_threshold"]),
            num_perm=int(reuse["num_perm"]),
            exact_below=int(reuse["exact_below"]),
            claim_threshold=float(claims["threshold"]),
            min_word=int(claims["min_word"]),
            stopwords=frozenset(w.lower() for words in data["stopwords"].values() for w in words),
        )
    except (tomllib.TOMLDecodeError, KeyError, TypeError, ValueError) as exc:
        raise RuleError(f"data/trace.toml: malformed ({exc})") from None
    if s.shingle < 1 or not 0 < s.reuse_threshold <= 1 or not 0 < s.claim_threshold <= 1:
        raise RuleError("data/trace.toml: shingle must be >= 1 and thresholds within (0, 1]")
    return s
