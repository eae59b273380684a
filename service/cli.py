"""Run the ``kg`` command line: build the graph, query it, describe it.

Commands are thin wrappers over ``kg`` library functions. Errors that users cause (bad input, a store
that is missing or unreachable, a malformed query) print one line ``error: ...`` and exit with 1.

To add a command in its own module (``ask``, ``eval``, ``serve``, ``mcp``): write a click command
there, decorated with :func:`store_options` and using ``with open_target(ctx) as store`` if it reads
the graph, and add one line to :data:`COMMAND_MODULES`. The module is imported only when its command
runs, so ``kg build`` never pays for loading a model or Flask.
"""

from __future__ import annotations

import csv
import importlib
import io
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import NamespaceManager
from rdflib.query import Result

from kg.build import BuildError, build, store_stats
from kg.rdfio import RDFLoadError
from kg.sparql import star_order, syntax_error
from kg.store import KGStore, StoreError, open_store

#: Where the embedded store lives unless ``--store`` or ``KG_STORE`` says otherwise.
DEFAULT_STORE = Path("var/store")

#: Commands defined in other modules: name -> "module:attribute". Add new command modules here.
COMMAND_MODULES: dict[str, str] = {
    "ask": "service.qa_commands:ask_command",
    "eval": "service.qa_commands:eval_command",
    "mcp": "service.mcp_command:mcp_command",
    "serve": "service.serve_command:serve_command",
}

#: Errors users cause; anything else is a bug and keeps its traceback.
USER_ERRORS: tuple[type[BaseException], ...] = (BuildError, RDFLoadError, StoreError, OSError)

F = TypeVar("F", bound=Callable[..., Any])


class CLIError(click.ClickException):
    """An error to show as the single line ``error: <message>`` on stderr."""

    def show(self, file: Any = None) -> None:
        """Print the one-line message."""
        click.echo(f"error: {self.format_message()}", err=True)


class KGGroup(click.Group):
    """A command group that loads commands from other modules on demand and shows errors in one line."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        """List built-in and module commands together."""
        return sorted({*super().list_commands(ctx), *COMMAND_MODULES})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """Return a built-in command, or import the module that defines it."""
        if cmd_name in COMMAND_MODULES and cmd_name not in self.commands:
            module_name, attribute = COMMAND_MODULES[cmd_name].split(":")
            self.add_command(getattr(importlib.import_module(module_name), attribute), cmd_name)
        return super().get_command(ctx, cmd_name)

    def invoke(self, ctx: click.Context) -> Any:
        """Run the command, turning user errors into one line instead of a traceback."""
        try:
            return super().invoke(ctx)
        except USER_ERRORS as exc:
            raise CLIError(one_line(exc)) from exc


def one_line(exc: BaseException) -> str:
    """Render an exception as one line, whatever its message looks like."""
    return " ".join(str(exc).split()) or type(exc).__name__


@click.group(cls=KGGroup)
@click.version_option(package_name="kgqa", message="%(prog)s %(version)s")
def main() -> None:
    """Build and query a knowledge graph made from Markdown documents and RDF files."""


# -- shared options ---------------------------------------------------------------------------------
def docs_option(help: str, **extra):
    """``--docs PATH`` (repeatable, into ``docs``): each command says in ``help`` what it does with them."""
    return click.option("--docs", "docs", multiple=True, metavar="PATH", type=click.Path(path_type=Path, **extra),
                        help=help)  # fmt: skip


def rdf_option(help: str, **extra):
    """``--rdf FILE`` (repeatable, into ``rdf_files``): RDF in any format rdfio reads, told apart by extension."""
    return click.option("--rdf", "rdf_files", multiple=True, metavar="FILE", type=click.Path(path_type=Path, **extra),
                        help=help)  # fmt: skip


def cache_dir_option(help: str, default: Path | None = Path("var/cache")):
    """``--cache-dir DIR`` (env ``KG_CACHE_DIR``): where embedding vectors are kept between runs."""
    return click.option("--cache-dir", metavar="DIR", type=click.Path(path_type=Path, file_okay=False),
                        envvar="KG_CACHE_DIR", default=default, show_default=default is not None,
                        help=help)  # fmt: skip


def store_options(func: F) -> F:
    """Add ``--store DIR`` and ``--endpoint URL`` to a command (read them with :func:`open_target`)."""
    func = click.option(
        "--endpoint",
        metavar="URL",
        envvar="KG_ENDPOINT",
        help="SPARQL 1.1 query endpoint of a remote store, e.g. http://localhost:7878/query "
        "(env KG_ENDPOINT). Its update endpoint is the same URL ending in /update.",
    )(func)
    func = click.option(
        "--store",
        "store_dir",
        metavar="DIR",
        type=click.Path(path_type=Path, file_okay=False),
        envvar="KG_STORE",
        help=f"Directory of the embedded store (env KG_STORE; default {DEFAULT_STORE}).",
    )(func)
    return func


def target(ctx: click.Context) -> tuple[Path | None, str | None]:
    """Return ``(store_dir, endpoint)`` with exactly one set; the command line beats the environment."""
    store_dir, endpoint = ctx.params.get("store_dir"), ctx.params.get("endpoint")
    if store_dir is not None and endpoint:
        from_line = click.core.ParameterSource.COMMANDLINE
        store_on_line = ctx.get_parameter_source("store_dir") == from_line
        endpoint_on_line = ctx.get_parameter_source("endpoint") == from_line
        if store_on_line == endpoint_on_line:
            raise click.UsageError("give --store or --endpoint, not both")
        if store_on_line:
            endpoint = None
    if endpoint:
        return None, endpoint
    return store_dir or DEFAULT_STORE, None


@contextmanager
def open_target(ctx: click.Context) -> Iterator[KGStore]:
    """Open, read-only, the existing store named by the command's ``--store``/``--endpoint`` options."""
    store_dir, endpoint = target(ctx)
    if endpoint:
        store = open_store(endpoint=endpoint)
    else:
        assert store_dir is not None
        if not (store_dir / "CURRENT").is_file():
            raise StoreError(f"no store at {store_dir}: run `kg build` first")
        # Read-only: no lock taken, so this works while a server or a build has the store open.
        store = open_store(store_dir, read_only=True)
    try:
        yield store
    finally:
        # KGStore.close() flushes, which a read-only Oxigraph store refuses; it holds nothing to release.
        if store.kind == "remote":
            store.close()


def describe_target(ctx: click.Context) -> str:
    """Name the store the options point at, for messages."""
    store_dir, endpoint = target(ctx)
    return endpoint or str(store_dir)


# -- kg build ---------------------------------------------------------------------------------------
@main.command("build")
@docs_option("A Markdown document, or a directory of them (*.md); repeat for more. Replaces the bundled "
             "documents (data/docs).")  # fmt: skip
@click.option("--no-docs", is_flag=True, help="Load no documents: only the ontology and --rdf files.")
@rdf_option("An RDF file to load beside the documents (Turtle, N-Triples, N-Quads, TriG, RDF/XML, JSON-LD, "
            "told apart by extension); repeat for more.")  # fmt: skip
@click.option(
    "--curated",
    "curated_files",
    multiple=True,
    type=click.Path(path_type=Path),
    help="A Turtle file of hand-written facts about a document's figures, naming that document (kgo:Document "
    "with kgo:fileName); loaded only when that document is in the build. Repeat for more.",
)
@click.option(
    "--report",
    is_flag=True,
    help="Print, per document, the sentences read, the facts by extraction rule and the sentences that gave no fact.",
)
@store_options
@click.pass_context
def build_command(
    ctx: click.Context,
    docs: Sequence[Path],
    no_docs: bool,
    rdf_files: Sequence[Path],
    curated_files: Sequence[Path],
    report: bool,
    store_dir: Path | None,
    endpoint: str | None,
) -> None:
    """Build the graph from documents and RDF files, replacing the store.

    All input is read and checked before the store is touched, so bad input loses nothing.
    """
    if docs and no_docs:
        raise click.UsageError("give --docs or --no-docs, not both")
    doc_paths: list[Path] | None = [] if no_docs else (list(docs) or None)
    store_path, url = target(ctx)
    summary = build(doc_paths, list(rdf_files), store_path=store_path, endpoint=url, curated=list(curated_files))
    click.echo(f"Built {describe_target(ctx)}")
    click.echo(f"  documents  {summary.documents}")
    click.echo(f"  concepts   {summary.concepts}")
    click.echo(f"  triples    {summary.triples}")
    click.echo(f"  graphs     {summary.graphs}")
    click.echo(f"  time       {summary.seconds:.1f} s")
    for document in summary.reports:
        if report:
            click.echo(document.render())
        elif document.sentences and not document.facts:
            click.echo(f"warning: {document.document}: no facts extracted (see kg build --report)", err=True)


# -- kg sparql --------------------------------------------------------------------------------------
@main.command("sparql")
@click.argument("query", required=False)
@click.option(
    "--file",
    "query_file",
    type=click.File("r", encoding="utf-8"),
    help="Read the query from this file ('-' for stdin) instead of the QUERY argument.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["json", "csv", "table", "turtle"]),
    help="Output format: json (SPARQL results JSON, or JSON-LD for graphs), csv, table, or turtle "
    "(CONSTRUCT/DESCRIBE). Default: table for SELECT/ASK, turtle for CONSTRUCT/DESCRIBE.",
)
@store_options
@click.pass_context
def sparql_command(
    ctx: click.Context,
    query: str | None,
    query_file: io.TextIOBase | None,
    output_format: str | None,
    store_dir: Path | None,
    endpoint: str | None,
) -> None:
    """Run a SPARQL query over all graphs and print the results.

    The default graph is the union of all named graphs, so queries need no GRAPH clause.
    """
    if (query is None) == (query_file is None):
        raise click.UsageError("give a QUERY or --file, not both or neither")
    text = query if query is not None else query_file.read()
    with open_target(ctx) as store:
        try:
            result = store.query(text)
        except SyntaxError as exc:  # pyoxigraph's parser: said in words, with line, column and a hint
            raise CLIError(f"invalid SPARQL query: {syntax_error(str(exc), text).message}") from exc
        if not isinstance(result, Result):
            # rdflib's remote store returns (status, reason, None) instead of raising on HTTP errors.
            raise CLIError(f"{store.location} rejected the query: {result[1]}")
        order = star_order(text)
        if order and result.vars:  # SELECT *: the columns in the query's order, as /sparql gives them
            _ = result.bindings  # read the rows first: oxrdflib names each row's values by ``vars`` as it reads
            rank = {name: place for place, name in enumerate(order)}
            result.vars = sorted(result.vars, key=lambda var: rank.get(str(var), len(rank)))
        click.echo(format_result(result, output_format, store.dataset.namespace_manager), nl=False)


def format_result(result: Result, output_format: str | None, names: NamespaceManager) -> str:
    """Render a query result in ``output_format`` (``None`` picks table or turtle by result type)."""
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        output_format = output_format or "turtle"
        for prefix, namespace in names.namespaces():
            result.graph.bind(prefix, namespace, override=True)
        if output_format == "turtle":
            return result.graph.serialize(format="turtle")
        if output_format == "json":
            return result.graph.serialize(format="json-ld") + "\n"
        raise CLIError(f"--format {output_format} is for SELECT and ASK; use turtle or json for graphs")
    output_format = output_format or "table"
    if output_format == "turtle":
        raise CLIError("--format turtle is for CONSTRUCT and DESCRIBE; use table, csv or json")
    if output_format == "json":
        return json.dumps(json.loads(result.serialize(format="json")), indent=2) + "\n"
    if result.type == "ASK":
        return ("true" if result.askAnswer else "false") + "\n"
    header = [str(var) for var in result.vars or []]
    rows = [[cell(row[i], names, output_format) for i in range(len(header))] for row in result]
    if output_format == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
        return out.getvalue()
    return table(header, rows)


def cell(term: Any, names: NamespaceManager, output_format: str) -> str:
    """Show one value: IRIs as prefixed names in tables (full in CSV), literals by their text."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        return term.n3(names) if output_format == "table" else str(term)
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, Literal) and term.language and output_format == "table":
        return f"{term}@{term.language}"
    return str(term)


def table(header: list[str], rows: list[list[str]]) -> str:
    """Lay out rows as a plain-text table with a header rule and a row count."""
    widths = [max([len(name), *(len(row[i]) for row in rows)]) for i, name in enumerate(header)]
    lines = [
        "  ".join(name.ljust(width) for name, width in zip(header, widths, strict=True)).rstrip(),
        "  ".join("-" * width for width in widths),
    ]
    lines += ["  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip() for row in rows]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines) + "\n"


# -- kg stats ---------------------------------------------------------------------------------------
@main.command("stats")
@store_options
@click.pass_context
def stats_command(ctx: click.Context, store_dir: Path | None, endpoint: str | None) -> None:
    """Show the graphs, triples, concepts and documents in the store."""
    with open_target(ctx) as store:
        stats = store_stats(store)
    click.echo(f"Store {describe_target(ctx)}")
    width = max([len(str(name)) for name, _ in stats.graphs] or [0])
    for name, size in stats.graphs:
        click.echo(f"  {str(name).ljust(width)}  {size:>9}")
    click.echo(f"graphs     {len(stats.graphs)}")
    click.echo(f"triples    {stats.triples}")
    click.echo(f"concepts   {stats.concepts}")
    click.echo(f"documents  {stats.documents}")


if __name__ == "__main__":  # pragma: no cover - `python -m service.cli` as well as the `kg` script
    sys.exit(main())
