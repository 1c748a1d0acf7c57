"""prov: a source-provenance tracker for news.

Read scraped articles, clean them, map who cites whom, store the citation chains, and trace a story.
"""

from . import compiled as _compiled

_compiled.install()  # before any compiled module loads: the build, or the .py files when it is missing or stale

__version__ = "0.1.0"
