"""Curated figure facts come only with their document, and the ontology's loose names type no note's words.

The bundled ``data/figures.ttl`` describes the pictures of ``compute.md``; a build of other notes must
hold none of it, and a user's curated file (``kg build --curated``) likewise loads only with the document
it names. Everyday words such as "server", "status" or "command" mean what each note says they mean:
the ontology's classes are named by their own labels, not by such words.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from kg.build import FIGURES_GRAPH, BuildError, Collected, collect
from kg.ingest.curated import trace_curated
from kg.namespaces import GRAPH, KG, KGO, data_dir
from kg.rdfio import load_graph

KITCHEN = """# Kitchen orders

## The order server

The order server is a program that keeps the orders of the kitchen. Every order has a status.

The status of an order is shown on the screen above the stove. A cook changes the status by hand.

## Tickets

A ticket is printed by the printer node. The cancel command removes a ticket from the queue.

The kitchen app shows the recipe template of each dish. The till is the hardware of the shop.

The menu is the main product of the kitchen. The ticket platform keeps the information of each order.
"""

#: A curated file of the user's own, about one picture of the bakery note below.
OVEN_FIGURE = """@prefix kg:   <https://kgqa.dev/id/> .
@prefix kgo:  <https://kgqa.dev/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .

kg:doc-bakery.md a kgo:Document ; kgo:fileName "bakery.md" {hash} .
kg:figure-oven a kgo:Figure ; rdfs:label "Oven (figure)" ; kgo:figure "./pics/oven.png" ;
    kgo:document kg:doc-bakery.md ; kgo:section "Bakery" ; kgo:quote "Figure oven: the proofer feeds the oven." .
kg:proofer rdfs:label "proofer" ; kgo:connectsTo kg:oven ; kgo:shownIn kg:figure-oven .
"""

BAKERY = """# Bakery

![oven](./pics/oven.png)

The bakery bakes bread every morning. The oven is heated by gas.
"""


def union_of(collected: Collected) -> Graph:
    union = Graph()
    for graph in collected.graphs.values():
        union += graph
    return union


def figure_statements(graph: Graph) -> set[URIRef]:
    return set(graph.subjects(KGO.rule, Literal("figure")))


@pytest.fixture(scope="module")
def kitchen(tmp_path_factory: pytest.TempPathFactory) -> Collected:
    path = tmp_path_factory.mktemp("kitchen") / "kitchen.md"
    path.write_text(KITCHEN, encoding="utf-8")
    return collect([path], [])


# -- curated figures load with their document only --------------------------------------------------
def test_a_build_of_another_note_holds_no_figure_graph_and_no_figure_fact(kitchen: Collected):
    union = union_of(kitchen)

    assert FIGURES_GRAPH not in kitchen.graphs
    assert figure_statements(union) == set()
    assert (None, KGO.shownIn, None) not in union
    assert (KG["figure-ec2-lifecycle"], None, None) not in union


def test_a_note_with_the_same_file_name_but_not_the_pictures_gets_no_figure_facts(tmp_path: Path):
    path = tmp_path / "compute.md"
    path.write_text("# Compute\n\nA compute cluster runs batch jobs for the lab.\n", encoding="utf-8")

    collected = collect([path], [])

    assert FIGURES_GRAPH not in collected.graphs
    assert figure_statements(union_of(collected)) == set()


def test_the_bundled_note_gets_its_figures_traced_to_them():
    collected = collect([data_dir() / "docs" / "compute.md"], [])

    assert FIGURES_GRAPH in collected.graphs
    figures = {
        str(f)
        for st in figure_statements(collected.graphs[FIGURES_GRAPH])
        for f in collected.graphs[FIGURES_GRAPH].objects(st, KGO.figure)
    }
    assert figures == {"./images/ec2-lifecycle.png", "./images/container-vs-vm.png"}


def test_a_class_the_curated_file_declares_is_vocabulary_not_a_fact_its_figure_shows():
    # data/figures.ttl declares the classes its pictures draw (kgo:Container a owl:Class): a statement
    # citing the figure for "container is a class" would quote the picture for no fact it shows.
    traced = trace_curated(load_graph(data_dir() / "figures.ttl"))
    shown = {(traced.value(st, RDF.predicate), traced.value(st, RDF.object)) for st in figure_statements(traced)}

    assert (RDF.type, OWL.Class) not in shown and (RDFS.subClassOf, KGO.Concept) not in shown
    assert (KGO.runsOn, KGO.Hypervisor) in shown  # what the picture does show stays traced to it


def _curated(tmp_path: Path, text_hash: str | None = None) -> Path:
    file = tmp_path / "oven.ttl"
    file.write_text(OVEN_FIGURE.replace("{hash}", f'; kgo:sha256 "{text_hash}"' if text_hash else ""), encoding="utf-8")
    return file


def _bakery(tmp_path: Path, name: str = "bakery.md", text: str = BAKERY) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_users_curated_file_loads_with_its_document(tmp_path: Path):
    collected = collect([_bakery(tmp_path)], [], [_curated(tmp_path)])

    graph = collected.graphs[GRAPH["curated/oven.ttl"]]
    assert (KG["proofer"], KGO.connectsTo, KG["oven"]) in graph
    assert {str(graph.value(st, KGO.figure)) for st in figure_statements(graph)} == {"./pics/oven.png"}


def test_a_users_curated_file_is_left_out_of_a_build_without_its_document(tmp_path: Path):
    kitchen_note = tmp_path / "kitchen.md"
    kitchen_note.write_text(KITCHEN, encoding="utf-8")
    other = _bakery(tmp_path, "bakery.md", BAKERY.replace("![oven](./pics/oven.png)\n", ""))

    for docs in ([kitchen_note], [other]):
        collected = collect(docs, [], [_curated(tmp_path)])
        assert GRAPH["curated/oven.ttl"] not in collected.graphs
        assert (KG["proofer"], KGO.connectsTo, KG["oven"]) not in union_of(collected)


def test_a_curated_file_that_records_a_hash_loads_only_with_that_text(tmp_path: Path):
    right = hashlib.sha256(BAKERY.encode()).hexdigest()

    assert GRAPH["curated/oven.ttl"] in collect([_bakery(tmp_path)], [], [_curated(tmp_path, right)]).graphs
    edited = _bakery(tmp_path, "bakery.md", BAKERY + "\nThe bakery closes at noon.\n")
    assert GRAPH["curated/oven.ttl"] not in collect([edited], [], [_curated(tmp_path, right)]).graphs


def test_a_curated_file_that_names_no_document_is_refused(tmp_path: Path):
    file = tmp_path / "loose.ttl"
    file.write_text("<https://kgqa.dev/id/a> <https://kgqa.dev/ontology#connectsTo> <https://kgqa.dev/id/b> .\n")

    with pytest.raises(BuildError, match=r"loose\.ttl: names no document"):
        collect([_bakery(tmp_path)], [], [file])


# -- everyday words are not typed by the ontology's classes -------------------------------------------
#: Classes of the ontology that everyday words ("server", "status", "command", "app", ...) used to name.
LOOSELY_NAMED = {
    KGO.VirtualMachine,
    KGO.Instance,
    KGO.Image,
    KGO.LifecycleState,
    KGO.LifecycleAction,
    KGO.Application,
    KGO.Technology,
    KGO.Infrastructure,
    KGO.Data,
    KGO.Service,
}


def test_a_notes_everyday_words_are_not_typed_by_the_ontologys_classes(kitchen: Collected):
    facts = kitchen.graphs[GRAPH["doc/kitchen.md"]] + kitchen.graphs.get(GRAPH["inferred"], Graph())
    typed = {(s, c) for s, c in facts.subject_objects(RDF.type) if c in LOOSELY_NAMED}

    assert {KG["status-of-order"], KG["cancel-command"], KG["printer-node"]} <= set(facts.subjects())  # read ...
    assert typed == set()  # ... and given no class of the ontology they do not name
