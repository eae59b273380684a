"""Read the ontology's words: which phrases state which relation, which names denote which class.

Everything ingestion knows about the domain's vocabulary comes from here, i.e. from the RDF of
``data/ontology.ttl`` (and any curated graph passed with it), never from Python literals.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from kg.namespaces import KGO
from kg.text import AUXILIARIES, FILLERS, getAllLemmas, getInflection, lemmas, name_key, tokenize

PREPOSITIONS = frozenset("in on at to from by with of for into inside within after before across as like than".split())
#: The graph's own bookkeeping classes (the notes themselves, their figures, the root of all concepts, a
#: recorded comparison): a note's word "documents" or "concepts" names things of the note, never these.
BOOKKEEPING_CLASSES = frozenset((KGO.Document, KGO.Figure, KGO.Concept, KGO.Comparison))


@dataclass(frozen=True, slots=True)
class Phrase:
    """A relation phrase as lemma sets, e.g. "is placed in" -> ({place}, {in}) (auxiliaries dropped)."""

    prop: URIRef
    words: tuple[frozenset[str], ...]
    text: str


@dataclass(frozen=True, slots=True)
class Pattern:
    """A slotted phrase: "create {s} from {o}" as parts between and around the slots."""

    prop: URIRef
    parts: tuple[tuple[frozenset[str], ...], ...]  # word groups: before s, between s and o, after o
    order: tuple[str, ...]  # slot order, e.g. ("s", "o")
    text: str


@dataclass
class Lexicon:
    """Relation phrases, slotted patterns, class names and brand words of an ontology."""

    phrases: list[Phrase] = field(default_factory=list)
    patterns: list[Pattern] = field(default_factory=list)
    classes: dict[str, URIRef] = field(default_factory=dict)  # name key -> class
    labels: dict[URIRef, str] = field(default_factory=dict)  # class/property -> label
    contrary: dict[URIRef, URIRef] = field(default_factory=dict)
    inverse: dict[URIRef, URIRef] = field(default_factory=dict)
    brands: frozenset[str] = frozenset()
    #: The class IRIs of ``classes`` (its values), kept once: readers test membership per noun phrase.
    class_iris: frozenset[URIRef] = frozenset()
    #: Each lemma that can open a phrase -> those phrases (so a clause is matched only against candidates).
    phrases_by_first_word: dict[str, list[Phrase]] = field(default_factory=dict)
    #: The lemmas that open a name of the definition relation ("meaning", "defined as"): verbs that say what
    #: a word means.
    defining: frozenset[str] = frozenset()

    @classmethod
    def from_graph(cls, graph: Graph) -> Lexicon:
        """Collect the vocabulary of every ``owl:ObjectProperty`` and ``owl:Class`` in ``graph``."""
        lex = cls()
        lex.brands = frozenset(str(o).lower() for o in graph.objects(None, KGO.brandPrefix))
        # Sorted: a set's order changes between processes, and the first name seen wins.
        for cls_iri in sorted(set(graph.subjects(RDF.type, OWL.Class)), key=str):
            if not isinstance(cls_iri, URIRef) or cls_iri in BOOKKEEPING_CLASSES:
                continue
            for name in _names(graph, cls_iri):
                lex.classes.setdefault(name_key(name), cls_iri)
            lex.labels[cls_iri] = str(graph.value(cls_iri, RDFS.label) or cls_iri)
        for prop in sorted(set(graph.subjects(RDF.type, OWL.ObjectProperty)), key=str):
            if not isinstance(prop, URIRef) or (prop, RDFS.domain, None) in graph:
                continue  # properties with a domain are structural (transition parts), not sentence verbs
            lex.labels[prop] = str(graph.value(prop, RDFS.label) or prop)
            # A relation of typed records ("starring": a work and a person) names its attribute with nouns
            # ("cast", "actors", "director"): a sentence's verb ("apprentices *cast* bells") is no such noun,
            # so only its label, a relation's phrase ("directed by"), reads a sentence.
            typed = (prop, KGO.subjectKind, None) in graph or (prop, KGO.objectKind, None) in graph
            label = graph.value(prop, RDFS.label)
            for name in [str(label)] if typed and label is not None else _names(graph, prop):
                words = phrase_words(name)
                if words and not all(w & PREPOSITIONS for w in words):  # "in" alone says nothing
                    lex.phrases.append(Phrase(prop, words, name))
            for pat in graph.objects(prop, KGO.pattern):
                lex.patterns.append(_pattern(prop, str(pat)))
            for other in graph.objects(prop, KGO.contrary):
                lex.contrary[prop] = other  # type: ignore[assignment]
            for other in graph.objects(prop, OWL.inverseOf):
                lex.inverse[prop] = other  # type: ignore[assignment]
                lex.inverse[other] = prop  # type: ignore[index]
        # Longest phrases first, so "lose data in" wins over "lose"; ties by property and name, the same
        # in every process.
        lex.phrases.sort(key=lambda p: (-len(p.words), str(p.prop), p.text))
        lex.class_iris = frozenset(lex.classes.values())
        openers = [phrase_words(name) for name in _names(graph, SKOS.definition)]
        lex.defining = frozenset(lemma for words in openers if words for lemma in words[0])
        for phrase in lex.phrases:
            for lemma in phrase.words[0]:
                lex.phrases_by_first_word.setdefault(lemma, []).append(phrase)
        return lex

    def class_for(self, name: str) -> URIRef | None:
        """Return the class a name denotes ("compute options" -> ComputeOption), or ``None``."""
        key = name_key(name)
        if key in self.classes:
            return self.classes[key]
        words = key.split()
        if words and words[0] in self.brands:
            return self.classes.get(" ".join(words[1:]))
        return None

    def head_class(self, name: str) -> URIRef | None:
        """Return the class named by the last words of ``name`` ("EC2 instance" -> Instance)."""
        words = name_key(name).split()
        for start in range(1, len(words)):
            found = self.classes.get(" ".join(words[start:]))
            if found is not None:
                return found
        return None


def opens_with_participle(text: str) -> bool:
    """Tell a verb phrase whose verb is a past participle ("is stored in", "reached from", "based on").

    Such a phrase is passive: its subject is what the verb is done to. "store in" and "stored in" have
    the same lemmas, and only the form tells which of the two things stores.
    """
    words = [t.lower for t in tokenize(text) if t.is_word and t.lower not in AUXILIARIES | FILLERS]
    if not words:
        return False
    first = words[0]
    return any(first != lemma and first in getInflection(lemma, "VBN") for lemma in getAllLemmas(first).get("VERB", ()))


def phrase_words(text: str) -> tuple[frozenset[str], ...]:
    """Return the lemma sets of a phrase's content words (auxiliaries dropped, "lose the data in" -> lose data in)."""
    words = [t.text for t in tokenize(text) if t.is_word and t.lower not in AUXILIARIES | FILLERS]
    return tuple(lemmas(w) for w in words)


def _pattern(prop: URIRef, text: str) -> Pattern:
    """Parse "create {s} from {o}" into word groups around its slots."""
    parts: list[tuple[frozenset[str], ...]] = []
    order: list[str] = []
    current: list[str] = []
    for piece in text.replace("{", " {").replace("}", "} ").split():
        if piece in ("{s}", "{o}"):
            parts.append(phrase_words(" ".join(current)))
            order.append(piece[1])
            current = []
        else:
            current.append(piece)
    parts.append(phrase_words(" ".join(current)))
    return Pattern(prop, tuple(parts), tuple(order), text)


def _names(graph: Graph, node: URIRef) -> list[str]:
    """Return the label and altLabels of ``node`` as plain strings."""
    out = []
    for pred in (RDFS.label, SKOS.prefLabel, SKOS.altLabel):
        out.extend(str(o) for o in graph.objects(node, pred) if isinstance(o, Literal))
    return out
