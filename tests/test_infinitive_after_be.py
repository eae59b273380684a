""" "X is to V ...": the subject of the copula is what the deed is ("the first chore is to sweep the yard"),
not who does it; a passive infinitive ("the gate is to be locked") is still said of its subject."""

from __future__ import annotations

import pytest
from rdflib import RDF, RDFS, Graph
from test_open_extraction import built_note

YARD = """# Yard Routine

## Mornings

The first chore is to sweep the yard before the lorries arrive. The gate is to be locked at dusk. Our aim is
to cut the diesel bill by a third. Ferg wants to paint the shed.
"""


@pytest.fixture(scope="module")
def yard(tmp_path_factory: pytest.TempPathFactory) -> Graph:
    return built_note(tmp_path_factory, "yard.md", YARD)


def stated(graph: Graph) -> set[tuple[str, str]]:
    """Return each statement's subject and object labels."""
    out = set()
    for st in graph.subjects(RDF.type, RDF.Statement):
        s, o = graph.value(st, RDF.subject), graph.value(st, RDF.object)
        out.add((str(graph.value(s, RDFS.label)), str(graph.value(o, RDFS.label))))
    return out


def test_the_subject_of_be_does_not_do_the_infinitive(yard: Graph):
    pairs = stated(yard)
    assert ("first chore", "yard") not in pairs
    assert ("aim", "diesel bill") not in pairs


def test_a_passive_infinitive_and_a_verb_of_wanting_keep_their_subject(yard: Graph):
    pairs = stated(yard)
    assert ("gate", "dusk") in pairs
    assert ("Ferg", "shed") in pairs
