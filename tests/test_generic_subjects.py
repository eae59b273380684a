"""Open extraction of sentences whose singular subject the small tagger reads together with its verb.

"A tugboat pulls barges": the tagger may take "tugboat pulls" for one compound noun, which leaves
the sentence with no verb and no fact. The note below was written for these tests.
"""

from __future__ import annotations

import pytest
from rdflib import Graph
from test_open_extraction import built, named, relations

from kg.ingest.parse import load_parser, parse_sentences

NOTE = """# Harbor

## Vessels

A tugboat pulls barges.

A trawler tows nets across the bay.

A tender pulls barges across the harbor.

A dredger pulls barges across the harbor.

A gateway routes requests to backends.

A pallet stores crates.

Each patch except the last one links to a review.
"""


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> Graph:
    path = tmp_path_factory.mktemp("generic") / "harbor.md"
    path.write_text(NOTE, encoding="utf-8")
    return built(path)


@pytest.mark.parametrize(
    ("subject", "obj"),
    [
        ("tugboat", "barge"),
        ("gateway", "request"),
        ("pallet", "crate"),
        ("trawler", "net"),
        ("tender", "barge"),
        ("patch", "review"),  # "except the last one": a subject with a modifier of its own
    ],
)
def test_a_singular_subject_read_with_its_verb_still_says_what_it_does(graph: Graph, subject, obj):
    # The verb's meaning may be an ontology relation ("stores"); that some relation links them is the point.
    assert relations(graph, named(graph, subject), named(graph, obj))
    assert not relations(graph, named(graph, obj), named(graph, subject))


def test_the_verb_is_the_relation_when_the_ontology_has_no_word_for_it(graph: Graph):
    assert relations(graph, named(graph, "tugboat"), named(graph, "barge")) == {"pull"}


def test_an_object_the_tagger_took_for_a_verb_is_still_the_object(graph: Graph):
    # "pulls barges across": the tagger may read the object's -s form as a second verb.
    assert relations(graph, named(graph, "dredger"), named(graph, "barge")) == {"pull"}


def test_the_repaired_parse_keeps_the_sentence_and_its_subject_phrase():
    (doc,) = parse_sentences(load_parser(), ["A gateway routes requests to backends."], lambda text: [], processes=1)

    assert doc.text == "A gateway routes requests to backends."
    assert [(t.text, t.dep_, t.head.text) for t in doc[:3]] == [
        ("A", "det", "gateway"),
        ("gateway", "nsubj", "routes"),
        ("routes", "ROOT", "routes"),
    ]
    assert doc[3].pos_ == "NOUN" and doc[3].head.text == "routes"


def test_a_verb_tagged_subject_after_a_determiner_is_read_as_the_noun():
    # "Every snapshot points ...": a determiner is followed by a noun even where the tagger saw a verb.
    (doc,) = parse_sentences(load_parser(), ["Every commit points to its parent commit."], lambda text: [], processes=1)

    assert doc[1].dep_ == "nsubj" and doc[1].pos_ == "NOUN" and doc[2].dep_ == "ROOT" and doc[2].pos_ == "VERB"


def test_an_object_with_a_determiner_is_a_noun_even_when_tagged_as_a_verb():
    (doc,) = parse_sentences(load_parser(), ["Every commit points to its parent commit."], lambda text: [], processes=1)

    assert (doc[6].text, doc[6].pos_, doc[6].dep_) == ("commit", "NOUN", "pobj")
