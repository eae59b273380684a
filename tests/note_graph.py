"""Open a knowledge graph on one small note a test writes: the fixture most answering tests share."""

from __future__ import annotations

from pathlib import Path

from kg.api import KnowledgeGraph


def note_graph(folder: Path, name: str, text: str, **options) -> KnowledgeGraph:
    """Write ``text`` as ``<folder>/<name>.md`` and open a graph on it, its vectors cached in the folder."""
    note = folder / f"{name}.md"
    note.write_text(text, encoding="utf-8")
    return KnowledgeGraph.open(docs=[note], cache_dir=folder / "vectors", **options)


def answer_labels(answer) -> list[str]:
    """The labels (or literal values) of an answer's items, in the order the engine gave them."""
    return [item.get("label", item.get("value")) for item in answer.to_dict()["answers"]]


def label_set(answer) -> set[str]:
    """The answer's labels (or values) lower-cased, for tests that ignore order and case."""
    return {str(label).lower() for label in answer_labels(answer)}
