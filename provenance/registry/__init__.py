"""The outlet registry: canonical names, kinds and aliases of news media and platforms (packaged data).

Contract (stable):
- ``load_registry(extra: Sequence[Path] = ()) -> Registry`` (cached for the packaged data alone)
- ``Registry.resolve(name) -> Entry | None`` — exact alias lookup, case- and punctuation-insensitive.
- ``Registry.find_all(text) -> list[Mention]`` — every registry name in a text, in one pass of compiled
  tries (see :mod:`.matcher`), including names glued to a cue by a scrape ("dilansirReuters").
- ``Entry``: ``name`` (canonical), ``kind`` (outlet | agency | broadcaster | platform), ``country``,
  ``language``, ``domains``, ``aliases``.

Packaged entries live in ``provenance/data/outlets*.toml``. A user adds or overrides entries with files of the same
format passed as ``extra``, or listed in ``$PROV_OUTLETS`` (paths separated by ``os.pathsep``); when that variable is
unset, ``~/.config/prov/outlets.toml`` is read if it exists. A later entry with the same canonical name replaces an
earlier one.
"""

from __future__ import annotations

import functools
import logging
import os
import re
from collections.abc import Sequence
from pathlib import Path

from .entry import Entry
from .loader import read_entries
from .matcher import Matcher, Mention

log = logging.getLogger(__name__)

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
USER_FILE = Path("~/.config/prov/outlets.toml")
KINDS = ("outlet", "agency", "broadcaster", "platform")

__all__ = ["Entry", "Mention", "Registry", "load_registry", "user_files", "KINDS"]


_NON_WORD = re.compile(r"[\W_]+")
_BARE = re.compile(r"^(?:the\s+|www\.)", re.I)
_RESOLVED_MAX = 65536
_UNSEEN = object()


@functools.lru_cache(maxsize=8192)  # the same speaker and outlet names are looked up over and over (speed only)
def _key(name: str) -> str:
    """Lookup key: case-, space- and punctuation-insensitive ("Kompas.com" == "kompas com" == "KOMPAS.COM")."""
    return _NON_WORD.sub("", name.casefold())


class Registry:
    def __init__(self, entries: Sequence[Entry] = ()):
        by_name: dict[str, Entry] = {}
        for e in entries:  # later entries (user files) replace earlier ones of the same name
            by_name[e.name] = e
        self.entries = list(by_name.values())
        self._by_alias: dict[str, Entry] = {}
        for e in self.entries:
            for alias in (e.name, *e.aliases, *e.domains):
                self._by_alias.setdefault(_key(alias), e)
            self._by_alias[_key(e.name)] = e  # a canonical name always resolves to itself
        self._matcher: Matcher | None = None
        # speed only: the mapper and the store look the same names up over and over (~30 times an article)
        self._resolved: dict[str, Entry | None] = {}

    def resolve(self, name: str) -> Entry | None:
        entry = self._resolved.get(name, _UNSEEN)
        if entry is not _UNSEEN:
            return entry  # type: ignore[return-value]  # (not the sentinel: an Entry or None)
        entry = self._lookup(name)
        if len(self._resolved) >= _RESOLVED_MAX:  # a long ingest meets ever new names: start again
            self._resolved.clear()
        self._resolved[name] = entry
        return entry

    def _lookup(self, name: str) -> Entry | None:
        if not name:
            return None
        entry = self._by_alias.get(_key(name))
        if entry is None:
            # "The Guardian" vs "Guardian", "www.reuters.com" vs "reuters.com"
            bare = _BARE.sub("", name.strip())
            entry = self._by_alias.get(_key(bare))
        return entry

    @property
    def matcher(self) -> Matcher:
        if self._matcher is None:  # compiled on first use, then reused for every article
            self._matcher = Matcher(self.entries)
        return self._matcher

    def find_all(self, text: str) -> list[Mention]:
        return self.matcher.find_all(text)

    def find_lines(self, lines: list[str]) -> list[list[Mention]]:
        """``[find_all(line) for line in lines]``, in one scan (speed only)."""
        return self.matcher.find_lines(lines)

    def __len__(self) -> int:
        return len(self.entries)


def user_files() -> list[Path]:
    """The user's own registry files: ``$PROV_OUTLETS`` (os.pathsep-separated), else ~/.config/prov/outlets.toml."""
    env = os.environ.get("PROV_OUTLETS")
    if env:
        return [Path(p).expanduser() for p in env.split(os.pathsep) if p]
    default = USER_FILE.expanduser()
    return [default] if default.is_file() else []


@functools.lru_cache(maxsize=1)
def _packaged() -> tuple[Entry, ...]:
    entries: list[Entry] = []
    for path in sorted(DATA_DIR.glob("outlets*.toml")):
        entries.extend(Entry(**row) for row in read_entries(path, KINDS))
    log.debug("registry: %d packaged entries", len(entries))
    return tuple(entries)


@functools.lru_cache(maxsize=8)
def _load(extra: tuple[Path, ...]) -> Registry:
    entries = list(_packaged())
    for path in extra:
        entries.extend(Entry(**row) for row in read_entries(path, KINDS))
    return Registry(entries)


def load_registry(extra: Sequence[Path] = ()) -> Registry:
    """The packaged registry plus ``extra`` files and the user's files (see module docstring); cached."""
    paths = tuple(Path(p) for p in (*user_files(), *extra))
    return _load(paths)
