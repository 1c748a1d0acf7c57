"""Speaker names across one article: the fullest name the article gives a person ("Trump" -> "Donald Trump"), and
one canonical name per institution across spellings ("Kementerian Luar Negeri (KEMLU) Kazakstan" =
"Kementerian Luar Negeri Kazakh" = "Kementerian Luar Negeri" -> "Ministry of Foreign Affairs of Kazakhstan")."""

from __future__ import annotations

import re

from ..records import Statement
from ..registry import Registry
from .fullest import _fullest
from .lexicon import Lexicon, TextMemo

_SPOKESPERSON = re.compile(r"^(?:the\s+)?(?:juru\s+bicara|jubir|spokes(?:man|woman|person)|perwakilan|representative)"
                           r"\s+(?:(?:of|for|dari)\s+)?(?:the\s+)?(?=[A-Z])", re.I)
# Compiled once (speed only: these were passed to re.* per statement).
_WORDS = re.compile(r"[\w'’-]+")
_ACRONYM = re.compile(r"[A-Z][A-Z&]{1,7}")
_CAPS_WORD = re.compile(r"\b[A-Z]{3,6}\b")
_BRACKETED = re.compile(r"\s*[(\[][^)\]]*[)\]]")
_PARENTHESISED = re.compile(r"\s*\([^)]*\)")
_OF_THE_LEAD = re.compile(r"^(?:of|the)\s+", re.I)
_THE_LEAD = re.compile(r"^The\s+")
_ACRONYM_WORD = re.compile(r"[A-Z]{2,6}")
_MEDIUM_WORD = re.compile(r"(?i)\b(?:news agency|agency|media|outlet|newspaper|broadcaster|kantor berita|"
                          r"media|harian|televisi|stasiun)\b")


_NAME_RUN = r"((?:[A-Z][\w'’.-]+\s+){0,3}[A-Z][\w'’-]+)"


_NICKNAME = ("panggilan", "sapaan")
_CALLED = ("disapa", "dipanggil")


def _holds(body: str, words: tuple[str, ...], seen: dict[tuple[str, ...], bool]) -> bool:
    """Whether `body` holds one of `words`, read once per article (`seen`: the answers so far; speed only)."""
    hit = seen.get(words)
    if hit is None:
        hit = seen[words] = any(w in body for w in words)
    return hit


def _alias(name: str, body: str, people: set[str], lex: Lexicon,
           seen: dict[tuple[str, ...], bool] | None = None) -> str | None:
    """The person behind a short form the article sets up: a title abbreviation ("Menteri Dalam Negeri (Mendagri)
    Tito Karnavian" -> "Mendagri"), a nickname ("Mualem, sapaan akrab Muzakir Manaf"; "Prasetyo Hadi" -> "Pras").
    `seen`: the _holds answers of the body, kept by the caller across names."""
    if " " in name or len(name) < 3:
        return None
    n = re.escape(name)
    seen = {} if seen is None else seen
    # each search runs only when the body holds the literal text it needs (speed only: same matches)
    m = (f"({name})" in body and re.search(rf"\({n}\)\s+{_NAME_RUN}", body)) \
        or f"{name}," in body and _holds(body, _NICKNAME, seen) and re.search(
            rf"\b{n},\s+(?:sapaan|panggilan|nama panggilan)(?:\s+akrab)?\s+{_NAME_RUN}", body) \
        or _holds(body, _CALLED, seen) and re.search(
            rf"{_NAME_RUN},?\s+(?:yang\s+)?(?:akrab\s+|biasa\s+)?(?:disapa|dipanggil)\s+{n}\b", body)
    if m:
        toks = m.group(1).split()
        while toks and toks[0] in lex.titles:
            toks.pop(0)
        return " ".join(toks) if len(toks) >= 2 else None
    fuller = {p for p in people if " " in p and any(t.startswith(name) and t != name for t in p.split())}
    return fuller.pop() if len(fuller) == 1 else None


def _acronym_of(name: str, names: set[str], lex: Lexicon) -> str | None:
    """"Chinese CDC" beside "Chinese Center for Disease Control and Prevention": the acronym's letters start the
    initials of the one longer institution name (country words aside), so both are one institution."""
    acr = next((t for t in name.split() if _ACRONYM_WORD.fullmatch(t)), None)
    if not acr or len(name.split()) > 3:
        return None
    fits = set()
    for other in names - {name}:
        words = [w for w in other.split() if w[:1].isupper() and w.casefold() not in lex.countries]
        if len(words) >= len(acr) and "".join(w[0] for w in words).startswith(acr):
            fits.add(other)
    return fits.pop() if len(fits) == 1 else None


def _person_words(name: str) -> set[str]:
    return {w.casefold() for w in _WORDS.findall(name)} - {"jr", "sr", "mr", "mrs", "ms", "dr"}


# speed only: an institution's spelling -> its canonical name, for the lexicon it was read with (the same names recur
# within an article, where each is canonicalised up to four times, and across articles)
_CANONICAL = TextMemo(16384)


def canonical_institution(raw: str, lex: Lexicon) -> str:
    """``_canonical_institution(raw, lex)``, read once per spelling and lexicon (speed only)."""
    table = _CANONICAL.table(lex)
    name = table.get(raw)
    if name is None:
        name = table[raw] = _canonical_institution(raw, lex)
    return name


def _canonical_institution(raw: str, lex: Lexicon) -> str:
    """One English name for an institution written in either language: "Kementerian Pertahanan Rusia" ->
    "Russian Ministry of Defence", "Juru Bicara Kementerian Luar Negeri Korea Utara" -> "Ministry of Foreign Affairs
    of North Korea"; a name no pattern knows is returned as written, without its bracketed acronym."""
    name = _BRACKETED.sub("", raw).strip()
    for rx, right in lex.spelling:
        name = rx.sub(right, name)
    name = _SPOKESPERSON.sub("", name)  # an unnamed spokesperson speaks for the institution
    norm = lex.country_rx.sub(lambda m: lex.countries.get(m.group().casefold(), m.group()), name) \
        if lex.country_rx else name
    for rx, template in lex.canonical:
        m = rx.match(norm)
        if m:
            fields = {k: v for k, v in m.groupdict().items() if v}
            if "country" in fields:  # patterns are case-insensitive: "Security Service of Ukraine" is canonical
                fields["country"] = _OF_THE_LEAD.sub("", fields["country"])
                fields["country"] = lex.countries.get(fields["country"].casefold(), fields["country"])
                fields["demonym"] = lex.demonyms.get(fields["country"], fields["country"])
            if "portfolio" in fields:
                fields["portfolio"] = lex.portfolios.get(fields["portfolio"], fields["portfolio"])
            try:
                return template.format(**fields)
            except KeyError:
                continue
    return name


def _with_context_country(raw: str, evidence: str, lex: Lexicon) -> str | None:
    """"otoritas Rusia meremehkan kerusakan, dengan Kementerian Pertahanan mengakui": a ministry named without its
    country belongs to the country named last before it in the same sentence."""
    if lex.country_rx is None or lex.country_rx.search(raw):
        return None
    at = evidence.find(raw)
    countries = list(lex.country_rx.finditer(evidence[:at] if at > 0 else ""))
    if not countries:
        return None
    plain = canonical_institution(raw, lex)
    guess = canonical_institution(f"{raw} {countries[-1].group()}", lex)
    return guess if guess != plain and guess != f"{plain} {countries[-1].group()}" else None


def _expand_acronym(acr: str, body: str, lex: Lexicon) -> str | None:
    """"SBU mengklaim ..." after "Dinas Keamanan Ukraina [SBU]": the article defined the acronym; the speaker is the
    institution under its full (canonical) name."""
    if not _ACRONYM.fullmatch(acr) or (f"{acr})" not in body and f"{acr}]" not in body):
        return None  # (the search below needs the acronym before a closing bracket; speed only)
    m = re.search(rf"((?:[A-Z][\w'’&-]*\s+(?:(?:of|and|dan|for|the|on)\s+)*){{2,7}})[(\[]{re.escape(acr)}[)\]]", body)
    if not m:
        return None
    long = m.group(1).strip()
    return canonical_institution(long, lex) if lex.institution_rx.search(long) or len(long.split()) >= 2 else None


def normalise_speakers(statements: list[Statement], body: str, lex: Lexicon,
                       registry: Registry | None = None) -> list[Statement]:
    registry = registry if registry else None  # an empty registry counts as none (its truth test is len(): once)
    people = {s.source for s in statements if s.kind == "person"}
    rbody = body[::-1] if people else ""  # (once per article, not per name; speed only)
    offers: dict[str, list[str]] = {}  # (_fullest's offers by last word, read once per article; speed only)
    full = {p: _fullest(p, body, lex, rbody, offers) for p in people}
    seen: dict[tuple[str, ...], bool] = {}
    for p in people:
        alias = _alias(p, body, set(full.values()), lex, seen)
        if alias:
            full[p] = alias
    # "Trump" and "Donald Trump", "David B" and "David B. Rivkin" in one article: one person, under the fuller name
    person_words: dict[str, set[str]] = {}  # name -> _person_words(name), read once per article (speed only)
    for g in full.values():
        person_words.setdefault(g, _person_words(g))
    for p, f in full.items():
        words = person_words[f]
        wider = [g for g in set(full.values()) if g != f and words and words < person_words[g]]
        if len({person_words[g] and frozenset(person_words[g]) for g in wider}) == 1:
            full[p] = max(wider, key=len)
    named = {s.source for s in statements if s.kind == "institution"}
    longs: dict[tuple[str, str], str | None] = {}  # (a source and its kind -> its long form, read once per article)
    for s in statements:
        key = (s.source, s.kind)
        if key in longs:
            long = longs[key]  # (the same speaker's other statements; speed only)
        else:
            long = _expand_acronym(s.source, body, lex) if s.kind in ("person", "institution") else None
            if long is None and s.kind == "person" and _CAPS_WORD.search(s.source):
                long = _acronym_of(_THE_LEAD.sub("", s.source), named, lex)  # "The Korean KIMS"
            longs[key] = long
        if long:
            s.chain = [long if x == s.source else x for x in s.chain]
            s.source, s.kind = long, "institution"
    insts = sorted({s.source for s in statements if s.kind == "institution"}, key=len, reverse=True)
    canon: dict[str, str] = {}
    for raw in insts:
        c = canonical_institution(raw, lex)
        plain = _PARENTHESISED.sub("", raw).strip()
        countryless = c == plain or not (lex.country_rx and lex.country_rx.search(raw))
        longer = next((x for x in insts if x != raw and x.startswith(raw.split(" (")[0]) and x in canon), None)
        if countryless and longer:
            c = canon[longer]  # a shorter spelling ("Kementerian Luar Negeri") of a longer one in the same article
        elif countryless:
            ev = next((body[st.span[0]:st.span[1]] for st in statements if st.source == raw and st.span), "")
            c = _with_context_country(raw, ev, lex) or c
        canon[raw] = c
    for raw, c in canon.items():  # "Ministry of Foreign Affairs" beside "... of Kazakhstan": one ministry
        wordset = set(c.casefold().split())
        widest = {x for x in canon.values() if x != c and wordset < set(x.casefold().split())}
        if len(widest) == 1 and len(wordset) >= 3:
            canon[raw] = widest.pop()
    for raw, c in canon.items():
        longer = _acronym_of(c, set(canon.values()), lex)
        if longer:
            canon[raw] = longer
    for s in statements:
        new = full.get(s.source) if s.kind == "person" else canon.get(s.source) if s.kind == "institution" else None
        if new and new != s.source:
            s.chain = [new if x == s.source else x for x in s.chain]
            s.source = new
        medium = registry.resolve(s.source) if registry is not None and s.kind in ("person", "institution") else None
        if registry is not None and medium is None and s.kind == "institution":
            # "North Korea's main news agency Korean Central News Agency": a description ending in a medium's name
            ends = [m for m in registry.find_all(s.source) if not s.source[m.end:].strip(" )(")
                    and _MEDIUM_WORD.search(s.source[:m.start])]
            medium = ends[0].entry if len(ends) == 1 else None
        if medium:  # "The Times, citing ..." grew into "New York Times": the medium speaks, not a person
            s.source, s.kind = medium.name, "agency" if medium.kind == "agency" else "outlet"
            s.chain = list(dict.fromkeys([medium.name, *s.chain[1:]]))
    if registry is not None:
        statements.extend(_platform_companies(statements, body, registry))
    return statements


_COMPANY_VERB = re.compile(r"(?<![\w@#])([A-Z][\w.]+)\s+(?:(?:also|later|earlier|juga)\s+)?(?:said|says|announced|"
                           r"confirmed|mengatakan|menyatakan|mengumumkan|mengonfirmasi)\b")
_ON_PLATFORM = re.compile(r"\b(?:in|on|via) (?:a |its |an )?(?:tweet|post|blog|account)|\bdalam (?:unggahan|cuitan)|"
                          r"\bdi akun", re.I)


def _platform_companies(statements: list[Statement], body: str, registry: Registry) -> list[Statement]:
    """"Twitter said in a tweet": the company behind the platform speaks (an institution), through its own post."""
    out = []
    for s in statements:
        if s.kind != "platform" or not s.span:
            continue
        text = body[s.span[0]:s.span[1]]
        for m in _COMPANY_VERB.finditer(text):
            entry = registry.resolve(m.group(1))
            if entry is None or entry.name != s.source:
                continue
            on_own = _ON_PLATFORM.search(text, m.end()) and m.group(1) != s.source
            rest = s.chain if on_own else s.chain[1:]  # "Twitter" -> "X" -> ...; "Facebook" once
            out.append(Statement(source=m.group(1), kind="institution", chain=[m.group(1), *rest], cue=s.cue,
                                 evidence=s.evidence, span=s.span, confidence=s.confidence))
            break
    return out
