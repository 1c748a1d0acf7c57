"""prov: a source-provenance tracker for news.

Read scraped articles, clean them, map who cites whom, store the citation chains, and trace a story.
"""

__version__ = "0.1.0"
