"""An empty Flask app: the ceiling of any Flask app under gunicorn on this machine.

``bench/service_bench.py`` serves it with the same gunicorn settings as ``kg serve`` and measures it like
the SPARQL servers, so the report says how much of ``/sparql``'s time is the stack itself rather than
parsing, evaluating and serialising queries.
"""

from flask import Flask, Response

app = Flask(__name__)


@app.get("/")
def empty() -> Response:
    """Answer every GET of ``/`` with a fixed, small SPARQL JSON result."""
    return Response('{"head":{"vars":[]},"results":{"bindings":[]}}', mimetype="application/sparql-results+json")
