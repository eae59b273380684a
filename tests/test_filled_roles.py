"""A role the question fills with its own thing is no slot for the answer.

"What do we carry for the red bag?" names the red bag in its "for" phrase. The note's sentence "For night sails we
carry "the red bag": flares, a torch and a spare radio." has "night sails" in its own "for" phrase: that phrase
plays the role the question filled, so "night sails" is never the thing carried (``_filled_prepositions`` in
``kg/sentence_slots.py``); the sentence is quoted, and no concept is read out of it as the answer. The small model
parses such sentences in more than one way; the last test gives the slot reader the parse under which it used
to answer "night sails" (the quoted name read as a clause of its own, its list hung beside it).

A made-up sailing club's note stands for any note.
"""

from __future__ import annotations

import pytest
from rdflib import URIRef
from test_open_extraction import opened_notes

CLUB = """# Sailing Club Notes

## Kit

For night sails we carry "the red bag": flares, a torch and a spare radio.

The club lends buoyancy aids to visitors.
"""


@pytest.fixture(scope="module")
def club(tmp_path_factory: pytest.TempPathFactory):
    return opened_notes(tmp_path_factory.mktemp("club"), {"club.md": CLUB})


@pytest.mark.slow
def test_the_phrase_the_question_fills_gives_no_answer(club):
    reply = club.ask("What do we carry for the red bag?")
    assert not any("night sail" in str(a.get("label", a.get("value", ""))).lower() for a in reply.answers)


@pytest.mark.slow
def test_an_object_still_answers_what_is_done(club):
    assert [a["label"] for a in club.ask("What does the club lend to visitors?").answers] == ["buoyancy aid"]


def _parsed(words, heads, deps, pos):
    """Return a spaCy Doc of ``words`` with the given heads, dependency labels and parts of speech (a parse the
    small model gives some such sentences: the quoted name as a clause of its own, its list hung beside it)."""
    import spacy
    from spacy.tokens import Doc

    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)


def test_a_preposition_before_the_questions_own_name_leaves_that_role_filled():
    from kg.sentence_slots import Asked, _filled_prepositions, _in_open_slot

    words = ["For", "night", "sails", "we", "carry", '"', "red", "kit", '"', ":", "flares", "."]
    heads = [4, 2, 0, 4, 4, 4, 4, 6, 6, 6, 6, 4]
    deps = ["prep", "compound", "pobj", "nsubj", "ROOT", "punct", "xcomp", "dobj", "punct", "punct", "conj", "punct"]
    pos = ["ADP", "NOUN", "NOUN", "PRON", "VERB", "PUNCT", "ADJ", "NOUN", "PUNCT", "PUNCT", "NOUN", "PUNCT"]
    doc = _parsed(words, heads, deps, pos)
    asked = Asked(
        content=["carry"], words=["what", "do", "we", "carry", "for", "red", "kit"], mention_words=["red", "kit"],
        wh_phrase=["what"], wh_role="object", main_verb="carry",
    )  # fmt: skip
    assert _filled_prepositions(asked) == {"for"}
    fresh = {URIRef("https://example.org/night-sail"): ["night sail", "night sails"]}
    assert _in_open_slot("For night sails ...", fresh, asked, lambda _: doc) == []
    where = Asked(
        content=["carry"], words=["where", "do", "we", "carry", "red", "kit"], mention_words=["red", "kit"],
        wh_phrase=["where"], wh_role="oblique", main_verb="carry",
    )  # fmt: skip
    assert _filled_prepositions(where) == set()
