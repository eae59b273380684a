"""Answer "tell me about X": recognise the request by its grammar, answer with X's definition and main facts.

A request for everything the graph knows of one concept has a grammatical shape, whatever its verb: an
imperative, or a question addressed to "you", whose object is the concept (directly, or through a
preposition of topic such as "about"), with nothing left over that would ask for something narrower — no
other noun, no other verb, no wh-word asking for a part of the concept. "Describe X", "Tell me about X",
"What do you know about X?" and "Can you explain X?" all have it; "Tell me about the price of X" (a noun
left over), "Explain how X works" (a verb left over) and "What runs on X?" (a subject that is not "you")
do not. The parser is the ingestion's spaCy pipeline (``KG_SPACY_MODEL``), loaded on the first question
that could be such a request and kept for the life of the process (:func:`kg.question.parser`).

The answer is the concept's definition (when the graph has one) followed by its main facts: the triples
with the concept as subject or object, those read from a source sentence first, the most attested first,
one per relation, at most ``MAX_FACTS``; each is cited in ``evidence`` and its sentence in ``sources``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rdflib import URIRef
from rdflib.namespace import OWL, RDF

from kg.answer import Answer
from kg.catalog import BOOKKEEPING, Catalog
from kg.evidence import Evidence
from kg.linking import Link
from kg.namespaces import KGO
from kg.question import parser
from kg.store import KGStore
from kg.text import AUXILIARIES, SUBJECT_DEPS, Token, getAllLemmas, reads_passive, root_of

#: At most this many facts follow the definition.
MAX_FACTS = 5
#: Prepositions that name what a request is about (closed-class words: grammar, not content).
TOPIC_PREPOSITIONS = frozenset("about on regarding concerning".split())
#: Parts of speech that carry no content of their own: a request made of these, its verb and the
#: concept asks for nothing narrower than the concept.
FUNCTION_POS = frozenset("PRON DET AUX ADP PART CCONJ SCONJ INTJ PUNCT".split())
#: The addressee: a request is an imperative (no subject) or a question to "you".
ADDRESSEE = "you"
#: The confidence of the reply to "what is X?" when the notes never say what X is and the reply quotes what
#: they say of X instead. The sentences are the notes' own, each cited; what they cannot promise is to say
#: what X *is*, so the reply gives no answer (``answers`` stays empty, as a quoted sentence's does): given
#: as answers at the plain line, such replies were right once in two on notes nobody developed on.
UNDEFINED_CONFIDENCE = 0.6
#: The confidence of the reply to "what does X do?" that quotes the sentences where X is a verb's subject:
#: what they say X does is what was asked (unlike ``UNDEFINED_CONFIDENCE``'s reply to "what is X?").
DOES_CONFIDENCE = 0.7
#: At most this many sentences are quoted for a concept the notes do not define.
UNDEFINED_SENTENCES = 3
#: Types every concept has, which say nothing about it.
GENERIC_TYPES = frozenset({KGO.Concept, KGO.Term, OWL.Class})

_FACTS = """
SELECT ?s ?p ?o (COUNT(DISTINCT ?st) AS ?n) WHERE {
  VALUES ?c { %s }
  { ?c ?p ?o . BIND(?c AS ?s) } UNION { ?s ?p ?c . BIND(?c AS ?o) }
  OPTIONAL { ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kgo:quote ?q }
}
GROUP BY ?s ?p ?o
LIMIT 500
"""


@dataclass(frozen=True)
class Fact:
    """A triple about the concept, how often the notes state it, and how many triples share its predicate."""

    triple: tuple
    stated: int
    predicate_uses: int


def is_about_request(
    text: str, words: list[Token], topic: Link, verb_asks: Callable[[str], bool] | None = None
) -> bool:
    """Tell whether ``text`` asks for everything about the concept ``topic`` names, by its grammar.

    ``words`` are the question's word tokens (``topic`` spans some of them). A request whose verb takes
    the concept as its object ("describe X") asks about it only if ``verb_asks`` accepts the verb's
    lemma (the engine: a verb that names the graph's definition relation); "can you delete X" has the
    same grammar and asks for something else. A concept after "about" needs no such verb.
    """
    if topic.end <= topic.start or topic.end > len(words) or not _may_be_request(words, topic.start):
        return False
    start, end = words[topic.start].start, words[topic.end - 1].end
    doc = _parse(text, start, end)
    if doc is None:
        return False
    mention = next((t for t in doc if t.idx <= start < t.idx + len(t.text)), None)
    root = root_of(doc)
    if mention is None or root is None or root.pos_ != "VERB":
        return False
    subjects = [t for t in root.children if t.dep_ in SUBJECT_DEPS]
    if any(t.lower_ != ADDRESSEE for t in subjects):
        return False  # "What runs on X": the question asks about something the concept does
    as_object = mention.dep_ == "dobj" and mention.head == root
    if not as_object and not (
        mention.dep_ == "pobj" and mention.head.lower_ in TOPIC_PREPOSITIONS and mention.head.head == root
    ):
        return False
    if as_object and verb_asks is not None and not verb_asks(root.lemma_.lower()):
        return False
    for tok in doc:
        if tok in (root, mention) or tok.pos_ in FUNCTION_POS:
            # A wh-word must be what the request verb asks ("what do you know"), not a part of the concept;
            # "when", "where", "how", "why" ask for a time, place or manner, never for everything.
            if tok.tag_ == "WRB" or (tok.tag_ in ("WP", "WDT", "WP$") and tok.head != root):
                return False
            continue
        if tok.pos_ == "ADV" and tok.head == root:
            continue  # "briefly describe X"
        return False
    return True


def _may_be_request(words: list[Token], before: int) -> bool:
    """Tell, before parsing, whether the words can make a request: addressed to "you", or with a verb first.

    A request's verb comes before its object, so some word before the concept (at ``before``) must be
    able to be a verb other than an auxiliary ("is", "does" open yes/no questions). Most questions pass
    this cheap test only to fail the parse; those that fail it need no parse at all.
    """
    if any(w.lower == ADDRESSEE for w in words):
        return True
    return any(w.lower not in AUXILIARIES and "VERB" in getAllLemmas(w.lower) for w in words[:before])


def _parse(text: str, start: int, end: int):
    """Parse ``text`` with the concept's span as one token, standing in for a pronoun ("describe it").

    The small English model reads a capitalised imperative before a name ("Describe EC2") as part of the
    name; read again with the first word in lowercase, as a verb, when it can be one.
    """
    nlp = parser()
    doc = _merged(nlp, text, start, end)
    root = root_of(doc)
    first = text.split(maxsplit=1)[0] if text.strip() else ""
    if (
        root is not None
        and root.pos_ != "VERB"
        and first[:1].isupper()
        and start > 0
        and "VERB" in getAllLemmas(first.lower())
    ):
        doc = _merged(nlp, first.lower() + text[len(first) :], start, end)
    return doc


def _merged(nlp, text: str, start: int, end: int):
    doc = nlp.make_doc(text)
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    with doc.retokenize() as retokenizer:
        retokenizer.merge(span, attrs={"NORM": "it"})
    return nlp(doc)


class AboutAnswerer:
    """Compose the answer to "tell me about X" from the graph: definition, then the main facts, cited."""

    def __init__(self, store: KGStore, catalog: Catalog, evidence: Evidence):
        self.store = store
        self.catalog = catalog
        self.evidence = evidence

    def answer(self, iri: URIRef, link_score: float, scale: float = 0.9) -> Answer | None:
        """Return X's definition and main facts, or None when the graph says nothing about X; the confidence
        is ``scale`` times the link's score."""
        entity = self.catalog.entities.get(iri)
        if entity is None:
            return None
        facts = self.main_facts(iri)
        if entity.definition is None and not facts:
            return None
        short = [a for a in entity.aliases if a.isupper()]  # an acronym, not a plural or a variant
        label = entity.label if not short else f"{entity.label} ({short[0]})"
        lines = [f"{label}: {entity.definition}"] if entity.definition else [f"{label}:"]
        lines += [self._say(f.triple) for f in facts]
        triples = [f.triple for f in facts]
        evidence, sources = self.evidence.for_triples(triples)
        if entity.definition:
            def_evidence, def_sources = self.evidence.for_definition(iri)
            evidence = def_evidence + evidence
            sources = def_sources + [s for s in sources if s not in def_sources]
        item = self.evidence.entity_dict(iri)
        if entity.definition:
            item["value"] = entity.definition
        answer = Answer(
            "", " ".join(lines), [item], round(scale * link_score, 3), _facts_query(iri, triples), evidence, sources,
            kind="about",
        )  # fmt: skip
        answer.topics = [self.evidence.entity_dict(iri)]
        return answer

    def undefined(self, iri: URIRef, link_score: float) -> Answer | None:
        """Answer "what is X?" for an X no sentence defines: quote what the notes say of X, cited.

        A concept the notes only use ("a PTR record is used for reverse lookups") has no definition, yet
        the sentences that state its main facts are the best the notes hold on what it is. They are quoted
        as written (not the facts' wording) with their sources, at ``UNDEFINED_CONFIDENCE``, as context and no
        answer; None when no sentence states a fact of X.
        """
        return self._quoted(
            iri,
            lambda f: True,
            "The notes do not say what {} is; what they say of it:",
            UNDEFINED_CONFIDENCE * link_score,
        )

    def does(self, iri: URIRef, link_score: float) -> Answer | None:
        """Answer "what does X do?" for an X no sentence defines: quote the sentences where X is the doer.

        What X does is what the notes say with X for the subject of a verb ("NFC composes characters"): the
        facts that start from X, other than the kinds it belongs to and those whose relation X undergoes
        ("mapped onto", "is placed in": someone else does it), cited with their sentences, at
        ``DOES_CONFIDENCE``. None when no sentence states such a fact.
        """
        return self._quoted(
            iri,
            lambda f: (
                f.triple[0] == iri and f.triple[1] != RDF.type and not reads_passive(self.catalog.label(f.triple[1]))
            ),
            "What the notes say {} does:",
            DOES_CONFIDENCE * link_score,
        )

    def _quoted(self, iri: URIRef, keep: Callable[[Fact], bool], lead: str, confidence: float) -> Answer | None:
        """Quote the sentences that state X's main facts ``keep`` accepts, after ``lead`` (X's label in its
        braces), cited; None when no sentence states one."""
        entity = self.catalog.entities.get(iri)
        if entity is None:
            return None
        facts = [f for f in self.main_facts(iri) if f.stated and keep(f)]
        if not facts:
            return None
        triples = [f.triple for f in facts]
        evidence, sources = self.evidence.for_triples(triples)
        sources = sources[:UNDEFINED_SENTENCES]
        if not sources:
            return None
        said = " ".join(f'"{source["text"]}"' for source in sources)
        answer = Answer(
            "", f"{lead.format(entity.label)} {said}", [], round(confidence, 3), _facts_query(iri, triples), evidence,
            sources, kind="about",
        )  # fmt: skip
        answer.topics = [self.evidence.entity_dict(iri)]
        return answer

    def main_facts(self, iri: URIRef, limit: int = MAX_FACTS) -> list[Fact]:
        """Return the most informative triples about ``iri``: stated in a sentence, attested, one per relation.

        A fact read from a source sentence comes before one only structure gave; among those, the one the
        notes state most often, then the one whose relation is rarer in the graph (more specific). Only
        the best fact of each relation and direction is kept, so the facts say different things.
        """
        rows = self.store.query(_FACTS % iri.n3())
        uses: dict[tuple, int] = {}
        facts: list[Fact] = []
        for s, p, o, n in rows:
            if p in BOOKKEEPING or (p == RDF.type and o in GENERIC_TYPES):
                continue
            other = o if s == iri else s
            if isinstance(other, URIRef) and (
                other not in self.catalog.entities or KGO.Comparison in self.catalog.entities[other].types
            ):
                continue  # a statement or record node (a recorded comparison), not a concept
            key = (p, s == iri)
            uses[key] = uses.get(key, 0) + 1
            facts.append(Fact((s, p, o), int(n), 0))
        facts = [Fact(f.triple, f.stated, uses[(f.triple[1], f.triple[0] == iri)]) for f in facts]
        facts.sort(key=lambda f: (f.stated == 0, -f.stated, f.predicate_uses, self._say(f.triple)))
        chosen, seen = [], set()
        for fact in facts:
            key = (fact.triple[1], fact.triple[0] == iri)
            if key in seen:
                continue
            seen.add(key)
            chosen.append(fact)
            if len(chosen) == limit:
                break
        return chosen

    def _say(self, triple: tuple) -> str:
        s, p, o = triple
        name = self.catalog.label
        obj = name(o) if isinstance(o, URIRef) else str(o)
        if p == RDF.type:
            obj = ("an " if obj[:1].lower() in "aeiou" else "a ") + obj
        verb = "is" if p == RDF.type else name(p)
        sentence = f"{name(s)} {verb} {obj}."
        return sentence[:1].upper() + sentence[1:]


def _facts_query(iri: URIRef, triples: list[tuple]) -> str:
    """Return the SPARQL that finds the concept's definition (first column) and exactly the cited facts."""
    rows = "\n      ".join(f"({s.n3()} {p.n3()} {o.n3()})" for s, p, o in triples)
    facts = "  OPTIONAL {\n    VALUES (?s ?p ?o) {\n      %s\n    }\n    ?s ?p ?o .\n  }\n" % rows if triples else ""
    return (
        "SELECT ?definition ?s ?p ?o WHERE {\n  VALUES ?c { %s }\n  OPTIONAL { ?c skos:definition ?definition }\n%s}"
        % (iri.n3(), facts)
    )
