"""Rows labelled by a letter or a number and named with their column's head, short forms a clause spells out,
a relative clause's rare verb, a hedged number, and the questions that lean on them: a closing phrase of place
after a naming question, and a compound's first noun that another note made a concept of."""

from __future__ import annotations

from pathlib import Path

import pytest
from note_graph import answer_labels
from rdflib import RDFS, Graph
from test_open_extraction import built_note, named, opened_notes, relations

from kg.api import KnowledgeGraph
from kg.namespaces import KGO

KENNELS = """# Brookside Kennels

## Runs

Brookside Kennels is a boarding kennel on Mill Road. It has been running out of the old dairy since 2011.
Rosa Vane is the yard manager. Dogs are housed in lettered runs.

| Run | Size | Heating |
|-----|------|---------|
| A | large | underfloor |
| B | small | none |
| C | large | radiator |

| Pen | Use |
|-----|-----|
| 1 | whelping |
| 2 | isolation |

Puppies stay in Pen 1 for their first month. Run C suits older dogs. The straw is limited to three bales per run.

| Grade | Meaning |
|-------|---------|
| 3 | KCA |

KCA stands for Kennel Club Approved, and covers dogs with a full vaccination record.

## Staff

The yard has a radio relay called Finch that forwards both gate alarms and phone calls.

"""

GLASS = """# Glass Workshop

## Kiln

The kiln is a brick oven for firing glass. That call is made by the foreman alone.

## Terms

| Role | Hotshop | Coldshop |
|------|---------|----------|
| the one who runs the floor | gaffer | bench lead |
"""

QUAY = """# Harbour Depot

## Quay

Containers are stacked three high on the quay. The crane lifts containers onto the trucks.
"""

TRIALS = """# Yard trials

## Staff

The yard has a radio relay called Finch that forwards both gate alarms and phone calls.

## Feeding

In one trial, carrying the 1.5 KG feed sack past Finch took about 11 seconds, so it is roughly four times
quicker than walking straight to Pen 2 over the lane, which took around 45.
"""

WORKSHOP = """# Glass Workshop

## Kiln

The kiln is a brick oven for firing glass.

## Bench

A **vent** is a hatch in the kiln door that lets hot air escape.

## Neighbours

Harwood Print Studio runs out of the old forge. Larch Print Shop sells greeting cards. Ostler Paper Mill
supplies rag paper. Fenwick Paper Mill supplies card. Brinley Press runs on top of Cask Hall and runs at Dock
Street.
"""


@pytest.fixture(scope="module")
def kennels(tmp_path_factory: pytest.TempPathFactory) -> Graph:
    return built_note(tmp_path_factory, "kennels.md", KENNELS)


@pytest.fixture(scope="module")
def notes(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("spelt")
    return opened_notes(folder, {"kennels.md": KENNELS, "workshop.md": WORKSHOP})


def _values(graph: Graph, thing: str, prop: str) -> set[str]:
    node = named(graph, thing)
    return {
        str(graph.value(o, RDFS.label) or o)
        for p, o in graph.predicate_objects(node)
        if str(graph.value(p, RDFS.label)) == prop
    }


def test_a_table_lettered_down_its_first_column_has_one_thing_per_row(kennels: Graph):
    # "A" in a cell of its own is a row's letter, not an article: each run gets its row's values.
    assert _values(kennels, "Run B", "heating") == {"none"}
    assert _values(kennels, "Run C", "size") == {"large"}


def test_a_numbered_row_is_named_with_its_columns_head(kennels: Graph):
    # The note names "Pen 1" only after the table, and "Pen 2" never: the rows are still pens 1 and 2.
    assert _values(kennels, "Pen 2", "use") == {"isolation"}
    assert _values(kennels, "Pen 1", "use") == {"whelping"}


def test_a_short_form_a_clause_spells_out_is_one_concept_with_the_cell_that_named_it_first(kennels: Graph):
    approved = named(kennels, "Kennel Club Approved")
    assert str(kennels.value(approved, KGO.acronym)) == "KCA"
    assert named(kennels, "KCA") == approved  # the table's cell "KCA" is the same thing, not a second one
    grade = named(kennels, "Grade 3")
    assert relations(kennels, grade, approved) == {"meaning"}


def test_a_rare_verb_after_a_relative_pronoun_is_read_as_the_clauses_verb(kennels: Graph):
    # The tagger reads "forwards" after "that" as a noun; the relay forwards the alarms and the calls.
    finch = named(kennels, "Finch")
    assert relations(kennels, finch, named(kennels, "gate alarm")) == {"forward"}
    assert relations(kennels, finch, named(kennels, "phone call")) == {"forward"}


def test_a_word_hedging_a_number_states_no_relation(tmp_path_factory: pytest.TempPathFactory):
    # "took *about* 11 seconds": "about" is no "is about" relation between Finch and anything.
    trials = built_note(tmp_path_factory, "trials.md", TRIALS)
    assert relations(trials, named(trials, "Finch"), named(trials, "gate alarm")) == {"forward"}
    assert not list(trials.subject_objects(KGO.about))


@pytest.mark.slow
def test_a_closing_phrase_of_place_does_not_hide_what_a_short_form_stands_for(notes):
    for question in ("What does KCA stand for in the yard's dog records?", "What does KCA mean in the puppy rules?"):
        answer = notes.ask(question)
        assert answer_labels(answer) == ["Kennel Club Approved"], (question, answer.answer)
    # After "be" the phrase is what is asked, no scene: the kennels' own definition answers nothing here.
    answer = notes.ask("Who is in charge of running the kennels?")
    assert "Brookside Kennel" not in answer_labels(answer), answer.answer


@pytest.mark.slow
def test_a_compounds_first_noun_that_names_another_concept_is_read_as_a_word(notes):
    # "kiln" is a concept of its own; "the kiln vent" still asks what a vent is, and its definition says kiln.
    answer = notes.ask("What is a kiln vent?")
    assert answer_labels(answer) == ["vent"], answer.answer
    # A modifier the definition does not say narrows the question to something the notes do not describe.
    assert answer_labels(notes.ask("What is a pen vent?")) == []


@pytest.mark.slow
def test_where_is_never_answered_with_a_year(notes):
    # "running out of the old dairy since 2011": the year says since when, not where.
    answer = notes.ask("Where does Brookside Kennels run?")
    assert "2011" not in answer_labels(answer), answer.answer


@pytest.mark.slow
def test_the_last_words_of_one_proper_name_name_it(notes):
    # "the print studio" is the one studio the notes name, "Harwood Print Studio"; "the print shop" too.
    answer = notes.ask("What does the print studio run out of?")
    assert answer_labels(answer) == ["old forge"], answer.answer
    assert answer_labels(notes.ask("What does the print shop sell?")) == ["greeting card"]
    # Two names end in "paper mill": the words name neither.
    assert answer_labels(notes.ask("What does the paper mill supply?")) == []


@pytest.mark.slow
def test_what_before_a_verb_is_its_subject(notes):
    # "What runs on X?": "runs" is the verb, no kind asked for (read as one, it drew a second hop on to where
    # the press runs, "Dock Street").
    for question in ("What runs on Cask Hall?",):
        answer = notes.ask(question)
        assert answer_labels(answer) == ["Brinley Press"], (question, answer.answer)


def test_a_count_per_anything_is_a_rate_not_a_thing(kennels: Graph):
    # "three bales per run": an amount, as "three bales a week" is, not the concept "bale".
    assert _values(kennels, "straw", "is limited to") == {"three bales per run"}


@pytest.mark.slow
def test_a_bare_noun_after_what_is_and_before_a_participle_is_the_passives_subject(notes):
    # "What is straw limited to?": "straw" is not the kind of thing asked for.
    answer = notes.ask("What is straw limited to?")
    assert answer_labels(answer) == ["three bales per run"], answer.answer


@pytest.mark.slow
def test_a_relations_own_names_say_the_word_a_second_reading_dropped(tmp_path_factory: pytest.TempPathFactory):
    # "called" links to the note's "call" (a decision); read as a word, the equivalence named "called" answers.
    folder = tmp_path_factory.mktemp("glass")
    answer = opened_notes(folder, {"glass.md": GLASS}).ask("What is a gaffer called in the Coldshop?")
    assert answer_labels(answer) == ["bench lead"], answer.answer


@pytest.mark.slow
def test_a_definition_asked_of_a_name_two_notes_share_is_the_one_a_concept_so_named_has(
    tmp_path_factory: pytest.TempPathFactory,
):
    # The recycling note's containers (bins, undefined) and the compute note's (defined) share the name.
    root = Path(__file__).resolve().parents[1]
    docs = [root / "data" / "docs" / "compute.md", root / "bench" / "sets" / "docs" / "recycling-centre.md"]
    graph = KnowledgeGraph.open(docs=docs, cache_dir=tmp_path_factory.mktemp("shared") / "vectors")
    for question in ("What is a container?", "What are containers?"):
        answer = graph.ask(question)
        assert "standardized unit" in answer.answer, (question, answer.answer)


@pytest.mark.slow
def test_of_two_concepts_named_alike_the_one_tied_to_the_questions_other_names_is_meant(
    tmp_path_factory: pytest.TempPathFactory,
):
    # The quay's containers (shipping boxes) and the compute note's share a name; EKS manages only the latter.
    root = Path(__file__).resolve().parents[1]
    folder = tmp_path_factory.mktemp("quay")
    (folder / "quay.md").write_text(QUAY, encoding="utf-8")
    docs = [root / "data" / "docs" / "compute.md", folder / "quay.md"]
    graph = KnowledgeGraph.open(docs=docs, cache_dir=folder / "vectors")
    answer = graph.ask("What do containers managed by EKS run on?")
    assert "EC2 instance" in answer_labels(answer), answer.answer
