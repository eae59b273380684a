"""Open extraction of common noun examples ("resources like a dedicated kernel") and "<name> for <name>".

The note below was written for these tests; its product names are coined. It names "kernel" on its own
elsewhere: an example whose head noun is a concept the note knows is that concept, not one of its own.
"""

from __future__ import annotations

import pytest
from rdflib import Graph
from rdflib.namespace import RDF, RDFS, SKOS
from test_open_extraction import built, named, relations

NOTE = """# Sandboxes

## Quillbox

**Quillbox** is a sandbox for untrusted plugins.

A kernel isolates each plugin.

Quillbox grants more resources, such as a private kernel, disk quotas and crash reporting.

Operators delegate tedious chores like log rotation and patching.

## Quillbox on desktops

### Quillbox for Linux

Quillbox for Linux runs as a daemon.

### Quillbox for FreeBSD

Quillbox for FreeBSD runs as a background service.

### Support for Arm

Support for Arm is planned.
"""


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> Graph:
    path = tmp_path_factory.mktemp("examples") / "sandboxes.md"
    path.write_text(NOTE, encoding="utf-8")
    return built(path)


def labelled(graph: Graph, name: str) -> set:
    return {s for p in (RDFS.label, SKOS.altLabel) for s, o in graph.subject_objects(p) if str(o) == name}


def test_an_example_whose_head_noun_is_a_class_is_that_class_not_a_concept_of_its_own(graph: Graph):
    kernel = named(graph, "kernel")

    assert not labelled(graph, "private kernel")
    assert relations(graph, named(graph, "Quillbox"), kernel)  # the verb's object by example
    assert (kernel, RDF.type, named(graph, "resource")) in graph


def test_other_common_noun_examples_are_members_of_the_plural_and_objects_of_the_verb(graph: Graph):
    resource, quillbox = named(graph, "resource"), named(graph, "Quillbox")
    for example in ("disk quota", "crash reporting"):
        assert (named(graph, example), RDF.type, resource) in graph
        assert relations(graph, quillbox, named(graph, example))


def test_a_gerund_given_as_an_example_names_the_activity(graph: Graph):
    chore = named(graph, "tedious chore")
    for example in ("log rotation", "patching"):
        assert (named(graph, example), RDF.type, chore) in graph


def test_a_name_for_a_name_is_one_of_the_first_name(graph: Graph):
    quillbox = named(graph, "Quillbox")
    for edition in ("Quillbox for Linux", "Quillbox for FreeBSD"):
        assert (named(graph, edition), RDF.type, quillbox) in graph
    # "Support" names nothing the note knows: the phrase is no kind of anything by its first word.
    assert set(graph.objects(named(graph, "Support for Arm"), RDF.type)) <= {named(graph, "concept")}
