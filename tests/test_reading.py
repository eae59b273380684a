"""Reading a question by its parse and by what the graph knows: requests, short forms, definitions, lists.

The graph here is a small one of our own (a parcel service), written as Turtle: it records one short
form for the wrong concept, leaves another unrecorded, and has two names the same letters spell, one of
them introduced beside the short form in a source sentence.
"""

from __future__ import annotations

import pytest

from kg.api import KnowledgeGraph
from kg.embeddings import SentenceTransformerEmbedder
from kg.question import abbreviates, expansion, is_request, is_short_form, main_verb, read_request
from kg.text import tokenize

pytestmark = pytest.mark.slow

PARCELS_TTL = """
@prefix ex: <http://example.org/parcels/> .
@prefix kgo: <https://kgqa.dev/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
ex:Courier rdfs:label "courier" ; rdfs:subClassOf kgo:Concept .
ex:ems rdfs:label "Express Mail Service" ; skos:altLabel "EMS" ; kgo:acronym "EMS" ; a ex:Courier, kgo:Concept ;
    skos:definition "Express Mail Service (EMS) is a courier for urgent parcels." .
ex:bike rdfs:label "bike messenger" ; a ex:Courier, kgo:Concept .
ex:depot rdfs:label "returned goods depot" ; a kgo:Concept ;
    skos:definition "A returned goods depot keeps parcels nobody could receive." .
ex:desk rdfs:label "repair group desk" ; a kgo:Concept .
ex:parcel rdfs:label "parcel" ; skos:altLabel "RGD" ; kgo:acronym "RGD" ; a kgo:Concept .
ex:fifo rdfs:label "first in first out" ; a kgo:Concept .
ex:lts rdfs:label "late tracking scanner" ; skos:altLabel "LTS" ; kgo:acronym "LTS" ; a kgo:Concept .
ex:dropoff rdfs:label "drop/collect" ; skos:altLabel "d/c" ; kgo:acronym "d/c" ; a kgo:Concept .
ex:doc kgo:fileName "parcels.md" .
ex:s1 kgo:quote "A parcel nobody could receive goes to the returned goods depot (RGD), where a clerk checks it." ;
    kgo:section "Parcels > Returns" ; kgo:document ex:doc ; kgo:mentions ex:depot, ex:parcel .
"""


@pytest.fixture(scope="module")
def parcels(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    path = tmp_path_factory.mktemp("parcels") / "parcels.ttl"
    path.write_text(PARCELS_TTL, encoding="utf-8")
    return KnowledgeGraph.open(
        docs=[], rdf=[path], embedder=SentenceTransformerEmbedder(), cache_dir=tmp_path_factory.mktemp("vectors")
    )


def words_of(text: str):
    return [t for t in tokenize(text) if t.is_word]


# -- short forms by their letters --------------------------------------------------------------------
def test_a_short_form_is_spelt_from_the_words_it_abbreviates():
    assert expansion("NTP", "the NTP (Network Time Protocol) server") == "Network Time Protocol"
    assert expansion("sync/ack", "synchronize acknowledge") == "synchronize acknowledge"
    assert expansion("BLS", "Bureau of Labor Statistics") == "Bureau of Labor Statistics"
    assert expansion("XQ", "queue") is None
    assert expansion("ab cd", "alpha beta charlie delta") is None  # a phrase is no short form
    # A recorded short form is checked leniently: digits and skipped words are allowed, and one letter a
    # name of its own does not spell when it has three or more ("QMX" of "Quarry Mapper"), not two.
    assert abbreviates("EC2", "Elastic Compute Cloud")
    assert not abbreviates("XQ", "queue")
    assert abbreviates("QMX", "Quarry Mapper") and abbreviates("QXM", "Quarry Mapper")
    assert not abbreviates("QXZ", "Quarry Mapper") and not abbreviates("QZ", "Quarry Mapper")
    assert is_short_form("pub/sub") and not is_short_form("staging area")


# -- requests by their parse -------------------------------------------------------------------------
def test_a_request_is_read_from_its_parse_not_from_its_verb():
    imperative = read_request("Name the couriers.", words_of("Name the couriers."))
    assert imperative is not None and imperative.verb == 0 and 2 in imperative.objects

    asked = "Could you name a courier for urgent parcels?"
    assert is_request(asked, words_of(asked), names=[])
    # The same shape whose object is one of the question's names asks whether something can be done.
    done = "Can you stop Express Mail Service?"
    assert not is_request(done, words_of(done), names=[(3, 6)])
    # A verb that names a relation of the graph asks whether it holds.
    assert not is_request(asked, words_of(asked), names=[], relation_words={"name"})
    embedded = "Could you tell me who delivers parcels?"
    assert is_request(embedded, words_of(embedded), names=[(6, 7)])
    assert read_request("What does EMS mean?", words_of("What does EMS mean?")) is None


# -- definitions and short forms over the graph --------------------------------------------------------
@pytest.mark.parametrize(
    "question",
    [
        "What is the long form of EMS?",
        "What is the full name of EMS?",
        "What is EMS short for?",
        "EMS stands for what?",
    ],
)
def test_a_recorded_short_form_stands_for_its_concept(parcels: KnowledgeGraph, question: str):
    answer = parcels.ask(question)

    assert answer.kind == "acronym", question
    assert answer.answers[0]["label"] == "Express Mail Service"
    assert answer.confidence >= parcels.engine.threshold


def test_a_short_form_recorded_for_a_concept_its_letters_cannot_spell_is_spelt_from_the_graph(
    parcels: KnowledgeGraph,
):
    answer = parcels.ask("What does RGD mean?")

    # Not "parcel" (the record), not "repair group desk" (the same letters): the sentence that introduces
    # the short form names the returned goods depot beside it.
    assert answer.kind == "acronym"
    assert [a["label"] for a in answer.answers] == ["returned goods depot"]
    assert answer.sources[0]["text"].startswith("A parcel nobody could receive")
    assert parcels.engine.threshold <= answer.confidence < 0.95


def test_a_short_form_no_name_links_and_no_sentence_gives_is_only_a_guess(parcels: KnowledgeGraph):
    # The letters spell "first in first out", a name of the graph, but no sentence gives the two side by side:
    # a guess, below the line (kg.qa.SPELT_GUESS), so withheld.
    assert parcels.ask("What is FIFO short for?").answers == []
    engine = parcels.engine
    reading = engine._read("What is FIFO short for?", None)
    guess = engine._spelt_out(reading, engine._frame(reading, set()))
    assert guess is not None and guess.answers[0]["label"] == "first in first out"
    assert guess.confidence < engine.threshold


@pytest.mark.parametrize(
    "question",
    ["What is the price of EMS?", "What does QZX stand for?", "What is the weight of a returned goods depot?"],
)
def test_words_that_name_no_naming_relation_get_no_definition(parcels: KnowledgeGraph, question: str):
    assert parcels.ask(question).answers == [], question


@pytest.mark.parametrize("question", ["What is EMS?", "What exactly is EMS?", "What really is EMS?"])
def test_a_bare_question_about_a_concept_gets_its_definition(parcels: KnowledgeGraph, question: str):
    # An adverb of the wh-word or the copula says how the question is meant, not what it asks.
    answer = parcels.ask(question)

    assert answer.kind == "definition"
    assert "urgent parcels" in answer.answer


# -- lists by the parse --------------------------------------------------------------------------------
@pytest.mark.parametrize("question", ["List the couriers.", "Can you name the couriers?", "Which couriers are there?"])
def test_a_plural_class_asked_for_or_requested_gets_its_members(parcels: KnowledgeGraph, question: str):
    answer = parcels.ask(question)

    assert answer.kind == "list", question
    assert sorted(a["label"] for a in answer.answers) == ["Express Mail Service", "bike messenger"]


def test_a_recorded_short_form_with_a_slash_is_read_as_written(parcels: KnowledgeGraph):
    # The question's words link as "d c"; the short form the graph records is "d/c", slash and all.
    reply = parcels.ask("What is d/c short for?").to_dict()

    assert reply["kind"] == "acronym"
    assert [a["label"] for a in reply["answers"]] == ["drop/collect"]


def test_what_a_short_form_means_is_its_long_form_when_nothing_defines_it(parcels: KnowledgeGraph):
    reply = parcels.ask("What does LTS mean?").to_dict()

    assert reply["kind"] == "acronym"
    assert [a["label"] for a in reply["answers"]] == ["late tracking scanner"]


def test_a_request_verbs_particle_is_part_of_the_verb(parcels: KnowledgeGraph):
    # "spell *out*": the particle is the verb's, not a word the question asks about.
    reply = parcels.ask("Spell out LTS.").to_dict()

    assert [a["label"] for a in reply["answers"]] == ["late tracking scanner"]


def test_the_main_verb_is_read_with_the_names_as_pronouns():
    question = "Does a marker move when you add new pages?"
    # Without the name read as a pronoun, the small model takes "Does" for the main verb.
    assert main_verb(question) != "move"
    assert main_verb(question, ((7, 13),)) == "move"
