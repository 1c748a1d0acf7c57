"""The mypyc build of the per-article modules (setup.py, provenance/compiled.py) gives the results their Python
sources give, and a build that no longer matches its sources is not used.

CI sets PROV_REQUIRE_COMPILED: there the comparison must run against a real build, not be skipped.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bench.generate import article, as_html, as_text
from provenance import compiled

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"

# clean and map inputs, dump every field: run here and, with PROV_PURE_PYTHON, in a child process
_DUMP = r"""
import dataclasses, json, sys
from provenance.ingest import process
from provenance.clean import load_rules
from provenance.registry import load_registry
from provenance.records import RawArticle
from provenance.errors import InputError

def default(o):
    if dataclasses.is_dataclass(o):
        return dataclasses.asdict(o)
    if isinstance(o, (set, frozenset)):
        return sorted(o)
    return repr(o)

rules, registry = load_rules([]), load_registry([])
out = []
for source, kind, text in json.load(sys.stdin):
    raw = RawArticle(source=source, text=text, kind=kind)
    try:
        p = process(raw, rules, registry)
        out.append({"id": p.id, "cleaned": p.cleaned, "mapping": p.mapping})
    except InputError as exc:
        out.append({"error": str(exc)})
print(json.dumps(out, default=default, sort_keys=True, ensure_ascii=False))
"""


def _inputs() -> list[tuple[str, str, str]]:
    items = [(p.name, "text", p.read_text(encoding="utf-8")) for p in sorted(FIXTURES.glob("*.txt"))]
    for i in range(0, 400, 3):  # synthetic articles, Indonesian and English, many outlets and cues (bench/)
        piece = article(20251107, 400, i)
        items.append((f"bench-{i}.txt", "text", as_text(piece)))
        if i % 4 == 0:
            items.append((f"bench-{i}.html", "html", as_html(piece)))
    return items


def _dump(env: dict[str, str], items: list) -> list:
    run = subprocess.run([sys.executable, "-c", _DUMP], input=json.dumps(items), capture_output=True, text=True,
                         env=env, cwd=ROOT, timeout=600, check=False)
    assert run.returncode == 0, run.stderr[-2000:]
    return json.loads(run.stdout)


def _require_build() -> None:
    if not compiled.ACTIVE:
        if os.environ.get("PROV_REQUIRE_COMPILED"):
            pytest.fail(f"the compiled modules are not in use: {compiled.REASON}")
        pytest.skip(f"the compiled modules are not in use: {compiled.REASON}")


def test_compiled_modules_give_the_results_of_their_sources():
    _require_build()
    items = _inputs()
    env = {k: v for k, v in os.environ.items() if k != "PROV_PURE_PYTHON"}
    built = _dump(env, items)
    source = _dump({**env, "PROV_PURE_PYTHON": "1"}, items)
    assert len(built) == len(items)
    assert sum("mapping" in r and bool(r["mapping"]["citations"]) for r in built) > len(items) // 2
    for (name, _, _), a, b in zip(items, built, source, strict=True):
        assert a == b, name


def test_the_compiled_modules_are_the_ones_imported():
    _require_build()
    from provenance.attribution import chains
    from provenance.clean import gate

    assert not chains.__file__.endswith(".py") and not gate.__file__.endswith(".py")


def test_pure_python_asked_for_imports_the_sources():
    code = ("import provenance.compiled as c, provenance.attribution.chains as m, provenance.literals as l; "
            "print(c.ACTIVE, c.REASON, m.__file__, l.__file__, sep='|')")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True,
                         env={**os.environ, "PROV_PURE_PYTHON": "1"})
    active, reason, chains_file, literals_file = run.stdout.strip().split("|")
    assert active == "False" and "PROV_PURE_PYTHON" in reason
    assert chains_file.endswith("chains.py") and literals_file.endswith("literals.py")


def _fake_package(tmp_path: Path, digest_of_build: str | None) -> Path:
    root = tmp_path / "pkg"
    (root / "sub").mkdir(parents=True)
    (root / "compiled.txt").write_text("# listed\nmod\nsub\n")
    (root / "mod.py").write_text("X = 1\n")
    (root / "sub" / "__init__.py").write_text("Y = 2\n")
    if digest_of_build is not None:
        suffix = compiled.importlib.machinery.EXTENSION_SUFFIXES[0]
        (root / f"mod{suffix}").write_bytes(b"")
        (root / "sub" / f"__init__{suffix}").write_bytes(b"")
        (root / "compiled.sha256").write_text(digest_of_build + "\n")
    return root


def test_a_build_matching_its_sources_is_used(tmp_path):
    root = _fake_package(tmp_path, "")
    (root / "compiled.sha256").write_text(compiled.digest(root) + "\n")
    assert compiled.module_names(root) == ["mod", "sub"]
    assert compiled.build_status(root) == (True, "")


def test_a_build_older_than_its_sources_is_not_used(tmp_path):
    root = _fake_package(tmp_path, "")
    (root / "compiled.sha256").write_text(compiled.digest(root) + "\n")
    (root / "sub" / "__init__.py").write_text("Y = 3  # edited after the build\n")
    ok, why = compiled.build_status(root)
    assert not ok and "changed since the build" in why


def test_no_build_is_not_used(tmp_path):
    ok, why = compiled.build_status(_fake_package(tmp_path, None))
    assert not ok and "not compiled" in why

