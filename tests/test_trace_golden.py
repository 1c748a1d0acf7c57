"""Golden files of every format on the seed fixtures (hand-made mapper output, see trace_helpers).

A change of output fails here; after checking the diff, regenerate deliberately with `make golden`
(PROV_GOLDEN=1). Never regenerated silently.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from provenance.trace import render, render_audit, trace

from .trace_helpers import build_seed_db

GOLDEN = Path(__file__).resolve().parent / "golden"
CASES = {
    "kazakhstan.md": lambda r: render(r, "md"),
    "kazakhstan.json": lambda r: render(r, "json"),
    "kazakhstan.dot": lambda r: render(r, "dot"),
    "kazakhstan.prov.json": lambda r: render(r, "prov-json"),
    "kazakhstan.audit.tsv": lambda r: render_audit(r, "tsv"),
}


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    return trace(build_seed_db(str(tmp_path_factory.mktemp("golden") / "seed.db")), "Kazakhstan")


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden(name, report):
    text = CASES[name](report) + "\n"
    path = GOLDEN / name
    if os.environ.get("PROV_GOLDEN") == "1":
        GOLDEN.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return
    assert path.exists(), f"{path.name} missing — run `make golden` and review it"
    assert text == path.read_text(encoding="utf-8"), f"{path.name} changed — review the diff, then `make golden`"
