"""Words a question says that the graph also knows as concepts, read by their grammar: a verb's particle after
its object, a concept's word said as the question's verb, a term a note sets in bold, the head of a
wh-phrase's noun compound, and a "what is X" question answered only by what a sentence equates with X."""

from __future__ import annotations

import pytest
from note_graph import answer_labels

from kg.api import KnowledgeGraph
from kg.question import asked_type, wh_phrase
from kg.text import tokenize

BAKERY = """# Harbour Bakery

## Flour

Flour is carried up from the cellar by the night porter each evening. The night porter holds the cellar key.

## Proving

The 6 a.m. loaf is the **dawn batch**: it is baked for the café and sold out by nine.

## Terms

Trials are held in September. Lessons are paid per season, which runs from September to May.
"""

DAIRY = """# Hill Dairy

## Checks

The inspector signs the **control** sheet. The inspector controls the pasteuriser. A control is a sample
kept back for testing.
"""


@pytest.fixture(scope="module")
def notes(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    folder = tmp_path_factory.mktemp("slight")
    docs = [_write(folder, "bakery", BAKERY), _write(folder, "dairy", DAIRY)]
    return KnowledgeGraph.open(docs=docs, cache_dir=folder / "vectors")


@pytest.mark.slow
def test_a_particle_after_the_object_belongs_to_the_verb(notes: KnowledgeGraph):
    # "carries the flour up": "carries ... up" is one relation; "up" alone names no second hop to the key.
    answer = notes.ask("Who carries the flour up?")
    assert answer_labels(answer) == ["night porter"], answer.answer


@pytest.mark.slow
def test_a_concepts_word_said_as_the_verb_asks_for_the_relation(notes: KnowledgeGraph):
    # The dairy note defines "control" (a sample); in this question the word is the verb.
    answer = notes.ask("What does the inspector control?")
    assert answer_labels(answer) == ["pasteuriser"], answer.answer
    assert answer_labels(notes.ask("Who controls the pasteuriser?")) == ["inspector"]


@pytest.mark.slow
def test_the_sentence_that_sets_a_term_in_bold_describes_it(notes: KnowledgeGraph):
    answer = notes.ask("What is the dawn batch?")
    assert answer.answers and "baked for the café" in answer.answer, answer.answer


@pytest.mark.slow
def test_what_are_x_takes_no_answer_another_verb_of_the_sentence_gives(notes: KnowledgeGraph):
    # "Lessons are paid per season, which runs from September": September is when the season runs, not
    # what the lessons are.
    answer = notes.ask("What are the lessons per season?")
    assert "September" not in answer_labels(answer), answer.answer


def test_the_head_of_a_wh_phrases_compound_is_its_last_noun():
    # The tagger hangs "which" on "system", the compound's first noun, and reads "system" as a subject.
    for question in ("Which system call installs a timer handler?", "Which system call blocks a signal handler?"):
        assert wh_phrase(question) == (["which", "system", "call"], "subject"), question
        words = [t for t in tokenize(question) if t.is_word]
        assert asked_type(words, set(), question)[0] == "call", question


PANTRY = """# Pantry

## Storage

The cellar keeps apples. Pears are kept in crates. Plums are kept as jam. Seeds are stored in tins. Honey is
kept below the stairs. The freezer stores the berries.
"""


@pytest.mark.slow
def test_a_yes_no_question_weighs_only_relations_that_join_its_concepts(tmp_path):
    # In a large graph many relations fit one verb equally well; the six weighed are those of the facts
    # between the question's concepts, so the one those facts use is never cut before it is looked at.
    pantry = KnowledgeGraph.open(docs=[_write(tmp_path, "pantry", PANTRY)], cache_dir=tmp_path / "vectors")
    engine = pantry.engine
    iri = {engine.catalog.label(i): i for i in engine.catalog.entities}
    joining = engine.store.predicates_between([iri["freezer"]], [iri["berry"]])
    assert [engine.catalog.label(p) for p in joining] == ["store"]
    (store,) = joining
    assert engine.yes_no._decides(store, joining)
    assert not any(engine.yes_no._decides(p, joining) for p in engine.catalog.predicates if p != store)


def _write(folder, name: str, text: str):
    path = folder / f"{name}.md"
    path.write_text(text, encoding="utf-8")
    return path


WORKSHOP = """# Workshop

The workshop is a shed where volunteers fix bicycles. A heavy job takes more than one evening.

## Terms

The workshop tracks **time to repair (TTR)**: the hours between a fault report and the fix. Repairs are logged
by the foreman in the day book.

## Keys

The foreman holds the only key to the paint store.
"""


@pytest.fixture(scope="module")
def workshop(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    folder = tmp_path_factory.mktemp("workshop")
    return KnowledgeGraph.open(docs=[_write(folder, "workshop", WORKSHOP)], cache_dir=folder / "vectors")


@pytest.mark.slow
def test_a_subordinate_clause_frames_a_naming_question(workshop: KnowledgeGraph):
    # "when people talk about repairs" says where the short form is met; "repairs" is no second topic.
    answer = workshop.ask("What does the abbreviation TTR mean when people talk about repairs?")
    assert answer_labels(answer) == ["time to repair"], answer.answer


@pytest.mark.slow
def test_only_picks_a_thing_out_and_is_no_part_of_its_name(workshop: KnowledgeGraph):
    labels = {workshop.engine.catalog.label(iri).lower() for iri in workshop.engine.catalog.entities}
    assert "key" in labels and "only key" not in labels
    assert answer_labels(workshop.ask("Who holds the key to the paint store?")) == ["foreman"]


@pytest.mark.slow
def test_a_phrase_after_the_verb_is_its_argument_not_a_frame(workshop: KnowledgeGraph):
    # "mean by a 'heavy' job, as opposed to ...": what the job is, not what the workshop is.
    answer = workshop.ask("What does the workshop mean by a 'heavy' job, as opposed to light work?")
    assert "workshop" not in {str(label).lower() for label in answer_labels(answer)}, answer.answer


FLEET = """# Fleet

## Boats

| Boat | Built | Length |
| --- | --- | --- |
| Grey Heron | 1998 | 30 m |
| Little Auk | 2011 | 24 m |
"""


@pytest.mark.slow
def test_a_year_answers_which_year_not_which_yard(tmp_path):
    fleet = KnowledgeGraph.open(docs=[_write(tmp_path, "fleet", FLEET)], cache_dir=tmp_path / "vectors")
    assert answer_labels(fleet.ask("Which year was the Grey Heron built?")) == ["1998"]
    assert fleet.ask("Which boatyard built the Grey Heron?").answers == []


BAKERIES = """# Two Bakeries

## North Bakery

The North Bakery bakes rye bread.

## South Bakery

The South Bakery bakes white rolls.

## Terms

| Term | North Bakery | South Bakery |
| --- | --- | --- |
| A warm drawer where dough rises | proving drawer | rising shelf |
| A tray that catches crumbs | crumb tray | crumb catcher |
"""


@pytest.mark.slow
def test_a_term_asked_in_another_contexts_terms_is_no_bare_definition(tmp_path):
    # "In South Bakery terms" asks for the other bakery's word; the North definition alone answers nothing of it.
    bakeries = KnowledgeGraph.open(docs=[_write(tmp_path, "bakeries", BAKERIES)], cache_dir=tmp_path / "vectors")
    answer = bakeries.ask("In South Bakery terms, what is a proving drawer?")
    assert "proving drawer" not in answer_labels(answer), answer.answer


COLD_ROOM = """# Cold Room

## Churns

The steel churn is the default.

## Coolers

By default, the cooler holds milk. The freezer holds ice.
"""


@pytest.mark.slow
def test_a_mention_read_as_a_word_must_be_said_by_the_answer(tmp_path):
    # "default" is a concept here ("the steel churn is the default"); read as a word, the answer must say it.
    room = KnowledgeGraph.open(docs=[_write(tmp_path, "room", COLD_ROOM)], cache_dir=tmp_path / "vectors")
    assert answer_labels(room.ask("What does the cooler hold by default?")) == ["milk"]
    assert room.ask("What does the freezer hold by default?").answers == []
