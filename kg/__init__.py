"""kgqa: Markdown documents to an RDF knowledge graph with provenance, answered in plain English.

The Python API is :class:`KnowledgeGraph` (see kg/api.py); the parts it joins are importable too:
``kg.store`` (stores), ``kg.build`` (building), ``kg.qa`` (the engine), ``kg.sparql`` (safe SPARQL).
"""

from kg.answer import Answer, QuestionError
from kg.api import KnowledgeGraph

__version__ = "0.1.0"
__all__ = ["Answer", "KnowledgeGraph", "QuestionError", "__version__"]
