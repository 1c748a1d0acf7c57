"""One registry medium (a module of its own so that the compiled matcher can name the class at run time)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Entry:
    name: str
    kind: str
    country: str | None = None
    language: str | None = None
    domains: tuple[str, ...] = ()
    aliases: tuple[str, ...] = field(default_factory=tuple)
    strict: tuple[str, ...] = ()  # aliases that only count right after a cue ("AA", "X")
