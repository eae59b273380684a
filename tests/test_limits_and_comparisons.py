"""Sentences that limit or compare: "only after", "only if", "faster than", amounts, and names in apposition.

A note of our own, written to try them (harbour tugs; no wording of any question set). Before: a quoted
"Pilots board only after the engines stop" answered "Can pilots board before the engines stop?" with yes;
"X is deeper than Y" answered "Is Y deeper than X?" with yes; "takes about forty minutes" gave the concept
"minute" as what a tow takes; "The senior tug, the MV Osprey, replaced ..." said it of "senior tug"; a
heading "Crews and fuel" became one concept that every later "fuel" named; "Trainees can steer X only if a master
stands beside them" answered "Can trainees steer X alone?" with yes at 0.95. Real parser and model.
"""

from __future__ import annotations

import pytest
from note_graph import note_graph
from rdflib import Literal, URIRef
from rdflib.namespace import RDFS
from test_open_extraction import built_note, named, relations

from kg.coordination import in_other_conjunct
from kg.namespaces import data_dir
from kg.question import parse
from kg.sentence_slots import Asked, done_by_another, number_answer, slot_answers, subject_clause, verdict
from kg.yes_no import _present_words

pytestmark = pytest.mark.slow

NOTE = """# Harbour tugs

The **harbour tugs** of Port Wendle guide large ships to the quays.

## Crews and fuel

The senior tug, the MV Osprey, replaced the old MV Kittiwake in 2011.
The MV Osprey is faster than the MV Kittiwake.
A tow across the bay takes about forty minutes.
The MV Osprey carries nine deckhands.
Fuel is delivered to the tugs by a barge from the refinery.
Trainees can steer the MV Osprey only if a master stands beside them.
The MV Kittiwake sails four times a day in summer and twice a day in winter.
No tug may leave the harbour unless the harbour master gives permission.
No tug carries passengers.
The harbour board will sell the MV Kittiwake to a museum by 2030.
Pilots buy charts in the harbour office.
Coal barges are loaded without weighing.
The MV Osprey is refuelled afterwards.
After a storm the slipway cannot be used.
Pusher tugs patrol the estuary at night, while tractor tugs patrol it during the day.
The skipper checks the tug in two rounds.

## Kinds of tug

The harbour keeps three kinds of tug:

- pusher tugs
- tractor tugs
- coastal tugs
"""


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory):
    return built_note(tmp_path_factory, "tugs.md", NOTE)


@pytest.fixture(scope="module")
def kg(tmp_path_factory: pytest.TempPathFactory):
    return note_graph(tmp_path_factory.mktemp("tugs"), "tugs", NOTE)


def asked(question: str, content: list[str], **kw) -> Asked:
    return Asked(content=content, words=question.lower().rstrip("?").split(), **kw)


CASES = [
    # A comparison says no to the question that turns it round, and nothing when it names no "than".
    ("Is the channel deeper than the river mouth?", "The channel is deeper than the river mouth.", True),
    ("Is the river mouth deeper than the channel?", "The channel is deeper than the river mouth.", False),
    ("Is the river mouth deeper than the channel?", "The channel is not deeper than the river mouth.", None),
    ("Is the channel deeper than the river mouth?", "Of the channel and the river mouth, the channel is deeper.", None),
    # What "only" limits a clause to must be what the question asks about.
    ("Can pilots board before the engines stop?", "Pilots may board only after the engines stop.", None),
    ("Can pilots board after the engines stop?", "Pilots may board only after the engines stop.", True),
    ("Can trainees steer a tug on their own?", "Trainees can steer a tug only if a master stands beside them.", None),
    ("Can trainees steer a tug?", "Trainees can steer a tug not only in port but also at sea.", True),
    # The clause that names the question's subject answers, and must say the question's number.
    ("Can trainees work twelve hours?", "Masters may work up to twelve hours; trainees may work six hours only.", None),
    ("Can masters work twelve hours?", "Masters may work up to twelve hours; trainees may work six hours only.", True),
    # The same two events in the other order: not so (kg.sentence_slots._reordered_verdict).
    ("Are tows booked after the tide turns?", "Tows are booked before the tide turns.", False),
    ("Are tows booked before the tide turns?", "Tows are booked before the tide turns.", True),
    # A clause "while" sets against the subject's own, with the same verb, fills the asked role ("in winter")
    # otherwise ("in May"): no, in either order; a pronoun's clause goes on with it.
    (
        "Are pushers painted in winter?",
        "Tractors are painted in winter, while pushers are painted in May.",
        False,
    ),
    (
        "Are pushers painted in winter?",
        "Pushers are painted in May, while tractors are painted in winter.",
        False,
    ),
    (
        "Are tractors painted in winter?",
        "Pushers are painted in May, while tractors are painted in winter.",
        True,
    ),
    ("Does the winch lift the boom?", "The winch lowers the sails, but it does not lift the boom.", False),
]
#: The words of the questions above that are grammar, not content.
GRAMMAR = {"is", "are", "can", "does", "the", "a", "than", "on", "their", "own", "before", "after", "in"}


@pytest.mark.parametrize(("question", "sentence", "expected"), CASES)
def test_a_verdict_reads_the_order_of_a_comparison_and_what_only_limits(question, sentence, expected):
    words = question.lower().rstrip("?").split()
    content = [w for w in words if w not in GRAMMAR]
    subject = [content[0]]  # "Is the channel ...", "Can pilots ...": the first content word

    assert verdict(sentence, asked(question, content, yes_no=True, subject_words=subject), parse) is expected


TERN, PUFFIN, VESSEL = (URIRef(f"urn:x:{n}") for n in ("tern", "puffin", "vessel"))


def test_a_when_question_is_not_answered_by_the_doer_of_its_verb():
    concepts = {TERN: ["MV Tern"], PUFFIN: ["MV Puffin"], VESSEL: ["harbour vessel"]}
    sentence = "The harbour vessel, the MV Tern, replaced the MV Puffin in 2011."
    words = dict(named={TERN, PUFFIN}, mention_words=["mv", "tern", "mv", "puffin"])
    when = asked(
        "When did the MV Tern replace the MV Puffin?", ["replace"], wh_phrase=["when"], wh_role="oblique", **words
    )
    who = asked("Who replaced the MV Puffin?", ["replaced"], wh_phrase=["who"], wh_role="subject", **words)

    assert slot_answers([sentence], [concepts], when, parse) == []
    assert slot_answers([sentence], [concepts], who, parse) == [VESSEL]


AUK, OLDEST = URIRef("urn:x:auk"), URIRef("urn:x:oldest")


def test_when_and_why_are_not_answered_by_a_concept_that_hangs_from_no_preposition_of_the_verb():
    concepts = {AUK: ["MV Auk"], OLDEST: ["oldest tug"]}
    sentence = "The oldest tug is the MV Auk, built in 1962 to tow coal barges."
    words = dict(named={AUK}, mention_words=["mv", "auk"], wh_role="oblique")
    when = asked("When was the MV Auk built?", ["built"], wh_phrase=["when"], **words)
    why = asked("Why was the MV Auk built?", ["built"], wh_phrase=["why"], **words)

    assert slot_answers([sentence], [concepts], when, parse) == []
    assert slot_answers([sentence], [concepts], why, parse) == []


def test_a_name_in_apposition_is_the_participant_not_the_description(graph):
    osprey, kittiwake = named(graph, "MV Osprey"), named(graph, "MV Kittiwake")

    assert relations(graph, osprey, kittiwake) == {"replace"}
    assert not any(str(graph.value(s, RDFS.label)).lower() == "senior tug" for s in graph.subjects(None, kittiwake))


def test_a_unit_counted_in_words_is_an_amount_and_counted_things_stay_concepts(graph):
    labels = {str(o).lower() for o in graph.objects(None, RDFS.label)}
    values = {str(o) for o in graph.objects() if isinstance(o, Literal)}

    assert "about forty minutes" in values
    assert "minute" not in labels
    assert "deckhand" in labels  # "nine deckhands" counts things the note speaks of


def test_a_heading_that_joins_two_things_is_no_concept(graph):
    labels = {str(o).lower() for o in graph.objects(None, RDFS.label)}

    assert "crews and fuel" not in labels
    assert "fuel" in labels


def test_a_comparison_answers_a_yes_no_question_in_the_questions_order(kg):
    turned = kg.ask("Is the MV Kittiwake faster than the MV Osprey?")
    same = kg.ask("Is the MV Osprey faster than the MV Kittiwake?")

    assert [a.get("value") for a in turned.answers] == [False]
    assert turned.answer == "No. The graph says: The MV Osprey is faster than the MV Kittiwake."
    assert [a.get("value") for a in same.answers] == [True]


def test_a_fact_that_holds_only_if_gives_no_sure_yes_to_a_question_that_does_not_state_the_case(kg):
    answer = kg.ask("Can trainees steer the MV Osprey on their own?")

    assert not any(a.get("value") is True and answer.confidence >= 0.9 for a in answer.answers), answer.answer


def test_an_amount_is_the_answer_said_of_one_thing(kg):
    answer = kg.ask("How long does a tow across the bay take?")

    assert answer.answer == "Tow takes about forty minutes.", answer.answer


def test_the_unit_table_is_wordnets_units_and_periods_with_its_licence():
    lines = (data_dir() / "units.tsv").read_text(encoding="utf-8").splitlines()
    rows = dict(line.split("\t") for line in lines if not line.startswith("#"))

    assert any("WORDNET-LICENSE" in line for line in lines if line.startswith("#"))
    assert {"minute", "night", "mile", "gigabyte"} <= rows.keys()
    assert not {"people", "instance", "deckhand", "volume", "time"} & rows.keys()


def test_a_list_of_all_members_does_not_answer_what_only_some_of_them_do(kg):
    some = kg.ask("Which tugs sail at dawn?")
    every = kg.ask("List the tugs.")

    assert some.kind != "list", some.answer
    assert {a["label"] for a in every.answers} == {"coastal tug", "pusher tug", "tractor tug"}


def test_a_count_per_unit_is_an_amount(graph):
    values = {str(o) for o in graph.objects() if isinstance(o, Literal)}

    assert "four times a day" in values


def test_a_word_said_of_another_conjunct_does_not_place_the_answer(kg):
    answer = kg.ask("How often does the MV Kittiwake sail in winter?")

    # "four times a day" is said of summer; "in winter" hangs from "twice a day", its other conjunct.
    assert not answer.answers, answer.answer


@pytest.mark.parametrize(
    ("sentence", "word", "other", "apart"),
    [
        # "in winter" hangs from "twice a day", the conjunct of "four times a day" (whose head is "times").
        ("The ferry sails four times a day in summer and twice a day in winter.", "winter", "times", True),
        ("The ferry sails four times a day in summer and twice a day in winter.", "summer", "times", False),
        ("Instances run on hosts in regions and zones of the cloud.", "zones", "hosts", False),  # inside one side
        ("The harvest starts in August and ends in October.", "October", "harvest", False),  # verbs share a subject
    ],
)
def test_words_in_different_conjuncts_are_said_apart(sentence, word, other, apart):
    doc = parse(sentence)
    a, b = (next(t for t in doc if t.text == w) for w in (word, other))

    assert in_other_conjunct(a, b) is apart


def test_a_subject_counted_as_none_is_a_denial_and_an_exception_keeps_it_from_a_plain_no(graph, kg):
    carries = {str(graph.value(p, RDFS.label)) for p in graph.predicates(named(graph, "tug"), None)}
    leave = kg.ask("Can a tug leave the harbour?")

    assert "does not carry" in carries  # "No tug carries passengers": a denial, never "tug carries passengers"
    assert "carry" not in carries
    # "No tug may leave ... unless the harbour master gives permission": neither yes nor a sure no.
    assert not any(a.get("value") is True for a in leave.answers), leave.answer
    assert leave.confidence < 0.9, leave.answer


def test_when_is_not_answered_by_the_doer_of_the_verb(kg):
    answer = kg.ask("When will the MV Kittiwake be sold?")

    assert "harbour board" not in {str(a.get("label", "")).lower() for a in answer.answers}, answer.answer


def test_a_question_verb_the_parse_reads_as_a_noun_gives_no_verdict():
    # "work" misparsed as part of a noun phrase ("red levers work signals"): the clause is not read.
    sentence = "The box has six levers; red levers work signals and black levers work points."
    question = asked("Do red levers work points?", ["red", "work"], mention_words=["levers", "points"], yes_no=True)
    question.main_verb = "work"

    assert verdict(sentence, question, parse) is None


def test_an_absence_of_the_asked_verb_says_no(kg):
    # "Coal barges are loaded without weighing": what "without" governs is not done, so the barges are not
    # weighed before loading; a quoted sentence's answer, below the line for facts.
    answer = kg.ask("Are coal barges weighed before they are loaded?")

    assert [a.get("value") for a in answer.answers] == [False], answer.answer
    assert answer.kind == "sentence"


@pytest.mark.parametrize(
    ("sentence", "verb", "other"),
    [
        ("Pilots buy charts in the harbour office.", "buy", True),  # the converse: the office sells them
        ("When the starter is chilled, its strength is lost.", "lost", False),  # no doer named
        ("The harbour office loses charts.", "loses", False),  # the question's own subject
    ],
)
def test_an_antonym_said_of_another_doer_is_the_converse(sentence, verb, other):
    question = asked("Does the harbour office keep charts?", ["keep", "charts"], subject_words=["harbour", "office"])

    assert done_by_another(sentence, question, verb, parse) is other


def test_a_quality_names_no_word_after_without():
    assert _present_words("loaded without weighing") == ["loaded"]


def test_when_is_answered_by_a_relation_that_ends_in_a_preposition_of_time(kg):
    answer = kg.ask("When can the slipway not be used?")

    assert "storm" in {str(a.get("label", "")).lower() for a in answer.answers}, answer.answer


PRONOUNS = """# Quay

## Use

Fishing boats no longer use the quay; it is now used by yachts.

Crews may moor the barge, except at night, when only the watchman moors it.
"""


def test_a_pronoun_of_a_later_clause_is_read_against_the_earlier_clause(tmp_path_factory):
    graph = built_note(tmp_path_factory, "quay.md", PRONOUNS)
    quay, barge = named(graph, "quay"), named(graph, "barge")

    # "it" is singular: the quay, not the fishing boats; the same verb's object: the barge, not the watchman.
    assert relations(graph, named(graph, "yacht"), quay) == {"use"}
    assert relations(graph, named(graph, "watchman"), barge) == {"moor"}


def test_a_fact_is_said_by_its_subjects_clause_not_by_one_set_against_it(kg):
    night = kg.ask("Do tractor tugs patrol the estuary at night?")
    day = kg.ask("Do tractor tugs patrol the estuary during the day?")

    assert not any(a.get("value") is True for a in night.answers), night.answer
    assert [a.get("value") for a in day.answers] == [True], day.answer


def test_the_clause_of_a_subject_leaves_out_the_clause_set_against_it():
    sentence = "Pusher tugs patrol the estuary at night, while tractor tugs patrol it during the day."

    assert "night" not in subject_clause(sentence, "tractor tug", parse)
    assert "day" not in subject_clause(sentence, "pusher tug", parse)
    assert subject_clause(sentence, "pilot", parse) == sentence  # no clause of its own: the whole sentence


def test_how_many_is_not_answered_by_a_number_that_counts_something_else():
    sentence = "The skipper checks the tug in two rounds."
    skippers = asked("How many skippers check the tug?", ["skippers", "check"], how_many=True)
    rounds = asked("How many rounds does the skipper check the tug in?", ["rounds", "check"], how_many=True)

    assert number_answer(sentence, skippers, parse) is None
    assert number_answer(sentence, rounds, parse) == "two"
