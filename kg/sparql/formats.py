"""Result formats: the serialisations a query result can be served in, and content negotiation.

:func:`negotiate` picks a format from an ``Accept`` header; :func:`format_named` looks one up by name.
The serialising itself is in :mod:`kg.sparql.evaluation` (it runs in the worker processes).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from kg.sparql.operations import SparqlError


@dataclass(frozen=True)
class ResultFormat:
    """A result serialisation: its short name, the media type it is served as and what it can carry."""

    name: str
    media_type: str
    kinds: tuple[str, ...]
    aliases: tuple[str, ...] = ()

    @property
    def content_type(self) -> str:
        """Return the ``Content-Type`` header value (text types say their charset)."""
        return self.media_type + ("; charset=utf-8" if self.media_type.startswith("text/") else "")


_TABULAR = ("bindings", "boolean")
FORMATS: dict[str, ResultFormat] = {
    f.name: f
    for f in (
        ResultFormat("json", "application/sparql-results+json", _TABULAR, ("application/json",)),
        ResultFormat("xml", "application/sparql-results+xml", _TABULAR, ("application/xml", "text/xml")),
        ResultFormat("csv", "text/csv", _TABULAR),
        ResultFormat("tsv", "text/tab-separated-values", _TABULAR),
        ResultFormat("turtle", "text/turtle", ("graph",), ("application/x-turtle", "text/n3", "text/rdf+n3")),
        ResultFormat("ntriples", "application/n-triples", ("graph",), ("text/plain",)),
        ResultFormat("jsonld", "application/ld+json", ("graph",), ("application/x-json+ld", "application/json")),
        ResultFormat("rdfxml", "application/rdf+xml", ("graph",), ("application/xml", "text/xml")),
    )
}
_DEFAULT_FORMAT = {"bindings": "json", "boolean": "json", "graph": "turtle"}


@functools.lru_cache(maxsize=256)
def negotiate(accept: str | None, kind: str) -> ResultFormat:
    """Pick the format for a result of ``kind`` from an ``Accept`` header (best q first, then order).

    When nothing acceptable matches, the kind's default (SPARQL JSON, or Turtle for graphs) is returned:
    clients that send odd Accept headers still get a useful, correctly labelled answer.
    """
    candidates = [f for f in FORMATS.values() if kind in f.kinds]
    if accept:
        ranges = []
        for position, item in enumerate(accept.split(",")):
            media, *params = (part.strip() for part in item.split(";"))
            quality = 1.0
            for param in params:
                if param.lower().startswith("q="):
                    try:
                        quality = float(param[2:])
                    except ValueError:
                        quality = 0.0
            if quality > 0 and media:
                ranges.append((-quality, media.count("*"), position, media.lower()))
        for _, _, _, media in sorted(ranges):
            for fmt in candidates:
                if media in (fmt.media_type, *fmt.aliases) or media == "*/*":
                    return FORMATS[_DEFAULT_FORMAT[kind]] if media == "*/*" else fmt
                if media.endswith("/*") and fmt.media_type.startswith(media[:-1]):
                    return fmt
    return FORMATS[_DEFAULT_FORMAT[kind]]


def format_named(name: str, kind: str) -> ResultFormat:
    """Return the format called ``name`` (``json``, ``turtle``…) for a ``kind`` result, or raise."""
    fmt = FORMATS.get(name.lower())
    if fmt is None or kind not in fmt.kinds:
        usable = ", ".join(f.name for f in FORMATS.values() if kind in f.kinds)
        raise SparqlError("bad_format", f"format {name!r} cannot carry a {kind} result; use one of {usable}")
    return fmt
