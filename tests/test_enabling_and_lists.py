"""Open extraction of enabling verbs, slashes, passives with an agent, capability bullets and examples.

The note below was written for these tests; its product names are coined so that no ontology name or
other note decides what is read: every fact comes from the grammar of the sentence or the bullet.
"""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import RDF, RDFS
from test_open_extraction import built, built_note, named, relations, subjects_of

NOTE = """# Warehouses

## Kestrel

**Kestrel** is a storage engine that was built by **Mira Holt** in 2009 for the archiving of seismic records.

- Shards allow you to partition your archive inside your cluster
- Kestrel lets you rotate keys without downtime.
- Kestrel uses a private link instead of the public backbone.
- Kestrel replicates snapshots to cold vaults rather than hot disks.
- Audit trails can go to Quill / Ledgerline
- Kestrel supports many codecs, including Brotlix and Zephyr.
- Kestrel offers query dialects for both Quarry and Tessel.
- Kestrel offers a console for both Lindor and Mavik.
- offline cache
- automatic compaction
- encryption at rest
- nightly snapshots
- Ledgerline
  - compaction scheduling
  - automatic replication
- Risk of data loss if a disk fails

## Gates compared

The rules of a gate are set per gate.

| Swing Gate | Slide Gate |
| --- | --- |
| Operates on a hinge at one side of the path | Operates on a rail along the whole fence |
| Permits allow rules only | Permits allow rules and deny rules |
| Rules include timers and motion sensors | Rules include timers only |
"""


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> Graph:
    path = tmp_path_factory.mktemp("enabling") / "warehouses.md"
    path.write_text(NOTE, encoding="utf-8")
    return built(path)


def labels_related(graph: Graph, subject, predicate_label: str) -> set[str]:
    """Return the labels of the things ``subject`` has under the predicate labelled ``predicate_label``."""
    return {
        str(graph.value(o, RDFS.label))
        for p, o in graph.predicate_objects(subject)
        if str(graph.value(p, RDFS.label)) == predicate_label and (o, RDFS.label, None) in graph
    }


def test_what_an_enabling_verb_makes_possible_is_said_of_its_subject(graph: Graph):
    # "allow you to partition": the shards partition the archive, the archive partitions nothing.
    shard, archive = named(graph, "shard"), named(graph, "archive")

    assert relations(graph, shard, archive) == {"partition"}
    said_of_archive = {str(graph.value(p, RDFS.label)) for p in graph.predicates(archive, None)}
    assert not any(label.startswith("partition") for label in said_of_archive)
    assert relations(graph, named(graph, "Kestrel"), named(graph, "key")) == {"rotate"}


def test_a_noun_after_instead_of_or_rather_than_is_set_aside_never_the_verbs_participant(graph: Graph):
    kestrel = named(graph, "Kestrel")

    assert relations(graph, kestrel, named(graph, "private link")) == {"use"}
    assert relations(graph, kestrel, named(graph, "cold vault")) == {"replicates to"}
    for aside in ("public backbone", "hot disk"):
        assert not any(True for _ in graph.subjects(RDFS.label, Literal(aside)))


def test_a_spaced_slash_between_names_gives_two_objects_of_one_predicate(graph: Graph):
    trails = named(graph, "Audit trail")

    assert relations(graph, trails, named(graph, "Quill")) == relations(graph, trails, named(graph, "Ledgerline"))
    assert relations(graph, trails, named(graph, "Ledgerline")) != set()


def test_a_passive_with_an_agent_keeps_what_it_was_done_for(graph: Graph):
    kestrel, holt = named(graph, "Kestrel"), named(graph, "Mira Holt")

    assert relations(graph, holt, kestrel) == {"build"}
    assert labels_related(graph, kestrel, "is built for") == {"archiving of seismic record"}


def test_names_given_as_examples_of_a_plural_are_of_its_kind_and_objects_of_its_verb(graph: Graph):
    kestrel = named(graph, "Kestrel")

    for name in ("Brotlix", "Zephyr"):
        member = named(graph, name)
        assert "codec" in {str(graph.value(kind, RDFS.label)) for kind in graph.objects(member, RDF.type)}
        assert relations(graph, kestrel, member) == {"provides"}


def test_a_bullet_that_names_a_capability_is_what_the_section_thing_provides(graph: Graph):
    provided = labels_related(graph, named(graph, "Kestrel"), "provides")

    assert {"automatic compaction", "encryption at rest", "nightly snapshot"} <= provided
    assert "automatic replication" in labels_related(graph, named(graph, "Ledgerline"), "provides")


def test_a_noun_bullet_that_names_no_capability_is_not_provided(graph: Graph):
    # "offline cache" is headed by a plain noun (what the thing is or has, not what it does); the first
    # item under a parent says what the parent is; a clause with a condition is no capability.
    provided = labels_related(graph, named(graph, "Kestrel"), "provides")

    assert "offline cache" not in provided
    assert "compaction scheduling" not in labels_related(graph, named(graph, "Ledgerline"), "provides")
    assert not any("risk" in label.lower() for label in provided)


def test_a_table_cell_opening_with_a_verbs_s_form_is_said_of_its_columns_thing(graph: Graph):
    # "Permits allow rules only" under "Swing Gate": the gate permits allow rules; no "Permit" does anything.
    swing, slide = named(graph, "Swing Gate"), named(graph, "Slide Gate")

    assert relations(graph, swing, named(graph, "allow rule")) == {"permit"}
    assert relations(graph, slide, named(graph, "deny rule")) == {"permit"}
    assert relations(graph, swing, named(graph, "deny rule")) == set()
    assert not any(True for _ in graph.subjects(RDFS.label, Literal("Permit")))


def test_a_cell_opening_with_a_plural_the_note_uses_elsewhere_keeps_it_as_its_subject(graph: Graph):
    # "rules" is a noun elsewhere in the note, so "Rules include timers" is said of the rules.
    assert subjects_of(graph, named(graph, "timer")) == {"rule"}


def test_names_a_plural_lists_for_both_take_its_place_as_the_verbs_objects(graph: Graph):
    kestrel = named(graph, "Kestrel")

    for name in ("Quarry", "Tessel"):
        member = named(graph, name)
        assert "query dialect" in {str(graph.value(kind, RDFS.label)) for kind in graph.objects(member, RDF.type)}
        assert relations(graph, kestrel, member) == {"provides"}
    assert not any(True for _ in graph.subjects(RDFS.label, Literal("query dialect")) if (kestrel, None, _) in graph)


def test_one_thing_for_both_names_is_not_each_of_them(graph: Graph):
    # "a console for both Lindor and Mavik": one console, which neither name is.
    for node in [s for name in ("Lindor", "Mavik") for s in graph.subjects(RDFS.label, Literal(name))]:
        assert "console" not in {str(graph.value(kind, RDFS.label)) for kind in graph.objects(node, RDF.type)}
    console = named(graph, "console")
    assert relations(graph, named(graph, "Kestrel"), console) == {"provides"}


COURIERS = """# Couriers

## Wren

**Wren** is a courier service for small parcels.

## Finch

**Finch** is a courier service for heavy parcels.

## Depots

- Depots are served by Wren/Finch.
- Depots keep a day/night rota.
"""


@pytest.fixture(scope="module")
def couriers(tmp_path_factory: pytest.TempPathFactory) -> Graph:
    return built_note(tmp_path_factory, "couriers.md", COURIERS)


def test_an_unspaced_slash_between_two_names_of_the_note_names_two_things(couriers: Graph):
    wren, finch, depot = named(couriers, "Wren"), named(couriers, "Finch"), named(couriers, "Depot")

    assert relations(couriers, wren, depot) == relations(couriers, finch, depot) != set()
    assert not any(True for _ in couriers.subjects(RDFS.label, Literal("Wren Finch")))


def test_an_unspaced_slash_between_ordinary_words_stays_one_phrase(couriers: Graph):
    # "day/night" names no two things of the note: one rota, not a day and a night.
    assert not any(True for _ in couriers.subjects(RDFS.label, Literal("night rota")))
