"""kgqa: Markdown documents to an RDF knowledge graph with provenance, answered in plain English."""

__version__ = "0.1.0"
