"""Fetch what an answer stands on: the triples used, the sentences they came from, and their words.

Every answer cites the statement nodes behind its triples (``rdf:Statement`` with ``kgo:quote``,
``kgo:section`` and ``kgo:document``), so a reader can check it against the source document.
"""

from __future__ import annotations

from typing import Any

from rdflib import Literal, URIRef
from rdflib.namespace import RDF

from kg.catalog import IN, OUT, Catalog
from kg.namespaces import KGO
from kg.paths import Step, path_query
from kg.store import KGStore
from kg.text import plural_agreement

Triple = tuple[Any, Any, Any]

_SOURCES = """
SELECT ?s ?p ?o ?quote ?section ?file ?figure WHERE {
  VALUES (?s ?p ?o) { %s }
  ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kgo:quote ?quote .
  OPTIONAL { ?st kgo:section ?section }
  OPTIONAL { ?st kgo:document ?doc . OPTIONAL { ?doc kgo:fileName ?file } }
  OPTIONAL { ?st kgo:figure ?figure }
}
"""


#: The sentences that state a triple, each with the text it leans on (``kgo:context``: the item it is
#: nested under, or what its "it" stands for), recorded on that sentence's node.
_STATED = """
SELECT ?quote ?section ?file ?context WHERE {
  ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kgo:quote ?quote .
  OPTIONAL { ?st kgo:section ?section }
  OPTIONAL { ?st kgo:document ?doc . OPTIONAL { ?doc kgo:fileName ?file } }
  OPTIONAL { ?sn a kgo:Sentence ; kgo:quote ?quote ; kgo:document ?doc ; kgo:context ?context }
}
"""


def _source_order(row) -> tuple[str, str, str]:
    """Order a fact's sentence rows by document, section and text: the same in every process."""
    return str(row.file or ""), str(row.section or ""), str(row.quote)


class Evidence:
    """Build evidence and sources for answers from a store and its catalog."""

    def __init__(self, store: KGStore, catalog: Catalog):
        self.store = store
        self.catalog = catalog

    # -- shapes of the contract --------------------------------------------------------------------
    def entity_dict(self, iri: URIRef) -> dict[str, Any]:
        """Return ``{"iri", "label", "aliases"}`` for an entity answer."""
        entity = self.catalog.entities.get(iri)
        out: dict[str, Any] = {"iri": str(iri), "label": self.catalog.label(iri)}
        if entity is not None and entity.aliases:
            out["aliases"] = list(entity.aliases)
        return out

    def node(self, term) -> dict[str, Any]:
        if isinstance(term, URIRef):
            return {"iri": str(term), "label": self.catalog.label(term)}
        return {"value": str(term)}

    def triple_dict(self, triple: Triple) -> dict[str, Any]:
        s, p, o = triple
        return {"subject": self.node(s), "predicate": self.node(p), "object": self.node(o)}

    # -- evidence and sources ----------------------------------------------------------------------
    def for_triples(self, triples: list[Triple]) -> tuple[list[dict], list[dict]]:
        """Return (evidence, sources) for the given triples."""
        triples = list(dict.fromkeys(triples))[:40]
        return [self.triple_dict(t) for t in triples], self.sources(triples)

    def sources(self, triples: list[Triple]) -> list[dict[str, str]]:
        """Return the sentences behind ``triples``: document, section and text, without repeats."""
        if not triples:
            return []
        values = " ".join(f"({s.n3()} {p.n3()} {o.n3()})" for s, p, o in triples)
        # The store gives its rows in no fixed order (its indexes are hashed, and a process's string hashes
        # are seeded at random): sorted, the "first" sentence of a fact is the same in every process, so an
        # answer judged by it (a yes/no verdict's fit) never depends on the process that gives it.
        rows = sorted(self.store.query(_SOURCES % values), key=_source_order)
        seen, out = set(), []
        for row in rows:
            quote = str(row.quote)
            if quote in seen:
                continue
            seen.add(quote)
            source = {"document": str(row.file or ""), "section": str(row.section or ""), "text": quote}
            if row.figure:
                source["figure"] = str(row.figure)
            out.append(source)
        return out[:10]

    def for_path(self, topic: URIRef, steps: tuple[Step, ...], answers: list) -> tuple[list[dict], list[dict]]:
        """Return the triples that lead from ``topic`` to the given answers along ``steps``."""
        triples: list[Triple] = []
        wanted = set(answers)
        rows = self.store.query(path_query(topic, steps, limit=200, with_path=True))
        for row in rows:
            if row[0] not in wanted:
                continue
            nodes = [topic, *row[1:], row[0]]
            for (p, d), a, b in zip(steps, nodes, nodes[1:], strict=False):
                triples.append((a, p, b) if d == OUT else (b, p, a))
            if len(triples) > 30:
                break
        return self.for_triples(triples)

    def for_definition(self, iri: URIRef, definition: str | None = None) -> tuple[list[dict], list[dict]]:
        """Return the definition triple and the sentence it was read from (if recorded); ``definition`` is one of
        the concept's several, if one was chosen, else the catalog's."""
        entity = self.catalog.entities[iri]
        definition = definition or entity.definition
        evidence = [
            self.triple_dict((iri, URIRef("http://www.w3.org/2004/02/skos/core#definition"), Literal(definition)))
        ]
        sources = []
        rows = self.store.query(
            "SELECT ?quote ?section ?file WHERE { ?st kgo:quote ?quote ; kgo:section ?section ; "
            "kgo:document/kgo:fileName ?file . FILTER(STR(?quote) = STR(?d)) } LIMIT 1",
            {"d": Literal(definition)},
        )
        for row in rows:
            sources.append({"document": str(row.file), "section": str(row.section), "text": str(row.quote)})
        if not sources:
            sources = self.sources([(iri, RDF.type, t) for t in entity.types])[:2]
        return evidence, sources

    def for_names(self, iri: URIRef, name: str) -> tuple[list[dict], list[dict]]:
        """Return the naming triple (``kgo:acronym``) and where the name was introduced."""
        evidence = [self.triple_dict((iri, KGO.acronym, Literal(name)))]
        rows = self.store.query(
            "SELECT ?quote ?section ?file WHERE { ?st kgo:mentions ?c ; kgo:quote ?quote ; kgo:section ?section ; "
            "kgo:document/kgo:fileName ?file . FILTER(CONTAINS(STR(?quote), ?n)) } LIMIT 1",
            {"c": iri, "n": Literal(f"({name})")},
        )
        sources = [{"document": str(r.file), "section": str(r.section), "text": str(r.quote)} for r in rows]
        return evidence, sources

    def stated(self, triple: Triple) -> tuple[str, str]:
        """Return the first sentence that states ``triple`` ("" if none) and the text it leans on ("" if none).

        "First" in the order ``sources`` gives (document, section, text), so that the sentence quoted
        and the context read with it are always the same sentence's, whichever process answers.
        """
        s, p, o = triple
        rows = self.store.query(_STATED, {"s": s, "p": p, "o": o})
        ordered = sorted(rows, key=lambda r: (*_source_order(r), str(r.context or "")))
        return (str(ordered[0].quote), str(ordered[0].context or "")) if ordered else ("", "")

    def sentence(self, triple: Triple) -> str | None:
        """Return the first sentence that states ``triple``, if any."""
        return self.stated(triple)[0] or None

    # -- lookups the engine needs ------------------------------------------------------------------
    def qualities(self, iri: URIRef) -> list[tuple[str, Triple, bool]]:
        """Return the stated qualities of a concept ("public") with their triples and whether they hold.

        A quality denied ("X is not transitive") is stated under a predicate that is the negation of
        ``kgo:hasCharacteristic``: it comes back with ``False``.
        """
        rows = self.store.query(
            "SELECT ?p ?v WHERE { { ?c kgo:hasCharacteristic ?v BIND(kgo:hasCharacteristic AS ?p) } "
            "UNION { ?p kgo:negationOf kgo:hasCharacteristic . ?c ?p ?v } }",
            {"c": iri},
        )
        return [(str(v), (iri, p, v), p == KGO.hasCharacteristic) for p, v in rows]

    def comparisons(self, iris: list[URIRef] | None = None) -> list[tuple[URIRef, URIRef, URIRef, str]]:
        """Return recorded comparisons between any two of ``iris`` (all of them without ``iris``):
        (node, greater, lesser, quality)."""
        values = " ".join(i.n3() for i in iris or ())
        among = f"VALUES ?g {{ {values} }} VALUES ?l {{ {values} }}" if iris is not None else ""
        rows = self.store.query(
            "SELECT ?c ?g ?l ?q WHERE { ?c a kgo:Comparison ; kgo:greater ?g ; kgo:lesser ?l ; kgo:quality ?q . "
            f"{among} }}"
        )
        return [(c, g, lsr, str(q)) for c, g, lsr, q in rows]

    def connected(self, nodes: list, other: URIRef) -> list:
        """Return the nodes of ``nodes`` that share an edge (either way) with ``other``."""
        iris = [n for n in nodes if isinstance(n, URIRef)]
        if not iris:
            return []
        values = " ".join(i.n3() for i in iris)
        rows = self.store.query(
            f"SELECT DISTINCT ?x WHERE {{ VALUES ?x {{ {values} }} {{ ?x ?p ?o }} UNION {{ ?o ?p ?x }} }}",
            {"o": other},
        )
        hits = {row[0] for row in rows}
        return [n for n in nodes if n in hits]

    def attestation(self, nodes: list) -> dict:
        """Score how much the graph says of each node: statements about it, else its degree.

        Documents record a statement per fact, so a fact said twice counts twice; a graph without
        statements (MetaQA) falls back to the node's degree, a common proxy for salience.
        """
        iris = [n for n in nodes if isinstance(n, URIRef)][:200]
        if not iris:
            return {}
        values = " ".join(i.n3() for i in iris)
        rows = self.store.query(
            f"SELECT ?x (COUNT(?st) AS ?n) WHERE {{ VALUES ?x {{ {values} }} "
            "{ ?st rdf:object ?x } UNION { ?st rdf:subject ?x } } GROUP BY ?x"
        )
        counts = {row[0]: int(row[1]) for row in rows}
        if any(counts.values()):
            return counts
        rows = self.store.query(
            f"SELECT ?x (COUNT(*) AS ?n) WHERE {{ VALUES ?x {{ {values} }} "
            "{ ?x ?p ?o } UNION { ?s ?p ?x } } GROUP BY ?x"
        )
        return {row[0]: int(row[1]) for row in rows}

    # -- words -------------------------------------------------------------------------------------
    def describe(self, topic: URIRef, steps: tuple[Step, ...], answers: list) -> str:
        """Say the answer in a sentence: "Amazon Machine Image creates EC2 instance."."""
        names = [self.catalog.label(a) if isinstance(a, URIRef) else str(a) for a in answers[:8]]
        listed = _join(names) + (f" and {len(answers) - 8} more" if len(answers) > 8 else "")
        topic_label = self.catalog.label(topic)
        if len(steps) == 1:
            p, d = steps[0]
            known = self.catalog.predicates.get(p)
            verb = (known.reading if known else "") or self.catalog.label(p)
            if d == IN and len(names) > 1:
                verb = plural_agreement(verb)  # "A and B run on C", not "runs on"
            if d == OUT and verb.split()[-1:] == ["a"] and listed[:1].lower() in "aeiou":
                verb = verb[:-1] + "an"  # "A sump is an oil pan", not "a oil pan"
            sentence = f"{topic_label} {verb} {listed}." if d == OUT else f"{listed} {verb} {topic_label}."
        else:
            route = " → ".join(self.catalog.label(p) + ("" if d == OUT else " (inverse)") for p, d in steps)
            sentence = f"{listed} (from {topic_label} via {route})."
        return sentence[:1].upper() + sentence[1:]


def _join(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]
