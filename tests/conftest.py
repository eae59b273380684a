"""Share fixtures across the test modules: real components on loopback, never mocks.

How the servers start, are waited for and stop is in ``servers.py``; here are the fixtures that run them.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from servers import Listener, LiveService, running_live_service, running_oxigraph


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Run a real ``oxigraph serve`` on loopback for the session; yield its base URL (see ``running_oxigraph``)."""
    location = tmp_path_factory.mktemp("oxigraph-server")
    log = tmp_path_factory.mktemp("oxigraph-log") / "server.log"
    with running_oxigraph(location, log) as base:
        yield base


@pytest.fixture(scope="session")
def live_service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveService]:
    """Run one real service, gunicorn with two workers on loopback, shared by the API and page tests.

    Both test modules take it through their ``service`` fixture; the first to ask starts it and it stops at
    the end of the session, so the embedding model loads once per test run however the modules are selected.
    """
    with running_live_service(tmp_path_factory.mktemp("live-service")) as service:
        yield service


@pytest.fixture(scope="session")
def bicycles(tmp_path_factory: pytest.TempPathFactory):
    """The graph of ``fixtures/bicycles.md``, a note of our own, built once for the modules that ask it."""
    from kg.api import KnowledgeGraph

    note = Path(__file__).parent / "fixtures" / "bicycles.md"
    return KnowledgeGraph.open(docs=[note], cache_dir=tmp_path_factory.mktemp("bicycle-vectors"))


@pytest.fixture
def listener() -> Iterator[Listener]:
    """A loopback socket that counts the connections made to it: the proof of no outbound request."""
    listener = Listener()
    yield listener
    listener.close()
