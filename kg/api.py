"""The Python API: open a graph and ask it questions in a few lines.

    >>> from kg import KnowledgeGraph
    >>> graph = KnowledgeGraph.open()                      # the bundled documents, in memory
    >>> graph.ask("What does EKS orchestrate?").answer
    'Amazon Elastic Kubernetes Service orchestrates container.'

``KnowledgeGraph.open(path)`` opens a store built with ``kg build``; ``endpoint=`` any SPARQL 1.1
endpoint; ``docs=``/``rdf=`` build a graph in memory from Markdown and RDF files.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from rdflib import URIRef

from kg.answer import Answer
from kg.embeddings import Embedder
from kg.store import KGStore, open_store


class KnowledgeGraph:
    """A graph plus the engine that answers over it; the one object an application needs."""

    def __init__(
        self,
        store: KGStore,
        *,
        embedder: Embedder | None = None,
        cache_dir: Path | str | None = None,
        preload_model: bool = True,
    ):
        self.store = store
        self._embedder = embedder
        self._cache_dir = cache_dir
        #: Load the embedding model with the engine (a server), or when a question first needs it (a CLI).
        self.preload_model = preload_model
        self._engine = None
        self._explorer = None

    @classmethod
    def open(
        cls,
        path: str | Path | None = None,
        *,
        endpoint: str | None = None,
        docs: Iterable[str | Path] | None = None,
        rdf: Iterable[str | Path] = (),
        embedder: Embedder | None = None,
        cache_dir: str | Path | None = None,
        preload_model: bool = True,
    ) -> KnowledgeGraph:
        """Open a built store (``path``), a SPARQL ``endpoint``, or build in memory from files.

        With neither ``path`` nor ``endpoint``, the bundled documents (or ``docs``) and ``rdf`` files are
        built into an in-memory store. ``preload_model=False`` defers loading the embedding model until a
        question needs it.
        """
        if endpoint:
            store = open_store(endpoint=endpoint)
        elif path is not None and docs is None and not rdf:
            store = open_store(path, read_only=True)
        else:
            from kg.build import collect

            collected = collect([Path(d) for d in docs] if docs is not None else None, [Path(f) for f in rdf])
            store = open_store(None)
            store.replace_graphs(collected.graphs.items())
        return cls(store, embedder=embedder, cache_dir=cache_dir, preload_model=preload_model)

    @property
    def engine(self):
        """The question-answering engine, built on first use (it loads names and vectors)."""
        if self._engine is None:
            from kg.qa import Engine

            self._engine = Engine(
                self.store, embedder=self._embedder, cache_dir=self._cache_dir, preload_model=self.preload_model
            )
        return self._engine

    @property
    def explorer(self):
        if self._explorer is None:
            from kg.explore import Explorer

            engine = self.engine
            self._explorer = Explorer(
                engine.catalog, engine.evidence, engine.entity_index, lambda t: engine.embedder.encode([t])[0]
            )
        return self._explorer

    def ask(self, question: str, session: str | None = None) -> Answer:
        """Answer a question in plain English (see :class:`kg.answer.Answer`)."""
        return self.engine.ask(question, session)

    def search(self, text: str, limit: int = 10) -> list[dict[str, Any]]:
        """Find concepts by name (exact, prefix, fuzzy or by meaning)."""
        return self.explorer.search(text, limit)

    def describe(self, iri: str) -> dict[str, Any] | None:
        """Describe a concept: names, definition, relations both ways, sources."""
        return self.explorer.describe(URIRef(iri))

    def query(self, sparql: str):
        """Run a SPARQL query with rdflib (trusted callers; services use :mod:`kg.sparql`)."""
        return self.store.query(sparql)
