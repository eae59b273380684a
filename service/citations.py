"""Write an answer as text that cites its sources, for surfaces that carry plain text (chat, MCP).

The text is the answer followed by numbered quotes, each naming its document and section::

    Amazon Machine Image creates EC2 instance. [1]

    Sources:
    [1] compute.md, "Compute > Virtual machines > Amazon Machine Image (AMI)": "An image creates an instance."

An abstention stays what it is: the engine's plain "I don't know" and nothing dressed up around it.
"""

from __future__ import annotations

from typing import Any

from kg.answer import Answer

#: Quotes cited in the text; the structured answer beside it carries all of them.
MAX_CITED = 5


def cited_text(answer: Answer, max_cited: int = MAX_CITED) -> str:
    """Return the answer's text with numbered citations of the sentences it rests on."""
    if answer.abstained:
        return answer.answer
    cited = [_cite_source(source) for source in answer.sources[:max_cited]]
    if not cited:
        # A graph loaded from RDF alone has no source sentences; the triples are then the evidence.
        cited = [_cite_triple(triple) for triple in answer.evidence[:max_cited]]
    if not cited:
        return answer.answer
    marks = "".join(f"[{n}]" for n in range(1, len(cited) + 1))
    lines = [f"{answer.answer} {marks}", "", "Sources:"]
    lines += [f"[{n}] {citation}" for n, citation in enumerate(cited, start=1)]
    return "\n".join(lines)


def _cite_source(source: dict[str, Any]) -> str:
    where = str(source.get("document") or "the graph")
    if source.get("section"):
        where += f', "{source["section"]}"'
    if source.get("figure"):
        where += f" (figure {source['figure']})"
    said_of = f' (said of "{source["context"]}")' if source.get("context") else ""
    return f'{where}: "{" ".join(str(source.get("text", "")).split())}"{said_of}'


def _cite_triple(triple: dict[str, Any]) -> str:
    parts = [triple.get("subject", {}), triple.get("predicate", {}), triple.get("object", {})]
    names = [str(p.get("label") or p.get("value") or p.get("iri") or "?") for p in parts]
    return "graph: " + " — ".join(names)
