"""Phrasal verbs ("set up") in a question where a note uses one word for them ("founded"): WordNet's
multi-word verbs in a frequent sense of both sides (data/phrasal.tsv, kg/synonyms.py)."""

from __future__ import annotations

import re

import pytest
from note_graph import label_set
from test_open_extraction import opened_notes

from kg.linking import name_matches
from kg.namespaces import data_dir
from kg.question import phrasal_verbs
from kg.synonyms import are_phrasal_synonyms, is_phrasal_verb, may_say_phrasal_verb

ROWING = """# Tidewater Rowing Club

## History

The Tidewater Rowing Club was founded in 1921 by Agnes Pell, a ferry pilot's daughter. Its boathouse stands on
Quay Lane.

## Officers

Each spring the vice-captain takes on the treasurer's duties. Mo Reyes keeps the boat log.
"""


@pytest.fixture(scope="module")
def rowing(tmp_path_factory: pytest.TempPathFactory):
    return opened_notes(tmp_path_factory.mktemp("rowing"), {"rowing.md": ROWING})


def test_the_table_is_present_and_well_formed():
    lines = (data_dir() / "phrasal.tsv").read_text(encoding="utf-8").splitlines()
    header = [line for line in lines if line.startswith("#")]
    rows = [line.split("\t") for line in lines if line and not line.startswith("#")]
    assert any("WORDNET-LICENSE" in line for line in header)
    assert 500 < len(rows) < 5000  # frequent, tagged senses only
    assert all(len(row) == 2 and " " in row[0] + row[1] for row in rows)  # a phrasal verb in every pair
    assert all(re.fullmatch(r"[a-z]+( [a-z]+){0,2}", word) for row in rows for word in row)
    assert rows == sorted(rows) and all(a < b for a, b in rows)


def test_the_table_pairs_a_phrasal_verb_with_its_one_word_synonyms_in_any_form():
    assert is_phrasal_verb("setting up") and not is_phrasal_verb("rowed up")
    assert are_phrasal_synonyms("set up", "founded") and are_phrasal_synonyms("establishes", "sets up")
    assert not are_phrasal_synonyms("set", "found")  # the verb alone is another word


def test_a_question_verb_with_its_particle_is_read_as_the_phrase():
    assert phrasal_verbs("Who set up the rowing club?") == {"set": "set up"}
    assert phrasal_verbs("Who rowed up the river?") == {}


def test_the_phrase_names_a_relation_called_by_its_synonym_and_the_particle_is_said_with_it():
    assert name_matches(["set", "up"], "found", {"set": "set up"}) == [{0, 1}]
    assert name_matches(["set", "up"], "found") == [set()]


def test_a_phrasal_verb_in_the_question_asks_for_a_relation_the_note_names_with_one_word(rowing):
    assert label_set(rowing.ask("Who set up the rowing club?")) == {"agnes pell"}


def test_a_question_with_no_phrasal_verb_of_the_table_is_not_parsed_for_one():
    # Letters decide first: the parser loads slowly, and most questions hold no phrasal verb.
    assert not may_say_phrasal_verb(["what", "does", "an", "ami", "create"])
    assert may_say_phrasal_verb(["who", "set", "the", "clock", "up"])
