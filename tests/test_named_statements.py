"""What a note names by "called" or "known as", and what an apposition says a thing is, defines it.

Before: "Logs are flushed only when the buffer fills. This is called **lazy flushing**." gave (section
topic, is called, lazy flushing), "this" read as the thing the section was about, and no definition; a
lone gerund in bold ("**churning**") was no name at all; "The share of visits that end on the first page is
called the **bounce rate**" (the parser reading "end" as the main verb) defined nothing; "keeps a short
list of recent lookups called the **lookup cache**" made the cache a kind of "recent lookup" (the clause
hangs on the nearest noun); "the **ledger**, the book in which every sale is written" and "at Kestrel
Yard, a gravel site by the canal that the club rents" said what each is, and the notes "did not say".
A note of our own; real parser and model.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from note_graph import note_graph

from kg.api import KnowledgeGraph

pytestmark = pytest.mark.slow

NOTE = """# Shop systems

## Logs

Logs are flushed only when the buffer fills. This is called **lazy flushing**.

When every worker waits on the disk, the shop stops selling. This state is known as **churning**.

## Visits

The share of visits that end on the first page is called the **bounce rate**.

## Lookups

Reading the price table is slow. To avoid this, the till keeps a short list of recent lookups called the
**lookup cache**.

Symbols with a special role, called **wildcards**, must be quoted.

## Books

Every shop keeps a **ledger**, the book in which every sale is written.

The club trains at Kestrel Yard, a gravel site by the canal that the club rents.
"""


@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    return note_graph(Path(tmp_path_factory.mktemp("shop")), "shop", NOTE)


def _definition(graph: KnowledgeGraph, question: str) -> str:
    answer = graph.ask(question).to_dict()
    assert answer["kind"] == "definition", answer["answer"]
    return answer["answer"]


def test_this_names_the_statement_before_it(shop: KnowledgeGraph):
    assert "buffer fills" in _definition(shop, "What is lazy flushing?")
    assert "waits on the disk" in _definition(shop, "What is churning?")
    rows = shop.query(
        "SELECT ?s WHERE { ?s ?p ?o . ?o rdfs:label ?l . FILTER(STR(?l) = 'lazy flushing')"
        " FILTER(?p != rdf:type && ?p != kgo:mentions) }"
    )
    assert list(rows) == []  # "this" is no thing that is called lazy flushing


def test_the_sentence_that_names_it_defines_it(shop: KnowledgeGraph):
    assert "share of visits" in _definition(shop, "What is the bounce rate?")
    assert "recent lookups" in _definition(shop, "What is the lookup cache?")
    assert "special role" in _definition(shop, "What are wildcards?")


def test_a_called_clause_names_the_head_of_the_phrase(shop: KnowledgeGraph):
    kinds = {
        str(k) for (k,) in shop.query(
            "SELECT ?k WHERE { ?s rdfs:label 'lookup cache' ; rdf:type ?c . ?c rdfs:label ?k }"
        )
    }  # fmt: skip
    assert any("list" in k for k in kinds) and not kinds & {"lookup", "recent lookup"}


def test_an_apposition_says_what_it_is(shop: KnowledgeGraph):
    assert "every sale is written" in _definition(shop, "What is a ledger?")
    assert "gravel site" in _definition(shop, "What is Kestrel Yard?")
