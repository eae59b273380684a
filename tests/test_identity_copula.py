"""A role and a name on the two sides of "is", and a question whose verb means no relation the topic has.

Notes of our own about a made-up database server (no wording of any question set). Before: "The default
admin is ketlroot" typed the role by the name the other way round ("default admin is a ketlroot"), as a
plural kind, since the tagger reads "ketlroot" after "is" as a plural noun; "kq is the console of Ketl"
and "The settings file is `ketl.ini`" gave nothing, so "What is the settings file?" could only quote;
"an open-hearth document store" cut to four words kept "hearth", half a hyphenated word; and "Which
row wins?" about a topic with one relation ("names") answered with that relation at 0.92, because a
margin was taken over no runner-up at all; "Read committed" and "Read uncommitted" were one concept "read".
Real parser and model.
"""

from __future__ import annotations

import pytest
from rdflib import RDFS
from test_open_extraction import built_note, kinds_of, named, opened_notes, relations

from kg.namespaces import IDENTITY_RULE, KGO

pytestmark = pytest.mark.slow

KETL = """# Ketl

Ketl is an open-hearth document store database. It keeps records in shards.

## Access

The default admin is ketlroot, which is made when the store is first started. kq is the console of Ketl.
The settings file is `ketl.ini`. The dock of Nerravia is Ostmark. The default port is 7441. The sync interval
is 25 seconds.

## Levels

Read committed prevents dirty reads. Read uncommitted is the weakest level.

## Rules

Each row names a peer. The first matching row wins, so the order matters.
"""


@pytest.fixture(scope="module")
def ketl(tmp_path_factory: pytest.TempPathFactory):
    return built_note(tmp_path_factory, "ketl.md", KETL)


@pytest.fixture(scope="module")
def kg(tmp_path_factory: pytest.TempPathFactory):
    return opened_notes(tmp_path_factory.mktemp("ketl"), {"ketl.md": KETL})


def test_the_role_before_is_is_a_kind_of_the_name_after_it(ketl):
    assert "default admin" in kinds_of(ketl, "ketlroot")
    assert "settings file" in kinds_of(ketl, "ketl.ini")
    # Not the other way round, nor a plural kind: no plural noun follows a singular "is".
    assert kinds_of(ketl, "default admin") <= {"concept", "None"}
    rules = {str(r) for st in ketl.subjects(KGO.rule, None) for r in ketl.objects(st, KGO.rule)}
    assert IDENTITY_RULE in rules


def test_a_role_of_something_is_the_names_relation_to_it(ketl):
    assert relations(ketl, named(ketl, "kq"), named(ketl, "Ketl")) == {"is console of"}
    assert relations(ketl, named(ketl, "Ostmark"), named(ketl, "Nerravia")) == {"is dock of"}


def test_a_name_cut_to_four_words_keeps_no_half_of_a_hyphenated_word(ketl):
    kinds = kinds_of(ketl, "Ketl")
    assert "document store database" in kinds
    assert not [k for k in kinds if k.startswith("hearth")]
    assert "hearth document store database" not in {str(o) for o in ketl.objects(None, RDFS.label)}


def test_what_is_the_role_names_the_one_thing_identified_with_it(kg):
    answer = kg.ask("What is the settings file?")

    assert [a["label"] for a in answer.answers] == ["ketl.ini"]
    assert answer.kind == "definition" and answer.confidence >= 0.6
    assert "The settings file is ketl.ini." in [s["text"] for s in answer.sources]
    # "a settings file" asks what such a file is, not which one it is.
    assert [a.get("label") for a in kg.ask("What is a settings file?").answers] != ["ketl.ini"]


def test_a_verb_no_relation_of_a_one_relation_topic_means_gets_no_answer_by_that_relation(kg):
    answer = kg.ask("Which row wins?")

    assert "peer" not in answer.answer.lower() or answer.confidence < 0.6
    assert not (answer.kind == "relation" and answer.confidence >= 0.9)


def test_an_adjective_right_after_a_noun_with_nothing_of_its_own_is_part_of_the_name(ketl):
    # "Read committed", "Read uncommitted": before, both were "read", one concept for two levels.
    committed, uncommitted = named(ketl, "read committed"), named(ketl, "read uncommitted")

    assert committed != uncommitted
    assert relations(ketl, committed, named(ketl, "dirty read")) == {"prevent"}
    assert not [o for o in ketl.objects(None, RDFS.label) if str(o).lower() == "read"]


def test_what_is_the_role_gives_the_one_value_a_note_says_it_is(kg):
    port = kg.ask("What is the default port?")
    assert [a.get("value") for a in port.answers] == ["7441"], port.answer
    assert port.confidence >= 0.6

    interval = kg.ask("What is the sync interval?")
    assert [a.get("value") for a in interval.answers] == ["25 seconds"], interval.answer
