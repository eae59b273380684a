"""A question that asks for a doer with the verb, of a note that names the role the doer holds.

"Our site supervisor, Ivo Lind, opens the boathouse" says who the site supervisor is; "Who supervises the
site?" asks the same with the verb the role noun is derived from. WordNet's derivations of person nouns from
verbs (``data/agents.tsv``) give the role noun, and the question is asked again as "Who is the site
supervisor?" (``kg.event_verbs.role_readings``, ``Engine._as_role``); only the one holder a note identifies
answers. A made-up rowing club's note stands for any note.

A name in brackets after a role fills it as a name set off by commas does ("the night porter (currently Rhea
Dunn)", ``_described_in_apposition`` in ``kg/ingest/relations.py``).

Also pinned here: two misreadings that put the wrong doer in a graph (``kg/ingest/repairs.py``,
``kg/ingest/sentences.py``): the last item of a list with no "and", hung as an apposition of the item before
("spare rope, two lamps, a stretcher" made the lamps a stretcher), and a clause whose subject is "nobody"
said of the nearest name before it.
"""

from __future__ import annotations

import pytest
from note_graph import answer_labels
from spacy.tokens import Doc
from test_open_extraction import opened_notes

from kg.event_verbs import agent_nouns, role_readings
from kg.ingest.parse import load_parser
from kg.ingest.repairs import apposition_past_bare_noun
from kg.question import parse

CLUB = """# Larkspur Rowing Club

## Who does what

Our site supervisor, Ivo Lind, opens the boathouse each morning. The spare oars are kept by Petra Lowe, who you
will usually find in the shed on Fridays.

## Safety

Lost oars are reported to the night porter (currently Rhea Dunn) before the next outing.

The bank runner brings what the crews need — spare rope, two lamps, a stretcher — so that nobody else has to
leave the landing stage.
"""


@pytest.fixture(scope="module")
def club(tmp_path_factory: pytest.TempPathFactory):
    return opened_notes(tmp_path_factory.mktemp("club"), {"club.md": CLUB})


def test_a_verb_gives_the_noun_for_its_doer_and_not_for_whom_it_is_done_to():
    assert agent_nouns("supervises") == ("supervisor",)
    assert "manager" in agent_nouns("managing")
    assert "trainer" in agent_nouns("trains") and "trainee" not in agent_nouns("trains")
    assert agent_nouns("the") == ()


def test_who_with_a_verb_and_its_object_is_asked_again_by_the_role():
    assert role_readings(parse("Who supervises the site?")) == [
        "Who is the site supervisor?",
        "Who is the supervisor of the site?",
    ]
    assert role_readings(parse("Who is coordinating our session?"))[0] == "Who is the session coordinator?"


def test_a_question_that_narrows_the_doer_is_not_asked_by_the_role():
    assert role_readings(parse("Who supervises the site on Mondays?")) == []
    assert role_readings(parse("What supervises the site?")) == []
    assert role_readings(parse("Who supervises the boats that leak?")) == []


@pytest.mark.slow
def test_who_does_what_a_role_says_is_answered_by_the_one_who_holds_it(club):
    assert answer_labels(club.ask("Who supervises the site?")) == ["Ivo Lind"]
    assert "Ivo Lind" not in answer_labels(club.ask("Who supervises the site on Mondays?"))


@pytest.mark.slow
def test_a_relative_clause_of_the_doer_gives_no_answer_beside_it(club):
    # "who you will usually find in the shed on Fridays" says more of Petra Lowe: no second answer.
    assert answer_labels(club.ask("Who keeps the spare oars?")) == ["Petra Lowe"]


def test_the_last_item_of_a_list_with_no_and_is_an_item_not_an_apposition():
    parsed = load_parser()(
        "The bank runner brings what the crews need — spare rope, two lamps, a stretcher — so that nobody else "
        "has to leave the landing stage."
    )
    appositions = {t.text: t.head.text for t in parsed if t.dep_ == "appos"}
    assert "stretcher" not in appositions
    assert next(t for t in parsed if t.text == "stretcher").dep_ == "conj"


def test_a_list_joined_by_and_keeps_its_apposition():
    parsed = load_parser()("Ann and Bo, the wardens, lock the gate.")
    assert {t.text: t.head.text for t in parsed if t.dep_ == "appos"} == {"wardens": "Ann"}


def built(rows: list[tuple[str, int, str, str, str]]) -> Doc:
    """Return a parse given by hand, one (word, head, dependency, tag, part of speech) a token."""
    words, heads, deps, tags, pos = (list(column) for column in zip(*rows, strict=True))
    return Doc(load_parser().vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos)


def test_a_name_hung_on_the_bare_noun_of_a_phrase_names_the_phrase_s_noun():
    # As the parser may read "The medic on duty, Ida Moss, logs every fall.": the name hung on "duty".
    doc = built([
        ("The", 1, "det", "DT", "DET"), ("medic", 7, "nsubj", "NN", "NOUN"), ("on", 1, "prep", "IN", "ADP"),
        ("duty", 2, "pobj", "NN", "NOUN"), (",", 3, "punct", ",", "PUNCT"), ("Ida Moss", 3, "appos", "NNP", "PROPN"),
        (",", 7, "punct", ",", "PUNCT"), ("logs", 7, "ROOT", "VBZ", "VERB"), ("every", 9, "det", "DT", "DET"),
        ("fall", 7, "dobj", "NN", "NOUN"), (".", 7, "punct", ".", "PUNCT"),
    ])  # fmt: skip
    assert apposition_past_bare_noun(doc)[5].head.text == "medic"


def test_a_name_after_a_phrase_with_an_article_stays_where_the_parser_hung_it():
    doc = built([
        ("The", 1, "det", "DT", "DET"), ("captain", 8, "nsubj", "NN", "NOUN"), ("of", 1, "prep", "IN", "ADP"),
        ("the", 4, "det", "DT", "DET"), ("Tern", 2, "pobj", "NNP", "PROPN"), (",", 4, "punct", ",", "PUNCT"),
        ("Ola Finch", 4, "appos", "NNP", "PROPN"), (",", 8, "punct", ",", "PUNCT"),
        ("checks", 8, "ROOT", "VBZ", "VERB"), ("lines", 8, "dobj", "NNS", "NOUN"), (".", 8, "punct", ".", "PUNCT"),
    ])  # fmt: skip
    assert apposition_past_bare_noun(doc)[6].head.text == "Tern"


@pytest.mark.slow
def test_a_clause_said_of_nobody_gives_no_fact(club):
    rows = club.query(
        "SELECT ?o WHERE { ?s ?p ?o . ?o <http://www.w3.org/2000/01/rdf-schema#label> ?l "
        "FILTER(CONTAINS(LCASE(STR(?l)), 'leave')) }"
    )
    assert not list(rows)


@pytest.mark.slow
def test_a_name_in_brackets_after_a_role_holds_the_role(club):
    assert answer_labels(club.ask("Who is the night porter?")) == ["Rhea Dunn"]
