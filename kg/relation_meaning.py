"""Rank a topic's relations by how close the whole question means to each of them.

Word-by-word matching (kg/scoring.py) finds a relation when some question word names it, by letters or
by the word's own meaning. A question can ask for a relation in words none of which names it alone
("give a few words that describe X" asks for the keywords of X): the meaning is in the phrase. Here the
question, with its topic's name replaced by a placeholder, is embedded as a whole and compared with
each relation's label and with its description (the relation's ``skos:definition`` or
``rdfs:comment``, or that of the ontology relation it aligns with, see :class:`kg.catalog.Catalog`);
when the kind of thing asked for narrows the relations, with each of their names too.

Only the relations present at the topic compete, and the best one must stand clearly above the next:
the difference of the two similarities is the evidence, not the similarity itself (a short question
is close to many things). The margin needed was read off the MetaQA NTM development questions
(bench/RESULTS.md, "Relations by the whole question's meaning").
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
from rdflib import URIRef

from kg.catalog import Catalog
from kg.embeddings import Embedder
from kg.index import VectorIndex
from kg.scoring import PREPOSITIONS

#: How far (cosine) the best relation's similarity must stand above the next relation's at the topic.
MEANING_MARGIN = 0.06
#: How close (cosine) the whole question must come to the relation chosen by words alone: a lead over a
#: runner-up that means the question even less says nothing when neither means it. Right choices measured:
#: every MetaQA NTM development question chosen so reached 0.27, paraphrases of our own (a film "crafted by"
#: someone, for "directed by") 0.21; a question about another thing entirely (its one named thing only a word it
#: happens to share with a note) came to 0.17.
MEANING_FLOOR = 0.2


@dataclass(frozen=True)
class MeaningChoice:
    """The relation a question means, with its similarity and its lead over the runner-up."""

    predicate: URIRef
    similarity: float
    margin: float
    #: The kind of thing asked for chose the relation (``margin`` only shows the words do not object).
    by_kind: bool = False

    @property
    def lead(self) -> float:
        """Return the evidence for the choice: the margin, plus the margin needed when the kind chose it."""
        return self.margin + (MEANING_MARGIN if self.by_kind else 0.0)


def readings(predicate) -> list[str]:
    """Return the texts a question is compared with for one relation: each of its names, and its description.

    A relation's label is one way of saying it among several: the other names the graph or its
    ontology gives it (``skos:altLabel``, question phrases) say it too, often closer to a question's
    words than the label ("crew" against "staffed by"). The best of them stands for the relation.
    """
    return [predicate.label, *predicate.names, predicate.description]


class RelationMeanings:
    """The vectors of every predicate's names and description, and the choice of one by a question."""

    def __init__(self, catalog: Catalog, embedder: Embedder, cache_dir: Path | str | None = None):
        rows = sorted({(p.iri, text) for p in catalog.predicates.values() for text in readings(p) if text})
        self.index = VectorIndex.build(
            [iri for iri, _ in rows], [text for _, text in rows], embedder, cache_dir, label="relation meanings"
        )
        #: Which rows are a relation's label or description, what it means as a whole (see ``choose``).
        self.core = np.array([text in (catalog.predicates[iri].label, catalog.predicates[iri].description)
                              for iri, text in rows], dtype=bool)  # fmt: skip
        #: The relations the graph says the meaning of: only these can be chosen (see ``choose``).
        self.described = {p.iri for p in catalog.predicates.values() if p.description}

    def similarities(self, vector: np.ndarray, core: bool = False) -> dict[URIRef, float]:
        """Return each predicate's best similarity (any name, or description) to the question ``vector``.

        ``core`` keeps to the label and the description.
        """
        best: dict[URIRef, float] = {}
        if not len(self.index.keys):
            return best
        rows = zip(self.index.keys, np.asarray(self.index.vectors @ vector), self.core, strict=True)
        for key, sim, is_core in rows:
            if (is_core or not core) and sim > best.get(key, -1.0):
                best[key] = float(sim)
        return best

    def choose(
        self,
        vector: np.ndarray,
        present: set[URIRef],
        typed: set[URIRef] = frozenset(),
        opposed: set[URIRef] | frozenset = frozenset(),
    ) -> MeaningChoice | None:
        """Return the relation among ``present`` the question means, or ``None`` when none stands out.

        ``typed`` are the relations whose far end is of the kind the question asks for ("which
        words": a relation whose values are words); when some are, only they compete (compared by any
        of their names, see ``readings``), and a single one is chosen unless its meaning falls clearly
        below the best of all (the kind asked for decides, the words must not contradict it).
        Otherwise a topic with a single relation gives no runner-up to stand out from, so no choice:
        the question may ask for something the graph does not hold.
        The margin of a choice is its lead over the runner-up (negative when the kind chose it). Words
        alone choose nothing the question comes no closer to than ``MEANING_FLOOR``.

        Only a relation with a description is chosen: a bare label ("offer", "run on", the verbs the
        extractor mints from sentences) is too short for a whole question to be compared with, and on
        the development notes such choices were mostly wrong. Undescribed relations still compete as
        runners-up, and so do the ``opposed`` ones, whose names hold the opposite of a question word
        (kg/opposites.py): a question about buying is close in meaning to "sells", and asks the reverse.
        """
        # The kind asked for chooses among ``typed``; the words need only not object, and any name of the
        # relation may answer for them ("terms" against "keywords"). Words alone choose by what the
        # relation means as a whole, its label and description: one other name may sit close to a
        # question by one shared word ("supplies" to a question about what a thing costs).
        sims = self.similarities(vector, core=not any(p in typed for p in present))
        ranked = sorted(((sims[p], p) for p in present if p in sims), key=lambda item: (-item[0], str(item[1])))
        competing = [(sim, p) for sim, p in ranked if p in typed] or ranked
        by_kind = False
        if len(competing) > 1:
            (first, predicate), (second, _) = competing[0], competing[1]
            margin, needed = first - second, MEANING_MARGIN
        elif competing is not ranked:
            by_kind = True
            first, predicate = competing[0]
            margin = first - max((sim for sim, p in ranked if p != predicate), default=0.0)
            needed = -MEANING_MARGIN
        else:
            return None
        if margin < needed or predicate not in self.described or predicate in opposed:
            return None
        if not by_kind and first < MEANING_FLOOR:
            return None
        return MeaningChoice(predicate, round(first, 4), round(margin, 4), by_kind)


#: How similar (cosine) a question's verb phrase must be to a relation's name for the phrase to name it.
PHRASE_FLOOR = 0.5
#: How far the best relation's name must stand above the next relation's at the topic.
PHRASE_MARGIN = 0.1
#: An answer by a verb phrase is as sure as ``PHRASE_BASE`` plus the margin, at most ``PHRASE_CAP``: a
#: margin of ``PHRASE_MARGIN`` reaches the line for facts read out of text (kg.qa.TEXT_ANSWER_THRESHOLD),
#: and never the 0.97 of a name the question says word for word.
PHRASE_BASE = 0.8
PHRASE_CAP = 0.92


@dataclass(frozen=True)
class PhraseChoice:
    """The relation a question's verb phrase names by meaning, with the similarity and its lead."""

    predicate: URIRef
    similarity: float
    margin: float


def framed(phrase: str) -> str:
    """Return a verb phrase set between two placeholders ("it is bound to it"), as names and questions are compared.

    A bare phrase of a word or two is a poor thing to embed (a verb alone is as close to most verbs);
    said between a subject and an object it reads as a relation.
    """
    return f"it {phrase} it"


def unframed(text: str) -> str:
    """Return the phrase a ``framed`` text holds."""
    return text.removeprefix("it ").removesuffix(" it")


#: The preposition of a passive's doer ("is run by"): it stands where the active verb's subject does,
#: so it places no argument of its own.
AGENT = "by"


def places(words) -> frozenset[str]:
    """Return the prepositions that place a relation's arguments in ``words``, the doer's "by" left out."""
    return frozenset(word for word in words if word in PREPOSITIONS and word != AGENT)


def same_places(asked: frozenset[str], name: str, adverb: bool = False) -> bool:
    """Tell whether a relation name places its arguments as the question's phrase does (prepositions ``asked``).

    The embedding model hardly weighs prepositions: "it made it" is as close to "it rests on it" by its
    verb as to "it makes it", yet the preposition decides the relation ("X is built on Y" says what X
    stands on, not who made it). So a name means the phrase only with the same prepositions (the
    doer's "by" aside: "who repairs X" is "X is repaired by"). A question whose wh-word is an adverb
    standing for a preposition's phrase ("where", "when": ``adverb``) and says none fits any name that
    has one.
    """
    said = places(name.split())
    if not asked and adverb:
        return bool(said)
    return said == asked


def choose_by_phrase(
    vector: np.ndarray,
    present: set[URIRef],
    names: VectorIndex,
    opposed: set[URIRef] | frozenset = frozenset(),
    fits=lambda name: True,
) -> PhraseChoice | None:
    """Return the relation among ``present`` whose name the question's verb phrase (``vector``) means.

    Each relation is as close as its closest name (label, alternative labels, reading); the best must
    reach ``PHRASE_FLOOR`` and stand ``PHRASE_MARGIN`` above the runner-up: the next relation of the
    topic, or, for a topic with one relation, the nearest name of any other relation in the graph (a
    margin over nothing would make any verb mean the one relation there is). A relation named by the
    opposite of a phrase word (``opposed``) never wins ("buy" is close to "sell"), but stays a rival.
    Only the phrase and the relations' names are compared, never an answer's own words: a fact's
    far end would make the similarity say how like the answer the question sounds.

    The winner counts only its names that ``fits`` (the phrase's arguments placed alike, see
    ``same_places``), its rivals all theirs: a relation the phrase is near only through a name that
    places its arguments otherwise ("X is built on" to "who made X") is near by the verb alone, not
    by the relation, and the question is left to the other readings.
    """
    if not len(names.keys) or not present:
        return None
    best: dict[URIRef, float] = {}
    fitting: dict[URIRef, float] = {}
    elsewhere = 0.0
    for key, text, sim in zip(names.keys, names.texts, np.asarray(names.vectors @ vector), strict=True):
        if key not in present:
            elsewhere = max(elsewhere, float(sim))
            continue
        best[key] = max(best.get(key, -1.0), float(sim))
        if fits(unframed(text)):
            fitting[key] = max(fitting.get(key, -1.0), float(sim))
    ranked = sorted(((sim, p) for p, sim in best.items()), key=lambda item: (-item[0], str(item[1])))
    if not ranked:
        return None
    predicate = ranked[0][1]
    first = fitting.get(predicate, -1.0)
    # A topic with one relation has no runner-up of its own: the relation must then stand out from every
    # other relation's names in the graph ("which line wins?" is no nearer "names" than "makes", "gives").
    second = ranked[1][0] if len(ranked) > 1 else elsewhere
    if predicate in opposed or first < PHRASE_FLOOR or first - second < PHRASE_MARGIN:
        return None
    return PhraseChoice(predicate, round(first, 4), round(first - second, 4))
