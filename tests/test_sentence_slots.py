"""Answers read out of the one quoted sentence (kg/sentence_slots.py), with the real parser and model.

The note is our own (tests/fixtures/lighthouses.md); the grammar cases below are sentences of our own too.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import URIRef

from kg.api import KnowledgeGraph
from kg.linking import Link
from kg.qa import ANSWER_THRESHOLD
from kg.question import parse
from kg.sentence_answer import Candidate, SentenceAnswerer
from kg.sentence_slots import Asked, leaves_doer_unsaid, number_answer, slot_answers, verdict

pytestmark = pytest.mark.slow

NOTE = Path(__file__).parent / "fixtures" / "lighthouses.md"


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    return KnowledgeGraph.open(docs=[NOTE], cache_dir=tmp_path_factory.mktemp("lighthouse-vectors"))


def values(answer) -> list:
    return [a.get("label", a.get("value")) for a in answer.answers]


def test_a_sentence_that_negates_the_asked_clause_answers_no_and_is_quoted(graph: KnowledgeGraph):
    answer = graph.ask("Do modern lighthouses need a keeper at night?")

    # The denial is a fact of the graph too ("does not need" keeper), whose clause says no more than the
    # question: it answers surely, quoting the sentence (kg/yes_no.py).
    assert answer.kind == "boolean"
    assert values(answer) == [False]
    assert answer.answer.startswith("No. The graph says: Modern lighthouses do not need a keeper at night")
    assert "do not need a keeper at night" in answer.sources[0]["text"]
    assert answer.confidence >= ANSWER_THRESHOLD


def test_a_sentence_about_something_else_gives_no_verdict(graph: KnowledgeGraph):
    # The same sentence names a timer, but says nothing of needing one: no "yes", no "no".
    answer = graph.ask("Do modern lighthouses need a timer at night?")

    assert answer.answers == []


def test_the_agent_of_a_passive_answers_what_does_it(graph: KnowledgeGraph):
    answer = graph.ask("What switches on the lamps of modern lighthouses?")

    assert answer.kind == "sentence"
    assert values(answer) == ["timer"]


def test_the_other_name_in_an_apposition_answers_what_it_is_called(graph: KnowledgeGraph):
    answer = graph.ask("What is the keeper's diary also called?")

    assert values(answer) == ["logbook"]


def test_how_many_is_answered_with_the_number_the_sentence_gives(graph: KnowledgeGraph):
    answer = graph.ask("How many nautical miles can the beam of a large lighthouse be seen from?")

    assert answer.kind == "sentence"
    assert values(answer) == ["20"]


# -- the grammar, sentence by sentence ------------------------------------------------------------------


def asked(question: str, content: list[str], **kw) -> Asked:
    return Asked(content=content, words=question.lower().rstrip("?").split(), **kw)


@pytest.mark.parametrize(
    ("sentence", "content", "expected"),
    [
        ("The ferry does not sail in winter.", ["sail", "winter"], False),
        ("The ferry sails in winter, but it does not sail at night.", ["sail", "winter"], True),
        ("The ferry sails in winter, but it does not sail at night.", ["sail", "night"], False),
        ("The ferry never sails in winter.", ["sail", "winter"], False),
        ("The ferry sails not only in summer but also in winter.", ["sail", "winter"], True),
        ("The ferry sails in summer.", ["sail", "winter"], None),  # the asked word is not said
        # A word of near meaning may be its opposite: a verdict needs the question's own words.
        ("The harbour gate is stateless.", ["stateful"], None),
        # A word written with a hyphen is said by the run of tokens the parser splits it into.
        ("We don't keep a long-lived ferry any more.", ["keep", "long-lived"], False),
        ("The ferry is never re-painted in winter.", ["repainted", "winter"], False),
    ],
)
def test_a_verdict_follows_the_negation_of_the_clause_that_holds_the_question(sentence, content, expected):
    question = asked("Does the ferry ... ?", content, yes_no=True)

    assert verdict(sentence, question, parse) is expected


def test_a_negated_question_gets_no_verdict_from_a_sentence():
    question = asked("Doesn't the ferry sail in winter?", ["sail", "winter"], yes_no=True, negated=True)

    assert verdict("The ferry does not sail in winter.", question, parse) is None


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # The asked time is said, but of the bus the ferry waits for; the ferry's own "at" has another.
        ("The ferry sails at 7:40 for the 8:15 bus.", False),
        ("The ferry sails at 8:15 for the 7:40 bus.", True),
        ("The ferry sails at 7:40 and at 8:15.", True),  # one of the times it sails at
        ("The ferry sails at 7:40 and 8:15.", True),
        ("The bus leaves at 7:40 for the 8:15 ferry.", None),  # another verb's value: not the question's
    ],
)
def test_a_value_said_elsewhere_while_the_asked_place_holds_another_says_no(sentence, expected):
    question = asked("Does the ferry sail at 8:15?", ["sail"], yes_no=True, mention_words=["ferry"])
    # As the engine gives the question's words: a clock time in two.
    split = asked("Does the ferry sail at 8 15?", ["sail"], yes_no=True, mention_words=["ferry"])

    assert verdict(sentence, question, parse) is expected
    assert verdict(sentence, split, parse) is expected


FERRY, HARBOUR, CAPTAIN = (URIRef(f"urn:x:{n}") for n in ("ferry", "harbour", "captain"))


def test_the_one_concept_the_question_does_not_name_answers():
    question = asked("Where does the ferry dock?", ["dock"], named={FERRY}, wh_phrase=["where"])
    concepts = {FERRY: ["ferry"], HARBOUR: ["harbour"]}

    assert slot_answers(["The ferry docks in the harbour."], [concepts], question, parse) == [HARBOUR]


def test_of_several_concepts_the_one_in_the_open_argument_answers():
    question = asked("Who steers the ferry?", ["steers"], named={FERRY}, wh_phrase=["who"], wh_role="subject")
    concepts = {FERRY: ["ferry"], HARBOUR: ["harbour"], CAPTAIN: ["captain"]}
    sentence = "In the harbour, the ferry is steered by the captain."

    assert slot_answers([sentence], [concepts], question, parse) == [CAPTAIN]
    # Without the role the question gives its wh-word, two arguments are open, and neither is chosen.
    question.wh_role = None
    assert slot_answers([sentence], [concepts], question, parse) == []


def test_a_relative_clause_of_the_open_argument_names_no_answer_of_its_own():
    question = asked("Who steers the ferry?", ["steers"], named={FERRY}, wh_phrase=["who"], wh_role="subject")
    fridays = URIRef("urn:x:fridays")
    concepts = {FERRY: ["ferry"], CAPTAIN: ["captain"], fridays: ["fridays", "friday"]}
    sentence = "The ferry is steered by the captain, who you will usually meet on Fridays."

    assert slot_answers([sentence], [concepts], question, parse) == [CAPTAIN]


def test_what_a_thing_is_is_not_a_concept_of_its_relative_clause():
    warden, chamber = URIRef("urn:x:warden"), URIRef("urn:x:chamber")
    question = asked("What is the warden?", [], named={warden}, wh_phrase=["what"])
    concepts = {warden: ["warden"], chamber: ["bell chamber"]}

    assert slot_answers(["The warden is the person who unlocks the bell chamber."], [concepts], question, parse) == []
    ringer = URIRef("urn:x:ringer")
    named = {warden: ["warden"], ringer: ["bell ringer"]}
    assert slot_answers(["The warden is the bell ringer who unlocks the tower."], [named], question, parse) == [ringer]


@pytest.mark.parametrize(
    ("sentence", "unsaid"),
    [
        ("The ferry is moored at the harbour.", True),  # where, not by whom
        ("The ferry is moored by the captain.", False),  # the passive's doer
        ("The captain moors the ferry at the harbour.", False),  # the active subject
    ],
)
def test_a_who_question_is_read_out_only_where_the_sentence_says_a_doer(sentence: str, unsaid: bool):
    question = asked("Who moors the ferry?", ["moors"], named={FERRY}, wh_phrase=["who"], wh_role="subject")

    assert leaves_doer_unsaid(sentence, question, parse) is unsaid


def test_a_what_question_may_be_answered_by_a_place():
    # A thing that holds another is said as a place as often as a doer: only "who" asks for a doer alone.
    question = asked("What holds the ferry?", ["holds"], named={FERRY}, wh_phrase=["what"], wh_role="subject")

    assert not leaves_doer_unsaid("The ferry is held in the harbour.", question, parse)


def test_a_numbered_name_is_a_thing_of_the_kind_its_first_word_names():
    # "Wing C" is one wing, though "wing" comes first; "first floor" is of no asked kind.
    shop, floor, wing = (URIRef(f"urn:x:{n}") for n in ("shop", "first-floor", "wing-c"))
    question = asked(
        "Which wing is the shop in?", ["wing"], named={shop}, wh_phrase=["which", "wing"], wh_role="oblique",
        kind="wing",
    )  # fmt: skip
    concepts = {shop: ["shop"], floor: ["first floor"], wing: ["Wing C"]}

    assert slot_answers(["The shop on the first floor of Wing C sells glazes."], [concepts], question, parse) == [wing]


def test_a_concept_that_restates_the_asked_noun_is_no_answer():
    # "which harbour cranes": "old harbour cranes" is the asked kind said again; what follows it is the
    # answer, and it is no concept.
    cranes = URIRef("urn:x:old-harbour-cranes")
    question = asked("Which harbour cranes does the port keep?", ["keep"], named={URIRef("urn:x:port")})
    concepts = {cranes: ["old harbour cranes"]}
    sentence = "The port keeps old harbour cranes from both Liebherr and Demag."

    assert slot_answers([sentence], [concepts], question, parse) == []


def test_how_many_needs_exactly_one_number_the_question_lacks():
    question = asked("How many berths does the harbour have?", [], how_many=True)

    assert number_answer("The harbour has up to 12 berths.", question, parse) == "12"
    # A number that counts another noun is no answer; two that count the asked one leave it unclear.
    assert number_answer("The harbour has 12 berths and 3 cranes.", question, parse) == "12"
    assert number_answer("The harbour has 12 berths in summer and 8 berths in winter.", question, parse) is None


def test_a_denied_clause_denies_the_clause_it_governs_and_the_names_place_the_question():
    # "when the tide is high" belongs to what is denied; "history" places the question in the second clause.
    tide = asked("Does the ferry sail when the tide is high?", ["sail", "tide"], yes_no=True)
    assert verdict("The ferry does not sail when the tide is high.", tide, parse) is False
    # Most of the question's words in the clause under the denied one: denied, or a reason beside it.
    high = asked("Does the ferry sail when the tide is high?", ["sail", "tide", "high"], yes_no=True)
    assert verdict("The ferry does not sail when the tide is high.", high, parse) is None
    log = asked("Does the clerk rewrite the log?", ["rewrite"], yes_no=True, mention_words=["log"])
    sentence = "The clerk writes a new entry that corrects an old one; he does not rewrite the log."
    assert verdict(sentence, log, parse) is False


def test_a_sentence_that_says_the_verb_only_in_other_words_gives_no_read_out():
    # The sentence covers "buy" by meaning (MiniLM puts "buy" and "sell" at 0.76, nearer than many
    # synonyms), so it may be quoted; but what it says is not the answer to what is asked.
    sentence = Candidate("The harbour shop sells charts to sailors.", "Shop", "harbour.md", covered=2, asked=1, units=2)
    answerer = SentenceAnswerer(None, None, entity=lambda iri: {"iri": str(iri), "label": "chart"}, parse=parse)
    question = asked("What does the harbour shop buy from sailors?", ["buy", "sailors"], named={HARBOUR})

    assert answerer._read_out([sentence], sentence, question) == []


def test_a_verb_the_question_names_as_a_concept_still_finds_the_open_argument():
    # "stamp" is also a concept of the graph, so the question's only content word left is "out".
    ink, form, clerk = (URIRef(f"urn:x:{n}") for n in ("ink", "form", "clerk"))
    question = asked(
        "What does a clerk stamp out?", ["out"], named={clerk}, mention_words=["clerk", "stamp"], wh_phrase=["what"]
    )
    concepts = {clerk: ["clerk"], ink: ["ink"], form: ["small office"]}
    sentence = "A clerk is a small office worker who stamps out ink on every form."

    assert slot_answers([sentence], [concepts], question, parse) == [ink]


def test_a_mention_covered_only_by_the_heading_gives_a_quote_but_no_read_out():
    # Under "Harbour > Tugs vs ferries", a row of a comparison says "Carry passengers"; the heading names
    # both things compared, so it cannot say which one carries them.
    row = Candidate("Carry passengers and cars", "Harbour > Tugs vs ferries", "harbour.md", headed=["tugs"])
    answerer = SentenceAnswerer(None, None, entity=lambda iri: {"iri": str(iri), "label": "x"}, parse=parse)
    question = asked("Do tugs carry passengers?", ["carry", "passengers"], yes_no=True)

    assert answerer._read_out([row], row, question) == []


def test_the_document_title_covers_a_name_for_a_read_out_a_lower_heading_does_not():
    answerer = SentenceAnswerer(None, None)
    tugs = Link(1, 2, "tugs", [(URIRef("urn:x:tug"), 1.0)])
    titled = Candidate("They never carry passengers.", "Tugs > Work", "tugs.md")
    compared = Candidate("Carry passengers and cars", "Harbour > Tugs vs ferries", "harbour.md")

    answerer._cover(titled, [tugs], ["carry", "passengers"], by_meaning=False)
    answerer._cover(compared, [tugs], ["carry", "passengers"], by_meaning=False)

    assert titled.coverage == compared.coverage == 1.0  # both quote
    assert titled.headed == [] and compared.headed == ["tugs"]  # only the title's may be read out


def test_a_denying_sentence_gives_no_concept_for_a_wh_question(graph: KnowledgeGraph):
    # "Modern lighthouses do not need a keeper at night": the keeper is what they do not need.
    answer = graph.ask("What do modern lighthouses need?")

    assert answer.answers == [], answer.answer
    question = asked("What does the ferry carry?", ["carry"], named={FERRY}, wh_phrase=["what"])
    concepts = {FERRY: ["ferry"], HARBOUR: ["harbour"]}
    assert slot_answers(["The ferry never carries the harbour."], [concepts], question, parse) == []


def test_the_clause_of_the_questions_main_verb_answers_before_one_with_more_of_its_words():
    # The "when" clause holds "tide", "rises" and "high"; the question asks whether the ferry sails.
    words = ["sail", "tide", "rise", "high"]
    sentence = "Unlike the barge, the ferry does not sail when the tide rises high."
    plain = asked("Does the ferry sail when the tide rises high?", words, yes_no=True)
    assert verdict(sentence, plain, parse) is None  # the main verb unknown: most words, under a denial
    main = asked("Does the ferry sail when the tide rises high?", words, yes_no=True, main_verb="sail")
    assert verdict(sentence, main, parse) is False
