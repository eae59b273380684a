"""Readings a note about people and their roles showed wrong, and a section's concept met only in passing.

A note of our own (a rowing club; no wording of any question set). Before: "She keeps the
accounts" after "Ana Ruiz is the secretary" gave no fact ("he" and "she" stood for nothing); "Jon Hastings
is the warden and locks the boathouse at dusk" made "boathouse" the one who locks at dusk (the name,
merged into one token before tagging, was tagged plural for its last letter, so "locks" shared no
subject with "is"); "With **sweep rowing**, each rower ..." first under the heading "Sweep rowing" said
nothing of what sweep rowing is; and "What does the cox really do?" asked about a "really" the notes do
not use; "built by the carpenter **Ivo Brandt**" did not make Ivo Brandt a carpenter. Real parser and
model.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from note_graph import answer_labels, note_graph

from kg.api import KnowledgeGraph

pytestmark = pytest.mark.slow

CLUB = """# Riverside Rowing Club

The club rows on the lower river and keeps twelve boats in a boathouse by the weir. The boathouse was built by
the carpenter **Ivo Brandt** in 1911.

## Officers

Ana Ruiz is the secretary. She keeps the accounts and pays the coaches.

Jon Hastings is the warden and locks the boathouse at dusk.

The slipway leads to the river. He repaints the rails every spring.

## Sweep rowing

With **sweep rowing**, each rower pulls a single oar with both hands.

## Cox

The cox steers the boat and calls the stroke rate to the crew.
"""


@pytest.fixture(scope="module")
def club(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    return note_graph(Path(tmp_path_factory.mktemp("club")), "club", CLUB)


def test_she_after_a_named_person_is_that_person(club: KnowledgeGraph):
    assert answer_labels(club.ask("Who keeps the accounts?"))[:1] == ["Ana Ruiz"]
    assert answer_labels(club.ask("Who pays the coaches?"))[:1] == ["Ana Ruiz"]


def test_he_never_stands_for_a_thing_named_by_a_common_noun(club: KnowledgeGraph):
    rows = club.query('SELECT ?s WHERE { ?st rdf:subject ?s ; kgo:quote "He repaints the rails every spring." }')
    assert list(rows) == []


def test_a_name_ending_in_s_shares_its_verb_with_the_clause_joined_to_it(club: KnowledgeGraph):
    assert answer_labels(club.ask("Who locks the boathouse?"))[:1] == ["Jon Hastings"]
    rows = club.query('SELECT ?s WHERE { ?s ?p ?o . ?o rdfs:label "dusk" . ?s rdfs:label "boathouse" }')
    assert list(rows) == []


def test_the_first_sentence_under_a_concepts_heading_that_names_it_says_what_it_is(club: KnowledgeGraph):
    answer = club.ask("What is sweep rowing?")
    assert answer.to_dict()["kind"] == "definition"
    assert "single oar" in answer.to_dict()["answer"]


def test_an_adverb_of_the_pro_verb_do_is_no_word_to_match(club: KnowledgeGraph):
    plain = club.ask("What does the cox do?").to_dict()
    hedged = club.ask("What does the cox really do?").to_dict()
    assert "steers" in hedged["answer"]
    assert hedged["answer"] == plain["answer"]


def test_a_name_after_the_and_a_common_noun_is_one_of_that_kind(club: KnowledgeGraph):
    rows = club.query('SELECT ?k WHERE { ?s rdfs:label "Ivo Brandt" ; a ?c . ?c rdfs:label ?k }')
    assert "carpenter" in {str(row[0]).lower() for row in rows}
    answer = club.ask("Which carpenter built the boathouse?").to_dict()
    assert [a.get("label") for a in answer["answers"]][:1] == ["Ivo Brandt"]
    assert answer["kind"] == "relation"
