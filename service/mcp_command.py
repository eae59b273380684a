"""Run ``kg mcp``: serve a graph to AI assistants over MCP, on stdio or streamable HTTP.

A thin wrapper over :mod:`service.mcp_server`: open the graph (a built store, a SPARQL endpoint, or
documents and RDF files built in memory), then serve. Over stdio, stdout belongs to the protocol, so
everything this command says goes to stderr.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from pathlib import Path

import click

from kg.api import KnowledgeGraph
from kg.sparql import DEFAULT_TIMEOUT, SparqlExecutor
from service.cli import cache_dir_option, docs_option, open_target, rdf_option, store_options

#: Rows a ``sparql`` tool result may hold: results land in a model's context, so fewer than /sparql's cap.
DEFAULT_MCP_ROW_CAP = 1000


@click.command("mcp")
@docs_option("Build a graph in memory from this Markdown document or directory instead of opening a store; "
             "repeat for more.", exists=True)  # fmt: skip
@rdf_option("Build a graph in memory with this RDF file (with the bundled documents unless --docs is given); "
            "repeat for more.", exists=True, dir_okay=False)  # fmt: skip
@click.option(
    "--transport",
    type=click.Choice(["stdio", "http"]),
    default="stdio",
    show_default=True,
    help="stdio for a client that starts this command; http for streamable HTTP at http://HOST:PORT/mcp.",
)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (http transport).")
@click.option("--port", default=8765, show_default=True, type=click.IntRange(1, 65535), help="Port (http).")
@cache_dir_option("Directory for cached embedding vectors, so the next start skips re-embedding (env KG_CACHE_DIR).",
                  default=None)  # fmt: skip
@click.option(
    "--query-timeout",
    type=click.FloatRange(min=0.1),
    default=DEFAULT_TIMEOUT,
    show_default=True,
    envvar="KG_QUERY_TIMEOUT",
    help="Seconds after which a sparql tool query is stopped (env KG_QUERY_TIMEOUT).",
)
@click.option(
    "--row-cap",
    type=click.IntRange(min=1),
    default=DEFAULT_MCP_ROW_CAP,
    show_default=True,
    help="Rows (or triples) after which a sparql tool result is cut.",
)
@store_options
@click.pass_context
def mcp_command(
    ctx: click.Context,
    docs: Sequence[Path],
    rdf_files: Sequence[Path],
    transport: str,
    host: str,
    port: int,
    cache_dir: Path | None,
    query_timeout: float,
    row_cap: int,
    store_dir: Path | None,
    endpoint: str | None,
) -> None:
    """Serve the graph over MCP with tools ask, sparql, search_entities and describe_entity.

    The graph is the store (--store, default var/store), a SPARQL endpoint (--endpoint), or, with --docs
    or --rdf, documents and RDF files built in memory. All tools are read-only.
    """
    from service.mcp_server import GraphTools, build_server  # the SDK loads only when serving

    from_line = click.core.ParameterSource.COMMANDLINE
    if (docs or rdf_files) and from_line in (
        ctx.get_parameter_source("store_dir"),
        ctx.get_parameter_source("endpoint"),
    ):
        raise click.UsageError("give --docs/--rdf or --store/--endpoint, not both")
    with contextlib.ExitStack() as stack:
        if docs or rdf_files:
            graph = KnowledgeGraph.open(docs=list(docs) or None, rdf=list(rdf_files), cache_dir=cache_dir)
        else:
            graph = KnowledgeGraph(stack.enter_context(open_target(ctx)), cache_dir=cache_dir)
        executor = SparqlExecutor(graph.store, timeout=query_timeout, row_cap=row_cap, workers=2)
        stack.callback(executor.close)
        tools = GraphTools(graph, executor)
        tools.warm_up()
        server = build_server(tools)
        if transport == "stdio":
            server.run("stdio")
        else:
            click.echo(f"MCP over streamable HTTP at http://{host}:{port}/mcp", err=True)
            server.run("streamable-http", host=host, port=port)
