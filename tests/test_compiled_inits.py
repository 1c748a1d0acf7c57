"""Classes whose __init__ is written out (so that mypyc compiles it) behave as @dataclass alone makes them."""

import dataclasses

import pytest

from provenance.attribution.media import Credit
from provenance.attribution.names import Speaker
from provenance.attribution.sentences import Sentence
from provenance.clean.lines import Line
from provenance.records import Removed


@dataclasses.dataclass(slots=True)
class _Sentence:
    start: int
    end: int
    text: str
    line: int
    line_start: bool


@dataclasses.dataclass(slots=True)
class _Line:
    no: int
    text: str
    removed: Removed | None = None
    protected: bool = False
    cuts: list[Removed] | tuple = ()
    _facts_of: str | None = dataclasses.field(default=None, repr=False, compare=False)
    _facts: tuple = dataclasses.field(default=(), repr=False, compare=False)
    _gated: tuple = dataclasses.field(default=(), repr=False, compare=False)
    _walked: tuple = dataclasses.field(default=(), repr=False, compare=False)


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


def test_line_init_is_the_dataclass_one():
    """(Line's last fields are left out of ==, so it is not in the parametrized test above.)"""
    names = [f.name for f in dataclasses.fields(_Line)]
    assert [f.name for f in dataclasses.fields(Line)] == names
    args = (3, "Baca juga", Removed("x", "r", "why", 3), True, [Removed("y", "r", "why", 3)], "a", ("a",), ("g",),
            (True,))
    for n in range(2, len(args) + 1):
        by_name = dict(zip(names, args[:n], strict=False))
        for a, kw in [(args[:n], {}), ((), by_name), (args[:2], {k: by_name[k] for k in names[2:n]})]:
            x, p = Line(*a, **kw), _Line(*a, **kw)
            assert [getattr(x, f) for f in names] == [getattr(p, f) for f in names]
            assert repr(x) == repr(p).replace("_Line", "Line")
            assert x == Line(*args[:5]) if n >= 5 else x != Line(*args[:5])
    with pytest.raises(TypeError):
        Line(3)
    with pytest.raises(TypeError):
        Line(*args, "one too many")
