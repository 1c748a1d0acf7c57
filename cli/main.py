"""The ``prov`` command: parse, call one library function, render, map errors to exit codes."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from provenance.errors import ProvenanceError
from provenance.escape import terminal as safe


def safe_line(text: str) -> str:
    """An error for the terminal: no escape sequences, and one line whatever the input's name holds."""
    return " ".join(safe(text).splitlines())


def run(fn, *args, **kwargs):
    """Call a library function; a ProvenanceError becomes a one-line ``Error: …`` and exit code 1."""
    try:
        return fn(*args, **kwargs)
    except ProvenanceError as exc:
        raise click.ClickException(safe_line(str(exc))) from None


def db_option(f):
    return click.option(
        "--db",
        envvar="PROV_DB",
        default=None,
        metavar="PATH|URL",
        help="Database: a SQLite path or a SQLAlchemy URL (env PROV_DB; default prov.db).",
    )(f)


def output_option(f):
    return click.option(
        "--output",
        "-o",
        metavar="FILE",
        default=None,
        help="Write to FILE (atomically; a symlink there is replaced, not followed) instead of standard output.",
    )(f)


def _db(ctx: click.Context, db: str | None) -> str | None:
    return db or ctx.obj.get("db")


def _echo_lines(lines) -> None:
    for line in lines:
        click.echo(line)


def _emit(text: str, output: str | None) -> None:
    if output:
        from provenance.outfile import write_atomic

        run(write_atomic, output, text if text.endswith("\n") else text + "\n")
    else:
        click.echo(safe(text))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@db_option
@click.version_option(package_name="prov-tracker")
@click.pass_context
def main(ctx: click.Context, db: str | None):
    """prov: where did this claim come from, and through how many hands did it pass?

    \b
    Example:
      prov ingest fixtures/ && prov trace "Kazakhstan"
    """
    ctx.ensure_object(dict)
    ctx.obj["db"] = db


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--outlet", help="The outlet that published these articles (overrides what the text says).")
@click.option("--url", help="The URL the article was fetched from.")
@click.option("--lang", "language", help="Language code (id, en, …), overriding detection.")
@click.option("--rules", multiple=True, type=click.Path(exists=True, dir_okay=False), help="Extra boilerplate rules (TOML).")
@click.option("--outlets", multiple=True, type=click.Path(exists=True, dir_okay=False), help="Extra outlet registry entries (TOML).")
@click.option("--url-filter", metavar="REGEX", help="WARC input: only records whose URL matches this regular expression.")
@click.option("--since", metavar="YYYY-MM-DD", help="WARC input: only records crawled on or after this date.")
@click.option("--until", metavar="YYYY-MM-DD", help="WARC input: only records crawled on or before this date.")
@click.option("--dask", "scheduler", metavar="ADDRESS", help="Clean, map and write on the Dask cluster at ADDRESS (tcp://host:8786).")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=1, show_default=True,
              help="Processes that clean and map articles (0: one per core); one writer stores them.")
@click.option("--batch", type=click.IntRange(min=1), default=100, show_default=True,
              help="Articles per transaction (1: commit each article on its own).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar (it shows only when standard error is a terminal).")
@db_option
@click.pass_context
def ingest(ctx, paths, outlet, url, language, rules, outlets, url_filter, since, until, scheduler, jobs, batch, quiet, db):
    """Read articles (files, folders recursively, WARC crawls, or - for standard input) into the database.

    \b
    Example:
      prov ingest fixtures/
      3 added, 0 skipped (already stored), 0 failed
      prov ingest --jobs 2 archive/
      prov ingest crawl.warc.gz --url-filter /2025/11/ --since 2025-11-01
      prov --db postgresql+psycopg://prov@dbhost/prov ingest --dask tcp://scheduler:8786 crawls/*.warc.gz
    """
    from provenance.ingest import IngestOptions
    from provenance.ingest import ingest as do_ingest

    from .progress import Progress

    opts = IngestOptions(
        list(paths), outlet, url, language, [Path(r) for r in rules], [Path(o) for o in outlets], url_filter, since, until,
        jobs=jobs, batch=batch,
    )
    if scheduler:
        from provenance.distributed import ingest_dask

        summary = run(ingest_dask, _db(ctx, db), opts, scheduler)
    else:
        with Progress(enabled=not quiet and sys.stderr.isatty(), label="ingest") as progress:
            summary = run(do_ingest, _db(ctx, db), opts, progress=progress)
    for err in summary.errors:
        click.echo(safe_line(f"Error: {err}"), err=True)
    click.echo(summary.line())
    if summary.fatal or (summary.failed and not (summary.added or summary.skipped)):
        ctx.exit(1)


@main.command()
@click.argument("file", type=click.Path(allow_dash=True))
@click.option("--explain", is_flag=True, help="Show each removed piece with the rule that removed it.")
@click.option("--rules", multiple=True, type=click.Path(exists=True, dir_okay=False), help="Extra boilerplate rules (TOML).")
def clean(file, explain, rules):
    """Print the cleaned body of one article (text or HTML); touches no database.

    \b
    Example:
      prov clean fixtures/001_df55bbc3ed6d7cea.txt --explain
    """
    from provenance.api import clean_file

    cleaned = run(clean_file, file, [Path(r) for r in rules])
    click.echo(safe(cleaned.body))
    if explain:
        click.echo("\n--- removed ---", err=False)
        for r in cleaned.removed:
            where = f"line {r.line + 1}: " if r.line is not None else ""
            click.echo(safe(f"[{r.rule}] {where}{r.text}"))


@main.command()
@click.option("--format", "fmt", default="jsonl", show_default=True, help="Export format (jsonl).")
@output_option
@db_option
@click.pass_context
def export(ctx, fmt, output, db):
    """Write every stored article as one JSON object per line (the export contract).

    \b
    Example:
      prov export --format jsonl --output articles.jsonl
    """
    from provenance.escape import json_line
    from provenance.export import export_lines

    lines = (json_line(line) for line in run(export_lines, _db(ctx, db), fmt))  # streamed, a chunk at a time
    if output:
        from provenance.outfile import write_atomic

        run(write_atomic, output, (line + "\n" for line in lines))
    else:
        run(_echo_lines, lines)


def format_option(choices, default):
    return click.option(
        "--format", "fmt", type=click.Choice(choices), default=default, show_default=True, help="Output format."
    )


def story_options(f):
    """--since, --until, --outlet: which matched articles make the story."""
    f = click.option("--outlet", help="Only articles published by this outlet (name or alias).")(f)
    f = click.option("--until", metavar="YYYY-MM-DD", help="Only articles published on or before this date.")(f)
    return click.option("--since", metavar="YYYY-MM-DD", help="Only articles published on or after this date.")(f)


@main.command()
@click.argument("query")
@story_options
@format_option(["md", "json", "dot", "prov-json"], "md")
@output_option
@db_option
@click.pass_context
def trace(ctx, query, since, until, outlet, fmt, output, db):
    """Report the citation chains, claims and copies behind the articles matching QUERY.

    QUERY is full-text searched in titles and bodies (every word must occur).

    \b
    Example:
      prov trace "Kazakhstan" --output report.md
      prov trace "Kazakhstan" --since 2025-11-01 --format dot | dot -Tsvg > story.svg
    """
    from provenance.trace import TraceOptions, render
    from provenance.trace import trace as do_trace

    report = run(do_trace, _db(ctx, db), TraceOptions(query, since, until, outlet))
    _emit(run(render, report, fmt), output)


@main.command()
@click.argument("query")
@story_options
@format_option(["tsv", "csv"], "tsv")
@output_option
@db_option
@click.pass_context
def audit(ctx, query, since, until, outlet, fmt, output, db):
    """Print the hop table of the story matching QUERY: per claim and article, the hops and the origin.

    \b
    Example:
      prov audit "Kazakhstan" --format csv > hops.csv
    """
    from provenance.trace import TraceOptions, render_audit
    from provenance.trace import trace as do_trace

    report = run(do_trace, _db(ctx, db), TraceOptions(query, since, until, outlet))
    _emit(render_audit(report, fmt), output)


@main.command()
@db_option
@click.pass_context
def outlets(ctx, db):
    """List the outlets and sources seen, with how often they cite and are cited.

    \b
    Example:
      prov outlets
    """
    from provenance.stats import source_stats

    rows = run(source_stats, _db(ctx, db))
    if not rows:
        click.echo("No sources stored yet — run `prov ingest PATH` first.")
        return
    width = max(len(r.name) for r in rows)
    click.echo(f"{'source':<{width}}  {'kind':<11} articles  cites  cited  quoted")
    for r in rows:
        name = r.name + ("" if r.resolved else " ?")
        click.echo(safe(f"{name:<{width}}  {r.kind:<11} {r.articles:>8}  {r.cites:>5}  {r.cited:>5}  {r.quoted:>6}"))


@main.group(name="db")
def db_group():
    """Look after the database itself.

    \b
    Example:
      prov db upgrade
    """


@db_group.command()
@db_option
@click.pass_context
def upgrade(ctx, db):
    """Bring a database made by an older prov to this prov's schema, in place (or create an empty one).

    \b
    Example:
      prov --db postgresql+psycopg://prov@dbhost/prov db upgrade
      schema 0001 -> 0003
    """
    from provenance.db import upgrade as do_upgrade

    before, after = run(do_upgrade, _db(ctx.find_root(), db))
    if before == after:
        click.echo(f"schema {after} (already current)")
    else:
        click.echo(f"schema {before or 'empty'} -> {after}")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
