"""Read the W3C SPARQL 1.1 Protocol and Graph Store Protocol tests and run them against a service.

The suites are in ``../shared/benchmarks/w3c-sparql11`` (beside the project, as the other benchmarks);
each test is a list of HTTP requests, run in order, with the status and content each response must have.
"""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import requests
from rdflib import RDF, Graph, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.compare import isomorphic

SUITE = Path(__file__).resolve().parents[2] / "shared/benchmarks/w3c-sparql11/sparql11"
PROTOCOL = SUITE / "protocol"
GRAPH_STORE = SUITE / "graph-store-protocol"

MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
CNT = Namespace("http://www.w3.org/2011/content#")
UT = Namespace("http://www.w3.org/2009/sparql/tests/test-update#")
HTS = "http://www.w3.org/2011/http-statusCodes#"
TABULAR = (
    "application/sparql-results+json",
    "application/sparql-results+xml",
    "text/csv",
    "text/tab-separated-values",
)
RDF_TYPES = ("application/rdf+xml", "text/turtle", "application/n-triples")
#: The Graph Store Protocol's named statuses; "OK" is any success without a new graph, as the protocol
#: lets a server answer 200 or 204 to a PUT, POST or DELETE of an existing graph (sections 5.3 to 5.5).
NAMED_STATUSES = {"OK": {200, 204}, "Created": {201}, "NoContent": {204}, "NotFound": {404}}
#: What the service does not do: the graph store creating a graph's IRI for a POST to the endpoint.
UNSUPPORTED = {MF.POSTGraphCreation}


def _manifest(path: Path) -> Graph:
    return Graph().parse(path, format="turtle")


def protocol_graph_data() -> set[tuple[str, Path]]:
    """Return the (graph name, N-Triples file) pairs the protocol tests expect in the store."""
    if not PROTOCOL.exists():
        return set()
    manifest = _manifest(PROTOCOL / "manifest.ttl")
    return {
        (
            str(manifest.value(data, URIRef("http://www.w3.org/2000/01/rdf-schema#label"))),
            PROTOCOL / Path(str(manifest.value(data, UT.graph))).name,
        )
        for data in manifest.objects(None, UT.graphData)
    }


def _steps(manifest: Graph, test: URIRef) -> list[dict]:
    action = manifest.value(test, MF.action)
    steps = []
    for request in Collection(manifest, manifest.value(action, HT.requests)):
        headers = {}
        header_list = manifest.value(request, HT.headers)
        for header in Collection(manifest, header_list) if header_list else ():
            headers[str(manifest.value(header, HT.fieldName))] = str(manifest.value(header, HT.fieldValue))
        body = manifest.value(request, HT.body)
        data = None
        if body is not None:
            encoding = str(manifest.value(body, CNT.characterEncoding) or "UTF-8")
            data = str(manifest.value(body, CNT.chars)).encode(encoding.lower().replace("utf-16", "utf-16-le"))
        response = manifest.value(request, HT.resp)
        expected_body = manifest.value(response, HT.body)
        steps.append(
            {
                "method": str(manifest.value(request, HT.methodName)),
                "path": str(manifest.value(request, HT.absolutePath)),
                "headers": headers,
                "data": data,
                # hts:StatusCode2xx and the like, or hts:Created and the like
                "status": {str(s)[len(HTS) :] for s in manifest.objects(response, MF.expectedStatus)},
                "boolean": manifest.value(response, MF.expectedBoolean),
                "format": manifest.value(response, MF.expectedFormat),
                "body": None if expected_body is None else str(manifest.value(expected_body, CNT.chars)),
            }
        )
    return steps


def _entries(path: Path) -> tuple[Graph, list[URIRef]]:
    manifest = _manifest(path)
    (root,) = manifest.subjects(RDF.type, MF.Manifest)
    return manifest, list(Collection(manifest, manifest.value(root, MF.entries)))


def protocol_tests(required: bool = False) -> list[tuple[str, list[dict]]]:
    """Return the SPARQL 1.1 Protocol tests as (name, steps); none when the suite is absent, or an error
    when ``required``."""
    if not PROTOCOL.exists():
        if required:
            raise FileNotFoundError(f"the W3C SPARQL 1.1 Protocol tests are not at {PROTOCOL} (../shared/benchmarks)")
        return []
    manifest, entries = _entries(PROTOCOL / "manifest.ttl")
    return [(str(test).rsplit("#", 1)[1], _steps(manifest, test)) for test in entries]


def graph_store_tests() -> tuple[list[tuple[str, list[dict]]], list[str]]:
    """Return the Graph Store Protocol tests with indirect graph identification (``?graph=``), as
    (name, steps), and the names of those left out because they need a feature the service lacks."""
    if not GRAPH_STORE.exists():
        return [], []
    manifest, entries = _entries(GRAPH_STORE / "manifest-indirect.ttl")
    tests, left_out = [], []
    for test in entries:
        name = str(test).rsplit("#", 1)[1]
        if set(manifest.objects(test, MF.requires)) & UNSUPPORTED:
            left_out.append(name)
        else:
            tests.append((name, _steps(manifest, test)))
    return tests, left_out


def is_update(steps: list[dict]) -> bool:
    """Tell whether a protocol test sends an update (it then needs a server that takes them)."""
    return any(
        "update" in s["path"]
        or "sparql-update" in s["headers"].get("content-type", "")
        or (s["data"] or b"").startswith(b"update=")
        for s in steps
    )


def run_steps(name: str, steps: list[dict], base: str, headers: dict[str, str], gsp_path: str = "") -> None:
    """Send each step's request to the service at ``base``; assert its status and content.

    ``gsp_path`` replaces the Graph Store tests' ``/gsp`` prefix (the service's is ``/sparql/graph``).
    """
    for step in steps:
        path = step["path"]
        if gsp_path and path.startswith("/gsp"):
            path = gsp_path + path[len("/gsp") :]
        sent = {**step["headers"], **headers}
        response = requests.request(step["method"], base + path, data=step["data"], headers=sent, timeout=60)
        _check_status(name, step, response)
        media = response.headers.get("Content-Type", "").split(";")[0]
        if step["format"] is not None and str(step["format"]) == "boolean":
            assert media in ("application/sparql-results+json", "application/sparql-results+xml")
            value = (
                json.loads(response.text)["boolean"] if "json" in media else "<boolean>true</boolean>" in response.text
            )
            assert step["boolean"] is None or value is step["boolean"].toPython()
        elif step["format"] is not None and str(step["format"]) == "tabular":
            assert media in TABULAR
        elif step["format"] is not None and str(step["format"]) == "RDF":
            assert media in RDF_TYPES
            ox.parse(response.content, format=ox.RdfFormat.from_media_type(media))
        if step["body"] is not None and step["method"] != "HEAD":
            expected = Graph().parse(data=step["body"], format="turtle")
            got = Graph().parse(data=response.text, format=media)
            assert isomorphic(got, expected), f"{name}: {path} answered\n{response.text}"


def _check_status(name: str, step: dict, response: requests.Response) -> None:
    allowed: set[int] = set()
    for status in step["status"]:
        if status.startswith("StatusCode"):  # a class: StatusCode2xx
            allowed |= set(range(int(status[len("StatusCode")]) * 100, int(status[len("StatusCode")]) * 100 + 100))
        else:
            allowed |= NAMED_STATUSES[status]
    where = f"{name}: {step['method']} {step['path']}"
    assert response.status_code in allowed, f"{where}: {response.status_code} {response.text}"
