"""The mapper's packaged data, loaded once, validated and compiled: cue lexicons (cues_id.toml, cues_en.toml), the
speaker lexicon (sources_lexicon.toml) and the own-outlet hints (outlet_hints.toml)."""

from __future__ import annotations

import dataclasses
import functools
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from ..errors import RuleError

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
CUE_FILES = ("cues_id.toml", "cues_en.toml")


def _read(name: str) -> dict:
    path = DATA_DIR / name
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise RuleError(f"{path}: cannot read rules ({exc})") from exc


def _compile(path: str, pattern: str, flags: int = re.I) -> re.Pattern:
    try:
        return re.compile(pattern, flags)
    except re.error as exc:
        raise RuleError(f"{DATA_DIR / path}: bad pattern {pattern!r} ({exc})") from exc


_PLAIN = re.compile(r"[A-Za-z0-9' -]+")  # a cue phrase with no regex syntax of its own


def _trie_node(words: list[str]) -> dict:
    root: dict = {}
    for w in {w.lower() for w in words}:  # ASCII under re.I: "Said" and "said" match the same text
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return root


def _trie_text(node: dict) -> str:
    branches = [(r"\s+" if ch == " " else re.escape(ch)) + _trie_text(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def _trie(words: list[str]) -> str:
    """The case-insensitive alternation of plain ``words``, longest first, as a trie: same matches, but the
    regex engine no longer tries a few hundred alternatives one by one at every word start (this was most of
    the mapper's time). At any position the words that can match are prefixes of one another, so a trie that
    prefers the longer continuation tries them in the same longest-first order as the sorted alternation."""
    return _trie_text(_trie_node(words))


def _words_rx(words: list[str], file: str) -> re.Pattern:
    """One alternation of cue phrases, longest first, on word boundaries; a phrase's spaces match any whitespace."""
    if not all(isinstance(w, str) and w for w in words):
        raise RuleError(f"{DATA_DIR / file}: cue lists must hold non-empty strings")
    alts = sorted(set(words), key=len, reverse=True)
    body = _trie(alts) if all(w.isascii() and _PLAIN.fullmatch(w) for w in alts) else "|".join(
        w.replace(" ", r"\s+") for w in alts)
    # A cue may be glued to the capitalised name after it ("dilansirReuters"), never to a lower-case letter.
    return _compile(file, rf"(?<![^\W\d_])(?:{body})(?!(?-i:[a-z]))")


WORDS_TAIL = "(?![a-z])"  # what follows a phrase of ``_words_rx``, written case-sensitively
ACCORDING_TAIL = r"\s+"  # what follows one of ``_according_rx``


def _according_rx(words: list[str], file: str) -> re.Pattern:
    """"Menurut Trump", "According to Trump": a phrase, longest first, after a non-letter, then whitespace."""
    return _compile(file, r"(?<![^\W\d_])(?:" + "|".join(
        a.replace(" ", r"\s+") for a in sorted(set(words), key=len, reverse=True)) + r")\s+", re.I)


# The only non-ASCII characters re.I matches to an ASCII character (see provenance.literals._FOLDS_TO_ASCII)
_FOLDS = "\u0130\u0131\u017f\u212a"


def _case_variants(ch: str) -> str:
    """Every character re.I matches to `ch` (an ASCII character), as a character-class body."""
    found = {x for x in {ch, ch.lower(), ch.upper(), *_FOLDS} if re.fullmatch(re.escape(ch), x, re.I)}
    return "".join(re.escape(x) for x in sorted(found))


def skippable_rx(words: list[str], file: str, tail: str = WORDS_TAIL) -> re.Pattern:
    """``_words_rx(words)`` (`tail` ACCORDING_TAIL: ``_according_rx(words)``, its alternation as a trie, as
    ``_trie`` argues), the same matches, written so that the regex engine skips ahead to the phrases' first
    letters in C (speed only). A pattern compiled with re.I gets no such skip, so the case-insensitive pattern
    tried its look-behind and alternation at every position of a sentence; here the flags are off outside
    ``(?i:...)`` and the pattern opens with one character class (every character re.I matches to a first letter),
    the look-behind written after it as in ``_delimited`` (that character is no newline), then each first letter's
    subtrie behind ``(?<=letter)`` (at a position only one first letter can match: the order does not matter).
    Not plain words: the pattern as it is."""
    if not words or not all(isinstance(w, str) and w.isascii() and _PLAIN.fullmatch(w) and w[0] != " " for w in words):
        return _words_rx(words, file) if tail == WORDS_TAIL else _according_rx(words, file)
    root = _trie_node(words)
    heads = sorted(root)
    first = "".join(_case_variants(ch) for ch in heads)
    if len(heads) == 1:
        rest = _trie_text(root[heads[0]])
    else:
        rest = "|".join(f"(?<={re.escape(ch)}){_trie_text(root[ch])}" for ch in heads)
    return _compile(file, rf"[{first}](?<![^\W\d_].)(?i:{rest}){tail}", 0)


def _delimited(words: list[str], edge: str) -> str:
    """``(?<!EDGE)(?:w1|w2|...)(?!EDGE)``, the words in order, literally: no `edge` character on either side. The
    look-behind is written after each word's first character, ``w(?<!EDGE.)ord`` (same matches: that character is
    no newline), so the pattern starts with the words' first characters and the engine skips to them instead of
    testing the look-behind at every position (speed only; four times faster on a sentence)."""
    alts = "|".join(f"{re.escape(w[0])}(?<!{edge}.){re.escape(w[1:])}" if w else f"(?<!{edge})" for w in words)
    return rf"(?:{alts})(?!{edge})"


def _word_literals(words: list[str]) -> tuple[bool, frozenset[str]] | None:
    """For ``_words_rx(words)``: every match holds, case-insensitively, each word of one phrase, so its longest word
    (speed only: the literal prefilter of :mod:`provenance.literals`; None when a phrase is not plain text)."""
    if not all(w.isascii() and _PLAIN.fullmatch(w) and w.split() for w in words):
        return None
    return True, frozenset(max(w.lower().split(), key=len) for w in words)


_LETTER_WORDS = re.compile(r"[A-Za-z]+(?: [A-Za-z]+)*")


def _whole_words(phrases: list[str]) -> frozenset[str] | None:
    """For the according pattern (a phrase after a non-letter, each word followed by whitespace): every match holds
    the longest word of one phrase, lower-cased, as a whole run of ASCII letters of its lower-cased text (speed
    only: "per" rules out sentences with "person" but no "per"). None unless every phrase is plain words."""
    if not phrases or not all(_LETTER_WORDS.fullmatch(a) for a in phrases):
        return None
    return frozenset(max(a.lower().split(), key=len) for a in phrases)


def _inverted_words(words: list[str]) -> frozenset[str] | None:
    """For the inverted pattern (a mark, spaces, a cue word as written, "nya" or not, whitespace): every match holds
    the word, or the word and "nya", as a whole run of letters (speed only: "jelas" in "menjelaskan" is no cue).
    None unless every word is plain lower-case letters (the pattern is case-sensitive)."""
    if not words or not all(re.fullmatch(r"[a-z]+", w) for w in words):
        return None
    return frozenset(words) | frozenset(w + "nya" for w in words)


def _inverted_rx(words: list[str], trie: bool = False) -> re.Pattern:
    """"..., kata Trump": a mark, spaces, a cue word as written (case-sensitive: a capitalised "Ungkap" after a comma
    is a headline verb), "nya" or not, whitespace. `trie`: the words as ``_trie`` writes them, when they are plain
    lower-case letters (the same matches, as ``_trie`` argues; the engine no longer tries some seventy words one by
    one after every comma; speed only)."""
    alts = sorted(set(words), key=len, reverse=True)
    trie = trie and bool(alts) and all(re.fullmatch(r"[a-z]+", w) for w in alts)
    body = _trie(alts) if trie else "|".join(alts)
    return _compile("cues", r"(?:[,\"”’'—–-]\s*)(?:" + body + r")(?:nya)?\s+", 0)


def _post_rx(post: list[str], anchor: str = "^", trie: bool = False) -> re.Pattern:
    """"Reuters reported", "Kantor Berita Negara Saudi (SPA) mengatakan", "The Times on Friday reported", "An
    Associated Press journalist in the area also reported": the medium's staff report for it. `anchor` "" and `trie`:
    for ``match(text, pos)`` without slicing the text, its verbs as ``_trie`` writes them when they are plain (the
    same matches: the alternation backtracked into at every split of the spaces before it fails at once; speed only)."""
    alts = sorted(set(post), key=len, reverse=True)
    trie = trie and bool(alts) and all(w.isascii() and _PLAIN.fullmatch(w) for w in alts)
    body = _trie(alts) if trie else "|".join(p.replace(" ", r"\s+") for p in alts)
    return _compile("cues", anchor + r"(?:['’]s)?\s*(?:\([^)]{1,15}\))?\s*,?\s*"
        r"(?:(?:journalists?|reporters?|correspondents?|photographers?|crew|wartawan|jurnalis|koresponden)"
        r"(?:\s+(?:in|at|di)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?)?\s+)?"
        r"(?:(?:on|pada|last|this|earlier|also|juga|kemudian|later)(?:\s+[\w()/]+)?\s+)?(?:" + body
        + r")(?![^\W\d_])", re.I)


@dataclass(frozen=True)
class MediaCue:
    rx: re.Pattern  # matches the cue phrase
    role: str  # relay | source | citing
    article_scope: bool  # a relay credit carries over to later sentences (Indonesian desks)
    language: str
    words: tuple[str, ...] = ()  # the phrases `rx` was built from (speed only: triggers.Narrowed)


@dataclass(frozen=True)
class Hint:
    name: str
    before: re.Pattern  # must match the text before the outlet's name (search)
    after: re.Pattern  # must match the text right after it (match)
    role: str  # "" | "wire-if-agency"
    where: str  # opening | anywhere | title
    country: str | None = None


HINT_PLACES = ("opening", "anywhere", "title")


@dataclass(frozen=True)
class Lexicon:
    media_cues: tuple[MediaCue, ...]
    post_rx: re.Pattern  # "<medium> reported", anchored at the text's start (the plain form post_at is checked against)
    post_at: re.Pattern  # post_rx without its "^", its verbs as a trie: ``match(text, pos)`` (``_post_rx``; speed only)
    filler_rx: re.Pattern  # what may stand between a cue and a medium
    coord_rx: re.Pattern  # "Reuters dan Al Arabiya"
    reference_rx: re.Pattern  # the head line of a reference section
    syndication_rx: re.Pattern  # "Artikel ini telah tayang di"
    unknown_rx: re.Pattern  # "dilansir <Name>": a cue strong enough to keep an unknown name as a medium
    inverted_rx: re.Pattern  # "..., kata Trump" / "..., said Trump"
    inverted_search: re.Pattern  # inverted_rx's matches, its words as a trie (``_inverted_rx``; speed only)
    verbs_rx: re.Pattern  # "Trump mengatakan" / "Trump said"
    according_rx: re.Pattern  # "Menurut Trump," / "According to Trump,"
    anaphora_rx: re.Pattern  # "menurut laporan tersebut"
    anaphora_search: re.Pattern  # anaphora_rx's matches, for searches (``skippable_rx``: skips to the first letters)
    pronouns: frozenset[str]
    anonymous: tuple[tuple[re.Pattern, str], ...]
    institution_rx: re.Pattern
    canonical: tuple[tuple[re.Pattern, str], ...]
    countries: dict[str, str]  # variant (casefolded) -> canonical country
    titles: frozenset[str]
    hints: tuple[Hint, ...]
    implied: tuple[tuple[re.Pattern, str], ...] = ()  # a verb that names its platform -> the platform's name
    demonyms: dict[str, str] = dataclasses.field(default_factory=dict)  # country -> English adjective
    spelling: tuple[tuple[re.Pattern, str], ...] = ()  # "Kementrian" -> "Kementerian"
    portfolios: dict[str, str] = dataclasses.field(default_factory=dict)  # "Keuangan" -> "Finance"
    institution_types: dict[str, tuple[str, ...]] = dataclasses.field(default_factory=dict)  # "ministry" -> heads
    country_rx: re.Pattern | None = None  # every country spelling, longest first ("Korea Utara", "AS")
    verbs_literals: tuple[bool, frozenset[str]] | None = None  # one of which every verbs_rx match holds (speed only)
    according_runs: frozenset[str] | None = None  # one of which every according_rx match holds as a whole word
    inverted_runs: frozenset[str] | None = None  # one of which every inverted_rx match holds as a whole word
    verbs_words: tuple[str, ...] = ()  # the phrases verbs_rx was built from (speed only: triggers.Narrowed)
    according_words: tuple[str, ...] = ()  # likewise for according_rx
    unknown_words: tuple[str, ...] = ()  # likewise for unknown_rx


class TextMemo:
    """Results by text for the rules of one owner (a lexicon or one of its patterns; with a second one, such as a
    registry, the pair) at a time: the table starts afresh when another owner asks, or when it holds `limit` texts
    (speed only: short texts such as a name or the gap between a cue and a name recur within and across articles)."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.owner: object = None
        self.second: object = None
        self.values: dict = {}

    def table(self, owner: object, second: object = None) -> dict:
        if owner is not self.owner or second is not self.second or len(self.values) >= self.limit:
            self.owner, self.second, self.values = owner, second, {}
        return self.values


@functools.lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    cues, post, filler, coord, refs, synd, inv, verbs, acc, ana, pron, unknown = ([] for _ in range(12))
    implied: dict[str, list[str]] = {}
    for file in CUE_FILES:
        data = _read(file)
        media, speech = data.get("media"), data.get("speech")
        if not isinstance(media, dict) or not isinstance(speech, dict):
            raise RuleError(f"{DATA_DIR / file}: needs [media] and [speech] tables")
        lang = data.get("language", "?")
        scope = bool(media.get("article_scope", False))
        for role in ("relay", "source", "citing"):
            words = media.get(role, [])
            if words:
                cues.append(MediaCue(_words_rx(words, file), role, scope and role == "relay", lang, tuple(words)))
        post += media.get("post", [])
        filler += media.get("filler", [])
        coord += media.get("coordinators", [])
        refs += media.get("reference_heads", [])
        synd += media.get("syndication", [])
        unknown += media.get("unknown_after", [])
        for platform, words in media.get("implied_platform", {}).items():
            implied.setdefault(platform, []).extend(words)
        inv += speech.get("inverted", [])
        verbs += speech.get("verbs", [])
        acc += speech.get("according", [])
        ana += speech.get("anaphora", [])
        pron += speech.get("pronouns", [])
    src = _read("sources_lexicon.toml")
    anonymous = tuple(
        (_compile("sources_lexicon.toml", row["pattern"]), row["label"]) for row in src.get("anonymous", [])
    )
    inst = src.get("institutions", {})
    heads = sorted(inst.get("heads", []), key=len, reverse=True)
    canonical = tuple(
        (_compile("sources_lexicon.toml", row["pattern"]), row["canonical"]) for row in inst.get("canonical", [])
    )
    countries = {v.casefold(): k for k, vs in src.get("countries", {}).items() for v in (k, *vs)}
    demonyms = src.get("demonyms", {})
    if not all(isinstance(k, str) and isinstance(v, str) and v for k, v in demonyms.items()):
        raise RuleError(f"{DATA_DIR / 'sources_lexicon.toml'}: [demonyms] maps a country to its adjective")
    for key in ("types", "spelling"):
        table = inst.get(key, {})
        if not isinstance(table, dict) or not all(
                isinstance(v, list) and all(isinstance(w, str) and w for w in v) for v in table.values()):
            raise RuleError(f"{DATA_DIR / 'sources_lexicon.toml'}: [institutions.{key}] maps a word to a list of words")
    if not all(isinstance(v, str) and v for v in inst.get("portfolios", {}).values()):
        raise RuleError(f"{DATA_DIR / 'sources_lexicon.toml'}: [institutions.portfolios] maps a word to its English")
    spelling = tuple(
        (_compile("sources_lexicon.toml", r"\b(?:" + "|".join(map(re.escape, wrong)) + r")\b", 0), right)
        for right, wrong in inst.get("spelling", {}).items()
    )
    hints = []
    for row in _read("outlet_hints.toml").get("hint", []):
        where = row.get("where", "opening")
        if where not in HINT_PLACES or not isinstance(row.get("name"), str):
            raise RuleError(f"{DATA_DIR / 'outlet_hints.toml'}: hint {row.get('name')!r}: bad name or `where`")
        hints.append(Hint(row["name"], _compile("outlet_hints.toml", row["before"], 0),
                          _compile("outlet_hints.toml", row["after"], 0), row.get("role", ""), where,
                          row.get("country")))
    ref_body = "|".join(re.escape(r) for r in sorted(refs, key=len, reverse=True))
    return Lexicon(
        media_cues=tuple(cues),
        post_rx=_post_rx(post),
        post_at=_post_rx(post, "", trie=True),
        filler_rx=_compile("cues", r"^(?:\s*[,:(“\"‘]?\s*(?:" + "|".join(
            f.replace(" ", r"\s+") for f in sorted(set(filler), key=len, reverse=True))
            + r"|[A-Z][\w-]+)(?![^\W\d_]))*\s*[,:(“\"‘]?\s*$", re.I),
        # "Reuters dan Al Arabiya", "CNN dan kantor berita FARS", "CNN and the New York Times"
        coord_rx=_compile("cues", r"^\s*(?:" + "|".join(re.escape(c) for c in set(coord)) + r")\s*(?:(?:the|"
                          + "|".join(f.replace(" ", r"\s+") for f in sorted(set(filler), key=len, reverse=True))
                          + r")\s+)*$", re.I),
        reference_rx=_compile("cues", rf"^\s*(?:{ref_body})\s*:?\s*$", re.I),
        unknown_rx=_words_rx(unknown, "cues"),
        unknown_words=tuple(unknown),
        syndication_rx=_compile("cues", r"(?:" + "|".join(synd) + r")\s*", re.I),
        inverted_rx=_inverted_rx(inv),
        inverted_search=_inverted_rx(inv, trie=True),
        verbs_rx=_words_rx(verbs, "cues"),
        verbs_literals=_word_literals(verbs),
        verbs_words=tuple(verbs),
        according_rx=_according_rx(acc, "cues"),
        according_words=tuple(acc),
        according_runs=_whole_words(acc),
        inverted_runs=_inverted_words(inv),
        anaphora_rx=_words_rx(ana, "cues"),
        anaphora_search=skippable_rx(ana, "cues"),
        pronouns=frozenset(p.casefold() for p in pron),
        anonymous=anonymous,
        institution_rx=_compile("sources_lexicon.toml", _delimited(heads, r"[\w]"), 0),
        canonical=canonical,
        countries=countries,
        titles=frozenset(src.get("titles", {}).get("words", [])),
        hints=tuple(hints),
        implied=tuple((_words_rx(words, "cues"), name) for name, words in implied.items()),
        demonyms=dict(demonyms),
        portfolios=dict(inst.get("portfolios", {})),
        institution_types={k.casefold(): tuple(v) for k, v in inst.get("types", {}).items()},
        # as written (case-sensitive): "AS" is the United States, "as" is a word
        country_rx=_compile("sources_lexicon.toml", _delimited(
            sorted({v for k, vs in src.get("countries", {}).items() for v in (k, *vs)}, key=len, reverse=True),
            r"[\w-]"), 0),
        spelling=spelling,
    )
