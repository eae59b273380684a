"""The asked-for type must be met by the answer: "which port" is not answered with a connection.

When the graph names a thing ("port") that no relation is typed by, an answer to "which port ..." must
say it in its own name ("port 7070"); a fact whose sentence only mentions a port beside its object
("uses a single TCP port 7070 connection": a connection) accounts for the relation, not for the type.
"""

from __future__ import annotations

import pytest
from note_graph import note_graph

from kg.api import KnowledgeGraph

NOTE = """# Relay protocols

## Zorp

**Zorp** is a relay protocol for sensor data.

- Zorp uses a single **TCP port 7070** connection.
- Zorp is preferred over **Quill** for small sensors.

## Quill

**Quill** is an older relay protocol.

- Quill listens on **port 6060**.
- A **port** is a numbered endpoint of a host.
- A **connection** links two hosts.
"""


@pytest.fixture(scope="module")
def relays(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    return note_graph(tmp_path_factory.mktemp("relays"), "relays", NOTE)


def test_an_answer_that_is_not_of_the_asked_type_is_not_given_as_sure(relays: KnowledgeGraph) -> None:
    answer = relays.ask("Which port does Zorp use?")
    labels = [a.get("label") for a in answer.answers]
    assert "connection" not in labels or answer.confidence < relays.engine.text_threshold


def test_an_answer_whose_name_says_the_asked_type_stays_sure(relays: KnowledgeGraph) -> None:
    answer = relays.ask("Which port does Quill listen on?")
    assert [a.get("label") for a in answer.answers] == ["port 6060"]
    assert answer.confidence >= relays.engine.text_threshold
