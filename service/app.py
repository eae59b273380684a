"""Build the web service: ``create_app(config=None)`` in the style of Flask's tutorial (flaskr).

Configuration comes, later winning, from the defaults below, ``KG_*`` environment variables
(``KG_STORE=/srv/kg``, ``KG_QUERY_TIMEOUT=5``; values are parsed as JSON where they can be) and the
``config`` mapping tests pass. The graph is opened once per process and kept, with the other expensive
state, in ``app.extensions["kg"]`` (a :class:`Services`).
"""

from __future__ import annotations

import atexit
import contextlib
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from flask import Flask

from kg.api import KnowledgeGraph
from kg.sparql import DEFAULT_ROW_CAP, DEFAULT_TIMEOUT, SparqlExecutor
from kg.store import KGStore, open_store
from service import api, concepts, metrics, openapi, pages, sparql  # all but sparql: issue 4
from service.engine import Readiness, start_engine
from service.errors import register_error_handlers


@dataclass
class Services:
    """Hold the per-process state every blueprint shares: ``current_app.extensions["kg"]``."""

    #: The graph (embedded Oxigraph or a remote SPARQL endpoint).
    store: KGStore
    #: Safe SPARQL execution (deadline, row cap, no SERVICE/LOAD); owns the query worker processes.
    sparql: SparqlExecutor
    # The question-answering engine joins here (``engine``) with its blueprint; build it in ``open``.
    # -- issue 4 (ask API, pages): the graph the engine answers over, and whether the engine has loaded --
    #: The question-answering graph over the same store (its engine loads per ``ENGINE_LOAD``).
    graph: KnowledgeGraph | None = None
    #: Whether ``graph.engine`` has loaded: ``/readyz`` and ``/api/ask`` answer 503 until it has.
    readiness: Readiness | None = field(default=None)

    @classmethod
    def open(cls, config: Mapping[str, Any]) -> Services:
        """Open the store the configuration names and build what sits on top of it."""
        allow_update = bool(config["ALLOW_UPDATE"])
        if config.get("ENDPOINT"):
            store = open_store(endpoint=str(config["ENDPOINT"]))
        elif config.get("STORE") in (None, "", ":memory:"):
            store = open_store(None)
        else:
            # Every server process (gunicorn worker) keeps a read-only handle and sees the others' writes;
            # with updates allowed, each write opens the store for writing under the directory's lock
            # (kg.sharing), so any number of workers can take updates.
            store = open_store(Path(str(config["STORE"])), shared=True, read_only=not allow_update)
        executor = SparqlExecutor(
            store,
            timeout=float(config["QUERY_TIMEOUT"]),
            row_cap=int(config["ROW_CAP"]),
            allow_update=allow_update,
            workers=int(config["QUERY_WORKERS"]),
        )
        # issue 4: build the graph over the same store; its engine (the model) loads per ENGINE_LOAD.
        graph = KnowledgeGraph(store, cache_dir=config.get("CACHE_DIR"))
        readiness = start_engine(graph, str(config.get("ENGINE_LOAD", "background")))
        return cls(store=store, sparql=executor, graph=graph, readiness=readiness)

    def close(self) -> None:
        """Stop the query workers and release the store."""
        self.sparql.close()
        with contextlib.suppress(RuntimeError):  # KGStore.close flushes; a read-only store refuses that
            self.store.close()


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Create the Flask app: defaults, then ``KG_*`` environment, then ``config``; open the graph once."""
    app = Flask(__name__, instance_relative_config=True)
    app.config.from_mapping(
        STORE=os.path.join(app.instance_path, "store"),  # a directory, or ":memory:"
        ENDPOINT=None,  # a remote SPARQL query endpoint instead of the embedded store
        ALLOW_UPDATE=False,  # SPARQL Update and Graph Store writes (also need ADMIN_TOKEN)
        ADMIN_TOKEN=None,  # the bearer token for writes; unset means nobody may write
        QUERY_TIMEOUT=DEFAULT_TIMEOUT,  # seconds before a query is stopped (503)
        ROW_CAP=DEFAULT_ROW_CAP,  # rows (or triples) after which a result is cut (X-KG-Truncated)
        QUERY_WORKERS=4,  # query worker processes per server process (embedded store)
        MAX_CONTENT_LENGTH=1024 * 1024,  # request bodies above this answer 413
        ENGINE_LOAD="background",  # issue 4: "background" (serve at once, /readyz says when) or "eager"
        CACHE_DIR=None,  # issue 4: a directory to keep the engine's vectors between starts
        ACCESS_LOG=True,  # issue 4: one JSON line per request on the kg.access logger
    )
    app.config.from_prefixed_env("KG")
    if config:
        app.config.from_mapping(config)

    services = Services.open(app.config)
    app.extensions["kg"] = services
    atexit.register(services.close)

    register_error_handlers(app)
    app.register_blueprint(sparql.bp)
    for blueprint in (api.bp, concepts.bp, pages.bp, metrics.bp, openapi.bp):  # issue 4
        app.register_blueprint(blueprint)
    from service import chat  # issue 5: OpenAI-compatible chat (/v1); move into the imports when merging

    app.register_blueprint(chat.bp)
    # More surfaces register here, one blueprint each: api, pages, chat.
    return app
