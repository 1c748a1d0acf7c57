"""The formats are what their tools read: DOT renders with `dot`, PROV-JSON loads with `prov.read`, the Mermaid
block parses with Mermaid's own parser, and article text cannot inject syntax into any of them.

The Mermaid check needs node and `npm ci` in tests/mermaid/ (see its package.json); it skips without them.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from provenance.trace import render, trace

from .conftest import run_cli
from .trace_helpers import build_seed_db, processed, store

MERMAID_DIR = Path(__file__).resolve().parent / "mermaid"

EVIL = (
    "Kazakhstan news. **bold** _it_ [click](javascript:alert(1)) ![img](http://x/y.png) <script>alert(1)</script> "
    "<img src=x onerror=alert(1)> | a | b | `code` ``` end\n# Heading\n"
    'flowchart LR\n  x["pwn"] --> y\n  end\n%%{init: {"theme":"dark"}}%% click n1 "javascript:alert(1)" '
    "\x1b[31mred\x1b[0m www.evil.example https://evil.example/"
)
EVIL_OUTLET = 'Evil"] --> n1["x <b>Outlet</b> [a](javascript:b)'


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory) -> str:
    return build_seed_db(str(tmp_path_factory.mktemp("render") / "seed.db"))


@pytest.fixture(scope="module")
def evil_db(tmp_path_factory) -> str:
    db = str(tmp_path_factory.mktemp("evil") / "evil.db")
    sentence = EVIL.splitlines()[0]
    store(db, [processed("evil<b>.txt", EVIL, {
        "title": "**Kazakhstan** [x](javascript:alert(1)) <h1>t</h1>",
        "outlet": EVIL_OUTLET,
        "published": "2025-11-07",
        "citations": [{"citing": None, "cited": "Axios`](javascript:x)", "kind": "outlet", "self": True, "cue": "<i>", "evidence": sentence}],
        "statements": [{"source": "Evil <b>person</b>", "kind": "person", "chain": ["Evil <b>person</b>", "Axios`](javascript:x)", EVIL_OUTLET], "cue": "**said**", "evidence": sentence}],
    })])
    return db


def _mermaid_block(md: str) -> str:
    m = re.search(r"```mermaid\n(.*?)\n```", md, re.S)
    assert m, "no mermaid block"
    return m.group(1)


def test_report_text_is_inert_markdown(evil_db):
    md = render(trace(evil_db, "Kazakhstan"), "md")
    assert "<script" not in md and "<img" not in md and "<b>" not in md and "<h1>" not in md
    assert "](javascript" not in md and "](http" not in md and "https://" not in md and "www.evil" not in md
    assert "\x1b" not in md
    assert "**bold**" not in md and "**Kazakhstan**" not in md
    assert "&lt;script&gt;" in md  # shown, as text
    mermaid = _mermaid_block(md)
    assert "pwn" not in mermaid and "javascript" not in mermaid.replace("javascript#58;", "")
    for line in mermaid.splitlines()[1:]:
        assert re.fullmatch(r'  n\d+\["[^"\n]*"\]|  n\d+ -->\|"\d+"\| n\d+|  n\d+ -\. "[^"]*" \.-> n\d+', line), line
    # no line of article text starts a Markdown block of its own
    assert not any(line.startswith(("# Heading", "%%")) for line in md.splitlines())
    assert sum(line.startswith("flowchart") for line in md.splitlines()) == 1  # our own, in the mermaid block


def test_dot_and_json_survive_hostile_text(evil_db):
    r = trace(evil_db, "Kazakhstan")
    data = json.loads(render(r, "json"))
    assert data["articles"][0]["outlet"] == EVIL_OUTLET  # JSON keeps the text exact; its encoder escapes it
    dot = render(r, "dot")
    assert "\x1b" not in dot
    if shutil.which("dot"):
        subprocess.run(["dot", "-Tsvg"], input=dot.encode(), check=True, capture_output=True)


@pytest.mark.skipif(not shutil.which("dot"), reason="GraphViz `dot` is not installed (apt-get install graphviz)")
def test_dot_renders(seed_db):
    dot = render(trace(seed_db, "Kazakhstan"), "dot")
    out = subprocess.run(["dot", "-Tsvg"], input=dot.encode(), check=True, capture_output=True).stdout.decode()
    assert "<svg" in out and "Anadolu Agency" in out


def test_prov_json_loads_and_round_trips(seed_db):
    import prov
    from prov.model import ProvDocument

    text = render(trace(seed_db, "Kazakhstan"), "prov-json")
    doc = prov.read(io.StringIO(text), format="json")
    assert isinstance(doc, ProvDocument)
    again = ProvDocument.deserialize(content=doc.serialize(format="json"), format="json")
    assert again == doc
    data = json.loads(text)
    for key in ("entity", "agent", "wasAttributedTo", "wasDerivedFrom", "hadMember"):
        assert data.get(key), key
    # PROV-JSON writes wasQuotedFrom and hadPrimarySource as derivations typed prov:Quotation / prov:PrimarySource
    types = {(rel.get("prov:type") or {}).get("$") for rel in data["wasDerivedFrom"].values()}
    assert {"prov:Quotation", "prov:PrimarySource"} <= types
    # every relation refers to declared records
    declared = set(data["entity"]) | set(data["agent"])
    for rel in data["wasDerivedFrom"].values():
        assert rel["prov:generatedEntity"] in declared and rel["prov:usedEntity"] in declared


def _mermaid_parser():
    node = shutil.which("node")
    if not node or not (MERMAID_DIR / "node_modules" / "mermaid").is_dir():
        return None
    return [node, str(MERMAID_DIR / "check.mjs")]


@pytest.mark.parametrize("which", ["seed", "evil"])
def test_mermaid_block_parses(which, seed_db, evil_db):
    cmd = _mermaid_parser()
    if cmd is None:
        pytest.skip("Mermaid parser not set up: run `npm ci` in tests/mermaid/ (needs node)")
    md = render(trace(seed_db if which == "seed" else evil_db, "Kazakhstan"), "md")
    result = subprocess.run(cmd, input=_mermaid_block(md).encode(), capture_output=True, cwd=MERMAID_DIR, timeout=120)
    assert result.returncode == 0, result.stderr.decode()


def test_cli_formats_and_output(seed_db, tmp_path):
    out = tmp_path / "r.md"
    assert run_cli("--db", seed_db, "trace", "Kazakhstan", "--output", str(out)).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("# Provenance trace: Kazakhstan")
    bad = run_cli("--db", seed_db, "trace", "Kazakhstan", "--format", "pdf")
    assert bad.exit_code != 0
    late = run_cli("--db", seed_db, "trace", "Kazakhstan", "--since", "soon")
    assert late.exit_code == 1 and late.output.startswith("Error: --since 'soon': not a date")


def test_audit_table(seed_db):
    result = run_cli("--db", seed_db, "audit", "Kazakhstan")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].split("\t") == ["claim", "article", "outlet", "hops", "origin", "origin_kind", "chain", "claim_text"]
    rows = [line.split("\t") for line in lines[1:]]
    c1 = [r for r in rows if r[0] == "C1"]
    assert len({r[1] for r in c1}) == 5 and max(int(r[3]) for r in c1) == 3
    csv_out = run_cli("--db", seed_db, "audit", "Kazakhstan", "--format", "csv").output
    assert csv_out.splitlines()[0] == "claim,article,outlet,hops,origin,origin_kind,chain,claim_text"
