"""Classes whose __init__ is written out (so that mypyc compiles it) behave as @dataclass alone makes them."""

import dataclasses

import pytest

from provenance.attribution.media import Credit
from provenance.attribution.names import Speaker
from provenance.attribution.sentences import Sentence


@dataclasses.dataclass(slots=True)
class _Sentence:
    start: int
    end: int
    text: str
    line: int
    line_start: bool


@dataclasses.dataclass
class _Credit:
    name: str
    kind: str
    role: str
    cue: str
    start: int
    scope: bool = False
    resolved: bool = True


@dataclasses.dataclass
class _Speaker:
    name: str
    kind: str
    cue: str
    raw: str


@pytest.mark.parametrize(("cls", "plain", "args"), [
    (Sentence, _Sentence, (3, 9, "Kata X.", 1, True)),
    (Speaker, _Speaker, ("Joko Widodo", "person", "kata", "Jokowi")),
    (Credit, _Credit, ("Reuters", "agency", "relay", "dilansir", 8, True, False)),
])
def test_written_out_init_is_the_dataclass_one(cls, plain, args):
    names = [f.name for f in dataclasses.fields(plain)]
    for a, kw in [(args, {}), ((), dict(zip(names, args, strict=True))), (args[:2], dict(zip(names[2:], args[2:], strict=True)))]:
        x, p = cls(*a, **kw), plain(*a, **kw)
        assert dataclasses.astuple(x) == dataclasses.astuple(p)
        assert repr(x) == repr(p).replace(plain.__name__, cls.__name__)
        assert x == cls(*args) and x != cls(*args[:-1], not args[-1] if isinstance(args[-1], bool) else "other")
        assert [f.name for f in dataclasses.fields(x)] == names
    try:
        short = dataclasses.astuple(plain(*args[:-1]))
    except TypeError:
        with pytest.raises(TypeError):
            cls(*args[:-1])
    else:  # (a default for the last field)
        assert dataclasses.astuple(cls(*args[:-1])) == short
    with pytest.raises(TypeError):
        cls(*args, "one too many")
