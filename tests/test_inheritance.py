"""Class-level facts reach a kind's members only where a member says nothing of that relation itself."""

from __future__ import annotations

import pytest

from kg.api import KnowledgeGraph

NOTE = """# Harbour computing

## Machines at the port

Virtual machines offer dedicated kernels.

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
