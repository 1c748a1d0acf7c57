"""Small library entry points used by the CLI that do not fit one stage module."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from .clean import clean, load_rules
from .reader import read_bytes, read_file
from .records import Cleaned


def clean_file(path: str, rules: Sequence[Path] = ()) -> Cleaned:
    """Read and clean one article file (or ``-`` for standard input); no database."""
    raw = read_bytes(sys.stdin.buffer.read(), "<stdin>") if path == "-" else read_file(path)
    return clean(raw, load_rules(rules))
