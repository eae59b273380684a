"""Words in any script are words: "Café" is one token, and its concept keeps all its letters.

Before: the tokenizer took only ASCII letters, so "Fenwick Repair Café" was read as "Fenwick Repair Caf" and
"é", the concept was labelled "Fenwick Repair Caf é" and its IRI lost the letter; a question naming the café
linked nothing whole. A note of our own; real parser and model.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from note_graph import answer_labels, note_graph

from kg.api import KnowledgeGraph
from kg.text import slug, tokenize

pytestmark = pytest.mark.slow

NOTE = """# Lindow Repair Café

The **Lindow Repair Café** is a monthly meeting where neighbours mend broken things together.
It was founded by **Zoë Brandt** in 2018. The café meets in the Crèche Hall.
"""


def test_a_word_with_an_accent_is_one_token():
    assert [t.text for t in tokenize("Zoë's café, naïve")] == ["Zoë's", "café", ",", "naïve"]
    assert slug("Lindow Repair Café") == "lindow-repair-cafe"


@pytest.fixture(scope="module")
def cafe(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    return note_graph(Path(tmp_path_factory.mktemp("cafe")), "cafe", NOTE)


def test_the_concept_keeps_its_accented_letters(cafe: KnowledgeGraph):
    rows = cafe.query("SELECT ?c ?l WHERE { ?c rdfs:label ?l . FILTER(CONTAINS(STR(?l), 'Repair')) }")
    labels = {str(label): str(c) for c, label in rows}
    assert "Lindow Repair Café" in labels
    assert labels["Lindow Repair Café"].endswith("/lindow-repair-cafe")


def test_questions_name_it_with_its_accent(cafe: KnowledgeGraph):
    assert answer_labels(cafe.ask("Who founded the Lindow Repair Café?"))[:1] == ["Zoë Brandt"]
    assert answer_labels(cafe.ask("Where does the café meet?"))[:1] == ["Crèche Hall"]
