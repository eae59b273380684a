"""One concept per thing a note names, however the note shortens its name.

A note introduces "Vendra Lumio" and then writes "Lumio" alone: one thing, so what is said under
either name meets on one node. Two long names ending alike ("Vendra Kelvo", "Ostrik Kelvo"), a kind
named after an adjective ("Public Harbours" beside "harbours"), a longer name ("Lumio consumer") and
a name the note gives a short form of its own ("Relay Protocol (RP)") stay apart. A short form in
parts ("QS-IA") names the long name it spells, not a concept of its own.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from kg.build import collect
from kg.namespaces import KGO

SHORTENED = """# Stream engines

## Vendra Lumio

**Vendra Lumio** is a stream engine that was first developed at **Northwind Labs**. Lumio stores
events in a journal. Lumio does not delete an event when it is read. Most teams run Lumio on
small servers. Lumio consumers pull events from the journal.
"""

APART = """# Harbour software

**Vendra Kelvo** and **Ostrik Kelvo** are two stream engines. Vendra Kelvo was built in Leith, and
Ostrik Kelvo was built in Bergen. Both teams ship Kelvo with a journal.

**Brask Zorba** is a message relay. Zorba keeps messages for a day, and most teams run Zorba beside
a journal.

## Public Harbours

Harbours shelter boats. The public harbours of the coast charge no fee.

## Relays

The **Relay Protocol (RP)** moves files between hosts. The **Brask Relay Protocol (BRP)** moves files
over an encrypted channel, whereas Relay Protocol sends them in clear text.
"""

PARTS = """# Cold storage

## Quill Storage Infrequent Access (QS-IA)

- Lower-cost storage class for data read rarely.
- Files that are not read for 60 days move to **QS-IA**.
"""


def _graph(tmp_path_factory: pytest.TempPathFactory, name: str, text: str) -> Graph:
    path: Path = tmp_path_factory.mktemp(name) / f"{name}.md"
    path.write_text(text, encoding="utf-8")
    union = Graph()
    for g in collect([path], []).graphs.values():
        union += g
    return union


@pytest.fixture(scope="module")
def shortened(tmp_path_factory: pytest.TempPathFactory) -> Graph:
    return _graph(tmp_path_factory, "shortened", SHORTENED)


@pytest.fixture(scope="module")
def apart(tmp_path_factory: pytest.TempPathFactory) -> Graph:
    return _graph(tmp_path_factory, "apart", APART)


@pytest.fixture(scope="module")
def parts(tmp_path_factory: pytest.TempPathFactory) -> Graph:
    return _graph(tmp_path_factory, "parts", PARTS)


def _concepts(graph: Graph, label: str) -> set[URIRef]:
    return {s for s in graph.subjects(RDFS.label, None) if str(graph.value(s, RDFS.label)) == label} & set(
        graph.subjects(RDF.type, KGO.Concept)
    )


def _the(graph: Graph, label: str) -> URIRef:
    found = _concepts(graph, label)
    assert len(found) == 1, (label, found)
    return next(iter(found))


def _said(graph: Graph, subject: URIRef) -> set[tuple[str, str]]:
    """Return (predicate label, object label) of the facts read about ``subject``."""
    out = set()
    for st in graph.subjects(RDF.subject, subject):
        p, o = graph.value(st, RDF.predicate), graph.value(st, RDF.object)
        out.add((str(graph.value(p, RDFS.label) or p), str(graph.value(o, RDFS.label) or o)))
    return out


def test_a_name_shortened_by_its_leading_name_word_is_the_same_concept(shortened: Graph):
    lumio = _the(shortened, "Vendra Lumio")
    assert not _concepts(shortened, "Lumio")
    assert "Lumio" in {str(a) for a in shortened.objects(lumio, SKOS.altLabel)}
    said = {p for p, _ in _said(shortened, lumio)}
    # What the long name's sentence says and what the short name's sentences say meet on one node.
    assert any("developed" in p for p in said), said
    assert any("delete" in p for p in said), said


def test_a_longer_name_ending_the_same_way_stays_another_thing(shortened: Graph):
    lumio = _the(shortened, "Vendra Lumio")
    consumer = _the(shortened, "Lumio consumer")
    assert consumer != lumio
    assert "Lumio" in {str(a) for a in shortened.objects(lumio, SKOS.altLabel)}  # the bare name is the engine
    assert ("pull", "event") in _said(shortened, consumer)


def test_a_tail_two_long_names_share_is_neither_of_them(apart: Graph):
    # The unambiguous shortening merges ...
    zorba = _the(apart, "Brask Zorba")
    assert not _concepts(apart, "Zorba")
    assert "Zorba" in {str(a) for a in apart.objects(zorba, SKOS.altLabel)}
    # ... while "Kelvo" could be either of two engines: both stay, and neither is called Kelvo.
    vendra, ostrik = _the(apart, "Vendra Kelvo"), _the(apart, "Ostrik Kelvo")
    assert vendra != ostrik
    for engine in (vendra, ostrik):
        assert "Kelvo" not in {str(a) for a in apart.objects(engine, SKOS.altLabel)}


def test_a_kind_named_after_an_adjective_is_not_its_bare_noun(apart: Graph):
    public = {s for label in ("Public Harbour", "Public Harbours") for s in _concepts(apart, label)}
    for node in public:
        names = {str(a).lower() for a in apart.objects(node, SKOS.altLabel)}
        assert "harbour" not in names and "harbours" not in names
    assert not _concepts(apart, "Zorba")  # while the same note merges an unambiguous shortening


def test_a_name_with_a_short_form_of_its_own_stays_apart_from_a_longer_one(apart: Graph):
    relay, brask = _the(apart, "Relay Protocol"), _the(apart, "Brask Relay Protocol")
    assert relay != brask
    assert "Relay Protocol" not in {str(a) for a in apart.objects(brask, SKOS.altLabel)}
    assert not _concepts(apart, "Zorba")  # while "Zorba" merged into "Brask Zorba"


def test_a_short_form_in_parts_is_the_acronym_of_the_name_it_spells(parts: Graph):
    tier = _the(parts, "Quill Storage Infrequent Access")
    assert {str(a) for a in parts.objects(tier, KGO.acronym)} == {"QS-IA"}
    labels = {str(o) for o in parts.objects(None, RDFS.label)}
    assert "QS-IA" not in labels
    assert not [label for label in labels if "(QS-IA)" in label]
