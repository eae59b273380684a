"""Permission and its denial: "X is not allowed to V Y" denies the deed (never records that X does V Y), a
denied verb of need leaves the deed unsaid, and "Can X be V-ed on Y?" is answered by "X is not allowed on Y"."""

from __future__ import annotations

import pytest
from rdflib import RDF, RDFS, Graph
from test_open_extraction import built_note, opened_notes

from kg.namespaces import KGO

KENNELS = """# Kennel Rules

## Staff

Walkers are not allowed to feed the dogs in the yard. Groomers are not permitted to use clippers on the
puppies. Ada does not need to sweep the pens. Ben is allowed to open the safe.

## Yard

The ball launcher is not allowed on the gravel path. The hose is allowed in the drying room.
"""


@pytest.fixture(scope="module")
def kennels(tmp_path_factory: pytest.TempPathFactory) -> Graph:
    return built_note(tmp_path_factory, "kennels.md", KENNELS)


@pytest.fixture(scope="module")
def notes(tmp_path_factory: pytest.TempPathFactory):
    return opened_notes(tmp_path_factory.mktemp("kennels"), {"kennels.md": KENNELS})


def facts(graph: Graph) -> set[tuple[str, str, str, bool]]:
    """Return each statement's subject, predicate and object labels and whether it is denied."""
    out = set()
    for st in graph.subjects(RDF.type, RDF.Statement):
        s, p, o = (graph.value(st, x) for x in (RDF.subject, RDF.predicate, RDF.object))
        label = str(graph.value(p, RDFS.label) or p)
        denied = graph.value(p, KGO.negationOf) is not None or " not " in f" {label} "
        out.add((str(graph.value(s, RDFS.label)), label, str(graph.value(o, RDFS.label) or o), denied))
    return out


def test_a_denied_permission_denies_the_deed(kennels: Graph):
    said = facts(kennels)
    assert not any(s == "walker" and o == "dog" and not denied for s, _, o, denied in said), said
    assert any(s == "walker" and o == "dog" and denied for s, _, o, denied in said), said
    assert not any(s == "groomer" and o == "clipper" and not denied for s, _, o, denied in said), said


def test_a_denied_need_says_nothing_of_the_deed(kennels: Graph):
    assert not any(s == "Ada" and o == "pen" for s, _, o, _ in facts(kennels))


def test_a_granted_permission_keeps_the_deed(kennels: Graph):
    assert any(s == "Ben" and o == "safe" and not denied for s, _, o, denied in facts(kennels))


def test_can_is_answered_by_a_bare_permission(notes):
    answer = notes.ask("Can the ball launcher be used on the gravel path?")
    assert answer.answers and answer.answers[0].get("value") is False, answer.text
    # A permission for one place says nothing of another.
    other = notes.ask("Can the ball launcher be used on the lawn?")
    assert not other.answers, other.text


FRAMES = """# Wire Notes

## Frames

Frames sent from the client to the server must always be masked. Frames sent by the server are never masked.
"""


def test_a_quality_of_restricted_things_is_not_said_of_the_kind(tmp_path_factory: pytest.TempPathFactory):
    graph = built_note(tmp_path_factory, "frames.md", FRAMES)
    qualities = {
        (str(graph.value(graph.value(st, RDF.subject), RDFS.label)), str(graph.value(st, RDF.object)))
        for st in graph.subjects(RDF.type, RDF.Statement)
        if graph.value(st, RDF.object) is not None and "mask" in str(graph.value(st, RDF.object))
    }
    # Neither the server (named inside the subject's phrase) nor frames in general are "masked".
    assert not any(s in ("server", "frame", "Frame") for s, _ in qualities), qualities


def test_a_relative_clause_in_a_question_names_no_relation(tmp_path_factory: pytest.TempPathFactory):
    notes = opened_notes(tmp_path_factory.mktemp("frames"), {"frames.md": FRAMES})
    answer = notes.ask("Are frames sent by the server masked?")
    assert not answer.answers or answer.answers[0].get("value") is False, answer.answer
