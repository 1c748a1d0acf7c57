"""The cleaner: strip boilerplate that is not reporting, keep what it removed and why, pull out metadata.

Contract (stable; the rest of prov relies on it):

- ``clean(raw: RawArticle, rules: RuleSet | None = None) -> Cleaned`` — text or HTML input.
- ``clean_text(text: str, rules: RuleSet | None = None) -> Cleaned`` — plain text input.
- ``load_rules(extra: Sequence[Path] = ()) -> RuleSet`` — packaged rules plus the user's files.

``Cleaned.body`` never contains text that was not in the input; ``Cleaned.removed`` lists every piece taken out
with its rule name; ``Cleaned.meta`` holds title, outlet (as written), author, editor, published, language.
A reference section ("Sumber-sumber", "Sources") is kept in the body for the mapper.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..records import Cleaned, Metadata, RawArticle


class RuleSet:
    """Compiled boilerplate rules (placeholder until the cleaner lands)."""


def load_rules(extra: Sequence[Path] = ()) -> RuleSet:
    return RuleSet()


def clean_text(text: str, rules: RuleSet | None = None) -> Cleaned:
    lines = [line.strip() for line in text.splitlines()]
    body = "\n".join(line for line in lines if line)
    return Cleaned(body=body, removed=[], meta=Metadata())


def clean(raw: RawArticle, rules: RuleSet | None = None) -> Cleaned:
    return clean_text(raw.text, rules)
