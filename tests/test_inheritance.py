"""Class-level facts reach a kind's members only where a member says nothing of that relation itself."""

from __future__ import annotations

from pathlib import Path

import pytest
from note_graph import note_graph
from rdflib import URIRef

from kg.api import KnowledgeGraph
from kg.sentence_answer import SentenceAnswerer

NOTE = """# Harbour computing

## Machines at the port

Virtual machines offer kernels.

**Kestrel** is a virtual machine. Kestrel offers fast disks.

**Osprey** is a virtual machine that was built in Leith.
"""


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    folder = tmp_path_factory.mktemp("port")
    (folder / "port.md").write_text(NOTE, encoding="utf-8")
    return KnowledgeGraph.open(docs=[folder / "port.md"], cache_dir=folder / "vectors")


def _labels(graph: KnowledgeGraph, question: str) -> list[str]:
    return [a["label"] for a in graph.ask(question).answers]


def test_a_member_that_states_the_relation_keeps_only_its_own_values(graph: KnowledgeGraph):
    assert _labels(graph, "What does Kestrel offer?") == ["fast disk"]


def test_a_member_silent_on_the_relation_inherits_the_kinds_values(graph: KnowledgeGraph):
    assert _labels(graph, "What does Osprey offer?") == ["kernel"]


def test_the_kind_keeps_its_own_statement(graph: KnowledgeGraph):
    assert _labels(graph, "What do virtual machines offer?") == ["kernel"]


FLEET = """# Fleet

Virtual machines offer kernels.

**Albatross** is a virtual machine. Albatross was built in Leith. Albatross runs in Leith. Albatross
sails to Oban.
"""


def test_the_kind_that_states_a_fact_answers_before_the_members_that_inherit_it(tmp_path: Path):
    # Albatross inherits "offers kernels" from virtual machines and is said more of (and comes
    # first in the alphabet): the kind the note said it of comes first all the same.
    graph = note_graph(tmp_path, "fleet", FLEET)

    assert _labels(graph, "What offers kernels?") == ["virtual machine", "Albatross"]


#: A note on widgets: its title names the kind, and a named widget is one ("Acme Widget").
WIDGETS = """# Widgets

Widgets hold small brass screws. The Zeta is a widget.

## Acme Widget

The Acme Widget folds flat for storage.
"""


def test_a_sentence_about_the_kind_is_no_sentence_about_a_member_that_inherits_its_fact(tmp_path: Path):
    # The Acme Widget inherits what widgets do ("hold small brass screws"), but the sentence that says so speaks
    # of widgets: it is no rival to what the note says of the Acme Widget itself.
    (tmp_path / "widgets.md").write_text(WIDGETS, encoding="utf-8")
    graph = KnowledgeGraph.open(docs=[tmp_path / "widgets.md"], preload_model=False)
    acme = next(URIRef(iri) for (iri,) in graph.query('SELECT ?x WHERE { ?x rdfs:label "Acme Widget" }'))
    kinds = {str(label) for (label,) in graph.query(f"SELECT ?l WHERE {{ {acme.n3()} a/rdfs:label ?l }}")}
    inherited = {str(r) for (r,) in graph.query(f"SELECT ?r WHERE {{ ?st rdf:subject {acme.n3()} ; kgo:rule ?r }}")}

    assert "widget" in kinds and any(rule.startswith("inherited from") for rule in inherited)
    texts = {c.text for c in SentenceAnswerer(graph.store, embed=None).sentences({acme})}
    assert texts == {"The Acme Widget folds flat for storage."}
