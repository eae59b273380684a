"""Readings a community workshop's note showed wrong: a table's columns mistaken for things it compares, a
"they" that stood for nothing moving what "it" means, a price as a verb's object, a proper name a
passive naming verb gives, a plural joined to the kind of one thing, prepositions of several words, a clause whose
subject the parser took for an object, sub-headings and table rows under a heading that names a kind,
and a list whose introduction counts its clause's subject.

A note of our own (a tool library and a workshop; no wording of any question set). Before: "Part |
Material | Lathe | Days turned" was read as a table comparing the lathe with "Material" and "Days
turned" ("Lathe | brass ferrule | Hilda"), because the note also says "lathe"; "Paid?" over a column with
a "Yes (part-time)" was taken for a name, so the roles' table compared "Who (now)" and "Paid?"; after
"They lent their first tools ..." (no thing the note names is "they"), "It became a registered charity"
was said of the first tools; "A share costs £25." gave no fact; "The big lathe is called Hilda" did not
make Hilda a lathe, and "nicknamed" named nothing; "A rapid set is a full set assembled ... from an older full
and the singles after it" made the rapid set a single (the parser joins "the singles" to "full set"); "The
Hawk radio grew out of the Falcon set" made the Hawk scale the Falcon (the ontology's "grow"), and "sits on
top of the north mast" sat the aerial on a "top"; "Mast drift means one slack or lost stay at the head of
a mast holds up every line ..." gave "Mast drift means slack" and "means at head of mast". Real
parser and model.
"""

from __future__ import annotations

import pytest
from rdflib import RDF, RDFS, Graph, Literal
from test_open_extraction import built_note, named, relations

pytestmark = pytest.mark.slow

WORKSHOP = """# Harbour Workshop

The **Harbour Workshop** is a community woodwork and metal shop on the quay.

## The lathes

There are two lathes, and the members are fond of them. The big lathe is called **Hilda**. The small one is
a bench lathe nicknamed **Wilma**.

A **rapid set** is a full set assembled on the shelf from an older full and the singles after it.

## Parts we turn

| Part          | Material | Lathe | Days turned |
| ------------- | -------- | ----- | ----------- |
| Brass ferrule | Brass    | Hilda | Mon, Wed    |
| Oak spindle   | Oak      | Wilma | Tue         |

## Who runs it

| Role        | Who (now)  | Paid?           | Main duties     |
| ----------- | ---------- | --------------- | --------------- |
| Head turner | Alma Reyes | Yes (part-time) | Tools, training |
| Sweeper     | Bo Lind    | No              | Cleaning        |
"""

LIBRARY = """# Riverside Tool Library

## History

The **Riverside Tool Library** opened in 2009 when nine neighbours pooled their drills to fill an empty shop.
They lent their first tools from a trestle table borrowed from a church.

It became a registered charity in 2012. That means it is run by its trustees.

## Membership

- Around 200 members today; a share costs £25 and every member gets one vote
"""


@pytest.fixture(scope="module")
def workshop(tmp_path_factory: pytest.TempPathFactory) -> Graph:
    return built_note(tmp_path_factory, "workshop.md", WORKSHOP)


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Graph:
    return built_note(tmp_path_factory, "library.md", LIBRARY)


def test_a_common_word_over_one_column_among_plain_heads_is_a_property_of_each_row(workshop: Graph):
    ferrule = named(workshop, "Brass ferrule")

    assert relations(workshop, ferrule, named(workshop, "Hilda")) == {"lathe"}
    assert relations(workshop, ferrule, Literal("Mon, Wed")) == {"days turned"}
    assert {str(workshop.value(k, RDFS.label)) for k in workshop.objects(ferrule, RDF.type)} >= {"part"}


def test_a_head_with_a_question_mark_or_an_aside_is_a_property_not_a_name(workshop: Graph):
    turner = named(workshop, "Head turner")

    assert relations(workshop, turner, Literal("Alma Reyes")) == {"who (now)"}
    assert relations(workshop, turner, Literal("Yes (part-time)")) == {"paid?"}


def test_a_they_that_stands_for_nothing_leaves_it_to_the_thing_the_text_was_about(library: Graph):
    tool_library, charity = named(library, "Riverside Tool Library"), named(library, "registered charity")

    assert relations(library, tool_library, charity)
    assert not relations(library, named(library, "first tool"), charity)
    assert relations(library, named(library, "trustee"), tool_library) == {"run"}


def test_a_price_a_verb_takes_is_its_value(library: Graph):
    share = library.value(predicate=RDFS.label, object=Literal("share"), any=False)

    assert relations(library, share, Literal("£25")) == {"cost"}


def kinds(graph: Graph, name: str) -> set[str]:
    return {str(graph.value(k, RDFS.label)) for k in graph.objects(named(graph, name), RDF.type)}


def test_a_proper_name_a_naming_verb_gives_one_thing_is_of_that_things_kind(workshop: Graph):
    assert "big lathe" in kinds(workshop, "Hilda")
    assert "bench lathe" in kinds(workshop, "Wilma")


def test_a_plural_joined_to_the_kind_of_one_thing_is_no_kind_of_it(workshop: Graph):
    assert "full set" in kinds(workshop, "rapid set")
    assert "single" not in kinds(workshop, "rapid set")


def test_a_preposition_of_several_words_is_one_preposition(tmp_path_factory: pytest.TempPathFactory):
    note = (
        "# Radio room\n\nThe **Hawk** radio grew out of the **Falcon** set. The aerial sits on top of the north mast.\n"
    )
    graph = built_note(tmp_path_factory, "radio.md", note)

    assert relations(graph, named(graph, "Hawk radio"), named(graph, "Falcon set")) == {"grow out of"}
    assert relations(graph, named(graph, "aerial"), named(graph, "north mast")) == {"sit on top of"}


def test_an_object_that_is_the_subject_of_a_clause_after_it_is_no_object(tmp_path_factory: pytest.TempPathFactory):
    note = (
        "# Rigging\n\n**Mast drift** means one slack or lost stay at the head of a mast holds up every line tied "
        "behind it.\n"
    )
    graph = built_note(tmp_path_factory, "rigging.md", note)
    drift = named(graph, "Mast drift")

    said = {str(graph.value(p, RDFS.label)) for p, _ in graph.predicate_objects(drift) if p != RDF.type}
    assert not {name for name in said if name.startswith("mean")}, said


SPLICES = """# Rope care

## Splice types

### Eye splice

An **eye splice** makes a fixed loop at the end of a rope.

### Short splice

A **short splice** joins two ropes end to end.

### Comparison

| Type  | Strength | Bulk  |
| ----- | -------- | ----- |
| Eye   | High     | Small |
| Short | Medium   | Large |
"""


def test_sub_headings_and_rows_under_a_heading_naming_a_kind_are_of_that_kind(
    tmp_path_factory: pytest.TempPathFactory,
):
    # "### Eye splice" under "## Splice types" was only a kind of splice, and the table's row "Eye" (its
    # "Type" column under that heading) a thing of its own, typed "type".
    graph = built_note(tmp_path_factory, "splices.md", SPLICES)
    eye = named(graph, "Eye splice")

    assert "Splice type" in kinds(graph, "Eye splice")
    assert "Splice type" in kinds(graph, "Short splice")
    assert relations(graph, eye, Literal("High")) == {"strength"}


def test_a_list_introduced_by_a_counted_subject_is_of_that_subjects_kind(tmp_path_factory: pytest.TempPathFactory):
    # "Two gauges decide every launch here:" typed its items as "gauges decide every launch here".
    note = (
        "# Launch rules\n\n## Gauges\n\nTwo gauges decide every launch here:\n\n"
        "- **Tide gauge**: how high the water stands\n- **Wind gauge**: how hard the wind blows\n"
    )
    graph = built_note(tmp_path_factory, "launch.md", note)

    assert "gauge" in {k.lower() for k in kinds(graph, "Tide gauge")}
    assert not {k for k in kinds(graph, "Tide gauge") if "decide" in k}
