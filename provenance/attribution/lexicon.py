"""The mapper's packaged data, loaded once, validated and compiled: cue lexicons (cues_id.toml, cues_en.toml), the
speaker lexicon (sources_lexicon.toml) and the own-outlet hints (outlet_hints.toml)."""

from __future__ import annotations

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


def _words_rx(words: list[str], file: str) -> re.Pattern:
    """One alternation of cue phrases, longest first, on word boundaries; a phrase's spaces match any whitespace."""
    if not all(isinstance(w, str) and w for w in words):
        raise RuleError(f"{DATA_DIR / file}: cue lists must hold non-empty strings")
    alts = sorted(set(words), key=len, reverse=True)
    body = "|".join(w.replace(" ", r"\s+") for w in alts)
    # A cue may be glued to the capitalised name after it ("dilansirReuters"), never to a lower-case letter.
    return _compile(file, rf"(?<![^\W\d_])(?:{body})(?!(?-i:[a-z]))")


@dataclass(frozen=True)
class MediaCue:
    rx: re.Pattern  # matches the cue phrase
    role: str  # relay | source | citing
    article_scope: bool  # a relay credit carries over to later sentences (Indonesian desks)
    language: str


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
    post_rx: re.Pattern  # "<medium> reported"
    filler_rx: re.Pattern  # what may stand between a cue and a medium
    coord_rx: re.Pattern  # "Reuters dan Al Arabiya"
    reference_rx: re.Pattern  # the head line of a reference section
    syndication_rx: re.Pattern  # "Artikel ini telah tayang di"
    unknown_rx: re.Pattern  # "dilansir <Name>": a cue strong enough to keep an unknown name as a medium
    inverted_rx: re.Pattern  # "..., kata Trump" / "..., said Trump"
    verbs_rx: re.Pattern  # "Trump mengatakan" / "Trump said"
    according_rx: re.Pattern  # "Menurut Trump," / "According to Trump,"
    anaphora_rx: re.Pattern  # "menurut laporan tersebut"
    pronouns: frozenset[str]
    anonymous: tuple[tuple[re.Pattern, str], ...]
    institution_rx: re.Pattern
    canonical: tuple[tuple[re.Pattern, str], ...]
    countries: dict[str, str]  # variant (casefolded) -> canonical country
    titles: frozenset[str]
    hints: tuple[Hint, ...]
    implied: tuple[tuple[re.Pattern, str], ...] = ()  # a verb that names its platform -> the platform's name


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
                cues.append(MediaCue(_words_rx(words, file), role, scope and role == "relay", lang))
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
        # "Reuters reported", "Kantor Berita Negara Saudi (SPA) mengatakan", "The Times on Friday reported"
        post_rx=_compile("cues", r"^(?:['’]s)?\s*(?:\([^)]{1,15}\))?\s*,?\s*"
            r"(?:(?:on|pada|last|this|earlier|also|juga|kemudian|later)(?:\s+[\w()/]+)?\s+)?(?:" + "|".join(
            p.replace(" ", r"\s+") for p in sorted(set(post), key=len, reverse=True)) + r")(?![^\W\d_])", re.I),
        filler_rx=_compile("cues", r"^(?:\s*[,:(“\"‘]?\s*(?:" + "|".join(
            f.replace(" ", r"\s+") for f in sorted(set(filler), key=len, reverse=True))
            + r"|[A-Z][\w-]+)(?![^\W\d_]))*\s*[,:(“\"‘]?\s*$", re.I),
        # "Reuters dan Al Arabiya", "CNN dan kantor berita FARS", "CNN and the New York Times"
        coord_rx=_compile("cues", r"^\s*(?:" + "|".join(re.escape(c) for c in set(coord)) + r")\s*(?:(?:the|"
                          + "|".join(f.replace(" ", r"\s+") for f in sorted(set(filler), key=len, reverse=True))
                          + r")\s+)*$", re.I),
        reference_rx=_compile("cues", rf"^\s*(?:{ref_body})\s*:?\s*$", re.I),
        unknown_rx=_words_rx(unknown, "cues"),
        syndication_rx=_compile("cues", r"(?:" + "|".join(synd) + r")\s*", re.I),
        # case-sensitive: a capitalised "Ungkap" after a comma is a headline verb, not "..., ungkap Trump"
        inverted_rx=_compile("cues", r"(?:[,\"”’'—–-]\s*)(?:" + "|".join(
            sorted(set(inv), key=len, reverse=True)) + r")(?:nya)?\s+", 0),
        verbs_rx=_words_rx(verbs, "cues"),
        according_rx=_compile("cues", r"(?<![^\W\d_])(?:" + "|".join(
            a.replace(" ", r"\s+") for a in sorted(set(acc), key=len, reverse=True)) + r")\s+", re.I),
        anaphora_rx=_words_rx(ana, "cues"),
        pronouns=frozenset(p.casefold() for p in pron),
        anonymous=anonymous,
        institution_rx=_compile("sources_lexicon.toml", r"(?<![\w])(?:" + "|".join(
            re.escape(h) for h in heads) + r")(?![\w])", 0),
        canonical=canonical,
        countries=countries,
        titles=frozenset(src.get("titles", {}).get("words", [])),
        hints=tuple(hints),
        implied=tuple((_words_rx(words, "cues"), name) for name, words in implied.items()),
    )
