"""A question may name a relation with a WordNet synonym of the note's verb (kg/synonyms.py).

The embedding model is poor on single verbs (notify~advise 0.29, specify~stipulate 0.26, furnish~
provide 0.35, all below its line for naming a relation by meaning), so before the table "whom does the
ferry company advise?" found nothing in "The ferry company notifies the harbour master". The note
(tests/fixtures/synonyms.md) is our own wording; the synonyms are WordNet's (data/synonyms.tsv).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.linking import relation_word_match, words_match
from kg.namespaces import data_dir
from kg.opposites import are_opposites
from kg.synonyms import are_synonyms, synonym_table, synonyms
from kg.text import LIGHT_VERBS, STOPWORDS

NOTE = Path(__file__).parent / "fixtures" / "synonyms.md"


def test_the_table_is_present_and_well_formed():
    lines = (data_dir() / "synonyms.tsv").read_text(encoding="utf-8").splitlines()
    header = [line for line in lines if line.startswith("#")]
    rows = [line.split("\t") for line in lines if line and not line.startswith("#")]
    assert any("WordNet 3.0" in line for line in header)
    assert any("WORDNET-LICENSE" in line for line in header)
    assert 1000 < len(rows) < 5000  # frequent senses only: all of WordNet's verb pairs are 14,045
    assert all(len(row) == 2 for row in rows)
    assert all(re.fullmatch(r"[a-z]+", word) for row in rows for word in row)  # single lowercase words
    assert all(a < b for a, b in rows)  # each pair once, sorted
    assert len({tuple(row) for row in rows}) == len(rows)
    assert rows == sorted(rows)


def test_the_table_reads_both_ways():
    table = synonym_table()
    assert all(a in table[b] for a, others in table.items() for b in others)
    assert synonyms("builds") >= {"construct"}
    assert synonyms("constructed") >= {"build"}


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("build", "construct"),
        ("constructed", "builds"),  # by their lemmas
        ("notify", "advises"),
        ("stipulated", "specify"),
        ("require", "needs"),
    ],
)
def test_frequent_synonyms_match_a_relations_word_weaker_than_a_lemma(a, b):
    assert are_synonyms(a, b) and are_synonyms(b, a)
    assert relation_word_match(a, b) == relation_word_match(b, a) == 0.8
    assert relation_word_match(a, a) == 1.0
    # Letters alone (naming cues, a sentence's words) keep them apart: "what does X call it" asks for a
    # term, not for what a short form stands for, though "call" and "name" are synonyms.
    assert words_match(a, b) == 0.0
    assert relation_word_match("call", "name") == 0.8 and words_match("call", "name") == 0.0


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("get", "puzzle"),  # a rare sense of "get": the table keeps frequent senses of both words only
        ("go", "die"),
        ("remove", "murder"),
        ("notify", "counsel"),  # each a synonym of "advise", in two senses: never chained
        ("specify", "generalize"),  # antonyms
        ("furnish", "sell"),  # unrelated
    ],
)
def test_rare_senses_chains_antonyms_and_unrelated_verbs_do_not_match(a, b):
    assert not are_synonyms(a, b) and not are_synonyms(b, a)
    assert relation_word_match(a, b) == 0.0


def test_opposites_never_match_whatever_the_table_says():
    # WordNet puts "unthaw" with "thaw"; kg/opposites.py reads the "un-" as a negation, and overrules the table.
    assert "unthaw" in synonym_table()["thaw"]
    assert are_opposites("thaw", "unthaw")
    assert not are_synonyms("thaw", "unthaw")
    assert relation_word_match("thaw", "unthaw") == 0.0


def test_grammar_words_and_light_verbs_have_no_synonyms():
    for word in sorted(LIGHT_VERBS | {"do", "give", "show"}):
        assert word in LIGHT_VERBS or word in STOPWORDS
        assert synonyms(word) == frozenset()
    assert not are_synonyms("done", "made") and not are_synonyms("make", "did")  # "do" / "make": "do" is grammar
    assert "have" in synonym_table()["feature"]  # a frequent shared sense, but "have" names no relation
    assert not are_synonyms("have", "feature") and not are_synonyms("features", "has")


@pytest.fixture(scope="module")
def graph(tmp_path_factory):
    from kg.api import KnowledgeGraph

    return KnowledgeGraph.open(docs=[NOTE], cache_dir=tmp_path_factory.mktemp("synonym-vectors"))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Whom does the ferry company advise?", "harbour master"),  # the note: notifies
        ("What does the town council stipulate?", "mooring fee"),  # the note: specifies
        ("What does the boat yard provide?", "sail"),  # the note: furnishes
        ("What does the boat yard supply?", "sail"),
    ],
)
def test_a_synonym_of_the_notes_verb_names_its_relation(graph, question, expected):
    answer = graph.ask(question)
    assert [a["label"] for a in answer.to_dict()["answers"]] == [expected], answer.answer


@pytest.mark.slow
@pytest.mark.parametrize(
    "question",
    [
        "What does the town council generalize?",  # an antonym of "specify"
        "What does the boat yard demand?",  # an antonym of "supply", a synonym of the note's "furnish"
        "Whom does the ferry company counsel?",  # a synonym of "advise" in another sense than "notify"
        "Whom does the ferry company pay?",  # unrelated
        "What does the boat yard sell?",
    ],
)
def test_an_antonym_or_unrelated_verb_names_nothing(graph, question):
    answer = graph.ask(question)
    assert answer.answers == [], answer.answer
