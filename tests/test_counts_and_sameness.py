"""Plural subjects that look like verbs, counts in words, "the same" against "a different", and amounts a
fact states beside the one the question names.

A note of our own (a lifeboat station; no wording of any question set), written to try them. Before:
"Crews launch the lifeboat from a slipway" was read as a fragment ("It crews launch ..."), so nobody
launched anything; "Each coxswain leads a different crew" answered "Do the coxswains lead the same
crew?" with yes; "The tractor can tow the boat for six miles on one charge" answered "Can the tractor
tow the boat for twenty miles on one charge?" with yes at 0.84 (the fact "tows on charge" said nothing of
the miles); "How many volunteers run the shop?" read out no number: "a dozen" was none, and the noun the
question counts ran on to its verb, so "eight" (helms) could have been read as the volunteers'. Real parser and model.
"""

from __future__ import annotations

import pytest
from note_graph import note_graph
from test_open_extraction import built_note, named, relations

from kg.amounts import amounts_hold, read_amounts
from kg.contrast import identity_unsaid
from kg.ingest.parse import _plural_subject, _with_subject
from kg.question import parser

pytestmark = pytest.mark.slow

NOTE = """# Saltby Lifeboat Station

Saltby Lifeboat Station is a volunteer rescue station on the east coast.
Crews launch the lifeboat from a slipway.
Each coxswain leads a different crew.
The station has eight helms, and a dozen volunteers run the shop.
The tractor can tow the boat for six miles on one charge.
The lifeboat carries up to forty survivors.
The winch can run for forty minutes on one battery.
"""


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory):
    return built_note(tmp_path_factory, "lifeboat.md", NOTE)


@pytest.fixture(scope="module")
def kg(tmp_path_factory: pytest.TempPathFactory):
    return note_graph(tmp_path_factory.mktemp("lifeboat"), "lifeboat", NOTE)


def test_a_plural_subject_that_is_also_a_verbs_s_form_is_the_subject(graph):
    assert relations(graph, named(graph, "crew"), named(graph, "lifeboat"))


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("Pilots guide the ships into the harbour.", False),  # "guide": the plural's verb
        ("Stores objects in buckets.", True),  # "objects": the verb's object, a plural noun
        ("Runs containers on instances.", True),
        ("Controls access to the bucket.", True),
    ],
)
def test_the_parse_tells_a_plural_subject_from_a_fragments_verb(text, fragment):
    nlp = parser()

    read = _with_subject(text, plural_subject=lambda t: _plural_subject(nlp, t))

    assert (read != text) is fragment, read


def test_a_plural_subject_is_never_read_so_where_only_a_predicate_stands():
    nlp = parser()

    read = _with_subject("Pilots guide the ships.", predicate=True, plural_subject=lambda t: _plural_subject(nlp, t))

    assert read != "Pilots guide the ships."


def test_the_same_is_no_yes_from_a_different(kg):
    answer = kg.ask("Do the coxswains lead the same crew?")

    assert not any(a.get("value") is True for a in answer.answers), answer.answer
    assert identity_unsaid("Do they lead the same crew?", "Each coxswain leads a different crew.")
    assert not identity_unsaid("Does each lead a different crew?", "Each coxswain leads a different crew.")
    assert not identity_unsaid("Does each lead a crew?", "Each coxswain leads a different crew.")


def test_an_amount_the_fact_states_otherwise_makes_a_yes_unsure(kg):
    answer = kg.ask("Can the tractor tow the boat for twenty miles on one charge?")

    assert not any(a.get("value") is True for a in answer.answers), answer.answer


def test_how_many_counts_the_noun_it_asks_about_in_words_too(kg):
    answer = kg.ask("How many volunteers run the shop?")

    assert [a.get("value") for a in answer.answers] == ["a dozen"], answer.answer


def test_every_amount_of_a_text_is_read_with_its_unit():
    amounts = read_amounts("It can tow the boat for six miles on one charge, between two and three knots.")

    assert [(a.unit, a.low, a.high) for a in amounts] == [("mile", 6.0, 6.0), ("charge", 1.0, 1.0), ("knot", 2.0, 3.0)]


@pytest.mark.parametrize(
    ("question", "stated", "holds"),
    [
        ("Can it tow the boat for six miles on one charge?", "It can tow it for six miles on one charge.", True),
        ("Can it tow the boat for ten miles on one charge?", "It can tow it for six miles on one charge.", None),
        ("Does the lifeboat carry fifty survivors?", "The lifeboat carries up to forty survivors.", False),
        ("Does the lifeboat carry thirty survivors?", "The lifeboat carries up to forty survivors.", True),
        ("Does it cost five pounds?", "The lifeboat carries survivors.", None),
        ("Does the lifeboat carry survivors?", "The lifeboat carries up to forty survivors.", True),
        ("Does an S3 bucket hold objects?", "A bucket holds objects.", True),  # a digit in a name is no amount
    ],
)
def test_the_question_s_amounts_against_the_sentence_s(question, stated, holds):
    assert amounts_hold(question, stated) is holds


def test_how_long_is_asked_of_the_relation_the_verb_names_with_an_amount(kg):
    answer = kg.ask("How long can the winch run?")

    assert "forty minutes" in answer.answer and answer.confidence >= 0.9, answer.answer


def test_how_many_of_a_named_thing_is_read_out_of_the_sentence_that_counts_it(kg):
    answer = kg.ask("How many helms does the station have?")

    assert [a.get("value") for a in answer.answers] == ["eight"], answer.answer
