"""Reads and validates one registry file. A malformed file raises RuleError naming the file and the entry."""

from __future__ import annotations

import tomllib
from pathlib import Path

from ..errors import RuleError

_FIELDS = {"name", "kind", "country", "language", "domains", "aliases", "strict"}


def read_entries(path: Path, kinds: tuple[str, ...]) -> list[dict]:
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise RuleError(f"{path}: registry file not found") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise RuleError(f"{path}: not valid TOML ({exc})") from exc
    rows = data.get("entries")
    if not isinstance(rows, list):
        raise RuleError(f"{path}: expected a top-level `entries = [...]` list of tables")
    out = []
    for i, row in enumerate(rows):
        where = f"{path}: entry {i + 1}"
        if not isinstance(row, dict):
            raise RuleError(f"{where}: expected a table, got {type(row).__name__}")
        unknown = set(row) - _FIELDS
        if unknown:
            raise RuleError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
        name = row.get("name")
        if not isinstance(name, str) or not name.strip():
            raise RuleError(f"{where}: `name` must be a non-empty string")
        if row.get("kind") not in kinds:
            raise RuleError(f"{where} ({name}): `kind` must be one of {', '.join(kinds)}")
        for key in ("domains", "aliases", "strict"):
            value = row.get(key, [])
            if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
                raise RuleError(f"{where} ({name}): `{key}` must be a list of non-empty strings")
        for key in ("country", "language"):
            if row.get(key) is not None and not isinstance(row[key], str):
                raise RuleError(f"{where} ({name}): `{key}` must be a string")
        out.append(
            {
                "name": name.strip(),
                "kind": row["kind"],
                "country": row.get("country"),
                "language": row.get("language"),
                "domains": tuple(row.get("domains", [])),
                "aliases": tuple(row.get("aliases", [])),
                "strict": tuple(row.get("strict", [])),
            }
        )
    return out
