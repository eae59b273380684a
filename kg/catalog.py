"""Read what the answering engine needs to know about a graph, once: names, predicates, shape.

Any RDF graph with labels works: entities are the IRIs with an ``rdfs:label`` (or ``skos:prefLabel``);
predicates are named by their ``rdfs:label``, ``skos:altLabel`` and ``kgo:questionPhrase`` when the
graph has them, else by their local name ("starred_actors" -> "starred actors"). The shape is the set
of predicate pairs that meet at some node, which bounds the multi-hop paths worth trying without
walking the graph per question.

Reading all that takes seconds on a large graph (MetaQA: ~5 CPU s), and every server worker does it at
every start. Given a ``cache_dir``, the catalog is read once per machine: its loaded state is pickled
into a file named by a fingerprint of the store's content (see :func:`store_fingerprint`), and the next
process over the same unchanged store loads that file instead. Only directory stores opened shared or
read-only are cached: their writes move a generation counter, a rebuild swaps the directory, and any
other change to their files shows in the fingerprint. A store this process holds open for writing
changes without any of that, and a memory or remote store has no such marks, so they are always read.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import pickle
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from kg.namespaces import KGO, with_prefixes
from kg.sharing import directory_fingerprint
from kg.store import KGStore
from kg.text import COMPLEX_PLACE_PREPOSITIONS, PLACE_PREPOSITIONS, cased_name_key, name_key

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX: processes may each read the store once
    fcntl = None  # type: ignore[assignment]

log = logging.getLogger(__name__)

#: Predicates that record provenance or bookkeeping, never traversed when answering.
BOOKKEEPING = frozenset(
    {
        RDF.subject, RDF.predicate, RDF.object, KGO.document, KGO.section, KGO.quote, KGO.rule,
        KGO.derivedFrom, KGO.mentions, KGO.shownIn, KGO.figure, KGO.fileName, KGO.sha256,
        KGO.context, KGO.contextSubject, KGO.contextMentions,
        RDFS.label, SKOS.altLabel, SKOS.prefLabel, KGO.acronym, SKOS.definition, RDFS.comment,
        OWL.inverseOf, KGO.contrary, KGO.pattern, KGO.questionPhrase, KGO.questionWord,
        RDFS.domain, RDFS.range, KGO.brandPrefix, KGO.subjectKind, KGO.objectKind, KGO.minted, KGO.negationOf,
        KGO.unrealisedBy,
    }
)  # fmt: skip
#: Node types that are records, not things people ask about.
RECORD_TYPES = frozenset({RDF.Statement, KGO.Sentence, KGO.Document, KGO.Figure, OWL.Ontology})
OUT, IN = "out", "in"
W3C_VOCABULARIES = (str(RDF), str(RDFS), str(OWL), str(SKOS))
#: The attributes a catalog's loading fills in: what its cache file holds.
STATE = ("entities", "predicates", "classes", "by_name", "follow", "kind_words", "brands")
#: Bump when the cached state's layout changes in a way the code digest would not notice.
CACHE_FORMAT = 3
#: Nodes a relation must start from before its share of single values says anything (see Predicate).
SINGLE_VALUED_MIN = 20


@dataclass
class Entity:
    """A thing with a name: its labels, definition, classes."""

    iri: URIRef
    label: str
    aliases: list[str] = field(default_factory=list)
    definition: str | None = None
    types: set[URIRef] = field(default_factory=set)

    def spelt(self, text: str) -> bool:
        """Tell whether ``text`` is one of this entity's names letter for letter, case included."""
        return text == self.label or text in self.aliases


@dataclass
class Predicate:
    """A relation and the words for it."""

    iri: URIRef
    label: str
    names: list[str] = field(default_factory=list)  # label, altLabels, question phrases
    inverse: URIRef | None = None
    contrary: URIRef | None = None
    question_words: set[str] = field(default_factory=set)
    literal: bool = False  # its values are literals (qualities), not entities
    #: The particle a relation read with its verb's direct object ends in ("take *in*"), or None.
    particle: str | None = None
    #: Nouns for what its subjects and its objects are ("work" / "person" for "directed by"), as noun keys.
    subject_kinds: set[str] = field(default_factory=set)
    object_kinds: set[str] = field(default_factory=set)
    #: What the relation means, in a sentence: its own ``skos:definition`` or ``rdfs:comment``, else the
    #: aligned ontology relation's. Questions are compared with it as a whole (kg/relation_meaning.py).
    description: str = ""
    #: How an answer says the relation of one subject ("attaches to" for the lemma label "attach to"):
    #: its ``skos:prefLabel``, else the label.
    reading: str = ""
    #: The relation this one denies: "does not support" is the negation of "support" (``kgo:negationOf``).
    negation_of: URIRef | None = None
    #: The words that make the relation only meant or wanted ("hope" of "hope to buy",
    #: ``kgo:unrealisedBy``): a question that does not say them is not asking about it.
    unrealised_by: str | None = None
    #: Per direction, the share of the nodes a step starts from that reach exactly one node, when at
    #: least ``SINGLE_VALUED_MIN`` nodes use the relation that way: how nearly the graph makes it a
    #: function ("release year": one per film).
    single_valued: dict[str, float] = field(default_factory=dict)

    def kinds(self, direction: str) -> set[str]:
        """Return the nouns for the node a step along this predicate arrives at."""
        return self.object_kinds if direction == OUT else self.subject_kinds


class Catalog:
    """Names, predicates and shape of a graph, read from a :class:`KGStore` in a few queries.

    With ``cache_dir``, read from the catalog cache file when the store is unchanged since it was
    written (see the module notes), and written there after reading the store otherwise.
    """

    def __init__(self, store: KGStore, cache_dir: Path | str | None = None):
        self.entities: dict[URIRef, Entity] = {}
        self.predicates: dict[URIRef, Predicate] = {}
        self.classes: set[URIRef] = set()
        self.by_name: dict[str, set[URIRef]] = defaultdict(set)  # name key -> entities
        self.follow: dict[tuple[URIRef, str], set[tuple[URIRef, str]]] = defaultdict(set)
        #: Every noun that names a kind of subject or object of some predicate ("work", "person").
        self.kind_words: set[str] = set()
        #: Words that may precede a name without changing what it names ("Amazon" S3), lowercase.
        self.brands: set[str] = set()
        fingerprint = store_fingerprint(store) if cache_dir else None
        if fingerprint is None:
            self._load(store)
        else:
            self._load_cached(store, Path(cache_dir), fingerprint)  # type: ignore[arg-type]

    # -- the cache file ----------------------------------------------------------------------------
    def _load_cached(self, store: KGStore, cache_dir: Path, fingerprint: tuple) -> None:
        """Take the state from the cache file; failing that, read the store and write the file.

        Processes that start together (a server's workers) take turns under the file's lock, so one
        reads the store and the others then load what it wrote. A cache that cannot be written (a
        read-only or full disk) costs the speed-up, never the start.
        """
        path = catalog_path(cache_dir, fingerprint)
        if self._restore(path, fingerprint):
            return
        loaded = False
        try:
            cache_dir.mkdir(parents=True, exist_ok=True)
            with _locked(path.with_name(path.name + ".lock")):
                if self._restore(path, fingerprint):
                    return
                self._load(store)
                loaded = True
                _save(path, (CACHE_FORMAT, fingerprint, {name: getattr(self, name) for name in STATE}))
                _prune(path)
        except OSError as exc:
            log.warning("cannot keep the catalog in %s: %s", cache_dir, exc)
            if not loaded:
                self._load(store)

    def _restore(self, path: Path, fingerprint: tuple) -> bool:
        """Fill this catalog from ``path``; tell whether it held a catalog of this very store content."""
        try:
            with open(path, "rb") as source:
                fmt, saved, state = pickle.load(source)  # our own file, in our own cache directory
        except (FileNotFoundError, NotADirectoryError):
            return False
        except Exception as exc:  # a damaged pickle raises nearly anything: read the store instead
            log.warning("ignoring unreadable catalog cache %s: %s", path, exc)
            return False
        if fmt != CACHE_FORMAT or saved != fingerprint or not isinstance(state, dict) or set(state) != set(STATE):
            log.warning("ignoring catalog cache %s: written for another store or format", path)
            return False
        for name in STATE:
            setattr(self, name, state[name])
        return True

    # -- loading -----------------------------------------------------------------------------------
    def _load(self, store: KGStore) -> None:
        records: set[URIRef] = set()
        for (node,) in _select(
            store, "SELECT DISTINCT ?n WHERE { VALUES ?t { %s } ?n a ?t }" % " ".join(t.n3() for t in RECORD_TYPES)
        ):
            records.add(node)
        props = set()
        for (p,) in _select(
            store,
            "SELECT DISTINCT ?p WHERE { VALUES ?t { owl:ObjectProperty owl:DatatypeProperty "
            "owl:AnnotationProperty rdf:Property owl:SymmetricProperty } ?p a ?t }",
        ):
            props.add(p)
        defined: dict[URIRef, list[str]] = defaultdict(list)
        for (cls,) in _select(store, "SELECT DISTINCT ?c WHERE { { ?c a owl:Class } UNION { ?x a ?c } }"):
            if isinstance(cls, URIRef):
                self.classes.add(cls)
        names = _select(
            store,
            "SELECT ?n ?p ?v WHERE { VALUES ?p { rdfs:label skos:prefLabel skos:altLabel kgo:acronym "
            "skos:definition rdfs:comment } ?n ?p ?v }",
        )
        # Sorted: the store's row order follows its hashed indexes, which differ from process to process;
        # the first label read becomes the label, the others aliases, so unsorted a concept's name (and an
        # answer naming it) would depend on the process (see ``_name_order``).
        for node, pred, value in sorted(names, key=_name_order):
            if not isinstance(node, URIRef) or node in records or node in props:
                continue
            entity = self.entities.get(node)
            text = str(value)
            if entity is None:
                entity = self.entities[node] = Entity(node, "")
            if pred in (RDFS.label, SKOS.prefLabel):
                if not entity.label:
                    entity.label = text
                elif text not in entity.aliases and text != entity.label:
                    entity.aliases.append(text)
            elif pred in (SKOS.altLabel, KGO.acronym):
                if text not in entity.aliases:
                    entity.aliases.append(text)
            elif pred == SKOS.definition or (pred == RDFS.comment and entity.definition is None):
                entity.definition = text
                if pred == SKOS.definition:
                    defined[node].append(text)
        self._prefer_stated(store, {n: texts for n, texts in defined.items() if len(texts) > 1})
        used = {p for (p,) in _select(store, "SELECT DISTINCT ?p WHERE { ?s ?p ?o }")}
        for iri in [i for i in self.entities if i in used or str(i).startswith(W3C_VOCABULARIES)]:
            del self.entities[iri]  # predicates and the RDF vocabularies are relations, not things
        for iri in [i for i, e in self.entities.items() if not e.label]:
            entity = self.entities[iri]
            if entity.aliases:
                entity.label = entity.aliases.pop(0)
            else:
                del self.entities[iri]
        for node, cls in _select(store, "SELECT ?n ?c WHERE { ?n a ?c }"):
            if node in self.entities and isinstance(cls, URIRef):
                self.entities[node].types.add(cls)
        for iri, entity in self.entities.items():
            for name in [entity.label, *entity.aliases]:
                key = cased_name_key(name)  # "SET" (a command) is not named by "set" (see kg.text.cased_name)
                if key:
                    self.by_name[key].add(iri)
        self._load_predicates(store, used)
        self._load_shape(store)
        self.brands = {str(b).lower() for (b,) in _select(store, "SELECT ?b WHERE { ?x kgo:brandPrefix ?b }")}

    def _prefer_stated(self, store: KGStore, rivals: dict[URIRef, list[str]]) -> None:
        """Give a concept that several notes define the definition a note states in a sentence of its own.

        Each note defines what it names: "heddle" in one note's sentence ("A heddle is a wire loop that ...")
        and in another's table, as the term of some context ("heddle (Jacquard term)."). A sentence the notes
        wrote says what the thing is; one composed from a table's layout only places it: the stated one is kept.
        """
        texts = {t for found in rivals.values() for t in found}
        if not texts:
            return
        values = " ".join(Literal(t).n3() for t in sorted(texts))
        stated = {
            str(q)
            for (q,) in _select(store, f"SELECT DISTINCT ?q WHERE {{ VALUES ?q {{ {values} }} ?s kgo:quote ?q }}")
        }
        for node, found in rivals.items():
            said = [t for t in found if t in stated]
            if said and node in self.entities:
                self.entities[node].definition = said[-1]

    def _load_predicates(self, store: KGStore, used: set[URIRef]) -> None:
        literal_valued = {p for (p,) in _select(store, "SELECT DISTINCT ?p WHERE { ?s ?p ?o FILTER(isLiteral(?o)) }")}
        for p in used:
            if p in BOOKKEEPING or not isinstance(p, URIRef):
                continue
            self.predicates[p] = Predicate(p, _local_label(p), literal=p in literal_valued)
        # Only the predicates' own names: unbound, ?p would match every entity's label as well.
        names = (
            _select(
                store,
                "SELECT ?p ?k ?v WHERE { VALUES ?p { %s } VALUES ?k { rdfs:label skos:altLabel skos:prefLabel "
                "kgo:questionPhrase kgo:questionWord owl:inverseOf kgo:contrary kgo:subjectKind kgo:objectKind "
                "skos:definition rdfs:comment kgo:negationOf kgo:unrealisedBy kgo:particle } ?p ?k ?v }"
                % " ".join(p.n3() for p in self.predicates),
            )
            if self.predicates
            else []
        )
        for p, kind, value in names:
            pred = self.predicates.get(p)
            if pred is None:
                continue
            if kind == RDFS.label and isinstance(value, Literal):
                pred.label = str(value)
            elif kind in (SKOS.altLabel, KGO.questionPhrase):
                pred.names.append(str(value))
            elif kind == SKOS.prefLabel:
                pred.reading = str(value)
            elif kind == KGO.questionWord:
                pred.question_words.add(str(value).lower())
            elif kind == OWL.inverseOf:
                pred.inverse = value  # type: ignore[assignment]
                if value in self.predicates:
                    self.predicates[value].inverse = p  # type: ignore[index]
            elif kind == KGO.contrary:
                pred.contrary = value  # type: ignore[assignment]
            elif kind == KGO.subjectKind:
                pred.subject_kinds.add(name_key(str(value)))
            elif kind == KGO.objectKind:
                pred.object_kinds.add(name_key(str(value)))
            elif kind == KGO.negationOf:
                pred.negation_of = value  # type: ignore[assignment]
            elif kind == KGO.unrealisedBy:
                pred.unrealised_by = str(value)
            elif kind == KGO.particle:
                pred.particle = str(value)
            elif kind == SKOS.definition or (kind == RDFS.comment and not pred.description):
                pred.description = str(value)
        # rdfs:domain and rdfs:range say the same with classes: their names are kinds too.
        for p, kind, name in _select(
            store,
            "SELECT ?p ?k ?n WHERE { VALUES ?k { rdfs:domain rdfs:range } ?p ?k ?c . ?c rdfs:label|skos:altLabel ?n }",
        ):
            if p in self.predicates:
                kinds = self.predicates[p].subject_kinds if kind == RDFS.domain else self.predicates[p].object_kinds
                kinds.add(name_key(str(name)))
        for pred in self.predicates.values():
            if pred.label not in pred.names:
                pred.names.insert(0, pred.label)
        self._align(store)
        self._place_relations()
        self._load_single_valued(store)
        self.kind_words = {k for p in self.predicates.values() for k in p.subject_kinds | p.object_kinds}

    def _place_relations(self) -> None:
        """Let "where" ask along a note's relation whose words end in a preposition of place ("sits *at*",
        "is kept *in*"), as it asks along the ontology's relations of place: the relation's own grammar says
        its object is where the subject is or goes. Relations with question words of their own keep them."""
        for pred in self.predicates.values():
            label = pred.label.lower()
            words = label.split()
            placing = words[-1] in PLACE_PREPOSITIONS or any(
                label.endswith(f" {p}") for p in COMPLEX_PLACE_PREPOSITIONS
            )
            # "draws in the fumes": a verb's particle ends the name, no preposition; its object is no place.
            if len(words) > 1 and placing and not pred.question_words and not pred.literal and not pred.particle:
                pred.question_words.add("where")

    def _load_single_valued(self, store: KGStore) -> None:
        """Measure, per relation and direction, how often a node has exactly one value for it.

        The graph's own statistics, not a list of functional relations: where nearly every film has one
        release year, a name that reaches several is shared by several things (two films of that name).
        """
        for direction, (start, end) in ((OUT, ("?s", "?o")), (IN, ("?o", "?s"))):
            rows = _select(
                store,
                "SELECT ?p (COUNT(?n) AS ?nodes) (SUM(IF(?values = 1, 1, 0)) AS ?single) WHERE { "
                "SELECT ?p (%s AS ?n) (COUNT(DISTINCT %s) AS ?values) WHERE { ?s ?p ?o FILTER(isIRI(?o)) } "
                "GROUP BY ?p %s } GROUP BY ?p" % (start, end, start),
            )
            for p, nodes, single in rows:
                pred = self.predicates.get(p)
                if pred is not None and int(nodes) >= SINGLE_VALUED_MIN:
                    pred.single_valued[direction] = int(single) / int(nodes)

    def _align(self, store: KGStore) -> None:
        """Give predicates that are named only by their label the words of the matching ontology relation.

        "has tags" shares its content words with the ontology's "tags" (kgo:about), so questions may
        ask about it as "what is X about". A predicate aligns with the relation whose
        matching name covers the most of its label words; a tie aligns with neither.
        """
        vocabulary: dict[URIRef, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        for p, kind, value in _select(
            store,
            "SELECT ?p ?k ?v WHERE { ?p a owl:ObjectProperty . VALUES ?k { rdfs:label skos:altLabel "
            "kgo:questionPhrase kgo:questionWord kgo:subjectKind kgo:objectKind rdfs:comment } ?p ?k ?v }",
        ):
            if str(p).startswith(str(KGO)):
                vocabulary[p][str(kind)].append(str(value))
        for pred in self.predicates.values():
            if str(pred.iri).startswith(str(KGO)) or len(pred.names) > 1 or pred.literal:
                continue
            words = _content(pred.label)
            best: list[tuple[int, URIRef]] = []
            for rel, names in vocabulary.items():
                for name in names[str(RDFS.label)] + names[str(SKOS.altLabel)]:
                    name_words = _content(name)
                    if name_words and name_words <= words:
                        # The same name ("written by") beats one that merely shares words ("written to").
                        best.append(((name_key(name) == name_key(pred.label), len(name_words)), rel))
            if not best:
                continue
            top = max(n for n, _ in best)
            winners = {rel for n, rel in best if n == top}
            if len(winners) != 1:
                continue
            names = vocabulary[winners.pop()]
            for kind in (RDFS.label, SKOS.altLabel, KGO.questionPhrase):
                pred.names.extend(n for n in names[str(kind)] if n not in pred.names)
            pred.question_words.update(w.lower() for w in names[str(KGO.questionWord)])
            pred.subject_kinds.update(name_key(n) for n in names[str(KGO.subjectKind)])
            pred.object_kinds.update(name_key(n) for n in names[str(KGO.objectKind)])
            pred.description = pred.description or next(iter(names[str(RDFS.comment)]), "")

    def _load_shape(self, store: KGStore) -> None:
        """Record which (predicate, direction) pairs meet at some node, for multi-hop candidates."""
        incident: dict[URIRef, set[tuple[URIRef, str]]] = defaultdict(set)
        for node, p in _select(store, "SELECT DISTINCT ?n ?p WHERE { ?n ?p ?o FILTER(isIRI(?o)) }"):
            if p in self.predicates:
                incident[node].add((p, OUT))
        for node, p in _select(store, "SELECT DISTINCT ?n ?p WHERE { ?s ?p ?n FILTER(isIRI(?n)) }"):
            if p in self.predicates:
                incident[node].add((p, IN))
        for sides in {frozenset(s) for s in incident.values()}:
            for arrived in sides:
                self.follow[arrived].update(sides)

    # -- reading -----------------------------------------------------------------------------------
    def label(self, iri: URIRef) -> str:
        """Return the label of an entity or predicate (its local name if it has none)."""
        if iri in self.entities:
            return self.entities[iri].label
        if iri in self.predicates:
            return self.predicates[iri].label
        return _local_label(iri)

    def next_steps(self, pred: URIRef, direction: str) -> set[tuple[URIRef, str]]:
        """Return the steps that can follow a step along ``pred`` in ``direction``.

        Arriving over an outgoing edge puts you at its object, which has that predicate incoming.
        """
        at_node = (pred, IN if direction == OUT else OUT)
        return self.follow.get(at_node, set())


def prepare_cache(store: KGStore, cache_dir: Path | str) -> bool | None:
    """Make sure the cache file of the store's catalog exists; return whether it had to be made now.

    ``None`` means the store's catalog is never cached (see the module notes). A server calls this once
    before it starts its workers, so that every worker loads the file and none reads the store. A file
    already there is not opened: checking that it can be loaded would cost as much as loading it.
    """
    fingerprint = store_fingerprint(store)
    if fingerprint is None:
        return None
    if catalog_path(Path(cache_dir), fingerprint).is_file():
        return False
    Catalog(store, cache_dir=cache_dir)
    return True


def store_fingerprint(store: KGStore) -> tuple | None:
    """Return what identifies the content of a directory store; ``None`` for stores not worth caching.

    The store's real path, the directory's device and inode (a rebuild swaps in a new directory), the
    write generation that :mod:`kg.sharing` moves on every write, the directory's files with their sizes
    and modification times (writes by other programs, such as ``oxigraph load``), and the triple count.
    All are read under the store's read lock, so no write can fall between them. Only stores opened
    shared or read-only qualify: a store this process holds for writing is written without any trace.
    """
    if store.kind != "oxigraph" or store.shared is None or not store.location:
        return None
    directory = Path(store.location)
    try:
        with store.reading() as handle:
            info = os.stat(directory)
            try:
                counter = (directory / "kg-generation").read_text().strip()
            except FileNotFoundError:
                counter = ""
            files = directory_fingerprint(directory)
            rows = list(handle.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", use_default_graph_as_union=True))
    except OSError as exc:
        log.warning("not caching the catalog of %s: %s", directory, exc)
        return None
    count = int(rows[0]["n"].value) if rows else 0
    return (str(directory.resolve()), info.st_dev, info.st_ino, counter, files, count, _code_digest())


def catalog_path(cache_dir: Path, fingerprint: tuple) -> Path:
    """Return where the catalog of this store content is kept: named by the store's path, then its content."""
    place = hashlib.sha256(str(fingerprint[0]).encode()).hexdigest()[:12]
    content = hashlib.sha256(repr(fingerprint).encode()).hexdigest()[:24]
    return cache_dir / f"catalog-{place}-{content}.pickle"


def _code_digest() -> str:
    """Hash the code that decides what a catalog holds, so a changed reading never meets an old file."""
    from kg import namespaces, text

    digest = hashlib.sha256()
    for module_file in (__file__, namespaces.__file__, text.__file__):
        digest.update(Path(module_file).read_bytes())
    return digest.hexdigest()[:16]


def _save(path: Path, content: object) -> None:
    """Pickle ``content`` to ``path`` atomically: a reader finds the whole file or none."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as out:
            pickle.dump(content, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def _prune(path: Path) -> None:
    """Remove this store's catalogs of earlier content (a process still reading one keeps it open)."""
    place = path.name.rsplit("-", 1)[0]
    for old in path.parent.glob(f"{place}-*.pickle"):
        if old != path:
            with contextlib.suppress(OSError):
                old.unlink()


@contextlib.contextmanager
def _locked(path: Path):
    """Hold an exclusive ``flock`` on ``path`` for the block, waiting for it."""
    if fcntl is None:  # pragma: no cover
        yield
        return
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def _name_order(row: tuple) -> tuple:
    """Order a (node, predicate, name) row: by node and predicate, then by name, fewer capitals first.

    Of two labels that differ only in case ("Paper kite" from a heading, "paper kite" from running text)
    the one written as in a sentence is read first, so it becomes the label an answer shows.
    """
    node, pred, value = (str(term) for term in row)
    return node, pred, value.lower(), sum(c.isupper() for c in value), value


def _select(store: KGStore, sparql: str) -> list[tuple]:
    """Run a SELECT over the union of all graphs; return its rows as tuples of rdflib terms (None if unbound).

    An embedded store is asked through pyoxigraph directly: the catalog reads every name and every edge
    end of the graph (hundreds of thousands of rows on MetaQA), and rdflib's result rows cost several
    times the query itself. Each distinct term is converted once, as oxrdflib converts it.
    """
    handle = store.ox
    if handle is None:
        return [tuple(row) for row in store.query(sparql)]
    converted: dict = {}

    def term(node):
        if node is None:
            return None
        value = converted.get(node)
        if value is None:
            if isinstance(node, ox.NamedNode):
                value = URIRef(node.value)
            elif isinstance(node, ox.BlankNode):
                value = BNode(node.value)
            elif node.language:
                value = Literal(node.value, lang=node.language)
            else:
                value = Literal(node.value, datatype=term(node.datatype))
            converted[node] = value
        return value

    solutions = handle.query(with_prefixes(sparql), use_default_graph_as_union=True)
    return [tuple(term(node) for node in solution) for solution in solutions]


def _content(name: str) -> set[str]:
    """Return the content words of a name as singular lowercase keys ("has tags" -> {"tag"})."""
    from kg.text import STOPWORDS

    return {w for w in name_key(name).split() if w not in STOPWORDS and w not in ("has", "have")}


def _local_label(iri: URIRef) -> str:
    """Make a label from an IRI's local name: "starred_actors" or "starredActors" -> "starred actors"."""
    local = re.split(r"[#/]", str(iri).rstrip("/#"))[-1]
    local = local.rsplit(".", 1)[-1] if "." in local.strip(".") else local  # people.person.nationality
    local = re.sub(r"([a-z])([A-Z])", r"\1 \2", local).replace("_", " ").replace("-", " ")
    return local.lower().strip() or str(iri)
