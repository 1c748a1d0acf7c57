"""Word lists and patterns that both :mod:`.speakers` and :mod:`.anonymous` read a subject phrase with."""

from __future__ import annotations

_ADVERBS = {"sebelumnya", "juga", "pun", "kemudian", "lalu", "also", "later", "previously", "then", "has", "had",
            "have", "was", "is", "are", "were", "once", "earlier", "again", "further", "kembali", "pernah", "telah", "sudah", "tak",
            "tidak", "not", "never", "would", "will", "secara", "resmi", "sebenarnya", "justru", "publicly", "repeatedly",
            "recently", "bahkan", "lantas", "pula", "sempat", "langsung", "terus", "akhirnya", "sendiri", "only",
            "first", "privately", "initially", "separately", "subsequently", "specifically", "reportedly"}
# "Presiden Trump secara khusus menekankan": an Indonesian adverb phrase "secara <word>" before the verb.
_SECARA = {"secara", "dengan"}
_CALENDAR = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "senin", "selasa", "rabu",
             "kamis", "jumat", "sabtu", "minggu", "ahad", "january", "february", "march", "april", "may", "june", "july",
             "august", "september", "october", "november", "december", "januari", "februari", "maret", "mei", "juni",
             "juli", "agustus", "oktober", "desember", "today", "yesterday", "tonight", "hari", "jan", "feb", "mar",
             "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "jan.", "feb.", "aug.", "sept.", "oct.",
             "nov.", "dec."}
_QUANTIFIERS = {"several", "some", "many", "two", "three", "four", "other", "top", "local", "federal", "state", "city",
               "county", "company", "government", "administration", "military", "intelligence", "u.s.", "western"}


def _strip_adverbs(toks: list[str]) -> list[str]:
    while toks:
        if toks[-1].casefold() in _ADVERBS:
            toks.pop()
        elif len(toks) >= 2 and toks[-2].casefold() in _SECARA and toks[-1].islower():
            del toks[-2:]
        else:
            break
    return toks
