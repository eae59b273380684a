"""Answer errors in one JSON shape, ``{"error": {"code": …, "message": …}}``, on every API path.

Blueprints call :func:`error_response`; :func:`register_error_handlers` makes Flask's own 404, 405, 413 and
500 answers take the same shape for API paths, so clients never parse an HTML traceback. Other paths (the
web pages) get the site's own error page, in the layout of every other page, with the same status.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Flask, Response, jsonify, render_template, request
from jinja2 import TemplateNotFound
from werkzeug.exceptions import HTTPException, InternalServerError

#: Paths answered in JSON; extend with ``app.config["API_PATH_PREFIXES"]``.
API_PATH_PREFIXES = ("/api", "/sparql", "/v1", "/mcp", "/openapi.json", "/healthz", "/readyz", "/metrics")

#: Stable error codes for the HTTP statuses Flask raises by itself.
STATUS_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    413: "too_large",
    415: "unsupported_media_type",
    429: "too_many_requests",
    500: "internal_error",
    503: "unavailable",
}


def error_response(
    status: int,
    code: str,
    message: str,
    headers: Mapping[str, str] | None = None,
    *,
    fields: Mapping[str, Any] | None = None,
) -> Response:
    """Build the JSON error response every API surface returns.

    ``fields`` adds details beside code and message inside ``"error"`` (a syntax error's ``line``,
    ``column``, ``near``, ``hint``, ``detail``); they never replace code or message.
    """
    response = jsonify({"error": {**(fields or {}), "code": code, "message": message}})
    response.status_code = status
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


def _is_api_path(app: Flask, path: str) -> bool:
    prefixes = tuple(app.config.get("API_PATH_PREFIXES", API_PATH_PREFIXES))
    return any(path == p or path.startswith(p.rstrip("/") + "/") for p in prefixes)


def register_error_handlers(app: Flask) -> None:
    """Make HTTP errors and uncaught exceptions on API paths answer in the JSON error shape."""

    @app.errorhandler(HTTPException)
    def _http_error(exc: HTTPException) -> Response | HTTPException:
        if not _is_api_path(app, request.path):
            return _error_page(app, exc)
        status = exc.code or 500
        message = exc.description or exc.name
        if status == 413:
            limit = app.config.get("MAX_CONTENT_LENGTH")
            message = f"the request body is larger than the limit of {limit} bytes" if limit else message
        allow = exc.get_response().headers.get("Allow") if status == 405 else None
        return error_response(status, STATUS_CODES.get(status, "error"), message, {"Allow": allow} if allow else None)

    @app.errorhandler(Exception)
    def _unexpected(exc: Exception) -> Response | HTTPException:
        app.logger.exception("unhandled error on %s %s", request.method, request.path)
        if not _is_api_path(app, request.path):
            return _error_page(app, InternalServerError(original_exception=exc))
        return error_response(500, "internal_error", "internal server error; the details are in the server log")


#: What the error page says for each status: its title and a sentence (``{path}`` is the page asked for).
_PAGES = {
    404: ("Page not found", "There is no page at {path}. It may have moved, or the address may be mistyped."),
    405: ("Not allowed here", "This page does not answer a {method} request."),
    413: ("Too large", "What was sent is larger than this service accepts."),
    500: ("Something went wrong", "The service failed to show this page; the details are in the server log."),
}


def _error_page(app: Flask, exc: HTTPException) -> Response | HTTPException:
    """Render the site's own error page for ``exc``, keeping its status and headers (``Allow`` on a 405).

    An app without the site's templates (a bare app in a test) keeps Werkzeug's page.
    """
    status = exc.code or 500
    title, sentence = _PAGES.get(status, (exc.name, exc.description or exc.name))
    try:
        body = render_template(
            "error.html", title=title, message=sentence.format(path=request.path, method=request.method), status=status
        )
    except TemplateNotFound:  # a bare app without the site's templates (tests of this module)
        return exc
    except Exception:  # the page itself failed: the plain page still says the status
        app.logger.exception("the error page for %s failed to render", status)
        return exc
    response = exc.get_response()
    response.set_data(body)
    response.content_type = "text/html; charset=utf-8"
    return response
