"""Speed-only rewrites in the registry matcher and own-outlet detection give what the plain code gave."""

import dataclasses
import random

import pytest

from provenance.attribution import outlet
from provenance.records import Cleaned, Metadata
from provenance.registry import Entry, Mention, load_registry


@dataclasses.dataclass(frozen=True)
class _Plain:  # Mention as @dataclass alone writes it
    start: int
    end: int
    text: str
    entry: Entry
    glued: bool = False


def test_mention_init_is_the_dataclass_one():
    e = Entry(name="Reuters", kind="agency")
    for args, kw in [((1, 8, "Reuters", e), {}), ((1, 8, "Reuters", e, True), {}),
                     ((), {"start": 0, "end": 2, "text": "AP", "entry": e, "glued": False})]:
        m, p = Mention(*args, **kw), _Plain(*args, **kw)
        assert dataclasses.astuple(m) == dataclasses.astuple(p)
        assert repr(m) == repr(p).replace("_Plain", "Mention")
        assert m == Mention(*args, **kw) and hash(m) == hash(Mention(*args, **kw))
        assert [f.name for f in dataclasses.fields(m)] == [f.name for f in dataclasses.fields(p)]
        with pytest.raises(dataclasses.FrozenInstanceError):
            m.start = 5  # type: ignore[misc]
    assert load_registry().find_all("kata Reuters")[0] == Mention(5, 12, "Reuters", load_registry().resolve("Reuters"))


def _lines_plain(body: str):
    """outlet._lines' body part before the opening-lines shortcut."""
    pos, prose, seen_text = 0, 0, False
    for line in body.split("\n"):
        places = outlet._ANYWHERE
        if not seen_text and line.lstrip().startswith("# "):
            places = outlet._ANYWHERE_TITLE
        elif not outlet._NOT_PROSE.match(line):
            if prose < outlet.OPENING_LINES:
                places = outlet._ANYWHERE_OPENING
            prose += 1
        seen_text = seen_text or bool(line.strip())
        yield line, pos, places
        pos += len(line) + 1


def test_outlet_lines_match_the_plain_rule_on_fuzzed_bodies():
    pieces = ["", "  ", "# Judul", " # Judul", "| a | b |", "![img](x)", "[link](y)", "---", "===", "> kutipan",
              "JAKARTA, KOMPAS.com -- Teks.", "Teks biasa.", "  teks", "-- x", "#tag", "\t"]
    rng = random.Random(7)
    for _ in range(400):
        body = "\n".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        cleaned = Cleaned(body=body, meta=Metadata(), removed=[])
        assert list(outlet._lines(cleaned, body_only=True)) == list(_lines_plain(body))
