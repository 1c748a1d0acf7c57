"""Embedded social posts: a scrape keeps the post's signature line, "— Display Name (@handle) July 13, 2017".

Each signature is a statement by that account, posted on the platform the handle belongs to (X unless the text
says otherwise), and relayed by this article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MONTHS = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|"
           r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|Januari|Februari|Maret|Mei|Juni|Juli|Agustus|Oktober|"
           r"Desember)")
# the handle in parentheses, then the post's date (glued or not: "(@Megatron_ron)June 18, 2025")
_SIGNATURE = re.compile(rf"\(@(?P<handle>\w{{1,30}})\)\s*(?:{_MONTHS}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTHS}\s+\d{{4}})")
# what separates the display name from the post's text before it: a dash, a wide gap, a line break or a media link
_NAME_START = re.compile(r"(?:[—–]|\s{2,}|\n|pic\.twitter\.com/\w+|https?://\S+)\s*")
_MAX_NAME = 40


@dataclass
class Post:
    author: str  # "Display Name (@handle)"
    start: int  # offset of the signature in the body
    end: int


def embedded_posts(body: str) -> list[Post]:
    out: list[Post] = []
    for m in _SIGNATURE.finditer(body):
        window = body[max(0, m.start() - _MAX_NAME - 30) : m.start()]
        cut = None
        for c in _NAME_START.finditer(window):
            cut = c.end()
        if cut is None:
            continue
        name = window[cut:].strip()
        if not name or len(name) > _MAX_NAME or len(name.split()) > 5 or re.search(r"[.!?:;\"“”]\s", name + " "):
            continue
        out.append(Post(f"{name} (@{m.group('handle')})", m.start() - len(window) + cut, m.end()))
    return out
