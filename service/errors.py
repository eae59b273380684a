"""Answer errors in one JSON shape, ``{"error": {"code": …, "message": …}}``, on every API path.

Blueprints call :func:`error_response`; :func:`register_error_handlers` makes Flask's own 404, 405, 413 and
500 answers take the same shape for API paths, so clients never parse an HTML traceback. Other paths
(the web pages) keep Flask's HTML errors.
"""

from __future__ import annotations

from collections.abc import Mapping

from flask import Flask, Response, jsonify, request
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


def error_response(status: int, code: str, message: str, headers: Mapping[str, str] | None = None) -> Response:
    """Build the JSON error response every API surface returns."""
    response = jsonify({"error": {"code": code, "message": message}})
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
            return exc
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
            return InternalServerError(original_exception=exc)
        return error_response(500, "internal_error", "internal server error; the details are in the server log")
