"""Turn Markdown documents into RDF triples with provenance (see pipeline.py)."""

from kg.ingest.pipeline import document_graph_name, extract_document

__all__ = ["document_graph_name", "extract_document"]
