"""Terse bullet notes: nested items with no subject, read by what the heading or the parent item names.

The note below was written for these tests in the style of third-party study notes (lowercase items,
a verb or a label alone as a parent item, negation and idioms inside fragments). Its product names
are coined, and "shiftlocked" is one the tagger reads as a verb when it stands alone.
"""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import RDF, RDFS
from test_open_extraction import built, named, relations

from kg.namespaces import KGO

NOTE = """# Bicycles

## Velotrax

- folding city bicycle
- supports
  - derailleur
    - can't shift gears under load
  - shiftlocked
    - optimized for steep hills
- options
  - single speed
  - belt drive
  - chain drive
- brake pads
  - wear quickly
  - cheap to replace
- folds vertically not horizontally
- by default eventually silent
- fits the FDS when folded
- Use cases:
  - commuting
  - train travel

## FDS: Folding Dock Station

- Accessible from both sides of the hallway.

## Pedalix

- self explanatory
"""


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> Graph:
    path = tmp_path_factory.mktemp("bullets") / "bikes.md"
    path.write_text(NOTE, encoding="utf-8")
    return built(path)


def values(graph: Graph, subject, predicate_label: str) -> set[str]:
    """Return the literal values ``subject`` has under the predicate labelled ``predicate_label``."""
    return {
        str(o)
        for p, o in graph.predicate_objects(subject)
        if isinstance(o, Literal) and str(graph.value(p, RDFS.label)) == predicate_label
    }


def test_a_nested_item_is_about_the_lowercase_name_it_hangs_under_even_one_tagged_as_a_verb(graph: Graph):
    velotrax, shiftlocked, hills = named(graph, "Velotrax"), named(graph, "shiftlocked"), named(graph, "steep hill")

    assert relations(graph, shiftlocked, hills) == {"is optimized for"}
    assert relations(graph, velotrax, hills) == set()


def test_every_item_under_a_verb_alone_is_its_object_even_one_with_items_of_its_own(graph: Graph):
    velotrax = named(graph, "Velotrax")

    assert relations(graph, velotrax, named(graph, "derailleur")) == {"provides"}
    assert relations(graph, velotrax, named(graph, "shiftlocked")) == {"provides"}


def test_names_under_a_plural_label_are_members_in_the_role_the_label_names(graph: Graph):
    velotrax = named(graph, "Velotrax")

    for member in ("single speed", "belt drive", "chain drive"):
        assert relations(graph, velotrax, named(graph, member)) == {"option"}
    option = next(graph.subjects(RDFS.label, Literal("option")))
    assert (option, KGO.minted, Literal(True)) in graph
    assert not any(True for _ in graph.subjects(RDFS.label, Literal("options")))  # the label is no thing


def test_a_plural_item_over_predicates_is_the_thing_they_describe_not_a_label(graph: Graph):
    pads = named(graph, "brake pad")

    assert values(graph, pads, "wear") == {"quickly"}
    assert values(graph, named(graph, "Velotrax"), "wear") == set()


def test_a_not_between_two_manner_adverbs_denies_the_second_only(graph: Graph):
    velotrax = named(graph, "Velotrax")

    assert values(graph, velotrax, "fold") == {"vertically"}
    assert values(graph, velotrax, "does not fold") == {"horizontally"}
    denial = next(graph.subjects(RDFS.label, Literal("does not fold")))
    assert graph.value(denial, KGO.negationOf) == next(graph.subjects(RDFS.label, Literal("fold")))


def test_an_opening_idiom_leaves_the_quality_after_it_and_names_no_concept(graph: Graph):
    velotrax = named(graph, "Velotrax")

    assert "eventually silent" in {str(o) for o in graph.objects(velotrax, KGO.hasCharacteristic)}
    assert not any(True for _ in graph.subjects(RDFS.label, Literal("default")))


def test_a_contracted_negation_opening_a_fragment_is_said_of_the_item_above_and_stays_negated(graph: Graph):
    derailleur, gear = named(graph, "derailleur"), named(graph, "gear")

    assert relations(graph, derailleur, gear) == {"does not shift"}
    assert relations(graph, gear, derailleur) == set()


def test_a_membership_keeps_the_label_and_the_item_it_was_read_from(graph: Graph):
    velotrax, belt = named(graph, "Velotrax"), named(graph, "belt drive")

    statements = [st for st in graph.subjects(RDF.subject, velotrax) if graph.value(st, RDF.object) == belt]
    assert [str(graph.value(st, KGO.quote)) for st in statements] == ["options: belt drive"]
    assert str(graph.value(statements[0], KGO.rule)) == "list:label"


def test_a_heading_of_a_short_form_and_the_name_it_spells_names_the_sections_thing(graph: Graph):
    dock, side = named(graph, "Folding Dock Station"), named(graph, "side")

    assert relations(graph, dock, side) == {"is accessible from"}
    assert relations(graph, named(graph, "Velotrax"), dock) == {"fit"}  # "the FDS" is the same thing


def test_a_lowercase_noun_phrase_opening_a_section_says_what_its_thing_is_even_one_tagged_as_a_clause(graph: Graph):
    # The tagger reads "folding" as a verb with "city bicycle" for its object; an adjective phrase
    # opening a section ("self explanatory") is no kind.
    velotrax = named(graph, "Velotrax")

    assert {str(graph.value(k, RDFS.label)) for k in graph.objects(velotrax, RDF.type)} >= {"folding city bicycle"}
    assert not any(True for _ in graph.subjects(RDFS.label, Literal("self explanatory")))


def test_a_label_ending_in_a_colon_is_the_same_label(graph: Graph):
    velotrax = named(graph, "Velotrax")

    assert relations(graph, velotrax, named(graph, "commuting")) == {"use case"}
    assert relations(graph, velotrax, named(graph, "train travel")) == {"use case"}
