"""The cleaner: strip boilerplate that is not reporting, keep what it removed and why, pull out metadata.

Contract (stable; the rest of prov relies on it):

- ``clean(raw: RawArticle, rules: RuleSet | None = None) -> Cleaned`` — text or HTML input.
- ``clean_text(text: str, rules: RuleSet | None = None) -> Cleaned`` — plain text input.
- ``load_rules(extra: Sequence[Path] = ()) -> RuleSet`` — packaged rules plus the user's files.

``Cleaned.body`` never contains text that was not in the input; ``Cleaned.removed`` lists every piece taken out
with its rule name (what ``prov clean --explain`` renders); ``Cleaned.meta`` holds title, outlet (as written),
author, editor, published, language, url. A reference section ("Sumber-sumber", "Sources") is kept in the body
for the mapper.

User rules: ``load_rules([Path("my.toml")])``; also ``$PROV_RULES`` (paths joined by ``os.pathsep``) or, when that
is unset, ``~/.config/prov/rules.toml`` (``$XDG_CONFIG_HOME/prov/rules.toml``); ``rules=None`` means packaged
rules plus those default files. Format: the header of ``provenance/data/boilerplate.toml``.

Modules: ``rules`` (loading), ``lines`` (block and line rules), ``inline`` (cuts inside a line), ``structure``
(shape-based passes), ``predicates`` (line shapes), ``meta`` (metadata), ``text`` (the pipeline),
``html`` (trafilatura extraction); speed only: ``gate`` (which rules can match a line at all) and ``patterns``
(the anatomy of a rule pattern it relies on).
"""

from __future__ import annotations

from ..records import Cleaned, RawArticle
from .rules import RuleSet, default_rules, load_rules, packaged_rules
from .text import clean_lines

__all__ = ["RuleSet", "clean", "clean_text", "load_rules", "explain", "packaged_rules"]


def clean_text(text: str, rules: RuleSet | None = None) -> Cleaned:
    """Clean a plain-text article."""
    return clean_lines(text, rules if rules is not None else default_rules())


def clean(raw: RawArticle, rules: RuleSet | None = None) -> Cleaned:
    """Clean one input, text or HTML; the user's overrides (outlet, language, url) win over what was found."""
    if raw.kind == "html":
        from .html import clean_html  # trafilatura is imported only when HTML comes in

        result = clean_html(raw.text, rules if rules is not None else default_rules(), url=raw.url)
    else:
        result = clean_text(raw.text, rules)
    if raw.outlet:
        result.meta.outlet = raw.outlet
    if raw.language:
        result.meta.language = raw.language
    if raw.url:
        result.meta.url = raw.url
    return result


def explain(cleaned: Cleaned) -> list[str]:
    """One line per removed piece, for ``prov clean --explain``: ``L12 rule-name: text (reason)``."""
    out = []
    for r in cleaned.removed:
        where = f"L{r.line + 1}" if r.line is not None else "L?"
        out.append(f"{where} {r.rule}: {r.text[:100]}{'…' if len(r.text) > 100 else ''}  ({r.reason})")
    return out
