"""Structural passes: guesses from the shape of the text rather than from wording.

Each pass has a rule name and reason like the data rules, so ``--explain`` shows it. They run after the data
rules (so they can lean on what those removed) and leave protected reference-section lines alone.
"""

from __future__ import annotations

import re

from .lines import _CONTINUES, Line, is_heading
from .predicates import is_headline, is_sentence, is_url

# name -> reason, for --explain and the docs.
REASONS = {
    "title": "the headline: moved to meta.title",
    "title.repeat": "the headline repeated inside the text",
    "debris.duplicate": "a paragraph the scrape repeated (identical, or several paragraphs glued into one line)",
    "menu.short-run": "a run of short non-sentence lines: navigation menu, tag list or link list",
    "caption.alt-text": "image alt text repeated just above its caption line",
}

# A reference list is kept for the mapper: "Sumber-sumber", "Sources:", "Referensi", "References".
REFERENCE_HEADING = re.compile(
    r"^(?:#+\s*)?(?:sumber-sumber|sumber referensi|referensi|rujukan|daftar pustaka|sources|references|"
    r"bibliography|further reading)\s*:?\s*$",
    re.IGNORECASE,
)


def _kept(lines: list[Line]) -> list[Line]:
    return [ln for ln in lines if ln.removed is None and ln.text]  # (Line.kept inlined: speed only)


# "Source: Reuters" / "Sumber:" then one line: the label itself is page furniture (a line rule removes it),
# but the line it introduces names who the text came from, so the guesses must not take it.
SOURCE_LABEL = re.compile(r"^(?:source|sumber|credit|kredit)\s*:\s*$", re.IGNORECASE)


def protect_references(lines: list[Line]) -> None:
    """Mark the lines of a reference section (heading up to the first removed line), and the line after a
    bare "Source:" label."""
    for i, line in enumerate(lines):
        if line.removed is not None or not line.text:  # (not kept; inlined)
            continue
        norm, _, n_words = line.facts()
        # speed only: a heading is at most 4 words ("# further reading :"), a label at most 2 ("Source :")
        if n_words > 4:
            continue
        if REFERENCE_HEADING.match(norm):
            line.protected = True
            for nxt in lines[i + 1:]:
                if nxt.removed is not None:
                    break
                if nxt.text:
                    nxt.protected = True
        elif SOURCE_LABEL.match(norm):
            labelled = next((ln for ln in lines[i + 1:] if ln.text), None)
            if labelled is not None and labelled.kept:
                labelled.protected = True


def drop_duplicates(lines: list[Line]) -> None:
    """Remove repeated paragraphs and lines that are several other paragraphs glued together."""
    kept = [ln for ln in _kept(lines) if not ln.protected]
    seen: set[str] = set()
    for line in kept:
        if len(line.text) >= 40 and line.text in seen:
            line.remove("debris.duplicate", REASONS["debris.duplicate"])
        seen.add(line.text)
    long_lines = [ln for ln in kept if ln.kept and len(ln.text) >= 40]
    for line in long_lines:
        if len(line.text) < 200:
            continue
        inside = [o for o in long_lines if o is not line and o.text in line.text and o.kept]  # (cheap test first)
        covered = sum(len(o.text) for o in inside)
        # two glued paragraphs at least: one long line quoting one other line is a lede or a summary
        if len(inside) >= 2 and covered >= 0.4 * len(line.text):
            line.remove("debris.duplicate", REASONS["debris.duplicate"])


def _menu_item(text: str) -> bool:
    if not text[:1].isalnum() and not any(c.isalnum() for c in text):  # (the first character first: speed only)
        return True  # the "," between tag links
    return len(text) <= 40 and len(text.split()) <= 5 and not is_sentence(text) and not text.endswith(",")


def drop_short_runs(lines: list[Line]) -> None:
    """Runs of short non-sentence lines with no line break between them are menus and link lists.

    Three or more in a row always; two when blank lines fence them on both sides (a crosshead stands alone).
    Not when the next line continues them ("…kepada\\nKontan\\n, Selasa"): old scrapes put each linked word on its
    own line, and those words are body text.
    """
    i = 0
    n = len(lines)
    while i < n:
        line = lines[i]
        if line.removed is not None or not line.text or line.protected or not _menu_item(line.norm) \
                or is_heading(line):  # (Line.kept inlined: speed only)
            i += 1
            continue
        j = i
        run: list[Line] = []
        while j < n and lines[j].text and (lines[j].removed is not None or (
                not lines[j].protected and _menu_item(lines[j].norm) and not is_heading(lines[j]))):
            if lines[j].kept:
                run.append(lines[j])
            j += 1
        before = lines[i - 1] if i > 0 else None
        after = lines[j] if j < n else None
        fenced = (before is None or not before.text) and (after is None or not after.text)
        continued = after is not None and after.kept and bool(_CONTINUES.match(after.text))
        run = [ln for ln in run if any(c.isalnum() for c in ln.text)] and run
        # menu entries are capitalised ("Home", "World", "AJ Impact"); a run of lower-case lines is something
        # else (an enumeration, a quoted list) unless a label says it is tags, which the tags rules handle
        capitalised = sum(1 for ln in run if ln.text[:1].isupper() or ln.text[:1].isdigit())
        if (len(run) >= 3 or (len(run) == 2 and fenced)) and not continued and 2 * capitalised >= len(run):
            for line in run:
                line.remove("menu.short-run", REASONS["menu.short-run"])
        i = max(j, i + 1)


def absorb_fragments(lines: list[Line]) -> None:
    """Short fragments just before a removed line that continues them belong to the same boilerplate.

    A prompt split over several lines ("Simak / breaking news / dan / berita pilihan / kami langsung …") is
    caught by its last line; the fragments above it go with it, and so does a bare link right under it
    ("… WhatsApp Channel :" then the channel URL).
    """
    for i, line in enumerate(lines):
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if line.removed is not None and nxt is not None and nxt.kept and not nxt.protected and is_url(nxt.text):
            nxt.remove(line.removed.rule, line.removed.reason)
        if line.removed is None or not _CONTINUES.match(line.removed.text):
            continue
        j = i - 1
        while j >= 0 and lines[j].kept and not lines[j].protected and len(lines[j].text.split()) <= 3 \
                and not is_sentence(lines[j].text):
            lines[j].remove(line.removed.rule, line.removed.reason)
            j -= 1


def drop_caption_alt_text(lines: list[Line]) -> None:
    """``bendera X`` above ``bendera X (photo credit)``: the alt text goes with its caption."""
    n = len(lines)
    for i, line in enumerate(lines):
        if line.removed is not None or not line.text or line.protected:
            continue  # (not kept; inlined: speed only)
        j = i + 1  # the next line with text (no slice copy, no generator: speed only)
        while j < n and not lines[j].text:
            j += 1
        if j == n:
            continue
        nxt = lines[j]
        # (the word count last: most lines are followed by no caption, and then it need not be made)
        if nxt.removed is not None and nxt.removed.rule.startswith("caption") \
                and nxt.text.startswith(line.text) and nxt.text != line.text and len(line.text.split()) <= 12:
            line.remove("caption.alt-text", REASONS["caption.alt-text"])


def take_title(lines: list[Line], title: str | None, is_dateline, guess: bool = True) -> str | None:
    """Find the headline ("# title" line, else a headline-shaped first line) and drop its repeats."""
    kept = _kept(lines)
    if not kept:
        return title
    first = kept[0]
    if title is None:
        if first.text.startswith("# "):
            title = first.text[2:].strip()
            first.remove("title", REASONS["title"])
        elif guess and len(kept) > 1 and is_headline(first.norm) and not is_dateline(first.norm) \
                and len(first.text.split()) >= 3 and not first.protected:
            title = first.norm
            first.remove("title", REASONS["title"])
    if title:
        key = title.strip().lower()
        for line in _kept(lines):
            if line.norm.lstrip("# ").strip().lower() == key:
                line.remove("title.repeat", REASONS["title.repeat"])
    return title
