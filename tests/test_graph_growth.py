"""Answers that changed when notes on other topics joined the graph: words of one note met names of another.

Before: a note that says "things like ligatures" made "thing" a class, so "What kind of thing is X?"
elsewhere linked "thing" and lost its answer (and in a graph of that one note, the root type every
concept has, "concept", was given as a kind); a note with trees made "three" in "Can guests stay for
three nights?" a misspelt "tree" (a number word is not in the dictionary of inflections), and the
question's number, no longer a number, let "up to three nights" of the members answer yes for the guests;
a note that names "headers" made "header" of "Which conditional request header ..." a mention, and the
property "conditional request header" of another note's table was no longer read; a note's "two main
kinds of VPN" made "kind" a concept, and "What kind of collector is X?" in another linked it; a note's "each
**read** of a page" made "read" a concept, and "Where can X be read?" lost its verb (a participle after a modal
was taken for a misread noun). Notes of our own,
with two of the development notes of ``bench/sets`` for the last. Real parser and model.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from note_graph import answer_labels

from kg.api import KnowledgeGraph

pytestmark = pytest.mark.slow

SETS = Path(__file__).resolve().parent.parent / "bench" / "sets" / "docs"

HUT = """# Hill hut

Members may stay for up to three nights; guests may stay for one night only.

Trees shade the pond behind the hut. A tree needs water.

Editors fold things like ligatures into plain letters. A ligature is a glyph that joins two letters.
"""


@pytest.fixture(scope="module")
def hut(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    folder = Path(tmp_path_factory.mktemp("hut"))
    (folder / "hut.md").write_text(HUT, encoding="utf-8")
    return KnowledgeGraph.open(docs=[folder / "hut.md"], cache_dir=folder / "vectors")


def test_a_noun_that_stands_for_anything_is_no_concept(hut: KnowledgeGraph):
    rows = hut.query('SELECT ?c WHERE { ?c rdfs:label ?l . FILTER(LCASE(STR(?l)) IN ("thing", "things")) }')
    assert list(rows) == []
    assert answer_labels(hut.ask("What kind of thing is a ligature?"))[:1] == ["glyph"]


def test_a_number_word_is_never_read_as_a_misspelt_name(hut: KnowledgeGraph):
    answer = hut.ask("Can guests stay for three nights?").to_dict()
    assert not any(item.get("value") is True for item in answer["answers"])


def test_a_property_spelt_by_two_mentions_is_still_the_property():
    graph = KnowledgeGraph.open(docs=[SETS / "http-caching.md", SETS / "load-balancing.md"])
    answer = graph.ask("Which conditional request header is used with Last-Modified?")
    assert answer_labels(answer)[:1] == ["If-Modified-Since"]


SORTS = """# Sorts

Timsort finds runs already in order. Heapsort swaps the root to the end.
"""

YARD = """# Boat yard

The last class ends at eight. Boats moored by the club run on diesel.
"""


def test_a_question_verb_is_no_concept_another_note_names(tmp_path: Path):
    (tmp_path / "sorts.md").write_text(SORTS, encoding="utf-8")
    (tmp_path / "yard.md").write_text(YARD, encoding="utf-8")
    graph = KnowledgeGraph.open(docs=[tmp_path / "sorts.md", tmp_path / "yard.md"], cache_dir=tmp_path / "v")
    assert answer_labels(graph.ask("When does the last class end?"))[:1] == ["eight"]
    assert answer_labels(graph.ask("What do boats moored by the club run on?"))[:1] == ["diesel"]


def test_a_classifier_before_of_is_grammar_though_a_note_named_kinds():
    # The VPN note's "two main kinds of VPN" made "kind" a concept; the question's "kind of" is still grammar.
    graph = KnowledgeGraph.open(docs=[SETS / "garbage-collection.md", SETS / "vpn.md"])
    assert answer_labels(graph.ask("What kind of collector is Go?"))[:1] == ["concurrent mark-and-sweep collector"]


def test_a_lowercase_verb_is_not_a_name_the_notes_only_write_with_a_capital(tmp_path: Path):
    # The garbage-collection note has a section "Go" (the language); "go" in a question is the verb.
    (tmp_path / "yard.md").write_text("# Gate\n\nDelivery vans go to the loading bay.\n", encoding="utf-8")
    graph = KnowledgeGraph.open(docs=[SETS / "garbage-collection.md", tmp_path / "yard.md"], cache_dir=tmp_path / "v")
    assert answer_labels(graph.ask("Where do delivery vans go?"))[:1] == ["loading bay"]


def test_a_passive_participle_after_a_modal_is_the_verb(tmp_path: Path):
    # A memory note's "each **read** of a page" made "read" a concept; "can ... be read" is the verb, a
    # participle as a passive takes it, not a misreading of a noun after "can".
    note = (
        "# Shelves\n\nReference books are read in the reading room.\n\n"
        "## Memory\n\nEach **read** of a page costs a cycle.\n"
    )
    (tmp_path / "shelves.md").write_text(note, encoding="utf-8")
    graph = KnowledgeGraph.open(docs=[tmp_path / "shelves.md"], cache_dir=tmp_path / "v")
    assert answer_labels(graph.ask("Where can reference books be read?"))[:1] == ["reading room"]


def test_a_kind_another_note_names_does_not_rule_out_answers(tmp_path: Path):
    # A regex note's "backtracking engines" made "engine" a kind with members; the note on the store never
    # calls its answers engines, and the regex note never speaks of the store.
    (tmp_path / "store.md").write_text("# Cachebox\n\nCachebox supports Redis and Memcached.\n", encoding="utf-8")
    regex = (
        "# Regex\n\n## Engines\n\n- **Backtracking engines** try every path.\n"
        "- **Automaton engines** run in linear time.\n"
    )
    (tmp_path / "regex.md").write_text(regex, encoding="utf-8")
    graph = KnowledgeGraph.open(docs=[tmp_path / "store.md", tmp_path / "regex.md"], cache_dir=tmp_path / "v")
    assert sorted(answer_labels(graph.ask("Which engines does Cachebox support?"))) == ["Memcached", "Redis"]


def test_a_list_is_of_the_kind_its_own_introduction_names(tmp_path: Path):
    # "Its common directives are these:" after a sentence that says "the main way ...": the items are
    # directives (before, "main way in which ... these" became their class, for the count word "main").
    note = (
        "# Caching\n\nThe **Cache-Control** header is the main way in which a server controls caching. "
        "Its common directives are these:\n\n- **no-store** forbids every cache from storing the response.\n"
        "- **no-cache** lets a cache store the response.\n"
    )
    (tmp_path / "caching.md").write_text(note, encoding="utf-8")
    graph = KnowledgeGraph.open(docs=[tmp_path / "caching.md"], cache_dir=tmp_path / "v")
    kinds = {
        str(k) for (k,) in graph.query("SELECT ?k WHERE { ?x rdfs:label 'no-store' ; rdf:type ?c . ?c rdfs:label ?k }")
    }
    assert "directive" in kinds
    assert not any("main way" in k for k in kinds)
