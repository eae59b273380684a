"""Short forms and amounts in notes: "dead-letter queue (DLQ)", "NFS (Network File System)", "up to 15 X".

The fixture ``open_shortforms.md`` was written for these tests, in the style of third-party notes; its
names are coined. A short form is recorded only on a name whose words its letters spell; an amount
keeps its number.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import RDF, RDFS
from test_open_extraction import built, named, relations

from kg.namespaces import KGO

FIXTURE = Path(__file__).parent / "fixtures" / "open_shortforms.md"


@pytest.fixture(scope="module")
def graph() -> Graph:
    return built(FIXTURE)


def short_forms(graph: Graph) -> dict[str, str]:
    """Return each recorded short form with the label of the concept it names."""
    return {str(a): str(graph.value(s, RDFS.label)) for s, a in graph.subject_objects(KGO.acronym)}


def amounts(graph: Graph, subject) -> dict[str, set[str]]:
    """Return the literal values said of ``subject`` (qualities aside), by their predicate's label."""
    out: dict[str, set[str]] = {}
    for p, o in graph.predicate_objects(subject):
        minted = (p, RDF.type, None) in graph and p not in (KGO.acronym, KGO.hasCharacteristic)
        if isinstance(o, Literal) and minted:
            out.setdefault(str(graph.value(p, RDFS.label)), set()).add(str(o))
    return out


def test_a_short_form_names_the_hyphenated_name_its_letters_spell(graph: Graph):
    # "frozen-spindle buffer (FSB)": each part of "frozen-spindle" gives a letter; "buffer" alone is no FSB.
    assert short_forms(graph)["FSB"].lower() == "frozen-spindle buffer"
    buffer = named(graph, "FSB")
    assert relations(graph, named(graph, "spindle"), buffer)  # "moved to a frozen-spindle buffer (FSB)"


def test_a_short_form_before_its_long_name_in_parentheses_names_the_long_name(graph: Graph):
    # "GRP (Gossip Relay Protocol)": label the long name, the short form its acronym; not one label.
    assert short_forms(graph)["GRP"] == "Gossip Relay Protocol"
    assert not any("Gossip" in str(o) and "GRP" in str(o) for o in graph.objects(None, RDFS.label))


def test_a_clipped_short_form_names_the_words_it_clips(graph: Graph):
    assert short_forms(graph)["prod/cons"] == "produce/consume"


def test_a_short_form_that_spells_no_name_before_it_is_recorded_nowhere(graph: Graph):
    # "lives in a queue (SLQ)": "queue" is no SLQ, and a clause is no name.
    assert "SLQ" not in short_forms(graph)


def test_a_phrase_that_spells_a_short_named_topic_is_its_name_not_its_kind(graph: Graph):
    # "## QMS" over "quantum mesh service", and "**QBR**: quorum bridge relay".
    assert short_forms(graph)["QMS"] == "quantum mesh service"
    assert short_forms(graph)["QBR"] == "quorum bridge relay"
    qms = named(graph, "QMS")
    assert "fully managed" in {str(o) for o in graph.objects(qms, KGO.hasCharacteristic)}
    kinds = {str(graph.value(t, RDFS.label)) for t in graph.objects(qms, RDF.type)}
    assert "quantum mesh service" not in kinds


def test_an_amount_bullet_is_what_its_topic_has_number_and_all(graph: Graph):
    quarbo = named(graph, "Quarbo")

    assert amounts(graph, quarbo)["has"] == {"up to 12 shard replicas", "up to 64 TiB of frozen storage"}


def test_an_amount_a_verb_takes_keeps_its_number(graph: Graph):
    quarbo = named(graph, "Quarbo")

    assert amounts(graph, quarbo)["scale up to"] == {"128 TiB"}
    assert not any(str(graph.value(o, RDFS.label)) == "TiB" for o in graph.objects(quarbo, None))


def test_a_parent_item_ending_in_a_colon_that_names_a_thing_is_what_its_items_say(graph: Graph):
    # "**Frobnix volumes**:" over "Tied to a rack".
    assert relations(graph, named(graph, "Frobnix volume"), named(graph, "rack")) == {"is tied to"}
