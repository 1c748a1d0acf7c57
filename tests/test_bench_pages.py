"""The benchmark's synthetic news pages: shaped like real ones, and the story is what trafilatura extracts."""

from __future__ import annotations

import trafilatura

from bench.generate import SEED, article, as_html
from bench.page import stats
from provenance.clean.html import EXTRACT_OPTIONS

# 10th-90th percentiles of the 181 real news pages of the extraction benchmark (bench/page.py)
REAL = {"bytes": (51_000, 289_000), "elements": (343, 1_246), "links": (50, 256), "list items": (25, 190),
        "divs": (43, 259), "script characters": (5_700, 124_000)}


def test_page_structure_is_within_the_range_of_real_pages():
    got = stats([as_html(article(SEED, 10_000, i)) for i in range(60)])
    for key, (lo, hi) in REAL.items():
        assert lo <= got[key][0] <= hi, (key, got[key])


def test_the_extracted_text_is_the_story_not_the_chrome():
    for i in range(8):
        piece = article(SEED, 10_000, i)
        page = as_html(piece)
        text = trafilatura.extract(page, **EXTRACT_OPTIONS) or ""
        story = [p for p in piece.paragraphs if not p.isupper()]
        assert all(p in text for p in story), i
        # the chrome's own lists (menus, most read, footer) stay out
        for chrome in ("Most read", "Terpopuler", "More stories", "Berita Lainnya", "cookie"):
            assert chrome not in text, (i, chrome)
