"""Build step: the cleaner's and mapper's per-article modules are compiled to C with mypyc (speed only).

Everything else about the package is declared in setup.cfg. The modules listed in provenance/compiled.txt are
plain Python that mypy checks; mypyc turns them into extension modules that run the same code with less
interpreter overhead (see README, Performance). The .py files stay the source: the package runs them instead
whenever the build is missing, failed, or no longer matches them (provenance/compiled.py), and
``PROV_PURE_PYTHON=1`` asks for them at build or at run time.
"""

import importlib.util
import os
import sys
from pathlib import Path

from setuptools import setup

HERE = Path(__file__).resolve().parent


def _compiled():
    """provenance/compiled.py, loaded as a file (the package itself is not importable while it is built)."""
    spec = importlib.util.spec_from_file_location("_prov_compiled", HERE / "provenance" / "compiled.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _ext_modules() -> list:
    if os.environ.get("PROV_PURE_PYTHON"):
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        print("prov build: mypyc is not available; installing plain Python (slower)", file=sys.stderr)
        return []
    compiled = _compiled()
    root = HERE / "provenance"
    sources = [str(compiled.source_of(n, root).relative_to(HERE)) for n in compiled.module_names(root)]
    try:
        exts = mypycify(sources, opt_level="3")
    except (Exception, SystemExit) as exc:  # mypy exits on a type error: plain Python, never a failed install
        print(f"prov build: mypyc could not compile ({exc!r}); installing plain Python (slower)", file=sys.stderr)
        return []
    # what was compiled, read back at import time to tell a build older than its sources
    (root / compiled.DIGEST).write_text(compiled.digest(root) + "\n", encoding="utf-8")
    return exts


setup(ext_modules=_ext_modules())
