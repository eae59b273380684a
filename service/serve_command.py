"""``kg serve``: build the graph if asked (or if there is none yet), then serve it with gunicorn.

Each gunicorn worker opens the store read-only and loads its own engine (model, names, cached vectors)
before it accepts connections, so no request meets a cold worker. The app is not preloaded in the
master process: RocksDB handles, torch's thread pools and the SPARQL worker processes do not survive
``fork`` safely, and with the vector cache a worker's engine loads in seconds. For the same reason the
build (when there is no store yet, or when asked) runs in a spawned child: RocksDB's background threads,
started in the master, would be missing from the forked workers, whose first write would then wait
forever for a flush.

What is safe to do once before forking is done once. The master imports the embedding model's libraries
(sentence-transformers, torch, transformers: the largest part of a worker's start on a restart), only
imports them: no weights, no forward pass, so no torch thread pool exists to be lost in the fork. The
workers share those pages, frozen out of the garbage collector's reach so that collecting does not copy
them. Meanwhile a spawned child reads the graph's catalog into the cache directory (seconds on a large
graph, once per store content), so no worker reads the store for it or waits for another to.

With ``--allow-update`` no worker holds the store open for writing either: each write opens it for that
write only, under the store directory's lock, and the other workers reopen their read-only handles
before their next read (see :mod:`kg.sharing`). So updates work with the default two workers, or more,
and every worker sees a write at once; no writer process or write forwarding is needed.
"""

from __future__ import annotations

import concurrent.futures
import gc
import multiprocessing
import os
import shutil
import tempfile
import time
from pathlib import Path

import click

from kg.build import BuildSummary, build
from service.cli import cache_dir_option, docs_option, rdf_option, store_options, target


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (0.0.0.0 for all).")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on.")
@click.option("--workers", default=2, show_default=True, type=int, help="gunicorn worker processes.")
@click.option("--threads", default=4, show_default=True, type=int, help="Threads per worker.")
@docs_option("Build the store from these Markdown documents first (replaces the bundled ones).")
@rdf_option("Build the store with these RDF files too (Turtle, N-Triples, N-Quads, RDF/XML, JSON-LD).")
@click.option("--rebuild", is_flag=True, help="Rebuild the store from the bundled documents before serving.")
@click.option(
    "--allow-update",
    is_flag=True,
    help="Accept SPARQL Update and Graph Store writes that carry the bearer token KG_ADMIN_TOKEN.",
)
@cache_dir_option("Where embedding vectors and the graph catalog are kept (env KG_CACHE_DIR).")
@click.option(
    "--query-timeout", type=float, envvar="KG_QUERY_TIMEOUT", help="Seconds before a SPARQL query is stopped."
)
@click.option("--reload", is_flag=True, help="Development: Flask's server, restarting when code changes.")
@store_options
@click.pass_context
def serve_command(ctx, host, port, workers, threads, docs, rdf_files, rebuild, allow_update, cache_dir,
                  query_timeout, reload, store_dir, endpoint):  # fmt: skip
    """Serve the ask API, /sparql, the web page, chat and metrics over the graph."""
    store_dir, endpoint = target(ctx)
    if docs or rdf_files or rebuild or (endpoint is None and not (Path(store_dir) / "CURRENT").is_file()):
        summary = _build_in_child(list(docs) or None, list(rdf_files), None if endpoint else store_dir, endpoint)
        click.echo(f"built {summary.documents} documents, {summary.concepts} concepts, "
                   f"{summary.triples} triples in {summary.seconds:.1f}s", err=True)  # fmt: skip
    # Each worker loads its engine before it accepts a connection, so no request meets a cold worker.
    env = {
        "KG_CACHE_DIR": str(Path(cache_dir).resolve()),
        "KG_ENGINE_LOAD": os.environ.get("KG_ENGINE_LOAD", "eager"),
        # Workers and their threads already use every core; torch's intra-op threads would only contend.
        "KG_TORCH_THREADS": os.environ.get("KG_TORCH_THREADS", "1"),
    }
    if endpoint:
        env["KG_ENDPOINT"] = endpoint
    else:
        env["KG_STORE"] = str(Path(store_dir).resolve())
    if allow_update:
        env["KG_ALLOW_UPDATE"] = "true"
        if not os.environ.get("KG_ADMIN_TOKEN"):
            click.echo("warning: --allow-update without KG_ADMIN_TOKEN: every write will be refused", err=True)
    if query_timeout:
        env["KG_QUERY_TIMEOUT"] = str(query_timeout)
    os.environ.update(env)
    if reload:
        from service.app import create_app

        create_app().run(host=host, port=port, debug=True, use_reloader=True, threaded=True)
        return
    _run_gunicorn(
        host, port, workers, threads, None if endpoint else Path(store_dir).resolve(), Path(cache_dir).resolve()
    )


def _prepare_workers(store_dir: Path | None, cache_dir: Path) -> None:
    """Before forking: cache the catalog of the store in a spawned child while this process imports the
    model's libraries (see the module notes). A catalog that cannot be read here is left to the workers,
    which report the failure as they always have (``/readyz`` says why)."""
    from kg.embeddings import import_libraries

    context = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(1, mp_context=context) as pool:
        catalog = pool.submit(_cache_catalog, store_dir, cache_dir) if store_dir is not None else None
        started = time.perf_counter()
        try:
            import_libraries()
            import kg.qa  # noqa: F401  (the engine's own modules: rdflib, numpy, ...)
        except ImportError as exc:  # each worker will fail to load its engine and say why on /readyz
            click.echo(f"warning: cannot import the model's libraries: {exc}", err=True)
        else:
            click.echo(f"model libraries imported in {time.perf_counter() - started:.1f}s", err=True)
        # What is imported now lives as long as the processes: keep the workers' garbage collector off it, so
        # collecting never writes to (and so copies) the pages they share (the gc module's advice for fork).
        gc.collect()
        gc.freeze()
        if catalog is not None:
            try:
                made, seconds = catalog.result()
            except Exception as exc:  # the workers meet the same problem and report it
                click.echo(f"warning: the graph's catalog was not cached before starting: {exc}", err=True)
            else:
                if made:
                    click.echo(f"graph catalog read and cached in {seconds:.1f}s", err=True)


def _cache_catalog(store_dir: Path, cache_dir: Path) -> tuple[bool | None, float]:
    """Make sure the catalog cache file of the store exists (run in a spawned child); return
    :func:`kg.catalog.prepare_cache`'s answer and the seconds it took."""
    from kg.catalog import prepare_cache
    from kg.store import open_store

    started = time.perf_counter()
    store = open_store(store_dir, read_only=True)
    try:
        made = prepare_cache(store, cache_dir)
    finally:
        store.close()
    return made, time.perf_counter() - started


def _build_in_child(docs, rdf_files, store_path, endpoint) -> BuildSummary:
    """Build in a fresh child process, so this one (gunicorn's master, which forks the workers) never
    starts RocksDB: its background threads do not survive ``fork``, and a worker's first write would wait
    forever for a flush by a thread that is not there."""
    context = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(1, mp_context=context) as pool:
        return pool.submit(build, docs, rdf_files, store_path=store_path, endpoint=endpoint).result()


def _run_gunicorn(host: str, port: int, workers: int, threads: int, store_dir: Path | None, cache_dir: Path) -> None:
    """Prepare what the workers share, then run gunicorn in this process with the app factory; /metrics sums
    all workers."""
    from gunicorn.app.base import BaseApplication

    metrics_dir = tempfile.mkdtemp(prefix="kg-metrics-")
    # Set before anything is imported here: prometheus_client picks its multiprocess mode when imported.
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = metrics_dir

    class Application(BaseApplication):
        def load_config(self):
            for key, value in {
                "bind": f"{host}:{port}", "workers": workers, "threads": threads,
                "worker_class": "gthread", "timeout": 120, "graceful_timeout": 20, "accesslog": None,
                # Clients and proxies reuse connections for longer than gunicorn's 2 s default; a
                # connection closed under a client's next request is an error it sees.
                "keepalive": 75, "backlog": 2048,
                # SPARQL by GET puts the query in the URL: accept the longest request line gunicorn can.
                "limit_request_line": 8190,
            }.items():  # fmt: skip
                self.cfg.set(key, value)

        def load(self):
            from service.app import create_app

            return create_app()

    try:
        _prepare_workers(store_dir, cache_dir)
        Application().run()
    finally:
        shutil.rmtree(metrics_dir, ignore_errors=True)
