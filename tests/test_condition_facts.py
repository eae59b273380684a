"""A condition clause ("When the tank is empty, ...") states no fact of its own; the same clause alone does."""

from __future__ import annotations

from pathlib import Path

from kg.build import collect
from kg.namespaces import KG, KGO


def qualities(tmp_path: Path, text: str) -> set[str]:
    """Build a one-note graph from ``text`` and return the qualities it states of the tank."""
    note = tmp_path / "pumps.md"
    note.write_text(text, encoding="utf-8")
    graphs = collect([note], []).graphs
    return {str(o) for g in graphs.values() for o in g.objects(KG["tank"], KGO.hasCharacteristic)}


def test_a_quality_said_in_a_condition_clause_is_no_fact(tmp_path: Path) -> None:
    text = "# Pumps\n\nA **pump** moves water from a **tank**. When the tank is empty, the pump stops.\n"
    assert not any(q.startswith("empty") for q in qualities(tmp_path, text))


def test_the_same_quality_said_as_a_clause_of_its_own_is_a_fact(tmp_path: Path) -> None:
    text = "# Pumps\n\nA **pump** moves water from a **tank**. The tank is empty.\n"
    assert "empty" in qualities(tmp_path, text)
