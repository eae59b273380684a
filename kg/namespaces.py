"""Name the vocabularies and the places of bundled data, so every module agrees on them."""

from __future__ import annotations

import os
from pathlib import Path

from rdflib import Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

#: Concepts, statements and documents minted by this project.
KG = Namespace("https://kgqa.dev/id/")
#: The project's ontology: classes, properties and provenance terms (data/ontology.ttl).
KGO = Namespace("https://kgqa.dev/ontology#")
#: The types that make a node a relation (a property), not a concept or a class.
PROPERTY_TYPES = (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, RDF.Property)
#: Named graphs: one per document, one per loaded RDF file, one for the ontology, one per curated figure file.
GRAPH = Namespace("https://kgqa.dev/graph/")

#: The extraction rule of a kind read from "the N is NAME" (the name is the one N a note speaks of): the
#: reader records it, the question answerer looks for it.
IDENTITY_RULE = "open:identity"
#: The rule of a name a naming verb gives a noun ("a cluster, which everyone calls hopper"; kg/ingest/relations.py).
CALLED_RULE = "open:called"

PREFIXES = {
    "kg": KG,
    "kgo": KGO,
    "rdf": RDF,
    "rdfs": RDFS,
    "skos": SKOS,
    "owl": OWL,
    "prov": PROV,
    "dcterms": DCTERMS,
    "xsd": XSD,
}


def data_dir() -> Path:
    """Return the bundled data folder (``KG_DATA_DIR`` overrides it, e.g. in a container)."""
    env = os.environ.get("KG_DATA_DIR")
    return Path(env) if env else Path(__file__).resolve().parent.parent / "data"


__all__ = [
    "DCTERMS",
    "GRAPH",
    "IDENTITY_RULE",
    "KG",
    "KGO",
    "OWL",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "SKOS",
    "XSD",
    "data_dir",
]


def with_prefixes(query: str) -> str:
    """Prepend the PREFIX lines a query needs, so it runs as-is on any SPARQL endpoint."""
    import re

    if not query:
        return query
    used = [p for p in PREFIXES if re.search(rf"(?<![\w<#/]){p}:", query)]
    lines = [f"PREFIX {p}: <{PREFIXES[p]}>" for p in used if f"PREFIX {p}:" not in query]
    return "\n".join([*lines, query]) if lines else query
