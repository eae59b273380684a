"""Yes/no answers from facts stated denied, objects restricted by "only", counts, and a denied necessity."""

from __future__ import annotations

import pytest
from note_graph import note_graph

from kg.api import KnowledgeGraph
from kg.qa import ANSWER_THRESHOLD
from kg.question import parse
from kg.sentence_slots import Asked, verdict
from kg.yes_no import only_one, restricts

pytestmark = pytest.mark.slow

NOTE = """# Harbor

The **Heron** does not ferry bicycles. The **Osprey** tows barges.

The **Kite** does not haul rafts by itself. In winter, the **Plover** does not carry mail.

The **Vault** accepts private keys only. The **Keyring** accepts public keys. The Keyring accepts private keys.

A **tender** can only carry one passenger at a time. A **barge** carries cargo.

**One** is a card game played on the pier.
"""


@pytest.fixture(scope="module")
def harbor(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    return note_graph(tmp_path_factory.mktemp("harbor"), "harbor", NOTE)


def fact_answer(graph: KnowledgeGraph, question: str) -> bool:
    """Return the value of a sure yes/no answer read from a fact (not a quoted sentence)."""
    answer = graph.ask(question)
    assert answer.kind == "boolean", answer.answer
    assert answer.confidence >= ANSWER_THRESHOLD, (answer.confidence, answer.answer)
    [value] = [a["value"] for a in answer.answers]
    return value


# -- a relation stated only denied --------------------------------------------------------------------


def test_a_relation_stated_only_denied_answers_no_from_its_fact(harbor: KnowledgeGraph):
    # No positive "ferry" fact exists: the denial is named by the word it denies.
    assert fact_answer(harbor, "Does the Heron ferry bicycles?") is False


def test_a_denial_answers_only_for_its_own_verb(harbor: KnowledgeGraph):
    # "tow" is no word of "does not ferry": the denial says nothing about towing.
    answer = harbor.ask("Does the Heron tow bicycles?")
    assert not (answer.kind == "boolean" and answer.answers), answer.answer


def test_a_denial_under_a_condition_the_question_lacks_is_no_sure_answer(harbor: KnowledgeGraph):
    # "by itself", "in winter": the denial may hold only so; asked so, it answers.
    assert fact_answer(harbor, "Does the Kite haul rafts on its own?") is False
    for question in ("Does the Kite haul rafts?", "Does the Plover carry mail?"):
        answer = harbor.ask(question)
        assert not (answer.kind == "boolean" and answer.confidence >= ANSWER_THRESHOLD), answer.answer


# -- an object restricted by "only" --------------------------------------------------------------------


def test_an_only_restricted_object_answers_no_for_its_contrary(harbor: KnowledgeGraph):
    answer = harbor.ask("Does the Vault accept public keys?")

    assert [a["value"] for a in answer.answers] == [False], answer.answer
    assert "only" in answer.answer  # the sentence that restricts is the one quoted
    # Inferred from a restriction: sure enough to answer, less sure than a stated fact.
    assert ANSWER_THRESHOLD <= answer.confidence <= 0.85


def test_without_only_a_contrary_object_settles_nothing(harbor: KnowledgeGraph):
    # The Keyring accepts both; and had it been stated to accept one, the other would stay open.
    assert fact_answer(harbor, "Does the Keyring accept public keys?") is True
    answer = harbor.ask("Does the Keyring accept secret keys?")
    assert not (answer.kind == "boolean" and answer.answers), answer.answer


def test_the_restricted_object_itself_still_answers_yes(harbor: KnowledgeGraph):
    assert fact_answer(harbor, "Does the Vault accept private keys?") is True


@pytest.mark.parametrize(
    ("sentence", "name", "expected"),
    [
        ("Supports allow rules only", "allow rule", True),
        ("Can have only ALLOW rules", "allow rule", True),
        ("They can only be mounted to one instance at a time", "instance", True),
        ("It does not only carry cars but also vans", "car", False),  # "not only" adds
        ("Only the Osprey tows barges", "barge", False),  # "only" bears on the subject
        ("Rules only include IP addresses, and ports", "port", False),  # a phrase break between
    ],
)
def test_restricts_reads_only_as_bearing_on_the_object(sentence: str, name: str, expected: bool):
    assert restricts(sentence, name) is expected


# -- a count the sentence rules out ----------------------------------------------------------------


def test_a_count_beyond_one_answers_no_where_the_note_allows_only_one(harbor: KnowledgeGraph):
    assert fact_answer(harbor, "Can a tender carry several passengers?") is False
    assert fact_answer(harbor, "Can a tender carry one passenger?") is True


def test_a_number_word_that_names_a_concept_counts_the_next_name(harbor: KnowledgeGraph):
    # "One" is a card game of the note; before "tender" it only counts it.
    assert fact_answer(harbor, "Can one tender carry several passengers?") is False


def test_a_count_no_sentence_gives_lowers_the_confidence(harbor: KnowledgeGraph):
    # "A barge carries cargo" says nothing of how many cargoes: the "yes" is no longer sure.
    answer = harbor.ask("Does a barge carry several cargoes?")
    assert not (answer.kind == "boolean" and answer.confidence >= ANSWER_THRESHOLD), answer.answer


@pytest.mark.parametrize(
    ("sentence", "name", "expected"),
    [
        ("They can only be mounted to one instance at a time", "instance", True),
        ("They can be mounted to one instance at a time", "instance", False),  # no "only"
        ("They can only be mounted to instances in one zone", "instance", False),  # "one" counts the zone
    ],
)
def test_only_one_needs_only_and_the_count(sentence: str, name: str, expected: bool):
    assert only_one(sentence, name) is expected


# -- a denied necessity ("need not") -------------------------------------------------------------------

DOCK = """# Dock

Because the yard keeps every crate, **loaders** and **drivers** do not need to work at the same time.
"""


@pytest.fixture(scope="module")
def dock(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    return note_graph(tmp_path_factory.mktemp("dock"), "dock", DOCK)


def test_a_denied_necessity_answers_whether_it_must_not_whether_it_can(dock: KnowledgeGraph):
    # "need not work together" says they may work apart, not that they cannot work together.
    can = dock.ask("Can loaders and drivers work at the same time?")
    assert can.answers == [], can.answer
    must = dock.ask("Must loaders and drivers work at the same time?")
    assert [a["value"] for a in must.answers] == [False], must.answer


@pytest.mark.parametrize(
    ("question", "sentence", "expected"),
    [
        ("Can the ferry sail at night?", "The ferry does not need to sail at night.", None),
        ("Must the ferry sail at night?", "The ferry does not need to sail at night.", False),
        ("Does the ferry have to sail at night?", "The ferry does not have to sail at night.", False),
        ("Does the ferry sail at night?", "The ferry does not try to sail at night.", None),
        ("Does the ferry sail at night?", "The ferry does not sail at night.", False),  # as before
    ],
)
def test_a_not_on_a_verb_above_the_asked_one_denies_that_verb(question: str, sentence: str, expected):
    asked = Asked(content=["sail", "night"], words=question.lower().rstrip("?").split(), yes_no=True, main_verb="sail")

    assert verdict(sentence, asked, parse) is expected
