"""Fragments of notes read by grammar: bullets whose subject is their lead-in, parent item or heading.

The fixture ``open_fragments.md`` was written for these tests, in the style of third-party notes
(lowercase bullets with no subject, "Name: what it is" lead-ins, nested bullets under a name). Its
names are coined words no dictionary or ontology knows.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import RDF, RDFS
from test_open_extraction import built, named, relations

from kg.namespaces import KG, KGO

FIXTURE = Path(__file__).parent / "fixtures" / "open_fragments.md"


@pytest.fixture(scope="module")
def graph() -> Graph:
    return built(FIXTURE)


def qualities(graph: Graph, subject) -> set[str]:
    return {str(o) for o in graph.objects(subject, KGO.hasCharacteristic)}


def kinds(graph: Graph, subject) -> set[str]:
    return {str(graph.value(t, RDFS.label)) for t in graph.objects(subject, RDF.type) if (t, RDFS.label, None) in graph}


def test_a_bare_noun_phrase_opening_a_coined_names_section_says_what_it_is(graph: Graph):
    # "Zorbex" is never repeated in a sentence, but a coined name still names the section's thing.
    assert "key-value store" in kinds(graph, named(graph, "Zorbex"))


def test_an_adjective_or_participle_fragment_is_a_quality_of_the_sections_thing(graph: Graph):
    assert "fully managed" in qualities(graph, named(graph, "Zorbex"))


def test_an_adjective_the_tagger_reads_as_a_noun_is_a_quality(graph: Graph):
    # The small English model tags a lone "lockless" or "compliant" as a noun.
    assert {"lockless", "GDPR compliant"} <= qualities(graph, named(graph, "Zorbex"))


def test_advice_is_no_quality(graph: Graph):
    # "should be idempotent" says what ought to be, not what is.
    assert not {q for s, o in graph.subject_objects(KGO.hasCharacteristic) for q in [str(o)] if "idempotent" in q}
    assert not any("restarted" in q for q in qualities(graph, named(graph, "Zorbex")))


def test_a_negated_quality_is_recorded_negated_and_never_as_the_quality(graph: Graph):
    zorbex = named(graph, "Zorbex")

    assert not any("consistent" in q for q in qualities(graph, zorbex))
    assert (zorbex, KG["rel/is-not"], Literal("strongly consistent")) in graph
    assert (KG["rel/is-not"], KGO.negationOf, KGO.hasCharacteristic) in graph


def test_a_lowercase_verb_fragment_is_said_of_the_section_and_keeps_its_negation(graph: Graph):
    zorbex = named(graph, "Zorbex")

    assert relations(graph, zorbex, named(graph, "snapshot"))
    said = relations(graph, zorbex, named(graph, "join"))
    assert said and all(label.startswith("does not") for label in said)


def test_a_participle_fragment_with_a_preposition_keeps_it(graph: Graph):
    zorbex = named(graph, "Zorbex")
    writes = {s for s, o in graph.subject_objects(RDFS.label) if str(o) in ("write", "writes")}

    assert {"is optimized for"} in [relations(graph, zorbex, w) for w in writes]


def test_a_nested_bullet_is_about_the_item_it_hangs_under(graph: Graph):
    quillon, reader = named(graph, "Quillon"), named(graph, "reader")

    assert "journal" in kinds(graph, quillon)
    assert relations(graph, quillon, reader)
    assert not relations(graph, named(graph, "Engine parts"), reader)


def test_a_lead_in_names_what_its_bullet_is_about(graph: Graph):
    ledgera, tabulon = named(graph, "Ledgera"), named(graph, "Tabulon")

    assert "durable" in qualities(graph, ledgera)
    assert relations(graph, tabulon, named(graph, "old page"))  # "Tabulon: Compress old pages"


def test_a_definite_noun_phrase_after_a_lead_in_classifies_nothing(graph: Graph):
    larkdb = named(graph, "Larkdb")

    assert {k.lower() for k in kinds(graph, larkdb)} <= {"concept"}


def test_a_bullet_does_not_inherit_the_subject_of_the_bullet_before_it(graph: Graph):
    # Under a heading that names nothing, "stores pages in memory" follows "The Zorbex cache keeps
    # recent pages.": a bullet of its own, not said of the cache.
    cache = named(graph, "Zorbex cache")
    memories = {s for s, o in graph.subject_objects(RDFS.label) if str(o) == "memory"}  # a concept or none

    assert not any(relations(graph, cache, memory) for memory in memories)


def test_items_under_an_unfinished_clause_complete_it(graph: Graph):
    # "replicates" over "Vortana" and "Skelmir": Zorbex replicates each; "similar to" over "Ferrox".
    zorbex = named(graph, "Zorbex")

    assert relations(graph, zorbex, named(graph, "Vortana")) == {"replicate"}
    assert relations(graph, zorbex, named(graph, "Skelmir")) == {"replicate"}
    assert relations(graph, zorbex, named(graph, "Ferrox")) == {"is similar to"}


def test_an_adverbial_idiom_is_no_participant(graph: Graph):
    # "at a time", "under the hood" say how, not what the verb acts on.
    times = {s for s, o in graph.subject_objects(RDFS.label) if str(o) in ("time", "hood")}

    assert not any(relations(graph, named(graph, "Zorbex"), t) for t in times)
    assert relations(graph, named(graph, "Zorbex"), named(graph, "page cache"))
