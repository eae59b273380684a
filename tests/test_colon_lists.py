"""A clause on a plural noun, then its items after a colon: "Three pumps serve the mill: Ada, Bex and Cole"
makes each item one of the pumps and says of each what the clause says of them."""

from __future__ import annotations

import pytest
from rdflib import Graph
from test_names_and_pronouns import statements
from test_open_extraction import built_note, opened_notes

MILL = """# Mill Notes

## Pumps

Three pumps serve the mill race: Ada, Bex and Cole. The shop sells two flours: Dinkel and Emmer. The race runs
fast in spring: the sluices are open.
"""


@pytest.fixture(scope="module")
def mill(tmp_path_factory: pytest.TempPathFactory) -> Graph:
    return built_note(tmp_path_factory, "mill.md", MILL)


def test_each_item_is_of_the_kind_and_does_what_the_clause_says(mill: Graph):
    said = statements(mill)
    for pump in ("Ada", "Bex", "Cole"):
        assert any(s == pump and p == "is a" and o.lower() == "pump" for s, p, o in said), said
        assert any(s == pump and o == "mill race" for s, _, o in said), said
    assert any(s == "shop" and o == "Emmer" for s, _, o in said), said


def test_a_colon_before_a_clause_lists_nothing(mill: Graph):
    assert not any(o == "sluice" and p == "is a" for _, p, o in statements(mill))


def test_the_items_answer_which_of_the_kind(tmp_path_factory: pytest.TempPathFactory):
    notes = opened_notes(tmp_path_factory.mktemp("mill"), {"mill.md": MILL})
    answer = notes.ask("Which pumps serve the mill race?")
    assert {a.get("label") for a in answer.answers} == {"Ada", "Bex", "Cole"}, answer.text


CREW = """# Boat Club

## Crew

A normal launch crew includes a log keeper, a signaller and at least two rope hands, as well as the skipper.
Tom Hale, a sailor and carpenter, mends the boats.
"""


def test_a_list_item_hung_as_an_apposition_is_still_an_item(tmp_path_factory: pytest.TempPathFactory):
    said = statements(built_note(tmp_path_factory, "crew.md", CREW))
    members = {o for s, p, o in said if s == "normal launch crew" and p != "is a"}
    assert {"log keeper", "signaller", "rope hand"} <= members, said
    assert not any(s == "Tom Hale" and o in ("sailor", "carpenter") and p != "is a" for s, p, o in said), said
