"""Which code runs: the mypyc build of the per-article modules, or their Python source (speed only).

setup.py compiles the modules named in compiled.txt and records the digest of the sources it compiled
(compiled.sha256). Python imports an extension module before the .py beside it, so a build older than its
sources would silently run old code. ``install`` (called by the package on import, before any of those modules
loads) checks that the build matches the sources; when it does not, or ``PROV_PURE_PYTHON`` is set, or there is
no build, it makes the import system load the .py files instead. The results are the same either way (a test
compares them); only the speed differs.

Also loaded by setup.py as a file, so it imports nothing of the package.
"""

from __future__ import annotations

import hashlib
import importlib.machinery
import importlib.util
import os
import sys
from pathlib import Path

PACKAGE = "provenance"
ROOT = Path(__file__).resolve().parent
LISTING, DIGEST = "compiled.txt", "compiled.sha256"


def module_names(root: Path = ROOT) -> list[str]:
    """The dotted names listed in compiled.txt, relative to the package ("attribution.chains")."""
    text = (root / LISTING).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


def source_of(name: str, root: Path = ROOT) -> Path:
    """The .py file of a listed module (a package's __init__.py)."""
    base = root.joinpath(*name.split("."))
    return base / "__init__.py" if base.is_dir() else base.with_suffix(".py")


def digest(root: Path = ROOT) -> str:
    """The digest of the listed modules' sources, in listing order."""
    h = hashlib.sha256()
    for name in module_names(root):
        h.update(source_of(name, root).read_bytes())
    return h.hexdigest()


def _built(name: str, root: Path) -> bool:
    src = source_of(name, root)
    stem = src.parent / "__init__" if src.name == "__init__.py" else src.with_suffix("")
    return any(stem.with_name(stem.name + suffix).exists() for suffix in importlib.machinery.EXTENSION_SUFFIXES)


def status() -> tuple[bool, str]:
    """(whether the compiled modules are to be used, why not when they are not)."""
    if os.environ.get("PROV_PURE_PYTHON"):
        return False, "PROV_PURE_PYTHON is set"
    return build_status()


def build_status(root: Path = ROOT) -> tuple[bool, str]:
    """(whether there is a build of the listed modules matching their sources, what is wrong when not)."""
    try:
        names = module_names(root)
        if not all(_built(n, root) for n in names):
            return False, "not compiled (no mypyc build)"
        recorded = (root / DIGEST).read_text(encoding="utf-8").strip()
        if recorded != digest(root):
            return False, "sources changed since the build (run `make install` to rebuild)"
    except OSError as exc:
        return False, f"cannot check the build ({exc.strerror or exc})"
    return True, ""


class _SourceFinder:
    """A meta-path finder that loads the listed modules from their .py files."""

    def __init__(self, names: list[str]):
        self.paths = {f"{PACKAGE}.{n}": source_of(n) for n in names}

    def find_spec(self, fullname, path=None, target=None):
        src = self.paths.get(fullname)
        if src is None:
            return None
        package_dir = [str(src.parent)] if src.name == "__init__.py" else None
        return importlib.util.spec_from_file_location(fullname, src, submodule_search_locations=package_dir)


ACTIVE = False  # set by install(): the compiled modules are the ones imported
REASON = "not checked"


def install() -> None:
    """Decide, once and before any listed module is imported, which of the two gets imported."""
    global ACTIVE, REASON
    if REASON != "not checked":
        return
    ACTIVE, REASON = status()
    if not ACTIVE:
        try:
            names = module_names()
        except OSError:
            return  # no listing: nothing was compiled either
        sys.meta_path.insert(0, _SourceFinder(names))
