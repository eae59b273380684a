"""Coordinated modifiers of one head noun, and a demonstrative that stands for a statement.

- "Members use the slipway on Monday and Friday mornings": two things, a Monday morning and a Friday morning, each
  a time the members use it on (``relations._shared_head``); "red and white paint" is red paint and white paint.
  A longer modifier ("the hot and very dry summer") is left as it is.
- "Nobody climbs on the roof, and that includes the warden": "that" stands for the statement before it; the
  roof named on its left does not include the warden (``sentences.SentenceReader._subject``).

A made-up boathouse's notes stand for any note: nothing here comes from a development or test question.
"""

from __future__ import annotations

import pytest
from rdflib import RDFS
from test_open_extraction import built_note, named

BOATHOUSE = """# Kelpie Boathouse Notes

## Outings

Members use the slipway on Monday and Friday mornings.
The store sells red and white paint.
The hot and very dry summer cracked the slipway.

## The roof

The roof is the flat part above the store. Nobody climbs on the roof, and that includes the warden.
"""


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory):
    return built_note(tmp_path_factory, "boathouse.md", BOATHOUSE)


def _objects(graph, subject: str) -> set[str]:
    node = named(graph, subject)
    return {str(graph.value(o, RDFS.label)) for o in graph.objects(node, None) if (o, RDFS.label, None) in graph}


def _labels(graph) -> set[str]:
    return {str(o) for o in graph.objects(None, RDFS.label)}


def test_a_head_noun_with_coordinated_modifiers_names_one_thing_per_modifier(graph):
    assert {"Monday morning", "Friday morning"} <= _objects(graph, "member")
    assert {"red paint", "white paint"} <= _objects(graph, "store")
    assert not any(" and " in label for label in _labels(graph) if "morning" in label or "paint" in label)


def test_a_longer_coordinated_modifier_is_left_as_it_is(graph):
    assert "hot summer" not in _labels(graph)
    assert "dry summer" not in _labels(graph)


def test_a_demonstrative_after_a_conjunction_is_no_name_on_its_left(graph):
    assert "warden" not in _objects(graph, "roof")
