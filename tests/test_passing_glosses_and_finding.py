"""What a note says of a name in passing, sentences the tagger reads without a verb, "Where can I find X?",
and relations read in another role than the question's.

- "All of our alarms are written as rules in Quill, the metrics store we bought in 2021.": the small parser
  may hang "the metrics store" on the verb as an adverbial noun; after a name and its comma, a phrase opening with an
  article says what the name is (``repairs.apposition_read_as_adverb``).
- "... hands them to Beacon, which is the tool that pages the rota.": a relative clause set off by a comma that
  equates its noun with a noun says what the noun is, as "Beacon is the tool ..." would.
- "The glue-gun kit lives in the boot room.": tagged "kit/NN lives/NNS", a sentence with no verb; the root
  that is also a verb's -s form is the verb (``repairs.verb_read_as_noun``). A bullet's label with no article
  and no full stop ("Gate codes on the board") stays a noun phrase.
- "Where can I find the glue-gun kit?" asks where the kit is (``kg.rereadings.finding_question``).
- "A few probes (DNS, TLS expiry) run from Lookout": asked "What kinds of probes does Lookout run?", the
  relation "run from" reads Lookout as where the probes run from, not as what runs them: no answer.
- "Just two rooms have blinds ...": a number before a kind's name says the fact of some of the kind, which no
  one member inherits.
- A table's rows headed by titles ("The Snug at Farrow's") name one thing each, as rows of plain names do.
- "Which rooms have blinds that have to be re-hung ...?" of "Just two rooms have blinds that need re-hanging
  ...: A and B": "re-hung" and "re-hanging" are one verb; the names set in apposition to "rooms" are rooms, the
  question's light verb "have" is its verb, and "Farrow's" is one name with its "'s".
- "Which has the longer setup time, A or B?": the amounts a table gives both options of the property the
  question names, in one unit, compared by the side the comparative grades.
- "in wire cages at the stage door, the side hall and the boiler room": a run whose first noun phrase has a
  phrase of its own opens at that phrase's object when both it and the next item open with an article.
- "Who do I phone if the boiler won't start?": "won't" is grammar (the question's polarity), never a word the
  answering sentence must say.

A made-up village hall's notes stand for any note: nothing here comes from a development or test question.
"""

from __future__ import annotations

import pytest
from test_open_extraction import built_note, kinds_of, named, opened_notes

from kg.question import parser
from kg.rereadings import finding_question
from kg.sentence_answer import question_content
from kg.text import lemmas

HALL = """# Village Hall Notes

## Alarms

All of our alarms are written as rules in Quill, the metrics store we bought in 2021.
Quill checks the rules every minute and hands anything that fires to Beacon, which is the tool that pages the
duty keyholder. Beacon sends its pages by text message.

A few probes (DNS, TLS expiry, the booking page) run from Lookout, a probing service in Dublin.

## Kit

The glue-gun kit lives in the boot room, on the hook behind the door.

The tea urns are kept in the kitchen.

## Rooms

We hire out three rooms:

| Room | Seats | Setup time |
|---|---|---|
| The Long Gallery | 80 | 30 min |
| The Snug at Farrow's | 12 | 10 min |
| Garden Room | 40 | 20 min |

Just two rooms have blinds that need re-hanging after a wedding: The Long Gallery and The Snug at Farrow's.
"""


@pytest.fixture(scope="module")
def hall(tmp_path_factory: pytest.TempPathFactory):
    return opened_notes(tmp_path_factory.mktemp("hall"), {"hall.md": HALL})


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory):
    return built_note(tmp_path_factory, "hall.md", HALL)


def test_an_apposition_the_parser_hung_on_the_verb_says_what_the_name_is(hall, graph):
    assert "metrics store" in kinds_of(graph, "Quill"), kinds_of(graph, "Quill")
    answer = hall.ask("What is Quill?")
    assert answer.answers and "metrics store" in answer.answer, answer.answer


def test_a_relative_clause_set_off_by_a_comma_says_what_its_noun_is(hall):
    answer = hall.ask("What is Beacon?")
    assert answer.kind == "definition" and "which is the tool that pages" in answer.answer, answer.answer


@pytest.mark.parametrize(
    "sentence", ["The glue-gun kit lives in the boot room.", "The fire-safety kit lives in the hall."]
)
def test_a_verb_tagged_as_a_plural_noun_is_read_as_the_verb(sentence: str):
    doc = parser()(sentence)
    lives = doc[5]
    assert (lives.pos_, lives.dep_, lives.lemma_) == ("VERB", "ROOT", "live"), [(t.text, t.tag_, t.dep_) for t in doc]
    assert doc[4].dep_ == "nsubj" and doc[0].head.i == 4, [(t.text, t.dep_, t.head.i) for t in doc]


@pytest.mark.parametrize("label", ["Gate codes on the board by the door", "Safety notes in the folder."])
def test_a_label_without_an_article_or_a_full_stop_stays_a_noun_phrase(label: str):
    doc = parser()(label)
    assert not any(t.pos_ == "VERB" for t in doc), [(t.text, t.tag_, t.dep_) for t in doc]


@pytest.mark.parametrize(
    ("question", "place"),
    [
        ("Where is the glue-gun kit?", "boot room"),
        ("Where can I find the glue-gun kit?", "boot room"),
        ("Where would I find the tea urns?", "kitchen"),
    ],
)
def test_where_to_find_a_thing_is_where_it_is(hall, question: str, place: str):
    answer = hall.ask(question)
    assert answer.answers and answer.answers[0]["label"] == place, answer.answer


@pytest.mark.parametrize(
    ("question", "reworded"),
    [
        ("Where can I find the glue-gun kit?", "Where is the glue-gun kit?"),
        ("Where do we find the tea urns?", "Where are the tea urns?"),
        ("Where can new volunteers find the tea urns?", "Where are the tea urns?"),
        ("Where can I buy the glue-gun kit?", None),
        ("When can I find the glue-gun kit?", None),
    ],
)
def test_finding_question(hall, question: str, reworded: str | None):
    reading = hall.engine._read(question, None)
    assert finding_question(reading) == reworded


def test_a_relation_read_in_another_role_gives_no_answer(hall):
    answer = hall.ask("What kinds of probes does Lookout run?")
    assert not any(a.get("label", "").startswith("few") for a in answer.answers), answer.answer
    assert not answer.answers, answer.answer


def test_rows_headed_by_titles_name_one_thing_each(graph):
    kinds = kinds_of(graph, "The Snug at Farrow's")
    assert "room" in {k.lower() for k in kinds}, kinds


def test_a_count_says_a_fact_of_some_of_a_kind_only(graph):
    # "Just two rooms have blinds ...": no room, Garden Room least of all, inherits blinds from "room".
    garden, blinds = named(graph, "Garden Room"), named(graph, "blind")
    assert not set(graph.predicates(garden, blinds)), set(graph.predicates(garden, blinds))


def test_hyphenated_verbs_inflect_in_their_last_part():
    assert lemmas("re-hung") & lemmas("re-hanging") == {"re-hang"}


def test_names_set_in_apposition_to_the_asked_kind_answer_it(hall):
    answer = hall.ask("Which rooms have blinds that have to be re-hung after a wedding?")
    assert {a["label"] for a in answer.answers} == {"The Long Gallery", "The Snug at Farrow's"}, answer.answer


@pytest.mark.parametrize(
    ("question", "winner"),
    [
        ("Which has the longer setup time, the Snug at Farrow's or Garden Room?", "Garden Room"),
        ("Which room needs less time to set up, the Long Gallery or Garden Room?", "Garden Room"),
        ("Which room has more seats, the Long Gallery or Garden Room?", "The Long Gallery"),
    ],
)
def test_two_options_compared_by_the_amounts_a_table_gives(hall, question: str, winner: str):
    answer = hall.ask(question)
    assert answer.kind == "comparison" and answer.answers, answer.answer
    assert answer.answers[0]["label"] == winner, answer.answer


def test_a_list_opens_at_the_phrase_object_it_is_parallel_to():
    # "in wire cages at the stage door, the side hall and the boiler room": the places are the list, not the
    # cages; "fuel levels in the tanks, oil and tyres" keeps the phrase with its first item.
    doc = parser()("Spare chairs are stacked in wire cages at the stage door, the side hall and the boiler room.")
    hall = next(t for t in doc if t.text == "hall")
    assert (hall.dep_, hall.head.text) == ("conj", "door"), [(t.text, t.dep_, t.head.text) for t in doc]
    doc = parser()("She checks fuel levels in the tanks, oil and tyres.")
    oil = next(t for t in doc if t.text == "oil")
    assert (oil.dep_, oil.head.text) == ("conj", "levels"), [(t.text, t.dep_, t.head.text) for t in doc]


def test_a_negation_is_no_word_the_sentence_must_say():
    assert question_content(["phone", "won't", "start"]) == ["phone", "start"]
    assert question_content(["boiler", "hasn't", "started"], yes_no=True) == ["boiler", "started"]
