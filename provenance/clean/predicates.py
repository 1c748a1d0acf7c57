"""Shape tests on single lines: does this look like a headline, a name, a bullet, ad copy, a menu entry?

Block rules name these as ``@headline`` etc.; the structural passes use them too. They look at shape only
(length, case, punctuation), never at wording, so they hold for any outlet and for Indonesian and English.
"""

from __future__ import annotations

import re

BULLET = re.compile(r"^(?:[•·▪◦‣*+-]|\d{1,2}[.)])\s+\S")
URL_LINE = re.compile(r"^[.,;:\s]*(?:https?://|www\.)\S+\s*[.,;]?$")
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
# A sentence ends with . ! ” " ; an ellipsis ("…", "...") is how truncated headlines end, so it does not count.
_SENTENCE_END = re.compile(r"(?<!\.\.)[.!\"”;]\s*$")
_NAME_TOKEN = re.compile(r"^(?:[A-Z\u00C0-\u024F\u0400-\u04FF][\w.'’-]*|(?:bin|binti|van|von|de|da|al|el)|[A-Z]\.)$")


def words(text: str) -> list[str]:
    return text.split()


def is_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text)) and not text.rstrip().endswith("...")


def is_headline(text: str) -> bool:
    """A short line that does not read as a sentence: a link headline, a menu entry, a crosshead."""
    n = len(words(text))
    if n == 0 or n > 18 or len(text) > 160:
        return False
    # a headline may open with a quoted word ('Tarzan' actor …); a line opening with "(" or "," is a fragment
    if is_sentence(text) or text[0].islower() or text[0] in "(,":
        return False
    return True


def is_name(text: str) -> bool:
    """A person's name line (``Ahmad Yusuf``), possibly after a bullet dash."""
    tokens = words(text.lstrip("-–•* ").strip())
    return 1 <= len(tokens) <= 5 and all(_NAME_TOKEN.match(t) for t in tokens)


def is_bullet(text: str) -> bool:
    return bool(BULLET.match(text))


def is_url(text: str) -> bool:
    return bool(URL_LINE.match(text))


def caps_share(text: str) -> tuple[int, float]:
    """How many words of 4+ letters are in capitals, and their share of all words."""
    ws = _WORD.findall(text)
    caps = [w for w in ws if len(w) >= 4 and w.isupper()]
    return len(caps), (len(caps) / len(ws) if ws else 0.0)


def is_doubled(text: str) -> bool:
    """``Brand App Brand App``: alt text and caption of an ad logo rendered twice."""
    ws = words(text)
    half = len(ws) // 2
    return len(ws) >= 2 and len(ws) % 2 == 0 and ws[:half] == ws[half:]


def is_promo(text: str) -> bool:
    """Ad copy: a doubled logo line, a lone upper-case word, or copy shouting in capitals."""
    if is_doubled(text):
        return True
    ws = words(text)
    if 1 <= len(ws) <= 3 and all(w.isupper() for w in ws if any(c.isalpha() for c in w)) and text.upper() == text:
        return any(c.isalpha() for c in text)
    n_caps, share = caps_share(text)
    return n_caps >= 4 and share >= 0.2


def member_ok(spec: str, text: str) -> bool:
    if spec == "@headline":
        return is_headline(text)
    if spec == "@name":
        return is_name(text)
    if spec == "@promo":
        return is_promo(text)
    if spec == "@bullet":
        return is_bullet(text)
    if spec == "@url":
        return is_url(text)
    raise ValueError(spec)
