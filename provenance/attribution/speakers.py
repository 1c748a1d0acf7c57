"""Speakers of attributed statements in one sentence: a named person, a named institution (canonicalised), or an
anonymous source typed as such (recognised by :mod:`.anonymous`). Media are not speakers here: :mod:`.media` credits
them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..literals import lowered, may_search
from ..registry import Registry
from .anonymous import _ANONYMITY, _anonymous, _anonymous_tail
from .lexicon import Lexicon
from .triggers import Present
from .words import _CALENDAR, _QUANTIFIERS, _strip_adverbs

# Patterns compiled once (speed only: the same patterns the functions below once passed to re.* per call).
_PAREN = re.compile(r"\([^)]*\)")
_OWNER_LEAD = re.compile(r"^(.+?)['’]s\s+\S")
_OWNER_TAIL = re.compile(r"['’]s\s+(.+)$")
_PLACED = re.compile(r"\s(?:di|dalam|in|from|dari|at)\s+$")
_SITE_LEAD = re.compile(r"^\S*\.(?:com|co\.id|id)\s*[-–—]+\s*")
_POSSESSIVE_END = re.compile(r"['’]s$")
_CONTRACTION_END = re.compile(r"['’](?:ve|re|s|m|d|ll)$")
_WORD_END = re.compile(r"[\w)]$")
_THE_LEAD = re.compile(r"^the\s+", re.I)
_DASH_ASIDE = re.compile(r"\s*[—–]\s*[^—–]{2,90}[—–]\s*$")
_APPOSITION = re.compile(r"^(.*\S),\s([^,]{2,90}),$")
_PAREN_INITIALS = re.compile(r"\([A-Za-z.]+\)")
_PASSIVE_END = re.compile(r"\b(?:was|were|been|being|is|are|be|get|got)\s+(?:\w+ly\s+|also\s+|not\s+)?$")

# Subject phrases stop at punctuation or at a word that starts the rest of the clause.
_STOP = re.compile(
    r"[,.;:!?\"“”]|kepada(?=[A-Z])|\s(?:kepada|dalam|selama|sejak|untuk|di|saat|ketika|pada|seperti|sebagaimana|yang|melalui|usai|setelah|sambil|"
    r"dilansir|dikutip|bahwa|soal|terkait|to|in|on|at|during|after|when|while|as|who|adding|according|via|that|"
    r"before|because|and|dan)\b"
)
_CONNECT = {"of", "the", "for", "and", "dan", "pimpinan", "bin", "binti", "al", "el", "de", "van", "von", "der", "la", "le", "da",
            "du", "des", "y", "&"}
_POLL = re.compile(r"(?:\d+(?:[.,]\d+)?\s*(?:%|persen|percent|per cent)(?:\s+(?:of|dari))?|mayoritas|majority of)\s*$",
                   re.I)
# Capitalised function words that open a sentence are not part of the subject: "Meski Iran mengatakan ...".
_OPENERS = {"meski", "meskipun", "walau", "walaupun", "namun", "tetapi", "sementara", "sedangkan", "adapun",
            "bahkan", "karena", "jika", "saat", "ketika", "setelah", "sebelum", "kini", "kemudian", "lalu", "selain",
            "however", "but", "and", "meanwhile", "also", "then", "still", "yet", "so", "now", "when", "after",
            "before", "if", "while", "although", "though", "because", "since", "another", "other", "both", "each",
            "in", "on", "at", "for", "with", "as", "di", "pada", "dalam", "untuk", "dengan", "menurut", "kata", "ujar",
            "to", "would", "could", "should", "did", "does", "recent", "often", "plus",
            "sebaliknya", "maka", "kemarin"}


@dataclass
class Speaker:
    name: str
    kind: str  # person | institution | anonymous
    cue: str
    raw: str  # as written (for merging institution spellings)


def _is_cap(tok: str) -> bool:
    t = tok.lstrip("(\"“'‘")
    return bool(t) and (t[0].isupper() or t[0] == "@")


def _strip_titles(tokens: list[str], lex: Lexicon) -> list[str]:
    i = 0
    while i < len(tokens) and (tokens[i].strip("(),") in lex.titles or tokens[i].casefold() in _CONNECT
                               or _bracketed(tokens[i])):
        i += 1
    return [t for t in tokens[i:] if not _bracketed(t)]


def _bracketed(tok: str) -> bool:
    """``_PAREN.fullmatch(tok)``, searched only for a token that opens with a bracket (speed only)."""
    return tok[:1] == "(" and _PAREN.fullmatch(tok) is not None


def classify(run: str, lex: Lexicon, registry: Registry, cue: str) -> Speaker | None:
    """A capitalised name run -> person or institution (or None: pronoun, medium, place, title only)."""
    run = _SITE_LEAD.sub("", run.strip(" ,.'’\"“”"))  # "KOMPAS.com- Kepala ..."
    run = _POSSESSIVE_END.sub("", run)
    first = _CONTRACTION_END.sub("", run.split()[0]).casefold() if run else ""
    if not run or run.casefold() in lex.pronouns or first in lex.pronouns or first in _QUESTION:
        return None  # "We’ve", "Why Can’t Taylor Swift ...": a pronoun or a headline's question, no name
    if "=" in run or not _WORD_END.search(run):
        return None  # "XAU=", "So-": a ticker or a cut word
        return None
    if registry.resolve(run) or registry.resolve(_THE_LEAD.sub("", run)):
        return None
    apostrophe = "'" in run or "’" in run  # (both owner patterns need one: speed only)
    owner = _OWNER_LEAD.match(run) if apostrophe else None
    if owner and registry.resolve(owner.group(1)):
        return None  # "NPR’s Feng": the medium's reporter, the medium is credited
    tokens = run.split()
    while tokens and (tokens[0].casefold().strip(",") in _OPENERS or tokens[0].endswith("-based")
                      or (len(tokens) > 1 and tokens[0].endswith("ing") and tokens[0][0].isupper())):
        tokens.pop(0)  # "Namun Mendagri", "Menurut Mualem", "London-based ...", "Questioning Vindman"
    if not tokens or not _is_cap(tokens[-1]) or _bracketed(tokens[0]):
        return None  # "(NORTHCOM)" alone is the tail of a name cut by the subject parser
    if all(t.casefold() in _CALENDAR or t.casefold().strip(",") in lex.countries for t in tokens):
        return None  # "Friday", "Minggu", "Russia": a day or a country is no speaker
    if len(tokens) == 1 and tokens[0].endswith("s") and tokens[0][:-1] in lex.titles:
        return None  # "Presidents say these things": a plural role, nobody named
    run = " ".join(tokens)
    owner = _OWNER_TAIL.search(run) if apostrophe else None  # "The We Company’s recently named executive chair Marcelo Claure"
    if owner:
        after = owner.group(1).split()
        name = []
        while after and _is_cap(after[-1]) and after[-1] not in lex.titles:
            name.insert(0, after.pop())
        if 2 <= len(name) <= 4 and after and (not _is_cap(after[-1]) or after[-1] in lex.titles) \
                and not lex.institution_rx.search(" ".join(name)) and not registry.resolve(" ".join(name)):
            return Speaker(" ".join(name), "person", cue, " ".join(name))
    stripped = _strip_titles(tokens, lex)
    inst = lex.institution_rx.search(run)
    tail: list[str] = []
    for tok in reversed(tokens):
        bare = tok.strip("(),")
        if bare in lex.titles or lex.institution_rx.fullmatch(bare) or bare.casefold() in lex.countries \
                or tok.casefold() in _CONNECT or not _is_cap(tok):
            break
        tail.insert(0, tok)
    if "of" in tokens:  # "Senator Bob Corker of Tennessee", "Jane Roe of the University of X": the person speaks
        i = tokens.index("of")
        if i >= 2 and all(_is_cap(t) and t not in lex.titles for t in tokens[i - 2:i]) \
                and not lex.institution_rx.search(" ".join(tokens[:i])):
            return classify(" ".join(tokens[:i]), lex, registry, cue)
    starts_with_title = tokens[0] in lex.titles and not lex.countries.get(tokens[0].casefold())
    before_tail = tokens[len(tokens) - len(tail) - 1] if tail and len(tail) < len(tokens) else ""
    titled_name = len(tail) >= 2 and before_tail in lex.titles
    if before_tail.casefold() in _CONNECT:
        starts_with_title = False  # "Korean Institute for Marine Safety": the tail ends the institution's name
    if inst and not ((starts_with_title or titled_name) and tail and inst.start() < run.find(tail[0])):
        name = re.sub(r"^(?:the|The)\s+", "", run)
        return Speaker(name, "institution", cue, name)
    person = tail or stripped
    if not person or len(person) > 5 or person[0].casefold() in _CONNECT:
        return None
    name = " ".join(person).strip(",")
    if name.casefold() in lex.pronouns or len(name) < 2:
        return None
    return Speaker(name, "person", cue, name)


def _head_run(text: str) -> str:
    """The phrase at the start of `text`, up to where the clause goes on."""
    m = _STOP.search(text)
    return text[: m.start()] if m else text[:80]


_SPEECH = {"said", "says", "told", "testified", "wrote", "added", "stated", "explained", "argued", "warned", "noted",
           "insisted", "acknowledged", "claimed", "denied", "announced", "tweeted", "recalled", "confirmed", "described",
           "replied", "responded", "commented", "asserted", "maintained", "stressed", "emphasized", "admitted"}
# A clause ends at a sentence mark, not at the period of "Mr." or of an initial ("James B. Comey"). (The mark is
# matched first and the look-behinds span it, "(?<!\bMr.)": same matches, but the engine skips to the marks instead
# of trying fifteen look-behinds at every position; speed only.)
_CLAUSE_END = re.compile(r"[.;:!?\"“”](?<!\bMr.)(?<!\bMrs.)(?<!\bMs.)(?<!\bDr.)(?<!\bSt.)(?<!\bJr.)(?<!\bSr.)(?<!\bSen.)"
                         r"(?<!\bRep.)(?<!\bGov.)(?<!\bGen.)(?<!\bLt.)(?<!\bCol.)(?<!\bProf.)(?<!\b[A-Z].)\s")


def _tail_run(prefix: str, lex: Lexicon | None = None, speech: bool = True) -> str:
    """The capitalised run that ends `prefix` (the subject right before a verb)."""
    prefix = prefix.rstrip()
    if "—" in prefix or "–" in prefix:  # (the aside needs its dashes: no search without; speed only)
        prefix = _DASH_ASIDE.sub("", prefix)  # "Witkoff—utusan khusus—said"
    prefix = prefix.rstrip(" —–")
    toks = _strip_adverbs(prefix.split())  # (the runs of non-space, as \S+ finds them)
    if speech and len(toks) >= 2 and toks[-1] == "who" and toks[-2].endswith(","):
        toks = _strip_adverbs(toks[:-1])  # "James Comey, who later testified": the relative clause's subject
        toks[-1] = toks[-1].rstrip(",")
        if re.search(r",\s[^,]{2,90}$", " ".join(toks)):
            toks[-1] += ","  # "Donna Brazile, the former chairwoman, who wrote": apposition first
    prefix = " ".join(toks)
    app = _APPOSITION.match(prefix) if "," in prefix else None  # "Tokayev, the president, said"
    if app:
        toks = app.group(1).split()
        named = app.group(2).split()
        if lex and 2 <= len(named) <= 5 and all(_is_cap(t) for t in named) \
                and any(t not in lex.titles and t.casefold() not in lex.countries for t in named):
            toks = named  # "Kepala Polisi Teheran, Jenderal Hossein Rahimi, membantah": the name is the apposition
    run: list[str] = []
    for tok in reversed(toks):
        if tok.endswith((",", ".", ";", ":", "\"", "”", "“")) and run:
            break
        if _is_cap(tok) or (run and tok.casefold() in _CONNECT) or _PAREN_INITIALS.fullmatch(tok):
            run.insert(0, tok)
            continue
        break
    while run and (run[0].casefold() in _CONNECT or run[0].casefold().strip(",") in _OPENERS):
        run.pop(0)
    return " ".join(run)


def _appositive(phrase: str, rest: str, lex: Lexicon, registry: Registry) -> str:
    """"ujar Wakil Presiden AS, JD Vance", "disampaikan Duta Besar Iran untuk PBB, Ali Bahreini": a title phrase
    followed by the person's name after a comma; the name is the speaker."""
    words = phrase.split()
    if not words or words[0].strip("(),") not in lex.titles or not rest.startswith(","):
        return phrase
    name = _head_run(rest[1:].lstrip())
    sp = classify(name, lex, registry, "")
    if sp and sp.kind == "person" and len(name.split()) <= 4:
        return name
    if all(w.strip("(),") in lex.titles for w in words):
        return name
    return phrase


# "a WeWork spokesperson", "PG&E officials", "said an Acme representative": the organisation speaks through people
# the article does not name. A country's officials stay anonymous ("US officials"), and so does a medium's staff.
_ORG_VOICE = re.compile(r"^(?:(?:a|an|the|one|two|several|seorang|para)\s+)?(?P<org>(?:[A-Z][\w&.’'-]*\s+){1,4}?)"
                        r"(?:spokes(?:man|woman|person|people)|officials|representatives?|executives)$")
# "the US military said", "militer Israel mengatakan": a country's body named by a common noun.
_COUNTRY_BODY = re.compile(r"(?:^|\s)(?:(?:the|The)\s+)?(?:(?P<c1>[A-Z][\w.]*(?:\s[A-Z]\w+)?)\s+(?P<n1>military|government|"
                           r"army|navy|police|cabinet)|(?P<n2>militer|pemerintah|kepolisian|polisi|tentara)\s+"
                           r"(?P<c2>[A-Z]\w+(?:\s[A-Z]\w+)?))$")
_QUESTION = {"why", "what", "how", "where", "when", "which", "whatever", "whoever", "one"}
_BODY_EN = {"militer": "military", "pemerintah": "government", "kepolisian": "police", "polisi": "police",
            "tentara": "military"}
# "according to data from MarketAxess": the body that published the figures speaks.
_DATA_FROM = re.compile(r"^(?:(?:data|figures|estimates|records|(?:an?\s+)?(?:\d{4}\s+)?(?:statement|survey|poll|study|"
                        r"analysis)s?)\s+"
                        r"(?:from|by|of)\s+)(?=[A-Z])", re.I)


def _org_voice(phrase: str, lex: Lexicon, registry: Registry, cue: str) -> Speaker | None:
    toks = phrase.split()
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
    m = _COUNTRY_BODY.search(clause) if may_search(_COUNTRY_BODY, clause, None) else None  # (its nouns; speed only)
    if not m:
        return None
    written = m.group("c1") or m.group("c2")
    country = lex.countries.get(written.casefold())
    if not country:
        return None
    noun = m.group("n1") or _BODY_EN[m.group("n2").casefold()]
    name = f"{lex.demonyms.get(country, country)} {noun}"
    return Speaker(name, "institution", cue, name)


def _journalist_of_medium(after: str, registry: Registry) -> bool:
    """"according to Jane Roe of the New York Times": a reporter stands for the medium, which is credited."""
    m = re.search(r"\s+(?:of|from|dari)\s+((?:the\s+)?[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,4})", after)
    return bool(m) and any(registry.resolve(" ".join(m.group(1).split()[:k])) for k in range(5, 0, -1))


def _placed(run: str, clause: str) -> bool:
    r"""``re.search(rf"\s(?:di|dalam|in|from|dari|at)\s+{re.escape(run)}\s*$", clause)``: the run ends the clause
    (but for spaces) after a place preposition (speed only: no pattern compiled per run; a run is words joined by
    single spaces, so it can only end where the stripped clause ends)."""
    end = len(clause.rstrip())
    start = end - len(run)
    return start >= 0 and clause.startswith(run, start) and _PLACED.search(clause, 0, start) is not None


def find_speakers(text: str, lex: Lexicon, registry: Registry, verbs: list[re.Match] | None = None,
                  present: Present | None = None) -> list[Speaker]:
    """`verbs`: ``lex.verbs_rx`` matches in `text`, when the caller has them (speed only: one scan per sentence);
    `present`: the sentence's cue literals (speed only: patterns without them are not searched)."""
    trig = present.trig if present is not None else None
    if trig is not None and not verbs and not present.bits & trig.speakers:
        return []  # no cue word for any search below (speed only)
    found: list[Speaker] = []

    def add(sp: Speaker | None) -> None:
        if sp and all(sp.name != f.name for f in found):
            found.append(sp)

    for m in lex.inverted_rx.finditer(text) if trig is None or present.may(trig.inverted) else ():
        cue = m.group().strip(" ,\"”’'—–-")
        phrase = _head_run(text[m.end():])
        voice = _org_voice(phrase, lex, registry, cue)
        if voice:
            add(voice)
            continue
        label = _anonymous(phrase, lex, cand=present and present.anonymous())
        if label:
            add(Speaker(label, "anonymous", cue, phrase))
            continue
        phrase = _appositive(phrase, text[m.end() + len(phrase):], lex, registry)
        words = phrase.split()
        while words and not _is_cap(words[0]) and words[0].casefold() not in lex.pronouns:
            words.pop(0)  # "kata juru bicara Gedung Putih Karoline Leavitt"
        add(classify(" ".join(words), lex, registry, cue))
    may = may_search(lex.according_rx, text, lowered(text)) if trig is None else present.may(trig.according)
    according = lex.according_rx.finditer(text) if may else ()
    for m in according:  # (the search skipped when the sentence lacks its literal words: speed only)
        phrase = _head_run(text[m.end():])
        if lex.anaphora_rx.match(text, m.start()):
            continue
        if m.group().casefold().startswith("according"):
            phrase = _DATA_FROM.sub("", phrase)
        label = _anonymous(phrase, lex, cand=present and present.anonymous())
        if not label and m.group()[:2].casefold() == "di" and not _is_cap(phrase.split()[0] if phrase.split() else ""):
            continue  # passive "disampaikan selama KTT": no agent named
        if not label:
            phrase = _appositive(phrase, text[m.end() + len(phrase):], lex, registry)
        if label:
            add(Speaker(label, "anonymous", m.group().strip(), phrase))
        elif not _journalist_of_medium(text[m.end():m.end() + len(phrase) + 60], registry):
            add(classify(phrase, lex, registry, m.group().strip()))
    for m in lex.verbs_rx.finditer(text) if verbs is None else verbs:
        prefix = text[: m.start()]
        if m.group().split()[0].casefold() in {"told", "asked", "informed", "quoted", "cited"} \
                and _PASSIVE_END.search(prefix):  # the cheap test first (speed only)
            continue  # "Gates was also told to surrender": the subject was told, it did not tell
        clause = _CLAUSE_END.split(prefix + " ")[-1]
        run = _tail_run(clause, lex, m.group().split()[0].casefold() in _SPEECH)
        anon = _anonymous_tail(clause, lex, present and present.anonymous())
        voice = _org_voice(clause, lex, registry, m.group()) if anon else None
        voice = voice or (_country_body(clause, lex, m.group()) if not anon else None)
        if voice:
            add(voice)
            continue
        if anon and _POLL.search(clause[: clause.rfind(anon[1].split()[0])] if anon[1] in clause else ""):
            anon = None  # "56 persen warga berpendapat": a poll's share, not a source
        placed = anon and run and _placed(run, clause)
        if anon and (not run or run in anon[1] or placed):  # "Officials said", "Para pejabat di Tel Aviv mengatakan"
            add(Speaker(anon[0], "anonymous", m.group(), anon[1]))
            continue
        sp = classify(run, lex, registry, m.group()) if run else None
        if sp is None:
            label = _anonymous(clause, lex, cand=present and present.anonymous())
            if label:
                sp = Speaker(label, "anonymous", m.group(), clause.strip())
        elif sp.kind == "person" and "statement" in m.group() and len(sp.name.split()) == 1:
            sp = Speaker(sp.name, "institution", sp.cue, sp.raw)  # "SoftBank said in a statement"
        add(sp)
    # "... who spoke on condition of anonymity", "yang berbicara secara anonim": anonymous even without a subject.
    if not any(s.kind == "anonymous" for s in found) and (trig is None or present.may(trig.anonymity)) \
            and _ANONYMITY.search(text):
        label = _anonymous(text, lex, anchored=False, cand=present and present.anonymous()) or "anonymous source"
        add(Speaker(label, "anonymous", "anonymity", text))
    # a named speaker is written with a capital ("kantor berita Iran" and "tersebut muncul ..." are no names)
    return [f for f in found if f.kind == "anonymous" or _is_cap(f.name) or f.name[:1].isdigit()]
