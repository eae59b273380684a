"""Open extraction by grammar: list introductions, sorts and partitives, idioms, asides, misread names.

The fixture ``open_grammar.md`` was written for these tests (a gardening note no ontology covers);
each test names the grammar it checks. The glued apposition is a parser's mistake that depends on
the words around it, so it is checked on a dependency tree given by hand (a real spaCy ``Doc``).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import RDF, RDFS, SKOS
from spacy.tokens import Doc
from test_open_extraction import built, named, relations

from kg.ingest.concepts import ConceptRegistry
from kg.ingest.lexicon import Lexicon
from kg.ingest.parse import load_parser
from kg.ingest.relations import OpenReader
from kg.namespaces import KGO

FIXTURE = Path(__file__).parent / "fixtures" / "open_grammar.md"


@pytest.fixture(scope="module")
def graph() -> Graph:
    return built(FIXTURE)


def objects(graph: Graph, subject, predicate_label: str) -> set[str]:
    """Return the labels of what ``subject`` links to by the predicate labelled ``predicate_label``."""
    return {
        str(graph.value(o, RDFS.label))
        for p, o in graph.predicate_objects(subject)
        if str(graph.value(p, RDFS.label)) == predicate_label and (o, RDFS.label, None) in graph
    }


def test_a_list_introduction_says_of_each_item_what_it_says_of_the_kind(graph: Graph):
    greenhouse = named(graph, "greenhouse")
    brambleworks = named(graph, "Brambleworks")

    # "has three wings:" over "the seedling bench": the item is the thing, not "bench" or "wing".
    assert {"seedling bench", "potting corner", "cold frame"} <= objects(graph, greenhouse, "contains")
    assert {"narrow trowel", "wide trowel"} <= objects(graph, brambleworks, "provides")
    assert "kind" not in objects(graph, brambleworks, "provides")  # "two kinds of trowel" offers trowels
    assert (named(graph, "seedling bench"), RDF.type, named(graph, "wing")) in graph


def test_an_idiom_shaped_like_an_agent_is_no_doer(graph: Graph):
    shed, annex = named(graph, "shed"), named(graph, "annex")

    # "The shed that the tools were taken from is called the annex": the annex is that shed.
    assert (annex, RDF.type, shed) in graph
    assert not any("default" in str(o) for o in graph.objects(None, RDFS.label) if "by default" not in str(o))


def test_it_in_a_joined_clause_is_the_subject_of_the_clause_before(graph: Graph):
    pump, water = named(graph, "pump command"), named(graph, "water")

    assert relations(graph, pump, water) == {"move", "does not filter"}


def test_a_non_restrictive_aside_names_a_role_as_a_quality(graph: Graph):
    rack = named(graph, "cedar rack")

    assert (rack, KGO.hasCharacteristic, Literal("default")) in graph


def test_each_of_and_a_prepositional_dative_reach_the_listeners(graph: Graph):
    hub, listener = named(graph, "hub"), named(graph, "listener")

    assert relations(graph, hub, listener) == {"send to"}


def test_a_name_the_tagger_reads_as_punctuation_is_still_the_object(graph: Graph):
    packet, depot = named(graph, "Seed packet"), named(graph, "Depot K7")

    assert len(relations(graph, packet, depot)) == 1  # "stored in", the ontology's stores-in


def test_items_under_a_clause_ending_in_a_preposition_complete_it_by_their_lead(graph: Graph):
    sprinkler = named(graph, "sprinkler")

    assert objects(graph, sprinkler, "is fed from") == {"Rain Barrel", "Town Main"}
    assert relations(graph, named(graph, "council"), named(graph, "Town Main")) == {"meter"}  # still read


def test_a_short_form_keeps_the_initials_of_a_capitalised_name(graph: Graph):
    box = named(graph, "Garden Box")

    assert (box, KGO.acronym, Literal("GBX")) in graph
    assert (box, SKOS.altLabel, Literal("GBX")) in graph


def test_a_glued_apposition_ends_the_noun_phrase_and_takes_its_relative_clause():
    # "Zorb is a distributed event streaming platform that was built at Fernhill", parsed as the
    # parser did for such a sentence: "event" the attribute, "streaming platform" its apposition.
    nlp = load_parser()
    words = "Zorb is a distributed event streaming platform that was built at Fernhill .".split()
    heads = [1, 1, 4, 4, 1, 6, 4, 9, 9, 6, 9, 10, 1]
    deps = ["nsubj", "ROOT", "det", "amod", "attr", "amod", "appos", "nsubjpass", "auxpass", "relcl", "prep"]
    deps += ["pobj", "punct"]
    pos = ["PROPN", "AUX", "DET", "VERB", "NOUN", "NOUN", "NOUN", "PRON", "AUX", "VERB", "ADP", "PROPN", "PUNCT"]
    tags = ["NNP", "VBZ", "DT", "VBN", "NN", "NN", "NN", "WDT", "VBD", "VBN", "IN", "NNP", "."]
    lemmas = ["Zorb", "be", "a", "distribute", "event", "streaming", "platform", "that", "be", "build", "at"]
    lemmas += ["Fernhill", "."]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas)
    ontology = Graph()
    registry = ConceptRegistry(Lexicon.from_graph(ontology), known=ontology)

    facts = OpenReader(lambda text, mint: registry.get_or_mint(text)).read(doc, None, None)

    said = {(f.subject.label, f.phrase, f.object.label) for f in facts if f.object is not None}
    assert ("Zorb", "is a", "distributed event streaming platform") in said
    assert ("Zorb", "is built at", "Fernhill") in said


def test_a_noun_a_relative_clause_restricts_and_a_clause_names_is_the_named_thing(graph: Graph):
    # "The bird that sings at dawn is called a robin": the robin sings at dawn and is a bird; birds in
    # general are not called robins.
    robin, bird, dawn = named(graph, "robin"), named(graph, "bird"), named(graph, "dawn")

    assert (robin, RDF.type, bird) in graph
    assert relations(graph, robin, dawn) == {"sing at"}
    assert relations(graph, bird, robin) == set()
    assert relations(graph, bird, dawn) == set()
