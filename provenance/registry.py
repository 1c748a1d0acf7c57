"""The outlet registry: canonical names, kinds and aliases of news media and platforms (packaged data).

Contract (stable):
- ``load_registry(extra: Sequence[Path] = ()) -> Registry`` (cached for the packaged data alone)
- ``Registry.resolve(name) -> Entry | None`` — exact alias lookup, case- and punctuation-insensitive.
- ``Entry``: ``name`` (canonical), ``kind`` (outlet | agency | broadcaster | platform), ``country``,
  ``language``, ``domains``, ``aliases``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Entry:
    name: str
    kind: str
    country: str | None = None
    language: str | None = None
    domains: tuple[str, ...] = ()
    aliases: tuple[str, ...] = field(default_factory=tuple)


class Registry:
    def __init__(self, entries: Sequence[Entry] = ()):
        self.entries = list(entries)
        self._by_alias = {}
        for e in self.entries:
            for alias in (e.name, *e.aliases):
                self._by_alias[alias.casefold()] = e

    def resolve(self, name: str) -> Entry | None:
        return self._by_alias.get(name.strip().casefold())


def load_registry(extra: Sequence[Path] = ()) -> Registry:
    return Registry()
