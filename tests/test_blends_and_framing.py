"""A lowercase short form blended from its name's words, and a phrase that only frames the question.

Before: "A **sliding window** (slidwin) is a range of frames in flight" gave "slidwin" no meaning, so
"What is a slidwin?" found nothing (short forms in brackets were read only in capitals, or clipped part
by part, "pub/sub"); "In short, what is a sliding window?" and "What is a sliding window, in simple terms?"
kept "short", "simple" and "terms" as words the definition had to account for, and abstained, where
"Briefly, what is ...?" (an adverb) was already read as framing. A note of our own; real parser and model.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from note_graph import note_graph

from kg.api import KnowledgeGraph
from kg.ingest.shortforms import blended_suffix

pytestmark = pytest.mark.slow

NOTE = """# Links

A **sliding window** (slidwin) is a range of frames a sender may have in flight at once.

A **frame** is a unit of data on a link.
"""


@pytest.fixture(scope="module")
def links(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    return note_graph(Path(tmp_path_factory.mktemp("links")), "links", NOTE)


def test_a_blend_of_openings_is_a_short_form():
    assert blended_suffix("the system administrator", "sysadmin") == "system administrator"
    assert blended_suffix("the backup policy", "optional") is None
    assert blended_suffix("is kept in the cache", "see") is None


def test_the_blend_names_the_concept(links: KnowledgeGraph):
    answer = links.ask("What is a slidwin?").to_dict()
    assert answer["kind"] == "definition" and "frames" in answer["answer"]


@pytest.mark.parametrize(
    "question",
    ["In short, what is a sliding window?", "What is a sliding window, in simple terms?"],
)
def test_a_phrase_set_off_by_a_comma_frames_the_question(links: KnowledgeGraph, question: str):
    answer = links.ask(question).to_dict()
    assert answer["kind"] == "definition" and "frames" in answer["answer"]
