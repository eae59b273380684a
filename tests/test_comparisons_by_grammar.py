"""Comparisons read from the parse, whatever verb carries them ("goes faster than", "needs more fuel than",
"costs less than"), and answered when the question names the two sides in fewer words than the graph."""

from __future__ import annotations

import pytest
from note_graph import answer_labels, label_set
from rdflib import RDF, RDFS, Graph
from test_open_extraction import built_note, opened_notes

from kg.namespaces import KGO
from kg.text import comparative_of

HARBOUR = """# Harbour Boats

## Fleet

The Tern is the pilot launch of the harbour. The Tern goes faster than the old Gannet tug it replaced. The
grain barge needs more fuel than the Tern. A refill costs less than a new gas tank. Mooring at the quay is
cheaper than waiting for a berth: Ola Finch agreed to that. The harbour crane lifts more than 20 tonnes. The
dredger is not faster than the Tern. The Kittiwake, which takes six hours, is slower than the Tern.

| Boat | Berth |
| ---- | ----- |
| Sea Holly Tender | north quay |
| Grey Lag Ferry | south quay |

The Grey Lag Ferry is faster than Sea Holly Tender and carries twice as many people.
"""


@pytest.fixture(scope="module")
def harbour(tmp_path_factory: pytest.TempPathFactory) -> Graph:
    return built_note(tmp_path_factory, "harbour.md", HARBOUR)


@pytest.fixture(scope="module")
def notes(tmp_path_factory: pytest.TempPathFactory):
    return opened_notes(tmp_path_factory.mktemp("harbour"), {"harbour.md": HARBOUR})


def comparisons(graph: Graph) -> set[tuple[str, str, str]]:
    """Return every recorded comparison as (greater's label, quality, lesser's label)."""
    out = set()
    for node in graph.subjects(RDF.type, KGO.Comparison):
        greater, lesser = graph.value(node, KGO.greater), graph.value(node, KGO.lesser)
        out.add(
            (
                str(graph.value(greater, RDFS.label)),
                str(graph.value(node, KGO.quality)),
                str(graph.value(lesser, RDFS.label)),
            )
        )
    return out


def test_a_comparative_on_a_verb_compares_the_subject_with_the_object_of_than(harbour: Graph):
    assert ("Tern", "faster", "old Gannet tug") in comparisons(harbour)


def test_more_of_a_noun_than_compares_by_that_noun(harbour: Graph):
    assert ("grain barge", "fuel", "Tern") in comparisons(harbour)


def test_less_than_puts_the_other_side_first(harbour: Graph):
    assert ("new gas tank", "cost", "refill") in comparisons(harbour)


def test_a_deed_after_than_and_an_amount_after_more_than_compare_nothing(harbour: Graph):
    sides = {name for greater, _, lesser in comparisons(harbour) for name in (greater, lesser)}
    assert not sides & {"Ola Finch", "harbour crane", "20 tonnes"}


def test_a_known_name_after_than_is_the_other_side_whatever_its_tag(harbour: Graph):
    assert ("Grey Lag Ferry", "faster", "Sea Holly Tender") in comparisons(harbour)


def test_a_denied_comparison_is_not_recorded(harbour: Graph):
    assert not any("dredger" in (greater, lesser) for greater, _, lesser in comparisons(harbour))


def test_a_relative_clause_between_subject_and_verb_leaves_the_subject_compared(harbour: Graph):
    assert ("Tern", "slower", "Kittiwake") not in comparisons(harbour)
    assert ("Kittiwake", "slower", "Tern") in comparisons(harbour)


def test_options_named_in_fewer_words_than_the_sides_are_still_compared(notes):
    # "the Gannet" names "old Gannet tug"; "slower" is the opposite of the recorded "faster".
    assert answer_labels(notes.ask("Which is slower, the Tern or the Gannet?")) == ["old Gannet tug"]


def test_more_before_an_adverb_grades_it_as_its_comparative(notes):
    assert comparative_of("quickly") == "quicker"
    assert comparative_of("expensive") is None
    assert answer_labels(notes.ask("Which one goes more quickly, the Gannet or the Tern?")) == ["Tern"]


LOOMS = """# Looms

## Two traditions

| Term | Jacquard | Dobby |
| ---- | -------- | ----- |
| A spool that holds the weft | pirn | bobbin |
| A frame of wires | harness | shaft |
"""

WEAVING = """# Weaving notes

## Threads and frames

Warp threads run the length of the cloth. A bobbin is the small wooden spool that holds the weft. A
shuttle is quicker than a stick shuttle. A bolt of linen is cheaper than a roll of felt, at £40 against £65.
"""


@pytest.fixture(scope="module")
def weaving(tmp_path_factory: pytest.TempPathFactory):
    return opened_notes(tmp_path_factory.mktemp("weaving"), {"looms.md": LOOMS, "weaving.md": WEAVING})


def test_a_sentence_that_says_what_a_thing_is_defines_it_mid_section(weaving):
    # Another note's table names "bobbin" as one tradition's term: the note that says what a bobbin is, in
    # a sentence of its own that is not first in its section, defines it.
    answer = weaving.ask("What is a bobbin?")
    assert "small wooden spool" in answer.answer


def test_what_is_x_is_not_answered_by_what_x_is_compared_with(weaving):
    for question, other in (("What is a shuttle?", "stick shuttle"), ("What is a bolt of linen?", "roll")):
        labels = {str(label) for label in answer_labels(weaving.ask(question))}
        assert not any(other in label for label in labels), question


CLOTHS = """# Weaving notes

## Cloths

| Cloth | Loom | Weaving time |
| --- | --- | --- |
| Plain linen | floor loom | 3 days |
| Tweed blanket | floor loom | 5 days |

Tweed is woven from carded wool.
"""


def test_more_of_a_noun_asked_of_two_options_is_not_answered_by_one_options_amount(tmp_path):
    # The table states each cloth's time, but the question's "tweed" names another concept than the row's
    # "Tweed blanket": a row that states one option's time compares nothing, so nothing is chosen by it.
    notes = opened_notes(tmp_path, {"cloths.md": CLOTHS})
    answer = notes.ask("Which needs more weaving time, the tweed or the plain linen?")
    assert "Plain linen" not in answer_labels(answer), answer.answer


SHEEPFOLD = """# Sheepfold Notes

## Medicines

Morphine works faster than codeine but wears off sooner, so a lame ewe may need a second dose.

## Fencing

The walnut stain takes much longer to dry than the linseed oil, so the oil goes on first.
"""


@pytest.fixture(scope="module")
def sheepfold(tmp_path_factory: pytest.TempPathFactory) -> Graph:
    return built_note(tmp_path_factory, "sheepfold.md", SHEEPFOLD)


@pytest.fixture(scope="module")
def sheepfold_notes(tmp_path_factory: pytest.TempPathFactory):
    return opened_notes(tmp_path_factory.mktemp("sheepfold"), {"sheepfold.md": SHEEPFOLD})


def test_the_one_word_after_than_is_compared_though_the_tagger_read_it_as_an_adjective(sheepfold: Graph):
    # The small model tags "codeine" here as an adjective hung on "than" (pcomp): still the thing compared.
    assert ("morphine", "faster", "codeine") in {tuple(x.lower() for x in c) for c in comparisons(sheepfold)}


def test_a_comparative_of_the_verb_that_takes_the_clause_compares_its_subject(sheepfold: Graph):
    # "takes longer to dry than X": "than" hangs on "dry", the comparative on "takes".
    assert ("walnut stain", "longer", "linseed oil") in comparisons(sheepfold)


def test_such_comparisons_answer_which_of_two(sheepfold_notes):
    assert label_set(sheepfold_notes.ask("Which acts more quickly, morphine or codeine?")) == {"morphine"}
    asked = sheepfold_notes.ask("Which takes longer to dry, the walnut stain or the linseed oil?")
    assert label_set(asked) == {"walnut stain"}
