"""Serve the JSON API: questions (``/api/ask``), concept search and description, liveness and readiness.

``POST /api/ask`` takes ``{"question": str, "session": str?}`` and answers by the ask contract
(DESIGN.md); ``GET /api/ask?q=&session=`` does the same for links and curl. Every error has the shape
``{"error": {"code", "message"}}`` (:func:`service.errors.error_response`): 400 for bad input, 413 for a
question over the engine's limit (or a body over ``MAX_CONTENT_LENGTH``), 415 for a POST that is not
JSON, 404 for an unknown concept, 503 ``not_ready`` until the engine has loaded.

The blueprint finds the graph and its readiness in ``current_app.extensions["kg"]`` (``.graph``,
``.readiness``; see :mod:`service.engine`).
"""

from __future__ import annotations

import json
import os
import secrets
from typing import Any, Protocol
from urllib.parse import unquote

from flask import Blueprint, Response, current_app, jsonify, request
from rdflib import URIRef

from kg.answer import QuestionError
from kg.api import KnowledgeGraph
from kg.namespaces import KG, KGO, PREFIXES
from kg.qa import clean_question
from service import metrics
from service.engine import Readiness
from service.errors import error_response

bp = Blueprint("api", __name__)

#: Longest session id accepted; ids are opaque keys, never text to read.
MAX_SESSION_CHARS = 128
#: Most results one search returns.
MAX_SEARCH_LIMIT = 100
#: The longest name /api/entities searches for: autocomplete sends what a user types into a box. Bounded
#: so that any request the description allows fits gunicorn's request line (8190 bytes), and the server,
#: not gunicorn, answers one that is too long (400, in the one JSON error shape).
MAX_SEARCH_CHARS = 200
#: Seconds a client should wait before asking again while the engine loads.
RETRY_AFTER = "5"

#: Status for each question error: a question over the engine's limit is "too large" (413).
_QUESTION_STATUS = {"question_too_long": 413}


class APIServices(Protocol):
    """What this blueprint needs from ``current_app.extensions["kg"]``."""

    graph: KnowledgeGraph
    readiness: Readiness


def _services() -> APIServices:
    return current_app.extensions["kg"]


def not_ready() -> Response | None:
    """Return a 503 ``not_ready`` response while the engine is loading (or failed), else None."""
    readiness = _services().readiness
    if readiness.is_ready():
        return None
    if readiness.error:
        message = f"the question-answering engine failed to load: {readiness.error}"
        return error_response(503, "not_ready", message)
    message = "the question-answering engine is still loading; try again in a few seconds"
    return error_response(503, "not_ready", message, {"Retry-After": RETRY_AFTER})


# -- liveness and readiness -------------------------------------------------------------------------
@bp.get("/healthz")
def healthz() -> Response:
    """Say the process is alive (200 always; load balancers restart it when this fails)."""
    return jsonify({"status": "ok"})


@bp.get("/readyz")
def readyz() -> Response:
    """Say whether questions can be answered: 200 once the engine is loaded, 503 ``not_ready`` before."""
    refusal = not_ready()
    if refusal is not None:
        return refusal
    readiness = _services().readiness
    # The pid tells which server process answered: each loads its own engine.
    return jsonify({"status": "ready", "engine_load_seconds": round(readiness.seconds or 0.0, 3), "pid": os.getpid()})


# -- questions --------------------------------------------------------------------------------------
@bp.route("/api/ask", methods=["GET", "POST"])
def ask() -> Response:
    """Answer a question from the graph, with its SPARQL, evidence and sources (the ask contract)."""
    if request.method == "GET":
        if "q" not in request.args:
            return error_response(400, "missing_question", "give the question as the query parameter q")
        question: Any = request.args["q"]
        session: Any = request.args.get("session")
    else:
        payload = _json_body()
        if isinstance(payload, Response):
            return payload
        if "question" not in payload:
            return error_response(400, "missing_question", 'the body needs a "question" field')
        question, session = payload["question"], payload.get("session")
    try:
        clean_question(question)  # bad input is the client's error whether or not the engine is ready
    except QuestionError as exc:
        return error_response(_QUESTION_STATUS.get(exc.code, 400), exc.code, exc.message)
    if session is not None and (not isinstance(session, str) or len(session) > MAX_SESSION_CHARS):
        return error_response(
            400, "invalid_session", f"the session must be a string of at most {MAX_SESSION_CHARS} characters"
        )
    refusal = not_ready()
    if refusal is not None:
        return refusal
    # A fresh session lets the client ask follow-ups ("what does it run on?") by sending it back.
    answer = _services().graph.ask(question, session or secrets.token_urlsafe(12))
    metrics.record_answer(answered=not answer.abstained)
    return jsonify(answer.to_dict())


def _json_body() -> dict[str, Any] | Response:
    """Return the request body as a JSON object, or the 415/400 response saying why it is not one."""
    mimetype = request.mimetype
    if mimetype != "application/json" and not (mimetype.startswith("application/") and mimetype.endswith("+json")):
        return error_response(
            415,
            "unsupported_media_type",
            f"send the question as JSON (Content-Type: application/json), not {mimetype or 'nothing'}",
        )
    body = request.get_data(cache=True)  # over MAX_CONTENT_LENGTH this raises 413, answered as JSON
    try:
        payload = json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        return error_response(400, "invalid_json", f"the body is not valid JSON: {exc}")
    if not isinstance(payload, dict):
        return error_response(400, "invalid_body", 'the body must be a JSON object: {"question": "..."}')
    return payload


# -- concepts ---------------------------------------------------------------------------------------
@bp.get("/api/entities")
def search_entities() -> Response:
    """Find concepts by name (exact, prefix, fuzzy, then meaning): what autocomplete calls."""
    if "q" not in request.args:
        return error_response(400, "missing_parameter", "give the text to search for as the parameter q")
    text = request.args["q"]
    if len(text) > MAX_SEARCH_CHARS:
        return error_response(
            400, "query_too_long", f"q has {len(text)} characters; search for at most {MAX_SEARCH_CHARS}"
        )
    limit_text = request.args.get("limit", "10")
    if not limit_text.isdigit() or not 1 <= int(limit_text) <= MAX_SEARCH_LIMIT:
        return error_response(
            400,
            "invalid_limit",
            f"limit must be a whole number from 1 to {MAX_SEARCH_LIMIT}, not {limit_text!r}",
        )
    refusal = not_ready()
    if refusal is not None:
        return refusal
    results = _services().graph.search(text, int(limit_text)) if text.strip() else []
    return jsonify({"query": text, "results": results})


@bp.get("/api/entities/<path:identifier>", merge_slashes=False)
def describe_entity(identifier: str) -> Response:
    """Describe one concept: names, definition, types, relations both ways and the sentences behind them.

    ``identifier`` is the local part of a concept IRI (``ec2-instance``), a prefixed name
    (``kgo:Concept``) or a whole IRI, URL-encoded.
    """
    refusal = not_ready()
    if refusal is not None:
        return refusal
    graph = _services().graph
    for iri in candidate_iris(identifier):
        if iri in graph.engine.catalog.entities:
            return jsonify(graph.describe(iri))
    return error_response(404, "not_found", f"no concept {identifier!r} in the graph")


def candidate_iris(identifier: str) -> list[URIRef]:
    """Return the IRIs an identifier from a URL may mean, most specific first."""
    text = identifier.strip()
    if "://" not in text and "%3A" in text.upper():
        text = unquote(text)  # a proxy passed the encoded IRI through still encoded (%3A%2F%2F)
    if not text:
        return []
    if "://" in text or text.startswith("urn:"):
        return [URIRef(text)]
    prefix, colon, local = text.partition(":")
    if colon and prefix in PREFIXES:
        return [URIRef(PREFIXES[prefix] + local)]
    # Concepts are lower-case kebab names, ontology terms CamelCase; try both namespaces.
    return [URIRef(KG + text), URIRef(KGO + text)]
