"""What a sentence only wants, what it says of some, and what "when" and "why" ask for.

A note of our own (a bell foundry; no wording of any question set), written to try them. Before:
"The guild hopes to buy the old chapel" was stored as the fact "guild buys old chapel" and answered
"Did the guild buy the old chapel?" with yes at 0.95; "would like to replace its clay moulds with steel
ones" answered "What will replace the clay moulds?" with the foundry at 0.97; "Some bells are tuned by
hand" answered "Are all bells tuned by hand?" with yes at 0.95; "The big furnace is lit first, and the
small furnace is lit last" answered "Is the small furnace lit first?" with yes at 0.95; "Why must
casters wear wool?" got the fact "Caster wears wool clothing" at 0.97; "What do apprentices polish in
their third year?" got "second year" (from "polish in"), a slot the question fills itself; "What do
most apprentices cast in their second year?" got the foundry (apprentices cast handbells, the foundry
casts handbells: "cast" read as the ontology's "starring") at 0.90; "in 1738" was lost from
"was founded in 1738 by ..."; "hopes" was lemmatised "hop". Real parser and model.
"""

from __future__ import annotations

import pytest
from note_graph import note_graph
from rdflib import Literal, URIRef
from test_open_extraction import built_note, named, relations

from kg.amounts import amount_verdict, read_amount
from kg.contrast import only_some, unrealised
from kg.namespaces import KGO, data_dir
from kg.qa import _turns_back
from kg.question import parse

pytestmark = pytest.mark.slow

NOTE = """# Wendle Bell Foundry

The Wendle Bell Foundry casts church bells and handbells.
The foundry was founded in 1738 by Abel Rudhall.
The guild hopes to buy the old chapel for the foundry.
The foundry would like to replace its clay moulds with steel ones.
The founders do not plan to sell the workshop.

## Casting

Some bells are tuned by hand; the tenor bell is tuned by a machine.
The big furnace is lit first, and the small furnace is lit last.
Casters must wear wool clothing, because nylon can melt.
Every class is taught by a master founder.
Most apprentices cast a handbell in their first class.
The apprentices polish bells in their second year.
The annealer runs on electricity.
The heaviest bell is the tenor bell, which weighs 900 kilograms.
Schools pay half price for a tour.
The moulds are emptied of sand when rain is forecast.
The yard crane can lift up to 500 kilograms.
"""


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory):
    return built_note(tmp_path_factory, "foundry.md", NOTE)


@pytest.fixture(scope="module")
def kg(tmp_path_factory: pytest.TempPathFactory):
    return note_graph(tmp_path_factory.mktemp("foundry"), "foundry", NOTE)


def test_a_clause_only_hoped_for_is_stored_with_the_hoping_never_as_the_deed(graph):
    guild, chapel = named(graph, "guild"), named(graph, "old chapel")

    assert relations(graph, guild, chapel) == {"hope to buy"}  # not "buy", nor "hop to buy"
    predicate = next(graph.predicates(guild, chapel))
    assert graph.value(predicate, KGO.unrealisedBy) == Literal("hope")


def test_a_modal_wish_and_a_denied_plan_keep_their_words(graph):
    foundry = named(graph, "Wendle Bell Foundry")

    assert relations(graph, foundry, named(graph, "clay mould")) == {"would like to replace"}
    assert relations(graph, named(graph, "founder"), named(graph, "workshop")) == {"does not plan to sell"}


def test_which_to_complements_are_said_to_happen():
    def controller(sentence: str, verb: str):
        doc = parse(sentence)
        return unrealised(next(t for t in doc if t.lower_ == verb))

    assert controller("The guild hopes to buy the chapel.", "buy").lower_ == "hopes"
    assert controller("The bells began to ring at noon.", "ring") is None  # aspect: the ringing happens
    assert controller("The foreman has to check the moulds.", "check") is None  # necessity, as "must"
    assert controller("A crane is used to lift the bells.", "lift") is None  # a purpose of what is used


def test_a_year_of_a_passive_with_an_agent_is_a_value(graph):
    foundry = named(graph, "Wendle Bell Foundry")

    values = {str(o) for p, o in graph.predicate_objects(foundry) if isinstance(o, Literal)}
    assert "1738" in values
    assert relations(graph, named(graph, "Abel Rudhall"), foundry) == {"found"}


def test_a_subject_parsed_as_a_compound_of_its_verb_is_the_subject(graph):
    assert relations(graph, named(graph, "annealer"), named(graph, "electricity"))


def test_the_hoped_for_deed_answers_neither_yes_nor_who(kg):
    bought = kg.ask("Did the guild buy the old chapel?")
    replacing = kg.ask("What will replace the clay moulds?")
    hoped = kg.ask("What does the guild hope to buy?")

    assert not any(a.get("value") is True for a in bought.answers), bought.answer
    assert replacing.confidence < 0.9 or not replacing.answers, replacing.answer
    assert "Wendle Bell Foundry" not in replacing.answer
    assert [a.get("label") for a in hoped.answers] == ["old chapel"], hoped.answer


def test_what_some_do_is_no_yes_for_all(kg):
    answer = kg.ask("Are all bells tuned by hand?")

    assert not any(a.get("value") is True for a in answer.answers), answer.answer
    assert only_some(parse("Some bells are tuned by hand."), "Are all bells tuned by hand?")
    assert not only_some(parse("Some bells are tuned by hand."), "Are bells tuned by hand?")


def test_a_quality_is_said_by_its_own_subjects_clause(kg):
    answer = kg.ask("Is the small furnace lit first?")

    assert not any(a.get("value") is True for a in answer.answers), answer.answer


def test_why_is_not_answered_by_the_fact_it_asks_about(kg):
    answer = kg.ask("Why must casters wear wool?")

    assert answer.confidence < 0.9, answer.answer


def test_when_gets_the_year(kg):
    answer = kg.ask("When was the foundry founded?")

    assert "1738" in answer.answer and answer.confidence >= 0.9, answer.answer


def test_a_preposition_the_question_gives_an_object_is_no_slot_for_the_answer(kg):
    # "cast in" (the first class) answers where they cast, which the question says itself; the path back
    # along "cast" (the foundry casts handbells too) answers who else casts them, which nobody asked.
    answer = kg.ask("What do most apprentices cast in their second year?")

    labels = {a.get("label") for a in answer.answers}
    assert answer.confidence < 0.606 or not labels & {"first class", "Wendle Bell Foundry"}, answer.answer


def test_a_step_back_along_the_same_relation_is_told():
    bake, sell = URIRef("urn:bake"), URIRef("urn:sell")

    assert _turns_back(((bake, "out"), (bake, "in")))
    assert _turns_back(((sell, "in"), (bake, "out"), (bake, "in")))
    assert not _turns_back(((bake, "out"), (sell, "in")))
    assert not _turns_back(((bake, "out"), (bake, "out")))
    assert not _turns_back(((bake, "out"), (bake, "in"), (sell, "out")))  # "sold by the bakers' fellows"


def test_the_time_table_is_wordnets_times_events_and_acts_with_its_licence():
    lines = (data_dir() / "times.tsv").read_text(encoding="utf-8").splitlines()
    rows = dict(line.split("\t") for line in lines if not line.startswith("#"))

    assert any("WORDNET-LICENSE" in line for line in lines if line.startswith("#"))
    assert {"night", "sunday", "winter", "harvest" if "harvest" in rows else "noon"} <= rows.keys()
    assert not {"furnace", "studio", "chapel", "bell"} & rows.keys()


def test_a_verb_is_not_aligned_to_a_noun_that_names_a_typed_records_attribute(graph):
    # "cast" is an altLabel of the ontology's "starring" (a work and its actors): apprentices cast bells.
    assert relations(graph, named(graph, "apprentice"), named(graph, "handbell")) == {"cast"}


def test_a_relative_clause_on_a_definite_complement_is_said_of_it_too(graph):
    values = {str(o) for p, o in graph.predicate_objects(named(graph, "tenor bell")) if isinstance(o, Literal)}

    assert "900 kilograms" in values


def test_a_yes_is_unsure_when_a_word_of_the_question_is_said_by_nothing(kg):
    answer = kg.ask("Do schools pay full price for a tour?")

    assert not any(a.get("value") is True for a in answer.answers), answer.answer


def test_when_is_not_read_out_as_a_thing(kg):
    answer = kg.ask("When are the moulds emptied?")

    assert "sand" not in {a.get("label") for a in answer.answers}, answer.answer


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("up to 500 kilograms", None, 500.0),
        ("between one and three pounds", 1.0, 3.0),
        ("at least sixteen years", 16.0, None),
        ("one night only", None, 1.0),
        ("35 kilograms", 35.0, 35.0),
        ("1,200 tonnes", 1200.0, 1200.0),
    ],
)
def test_an_amount_is_read_with_its_bounds(text, low, high):
    amount = read_amount(text)

    assert (amount.low, amount.high) == (low, high)


def test_a_rough_amount_or_one_without_a_unit_has_no_bounds():
    assert read_amount("about fifty minutes") is None
    assert read_amount("twelve") is None


def test_an_asked_amount_lies_within_the_stated_bounds_or_not():
    assert amount_verdict("Can it lift 800 kilograms?", "up to 500 kilograms") is False
    assert amount_verdict("Can it lift 300 kilograms?", "up to 500 kilograms") is True
    assert amount_verdict("Does it cost five pounds?", "between one and three pounds") is False
    assert amount_verdict("Does it cost 90 pounds?", "90 pounds") is True
    assert amount_verdict("Can it lift 300 pounds?", "up to 500 kilograms") is None  # another unit
    assert amount_verdict("Can it lift 30 kilograms?", "35 kilograms") is None  # one figure says nothing of less


def test_a_yes_no_question_with_an_amount_is_answered_by_the_bounds(kg):
    heavy = kg.ask("Can the yard crane lift 800 kilograms?")
    light = kg.ask("Can the yard crane lift 300 kilograms?")

    assert [a.get("value") for a in heavy.answers] == [False], heavy.answer
    assert [a.get("value") for a in light.answers] == [True], light.answer


SCOOTERS = """# Scooter Hire

## Scooters

Each scooter has a horn and a lamp.
Some scooters have phone holders.
The fastest scooter is the city scooter, which weighs 20 kilograms.
"""


def test_what_some_of_a_kind_have_is_not_inherited_by_its_members(tmp_path_factory: pytest.TempPathFactory):
    # Without the check (kg.ingest.infer._said_of_some) the city scooter inherits the phone holder: Yes, 0.95.
    scooters = note_graph(tmp_path_factory.mktemp("scooters"), "scooters", SCOOTERS)

    some = scooters.ask("Does the city scooter have a phone holder?")
    every = scooters.ask("Does the city scooter have a lamp?")

    assert not any(a.get("value") is True for a in some.answers), some.answer
    assert [a.get("value") for a in every.answers] == [True], every.answer
