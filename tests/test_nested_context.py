"""A sentence that leans on another text for what it speaks of: a nested bullet on its parent item, "it" on
what it stands for. The sentence keeps that text as its context (``kgo:context``), and a yes/no question
whose subject only the context names is answered from it, the sentence quoted as written.

The note was written for these tests: a pottery studio's terse notes, its items fragments with no subject.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from note_graph import note_graph
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF
from test_open_extraction import built_note, named

from kg.api import KnowledgeGraph
from kg.namespaces import KGO
from kg.qa import ANSWER_THRESHOLD

NOTE = """# Pottery

The studio sells **glazed mugs** and **raw bowls**.

## Wares

- Glazed mugs
  - hold heat for hours
  - are not safe in the oven
  - The handle of each mug is hollow.
- Raw bowls
  - soak up water
- Fired twice

## Press

The **clay press** shapes the tiles. It works quietly. It never jams.

## Drying

The **drying rack** stands by the door. It folds flat.
"""


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> Graph:
    return built_note(tmp_path_factory, "pottery.md", NOTE)


def context_of(graph: Graph, quote: str) -> tuple[str | None, bool, set[URIRef]]:
    """Return the context recorded for the sentence ``quote``, whether it is its subject, and the concepts it names."""
    (node,) = [n for n in graph.subjects(KGO.quote, Literal(quote)) if (n, RDF.type, KGO.Sentence) in graph]
    context = graph.value(node, KGO.context)
    subject = graph.value(node, KGO.contextSubject)
    concepts = set(graph.objects(node, KGO.contextMentions))
    return (str(context) if context is not None else None), bool(subject), concepts


def test_a_nested_fragment_keeps_its_parent_item_as_its_subject(graph: Graph):
    assert context_of(graph, "hold heat for hours") == ("Glazed mugs", True, {named(graph, "glazed mug")})
    assert context_of(graph, "soak up water") == ("Raw bowls", True, {named(graph, "raw bowl")})


def test_a_nested_sentence_with_its_own_subject_keeps_its_parent_as_a_setting_only(graph: Graph):
    assert context_of(graph, "The handle of each mug is hollow.")[:2] == ("Glazed mugs", False)


def test_a_pronoun_subject_leans_on_what_the_extractor_resolved_it_to(graph: Graph):
    assert context_of(graph, "It never jams.") == ("clay press", True, {named(graph, "clay press")})
    assert context_of(graph, "It folds flat.")[:2] == ("drying rack", True)


def test_a_sentence_that_leans_on_nothing_has_no_context(graph: Graph):
    assert context_of(graph, "Fired twice") == (None, False, set())
    assert context_of(graph, "The clay press shapes the tiles.") == (None, False, set())


def test_the_quote_stays_the_sentence_as_written(graph: Graph):
    quotes = {str(q) for q in graph.objects(None, KGO.quote)}
    assert "hold heat for hours" in quotes
    assert not any(q.startswith("Glazed mugs hold") or "clay press never" in q for q in quotes)


@pytest.fixture(scope="module")
def kg(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    return note_graph(Path(tmp_path_factory.mktemp("nested")), "pottery", NOTE)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("question", "value", "quote", "context"),
    [
        ("Do glazed mugs hold heat?", True, "hold heat for hours", "Glazed mugs"),
        ("Do raw bowls soak up water?", True, "soak up water", "Raw bowls"),
        ("Does the clay press jam?", False, "It never jams.", "clay press"),  # negated: never "yes"
        ("Does the drying rack fold flat?", True, "It folds flat.", "drying rack"),
    ],
)
def test_a_yes_no_question_whose_subject_the_context_names_is_answered_from_the_sentence(
    kg: KnowledgeGraph, question: str, value: bool, quote: str, context: str
):
    answer = kg.ask(question)

    assert answer.kind == "sentence", answer.answer
    assert answer.answers == [{"value": value}]
    assert answer.answer.startswith("Yes: " if value else "No: ")
    assert f'"{quote}"' in answer.answer and f'said of "{context}"' in answer.answer
    section = answer.sources[0]["section"]
    assert answer.sources == [{"document": "pottery.md", "section": section, "text": quote, "context": context}]
    assert answer.confidence < ANSWER_THRESHOLD


@pytest.mark.slow
@pytest.mark.parametrize(
    "question",
    [
        "Do raw bowls hold heat?",  # the sentence is said of glazed mugs
        "Do glazed mugs soak up water?",  # ... and this one of raw bowls
        "Does the drying rack jam?",  # "It never jams" stands for the clay press
        "Do glazed mugs hold water?",  # shares every word but the one that matters
    ],
)
def test_a_sentence_said_of_another_subject_is_no_answer(kg: KnowledgeGraph, question: str):
    answer = kg.ask(question)

    assert answer.answers == [] or answer.kind not in ("sentence", "boolean"), (question, answer.answer)


@pytest.mark.slow
def test_a_negated_nested_fragment_never_answers_yes(kg: KnowledgeGraph):
    answer = kg.ask("Are glazed mugs safe in the oven?")

    assert answer.answers == [{"value": False}], answer.answer


@pytest.mark.slow
def test_a_fact_read_from_a_nested_fragment_cites_its_parent_as_context(kg: KnowledgeGraph):
    rows = kg.query(
        "SELECT ?s ?p ?o WHERE { ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; "
        'kgo:quote "are not safe in the oven" }'
    )
    triples = [tuple(row) for row in rows]

    assert triples and all(kg.engine.evidence.stated(t) == ("are not safe in the oven", "Glazed mugs") for t in triples)
    assert kg.engine.evidence.sentence(triples[0]) == "are not safe in the oven"


def test_a_fact_stated_twice_is_quoted_with_its_own_sentences_context(tmp_path):
    # The same fact, said nested under an item in one section and plainly in another: the sentence quoted
    # (the first by section) and the context read with it must be the same sentence's.
    graph = note_graph(
        tmp_path,
        "kilns",
        "# Kilns\n\n## A plain word\n\n- Glazed mugs are not safe in the oven.\n\n"
        "## B nested\n\n- Glazed mugs\n  - are not safe in the oven\n",
    )
    rows = graph.query(
        "SELECT DISTINCT ?s ?p ?o WHERE { ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; "
        'kgo:quote "are not safe in the oven" }'
    )
    triples = [tuple(row) for row in rows]
    stated = [graph.engine.evidence.stated(t) for t in triples]

    assert triples and ("Glazed mugs are not safe in the oven.", "") in stated, stated
