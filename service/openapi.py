"""Describe the HTTP API in OpenAPI 3.1 at ``/openapi.json`` and render it for people at ``/docs``.

The description is written by hand, next to the code it describes, and pinned by tests: every response
the test suite receives is validated against it, and a schemathesis run fuzzes the API from it.
"""

from __future__ import annotations

import copy
import json
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from flask import Blueprint, Response, jsonify, render_template
from markupsafe import Markup, escape

from kg.qa import MAX_QUESTION_CHARS
from service.api import MAX_SEARCH_CHARS, MAX_SEARCH_LIMIT

bp = Blueprint("openapi", __name__)


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _error(description: str) -> dict[str, Any]:
    return _json(_ref("Error"), description)


_NODE = {
    "type": "object",
    "description": "A term: an IRI with its label, or a literal value.",
    "properties": {"iri": {"type": "string"}, "label": {"type": "string"}, "value": {"type": "string"}},
}
_ENTITY = {
    "type": "object",
    "required": ["iri", "label"],
    "properties": {
        "iri": {"type": "string", "format": "iri"},
        "label": {"type": "string"},
        "aliases": {"type": "array", "items": {"type": "string"}},
    },
}
_SCHEMAS: dict[str, Any] = {
    "Error": {
        "type": "object",
        "description": "The one error shape of every API path.",
        "required": ["error"],
        "additionalProperties": False,
        "properties": {
            "error": {
                "type": "object",
                "required": ["code", "message"],
                "properties": {
                    "code": {
                        "type": "string",
                        "description": "Stable, for programs (e.g. empty_question).",
                        "examples": ["empty_question"],
                    },
                    "message": {"type": "string", "description": "One line, for people."},
                    # a SPARQL syntax error (malformed_query) says more, beside code and message
                    "line": {"type": "integer", "description": "Where a syntax error is: its line (from 1)."},
                    "column": {"type": "integer", "description": "And its column (from 1, in characters)."},
                    "near": {"type": "string", "description": "The query's text there."},
                    "hint": {"type": "string", "description": "A short hint to fix it."},
                    "detail": {"type": "string", "description": "The SPARQL parser's own message, for tools."},
                },
            }
        },
    },
    "Node": _NODE,
    "Entity": _ENTITY,
    "AskRequest": {
        "type": "object",
        "required": ["question"],
        "properties": {
            "question": {
                "type": "string",
                "minLength": 1,
                # Not maxLength: the limit applies after runs of spaces and control characters collapse.
                "description": "The question in plain English. Control characters count as spaces and "
                f"runs of spaces as one; a question still longer than {MAX_QUESTION_CHARS} characters "
                "answers 413, one with nothing left answers 400.",
                "examples": ["What does an AMI create?"],
            },
            "session": {
                "type": ["string", "null"],
                "maxLength": 128,
                "description": "Any id the client picks; send an earlier answer's to ask follow-ups.",
            },
        },
    },
    "Answer": {
        "type": "object",
        "required": [
            "question",
            "answer",
            "answers",
            "confidence",
            "sparql",
            "evidence",
            "sources",
            "session",
        ],
        "properties": {
            "question": {"type": "string"},
            "answer": {
                "type": "string",
                "description": "The answer in a sentence; says so plainly when none.",
            },
            "answers": {
                "type": "array",
                "description": "Ranked, best first; empty when the graph holds no answer.",
                "items": {
                    "type": "object",
                    "description": "An entity (iri, label, aliases) or a literal or yes/no value.",
                    "properties": {
                        "iri": {"type": "string"},
                        "label": {"type": "string"},
                        "aliases": {"type": "array", "items": {"type": "string"}},
                        "value": {"type": ["string", "boolean", "number"]},
                    },
                },
            },
            "confidence": {"type": "number", "minimum": 0, "maximum": 1},
            "sparql": {"type": "string", "description": "Runs as-is on /sparql and returns the answers."},
            "evidence": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["subject", "predicate", "object"],
                    "properties": {
                        "subject": _ref("Node"),
                        "predicate": _ref("Node"),
                        "object": _ref("Node"),
                    },
                },
            },
            "sources": {"type": "array", "items": _ref("Source")},
            "session": {"type": ["string", "null"]},
            "topics": {"type": "array", "items": _ref("Entity")},
            "kind": {"type": "string", "description": "How the question was read: definition, relation, …"},
        },
    },
    "Source": {
        "type": "object",
        "required": ["document", "section", "text"],
        "properties": {
            "document": {"type": "string"},
            "section": {"type": "string"},
            "text": {"type": "string", "description": "The sentence quoted."},
            "figure": {"type": "string"},
            "context": {
                "type": "string",
                "description": "What the sentence is said of, when it does not say so itself: the list item it is "
                "nested under, or what its 'it' stands for. Not part of the quote.",
            },
        },
    },
    "SearchResults": {
        "type": "object",
        "required": ["query", "results"],
        "properties": {
            "query": {"type": "string"},
            "results": {
                "type": "array",
                "items": {
                    "allOf": [_ref("Entity")],
                    "properties": {"score": {"type": "number"}, "definition": {"type": "string"}},
                    "required": ["score"],
                },
            },
        },
    },
    "Concept": {
        "type": "object",
        "required": ["iri", "label", "types", "outgoing", "incoming", "qualities", "sources"],
        "properties": {
            "iri": {"type": "string"},
            "label": {"type": "string"},
            "aliases": {"type": "array", "items": {"type": "string"}},
            "definition": {"type": ["string", "null"]},
            "types": {"type": "array", "items": _ref("Node")},
            "outgoing": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["predicate", "object"],
                    "properties": {"predicate": _ref("Node"), "object": _ref("Node")},
                },
            },
            "incoming": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["subject", "predicate"],
                    "properties": {"subject": _ref("Node"), "predicate": _ref("Node")},
                },
            },
            "qualities": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["predicate", "value"],
                    "properties": {"predicate": _ref("Node"), "value": {"type": "string"}},
                },
            },
            "sources": {"type": "array", "items": _ref("Source")},
        },
    },
    "Health": {"type": "object", "required": ["status"], "properties": {"status": {"const": "ok"}}},
    "Ready": {
        "type": "object",
        "required": ["status"],
        "properties": {
            "status": {"const": "ready"},
            "engine_load_seconds": {"type": "number"},
            "pid": {"type": "integer", "description": "The server process that answered."},
        },
    },
}

_NOT_READY = _error("The question-answering engine is still loading (not_ready); retry after Retry-After.")
#: gunicorn answers URLs over its request-line limit (4094 bytes by default) itself, before the app.
_URI_TOO_LONG = {
    "description": "The URL is longer than the server accepts; POST long questions and queries instead.",
    "content": {"text/html": {"schema": {}}},
}
_SESSION_PARAM = {
    "name": "session",
    "in": "query",
    "required": False,
    "schema": {"type": "string", "maxLength": 128},
    "description": "Conversation id for follow-up questions.",
}
_SPARQL_RESULTS = {
    media: {"schema": {}}
    for media in (
        "application/sparql-results+json",
        "application/sparql-results+xml",
        "text/csv",
        "text/tab-separated-values",
        "text/turtle",
        "application/n-triples",
        "application/ld+json",
        "application/rdf+xml",
    )
}
_SPARQL_ERRORS = {
    "400": _error("Malformed query (with line and column), SERVICE or LOAD refused, or a bad parameter."),
    "403": _error("An update on a read-only endpoint, or without the admin token."),
    "413": _error("The request body is over the size limit."),
    "415": _error("The body's media type is not a SPARQL query, update or form."),
    "503": _error("The query ran past the deadline and was stopped (timeout)."),
}
_SPARQL_PARAMS = [
    {"name": "default-graph-uri", "in": "query", "schema": {"type": "array", "items": {"type": "string"}}},
    {"name": "named-graph-uri", "in": "query", "schema": {"type": "array", "items": {"type": "string"}}},
    {
        "name": "format",
        "in": "query",
        "schema": {"enum": ["json", "xml", "csv", "tsv", "turtle", "ntriples", "jsonld", "rdfxml"]},
        "description": "Overrides Accept.",
    },
]

_PATHS: dict[str, Any] = {
    "/api/ask": {
        "post": {
            "operationId": "ask",
            "summary": "Answer a question from the graph",
            "description": "Returns the answer with the SPARQL it ran, the triples used and the sentences "
            "they came from. Where the graph holds no answer, `answers` is empty and `answer` says so.",
            "tags": ["questions"],
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": _ref("AskRequest")}},
            },
            "responses": {
                "200": _json(_ref("Answer"), "The answer (possibly 'I don't know')."),
                "400": _error("Invalid JSON, no question, an empty or non-string question, or a bad session."),
                "413": _error("The question (or the body) is too long."),
                "415": _error("The body is not JSON."),
                "503": _NOT_READY,
            },
        },
        "get": {
            "operationId": "askGet",
            "summary": "Answer a question given in the URL",
            "tags": ["questions"],
            "parameters": [
                {
                    "name": "q",
                    "in": "query",
                    "required": True,
                    "schema": {"type": "string", "minLength": 1},
                    "description": f"The question (at most {MAX_QUESTION_CHARS} characters, as for POST).",
                    "examples": {"ami": {"value": "What does an AMI create?"}},
                },
                _SESSION_PARAM,
            ],
            "responses": {
                "200": _json(_ref("Answer"), "The answer (possibly 'I don't know')."),
                "400": _error("No question, an empty one, or a bad session."),
                "413": _error("The question is too long."),
                "414": _URI_TOO_LONG,
                "503": _NOT_READY,
            },
        },
    },
    "/api/entities": {
        "get": {
            "operationId": "searchEntities",
            "summary": "Find concepts by name (for autocomplete)",
            "description": "Exact, prefix and fuzzy matches on names and aliases, then similar meaning.",
            "tags": ["concepts"],
            "parameters": [
                {
                    "name": "q",
                    "in": "query",
                    "required": True,
                    "schema": {"type": "string", "maxLength": MAX_SEARCH_CHARS},
                    "description": "The name, or the start of one, to search for.",
                },
                {
                    "name": "limit",
                    "in": "query",
                    "required": False,
                    "schema": {"type": "integer", "minimum": 1, "maximum": MAX_SEARCH_LIMIT, "default": 10},
                },
            ],
            "responses": {
                "200": _json(_ref("SearchResults"), "Matching concepts, best first."),
                "400": _error("No q, a q over the length limit, or a limit out of range."),
                "414": _URI_TOO_LONG,
                "503": _NOT_READY,
            },
        }
    },
    "/api/entities/{id}": {
        "get": {
            "operationId": "describeEntity",
            "summary": "Describe a concept",
            "description": "Names, definition, types, relations both ways and the sentences behind them. "
            "`id` is the local part of a concept IRI (`ec2-instance`), a prefixed name (`kgo:Concept`) "
            "or a whole IRI, URL-encoded.",
            "tags": ["concepts"],
            "parameters": [
                {
                    "name": "id",
                    "in": "path",
                    "required": True,
                    "schema": {"type": "string", "minLength": 1},
                    "examples": {"local": {"value": "ec2-instance"}},
                }
            ],
            "responses": {
                "200": _json(_ref("Concept"), "The concept."),
                "404": _error("No such concept in the graph."),
                "503": _NOT_READY,
            },
        }
    },
    "/id/{local}": {
        "get": {
            "operationId": "dereference",
            "summary": "Dereference a concept IRI (content negotiation)",
            "description": "`https://kgqa.dev/id/<local>`: an HTML page for browsers, the concept's triples "
            "(both ways) as Turtle, JSON-LD, N-Triples or RDF/XML for RDF clients.",
            "tags": ["concepts"],
            "parameters": [
                {
                    "name": "local",
                    "in": "path",
                    "required": True,
                    "schema": {"type": "string", "minLength": 1},
                },
                {
                    "name": "format",
                    "in": "query",
                    "schema": {"enum": ["html", "turtle", "jsonld", "ntriples", "rdfxml"]},
                    "description": "Overrides Accept.",
                },
            ],
            "responses": {
                "200": {
                    "description": "The concept in the negotiated format.",
                    "content": {
                        m: {"schema": {}}
                        for m in (
                            "text/html",
                            "text/turtle",
                            "application/ld+json",
                            "application/n-triples",
                            "application/rdf+xml",
                        )
                    },
                },
                "400": _error("An unknown format name."),
                "404": {
                    "description": "Nothing in the graph has this IRI.",
                    "content": {"application/json": {"schema": _ref("Error")}, "text/html": {"schema": {}}},
                },
                "406": _error("No acceptable representation."),
                "503": {
                    "description": "The page is not ready yet.",
                    "content": {"text/html": {"schema": {}}},
                },
            },
        }
    },
    "/sparql": {
        "get": {
            "operationId": "sparqlQuery",
            "summary": "SPARQL 1.1 Protocol query (or the service description without a query)",
            "description": "Read-only by default; SERVICE and LOAD are refused; a deadline stops long "
            "queries (503); results over the row cap are cut (`X-KG-Truncated: true`).",
            "tags": ["sparql"],
            "parameters": [
                {"name": "query", "in": "query", "required": False, "schema": {"type": "string"}},
                *_SPARQL_PARAMS,
            ],
            "responses": {
                "200": {"description": "Results, by Accept.", "content": _SPARQL_RESULTS},
                **_SPARQL_ERRORS,
                "414": _URI_TOO_LONG,
            },
        },
        "post": {
            "operationId": "sparqlPost",
            "summary": "SPARQL 1.1 Protocol query or update by POST",
            "tags": ["sparql"],
            "parameters": _SPARQL_PARAMS,
            "requestBody": {
                "required": True,
                "content": {
                    "application/sparql-query": {"schema": {"type": "string"}},
                    "application/x-www-form-urlencoded": {
                        "schema": {
                            "type": "object",
                            "properties": {"query": {"type": "string"}, "update": {"type": "string"}},
                        }
                    },
                    "application/sparql-update": {"schema": {"type": "string"}},
                },
            },
            "responses": {
                "200": {"description": "Results, by Accept.", "content": _SPARQL_RESULTS},
                "204": {"description": "The update was applied."},
                **_SPARQL_ERRORS,
            },
        },
    },
    "/healthz": {
        "get": {
            "operationId": "healthz",
            "summary": "Liveness: the process answers",
            "tags": ["operations"],
            "responses": {"200": _json(_ref("Health"), "Alive.")},
        }
    },
    "/readyz": {
        "get": {
            "operationId": "readyz",
            "summary": "Readiness: questions can be answered",
            "tags": ["operations"],
            "responses": {"200": _json(_ref("Ready"), "Ready."), "503": _NOT_READY},
        }
    },
    "/metrics": {
        "get": {
            "operationId": "metrics",
            "summary": "Prometheus metrics (text exposition format)",
            "tags": ["operations"],
            "responses": {
                "200": {
                    "description": "The metrics.",
                    "content": {"text/plain": {"schema": {"type": "string"}}},
                }
            },
        }
    },
}
# Any GET with parameters can be longer than gunicorn's request line (8 KB): it answers 414 itself.
for _methods in _PATHS.values():
    _get = _methods.get("get")
    if _get and _get.get("parameters"):
        _get["responses"].setdefault("414", _URI_TOO_LONG)


def _version() -> str:
    try:
        return version("kgqa")
    except PackageNotFoundError:
        return "0.0.0"


def spec() -> dict[str, Any]:
    """Return the OpenAPI 3.1 description of the service (a fresh copy callers may change)."""
    return copy.deepcopy(
        {
            "openapi": "3.1.0",
            "info": {
                "title": "Knowledge-graph question answering",
                "version": _version(),
                "description": "Ask questions in plain English and get answers grounded in a knowledge "
                "graph, with the SPARQL run, the triples used and the sentences quoted; or query the graph "
                'with SPARQL 1.1. Every error has the shape `{"error": {"code", "message"}}`.',
            },
            "tags": [
                {"name": "questions", "description": "Natural-language questions."},
                {"name": "concepts", "description": "Concepts: search, describe, dereference."},
                {"name": "sparql", "description": "The SPARQL 1.1 Protocol endpoint."},
                {"name": "operations", "description": "Health, readiness and metrics."},
            ],
            "paths": _PATHS,
            "components": {"schemas": _SCHEMAS},
        }
    )


@bp.app_template_filter("inline_code")
def inline_code(text: str) -> Markup:
    """Render the description's `backticked` spans as code (the only Markdown the descriptions use)."""
    parts = str(escape(text)).split("`")
    return Markup("".join(f"<code>{part}</code>" if i % 2 else part for i, part in enumerate(parts)))


@bp.get("/openapi.json")
def openapi_json() -> Response:
    """Serve the OpenAPI description."""
    response = jsonify(spec())
    response.headers["Access-Control-Allow-Origin"] = "*"  # API explorers on other origins may read it
    return response


@bp.get("/docs")
def docs() -> str:
    """Render the OpenAPI description as a page, offline (no script from a CDN)."""
    description = spec()
    operations = [
        {"path": path, "method": method.upper(), **operation}
        for path, methods in description["paths"].items()
        for method, operation in methods.items()
    ]
    schemas = {name: json.dumps(schema, indent=2) for name, schema in description["components"]["schemas"].items()}
    return render_template("docs.html", spec=description, operations=operations, schemas=schemas)
