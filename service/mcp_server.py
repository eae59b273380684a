"""Serve the graph to AI assistants over the Model Context Protocol (MCP), with four read-only tools.

- ``ask``: a question in plain English -> the answer with numbered citations (text) and the same answer
  object as ``/api/ask`` (structured content). It abstains rather than guesses.
- ``sparql``: a SPARQL 1.1 query -> SPARQL JSON results (or Turtle for CONSTRUCT/DESCRIBE), run by
  :class:`kg.sparql.SparqlExecutor` with the ``/sparql`` endpoint's safety: queries only, no ``SERVICE``
  or ``LOAD``, a deadline and a row cap.
- ``search_entities``: a (partial, misspelt or paraphrased) name -> matching concepts with their IRIs.
- ``describe_entity``: an IRI (or an exact name) -> labels, definition, types, relations and sources.

:func:`build_server` makes the server from :class:`GraphTools` over a graph; ``kg mcp`` (see
:mod:`service.mcp_command`) runs it over stdio or streamable HTTP. Built for the ``mcp`` SDK 2.x
(``MCPServer``, formerly ``FastMCP``).
"""

from __future__ import annotations

import json
import threading
from typing import Annotated, Any, Required

from mcp.server.mcpserver import MCPServer
from mcp.server.mcpserver.exceptions import ToolError
from mcp.types import CallToolResult, TextContent, ToolAnnotations
from pydantic import Field
from typing_extensions import TypedDict  # pydantic reads nested TypedDicts from here on Python < 3.12

from kg.answer import QuestionError
from kg.api import KnowledgeGraph
from kg.sparql import SparqlError, SparqlExecutor, parse_operation
from service.citations import cited_text

INSTRUCTIONS = (
    "Answers questions from a knowledge graph built from documents, citing the sentences it rests on. "
    "Use `ask` for questions in plain English; it says when the graph holds no answer, so do not guess "
    "beyond it. Use `search_entities` to find a concept's IRI by name, `describe_entity` to see everything "
    "the graph says about it, and `sparql` for precise read-only queries (the default graph is the union "
    "of all graphs; labels are rdfs:label, synonyms skos:altLabel, definitions skos:definition)."
)
READ_ONLY = ToolAnnotations(read_only_hint=True, destructive_hint=False, idempotent_hint=True, open_world_hint=False)


# -- output schemas ----------------------------------------------------------------------------------------
# Field descriptions land in each tool's outputSchema, where clients and models read them.
Items = list[dict[str, Any]]


class AskResult(TypedDict):
    """The answer object of /api/ask."""

    question: str
    answer: Annotated[str, Field(description='The answer in a sentence or two; or a plain "I don\'t know".')]
    answers: Annotated[
        Items, Field(description="Ranked, best first: concepts (iri, label, aliases) or literals (value).")
    ]
    confidence: Annotated[float, Field(description="0 to 1; low when the engine abstained.")]
    sparql: Annotated[str, Field(description="The query that found the answers; it runs as-is on `sparql`.")]
    evidence: Annotated[Items, Field(description="The triples used: subject, predicate, object.")]
    sources: Annotated[Items, Field(description="The source sentences: document, section, text (figure, context).")]
    session: str | None
    topics: Annotated[Items, Field(description="The concepts the question was read as being about.")]
    kind: Annotated[str, Field(description="How it was read: definition, relation, boolean, list, abstain...")]


class SparqlToolResult(TypedDict, total=False):
    """A query result: SPARQL 1.1 JSON results (head with results or boolean), or Turtle for graphs."""

    form: Required[Annotated[str, Field(description="SELECT, ASK, CONSTRUCT or DESCRIBE.")]]
    truncated: Required[Annotated[bool, Field(description="The row cap cut the result: add a LIMIT.")]]
    head: dict[str, Any]
    results: dict[str, Any]
    boolean: bool
    turtle: Annotated[str, Field(description="The triples of a CONSTRUCT or DESCRIBE, as Turtle.")]


class ConceptMatch(TypedDict, total=False):
    """A concept that matches a searched name."""

    iri: Required[str]
    label: Required[str]
    aliases: list[str]
    score: Annotated[float, Field(description="0 to 1: 1 for an exact name, less for near matches.")]
    definition: str


class SearchResult(TypedDict):
    """Concepts matching the text, best first."""

    concepts: list[ConceptMatch]


class ConceptDescription(TypedDict, total=False):
    """What the graph says about one concept."""

    iri: Required[str]
    label: Required[str]
    aliases: list[str]
    definition: str | None
    types: Items
    outgoing: Annotated[Items, Field(description="{predicate, object}: from this concept to another.")]
    incoming: Annotated[Items, Field(description="{subject, predicate}: from another concept to this one.")]
    qualities: Annotated[Items, Field(description="{predicate, value}: literal properties.")]
    sources: Items


# -- the tools ---------------------------------------------------------------------------------------------
class GraphTools:
    """The tools' logic over one graph; thread-safe, since the SDK runs each call in a worker thread."""

    def __init__(self, graph: KnowledgeGraph, executor: SparqlExecutor):
        self.graph = graph
        self.executor = executor
        self._ready = threading.Lock()
        self._loaded = False

    def warm_up(self) -> None:
        """Load the engine (names, vectors, the model) in the background, so the first call is quick."""
        threading.Thread(target=self._engine, name="kg-warm-up", daemon=True).start()

    def _engine(self) -> KnowledgeGraph:
        # The graph builds its engine lazily and not under a lock: build it once, here.
        if not self._loaded:
            with self._ready:
                if not self._loaded:
                    _ = self.graph.engine, self.graph.explorer
                    self._loaded = True
        return self.graph

    def ask(self, question: str, session: str | None = None) -> CallToolResult:
        """Answer a question; the text cites sources, the structured content is the full answer."""
        try:
            answer = self._engine().ask(question, session)
        except QuestionError as exc:
            raise ToolError(f"{exc.code}: {exc.message}") from exc
        return CallToolResult(
            content=[TextContent(type="text", text=cited_text(answer))], structured_content=answer.to_dict()
        )

    def sparql(self, query: str) -> SparqlToolResult:
        """Run a read-only query with the endpoint's safety rules."""
        try:
            operation = parse_operation(query)  # refuses updates, SERVICE and LOAD before anything runs
            graph_form = operation.result_kind == "graph"
            result = self.executor.query(operation, format="turtle" if graph_form else "json")
        except SparqlError as exc:
            raise ToolError(f"{exc.code}: {exc.message}") from exc
        out: SparqlToolResult = {"form": operation.form, "truncated": result.truncated}
        if graph_form:
            out["turtle"] = result.body.decode("utf-8")
        else:
            out.update(json.loads(result.body))
        return out

    def search_entities(self, text: str, limit: int = 10) -> SearchResult:
        """Find concepts by name."""
        return {"concepts": self._engine().search(text, limit)}

    def describe_entity(self, iri: str) -> ConceptDescription:
        """Describe a concept by IRI, or by a name that matches one concept exactly."""
        graph = self._engine()
        description = graph.describe(iri)
        if description is None and not _looks_like_iri(iri):
            best = graph.search(iri, 1)
            if best and best[0]["score"] >= 1.0:
                description = graph.describe(best[0]["iri"])
        if description is None:
            raise ToolError(f"no concept {iri!r} in the graph; find concepts and their IRIs with search_entities")
        return description


def _looks_like_iri(text: str) -> bool:
    return ":" in text and not any(ch.isspace() for ch in text)


# -- the server --------------------------------------------------------------------------------------------
def build_server(tools: GraphTools, *, name: str = "kgqa") -> MCPServer:
    """Make the MCP server that exposes a graph through the four tools (the caller runs it)."""
    server = MCPServer(name, instructions=INSTRUCTIONS, log_level="WARNING")

    @server.tool(annotations=READ_ONLY)
    def ask(
        question: Annotated[
            str,
            Field(description="A question in plain English, e.g. 'What does an AMI create?'", min_length=1),
        ],
        session: Annotated[
            str | None,
            Field(
                description="Optional id of the conversation. A follow-up in the same session can say "
                "'it' or 'they' for what the previous answer was about."
            ),
        ] = None,
    ) -> Annotated[CallToolResult, AskResult]:
        """Answer a question from the knowledge graph, citing the source sentences.

        Returns the answer text with numbered quotes of its sources (document and section), and as structured
        content the full answer: ranked answers with IRIs, confidence, the SPARQL it ran, the triples used and
        the sources. When the graph holds no answer it says so ("I don't know") instead of guessing.
        """
        return tools.ask(question, session)

    @server.tool(annotations=READ_ONLY)
    def sparql(
        query: Annotated[
            str,
            Field(
                description="A SPARQL 1.1 query (SELECT, ASK, CONSTRUCT or DESCRIBE) that declares the "
                "prefixes it uses. The default graph is the union of all graphs.",
                min_length=1,
            ),
        ],
    ) -> SparqlToolResult:
        """Run a read-only SPARQL query over the knowledge graph.

        SELECT and ASK return SPARQL 1.1 JSON results; CONSTRUCT and DESCRIBE return Turtle. Updates, SERVICE
        (federated queries) and LOAD are refused; a query is stopped at the deadline, and a result longer than
        the row cap is cut there (truncated: true).
        """
        return tools.sparql(query)

    @server.tool(annotations=READ_ONLY)
    def search_entities(
        text: Annotated[
            str,
            Field(
                description="A concept's name or part of it; misspellings and paraphrases are tolerated.",
                min_length=1,
            ),
        ],
        limit: Annotated[int, Field(description="How many concepts to return at most.", ge=1, le=50)] = 10,
    ) -> SearchResult:
        """Find concepts in the knowledge graph by name: exact, prefix, fuzzy, then by meaning.

        Returns the concepts best first, each with its IRI, label, aliases, a score and its definition. Pass
        an IRI to describe_entity for everything the graph says about it.
        """
        return tools.search_entities(text, limit)

    @server.tool(annotations=READ_ONLY)
    def describe_entity(
        iri: Annotated[
            str,
            Field(
                description="The concept's IRI (from search_entities or ask); an exact name works too.",
                min_length=1,
            ),
        ],
    ) -> ConceptDescription:
        """Describe one concept: its names, definition, types, relations both ways and source sentences."""
        return tools.describe_entity(iri)

    return server
