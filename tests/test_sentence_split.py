"""The sentence splitter's shortcut for lines without "!" or "?" (speed only) finds what the regex alone finds."""

import random

from provenance.attribution.sentences import _END, _dot_matches

LINES = [
    "", ".", "No mark here", "Dr. Gupta said so. Then he left.", "U.S. officials met. “We agree.” Next (A) one.",
    "Prices rose 3.5 percent. 2024 was. x.y. Z", "Ends with a dot.", "Many dots... And more.. Then. .A",
    "A.\u00a0B. C.\tD.  E", "Quote.\" Then.’ So.) [X] fine.] 'y", "a. b. c.",
]


def _spans(matches):
    return [(m.start(), m.end()) for m in matches]


def test_dot_matches_are_the_regex_matches():
    rnd = random.Random(7)
    alphabet = "aB1. \"”’')]([“‘'\t\u00a0"
    lines = LINES + ["".join(rnd.choice(alphabet) for _ in range(rnd.randrange(30))) for _ in range(5000)]
    for line in lines:
        assert _spans(_dot_matches(line)) == _spans(_END.finditer(line)), line
