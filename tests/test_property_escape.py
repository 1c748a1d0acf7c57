"""Property tests of provenance.escape: for any text, the escaped form is inert where it lands."""

from __future__ import annotations

import re
import sqlite3

from hypothesis import given, settings
from hypothesis import strategies as st

from provenance import escape

SETTINGS = settings(max_examples=200, deadline=None)
hostile = st.text(alphabet=st.sampled_from(list("\\`*_[]()|~<>&\"'#;:/!{}%\n\r\t\x1b\x07\x9b\u202e ajJ")) | st.characters(), max_size=60)


@SETTINGS
@given(hostile)
def test_markdown_is_one_inert_line(text):
    md = escape.markdown(text)
    assert "\n" not in md and "\r" not in md
    assert not re.search(r"[<>\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", md)
    unescaped = re.sub(r"\\.", "", md)  # drop every escaped character; what is left must hold no markup
    assert not re.search(r"[\\`*_\[\]|~]", unescaped)
    assert not re.search(r"(?i)(javascript|https?|data):", unescaped)


@SETTINGS
@given(hostile)
def test_html_and_graph_labels_cannot_close_their_quotes(text):
    assert not re.search(r"[<>\"'\n]", escape.html(text))
    assert not re.search(r"[\"\[\]()<>|`{}\n]", escape.mermaid_label(text, limit=None))
    dot = escape.dot_label(text, limit=None)
    assert "\n" not in dot and not re.search(r'(?<!\\)"', re.sub(r"\\\\", "", dot))


@SETTINGS
@given(hostile)
def test_terminal_text_has_no_escape_sequences(text):
    assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", escape.terminal(text))


@SETTINGS
@given(
    st.text(alphabet=st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)), max_size=8),
    st.text(alphabet=st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)), max_size=30),
)
def test_like_pattern_matches_exactly_the_literal_query(query, haystack):
    query, haystack = query.lower(), haystack.lower()
    with sqlite3.connect(":memory:") as con:
        hit = con.execute("SELECT ? LIKE ? ESCAPE '\\'", (haystack, escape.like_pattern(query))).fetchone()[0]
    assert bool(hit) == (query in haystack)
