"""Loading and compiling the boilerplate rules (packaged TOML data plus the user's own files).

Rules are data: ``provenance/data/boilerplate*.toml`` ships with prov; a user adds rules with
``--rules FILE``, with the files named in ``$PROV_RULES`` (``os.pathsep``-separated), or in
``~/.config/prov/rules.toml`` (``$XDG_CONFIG_HOME/prov/rules.toml``). The file format is described at the top of
``provenance/data/boilerplate.toml``. Every pattern is compiled once, here; the packaged set is cached.
"""

from __future__ import annotations

import logging
import os
import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..errors import RuleError

log = logging.getLogger(__name__)

# Predicates a block rule may name instead of a regex (see provenance/clean/predicates.py).
PREDICATES = frozenset({"@headline", "@name", "@promo", "@bullet", "@url"})


@dataclass(frozen=True)
class LineRule:
    name: str
    kind: str
    reason: str
    pattern: re.Pattern[str]
    max_words: int | None = None

    def matches(self, text: str, n_words: int) -> bool:
        if self.max_words is not None and n_words > self.max_words:
            return False
        return self.pattern.search(text) is not None


@dataclass(frozen=True)
class InlineRule:
    name: str
    kind: str
    reason: str
    pattern: re.Pattern[str]
    headline: bool = False  # the cut extends over the title-case headline after the match


@dataclass(frozen=True)
class BlockRule:
    name: str
    kind: str
    reason: str
    start: re.Pattern[str]
    end: re.Pattern[str] | None = None
    member: tuple[str | re.Pattern[str], ...] = ()
    to_heading: bool = False
    max_lines: int = 8
    max_words: int | None = None  # the start line is at most this long (also spares the search on long lines)

    def starts(self, text: str, n_words: int) -> bool:
        if self.max_words is not None and n_words > self.max_words:
            return False
        return self.start.search(text) is not None


@dataclass
class RuleSet:
    """Compiled rules, in application order within each section."""

    blocks: list[BlockRule] = field(default_factory=list)
    lines: list[LineRule] = field(default_factory=list)
    inline: list[InlineRule] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)

    def extended(self, other: RuleSet) -> RuleSet:
        """A new set with ``other``'s rules after ours (user rules run after the packaged ones)."""
        return RuleSet(
            self.blocks + other.blocks,
            self.lines + other.lines,
            self.inline + other.inline,
            self.sources + other.sources,
        )

    def __len__(self) -> int:
        return len(self.blocks) + len(self.lines) + len(self.inline)


def _compile(where: str, rule: dict, key: str, case: bool) -> re.Pattern[str]:
    try:
        return re.compile(rule[key], 0 if case else re.IGNORECASE)
    except re.error as exc:
        raise RuleError(f"{where}: rule {rule.get('name', '?')!r}: bad {key} pattern: {exc}") from None


def _require(where: str, rule: dict, *keys: str) -> None:
    for key in keys:
        if not isinstance(rule.get(key), str) or not rule[key]:
            raise RuleError(f"{where}: rule {rule.get('name', '?')!r} needs a non-empty string {key!r}")


def parse_rules(text: str, where: str) -> RuleSet:
    """Compile one TOML rule document; ``where`` names it in error messages."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RuleError(f"{where}: not valid TOML: {exc}") from None
    unknown = set(data) - {"block", "line", "inline"}
    if unknown:
        raise RuleError(f"{where}: unknown section(s) {sorted(unknown)}; expected [[block]], [[line]], [[inline]]")
    rules = RuleSet(sources=[where])
    for raw in data.get("line", []):
        _require(where, raw, "name", "reason", "pattern")
        case = bool(raw.get("case", False))
        rules.lines.append(
            LineRule(raw["name"], raw.get("kind", "other"), raw["reason"], _compile(where, raw, "pattern", case),
                     raw.get("max_words"))
        )
    for raw in data.get("inline", []):
        _require(where, raw, "name", "reason", "pattern")
        case = bool(raw.get("case", False))
        rules.inline.append(
            InlineRule(raw["name"], raw.get("kind", "other"), raw["reason"], _compile(where, raw, "pattern", case),
                       bool(raw.get("headline", False)))
        )
    for raw in data.get("block", []):
        _require(where, raw, "name", "reason", "start")
        case = bool(raw.get("case", False))
        members: list[str | re.Pattern[str]] = []
        if raw.get("member"):
            spec = raw["member"]
            if spec.startswith("@"):
                for name in spec.split("|"):
                    if name not in PREDICATES:
                        raise RuleError(f"{where}: rule {raw['name']!r}: unknown member predicate {name!r}")
                    members.append(name)
            else:
                members.append(_compile(where, raw, "member", case))
        rules.blocks.append(
            BlockRule(
                raw["name"], raw.get("kind", "other"), raw["reason"], _compile(where, raw, "start", case),
                _compile(where, raw, "end", case) if raw.get("end") else None, tuple(members),
                bool(raw.get("to_heading", False)), int(raw.get("max_lines", 8)), raw.get("max_words"),
            )
        )
    return rules


@lru_cache(maxsize=1)
def packaged_rules() -> RuleSet:
    """The rules shipped in provenance/data/boilerplate*.toml, compiled once per process."""
    rules = RuleSet()
    data_dir = resources.files("provenance") / "data"
    for entry in sorted(data_dir.iterdir(), key=lambda e: e.name):
        if entry.name.startswith("boilerplate") and entry.name.endswith(".toml"):
            rules = rules.extended(parse_rules(entry.read_text(encoding="utf-8"), f"packaged {entry.name}"))
    log.debug("loaded %d packaged rules", len(rules))
    return rules


def default_user_files() -> list[Path]:
    """User rule files that exist: $PROV_RULES entries, else ~/.config/prov/rules.toml."""
    env = os.environ.get("PROV_RULES")
    if env:
        return [Path(p).expanduser() for p in env.split(os.pathsep) if p]
    config = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config") / "prov" / "rules.toml"
    return [config] if config.is_file() else []


@lru_cache(maxsize=8)
def _with_user_files(files: tuple[tuple[str, float], ...]) -> RuleSet:
    return load_rules([Path(name) for name, _ in files], user_defaults=False)


def default_rules() -> RuleSet:
    """What ``clean(..., rules=None)`` uses: packaged rules plus the default user files, recompiled only when
    one of those files changes."""
    files = default_user_files()
    if not files:
        return packaged_rules()
    key = tuple((str(p), p.stat().st_mtime if p.exists() else -1.0) for p in files)
    return _with_user_files(key)


def load_rules(extra: Sequence[Path] = (), user_defaults: bool = True) -> RuleSet:
    """Packaged rules, then the default user files, then ``extra`` (e.g. ``--rules FILE``)."""
    rules = packaged_rules()
    for path in [*(default_user_files() if user_defaults else []), *map(Path, extra)]:
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise RuleError(f"{path}: cannot read rule file: {exc.strerror or exc}") from None
        rules = rules.extended(parse_rules(text, str(path)))
    return rules
