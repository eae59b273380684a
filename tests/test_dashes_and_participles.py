"""Phrases set off by dashes, things a participle describes, names given to "a" thing, and compounds said
with a preposition.

- "Each steward carries a green tin — the Float Box — holding spare change and a torch.": a dash sets a phrase
  off as a comma does (``relations._dash``); the name in apposition to "a green tin" is one such tin, and the
  sentence says what it is (``_described_in_apposition``); the participle "holding" with its object says what
  that one thing holds (``_describing_participle``).
- "The shed has a rack holding six paddles.": the same participle after a verb's object with "a".
- "Rafts carrying children need a second steward.": after a subject (a plural picking some out of a kind) the
  participle says nothing of rafts in general.
- "Each steward carries a blue tin holding spare coins and a torch.": the tagger may read "a blue tin holding spare
  coins" as one plural noun phrase modified by "holding"; "a" before a plural noun cannot be, so the phrase ends
  at "tin", which the participle describes (``repairs.participle_read_as_modifier``).
- "a harbour tender (FHT) carrying 300 litres of diesel, a 4 metre pole and ...": an apposition deeper in the
  phrase (the parser's reading of the list) is no part of the amount.
- "Who is the medic at the lido?" for the "lido medic": a compound said with a preposition links to the compound
  (``EntityLinker._compound_turned``).
- "What counts as X?" asks what X is.
- "## The sluice" heads a section about the sluice: a heading's opening article is not part of the name.
- "By default, hide sends a warning.": the tagger reads the command "hide" as a bare verb; no bare verb is a
  subject, so a name the note knows is.
- "the pump house" for "Harwick pump house": the common nouns ending a name a capitalised word opens say it.
- "Bryn checks the gate and Tomasz the lockers": "Bryn" is "Bryn Tull", the note's one full name opening so
  (``identity.merge_given_names``), and "Tomasz", tagged a verb joined to "checks", is no deed of Bryn's.

A made-up open-air lido's notes stand for any note: nothing here comes from a development or test question.
"""

from __future__ import annotations

import pytest
from rdflib import RDFS, URIRef
from test_open_extraction import built_note, kinds_of, named, opened_notes, relations

from kg.question import parser

LIDO = """# Brackwater Lido Handbook

## Stewards

Each steward carries a green tin — the Float Box — holding spare change and a torch.
Every steward wears a yellow bib showing the lido crests.
Our lido medic, Oona Pell, works from the hut by the gate.
A session is a booked slot on the lane rota.

## Kit

The shed has a rack holding six paddles.
Rafts carrying children need a second steward.
The boat is a Fenwick harbour tender (FHT) carrying 300 litres of diesel, a 4 metre pole and the towing kit we use at
regattas.

The Float Box at Brackwater Lido is checked every morning.

## The sluice

The sluice is an iron gate on the outflow. Bryn Tull opens the sluice at dawn.

## Tools

The **hide** command hides a file. By default, hide sends a warning.
Harwick pump house was built in 1931. Oona Pell tests the chlorine every morning.

## Closing

Tomasz Hale closes the lido at dusk. At closing, Bryn checks the gate and Tomasz the lockers.
When the pool is full, the desk replies with Flag Nine, a status that shuts the turnstile.
"""


@pytest.fixture(scope="module")
def lido(tmp_path_factory: pytest.TempPathFactory):
    return opened_notes(tmp_path_factory.mktemp("lido"), {"lido.md": LIDO})


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory):
    return built_note(tmp_path_factory, "lido.md", LIDO)


def test_a_name_set_off_by_dashes_is_one_of_the_kind_before_it(graph):
    assert "green tin" in kinds_of(graph, "Float Box"), kinds_of(graph, "Float Box")


def test_the_thing_a_participle_describes_does_what_it_says(graph):
    box = named(graph, "Float Box")
    assert relations(graph, box, named(graph, "torch")), relations(graph, box, named(graph, "torch"))
    rack = named(graph, "rack")
    assert relations(graph, rack, named(graph, "paddle")), relations(graph, rack, named(graph, "paddle"))


def test_a_participle_after_a_subject_says_nothing_of_the_kind(graph):
    said = {
        (str(graph.value(s, RDFS.label)), str(graph.value(o, RDFS.label))) for s, _, o in graph if isinstance(o, URIRef)
    }
    assert ("raft", "child") not in said, sorted(pair for pair in said if "raft" in pair[0])


@pytest.mark.parametrize(
    ("sentence", "noun", "plural"),
    [
        ("Each steward carries a blue tin holding spare coins and a torch.", "tin", "coins"),
        ("The hut has a steel tin holding old keys.", "tin", "keys"),
    ],
)
def test_a_participle_read_as_a_modifier_of_a_plural_noun_describes_the_noun_before_it(
    sentence: str, noun: str, plural: str
):
    doc = parser()(sentence)
    holding = next(t for t in doc if t.text == "holding")
    assert (holding.dep_, holding.head.text) == ("acl", noun), [(t.text, t.dep_, t.head.text) for t in doc]
    things = next(t for t in doc if t.text == plural)
    assert (things.dep_, things.head.text) == ("dobj", "holding"), [(t.text, t.dep_, t.head.text) for t in doc]


def test_a_noun_compound_before_a_participle_with_no_article_stays_one_phrase():
    doc = parser()("The lido runs a water pumping station.")
    assert not any(t.dep_ == "acl" for t in doc), [(t.text, t.dep_, t.head.text) for t in doc]


def test_an_apposition_inside_an_amount_is_no_part_of_it(graph):
    tender = named(graph, "FHT")
    values = {str(o) for _, _, o in graph.triples((tender, None, None)) if "litres" in str(o)}
    assert values == {"300 litres of diesel"}, values


@pytest.mark.parametrize("question", ["Who is the medic at the lido?", "Who is the medic at lido?"])
def test_a_compound_said_with_a_preposition_names_the_compound(lido, question: str):
    answer = lido.ask(question)
    assert answer.answers and answer.answers[0]["label"] == "Oona Pell", answer.answer


def test_counts_as_asks_what_a_thing_is(lido):
    answer = lido.ask("What counts as a session?")
    assert answer.kind == "definition" and "booked slot on the lane rota" in answer.answer, answer.answer


def test_a_heading_names_its_thing_without_its_article(graph):
    labels = {str(o) for o in graph.objects(None, RDFS.label)}
    assert "The sluice" not in labels, sorted(label for label in labels if "sluice" in label.lower())
    assert "iron gate" in kinds_of(graph, "sluice"), kinds_of(graph, "sluice")


def test_an_answer_says_an_before_a_vowel(lido):
    answer = lido.ask("What kind of gate is the sluice?")
    assert answer.answers and "is an iron gate" in answer.answer, answer.answer


def test_a_name_the_tagger_read_as_a_bare_verb_is_still_the_subject(lido):
    answer = lido.ask("What does hide send by default?")
    assert answer.answers and answer.answers[0]["label"] == "warning", answer.answer


def test_the_common_nouns_ending_a_name_say_the_named_thing(lido):
    answer = lido.ask("When was the pump house built?")
    assert answer.answers and "1931" in str(answer.answers[0].get("value", answer.answers[0].get("label"))), (
        answer.answer
    )


def test_a_first_name_alone_is_the_full_name_it_opens(graph):
    bryn = named(graph, "Bryn Tull")
    assert relations(graph, bryn, named(graph, "gate")), relations(graph, bryn, named(graph, "gate"))
    labels = {str(o) for o in graph.objects(None, RDFS.label)}
    assert "Bryn" not in labels, sorted(label for label in labels if label.startswith("Bryn"))


def test_a_name_read_as_a_joined_verb_is_no_relation(graph):
    labels = {str(o).lower() for p in graph.predicates() for o in graph.objects(p, RDFS.label)}
    assert not any("tomasz" in label for label in labels), sorted(label for label in labels if "tomasz" in label)


def test_an_asked_noun_said_after_the_answer_as_its_kind_keeps_the_answer(lido):
    # "replies with Flag Nine, a status that ...": the noun classifies the answer; it is no other thing beside it
    answer = lido.ask("Which status does the desk reply with when the pool is full?")
    assert answer.answers and answer.answers[0]["label"] == "Flag Nine", answer.answer
