"""An answer says a minted relation as a statement: the verb agrees with its subject.

A predicate minted from a clause is named by its verb's lemma ("tow"), so that every tense of the verb
finds it; the answer line reads it in the third person for one subject ("The Pike tows timber") and in
the plural for several ("The Pike and the Carp haul logs"). The graph keeps the lemma as ``rdfs:label``
and the reading as ``skos:prefLabel``.
"""

from __future__ import annotations

import pytest
from note_graph import note_graph
from rdflib.namespace import RDFS, SKOS

from kg.api import KnowledgeGraph
from kg.namespaces import KG
from kg.text import plural_agreement, present_tense

NOTE = """# River boats

The **Pike** is a tugboat. The Pike tows **timber** on the river.

The **Carp** is a small ferry. The **Perch** is an old ferry. The Carp and the Perch carry **cyclists**.
"""


@pytest.fixture(scope="module")
def boats(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    return note_graph(tmp_path_factory.mktemp("boats"), "boats", NOTE)


def test_the_minted_relation_keeps_its_lemma_label_and_reads_in_the_third_person(boats: KnowledgeGraph) -> None:
    rows = list(boats.query(f"SELECT ?l ?r WHERE {{ <{KG['rel/tow']}> <{RDFS.label}> ?l ; <{SKOS.prefLabel}> ?r }}"))
    assert [(str(label), str(reading)) for label, reading in rows] == [("tow", "tows")]


def test_one_subject_gets_the_third_person(boats: KnowledgeGraph) -> None:
    answer = boats.ask("What tows timber?")
    assert [a["label"] for a in answer.answers] == ["Pike"]
    assert answer.answer.startswith("Pike tows timber")


def test_several_subjects_get_the_plural(boats: KnowledgeGraph) -> None:
    answer = boats.ask("Which boats carry cyclists?")
    assert {a["label"] for a in answer.answers} == {"Carp", "Perch"}
    assert " carry cyclist" in answer.answer and "carries" not in answer.answer


@pytest.mark.parametrize(
    ("phrase", "reading"),
    [("attach to", "attaches to"), ("carry", "carries"), ("go through", "goes through"), ("is kept in", "is kept in"),
     ("does not support", "does not support"), ("retrieval time", "retrieval time")],
)  # fmt: skip
def test_present_tense_inflects_only_an_opening_verb_lemma(phrase: str, reading: str) -> None:
    assert present_tense(phrase) == reading


@pytest.mark.parametrize(
    ("phrase", "plural"),
    [("attaches to", "attach to"), ("is kept in", "are kept in"), ("has", "have"), ("does not run", "do not run"),
     ("access time", "access time"), ("is a term of", "are terms of"), ("is an open format", "are open formats"),
     ("is a part of", "are parts of"), ("is the owner of", "are the owner of")],
)  # fmt: skip
def test_plural_agreement_for_several_subjects(phrase: str, plural: str) -> None:
    assert plural_agreement(phrase) == plural
