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
    r"[,.;:!?\"“”]|\s(?:kepada|dalam|di|saat|ketika|pada|seperti|sebagaimana|yang|melalui|usai|setelah|sambil|"
    r"dilansir|dikutip|bahwa|soal|terkait|to|in|on|at|during|after|when|while|as|who|adding|according|via|that|"
    r"before|because|and|dan)\b"
)
_CONNECT = {"of", "the", "for", "and", "dan", "bin", "binti", "al", "el", "de", "van", "von", "der", "la", "le", "da",
            "du", "des", "y", "&"}
_DETERMINERS = re.compile(r"^(?:namun|tetapi|sementara itu|selain itu|but|however|and|meanwhile|also|then|the|a|an)\b[, ]*",
                          re.I)
_ADVERBS = {"sebelumnya", "juga", "pun", "kemudian", "lalu", "also", "later", "previously", "then", "has", "had",
            "have", "was", "is", "once", "earlier", "again", "further", "kembali", "pernah", "telah", "sudah", "tak",
            "tidak", "not", "never", "would", "will", "secara", "resmi", "sebenarnya", "justru", "publicly", "repeatedly", "recently"}


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
        country = lex.countries.get(tok.casefold()) or lex.countries.get(tok.split()[0].casefold())
        if country:
            return {"United States": "US", "United Kingdom": "UK"}.get(country, country)
    return ""


def _anonymous(phrase: str, lex: Lexicon, anchored: bool = True) -> str | None:
    p = _DETERMINERS.sub("", phrase.strip())
    for rx, label in lex.anonymous:
        m = rx.match(p) if anchored else rx.search(p)
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
    if not tokens or not _is_cap(tokens[-1]):
        return None
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


def _tail_run(prefix: str) -> str:
    """The capitalised run that ends `prefix` (the subject right before a verb)."""
    prefix = re.sub(r"\s*[—–]\s*[^—–]{2,90}[—–]\s*$", "", prefix.rstrip())  # "Witkoff—utusan khusus—said"
    prefix = prefix.rstrip(" —–")
    toks = _TOKEN.findall(prefix)
    while toks and toks[-1] in _ADVERBS:
        toks.pop()
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
    while run and run[0].casefold() in _CONNECT:
        run.pop(0)
    return " ".join(run)


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
        rest = text[m.end() + len(phrase):]
        if all(w.strip("(),") in lex.titles for w in phrase.split()) and rest.startswith(","):
            phrase = _head_run(rest[1:].lstrip())  # "ujar Wakil Presiden AS, JD Vance"
        words = phrase.split()
        while words and not _is_cap(words[0]) and words[0].casefold() not in lex.pronouns:
            words.pop(0)  # "kata juru bicara Gedung Putih Karoline Leavitt"
        add(classify(" ".join(words), lex, registry, cue))
    for m in lex.according_rx.finditer(text):
        phrase = _head_run(text[m.end():])
        if lex.anaphora_rx.match(text, m.start()):
            continue
        label = _anonymous(phrase, lex)
        if label:
            add(Speaker(label, "anonymous", m.group().strip(), phrase))
        else:
            add(classify(phrase, lex, registry, m.group().strip()))
    for m in lex.verbs_rx.finditer(text):
        prefix = text[: m.start()]
        clause = re.split(r"[.;:!?\"“”]\s", prefix + " ")[-1]
        run = _tail_run(clause)
        sp = classify(run, lex, registry, m.group()) if run else None
        if sp is None:
            label = _anonymous(clause, lex)
            if label:
                sp = Speaker(label, "anonymous", m.group(), clause.strip())
        add(sp)
    # "... who spoke on condition of anonymity", "yang berbicara secara anonim": anonymous even without a subject.
    if not any(s.kind == "anonymous" for s in found) and re.search(
        r"\b(?:anonymity|anonymously|secara anonim|tanpa menyebut(?:kan)? nama|enggan disebut(?:kan)? namanya)\b",
        text, re.I):
        label = _anonymous(text, lex, anchored=False) or "anonymous source"
        add(Speaker(label, "anonymous", "anonymity", text))
    return found
