"""Write small RDF graphs of named things for tests: one N-Triples file from (subject, relation, object)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"


def write_facts(path: Path, facts: list[tuple[str, str, str]], entity: str, relation: str) -> Path:
    """Write ``facts`` as N-Triples under the ``entity`` and ``relation`` namespaces, each name labelled."""
    lines = [f"<{entity}{quote(s)}> <{relation}{p}> <{entity}{quote(o)}> ." for s, p, o in facts]
    for name in sorted({n for s, _, o in facts for n in (s, o)}):
        lines.append(f'<{entity}{quote(name)}> <{RDFS_LABEL}> "{name}" .')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
