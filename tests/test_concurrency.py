"""Test the store under concurrency: threads of one process, and processes sharing one store directory.

pyoxigraph's query results may only be dropped on the thread that made them (its iterators are
"unsendable"), and rdflib on ``oxrdflib`` keeps a SELECT's solutions in a lazy generator that sits in a
reference cycle with its ``Result``, so the garbage collector, which runs on whatever thread allocates at
the time, freed them on other threads. These tests catch every error that reports: the unraisable hook,
thread exceptions, logging and stderr.
"""

from __future__ import annotations

import gc
import logging
import sys
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import pytest
import requests
import w3c
from rdflib import Graph, Literal, URIRef
from servers import clean_env, running_kg_serve

from kg.api import KnowledgeGraph
from kg.build import build, lock_holders
from kg.store import KGStore, StoreBusy, StoreError, open_store

EX = "http://example.org/"
THREADS = 16
MOVIE = "http://example.org/movies/"
GENRES = ("Drama", "Thriller", "Comedy", "Western")
QUESTIONS = [
    "what films did Mira Castellanos direct",
    "which films did Actor 7 act in",
    "who acted in the films directed by Jonas Whitfield",
    "what genres are the films directed by Mira Castellanos",
    "who directed Film Number 12",
    "which films share actors with Film Number 3",
]


@contextmanager
def errors_reported() -> Iterator[list[str]]:
    """Collect what the unraisable hook, thread exceptions and logging (WARNING and up) report meanwhile."""
    reported: list[str] = []
    hook, thread_hook = sys.unraisablehook, threading.excepthook

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            reported.append(f"log {record.name}: {record.getMessage()}")

    handler = Collect(logging.WARNING)
    sys.unraisablehook = lambda u: reported.append(f"unraisable {u.exc_type.__name__}: {u.exc_value}")
    threading.excepthook = lambda a: reported.append(f"thread {a.exc_type.__name__}: {a.exc_value}")
    logging.getLogger().addHandler(handler)
    threshold = gc.get_threshold()
    gc.set_threshold(100)  # collect often, so a cycle is more often collected on some other thread
    try:
        yield reported
    finally:
        gc.collect()
        gc.set_threshold(*threshold)
        logging.getLogger().removeHandler(handler)
        sys.unraisablehook, threading.excepthook = hook, thread_hook


def small_store(path=None) -> KGStore:
    """Return a store (in memory, or the directory ``path``) of 50 labelled items in one named graph."""
    store = open_store(path)
    graph = Graph()
    for i in range(50):
        graph.add((URIRef(f"{EX}item{i}"), URIRef(f"{EX}rank"), Literal(i)))
    store.replace_graph(URIRef(f"{EX}graph"), graph)
    return store


def on_another_thread(function) -> None:
    thread = threading.Thread(target=function)
    thread.start()
    thread.join()


@pytest.mark.parametrize("where", ["memory", "directory"])
def test_a_result_read_in_part_can_be_freed_on_another_thread(where, tmp_path):
    """A result half read, or not read at all, then freed by another thread's garbage collection: no error."""
    store = small_store(None if where == "memory" else tmp_path / "store")
    gc.disable()  # the cycle, if any, must be freed by the collection on the other thread
    try:
        with errors_reported() as reported:
            half = store.query("SELECT ?s ?o WHERE { ?s ?p ?o }")
            first = next(iter(half))
            unread = store.query("SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s")
            ask = store.query("ASK { ?s ?p 3 }")
            held = [half, unread, ask]
            del half, unread, ask
            on_another_thread(held.clear)
            on_another_thread(gc.collect)
    finally:
        gc.enable()
    assert reported == []
    assert len(first) == 2


def test_a_result_handed_to_another_thread_reads_in_full(tmp_path):
    """A result made on one thread and read on another gives every row (it holds plain Python rows)."""
    store = small_store(tmp_path / "store")
    with errors_reported() as reported:
        held = [store.query("SELECT ?o WHERE { ?s ?p ?o } ORDER BY ?o")]
        rows: list = []
        on_another_thread(lambda: rows.extend(held.pop()))
        on_another_thread(gc.collect)
    assert [int(row[0]) for row in rows] == list(range(50))
    assert reported == []


def test_contains_from_many_threads(tmp_path):
    """Membership tests from many threads at once answer right and report nothing."""
    store = small_store(tmp_path / "store")
    rank = URIRef(f"{EX}rank")

    def check(i: int) -> tuple[bool, bool]:
        return store.contains((URIRef(f"{EX}item{i}"), rank, Literal(i))), store.contains(
            (URIRef(f"{EX}item{i}"), rank, Literal(i + 1))
        )

    with errors_reported() as reported, ThreadPoolExecutor(THREADS) as pool:
        results = list(pool.map(check, range(50)))
    assert results == [(True, False)] * 50
    assert reported == []


# -- one directory shared by several store handles (as by several processes) -------------------------------
def test_a_write_through_one_shared_store_is_read_at_once_through_another(tmp_path):
    """Two shared handles on one directory: each sees the other's writes with its very next query."""
    small_store(tmp_path / "store").close()
    first, second = open_store(tmp_path / "store", shared=True), open_store(tmp_path / "store", shared=True)
    assert second.triple_count() == 50
    first.update(f"INSERT DATA {{ GRAPH <{EX}graph> {{ <{EX}new> <{EX}rank> 50 }} }}")
    assert second.triple_count() == 51
    second.replace_graph(URIRef(f"{EX}graph"), Graph())
    assert first.triple_count() == 0
    assert not (tmp_path / "store" / "LOCK").exists() or not lock_holders(tmp_path / "store" / "LOCK")


def test_a_write_waits_for_the_reads_under_way(tmp_path):
    """No write runs during a read: it starts when the read ends, or gives up with StoreBusy after its wait."""
    small_store(tmp_path / "store").close()
    reader, writer = open_store(tmp_path / "store", read_only=True), open_store(tmp_path / "store", shared=True)
    insert = f"INSERT DATA {{ GRAPH <{EX}graph> {{ <{EX}new> <{EX}rank> 50 }} }}"
    done = threading.Event()
    with reader.reading():
        with pytest.raises(StoreBusy), writer.writing(wait=0.2):
            pass
        thread = threading.Thread(target=lambda: (writer.update(insert), done.set()))
        thread.start()
        assert not done.wait(0.5), "the write ran while a read held the store"
    thread.join(30)
    assert done.is_set()
    assert reader.contains((URIRef(f"{EX}new"), URIRef(f"{EX}rank"), Literal(50)))


def test_a_read_only_store_refuses_writes(tmp_path):
    small_store(tmp_path / "store").close()
    store = open_store(tmp_path / "store", read_only=True)
    with pytest.raises(StoreError, match="read-only"):
        store.update(f"INSERT DATA {{ <{EX}a> <{EX}b> <{EX}c> }}")


@pytest.fixture(scope="module")
def movie_graph(tmp_path_factory) -> KnowledgeGraph:
    """A MetaQA-style movie graph (real model) in a directory store opened as a server opens it.

    Two directors with 40 films each and a cast per film, so answers run to dozens of rows: the engine
    stops reading a long result early, which leaves it half read.
    """
    facts = []
    for director, start in (("Mira Castellanos", 0), ("Jonas Whitfield", 40)):
        for number in range(start, start + 40):
            film = f"Film Number {number}"
            facts += [(film, "directed_by", director), (film, "has_genre", GENRES[number % len(GENRES)])]
            facts += [(film, "starred_actors", f"Actor {(number * 7 + k) % 60}") for k in range(3)]
    lines = [f"<{MOVIE}{quote(s)}> <{MOVIE}relation/{p}> <{MOVIE}{quote(o)}> ." for s, p, o in facts]
    for name in sorted({n for s, _, o in facts for n in (s, o)}):
        lines.append(f'<{MOVIE}{quote(name)}> <http://www.w3.org/2000/01/rdf-schema#label> "{name}" .')
    root = tmp_path_factory.mktemp("movies")
    (root / "movies.nt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    build([], [root / "movies.nt"], store_path=root / "store")
    return KnowledgeGraph(open_store(root / "store", read_only=True), cache_dir=root / "vectors")


@pytest.mark.slow
def test_the_engine_answers_from_many_threads_at_once(movie_graph, capfd):
    """16 threads ask at once: the answers are those asked one at a time, and nothing reports an error."""
    expected = {q: movie_graph.ask(q).to_dict()["answers"] for q in QUESTIONS}
    assert len(expected[QUESTIONS[0]]) == 40, "the director's films are the answers"
    capfd.readouterr()
    with errors_reported() as reported, ThreadPoolExecutor(THREADS) as pool:
        rounds = list(pool.map(lambda q: (q, movie_graph.ask(q).to_dict()["answers"]), QUESTIONS * 6))
    stderr = capfd.readouterr().err
    assert reported == []
    assert "unsendable" not in stderr and "Traceback" not in stderr, stderr[-3000:]
    for question, answers in rounds:
        assert answers == expected[question], question


# -- kg serve --allow-update: two workers share the store and take writes -----------------------------------
TOKEN = "concurrency-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
UPDATE_TESTS = [(name, steps) for name, steps in w3c.protocol_tests() if w3c.is_update(steps)]
GRAPH_STORE_TESTS, GRAPH_STORE_LEFT_OUT = w3c.graph_store_tests()


@pytest.fixture(scope="module")
def updatable(tmp_path_factory) -> Iterator[tuple[str, Path]]:
    """``kg serve --allow-update`` as a user first runs it: default workers, no store yet (it builds the
    bundled graph first); the W3C tests' graphs are then written through the Graph Store Protocol.
    Yield its base URL and its log."""
    root = tmp_path_factory.mktemp("kg-serve")
    log = root / "serve.log"
    with running_kg_serve(root / "store", log, clean_env({"KG_ADMIN_TOKEN": TOKEN}), "--allow-update") as base:
        for name, source in sorted(w3c.protocol_graph_data()):
            headers = {**AUTH, "Content-Type": "application/n-triples"}
            put = requests.put(f"{base}/sparql/graph", params={"graph": name}, data=source.read_bytes(),
                               headers=headers, timeout=60)  # fmt: skip
            assert put.status_code == 201, put.text
        yield base, log


def _rows(base: str, query: str) -> list[dict]:
    headers = {"Accept": "application/sparql-results+json", "Connection": "close"}
    response = requests.post(f"{base}/sparql", data={"query": query}, headers=headers, timeout=30)
    assert response.status_code == 200, response.text
    return response.json()["results"]["bindings"]


def _pid(base: str) -> int:
    return requests.get(f"{base}/readyz", headers={"Connection": "close"}, timeout=30).json()["pid"]


@pytest.mark.slow
def test_every_worker_sees_a_write_at_once(updatable):
    """A write through one worker is read back at once, by both workers, and goes away when deleted."""
    base, log = updatable
    insert = 'INSERT DATA { GRAPH <http://example.org/g> { <http://example.org/a> <http://example.org/p> "one" } }'
    read = "SELECT ?o WHERE { <http://example.org/a> <http://example.org/p> ?o }"
    assert _rows(base, read) == []
    headers = {**AUTH, "Content-Type": "application/sparql-update"}
    response = requests.post(f"{base}/sparql", data=insert, headers=headers, timeout=60)
    assert response.status_code == 204, response.text
    pids = set()
    # New connections each time; gunicorn does not deal them out in turn, so ask until both have answered.
    for _ in range(200):
        assert [row["o"]["value"] for row in _rows(base, read)] == ["one"]
        pids.add(_pid(base))
        if len(pids) == 2:
            break
    assert len(pids) == 2, "both workers should have answered"
    graph = {"graph": "http://example.org/g"}
    response = requests.delete(f"{base}/sparql/graph", params=graph, headers=AUTH, timeout=60)
    assert response.status_code == 204, response.text
    for _ in range(6):
        assert _rows(base, read) == []
    # The engine answers over the same store, after the writes, on both workers.
    for _ in range(4):
        question = {"question": "What does an AMI create?"}
        reply = requests.post(f"{base}/api/ask", json=question, headers={"Connection": "close"}, timeout=60)
        assert reply.status_code == 200 and reply.json()["answers"], reply.text
    text = log.read_text(errors="replace")
    assert "Traceback" not in text and "unsendable" not in text, text[-3000:]


@pytest.mark.slow
@pytest.mark.skipif(not UPDATE_TESTS, reason="the W3C test suite is not in ../shared/benchmarks")
@pytest.mark.parametrize(("name", "steps"), UPDATE_TESTS, ids=[name for name, _ in UPDATE_TESTS])
def test_w3c_protocol_updates(name, steps, updatable):
    """The SPARQL 1.1 Protocol's update tests, against kg serve with two workers."""
    w3c.run_steps(name, steps, updatable[0], AUTH)


@pytest.mark.slow
@pytest.mark.skipif(not GRAPH_STORE_TESTS, reason="the W3C test suite is not in ../shared/benchmarks")
@pytest.mark.parametrize(("name", "steps"), GRAPH_STORE_TESTS, ids=[name for name, _ in GRAPH_STORE_TESTS])
def test_w3c_graph_store_protocol(name, steps, updatable):
    """The Graph Store Protocol tests (indirect identification, ``?graph=``), against kg serve with two workers.

    Each test makes its graphs from nothing (a first PUT must answer 201 Created), so those of the tests
    before it are dropped first.
    """
    drop = (
        "DELETE { GRAPH ?g { ?s ?p ?o } } "
        'WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), "http://www.example/gsp/")) }'
    )
    reset = requests.post(f"{updatable[0]}/sparql", data={"update": drop}, headers=AUTH, timeout=60)
    assert reset.status_code == 204, reset.text
    w3c.run_steps(name, steps, updatable[0], AUTH, gsp_path="/sparql/graph")


def test_only_graph_creation_by_post_is_left_out_of_the_graph_store_tests():
    """Every Graph Store test runs but the one needing the server to mint a graph's IRI for a POST."""
    assert GRAPH_STORE_LEFT_OUT == ["post_get_new_graph"]
    assert len(GRAPH_STORE_TESTS) == 8
