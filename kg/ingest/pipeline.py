"""Placeholder: the extraction pipeline lands next; build.py calls these two functions."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph, URIRef

from kg.namespaces import GRAPH


def document_graph_name(path: Path) -> URIRef:
    """Return the named graph that holds the triples of the document at ``path``."""
    return GRAPH[f"doc/{Path(path).name}"]


def extract_document(path: Path, text: str, ontology: Graph) -> Graph:
    """Extract the triples and provenance of one Markdown document (``text`` is its UTF-8 content)."""
    raise NotImplementedError
