"""Score how well predicates and relation paths fit the words of a question.

Relevance of a predicate: the share of one of its names' words that the question contains (by lemma,
stem or typo-tolerant match), or, softer, the embedding similarity of the question's words to its
names. A path's score then rewards the relation words it *consumes* — each step takes its own words,
so "the director of X also directed" (two words) prefers two directed-by steps to one — and follows
English word order: the relation named next to the topic is the first hop and the one named next to
the wh-word the last ("the books that share editors with X are printed where"), a passive agent
("directed by X") makes the topic the subject, a stranded preposition ("run on?") asks for an object.

Kinds: the ontology says what a relation's subjects and objects are (``kgo:subjectKind``, ``rdfs:domain``
...). A path ends at the asked-for kind ("which films", "which person"), passes through the kinds the
question names ("books for the publisher of X"), and loses when two steps cannot meet (a person has no
director). Synonyms standing together ("wrote the screenplay") are one mention, and a step back over the
relation just taken needs a reason: a mention of its own, a sibling cue ("the same", "also", "co-"),
answers of the topic's own kind, or a kind the question names.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from itertools import pairwise

import numpy as np
from rdflib import URIRef

from kg.catalog import IN, OUT, Catalog
from kg.index import VectorIndex
from kg.linking import Link, name_matches, phrase_support, words_match
from kg.opposites import opposed_relations
from kg.paths import Step
from kg.text import (
    ARTICLES,
    AUXILIARIES,
    FILLERS,
    PARTICLES,
    PLACE_PREPOSITIONS,
    QUESTION_LIGHT_VERBS,
    TEMPORAL_ORDER,
    Token,
    lemmas,
    noun_key,
)

PREPOSITIONS = frozenset("on in from to with by for of at into onto".split())
#: The wh-words that ask for a place or a time, and the prepositions they stand for ("where ... held *in*").
SETTING_WH = frozenset(("where", "when"))
SETTING_PREPOSITIONS = frozenset(("in", "at", "on"))
#: Prepositions that may introduce a time, besides "before"/"after" (``TEMPORAL_ORDER``): a relation whose
#: label ends in one of them may answer "when".
TIME_PREPOSITIONS = frozenset("in at on by during until since till from within".split())
#: What "when" may ask along: a time's preposition, or "to" closing a span ("from Monday to Friday").
WHEN_PREPOSITIONS = TIME_PREPOSITIONS | TEMPORAL_ORDER | {"to"}
WH_PERSON_TIME_PLACE = frozenset({"who", "when", "where"})
#: How well a relation the wh-word asks along fits a question that says nothing else of what it asks.
WH_ONLY = 0.8
#: Determiners and adverbs that ask for things sharing a relation with the topic ("the same director",
#: "also directed", "other films"); the prefix "co-" ("co-starred") does too (see ``_sibling_cues``).
SIBLING_CUES = frozenset("same also other another".split())


@dataclass
class Relevance:
    """How well one predicate fits the question: a score, and which question words name it."""

    score: float = 0.0
    words: set[str] = field(default_factory=set)
    # Per content word of the best-matching name: positions (in the residual) of question words matching it.
    slots: list[set[int]] = field(default_factory=list)
    #: The best-matching name, lowercase words (its function words may stand between its content words).
    name: tuple[str, ...] = ()
    #: Every well-matching name as (slots, name): "the writer of X" and "written by" name one relation
    #: with different words, and two hops over it may each take their own.
    alternatives: list[tuple[list[set[int]], tuple[str, ...]]] = field(default_factory=list)
    #: Words that name the predicate by meaning only, with how sure that is (their similarity).
    soft: dict[str, float] = field(default_factory=dict)


@dataclass
class PathScore:
    """A candidate path and the parts of its score."""

    steps: tuple[Step, ...]
    score: float = 0.0
    coverage: float = 0.0
    relevance: float = 0.0
    explained: set[str] = field(default_factory=set)
    #: The path ends at the asked-for type ("which person": a relation whose values are persons).
    typed: bool = False
    #: Steps no question word asks for (each one a guess).
    silent: int = 0
    #: Of ``explained``, the words the path's relations name by meaning only, and how surely.
    soft: dict[str, float] = field(default_factory=dict)


def predicate_relevance(
    catalog: Catalog,
    residual: list[str],
    words: list[Token],
    vector: np.ndarray | None,
    index: VectorIndex,
    meanings: dict[str, dict[URIRef, float]] | None = None,
    classifying: frozenset[str] = frozenset(),
    verb_relations: frozenset[URIRef] = frozenset(),
    phrasal: Mapping[str, str] | None = None,
) -> dict[URIRef, Relevance]:
    """Score every predicate against the question's remaining words.

    ``classifying`` holds the classifiers of the question ("which *sorts* of cheese"), nouns: by their
    letters they never name one of ``verb_relations``, the relations minted from a note's verbs, whatever
    verb they spell ("the grader sorts the cheeses").

    ``meanings`` gives, for words no name contains, the predicates they name by meaning and the
    similarity (see ``Engine._word_meanings``): such a word is a slot of those predicates like a word
    of their names, scored by its similarity. A predicate whose name holds the opposite of a question
    word ("sell" for "buy", kg/opposites.py) gets nothing by meaning: only its own words may name it.
    ``phrasal`` maps a question word to the phrasal verb it heads ("set" to "set up"): it names a predicate
    named by a WordNet synonym of the phrase (``kg.linking.name_matches``).
    """
    passive = any(w.lower == "by" for w in words)
    spoken = {w.lower for w in words}
    # What a relation's last preposition must be for "where"/"when" to ask for its object (None: any).
    settings = (PLACE_PREPOSITIONS if "where" in spoken else frozenset()) | (
        WHEN_PREPOSITIONS if "when" in spoken else frozenset()
    )
    said = frozenset(spoken)
    if spoken & SETTING_WH:
        # "Where is the market held?" says "held in" without the "in": "where" and "when" ask for the object of
        # a preposition of place or time.
        spoken |= SETTING_PREPOSITIONS
    # Meaning never links a word to a relation named by its opposite ("buy" to "sell": the embedding
    # puts antonyms close); letters cannot either (``words_match``).
    opposed = opposed_relations(catalog)
    #: Question words some name contains: such a word is that relation's, whatever else it opposes.
    lettered: set[str] = set()
    scores: dict[URIRef, Relevance] = {}
    # The words by position, a classifier blanked where it names no relation (positions are the slots').
    unclassified = [("" if w in classifying else w) for w in residual]
    for pred in catalog.predicates.values():
        best = Relevance()
        alternatives = []
        lettered_words = unclassified if pred.iri in verb_relations else residual
        for name in pred.names:
            slots = name_matches(lettered_words, name, phrasal)
            if not slots or not any(slots):
                continue
            lettered.update(residual[i] for slot in slots for i in slot)
            score, _ = phrase_support(lettered_words, name, phrasal)
            last = name.rsplit(" ", 1)[-1].lower() if " " in name else ""
            if settings and last in PREPOSITIONS and last not in settings and last not in spoken:
                continue  # "Where do units live?" is not asked by "live for": "for" names no place
            if settings and last not in PREPOSITIONS and not spoken & pred.question_words:
                score *= 0.9  # "Where does X keep things?": "keeps" gives what is kept, "keeps in" the place
            elif settings and last in spoken and last not in said and said & PREPOSITIONS:
                score *= 0.98  # "Where is it shipped from?": "shipped from" as said, before "shipped on"
            if last == "by" and not passive:
                score *= 0.75  # "is followed by" reads the other way round from "follows"
            elif last in PREPOSITIONS and last not in spoken:
                score *= 0.9  # "is created from" fits "what is X created from" better than "what does X create"
            words_ = tuple(name.lower().split())
            if score >= 0.75:
                alternatives.append((slots, words_))
            if score > best.score:
                best = Relevance(score, {residual[i] for s in slots for i in s}, slots, words_)
        for i, w in enumerate(residual):
            sim = (meanings or {}).get(w, {}).get(pred.iri)
            if sim is None or pred.iri in opposed.of(w):
                continue
            soft = Relevance(_scaled(sim), {w}, [{i}], (w,), soft={w: sim})
            if best.score >= 0.75:
                alternatives = alternatives or [(best.slots, best.name)]
                alternatives.append((soft.slots, soft.name))
                best.soft[w] = sim
            elif soft.score > best.score:
                best = soft
        if len(alternatives) > 1:
            best.alternatives = alternatives
            best.words = {residual[i] for slots, _ in alternatives for s in slots for i in s}
        scores[pred.iri] = best
    if vector is not None and len(index):
        sims = index.vectors @ vector
        # "buy" keeps the whole question's meaning off "sell"; "written" (of "written by") does not keep
        # it off "spoken in": that word is named by its own relation already.
        against = opposed.of_any(w for w in residual if w not in lettered)
        for key, sim in zip(index.keys, sims, strict=True):
            scaled = _scaled(float(sim))
            if scaled > scores[key].score and key not in against:
                scores[key] = replace(scores[key], score=scaled)
    if words and words[0].lower in ("where", "when", "who"):
        # "Where is the kiln?" says nothing but the wh-word of what it asks: a relation the wh-word asks
        # along is then all the question names; beside other words it only helps them.
        lift = 0.3 if any(residual) else WH_ONLY
        for pred in catalog.predicates.values():
            if words[0].lower in pred.question_words:
                rel = scores[pred.iri]
                rel.score = min(1.0, rel.score + lift)
    # "hope to buy" answers what someone hopes to buy, not what they buy: a question must say the hoping.
    said = {lemma for w in words for lemma in lemmas(w.lower)}
    for pred in catalog.predicates.values():
        if pred.unrealised_by and not all(lemmas(w) & said for w in pred.unrealised_by.split() if w not in AUXILIARIES):
            scores[pred.iri] = Relevance()
    return scores


def label_preposition(label: str) -> str | None:
    """Return the preposition a relation's label ends in ("is painted on": "on"), or None.

    Where a relation puts its answer ("is painted on" a hill), or what bounds its value ("runs between"
    two temperatures).
    """
    words = label.lower().split()
    return words[-1] if len(words) > 1 and words[-1] in PREPOSITIONS else None


def _scaled(similarity: float) -> float:
    """Map an embedding similarity to a predicate's relevance (0 at 0.3, 0.85 from 0.75 up)."""
    return max(0.0, min(1.0, (similarity - 0.3) / 0.45)) * 0.85


class PathScorer:
    """Score paths from one topic mention against one reading of the question."""

    def __init__(self, relevance: dict[URIRef, Relevance], residual: list[str], relation_words: set[str],
                 answer_word: str | None, words: list[Token], topic: Link, type_by_words: bool = True,
                 positions: list[int] | None = None, catalog: Catalog | None = None,
                 asked_at: int | None = None):  # fmt: skip
        #: Where each residual word stands in the question (one step's words must stand together).
        self.positions = positions or list(range(len(residual)))
        self.words = words
        self.topic = topic
        self.catalog = catalog
        wh = words[asked_at].lower if asked_at is not None else None
        self.wh = wh if wh in WH_PERSON_TIME_PLACE else None
        # Nouns for kinds of things ("films", "people"); those other than the asked type name the nodes a
        # path passes through: "who edited books for the publisher of X" goes back from the publisher to books.
        self.kind_words = catalog.kind_words if catalog else set()
        # "the film X" describes the topic itself, not a node on the way.
        self.kinds_named = {
            noun_key(w) for i, w in enumerate(residual)
            if noun_key(w) in self.kind_words and self.positions[i] != topic.start - 1
        } - {answer_word}  # fmt: skip
        # The noun the question puts before the topic's name ("the book X") is a kind the topic has; said
        # again elsewhere ("books that share an editor with the book X"), it names nodes of the topic's
        # kind on the way, which a step back over the relation just taken reaches.
        before = noun_key(words[topic.start - 1].lower) if 0 < topic.start <= len(words) else None
        self.topic_kind_named = bool(before) and any(
            noun_key(w) == before and self.positions[i] != topic.start - 1 for i, w in enumerate(residual)
        )
        #: False when the asked-for type is a class of the graph: then membership, not words, decides.
        self.type_by_words = type_by_words
        self.relevance = relevance
        self.residual = residual
        self.answer_word = answer_word
        self.asked = [i for i, w in enumerate(residual) if w in relation_words and noun_key(w) != answer_word]
        self._asked_set = set(self.asked)
        #: Whether the question's relation words are light verbs only ("which port does X *use*"): then the
        #: asked noun says the relation, and a relation named by it ("ports") is the one asked for.
        self.light_asked = bool(self.asked) and all(lemmas(residual[i]) & QUESTION_LIGHT_VERBS for i in self.asked)
        self._answer_positions = {i for i, w in enumerate(residual) if noun_key(w) == answer_word}
        self._kind_cache: dict[Step, set[str]] = {}
        self._prefix_cache: dict[tuple[Step, ...], tuple[frozenset[int], int]] = {}
        self._matching_cache: dict[int, set[int]] = {}
        # The relation named next to the wh-word is the last hop ("... are printed where", "who edited
        # ..."), the one named next to the topic the first ("the books that share editors with X").
        self.last_word = self._nearest_relation_word(words, Link(asked_at, asked_at + 1, "", []), relation_words,
                                                     topic) if asked_at is not None else None  # fmt: skip
        others = relation_words - {self.last_word}
        self.first_word = self._nearest_relation_word(words, topic, others if others else relation_words)
        if self.first_word and self.last_word and self._one_name(self.first_word, self.last_word, relevance):
            self.last_word = None  # "what year was X released": two words, one relation
        self.cue = self._direction_cue(words, topic, relation_words)
        self.stranded = bool(words) and words[-1].lower in PREPOSITIONS
        self.siblings, self.sibling_words = self._sibling_cues(words, relation_words, relevance)
        #: The kinds the answers must be: the asked-for noun, else the kinds of the relations that answer
        #: the wh-word ("who": the persons of the relations whose question word it is).
        self.asked_kinds = {answer_word} & self.kind_words if answer_word else set()
        if not self.asked_kinds and self.wh and catalog is not None:
            self.asked_kinds = {
                k for p in catalog.predicates.values() if self.wh in p.question_words for k in p.object_kinds
            }  # fmt: skip

    def _sibling_cues(self, words: list[Token], relation_words: set[str],
                      relevance: dict[URIRef, Relevance]) -> tuple[bool, set[str]]:  # fmt: skip
        """Tell whether the question asks for things sharing a relation with the topic, and over which words.

        "the same director", "also directed", "co-starred": a cue followed by a relation word ("the same
        operating system" names a thing, not a relation). The words the cue names are the relation gone
        out over and back; a cue followed by a kind of thing ("the same movie") names none (any).
        """
        sibling_words: set[str] = set()
        siblings = False
        for i, w in enumerate(words):
            if w.lower.startswith("co-"):
                siblings = True
                sibling_words |= {w.lower, w.lower[3:]}
            elif w.lower in SIBLING_CUES:
                after = words[i + 1 : i + 4]
                named = {
                    x.lower for x in after
                    if x.lower in relation_words and not self._one_name(w.lower, x.lower, relevance)
                }  # fmt: skip
                siblings |= bool(named) or any(noun_key(x.lower) in self.kind_words for x in after)
                sibling_words |= named
        return siblings, sibling_words

    def score(self, steps: tuple[Step, ...]) -> PathScore:
        """Return the score of ``steps``: consumed relation words, step relevance, word order, length."""
        rels = [self.relevance.get(p, Relevance()) for p, _ in steps]
        explained = set().union(*(r.words for r in rels))
        soft: dict[str, float] = {}
        for r in rels:
            for w, sim in r.soft.items():
                soft[w] = max(soft.get(w, 0.0), sim)
        mean = sum(r.score for r in rels) / len(rels)
        weakest = min(r.score for r in rels)
        last_words = {noun_key(w) for w in rels[-1].words}
        # A predicate's name describes its values ("starred actors", "in language"): the asked-for
        # type ("who are the actors") is met by a last hop that goes out to them, not back.
        type_bonus = 0.0
        end_kinds = self._kinds(steps[-1])
        if self.answer_word and self.type_by_words:
            if (self.answer_word in last_words and steps[-1][1] == OUT) or self.answer_word in end_kinds:
                type_bonus = 0.3
            elif self.answer_word in self.kind_words and end_kinds:
                type_bonus = -0.3  # "which films ...": a path that ends at genres answers something else
        order = 0.0
        if self.cue is not None and steps[0][1] == self.cue:
            order += 0.1
        if self.stranded and steps[-1][1] == OUT:
            order += 0.1  # "what do X run on?": the answer is the preposition's object
        if self.first_word is not None and self.first_word in rels[0].words and len(steps) > 1:
            order += 0.15  # the relation named next to the topic is the first hop
        if (
            self.last_word is not None and self.last_word != self.first_word
            and self.last_word in rels[-1].words and len(steps) > 1
        ):  # fmt: skip
            order += 0.15  # ... and the one named next to the wh-word the last
        hops = len(steps) - 1
        last_pred = self.catalog.predicates.get(steps[-1][0]) if self.catalog else None
        if self.wh and last_pred is not None and self.wh in last_pred.question_words and steps[-1][1] == OUT:
            order += 0.25  # "who directed ...": the answers are the values of a relation that answers "who"
        for (p, d), (q, e) in pairwise(steps):
            arrived, leaving = self._kinds((p, d)), self._kinds((q, IN if e == OUT else OUT))
            if arrived and leaving and not arrived & leaving:
                order -= 0.5  # a person has no director: the graph's kinds say the path cannot join
        if self.siblings and not any(
            steps[i][0] == steps[i + 1][0] and steps[i][1] != steps[i + 1][1] and self._names_sibling(rels[i])
            for i in range(hops)
        ):
            order -= 0.3  # "books with the same editor as X" go out over a relation and back
        if not self.asked:
            score = 0.8 * mean + 0.2 * weakest + type_bonus + order - 0.2 * hops
            return PathScore(steps, score, 0.0, mean, explained, type_bonus > 0, hops, soft)
        consumed, silent = self._consume(rels, steps)
        coverage = consumed / len(self.asked)
        if self.light_asked and self.answer_word in last_words and steps[-1][1] == OUT:
            coverage = 1.0  # "which port does X use": X's ports, the light verb said by the noun's relation
        score = coverage + type_bonus + order + 0.5 * mean + 0.2 * weakest - 0.12 * hops - 0.4 * silent
        return PathScore(steps, score, coverage, mean, explained, type_bonus > 0, silent, soft)

    def _kinds(self, step: Step) -> set[str]:
        """Return the nouns for the node ``step`` arrives at (empty when the graph does not say)."""
        kinds = self._kind_cache.get(step)
        if kinds is None:
            pred = self.catalog.predicates.get(step[0]) if self.catalog else None
            kinds = self._kind_cache[step] = pred.kinds(step[1]) if pred is not None else set()
        return kinds

    def _consume(self, rels: list[Relevance], steps: tuple[Step, ...]) -> tuple[int, int]:
        """Give each step its own question words; return (words consumed, steps left without one).

        A first step no word asks for counts twice: a question names how its topic relates to the rest,
        so a path that leaves the topic over a relation nobody named is a guess. Paths grow hop by hop,
        so the words taken by a path's earlier steps are kept per prefix.
        """
        prefix = steps[:-1]
        state = self._prefix_cache.get(prefix)
        if state is None:
            taken: set[int] = set()
            silent = 0
            for n in range(len(prefix)):
                got, asked_for = self._step(n, rels, steps, taken, last=False)
                taken.update(got)
                silent += 0 if asked_for else (2 if n == 0 else 1)
            state = self._prefix_cache[prefix] = (frozenset(taken), silent)
        taken, silent = set(state[0]), state[1]
        got, asked_for = self._step(len(steps) - 1, rels, steps, taken, last=True)
        taken.update(got)
        silent += not asked_for
        return len(taken), silent if len(rels) > 1 else 0

    def _step(self, n: int, rels: list[Relevance], steps: tuple[Step, ...], taken: set[int],
              last: bool) -> tuple[list[int], bool]:  # fmt: skip
        """Return the question words step ``n`` takes, and whether the question asks for the step at all."""
        rel = rels[n]
        free_words = self._asked_set - taken
        # Of the names that fit, the one taking the most free words, nearest the topic first.
        best: list[int] = []
        best_key = (0, 0)
        for slots, name in rel.alternatives or [(rel.slots, rel.name)]:
            take = self._take(slots, name, free_words)
            key = (len(take), -min(map(self._distance, take), default=0))
            if key > best_key:
                best, best_key = take, key
        # Words of the same relation standing side by side are one mention: "the language spoken",
        # "wrote the screenplay".
        if best:
            matching = self._matching(rel) & free_words
            grown = True
            while grown:
                near = {i for i in matching - set(best) if any(self._adjacent(i, j) for j in best)}
                best, grown = best + sorted(near), bool(near)
        explains_type = last and any(slot & self._answer_positions for slot in rel.slots)
        # Going back over the relation just taken is asked by a cue ("the same director") or, at the last
        # step, when the answers are of the topic's own kind: things that share something with the topic.
        sibling = n > 0 and rels[n] is rels[n - 1] and (self.siblings or (last and self._own_kind(steps)))
        # "books for the publisher of X": a hop to a kind of thing the question names is asked for.
        back = n > 0 and steps[n][0] == steps[n - 1][0] and steps[n][1] != steps[n - 1][1]
        kind = (not last and bool(self._kinds(steps[n]) & self.kinds_named)) or (
            n == 1 and back and self.topic_kind_named
        )
        if back and not (sibling or kind) and (not taken or any(self._adjacent(i, j) for i in best for j in taken)):
            # Back over the relation just taken needs a mention of its own ("the books edited by the
            # editor of X"); a synonym beside the first mention is the same mention.
            best = []
        return best, bool(best) or explains_type or sibling or kind

    def _own_kind(self, steps: tuple[Step, ...]) -> bool:
        """Tell whether the path ends at the asked-for kind, and the topic is of that kind too."""
        asked = self.asked_kinds
        if not asked:
            return False
        first, direction = steps[0]
        topic_kinds = self._kinds((first, IN if direction == OUT else OUT))
        return bool(asked & self._kinds(steps[-1]) and asked & topic_kinds)

    def _matching(self, rel: Relevance) -> set[int]:
        """Return every question word any name of ``rel`` matches."""
        found = self._matching_cache.get(id(rel))
        if found is None:
            alternatives = rel.alternatives or [(rel.slots, rel.name)]
            found = self._matching_cache[id(rel)] = {i for slots, _ in alternatives for slot in slots for i in slot}
        return found

    def _names_sibling(self, rel: Relevance) -> bool:
        """Tell whether a step is over the relation the sibling cue names ("the same editor": edited by)."""
        return not self.sibling_words or any(words_match(w, x) >= 0.8 for w in rel.words for x in self.sibling_words)

    def _take(self, slots: list[set[int]], name: tuple[str, ...], free_words: set[int]) -> list[int]:
        """Return the free question words one name of a step takes: one per content word, standing together."""
        take: list[int] = []
        here = None
        for slot in slots:
            free = sorted((slot & free_words) - set(take), key=self._distance)
            if here is not None:  # a step's words stand together: "release year", not "starred by actors"
                free = [i for i in free if self._together(here, self.positions[i], name)]
            if free:
                take.append(free[0])
                here = self.positions[free[0]] if here is None else here
        return take

    def _adjacent(self, i: int, j: int) -> bool:
        """Tell whether residual words i and j stand side by side, articles and fillers aside."""
        lo, hi = sorted((self.positions[i], self.positions[j]))
        return hi > lo and all(w.lower in FILLERS for w in self.words[lo + 1 : hi])

    def _distance(self, i: int) -> int:
        """Return how far residual word ``i`` stands from the topic mention."""
        at = self.positions[i]
        return self.topic.start - at if at < self.topic.start else at - self.topic.end + 1

    @staticmethod
    def _one_name(a: str, b: str, relevance: dict[URIRef, Relevance]) -> bool:
        """Tell whether one relation name holds both words ("shares with the host": share, host)."""
        return any(
            any(words_match(a, n) >= 0.8 for n in r.name) and any(words_match(b, n) >= 0.8 for n in r.name)
            for r in relevance.values()
            if r.name
        )

    def _together(self, a: int, b: int, name: tuple[str, ...]) -> bool:
        """Tell whether only the name's own words (or fillers: "the", "their") stand between words a and b.

        A verb's particle may follow its object: in "who hauls the sacks up" the topic stands between
        "hauls" and "up", which are still one relation's words.
        """
        lo, hi = sorted((a, b))
        between = [w.lower for i, w in enumerate(self.words[lo + 1 : hi], lo + 1) if not self._object_before(i, hi)]
        return all(w in name or w in FILLERS for w in between)

    def _object_before(self, i: int, particle: int) -> bool:
        """Tell whether word ``i`` belongs to the topic mention, and word ``particle`` is a particle right after it."""
        return (
            self.topic.start <= i < self.topic.end
            and self.words[particle].lower in PARTICLES
            and all(w.lower in FILLERS for w in self.words[self.topic.end : particle])
        )

    @staticmethod
    def _nearest_relation_word(words: list[Token], topic: Link, relation_words: set[str],
                               skip: Link | None = None) -> str | None:  # fmt: skip
        """Return the relation word closest to ``topic`` (left first when "by" precedes the topic)."""
        best, best_distance = None, 10**6
        for i, w in enumerate(words):
            if w.lower not in relation_words or topic.start <= i < topic.end:
                continue
            if skip is not None and skip.start <= i < skip.end:
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
        while j >= 0 and words[j].lower in ARTICLES:
            j -= 1
        if (j >= 0 and words[j].lower == "by") or topic.start < positions[0]:
            return OUT
        return IN


_NONE = Relevance()


def beam_paths(first: set[Step], catalog: Catalog, scorer: PathScorer, max_hops: int = 3,
               beam: int = 50) -> list[PathScore]:  # fmt: skip
    """Grow paths hop by hop from the topic's steps, keeping the ``beam`` best prefixes at each hop.

    A denied relation ("does not live in") is a path of its own, one hop: no walk goes on from it or into it.
    """
    level = [scorer.score((s,)) for s in first]
    out = list(level)

    def denied(p: URIRef) -> bool:
        # "A does not live in B" says nothing of what B holds or where A is: a denial ends a walk.
        return p in catalog.predicates and catalog.predicates[p].negation_of is not None

    for _ in range(max_hops - 1):
        level.sort(key=lambda ps: -ps.score)
        grown = []
        for ps in level[:beam]:
            p, d = ps.steps[-1]
            if denied(p):
                continue
            for nxt in catalog.next_steps(p, d):
                # A hop no question word asks for is never worth taking; skip it before scoring.
                if scorer.relevance.get(nxt[0], _NONE).score >= 0.3 and not denied(nxt[0]):
                    grown.append(scorer.score((*ps.steps, nxt)))
        out.extend(grown)
        level = grown
    return out


__all__ = ["IN", "OUT", "PathScore", "PathScorer", "Relevance", "beam_paths", "predicate_relevance"]
