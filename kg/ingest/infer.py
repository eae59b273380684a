"""Derive the facts the ontology implies, each traced to the statement it was derived from.

Three RDFS/OWL rules, materialised once at build time so that questions need no reasoning:
``owl:inverseOf`` (an image creates an instance, so the instance is created from the image),
``owl:SymmetricProperty``, and class-level relations inherited by members (every orchestration
service orchestrates containers, so ECS does). Members also get the superclasses of their classes.

Inheritance is by default only: a member that states the relation itself keeps its own values and
inherits none ("EC2 provides compute capacity" is what the note says of EC2; what virtual machines or
services in general provide is not added to it). The specific statement overrides the general one, as
in default reasoning, so a class-level sentence written about a whole kind never outvotes what the
text says of the member.
"""

from __future__ import annotations

import hashlib
import re

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from kg.contrast import PARTIAL
from kg.namespaces import GRAPH, KG, KGO, PROPERTY_TYPES
from kg.text import getAllLemmas, is_numeral, noun_key

_PROVENANCE = (KGO.document, KGO.section, KGO.quote, KGO.figure)


def infer(union: Graph) -> Graph:
    """Return the triples implied by ``union`` (ontology + curated + documents) that it lacks."""
    out = Graph(identifier=GRAPH["inferred"])
    inverse = {}
    for p, q in union.subject_objects(OWL.inverseOf):
        inverse[p] = q
        inverse[q] = p
    symmetric = set(union.subjects(RDF.type, OWL.SymmetricProperty))
    relations = set(union.subjects(RDF.type, OWL.ObjectProperty))
    classes = set(union.subjects(RDF.type, OWL.Class))
    sources = _statement_index(union)

    def derive(triple, origin, rule):
        if triple in union or triple in out:
            return
        out.add(triple)
        s, p, o = triple
        st = KG[f"stmt-{hashlib.sha1(('|'.join(map(str, triple)) + rule).encode()).hexdigest()[:16]}"]
        out.add((st, RDF.type, RDF.Statement))
        out.add((st, RDF.subject, s))
        out.add((st, RDF.predicate, p))
        out.add((st, RDF.object, o))
        out.add((st, KGO.rule, Literal(rule)))
        for source in sources.get(origin, ()):
            out.add((st, KGO.derivedFrom, source))
            for prop in _PROVENANCE:
                for value in union.objects(source, prop):
                    out.add((st, prop, value))

    # (subject, relation) pairs the graphs state themselves: such a member inherits nothing of it.
    stated = {(s, p) for s, p, o in union if p in relations and isinstance(o, URIRef)}
    members: dict[URIRef, set] = {}
    for x, cls in union.subject_objects(RDF.type):
        if cls in classes and x != cls:
            members.setdefault(cls, set()).add(x)
    for s, p, o in list(union):
        if p in inverse and isinstance(o, URIRef):
            derive((o, inverse[p], s), (s, p, o), f"inverse of {_local(p)}")
        if p in symmetric and isinstance(o, URIRef):
            derive((o, p, s), (s, p, o), f"symmetric {_local(p)}")
        if p in relations and s in classes and not _said_of_some(union, sources.get((s, p, o), ()), s):
            for member in members.get(s, ()):
                if member != o and (member, p) not in stated:
                    derive((member, p, o), (s, p, o), f"inherited from {_local(s)}")
    for cls, parent, name in _compound_kinds(union, classes):
        derive((cls, RDFS.subClassOf, parent), (cls, RDFS.label, name), "kind named by its head")
    for x, cls in list(union.subject_objects(RDF.type)):
        if cls not in classes or not isinstance(x, URIRef):
            continue
        for sup in union.transitive_objects(cls, RDFS.subClassOf):
            if sup != cls and sup != KGO.Concept and sup in classes:
                derive((x, RDF.type, sup), (x, RDF.type, cls), f"subclass of {_local(sup)}")
    return out


def _compound_kinds(union: Graph, classes: set) -> list[tuple[URIRef, URIRef, Literal]]:
    """Return (class, parent, name) for each class whose name ends with the whole name of another concept.

    A compound names a kind of what its head names: a "glazing kiln" is a kind of "kiln", an "electric
    glazing kiln" a kind of "glazing kiln" (the longest such ending is the nearest kind). Classes from
    any source meet the note's concepts here: one a curated file or a heading gave ("orchestration
    service") hangs under the concept the notes name by its head ("service"). Only names of two words
    or more, never the class itself, and never a parent it already sits under; a name that may open
    with a verb's base form ("change owner") may be what something does, not a kind, and is left.
    A parent is a concept, never a relation: a table's column may mint a property named by the same
    noun ("Kiln" over a column gives the property "kiln"), and a kind of a property means nothing.
    Where several concepts bear the name, a class is preferred, then the first by IRI, so that the
    reading does not depend on the order the store returns labels in.
    """
    properties = {node for kind in PROPERTY_TYPES for node in union.subjects(RDF.type, kind)}
    by_name: dict[str, URIRef] = {}
    labelled = sorted(
        (
            (node, label)
            for node, label in union.subject_objects(RDFS.label)
            if node not in properties
            and ((isinstance(node, URIRef) and str(node).startswith(str(KG))) or node in classes)
        ),
        key=lambda pair: (pair[0] not in classes, str(pair[0]), str(pair[1])),
    )
    for node, label in labelled:
        by_name.setdefault(_name_key(str(label)), node)
    found = []
    for cls in sorted(classes):
        if not isinstance(cls, URIRef):
            continue
        above = set(union.transitive_objects(cls, RDFS.subClassOf))
        for name in sorted(union.objects(cls, RDFS.label)):
            words = str(name).split()
            if words and words[0].lower() in getAllLemmas(words[0].lower()).get("VERB", ()):
                continue  # "change owner" may be a verb and its object (what a command does), not a kind
            for start in range(1, len(words)):
                parent = by_name.get(_name_key(" ".join(words[start:])))
                if (
                    parent is not None
                    and parent not in above
                    and cls not in set(union.transitive_objects(parent, RDFS.subClassOf))
                ):
                    found.append((cls, parent, name))
                    break
    return found


def _name_key(name: str) -> str:
    """Return a name lowercased, its last word singular ("Glazing Kilns" -> "glazing kiln")."""
    words = name.lower().split()
    return " ".join([*words[:-1], noun_key(words[-1])]) if words else ""


def _said_of_some(union: Graph, statements, cls: URIRef) -> bool:
    """Tell whether every sentence that states a class's fact says it of only some of the class.

    "Some bikes have child seats" says nothing of any one bike: no member inherits it, nor does "Just two
    rooms have blinds" of any one room. The quantifier is closed-class grammar (``kg.contrast.PARTIAL``, or a
    number not said of the whole kind, ``_some_of``) right before the class's name.
    """
    names = [[noun_key(w) for w in str(n).lower().split()] for n in union.objects(cls, RDFS.label)]
    quotes = [str(q) for st in statements for q in union.objects(st, KGO.quote)]
    if not quotes or not names:
        return False

    def partial(quote: str) -> bool:
        words = [w.lower() for w in re.findall(r"[A-Za-z]+|\d+", quote)]
        return any(
            _some_of(words, i) and [noun_key(x) for x in words[i + 1 : i + 1 + len(name)]] == name
            for i in range(len(words))
            for name in names
        )

    return all(partial(q) for q in quotes)


def _some_of(words: list[str], i: int) -> bool:
    """Tell whether ``words[i]`` counts only part of the kind named after it: a partial quantifier ("some"),
    or a number not said of the whole ("*two* rooms", "only *three* kilns"; not "all three", "the two")."""
    if words[i] in PARTIAL:
        return True
    if not is_numeral(words[i]):
        return False
    return i == 0 or words[i - 1] not in WHOLE_COUNTS


#: The words before a number that count the whole kind with it ("all three", "the two", "both").
WHOLE_COUNTS = frozenset("all the both these those each every our its their".split())


def _statement_index(graph: Graph) -> dict[tuple, list]:
    index: dict[tuple, list] = {}
    for st in graph.subjects(RDF.type, RDF.Statement):
        triple = (graph.value(st, RDF.subject), graph.value(st, RDF.predicate), graph.value(st, RDF.object))
        index.setdefault(triple, []).append(st)
    return index


def _local(iri: URIRef) -> str:
    return str(iri).rsplit("#", 1)[-1].rsplit("/", 1)[-1]
