"""Trace hand-curated facts (what a figure shows) to their figure, as extracted facts are traced.

A curated file says which figure shows a concept (``kg:pending kgo:shownIn kg:figure-ec2-lifecycle``);
every relation stated of that concept gets a statement node carrying the figure's document, section,
image path and description, so answers built on it can cite the figure.
"""

from __future__ import annotations

import hashlib

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from kg.namespaces import KG, KGO

_NOT_FACTS = {RDFS.label, SKOS.altLabel, SKOS.definition, RDFS.comment, KGO.shownIn}
_COPIED = (KGO.document, KGO.section, KGO.quote, KGO.figure)


def trace_curated(graph: Graph) -> Graph:
    """Return ``graph`` plus a statement node for each fact about a concept a figure shows."""
    out = Graph(identifier=graph.identifier)
    out += graph
    for subject, figure in graph.subject_objects(KGO.shownIn):
        for p, o in graph.predicate_objects(subject):
            if p in _NOT_FACTS or (p == RDF.type and not isinstance(o, URIRef)):
                continue
            key = f"{subject}|{p}|{o}|{figure}"
            st = KG[f"stmt-{hashlib.sha1(key.encode()).hexdigest()[:16]}"]
            out.add((st, RDF.type, RDF.Statement))
            out.add((st, RDF.subject, subject))
            out.add((st, RDF.predicate, p))
            out.add((st, RDF.object, o))
            out.add((st, KGO.rule, Literal("figure")))
            for prop in _COPIED:
                for value in graph.objects(figure, prop):
                    out.add((st, prop, value))
    return out
