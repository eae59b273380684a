"""Which thing has a quality: "Which kettle is the smallest?", "What is popular?", answered by the concepts
the notes state the quality of, of the kind the question asks for.

A note says "The copper kettle is the smallest kettle" or "The lift is out of order"; the qualities are
stored as ``kgo:hasCharacteristic`` (``kg.ingest.relations``: a superlative also makes the thing one of
the noun's kind). A relation path starts from a concept the question names, but here the question names
only the kind and the quality: the answer is found from the quality's side. The question is read by its
parse (closed-class grammar only): a wh-word that is, or determines, the subject of "be", and an
adjective complement, with its adverbs ("most popular"). The quality must be stated in the same words
(by lemma, and of the same degree: "old" is not "oldest"), not denied, and of a thing of the asked kind;
any other content word of the question ("in the east wing") must be said by the sentence that states it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from rdflib import URIRef

from kg.answer import Answer
from kg.catalog import Catalog
from kg.contrast import is_superlative
from kg.evidence import Evidence
from kg.linking import sentence_words
from kg.namespaces import KGO
from kg.question import WH_WORDS
from kg.store import KGStore
from kg.text import STOPWORDS, degree, lemmas, noun_key, same_degree, tokenize

#: The wh-words that ask for a thing ("what", "which", "who"); the others ask for a place, time or way.
THING_WH = frozenset(("what", "which", "who"))
#: The forms of "be" a "which N is Q" question is asked with.
COPULA_FORMS = frozenset(("is", "are", "was", "were"))
#: How sure an answer read off stated qualities is: a fact of the graph, its words the question's own.
QUALITY_CONFIDENCE = 0.9

_QUALITIES = "SELECT ?c ?v WHERE { ?c kgo:hasCharacteristic ?v FILTER(isIRI(?c)) }"


@dataclass(frozen=True)
class AskedQuality:
    """What a "which N is Q" question asks: the quality's words, the kind noun, and its other words."""

    quality: tuple[str, ...]
    kind: str | None
    rest: tuple[str, ...]


def asked_quality(doc) -> AskedQuality | None:
    """Read "Which kettle is the smallest?" / "What is popular?" from a question's parse, or None.

    The question's root is "be", its first word a wh-word asking for a thing that is the subject or
    the subject's determiner, and the complement an adjective (not denied). A question of any other
    shape asks something else.
    """
    tokens = [t for t in doc if not t.is_punct]
    if not tokens or tokens[0].lower_ not in THING_WH:
        return None
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.lemma_ != "be" or any(c.dep_ == "neg" for c in root.children):
        return None
    wh = tokens[0]
    described = _superlative_described(root, wh)
    if described is not None:
        return described
    subject = wh if wh.dep_ in ("nsubj", "attr") else wh.head if wh.dep_ == "det" else None
    if subject is None or subject.head != root:
        return None
    complements = [
        c for c in root.children
        if c.dep_ in ("acomp", "attr") and c != subject and c.pos_ == "ADJ"
    ]  # fmt: skip
    if len(complements) != 1:
        return None
    adjective = complements[0]
    if any(c.dep_ == "neg" for c in adjective.children):
        return None
    quality = [c for c in adjective.children if c.dep_ == "advmod" and c.i < adjective.i] + [adjective]
    kind = subject.lower_ if subject is not wh and subject.pos_ == "NOUN" else None
    taken = {t.i for t in quality} | {wh.i, root.i} | ({subject.i} if kind else set())
    return AskedQuality(tuple(t.lower_ for t in quality), kind, _rest(doc, taken))


def _superlative_described(root, wh) -> AskedQuality | None:
    """Read "What is the widest bridge?": the copula's other side a noun a superlative picks one out of."""
    if wh.head != root or wh.dep_ not in ("nsubj", "attr"):
        return None
    others = [c for c in root.children if c.dep_ in ("nsubj", "attr") and c != wh and c.pos_ == "NOUN"]
    if len(others) != 1 or not any(c.dep_ == "det" and c.lower_ == "the" for c in others[0].children):
        return None
    noun = others[0]
    marks = [c for c in noun.children if is_superlative(c)]  # "the widest"
    if len(marks) != 1:
        return None
    quality = sorted(marks[0].subtree, key=lambda t: t.i)
    taken = {t.i for t in quality} | {wh.i, root.i, noun.i}
    return AskedQuality(tuple(t.lower_ for t in quality), noun.lower_, _rest(root.doc, taken))


def _rest(doc, taken: set[int]) -> tuple[str, ...]:
    """Return the question's content words outside the positions ``taken`` (its wh-word, kind and quality)."""
    return tuple(
        t.lower_ for t in doc
        if t.i not in taken and not t.is_punct and t.lower_ not in STOPWORDS and t.lower_ not in WH_WORDS
    )  # fmt: skip


class QualityAnswerer:
    """Answer "which N is Q" from the concepts the graph states quality Q of."""

    def __init__(
        self,
        store: KGStore,
        catalog: Catalog,
        evidence: Evidence,
        parse: Callable,
        classes_of: Callable[[URIRef], Mapping[URIRef, str]],
    ):
        self.store = store
        self.catalog = catalog
        self.evidence = evidence
        self.parse = parse
        self.classes_of = classes_of

    def answer(self, text: str, kinds_only: bool = True) -> Answer | None:
        """Return the things of the asked kind stated to have the asked quality, or None.

        With ``kinds_only``, a question that names no kind ("What is popular?") is left alone.
        """
        if not _may_ask_quality(text, kinds_only):
            return None  # the parser is not loaded for a question that cannot be of this shape
        asked = asked_quality(self.parse(text))
        if asked is None or (kinds_only and asked.kind is None):
            return None
        triples = []
        for concept, value in self.store.query(_QUALITIES):
            if not _says(str(value), asked.quality) or not self._of_kind(concept, asked.kind):
                continue
            triple = (concept, KGO.hasCharacteristic, value)
            said = sentence_words(self.evidence.stated(triple)[0])
            if all(lemmas(w) & said or noun_key(w) in said for w in asked.rest):
                triples.append(triple)
        if not triples:
            return None
        triples.sort(key=lambda t: self.catalog.label(t[0]).lower())
        things = list(dict.fromkeys(t[0] for t in triples))
        evidence, sources = self.evidence.for_triples(triples)
        names = ", ".join(self.catalog.label(c) for c in things)
        quality = " ".join(asked.quality)
        said = f"the {quality}" if degree(asked.quality[-1]) == "JJS" else quality  # "the widest"
        sparql = (
            "SELECT DISTINCT ?x WHERE {\n  ?x kgo:hasCharacteristic ?q .\n"
            f'  FILTER(CONTAINS(LCASE(STR(?q)), "{quality}"))\n}}'
        )
        return Answer(
            "",
            f"{names} {'is' if len(things) == 1 else 'are'} {said}.",
            [self.evidence.entity_dict(c) for c in things],
            QUALITY_CONFIDENCE,
            sparql,
            evidence,
            sources,
            kind="quality",
        )

    def _of_kind(self, concept: URIRef, kind: str | None) -> bool:
        """Tell whether ``concept`` is of the asked kind: its name's head, or a class it is a member of."""
        if kind is None:
            return True
        key = noun_key(kind)
        names = [self.catalog.label(concept), *self.classes_of(concept).values()]
        return any(name.split() and noun_key(name.split()[-1].lower()) == key for name in names)


def _may_ask_quality(text: str, kinds_only: bool) -> bool:
    """Tell from the words alone whether a question may ask "which N is Q": a thing's wh-word and a form of
    "be"; for a kind, "which" or a superlative ("What is the widest bridge?")."""
    words = [w.lower for w in tokenize(text) if w.is_word]
    if not words or words[0] not in THING_WH or not COPULA_FORMS & set(words):
        return False
    return not kinds_only or words[0] == "which" or any(degree(w) == "JJS" for w in words)


def _says(value: str, quality: tuple[str, ...]) -> bool:
    """Tell whether a stated quality says each of the asked words, by lemma and of the same degree."""
    words = [w.lower() for w in value.split()]
    return all(any(w == q or (lemmas(w) & lemmas(q) and same_degree(w, q)) for w in words) for q in quality)
