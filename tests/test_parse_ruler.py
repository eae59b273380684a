"""The indexed attribute ruler sets exactly what spaCy's own ``AttributeRuler`` sets.

Both run on the installed English pipeline (the real model, the real ruler patterns), over sentences
that exercise its one-token tag map, its word exceptions, and its patterns of several tokens with an
index that is not the first token ("gonna", "let's", "there is").
"""

from __future__ import annotations

import pytest
import spacy

from kg.ingest.parse import load_parser
from kg.ingest.ruler import IndexedAttributeRuler, index_attribute_ruler

SENTENCES = [
    "Amazon EBS provides block-level storage volumes that you attach to EC2 instances.",
    "I ain't gonna do it, y'all, and we've got ta go.",
    "Let's see: there is nothin' here but 'em, and there were never any.",
    "He doesn't have it; she'd done it, and they'd had enough.",
    "Whereas it gets old, you got nothing; those were the days and these are not.",
    "Can't we? It won't, it shouldn't and it mustn't be placed in a bucket.",
    "The cache reuses its stored copy (if the resource has not changed).",
    "Snapshots  are   copied \n\n to S3 -- incrementally, since 2012.",
    "Who did that, and what does it do to him, her, them, and us?",
]


def attributes(doc) -> list[tuple]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i) for t in doc]


@pytest.fixture(scope="module")
def model_name() -> str:
    return load_parser().meta["lang"] + "_" + load_parser().meta["name"]


def test_the_indexed_ruler_sets_what_spacys_ruler_sets(model_name: str):
    plain = spacy.load(model_name, exclude=["ner"])
    indexed = spacy.load(model_name, exclude=["ner"])

    assert index_attribute_ruler(indexed)

    assert isinstance(indexed.get_pipe("attribute_ruler"), IndexedAttributeRuler)
    assert indexed.pipe_names == plain.pipe_names  # same place in the pipeline, same name
    for expected, got in zip(plain.pipe(SENTENCES), indexed.pipe(SENTENCES), strict=True):
        assert attributes(got) == attributes(expected)


def test_the_multi_token_patterns_of_the_ruler_apply(model_name: str):
    indexed = spacy.load(model_name, exclude=["ner"])
    index_attribute_ruler(indexed)

    doc = indexed("I'm gonna go and let's see.")

    assert [t.lemma_ for t in doc if t.lower_ in ("gon", "na")] == ["go", "to"]  # "gon na": index 0 and 1
    assert [t.lemma_ for t in doc if t.lower_ == "'s"] == ["us"]  # "let 's": index 1


def test_the_parser_loaded_for_extraction_uses_the_indexed_ruler():
    assert isinstance(load_parser().get_pipe("attribute_ruler"), IndexedAttributeRuler)


def test_a_ruler_with_patterns_the_index_cannot_read_is_kept(model_name: str):
    nlp = spacy.load(model_name, exclude=["ner"])
    ruler = nlp.get_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "very", "OP": "+"}, {"TAG": "JJ"}]], {"LEMMA": "intensified"})

    assert IndexedAttributeRuler.from_ruler(ruler) is None
    assert not index_attribute_ruler(nlp)
    assert nlp.get_pipe("attribute_ruler") is ruler
