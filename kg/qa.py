"""Answer questions from the graph: link concepts, pick the relation path, run its SPARQL, cite sources.

The engine reads a question in five shapes, each answered by a SPARQL query over the graph:
definitions and acronyms (a concept's definition or long name), lists (the members of a class),
yes/no questions (a triple between two concepts, or its ontology contrary for "no"), comparisons
(a recorded comparison of two concepts) and, for everything else, relation paths of 1 to 3 hops
scored against the question's words. It abstains whenever no concept or no path fits well enough.
"""

from __future__ import annotations

import itertools
import os
import re
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from functools import cache, cached_property, partial
from pathlib import Path
from typing import Any

import numpy as np
from rdflib import Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from kg.about import GENERIC_TYPES, AboutAnswerer, is_about_request
from kg.amounts import CURRENCY_SIGNS, read_amount
from kg.answer import MAX_QUESTION_CHARS, Answer, QuestionError, clean_question
from kg.catalog import IN, OUT, Catalog
from kg.choice import ChoiceAnswerer, comparison_account
from kg.contrast import without_set_aside
from kg.coordination import said_apart
from kg.embeddings import Embedder, SentenceTransformerEmbedder
from kg.event_verbs import (
    doer_readings,
    event_verb_readings,
    may_ask_a_role,
    may_name_a_doer,
    may_support_event,
    role_readings,
)
from kg.evidence import Evidence
from kg.index import VectorIndex
from kg.linking import EntityLinker, Link, content_positions, content_words, said_in, sentence_words, words_match
from kg.measures import attribute_nouns
from kg.namespaces import CALLED_RULE, IDENTITY_RULE, KGO, SKOS, with_prefixes
from kg.opposites import OpposedRelations, opposed_relations
from kg.paths import Step, first_steps, path_query
from kg.purpose import PurposeQuestion, purpose_question
from kg.quality_answer import QualityAnswerer
from kg.question import (
    AUX_START,
    BE_FORMS,
    CLASSIFIERS,
    DO_SUPPORT,
    FOLLOW_UP_PRONOUNS,
    GENERIC_NOUNS,
    SUBORDINATORS,
    WH_WORDS,
    Reading,
    abbreviates,
    acting_verbs,
    asked_type,
    asks_for_instances,
    asks_for_several,
    asks_what_it_does,
    classifier_complement,
    classifier_positions,
    classifying_words,
    embedded_question,
    expansion,
    fragment_noun,
    incidental,
    is_negated,
    is_participle,
    is_passive,
    is_short_form,
    is_yes_no,
    link_spans,
    main_verb,
    modified_noun,
    name_spans,
    parse,
    parse_named,
    phrasal_verbs,
    question_subject,
    relation_phrase,
    subordinator_words,
    wh_phrase,
)
from kg.question import (
    entities as named_entities,
)
from kg.relation_meaning import (
    PHRASE_BASE,
    PHRASE_CAP,
    RelationMeanings,
    choose_by_phrase,
    framed,
    places,
    same_places,
)
from kg.rereadings import (
    bare_definition_question,
    copula_preposition,
    explanation_question,
    finding_question,
    names_no_other_preposition,
    occurrence_question,
    placement_questions,
)
from kg.scoring import (
    PREPOSITIONS,
    TIME_PREPOSITIONS,
    PathScore,
    PathScorer,
    Relevance,
    beam_paths,
    label_preposition,
    predicate_relevance,
)
from kg.sentence_answer import SentenceAnswerer, question_content
from kg.sentence_slots import (
    QUESTION_AUXILIARIES,
    REASON_WH,
    WHEN_ONLY_PREPOSITIONS,
    WHO_ENTITIES,
    Asked,
    counted_noun,
    degree_after_how,
    names_time,
)
from kg.sessions import Sessions
from kg.spelling import Speller
from kg.store import KGStore
from kg.synonyms import are_synonyms
from kg.text import (
    ARTICLES,
    AUXILIARIES,
    DEMONSTRATIVES,
    EXISTENCE_VERBS,
    LIGHT_VERBS,
    MEANING_VERBS,
    NAMING_VERBS,
    PLACE_PREPOSITIONS,
    POSSESSIVES,
    QUESTION_LIGHT_VERBS,
    REFLEXIVES,
    STOPWORDS,
    TEMPORAL_ORDER,
    Token,
    counts_things,
    getAllLemmas,
    is_numeral,
    is_verb_only,
    key_words,
    lemmas,
    name_key,
    noun_key,
    plural,
    possessor,
    root_of,
    tokenize,
)
from kg.yes_no import YesNoAnswerer

#: Determiners that make a noun one known thing: "the", and a possessive one ("*our* steeple keeper").
DEFINITE_DETERMINERS = frozenset({"the"} | (POSSESSIVES - {"whose"}))
#: The prepositions of place that may open a closing phrase setting a question's scene ("... at the mill?").
SCENE_PREPOSITIONS = frozenset(("in", "at", "within", "inside"))
#: The most words such a closing phrase may have after its preposition.
MAX_SCENE_WORDS = 5
#: The wh-words that ask how, why, when or where something is done, not who or what takes part in it.
WH_ADVERBS = frozenset(("why", "how", "when", "where"))
#: Adverbs of frequency a naming question may carry ("what is the N *also* / *usually* called?"): grammar.
NAMING_ADVERBS = frozenset("also usually often sometimes commonly generally".split())
#: A relation with one value for at least this share of the nodes it starts from is read as a function:
#: several values for one topic then mean its name is shared (``Engine._shared_name``).
SINGLE_VALUED = 0.9
#: Answers less confident than this are withheld. Measured with ``python bench/calibration.py`` on the
#: development sets only (compute dev, the bench/sets development sets, the MetaQA dev samples, 300 NTM
#: dev questions; the table is in bench/RESULTS.md): answers below 0.8 are right at most 70% of the
#: time, those at 0.8 to 0.85 81%, those above about 92%. No threshold makes 95% of the answers right on
#: every set: on the notes, the confident wrong answers are wrongly extracted facts that a relation's
#: words match exactly, which no confidence read from the question can see; on MetaQA 95% needs about
#: 0.85-0.875 and costs 7 to 15 points of accuracy there for one point of precision overall.
ANSWER_THRESHOLD = 0.8
#: A relation path's answer drawn from facts read out of text (it cites source sentences) needs this much
#: instead. Its confidence comes from how well the path's words fit the question, a fit tuned on the
#: development notes: there the 0.8-0.9 band was right 24 times in 24, on notes the engine was never
#: developed on 5 times in 13 over sessions 7-9, and relation answers in that band 1 time in 5 over the
#: eight held-out sets of session 10's start (bench/RESULTS.md). An extraction error that a relation's
#: words match exactly looks as sure as a right fact. Definitions, acronyms, yes/no, choices and lists
#: are read by direct rules whose answers in that band were right 2 times in 4 there; they keep
#: ``ANSWER_THRESHOLD``, as facts given as RDF (MetaQA) do, whose answers at 0.8 are right about 97% of
#: the time.
TEXT_ANSWER_THRESHOLD = 0.9
#: The similarity a measure asked with "how" ("how long") is given to a relation named by what it measures
#: ("Length"): WordNet's attribute pointer says it, as surely as a close embedding would (``_scaled`` maps it
#: to a word's full share).
ATTRIBUTE_MEANING = 0.9
#: How sure "How much is X?" is answered by X's one relation valued in money: the idiom asks a price, and the
#: relation is the only one that can give one (``Engine._price_asked``).
PRICE_ASKED = 0.85
#: How sure "Which shed is the attic?" is answered by the thing a note gives that other name
#: (``Engine._called_so``).
CALLED_SO = 0.85
#: Units of money: the currency signs' (``kg.amounts`` reads "£45" as 45 "pound"), and their small coins.
MONEY_UNITS = frozenset((*CURRENCY_SIGNS.values(), "penny", "pence", "cent"))
#: How sure a long form is that a short form's letters spell when no sentence gives the two side by side: a
#: guess, below ``ANSWER_THRESHOLD``, so withheld. At 0.85 such guesses were right 0 times in 2 on the
#: held-out sets of session 32 (none was given on the development sets); with a sentence that introduces
#: the short form beside its long form, the answer stays at 0.9.
SPELT_GUESS = 0.7
#: How sure an answer that gives only the kinds X belongs to (no sentence says what X is) can be, as a
#: share of the link's score; "who was X" answered with that kind and X's facts is as sure.
KIND_SCALE = 0.8

#: What an answer is worth when the question names a concept the answers do not touch (see
#: ``Engine._untied_mention``): the same share a step no word asks for costs, enough to take a fully
#: explained answer under ``ANSWER_THRESHOLD``.
UNTIED_MENTION = 0.8
#: The share of a path's fit left when it goes back along the relation it came by with no word asking for it
#: (``_turns_back``): a quarter takes a full fit's 0.97 to 0.61 at most, below the engine's answer line with
#: any other word left unexplained.
TURNING_BACK = 0.25
#: The words a relation's label gives a reason with ("is closed *because of*"), which "why" asks for.
REASON_PREPOSITIONS = frozenset(("because", "for", "due", "since"))
#: The numeral adverbs that say how many times: an answer to "how often".
MULTIPLICATIVES = frozenset(("once", "twice", "thrice"))
#: The last words of a relation's label that give a means or a way ("renewed by", "signed with").
MEANS_PREPOSITIONS = frozenset(("by", "with", "using", "via", "through"))
#: Those of them that give a place as readily as a time ("in the studio", "in winter"): along a relation that
#: ends in one, "when" is answered only by a time or something that happens (``kg.sentence_slots.names_time``).
PLACE_OR_TIME = frozenset("in at on by from within".split())
#: The share of a path's fit left when the question strands one preposition and the path's relation ends in
#: another ("stir the soup *with*?" over "stir in": a time, not an instrument): another role of the verb.
#: Half the fit takes a full fit's 0.97 to 0.73, below both answer lines.
OTHER_PREPOSITION = 0.5
#: The share of a path's fit left when the topic's name only modifies a noun the path does not account
#: for ("what repairs Acme *cranes*?" over a fact about Acme): the question is about the noun's thing.
MODIFIED_NOUN = 0.5
#: The relations that make a thing a member of a class: a question naming only these asks for a list.
MEMBERSHIP = frozenset({RDF.type, RDFS.subClassOf})
#: How similar (cosine, all-MiniLM-L6-v2) a question word must be to a relation's name to name that
#: relation by meaning. On the development questions every word at or above 0.7 named the relation the
#: question asked for; the closest wrong ones (a hub noun such as the answers' own kind, a light verb)
#: stood at 0.62-0.65 (bench/RESULTS.md, "Words that name relations by meaning").
WORD_MEANING_LINE = 0.7


def _names_a_kind(asked: str | None) -> bool:
    """Tell whether the question's asked-for noun names a kind its answers must be: not a classifier ("which
    *sort*") nor a generic noun ("which *one*"), which leave the kind to the rest of the question."""
    return bool(asked) and asked not in CLASSIFIERS and asked not in GENERIC_NOUNS


def _name_words(predicates) -> set[str]:
    """Return every content word of the names of ``predicates``."""
    return {w for p in predicates for n in p.names for w in name_key(n).split() if w not in STOPWORDS}


def _turns_back(steps) -> bool:
    """Tell whether a path ends by taking its last relation back the other way ("bakes", then "is baked by").

    Its answers are the topic's fellows (who else bakes what the pupils bake). A turn inside a longer path
    ("the books that share printers with X", then their languages) leads on to what is asked.
    """
    return len(steps) > 1 and steps[-1][0] == steps[-2][0] and steps[-1][1] != steps[-2][1]


class Engine:
    """Answers questions over one graph; build it once per process (it loads names and vectors)."""

    def __init__(
        self,
        store: KGStore,
        embedder: Embedder | None = None,
        cache_dir: Path | str | None = None,
        threshold: float | None = None,
        *,
        preload_model: bool = True,
    ):
        """Read the graph's names and map (or build) their vectors.

        ``threshold`` withholds answers less confident than it (default ``ANSWER_THRESHOLD``, and
        ``TEXT_ANSWER_THRESHOLD`` for relation answers that cite source sentences; a threshold given
        applies to both);
        ``preload_model`` loads the embedding model now, so no question waits for it (a server); without
        it the model loads when a question first needs a vector (a one-shot ``kg ask`` often never does).
        """
        self.store = store
        #: Answers less confident than this are withheld ("I don't know"); see ``ANSWER_THRESHOLD``.
        self.threshold = ANSWER_THRESHOLD if threshold is None else threshold
        #: The line for relation answers read out of text (see ``TEXT_ANSWER_THRESHOLD``).
        self.text_threshold = TEXT_ANSWER_THRESHOLD if threshold is None else threshold
        self.catalog = Catalog(store, cache_dir=cache_dir)
        rows = list(store.query("SELECT DISTINCT ?t ?g WHERE { GRAPH ?g { ?d dcterms:title ?t } }"))
        self.linker = EntityLinker(self.catalog, titles=sorted({str(t) for t, _ in rows}))
        #: The words of each document's title, by its graph: what a note is about (``_without_scene``).
        self.titles: dict[URIRef, frozenset[str]] = {g: key_words(str(t)) for t, g in rows}
        self.embedder = embedder or SentenceTransformerEmbedder()
        self.sessions = Sessions()
        if preload_model:
            self.embedder.encode(["warm up"])
        self._vectors: dict[str, object] = {}
        #: How many recent question texts keep their vectors (``KG_QUESTION_VECTORS``; 0 keeps none).
        self._vectors_kept = int(os.environ.get("KG_QUESTION_VECTORS", "64"))
        self._vectors_lock = threading.Lock()
        #: Vectors of single question words (see ``_word_meanings``), kept across questions.
        self._word_vectors: dict[str, object] = {}
        self.evidence = Evidence(store, self.catalog)
        self.about = AboutAnswerer(store, self.catalog, self.evidence)
        self.sentences = SentenceAnswerer(
            store, self.embedder.encode, self._concept_dict, parse, named_entities, self._nearest_sentences
        )
        self.choices = ChoiceAnswerer(store, self.catalog, self.evidence, parse, self.sentences)
        self.qualities = QualityAnswerer(store, self.catalog, self.evidence, parse, self.sentences.classes_of)
        self.speller = Speller(self._vocabulary())
        cache = Path(cache_dir) if cache_dir else None
        # Sorted, so the same graph always gives the same texts and so hits the vector cache.
        pairs = sorted((p.iri, n) for p in self.catalog.predicates.values() for n in p.names)
        self.predicate_index = VectorIndex.build(
            [p for p, _ in pairs], [n for _, n in pairs], self.embedder, cache, label="relation names"
        )
        self.meanings = RelationMeanings(self.catalog, self.embedder, cache)
        self._cache = cache
        #: Relation names said between placeholders, for verb phrases (see ``_by_phrase``): built with the
        #: engine when the model is loaded now (a server), else when a question first needs them.
        self._framed: VectorIndex | None = None
        #: Every recorded sentence, for finding those nearest a question in meaning (``_nearest_sentences``):
        #: built with the engine when the model is loaded now (a server), else when a question first needs it.
        self._sentence_vectors: VectorIndex | None = None
        if preload_model:
            self._framed_names()
            self._sentence_index()
        opposed_relations(self.catalog)  # read the antonym table now: no question waits for it
        entities = sorted(self.catalog.entities.values(), key=lambda e: e.iri)
        self.entity_index = VectorIndex.build(
            [e.iri for e in entities],
            [f"{e.label}: {e.definition}" if e.definition else e.label for e in entities],
            self.embedder,
            cache,
            label="entity names",
        )
        self.definition_names = self._names_of(SKOS.definition)
        self.acronym_names = self._names_of(KGO.acronym)
        #: Every word of a predicate name: a question word among them names a relation.
        self.predicate_words = _name_words(self.catalog.predicates.values())
        #: The relations minted from a note's verbs (``kgo:minted``): a classifier, a noun, never names one
        #: by its letters (``classifying_words``); and the words of the other relations' names.
        minted = {row[0] for row in self.store.query("SELECT DISTINCT ?p WHERE { ?p kgo:minted true }")}
        self.verb_relations = frozenset(p for p in self.catalog.predicates if p in minted)
        self.noun_relation_words = _name_words(
            p for p in self.catalog.predicates.values() if p.iri not in self.verb_relations
        )
        #: The graph's own names for its naming relations: a question whose words name one asks for a
        #: concept's definition or for what its short form stands for, not for a relation path.
        self.naming = {SKOS.definition: self.definition_names, KGO.acronym: self.acronym_names}
        self.cue_words = {w for n in self.definition_names + self.acronym_names for w in name_key(n).split()}
        self._naming_vectors: tuple[list[URIRef], object] | None = None
        self._naming_opposites: OpposedRelations | None = None
        self._by_head: dict[str, set[URIRef]] | None = None  # head noun -> concepts of the notes so headed
        self._documents: dict[URIRef, frozenset[URIRef]] = {}  # concept -> the document graphs naming it
        self.members: dict[URIRef, set[URIRef]] = {}
        for entity in self.catalog.entities.values():
            for cls in entity.types:
                self.members.setdefault(cls, set()).add(entity.iri)
        #: The classes with members by the head noun of their name ("east canal": "canal"), singular.
        self.classes_by_head: dict[str, list[URIRef]] = {}
        for cls in self.members:
            head = noun_key((self.catalog.label(cls).split() or [""])[-1].lower())
            self.classes_by_head.setdefault(head, []).append(cls)
        #: Classes that hold most of the graph's typed things (a root such as "concept"), and the root
        #: types every concept has however small the graph: being one tells nothing, so they are never
        #: an answer.
        schema = {OWL.Class, RDFS.Class, RDF.Property, OWL.ObjectProperty, OWL.DatatypeProperty}
        typed = sum(1 for entity in self.catalog.entities.values() if entity.types - schema)
        self.catch_all = {cls for cls, m in self.members.items() if len(m) >= max(20, typed // 2)} | GENERIC_TYPES
        self.yes_no = YesNoAnswerer(
            store, self.catalog, self.evidence, self._weak, self._relevance, self._relation_words
        )

    def _names_of(self, iri: URIRef) -> list[str]:
        rows = self.store.query("SELECT ?n WHERE { ?p rdfs:label|skos:altLabel ?n }", {"p": iri})
        return [str(n) for (n,) in rows]

    # -- entry point -------------------------------------------------------------------------------
    def ask(self, question: str, session: str | None = None) -> Answer:
        """Answer ``question``; ``session`` carries the topic of earlier questions for follow-ups.

        A misspelt word is read as the graph's word it was meant to be (``kg.spelling``), a question a
        request wraps as that question; the answer repeats the question as asked.
        """
        text = self.speller.correct(clean_question(question))
        # "Do you know which port X uses?" asks which port X uses (``kg.question.embedded_question``).
        text = embedded_question(text) or text
        reading = self._read(text, session)
        unread = self.speller.unread(text)
        # A typo the speller could not resolve ("sheot": "sheet" or "shoot"?) may be the word that
        # decides: the question is not answered as if it were not there.
        answer = self._abstain(reading, unread) if unread else self._answer(reading)
        if not unread and not answer.answers:
            answer = (
                self._as_words(reading, session)
                or self._without_scene(reading, session)
                or self._as_event_verb(reading, session)
                or self._as_role(reading, session)
                or self._as_placement(reading, session)
                or self._as_explanation(reading, session)
                or self._as_where_or_when_is(reading, session)
                or self._as_purpose(reading, session)
                or self._as_bare_definition(reading, session)
                or answer
            )
        answer.question = question
        answer.session = session
        answer.sparql = with_prefixes(answer.sparql)
        self.sessions.remember(session, answer)
        return answer

    def _vocabulary(self) -> list[str]:
        """Return the texts whose words the graph uses: its names, its relations' names, its sentences."""
        texts = [name for e in self.catalog.entities.values() for name in (e.label, *e.aliases)]
        texts += [name for p in self.catalog.predicates.values() for name in (p.label, *p.names)]
        texts += [str(row[0]) for row in self.store.query("SELECT DISTINCT ?q WHERE { ?s kgo:quote ?q }")]
        return texts

    def _answer(self, reading: Reading) -> Answer:
        """Answer a read question: the first handler that answers, then the fallbacks, in order of certainty."""
        # A question that offers its options ("..., A or B?") is answered by the one the notes support, if
        # exactly one is (kg/choice.py). A fact's answer must reach the threshold; one read from the notes is
        # given below it, quoted and cited, as a sentence answer (kg/sentence_answer.py) is. The options are
        # read by grammar: they need no link ("the skiff or the punt" may name what a comparison recorded
        # in more words).
        chosen = self.choices.answer(reading)
        if chosen is not None and (chosen.kind == "sentence" or self._sure(chosen)):
            return chosen
        if not reading.links:
            # A short form no name links ("what is X short for"); a quality no name holds ("what is brief?").
            answer = self._by_quality(reading) or self._acronym_or_definition(reading)
            return self._or_quoted(reading, answer or self._by_quality(reading, kinds_only=False))
        handlers = [
            self._about, self._by_quality, self._acronym_or_definition, self._comparison, self._list,
            self._boolean, self._paths,
        ]  # fmt: skip
        answer, context = None, None
        for handler in handlers:
            found = handler(reading)
            if found is not None and not found.answers and found.kind == "about":
                context = context or found  # what the notes say of an undefined X: given only if nothing answers
            elif found is not None:
                answer = found
                break
        if not self._sure(answer):
            # No path's words fit well enough: the question as a whole may mean one relation of its topic.
            meant = self._by_meaning(reading)
            if self._sure(meant):
                answer = meant
            else:
                phrased = self._by_phrase(reading)
                answer = phrased if self._sure(phrased) else self._price_asked(reading) or answer
        if not self._sure(answer):
            answer = self._called_so(reading) or answer
        if answer is not None and answer.answers and self._purpose_unsaid(reading, answer):
            answer = None  # "What is X for?" asks a purpose: a path of relations that say none answers otherwise
        if answer is not None and answer.answers and answer.kind != "sentence" and not self._an_option(reading, answer):
            # "Which takes longer, A or B?" is answered by A or by B: another thing the path reaches (what A
            # takes) answers another question, and so does a yes or a no.
            answer = None
        return self._or_quoted(reading, answer, context)

    def _called_so(self, reading: Reading) -> Answer | None:
        """Answer "Which shed is the attic?" by the thing a note gives that other name ('Shed 4 ("the attic")').

        "Which N" asks for an N; the one other name of the question is another name (no label) of a thing whose
        name or kind has N's noun, and the question's other words name no relation of the graph (only a
        copula, "mean", "call", "say" and the like are left): the thing so called is the N asked for.
        """
        at = reading.asked_at
        words = reading.words
        if at is None or words[at].lower not in ("which", "what") or at + 1 >= len(words):
            return None
        kind = noun_key(words[at + 1].lower)
        talk = NAMING_VERBS | MEANING_VERBS | {"say"}  # "which room do they mean by X", "... call X"
        if any(not lemmas(w) & talk for w in reading.relation_words):
            return None
        named = [link for link in reading.links if link.start > at + 1 and link.best[1] >= 0.9 and self._alias_of(link)]
        if len(named) != 1:
            return None
        link = named[0]
        iri = link.best[0]
        entity = self.catalog.entities[iri]
        kinds = {noun_key(w.lower()) for t in (iri, *entity.types) for w in self.catalog.label(t).split()}
        if kind not in kinds:
            return None
        answer = Answer(
            "", f'{entity.label} is the one called "{link.text}".', [self.evidence.entity_dict(iri)],
            round(CALLED_SO * link.best[1], 3), "SELECT ?name WHERE {\n  %s skos:altLabel ?name .\n}" % iri.n3(),
            kind="definition",
        )  # fmt: skip
        answer.evidence, answer.sources = self.evidence.for_names(iri, link.text)
        answer.topics = [self.evidence.entity_dict(iri)]
        return answer

    def _alias_of(self, link: Link) -> bool:
        """Tell whether ``link`` names its concept by another name than its label ("the attic" of "Shed 4")."""
        entity = self.catalog.entities.get(link.best[0])
        said = link.text.lower()
        return entity is not None and said != entity.label.lower() and said in {a.lower() for a in entity.aliases}

    def _price_asked(self, reading: Reading) -> Answer | None:
        """Answer "How much is X?" by the one relation of X whose values are sums of money ("Price: £45").

        "How much", a copula and one name, and nothing else, asks what the thing costs, in English's idiom;
        the relation is chosen by what its values are, not by its name ("Price", "Fee", "Charge"), and only
        when X has exactly one relation valued in money (a "Deposit" beside a "Price" leaves it unsaid).
        """
        words = [w.lower for w in reading.words]
        if len(reading.links) != 1 or words[:2] != ["how", "much"] or len(words) < 4:
            return None
        link = reading.links[0]
        rest = [w for i, w in enumerate(words[3:], start=3) if not link.start <= i < link.end]
        if "be" not in lemmas(words[2]) or any(w not in ARTICLES for w in rest):
            return None
        topic = link.best[0]
        rows = self.store.query("SELECT DISTINCT ?p ?v WHERE { ?t ?p ?v FILTER(isLiteral(?v)) }", {"t": topic})
        priced: dict[URIRef, list] = {}
        for p, v in rows:
            amount = read_amount(str(v))
            if amount is not None and noun_key(amount.unit) in MONEY_UNITS and p in self.catalog.predicates:
                priced.setdefault(p, []).append(v)
        if len(priced) != 1:
            return None
        (p, values), label = next(iter(priced.items())), self.catalog.label(topic)
        triples = [(topic, p, v) for v in sorted(values, key=str)]
        evidence, sources = self.evidence.for_triples(triples)
        said = ", ".join(str(v) for v in sorted(values, key=str))
        sparql = "SELECT ?value WHERE {\n  %s %s ?value .\n}" % (topic.n3(), p.n3())
        text = f"{label[:1].upper()}{label[1:]} {self.catalog.label(p)} {said}."
        items = [{"value": str(v)} for v in sorted(values, key=str)]
        # Its own kind: the relation is chosen by what its values are, not by a path's words, so the line for
        # paths over facts read out of text (``TEXT_ANSWER_THRESHOLD``) is not its line.
        answer = Answer("", text, items, round(PRICE_ASKED * link.best[1], 3), sparql, evidence, sources, kind="amount")
        answer.topics = [self.evidence.entity_dict(topic)]
        return answer

    def _an_option(self, reading: Reading, answer: Answer) -> bool:
        """Tell whether ``answer`` names one of the options the question offers, or it offers none."""
        options = self.choices.offered(reading)
        return not options or any(self.choices.names_option(item, options) for item in answer.answers)

    def _sure(self, answer: Answer | None) -> bool:
        """Tell whether ``answer`` gives answers at or above the engine's threshold for its kind of support.

        A relation answer that cites source sentences rests on a path chosen among facts read out of
        text and must reach the higher ``text_threshold``; every other answer the plain ``threshold``.
        """
        if answer is None or not answer.answers:
            return False
        return answer.confidence >= (self.text_threshold if self.reads_from_text(answer) else self.threshold)

    @staticmethod
    def reads_from_text(answer: Answer) -> bool:
        """Tell whether ``answer`` is a relation path's answer over facts read out of text (it cites sentences)."""
        return answer.kind == "relation" and bool(answer.sources)

    def _or_quoted(self, reading: Reading, answer: Answer | None, context: Answer | None = None) -> Answer:
        """Return ``answer`` if sure; else one source sentence that answers (kg/sentence_answer.py), else
        ``context`` (what the notes say of a concept they do not define, no answer), else abstain.

        An answer that is no answer (a quote with empty ``answers``, an abstention) stands as it is.
        """
        if self._sure(answer):
            return answer
        # A fact's answer the sentence may vouch for: one the plain line would take, short of the line for
        # facts read out of text only (an answer demoted for cause, of another kind or role, stays demoted).
        vouched = answer if answer is not None and answer.confidence >= self.threshold else None
        quoted = self._quote(reading, vouched)
        if quoted is not None:
            return quoted
        if answer is None or answer.answers:
            return context or self._abstain(reading)
        return answer

    # -- reading the question ----------------------------------------------------------------------
    def _as_words(self, reading: Reading, session: str | None) -> Answer | None:
        """Answer a question again with its slight mentions read as plain words, or None if that answers nothing.

        A slight mention is one lowercase word naming a concept the notes neither define nor call otherwise,
        or modifying the next mention as a compound's first noun, beside another mention: "the *default* VPC",
        "what does X do by *default*" after a note said "plain JOIN is the default". As a second topic it asks
        for a relation between the two that nothing states; as a word it may still be a word of the relation or
        of the sentence that answers.
        """
        if len(reading.links) < 2:
            return None
        single = [
            link for link in reading.links
            if link.end - link.start == 1 and link.method in ("exact", "lemma") and link.text.islower()
        ]  # fmt: skip
        # A concept the notes describe is slight too where the parse reads its word as the verb: "what does
        # the valve *govern*?" after a note defined a "govern" (whatever it was) asks what the valve governs.
        kept = self._not_verbs(reading.text, reading.words, reading.links, described=True)
        verbs = frozenset(link.start for link in single if link not in kept)
        # A concept the graph ties to another the question names narrows the question ("which word does the
        # bakery use for its *loaf*?" of a bakery that bakes loaves): it stays a mention.
        # So is one word right before another mention, which it modifies as a noun of a compound ("the *image*
        # digest" after another note defined an image): the compound narrows the other, unless the graph ties them.
        slight = verbs | {
            link.start
            for link in single
            if (self._undescribed(link) or any(self._modifies_next(reading, link, other) for other in reading.links))
            and not self._tied(link, reading)
        }
        options = [frozenset(slight)]
        if len(slight) == len(reading.links):
            # One mention stays, the question's topic: the first, else another ("who is the captain of the
            # club": the club, with "captain" a word of the relation).
            options = [frozenset(slight - {link.start}) for link in reading.links]
        yes_no = self._is_yes_no(reading)
        for words in dict.fromkeys((verbs, *options)):
            left = [link for link in reading.links if link.start not in words]
            if not words or not left or all(self._in_wh_phrase(reading, link) for link in left):
                continue  # "which boats carry X": without X, only the asked kind is left to ask about
            again = self._answer(self._read(reading.text, session, words))
            # A yes/no verdict read out of a sentence rests on the roles its mentions play there; a mention
            # read as a plain word has none ("do blue taps feed the bath?" of "blue taps feed the sink and
            # red taps feed the bath").
            if not again.answers or (yes_no and again.kind == "sentence"):
                continue
            # The words the mentions became must be said by what answers (the relation's name, the quoted
            # sentence): an answer that leaves them out answers another question.
            # The heading of a sentence's section says what the sentence is about (see ``_heading_words``).
            text = " ".join([again.answer, *(_source_context(src) for src in again.sources)])
            # The names of the relations that answer say their words too ("called" of "is equivalent to").
            names = [n for p in self._evidence_predicates(again) for n in self.catalog.predicates[p].names]
            said = {lemma for t in tokenize(" ".join([text, *names])) if t.is_word for lemma in lemmas(t.lower)}
            needed = [i for i in words if not self._exempt_word(reading, i)]
            if all(lemmas(reading.words[i].lower) & said for i in needed):
                return again
        return None

    def _without_scene(self, reading: Reading, session: str | None) -> Answer | None:
        """Answer again without a closing phrase that sets the scene, or None if that answers nothing.

        "What does KPA stand for *at Dunmore Quarry*?", "what is a sluice *in this mill*?": the phrase
        says where the asker met the thing, which the note they mean is about, not what they ask. It is such
        a phrase when it closes the question after a preposition of place, no mention runs across it, a
        mention stands before it, and it names either nothing but the asker's own context (a possessive or
        demonstrative: "in my notes", "in the quarry's rota") or only the setting of the note that
        answers (all its words are in that note's title). A yes/no question keeps its phrase: "can
        I park at the gate?" is asked of the gate.
        """
        words = reading.words
        at = next((i for i in range(len(words) - 2, 1, -1) if words[i].lower in SCENE_PREPOSITIONS), None)
        if at is None or len(words) - at - 1 > MAX_SCENE_WORDS or self._is_yes_no(reading):
            return None
        if any(link.start < at < link.end for link in reading.links) or not any(
            link.end <= at for link in reading.links
        ):
            return None
        tail = [w.lower for w in words[at + 1 :]]
        # A demonstrative or possessive points at the asker's own context ("in *this* workshop", "in my notes").
        deictic = any(w in POSSESSIVES or w in DEMONSTRATIVES or w.endswith("'s") for w in tail)
        named = key_words(" ".join(tail))
        if not deictic and not named:
            return None
        text = reading.text[: words[at].start].rstrip(" ,") + "?"
        again = self._answer(self._read(text, session))
        if not again.answers or again.kind == "sentence":
            return None
        if not deictic:
            # The notes the answer comes from (those that name its answers and topics) must be about the place.
            nodes = [URIRef(str(item["iri"])) for item in [*again.answers, *again.topics] if "iri" in item]
            titles = [self.titles.get(g, frozenset()) for node in nodes for g in self._documents_of(node)]
            if not any(named <= t for t in titles):
                return None
        return again

    def _as_event_verb(self, reading: Reading, session: str | None) -> Answer | None:
        """Answer again with a support verb and its event noun said as the event's verb, or None if that
        answers nothing: "Which firm conducts the boiler survey?" as "Which firm surveys the boiler?"
        (``kg.event_verbs``)."""
        words = [w.lower for w in reading.words]
        supported, doer = may_support_event(words), may_name_a_doer(words)
        if not supported and not doer:
            return None
        doc = parse(reading.text)
        for text in event_verb_readings(doc) if supported else ():
            again = self._answer(self._read(text, session))
            if again.answers:
                return again
        for text in doer_readings(doc) if doer else ():
            again = self._answer(self._read(text, session))
            labels = [self.catalog.predicates[iri].label for iri in self._evidence_predicates(again)]
            if again.answers and names_no_other_preposition(labels, text):
                return again
        return None

    def _as_role(self, reading: Reading, session: str | None) -> Answer | None:
        """Answer "Who supervises the depot?" as "Who is the depot supervisor?" (``kg.event_verbs.role_readings``),
        or None if that names no one.

        Only the one holder a note identifies with the role answers (``_identified_member``): a sentence on
        what the role is ("A depot supervisor signs ...") says nothing of who holds it.
        """
        if not may_ask_a_role([w.lower for w in reading.words]):
            return None
        for text in role_readings(parse(reading.text)):
            again = self._answer(self._read(text, session))
            held = self._evidence_predicates(again)
            if (
                again.answers
                and again.kind == "definition"
                and held == [RDF.type]
                and all("iri" in a and "value" not in a for a in again.answers)
            ):
                return again
        return None

    def _as_placement(self, reading: Reading, session: str | None) -> Answer | None:
        """Answer "What is in X?" as what the graph places in X (``kg.rereadings.placement_questions``), or
        None if that answers nothing."""
        for text in placement_questions(reading, self.catalog.predicates.values()):
            again = self._answer(self._read(text, session))
            if again.answers:
                return again
        return None

    def _as_explanation(self, reading: Reading, session: str | None) -> Answer | None:
        """Answer "How does X work?" as "What is X?" (``kg.rereadings.explanation_question``), or None if that
        answers nothing."""
        text = explanation_question(reading)
        again = self._answer(self._read(text, session)) if text else None
        return again if again is not None and again.answers else None

    def _as_bare_definition(self, reading: Reading, session: str | None) -> Answer | None:
        """Answer "What is X, the thing that ...?" as "What is X?" (``kg.rereadings.bare_definition_question``),
        or None unless that gives X's definition."""
        text = bare_definition_question(reading)
        again = self._answer(self._read(text, session)) if text else None
        if again is None or not again.answers or again.kind not in ("definition", "acronym"):
            return None
        # The words left out may name what tells the note meant ("the float I count with *the night porter*"):
        # a definition from a note that names none of them is another note's word.
        kept = {iri for link in self._read(text, session).links for iri, _ in link.candidates[:3]}
        left = [link.best[0] for link in reading.links if link.best[0] not in kept]
        documents = {source.get("document") for source in again.sources}
        if left and not any(documents & {str(g).rsplit("/", 1)[-1] for g in self._documents_of(iri)} for iri in left):
            return None
        return again

    def _as_where_or_when_is(self, reading: Reading, session: str | None) -> Answer | None:
        """Answer "Where does X take place?" and "Where can I find X?" as "Where is X?"
        (``kg.rereadings.occurrence_question``, ``finding_question``), or None if that answers nothing."""
        text = occurrence_question(reading) or finding_question(reading)
        again = self._answer(self._read(text, session)) if text else None
        return again if again is not None and again.answers else None

    def _purpose_asked(self, reading: Reading) -> PurposeQuestion | None:
        """Return what the question asks the purpose of ("What is X for?", ``kg.purpose``), or None."""
        words = [w.lower for w in reading.words]
        if len(words) < 4 or words[0] != "what" or words[-1] != "for":
            return None  # no parse for a question of another shape
        return purpose_question(reading.text, parse)

    def _as_purpose(self, reading: Reading, session: str | None) -> Answer | None:
        """Answer "What is X for?" with the purpose the one sentence about X that gives one says, else with
        what the notes say X is (a definition often says what a thing does: "the vessels where beer is
        clarified"), or None.

        The thing is named by the question's mentions within its words (``kg.purpose.purpose_question``);
        the sentences recorded about their concepts are read for a clause of purpose
        (``SentenceAnswerer.purpose``).
        """
        asked = self._purpose_asked(reading)
        if asked is None:
            return None
        start, end = asked.span
        links = [
            link
            for link in reading.links
            if start <= reading.words[link.start].start and reading.words[link.end - 1].end <= end
        ]
        iris = {link.best[0] for link in links}
        names = {
            tuple(name.lower().split())
            for iri in iris
            if (entity := self.catalog.entities.get(iri)) is not None
            for name in (entity.label, *entity.aliases)
        }
        found = self.sentences.purpose(iris, sorted(names), asked.verb)
        if found is not None or len(links) != 1:
            return found
        text = f"What is {reading.text[start:end]}?"
        again = self._answer(self._read(text, session))
        return again if again.answers and again.kind == "definition" else None

    def _purpose_unsaid(self, reading: Reading, answer: Answer) -> bool:
        """Tell whether a relation answer to a purpose question rests on relations that say no purpose.

        "What is X used for?" is answered by a relation that says "for" ("is used for") or the question's
        own verb; a path of other relations ("X is created by the owner, who ...") answers another question.
        """
        asked = self._purpose_asked(reading)
        if asked is None or answer.kind != "relation":
            return False
        for iri in self._evidence_predicates(answer):
            pred = self.catalog.predicates[iri]
            words = {w for name in (pred.label, *pred.names) for w in name.lower().split()}
            if "for" in words or (asked.verb and any(asked.verb in lemmas(w) for w in words)):
                return False
        return True

    def _evidence_predicates(self, answer: Answer) -> list[URIRef]:
        """Return the graph's relations among the triples an answer gives as its evidence."""
        found = [URIRef(str(t.get("predicate", {}).get("iri", ""))) for t in answer.evidence]
        return [p for p in dict.fromkeys(found) if p in self.catalog.predicates]

    @staticmethod
    def _modifies_next(reading: Reading, link: Link, other: Link) -> bool:
        """Tell whether the mention ``other`` follows ``link`` as the head noun of their compound ("image
        *digest*"): right after it, named as written (not by a lemma: "a pod *called* X" says a verb), and
        no participle."""
        if other.start != link.end or other.method != "exact":
            return False
        return not is_participle(reading.words[other.start].text)

    def _coherent(self, links: list[Link]) -> list[Link]:
        """Put first, of a mention's candidates named alike (two notes' "container"), the one the graph ties to
        another mention of the question ("the crates the forklift lifts": the forklift's crates), when only one is.

        Names alone cannot tell two notes' concepts of one word apart; the question's other names can.
        """
        for link in links:
            close = [link.best[0], *self._named_alike(link)]
            others = [other.best[0] for other in links if other is not link]
            if len(close) < 2 or not others:
                continue
            tied = [iri for iri in close if self.store.predicates_between([iri], others)]
            if len(tied) == 1 and tied[0] != link.best[0]:
                link.candidates = [(tied[0], link.best[1]), *((i, s) for i, s in link.candidates if i != tied[0])]
        return links

    def _named_alike(self, link: Link) -> list[URIRef]:
        """Return the concepts other than a mention's best candidate that are named as it is (case aside) and
        link nearly as well (within 0.05): two notes' concepts of one word, which names cannot tell apart."""
        iri, best = link.best
        entity = self.catalog.entities.get(iri)
        if entity is None:
            return []
        label = entity.label.lower()
        return [
            c
            for c, score in link.candidates[1:4]
            if score >= best - 0.05 and c in self.catalog.entities and self.catalog.entities[c].label.lower() == label
        ]

    def _tied(self, link: Link, reading: Reading) -> bool:
        """Tell whether a triple joins the concept ``link`` names to one another mention of the question names."""
        others = [other.best[0] for other in reading.links if other is not link]
        return bool(self.store.predicates_between([link.best[0]], others))

    def _exempt_word(self, reading: Reading, i: int) -> bool:
        """Tell whether question word ``i`` need not be said by an answer: grammar, the asked kind ("which
        *file* ..."), or a word of the graph's naming relations ("another *name* for X")."""
        word = reading.words[i].lower
        asked = reading.asked_at is not None and i > reading.asked_at and word == reading.answer_word
        return word in STOPWORDS or len(word) < 3 or asked or any(words_match(word, c) >= 0.8 for c in self.cue_words)

    @staticmethod
    def _in_wh_phrase(reading: Reading, link: Link) -> bool:
        """Tell whether ``link`` stands in the wh-phrase ("which *films* ...", "what kind of *vehicle*")."""
        at = reading.asked_at
        if at is None or link.start <= at:
            return False
        between = [w.lower for w in reading.words[at + 1 : link.start]]
        return all(w in ARTICLES or w in CLASSIFIERS or w == "of" for w in between)

    def _read(self, text: str, session: str | None, as_words: frozenset[int] = frozenset()) -> Reading:
        """Read ``text``: its mentions, its other content words, the relation words, the asked type, negation.

        The words at the positions ``as_words`` are read as words, not mentions (``_as_words``).
        """
        tokens = tokenize(text)
        words = [t for t in tokens if t.is_word]
        links = [link for link in self.linker.link(tokens) if link.start not in as_words]
        links = self._follow_up(words, links, session)
        links = self._not_verbs(text, words, links)
        # "what *kind* of X": a classifier before "of" is grammar, though a note made a concept of the word.
        classifiers = classifier_positions(words)
        links = [link for link in links if not (link.end - link.start == 1 and link.start in classifiers)]
        links = self._coherent(links)
        inside = {i for link in links for i in range(link.start, link.end)}
        residual = content_words(tokens, inside)
        relation_words, meanings = self._relation_words(residual, classifying_words(words), _asked_measure(words))
        named = {i for link in links if not self._weak(link) for i in range(link.start, link.end)}
        answer_word, asked_at = asked_type(words, named, text)  # a tag named "director" does not hide the asked type
        # "Doesn't X save Y?" asks whether X saves Y; only a "not" inside the question negates it.
        negated = is_negated(words)
        return Reading(
            text,
            tokens,
            words,
            links,
            residual,
            relation_words,
            answer_word,
            negated,
            asked_at,
            meanings=meanings,
            plain=as_words,
        )

    def _not_verbs(self, text: str, words: list[Token], links: list[Link], described: bool = False) -> list[Link]:
        """Drop the one-word lowercase mentions the question says as a clause's verb (``acting_verbs``).

        Such a word asks for a relation ("which engines does X support"), whatever concept a note made
        of it. A name in capitals, a word typed wrong and matched loosely, or a concept the notes give
        more of (a definition, a name other than its own word's forms: "pull", the command) keeps its
        link: the parser may take a noun for a verb; but not a concept the notes only write with a capital
        (the language "Go" for "where does it go"). With ``described``, a described concept's word said
        as the verb is dropped too (a second reading, when the first answered nothing: ``_as_words``).
        """
        single = [
            link for link in links
            if link.end - link.start == 1 and link.method in ("exact", "lemma") and link.text.islower()
            and (described or self._undescribed(link) or self._only_capitalised(link))
        ]  # fmt: skip
        if not single:
            return links
        names = link_spans(words, [link for link in links if link not in single])
        spans = dict(zip(link_spans(words, single), single, strict=True))
        verbs = acting_verbs(text, names, tuple(spans))
        return [link for link in links if not any(spans[v] is link for v in verbs)]

    def _only_capitalised(self, link: Link) -> bool:
        """Tell whether ``link`` names a concept the notes only ever write with a capital (the language "Go"):
        a lowercase word of the question ("where does it *go*") is then the word, not the name."""
        entity = self.catalog.entities.get(link.best[0])
        names = [entity.label, *entity.aliases] if entity is not None else []
        return bool(names) and all(name[:1].isupper() for name in names)

    def _undescribed(self, link: Link) -> bool:
        """Tell whether ``link`` names a concept with no definition and no name but its word's forms."""
        entity = self.catalog.entities.get(link.best[0])
        if entity is None or entity.definition:
            return False
        return all(lemmas(alias) & lemmas(entity.label) for alias in entity.aliases)

    def _relation_words(
        self, residual: list[str], classifying: frozenset[str] = frozenset(), measure: str | None = None
    ) -> tuple[set[str], dict[str, dict[URIRef, float]]]:
        """Return the words that name some predicate of the graph, and, of those, the ones named by meaning.

        A word a predicate's name contains (by lemma or stem) names it by its letters; any other may
        name one by meaning (see ``_word_meanings``). A classifier (``classifying_words``) names no
        relation minted from a verb by its letters. The ``measure`` a question asks with "how" ("how
        *long*") names the relations named by what it measures ("Length", "Duration": ``attribute_nouns``).
        """
        vocabulary = self.predicate_words
        lexical = {
            w for w in residual
            if w not in LIGHT_VERBS
            and any(words_match(w, nw) >= 0.8 for nw in (self.noun_relation_words if w in classifying else vocabulary))
        }  # fmt: skip
        meanings = self._word_meanings([w for w in residual if w not in lexical])
        measured = attribute_nouns(measure) if measure in residual else frozenset()
        for pred in self.catalog.predicates.values() if measured else ():
            if measured & {noun_key(w) for name in pred.names for w in name.lower().split()}:
                meanings.setdefault(measure, {})[pred.iri] = ATTRIBUTE_MEANING
        return lexical | set(meanings), meanings

    def _word_meanings(self, words: list[str]) -> dict[str, dict[URIRef, float]]:
        """Return, for each word that means what some relation's name says, those relations and similarities.

        A question may name a relation by a word none of its names contains ("composer" for
        "music by"). Each content word the letters leave unexplained is embedded on its own (once per
        process: words repeat across questions) and compared with every relation name; a relation
        counts when the similarity reaches ``WORD_MEANING_LINE``. Grammar words, light verbs and nouns
        for kinds of things never count: they name no relation. Nor does a relation named by the
        word's opposite (kg/opposites.py).
        """
        kinds = self.catalog.kind_words
        asked = [
            w for w in dict.fromkeys(words)
            if w not in STOPWORDS and w not in LIGHT_VERBS and w not in AUXILIARIES and noun_key(w) not in kinds
            and len(w) > 2 and w.isalpha()
        ]  # fmt: skip
        if not asked or not len(self.predicate_index):
            return {}
        missing = [w for w in asked if w not in self._word_vectors]
        if missing:
            vectors = self.embedder.encode(missing)
            with self._vectors_lock:
                for w, v in zip(missing, vectors, strict=True):
                    self._word_vectors[w] = v
                while len(self._word_vectors) > 4 * max(self._vectors_kept, 1024):
                    self._word_vectors.pop(next(iter(self._word_vectors)))
        found: dict[str, dict[URIRef, float]] = {}
        opposed = opposed_relations(self.catalog)
        for w in asked:
            vector = self._word_vectors.get(w)
            if vector is None:
                continue
            sims = np.asarray(self.predicate_index.vectors @ vector)
            against = opposed.of(w)  # "buy" is close to "sell" by the embedding, and means its opposite
            for key, sim in zip(self.predicate_index.keys, sims, strict=True):
                if sim >= WORD_MEANING_LINE and key not in against:
                    best = found.setdefault(w, {})
                    best[key] = max(best.get(key, 0.0), round(float(sim), 4))
        return found

    def _view(self, reading: Reading, topic: Link) -> Reading:
        """Re-read the question around one topic: weak mentions ("film", "script") stay words."""
        typed = [link for link in reading.links if link is not topic and self._is_answer_type(reading, link)]
        inside = self._inside(reading, topic, typed)
        residual = content_words(reading.tokens, inside)
        # The asked type read from the words ("what film genre", "what sort of film") comes first; a typed
        # name ("which orchestration service") gives it when the words could not.
        answer_word = reading.answer_word or (typed[0].text.lower().split()[-1] if typed else None)
        if answer_word:
            answer_word = noun_key(answer_word)
        relation_words, meanings = self._relation_words(residual, measure=_asked_measure(reading.words))
        if answer_word and self._verb_of_topic(reading, topic, relation_words - set(meanings)):
            answer_word = None
        return replace(
            reading,
            residual=residual,
            relation_words=relation_words,
            meanings=meanings,
            answer_word=answer_word,
            inside=frozenset(inside),
        )

    def _verb_of_topic(self, reading: Reading, topic: Link, lettered: set[str]) -> bool:
        """Tell whether the word after the wh-word is the verb whose object is the topic, not an asked type.

        "what hosts containers": a word standing between the wh-word and the topic's name, that names a
        relation by its letters and no kind, is the verb of the question ("X hosts containers"),
        though its plural reads like a noun's ("which hosts ..."). The asked type it would give turns the
        path round: to the things the topic hosts.
        """
        at, words = reading.asked_at, reading.words
        if at is None or topic.start < at + 2 or topic.start >= len(words):
            return False
        if any(w.lower not in ARTICLES for w in words[at + 2 : topic.start]):
            return False
        word = words[at + 1].lower
        return word in lettered and noun_key(word) not in self.catalog.kind_words

    def _inside(self, reading: Reading, topic: Link, typed: list[Link]) -> set[int]:
        """Return the word positions the question's names take, once ``topic`` is the topic.

        ``typed`` are the other mentions that name the asked-for type ("which VPC", "what language").
        """
        # A typed mention stays words ("what language": the relation) unless it names a class whose
        # members decide the type ("which orchestration service": checked by membership).
        as_words = [link for link in typed if not self.members.get(link.best[0])]
        as_words += self._in_relation_names(reading, topic)
        return {
            i for link in reading.links
            if link is topic or not (self._weak(link) or link in as_words)
            for i in range(link.start, link.end)
        }  # fmt: skip

    def _in_relation_names(self, reading: Reading, topic: Link) -> list[Link]:
        """Return the other mentions that are words of a relation's name at ``topic``, not concepts.

        "What size of wheel has the bike": "wheel" names a concept, but with "size" it spells "wheel
        size", a property the bike has (a row of a property table, say). A mention counts when it stands
        in the phrase that says what is asked for (after the opening "what" or "which", before the verb),
        its words are all in the name of a relation the topic has, and the name's other words are in the
        question outside every mention: the question spells the whole name, the mention only part of it.
        A mention elsewhere ("what does the bike share with a wheel") is what the question is about.
        """
        asked, counted = _asked_phrase(reading.words), _counted_phrase(reading.words)
        others = [
            link for link in reading.links
            if link is not topic and link.end > link.start
            and any(link.start in span and link.end - 1 in span for span in (asked, counted))
        ]  # fmt: skip
        if not others:
            return []
        taken = {i for link in reading.links for i in range(link.start, link.end)}
        free = {noun_key(w) for w in content_words(reading.tokens, taken)}
        names = {
            name
            for p, _ in first_steps(self.store, self.catalog, topic.best[0])
            if p not in MEMBERSHIP
            for name in self.catalog.predicates[p].names
        }
        spelt = [key_words(name) for name in names]
        # "Which cooling fan speed ...": "cooling fan" and "speed" may each name a concept, and together
        # spell the property "cooling fan speed"; the other mentions of the phrase count as its words too.
        beside = set().union(*(key_words(link.text) for link in others))
        found = []
        for link in others:
            words = key_words(link.text)
            # "How many pages does the report need?": what is counted names the property ("pages", "max. pages")
            # whose value is the count, whatever else the name says.
            counts = link.start in counted
            spelling = free | (beside - words)
            if words and any(
                (words <= name if counts else words < name and name - words <= spelling) for name in spelt
            ):
                found.append(link)
        return found

    def _weak(self, link: Link) -> bool:
        """Tell a mention that may just be an ordinary word ("film", "language") from a name.

        A short lowercase phrase naming a concept the graph neither defines nor gives other names (a
        tag, a keyword) is read as words first.
        """
        entity = self.catalog.entities.get(link.best[0])
        if entity is None or link.end - link.start > 3 or link.method not in ("exact", "lemma"):
            return False
        # A capital letter that opens the question is the sentence's, not the name's ("Owner of X"); nor is
        # one the thing's own name lacks ("the Director of ..." over a tag spelt "director"): the writer's.
        text = link.text[:1].lower() + link.text[1:] if link.start == 0 else link.text
        if entity.label.islower() and not entity.spelt(link.text):
            text = text.lower()
        return text.islower() and not entity.definition and not entity.aliases

    def _follow_up(self, words: list[Token], links: list[Link], session: str | None) -> list[Link]:
        """Resolve "it"/"they" to the previous answer or topic of the session."""
        previous = self.sessions.context(session)
        if not previous:
            return links
        taken = {i for link in links for i in range(link.start, link.end)}
        for i, tok in enumerate(words):
            if tok.lower in FOLLOW_UP_PRONOUNS and i not in taken and i > 0:
                return sorted(
                    [*links, Link(i, i + 1, tok.text, [(iri, 0.95) for iri in previous[:1]], "session")],
                    key=lambda lk: lk.start,
                )
        if not links:
            return [Link(len(words), len(words), "", [(iri, 0.9) for iri in previous[:1]], "session")]
        return links

    # -- relevance of predicates -------------------------------------------------------------------
    def _relevance(self, reading: Reading) -> dict[URIRef, Relevance]:
        """Score every predicate against the question's remaining words (see kg/scoring.py).

        The words are embedded only when some word names no relation and no kind of thing by its
        letters: the embedding is the soft match for paraphrases, and costs most of a question's time.
        """
        kinds = self.catalog.kind_words
        unexplained = [w for w in reading.residual if w not in reading.relation_words and noun_key(w) not in kinds]
        vector = self._vector(" ".join(reading.residual)) if unexplained else None
        return predicate_relevance(
            self.catalog,
            reading.residual,
            reading.words,
            vector,
            self.predicate_index,
            reading.meanings,
            reading.classifying,
            self.verb_relations,
            phrasal_verbs(reading.text),
        )

    def _vector(self, text: str):
        """Embed ``text``, reusing the last few: the readings of one question often share their words."""
        vector = self._vectors.get(text)
        if vector is None:
            vector = self.embedder.encode([text])[0]
            with self._vectors_lock:
                self._vectors[text] = vector
                while len(self._vectors) > self._vectors_kept:
                    self._vectors.pop(next(iter(self._vectors)))
        return vector

    # -- "tell me about X" and quoted sentences (kg/about.py, kg/sentence_answer.py) -----------------
    def _about(self, reading: Reading) -> Answer | None:
        """Answer a request for everything about one concept with its definition and main facts.

        A request for the members of a class ("list the queues") is a list's (``_members_requested``).
        """
        if len(reading.links) != 1 or self._members_requested(reading, reading.links[0]):
            return None
        if not is_about_request(reading.text, reading.words, reading.links[0], self._asks_what_it_is):
            return None
        return self.about.answer(*reading.links[0].best)

    def _asks_what_it_is(self, verb: str) -> bool:
        """Tell whether a request's verb ("describe", "explain") names the graph's definition relation."""
        return self._naming_asked([verb]) == SKOS.definition

    def _concept_dict(self, iri: URIRef) -> dict[str, Any] | None:
        """Return the answer dict of a concept of the graph, or None for a node that is no concept."""
        return self.evidence.entity_dict(iri) if iri in self.catalog.entities else None

    def _quote(self, reading: Reading, facts: Answer | None = None) -> Answer | None:
        """Quote the one source sentence that clearly answers, when no fact did; names are mentions.

        ``facts`` is the answer found below the line, which the sentence may agree with (see
        ``SentenceAnswerer.answer``).
        """
        # A generic noun stands for what the question names elsewhere ("the cheapest *one*"), as a pronoun does;
        # a classifier ("which *types* of X") is grammar, said by the sentence's own classifier, never a name.
        links = [link for link in reading.links if link.text.lower() not in GENERIC_NOUNS]
        classifying = [link for link in links if link.text.lower() in reading.classifying]
        links = [link for link in links if link not in classifying]
        mentions = [link for link in links if not self._weak(link)]
        spans = name_spans(reading, mentions)
        # A mention that may be an ordinary word ("access") is part of what is asked, not a name; the adverb
        # of a subordinator ("as soon as") is grammar, which a sentence says with a conjunction of its own.
        grammar = subordinator_words(reading.text, spans) if mentions else frozenset()
        worded = [link for link in links if self._weak(link)] + classifying
        yes_no = self._is_yes_no(reading)
        phrase, role = wh_phrase(reading.text)
        # "Why do browsers use TLS?": a wh-adverb asks no participant of the verb, so a light verb is
        # what is said of them, as in a yes/no question ("which tools does X use" asks what it frames).
        adverbial = len(phrase) == 1 and phrase[0] in WH_ADVERBS
        content = [w for w in question_content(reading.residual, yes_no or adverbial, yes_no) if w not in grammar] + [
            w for link in worded for w in link.text.lower().split()
        ]
        lowered = [w.lower for w in reading.words]
        if degree_after_how(lowered) and lowered[1] not in WH_WORDS and lowered[1] in content:
            # "How *far* back ...", "how *long* does ... last": the word of degree asks for an amount, which
            # the answering sentence gives ("kept for ninety days") without naming its dimension.
            content.remove(lowered[1])
        if _asks_amount(reading.words):
            # "How many ferries does the port have?": what is counted is asked, though it is a name.
            content += [w for w in counted_noun(reading.text, parse) or () if w not in content]
        # A yes/no question keeps a statement's order of subject and object; a sentence must keep it too.
        ordered = bool(reading.words) and reading.words[0].lower in AUX_START
        kind, kind_concepts = self._asked_kind(reading)
        asked = Asked(
            content=content,
            mention_words=[w for link in mentions for w in link.text.lower().split()],
            words=lowered,
            named={iri for link in mentions for iri, _ in link.candidates[:3]},
            # "Is X A or B?" asks which of two, not whether.
            yes_no=yes_no and "or" not in lowered,
            negated=reading.negated,
            how_many=_asks_amount(reading.words),
            kind=kind,
            kind_concepts=kind_concepts,
            kind_known=bool(kind_concepts) or self._knows_kind(kind),
            wh_phrase=phrase,
            wh_role=role,
            main_verb=self._main_verb(reading.text, spans),
            subject_words=self._subject_words(reading, mentions, spans) if yes_no else _first_words(mentions),
            passive=is_passive(reading.words),
            several=asks_for_several(reading.text),
            incidental=frozenset(
                (link.start, link.end)
                for link in mentions
                if (span := link_spans(reading.words, [link])) and incidental(reading.text, span[0])
            ),
        )
        answer = self.sentences.answer(reading.text, mentions, content, ordered, asked, facts) if mentions else None
        if answer is not None:
            answer.topics = [self.evidence.entity_dict(link.best[0]) for link in mentions]
        return answer

    @staticmethod
    def _subject_words(reading: Reading, mentions: list[Link], spans: tuple[tuple[int, int], ...]) -> list[str]:
        """Return the words of a yes/no question's subject: its first name, or, when the parse's subject holds
        no name of the graph ("Does *the old kiln* burn peat?" where only "peat" is one), the parse's."""
        subject = question_subject(reading.text, spans)
        named = {w for link in mentions for w in link.text.lower().split()}
        if subject and not named & set(subject):
            return subject
        return _first_words(mentions)

    def _asked_kind(self, reading: Reading) -> tuple[str | None, frozenset[URIRef]]:
        """Return the noun the question asks for and the concepts of the graph it names.

        The noun is read from the words ("which *area* ..."), or, when a name stands there ("which *LTD*
        ...", a kind of dock), from the mention that is the asked-for type (``_is_answer_type``): its head word, and the
        concept it links to. A noun the words give names the concepts called so.
        """
        typed = [
            link
            for link in reading.links
            if link.text.lower() not in reading.classifying and self._is_answer_type(reading, link)
        ]
        kinds_of = classifier_complement(reading.tokens)
        classifier = reading.answer_word is not None and reading.answer_word.lower() in CLASSIFIERS
        if kinds_of and not kinds_of[2] and (classifier or not typed):
            # "Which *types* of X": the classifier asks for kinds of its complement, which names the kind
            # (also when X is the only name of the question); "the type of X" asks for X's own.
            typed = [link for link in reading.links if link.start == kinds_of[0]] or typed
        if typed and (reading.answer_word is None or classifier):
            link = typed[0]
            return link.text.lower().split()[-1], frozenset(iri for iri, _ in link.candidates[:1])
        if reading.answer_word is None:
            return None, frozenset()
        key = noun_key(reading.answer_word)
        named = {iri for iri in self.catalog.by_name.get(key, ()) if self.members.get(iri)}
        return reading.answer_word, frozenset(named)

    def _knows_kind(self, noun: str | None) -> bool:
        """Tell whether the graph has a word for things of the kind ``noun``: a kind of some relation's values,
        or a concept of the notes called so or so headed ("east canal")."""
        if not noun:
            return False
        key = noun_key(noun)
        return key in self.catalog.kind_words or self._noted_concept(key)

    # -- definitions and acronyms ------------------------------------------------------------------
    def _acronym_or_definition(self, reading: Reading) -> Answer | None:
        """Answer what a concept is, or what its short form stands for, when the question asks nothing else.

        The question names one concept, and its other content words (the frame) name one of the graph's
        naming relations (see ``_naming_asked``), or there are none ("What is X?"). The verb of a request
        ("define X") is the request's grammar, not frame. A short form the graph records for the concept
        stands for the concept's name; one it does not record, or records for a concept whose name its
        letters cannot spell (an extraction's slip), is looked up by its letters among the graph's names.
        """
        strong = [link for link in reading.links if not self._weak(link)]
        if strong and self._is_yes_no(reading):
            checked = self._short_form_check(reading, strong[0])
            if checked is not None:
                return checked
        if not strong:
            return self._spelt_out(reading, self._frame(reading, set()))
        if len(strong) > 1:
            # A name inside a phrase that frames the question ("In kiln terms, ...", "... when engineers
            # discuss CDNs") says where the concept is meant, not which concept is asked about.
            scene = self._framing_adverbs(reading.text, scene_only=True)
            outside = [link for link in strong if reading.words[link.start].start not in scene]
            # A term of some context ("container instance", an ECS term) asked "in EKS terms" asks for the
            # other context's term: the scene's name is then part of the question.
            entity = self.catalog.entities.get(outside[0].best[0]) if len(outside) == 1 else None
            if entity is not None and KGO.Term not in entity.types:
                strong = outside
        if len(strong) > 2:
            return None
        # Either mention may be the topic: the other's words are then frame (a noun such as "name" the graph also
        # holds as a concept).
        for link in strong:
            answer = self._naming_answer(reading, link)
            if answer is not None:
                return answer
        return None

    def _naming_answer(self, reading: Reading, link: Link) -> Answer | None:
        """Answer with the definition or the long name of the concept ``link`` names, if that is all asked.

        Another name after "in" ("what is a heddle in a loom") says where the concept is meant, not what
        is asked of it: it is left out of the frame, as the concept's own name is.
        """
        if copula_preposition(reading, link) is not None:
            return None  # "What is in the kit?" asks what the kit holds, not what it is
        if _asked_measure(reading.words) is not None:
            return None  # "How long is X?" asks a measure of X: "long" is no word of its long name
        inside = set(range(link.start, link.end))
        # A mention read as a word right before the concept's name modifies it ("an *image* digest"), as the
        # name's own words do; the second reading keeps only an answer that says it (``_as_words``).
        before = link.start - 1
        while before in reading.plain:
            inside.add(before)
            before -= 1
        for other in reading.links:
            before = other.start - 1
            # "in a loom", "in weaving terms": articles and nouns before the setting's name are part of it.
            while before > link.end and (
                reading.words[before].lower in ARTICLES or _may_be_noun(reading.words[before].lower)
            ):
                before -= 1
            if other is not link and before >= link.end and reading.words[before].lower in SETTING:
                inside |= set(range(before, other.end))
        frame = self._frame(reading, inside)
        if frame and all(lemmas(w) & QUESTION_LIGHT_VERBS for _, w in frame) and asks_what_it_does(reading.text):
            frame = []  # "What does X let you do?": the light verb frames what X does, as "What does X do?"
        asked = self._naming_asked([w for _, w in frame], reading.relation_words)
        if asked is None and frame and all(lemmas(w) & NAMING_VERBS or w in NAMING_ADVERBS for _, w in frame):
            # "What is the N called?", "What is the N also known as?": the name the notes give the one N.
            return self._identified_member(reading, link, named=True)
        if asked is None and frame and frame[0][0] == link.end and is_short_form(link.text):
            # "What does the OEC *certification* stand for?": the noun the short form stands before is the
            # thing it names; only its letters can be asked to stand for anything.
            rest = [w for i, w in frame[1:]]
            asked = KGO.acronym if rest and self._naming_asked(rest, reading.relation_words) == KGO.acronym else None
        if asked is None:
            return None
        if asked == SKOS.definition and self._does_what_it_names(reading, link, frame):
            return None  # "What does X describe?": what X describes, a relation of its own
        if not frame and (
            asks_for_instances(reading.tokens, link.start)
            or (not any(w.lower in ("what", "who") for w in reading.words) and not reading.request())
        ):
            return None  # "which N ...": things that are N; a bare name asks nothing
        if not frame and self._members_requested(reading, link):
            return None  # "list the queues": the members (``_list``)
        iri = link.best[0]
        entity = self.catalog.entities[iri]
        if entity.definition is None:
            # Two notes' concepts of one name ("container", a note's kind and another's bin): a definition
            # asked of the name is the one a concept so named has.
            defined = [c for c in self._named_alike(link) if self.catalog.entities[c].definition is not None]
            if len(defined) == 1:
                iri, entity = defined[0], self.catalog.entities[defined[0]]
        # The mention as written: "pub/sub" links as the words "pub sub", but its slash is part of the form.
        written = link.text
        if 0 <= link.start < link.end <= len(reading.words):
            span = reading.text[reading.words[link.start].start : reading.words[link.end - 1].end]
            written = span if is_short_form(span) else written
        short = written[:-1] if written.endswith("s") and written[:-1].isupper() else written
        # A short form the graph records: one token among the concept's other names, shorter than its label,
        # and not the label's own first word ("copytruncate" of "copytruncate option" is the name less the
        # noun that says what it is, no abbreviation).
        records = (
            is_short_form(short)
            and short in entity.aliases
            and len(short) < len(entity.label)
            and not entity.label.lower().startswith(short.lower() + " ")
        )
        if records and not abbreviates(short, entity.label):
            # The graph records the short form for a concept whose name its letters cannot spell.
            return self._spelt_out(reading, frame, link)
        if asked == KGO.acronym and frame:
            if not records and not is_short_form(short):
                return self._short_form_of(iri, entity, written, round(0.95 * link.best[1], 3))
            if not records:
                return self._spelt_out(reading, frame, link)
            return self._recorded_short_form(link, iri, short, round(0.95 * link.best[1], 3))
        if entity.definition is None and self._property_named(iri, [w for _, w in frame] or reading.residual):
            return None  # "What does E42 mean?" of a row under "Meaning": the property answers, not the kind
        if entity.definition is None:
            # "What does the flag do?": the kind it belongs to says what it is, not what it does; the facts
            # with the flag for their doer do.
            doing = asks_what_it_does(reading.text)
            answer = self.about.does(iri, link.best[1]) if doing else None
            if answer is not None:
                return answer
            sole = None if doing else self._identified_member(reading, link)
            if sole is not None:
                return sole
            kinds = None if doing else self._kind_as_definition(iri, entity, link.best[1])
            if kinds is None and records and not doing:
                # Nothing says what it is or what kind it is, but a short form means its long form (which
                # says nothing of what it does).
                return self._recorded_short_form(link, iri, short, round(0.95 * link.best[1], 3))
            if kinds is None and asked == SKOS.definition:
                # Nothing says what it is: what the notes say of it, quoted, is the best they hold.
                return self.about.undefined(iri, link.best[1])
            if kinds is not None and not frame and reading.words and reading.words[0].lower == "who":
                # "Who was X?" of someone no sentence defines: the role alone says little of who they were;
                # the role with what the notes say they did does (as "tell me about X" would).
                return self.about.answer(iri, link.best[1], scale=KIND_SCALE) or kinds
            return kinds
        chosen = self._defined_here(iri, reading, link)
        senses = self._senses(iri) if chosen is None else []
        if len(senses) > 1:
            return self._senses_answer(iri, entity, link.best[1], senses)
        return self._definition_answer(iri, entity, link.best[1], chosen)

    def _senses(self, iri: URIRef) -> list[str]:
        """Return the definitions of ``iri`` that different notes state in sentences of their own, the
        catalog's first: one word, two things ("a runner" of a build server and of a relay team).

        Only definitions a note wrote as a sentence count (``kgo:quote``); one composed from a table's
        layout places a term in one note, it does not give the word a second sense.
        """
        rows = self.store.query(
            "SELECT DISTINCT ?g ?d WHERE { GRAPH ?g { ?c skos:definition ?d } ?s kgo:quote ?q "
            "FILTER(STR(?q) = STR(?d)) }",
            {"c": iri},
        )
        by_note: dict[URIRef, str] = {}
        for g, d in sorted(rows, key=lambda row: (str(row[0]), str(row[1]))):
            by_note.setdefault(g, str(d))
        found = list(dict.fromkeys(by_note.values()))
        first = self.catalog.entities[iri].definition
        return sorted(found, key=lambda d: d != first)

    def _senses_answer(self, iri: URIRef, entity, link_score: float, senses: list[str]) -> Answer:
        """Answer "What is X?" of a name that notes define differently with each note's definition, each
        cited: the question's names did not say which note it asks about, and choosing one would answer
        the other note's reader wrongly."""
        parts, items, evidence, sources = [], [], [], []
        for definition in senses:
            said, where = self.evidence.for_definition(iri, definition)
            document = where[0]["document"] if where else None
            said_as = definition if definition.rstrip()[-1:] in ".!?" else definition.rstrip() + "."
            parts.append(f"In {document}: {said_as}" if document else said_as)
            items.append({"value": definition, "iri": str(iri), "label": entity.label, "document": document})
            evidence += said
            sources += where[:1]
        text = f"{entity.label} means different things in different notes. " + " ".join(parts)
        sparql = (
            "SELECT ?document ?definition WHERE {\n  GRAPH ?document { %s skos:definition ?definition }\n}" % iri.n3()
        )
        answer = Answer("", text, items, round(0.85 * link_score, 3), sparql, kind="definition")
        answer.evidence, answer.sources = evidence, sources
        answer.topics = [self.evidence.entity_dict(iri)]
        return answer

    def _defined_here(self, iri: URIRef, reading: Reading, link) -> str | None:
        """Return the definition of ``iri`` that the note of the question's other names gives, when notes differ.

        Two notes may define one word ("a runner" of a CI system and of a volunteer team): the question's other
        names ("What is a runner on the build server?") say which note it asks about, when exactly one defining
        note names them all. None when one definition is all there is, or the names do not tell.
        """
        others = [other.best[0] for other in reading.links if other is not link and other.best[0] != iri]
        if not others:
            return None
        rows = self.store.query("SELECT ?g ?d WHERE { GRAPH ?g { ?c skos:definition ?d } }", {"c": iri})
        by_note: dict[URIRef, str] = {row[0]: str(row[1]) for row in rows}
        if len(set(by_note.values())) < 2:
            return None
        named = [g for g in by_note if all(g in self._documents_of(o) for o in others)]
        return by_note[named[0]] if len(named) == 1 else None

    def _does_what_it_names(self, reading: Reading, link, frame: list[tuple[int, str]]) -> bool:
        """Tell whether the topic is the subject of the definition's cue verb, and has a relation by it.

        "Describe X" and "What is X?" ask what X is; in "What does X describe?" X does the describing, and
        a fact "X describes Y" the graph holds answers it. Only a do-support question with the topic
        between "does" and the verb counts (its determiners aside).
        """
        if not frame or link.start < 1:
            return False
        before = [w.lower for w in reading.words[: link.start]]
        while before and before[-1] in ARTICLES:
            before.pop()
        if not before or before[-1] not in DO_SUPPORT or any(i < link.end for i, _ in frame):
            return False
        return self._property_named(link.best[0], [w for _, w in frame])

    def _property_named(self, iri: URIRef, words: Sequence[str]) -> bool:
        """Tell whether one of the question's ``words`` is, by lemma, a word of a relation the concept has
        facts of ("mean" and a table's "meaning" column): that relation answers, not the concept's kind."""
        said = {lemma for w in words for lemma in lemmas(w)}
        if not said:
            return False
        return any(
            said & lemmas(part)
            for fact in self.about.main_facts(iri)
            if fact.triple[0] == iri and fact.triple[1] != RDF.type
            for part in self.catalog.label(fact.triple[1]).split()
            if part.lower() not in STOPWORDS
        )

    def _frame(self, reading: Reading, inside: set[int]) -> list[tuple[int, str]]:
        """Return the content words outside ``inside`` (word positions), with their positions.

        Grammar is left out: stopwords, wh-words ("what's"), the verb of a request ("define X",
        "could you explain X"), and an adverb of the wh-word or of a copula ("what *exactly* is X": it
        says how the question is meant, not what it asks), read from the parse.
        """
        request = reading.request()
        verb = {request.verb, *request.particles} if request is not None else set()
        frame, adverbs = [], None
        # A subordinate clause ("... when engineers discuss Y") may frame the question too.
        subordinate = any(w.lower in SUBORDINATORS for w in reading.words[1:])
        # So may a closing phrase of place ("... in the club's rules?", "... on this crew?").
        subordinate = subordinate or any(w.lower in SETTING or w.lower in OWN_SETTING for w in reading.words[1:])
        for i, w in enumerate(reading.words):
            if i in inside or i in verb or w.lower in STOPWORDS or (possessor(w.lower) or w.lower) in WH_WORDS:
                continue
            # The parser loads only for a word that can be an adverb (a question answered by names needs none),
            # or for a question with a comma (a phrase it sets off may frame it).
            if "ADV" in getAllLemmas(w.lower) or "," in reading.text or subordinate:
                adverbs = self._framing_adverbs(reading.text) if adverbs is None else adverbs
                if w.lower in adverbs or w.start in adverbs:
                    continue
            frame.append((i, w.lower))
        return frame

    @staticmethod
    def _framing_adverbs(text: str, scene_only: bool = False) -> frozenset:
        """Return the question's adverbs that modify its wh-word, a copula, the pro-verb "do" or its root verb
        ("what *exactly* is X", "what does X *really* do", "what does X *actually* mean"), and the character
        offsets of the words of a phrase a comma sets off that does the same ("*In short*, what is X?",
        "What is X, *in simple terms*?", "*For a beginner*, what does X mean?").

        The words left beside them must still name the naming relation (``_naming_asked``): an adverb of a
        root verb that names another relation ("what does X *usually* cost") frames nothing that is asked.
        With ``scene_only``, only the offsets of the phrases that set the scene are returned: a comma-set
        phrase before the wh-word ("*In kiln terms*, what is X?") and a subordinate clause ("... *when engineers
        discuss Y*"); the names inside them are no topic. A phrase after the verb may be its argument
        ("what does X mean *by Y*, ...").
        """
        doc = parse(text)
        root = root_of(doc)

        def framed(t) -> bool:
            head = t.head
            return head.lemma_ in ("be", "do") or head.tag_ in ("WP", "WDT") or (root is not None and head.i == root.i)

        framing = {t.lower_ for t in doc if t.pos_ == "ADV" and t.dep_ == "advmod" and framed(t)}
        # A main clause with a subject of its own ("What does X mean ...", not "what does *it* mean when ...").
        named = root is not None and any(c.dep_ == "nsubj" and c.pos_ != "PRON" for c in root.children)
        wh = next((t.i for t in doc if t.tag_ in ("WP", "WDT", "WRB")), None)
        scene: set = set()
        for t in doc:
            if (
                t.dep_ == "advcl"
                and named
                and framed(t)
                and any(c.dep_ == "mark" or c.tag_ == "WRB" for c in t.children)
            ):
                # "What does X mean *when engineers discuss Y*?": a subordinate clause sets the scene.
                scene |= {w.idx for w in t.subtree}
            if t.dep_ != "prep" or not framed(t):
                continue
            after = t.right_edge.i + 1
            opening = wh is None or t.right_edge.i < wh  # before the wh-word: "In short, what is X?"
            # After the wh-word a phrase is set off by a comma before it ("What is X, in short?"); one that
            # follows its verb and only ends at a comma ("what does X mean by Y, ...") is the verb's own.
            if (t.i > 0 and doc[t.i - 1].text == ",") or (opening and after < len(doc) and doc[after].text == ","):
                framing |= {w.idx for w in t.subtree}
                if opening:
                    scene |= {w.idx for w in t.subtree}
            elif (
                (t.lower_ in SETTING or _own_setting(t))
                and not opening
                and t.head.lemma_ != "be"
                and all(w.is_punct for w in doc[after:])
            ):
                # "What is meant by X *within the guild's ledger*?", "what does X mean *on this crew*?": a
                # closing phrase of place says where the question is meant; the naming relation must still be
                # all the words left name. After "be" the phrase is what is asked ("who is *in charge of* X").
                framing |= {w.idx for w in t.subtree}
                scene |= {w.idx for w in t.subtree}
        opener = _opening_phrase(doc, wh)
        framing |= opener
        scene |= opener
        return frozenset(scene) if scene_only else frozenset(framing | scene)

    def _naming_asked(self, words: list[str], relation_words: set[str] | frozenset = frozenset()) -> URIRef | None:
        """Return the naming relation ``words`` name (``kgo:acronym`` or ``skos:definition``), or None.

        No words ask for the definition. Otherwise every word must be a word of the graph's names for its
        naming relations (by lemma: "stand" of "stands for"), or the words together must mean one of
        those names (the embedding, at the line a word must reach to name a relation) more than they
        mean any other relation. Of two relations the words name, the nearer in meaning is asked. A word
        that names another relation of the graph (``relation_words``) asks for that one.
        """
        if not words:
            return SKOS.definition
        named = {
            rel for rel, names in self.naming.items()
            for w in words for n in names for nw in name_key(n).split() if words_match(w, nw) >= 0.8
        }  # fmt: skip
        lexical = all(any(words_match(w, nw) >= 0.8 for nw in self.cue_words) for w in words)
        if lexical and len(named) == 1:
            return next(iter(named))
        if not lexical and (len(words) > 4 or set(words) & relation_words):
            return None  # more words than a name has, or one that names another relation: nothing to embed
        keys, vectors = self._naming_index()
        if not keys:
            return None
        vector = self._vector(" ".join(words))
        sims = np.asarray(vectors @ vector)
        best = int(np.argmax(sims))
        if lexical and named:
            return keys[best] if keys[best] in named else None
        if sims[best] < WORD_MEANING_LINE or keys[best] in self._naming_opposed().of_any(words):
            return None
        other = self.predicate_index.search(vector, 1) if len(self.predicate_index) else []
        if other and other[0][1] > sims[best]:
            return None
        return keys[best]

    def _naming_opposed(self) -> OpposedRelations:
        """Return the naming relations whose names hold the opposite of a word (see kg/opposites.py)."""
        if self._naming_opposites is None:
            self._naming_opposites = OpposedRelations(self.naming)
        return self._naming_opposites

    def _naming_index(self) -> tuple[list[URIRef], object]:
        """Return the naming relations' names as (relation per name, vectors), embedded once."""
        if self._naming_vectors is None:
            pairs = [(rel, n) for rel, names in self.naming.items() for n in names]
            vectors = self.embedder.encode([n for _, n in pairs]) if pairs else np.zeros((0, 1))
            self._naming_vectors = ([rel for rel, _ in pairs], np.asarray(vectors))
        return self._naming_vectors

    def _spelt_out(self, reading: Reading, frame: list[tuple[int, str]], link: Link | None = None):
        """Answer what a short form stands for from the graph's names its letters spell, or None.

        The short form is the mention ``link`` when given, else the run of question words (joined by
        "/" or "-") that strictly abbreviates some name of the graph; the rest of the frame must ask for
        the acronym relation. Exactly one concept's names may be spelt; the answer is less sure than a
        recorded short form.
        """
        runs = self._runs(reading, frame) if link is None else [((), link.text)]
        for positions, short in runs:
            rest = [w for i, w in frame if i not in positions]
            if link is None and (not rest or self._naming_asked(rest, reading.relation_words) != KGO.acronym):
                continue
            found = self._spelling(short)
            sources = self._introductions(short, found) if found else {}
            if len(found) > 1:
                # The letters spell several names ("public subnet" too): the one a sentence gives beside the
                # short form, as its introduction does, is meant.
                found = {iri: text for iri, text in found.items() if iri in sources}
            if len(found) == 1:
                ((iri, long_form),) = found.items()
                sure = 0.9 if iri in sources else SPELT_GUESS
                answer = self._acronym_answer(iri, short, long_form, sure, recorded=False)
                if iri in sources:
                    answer.sources = [sources[iri]]
                return answer
        return None

    def _introductions(self, short: str, found: dict[URIRef, str]) -> dict[URIRef, dict]:
        """Return, for the concepts of ``found``, a source sentence that holds the short form and its long form."""
        rows = self.store.query(
            "SELECT ?quote ?section ?file WHERE { ?st kgo:quote ?quote ; kgo:section ?section ; "
            "kgo:document/kgo:fileName ?file . FILTER(CONTAINS(LCASE(STR(?quote)), ?n)) } LIMIT 50",
            {"n": Literal(short.lower())},
        )
        out: dict[URIRef, dict] = {}
        for quote, section, file in rows:
            said = f" {_plain(str(quote))} "
            for iri, long_form in found.items():
                if iri not in out and f" {_plain(long_form)} " in said:
                    out[iri] = {"document": str(file), "section": str(section), "text": str(quote)}
        return out

    def _runs(self, reading: Reading, frame: list[tuple[int, str]]) -> list[tuple[tuple[int, ...], str]]:
        """Return the runs of frame words joined without spaces by "/" or "-" ("pub/sub"), with their text."""
        tokens = reading.tokens
        words = [k for k, t in enumerate(tokens) if t.is_word]
        in_frame = {i for i, _ in frame}
        runs, current = [], []
        for i, k in enumerate(words):
            if i not in in_frame:
                current = []
                continue
            joined = (
                current and k - words[current[-1]] == 2 and tokens[k - 1].text in "/-"
                and tokens[k - 1].start == tokens[k - 2].end and tokens[k].start == tokens[k - 1].end
            )  # fmt: skip
            current = [*current, i] if joined else [i]
            runs.append(current)
        out = []
        for run in runs:
            text = reading.text[tokens[words[run[0]]].start : tokens[words[run[-1]]].end]
            out.append((tuple(run), text))
        return sorted(out, key=lambda r: -len(r[0]))

    def _spelling(self, short: str) -> dict[URIRef, str]:
        """Return the concepts one of whose names ``short`` strictly abbreviates, with the words it spells.

        A concept named exactly by those words comes before one whose name only holds them.
        """
        found: dict[URIRef, tuple[bool, str]] = {}
        for iri, entity in self.catalog.entities.items():
            for name in (entity.label, *entity.aliases):
                long_form = expansion(short, name)
                if long_form is not None:
                    exact = name_key(long_form) == name_key(name)
                    if iri not in found or (exact and not found[iri][0]):
                        found[iri] = (exact, long_form)
        exact = {iri: text for iri, (whole, text) in found.items() if whole}
        return exact or {iri: text for iri, (_, text) in found.items()}

    def _short_form_check(self, reading: Reading, link: Link) -> Answer | None:
        """Answer "Does X stand for Y?" / "Is X short for Y?" from the long name the graph records for the
        short form X: yes when Y is that name, or the end of it that X's letters spell ("Elastic Compute
        Cloud" of "Amazon Elastic Compute Cloud"); no, with the recorded name, for any other Y that X's letters
        spell out word by word (``expansion``). None when X is no short form the graph records, or the
        question asks anything else.
        """
        words = reading.words
        short = link.text
        after = next((i for i in range(link.end, len(words)) if words[i].lower == "for"), None)
        if after is None or not is_short_form(short) or after + 1 >= len(words):
            return None
        cue = [w.lower for w in words[link.end : after + 1] if w.lower not in ARTICLES]
        if self._naming_asked([w for w in cue if w != "for"], reading.relation_words) != KGO.acronym:
            return None
        iri = link.best[0]
        entity = self.catalog.entities.get(iri)
        if entity is None or short not in entity.aliases or not abbreviates(short, entity.label):
            return None
        claim = reading.text[words[after + 1].start : words[-1].end].strip(" ?.!")
        said = [name_key(w) for w in claim.split()]
        if len(said) < 2:
            return None
        longs = [n for n in (entity.label, *entity.aliases) if not is_short_form(n) and len(n) > len(short)]

        def names(long_form: str) -> bool:
            own = [name_key(w) for w in long_form.split()]
            tail = own[-len(said) :] == said and abbreviates(short, claim)
            return own == said or tail

        value = any(names(n) for n in longs)
        if not value and expansion(short, claim) != claim:
            # "No" only against another spelling-out of the letters: a long name with a setting after it
            # ("... for Quay Levy Form at Dunmere") may still name the right thing.
            return None
        confidence = round((0.9 if value else 0.85) * link.best[1], 3)
        answer = self._acronym_answer(iri, short, entity.label, confidence, recorded=True)
        answer.answers = [{"value": value}]
        answer.answer = f"{'Yes' if value else 'No'}: {short} stands for {entity.label}."
        return answer

    def _short_form_of(self, iri: URIRef, entity, written: str, confidence: float) -> Answer | None:
        """Answer "what is the acronym for X?" (X named in full, as ``written``) with the one name of X's
        concept that is a short form of X's words, or None."""
        long_form = next((n for n in (entity.label, *entity.aliases) if name_key(n) == name_key(written)), written)
        shorts = {
            n for n in (entity.label, *entity.aliases)
            if is_short_form(n) and len(n) < len(long_form) and abbreviates(n, long_form)
        }  # fmt: skip
        if len(shorts) != 1:
            return None
        (short,) = shorts
        answer = self._acronym_answer(iri, short, long_form, confidence, recorded=True)
        answer.answers[0]["value"] = short
        answer.answer = f"{long_form} is written short as {short} ({short} stands for {long_form})."
        return answer

    def _recorded_short_form(self, link: Link, iri: URIRef, short: str, confidence: float) -> Answer:
        """Answer what a short form the graph records stands for: for each concept the mention links nearly as
        well that records it with another long form (two notes' "SRE": one "engineering", one "engineer"),
        its long form too, each cited to its note; one of them alone would be said as if it were the only."""
        best = link.best[1]
        others = [
            c
            for c, score in link.candidates[1:4]
            if c != iri
            and score >= best - 0.05
            and (entity := self.catalog.entities.get(c)) is not None
            and short in entity.aliases
            and name_key(entity.label) != name_key(self.catalog.label(iri))
            and abbreviates(short, entity.label)
        ]
        first = self._acronym_answer(iri, short, self.catalog.label(iri), confidence, recorded=True)
        if not others:
            return first
        answers = [first, *(self._acronym_answer(c, short, self.catalog.label(c), confidence, True) for c in others)]
        said = [f"{a.answers[0].get('value') or a.answers[0]['label']}{_cited_in(a)}" for a in answers]
        first.answer = f"{short} stands for {' or for '.join(said)}."
        for other in answers[1:]:
            first.answers += other.answers
            first.evidence += other.evidence
            first.sources += other.sources
            first.topics += other.topics
        return first

    def _acronym_answer(self, iri: URIRef, short: str, long_form: str, confidence: float, recorded: bool):
        """Answer that ``short`` stands for ``long_form``, a name of ``iri``, cited to where it was given."""
        label = self.catalog.label(iri)
        sparql = "SELECT ?label WHERE {\n  VALUES ?c { %s }\n  ?c rdfs:label ?label .\n}" % iri.n3()
        item = self.evidence.entity_dict(iri)
        if name_key(long_form) != name_key(label):
            item["value"] = long_form  # the words of a longer name the short form spells
        answer = Answer(
            "", f"{short} stands for {long_form}.", [item], confidence, sparql, kind="acronym",
        )  # fmt: skip
        answer.evidence, answer.sources = self.evidence.for_names(iri, short)
        if not recorded:
            # The graph holds the name, not the short form: the evidence is the name.
            answer.evidence = [self.evidence.triple_dict((iri, RDFS.label, Literal(label)))]
        answer.topics = [self.evidence.entity_dict(iri)]
        return answer

    def _definition_answer(self, iri: URIRef, entity, link_score: float, definition: str | None = None) -> Answer:
        """Answer with the concept's definition (``definition``, where the question's names chose one of several)."""
        definition = definition or entity.definition
        sparql = (
            "SELECT ?definition WHERE {\n  VALUES ?c { %s }\n  { ?c skos:definition ?definition }\n"
            "  UNION { ?c rdfs:comment ?definition }\n}" % iri.n3()
        )
        other = _other_name(entity)
        label = entity.label if other is None else f"{entity.label} ({other})"
        answer = Answer(
            "", f"{label}: {definition}", [{"value": definition, "iri": str(iri),
            "label": entity.label}], round(0.9 * link_score, 3), sparql, kind="definition",
        )  # fmt: skip
        answer.evidence, answer.sources = self.evidence.for_definition(iri, definition)
        answer.topics = [self.evidence.entity_dict(iri)]
        return answer

    def _identified_member(self, reading: Reading, link, named: bool = False) -> Answer | None:
        """Answer "What is the N?" by the one thing a note says is the N ("the N is ketl.ini"), or the one
        value ("the N is 8080"), when no sentence says what an N is.

        "The N" asks for the one N the notes speak of; a sentence that identifies a name with the role
        (rule ``IDENTITY_RULE``, kg/ingest/relations.py) says which. Two things so identified, or a question
        without "the", leave it to the kinds and the quoted sentences. ``named`` (the question asks what the
        N is called) also takes the name a naming verb gives it ("the N, which everyone calls X").
        """
        # "Who's *our* steeple keeper?": a possessive determiner makes the role one thing, as "the" does.
        if link.start == 0 or reading.words[link.start - 1].lower not in DEFINITE_DETERMINERS:
            return None
        iri = link.best[0]
        rules = " ".join(Literal(r).n3() for r in ((IDENTITY_RULE, CALLED_RULE) if named else (IDENTITY_RULE,)))
        rows = self.store.query(
            "SELECT DISTINCT ?s ?p ?o WHERE { ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kgo:rule ?rule "
            "FILTER((?p = rdf:type && ?o = ?c) || (?p = kgo:hasCharacteristic && ?s = ?c)) VALUES ?rule { %s } }"
            % rules,
            {"c": iri},
        )
        members = sorted({s for s, p, _ in rows if p == RDF.type and s in self.catalog.entities}, key=str)
        # "the retry limit is 8": the role's one value, recorded as what it is, when no thing is.
        values = sorted({o for _, p, o in rows if p == KGO.hasCharacteristic}, key=str)
        if members:
            if len(members) != 1:
                return None
            triple = (members[0], RDF.type, iri)
            item, said = self.evidence.entity_dict(members[0]), self.catalog.label(members[0])
            sparql = "SELECT ?thing ?label WHERE {\n  ?thing a %s ; rdfs:label ?label .\n}" % iri.n3()
        else:
            if len(values) != 1:
                return None
            triple = (iri, KGO.hasCharacteristic, values[0])
            item, said = {"value": str(values[0])}, str(values[0])
            sparql = "SELECT ?value WHERE {\n  %s kgo:hasCharacteristic ?value .\n}" % iri.n3()
        label = self.catalog.entities[iri].label
        answer = Answer("", f"The {label} is {said}.", [item], round(0.8 * link.best[1], 3), sparql, kind="definition")
        answer.evidence = [self.evidence.triple_dict(triple)]
        answer.sources = self.evidence.sources([triple])[:2]
        answer.topics = [self.evidence.entity_dict(iri)]
        return answer

    def _kind_as_definition(self, iri: URIRef, entity, link_score: float) -> Answer | None:
        """Name the kinds a concept belongs to when no sentence defines it ("EKS is an orchestration service").

        A concept a document only lists has no defining sentence, but the list typed it; its kinds,
        cited to the sentence that gave them, are the honest answer, at a lower confidence.
        """
        generic = {KGO.Concept, KGO.Term, OWL.Class}
        kinds = sorted((t for t in entity.types if t not in generic), key=str)
        # The most specific kinds only: "an orchestration service", not also "a service".
        kinds = [
            b for b in kinds
            if not any(a != b and self.store.query("ASK { ?a rdfs:subClassOf+ ?b }", {"a": a, "b": b}).askAnswer
                       for a in kinds)
        ]  # fmt: skip
        if not kinds:
            return None
        names = [self.catalog.label(t) for t in kinds]
        vacuous = all(_heads_name(name, entity.label) for name in names)
        short = next((a for a in entity.aliases if a.isupper()), None) or _other_name(entity)
        label = entity.label if not short else f"{entity.label} ({short})"
        text = f"{label} is {_with_article(names[0])}" + "".join(f", {_with_article(n)}" for n in names[1:]) + "."
        sparql = "SELECT ?kind ?label WHERE {\n  VALUES ?c { %s }\n  ?c a ?kind . ?kind rdfs:label ?label .\n}" % (
            iri.n3()
        )
        answer = Answer(
            "", text, [{"value": text, "iri": str(iri), "label": entity.label}],
            round(KIND_SCALE * link_score, 3), sparql,
            kind="definition",
        )  # fmt: skip
        triples = [(iri, RDF.type, t) for t in kinds]
        answer.evidence = [self.evidence.triple_dict(t) for t in triples]
        answer.sources = self.evidence.sources(triples)[:2]
        answer.topics = [self.evidence.entity_dict(iri)]
        # The sentence that typed it may say what it is ("A public bucket is a bucket that anyone can
        # read"): with the concept as its subject it defines it, and says more than its kind.
        names = "|".join(re.escape(n) for n in sorted({entity.label, *entity.aliases}, key=len, reverse=True))
        defining = re.compile(rf"^(?:(?:a|an|the)\s+)?(?:{names})\s+(?:is|are)\s+\S", re.IGNORECASE)
        said = next((src["text"] for src in answer.sources if defining.match(src["text"].strip())), None)
        if said is None and vacuous:
            # "A drift gauge is a gauge": a kind that is the name's own head noun says nothing the
            # name does not; what the notes say of it (``About.undefined``) says more.
            return None
        if said is not None:
            answer.answer = said.strip()
            answer.answers = [{"value": said.strip(), "iri": str(iri), "label": entity.label}]
        elif (cells := self._row_cells(iri)) is not None:
            # A table's row thing ("Brownouts | Final 30 days | Scheduled outages"): its kind is the column's head,
            # and what its row says under the other heads says what it is, beside the kind.
            text = f"{answer.answer[:-1]}: {cells}."
            answer.answer = text
            answer.answers = [{"value": text, "iri": str(iri), "label": entity.label}]
        return answer

    def _row_cells(self, iri: URIRef) -> str | None:
        """Return what a table row says of ``iri`` under its columns' heads ("when: Final 30 days; what happens:
        ..."), or None when no table row does."""
        rows = self.store.query(
            "SELECT DISTINCT ?p ?o WHERE { ?st rdf:subject ?c ; rdf:predicate ?p ; rdf:object ?o ; kgo:rule ?r "
            "FILTER(STR(?r) = 'table:row' && ?p != rdf:type) }",
            {"c": iri},
        )
        said = sorted(
            f"{self.catalog.label(p)}: {self.catalog.label(o) if isinstance(o, URIRef) else o}" for p, o in rows
        )
        return "; ".join(said) if said else None

    # -- yes / no ----------------------------------------------------------------------------------
    def _is_yes_no(self, reading: Reading) -> bool:
        """Tell a yes/no question from a polite request ("can you name ..."); names are the strong mentions."""
        names = [(link.start, link.end) for link in reading.links if not self._weak(link)]
        return is_yes_no(reading.text, reading.words, names, reading.relation_words)

    def _boolean(self, reading: Reading) -> Answer | None:
        """Answer a yes/no question from one fact (kg/yes_no.py), or abstain: never with an entity."""
        if not self._is_yes_no(reading):
            return None
        return self.yes_no.answer(reading) or self._abstain(reading)

    # -- comparisons -------------------------------------------------------------------------------
    def _comparison(self, reading: Reading) -> Answer | None:
        iris = [link.best[0] for link in reading.links]
        if len(iris) < 2:
            return None
        spoken = [w.lower for w in reading.words]
        comparative = [w for w in reading.residual if w.endswith("er")] + [w for w in spoken if w in ("more", "less")]
        if not comparative:
            return None
        less = "less" in spoken
        for node, greater, lesser, quality in self.evidence.comparisons(iris[:3]):
            quality_words = [quality.lower()]
            if any(words_match(w, q) >= 0.8 or lemmas(w) & lemmas(q) for w in reading.residual for q in quality_words):
                winner = lesser if less else greater
                triples = [(node, KGO.greater, greater), (node, KGO.lesser, lesser)]
                evidence, sources = self.evidence.for_triples(triples)
                account = comparison_account(self.catalog, greater, lesser, quality, sources)
                named = self.catalog.label(winner)
                found = [self.evidence.entity_dict(winner)]
                text, kind = f"{named[:1].upper()}{named[1:]}{account}", "comparison"
                if self._is_yes_no(reading):
                    # "Is A faster than B?" asks whether A is the one with more of it (or less, with "less").
                    holds = (winner == iris[0]) != reading.negated
                    text, found = f"{'Yes' if holds else 'No'}{account}", [{"value": holds}]
                    kind = "boolean"
                sparql = (
                    "SELECT ?greater WHERE {\n  ?c a kgo:Comparison ; kgo:greater ?greater ;\n"
                    f"     kgo:lesser ?lesser ; kgo:quality ?q .\n  VALUES (?greater ?lesser) "
                    f"{{ ({greater.n3()} {lesser.n3()}) }}\n}}"
                )
                answer = Answer(
                    "",
                    text,
                    found,
                    0.85,
                    sparql,
                    evidence,
                    sources,
                    kind=kind,
                )
                answer.topics = [self.evidence.entity_dict(i) for i in iris]
                return answer
        return None

    # -- the things a quality is stated of -------------------------------------------------------------
    def _by_quality(self, reading: Reading, kinds_only: bool = True) -> Answer | None:
        """Answer "Which kettle is the smallest?" from the things of that kind stated so (kg/quality_answer.py).

        A question that names no kind ("What is serverless?") may ask what a word means: it is read so only
        when nothing defines it (``kinds_only`` False, after the definitions).
        """
        answer = self.qualities.answer(reading.text, kinds_only)
        if answer is not None:
            answer.topics = list(answer.answers)  # a follow-up ("how long is it?") asks of the things found
        return answer

    # -- lists -------------------------------------------------------------------------------------
    def _list(self, reading: Reading) -> Answer | None:
        """Answer with the members of the one class the question names, when it asks for them.

        It asks for them when the class, in the plural, is what a "what"/"which" asks for ("which
        queues ...") or the object of a request ("list the queues", "could you name the queues"), or when
        its other words name only the graph's membership relations ("what types of queue ..."). A word
        naming any other relation asks for that relation instead.
        """
        request = reading.request()
        verb = request.verb if request is not None else None
        # The request's verb is no name, whatever concept its letters spell ("Name the ...").
        links = [link for link in reading.links if not (verb is not None and link.start == verb == link.end - 1)]
        classes = [link for link in links if self.members.get(link.best[0])]
        if len(classes) != 1 or len(links) != 1:
            return None
        link = classes[0]
        others = {
            p for w in reading.relation_words if verb is None or w != reading.words[verb].lower
            for p in self._relations_named(reading, w)
        }  # fmt: skip
        if others - MEMBERSHIP:
            return None
        # "Which trees flower earlier?": a word that names no relation at all says what only some members
        # do; the list of all of them does not answer it.
        unsaid = [
            w for w in reading.residual
            if (verb is None or w != reading.words[verb].lower)
            and w not in EXISTENCE_VERBS and w not in CLASSIFIERS and w not in LIGHT_VERBS | QUESTION_LIGHT_VERBS
            and not self._relations_named(reading, w)
        ]  # fmt: skip
        if unsaid and not others:
            return None
        # "Which barns ...": the class is the noun the wh-word asks for; in "which barn are ploughs kept
        # in", the plural class is another word of the question, and the barn its relation's answer.
        asked = reading.answer_word
        asked_here = asked is None or noun_key(link.text.split()[-1]) == noun_key(asked)
        cued = (
            (self._members_asked(link) and reading.words[0].lower in ("what", "which") and asked_here)
            or self._members_requested(reading, link)
            or bool(others)
        )
        if not cued:
            return None
        cls = classes[0].best[0]
        members = sorted(self.members[cls], key=lambda m: self.catalog.label(m).lower())
        members = [m for m in members if m not in self.catalog.classes or self.members.get(cls)]
        sparql = "SELECT DISTINCT ?x WHERE {\n  VALUES ?class { %s }\n  ?x a ?class .\n}" % cls.n3()
        triples = [(m, RDF.type, cls) for m in members]
        evidence, sources = self.evidence.for_triples(triples)
        names = ", ".join(self.catalog.label(m) for m in members)
        text = f"The {self.catalog.label(cls)} members are: {names}."
        answer = Answer(
            "",
            text,
            [self.evidence.entity_dict(m) for m in members],
            0.9,
            sparql,
            evidence,
            sources,
            kind="list",
        )
        answer.topics = [self.evidence.entity_dict(cls)]
        return answer

    def _members_asked(self, link: Link) -> bool:
        """Tell whether ``link`` names a class with members in the plural ("queues"): its members are asked."""
        if not self.members.get(link.best[0]) or not link.text:
            return False
        last = link.text.split()[-1]
        return noun_key(last) != last.lower()

    def _members_requested(self, reading: Reading, link: Link) -> bool:
        """Tell whether a request asks for the members of the class ``link`` names ("list the queues").

        The class, in the plural, is the object of the request's verb (read from the parse), and the verb
        is no name of the graph's definition relation: "describe the queues" asks what they are.
        """
        request = reading.request()
        if request is None or request.wh_clause or not self._members_asked(link):
            return False
        if not any(link.start <= o < link.end for o in request.objects):
            return False
        verb = reading.words[request.verb].lower
        return not any(words_match(verb, w) >= 0.8 for n in self.definition_names for w in name_key(n).split())

    def _relations_named(self, reading: Reading, word: str) -> set[URIRef]:
        """Return the relations ``word`` names: by a word of their names, or by meaning (``reading.meanings``)."""
        named = set(reading.meanings.get(word, {}))
        named.update(p.iri for p in self.catalog.predicates.values() if _names_word(p, word))
        return named

    # -- relation paths ----------------------------------------------------------------------------
    def _paths(self, reading: Reading) -> Answer | None:
        scored: list[tuple[float, Link, URIRef, PathScore]] = []
        topics = [link for link in reading.links if not self._is_answer_type(reading, link)]
        # A name (a capitalised title) is the topic before an ordinary word that also names a tag ("actors").
        strong = [link for link in topics if not self._weak(link)]
        # "which orchestration service": a class with members decides the answers' type, not words.
        typed_class = any(
            self.members.get(link.best[0]) for link in reading.links if self._is_answer_type(reading, link)
        )  # fmt: skip
        for link in strong or topics:
            view = self._view(reading, link)
            relevance = self._relevance(view)
            if not view.negated:
                # "X does not support Y" answers no question of what X supports: a denied relation fits
                # only a question that denies too (yes/no questions read it in ``_boolean``).
                denied = {
                    p for p in relevance if p in self.catalog.predicates and self.catalog.predicates[p].negation_of
                }
                relevance = {p: (Relevance() if p in denied else r) for p, r in relevance.items()}
            weak = 0.85 if self._weak(link) else 1.0
            positions = content_positions(view.tokens, view.inside)
            scorer = PathScorer(relevance, view.residual, view.relation_words, view.answer_word, view.words, link,
                                type_by_words=not typed_class, positions=positions, catalog=self.catalog,
                                asked_at=view.asked_at)  # fmt: skip
            # A second entity of the name competes ("image": the class, or the AMI also called so), unless
            # the mention spells the first one's name letter for letter and not the second's (a capitalised
            # title, not the lowercase tag of the same letters).
            spelt = [self.catalog.entities[iri].spelt(link.text) for iri, _ in link.candidates[:2]]
            for (iri, link_score), exact in zip(link.candidates[:2], spelt, strict=False):
                if spelt[0] and not exact:
                    continue
                for ps in beam_paths(first_steps(self.store, self.catalog, iri), self.catalog, scorer):
                    scored.append((ps.score + 0.2 * link_score * weak, link, iri, ps))
        # Ties go to the shorter path, then to the one whose relations the question calls by their own
        # label (a column "Colour" of the topic's row, before the vocabulary's type relation that lists
        # "colour" among its other names), then to a fixed order, so every process answers alike.
        said = {noun_key(w.lower) for w in reading.words}
        scored.sort(
            key=lambda item: (
                -round(item[0], 6), len(item[3].steps), -self._labels_said(item[3].steps, said),
                str(item[3].steps), str(item[2]),
            )
        )  # fmt: skip
        # The best 8 paths; past them (when those found nothing), paths scoring at least halfway from the
        # answer threshold to the best: "tags of tags" is empty, the plain "tags" a little lower answers.
        good = 0.45 + (scored[0][3].score - 0.45) / 2 if scored else 0.0
        # A path no question word fits at all answers something else; how well the rest fit is the
        # answer's confidence (see ``_confidence``), which the threshold then judges.
        candidates = [
            item for n, item in enumerate(scored[:24])
            if item[3].relevance >= 0.35 and (n < 8 or item[3].score >= good)
        ]  # fmt: skip
        # The best path whose answers are of the asked-for class; when the question names no class with
        # members ("which services": ECS, EKS), failing that, the best path ("which VPC": a name, not a class).
        for strict in (True,) if typed_class else (True, False):
            found = self._first_answer(reading, candidates, strict)
            if found is not None:
                return found
        return None

    def _labels_said(self, steps, said: set[str]) -> int:
        """Count the steps whose relation's label is a word the question says (singular forms, ``said``)."""
        return sum(
            1 for p, _ in steps if p in self.catalog.predicates and noun_key(self.catalog.label(p).lower()) in said
        )

    def _by_meaning(self, reading: Reading) -> Answer | None:
        """Answer over the one relation of the topic that the whole question means (kg/relation_meaning.py).

        For a question about one named thing none of whose words names a relation (by letters or
        alone by meaning): the question, its name masked, is compared with the label and description
        of each relation the thing has. A relation the thing has both ways (subject of some facts,
        object of others) leaves the direction open, so no answer.
        """
        if self._is_yes_no(reading):
            return None
        link = self._single_topic(reading)
        if link is None:
            return None
        view = self._view(reading, link)
        if not view.residual:
            return None  # only grammar words besides the name ("who is X by"): nothing means a relation
        if any(w.text[:1].isdigit() for i, w in enumerate(reading.words) if not link.start <= i < link.end):
            return None  # "which keys does room 12 open": a number names or bounds what no relation's meaning says
        topic = link.best[0]
        steps = first_steps(self.store, self.catalog, topic)
        if view.relation_words:
            if self._named_here(view, steps):
                return None  # a word names a relation of the topic: the paths over it were judged, found wanting
            if any(p not in self.meanings.described for p, _ in steps if p not in MEMBERSHIP):
                # A word asked for something else: only a comparison with every relation's meaning may
                # overrule it, and a relation known by its label alone cannot be judged as well.
                return None
        masked = " ".join(
            [w.text for w in reading.words[: link.start]] + ["X"] + [w.text for w in reading.words[link.end :]]
        )
        # With no wh-word, the parse names the asked noun ("a few rivers crossing X", "list some rivers ...").
        fragment = (
            None if view.answer_word else fragment_noun(reading.text, reading.words, view.inside, reading.request())
        )
        asked = view.answer_word or (noun_key(fragment) if fragment else None)
        typed = {p for p, d in steps if asked and asked in self.catalog.predicates[p].kinds(d)}
        opposed = opposed_relations(self.catalog).of_any(view.residual)
        choice = self.meanings.choose(self._vector(masked), {p for p, _ in steps}, typed, opposed)
        if choice is None:
            return None
        directions = [d for p, d in steps if p == choice.predicate]
        if len(directions) != 1 or self._modifies_other(reading, link, choice.predicate):
            return None
        path = ((choice.predicate, directions[0]),)
        if self._prepositional_role(view, path[0]):
            return None
        answers = self._one_step_answers(reading, view, link, topic, path)
        if (
            asked
            and not typed
            and not any(isinstance(a, URIRef) for a in answers)
            and not self._knows_kind(asked)
            and not self._asked_named(asked, choice.predicate)
        ):
            # "What is the *draft* of X?": values (X's qualities, say) that the relation nearest the whole
            # question gives are no values of a noun the graph knows nothing by; things may be ("a movie by
            # X": a thing of a kind the graph does not name).
            return None
        # "Which N": answers of no kind the notes call N answer another question; so does a name in the
        # wh-word's place ("what *permissions* ...", linked to the notes' concept).
        kind, _ = self._asked_kind(reading)
        asking = replace(reading, answer_word=kind) if kind and not reading.answer_word else reading
        if not answers or not self._of_noted_kind(asking, path, answers):
            return None
        # Calibrated on the MetaQA NTM development questions (bench/RESULTS.md): the lead over the
        # runner-up, not the similarity, tells right from wrong; the cap keeps these under word matches.
        confidence = round(min(0.9, link.best[1] * (0.8 + choice.lead)), 3)
        return self._path_answer(reading, topic, PathScore(path), answers, confidence)

    def _asked_named(self, noun: str, predicate: URIRef) -> bool:
        """Tell whether a relation's names or description say the asked-for ``noun`` (by letters or as a synonym)."""
        pred = self.catalog.predicates[predicate]
        said = [w for text in (*pred.names, pred.description or "") for w in name_key(text).split()]
        return any(words_match(noun, w) >= 0.8 or are_synonyms(noun, w) for w in said)

    def _one_step_answers(self, reading: Reading, view: Reading, link: Link, topic: URIRef, path) -> list:
        """Return the answers one chosen relation gives the topic, or [] when they answer another question.

        For the whole-question and verb-phrase readings: "how many" asks for an amount, and "when" for a
        time and "why" a reason, not the verb's doer or object (``_other_role``).
        """
        answers = self._constrain(self._run(topic, path), reading, link, topic)
        if not answers or (_asks_amount(reading.words) and not any(self._is_amount(a) for a in answers)):
            return []
        return [] if self._other_role(view, path, answers) else answers

    def _single_topic(self, reading: Reading) -> Link | None:
        """Return the question's one named thing (no weak word, not the asked-for type), or None.

        The whole-question and verb-phrase readings choose among one thing's relations: with two things
        named, or none, the question is not theirs to read.
        """
        topics = [
            link for link in reading.links if not self._weak(link) and not self._is_answer_type(reading, link)
        ]  # fmt: skip
        return topics[0] if len(topics) == 1 else None

    def _by_phrase(self, reading: Reading) -> Answer | None:
        """Answer over the one relation of the topic whose name the question's verb phrase means.

        For a question about one named thing that says the relation in other words than the graph's
        ("who thought up X" where the graph says "X was devised by"): the verb phrase, the topic, the
        wh-phrase and the asked-for type left out (kg/question.py, ``relation_phrase``), is compared
        with the names of each relation the topic has (``choose_by_phrase``). The direction follows
        the phrase's grammar: the topic before the verb is its subject, after it its object, and a
        passive question read against an active name (or the reverse) turns the relation round. The
        fact must hold in that direction. No answer's own words take part: only the relation's names.
        """
        if self._is_yes_no(reading) or reading.request() is not None:
            return None  # "name the ...", "expand X": the request's verb asks to say, not a relation
        link = self._single_topic(reading)
        if link is None or _tied(link):
            return None  # two concepts of the name alike: which one's relation, the phrase cannot tell
        view = self._view(reading, link)
        asked = _asked_phrase(reading.words)
        if any(i not in asked for i, w in enumerate(reading.words) if w.lower in self._unknown_names(view)):
            return None  # a name the graph does not know stands in the question: the relation is not the topic's
        phrase = relation_phrase(reading.text, reading.words, (link.start, link.end), view.answer_word)
        if phrase is None or self.cue_words & set(phrase.words):
            return None  # the graph's own words for definitions and short forms ask for those, not a relation
        topic = link.best[0]
        steps = {step for step in first_steps(self.store, self.catalog, topic) if step[0] not in MEMBERSHIP}
        # A denied relation ("does not carry") is a rival, never the answer: the question does not deny
        # (a question that does is left to the word paths).
        if view.negated:
            return None
        denied = {p for p, _ in steps if self.catalog.predicates[p].negation_of}
        opposed = opposed_relations(self.catalog).of_any(phrase.words) | denied
        vector = self._vector(framed(" ".join(phrase.words)))
        # The relation's name must place the answer as the phrase does: by the same preposition, or any
        # when the wh-word is "where" or "when" and the phrase says none.
        adverb = wh_phrase(reading.text)[0] in (["where"], ["when"])
        fits = partial(same_places, places(phrase.words), adverb=adverb)
        choice = choose_by_phrase(vector, {p for p, _ in steps}, self._framed_names(), opposed, fits)
        if choice is None:
            return None
        label = self.catalog.predicates[choice.predicate].label.lower().split()
        # The topic before the verb is the phrase's subject; a passive question said against an active
        # name ("was X designed by" against "design"), or the reverse, makes it the relation's object.
        agree = phrase.passive == (len(label) > 1 and label[0] in BE_FORMS)
        path = ((choice.predicate, OUT if phrase.subject == agree else IN),)
        if path[0] not in steps or self._prepositional_role(view, path[0]):
            return None
        answers = self._one_step_answers(reading, view, link, topic, path)
        if not answers:
            return None
        if not self._of_asked_kind(view, choice.predicate, path[0][1], answers):
            return None
        # Below a name matched word for word: the margin over the runner-up is the evidence, and only a
        # clear one (``PHRASE_MARGIN`` and up) reaches the line for facts read out of text.
        confidence = round(min(PHRASE_CAP, link.best[1] * (PHRASE_BASE + choice.margin)), 3)
        return self._path_answer(reading, topic, PathScore(path), answers, confidence)

    def _framed_names(self) -> VectorIndex:
        """Return the vectors of every relation name said between placeholders (``framed``), built on first use."""
        if self._framed is None:
            pairs = sorted((p.iri, framed(n)) for p in self.catalog.predicates.values() for n in p.names)
            index = VectorIndex.build(
                [p for p, _ in pairs], [n for _, n in pairs], self.embedder, self._cache, label="framed relation names"
            )
            with self._vectors_lock:
                self._framed = index
        return self._framed

    def _sentence_index(self) -> VectorIndex:
        """Return the vectors of every sentence the graph records (``kgo:quote``), built on first use."""
        if self._sentence_vectors is None:
            rows = self.store.query("SELECT DISTINCT ?quote WHERE { ?st kgo:quote ?quote }")
            quotes = sorted({str(row[0]) for row in rows})
            index = VectorIndex.build(quotes, quotes, self.embedder, self._cache, label="sentences")
            with self._vectors_lock:
                self._sentence_vectors = index
        return self._sentence_vectors

    def _nearest_sentences(self, vector: np.ndarray, k: int) -> list[tuple[str, float]]:
        """Return the ``k`` recorded sentences nearest ``vector`` in meaning, with their similarities."""
        return self._sentence_index().search(vector, k)

    def _of_asked_kind(self, view: Reading, predicate: URIRef, direction: str, answers) -> bool:
        """Tell whether the answers may be of the kind the question asks for ("which port": a port).

        The relation's kind of values says so when the graph gives it; else the answers' own names must
        say the noun.
        """
        asked = view.answer_word
        if not _names_a_kind(asked):
            return True
        kinds = self.catalog.predicates[predicate].kinds(direction)
        if kinds:
            return asked in kinds
        # Else the answers' own names must say the noun ("TCP port 22"): a sentence may name the asked
        # kind beside an answer of another ("sand from the quarry lines the kiln").
        return any(asked in self._name_nouns(a) for a in answers[:10])

    def _of_noted_kind(self, reading: Reading, steps: tuple[Step, ...], answers) -> bool:
        """Tell whether a relation's answers may be of the noun "which N" asks for, when the notes name Ns.

        "Which crate does the mill use?" over "the mill uses a **Reed belt 4** drive": the notes call
        things crates elsewhere, and no answer is one (named with the noun, or of a class so headed), so
        the relation answers some other question. A noun the notes never use as a kind (given RDF facts,
        a word of no concept read from text) cannot rule an answer out: the names are all there is.
        """
        asked = noun_key(reading.answer_word) if reading.answer_word else None
        if not _names_a_kind(asked) or not self._noted_concept(asked, answers):
            return True
        predicate, direction = steps[-1]
        if predicate in MEMBERSHIP or predicate not in self.catalog.predicates:
            return True
        relation = self.catalog.predicates[predicate]
        if _names_word(relation, asked):
            return True  # the relation names its values' kind: a column "wheel size" holds sizes
        if asked in relation.kinds(direction) or any(asked in self._name_nouns(a) for a in answers[:10]):
            return True
        return any(self._is_a(a, c) for a in answers[:10] for c in self.classes_by_head.get(asked, ()))

    def _named_here(self, view: Reading, steps: set[Step]) -> bool:
        """Tell whether the question's relation words name a relation the topic has, or things like it have.

        Only then were the word paths the right judges. A relation that no thing sharing a relation with
        the topic has at all is the graph's word for something else: the question's word that names it
        is an ordinary word here, and the whole question's meaning may choose among the topic's
        relations. A relation things like the topic have ("screenwriter" of a film with no writer)
        means the graph lacks that fact: no other relation answers in its place. Relations with
        literal values are not in the graph's shape (kg/catalog.py), so naming one counts as named here.
        """
        named = set().union(*(self._relations_named(view, w) for w in view.relation_words))
        present = {p for p, _ in steps}
        if named & present or any(self.catalog.predicates[p].literal for p in named if p in self.catalog.predicates):
            return True
        near = set().union(*(self.catalog.follow.get(step, set()) for step in steps if step[0] not in MEMBERSHIP))
        return any(p in named for p, _ in near)

    def _first_answer(self, reading: Reading, candidates, strict: bool) -> Answer | None:
        kinds_of = classifier_complement(reading.tokens)
        for _, link, topic, ps in candidates:
            if (
                kinds_of is not None
                and (kinds_of[0] != link.start or kinds_of[2])
                and any(d == IN and p in (RDF.type, RDFS.subClassOf) for p, d in ps.steps)
            ):
                continue  # "what kind of N is X" asks for X's class: not the members or subclasses of one
            answers = self._fitting_answers(reading, link, topic, ps.steps, strict)
            if not answers:
                continue
            if ps.score < 0.45:
                return None
            confidence = self._path_confidence(reading, link, topic, ps, answers)
            # One thing may answer however the question narrows; a value (a table cell) no graph edge can
            # tie to the other concepts the question names, so those go unaccounted for, as with several.
            several = len(answers) > 1 or not any(isinstance(a, URIRef) for a in answers)
            if several and self._untied_mention(reading, link, answers):
                confidence *= UNTIED_MENTION
            if self._rival_reading(reading, candidates, link, topic, ps, answers, strict):
                confidence *= AMBIGUOUS_NAME
            return self._path_answer(reading, topic, ps, answers, round(confidence, 3))
        return None

    def _path_confidence(self, reading: Reading, link, topic: URIRef, ps: PathScore, answers: list) -> float:
        """Return how sure a path's answers are (``_confidence``), less when the topic's name is shared."""
        # The path's sentences, looked up once and only when some word is left (see ``_confidence``).
        found = cache(lambda: self.evidence.for_path(topic, ps.steps, answers[:10]))
        sources = cache(lambda: found()[1])
        stated, headings = partial(_stated_words, sources), partial(_heading_words, sources)
        confidence = self._confidence(reading, link, ps, stated, answers, topic, headings)
        confidence *= self._shared_name(ps, answers)
        if len(ps.steps) > 1 and self._quotes_sentences and self._joined_across_notes(found(), topic, answers):
            confidence *= CROSS_NOTE_PATH
        return confidence

    @staticmethod
    def _joined_across_notes(found: tuple[list[dict], list[dict]], topic: URIRef, answers: list) -> bool:
        """Tell whether a path's facts come from more than one note and meet at a common noun on the way.

        Two notes' facts joined at a node both name in lowercase ("parcels go into a bay" in one, "the ferry
        docks in a bay" in another) speak of two things by one word, as like as not: such a path answers
        below the line. A join at a proper name ("the Harbour Inn"), a path within one note, or one over a
        graph of bare facts (MetaQA's, which records no sentences) keeps its confidence.
        """
        evidence, sources = found
        if len({s["document"] for s in sources}) < 2:
            return False
        ends = {str(topic), *(str(a) for a in answers)}
        labels = {
            end["label"]
            for triple in evidence
            for end in (triple["subject"], triple["object"])
            if end.get("iri") and end["iri"] not in ends and end.get("label")
        }
        return any(label == label.lower() for label in labels)

    @cached_property
    def _quotes_sentences(self) -> bool:
        """Whether the graph records the sentences its facts were read from (notes do; bare RDF does not): asked
        once, as the engine's other lookups of its graph are (``_documents_of``)."""
        return bool(self.store.query("ASK { ?s kgo:quote ?q }").askAnswer)

    def _fitting_answers(self, reading: Reading, link, topic: URIRef, steps, strict: bool) -> list:
        """Return the answers a path gives the question, kept only where they stand in the role it asks
        for ([] when none does)."""
        answers = self._run(topic, steps)
        answers = self._constrain(answers, reading, link, topic, strict)
        answers = self._in_asked_role(reading.words, topic, steps, answers)
        # "Which hall has the oldest organ?": the organ's quality "oldest" is the question's own word,
        # no answer to what it asks.
        answers = [a for a in answers if isinstance(a, URIRef) or not _said_by(str(a), reading.words)]
        if answers and _asks_amount(reading.words) and not any(self._is_amount(a) for a in answers):
            # "How many boats does a club own?" asks for a number: a thing ("clubhouse") the club owns
            # answers another question, however well the relation's words fit.
            return []
        if answers and not self._of_noted_kind(reading, steps, answers):
            return []
        if answers and steps[-1] == (RDF.type, OUT) and not self._kinds_of_asked_noun(reading, answers):
            return []  # "What pump is fitted in X?" is not answered by X's kind ("X is a tank")
        if answers and self._other_role(reading, steps, answers):
            return []  # "when" asks a time, "why" a reason: a relation that gives the verb's doer answers neither
        return answers

    def _kinds_of_asked_noun(self, reading: Reading, answers) -> list:
        """Return the kinds among ``answers`` (classes a step of "is a" reached) that the asked noun allows:
        "What N ..." is answered by a kind only if it is an N (its name says the noun), whatever its thing
        is; a question with no noun of its own ("what is X") or only a classifier allows them all."""
        asked = reading.answer_word
        if not _names_a_kind(asked):
            return list(answers)
        return [a for a in answers if noun_key(asked) in self._name_nouns(a)]

    def _rival_reading(self, reading: Reading, candidates, link, topic, ps, answers, strict: bool) -> bool:
        """Tell whether another reading answers as well, by a path that scores the same, with other answers:
        the mention's other concept ("images" names an AMI in one note and a container image in another,
        both "built from" something), or another relation of the topic the question's words fit as well
        ("keeps" and "keeps in" for "Where does X keep ...?" before "where" told them apart). Which one the
        question means, the graph cannot tell; the order of names must not decide."""
        said = {noun_key(w.lower) for w in reading.words}
        mine: float | None = None  # this path's confidence, worked out once a rival of the topic needs it
        for _, other_link, other, other_ps in candidates:
            if other_link is not link or abs(other_ps.score - ps.score) > SAME_SCORE:
                continue
            if other == topic and (
                other_ps.steps == ps.steps
                or len(other_ps.steps) != len(ps.steps)
                or self._labels_said(other_ps.steps, said) != self._labels_said(ps.steps, said)
            ):
                continue  # the same path, or one the ties' own order puts behind (see ``_paths``)
            if other == topic:
                # Another relation of the topic: only answers in the role asked for compete, as surely ("stir
                # in" gives no answer to "... stir the soup *with*?" as "stir with" does).
                found = self._fitting_answers(reading, link, other, other_ps.steps, strict)
                if not found:
                    continue
                if mine is None:
                    mine = self._path_confidence(reading, link, topic, ps, answers)
                if self._path_confidence(reading, link, other, other_ps, found) < mine - SAME_SCORE:
                    continue
                if self._one_sentence(topic, ps.steps, answers, other_ps.steps, found):
                    continue  # "X is in the yard, next to the forge": one sentence placing X twice, both true
            else:
                found = self._constrain(self._run(other, other_ps.steps), reading, link, other, strict)
            if found and set(found) != set(answers):
                return True
        return False

    def _one_sentence(self, topic: URIRef, steps, answers, other_steps, others) -> bool:
        """Tell whether two one-step paths of a topic state their facts in one and the same sentence only: the
        writer said both of the topic at once, so neither is a rival reading of the other."""
        if len(steps) != 1 or len(other_steps) != 1:
            return False
        _, mine = self.evidence.for_path(topic, steps, answers[:10])
        _, theirs = self.evidence.for_path(topic, other_steps, others[:10])
        texts = {str(s.get("text", "")) for s in mine}
        return len(texts) == 1 and texts == {str(s.get("text", "")) for s in theirs}

    def _is_amount(self, answer) -> bool:
        """Tell whether an answer says a number or an amount: a word of its name is a numeral ("2 litres") or
        says how many times ("once per commit")."""
        label = self.catalog.label(answer) if isinstance(answer, URIRef) else str(answer)
        return any(is_numeral(w) or any(c.isdigit() for c in w) or w.lower() in MULTIPLICATIVES for w in label.split())

    def _shared_name(self, ps: PathScore, answers: list) -> float:
        """Return the share of confidence left when the topic's name may stand for several things.

        A relation the graph gives nearly every node one value of ("release year": one per film) that
        gives this topic several says the name is shared (two films called the same): which one the
        question means is a guess, one in as many as there are values.
        """
        if len(ps.steps) != 1 or len(answers) < 2:
            return 1.0
        pred, direction = ps.steps[0]
        if pred in MEMBERSHIP:
            return 1.0  # a thing's kinds nest (a container service is a service): one thing, several kinds
        known = self.catalog.predicates.get(pred)
        share = known.single_valued.get(direction, 0.0) if known is not None else 0.0
        return 1 / len(answers) if share >= SINGLE_VALUED else 1.0

    def _confidence(
        self,
        reading: Reading,
        link: Link,
        ps: PathScore,
        stated: Callable[[], frozenset[str]] | None = None,
        answers: Sequence = (),
        topic: URIRef | None = None,
        headings: Callable[[], frozenset[str]] | None = None,
    ) -> float:
        """Return how sure a path answer is: how much of the question the topic and the path account for.

        The topic's name is accounted for as well as it was linked. Each other content word is accounted
        for when a relation name of the path matches it, the sentence a fact of the path was read from
        says it ("the lamp you switched on" against "the lamp that is switched on is watched by ...";
        ``stated`` looks those words up, only when some word is left, see ``_stated_words``, and failing them
        the headings of their sections, ``headings`` (``_heading_words``); never the
        asked-for type, which only the answers' kind can account for), or it
        names the asked-for type the path ends at
        (an asked-for type the graph has no kind for is left out, nothing can check it, unless the notes
        name such a concept: then ``answers`` must say it in their names; so are the words that narrow
        such a type, ``_asked_modifiers``);
        a word only the embedding relates to the path counts for half the path's relevance. Each step no
        word asks for is a guess and costs a share. A property a table states, named whole by the
        question, leaves the question's verbs and prepositions out (``_verbless``). A reflexive pronoun
        ("for *itself*") and a generic noun after a classifier ("what sort of *thing* is a kiln") stand for
        the topic or for anything: no answer can fail them, so no relation need account for them. The score that ranked
        the paths is no measure of this: order and type bonuses lift a path above its rivals without
        making it more likely right.
        """
        view = self._view(reading, link)
        explained = set(ps.explained)
        # A reflexive points back at the topic; a generic noun that is not itself the asked noun ("what
        # sort of thing") stands for anything. The asked noun ("which thing") is left to the asked type.
        words = [
            w for w in view.residual
            if w in explained or not (w in REFLEXIVES or (w in GENERIC_NOUNS and noun_key(w) != view.answer_word))
        ]  # fmt: skip
        if view.answer_word and ps.steps[-1][1] == OUT and any(noun_key(w) == view.answer_word for w in ps.explained):
            # "Which port does X use?": a relation the asked noun names ("ports") is the one asked for, and
            # the light verb that frames the question ("use", "have") says nothing more.
            explained |= {w for w in words if lemmas(w) & QUESTION_LIGHT_VERBS}
        measure = _asked_measure(view.words)
        if measure in words and not ps.silent and answers and all(self._is_amount(a) for a in answers):
            # "How long may a pump run?" answered by the relation the verb names with an amount ("runs for
            # six days"): "long" asks for the amount, as "many" does. A path no word names is a guess at
            # which of the topic's amounts is meant, and the measure word alone does not settle that.
            explained.add(measure)
            named = {noun_key(w) for w in self.catalog.label(ps.steps[-1][0]).lower().split()}
            if named & attribute_nouns(measure):
                # "How long does a survey take?" of its "Length": the light verb frames the measure asked, as
                # "use" frames the noun of "Which port does X use?".
                explained |= {w for w in words if lemmas(w) & QUESTION_LIGHT_VERBS}
        if view.answer_word and ps.typed:
            explained |= {w for w in words if noun_key(w) == view.answer_word}
        elif view.answer_word and view.answer_word not in self.catalog.kind_words | CLASSIFIERS:
            if answers and self._noted_concept(view.answer_word, answers):
                # The notes name such a thing ("port", "east canal") though no relation is typed by it: the
                # answers' own names must say it ("TCP port 22"), or the word stays unaccounted for.
                if any(view.answer_word in self._name_nouns(a) for a in answers[:10]):
                    explained |= {w for w in words if noun_key(w) == view.answer_word}
            elif not (answers and stated is not None and self._kind_said_beside(view.answer_word, answers, stated)):
                # The graph has no word for any kind of thing called so ("which films" over a graph that
                # never says what a film is): the word neither supports nor contradicts an answer, nor do
                # the words that narrow it ("which *glaze* recipes": recipes of a kind the graph cannot tell).
                words = [w for w in words if noun_key(w) != view.answer_word]
                words = _without(words, self._asked_modifiers(view) - explained)
        if topic is not None and any(w not in explained for w in words):
            words = [w for w in words if w in explained or w not in self._verbless(view, link, topic, ps, explained)]
        if topic is not None and answers and any(w not in explained for w in words):
            explained |= self._said_by_parallel_facts(view, topic, ps.steps, answers)
        left = [w for w in words if w not in explained]
        unsaid: frozenset[str] = frozenset()
        if left and stated is not None:
            said = stated()
            # The asked-for type is what the answer must be: a sentence that says the word may say it of
            # something else ("uses a TCP port 22 connection" answers "which port" with "connection").
            # The measure asked ("how *long*") is accounted for only by an amount: a sentence that says the
            # word ("tells the crew how far they may sail ...") says that there is one, not what it is.
            if headings is not None and any(not said_in(w, said) for w in left):
                said = said | headings()
            by_sentence = {w for w in left if said_in(w, said) and noun_key(w) != view.answer_word and w != measure}
            # "Where does the gallery hang prints?" over "Fenwick Gallery hangs prints": a word the sentence says only
            # as the answer's own name names the answer, which the question then does not ask for.
            named = {n for a in answers[:10] if isinstance(a, URIRef) for n in self._name_nouns(a)}
            by_sentence = {w for w in by_sentence if noun_key(w) not in named}
            if by_sentence and topic is not None:
                # "... four times a day in summer and twice a day in winter": "winter" is said of the other
                # conjunct, not of the answer.
                by_sentence -= self._said_of_other(by_sentence, topic, ps.steps, answers)
            explained |= by_sentence
            if said:  # the facts' own sentences were read and do not say these words either
                unsaid = frozenset(w for w in left if w not in explained)
        fit = _fit(words, explained, ps.relevance, ps.soft, self._unknown_names(view), unsaid) * 0.8**ps.silent
        if ps.silent and _turns_back(ps.steps):
            # "What do pupils bake?" over pupils -bake-> bread <-bake- bakery: the last step back along the same
            # relation, which no word asks for, answers who else bakes it, a question nobody asked.
            fit *= TURNING_BACK
        if self._other_preposition(view.words, ps.steps[-1]) or (
            len(ps.steps) == 1 and self._prepositional_role(view, ps.steps[0])
        ):
            fit *= OTHER_PREPOSITION
        unexplained = {w for w in left if w not in explained}
        if len(ps.steps) == 1 and unexplained and self._modifies_unexplained(reading, link, unexplained):
            fit *= MODIFIED_NOUN
        return round(min(0.97, link.best[1] * (0.5 + 0.5 * fit)), 3)

    def _said_by_parallel_facts(self, view, topic: URIRef, steps, answers: Sequence) -> set[str]:
        """Return the question words that other relations of the topic with every one of the answers name.

        "What does X use to polish brass?" over "X uses P" and "X | brass polish | P": each fact
        names some of the question's words, and P stands in both, so together they account for the
        question. Only a one-step path, only relations the question's own words name (not by meaning
        alone), never a denied one ("does not use"): the answers must hold under every relation counted.
        """
        if len(steps) != 1 or not answers:
            return set()
        predicate, direction = steps[0]
        relevance = self._relevance(view)
        found: set[str] = set()
        for other, way in first_steps(self.store, self.catalog, topic):
            named = relevance.get(other)
            if other == predicate or way != direction or named is None or not named.words:
                continue
            if self.catalog.predicates[other].negation_of:
                continue
            held = set(self._run(topic, ((other, way),)))
            if all(a in held for a in answers[:10]):
                found |= named.words
        return found

    def _modifies_other(self, reading: Reading, link: Link, predicate: URIRef) -> bool:
        """Tell whether the topic's name only modifies a question noun that ``predicate``'s names do not say.

        The whole question's meaning then is about the noun's thing ("what fixes Acme cranes?"), not the
        topic's, and a relation of the topic answers another question; "Acme's owner" over "owned by"
        says it.
        """
        noun = self._modified_noun(reading, link)
        known = self.catalog.predicates.get(predicate)
        return noun is not None and known is not None and not _names_word(known, noun)

    @staticmethod
    def _modifies_unexplained(reading: Reading, link: Link, left: set[str]) -> bool:
        """Tell whether the topic's name only modifies a question noun in ``left`` (unaccounted for).

        "Who paints Acme boats?": a one-step path from Acme that leaves "boats" unexplained answers who
        paints Acme, a question about another thing (see ``modified_noun``). A longer path passes through
        things the noun may stand for ("the crews of Acme boats": Acme, its boats, their crews).
        """
        noun = Engine._modified_noun(reading, link)
        return noun is not None and noun in left

    @staticmethod
    def _modified_noun(reading: Reading, link: Link) -> str | None:
        """Return the question noun that ``link``'s name only modifies (see ``question.modified_noun``)."""
        spans = link_spans(reading.words, [link])
        return modified_noun(reading.text, spans[0]) if spans else None

    @staticmethod
    def _asked_modifiers(view: Reading) -> set[str]:
        """Return the question's words that modify the asked-for noun in the wh-phrase ("which *glaze* recipes").

        They stand between the wh-word and the asked noun, outside every mention, and are no grammar
        word or classifier ("which kind of recipe"): together with the noun they name the answers' type.
        """
        at, asked, words = view.asked_at, view.answer_word, view.words
        if at is None or not asked:
            return set()
        head = next((k for k in range(at + 1, len(words)) if noun_key(words[k].lower) == asked), None)
        if head is None:
            return set()
        return {
            words[k].lower for k in range(at + 1, head)
            if k not in view.inside and words[k].lower not in STOPWORDS and words[k].lower not in CLASSIFIERS
        }  # fmt: skip

    def _verbless(self, view: Reading, link: Link, topic: URIRef, ps: PathScore, explained: set[str]) -> set[str]:
        """Return the question's verbs and prepositions that a table's property neither says nor denies.

        A row of a property table ("keel depth | 1 m | 2 m") states a thing's property with no verb: a
        question asking for it must put one in (what keel depth a yawl *needs*, how the keel depth is
        set *for* a yawl), and the row, read as the fact's sentence, never says
        it. When the path is one step over a property whose every fact at the topic was read from a
        table, and the question names that property whole (each word of its name), such words are
        grammar around the name. A verb that names another relation the topic has asks for that
        relation instead, and keeps counting.
        """
        if len(ps.steps) != 1 or ps.steps[0][0] in MEMBERSHIP:
            return set()
        pred, direction = ps.steps[0]
        known = self.catalog.predicates.get(pred)
        named = {noun_key(w) for w in explained}
        if known is None or not key_words(known.label) or not key_words(known.label) <= named:
            return set()
        end = "?s ?p ?t" if direction == IN else "?t ?p ?o"
        rows = self.store.query(
            f"SELECT DISTINCT ?rule WHERE {{ {end} . ?st rdf:subject {'?s' if direction == IN else '?t'} ; "
            f"rdf:predicate ?p ; rdf:object {'?t' if direction == IN else '?o'} ; kgo:rule ?rule }}",
            {"t": topic, "p": pred},
        )
        rules = {str(rule) for (rule,) in rows}
        if not rules or not all(rule.startswith("table:") for rule in rules):
            return set()
        # The small tagger reads a verb after a name as a noun ("does the Yawl need"): a word the lexicon
        # knows as a verb counts as one as well.
        doc = parse_named(view.text, link_spans(view.words, view.links))
        grammar = {t.lower_ for t in doc if t.pos_ in ("VERB", "AUX", "ADP")}
        grammar |= {w for w in view.residual if getAllLemmas(w).get("VERB")}
        present = {p for p, _ in first_steps(self.store, self.catalog, topic)} - {pred}
        return {w for w in grammar if not (self._relations_named(view, w) & present)}

    def _in_asked_role(self, words: list[Token], topic: URIRef, steps: tuple[Step, ...], answers: list) -> list:
        """Leave out the answers a fact gives in another role than the question's preposition asks for.

        "Which ore was the kettle cast from?" asks for a source: "is cast from" answers it, but its fact
        "the kettle is cast from the foundry", derived from the inverse "the foundry casts kettles", was
        stated with the foundry as the doer. When the path's one relation has a name that ends in the question's
        preposition, an answer whose every fact was derived from an inverse relation none of whose
        names ends in it is the doer of what the note said, not what the question asks. Only "from"
        marks a role a relation's subject never plays, the source: a place ("runs on"), whose converse
        makes it a subject ("hosts"), is the same thing said the other way.
        """
        asked = _asked_preposition(words)
        if asked not in SOURCE or len(steps) != 1 or not answers:
            return answers
        pred, direction = steps[0]
        known = self.catalog.predicates.get(pred)
        inverse = self.catalog.predicates.get(known.inverse) if known is not None and known.inverse else None
        if inverse is None or not _ends_in([*known.names, known.label], asked):
            return answers
        if _ends_in([*inverse.names, inverse.label], asked):
            return answers
        ends = ("?t", "?a") if direction == OUT else ("?a", "?t")
        rows = self.store.query(
            f"SELECT ?a ?rule WHERE {{ ?st rdf:subject {ends[0]} ; rdf:predicate ?p ; rdf:object {ends[1]} ; "
            "kgo:rule ?rule }",
            {"t": topic, "p": pred},
        )
        rules: dict = {}
        for a, rule in rows:
            rules.setdefault(a, set()).add(str(rule))
        derived = {a for a, found in rules.items() if all(r.startswith("inverse of") for r in found)}
        return [a for a in answers if a not in derived]

    def _other_preposition(self, words: list[Token], step: Step) -> bool:
        """Tell whether the path's last relation ends in a preposition other than the one the question strands,
        or is read back from a note's verb to its doer where the stranded preposition asks for another role.

        "What does the cook stir the soup *with*?" asks for the instrument: a relation read as "stir *in*"
        (a time, "in the evening") or "stir *from*" (a place) gives another role of the same verb, however
        well "stir" fits. Only a relation whose label ends in another preposition, and none of whose
        names ends in the question's, counts.
        """
        if not words or words[-1].lower not in PREPOSITIONS:
            return False
        known = self.catalog.predicates.get(step[0])
        if step[1] == IN:
            # "What does the lid shield the jar *from*?" over "Glass shields the jar": read back, a relation
            # gives its doer, which only a stranded "by" asks for, unless its inverse is said with the
            # preposition. Relations of typed records are left alone (a person "appears *in*" a work's
            # "starring": the records' vocabulary has no inverse to say it with).
            if known is None or words[-1].lower == "by" or known.subject_kinds or known.object_kinds:
                return False
            if not _strands_preposition(" ".join(w.text for w in words) + "?"):
                return False  # "the kettle you turned *off*": a particle of another verb asks no role
            inverse = self.catalog.predicates.get(known.inverse) if known.inverse is not None else None
            return not (inverse is not None and _ends_in(inverse.names, words[-1].lower))
        ends = {n.lower().split()[-1] for n in (known.names if known is not None else []) if n.split()}
        return self._label_preposition(step[0]) is not None and words[-1].lower not in ends

    def _prepositional_role(self, view: Reading, step: Step) -> bool:
        """Tell whether a bare "who"/"what" question gets its answer from a preposition it never says.

        "Who painted the mill?" asks for the doer, "what does the mill grind?" for the object: neither says
        a preposition, and a relation read as "is painted on" (the mill is painted on a hill) puts its
        answer in another role of the verb, however well "painted" fits. Only a question with no asked
        noun (which may name the role itself: "what year ...") and no preposition outside its names, and
        a relation from the topic whose label ends in a preposition other than a passive's "by", count.
        """
        words = view.words
        if step[1] != OUT or view.answer_word or not words or words[0].lower not in ("who", "whom", "what"):
            return False
        if any(w.lower in PREPOSITIONS for i, w in enumerate(words) if i not in view.inside):
            return False
        return self._label_preposition(step[0]) not in (None, "by")

    @staticmethod
    def _main_verb(text: str, spans: tuple[tuple[int, int], ...]) -> str | None:
        """Return the question's main verb; a mention that is the verb ("work", also a concept) is read as one."""
        verb = main_verb(text, spans)
        for span in spans if verb is None else ():
            rest = tuple(other for other in spans if other != span)
            found = main_verb(text, rest)
            if found is not None and found == text[span[0] : span[1]].lower():
                return found
        return verb

    def _other_role(self, view: Reading, steps, answers) -> bool:
        """Tell whether a path's answers stand in another role than the one "when" or "why" asks for (its last
        step), or whether any step goes through the one the question's own preposition phrase fills ("bake
        in" the lesson, then its kind)."""
        return (
            self._time_as_argument(view, steps[-1], answers)
            or self._time_as_place(view, steps[-1], answers)
            or self._placed_as_place(view, steps[-1])
            or self._place_for_person(view, steps[-1], answers)
            or self._reason_unsaid(view, steps[-1])
            or self._means_unsaid(view, steps[-1], answers)
            or any(self._slot_taken(view, step) for step in steps)
            or self._date_for_kind(view, answers)
        )

    @staticmethod
    def _date_for_kind(view: Reading, answers) -> bool:
        """Tell whether "which N" gets values written as years or dates though N names no time.

        "Which yard built the boat?" over "built 1998": a year is when, not which yard; "which year" or
        "which month" (a time, ``names_time``) takes it.
        """
        asked = view.answer_word
        return bool(asked and answers) and all(_is_date(a) for a in answers[:3]) and not names_time(asked)

    def _slot_taken(self, view: Reading, step: Step) -> bool:
        """Tell whether a relation puts its answer after a preposition the question gives an object of its own.

        "What do pupils bake in their first lesson?" asks what is baked: "in" has its object already, so a
        relation "bake in" answers where they bake (another lesson, or the same one again), not what. A
        preposition left at the end ("what do they bake in?") or with the wh-word as its object asks for it.
        """
        if step[1] != OUT:
            return False
        preposition = self._label_preposition(step[0])
        if preposition in (None, "by"):
            return False
        words = [w.lower for w in view.words]
        asked = {i for i, w in enumerate(words) if w in WH_WORDS}
        # "kept *in* for good": a preposition followed by another has no object of its own.
        return any(
            w == preposition
            and i + 1 < len(words)
            and (i + 1) not in asked
            and words[i + 1].isalnum()
            and words[i + 1] not in PREPOSITIONS
            for i, w in enumerate(words)
        )

    def _reason_unsaid(self, view: Reading, step: Step) -> bool:
        """Tell whether "why" is answered by a relation that gives no reason.

        "Why must visitors wear boots?" over "visitors wear boots": the relation gives what is worn, which
        the question already says; only a relation whose label ends in a word of reason ("because of",
        "for", "due to") gives one.
        """
        words = view.words
        if not words or words[0].lower not in REASON_WH:
            return False
        return not set(self._label_words(step[0])[-2:]) & REASON_PREPOSITIONS

    def _means_unsaid(self, view: Reading, step: Step, answers) -> bool:
        """Tell whether "how", followed by its verb's auxiliary, is answered by a relation that gives no means.

        "How is the lease renewed?" asks by what means or in what way: a relation whose label ends in a
        word of means ("by", "with", "using", "via", "through") gives one; "is placed in" gives a place,
        another question. A value ("slow", a table's cell) may say the way itself. "How many", "how long"
        ask an amount, read elsewhere.
        """
        words = view.words
        if len(words) < 2 or words[0].lower != "how" or words[1].lower not in QUESTION_AUXILIARIES:
            return False
        if not any(isinstance(a, URIRef) for a in answers):
            return False
        return not set(self._label_words(step[0])[-1:]) & MEANS_PREPOSITIONS

    def _time_as_place(self, view: Reading, step: Step, answers) -> bool:
        """Tell whether "where" gets a time along a relation whose preposition gives times, never places.

        "Where does the band play marches?" over "plays marches ... on Sunday mornings": "on" before a day,
        "during", "until", "before" and "after" say when. Along "in", "at" or "from" a word of time may name a
        place as well ("comes from a spring"), so those are left alone, but for a value written as a year
        or a date ("in 1998"), which names no place.
        """
        words = view.words
        if not words or words[0].lower != "where" or not answers:
            return False
        if all(_is_date(a) for a in answers[:3]):
            return True  # "built in 1998", "open since 2004": a year or a date, along any preposition, is no place
        last = set(self._label_words(step[0])[-1:])
        if not last & WHEN_ONLY_PREPOSITIONS:
            return False
        return all(isinstance(a, URIRef) and names_time(self.catalog.label(a)) for a in answers[:3])

    def _placed_as_place(self, view: Reading, step: Step) -> bool:
        """Tell whether "where" gets what a relation of place puts somewhere, not where it is put.

        "Where is the ledger?" over "the fault is written in the ledger": walked backwards, the relation gives
        what is in the ledger; a place is the object of the preposition its label ends in, a forward step.
        """
        words = view.words
        if not words or words[0].lower != "where" or step[1] != IN:
            return False
        return bool(set(self._label_words(step[0])[-1:]) & PLACE_PREPOSITIONS)

    def _place_for_person(self, view: Reading, step: Step, answers) -> bool:
        """Tell whether "who" gets the place a relation of place puts its subject in.

        "Who do I ask about wages?" over "Questions about wages go to Ada Finch in the office": "wages ... in the
        office" is a relation whose object answers "where" (its question word, the ontology's or its label's
        preposition of place), and a place is not who. A person or an organisation the recogniser knows by
        name is who all the same ("created from" reads "from" as a place's preposition; "Git is created from
        Linus Torvalds" says who made it).
        """
        words = view.words
        if not words or words[0].lower not in ("who", "whom"):
            return False
        known = self.catalog.predicates.get(step[0])
        if known is not None and step[1] == IN:
            # "the office contains pay", walked backwards: the relation read forwards is its inverse.
            known = self.catalog.predicates.get(known.inverse) if known.inverse is not None else None
        if known is None or "where" not in known.question_words or "who" in known.question_words:
            return False
        # The recogniser is asked last, and only of a relation of place: it is the costly check.
        labels = [self.catalog.label(a) for a in answers[:3] if isinstance(a, URIRef)]
        return not any(label in WHO_ENTITIES for name in labels for _, _, label in named_entities(name))

    def _time_as_argument(self, view: Reading, step: Step, answers) -> bool:
        """Tell whether "when" gets a thing the relation's verb takes as its subject or object, or another role.

        "When will the pier be rebuilt?" over "The council rebuilds the pier": a time is said with a
        preposition of time ("in 2030", "at night"), and a relation whose label ends in none gives the verb's
        doer, what it is done to, or an instrument ("rebuild with"). Amounts (literal values) are left
        alone: "the course lasts two weeks".
        """
        words = view.words
        if not words or words[0].lower != "when" or not any(isinstance(a, URIRef) for a in answers[:1]):
            return False
        if any(self.catalog.label(a)[:1].isdigit() for a in answers[:3]):
            return False  # a year or a date the graph holds as a node ("1999") is a time
        # "is not opened after" (a flood): a relation ending in a preposition of time gives a time;
        # "replace with" gives a thing.
        last = set(self._label_words(step[0])[-1:])
        if not last & (TEMPORAL_ORDER | TIME_PREPOSITIONS):
            return True
        # "is placed in" gives a place as readily: "in the studio" is no time, "in winter" is.
        return bool(last & PLACE_OR_TIME) and not all(names_time(self.catalog.label(a)) for a in answers[:3])

    def _label_preposition(self, predicate: URIRef) -> str | None:
        """Return the preposition a relation's label ends in ("is painted on": "on"), or None.

        Where a relation puts its answer: after that preposition, in another role than the subject's or
        the object's (``_other_preposition``, ``_prepositional_role``).
        """
        known = self.catalog.predicates.get(predicate)
        return label_preposition(known.label) if known is not None and known.label else None

    def _label_words(self, predicate: URIRef) -> list[str]:
        """Return the lowercase words of a relation's label ([] for a relation the catalog does not know)."""
        known = self.catalog.predicates.get(predicate)
        return known.label.lower().split() if known is not None and known.label else []

    def _kind_said_beside(self, kind: str, answers, stated: Callable[[], frozenset[str]]) -> bool:
        """Tell whether the sentences the answers were read from say the asked noun, the answers' names not.

        "The lamp burns oil from the old cellar" gives "oil" for "which cellar supplies the lamp": the
        sentence names the cellar beside the answer, so the answer is something else. The
        noun then stays a word the answer leaves unaccounted for.
        """
        if any(kind in self._name_nouns(a) for a in answers[:10]):
            return False
        return said_in(kind, stated())

    def _noted_concept(self, word: str, near: Sequence = ()) -> bool:
        """Tell whether the notes name things of the kind ``word``: a concept read out of them called so, or
        one whose name has it as its head noun ("east canal" for "canal"); not a value of given RDF facts.

        With ``near`` (answers), only the notes that name one of them count: a kind another note names on
        another topic ("regex engines") says nothing of what these answers are ("supports redis").
        """
        entities = self.catalog.entities
        named = [
            iri for iri in self.catalog.by_name.get(word, ()) if iri in entities and KGO.Concept in entities[iri].types
        ]
        if not named and word not in self._concepts_by_head():
            return False
        documents = frozenset().union(*(self._documents_of(a) for a in near[:10] if isinstance(a, URIRef)))
        if not documents:
            return True
        candidates = set(named) | self._concepts_by_head().get(word, set())
        return any(self._documents_of(c) & documents for c in candidates)

    def _concepts_by_head(self) -> dict[str, set[URIRef]]:
        """Return, for each head noun, the concepts of the notes whose names it heads (see ``_heads_of``)."""
        if self._by_head is None:
            self._by_head = {}
            for iri, entity in self.catalog.entities.items():
                if KGO.Concept in entity.types:
                    for head in self._heads_of(iri):
                        self._by_head.setdefault(head, set()).add(iri)
        return self._by_head

    def _near(self, kind: URIRef, topic: URIRef) -> bool:
        """Tell whether a kind is one the notes about ``topic`` know: some document names both (or either
        is in none). "Which engines does X support?": the engines a note on regular expressions lists
        are no kind the note on X means."""
        kinds, topics = self._documents_of(kind), self._documents_of(topic)
        return not kinds or not topics or bool(kinds & topics)

    def _documents_of(self, node: URIRef) -> frozenset[URIRef]:
        """Return the named graphs that write ``node``'s name: the documents (or files) that speak of it."""
        if node not in self._documents:
            rows = self.store.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?n rdfs:label ?l } }", {"n": node})
            self._documents[node] = frozenset(row[0] for row in rows)
        return self._documents[node]

    def _name_nouns(self, answer) -> set[str]:
        """Return the singular forms of the words of an answer's name (a literal's own words)."""
        label = self.catalog.label(answer) if isinstance(answer, URIRef) else str(answer)
        return {noun_key(w) for w in label.split()}

    @staticmethod
    def _unknown_names(view: Reading) -> frozenset[str]:
        """Return the lowercase words the question capitalises as names that no link took ("Zephyr").

        The question's first word is capitalised as a sentence's is; "I" is a pronoun.
        """
        return frozenset(
            w.lower for i, w in enumerate(view.words)
            if i > 0 and w.text[:1].isupper() and w.text != "I" and i not in view.inside
        )  # fmt: skip

    def _said_of_other(self, words: set[str], topic: URIRef, steps: tuple[Step, ...], answers) -> set[str]:
        """Return the ``words`` that every sentence stating the path's facts (and naming an answer) says in
        another conjunct than the answers' (``kg.coordination.said_apart``)."""
        _, sources = self.evidence.for_path(topic, steps, answers[:10])
        names = [self.catalog.label(a) if isinstance(a, URIRef) else str(a) for a in answers[:10]]
        apart, telling = set(words), False
        for source in sources:
            found = said_apart(parse(source["text"]), words, names)
            if found is not None:
                telling = True
                apart &= found
        return apart if telling else set()

    def _is_answer_type(self, reading: Reading, link: Link) -> bool:
        """Tell whether a linked span is the asked-for type ("Which bucket ...", "what kind of queue")."""
        return len(reading.links) >= 2 and self._at_asked_phrase(reading, link)

    @staticmethod
    def _at_asked_phrase(reading: Reading, link: Link) -> bool:
        """Tell whether a linked span is the noun the wh-word asks for: only articles, numerals and
        classifiers stand between them ("which *kilns*", "what kind of *queue*")."""
        words = reading.words
        if not words or words[0].lower not in ("which", "what"):
            return False
        # A numeral counts the asked things ("which *two* vents"), as an article introduces them.
        between = {w.lower for w in words[1 : link.start] if not counts_things(w.lower)}
        return link.start > 0 and between <= {"kind", "type", "sort", "of", "a", "an", "the"}

    def _run(self, topic: URIRef, steps: tuple[Step, ...]) -> list[URIRef | Literal]:
        rows = self.store.query(path_query(topic, steps))
        return [row[0] for row in rows]

    def _constrain(self, answers, reading: Reading, topic_link: Link, topic: URIRef, strict: bool = True):
        """Keep answers tied to the question's other concepts and of the asked-for type; rank them.

        An answer the question already names (the asked-for type itself, "which areas ...": "area", or a
        concept it mentions) tells the asker nothing, so it is no answer.
        """
        said = self._said(reading)  # once per question, not once per answer
        answers = [a for a in answers if not self._named_in(a, said) and a not in self.catch_all]
        kinds_of = classifier_complement(reading.tokens)
        if kinds_of is None:  # "what kind of N is X" asks for a kind
            answers = self._without_asked_kind(answers, self._asked_kind(reading)[0])
        if kinds_of is not None and answers:
            answers = self._kinds_asked(answers, kinds_of, topic_link, topic)
        if answers and len(reading.links) == 1 and self._members_of_topic_asked(reading, topic_link, topic):
            # "Which looms weave silk?" names one concept, the class asked for: what looms weave answers
            # another question, the looms that do are members of the class.
            answers = [a for a in answers if self._is_a(a, topic)]
        kept, specific = answers, set()
        for link in self._other_mentions(reading, topic_link) if answers else []:
            other = link.best[0]
            if self._is_answer_type(reading, link):
                # Of the asked-for type, most specific first: "what kind of queue" -> a subclass of queue.
                typed = [a for a in kept if a == other or self._is_a(a, other)]
                if not typed and self.members.get(other) and strict and self._near(other, topic):
                    return []  # "which state ...": answers that are not states answer something else
                if not typed:
                    # No answer is typed: those whose own names say the asked noun are of it ("Acme port 9"
                    # for "which port", beside the "link" that runs on it).
                    noun = noun_key(link.text.split()[-1].lower())
                    typed = [a for a in kept if isinstance(a, URIRef) and noun in self._name_nouns(a)]
                specific = {a for a in typed if a != other}
                kept = typed or kept
                continue
            # An amount that says the mention's name ("2 disks" for "the number of disks") is tied to it.
            tied = self.evidence.connected(kept, other) or [a for a in kept if _value_names(a, link.text)]
            if tied:
                kept = tied
            elif not self.evidence.connected([topic], other) and not self._setting(reading, link):
                return []
        return self._rank(kept, specific)

    def _members_of_topic_asked(self, reading: Reading, topic_link: Link, topic: URIRef) -> bool:
        """Tell whether the question asks for members of its topic, a class the wh-word's noun names."""
        return bool(self.members.get(topic)) and self._at_asked_phrase(reading, topic_link)

    def _untied_mention(self, reading: Reading, topic_link: Link, answers) -> bool:
        """Tell whether the question names a concept none of the answers touches, besides the topic.

        ``_constrain`` keeps answers when such a concept is tied to the topic only ("what does the guild
        name a ship?": the guild's terms, the ship tied to the guild but to no term): the question narrowed
        the answers and the graph cannot show how, so the answers are not as sure as the words say. A
        mention that only sets the scene ("In X, ...") or names the asked-for type narrows nothing.
        """
        for link in self._other_mentions(reading, topic_link):
            if self._is_answer_type(reading, link) or self._setting(reading, link):
                continue
            if any(_value_names(a, link.text) for a in answers):
                continue  # "2 disks" for "the number of disks": the amount says the mention
            if not self.evidence.connected(list(answers[:50]), link.best[0]):
                return True
        return False

    def _other_mentions(self, reading: Reading, topic_link: Link) -> list[Link]:
        """Return the question's mentions besides the topic that the answers must answer to.

        A mention that spells part of the relation's name ("wheel" in "wheel size") is no concept; a weak
        one (an ordinary word) only when it names the asked-for type.
        """
        words = self._in_relation_names(reading, topic_link)
        return [
            link for link in reading.links
            if link is not topic_link and link not in words
            and (not self._weak(link) or self._is_answer_type(reading, link))
        ]  # fmt: skip

    def _without_asked_kind(self, answers, asked: str | None):
        """Leave out a kind the other answers belong to when its name's head is the asked noun.

        "The boat carries two spare sails:" over a list of sails gives the boat the list's kind ("spare
        sail") as well as its items: for "which sails are on board?" the kind is the
        question's own noun said again, and its members are the answer. A class with members is never a
        thing of the kind its name says, only the kind: alone, it answers no "which N" question.
        """
        if not asked or asked in CLASSIFIERS:
            return answers
        head = noun_key(asked)
        kinds = {a for a in answers if isinstance(a, URIRef) and self.members.get(a) and head in self._heads_of(a)}
        return [a for a in answers if a not in kinds] if kinds else answers

    def _heads_of(self, node) -> set[str]:
        """Return the head nouns (last words, singular) of a concept's names."""
        entity = self.catalog.entities.get(node) if isinstance(node, URIRef) else None
        if entity is None:
            return set()
        return {noun_key(n.split()[-1]) for n in (entity.label, *entity.aliases) if n.split()}

    @staticmethod
    def _setting(reading: Reading, link: Link) -> bool:
        """Tell whether ``link`` only sets the scene: the object of an opening phrase ("In X, what ...").

        A preposition that opens the question, with the mention and a comma after it, names where the
        question is asked, not a thing the answer must touch: the answers it is tied to are preferred, but
        a fact that does not name it still answers.
        """
        words = reading.words
        if link.start < 1 or words[0].lower not in PREPOSITIONS or link.end > len(words):
            return False
        if any(w.lower not in ARTICLES for w in words[1 : link.start]):
            return False
        last = words[link.end - 1]
        after = next((t for t in reading.tokens if t.start >= last.end), None)
        return after is not None and after.text == ","

    def _kinds_asked(self, answers, kinds_of: tuple[int, str], topic_link: Link, topic: URIRef):
        """Keep the answers "what kind of N ..." can mean; the classifier's complement decides.

        "Which kinds of X are there" (the complement is the topic) asks for kinds of X: its subclasses
        or members, never the classes X belongs to; "what is the kind of X" (definite) asks for X's own.
        "What kind of N is X" asks for X's class, and only a class that is an N answers: named with N
        as its head noun, or a subclass of such a class.
        """
        start, noun, definite = kinds_of
        if start == topic_link.start and not definite:
            return [a for a in answers if self._is_a(a, topic)]
        classes = [a for a in answers if isinstance(a, URIRef) and self.members.get(a)]
        if len(classes) < len(answers):
            return answers  # not classes: the classifier asked for something else ("what type of film")
        if noun in GENERIC_NOUNS:
            return answers  # a generic noun ("sort of thing") takes any class of X
        named = self.classes_by_head.get(noun_key(noun), [])
        return [a for a in answers if a in named or any(self._is_a(a, c) for c in named)]

    def _said(self, reading: Reading) -> set[str]:
        """Return the name keys the question itself says: its mentions (by any of their names) and asked-for type.

        A mention names every name of the concept it links to: "EC2" names the node labelled "Amazon
        Elastic Compute Cloud" it links to, and any other node so named (two documents may each mint one).
        """
        said = {name_key(link.text) for link in reading.links if link.text}
        for link in reading.links:
            linked = self.catalog.entities.get(link.best[0])
            # The asked-for type ("which VPC") is named by its words only: a thing of that name may answer.
            if linked is not None and not self._is_answer_type(reading, link):
                said.update(name_key(name) for name in [linked.label, *linked.aliases])
        if reading.answer_word:
            said.add(noun_key(reading.answer_word))
        return said

    def _named_in(self, node, said: set[str]) -> bool:
        """Tell whether ``node``'s label is among the names the question says (see ``_said``)."""
        entity = self.catalog.entities.get(node) if isinstance(node, URIRef) else None
        return entity is not None and name_key(entity.label) in said

    def _is_a(self, node, cls: URIRef) -> bool:
        """Tell whether ``node`` is a member or a subclass of ``cls`` (through subclasses)."""
        if not isinstance(node, URIRef):
            return False
        query = "ASK { ?n (rdf:type|rdfs:subClassOf)/rdfs:subClassOf* ?c }"
        return bool(self.store.query(query, {"n": node, "c": cls}).askAnswer)

    def _kinds_among(self, answers) -> set[URIRef]:
        """Return the answers that are classes some other answer is a member or subclass of (one query)."""
        classes = [a for a in answers if isinstance(a, URIRef) and self.members.get(a)]
        if not classes:
            return set()
        nodes = " ".join(a.n3() for a in answers if isinstance(a, URIRef))
        query = (
            "SELECT DISTINCT ?c WHERE { VALUES ?c { %s } VALUES ?n { %s } "
            "?n (rdf:type|rdfs:subClassOf)/rdfs:subClassOf* ?c FILTER(?n != ?c) }"
        ) % (" ".join(c.n3() for c in classes), nodes)
        return {row[0] for row in self.store.query(query)}

    def _rank(self, answers, preferred: set | frozenset = frozenset()):
        """Order answers: the preferred (most specific type) first, then the kinds the others are of, then
        the better attested, then by label.

        A kind among its own members ("subnet" beside "private subnet", which inherited the fact the
        note states of subnets) is what the fact was said of: it names the answer the others specialise.
        """
        if len(answers) < 2:
            return answers
        counts = self.evidence.attestation(answers)
        kinds = self._kinds_among(answers[:MAX_RANKED_KINDS])

        def key(a):
            label = self.catalog.label(a).lower() if isinstance(a, URIRef) else str(a)
            return (a not in preferred, a not in kinds, -counts.get(a, 0), label)

        return sorted(answers, key=key)

    def _path_answer(self, reading, topic, ps: PathScore, answers, confidence) -> Answer:
        answers = answers[:50]
        sparql = path_query(topic, ps.steps)
        evidence, sources = self.evidence.for_path(topic, ps.steps, answers[:10])
        items = [self.evidence.entity_dict(a) if isinstance(a, URIRef) else {"value": str(a)} for a in answers]
        text = self.evidence.describe(topic, ps.steps, answers)
        answer = Answer("", text, items, confidence, sparql, evidence, sources, kind="relation")
        answer.topics = [self.evidence.entity_dict(topic)]
        return answer

    # -- no answer ---------------------------------------------------------------------------------
    def _abstain(self, reading: Reading, unread: list[str] | None = None) -> Answer:
        """Say "I don't know", with the concepts nearest the question; ``unread`` are words it could not read."""
        suggestions = []
        if reading.text.strip():
            hits = self.entity_index.search(self._vector(reading.text), 3) if len(self.entity_index) else []
            suggestions = [self.catalog.label(iri) for iri, sim in hits if sim > 0.35]
        text = "I don't know: the graph holds no answer to that."
        if unread:
            listed = ", ".join(f'"{w}"' for w in unread)
            text = f"I don't know: I cannot tell what these words were meant to be ({listed})."
        if suggestions:
            text += " Nearest concepts: " + ", ".join(suggestions) + "."
        answer = Answer("", text, [], 0.05 if suggestions else 0.0, "", kind="abstain")
        answer.topics = [self.evidence.entity_dict(link.best[0]) for link in reading.links]
        return answer


def _may_be_noun(word: str) -> bool:
    """Tell whether a word may be a noun and is no closed-class word ("rescue" of "in rescue terms")."""
    return "NOUN" in getAllLemmas(word) and word not in STOPWORDS


def _names_word(predicate, word: str) -> bool:
    """Tell whether a word of one of ``predicate``'s names is ``word`` by its letters (lemma or stem)."""
    return any(words_match(word, nw) >= 0.8 for n in predicate.names for nw in name_key(n).split())


def _fit(
    words: list[str],
    explained: set[str],
    relevance: float,
    soft: dict[str, float] | None = None,
    names: frozenset[str] = frozenset(),
    unsaid: frozenset[str] = frozenset(),
) -> float:
    """Return the share of the question's content ``words`` an answer accounts for (0 to 1).

    A word the answer's relation names (``explained``) counts whole, or, named by meaning only
    (``soft``), for its similarity; any other counts for half the relation's ``relevance`` (the
    embedding relates it to the question only softly), or for a quarter when the sentences the
    answer's facts were read from do not say it either (``unsaid``: a relation's name is terse, its
    sentence is not); a name the graph does not know (``names``) counts nothing: the question is
    about that thing, and no relation accounts for it. With no content words left outside the
    names, the relevance alone.
    """
    relevance = min(1.0, relevance)
    if not words:
        return relevance
    soft = soft or {}

    def weight(w: str) -> float:
        if w in explained:
            return soft.get(w, 1.0)
        if w in names:
            return 0.0
        return (0.25 if w in unsaid else 0.5) * relevance

    total = sum(weight(w) for w in words)
    return total / len(words)


__all__ = ["IN", "MAX_QUESTION_CHARS", "OUT", "Answer", "Engine", "QuestionError", "clean_question"]


def _without(words: list[str], dropped: set[str]) -> list[str]:
    """Return ``words`` less the first occurrence of each word of ``dropped`` (the wh-phrase comes first)."""
    out, left = [], set(dropped)
    for w in words:
        if w in left:
            left.discard(w)
        else:
            out.append(w)
    return out


def _tied(link: Link) -> bool:
    """Tell whether a mention links as well to a second concept as to its first ("images": an AMI in one
    note, a container image in another)."""
    return len(link.candidates) > 1 and abs(link.candidates[1][1] - link.candidates[0][1]) <= SAME_SCORE


#: How much a path's confidence keeps when another concept of the same name answers as well, otherwise.
AMBIGUOUS_NAME = 0.5
#: How much a path of two steps or more keeps when its facts were read from more than one note and meet at a
#: common noun (``Engine._joined_across_notes``): taken under ``ANSWER_THRESHOLD`` from the top of the scale
#: (0.97 * 0.8 < 0.8), so that such an answer is only given where a sentence vouches for it.
CROSS_NOTE_PATH = 0.8
#: Two scores closer than this are the same score (link and path scores are sums of rounded parts).
SAME_SCORE = 1e-6


def _first_words(mentions: list[Link]) -> list[str]:
    """Return the lowercase words of the first mention, or []."""
    return mentions[0].text.lower().split() if mentions else []


def _asks_amount(words: list[Token]) -> bool:
    """Tell whether a question asks for a number or an amount: "how many ...", "how much ...", and "how"
    with a word of degree first ("how far can it go?": a distance, not where it goes)."""
    if degree_after_how([w.lower for w in words]) and words[1].lower not in WH_WORDS:
        return True
    return any(a.lower == "how" and b.lower in ("many", "much") for a, b in itertools.pairwise(words))


def _strands_preposition(text: str) -> bool:
    """Tell whether the question's last word is a preposition left without its object by the question's own
    verb ("What does the lid shield the jar *from*?"), not a particle ("the kettle you turned *off*")."""
    tokens = [t for t in parse(text) if not t.is_punct]
    return bool(tokens) and tokens[-1].dep_ == "prep" and tokens[-1].head.dep_ in ("ROOT", "acl")


def _is_date(answer) -> bool:
    """Tell whether an answer is written as a year or a date ("2023", "1999-04-01"): digits and separators."""
    text = str(answer).strip() if not isinstance(answer, URIRef) else ""
    return bool(text) and text[:1].isdigit() and all(c.isdigit() or c in "-/." for c in text) and len(text) >= 4


def _value_names(answer, name: str) -> bool:
    """Tell whether a literal answer says every word of ``name`` ("2 disks" says "disks")."""
    if not isinstance(answer, Literal):
        return False
    words = key_words(name)
    return bool(words) and words <= {noun_key(w) for w in re.findall(r"[A-Za-z]+", str(answer))}


def _said_by(value: str, words: list[Token]) -> bool:
    """Tell whether every word of a literal value is a word of the question ("oldest" of "the oldest organ")."""
    said = {w.lower for w in words}
    return set(re.findall(r"[a-z0-9]+", value.lower())) <= said


def _asked_measure(words: list[Token]) -> str | None:
    """Return the word a question opening "how" + a word asks the measure of ("how *long*", "how *far*")."""
    if len(words) > 2 and words[0].lower == "how" and words[1].lower not in STOPWORDS:
        return words[1].lower
    return None


def _asked_preposition(words: list[Token]) -> str | None:
    """Return the preposition that marks the asked thing's role: stranded at the end ("... made from?"),
    before a closing wh-word ("... made from what?") or opening the question ("From which ...")."""
    lowered = [w.lower for w in words]
    if lowered and lowered[-1] in PREPOSITIONS:
        return lowered[-1]
    if len(lowered) > 1 and lowered[-1] in WH_WORDS and lowered[-2] in PREPOSITIONS:
        return lowered[-2]
    if len(lowered) > 1 and lowered[0] in PREPOSITIONS and lowered[1] in WH_WORDS:
        return lowered[0]
    return None


def _ends_in(names: list[str], preposition: str) -> bool:
    """Tell whether one of a relation's names ends in ``preposition`` ("is made from": "from")."""
    return any(n.lower().split()[-1:] == [preposition] for n in names)


def _asked_phrase(words: list[Token]) -> range:
    """Return the positions of the phrase that says what is asked for.

    After an opening "what"/"which", up to its verb ("what size of wheel ..."); after "what is the",
    up to the first grammar word ("what is the wheel size of X").
    """
    if not words or words[0].lower not in ("what", "which"):
        return range(0)
    if len(words) > 2 and words[1].lower in _COPULAS:
        start = 2
        while start < len(words) and words[start].lower in ARTICLES:
            start += 1
        end = start
        while end < len(words) and words[end].lower not in STOPWORDS:
            end += 1
        return range(start, end)
    return range(1, _verb_at(words, 1))


def _counted_phrase(words: list[Token]) -> range:
    """Return the positions of what "how many"/"how much" counts, up to its verb ("how many disks ...")."""
    if len(words) < 3 or words[0].lower != "how" or words[1].lower not in ("many", "much"):
        return range(0)
    return range(2, _verb_at(words, 2))


def _verb_at(words: list[Token], start: int) -> int:
    """Return the position of the first auxiliary or verb at or after ``start`` (the end of the words)."""
    end = start
    while end < len(words) and words[end].lower not in AUX_START and not is_verb_only(words[end].text):
        end += 1
    return end


def _cited_in(answer: Answer) -> str:
    """Return " (in NOTE)" for the note an answer's first source is from, or "" if it has none."""
    document = next((src.get("document") for src in answer.sources if src.get("document")), None)
    return f" (in {document})" if document else ""


_COPULAS = frozenset(("is", "are", "was", "were"))
#: At most this many answers are compared pairwise for kinds among members when ranking (``_rank``).
MAX_RANKED_KINDS = 12

#: Prepositions that mark a source ("made *from* X"), a role no doer plays: closed-class words.
SOURCE = frozenset(("from",))
#: Prepositions that place a concept in a setting ("a heddle *in* a loom"): closed-class words.
SETTING = frozenset(("in", "within", "inside"))
#: The determiners by which the asker points at their own setting ("on *this* crew", "at *our* forge"): a phrase
#: of place they open says where the question is meant, whatever its preposition. Closed class.
OWN_SETTING = frozenset(("this", "these", "our"))


def _own_setting(prep) -> bool:
    """Tell a preposition whose object the asker determines as their own setting ("on *this* crew")."""
    return any(
        c.dep_ == "pobj" and any(d.dep_ in ("det", "poss") and d.lower_ in OWN_SETTING for d in c.children)
        for c in prep.children
    )


def _opening_phrase(doc, wh: int | None) -> set[int]:
    """Return the character offsets of a phrase that opens the question with a preposition and ends at a
    comma before the wh-word ("*In the crew's slang*, what is X?"), verbless, whatever the parser made of it
    (the small model may take the preposition for the root and the question for a relative clause)."""
    if wh is None or not len(doc) or doc[0].tag_ != "IN":
        return set()
    comma = next((t.i for t in doc[1:wh] if t.text == ","), None)
    if comma is None or comma != wh - 1 or any(t.pos_ in ("VERB", "AUX") for t in doc[:comma]):
        return set()
    return {t.idx for t in doc[:comma]}


def _plain(text: str) -> str:
    """Return ``text`` in lowercase words joined by single spaces ("Publish/Subscribe" -> "publish subscribe")."""
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def _with_article(noun: str) -> str:
    """Return "an orchestration service" / "a web service"."""
    return ("an " if noun[:1].lower() in "aeiou" else "a ") + noun


def _other_name(entity) -> str | None:
    """Return another name of a concept worth showing beside its label: not the label's plural or its case
    ("Encoding (encodings)", "5xx (5xxs)" say nothing more)."""
    own = {name_key(entity.label.lower()), name_key(plural(entity.label).lower())}
    return next((a for a in entity.aliases if name_key(a.lower()) not in own), None)


def _heads_name(kind: str, label: str) -> bool:
    """Tell whether the kind ``kind`` is the last words of the name ``label`` ("gauge" of "drift gauge")."""
    kind, label = kind.lower().split(), label.lower().split()
    return len(label) > len(kind) and [noun_key(w) for w in label[-len(kind) :]] == [noun_key(w) for w in kind]


def _own_heading(source: Mapping) -> str:
    """Return the heading of the section a cited sentence stands in ("Glazing" of "Pottery > Glazing"), or ""."""
    return str(source.get("section") or "").split(" > ")[-1]


def _source_context(source: Mapping) -> str:
    """Return a cited sentence with the heading of its own section: together they say what the sentence is about."""
    return " ".join([str(source.get("text", "")), _own_heading(source)])


def _stated_words(sources: Callable[[], list]) -> frozenset[str]:
    """Return the lowercase words of the sentences that state a path's facts (``sources()``: their rows).

    A question word the relation's name leaves out may still be one the source sentence says: the
    fact was read from that sentence, so the word belongs to what the fact states, not to some
    condition the graph does not hold. Facts the graph was given without a sentence say nothing here.
    """
    # What a sentence sets aside ("except on feast days") it does not say of its fact.
    return frozenset().union(*(sentence_words(without_set_aside(source["text"], parse)) for source in sources()))


def _heading_words(sources: Callable[[], list]) -> frozenset[str]:
    """Return the lowercase words of the headings of the sections a path's sentences stand in.

    A heading says what all of its section is about: "Who leads the glazing sessions?" over "Anna leads
    the session" under "## Glazing" says nothing the fact leaves out. Only to account for a word: a
    heading that names the asked kind ("## River boats") does not make the sentence name it beside the
    answers (``Engine._kind_said_beside``).
    """
    return frozenset().union(*(sentence_words(_own_heading(source)) for source in sources()))
