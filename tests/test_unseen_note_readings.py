"""Readings that unseen notes showed wrong: short forms spelt out in a table, a free relative's "what",
capitals kept, counts read by grammar, joined and numbered headings, "there are" sentences, and a relative
clause that narrows a copula's subject.

A note of our own (coast beacons; no wording of any question set). Before: a table row "LFB | Long Flash
Beacon — ..." gave LFB no long form; "OPTIONS is what keepers log" gave keepers no object, and the name
was made singular ("OPTION"); "There are 7 beacon tower sites, but each one is ..." was counted "one" or
not at all; "## Harbours & light keepers" was taken for
the "harbour-light keeper" (its words less the "&"), so its first bullet was said of the keeper; "There
are ..." was said of the section's thing; "What does FLK do?" was answered with what FLK stands for.
Real parser and model.
"""

from __future__ import annotations

import pytest
from rdflib import RDFS, SKOS, Graph, Literal
from test_open_extraction import built_note, named, opened_notes, relations

from kg.namespaces import KG, KGO
from kg.question import expansion

pytestmark = pytest.mark.slow

BEACONS = """# Beacons

My notes on coast beacons. Keepers carry an **FLK** (Flare Launch Kit) on every watch. The **harbour-light
keeper** rows out to the far beacons.

## Beacon codes

| Code | Stands for / use | Example |
|------|------------------|---------|
| LFB  | Long Flash Beacon — marks a harbour mouth | `LFB 4s` |
| QK   | Quick Kindle | `QK 1s` |
| MX   | Morse Exchanger | `MX 9s` |
| LANT | Lantern | `LANT 2s` |
| B    | buoy light | `B 2s` |

There are 7 **beacon tower** sites on the coast, but each one is really a pair of lamps.

OPTIONS is what keepers log every night.

## Harbours & light keepers

- harbours close at dusk in winter
- the **lighthouse keeper** trims the wick at dusk
"""


@pytest.fixture(scope="module")
def beacons(tmp_path_factory: pytest.TempPathFactory) -> Graph:
    return built_note(tmp_path_factory, "beacons.md", BEACONS)


@pytest.fixture(scope="module")
def kg(tmp_path_factory: pytest.TempPathFactory):
    return opened_notes(tmp_path_factory.mktemp("beacons"), {"beacons.md": BEACONS})


def test_a_row_named_by_a_short_form_takes_the_long_form_a_cell_spells(beacons: Graph):
    assert Literal("LFB") in set(beacons.objects(named(beacons, "Long Flash Beacon"), SKOS.altLabel))
    # The X of "MX" stands for the sound of "Ex" in a capitalised name.
    assert Literal("MX") in set(beacons.objects(named(beacons, "Morse Exchanger"), SKOS.altLabel))
    # One word ("Lantern") is a description, and "buoy light" is spelt by nothing.
    assert not list(beacons.subjects(RDFS.label, Literal("Lantern")))
    assert not list(beacons.subjects(RDFS.label, Literal("buoy light")))


def test_a_cell_that_spells_the_rows_name_is_no_value_of_the_row(beacons: Graph):
    kindle = named(beacons, "Quick Kindle")
    assert not relations(beacons, kindle, kindle)


def test_what_a_free_relative_says_is_said_of_the_copulas_subject(beacons: Graph):
    # "OPTIONS is what keepers log": keepers log OPTIONS, and a name in capitals is no plural.
    assert relations(beacons, named(beacons, "keeper"), named(beacons, "OPTIONS")) == {"log"}


def test_a_heading_joining_two_things_is_neither_thing_its_words_spell(beacons: Graph):
    # "## Harbours & light keepers" is not the harbour-light keeper: its first bullet is not said of him.
    keeper = named(beacons, "harbour-light keeper")
    said = {str(beacons.value(p, RDFS.label)) for p, _ in beacons.predicate_objects(keeper)}
    assert not any("harbour" in s or "close" in s for s in said), said


def test_there_are_says_nothing_of_the_sections_thing(beacons: Graph):
    towers = named(beacons, "beacon tower")
    assert {str(beacons.value(s, RDFS.label)) for s in beacons.subjects(None, towers)} - {"None"} == set()


def test_how_many_counts_the_noun_its_compound_ends_with_and_no_pronoun_one(kg):
    answer = kg.ask("How many beacon tower sites exist?")

    assert [a.get("value") for a in answer.answers] == ["7"], answer.answer


def test_what_a_short_form_does_is_not_what_it_stands_for(kg):
    assert kg.ask("What does FLK stand for?").kind == "acronym"
    answer = kg.ask("What does FLK do?")
    assert answer.kind != "acronym" and not answer.answers, answer.answer


def test_a_sections_number_is_no_part_of_the_name_its_heading_gives(tmp_path_factory: pytest.TempPathFactory):
    # "## 4. Wick trimming": the section heads what "wick trimming" names, so its first sentence defines it.
    note = (
        "# Lamps\n\n## 4. Wick trimming\n\nWick trimming cuts the charred end off the wick.\n\n"
        "## 2.0 lamp oils\n\nLamp oils burn clean.\n"
    )
    graph = built_note(tmp_path_factory, "lamps.md", note)

    assert "cuts the charred end" in str(graph.value(named(graph, "Wick trimming"), SKOS.definition))
    sections = {str(o) for o in graph.objects(None, KGO.section)}
    assert sections and not any("4." in s for s in sections), sections
    # A version opening a heading ("2.0 lamp oils") is no section number: it stays.
    assert any("2.0 lamp oils" in s for s in sections), sections


def test_a_word_in_capitals_in_a_name_spells_only_its_initial():
    assert expansion("AAAA", "AA Authoritative Answer flag") is None
    assert expansion("NFS", "the Network File System") == "Network File System"


def test_a_relative_clause_narrowing_a_copulas_subject_is_a_condition(tmp_path_factory: pytest.TempPathFactory):
    # "A kiln that has no lid is a hazard": neither are kilns hazards nor do they lack lids; "A kiln is a
    # furnace" and a clause set off by commas still say what they say.
    note = (
        "# Kilns\n\nA kiln that has no lid is a hazard. A backup kiln, which the school bought in 1990, is a gas"
        " kiln. A kiln is a furnace.\n"
    )
    graph = built_note(tmp_path_factory, "kilns.md", note)
    kiln = named(graph, "kiln")

    assert relations(graph, kiln, named(graph, "furnace")) == {"is a"}
    said = {str(graph.value(o, RDFS.label)) for o in graph.objects(kiln, None)}
    assert not {"hazard", "lid"} & said, said
    assert relations(graph, named(graph, "backup kiln"), named(graph, "gas kiln")) == {"is a"}


FIRING = """# Pottery

Firing types: **bisque** (the first, slow firing), **glaze** (the hot second firing), **raku** (a fast firing
pulled out while red hot).

Kiln shapes: tunnel, bottle and box.
"""


@pytest.fixture(scope="module")
def firing(tmp_path_factory: pytest.TempPathFactory) -> Graph:
    return built_note(tmp_path_factory, "firing.md", FIRING)


def test_names_listed_after_a_plural_lead_are_of_its_kind(firing: Graph):
    # "Firing types: bisque (...), glaze (...)": each a firing type, what the brackets say it is, and also
    # named with the words before "types" ("raku firing"); the parse once made "glaze" a verb.
    for name in ("bisque", "glaze", "raku"):
        assert relations(firing, named(firing, name), named(firing, "Firing type")) == {"is a"}, name
    assert "pulled out while red hot" in str(firing.value(named(firing, "raku"), SKOS.definition))
    assert named(firing, "raku firing") == named(firing, "raku")
    # Words the note names nowhere else ("tunnel, bottle and box") are no list of things it knows.
    assert not list(firing.subjects(RDFS.label, Literal("Kiln shape")))


def test_a_title_with_a_short_form_names_the_thing_its_first_bullets_are_about(
    tmp_path_factory: pytest.TempPathFactory,
):
    # "# TGN (Tide Gauge Network)": the short form is spelt out, and a bullet with no subject right under
    # the title is said of the network.
    note = (
        "# TGN (Tide Gauge Network)\n\nThe TGN reports sea levels every minute.\n\n"
        "- Runs mostly over **radio channel 16**\n"
    )
    graph = built_note(tmp_path_factory, "tgn.md", note)
    network = named(graph, "Tide Gauge Network")

    assert Literal("TGN") in set(graph.objects(network, SKOS.altLabel))
    assert relations(graph, network, named(graph, "radio channel 16")) == {"run over"}


BERTHS = """# Berths

My notes on the harbour's berths.

| Berth | Reached from | Notes |
|-------|--------------|-------|
| Quayside | the town side only | the default berth |
| Outer Mole | the sea, past the breakwater | shares the crane with Quayside; needs a pilot |
"""


def test_clauses_under_common_word_heads_are_said_of_the_rows_things(tmp_path_factory: pytest.TempPathFactory):
    # "Reached from" is no thing, so "Notes" (a word the note uses) is a property too: the clause cell is
    # said of the row's berth, not of "Notes".
    graph = built_note(tmp_path_factory, "berths.md", BERTHS)
    mole = named(graph, "Outer Mole")

    assert relations(graph, mole, named(graph, "pilot")) == {"need"}
    said_of_notes = {
        str(graph.value(p, RDFS.label))
        for note in graph.subjects(RDFS.label, Literal("Note"))
        for p in graph.predicates(note)
        if str(p).startswith(str(KG))
    }
    assert not said_of_notes, said_of_notes


def test_a_noun_the_tagger_reads_as_an_adjective_is_still_an_object(tmp_path_factory: pytest.TempPathFactory):
    # "sets an environment variable": the small tagger reads "variable" as an adjective (JJ).
    note = (
        "# Kilnfile\n\n## Instructions\n\n- `HEAT` – raises the kiln temperature\n"
        "- `TAG` – sets an environment variable\n"
    )
    graph = built_note(tmp_path_factory, "kilnfile.md", note)

    assert relations(graph, named(graph, "TAG"), named(graph, "environment variable")) == {"set"}


def test_it_after_a_sentence_that_only_says_what_its_subject_is_stands_for_that_subject(
    tmp_path_factory: pytest.TempPathFactory,
):
    # "The Corn Mill is a water mill. It grinds wheat.": the copula's subject is what "it" stands for; it
    # was the thing of an earlier paragraph ("It grinds bark" was said of the Sawmill), or nothing.
    note = (
        "# Mill notes\n\nThe **Corn Mill** is a water mill on the river. It grinds wheat.\n\n"
        "The **Sawmill** cuts oak. It sells planks.\n\n"
        "The **Bark Mill** is a water mill. It grinds bark.\n"
    )
    graph = built_note(tmp_path_factory, "mills.md", note)

    assert relations(graph, named(graph, "Corn Mill"), named(graph, "wheat")) == {"grind"}
    assert relations(graph, named(graph, "Bark Mill"), named(graph, "bark")) == {"grind"}
    assert not relations(graph, named(graph, "Sawmill"), named(graph, "bark"))
