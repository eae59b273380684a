"""A quoted sentence may say a question's adverb with a WordNet phrase for it (data/phrases.tsv).

"Must the ferries dock simultaneously?" is answered by "the ferries do not need to dock at the same time":
WordNet puts "simultaneously" and "at the same time" in one frequent sense, which neither the single-word
synonym table nor single-word embeddings see. Before the phrase table the sentence lacked the asked word,
so nothing was quoted and no verdict read. The note is our own wording.
"""

from __future__ import annotations

import re

import pytest
from note_graph import note_graph

from kg.api import KnowledgeGraph
from kg.namespaces import data_dir
from kg.sentence_answer import _phrase_in
from kg.synonyms import phrases

NOTE = """# Harbour ferries

The harbour runs a fleet of small ferries between the two quays.

Because each quay has its own berth, the ferries do not need to dock at the same time.

The night ferry carries bicycles on its upper deck.

Tickets are sold at the kiosk on the north quay.
"""


def test_the_table_is_present_and_well_formed():
    lines = (data_dir() / "phrases.tsv").read_text(encoding="utf-8").splitlines()
    header = [line for line in lines if line.startswith("#")]
    rows = [line.split("\t") for line in lines if line and not line.startswith("#")]
    assert any("WordNet 3.0" in line for line in header)
    assert any("WORDNET-LICENSE" in line for line in header)
    assert 100 < len(rows) < 1000  # frequent, tagged senses only
    assert all(re.fullmatch(r"[a-z]+", word) and re.fullmatch(r"[a-z]+( [a-z]+)+", phrase) for word, phrase in rows)
    assert rows == sorted(rows)


def test_a_phrase_is_found_word_for_word_and_stands_at_its_last_word():
    assert ("at", "the", "same", "time") in phrases("simultaneously")
    assert phrases("the") == ()  # grammar words have none
    assert _phrase_in("They need not dock at the same time.", "simultaneously") == "time"
    assert _phrase_in("They dock at the same quay each time.", "simultaneously") == ""


def test_an_existential_there_says_that_something_exists():
    assert _phrase_in("There are four kinds of buoy:", "exist") == "are"
    assert _phrase_in("Once there was a lighthouse on the point.", "existed") == "was"
    assert _phrase_in("Buoys float there all year.", "exists") == ""  # "there" of place, no "be" after it
    assert _phrase_in("There are four kinds of buoy:", "float") == ""


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    return note_graph(tmp_path_factory.mktemp("ferries"), "ferries", NOTE)


@pytest.mark.slow
def test_a_denied_necessity_said_with_a_phrase_answers_no(graph: KnowledgeGraph):
    answer = graph.ask("Must the ferries dock simultaneously?")

    assert answer.kind == "sentence"
    assert [a.get("value") for a in answer.answers] == [False]
    assert "do not need to dock at the same time" in answer.sources[0]["text"]


@pytest.mark.slow
def test_a_denied_need_does_not_answer_whether_they_do(graph: KnowledgeGraph):
    # "need not dock at the same time" says nothing of whether they do: quoted, no verdict.
    answer = graph.ask("Do the ferries dock simultaneously?")

    assert answer.answers == []


@pytest.mark.slow
@pytest.mark.parametrize(
    "question",
    [
        "Must the ferries dock separately?",  # an adverb the sentence does not say
        "Must the ferries sail simultaneously?",  # a verb the sentence does not say
    ],
)
def test_a_sentence_that_says_something_else_gives_no_verdict(graph: KnowledgeGraph, question: str):
    assert graph.ask(question).answers == []
