"""An answer must not depend on the order in which the store hands back its rows.

The store's row order follows hashed indexes that differ from one process to the next (and from one
question to the next as the store's caches fill), so a yes/no verdict judged by "the first sentence that
states the fact", or a concept named by "the first label read", came out differently from run to run
(a sure "yes" in one process, a quoted sentence below the line in another). Here the rows are handed
back in two orders, in one process, and the outcome must be the same.
"""

from __future__ import annotations

from types import SimpleNamespace

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS, SKOS

import kg.catalog as catalog_module
from kg.catalog import Catalog
from kg.evidence import Evidence
from kg.store import open_store

KITE = URIRef("https://example.org/kite")
SPOOL = URIRef("https://example.org/spool")
FLIES = URIRef("https://example.org/rel/flies-from")


class RowsStore:
    """A store whose every query gives the same rows, in the order given."""

    def __init__(self, rows):
        self.rows = rows

    def query(self, sparql, bindings=None):
        return list(self.rows)


def _row(quote, section="Flying", file="kites.md"):
    quote, section, file = Literal(quote), Literal(section), Literal(file)
    return SimpleNamespace(quote=quote, section=section, file=file, figure=None, context=None)


def test_a_facts_sentences_come_in_one_order_whatever_the_store_gives():
    rows = [
        _row("Most kite clubs fly many kites from one spool."),
        _row("A kite flies from a spool of line."),
        _row("A kite flies from a spool.", section="Basics"),
    ]
    triple = (KITE, FLIES, SPOOL)
    forward = Evidence(RowsStore(rows), None).sources([triple])
    backward = Evidence(RowsStore(rows[::-1]), None).sources([triple])
    assert forward == backward
    assert Evidence(RowsStore(rows), None).sentence(triple) == Evidence(RowsStore(rows[::-1]), None).sentence(triple)


def _kite_store():
    graph = Graph()
    graph.add((KITE, RDFS.label, Literal("box kite")))
    graph.add((KITE, RDFS.label, Literal("cellular kite")))
    graph.add((KITE, SKOS.altLabel, Literal("Hargrave kite")))
    graph.add((KITE, SKOS.altLabel, Literal("tethered glider")))
    graph.add((KITE, SKOS.definition, Literal("A kite built of open boxes.")))
    store = open_store(None)
    store.replace_graphs([(URIRef("https://example.org/graph/kites"), graph)])
    return store


def test_a_concepts_label_and_aliases_do_not_follow_the_row_order(monkeypatch):
    store = _kite_store()
    first = Catalog(store).entities[KITE]
    select = catalog_module._select
    monkeypatch.setattr(catalog_module, "_select", lambda *args: list(select(*args))[::-1])
    second = Catalog(store).entities[KITE]
    assert (first.label, first.aliases) == (second.label, second.aliases)


def test_of_labels_differing_in_case_the_one_written_as_in_a_sentence_is_the_label(monkeypatch):
    graph = Graph()
    graph.add((KITE, RDFS.label, Literal("Box Kite")))
    graph.add((KITE, RDFS.label, Literal("box kite")))
    store = open_store(None)
    store.replace_graphs([(URIRef("https://example.org/graph/kites"), graph)])
    assert Catalog(store).entities[KITE].label == "box kite"
    select = catalog_module._select
    monkeypatch.setattr(catalog_module, "_select", lambda *args: list(select(*args))[::-1])
    assert Catalog(store).entities[KITE].label == "box kite"
