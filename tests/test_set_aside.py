"""What a sentence sets aside or stops is not what it says: "except", "instead of", "rather than",
"no longer", "neither ... nor".

A note of our own, written to try these: before, eight of its questions were answered wrong, five of
them at 0.95 or more ("Are pound locks used on the old mill cut?" -> "Yes" from "... every canal in the
county except the old mill cut"). Real parser and model.
"""

from __future__ import annotations

import pytest
from note_graph import label_set, note_graph

from kg.contrast import without_set_aside
from kg.ingest.parse import load_parser

pytestmark = pytest.mark.slow

NOTE = """# Canal Locks

A **lock** is a chamber with gates at both ends that raises or lowers boats between stretches of water.

## Operating a lock

The lock keeper opens the paddles to fill the chamber. Boaters may operate the lock themselves, except on
the river section, where only the keeper operates it.

Neither the upper gate nor the lower gate may be opened while the paddles are raised.

Working boats no longer use the canal; it is now used by pleasure boats instead of coal barges.

## Lock types

Pound locks are used on every canal in the county except the old mill cut.

Horses towed the barges rather than engines.
"""


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory):
    return note_graph(tmp_path_factory.mktemp("canal"), "canal", NOTE)


@pytest.mark.parametrize(
    ("question", "wrong"),
    [
        ("Who operates the lock on the river section?", "boater"),
        ("Can boaters operate the lock on the river section?", "true"),
        ("Are pound locks used on the old mill cut?", "true"),
        ("Did engines tow the barges?", "true"),
        ("Is the canal used by coal barges?", "true"),
        ("Do working boats use the canal?", "true"),
        ("What uses the canal now?", "working boat"),
        ("Can the lower gate be opened while the paddles are raised?", "true"),
    ],
)
def test_what_is_set_aside_or_stopped_is_never_given_as_said(graph, question, wrong):
    answer = graph.ask(question)

    assert wrong not in label_set(answer), answer.answer


def test_neither_nor_denies_both(graph):
    answer = graph.ask("Can the lower gate be opened while the paddles are raised?")

    assert label_set(answer) == {"false"}, answer.answer


def test_what_the_sentence_does_say_still_answers(graph):
    assert label_set(graph.ask("What towed the barges?")) == {"horse"}


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        ("Horses towed the barges rather than engines.", "Horses towed the barges ."),
        ("Pound locks are used on every canal except the mill cut.", "Pound locks are used on every canal ."),
        ("Skiffs use the canal instead of barges.", "Skiffs use the canal ."),
        ("Skiffs use the canal.", "Skiffs use the canal."),
    ],
)
def test_the_words_set_aside_are_left_out(sentence, kept):
    assert without_set_aside(sentence, load_parser()) == kept
