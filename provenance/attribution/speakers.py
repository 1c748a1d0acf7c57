"""Speakers of attributed statements in one sentence: a named person, a named institution (canonicalised), or an
anonymous source typed as such (recognised by :mod:`.anonymous`); a subject's name is read by :mod:`.names`. Media are
not speakers here: :mod:`.media` credits them."""

from __future__ import annotations

import bisect
import re

from ..literals import lowered, may_search
from ..registry import Registry
from .anonymous import _ANONYMITY, _anonymous, _anonymous_tail
from .lexicon import Lexicon, _trie
from .names import _CONNECT, _OPENERS, Speaker, _is_cap, classify
from .triggers import Present
from .voices import _country_body, _org_voice
from .words import _strip_adverbs

# Patterns compiled once (speed only: the same patterns the functions below once passed to re.* per call).
_PLACED = re.compile(r"\s(?:di|dalam|in|from|dari|at)\s+$")
_DASH_ASIDE = re.compile(r"\s*[—–]\s*[^—–]{2,90}[—–]\s*$")
_APPOSITION = re.compile(r"^(.*\S),\s([^,]{2,90}),$")
_PAREN_INITIALS = re.compile(r"\([A-Za-z.]+\)")
_PASSIVE_END = re.compile(r"\b(?:was|were|been|being|is|are|be|get|got)\s+(?:\w+ly\s+|also\s+|not\s+)?$")
_APPOSITION_END = re.compile(r",\s[^,]{2,90}$")
# ("\s\s*" is "\s+" opening with a character set, which the engine skips to: speed only, same matches)
_OF_MEDIUM = re.compile(r"\s\s*(?:of|from|dari)\s+((?:the\s+)?[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,4})")

# Subject phrases stop at punctuation or at a word that starts the rest of the clause.
_STOP_WORDS = ("kepada|dalam|selama|sejak|untuk|di|saat|ketika|pada|seperti|sebagaimana|yang|melalui|usai|setelah|"
               "sambil|dilansir|dikutip|bahwa|soal|terkait|to|in|on|at|during|after|when|while|as|who|adding|"
               "according|via|that|before|because|and|dan").split("|")
# (the words as a trie: with the "\b" after them only the one equal to the word at hand can match, so the order
# does not matter; same matches, but the engine no longer tries forty words one by one after every space; speed only)
_STOP = re.compile(r"[,.;:!?\"“”]|kepada(?=[A-Z])|\s(?:" + _trie(_STOP_WORDS) + r")\b")
_POLL = re.compile(r"(?:\d+(?:[.,]\d+)?\s*(?:%|persen|percent|per cent)(?:\s+(?:of|dari))?|mayoritas|majority of)\s*$",
                   re.I)


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


def _tail_run(prefix: str, lex: Lexicon | None = None, speech: bool = True, toks: list[str] | None = None) -> str:
    """The capitalised run that ends `prefix` (the subject right before a verb). `toks`:
    ``_strip_adverbs(prefix.split())`` (not changed) when the caller has it and `prefix` holds no dash (speed only)."""
    if toks is None:
        prefix = prefix.rstrip()
        if "—" in prefix or "–" in prefix:  # (the aside needs its dashes: no search without; speed only)
            prefix = _DASH_ASIDE.sub("", prefix)  # "Witkoff—utusan khusus—said"
        prefix = prefix.rstrip(" —–")
        toks = _strip_adverbs(prefix.split())  # (the runs of non-space, as \S+ finds them)
    if speech and len(toks) >= 2 and toks[-1] == "who" and toks[-2].endswith(","):
        toks = _strip_adverbs(toks[:-1])  # "James Comey, who later testified": the relative clause's subject
        toks[-1] = toks[-1].rstrip(",")
        if _APPOSITION_END.search(" ".join(toks)):
            toks[-1] += ","  # "Donna Brazile, the former chairwoman, who wrote": apposition first
    prefix = " ".join(toks)
    # (the pattern ends with a comma at "$", and the words joined by single spaces hold no newline: no match
    # tried on a prefix ending otherwise; speed only)
    app = _APPOSITION.match(prefix) if prefix[-1:] == "," else None  # "Tokayev, the president, said"
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
        if _is_cap(tok) or (run and tok.casefold() in _CONNECT) or (tok[:1] == "(" and _PAREN_INITIALS.fullmatch(tok)):
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


# "according to data from MarketAxess": the body that published the figures speaks.
_DATA_FROM = re.compile(r"^(?:(?:data|figures|estimates|records|(?:an?\s+)?(?:\d{4}\s+)?(?:statement|survey|poll|study|"
                        r"analysis)s?)\s+"
                        r"(?:from|by|of)\s+)(?=[A-Z])", re.I)


def _journalist_of_medium(after: str, registry: Registry) -> bool:
    """"according to Jane Roe of the New York Times": a reporter stands for the medium, which is credited."""
    if "of" not in after and "from" not in after and "dari" not in after:
        return False  # (the search needs one of its words; speed only)
    m = _OF_MEDIUM.search(after)
    return m is not None and any(registry.resolve(" ".join(m.group(1).split()[:k])) for k in range(5, 0, -1))


def _placed(run: str, clause: str) -> bool:
    r"""``re.search(rf"\s(?:di|dalam|in|from|dari|at)\s+{re.escape(run)}\s*$", clause)``: the run ends the clause
    (but for spaces) after a place preposition (speed only: no pattern compiled per run; a run is words joined by
    single spaces, so it can only end where the stripped clause ends)."""
    end = len(clause.rstrip())
    start = end - len(run)
    return start >= 0 and clause.startswith(run, start) and _PLACED.search(clause, 0, start) is not None


def _verb_subject(verb: str, clause: str, lex: Lexicon, registry: Registry, present: Present | None,
                  head: str | None = None) -> Speaker | None:
    """The speaker of `verb` whose subject ends `clause` (the text before it, from where its clause starts).
    `head`: ``verb.split()[0].casefold()``, when the caller has it (speed only)."""
    if head is None:
        head = verb.split()[0].casefold()
    cand = present.anonymous() if present is not None else None
    # (the clause's words, split once for both readers when no dash asks _tail_run for another cut; speed only)
    toks = None if "—" in clause or "–" in clause else _strip_adverbs(clause.split())
    run = _tail_run(clause, lex, head in _SPEECH, toks)  # (_tail_run changes only copies of toks)
    anon = _anonymous_tail(clause, lex, cand, toks)
    voice = _org_voice(clause, lex, registry, verb) if anon else None
    voice = voice or (_country_body(clause, lex, verb) if not anon else None)
    if voice:
        return voice
    if anon and _POLL.search(clause[: clause.rfind(anon[1].split()[0])] if anon[1] in clause else ""):
        anon = None  # "56 persen warga berpendapat": a poll's share, not a source
    placed = anon and run and _placed(run, clause)
    if anon and (not run or run in anon[1] or placed):  # "Officials said", "Para pejabat di Tel Aviv mengatakan"
        return Speaker(anon[0], "anonymous", verb, anon[1])
    sp = classify(run, lex, registry, verb) if run else None
    if sp is None:
        label = _anonymous(clause, lex, cand=cand)
        if label:
            sp = Speaker(label, "anonymous", verb, clause.strip())
    elif sp.kind == "person" and "statement" in verb and len(sp.name.split()) == 1:
        sp = Speaker(sp.name, "institution", sp.cue, sp.raw)  # "SoftBank said in a statement"
    return sp


def _read(memo: dict | None, read, cue: str, rest: str, lex: Lexicon, registry: Registry,
          present: Present | None) -> Speaker | None:
    """``read(cue, rest, ...)``, once per article for the same cue and rest of the sentence when the caller keeps a
    `memo` (speed only)."""
    if memo is None:
        return read(cue, rest, lex, registry, present)
    key = (read, cue, rest)
    sp = memo.get(key, memo)
    if sp is memo:
        sp = memo[key] = read(cue, rest, lex, registry, present)
    return sp


def _inverted_speaker(cue: str, rest: str, lex: Lexicon, registry: Registry, present: Present | None) -> Speaker | None:
    """The speaker named after an inverted cue ("..., said X"); `rest`: the sentence after the cue."""
    cue = cue.strip(" ,\"”’'—–-")
    phrase = _head_run(rest)
    voice = _org_voice(phrase, lex, registry, cue)
    if voice:
        return voice
    label = _anonymous(phrase, lex, cand=present.anonymous() if present is not None else None)
    if label:
        return Speaker(label, "anonymous", cue, phrase)
    phrase = _appositive(phrase, rest[len(phrase):], lex, registry)
    words = phrase.split()
    while words and not _is_cap(words[0]) and words[0].casefold() not in lex.pronouns:
        words.pop(0)  # "kata juru bicara Gedung Putih Karoline Leavitt"
    return classify(" ".join(words), lex, registry, cue)


def _according_speaker(cue: str, rest: str, lex: Lexicon, registry: Registry,
                       present: Present | None) -> Speaker | None:
    """The speaker named after an "according to" cue; `rest`: the sentence after the cue."""
    phrase = _head_run(rest)
    if cue.casefold().startswith("according"):
        phrase = _DATA_FROM.sub("", phrase)
    label = _anonymous(phrase, lex, cand=present.anonymous() if present is not None else None)
    words = phrase.split()
    if not label and cue[:2].casefold() == "di" and not _is_cap(words[0] if words else ""):
        return None  # passive "disampaikan selama KTT": no agent named
    if label:
        return Speaker(label, "anonymous", cue.strip(), phrase)
    phrase = _appositive(phrase, rest[len(phrase):], lex, registry)
    if _journalist_of_medium(rest[:len(phrase) + 60], registry):
        return None
    return classify(phrase, lex, registry, cue.strip())


def _add(found: list[Speaker], sp: Speaker | None) -> None:
    if sp and all(sp.name != f.name for f in found):
        found.append(sp)


_PASSIVE_VERBS = {"told", "asked", "informed", "quoted", "cited"}
_MARKS = frozenset(".;:!?\"“”")  # the characters that may open a _CLAUSE_END match
_MARK_LIST = tuple(sorted(_MARKS))  # (the same, iterated natively when compiled; speed only)


def _has_mark(text: str, end: int) -> bool:
    """Does ``text[:end]`` hold one of _MARKS?"""
    for ch in _MARK_LIST:
        if text.find(ch, 0, end) >= 0:
            return True
    return False


def find_speakers(text: str, lex: Lexicon, registry: Registry, verbs: list[re.Match] | None = None,
                  present: Present | None = None, memo: dict | None = None) -> list[Speaker]:
    """`verbs`: ``lex.verbs_rx`` matches in `text`, when the caller has them (speed only: one scan per sentence);
    `present`: the sentence's cue literals (speed only: patterns without them are not searched); `memo`: a dict the
    caller keeps for one article, lex and registry (speed only: a verb's subject is read once per clause; the
    speakers found are not changed by their readers)."""
    trig = present.trig if present is not None else None
    bits = present.bits if present is not None else -1  # (Present.may inlined below: a None need always passes)
    if trig is not None and not verbs and not bits & trig.speakers:
        return []  # no cue word for any search below (speed only)
    found: list[Speaker] = []
    for m in lex.inverted_search.finditer(text) if trig is None or (need := trig.inverted) is None or bits & need else ():
        _add(found, _read(memo, _inverted_speaker, m.group(), text[m.end():], lex, registry, present))
    may = may_search(lex.according_rx, text, lowered(text)) if trig is None \
        else (need := trig.according) is None or bits & need
    narrow = trig.according_rx if trig is not None else None  # (narrowed to the sentence; speed only)
    according = (lex.according_rx if narrow is None else narrow.rx(bits)).finditer(text) if may else ()
    for m in according:  # (the search skipped when the sentence lacks its literal words: speed only)
        if not lex.anaphora_rx.match(text, m.start()):
            _add(found, _read(memo, _according_speaker, m.group(), text[m.end():], lex, registry, present))
    if verbs is None:
        verbs = list(lex.verbs_rx.finditer(text))
    # where clauses end before the last verb, found once (speed only: was a split of the text before each verb)
    # (a match opens with one of _MARKS: a text without them before the last verb has none, and no search; speed only)
    last = verbs[-1].start() if verbs else 0
    ends = [c.end() for c in _CLAUSE_END.finditer(text, 0, last)] \
        if last and _has_mark(text, last) else []
    for m in verbs:
        start = m.start()
        verb = m.group()
        head = verb.split()[0].casefold()
        if head in _PASSIVE_VERBS \
                and _PASSIVE_END.search(text, 0, start):  # (endpos: the text before the verb) the cheap test first
            continue  # "Gates was also told to surrender": the subject was told, it did not tell
        if start and text[start - 1] in _MARKS:
            # the space ``_CLAUSE_END.split(prefix + " ")`` appended after the mark may end a clause the text
            # does not end there: that expression itself
            clause = _CLAUSE_END.split(text[:start] + " ")[-1]
        else:  # the text after the last clause end before the verb, and the space the split appended
            k = bisect.bisect_right(ends, start)
            clause = text[ends[k - 1] if k else 0: start] + " "
        if memo is None:
            _add(found, _verb_subject(verb, clause, lex, registry, present, head))
            continue
        key = (_verb_subject, verb, clause)  # (_read inlined: ~16 verbs an article; speed only)
        sp = memo.get(key, memo)
        if sp is memo:
            sp = memo[key] = _verb_subject(verb, clause, lex, registry, present, head)
        if sp and (not found or all(sp.name != f.name for f in found)):  # (_add inlined; speed only)
            found.append(sp)
    # "... who spoke on condition of anonymity", "yang berbicara secara anonim": anonymous even without a subject.
    # (the cheap literal tests first: the gate's letter bits, then the pattern's own words, which the gate's bits
    # only narrow down; the search tries its words at every position; speed only)
    if (trig is None or (need := trig.anonymity) is None or bits & need) and not any(s.kind == "anonymous" for s in found) \
            and may_search(_ANONYMITY, text, lowered(text)) and _ANONYMITY.search(text):
        label = _anonymous(text, lex, anchored=False, cand=present.anonymous() if present is not None else None) or "anonymous source"
        _add(found, Speaker(label, "anonymous", "anonymity", text))
    if not found:
        return found
    # a named speaker is written with a capital ("kantor berita Iran" and "tersebut muncul ..." are no names)
    return [f for f in found if f.kind == "anonymous" or _is_cap(f.name) or f.name[:1].isdigit()]
