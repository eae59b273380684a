"""Score how well predicates and relation paths fit the words of a question.

Relevance of a predicate: the share of one of its names' words that the question contains (by lemma,
stem or typo-tolerant match), or, softer, the embedding similarity of the question's words to its
names. A path's score then rewards the relation words it *consumes* — each step takes its own words,
so "the director of X also directed" (two words) prefers two directed-by steps to one — and follows
English word order: the relation named next to the topic is the first hop, a passive agent ("directed
by X") makes the topic the subject, a stranded preposition ("run on?") asks for an object.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from rdflib import URIRef

from kg.catalog import IN, OUT, Catalog
from kg.index import VectorIndex
from kg.linking import Link, name_matches, phrase_support, words_match
from kg.paths import Step
from kg.text import Token, noun_key

PREPOSITIONS = frozenset("on in from to with by for of at into onto".split())
#: Words that ask for things sharing a relation with the topic ("the same director", "co-starred").
SIBLING_CUES = frozenset("share shares shared same also other another co together fellow".split())


@dataclass
class Relevance:
    """How well one predicate fits the question: a score, and which question words name it."""

    score: float = 0.0
    words: set[str] = field(default_factory=set)
    # Per content word of the best-matching name: positions (in the residual) of question words matching it.
    slots: list[set[int]] = field(default_factory=list)
    #: The best-matching name, lowercase words (its function words may stand between its content words).
    name: tuple[str, ...] = ()


@dataclass
class PathScore:
    """A candidate path and the parts of its score."""

    steps: tuple[Step, ...]
    score: float = 0.0
    coverage: float = 0.0
    relevance: float = 0.0
    explained: set[str] = field(default_factory=set)


def predicate_relevance(
    catalog: Catalog,
    residual: list[str],
    words: list[Token],
    vector: np.ndarray | None,
    index: VectorIndex,
) -> dict[URIRef, Relevance]:
    """Score every predicate against the question's remaining words."""
    passive = any(w.lower == "by" for w in words)
    spoken = {w.lower for w in words}
    scores: dict[URIRef, Relevance] = {}
    for pred in catalog.predicates.values():
        best = Relevance()
        for name in pred.names:
            slots = name_matches(residual, name)
            if not slots:
                continue
            score, _ = phrase_support(residual, name)
            last = name.rsplit(" ", 1)[-1].lower() if " " in name else ""
            if last == "by" and not passive:
                score *= 0.75  # "is followed by" reads the other way round from "follows"
            elif last in PREPOSITIONS and last not in spoken:
                score *= 0.9  # "is created from" fits "what is X created from" better than "what does X create"
            if score > best.score:
                best = Relevance(score, {residual[i] for s in slots for i in s}, slots, tuple(name.lower().split()))
        scores[pred.iri] = best
    if vector is not None and len(index):
        sims = index.vectors @ vector
        for key, sim in zip(index.keys, sims, strict=True):
            scaled = max(0.0, min(1.0, (float(sim) - 0.3) / 0.45)) * 0.85
            if scaled > scores[key].score:
                scores[key] = Relevance(scaled, scores[key].words, scores[key].slots, scores[key].name)
    if words and words[0].lower in ("where", "when", "who"):
        for pred in catalog.predicates.values():
            if words[0].lower in pred.question_words:
                rel = scores[pred.iri]
                rel.score = min(1.0, rel.score + 0.3)
    return scores


class PathScorer:
    """Score paths from one topic mention against one reading of the question."""

    def __init__(self, relevance: dict[URIRef, Relevance], residual: list[str], relation_words: set[str],
                 answer_word: str | None, words: list[Token], topic: Link, type_by_words: bool = True,
                 positions: list[int] | None = None, catalog: Catalog | None = None):  # fmt: skip
        #: Where each residual word stands in the question (one step's words must stand together).
        self.positions = positions or list(range(len(residual)))
        self.words = words
        self.catalog = catalog
        self.wh = words[0].lower if words and words[0].lower in ("who", "when", "where") else None
        #: False when the asked-for type is a class of the graph: then membership, not words, decides.
        self.type_by_words = type_by_words
        self.relevance = relevance
        self.residual = residual
        self.answer_word = answer_word
        self.asked = [i for i, w in enumerate(residual) if w in relation_words and noun_key(w) != answer_word]
        self.first_word = self._nearest_relation_word(words, topic, relation_words)
        self.cue = self._direction_cue(words, topic, relation_words)
        self.stranded = bool(words) and words[-1].lower in PREPOSITIONS
        # "share directors with X", "the same director", "also directed", "co-starred": a cue followed by a
        # relation word ("share the same operating system" names a thing, not a relation).
        self.siblings = any(
            w.lower.startswith("co-")
            or (
                w.lower in SIBLING_CUES
                and any(
                    x.lower in relation_words and not self._one_name(w.lower, x.lower, relevance)
                    for x in words[i + 1 : i + 4]
                )
            )
            for i, w in enumerate(words)
        )

    def score(self, steps: tuple[Step, ...]) -> PathScore:
        """Return the score of ``steps``: consumed relation words, step relevance, word order, length."""
        rels = [self.relevance.get(p, Relevance()) for p, _ in steps]
        explained = set().union(*(r.words for r in rels))
        mean = sum(r.score for r in rels) / len(rels)
        weakest = min(r.score for r in rels)
        last_words = {noun_key(w) for w in rels[-1].words}
        # A predicate's name describes its values ("starred actors", "in language"): the asked-for
        # type ("who are the actors") is met by a last hop that goes out to them, not back.
        type_bonus = 0.0
        if self.answer_word and self.type_by_words and self.answer_word in last_words and steps[-1][1] == OUT:
            type_bonus = 0.3
        order = 0.0
        if self.cue is not None and steps[0][1] == self.cue:
            order += 0.1
        if self.stranded and steps[-1][1] == OUT:
            order += 0.1  # "what do X run on?": the answer is the preposition's object
        if self.first_word is not None and self.first_word in rels[0].words and len(steps) > 1:
            order += 0.15  # the relation named next to the topic is the first hop
        hops = len(steps) - 1
        last_pred = self.catalog.predicates.get(steps[-1][0]) if self.catalog else None
        if self.wh and last_pred is not None and self.wh in last_pred.question_words and steps[-1][1] == OUT:
            order += 0.25  # "who directed ...": the answers are the values of a relation that answers "who"
        if self.siblings and not any(
            steps[i][0] == steps[i + 1][0] and steps[i][1] != steps[i + 1][1] for i in range(hops)
        ):
            order -= 0.3  # "films that share a director with X" goes out over a relation and back
        if not self.asked:
            score = 0.8 * mean + 0.2 * weakest + type_bonus + order - 0.2 * hops
            return PathScore(steps, score, 0.0, mean, explained)
        consumed, silent = self._consume(rels)
        coverage = consumed / len(self.asked)
        score = coverage + type_bonus + order + 0.5 * mean + 0.2 * weakest - 0.12 * hops - 0.3 * silent
        return PathScore(steps, score, coverage, mean, explained)

    def _consume(self, rels: list[Relevance]) -> tuple[int, int]:
        """Give each step its own question words; return (words consumed, steps left without one)."""
        taken: set[int] = set()
        asked = set(self.asked)
        answer_positions = {i for i, w in enumerate(self.residual) if noun_key(w) == self.answer_word}
        silent = 0
        for n, rel in enumerate(rels):
            got, here = 0, None
            for slot in rel.slots:
                free = sorted((slot & asked) - taken)
                if here is not None:  # a step's words stand together: "release year", not "starred by actors"
                    free = [i for i in free if self._together(here, self.positions[i], rel.name)]
                if free:
                    taken.add(free[0])
                    here = self.positions[free[0]] if here is None else here
                    got += 1
            explains_type = any(slot & answer_positions for slot in rel.slots)
            # "films that share a director with X": going back over the same relation is asked by "share".
            sibling = self.siblings and n > 0 and rels[n] is rels[n - 1]
            if not got and not explains_type and not sibling:
                silent += 1
        return len(taken), silent if len(rels) > 1 else 0

    @staticmethod
    def _one_name(a: str, b: str, relevance: dict[URIRef, Relevance]) -> bool:
        """Tell whether one relation name holds both words ("shares with the host": share, host)."""
        return any(
            any(words_match(a, n) >= 0.8 for n in r.name) and any(words_match(b, n) >= 0.8 for n in r.name)
            for r in relevance.values()
            if r.name
        )

    def _together(self, a: int, b: int, name: tuple[str, ...]) -> bool:
        """Tell whether only the name's own words (or articles) stand between question words a and b."""
        lo, hi = sorted((a, b))
        between = [w.lower for w in self.words[lo + 1 : hi]]
        return all(w in name or w in ("a", "an", "the") for w in between)

    @staticmethod
    def _nearest_relation_word(words: list[Token], topic: Link, relation_words: set[str]) -> str | None:
        """Return the relation word closest to the topic (left first when "by" precedes the topic)."""
        best, best_distance = None, 10**6
        for i, w in enumerate(words):
            if w.lower not in relation_words or topic.start <= i < topic.end:
                continue
            distance = topic.start - i if i < topic.start else i - topic.end + 1
            if distance < best_distance or (distance == best_distance and i < topic.start):
                best, best_distance = w.lower, distance
        return best

    @staticmethod
    def _direction_cue(words: list[Token], topic: Link, relation_words: set[str]) -> str | None:
        """Guess whether the topic is the subject (OUT) or the object (IN) of the asked relation.

        English puts the subject before its verb: "what does X create" (X creates ?), "what creates X"
        (? creates X); a passive agent follows "by": "what is created by X" (X creates ?).
        """
        positions = [i for i, w in enumerate(words) if w.lower in relation_words]
        if not positions:
            return None
        j = topic.start - 1
        while j >= 0 and words[j].lower in ("a", "an", "the"):
            j -= 1
        if (j >= 0 and words[j].lower == "by") or topic.start < positions[0]:
            return OUT
        return IN


_NONE = Relevance()


def beam_paths(first: set[Step], catalog: Catalog, scorer: PathScorer, max_hops: int = 3,
               beam: int = 50) -> list[PathScore]:  # fmt: skip
    """Grow paths hop by hop from the topic's steps, keeping the ``beam`` best prefixes at each hop."""
    level = [scorer.score((s,)) for s in first]
    out = list(level)
    for _ in range(max_hops - 1):
        level.sort(key=lambda ps: -ps.score)
        grown = []
        for ps in level[:beam]:
            p, d = ps.steps[-1]
            for nxt in catalog.next_steps(p, d):
                # A hop no question word asks for is never worth taking; skip it before scoring.
                if scorer.relevance.get(nxt[0], _NONE).score >= 0.3:
                    grown.append(scorer.score((*ps.steps, nxt)))
        out.extend(grown)
        level = grown
    return out


__all__ = ["IN", "OUT", "PathScore", "PathScorer", "Relevance", "beam_paths", "predicate_relevance"]
