"""Speakers of attributed statements in one sentence: a named person, a named institution (canonicalised), or an
anonymous source typed as such. Media are not speakers here: :mod:`.media` credits them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..registry import Registry
from .lexicon import Lexicon

_TOKEN = re.compile(r"\S+")
# Subject phrases stop at punctuation or at a word that starts the rest of the clause.
_STOP = re.compile(
    r"[,.;:!?\"“”]|kepada(?=[A-Z])|\s(?:kepada|dalam|selama|sejak|untuk|di|saat|ketika|pada|seperti|sebagaimana|yang|melalui|usai|setelah|sambil|"
    r"dilansir|dikutip|bahwa|soal|terkait|to|in|on|at|during|after|when|while|as|who|adding|according|via|that|"
    r"before|because|and|dan)\b"
)
_CONNECT = {"of", "the", "for", "and", "dan", "bin", "binti", "al", "el", "de", "van", "von", "der", "la", "le", "da",
            "du", "des", "y", "&"}
_DETERMINERS = re.compile(r"^(?:namun|tetapi|sementara itu|selain itu|but|however|and|meanwhile|also|then|the|a|an)\b[, ]*",
                          re.I)
_ADVERBS = {"sebelumnya", "juga", "pun", "kemudian", "lalu", "also", "later", "previously", "then", "has", "had",
            "have", "was", "is", "once", "earlier", "again", "further", "kembali", "pernah", "telah", "sudah", "tak",
            "tidak", "not", "never", "would", "will", "secara", "resmi", "sebenarnya", "justru", "publicly", "repeatedly",
            "recently", "bahkan", "lantas", "pula", "sempat", "langsung", "terus", "akhirnya", "sendiri", "only",
            "first", "privately", "initially", "separately", "subsequently", "specifically", "reportedly"}
# "Presiden Trump secara khusus menekankan": an Indonesian adverb phrase "secara <word>" before the verb.
_SECARA = {"secara", "dengan"}
_PLACE_TAIL = re.compile(r"\s+(?:di|in|from|dari|at)\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2}$")
_POLL = re.compile(r"(?:\d+(?:[.,]\d+)?\s*(?:%|persen|percent|per cent)(?:\s+(?:of|dari))?|mayoritas|majority of)\s*$",
                   re.I)
_CALENDAR = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "senin", "selasa", "rabu",
             "kamis", "jumat", "sabtu", "minggu", "ahad", "january", "february", "march", "april", "may", "june", "july",
             "august", "september", "october", "november", "december", "januari", "februari", "maret", "mei", "juni",
             "juli", "agustus", "oktober", "desember", "today", "yesterday", "tonight", "hari"}
# Capitalised function words that open a sentence are not part of the subject: "Meski Iran mengatakan ...".
_OPENERS = {"meski", "meskipun", "walau", "walaupun", "namun", "tetapi", "sementara", "sedangkan", "adapun",
            "bahkan", "karena", "jika", "saat", "ketika", "setelah", "sebelum", "kini", "kemudian", "lalu", "selain",
            "however", "but", "and", "meanwhile", "also", "then", "still", "yet", "so", "now", "when", "after",
            "before", "if", "while", "although", "though", "because", "since", "another", "other", "both", "each",
            "in", "on", "at", "for", "with", "as", "di", "pada", "dalam", "untuk", "dengan", "menurut", "kata", "ujar"}


@dataclass
class Speaker:
    name: str
    kind: str  # person | institution | anonymous
    cue: str
    raw: str  # as written (for merging institution spellings)


def _is_cap(tok: str) -> bool:
    t = tok.lstrip("(\"“'‘")
    return bool(t) and (t[0].isupper() or t[0] == "@")


def _nationality(text: str, lex: Lexicon) -> str:
    for tok in re.findall(r"[A-Z][\w.]*(?:\s[A-Z]\w+)?", text):
        country = next((c for c in (lex.countries.get(tok.casefold()), *map(lex.countries.get, tok.casefold().split()))
                        if c), None)
        if country:
            return {"United States": "US", "United Kingdom": "UK"}.get(country, country)
    return ""


def _is_country_or_title(rest: str, lex: Lexicon) -> bool:
    word = rest.split()[0].strip(",.;:()") if rest.split() else ""
    return word.casefold() in lex.countries or word in lex.titles


def _anonymous(phrase: str, lex: Lexicon, anchored: bool = True) -> str | None:
    p = _DETERMINERS.sub("", phrase.strip())
    for rx, label in lex.anonymous:
        m = rx.match(p) if anchored else rx.search(p)
        if m and anchored and re.match(r"\s+[A-Z][a-z]", p[m.end():]) and not _is_country_or_title(p[m.end():], lex):
            return None  # "kata analis Budi Hartono": a named person after the role word
        if m and m.group().strip() and (not anchored or len(p) - m.end() < 40):
            nat = _nationality(m.group(), lex)
            return f"{nat} {label}".strip()
    return None


def _strip_titles(tokens: list[str], lex: Lexicon) -> list[str]:
    i = 0
    while i < len(tokens) and (tokens[i].strip("(),") in lex.titles or tokens[i].casefold() in _CONNECT
                               or re.fullmatch(r"\([^)]*\)", tokens[i])):
        i += 1
    return [t for t in tokens[i:] if not re.fullmatch(r"\([^)]*\)", t)]


def classify(run: str, lex: Lexicon, registry: Registry, cue: str) -> Speaker | None:
    """A capitalised name run -> person or institution (or None: pronoun, medium, place, title only)."""
    run = run.strip(" ,.'’\"“”")
    run = re.sub(r"['’]s$", "", run)
    if not run or run.casefold() in lex.pronouns or run.split()[0].casefold() in lex.pronouns:
        return None
    if registry.resolve(run) or registry.resolve(re.sub(r"^the\s+", "", run, flags=re.I)):
        return None
    tokens = run.split()
    while tokens and tokens[0].casefold().strip(",") in _OPENERS:
        tokens.pop(0)  # "Namun Mendagri", "Menurut Mualem"
    if not tokens or not _is_cap(tokens[-1]) or re.fullmatch(r"\([^)]*\)", tokens[0]):
        return None  # "(NORTHCOM)" alone is the tail of a name cut by the subject parser
    if all(t.casefold() in _CALENDAR or t.casefold().strip(",") in lex.countries for t in tokens):
        return None  # "Friday", "Minggu", "Russia": a day or a country is no speaker
    run = " ".join(tokens)
    stripped = _strip_titles(tokens, lex)
    inst = lex.institution_rx.search(run)
    tail: list[str] = []
    for tok in reversed(tokens):
        bare = tok.strip("(),")
        if bare in lex.titles or lex.institution_rx.fullmatch(bare) or bare.casefold() in lex.countries \
                or tok.casefold() in _CONNECT or not _is_cap(tok):
            break
        tail.insert(0, tok)
    starts_with_title = tokens[0] in lex.titles and not lex.countries.get(tokens[0].casefold())
    if inst and not (starts_with_title and tail and inst.start() < run.find(tail[0])):
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


def _strip_adverbs(toks: list[str]) -> list[str]:
    while toks:
        if toks[-1].casefold() in _ADVERBS:
            toks.pop()
        elif len(toks) >= 2 and toks[-2].casefold() in _SECARA and toks[-1].islower():
            del toks[-2:]
        else:
            break
    return toks


def _anonymous_tail(clause: str, lex: Lexicon) -> tuple[str, str] | None:
    """An anonymous subject that ends right before the verb: "sources familiar with the probe said",
    "PG&E officials said", "Officials said": (label, phrase as written) for the longest such phrase."""
    toks = _strip_adverbs(_TOKEN.findall(clause))
    tail = _PLACE_TAIL.sub("", " ".join(toks[-14:]))  # "Para pejabat di Tel Aviv mengatakan"
    for m in re.finditer(r"(?:^|(?<=\s))\S", tail):
        phrase = tail[m.start():]
        if not phrase[:1].isalpha() and not phrase[:1].isdigit():
            continue
        p = _DETERMINERS.sub("", phrase)
        for rx, label in lex.anonymous:
            if rx.fullmatch(p):
                nat = _nationality(phrase, lex)
                return f"{nat} {label}".strip(), phrase
    return None


def _tail_run(prefix: str) -> str:
    """The capitalised run that ends `prefix` (the subject right before a verb)."""
    prefix = re.sub(r"\s*[—–]\s*[^—–]{2,90}[—–]\s*$", "", prefix.rstrip())  # "Witkoff—utusan khusus—said"
    prefix = prefix.rstrip(" —–")
    toks = _strip_adverbs(_TOKEN.findall(prefix))
    prefix = " ".join(toks)
    app = re.match(r"^(.*\S),\s[^,]{2,90},$", prefix)  # "Tokayev, the president, said"
    if app:
        toks = _TOKEN.findall(app.group(1))
    run: list[str] = []
    for tok in reversed(toks):
        if tok.endswith((",", ".", ";", ":", "\"", "”", "“")) and run:
            break
        if _is_cap(tok) or (run and tok.casefold() in _CONNECT) or re.fullmatch(r"\([A-Za-z.]+\)", tok):
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


def find_speakers(text: str, lex: Lexicon, registry: Registry) -> list[Speaker]:
    found: list[Speaker] = []

    def add(sp: Speaker | None) -> None:
        if sp and all(sp.name != f.name for f in found):
            found.append(sp)

    for m in lex.inverted_rx.finditer(text):
        cue = m.group().strip(" ,\"”’'—–-")
        phrase = _head_run(text[m.end():])
        label = _anonymous(phrase, lex)
        if label:
            add(Speaker(label, "anonymous", cue, phrase))
            continue
        phrase = _appositive(phrase, text[m.end() + len(phrase):], lex, registry)
        words = phrase.split()
        while words and not _is_cap(words[0]) and words[0].casefold() not in lex.pronouns:
            words.pop(0)  # "kata juru bicara Gedung Putih Karoline Leavitt"
        add(classify(" ".join(words), lex, registry, cue))
    for m in lex.according_rx.finditer(text):
        phrase = _head_run(text[m.end():])
        if lex.anaphora_rx.match(text, m.start()):
            continue
        label = _anonymous(phrase, lex)
        if not label and m.group()[:2].casefold() == "di" and not _is_cap(phrase.split()[0] if phrase.split() else ""):
            continue  # passive "disampaikan selama KTT": no agent named
        if not label:
            phrase = _appositive(phrase, text[m.end() + len(phrase):], lex, registry)
        if label:
            add(Speaker(label, "anonymous", m.group().strip(), phrase))
        else:
            add(classify(phrase, lex, registry, m.group().strip()))
    for m in lex.verbs_rx.finditer(text):
        prefix = text[: m.start()]
        clause = re.split(r"[.;:!?\"“”]\s", prefix + " ")[-1]
        run = _tail_run(clause)
        anon = _anonymous_tail(clause, lex)
        if anon and _POLL.search(clause[: clause.rfind(anon[1].split()[0])] if anon[1] in clause else ""):
            anon = None  # "56 persen warga berpendapat": a poll's share, not a source
        if anon and (not run or run in anon[1]):  # "Officials said", "two people familiar with it said"
            add(Speaker(anon[0], "anonymous", m.group(), anon[1]))
            continue
        sp = classify(run, lex, registry, m.group()) if run else None
        if sp is None:
            label = _anonymous(clause, lex)
            if label:
                sp = Speaker(label, "anonymous", m.group(), clause.strip())
        elif sp.kind == "person" and "statement" in m.group() and len(sp.name.split()) == 1:
            sp = Speaker(sp.name, "institution", sp.cue, sp.raw)  # "SoftBank said in a statement"
        add(sp)
    # "... who spoke on condition of anonymity", "yang berbicara secara anonim": anonymous even without a subject.
    if not any(s.kind == "anonymous" for s in found) and re.search(
        r"\b(?:anonymity|anonymously|secara anonim|tanpa menyebut(?:kan)? nama|enggan disebut(?:kan)? namanya)\b",
        text, re.I):
        label = _anonymous(text, lex, anchored=False) or "anonymous source"
        add(Speaker(label, "anonymous", "anonymity", text))
    return found
