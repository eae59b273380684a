"""Answer a yes/no question from the graph's facts: a relation between two concepts, or a concept's quality.

A yes/no question ("Do pods run on nodes?", "Is the bucket versioned?") is settled by one fact, tried in
this order, most specific first:

1. a triple between the concepts the question names, by a relation its words name (or that relation's
   ontology contrary, or the relation stated denied, for "no"; see ``YesNoAnswerer.check``). A relation
   stated only denied ("does not retry") is named by what it denies ("retry"). A count the question
   gives its object ("several instances") is weighed against the fact's sentence: "only ... one
   instance" rules it out ("no"), and a sentence that gives no count leaves it unaccounted for;
   "no" too when the subject's relation is stated restricted by "only" to the contrary of the asked
   object ("allow rules only" for "deny rules"; ``YesNoAnswerer._excluded``);
2. a quality of a named concept that a question word says ("versioned");
3. a property table's yes/no cell whose row the question names ("dishwasher safe": yes);
4. a quality whose opposite a question word says ("locked" of a gate stated "unlocked"): "no".

The confidence says how much of the question the fact accounts for (``strict_fit``): a word neither the
relation nor the fact's sentence says may be a condition that turns the answer, so it lowers the
confidence rather than being assumed. A question none of these settles gets ``None``: the engine then
abstains or quotes a sentence (kg/sentence_answer.py), never answers with an entity.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from rdflib import RDF, RDFS, URIRef

from kg.amounts import amount_verdict, amounts_hold, asked_amount
from kg.answer import Answer
from kg.catalog import Catalog
from kg.contrast import (
    disjoined_subject,
    has_exception,
    identity_unsaid,
    only_some,
    unmet_restriction,
    without_set_aside,
)
from kg.evidence import Evidence
from kg.linking import (
    Link,
    content_words,
    phrase_support,
    relation_word_match,
    said_in,
    sentence_words,
    words_match,
)
from kg.opposites import are_opposites
from kg.question import (
    Reading,
    condition_spans,
    is_passive,
    link_spans,
    name_spans,
    parse,
    parse_named,
    restrictive_spans,
)
from kg.scoring import PREPOSITIONS, Relevance, label_preposition
from kg.sentence_slots import denied_words, subject_clause
from kg.store import KGStore
from kg.text import (
    ABSENCE,
    LIGHT_VERBS,
    MODAL_WORDS,
    NEGATIONS,
    STOPWORDS,
    TEMPORAL_ORDER,
    key_words,
    lemmas,
    noun_key,
    same_degree,
    tokenize,
    turned_order,
)

#: The values that say yes or no (a property table's cells).
YES_NO = {"yes": True, "no": False, "true": True, "false": False}

#: The words a relation's name states its denial with ("does not retry", "cannot send"): grammar, which the
#: question asking whether the relation holds does not say.
DENIAL_WORDS = NEGATIONS | frozenset("do does did can could will would may might must should is are was were".split())

#: Words that say a thing acts alone ("by itself", "on its own"): grammar, which a question says with any of them.
SELF_WORDS = frozenset("itself themselves himself herself own".split())
#: The most fit a denial's answer gets when its clause says more than the question asks (0.5 + 0.45 * 0.6 =
#: 0.77, below the engine's answer threshold, 0.8): the engine then quotes the sentence, if one clearly answers.
UNSURE_FIT = 0.6
#: The most confidence a "no" inferred from a restriction gets ("only allow rules" for "deny rules?"): the
#: answer rests on reading the word "only" as bearing on the object, which is less sure than a stated fact.
RESTRICTED_CONFIDENCE = 0.85
#: Tokens that end the stretch an "only" before an object may bear on: a new phrase or clause begins.
_PHRASE_BREAKS = frozenset(",;:()") | frozenset("and or but while whereas because".split())

#: Words that count what they stand before as more than one ("several instances") or as one ("a single
#: consumer"): closed-class quantity words and numerals, no word of any subject matter.
MANY = frozenset("several many multiple various numerous two three four five six seven eight nine ten".split())
ONE = frozenset("one single".split())
#: Words that may stand between a quantity word and the name it counts ("only a single crew").
_BEFORE_COUNT = frozenset("a an the just only".split())

#: A verdict: whether the asked fact holds, the triples that say so, and the ASK query that finds them.
Verdict = tuple[bool, list[tuple], str]


def is_lone_word(link: Link) -> bool:
    """Tell whether a mention is one lowercase word: a name the question may use as an ordinary word.

    Such a mention ("support", "private") links to a concept some note named in passing; in a yes/no
    question it may be the verb that names the relation, or the quality asked about.
    """
    return link.end - link.start == 1 and link.text.islower()


class YesNoAnswerer:
    """Settle yes/no questions about the concepts a question names, from the graph's facts."""

    def __init__(
        self,
        store: KGStore,
        catalog: Catalog,
        evidence: Evidence,
        weak: Callable[[Link], bool],
        relevance: Callable[[Reading], dict[URIRef, Relevance]],
        relation_words: Callable[[list[str]], tuple[set[str], dict[str, dict[URIRef, float]]]],
    ):
        """Keep the graph's parts and the engine's readings of a question that a verdict needs.

        ``weak`` tells a mention that may be an ordinary word from a name, ``relevance`` scores every
        relation against a question's words, and ``relation_words`` finds the words that name some
        relation (all three the engine's, shared with its other handlers).
        """
        self.store = store
        self.catalog = catalog
        self.evidence = evidence
        self.weak = weak
        self.relevance = relevance
        self.relation_words = relation_words
        #: Relations that read the same both ways (a yes/no question may name their ends in either order).
        self.symmetric = {p for (p,) in store.query("SELECT ?p WHERE { ?p a owl:SymmetricProperty }")}
        #: Per relation, the relations that deny it (``kgo:negationOf``: "does not carry" for "carry").
        self.denials: dict[URIRef, list[URIRef]] = {}
        for iri, pred in catalog.predicates.items():
            if pred.negation_of is not None:
                self.denials.setdefault(pred.negation_of, []).append(iri)

    def answer(self, reading: Reading) -> Answer | None:
        """Return the answer one fact of the graph gives to the yes/no question ``reading``, or None."""
        reading = self.verbs_as_words(self.counts_as_words(reading))
        return (
            self._related(reading)
            or self._membership(reading)
            or self._excluded(reading)
            or self._amount(reading)
            or self._quality(reading)
            or self._yes_no_value(reading)
            or self._opposite_quality(reading)
        )

    # -- a relation between two named concepts ---------------------------------------------------------
    def _related(self, reading: Reading) -> Answer | None:
        """Answer from a triple between the first named concept and another, by a relation the words name.

        The relation is the one the main clause names: a word said only in a condition clause ("... when
        it is left in the cellar") names the condition's relation, not the one asked about.
        """
        relevance = self._with_denials(reading, self.relevance(self._main_clause(reading)))
        passive = is_passive(reading.words)
        candidates = [[iri for iri, _ in link.candidates[:3]] for link in reading.links]
        # Of the relations the words fit, the six nearest among those that join the subject to another
        # named concept at all: in a large graph many relations fit a word equally well ("keep", "store",
        # "save"), and a cut before looking would drop the one the facts use.
        joining = (
            self.store.predicates_between(candidates[0], [iri for other in candidates[1:] for iri in other])
            if candidates
            else set()
        )
        fitting = [p for p in relevance if relevance[p].score >= 0.5 and self._decides(p, joining)]
        ranked = sorted(fitting, key=lambda p: (-relevance[p].score, str(p)))[:6]
        # The question names the subject first: "Do pods run on nodes?" asks whether pods run on nodes.
        # A fact without that subject ("... when the instance stops": the instance) settles nothing.
        for n, a_list in enumerate(candidates[:1]):
            for m, b_list in enumerate(candidates[n + 1 :], start=n + 1):
                for pred in ranked:
                    for a in a_list:
                        for b in b_list:
                            verdict = self.check(a, pred, b, passive)
                            if verdict is not None:
                                verdict, uncounted, ruling = self._counted(reading, m, b, verdict)
                                # What the fact says: its sentence and its relation's names.
                                names = self.catalog.predicates[pred].names if pred in self.catalog.predicates else []
                                sentence, leaning = self.evidence.stated(verdict[1][0])
                                # "No train may pass ... unless the signaller allows it": a denial with an exception
                                # the question does not state is no sure "no".
                                excepted = has_exception(parse(sentence)) and not has_exception(parse(reading.text))
                                # What the sentence sets aside ("except on the river") it does not say of the fact.
                                sentence = without_set_aside(sentence, parse)
                                unsaid: list[str] = []
                                if verdict[1][0][1] in self.catalog.predicates and (
                                    self.catalog.predicates[verdict[1][0][1]].negation_of is not None
                                ):
                                    # A denial covers what its own clause says, not a reason given beside it;
                                    # and a word of that clause the question lacks ("in most places") may be
                                    # the condition under which alone it is denied.
                                    sentence = denied_clause(sentence)
                                    # The fact's two ends are named by the question, in whatever words ("DLQ").
                                    ends = [n for iri in (verdict[1][0][0], verdict[1][0][2]) for n in self._names(iri)]
                                    asked = sentence_words(" ".join([reading.text, *ends]))
                                    if asked & SELF_WORDS:  # "on its own" asks what "by itself" says
                                        asked |= SELF_WORDS
                                    if reading.words[0].lower in PERMISSION_MODALS:
                                        asked |= MODAL_WORDS  # "Can X ...?" asks what "X is allowed ..." says
                                    unsaid = [
                                        w for w in sentence_words(sentence)
                                        if w not in STOPWORDS and w not in DENIAL_WORDS and not said_in(w, asked)
                                    ]  # fmt: skip
                                # The item the sentence is nested under says what it speaks of too. Of a
                                # sentence that sets clauses against each other, the fact's subject's says it.
                                subject = self.catalog.label(verdict[1][0][0])
                                said = " ".join([subject_clause(sentence, subject, parse), leaning, *names])
                                # A concept the question names beside the two is a condition too.
                                rest = [
                                    w.lower for k, link in enumerate(reading.links) if k not in (n, m)
                                    for w in reading.words[link.start : link.end]
                                ]  # fmt: skip
                                asked_words = reading.residual + rest + uncounted
                                fit = strict_fit(asked_words, relevance[pred], ruling or said)
                                # "not on the terminals, only on the website" denies; "only if" limits a yes.
                                restricted = verdict[0] and unmet_restriction(parse(sentence), reading.text)
                                # "Some kilns burn wood" is no yes to "Do all kilns burn wood?".
                                restricted = restricted or (verdict[0] and only_some(parse(sentence), reading.text))
                                # "Either A or B collects the rent" is no yes to "Does B collect the rent?".
                                disjoined = disjoined_subject(parse(sentence), reading.text)
                                restricted = restricted or (verdict[0] and disjoined)
                                restricted = restricted or (not verdict[0] and excepted)
                                # "Do pupils get *full* marks?" of "Pupils get half marks": a modifier of the
                                # question that neither the relation nor the sentence says may be what the fact
                                # lacks, so a yes is unsure (a noun may be said by a pronoun: "patrol *it*").
                                said_words = sentence_words(ruling or said)
                                left = [
                                    w for w in reading.residual
                                    if w not in relevance[pred].words and not said_in(w, said_words)
                                    and _modifier(w, reading.text)
                                ]  # fmt: skip
                                restricted = restricted or (verdict[0] and bool(left))
                                # "the same X" of "a different X": what decides is what the sentence says otherwise.
                                restricted = restricted or (verdict[0] and identity_unsaid(reading.text, sentence))
                                if unsaid or restricted or self._unmet_condition(reading, said):
                                    # The denial may hold only under what its clause says besides ("in most
                                    # places"), or the question asks under a condition the sentence does not
                                    # state ("when the miller is away" of "only if the miller is there"), or
                                    # the sentence holds only in a case the question does not state ("only
                                    # after ..."): no sure answer from the fact; the sentence may still be quoted.
                                    fit = min(fit, UNSURE_FIT)
                                return self._answer(reading, verdict, fit, ruling)
        return None

    def _membership(self, reading: Reading) -> Answer | None:
        """Answer "Is X a Y?" ("Are Xs Ys?") from X's kind: the graph says X is a Y (or a kind of Y).

        Only a question of a copula, two names and no other word asks whether one is of the other's kind.
        A kind the graph does not state is no "no": what the notes leave unsaid they do not deny.
        """
        words = reading.words
        if len(reading.links) != 2 or not words or words[0].lower not in ("is", "are") or reading.residual:
            return None
        first, second = reading.links
        for a in [iri for iri, _ in first.candidates[:3]]:
            for b in [iri for iri, _ in second.candidates[:3]]:
                for pred in (RDF.type, RDFS.subClassOf):
                    if a != b and self.store.contains((a, pred, b)):
                        return self._answer(reading, (True, [(a, pred, b)], ask_sparql([(a, pred, b)])), 1.0)
        return None

    def _with_denials(self, reading: Reading, relevance: dict[URIRef, Relevance]) -> dict[URIRef, Relevance]:
        """Score each relation stated denied by the words of what it denies: "retry" names "does not retry".

        A note may state a relation only denied ("A dead-letter queue does not retry messages"): no positive
        triple exists, so no positive relation leads to the denial (``check``), and the denial's own name
        holds grammar ("does", "not") that a question asking whether it holds never says.
        """
        scores = dict(relevance)
        modal = bool(reading.words) and reading.words[0].lower in PERMISSION_MODALS
        spoken = [w.lower for w in reading.words]
        for denials in self.denials.values():
            for pred in denials:
                for name in self.catalog.predicates[pred].names:
                    positive = " ".join(w for w in name.split() if w.lower() not in DENIAL_WORDS)
                    if not positive or positive == name:
                        continue
                    score, used = phrase_support(reading.residual, positive)
                    if modal and score < PERMISSION_FIT and _permits_by(positive, spoken):
                        # "X is not allowed on Y" denies whatever X might be or do on Y: "Can X be used
                        # on Y?" is answered by it, as "Is X allowed on Y?" is.
                        score, used = PERMISSION_FIT, {w for w in reading.residual if w not in STOPWORDS}
                    if score > scores.get(pred, Relevance()).score:
                        scores[pred] = Relevance(score, used)
        return scores

    def _decides(self, pred: URIRef, joining: set[URIRef]) -> bool:
        """Tell whether a triple of ``joining``'s predicates can settle ``pred``: itself, its contrary or its denial."""
        if pred in joining or set(self.denials.get(pred, ())) & joining:
            return True
        known = self.catalog.predicates.get(pred)
        return known is not None and known.contrary in joining

    def check(self, a: URIRef, pred: URIRef, b: URIRef, passive: bool = False) -> Verdict | None:
        """Return (holds, triples, sparql) if ``a pred b`` or its contrary holds, else None.

        A passive question ("Is the log deleted when the job ends?") names the object first, so there
        the other order is tried too, but only for the asked relation, never for a reversal of it; so
        is it for a symmetric relation. An active question asks in its own order: "does A draw from B"
        is not answered by "B draws from A".
        """
        either_way = pred in self.symmetric or (passive and not self._reversible(pred))
        orders = ((a, b), (b, a)) if either_way else ((a, b),)
        # A relation stated negated ("does not support") says the positive one does not hold.
        denies = pred in self.catalog.predicates and self.catalog.predicates[pred].negation_of is not None
        for s, o in orders:
            if self.store.contains((s, pred, o)):
                return not denies, [(s, pred, o)], ask_sparql([(s, pred, o)])
        contrary = self.catalog.predicates[pred].contrary if pred in self.catalog.predicates else None
        if contrary is not None:
            for s, o in orders:
                if self.store.contains((s, contrary, o)):
                    return False, [(s, contrary, o)], ask_sparql([(s, pred, o)])
        # The relation stated denied ("does not carry" for "carry"), whatever the question's words matched.
        for denial in self.denials.get(pred, ()):
            for s, o in orders:
                if self.store.contains((s, denial, o)):
                    return False, [(s, denial, o)], ask_sparql([(s, denial, o)])
        return None

    def _counted(self, reading: Reading, m: int, b: URIRef, verdict: Verdict) -> tuple[Verdict, list[str], str | None]:
        """Weigh the number the question gives its object against the one the fact's sentence allows.

        "Can a volume be mounted to several instances?" of a fact stated "can only be mounted to one
        instance": the triple (volume, mounted to, instance) holds, yet the count the question asks for
        is ruled out, so the answer is "no". A fact whose sentence gives no count leaves the question's
        count unaccounted for (returned, for the fit to weigh): it says the relation holds, not for how many.
        """
        holds, triples, sparql = verdict
        if not holds:
            return verdict, [], None
        count = _count_before(reading.words, reading.links[m].start)
        if count is None or count[1] != "many":
            return verdict, [], None
        quotes = [src["text"] for src in self.evidence.sources(triples)]
        ruling = next((q for q in quotes if any(only_one(q, name) for name in self._names(b))), None)
        if ruling is not None:
            return (False, triples, sparql), [], ruling
        return verdict, [count[0]], None

    def _excluded(self, reading: Reading) -> Answer | None:
        """Answer "no" when the subject's relation is stated restricted to the contrary of the asked object.

        "The lock admits inbound boats only", asked whether it admits outbound boats: the subject's
        objects of that relation are only inbound boats, and an outbound boat is their contrary (the
        same kind of thing, one word of its name the opposite of the fact's: kg/opposites.py). Both must
        hold: the word "only" bearing on the fact's object in its sentence (``restricts``), and the
        contrary, so that an object merely not stated (a rule of a third kind) settles nothing. The
        relation is one the question's words name, or any, when its only verb is a light one ("have").
        """
        if len(reading.links) < 2:
            return None
        relevance = self._with_denials(reading, self.relevance(reading))
        light = all(w in LIGHT_VERBS for w in reading.residual)
        for a, _ in reading.links[0].candidates[:3]:
            facts = self.store.query("SELECT ?p ?c WHERE { ?a ?p ?c FILTER(isIRI(?c)) }", {"a": a})
            for m, link in enumerate(reading.links[1:], start=1):
                for b, _ in link.candidates[:3]:
                    for pred, c in facts:
                        rel = relevance.get(pred, Relevance())
                        if c == b or pred not in self.catalog.predicates or not (light or rel.score >= 0.5):
                            continue
                        if self.catalog.predicates[pred].negation_of is not None or not self._contrary(b, c):
                            continue
                        triple = (a, pred, c)
                        quotes = [src["text"] for src in self.evidence.sources([triple])]
                        said = next((q for q in quotes if any(restricts(q, n) for n in self._names(c))), None)
                        if said is None:
                            continue
                        rest = [
                            w.lower for k, other in enumerate(reading.links) if k not in (0, m)
                            for w in reading.words[other.start : other.end]
                        ]  # fmt: skip
                        named = Relevance(1.0, set(reading.residual)) if light else rel
                        fit = strict_fit(
                            reading.residual + rest, named, " ".join([said, *self.catalog.predicates[pred].names])
                        )
                        answer = self._answer(reading, (False, [triple], ask_sparql([triple])), fit, said)
                        answer.confidence = min(answer.confidence, RESTRICTED_CONFIDENCE)
                        return answer
        return None

    def _names(self, iri: URIRef) -> list[str]:
        """Return a concept's names, label first."""
        entity = self.catalog.entities.get(iri)
        return [entity.label, *entity.aliases] if entity is not None and entity.label else []

    def _contrary(self, b: URIRef, c: URIRef) -> bool:
        """Tell whether two concepts are contraries of one kind: names alike but for one word, opposites there.

        "deny rule" and "allow rule": the same head noun, and "deny" the opposite of "allow".
        """
        for b_name in self._names(b):
            for c_name in self._names(c):
                bw, cw = b_name.lower().split(), c_name.lower().split()
                if len(bw) != len(cw) or len(bw) < 2 or noun_key(bw[-1]) != noun_key(cw[-1]):
                    continue
                apart = [(x, y) for x, y in zip(bw, cw, strict=True) if noun_key(x) != noun_key(y)]
                if len(apart) == 1 and are_opposites(*apart[0]):
                    return True
        return False

    def _reversible(self, pred: URIRef) -> bool:
        """Tell whether reading a relation backwards changes its meaning (it has an inverse: runs on/hosts)."""
        return self.catalog.predicates.get(pred) is not None and self.catalog.predicates[pred].inverse is not None

    # -- a quality of one named concept ----------------------------------------------------------------
    def _qualities(self, iri: URIRef) -> list[tuple[list[str], tuple, bool]]:
        """Return a concept's stated qualities as (their lowercase words, triple, whether it holds)."""
        return [(_present_words(value), triple, holds) for value, triple, holds in self.evidence.qualities(iri)]

    def _main_clause(self, reading: Reading) -> Reading:
        """Return ``reading`` without the relation words said only inside its condition clauses or the relative
        clauses on its nouns ("Does X weigh the crates it ships?" asks of weighing, not of shipping), if any."""
        spans = name_spans(reading, reading.links)
        conditions = (condition_spans(reading.text, spans) + restrictive_spans(reading.text, spans)) if spans else ()
        if not conditions:
            return reading
        inside, outside = set(), set()
        for t in reading.words:
            (inside if any(lo <= t.start and t.end <= hi for lo, hi in conditions) else outside).add(t.lower)
        only_inside = inside - outside
        if not only_inside:
            return reading
        return replace(
            reading,
            residual=[w for w in reading.residual if w.lower() not in only_inside],
            relation_words={w for w in reading.relation_words if w.lower() not in only_inside},
            meanings={w: m for w, m in reading.meanings.items() if w.lower() not in only_inside},
        )

    def _unmet_condition(self, reading: Reading, said: str) -> bool:
        """Tell whether a condition clause of the question holds a word the fact's sentence does not say.

        The names are left to the linking (the sentence may speak of "the instance" by its heading); a word of
        the condition besides them ("away") must be the sentence's own.
        """
        words = sentence_words(said)
        named = {w for link in reading.links for w in sentence_words(link.text)}
        for start, end in self._conditions(reading):
            for w in sentence_words(reading.text[start:end]):
                if w not in STOPWORDS and w not in named and not said_in(w, words):
                    return True
        return False

    @staticmethod
    def _conditions(reading: Reading) -> tuple[tuple[int, int], ...]:
        """Return the character spans of the question's condition clauses (the parse is cached: parse_named)."""
        spans = name_spans(reading, reading.links)
        return condition_spans(reading.text, spans) if spans else ()

    def _in_condition(self, reading: Reading) -> Callable[[Link], bool]:
        """Return a test of whether a link stands in a condition clause of the question ("when X is present").

        A quality of what the condition names settles the condition, not what the question asks.
        """
        conditions = self._conditions(reading)

        def inside(link: Link) -> bool:
            spans = link_spans(reading.words, [link])
            return any(lo <= start and end <= hi for start, end in spans for lo, hi in conditions)

        return inside

    def _quality(self, reading: Reading) -> Answer | None:
        """Answer from a quality of a named concept that a question word says: "Is the bucket versioned?"."""
        in_condition = self._in_condition(reading)
        # A word said only in the question's condition ("... before they are *spun*?") asks no quality; a
        # preposition or subordinator ("after") is grammar and says none ("afterwards").
        main = self._main_clause(reading).residual
        content = [q for q in main if q.lower() not in PREPOSITIONS | TEMPORAL_ORDER]
        for link in reading.links:
            if in_condition(link):
                continue
            for value_words, triple, holds in self._qualities(link.best[0]):
                # "Is the desk old?" of "the oldest item": a quality of one degree says nothing of another.
                matched = {q for q in content for v in value_words if words_match(q, v) >= 0.8 and same_degree(q, v)}
                if matched:
                    verdict = (holds, [triple], ask_sparql([triple]))
                    # "A is lit first, and B is lit last": B's quality is said by B's clause, not by A's.
                    sentence, leaning = self.evidence.stated(triple)
                    own = subject_clause(sentence, self.catalog.label(triple[0]), parse)
                    fit = strict_fit(reading.residual, Relevance(1.0, matched), f"{own} {leaning}")
                    if holds and only_some(parse(sentence), reading.text):
                        fit = min(fit, UNSURE_FIT)  # "most kilns are glazed": not all of them
                    return self._answer(reading, verdict, fit)
        return None

    def _opposite_quality(self, reading: Reading) -> Answer | None:
        """Answer "no" when a concept the question names holds the opposite of the quality it asks about.

        "Is the gate locked?" of a gate stated "unlocked": the WordNet antonym (or un-/non- form) of a
        question word is a quality that holds (kg/opposites.py), and no quality of the concept says the
        word itself (checked before this). A denied quality ("not unlocked") settles nothing: many
        qualities have more than two values. The asked word may be a weak mention ("private" names a
        concept a note names in passing): it is a word here, as any other lone-word mention is.
        """
        lone = [link for link in reading.links if is_lone_word(link)]
        in_condition = self._in_condition(reading)
        for link in reading.links:
            if self.weak(link) or in_condition(link):
                continue
            words = list(reading.residual) + [other.text.lower() for other in lone if other is not link]
            for value_words, triple, holds in self._qualities(link.best[0]):
                opposed = {q for q in words for v in value_words if holds and are_opposites(q, v) and same_degree(q, v)}
                if opposed:
                    said = " ".join(self.evidence.stated(triple))
                    fit = strict_fit(words, Relevance(1.0, opposed), said)
                    return self._answer(reading, (False, [triple], ask_sparql([triple])), fit)
        return None

    # -- an amount within a stated one ------------------------------------------------------------------
    def _amount(self, reading: Reading) -> Answer | None:
        """Answer whether the amount a question names lies within the one a fact of the named thing states.

        "Can the van carry 900 kilograms?" of "carries up to 700 kilograms": the relation the question's
        verb names gives an amount of the same unit, with its bounds (``kg.amounts``); outside them the answer
        is no, inside them yes. Only one relation of the thing may give a verdict.
        """
        if asked_amount(reading.text) is None:
            return None
        relevance = self.relevance(reading)
        for link in reading.links:  # a weak mention too ("annual pass"): the relation must be the verb's
            iri = link.best[0]
            rows = self.store.query("SELECT ?p ?v WHERE { ?s ?p ?v FILTER(isLiteral(?v)) }", {"s": iri})
            found = []
            for pred, value in rows:
                rel = relevance.get(pred)
                if rel is None or rel.score < 0.5 or pred not in self.catalog.predicates:
                    continue
                if self.catalog.predicates[pred].negation_of is not None:
                    continue  # "does not carry 50 kilograms": a denied amount bounds nothing
                # "runs between" + "1,100 and 1,200 degrees": the label's last preposition bounds the value.
                bound = label_preposition(self.catalog.predicates[pred].label) or ""
                verdict = amount_verdict(reading.text, f"{bound} {value}")
                if verdict is not None:
                    found.append((verdict, (iri, pred, value), rel.score))
            if len({triple[1] for _, triple, _ in found}) != 1:
                continue
            holds, triple, score = found[0]
            return self._answer(reading, (holds, [triple], ask_sparql([triple])), min(1.0, score))
        return None

    # -- a property table's yes/no cell -----------------------------------------------------------------
    def _yes_no_value(self, reading: Reading) -> Answer | None:
        """Answer from a relation whose value is "yes" or "no" and whose name the question says.

        A property table's row ("dishwasher safe": yes / no) gives each thing a yes/no value, which a
        question naming the row and the thing asks for. Every word of the relation's name must be
        a word of the question (by lemma or noun key, mentions included: "induction hobs" may link
        to a concept of its own), or a WordNet synonym of one in a frequent sense of both, as a
        relation's name may be said (``relation_word_match``: "mended" asks the row "repaired"); and
        one relation only may be so named at the thing.
        """
        said = [w.lower for w in reading.words if w.lower not in STOPWORDS]
        for link in reading.links:
            if self.weak(link):
                continue
            iri = link.best[0]
            rows = self.store.query("SELECT ?p ?v WHERE { ?s ?p ?v FILTER(isLiteral(?v)) }", {"s": iri})
            found = [
                (p, v, str(v).strip().lower()) for p, v in rows
                if str(v).strip().lower() in YES_NO and p in self.catalog.predicates
                and _all_said(self.catalog.predicates[p].names, said)
            ]  # fmt: skip
            if len({p for p, _, _ in found}) != 1 or len({key for _, _, key in found}) != 1:
                continue
            pred, value, key = found[0]
            triple = (iri, pred, value)
            verdict = (YES_NO[key], [triple], ask_sparql([triple]))
            # The share of the question's other words the relation's name says.
            named = {w for name in self.catalog.predicates[pred].names for w in key_words(name)}
            rest = [w for w in said if w not in {x.lower for x in reading.words[link.start : link.end]}]
            fit = sum(any(relation_word_match(w, n) >= 0.8 for n in named) for w in rest) / len(rest) if rest else 0.0
            return self._answer(reading, verdict, fit)
        return None

    # -- reading the question ----------------------------------------------------------------------------
    def counts_as_words(self, reading: Reading) -> Reading:
        """Read a lone-word mention that counts the next name ("*one* volume", "*single* consumer") as a word.

        A number word may name a concept some note defined ("one"), yet before a name it only counts it:
        the yes/no question is about the name it counts (see ``_counted`` for the count itself).
        """
        words = reading.words
        counting = [
            link for link in reading.links
            if is_lone_word(link) and words[link.start].lower in MANY | ONE and
            any(other.start == link.end for other in reading.links)
        ]  # fmt: skip
        if not counting:
            return reading
        links = [link for link in reading.links if link not in counting]
        inside = {i for link in reading.links for i in range(link.start, link.end)}
        residual = content_words(reading.tokens, inside)
        relation_words, meanings = self.relation_words(residual)
        return replace(reading, links=links, residual=residual, relation_words=relation_words, meanings=meanings)

    def verbs_as_words(self, reading: Reading) -> Reading:
        """Read a lone-word mention the parse reads as the main verb as the question's words.

        "Does X support Y?" over a graph that also holds a concept "support" (a noun some note used):
        the yes/no question asks about a relation between X and Y, which its verb names. Two names must
        remain for the question to be about a fact between them. (A gerund that names an action, "Does
        *stopping* X keep Y?", is no main verb: it stays a name.)
        """
        single = [link for link in reading.links if is_lone_word(link)]
        if not single or len(reading.links) < 3:
            return reading

        def main_verb(link: Link) -> bool:
            others = [other for other in reading.links if other is not link]  # every other mention is a name
            doc = parse_named(reading.text, name_spans(reading, others))
            (start, end), *_ = name_spans(reading, [link])
            return any(t.idx == start and t.idx + len(t) == end and t.pos_ == "VERB" and t.dep_ == "ROOT" for t in doc)

        # The first that parses as the main verb: with it read as a name, a later word may parse as one.
        moved = next(([link] for link in single if main_verb(link)), [])
        if not moved or len(reading.links) - len(moved) < 2:
            return reading
        links = [link for link in reading.links if link not in moved]
        inside = {i for link in links for i in range(link.start, link.end)}
        residual = content_words(reading.tokens, inside)
        relation_words, meanings = self.relation_words(residual)
        return replace(reading, links=links, residual=residual, relation_words=relation_words, meanings=meanings)

    # -- the answer ----------------------------------------------------------------------------------------
    def _answer(self, reading: Reading, verdict: Verdict, fit: float, fact: str | None = None) -> Answer:
        """Compose the yes/no answer a verdict gives, its confidence growing with the question's ``fit``.

        ``fact`` is the sentence to quote, when it is not the first that states the verdict's triple.
        """
        holds, triples, sparql = verdict
        value = holds != reading.negated
        evidence, sources = self.evidence.for_triples(triples)
        fact = fact or self.evidence.sentence(triples[0])
        if holds and fact and amounts_hold(reading.text, fact) is not True:
            # "Can it pump for ten days?" of "can pump for six days", "... if nine are sold?" of "if fewer
            # than eight are sold": an amount the question names that the sentence states otherwise, or not
            # at all, is what decides; the fact's yes is unsure.
            fit = min(fit, UNSURE_FIT)
        if holds and fact and turned_order((w.lower for w in reading.words), (t.lower for t in tokenize(fact))):
            # "Is the wool rinsed after dyeing?" of "rinsed before it is dyed": the fact's sentence orders the
            # two events the other way; its yes is no answer.
            fit = min(fit, UNSURE_FIT)
        text = ("Yes. " if value else "No. ") + (f"The graph says: {fact}" if fact else "")
        answer = Answer(
            "",
            text.strip(),
            [{"value": value}],
            round(min(0.95, 0.5 + 0.45 * fit), 3),
            sparql,
            evidence,
            sources,
            kind="boolean",
        )
        answer.topics = [self.evidence.entity_dict(link.best[0]) for link in reading.links]
        return answer


#: The modals a question asks permission or possibility with ("Can X be used on Y?"). Closed class.
PERMISSION_MODALS = frozenset(("can", "may", "could"))
#: How well a bare permission ("is not allowed on") fits a modal question with the same preposition: well
#: enough to decide, below a relation the question names in its own words.
PERMISSION_FIT = 0.8


def _permits_by(positive: str, spoken: list[str]) -> bool:
    """Tell whether a relation's name, its denial words dropped, is a bare permission with prepositions the
    question says ("allowed on", "is permitted in"): no verb of its own that the question would have to name."""
    words = [w.lower() for w in positive.split()]
    content = [w for w in words if w not in PREPOSITIONS]
    preps = [w for w in words if w in PREPOSITIONS]
    return len(content) == 1 and content[0] in MODAL_WORDS and bool(preps) and all(p in spoken for p in preps)


def ask_sparql(triples) -> str:
    """Return the ASK query that finds ``triples`` in the graph (the SPARQL a yes/no answer shows)."""
    body = "\n".join(f"  {s.n3()} {p.n3()} {o.n3()} ." for s, p, o in triples)
    return "ASK {\n" + body + "\n}"


def denied_clause(sentence: str) -> str:
    """Return the words of the clause(s) a "not" of ``sentence`` denies, without the clauses beside them.

    "The mill does not grind oats in winter, because its wheel is frozen by the ice": the oats and the
    winter are what the denial covers; the ice stands in a reason beside it, and a question about
    grinding with ice is not answered by the denial.
    """
    return denied_words(parse(sentence)) or sentence


def restricts(sentence: str, name: str) -> bool:
    """Tell whether a restrictive "only" bears on ``name`` in ``sentence`` ("only allow rules", "allow rules only").

    The "only" stands right after the name, or before it with no other noun, pronoun or phrase break
    between ("can only be mounted to one instance"); "not only" adds rather than restricts.
    """
    doc = parse(sentence)
    wanted = [noun_key(w) for w in name.lower().split()]
    n = len(wanted)

    def same(token, word: str) -> bool:
        return noun_key(token.lower_) == word or bool(lemmas(token.lower_) & lemmas(word))

    spans = [i for i in range(len(doc) - n + 1) if all(same(doc[i + k], w) for k, w in enumerate(wanted))]
    for i, token in enumerate(doc):
        if token.lower_ != "only" or (i > 0 and doc[i - 1].lower_ == "not"):
            continue
        for start in spans:
            if i == start + n:
                return True
            between = doc[i + 1 : start]
            if start > i and not any(
                t.pos_ in ("NOUN", "PROPN", "PRON") or t.lower_ in _PHRASE_BREAKS for t in between
            ):
                return True
    return False


def _count_before(words, start: int) -> tuple[str, str] | None:
    """Return the quantity word counting the name at ``start`` and "many" or "one", or None."""
    i = start - 1
    while i >= 0 and words[i].lower in _BEFORE_COUNT:
        i -= 1
    if i < 0:
        return None
    word = words[i].lower
    if word in MANY or (word.isdigit() and int(word) > 1):
        return word, "many"
    if word in ONE or word == "1":
        return word, "one"
    return None


def only_one(sentence: str, name: str) -> bool:
    """Tell whether ``sentence`` restricts ``name`` to one: "only ... one instance", "a single consumer only"."""
    if not restricts(sentence, name):
        return False
    words = [t.lower for t in tokenize(sentence) if t.is_word]
    wanted = [noun_key(w) for w in name.lower().split()]
    n = len(wanted)
    for i in range(len(words) - n + 1):
        counted = i > 0 and (words[i - 1] in ONE or words[i - 1] == "1")
        if counted and all(noun_key(words[i + k]) == w for k, w in enumerate(wanted)):
            return True
    return False


def _modifier(word: str, question: str) -> bool:
    """Tell whether the question's parse reads a word as a modifier ("*full* price", "sails *quickly*")."""
    return any(t.lower_ == word and t.dep_ in ("amod", "advmod") for t in parse(question))


def strict_fit(words: list[str], relevance: Relevance, sentence: str = "") -> float:
    """Return the share of ``words`` a yes/no answer's fact accounts for; any other word counts nothing.

    A word neither the fact's relation nor the sentence it came from says may be a condition that
    turns the answer ("at once", "when it stops"), so unlike the engine's path fit it earns no share
    from the relation's relevance.
    """
    if not words:
        return min(1.0, relevance.score)
    said = sentence_words(sentence)
    total = 0.0
    for w in words:
        if w in relevance.words:
            total += relevance.soft.get(w, 1.0)
        elif said_in(w, said):
            total += 1.0
    return total / len(words)


def _all_said(names: list[str], said: list[str]) -> bool:
    """Tell whether every content word of one of ``names`` is among the words ``said`` (by lemma or synonym)."""
    for name in names:
        words = key_words(name)
        if words and all(any(relation_word_match(s, w) >= 0.8 for s in said) for w in words):
            return True
    return False


__all__ = [
    "MANY",
    "ONE",
    "YES_NO",
    "YesNoAnswerer",
    "ask_sparql",
    "is_lone_word",
    "only_one",
    "restricts",
    "strict_fit",
]


def _present_words(value: str) -> list[str]:
    """Return a quality's lowercase words up to one that says what is absent ("spun *without* soaking")."""
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", value)]
    cut = next((k for k, w in enumerate(words) if w in ABSENCE), len(words))
    return words[:cut]
