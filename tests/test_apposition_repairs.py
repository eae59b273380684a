"""Parse repairs of appositions: a list whose second item the parser took for an apposition of the first, and
an apposition hung on a noun further back than the name right before its comma (kg/ingest/repairs.py)."""

from __future__ import annotations

import pytest
from test_open_extraction import opened_notes

from kg.ingest.parse import load_parser


def test_a_list_whose_second_item_was_parsed_as_an_apposition_is_one_list():
    parsed = load_parser()("The review at the end covers steering at night, rope work, boat care and radio drills.")
    objects = {t.text for t in parsed if t.dep_ in ("dobj", "conj")}
    assert {"steering", "work", "care", "drills"} <= objects
    assert not [t for t in parsed if t.dep_ == "appos"]


def test_an_apposition_after_a_colon_or_a_counted_noun_stays_one():
    parsed = load_parser()("The van visits two shops, the Spar and the deli.")
    assert not any(t.dep_ == "conj" and t.head.text == "shops" for t in parsed)


def apposed(text: str) -> dict[str, str]:
    """Return each apposition's word and the word it is hung on."""
    return {t.text: t.head.text for t in load_parser()(text) if t.dep_ == "appos"}


def test_an_apposition_names_the_name_right_before_its_comma():
    text = "Every launch starts with the harbour master, who calls us through HAILNET, the radio service that pages us."
    assert apposed(text) == {"service": "HAILNET"}


def test_an_apposition_after_a_phrase_may_name_the_phrase():
    assert apposed("The captain of the Tern, Ola Finch, checks the lines.") in ({"Finch": "captain"}, {"Finch": "Tern"})


@pytest.mark.slow
def test_the_name_an_apposition_names_is_defined_by_it(tmp_path):
    note = """# Harbour

## Launches

Every launch starts with the harbour master, who calls us through HAILNET, the radio service that pages every
skipper.
"""
    notes = opened_notes(tmp_path, {"harbour.md": note})
    assert "radio service" in notes.ask("What is HAILNET?").answer
