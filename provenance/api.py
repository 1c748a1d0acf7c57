"""Small library entry points used by the CLI that do not fit one stage module."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from .clean import load_rules
from .ingest import clean_guarded
from .reader import read_file, read_stream
from .records import Cleaned


def clean_file(path: str, rules: Sequence[Path] = ()) -> Cleaned:
    """Read and clean one article file (or ``-`` for standard input); no database."""
    raw = read_stream(sys.stdin.buffer, "<stdin>") if path == "-" else read_file(path)
    return clean_guarded(raw, load_rules(rules))
