"""Names and pronouns read as a reader would: a title before a name, a proper name's possessive inside a
name ("Quill's Yard"), "most of X" as X, a clause's connective never part of a name, "it" never a
person, "him" the person its own sentence names, and short forms cut to consonants ("(ptbl)") or whose
letters sit inside the words ("rotation timer (RTR)")."""

from __future__ import annotations

import pytest
from rdflib import RDF, RDFS, SKOS, Graph
from test_open_extraction import built_note, opened_notes

from kg.ingest.parse import load_parser
from kg.ingest.relations import _name_tokens
from kg.namespaces import KGO

WORKSHOP = """# Bellfounders' Workshop

## People

The pit sits behind the loading bay. Dr. Ines Vale, head of casting, signs off every pour plan before anyone
touches a mould. All plans go into the ledger, and Dr. Vale won't close a job until its plan is complete.
Dr. Arno Pike, head of finishing, checks every polish. Dr. Pike keeps the keys. That sounds slow but it is
actually exponential. Most of our bronze scrap comes from Quill's Yard, which sorts it by alloy every
Tuesday. The big bell was cast by Quill's Yard in 1998.

Bruno Tallis, who runs the night shift, asked for a new logbook. It is kept by Oskar Venn; hand the pages
to him rather than copying them.

## Furnaces

The pour table (ptbl) is swept before each pour, while the rotation timer (RTR) is the founder's own clock
for how long the mould turns.
"""

SHEDS = """# Drying Sheds

## Climate

Relative humidity (RH) in the barn and the main sheds is kept at 60% ± 5%, with the temperature between 10
and 12 °C. The salt store is drier than the sheds, held at 40% RH with trays of silica gel that Ada swaps out
every week.
"""


@pytest.fixture(scope="module")
def workshop(tmp_path_factory: pytest.TempPathFactory) -> Graph:
    return built_note(tmp_path_factory, "workshop.md", WORKSHOP)


def statements(graph: Graph) -> set[tuple[str, str, str]]:
    """Return each statement's subject, predicate and object labels."""
    out = set()
    for st in graph.subjects(RDF.type, RDF.Statement):
        s, p, o = (graph.value(st, x) for x in (RDF.subject, RDF.predicate, RDF.object))
        out.add(tuple(str(graph.value(n, RDFS.label) or n) for n in (s, p, o)))
    return out


def labels(graph: Graph) -> set[str]:
    return {str(label) for label in graph.objects(None, RDFS.label)}


def test_a_title_before_a_name_names_the_person_not_the_title(workshop: Graph):
    said = statements(workshop)
    assert any(s == "Ines Vale" and o == "pour plan" for s, _, o in said), said
    assert not any(name.startswith("Dr") for name in labels(workshop)), sorted(labels(workshop))
    # The title says "Pike" is a person: the "it" of the next sentence is not.
    assert not any(s in ("Pike", "Arno Pike") and o == "exponential" for s, _, o in said), said


def test_most_of_a_thing_is_the_thing_and_comes_from_keeps_its_own_words(workshop: Graph):
    said = statements(workshop)
    assert ("bronze scrap", "come from", "Quill's Yard") in said, said
    assert not any(p in ("follows", "is created from") for s, p, _ in said if s in ("bronze scrap", "Most"))


def test_a_proper_possessive_stays_in_a_capitalised_name(workshop: Graph):
    said = statements(workshop)
    assert any(s == "Quill's Yard" and o == "big bell" for s, _, o in said), said
    assert "Yard" not in labels(workshop)


def test_a_connective_is_no_part_of_a_name():
    doc = load_parser()("That sounds slow but it is fast, so slow start ramps up far faster than a long wait.")
    start = next(t for t in doc if t.text == "start")
    assert [t.text for t in _name_tokens(start)] == ["slow", "start"]


def test_it_never_stands_for_a_person_and_him_for_the_one_just_named(workshop: Graph):
    said = statements(workshop)
    assert not any(s == "Oskar Venn" and o == "Bruno Tallis" for s, _, o in said), said
    assert not any(o == "Bruno Tallis" for s, _, o in said if s in ("page", "Oskar Venn")), said
    assert any(s == "page" and o == "Oskar Venn" for s, _, o in said), said


def test_short_forms_cut_to_consonants_or_kept_inside_words(workshop: Graph):
    acronyms = {str(workshop.value(s, RDFS.label)): str(a) for s, a in workshop.subject_objects(KGO.acronym)}
    assert acronyms.get("pour table") == "ptbl", acronyms
    assert acronyms.get("rotation timer") == "RTR", acronyms


def test_a_clause_set_against_another_defines_its_subject(workshop: Graph):
    definitions = {str(workshop.value(s, RDFS.label)): str(d) for s, d in workshop.subject_objects(SKOS.definition)}
    assert "own clock" in definitions.get("rotation timer", ""), definitions
    said = statements(workshop)
    assert not any(s == "own clock" for s, _, _ in said), said


def test_a_choice_by_an_amount_is_not_answered_from_one_side_alone(tmp_path_factory: pytest.TempPathFactory):
    notes = opened_notes(tmp_path_factory.mktemp("sheds"), {"sheds.md": SHEDS})
    answer = notes.ask("Which is kept at lower humidity, the salt store or the main sheds?")
    assert not any(a.get("label") == "main shed" for a in answer.answers), answer.text


LAB = """# Restoration Lab

## Records

Every repair log goes into Almanac, the guild's shared records database, and nobody closes a job before its
log is complete. Everyone helps to tow the launch point caravan, which everyone calls "the Cart", to the
east bench.
For glass, our usual glue is Vitrolin K-40, a clear epoxy that we thin with alcohol.
"""


@pytest.fixture(scope="module")
def lab(tmp_path_factory: pytest.TempPathFactory) -> Graph:
    return built_note(tmp_path_factory, "lab.md", LAB)


def test_an_apposition_after_a_genitive_says_what_the_name_is(lab: Graph):
    said = statements(lab)
    assert any(s == "Almanac" and p == "is a" and "database" in o for s, p, o in said), said


def test_a_name_a_relative_clause_gives_is_of_the_noun_s_kind(lab: Graph):
    said = statements(lab)
    assert any(s == "Cart" and p == "is a" and "caravan" in o for s, p, o in said), said


def test_a_model_number_stays_in_the_proper_name(lab: Graph):
    assert "Vitrolin K-40" in labels(lab), sorted(labels(lab))


PUMPS = """# Mill

## Pumps

We also run the VX-PUMP, which lifts water by suction instead of raising pressure; it was chosen by Lena Holt
after the spring flood.
"""


def test_it_after_a_relative_clause_is_the_noun_the_clause_describes(tmp_path_factory: pytest.TempPathFactory):
    said = statements(built_note(tmp_path_factory, "pumps.md", PUMPS))
    assert any(s == "Lena Holt" and o == "VX-PUMP" for s, _, o in said), said
    assert not any(s == "Lena Holt" and o == "water" for s, _, o in said), said


CREWS = """# Boiler House

## Crews

The night crew, run by Tom Ash, checks the boilers. After the flood the repair team, led by Hana Kuroda,
rebuilt the pump room.
"""


def test_a_participle_with_its_doer_says_what_the_doer_does(tmp_path_factory: pytest.TempPathFactory):
    said = statements(built_note(tmp_path_factory, "crews.md", CREWS))
    assert ("Tom Ash", "run", "night crew") in said, said
    assert ("Hana Kuroda", "lead", "repair team") in said, said
