"""The catalog cache: read the store once per machine, and never serve a catalog of other content."""

from __future__ import annotations

import os
import pickle
import shutil
from pathlib import Path

import pytest
from rdflib import Graph, URIRef

import kg.catalog
from kg.catalog import Catalog, prepare_cache, store_fingerprint
from kg.store import open_store

EX = "http://example.org/"
GRAPH = """
@prefix ex: <http://example.org/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .

ex:ec2 rdfs:label "Elastic Compute Cloud" ; skos:altLabel "EC2" ; ex:provisions ex:instance .
ex:instance rdfs:label "instance" .
ex:ami rdfs:label "machine image" ; ex:creates ex:instance .
ex:node rdfs:label "node" .
"""


def build(directory: Path, data: str = GRAPH) -> None:
    """Write ``data`` as one named graph into a new store at ``directory``, then release it."""
    graph = Graph(identifier=URIRef(EX + "graph"))
    graph.parse(data=data, format="turtle")
    store = open_store(directory)
    store.replace_graphs([(graph.identifier, graph)])
    store.close()


@pytest.fixture
def store_dir(tmp_path: Path) -> Path:
    build(tmp_path / "store")
    return tmp_path / "store"


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record every query the catalog sends to the store while loading."""
    queries: list[str] = []
    select = kg.catalog._select

    def counting(store, sparql):
        queries.append(sparql)
        return select(store, sparql)

    monkeypatch.setattr(kg.catalog, "_select", counting)
    return queries


def cache_files(cache: Path) -> list[Path]:
    return sorted(cache.glob("catalog-*.pickle"))


def test_unchanged_store_loads_from_the_file(store_dir: Path, tmp_path: Path, reads: list[str]) -> None:
    cache = tmp_path / "cache"
    first = Catalog(open_store(store_dir, shared=True), cache_dir=cache)
    assert reads, "the first catalog reads the store"
    assert len(cache_files(cache)) == 1
    reads.clear()
    second = Catalog(open_store(store_dir, read_only=True), cache_dir=cache)  # another process, in effect
    assert reads == []
    assert second.entities == first.entities and URIRef(EX + "ec2") in second.entities
    assert second.predicates == first.predicates and URIRef(EX + "provisions") in second.predicates
    assert second.follow == first.follow and second.follow
    assert second.by_name == first.by_name and second.classes == first.classes
    assert second.next_steps(URIRef(EX + "creates"), "out") == first.next_steps(URIRef(EX + "creates"), "out")


def test_a_write_changes_the_fingerprint(store_dir: Path, tmp_path: Path, reads: list[str]) -> None:
    cache = tmp_path / "cache"
    store = open_store(store_dir, shared=True)
    before = store_fingerprint(store)
    Catalog(store, cache_dir=cache)
    store.update(f'INSERT DATA {{ GRAPH <{EX}other> {{ <{EX}new> rdfs:label "brand new thing" }} }}')
    assert store_fingerprint(store) != before
    reads.clear()
    after = Catalog(open_store(store_dir, shared=True), cache_dir=cache)
    assert reads, "a changed store is read again"
    assert after.entities[URIRef(EX + "new")].label == "brand new thing"
    assert len(cache_files(cache)) == 1, "the catalog of the old content is removed"


def test_a_write_that_keeps_the_triple_count_is_seen(store_dir: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    store = open_store(store_dir, shared=True)
    Catalog(store, cache_dir=cache)
    store.update(f'DELETE DATA {{ GRAPH <{EX}graph> {{ <{EX}node> rdfs:label "node" }} }} ; '
                 f'INSERT DATA {{ GRAPH <{EX}graph> {{ <{EX}node> rdfs:label "knot" }} }}')  # fmt: skip
    assert store.triple_count() == len(Graph().parse(data=GRAPH, format="turtle"))
    assert Catalog(open_store(store_dir, shared=True), cache_dir=cache).entities[URIRef(EX + "node")].label == "knot"


def test_a_rebuild_is_seen(store_dir: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = Catalog(open_store(store_dir, read_only=True), cache_dir=cache)
    assert first.entities[URIRef(EX + "ami")].label == "machine image"
    # As `kg build` does: a fresh sibling directory swapped in by renames (same triple count here).
    staging = store_dir.with_name("store.new")
    build(staging, GRAPH.replace('"machine image"', '"disk image"'))
    os.rename(store_dir, store_dir.with_name("store.old"))
    os.rename(staging, store_dir)
    shutil.rmtree(store_dir.with_name("store.old"))
    rebuilt = Catalog(open_store(store_dir, read_only=True), cache_dir=cache)
    assert rebuilt.entities[URIRef(EX + "ami")].label == "disk image"


@pytest.mark.parametrize("damage", ["garbage", "truncated", "wrong shape", "other store"])
def test_a_damaged_cache_file_falls_back_and_is_rewritten(
    store_dir: Path, tmp_path: Path, reads: list[str], damage: str
) -> None:
    cache = tmp_path / "cache"
    first = Catalog(open_store(store_dir, shared=True), cache_dir=cache)
    (path,) = cache_files(cache)
    content = path.read_bytes()
    if damage == "garbage":
        path.write_bytes(b"\x80\x05not a pickle at all")
    elif damage == "truncated":
        path.write_bytes(content[: len(content) // 2])
    elif damage == "wrong shape":
        path.write_bytes(pickle.dumps(["entities"]))
    else:
        fmt, fingerprint, state = pickle.loads(content)
        state["entities"] = {}
        path.write_bytes(pickle.dumps((fmt, ("elsewhere", *fingerprint[1:]), state)))
    reads.clear()
    again = Catalog(open_store(store_dir, shared=True), cache_dir=cache)
    assert reads, "the store is read when the file cannot be used"
    assert again.entities == first.entities and again.follow == first.follow
    reads.clear()
    Catalog(open_store(store_dir, shared=True), cache_dir=cache)
    assert reads == [], "the file was written afresh"


def test_an_unwritable_cache_dir_costs_only_the_speed_up(store_dir: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "a file"
    blocker.write_text("not a directory")
    catalog = Catalog(open_store(store_dir, shared=True), cache_dir=blocker / "cache")
    assert URIRef(EX + "ec2") in catalog.entities


def test_stores_without_a_content_mark_are_not_cached(store_dir: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    memory = open_store(None)
    graph = Graph(identifier=URIRef(EX + "graph")).parse(data=GRAPH, format="turtle")
    memory.replace_graphs([(graph.identifier, graph)])
    assert store_fingerprint(memory) is None
    assert URIRef(EX + "ec2") in Catalog(memory, cache_dir=cache).entities
    held = open_store(store_dir)  # held for writing by this process: written without any trace
    assert store_fingerprint(held) is None
    assert URIRef(EX + "ec2") in Catalog(held, cache_dir=cache).entities
    held.close()
    assert cache_files(cache) == []


def test_prepare_cache_reads_the_store_only_when_the_file_is_missing(
    store_dir: Path, tmp_path: Path, reads: list[str]
) -> None:
    """What ``kg serve`` runs once before starting its workers: the file is made once, then left alone."""
    cache = tmp_path / "cache"
    assert prepare_cache(open_store(store_dir, read_only=True), cache) is True
    assert reads and len(cache_files(cache)) == 1
    made = cache_files(cache)[0].stat()
    reads.clear()
    assert prepare_cache(open_store(store_dir, read_only=True), cache) is False
    assert reads == [] and cache_files(cache)[0].stat().st_mtime_ns == made.st_mtime_ns
    # A worker then loads that file instead of reading the store.
    assert URIRef(EX + "ec2") in Catalog(open_store(store_dir, shared=True), cache_dir=cache).entities
    assert reads == []
    held = open_store(store_dir)  # held for writing: never cached
    assert prepare_cache(held, cache) is None
    held.close()
