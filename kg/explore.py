"""Search concepts by name and describe one: what autocomplete, concept pages and MCP tools show."""

from __future__ import annotations

from typing import Any

from rapidfuzz import fuzz, process
from rdflib import Literal, URIRef
from rdflib.namespace import RDF

from kg.catalog import BOOKKEEPING, Catalog
from kg.evidence import Evidence
from kg.index import VectorIndex
from kg.text import cased_name_key, name_key


class Explorer:
    """Find concepts by (partial, misspelt or paraphrased) name and gather what the graph says of one."""

    def __init__(self, catalog: Catalog, evidence: Evidence, index: VectorIndex | None = None, embed=None):
        self.catalog = catalog
        self.evidence = evidence
        self.index = index
        self.embed = embed
        self._names = [(key, iri) for key, iris in catalog.by_name.items() for iri in iris]
        self._keys = [key for key, _ in self._names]

    def search(self, text: str, limit: int = 10) -> list[dict[str, Any]]:
        """Return up to ``limit`` concepts whose names match ``text``: exact, prefix, fuzzy, then meaning."""
        key = name_key(text)
        if not key:
            return []
        scores: dict[URIRef, float] = {}
        # "LIST" finds the command named so as well as a "list" (kg.text.cased_name keeps them apart).
        for exact in dict.fromkeys((cased_name_key(text), key)):
            for iri in self.catalog.by_name.get(exact, ()):
                scores[iri] = 1.0
        for name, score, idx in process.extract(key, self._keys, scorer=fuzz.WRatio, limit=limit * 3):
            iri = self._names[idx][1]
            bonus = 0.05 if name.startswith(key) else 0.0
            scores[iri] = max(scores.get(iri, 0.0), score / 100 * 0.95 + bonus)
        if self.index is not None and self.embed is not None and len(scores) < limit:
            for iri, sim in self.index.search(self.embed(text), limit):
                if sim > 0.4:
                    scores[iri] = max(scores.get(iri, 0.0), sim * 0.9)
        ranked = sorted(scores.items(), key=lambda kv: (-kv[1], self.catalog.label(kv[0]).lower()))[:limit]
        out = []
        for iri, score in ranked:
            item = self.evidence.entity_dict(iri)
            item["score"] = round(score, 3)
            definition = self.catalog.entities[iri].definition
            if definition:
                item["definition"] = definition
            out.append(item)
        return out

    def describe(self, iri: URIRef, limit: int = 200) -> dict[str, Any] | None:
        """Return labels, definition, types, relations both ways and sources of a concept, or None."""
        entity = self.catalog.entities.get(iri)
        if entity is None:
            return None
        store = self.evidence.store
        outgoing, incoming, qualities, triples = [], [], [], []
        for p, o in store.query(f"SELECT ?p ?o WHERE {{ ?s ?p ?o }} LIMIT {limit}", {"s": iri}):
            if p in BOOKKEEPING or p == RDF.type:
                continue
            if isinstance(o, Literal):
                qualities.append({"predicate": self.evidence.node(p), "value": str(o)})
            elif o in self.catalog.entities:
                outgoing.append({"predicate": self.evidence.node(p), "object": self.evidence.node(o)})
            triples.append((iri, p, o))
        for s, p in store.query(f"SELECT ?s ?p WHERE {{ ?s ?p ?o }} LIMIT {limit}", {"o": iri}):
            if p in BOOKKEEPING or s not in self.catalog.entities:
                continue
            incoming.append({"subject": self.evidence.node(s), "predicate": self.evidence.node(p)})
            triples.append((s, p, iri))
        return {
            **self.evidence.entity_dict(iri),
            "definition": entity.definition,
            "types": [self.evidence.node(t) for t in sorted(entity.types) if t in self.catalog.entities],
            "outgoing": outgoing,
            "incoming": incoming,
            "qualities": qualities,
            "sources": self.evidence.sources(triples[:60]),
        }
