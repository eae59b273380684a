"""Choose the relation a question means by the facts of its topic, when the relations have no description.

:mod:`kg.relation_meaning` compares a whole question with each relation's description; the verbs the
extractor mints from sentences ("is fastened to", "is made for") have none, and a bare label is too short
to judge a question by. A fact read out of text has more to say: the sentence it was read from. A
question may say the fact's verb in other words ("what is the kite tied to?" over "the kite is fastened
to the post", read from "A kite is fastened to a post when the wind rises"); single words are too weak
for such pairs, whole sentences are not.

So for one topic every fact (one hop, either direction) is compared, as a whole, with the question: the
fact said as a clause ("kite is fastened to post") and the sentence it was read from, the better of the
two. A relation's score is the score of its best fact. The best relation must stand clearly above every
other relation the topic has, facts without a sentence (a kind, a list's item) included as rivals. Only
relations with a sentence can be chosen: the sentence is what a question is compared with, beyond the
label. The topic's names are put as "X" in the question, the clauses and the sentences alike: every fact
names the topic, so its name would only lift them all.

The lines were read off the development notes (compute dev and the bench/sets development sets, 290
questions, 20 of which reach this choice; session 12): every fact chosen there was wrong, the closest at
a lead of 0.19 through a word the answer's name shares with the question (which the engine now refuses,
``Engine._fact_fits``), the others at 0.057 and below; so a lead of 0.1, as for relations by description
(bench/RESULTS.md, "How the 0.06 margin was chosen": 99.4% right at 0.1 on NTM), and a similarity of 0.5.
A chosen relation's answer is given at 0.9 at most (``Engine._by_meaning``), the line for answers read
from text, below the answers whose words match (up to 0.97).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from rdflib import URIRef
from rdflib.namespace import RDF, RDFS

from kg.catalog import IN, OUT, Catalog
from kg.relation_meaning import MeaningChoice
from kg.store import KGStore

#: How far (cosine) the best relation's best fact must stand above the best fact of every other relation.
FACT_MARGIN = 0.1
#: How close (cosine) the question and the chosen fact's sentence or clause must be at least.
FACT_SIMILARITY = 0.5
#: Relations that make a thing a member of a class: rivals, never chosen (a kind is asked in other ways).
MEMBERSHIP = frozenset({RDF.type, RDFS.subClassOf})
#: At most this many facts of one topic are compared (the embedding is the cost).
MAX_FACTS = 64

#: The facts at a topic, both ways, with the sentence each was read from when the graph recorded one.
_FACTS = """
SELECT DISTINCT ?p ?d ?x ?quote WHERE {
  { ?t ?p ?x BIND(1 AS ?d) OPTIONAL { ?st rdf:subject ?t ; rdf:predicate ?p ; rdf:object ?x ; kgo:quote ?quote } }
  UNION
  { ?x ?p ?t BIND(0 AS ?d) OPTIONAL { ?st rdf:subject ?x ; rdf:predicate ?p ; rdf:object ?t ; kgo:quote ?quote } }
  FILTER(isIRI(?x))
}
LIMIT 500
"""


@dataclass(frozen=True)
class Fact:
    """One fact at the topic: the step that reaches it, the other end, its clause and its sentence."""

    predicate: URIRef
    direction: str
    other: URIRef
    clause: str
    sentence: str | None


@dataclass(frozen=True)
class FactChoice(MeaningChoice):
    """A relation chosen by its best fact; ``fact`` is that fact."""

    fact: Fact | None = None

    @property
    def lead(self) -> float:
        """Return the evidence for the choice: the margin it was chosen by (see ``FACT_MARGIN``)."""
        return self.margin


class FactMeanings:
    """Compare a question with the facts of its topic, each said as a clause and by its own sentence."""

    def __init__(self, store: KGStore, catalog: Catalog, embed: Callable[[list[str]], np.ndarray]):
        """``embed`` returns unit vectors of texts, keeping those it has seen (the sentences recur)."""
        self.store = store
        self.catalog = catalog
        self.embed = embed

    def facts(self, topic: URIRef) -> list[Fact]:
        """Return the facts at ``topic`` whose relation the catalog knows, sentence-backed first."""
        label = self.catalog.label
        mask = self._masker(topic)
        found: dict[tuple, Fact] = {}
        for p, d, x, quote in self.store.query(_FACTS, {"t": topic}):
            if p not in self.catalog.predicates:
                continue
            direction = OUT if int(d) == 1 else IN
            ends = ("X", label(x)) if direction == OUT else (label(x), "X")
            clause = f"{ends[0]} {label(p)} {ends[1]}"
            key = (p, direction, x, mask(str(quote)) if quote is not None else None)
            found.setdefault(key, Fact(p, direction, x, clause, key[3]))
        facts = sorted(found.values(), key=lambda f: (f.sentence is None, str(f.predicate), str(f.other)))
        return facts[:MAX_FACTS]

    def _masker(self, topic: URIRef) -> Callable[[str], str]:
        """Return a function that puts "X" for the topic's names in a sentence, as the question has it."""
        entity = self.catalog.entities.get(topic)
        names = sorted({n for n in ([entity.label, *entity.aliases] if entity else []) if n}, key=len, reverse=True)
        if not names:
            return lambda text: text
        pattern = re.compile(r"\b(?:%s)(?:e?s)?\b" % "|".join(re.escape(n) for n in names), re.IGNORECASE)
        return lambda text: pattern.sub("X", text)

    def scores(self, question: np.ndarray, facts: list[Fact]) -> list[float]:
        """Return each fact's closeness to the question: the better of its clause and its sentence."""
        texts = list(dict.fromkeys([f.clause for f in facts] + [f.sentence for f in facts if f.sentence]))
        vectors = dict(zip(texts, self.embed(texts), strict=True)) if texts else {}
        out = []
        for fact in facts:
            sims = [float(np.dot(question, vectors[t])) for t in (fact.clause, fact.sentence) if t]
            out.append(max(sims))
        return out

    def choose(
        self,
        question: np.ndarray,
        topic: URIRef,
        opposed: set[URIRef] | frozenset = frozenset(),
    ) -> FactChoice | None:
        """Return the relation at ``topic`` whose best fact the question clearly means, or ``None``.

        ``question`` is the unit vector of the whole question, its topic's name put as "X" (so are the
        topic's names in the facts' clauses and sentences: the topic, which every fact names, decides
        nothing). Every relation at the topic competes by
        its best fact; the winner must have a sentence, reach ``FACT_SIMILARITY``, lead every rival by
        ``FACT_MARGIN``, be no membership relation and none whose name holds the opposite of a question
        word (``opposed``, kg/opposites.py).
        """
        facts = self.facts(topic)
        if len(facts) < 2 or not any(f.sentence for f in facts):
            # Nothing to stand out from (the question may ask for what the graph lacks), or no sentence to
            # compare with: facts given as RDF are judged by their relations' descriptions alone.
            return None
        best: dict[tuple[URIRef, str], tuple[float, Fact]] = {}
        for fact, sim in zip(facts, self.scores(question, facts), strict=True):
            step = (fact.predicate, fact.direction)
            if step not in best or sim > best[step][0]:
                best[step] = (sim, fact)
        ranked = sorted(best.values(), key=lambda item: (-item[0], str(item[1].predicate), item[1].direction))
        if len(ranked) < 2:
            return None
        (first, fact), (second, _) = ranked[0], ranked[1]
        if (
            first < FACT_SIMILARITY
            or first - second < FACT_MARGIN
            or fact.sentence is None
            or fact.predicate in MEMBERSHIP
            or fact.predicate in opposed
        ):
            return None
        return FactChoice(fact.predicate, round(first, 4), round(first - second, 4), fact=fact)
