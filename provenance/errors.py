"""The exception tree of prov. Catch :class:`ProvenanceError` to handle every domain error.

    ProvenanceError              -- base: the CLI prints ``Error: <message>`` and exits 1
    ├── InputError               -- an input cannot be read as an article (missing, binary, empty, too large …)
    ├── RuleError                -- a rule, cue or registry data file is malformed
    ├── DatabaseError            -- the database cannot be opened, created or written
    ├── QueryError               -- a query or an option cannot be answered (unknown format, bad date …)
    └── OutputError              -- a report or export cannot be written to the path given

Each message names the thing at fault and, where there is one, what to do next.
"""


class ProvenanceError(Exception):
    """Base class of every error prov raises on purpose."""


class InputError(ProvenanceError):
    """An input file or stream cannot be read as an article."""

    def __init__(self, source: str, problem: str):
        self.source = source
        self.problem = problem
        super().__init__(f"{source}: {problem}")

    def __reduce__(self):
        # Parallel ingest sends a failed read between processes; the default pickling would call
        # InputError(message) and fail in the worker.
        return (type(self), (self.source, self.problem))


class RuleError(ProvenanceError):
    """A packaged or user-supplied rule, cue or registry file is malformed."""


class DatabaseError(ProvenanceError):
    """The database cannot be opened, created, migrated or written."""


class QueryError(ProvenanceError):
    """A query or an option cannot be answered as given."""


class OutputError(ProvenanceError):
    """A report or export cannot be written to the path the user gave."""
