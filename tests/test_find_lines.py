"""Registry.find_lines (one scan of many lines, speed only) finds what find_all finds line by line."""

from pathlib import Path

from provenance.registry import load_registry

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def test_find_lines_equals_find_all_per_line():
    registry = load_registry()
    lines = ["dilansir", "AA melaporkan", "kata Reuters (AA)", "(AA)", "menurut AA", "AA", "dilansirReuters, Selasa",
             "posted on X", "X", "said on", "X today", "", "Kompas.com", "ReutersdanAl Arabiya"]
    for path in sorted(FIXTURES.glob("*.txt")):
        lines += path.read_text(encoding="utf-8").split("\n")
    assert registry.find_lines(lines) == [registry.find_all(line) for line in lines]
    assert registry.find_lines([]) == []
