"""Bodies that speak through unnamed people, for :mod:`.speakers`: an organisation's spokesperson or officials ("a
WeWork spokesperson said") and a country's body named by a common noun ("the US military said", "militer Israel
mengatakan")."""

from __future__ import annotations

import re

from ..registry import Registry
from .lexicon import Lexicon
from .names import _OPENERS, Speaker
from .words import _QUANTIFIERS

# "a WeWork spokesperson", "PG&E officials", "said an Acme representative": the organisation speaks through people
# the article does not name. A country's officials stay anonymous ("US officials"), and so does a medium's staff.
_ORG_VOICE = re.compile(r"^(?:(?:a|an|the|one|two|several|seorang|para)\s+)?(?P<org>(?:[A-Z][\w&.’'-]*\s+){1,4}?)"
                        r"(?:spokes(?:man|woman|person|people)|officials|representatives?|executives)$")
# "the US military said", "militer Israel mengatakan": a country's body named by a common noun.
_COUNTRY_BODY = re.compile(r"(?:^|\s)(?:(?:the|The)\s+)?(?:(?P<c1>[A-Z][\w.]*(?:\s[A-Z]\w+)?)\s+(?P<n1>military|government|"
                           r"army|navy|police|cabinet)|(?P<n2>militer|pemerintah|kepolisian|polisi|tentara)\s+"
                           r"(?P<c2>[A-Z]\w+(?:\s[A-Z]\w+)?))$")
_NOUNS_LAST = frozenset({"military", "government", "army", "navy", "police", "cabinet"})  # the pattern's n1
_NOUNS_BEFORE = frozenset({"militer", "pemerintah", "kepolisian", "polisi", "tentara"})  # its n2
_BODY_EN = {"militer": "military", "pemerintah": "government", "kepolisian": "police", "polisi": "police",
            "tentara": "military"}


# The words _ORG_VOICE ends with: a whole last word, after a space (speed only: no match tried without one).
_ORG_NOUNS = frozenset({"spokesman", "spokeswoman", "spokesperson", "spokespeople", "officials", "representative",
                        "representatives", "executives"})


def _org_voice(phrase: str, lex: Lexicon, registry: Registry, cue: str) -> Speaker | None:
    toks = phrase.split()
    if not toks or toks[-1] not in _ORG_NOUNS:
        return None
    m = next((m for k in range(min(len(toks), 6), 1, -1) if (m := _ORG_VOICE.match(" ".join(toks[-k:])))), None)
    if not m:
        return None
    org = m.group("org").strip()
    words = org.split()
    if any(w.casefold() in lex.countries for w in words) or words[0] in lex.titles or registry.resolve(org) \
            or words[0].casefold() in _OPENERS or words[0].casefold() in _QUANTIFIERS:
        return None
    return Speaker(org, "institution", cue, org)


def _country_body(clause: str, lex: Lexicon, cue: str) -> Speaker | None:
    clause = clause.rstrip(" ,")
    # A match ends the clause and spans at most its last four runs of non-space, after a space (or at the start):
    # the search starts before them, not at every space of the clause (speed only: the pattern looks neither
    # behind nor at "^" but at the string's start, the same leftmost match).
    head = clause.rsplit(None, 4)
    # and its noun is a whole run, the last one (military) or one of the two before the country (militer): no
    # search without (speed only)
    if not head or (head[-1] not in _NOUNS_LAST and not any(t in _NOUNS_BEFORE for t in head[-3:-1])):
        return None
    m = _COUNTRY_BODY.search(clause, len(head[0]) if len(head) == 5 else 0)
    if not m:
        return None
    written = m.group("c1") or m.group("c2")
    country = lex.countries.get(written.casefold())
    if not country:
        return None
    noun = m.group("n1") or _BODY_EN[m.group("n2").casefold()]
    name = f"{lex.demonyms.get(country, country)} {noun}"
    return Speaker(name, "institution", cue, name)
