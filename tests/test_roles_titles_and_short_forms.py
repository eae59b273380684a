"""Roles said in a relative clause or after a possessive, titles before names, nouns the tagger read as
adverbs, lists that go on after a relative clause, and the questions that lean on them: a short form asked
of its long name, a name that spells only itself, an ordinal that is no amount, a kind that only repeats
the name, a prefix before a hyphen, and the asker's own adverbs and words of permission."""

from __future__ import annotations

import pytest
from note_graph import answer_labels
from rdflib import RDF, Graph
from test_open_extraction import built_note, named, opened_notes, relations

from kg.ingest.parse import load_parser
from kg.question import expansion
from kg.text import split_sentences

LOCKS = """# Fenwater Locks

## Keepers

The upper lock is kept by Dr. Oona Vell, who is the lock warden. The boathouse is run by Piet Ormond, our
ferry master, who oils the gates. Mrs. Tamsin Roe is the toll clerk. Dredging is overseen by the
canal engineer, who this year is Hal Brede. The night watch is a separate rota led by
Abel Stroud, who checks permits, lanterns and the sluice log.

## Kit

The grab bag holds a rope, two lanterns and the fire extinguisher.

Every narrowboat gets a **hull sounding** before it enters the flight, which is a short knock test the keeper
does from the towpath. Copies of the charts go through the chart office on the fourth floor, where Ida Marr
takes orders and charges per sheet.

## Rules

The **TPL** (toll paid licence) is shown at the upper gate. Lanterns aren't allowed on the lock beams after
dusk. A boat may carry at most two guest passes at a time. Apprentices shadow a keeper for nine weeks before
they work a lock alone. A **S-bend** is a tight double turn below the weir.
"""


@pytest.fixture(scope="module")
def locks(tmp_path_factory: pytest.TempPathFactory) -> Graph:
    return built_note(tmp_path_factory, "locks.md", LOCKS)


@pytest.fixture(scope="module")
def notes(tmp_path_factory: pytest.TempPathFactory):
    return opened_notes(tmp_path_factory.mktemp("locks"), {"locks.md": LOCKS})


def test_a_title_before_a_name_ends_no_sentence():
    sentences = [s for _, s in split_sentences("The gate is kept by Dr. Oona Vell. Mr. Abel Stroud sweeps it.")]
    assert sentences == ["The gate is kept by Dr. Oona Vell.", "Mr. Abel Stroud sweeps it."]


def test_a_relative_clause_that_says_a_name_is_the_role_fills_the_role(locks: Graph):
    vell = named(locks, "Oona Vell")
    assert named(locks, "lock warden") in set(locks.objects(vell, RDF.type))


def test_a_possessive_role_in_apposition_fills_the_role(locks: Graph):
    ormond = named(locks, "Piet Ormond")
    assert named(locks, "ferry master") in set(locks.objects(ormond, RDF.type))


def test_a_noun_the_tagger_read_as_an_adverb_heads_its_noun_phrase(locks: Graph):
    bag = named(locks, "grab bag")
    assert relations(locks, bag, named(locks, "fire extinguisher")) == {"contains"}
    parsed = load_parser()("The grab bag holds a rope and the fire extinguisher.")
    extinguisher = next(t for t in parsed if t.text == "extinguisher")
    assert extinguisher.pos_ == "NOUN" and [c.text for c in extinguisher.children] == ["the", "fire"]


def test_who_stands_for_the_name_right_before_it(locks: Graph):
    # The parser hangs the clause on "rota"; "who" is the person named right before the comma.
    stroud = named(locks, "Abel Stroud")
    for thing in ("permit", "lantern", "sluice log"):
        assert relations(locks, stroud, named(locks, thing)) == {"check"}, thing
    assert not any(True for _ in locks.predicates(named(locks, "night watch"), named(locks, "permit")))


def test_a_list_that_goes_on_after_a_relative_clause_is_the_clauses_objects():
    parsed = load_parser()(
        "The front desk is a separate team led by Mara Quist, who handles tickets, ushers and the bar."
    )
    heads = {t.text: t.head.text for t in parsed if t.dep_ == "conj"}
    assert heads == {"ushers": "tickets", "bar": "ushers"}


@pytest.mark.slow
def test_roles_are_asked_of_their_names(notes):
    assert answer_labels(notes.ask("Who is the lock warden?")) == ["Oona Vell"]
    assert answer_labels(notes.ask("Who is the ferry master?")) == ["Piet Ormond"]
    assert answer_labels(notes.ask("Who is the canal engineer?")) == ["Hal Brede"]
    # A possessive determiner makes the role one known thing, as "the" does.
    assert answer_labels(notes.ask("Who is our ferry master?")) == ["Piet Ormond"]


@pytest.mark.slow
def test_a_short_form_is_asked_of_its_long_name(notes):
    answer = notes.ask("What is the acronym for toll paid licence?")
    assert [a.get("value") for a in answer.to_dict()["answers"]] == ["TPL"], answer.answer
    assert answer.confidence >= 0.9


@pytest.mark.slow
def test_whether_a_short_form_stands_for_a_name_is_read_off_its_recorded_name(notes):
    def verdict(question: str):
        return [a.get("value") for a in notes.ask(question).to_dict()["answers"]]

    assert verdict("Does TPL stand for toll paid licence?") == [True]
    assert verdict("Is TPL short for ticket purchase log?") == [False]
    # A setting after the name is no other spelling-out: no "no" for it.
    assert verdict("Does TPL stand for toll paid licence at the upper gate?") != [False]


def test_a_name_that_spells_only_itself_abbreviates_nothing():
    assert expansion("S-bend", "S-bend") is None
    assert expansion("TPL", "toll paid licence") == "toll paid licence"


@pytest.mark.slow
def test_a_name_is_not_asked_to_stand_for_itself(notes):
    assert answer_labels(notes.ask("What does S-bend stand for?")) == []


@pytest.mark.slow
def test_an_ordinal_is_no_amount(notes):
    # "on the fourth floor ... charges per sheet": how much is not said; "fourth" says where.
    answer = notes.ask("How much does the chart office charge for a sheet?")
    assert answer_labels(answer) == [], answer.answer


@pytest.mark.slow
def test_a_kind_that_only_repeats_the_name_is_no_definition(notes):
    answer = notes.ask("What is a hull sounding?")
    assert answer.answer != "hull sounding is a sounding.", answer.answer
    assert "knock test" in answer.answer, answer.answer


@pytest.mark.slow
def test_a_prefix_before_a_hyphen_is_no_misspelt_word(notes):
    answer = notes.ask("What does the grab bag hold for the pre-dawn shift?")
    assert "cannot tell what these words" not in answer.answer, answer.answer


@pytest.mark.slow
def test_the_askers_adverbs_and_words_of_permission_ask_nothing(notes):
    # "again" and "allowed" are how the question is put; the sentence says neither.
    answer = notes.ask("How many guest passes is a boat allowed to carry again?")
    assert answer_labels(answer) == ["two"], answer.answer


@pytest.mark.slow
def test_one_word_of_permission_says_another(notes):
    answer = notes.ask("Is it okay to have a lantern on the lock beams after dusk?")
    assert [a.get("value") for a in answer.to_dict()["answers"]] == [False], answer.answer


@pytest.mark.slow
def test_how_long_is_answered_with_the_amount_and_its_unit(notes):
    # The word of degree is not said ("for nine weeks"); the amount is read with the noun it counts.
    answer = notes.ask("How long do apprentices shadow a keeper?")
    assert answer_labels(answer) == ["nine weeks"], answer.answer
