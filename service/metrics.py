"""Count requests and answers for Prometheus at ``/metrics``, and log every request as one JSON line.

Metrics (``prometheus_client``):

- ``kg_http_requests_total{endpoint,method,status}``: requests answered; ``endpoint`` is the route
  pattern (``/api/entities/<path:identifier>``), or ``unmatched`` for a 404, so scanners cannot
  create unbounded label values;
- ``kg_http_request_duration_seconds{endpoint}``: latency histograms, up to the response being built;
- ``kg_questions_total{outcome}``: questions ``answered`` or ``abstained``;
- ``kg_sparql_timeouts_total``: queries stopped at the deadline (callers use :func:`record_query_timeout`).

Several server processes: gunicorn runs several workers, each with its own counters. Set the
environment variable ``PROMETHEUS_MULTIPROC_DIR`` to an empty directory before the server starts (``kg
serve`` should) and every worker writes its counters there; ``/metrics`` then sums all workers, whichever
one answers the scrape. Without it, each worker reports only its own counts.

Access log: one JSON object per request on the ``kg.access`` logger (stderr unless configured), with
``method``, ``path``, ``status``, ``duration_ms``, ``remote`` and ``endpoint``; ``ACCESS_LOG=False``
turns it off.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import time
from datetime import UTC, datetime

from flask import Blueprint, Response, current_app, request
from flask.sansio.blueprints import BlueprintSetupState
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
)

bp = Blueprint("metrics", __name__)

access_log = logging.getLogger("kg.access")

#: Latency buckets (seconds): from a cached lookup to a query near the default 10 s deadline.
BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)

REQUESTS = Counter(
    "kg_http_requests",
    "HTTP requests answered, by route pattern, method and status.",
    ["endpoint", "method", "status"],
)
LATENCY = Histogram(
    "kg_http_request_duration_seconds",
    "Time to build the response, by route pattern.",
    ["endpoint"],
    buckets=BUCKETS,
)
QUESTIONS = Counter("kg_questions", "Questions asked, by outcome: answered or abstained.", ["outcome"])
QUERY_TIMEOUTS = Counter("kg_sparql_timeouts", "SPARQL queries stopped at the deadline.")

# Show both outcomes from the start, so a dashboard's ratio is 0/0 rather than missing.
for _outcome in ("answered", "abstained"):
    QUESTIONS.labels(_outcome)

_STARTED = "kg.started"


def record_answer(*, answered: bool) -> None:
    """Count one question as answered or abstained."""
    QUESTIONS.labels("answered" if answered else "abstained").inc()


def record_query_timeout() -> None:
    """Count one SPARQL query stopped at its deadline (the /sparql endpoint and MCP tools call this)."""
    QUERY_TIMEOUTS.inc()


def exposition() -> bytes:
    """Return the metrics in Prometheus text format, summed over all workers in multiprocess mode."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        return generate_latest(registry)
    return generate_latest(REGISTRY)


@bp.get("/metrics")
def metrics() -> Response:
    """Serve the metrics for a Prometheus scrape."""
    return Response(exposition(), content_type=CONTENT_TYPE_LATEST)


@bp.before_app_request
def _start_timer() -> None:
    request.environ[_STARTED] = time.perf_counter()


@bp.after_app_request
def _observe(response: Response) -> Response:
    started = request.environ.get(_STARTED)
    seconds = time.perf_counter() - started if started is not None else 0.0
    endpoint = request.url_rule.rule if request.url_rule is not None else "unmatched"
    REQUESTS.labels(endpoint, request.method, str(response.status_code)).inc()
    LATENCY.labels(endpoint).observe(seconds)
    if current_app.config.get("ACCESS_LOG", True):
        access_log.info(
            json.dumps(
                {
                    "time": datetime.now(UTC).isoformat(timespec="milliseconds"),
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "duration_ms": round(seconds * 1000, 2),
                    "remote": request.remote_addr,
                    "endpoint": endpoint,
                },
                ensure_ascii=False,
            )
        )
    return response


@bp.record_once
def _configure_access_log(state: BlueprintSetupState) -> None:
    """Send access lines to stderr as bare JSON unless the host application configured the logger."""
    if not access_log.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(message)s"))
        access_log.addHandler(handler)
        access_log.setLevel(logging.INFO)
        access_log.propagate = False  # the root logger would print each line a second time
