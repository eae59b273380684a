"""Readings of note sentences that third-party notes write often: each on a small note of its own.

Every test builds one short Markdown note with the real parser and the bundled ontology and compares
the facts it gives, as (subject, predicate, object) labels, with what the note says. The names are
coined or plain, so no rule can know them in advance.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS

from kg.ingest.pipeline import extract_document
from kg.namespaces import KGO, data_dir


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(data_dir() / "ontology.ttl")


def facts(tmp_path: Path, ontology: Graph, text: str) -> set[tuple[str, str, str]]:
    """Read ``text`` as a note alone and return its facts between named things, by label."""
    path = tmp_path / "note.md"
    graph = extract_document(path, text, ontology) + ontology
    out = set()
    for st in graph.subjects(RDF.type, RDF.Statement):
        s, p, o = (graph.value(st, part) for part in (RDF.subject, RDF.predicate, RDF.object))
        if isinstance(o, URIRef):
            out.add((label(graph, s), label(graph, p), label(graph, o)))
    return out


def label(graph: Graph, node) -> str:
    if node == RDF.type:
        return "is a"
    return str(graph.value(node, RDFS.label) or node).lower()


def predicates(found: set[tuple[str, str, str]], subject: str, obj: str) -> set[str]:
    return {p for s, p, o in found if s == subject and o == obj}


# -- bullets among predicates of one thing ------------------------------------------------------------
LINK_NOTE = """# Links

- [Quarrel Link](#quarrel-link)

## Quarrel Link

- Establish a private connection between the depot and the harbour
- Goes over a leased line
- Takes a week to set up
"""


def test_a_base_form_verb_among_predicates_is_the_things_verb(tmp_path: Path, ontology: Graph):
    found = facts(tmp_path, ontology, LINK_NOTE)

    assert predicates(found, "quarrel link", "private connection") == {"establish"}


STEPS_NOTE = """# Images

- [Making an image](#making-an-image)

## Making an image

1. Launch a fresh server.
2. Configures itself on first boot.
3. Create an image from the server.
"""


def test_a_numbered_step_is_an_instruction_not_the_sections_verb(tmp_path: Path, ontology: Graph):
    found = facts(tmp_path, ontology, STEPS_NOTE)

    assert not any(p == "launch" for _, p, _ in found)


LABEL_NOTE = """# Archive

- [Snapshot Features](#snapshot-features)

## Snapshot Features

- Can be copied across regions
- Recycle Bin for snapshots
  - Keeps deleted snapshots for a while
"""


def test_an_item_with_items_under_it_is_their_label_not_a_verb(tmp_path: Path, ontology: Graph):
    found = facts(tmp_path, ontology, LABEL_NOTE)

    assert not any(p.startswith("recycle") for _, p, _ in found)


# -- loose verbs are not the ontology's narrow relations ----------------------------------------------
def test_storing_or_going_somewhere_is_no_data_preservation_or_state_change(tmp_path: Path, ontology: Graph):
    found = facts(
        tmp_path,
        ontology,
        "# Logs\n\nThe archive stores every receipt. The archive logs can go to Dropvault.\n"
        "A gatekeeper controls the traffic.\n",
    )

    assert predicates(found, "archive", "receipt") == {"store"}
    assert predicates(found, "archive logs", "dropvault") == {"go to"}
    assert predicates(found, "gatekeeper", "traffic") == {"control"}


# -- a relative clause opened by "where" -------------------------------------------------------------
def test_a_where_clause_places_its_object_in_the_noun_it_hangs_on(tmp_path: Path, ontology: Graph):
    found = facts(tmp_path, ontology, "# Tools\n\nThe vault is the cellar, where Quill stores the old ledgers.\n")

    # "is stored in" is the ontology's own relation; the writer of the clause stores, and is not stored.
    assert predicates(found, "old ledger", "cellar") == {"is stored in"}
    assert predicates(found, "old ledger", "vault") == {"is stored in"}
    assert not any(s == "quill" and o in ("cellar", "vault") for s, _, o in found)


# -- the phrase reader and the parse ----------------------------------------------------------------
def test_a_relation_word_the_parse_reads_as_an_adjective_states_no_relation(tmp_path: Path, ontology: Graph):
    found = facts(tmp_path, ontology, "# Links\n\n- Fast Bridge: direct private connection to Harbourtown\n")

    assert not any(p == "directed by" for _, p, _ in found)


def test_have_before_a_gerund_is_the_verb_and_keeps_its_negation(tmp_path: Path, ontology: Graph):
    found = facts(
        tmp_path,
        ontology,
        "# Links\n\n- [Quarrel Peering](#quarrel-peering)\n\n## Quarrel Peering\n\n"
        "- Must not have overlapping ranges\n- Is not transitive\n",
    )

    assert predicates(found, "quarrel peering", "overlapping range") == {"does not have"}
    assert not any(p.startswith("overlap") for _, p, _ in found)


def test_a_bare_noun_and_a_base_form_verb_are_one_noun_phrase(tmp_path: Path, ontology: Graph):
    found = facts(
        tmp_path,
        ontology,
        "# Stores\n\n- [Quillbase](#quillbase)\n\n## Quillbase\n\n- fully managed\n- provision read throughput\n",
    )

    assert not any(s == "provision" for s, _, _ in found)


def test_a_bare_noun_opening_a_bullet_is_the_subject_of_its_s_verb(tmp_path: Path, ontology: Graph):
    found = facts(
        tmp_path, ontology, "# Stores\n\n## Quillbase\n\n- leader handles client requests and receives queries\n"
    )

    assert predicates(found, "leader", "client request") == {"handle"}
    assert predicates(found, "leader", "query") == {"receive"}


def test_a_relative_clause_on_a_defining_fragment_is_said_of_the_topic(tmp_path: Path, ontology: Graph):
    found = facts(tmp_path, ontology, "# Nets\n\n- Quarrel Guard\n  - A filter which blocks traffic from the harbour\n")

    assert ("quarrel guard", "is a", "filter") in found
    assert predicates(found, "quarrel guard", "traffic") == {"block"}


def test_a_focusing_adverb_leaves_the_subject_and_verb_as_they_are(tmp_path: Path, ontology: Graph):
    found = facts(
        tmp_path,
        ontology,
        "# Nets\n\n- [Quarrel Guard](#quarrel-guard)\n\n## Quarrel Guard\n\n- Rules only include port numbers\n",
    )

    assert predicates(found, "rule", "port number") == {"contains"}


def test_helps_takes_the_verb_after_it(tmp_path: Path, ontology: Graph):
    found = facts(
        tmp_path,
        ontology,
        "# Tools\n\n- [Quill Builder](#quill-builder)\n\n## Quill Builder\n\n- Helps create signed, tested bundles.\n",
    )

    # Read without "It", "Helps" would be a plural noun and "create" its verb: nothing of the builder.
    assert {o for s, _, o in found if s == "quill builder"} == {"signed tested bundle"}


def test_an_indefinite_capitalised_noun_after_a_lead_in_is_its_kind(tmp_path: Path, ontology: Graph):
    found = facts(
        tmp_path,
        ontology,
        "# Images\n\nA Quill Image (QI) is a disk template. Zanzibar sells them.\n\n"
        "- You can start servers from:\n  - A Zanzibar QI: a QI from the bazaar\n",
    )

    assert ("zanzibar qi", "is a", "quill image") in found


def test_the_ontology_still_reads_keeping_as_preserving(tmp_path: Path, ontology: Graph):
    # "keeps" stays one of the relation's words: the narrowing moved only the loose ones.
    found = facts(tmp_path, ontology, "# Resets\n\nA soft reset keeps the staging area.\n")

    assert predicates(found, "soft reset", "staging area") == {str(ontology.value(KGO.preservesData, RDFS.label))}


# -- what is used for a purpose, names qualified as kinds, and the voice of an aligned phrase -------
def test_what_is_used_to_do_something_does_it(tmp_path: Path, ontology: Graph):
    found = facts(tmp_path, ontology, "# Nets\n\nTo reach the harbour from the depots, we use Ferry Tables.\n")

    assert predicates(found, "ferry table", "harbour") == {"reach"}


def test_an_active_clause_never_takes_a_passive_relation_of_the_ontology(tmp_path: Path, ontology: Graph):
    # "reach from" has the lemmas of "reached from" (the ontology's "follows"), but the table reaches.
    found = facts(tmp_path, ontology, "# Nets\n\nTo reach the harbour from the depots, we use Ferry Tables.\n")

    assert predicates(found, "ferry table", "depot") == {"reach from"}


def test_a_name_its_adjective_qualifies_is_the_kind_a_defining_bullet_gives(tmp_path: Path, ontology: Graph):
    found = facts(
        tmp_path,
        ontology,
        "# Files\n\n- [Quill FS](#quill-fs)\n\n## Quill FS\n\n"
        "- Fully managed NFS (Network File System) for small servers.\n- Scales as data grows.\n",
    )

    assert ("quill fs", "is a", "fully managed nfs") in found
