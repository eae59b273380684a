"""Deeds compared with deeds, a section heading as a sentence's context, options that bound the answer.

- "Degreasing a chain is quicker than scrubbing the cassette": each gerund and its object is a side of the
  comparison (a pronoun object, "polishing *it*", is the other deed's thing), and a question may grade with
  another word than the note ("which takes longer?" of "quicker": ``kg.measures.relative_side``).
- "Mara leads the session" under "## Truing" answers "Who leads the truing sessions?": the heading says
  what its sentences are about. A word neither the sentence nor its heading says still stops the answer.
- "..., A or B?" is answered by A or by B, or not at all: never by something else a path reaches.
- "with Spokeline, the carrier that ..., and it is slower": "it" agrees in number with what it stands for.
- "kept on pallets, never directly on the floor": the "never" denies the phrase, in the graph and in a
  quoted sentence's verdict.
- "a condition grade, or CG, ...": a short form offered after "or" whose letters spell the words before it;
  "What does TEN refer to?" asks what "What does TEN stand for?" asks.

- "carries a hook, a radio, a bailer and an oar, and the cox checks ...": a run of noun phrases separated by
  commas, the last after "and", is one list, whatever the parser hung its later items on.

A made-up bicycle workshop note stands for any note: nothing here comes from a development or test question.
"""

from __future__ import annotations

import pytest
from test_open_extraction import opened_notes

from kg.measures import relative_side

WORKSHOP = """# Bicycle Workshop Notes

## Cleaning

Degreasing a chain is quicker than scrubbing the cassette, which can take a full afternoon.

Wiping down a frame is faster than polishing it, but polishing is required before a sale.

## Wheels

Rolling back a tyre is much faster than patching the tube.

## Truing

Mara leads the session on Saturdays at the big stand.

## Intake

Every bike gets a condition grade, or CG, when it arrives, and its spoke tension, or TEN, is written beside it.

## Collections

Repaired bikes go out with Spokeline, the carrier that collects from the yard at noon, and it is slower than
the van but cheaper for single bikes.
"""


@pytest.fixture(scope="module")
def notes(tmp_path_factory: pytest.TempPathFactory):
    return opened_notes(tmp_path_factory.mktemp("workshop"), {"workshop.md": WORKSHOP})


@pytest.mark.parametrize(
    ("question", "winner"),
    [
        ("Which is quicker, degreasing a chain or scrubbing the cassette?", "degreasing chain"),
        ("Which takes longer, degreasing the chain or scrubbing the cassette?", "scrubbing cassette"),
        ("Which job needs more time, degreasing a chain or scrubbing the cassette?", "scrubbing cassette"),
        ("Which is slower for cleaning a frame, wiping it down or polishing it?", "polishing frame"),
        ("Which is quicker, patching the tube or rolling back a tyre?", "rolling back tyre"),
        ("Which is slower, the van or Spokeline?", "spokeline"),
        ("Which gets bikes out faster, Spokeline or the van?", "van"),
    ],
)
def test_compared_deeds_and_agreeing_pronouns_answer(notes, question: str, winner: str):
    answer = notes.ask(question)
    assert answer.kind == "comparison" and answer.answers, answer.answer
    assert answer.answers[0]["label"].lower() == winner, answer.answer


def test_an_option_question_is_never_answered_with_something_else(notes):
    # The comparison says nothing of effort; what the cassette takes (a full afternoon) is no option.
    answer = notes.ask("Which job takes more effort, degreasing a chain or scrubbing the cassette?")
    assert not answer.answers, answer.answer


def test_the_heading_of_a_sentence_says_what_it_is_about(notes):
    answer = notes.ask("Who leads the truing sessions?")
    assert [a["label"] for a in answer.answers] == ["Mara"], answer.answer
    assert answer.confidence >= 0.8


def test_a_word_neither_the_sentence_nor_its_heading_says_is_not_assumed(notes):
    answer = notes.ask("Who leads the painting sessions?")
    assert not answer.answers, answer.answer


def test_relative_sides_of_two_comparatives():
    assert relative_side("longer", "quicker") == -1 and relative_side("slower", "longer") == 1
    assert relative_side("faster", "quicker") == 1
    assert relative_side("cheaper", "quicker") == 0 and relative_side("heavier", "longer") == 0


@pytest.mark.parametrize(
    ("question", "expansion"),
    [
        ("What does CG stand for?", "condition grade"),
        ("What does the abbreviation TEN refer to?", "tension"),
        ("What does TEN stand for?", "tension"),
    ],
)
def test_a_short_form_offered_after_or(notes, question: str, expansion: str):
    answer = notes.ask(question)
    assert answer.answers and expansion in answer.answer.lower(), answer.answer


STORE = """# Storeroom Notes

## Crates

Crates are kept in the cellar on pallets, never directly on the stone floor.
"""


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory):
    return opened_notes(tmp_path_factory.mktemp("store"), {"store.md": STORE})


def test_a_phrase_denied_through_its_adverb_is_no_place(store):
    # "never directly on the stone floor": the floor is where crates are not kept.
    answer = store.ask("Where are crates kept?")
    assert answer.answers and {a["label"] for a in answer.answers} <= {"cellar", "pallet"}, answer.answer
    verdict = store.ask("Are crates kept on the stone floor?")
    assert verdict.answer.startswith("No"), verdict.answer


RESCUE = """# Rowing Club Notes

## Kit

Each launch carries a boathook, a VHF radio, a bailer, a spare oar and a flare pack, and the cox checks these
against the card before every outing.

The stall card records the horse's name, breed, feeding instructions, medication and an emergency contact.

The first lesson covers steering, trotting, jumping and capsize recovery.
"""


@pytest.fixture(scope="module")
def rescue(tmp_path_factory: pytest.TempPathFactory):
    return opened_notes(tmp_path_factory.mktemp("rescue"), {"rescue.md": RESCUE})


@pytest.mark.parametrize(
    ("question", "items"),
    [
        ("What does each launch carry?", {"boathook", "vhf radio", "bailer", "spare oar", "flare pack"}),
        (
            "What does the stall card record?",
            {"name", "breed", "feeding instruction", "medication", "emergency contact"},
        ),
        ("What does the first lesson cover?", {"steering", "trotting", "jumping", "capsize recovery"}),
    ],
)
def test_a_long_list_stays_one_list_whatever_the_parser_made_of_it(rescue, question: str, items: set[str]):
    answer = rescue.ask(question)
    assert {a["label"].lower() for a in answer.answers} == items, answer.answer


def test_a_phrase_that_opens_a_clause_after_and_is_no_list_item():
    from kg.ingest.parse import load_parser

    text = (
        "All tickets go into Ledgerline, the shop's job database, and Mr. Okoro won't close a ticket until it is paid."
    )
    parsed = load_parser()(text)
    okoro = next(t for t in parsed if t.text == "Okoro")
    assert okoro.dep_ != "conj" or okoro.head.text not in ("Ledgerline", "database"), okoro.dep_


def test_an_auxiliary_after_a_list_is_no_item_and_the_parse_stays_a_tree():
    # The list's last item once took "are treated" in ("keys are treated"), and re-hanging its words made a
    # cycle (keys -> treated -> Phones -> ...): a walk up the tree never ended.
    from kg.ingest.parse import load_parser

    parsed = load_parser()("Torches, flares and radios are checked weekly: they go in the locker and are kept dry.")
    for token in parsed:
        steps, at = 0, token
        while at.head.i != at.i:
            at, steps = at.head, steps + 1
            assert steps <= len(parsed), f"{token.text} never reaches the root"
    assert next(t for t in parsed if t.text == "are").dep_ in ("aux", "auxpass")
