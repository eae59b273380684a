"""Keep the concepts of a document: mint them, give them names, and find their mentions in text.

One node per concept however a document names it: "EC2 instances", "EC2 instance" and "Amazon EC2
instance" share a name key; a bare "instance" means the most recently named concept whose name ends
with that word (the way a reader resolves "the instance" after reading about EC2 instances).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from kg.ingest.lexicon import BOOKKEEPING_CLASSES, Lexicon
from kg.namespaces import KG, KGO, PROPERTY_TYPES
from kg.text import Token, cased_key, cased_name_key, name_key, noun_key, plural, slug, without_placeholders


@dataclass
class Concept:
    """A concept being built: its node, names, types and the sentences that define it."""

    iri: URIRef
    label: str
    aliases: set[str] = field(default_factory=set)
    acronyms: set[str] = field(default_factory=set)
    types: set[URIRef] = field(default_factory=set)
    definitions: list[tuple[int, str, object]] = field(default_factory=list)  # (rank, sentence, source)
    known: bool = False  # came from the ontology or a curated graph, not from this document
    titled: bool = False  # named after a title ("Dr. Vale"): a person, whatever its words


@dataclass(frozen=True, slots=True)
class Mention:
    """A concept named in a token list, tokens [start, end)."""

    concept: Concept
    start: int
    end: int


class ConceptRegistry:
    """Mint, name and find concepts; resolve different names of one concept to one node."""

    def __init__(self, lexicon: Lexicon, known: Graph | None = None):
        self.lexicon = lexicon
        self.concepts: dict[URIRef, Concept] = {}
        self._by_key: dict[tuple[str, ...], Concept] = {}
        #: Concepts in the order the document last named them (a dict: moving one to the end is O(1)).
        self._recent: dict[URIRef, Concept] = {}
        #: Every leading part of a name key: a window of words that is none cannot grow into a name.
        self._prefixes: set[tuple[str, ...]] = set()
        if known is not None:
            self._load_known(known)

    # -- naming ------------------------------------------------------------------------------------
    def _load_known(self, graph: Graph) -> None:
        """Register the classes and curated concepts of the ontology graph as known names."""
        skip_types = {*PROPERTY_TYPES, OWL.Ontology, KGO.Figure, KGO.Document, KGO.Transition}
        for node in set(graph.subjects(RDFS.label, None)):
            if not isinstance(node, URIRef) or node in BOOKKEEPING_CLASSES:
                continue  # "documents" in a note are the note's own things, not the graph's notes
            if any((node, RDF.type, t) in graph for t in skip_types):
                continue
            if not str(node).startswith((str(KGO), str(KG))):
                continue  # rdf:type, skos:definition...: vocabulary of the vocabulary, not concepts
            label = str(graph.value(node, RDFS.label))
            concept = Concept(node, label, known=True)
            self.concepts[node] = concept
            for name in [label, *(str(a) for a in graph.objects(node, SKOS.altLabel))]:
                self._index(name, concept)

    def _index(self, name: str, concept: Concept) -> None:
        """Map a name to a concept; a document's own name beats a generic ontology synonym."""
        key = tuple(cased_name_key(name).split())
        if not key:
            return
        keys = [key, key[1:]] if key[0] in self.lexicon.brands and len(key) > 1 else [key]
        for k in keys:
            current = self._by_key.get(k)
            if current is None or (current.known and not concept.known and k != tuple(name_key(current.label).split())):
                self._by_key[k] = concept
            self._prefixes.update(k[:n] for n in range(1, len(k) + 1))

    def lookup(self, name: str) -> Concept | None:
        """Return the concept a name denotes, if any (brand prefix optional; placeholders dropped)."""
        key = tuple(cased_name_key(without_placeholders(name)).split())
        if key and key[0] in self.lexicon.brands and len(key) > 1 and key not in self._by_key:
            key = key[1:]
        return self._by_key.get(key)

    def get_or_mint(self, name: str) -> Concept:
        """Return the concept ``name`` denotes, minting a new one (typed by its head word) if none."""
        name = without_placeholders(name)
        found = self.lookup(name)
        if found is not None:
            self.seen_as(found, name)
            return found
        label = singular_label(name)
        iri = KG[slug(label)]
        while iri in self.concepts:
            iri = URIRef(str(iri) + "-2")
        concept = Concept(iri, label)
        head = label.split(" of ")[0]  # "size of message" is a size, not a message
        cls = self.lexicon.class_for(head) or self.lexicon.head_class(head)
        if cls is not None:
            concept.types.add(cls)
        self.concepts[iri] = concept
        self.add_alias(concept, name)
        self._index(label, concept)
        spaced = HYPHEN_RE.sub(" ", label)
        if spaced != label:
            self.add_alias(concept, spaced)  # "block-level storage", also written "block level storage"
        return concept

    def seen_as(self, concept: Concept, name: str) -> None:
        """Note that the text names ``concept`` as ``name``: a lowercase form of a label whose only capital is
        its first letter is a name of it too.

        "an encoding" under "## Encodings": the heading's capital is its position's, not the name's. A
        question that writes "an encoding" then names the concept as the text does.
        """
        name = " ".join(name.split())
        label = concept.label
        lowered = not concept.known and name.islower() and label[:1].isupper() and label[1:].islower()
        if lowered and name_key(name) == name_key(label) and name not in concept.aliases:
            self.add_alias(concept, name)

    def add_alias(self, concept: Concept, name: str, acronym: bool = False) -> None:
        """Give ``concept`` another name, and its plural, and the name without the brand word."""
        name = " ".join(name.split())
        if not name:
            return
        if acronym:
            concept.acronyms.add(name)
        elif name != concept.label:
            concept.aliases.add(name)
        self._index(name, concept)
        if name.isupper() or acronym:
            self._index(name + "s", concept)
        words = name.split()
        if len(words) > 1 and words[0].lower() in self.lexicon.brands:
            concept.aliases.add(" ".join(words[1:]))
            self._index(" ".join(words[1:]), concept)

    def rename(self, concept: Concept, long_form: str) -> None:
        """Make ``long_form`` the label of a concept named so far by a short form, which becomes its acronym."""
        short = concept.label
        concept.label = " ".join(long_form.split())
        concept.aliases.discard(concept.label)
        self.add_alias(concept, short, acronym=True)
        self._index(concept.label, concept)
        cls = self.lexicon.class_for(concept.label) or self.lexicon.head_class(concept.label)
        if cls is not None:
            concept.types.add(cls)  # "relational db service" is a service

    def merge(self, keep: Concept, gone: Concept) -> None:
        """Make ``gone`` one more name of ``keep``: its names, types and definitions move, its node goes.

        For two names of one thing found before any fact is read ("Apache Kafka" and "Kafka").
        """
        keep.aliases |= gone.aliases | {gone.label}
        keep.aliases.discard(keep.label)
        keep.acronyms |= gone.acronyms
        keep.types |= gone.types - {keep.iri}
        keep.definitions += gone.definitions
        for key, concept in self._by_key.items():
            if concept is gone:
                self._by_key[key] = keep
        self.concepts.pop(gone.iri, None)
        self._recent.pop(gone.iri, None)

    def touch(self, concept: Concept) -> None:
        """Record that the document just named ``concept`` (for resolving later bare head nouns)."""
        self._recent.pop(concept.iri, None)
        self._recent[concept.iri] = concept

    # -- finding mentions --------------------------------------------------------------------------
    def mentions(self, tokens: list[Token]) -> list[Mention]:
        """Find concept names in ``tokens``, longest first, left to right, without overlaps."""
        words = [i for i, t in enumerate(tokens) if t.is_word]  # names may span commas
        keys = [cased_key(tokens[i].text) for i in words]
        by_key, prefixes = self._by_key, self._prefixes
        found: list[Mention] = []
        w = 0
        while w < len(words):
            # Grow the window while it still begins some name; keep the longest window that is one.
            longest, concept = 0, None
            for n in range(1, len(words) - w + 1):
                window = tuple(keys[w : w + n])
                if window not in prefixes:
                    break
                named = by_key.get(window)
                if named is not None:
                    longest, concept = n, named
            if concept is None:
                w += 1
                continue
            found.append(
                Mention(self._resolve_bare(concept, keys[w : w + longest]), words[w], words[w + longest - 1] + 1)
            )
            w += longest
        return found

    def _resolve_bare(self, concept: Concept, words: list[str]) -> Concept:
        """Resolve a one-word generic name ("instance") to the latest concept named "... instance"."""
        if len(words) != 1 or not concept.known:
            return concept
        kinds = [
            recent for recent in reversed(self._recent.values())
            if not recent.known and len(key := name_key(recent.label).split()) > 1 and key[-1] == words[0]
        ]  # fmt: skip
        if len(kinds) != 1:
            # None named, or several ("A widgets" and "B widgets"): a bare "widget" means any widget.
            return concept
        kinds[0].aliases.add(words[0])  # the document calls it so: "an image creates an instance"
        return kinds[0]

    def named_kind(self, word: str) -> Concept | None:
        """Return the one concept lately named by a proper name ending with ``word``, or ``None``.

        A reader takes "the widget" after "the Acme Widget" was introduced to mean the Acme Widget: a
        bare common noun the document has not named by itself refers back to the one named thing of
        that head noun it has been talking about. Only names written with a capital (a product, a
        brand) are taken back so; "a commit" after "a merge commit" is commits in general.
        """
        key = name_key(word)
        if not key or " " in key:
            return None
        kinds = [
            recent for recent in reversed(self._recent.values())
            if not recent.known and len(k := name_key(recent.label).split()) > 1 and k[-1] == key
            and any(w[:1].isupper() for w in recent.label.split()[:-1])
        ]  # fmt: skip
        if len(kinds) != 1:
            return None  # none named, or several ("A widgets" and "B widgets"): any widget
        kinds[0].aliases.add(word)
        return kinds[0]

    # -- output ------------------------------------------------------------------------------------
    def to_graph(self, graph: Graph, only: set[URIRef]) -> None:
        """Write names, types and definitions of the concepts in ``only`` into ``graph``."""
        for iri in only:
            concept = self.concepts[iri]
            if not concept.known:
                graph.add((iri, RDFS.label, Literal(concept.label)))
                graph.add((iri, RDF.type, KGO.Concept))
            names = set(concept.aliases) | ({concept.label} if not concept.known else set())
            for name in list(names):
                if not name.isupper():
                    names.add(plural(name))
            for name in sorted(names - {concept.label}):
                graph.add((iri, SKOS.altLabel, Literal(name)))
            for acronym in sorted(concept.acronyms):
                graph.add((iri, KGO.acronym, Literal(acronym)))
                graph.add((iri, SKOS.altLabel, Literal(acronym)))
            for cls in concept.types:
                if cls != iri:
                    graph.add((iri, RDF.type, cls))
            # An ontology concept keeps its own comment unless the document truly defines it.
            definitions = [d for d in concept.definitions if not concept.known or d[0] <= 2]
            if definitions:
                _, sentence, _ = min(definitions, key=lambda d: d[0])
                graph.add((iri, SKOS.definition, Literal(sentence)))


#: A hyphen inside a word ("block-level", "Ctrl-x"): a name written so is often written with a space too.
HYPHEN_RE = re.compile(r"(?<=[A-Za-z])-(?=[A-Za-z])")


def singular_label(name: str) -> str:
    """Return a name with its last word singular, keeping the writer's case ("EC2 instances").

    A word in capitals is a name as written ("OPTIONS", "ACCESS"): a short form's plural takes a small "s"
    ("AMIs").
    """
    words = " ".join(name.split()).split(" ")
    last = words[-1]
    key = noun_key(last)
    if key != last.lower() and not (last.isupper() and last.isalpha()):
        last = key if last.islower() else key[0].upper() + key[1:]
    return " ".join([*words[:-1], last])
