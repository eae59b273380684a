"""Ask the knowledge graph questions from Python and print each answer with the sentences it rests on.

    python examples/ask.py                                    # the bundled documents, built in memory
    python examples/ask.py "What is EKS?" "What does it use?"  # your questions; "it" = the last answer
    KG_STORE=var/store python examples/ask.py                 # a store built with `kg build`
    KG_ENDPOINT=http://localhost:7878/query python examples/ask.py   # any SPARQL 1.1 endpoint

``KG_CACHE_DIR`` names a directory for the embedding vectors, so the next run starts faster.
"""

from __future__ import annotations

import os
import sys

from kg import KnowledgeGraph

QUESTIONS = [
    "Which terms does ECS use?",
    "And which terms does EKS use?",  # a follow-up in the same conversation
    "What is the capital of France?",  # not in the graph: the answer says so instead of guessing
]


def main(questions: list[str]) -> None:
    """Open the graph, ask each question in one conversation, print answers and sources."""
    graph = KnowledgeGraph.open(
        os.environ.get("KG_STORE"),  # neither store nor endpoint: build the bundled documents in memory
        endpoint=os.environ.get("KG_ENDPOINT"),
        cache_dir=os.environ.get("KG_CACHE_DIR"),
    )
    for question in questions:
        answer = graph.ask(question, session="example")
        print(f"Q: {question}")
        print(f"A: {answer.answer}")
        if answer.abstained:
            print("   (no answer in the graph)")
        else:
            names = [a.get("label") or str(a.get("value")) for a in answer.answers]
            print(f"   confidence {answer.confidence:.2f}; answers: {', '.join(names)}")
        for source in answer.sources:
            print(f'   source: {source["document"]} > {source["section"]}: "{source["text"]}"')
        print()


if __name__ == "__main__":
    main(sys.argv[1:] or QUESTIONS)
