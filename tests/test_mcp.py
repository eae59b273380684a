"""Drive ``kg mcp`` with the ``mcp`` SDK's own client over stdio: list the tools, call each one."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path

import anyio
import pytest
from mcp import Client, StdioServerParameters
from servers import Listener, clean_env, find_executable, free_port, running, wait_until_answers

from kg.build import build
from kg.namespaces import data_dir

pytestmark = [pytest.mark.slow, pytest.mark.anyio]

EKS = "https://kgqa.dev/id/amazon-elastic-kubernetes-service"
RDFS = "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"


@pytest.fixture(scope="module")
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("mcp")
    build(None, [], store_path=root / "store")
    return root


@pytest.fixture(scope="module")
async def client(store: Path) -> AsyncIterator[Client]:
    """Start ``kg mcp --store DIR`` as a subprocess and keep one client session to it for the module."""
    params = StdioServerParameters(
        command=find_executable("kg"),
        args=["mcp", "--store", str(store / "store")],
        env=clean_env({"KG_CACHE_DIR": str(store / "cache")}),
    )
    async with Client(params, read_timeout_seconds=120) as session:
        yield session


async def call(client: Client, tool: str, arguments: dict) -> tuple[str, dict | None, bool]:
    """Call a tool; return its text, its structured content and whether it failed."""
    result = await client.call_tool(tool, arguments)
    text = "\n".join(block.text for block in result.content if block.type == "text")
    return text, result.structured_content, result.is_error


async def test_lists_four_read_only_tools_with_described_schemas(client: Client) -> None:
    tools = {tool.name: tool for tool in (await client.list_tools()).tools}
    assert set(tools) == {"ask", "sparql", "search_entities", "describe_entity"}
    required = {
        "ask": ["question"],
        "sparql": ["query"],
        "search_entities": ["text"],
        "describe_entity": ["iri"],
    }
    for name, tool in tools.items():
        assert len(tool.description) > 60, name
        assert tool.annotations.read_only_hint is True, name
        schema = tool.input_schema
        assert schema["type"] == "object" and schema["required"] == required[name], name
        for prop, spec in schema["properties"].items():
            assert spec.get("description"), f"{name}.{prop} has no description"
        assert tool.output_schema and tool.output_schema["type"] == "object", name
    assert tools["search_entities"].input_schema["properties"]["limit"]["maximum"] == 50
    assert set(tools["ask"].output_schema["required"]) >= {"answer", "answers", "sources", "sparql"}


async def test_ask_answers_with_cited_sources(client: Client) -> None:
    text, answer, failed = await call(client, "ask", {"question": "Which terms does ECS use?"})
    assert not failed
    assert {a["label"] for a in answer["answers"]} == {"container instance", "task"}
    assert text.startswith(answer["answer"] + " [1]")
    assert answer["sources"]
    for source in answer["sources"]:
        assert source["document"] == "compute.md"
        assert source["text"] in text
    # The SPARQL behind the answer runs on the sparql tool and finds the same concepts.
    _, rows, failed = await call(client, "sparql", {"query": answer["sparql"]})
    assert not failed
    found = {cell["value"] for row in rows["results"]["bindings"] for cell in row.values()}
    assert found == {a["iri"] for a in answer["answers"]}


async def test_ask_follows_up_within_a_session_and_abstains_when_unknown(client: Client) -> None:
    await call(client, "ask", {"question": "What is EKS?", "session": "mcp-test"})
    _, follow_up, _ = await call(client, "ask", {"question": "What does it orchestrate?", "session": "mcp-test"})
    assert [a["label"] for a in follow_up["answers"]] == ["container"]
    text, unknown, failed = await call(client, "ask", {"question": "What is the capital of France?"})
    assert not failed and unknown["answers"] == []
    assert text.startswith("I don't know") and "[1]" not in text


async def test_ask_refuses_an_empty_question(client: Client) -> None:
    text, _, failed = await call(client, "ask", {"question": " \t "})
    assert failed and "empty_question" in text


async def test_sparql_runs_queries_and_marks_truncation(client: Client) -> None:
    query = RDFS + f"SELECT ?label WHERE {{ <{EKS}> rdfs:label ?label }}"
    text, result, failed = await call(client, "sparql", {"query": query})
    assert not failed
    assert result["form"] == "SELECT" and result["truncated"] is False
    assert result["results"]["bindings"] == [
        {"label": {"type": "literal", "value": "Amazon Elastic Kubernetes Service"}}
    ]
    assert json.loads(text) == result  # the text block is the same result, for clients without structure
    _, asked, _ = await call(client, "sparql", {"query": f"ASK {{ <{EKS}> ?p ?o }}"})
    assert asked["boolean"] is True
    _, graph, _ = await call(client, "sparql", {"query": RDFS + f"CONSTRUCT WHERE {{ <{EKS}> rdfs:label ?l }}"})
    assert graph["form"] == "CONSTRUCT" and '"Amazon Elastic Kubernetes Service"' in graph["turtle"]
    # The row cap (1000 by default for MCP) cuts long results and says so.
    _, many, _ = await call(client, "sparql", {"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert many["truncated"] is True and len(many["results"]["bindings"]) == 1000


STORE_SIZE = "SELECT (COUNT(*) AS ?quads) (COUNT(DISTINCT ?g) AS ?graphs) WHERE { GRAPH ?g { ?s ?p ?o } }"


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("SELECT * WHERE { SERVICE <{url}> { ?s ?p ?o } }", "service_refused"),
        (
            "INSERT DATA { <http://example.org/a> <http://example.org/b> <http://example.org/c> }",
            "update_refused",
        ),
        ("DROP ALL", "update_refused"),
        ("CLEAR GRAPH <https://kgqa.dev/graph/ontology>", "update_refused"),
        ("LOAD <{url}>", "load_refused"),
        ("SELECT * WHERE { ?s ?p }", "malformed_query"),
    ],
)
async def test_sparql_refuses_what_the_endpoint_refuses(
    client: Client, listener: Listener, query: str, code: str
) -> None:
    _, before, _ = await call(client, "sparql", {"query": STORE_SIZE})
    text, _, failed = await call(client, "sparql", {"query": query.replace("{url}", listener.url)})
    assert failed and code in text
    # Nothing was written or removed: every graph still holds every quad it held. The count runs in a query
    # worker, which sees the store's directory as it was up to a second ago: wait that long first.
    await anyio.sleep(1.1)
    _, after, _ = await call(client, "sparql", {"query": STORE_SIZE})
    assert after["results"]["bindings"] == before["results"]["bindings"]
    assert int(before["results"]["bindings"][0]["quads"]["value"]) > 1000
    assert not listener.wait_for_connection(0.2)  # and nothing was fetched from elsewhere


async def test_search_entities_finds_concepts_by_partial_and_misspelt_names(client: Client) -> None:
    _, found, failed = await call(client, "search_entities", {"text": "kubernetes servce", "limit": 3})
    assert not failed
    assert len(found["concepts"]) <= 3
    assert EKS in [c["iri"] for c in found["concepts"]]
    _, exact, _ = await call(client, "search_entities", {"text": "EKS"})
    assert exact["concepts"][0]["iri"] == EKS and exact["concepts"][0]["score"] == 1.0
    text, _, failed = await call(client, "search_entities", {"text": "EKS", "limit": 500})
    assert failed and "limit" in text  # the schema's maximum is enforced


async def test_describe_entity_gathers_what_the_graph_says(client: Client) -> None:
    _, described, failed = await call(client, "describe_entity", {"iri": EKS})
    assert not failed
    assert described["label"] == "Amazon Elastic Kubernetes Service" and "EKS" in described["aliases"]
    relations = {(r["predicate"]["label"], r["object"]["label"]) for r in described["outgoing"]}
    assert ("is based on", "Kubernetes") in relations
    assert any(s["document"] == "compute.md" for s in described["sources"])
    _, by_name, _ = await call(client, "describe_entity", {"iri": "EKS"})
    assert by_name["iri"] == EKS
    text, _, failed = await call(client, "describe_entity", {"iri": "https://example.org/nothing"})
    assert failed and "search_entities" in text


async def test_streamable_http_serves_a_graph_built_from_documents(tmp_path: Path) -> None:
    port = free_port()
    log = tmp_path / "mcp.log"
    command = [find_executable("kg"), "mcp", "--docs", str(data_dir() / "docs"), "--transport", "http"]
    command += ["--port", str(port)]
    env = clean_env({"KG_CACHE_DIR": str(tmp_path / "cache")})
    with running(command, log, env) as server:
        wait_until_answers(f"http://127.0.0.1:{port}/mcp", server, seconds=60)
        async with Client(f"http://127.0.0.1:{port}/mcp", read_timeout_seconds=120) as http:
            assert len((await http.list_tools()).tools) == 4
            text, answer, failed = await call(http, "ask", {"question": "What is EKS?"})
            assert not failed and answer["answers"][0]["iri"] == EKS and "compute.md" in text
            _, rows, failed = await call(http, "sparql", {"query": f"ASK {{ <{EKS}> ?p ?o }}"})
            assert not failed and rows["boolean"] is True
    assert "Traceback" not in log.read_text(errors="replace")
