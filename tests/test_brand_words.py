"""Brand words learnt from the notes themselves, not listed in the ontology.

A note of our own names a maker's products as "Summit Dock" and "Summit Crane", and then writes "Dock"
and "Crane" alone: "Summit" is a brand word of the graph (a dictionary knows the word, so no rule for a
single name would drop it). A question naming the short form reaches what the note says under the long
one, and "Summit Tidemark" in a question is one mention of Tidemark. "Standard" also opens two names
of the note ("Standard Queue", "Standard Topic"), but the note writes it in lowercase as well: a
common word saying which kind, no brand.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from note_graph import answer_labels as labels
from note_graph import note_graph
from rdflib import Literal

from kg.build import collect
from kg.ingest.brands import dropped_words
from kg.ingest.pipeline import document_iri
from kg.namespaces import KGO

pytestmark = pytest.mark.slow

HARBOUR = """# Harbour software

**Summit Dock** is a berth planner for container ports. **Summit Crane** is a lifting service for
heavy cargo. Harbour crews prefer Summit Crane for long loads.

## Berths

Summit Dock stores berth schedules. Most harbours run Dock on a small server, and pilots read Dock
from the tower.

## Lifting

Summit Crane lifts containers onto ships. Crews start Crane from the quay office.

## Gauges

**Tidemark** is a tide gauge. Tidemark measures the water level.

## Lanes

Summit Dock keeps two lanes, Standard Queue and Standard Topic. Both are standard features. Ships wait
in Queue until a berth is free, and notices go out on Topic.
"""


@pytest.fixture(scope="module")
def harbour(tmp_path_factory: pytest.TempPathFactory):
    return note_graph(tmp_path_factory.mktemp("brands"), "harbour", HARBOUR)


def test_a_word_dropped_from_several_names_is_a_brand_of_the_document(tmp_path: Path):
    note = tmp_path / "harbour.md"
    note.write_text(HARBOUR, encoding="utf-8")

    graphs = collect([note], []).graphs
    learnt = {str(o) for g in graphs.values() for o in g.objects(document_iri(note), KGO.brandPrefix)}

    # Stated on the document that shows the drop, as the ontology states its own; "Standard" is no brand.
    assert learnt == {"Summit"}
    assert any((document_iri(note), KGO.brandPrefix, Literal("Summit")) in g for g in graphs.values())


def test_a_build_learns_a_brand_word_from_its_documents_together(tmp_path: Path):
    # Each note drops "Summit" from one name only: no pattern in either, one over the two.
    docks, cranes = tmp_path / "docks.md", tmp_path / "cranes.md"
    docks.write_text("# Docks\n\nHarbours run Summit Dock, and pilots read Dock from the tower.\n", encoding="utf-8")
    cranes.write_text("# Cranes\n\nPorts hire Summit Crane, and crews start Crane from the quay.\n", encoding="utf-8")

    graphs = collect([docks, cranes], []).graphs.values()

    for note in (docks, cranes):
        assert any((document_iri(note), KGO.brandPrefix, Literal("Summit")) in g for g in graphs)


def test_a_question_naming_the_short_form_reaches_the_long_names_facts(harbour):
    assert labels(harbour.ask("What does Dock store?")) == ["berth schedule"]


def test_a_brand_word_before_a_name_in_a_question_belongs_to_the_name(harbour):
    # The note never writes "Summit Tidemark"; "Summit" is no second thing the question asks about.
    assert labels(harbour.ask("What does Summit Tidemark measure?")) == ["water level"]


def test_a_word_that_only_opens_sentences_is_no_brand():
    # "Use" drops from "Use Dock" and "Use Crane", and both are names the text writes alone: a verb that
    # opens a sentence, never capitalised inside one, is no maker's name.
    texts = ["Use Dock to plan berths.", "Use Crane to lift cargo.", "Pilots read Dock and Crane daily."]

    assert dropped_words(texts) == {}
