"""A progress bar on standard error for long commands; the library only calls ``progress(done, total)``."""

from __future__ import annotations

import sys

import click


class Progress:
    """Callable as ``progress(done, total)``; draws a bar only when ``enabled`` (a terminal, not --quiet)."""

    def __init__(self, *, enabled: bool, label: str = ""):
        self.enabled = enabled
        self.label = label
        self._bar = None

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled:
            return
        if self._bar is None:
            self._bar = click.progressbar(length=total, label=self.label, file=sys.stderr, show_pos=True, show_eta=True)
            self._bar.__enter__()
        self._bar.update(done - self._bar.pos)

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc) -> None:
        if self._bar is not None:
            self._bar.__exit__(*exc)
            self._bar = None
