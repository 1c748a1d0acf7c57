"""Write a report or an export to the path the user gave, whole or not at all.

The text goes to a temporary file in the same folder, is flushed to disk, and is renamed over the target, so
a crash or a full disk never leaves half a report, and a reader sees the old file or the new one.

A symlink planted at the output path is *replaced* by the new file, never followed: the rename swaps the
link itself, so prov writes exactly the path it was given and nothing the link points to.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .errors import OutputError


def write_atomic(path: str | Path, text: str | Iterable[str]) -> None:
    """Write ``text`` (UTF-8; a string or an iterable of pieces, written as they come) to ``path`` atomically;
    raise OutputError naming the path when it cannot."""
    target = Path(path)
    if not str(path) or target.name in ("", ".", ".."):
        raise OutputError(f"{path}: not a file name")
    folder = target.parent
    if not folder.is_dir():
        raise OutputError(f"{path}: folder {folder} does not exist")
    if target.is_dir() and not target.is_symlink():
        raise OutputError(f"{path}: is a folder; give a file name")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror})") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            if isinstance(text, str):
                f.write(text)
            else:
                f.writelines(text)
            f.flush()
            os.fsync(f.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; a report is an ordinary file
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from None
    except BaseException:  # the pieces' producer failed (a database error mid-export): no half file, no temp
        Path(tmp).unlink(missing_ok=True)
        raise
