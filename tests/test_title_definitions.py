"""A title that names its topic among words about the note ("# Harl Boats: crib notes for the desk") does not
head the topic's section: its first sentence may be about the note ("Background for new desk staff."),
and was the topic's definition ("What is Harl Boats?" -> "Background for new desk staff.", 0.9). Only a
heading that is the topic's name (with its short form, if any) makes its first sentence the definition.

A note of our own; real parser and model.
"""

from __future__ import annotations

import pytest
from test_open_extraction import opened_notes

pytestmark = pytest.mark.slow

BOATS = """# Harl Boats: crib notes for the desk

Background for new desk staff. **Harl Boats** (HB) runs the island boats across the firth.

## History

The firm began in 1960 with one steamer.

## Tern

A small ferry for foot passengers. The Tern sails at dawn.
"""


@pytest.fixture(scope="module")
def kg(tmp_path_factory: pytest.TempPathFactory):
    return opened_notes(tmp_path_factory.mktemp("boats"), {"boats.md": BOATS})


def test_a_title_naming_the_topic_among_other_words_does_not_define_it_by_its_first_sentence(kg):
    answer = kg.ask("What is Harl Boats?")

    assert "island boats" in answer.answer, answer.answer
    assert "Background" not in answer.answer and "1960" not in answer.answer


def test_a_heading_that_is_the_name_defines_it_by_its_first_sentence(kg):
    assert "small ferry" in kg.ask("What is the Tern?").answer
