"""Open-vocabulary extraction: relations read by grammar from a document no ontology phrase covers.

The fixture ``open_storage.md`` was written for these tests; its verbs ("attach", "store", "share",
"deliver", "support") are not ontology phrases, so every fact below comes from the parse.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from kg.api import KnowledgeGraph
from kg.build import collect
from kg.ingest.parse import ParserUnavailable, load_parser
from kg.namespaces import KGO

FIXTURE = Path(__file__).parent / "fixtures" / "open_storage.md"


def built(path: Path) -> Graph:
    """Build ``path`` alone (with the ontology) and return the union of the build's graphs, its report kept."""
    collected = collect([path], [])
    union = Graph()
    for g in collected.graphs.values():
        union += g
    union.report = collected.reports[0]  # type: ignore[attr-defined]
    return union


@pytest.fixture(scope="module")
def graph() -> Graph:
    return built(FIXTURE)


def named(graph: Graph, name: str) -> URIRef:
    """Return the one node labelled (or alt-labelled) ``name``."""
    found = {s for p in (RDFS.label, SKOS.altLabel) for s, o in graph.subject_objects(p) if str(o) == name}
    assert len(found) == 1, f"{name!r} names {sorted(found)}"
    return found.pop()


def subjects_of(graph: Graph, obj: URIRef) -> set[str]:
    """Return the labels of the named things that some relation links to ``obj``."""
    return {str(graph.value(s, RDFS.label)) for s in graph.subjects(None, obj) if (s, RDFS.label, None) in graph}


def definitions_of(graph: Graph) -> dict[str, str]:
    """Return each defined concept's label with its definition."""
    return {str(graph.value(s, RDFS.label)): str(d) for s, d in graph.subject_objects(SKOS.definition)}


def built_note(factory: pytest.TempPathFactory, filename: str, text: str) -> Graph:
    """Write ``text`` as the note ``filename`` in a fresh folder and return its extracted graph."""
    path = factory.mktemp(Path(filename).stem) / filename
    path.write_text(text, encoding="utf-8")
    return built(path)


def opened_notes(folder: Path, notes: dict[str, str]) -> KnowledgeGraph:
    """Write each note (file name -> text) into ``folder`` and open the service's graph over them, in order."""
    for filename, text in notes.items():
        (folder / filename).write_text(text, encoding="utf-8")
    return KnowledgeGraph.open(docs=[folder / filename for filename in notes], cache_dir=folder / "vectors")


def kinds_of(graph: Graph, name: str) -> set[str]:
    """Return the labels of the classes of the concept named ``name``."""
    return {str(graph.value(t, RDFS.label)) for t in graph.objects(named(graph, name), RDF.type)}


def relations(graph: Graph, subject: URIRef, obj) -> set[str]:
    """Return the labels of the predicates that link ``subject`` to ``obj``."""
    return {str(graph.value(p, RDFS.label)) for p in graph.predicates(subject, obj)}


def test_a_relative_clause_with_a_generic_subject_says_what_the_volumes_are_attached_to(graph: Graph):
    # "attach to" is one of the ontology's words for connects-to, so the fact is stored as that relation.
    volume, instance = named(graph, "block level storage volume"), named(graph, "EC2 instance")

    assert len(relations(graph, volume, instance)) == 1
    assert relations(graph, instance, volume) == set()


def test_a_passive_with_an_agent_is_read_in_the_active_direction(graph: Graph):
    ebs, snapshot = named(graph, "Amazon Elastic Block Store"), named(graph, "snapshot")

    assert relations(graph, ebs, snapshot) == {"creates"}
    assert relations(graph, snapshot, ebs) <= {"is created from"}  # only the inferred inverse


def test_a_coordinated_passive_keeps_its_subject_and_its_preposition(graph: Graph):
    snapshot, s3 = named(graph, "snapshot"), named(graph, "Amazon S3")

    assert len(relations(graph, snapshot, s3)) == 1
    assert relations(graph, s3, snapshot) == set()


def test_a_long_name_before_its_verb_is_parsed_as_the_subject(graph: Graph):
    s3, data = named(graph, "Amazon Simple Storage Service"), named(graph, "data")

    assert relations(graph, s3, data)
    assert not any(
        str(o).startswith("Amazon Simple")
        for o in graph.objects(None, RDFS.label)
        if str(o) != "Amazon Simple Storage Service"
    )


def test_negation_is_stored_as_a_negated_relation_never_as_the_positive_one(graph: Graph):
    volume, region = named(graph, "EBS volume"), named(graph, "region")

    assert relations(graph, volume, region) == {"is not shared between"}
    negated = next(graph.predicates(volume, region))
    assert graph.value(negated, KGO.negationOf) is not None


def test_while_splits_a_sentence_into_both_of_its_facts(graph: Graph):
    ssd, throughput = named(graph, "SSD volume"), named(graph, "throughput")

    assert len(relations(graph, ssd, throughput)) == 1  # "deliver" aligns with the ontology's "provides"
    assert "HDD volume" not in subjects_of(graph, throughput)


def test_a_bullet_without_a_subject_is_said_of_its_section(graph: Graph):
    assert "Block storage" in subjects_of(graph, named(graph, "encryption"))


def test_a_property_table_gives_each_column_its_value(graph: Graph):
    glacier = named(graph, "S3 Glacier")
    retrieval = next(
        p for p, o in graph.predicate_objects(glacier) if str(graph.value(p, RDFS.label)) == "retrieval time"
    )

    assert graph.value(glacier, retrieval) == Literal("hours")
    assert graph.value(named(graph, "S3 Standard"), retrieval) == Literal("milliseconds")


def test_a_category_heading_types_the_concept_it_introduces_and_hangs_under_its_head_noun(graph: Graph):
    efs, file_storage, storage = named(graph, "Amazon Elastic File System"), named(graph, "File storage"), None
    storage = graph.value(file_storage, RDFS.subClassOf)

    assert (efs, RDF.type, file_storage) in graph
    assert str(graph.value(storage, RDFS.label)).lower() == "storage"


def test_every_open_fact_keeps_its_sentence(graph: Graph):
    open_statements = [st for st in graph.subjects(KGO.rule, None) if str(graph.value(st, KGO.rule)).startswith("open")]

    assert len(open_statements) >= 6
    for st in open_statements:
        quote = str(graph.value(st, KGO.quote))
        assert quote and quote in FIXTURE.read_text().replace("**", ""), quote


def test_the_report_counts_sentences_and_facts_by_rule(graph: Graph):
    report = graph.report  # type: ignore[attr-defined]

    assert report.sentences == 7
    assert report.facts_by_rule["open"] >= 6
    assert report.facts_by_rule["table"] == 2
    assert report.with_facts + len(report.without_facts) == report.sentences


def test_a_missing_parser_model_is_a_clear_error(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("KG_SPACY_MODEL", "no_such_pipeline_xx")

    with pytest.raises(ParserUnavailable, match="no_such_pipeline_xx"):
        load_parser()


def test_a_directory_that_is_no_pipeline_is_reported_as_no_parser(tmp_path: Path):
    broken = tmp_path / "not_a_pipeline"
    broken.mkdir()
    (broken / "meta.json").write_text("{}", encoding="utf-8")

    with pytest.raises(ParserUnavailable, match="not_a_pipeline"):
        load_parser(str(broken))


def test_a_definition_says_what_the_concept_is_never_a_sentence_that_only_lists_or_mentions_it(tmp_path: Path):
    path = tmp_path / "services.md"
    path.write_text(
        "# Services\n\n## Orchestration\n\nThe cloud offers two orchestration services:\n\n"
        "- Amazon Elastic Container Service (ECS)\n- Amazon Elastic Kubernetes Service (EKS)\n\n"
        "## Compute\n\nAmazon Elastic Compute Cloud (EC2) is a web service that provides compute capacity. "
        "It allows you to provision **virtual servers called EC2 instances**.\n",
        encoding="utf-8",
    )
    graph = built(path)
    definitions = definitions_of(graph)

    assert "Amazon Elastic Container Service" not in definitions  # listed, never defined
    assert "EC2 instance" not in definitions  # only mentioned by a sentence about EC2
    assert definitions["Amazon Elastic Compute Cloud"].startswith("Amazon Elastic Compute Cloud (EC2) is a web")


def test_a_heading_the_text_never_names_is_no_subject_for_its_bullets(tmp_path: Path):
    path = tmp_path / "proto.md"
    path.write_text(
        "# Widget Transfer Protocol (WTP)\n\nThe Widget Transfer Protocol (WTP) is a protocol for widgets.\n\n"
        "## Introduction\n\n- Sends widgets over encrypted connections.\n",
        encoding="utf-8",
    )
    graph = built(path)

    assert subjects_of(graph, named(graph, "widget")) == {"Widget Transfer Protocol"}


def test_a_comparison_needs_than_or_a_bare_comparative_in_a_versus_section(tmp_path: Path):
    note = tmp_path / "kilns.md"
    note.write_text(
        "# Kilns\n\n## Brickmaster vs Emberline\n\n"
        "**Brickmaster** and **Emberline** are kilns.\n\n"
        "Brickmaster is better suited to glazing, whereas Emberline is better suited to firing tiles.\n\n"
        "Emberline is hotter than Brickmaster.\n\n"
        "Brickmaster is cheaper.\n",
        encoding="utf-8",
    )
    g = built(note)
    winners = {
        (str(g.value(g.value(s, KGO.greater), RDFS.label)).lower(), str(g.value(s, KGO.quality)).lower())
        for s in g.subjects(RDF.type, KGO.Comparison)
    }

    assert ("emberline", "hotter") in winners  # "than" names the other side
    assert ("brickmaster", "cheaper") in winners  # a bare comparative in an "A vs B" section
    assert not any(quality.startswith("better") for _, quality in winners)  # "better suited to ..." is no comparison


def test_the_first_sentence_under_a_heading_defines_the_heading_only_when_it_is_about_it(tmp_path: Path):
    note = tmp_path / "lanterns.md"
    note.write_text(
        "# Lantern workshop\n\n## Wicks\n\n"
        "A **lamp maker** is a person who builds lanterns and trims their wicks every morning.\n\n"
        "## Globes\n\nA globe is the glass shade that shields the flame from the wind.\n",
        encoding="utf-8",
    )
    g = built(note)
    definitions = {str(g.value(s, RDFS.label)).lower(): str(d) for s, d in g.subject_objects(SKOS.definition)}

    assert definitions["lamp maker"].startswith("A lamp maker is a person")
    assert "wicks" not in definitions and "wick" not in definitions  # the sentence is the lamp maker's
    assert any(label.startswith("globe") and text.startswith("A globe is") for label, text in definitions.items())


def test_a_passive_sentence_says_what_is_done_to_a_concept_not_what_it_is(tmp_path: Path):
    note = "# Looms\n\nThe **Shuttle** is thrown across the warp.\n\nThe **Heddle** is a frame that lifts warps.\n"
    (tmp_path / "looms.md").write_text(note, encoding="utf-8")
    definitions = definitions_of(built(tmp_path / "looms.md"))

    assert "Shuttle" not in definitions  # a passive says what is done to it
    assert definitions["Heddle"].startswith("The Heddle is a frame")
