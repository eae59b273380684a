"""Test the HTTP API end to end: a real gunicorn on loopback over a store built from the bundled documents.

Every JSON response is checked against the service's own ``/openapi.json`` (:class:`Contract`), and a
bounded schemathesis run fuzzes the API from that description.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from jsonschema import Draft202012Validator
from prometheus_client.parser import text_string_to_metric_families
from rdflib import Graph, URIRef
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012
from schemathesis import GenerationMode
from schemathesis.specs.openapi.checks import negative_data_rejection, positive_data_acceptance
from servers import LiveService, no_traceback_logged

from kg.qa import MAX_QUESTION_CHARS
from service.openapi import spec

pytestmark = pytest.mark.slow

KG = "https://kgqa.dev/id/"
KGO = "https://kgqa.dev/ontology#"
AMI = KG + "amazon-machine-image"
EC2_INSTANCE = KG + "ec2-instance"
AMI_QUESTION = "What does an AMI create?"
AMI_SOURCE = {
    "document": "compute.md",
    "section": "Compute > Virtual machines > Amazon Machine Image (AMI)",
    "text": "An image creates an instance.",
}
AMI_CREATES_EC2 = {
    "subject": {"iri": AMI, "label": "Amazon Machine Image"},
    "predicate": {"iri": KGO + "creates", "label": "creates"},
    "object": {"iri": EC2_INSTANCE, "label": "EC2 instance"},
}


# -- fixtures and helpers -------------------------------------------------------------------------------
@pytest.fixture(scope="session")
def service(live_service: LiveService) -> LiveService:
    """The service under gunicorn, ready (every worker has loaded its engine)."""
    return live_service


@pytest.fixture(autouse=True)
def no_traceback_in_the_log(service: LiveService) -> Iterator[None]:
    """Fail a test whose requests made the service log a traceback (an unhandled error), whichever runs."""
    with no_traceback_logged(service.log):
        yield


class Contract:
    """Check responses against the OpenAPI description the service publishes."""

    def __init__(self, spec: dict[str, Any]):
        self.spec = spec
        resource = Resource.from_contents(spec, default_specification=DRAFT202012)
        self.registry = Registry().with_resource("urn:openapi", resource)

    def check(self, response: requests.Response, path: str, method: str) -> None:
        """Assert the status and media type are documented for the operation and the JSON body fits."""
        operation = self.spec["paths"][path][method.lower()]
        documented = operation["responses"].get(str(response.status_code))
        assert documented is not None, f"{method} {path} answered {response.status_code}, not documented"
        media = response.headers.get("Content-Type", "").split(";")[0].strip()
        content = documented.get("content", {})
        assert media in content, f"{method} {path} {response.status_code} answered {media}, not documented"
        schema = content[media].get("schema")
        if media == "application/json" and schema:
            self.validate(response.json(), schema)

    def validate(self, instance: Any, schema: dict[str, Any]) -> None:
        """Validate ``instance`` against a schema of the description (its $refs resolved there)."""
        rooted = json.loads(json.dumps(schema).replace('"#/components/', '"urn:openapi#/components/'))
        Draft202012Validator(rooted, registry=self.registry).validate(instance)


@pytest.fixture(scope="session")
def contract(service: LiveService) -> Contract:
    """The service's OpenAPI description, as a checker."""
    response = requests.get(service.url("/openapi.json"), timeout=10)
    assert response.status_code == 200
    return Contract(response.json())


def ask(service: LiveService, contract: Contract, payload: Any = None, **kwargs: Any) -> requests.Response:
    """POST to /api/ask (JSON ``payload``, or raw ``data=`` and ``headers=``) and check the contract."""
    if payload is not None:
        kwargs["json"] = payload
    response = requests.post(service.url("/api/ask"), timeout=60, **kwargs)
    contract.check(response, "/api/ask", "POST")
    return response


def assert_error(response: requests.Response, status: int, code: str) -> None:
    """Assert the one error shape, with this status and code and a message for people."""
    assert response.status_code == status, response.text
    assert response.headers["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    assert body["error"]["code"] == code
    assert isinstance(body["error"]["message"], str) and len(body["error"]["message"]) > 5


def sparql_select(service: LiveService, query: str) -> list[dict[str, Any]]:
    """Run a SELECT on the service's /sparql endpoint; return the JSON bindings."""
    response = requests.post(
        service.url("/sparql"),
        data={"query": query},
        headers={"Accept": "application/sparql-results+json"},
        timeout=30,
    )
    assert response.status_code == 200, response.text
    return response.json()["results"]["bindings"]


def metric_samples(service: LiveService) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    """Scrape /metrics; return every sample by (name, sorted labels)."""
    response = requests.get(service.url("/metrics"), timeout=10)
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/plain")
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(response.text)
        for sample in family.samples
    }


# -- readiness -------------------------------------------------------------------------------------------
def test_before_the_engine_loads_questions_answer_503_not_ready_while_healthz_is_ok(service: LiveService):
    assert service.early["healthz"].status_code == 200
    assert service.early["healthz"].json() == {"status": "ok"}
    for name in ("readyz", "ask"):
        assert_error(service.early[name], 503, "not_ready")
        assert service.early[name].headers["Retry-After"].isdigit()


def test_once_loaded_readyz_and_healthz_answer_200(service: LiveService, contract: Contract):
    ready = requests.get(service.url("/readyz"), timeout=10)
    contract.check(ready, "/readyz", "GET")
    assert ready.status_code == 200
    assert ready.json()["status"] == "ready" and ready.json()["engine_load_seconds"] > 0
    healthz = requests.get(service.url("/healthz"), timeout=10)
    contract.check(healthz, "/healthz", "GET")
    assert healthz.json() == {"status": "ok"}


# -- asking ----------------------------------------------------------------------------------------------
def test_ask_answers_from_the_graph_with_evidence_sources_and_sparql(service: LiveService, contract: Contract):
    response = ask(service, contract, {"question": AMI_QUESTION})
    assert response.status_code == 200
    body = response.json()
    assert body["question"] == AMI_QUESTION
    assert [(a["iri"], a["label"]) for a in body["answers"]] == [(EC2_INSTANCE, "EC2 instance")]
    assert "instance" in body["answers"][0]["aliases"]
    assert "EC2 instance" in body["answer"]
    assert 0.5 <= body["confidence"] <= 1.0
    assert AMI_CREATES_EC2 in body["evidence"]
    assert AMI_SOURCE in body["sources"]
    assert body["topics"][0]["iri"] == AMI
    assert isinstance(body["session"], str) and body["session"]  # minted, so follow-ups can send it back

    # The contract: the SPARQL runs as-is on /sparql and returns the answers.
    rows = sparql_select(service, body["sparql"])
    assert {value["value"] for row in rows for value in row.values()} == {EC2_INSTANCE}


def test_get_ask_answers_like_post_and_keeps_the_session(service: LiveService, contract: Contract):
    response = requests.get(service.url("/api/ask"), params={"q": AMI_QUESTION, "session": "s-42"}, timeout=60)
    contract.check(response, "/api/ask", "GET")
    assert response.status_code == 200
    posted = ask(service, contract, {"question": AMI_QUESTION, "session": "s-42"}).json()
    assert response.json() == posted
    assert posted["session"] == "s-42"


def test_the_sparql_of_a_definition_answer_runs_as_is(service: LiveService, contract: Contract):
    body = ask(service, contract, {"question": "What is EC2?"}).json()
    assert body["answers"]
    rows = sparql_select(service, body["sparql"])
    assert any(row.get("definition", {}).get("value") == body["answers"][0]["value"] for row in rows)


def test_a_question_the_graph_cannot_answer_abstains(service: LiveService, contract: Contract):
    body = ask(service, contract, {"question": "Who wrote Hamlet?"}).json()
    assert body["answers"] == []
    assert body["evidence"] == [] and body["sources"] == []
    assert body["confidence"] < 0.5
    assert "know" in body["answer"].lower()


def test_control_characters_inside_a_question_count_as_spaces(service: LiveService, contract: Contract):
    response = ask(service, contract, {"question": "What does an\x00 AMI\x07 create?\x1b"})
    assert response.status_code == 200
    assert [a["iri"] for a in response.json()["answers"]] == [EC2_INSTANCE]


BAD_ASKS = [
    pytest.param({"json": {"question": ""}}, 400, "empty_question", id="empty"),
    pytest.param({"json": {"question": " \t\n  "}}, 400, "empty_question", id="whitespace"),
    pytest.param({"json": {"question": "\x00\x01\x02\x7f"}}, 400, "empty_question", id="only-control-characters"),
    pytest.param({"json": {"question": "why " * 2500}}, 413, "question_too_long", id="10000-characters"),
    pytest.param({"json": {"question": 42}}, 400, "invalid_question", id="number"),
    pytest.param({"json": {"question": None}}, 400, "invalid_question", id="null"),
    pytest.param({"json": {"question": ["What is EC2?"]}}, 400, "invalid_question", id="list"),
    pytest.param({"json": {"q": "What is EC2?"}}, 400, "missing_question", id="no-question-field"),
    pytest.param({"json": ["What is EC2?"]}, 400, "invalid_body", id="array-body"),
    pytest.param({"json": {"question": "What is EC2?", "session": 7}}, 400, "invalid_session", id="bad-session"),
    pytest.param(
        {"json": {"question": "What is EC2?", "session": "s" * 500}},
        400,
        "invalid_session",
        id="long-session",
    ),
    pytest.param(
        {"data": b"What is EC2?", "headers": {"Content-Type": "application/json"}},
        400,
        "invalid_json",
        id="not-json",
    ),
    pytest.param(
        {"data": b'{"question": "What is', "headers": {"Content-Type": "application/json"}},
        400,
        "invalid_json",
        id="truncated-json",
    ),
    pytest.param({"data": b"", "headers": {"Content-Type": "application/json"}}, 400, "invalid_json", id="empty-body"),
    pytest.param(
        {"data": b'{"question": "\xff\xfe"}', "headers": {"Content-Type": "application/json"}},
        400,
        "invalid_json",
        id="invalid-utf8",
    ),
    pytest.param(
        {"data": b"What is EC2?", "headers": {"Content-Type": "text/plain"}},
        415,
        "unsupported_media_type",
        id="text",
    ),
    pytest.param({"data": {"question": "What is EC2?"}}, 415, "unsupported_media_type", id="form"),
    pytest.param({"data": b'{"question": "What is EC2?"}'}, 415, "unsupported_media_type", id="no-content-type"),
    pytest.param(
        {
            "data": b'{"question": "' + b"a" * (2 * 1024 * 1024) + b'"}',
            "headers": {"Content-Type": "application/json"},
        },
        413,
        "too_large",
        id="body-over-max-content-length",
    ),
]


@pytest.mark.parametrize(("request_kwargs", "status", "code"), BAD_ASKS)
def test_bad_questions_answer_the_json_error_shape(
    service: LiveService, contract: Contract, request_kwargs: dict, status: int, code: str
):
    assert_error(ask(service, contract, **request_kwargs), status, code)


@pytest.mark.parametrize(
    ("params", "status", "code"),
    [
        ({}, 400, "missing_question"),
        ({"q": ""}, 400, "empty_question"),
        ({"q": "x" * 2000}, 413, "question_too_long"),
    ],
)
def test_bad_get_questions_answer_the_json_error_shape(
    service: LiveService, contract: Contract, params: dict, status: int, code: str
):
    response = requests.get(service.url("/api/ask"), params=params, timeout=30)
    contract.check(response, "/api/ask", "GET")
    assert_error(response, status, code)


def test_wrong_method_and_unknown_api_paths_answer_json_errors(service: LiveService):
    assert_error(requests.delete(service.url("/api/ask"), timeout=10), 405, "method_not_allowed")
    assert_error(requests.get(service.url("/api/nothing-here"), timeout=10), 404, "not_found")


def test_the_question_limit_in_the_description_is_the_engines(contract: Contract):
    schema = contract.spec["components"]["schemas"]["AskRequest"]["properties"]["question"]
    assert f"longer than {MAX_QUESTION_CHARS} characters answers 413" in schema["description"]


# -- concepts --------------------------------------------------------------------------------------------
def test_search_finds_concepts_by_acronym_and_respects_the_limit(service: LiveService, contract: Contract):
    response = requests.get(service.url("/api/entities"), params={"q": "AMI", "limit": 3}, timeout=30)
    contract.check(response, "/api/entities", "GET")
    body = response.json()
    assert body["query"] == "AMI"
    assert body["results"][0]["iri"] == AMI
    assert body["results"][0]["score"] == 1.0
    assert 1 <= len(body["results"]) <= 3
    one = requests.get(service.url("/api/entities"), params={"q": "instance", "limit": 1}, timeout=30).json()
    assert len(one["results"]) == 1


@pytest.mark.parametrize(
    ("params", "code"),
    [
        ({}, "missing_parameter"),
        ({"q": "ec2", "limit": "0"}, "invalid_limit"),
        ({"q": "ec2", "limit": "many"}, "invalid_limit"),
        # Answered by the service, not by gunicorn's 414: any q the description allows fits a request line.
        ({"q": "ec2 " * 51}, "query_too_long"),
    ],
)
def test_search_rejects_bad_parameters(service: LiveService, contract: Contract, params: dict, code: str):
    response = requests.get(service.url("/api/entities"), params=params, timeout=10)
    contract.check(response, "/api/entities", "GET")
    assert_error(response, 400, code)


def test_search_for_nothing_finds_nothing(service: LiveService):
    assert requests.get(service.url("/api/entities"), params={"q": "  "}, timeout=10).json()["results"] == []


@pytest.mark.parametrize(
    "identifier",
    [
        "amazon-machine-image",
        "kg:amazon-machine-image",
        "https%3A%2F%2Fkgqa.dev%2Fid%2Famazon-machine-image",
        AMI,
    ],
)
def test_describe_a_concept_by_local_name_prefixed_name_or_iri(
    service: LiveService, contract: Contract, identifier: str
):
    response = requests.get(service.url(f"/api/entities/{identifier}"), timeout=30)
    contract.check(response, "/api/entities/{id}", "GET")
    body = response.json()
    assert body["iri"] == AMI and body["label"] == "Amazon Machine Image"
    assert "AMI" in body["aliases"]
    outgoing = {(r["predicate"]["iri"], r["object"]["iri"]) for r in body["outgoing"]}
    assert (KGO + "creates", EC2_INSTANCE) in outgoing
    assert AMI_SOURCE in body["sources"]


def test_describe_an_ontology_term_and_an_unknown_concept(service: LiveService, contract: Contract):
    term = requests.get(service.url("/api/entities/kgo:OrchestrationService"), timeout=30)
    contract.check(term, "/api/entities/{id}", "GET")
    assert term.json()["iri"] == KGO + "OrchestrationService"
    assert KG + "amazon-elastic-container-service" in {r["subject"]["iri"] for r in term.json()["incoming"]}
    missing = requests.get(service.url("/api/entities/no-such-concept"), timeout=10)
    contract.check(missing, "/api/entities/{id}", "GET")
    assert_error(missing, 404, "not_found")


# -- dereferencing concept IRIs ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("accept", "media", "rdf_format"),
    [
        ("text/turtle", "text/turtle", "turtle"),
        ("application/ld+json", "application/ld+json", "json-ld"),
        ("application/n-triples", "application/n-triples", "nt"),
        ("*/*", "text/turtle", "turtle"),
        ("", "text/turtle", "turtle"),  # no Accept header: anything goes
    ],
)
def test_a_concept_iri_gives_rdf_clients_its_triples(
    service: LiveService, contract: Contract, accept: str, media: str, rdf_format: str
):
    headers = {"Accept": accept} if accept else {"Accept": None}  # None: requests sends no Accept at all
    response = requests.get(service.url("/id/amazon-machine-image"), headers=headers, timeout=30)
    contract.check(response, "/id/{local}", "GET")
    assert response.status_code == 200
    assert response.headers["Content-Type"].split(";")[0] == media
    assert "Accept" in response.headers["Vary"]
    graph = Graph().parse(data=response.text, format=rdf_format)
    assert (URIRef(AMI), URIRef(KGO + "creates"), URIRef(EC2_INSTANCE)) in graph  # its own triples
    assert (
        URIRef(EC2_INSTANCE),
        URIRef(KGO + "isCreatedFrom"),
        URIRef(AMI),
    ) in graph  # and those pointing at it


def test_a_concept_iri_gives_browsers_its_page(service: LiveService):
    browser_accept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    response = requests.get(service.url("/id/amazon-machine-image"), headers={"Accept": browser_accept}, timeout=30)
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/html")
    page = response.text
    assert '<h1 id="concept-title">Amazon Machine Image</h1>' in page
    assert "An image creates an instance." in page
    assert 'href="/id/ec2-instance"' in page
    # ?format= overrides Accept, for links.
    turtle = requests.get(
        service.url("/id/amazon-machine-image?format=turtle"), headers={"Accept": browser_accept}, timeout=30
    )
    assert turtle.headers["Content-Type"].startswith("text/turtle")


def test_unknown_iris_and_unacceptable_types_are_refused(service: LiveService, contract: Contract):
    rdf = requests.get(service.url("/id/no-such-thing"), headers={"Accept": "text/turtle"}, timeout=10)
    contract.check(rdf, "/id/{local}", "GET")
    assert_error(rdf, 404, "not_found")
    page = requests.get(service.url("/id/no-such-thing"), headers={"Accept": "text/html"}, timeout=10)
    assert page.status_code == 404 and page.headers["Content-Type"].startswith("text/html")
    image = requests.get(service.url("/id/amazon-machine-image"), headers={"Accept": "image/png"}, timeout=10)
    contract.check(image, "/id/{local}", "GET")
    assert_error(image, 406, "not_acceptable")


def test_statement_iris_and_the_ontology_dereference_too(service: LiveService):
    rows = sparql_select(
        service,
        f"SELECT ?st WHERE {{ ?st <http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> <{AMI}> ; "
        f'<{KGO}quote> "An image creates an instance." }} LIMIT 1',
    )
    statement = rows[0]["st"]["value"]
    assert statement.startswith(KG)
    page = requests.get(service.url("/id/" + statement[len(KG) :]), headers={"Accept": "text/html"}, timeout=30)
    assert page.status_code == 200 and "An image creates an instance." in page.text
    vocabulary = requests.get(service.url("/ontology"), headers={"Accept": "text/turtle"}, timeout=30)
    graph = Graph().parse(data=vocabulary.text, format="turtle")
    assert (URIRef(KGO + "Location"), None, None) in graph
    assert all(str(s).startswith(KGO) for s in graph.subjects())


# -- observability ---------------------------------------------------------------------------------------
def test_metrics_count_requests_latency_and_answers_across_workers(service: LiveService, contract: Contract):
    ask_200 = ("kg_http_requests_total", (("endpoint", "/api/ask"), ("method", "POST"), ("status", "200")))
    ask_400 = ("kg_http_requests_total", (("endpoint", "/api/ask"), ("method", "POST"), ("status", "400")))
    latency = ("kg_http_request_duration_seconds_count", (("endpoint", "/api/ask"),))
    answered = ("kg_questions_total", (("outcome", "answered"),))
    abstained = ("kg_questions_total", (("outcome", "abstained"),))
    before = metric_samples(service)
    for question in (AMI_QUESTION, "What is EC2?", "Who wrote Hamlet?", "What does an AMI create?"):
        assert ask(service, contract, {"question": question}).status_code == 200
    assert ask(service, contract, {"question": ""}).status_code == 400
    after = metric_samples(service)
    assert after[ask_200] - before.get(ask_200, 0) == 4  # summed over both workers, whichever answered
    assert after[ask_400] - before.get(ask_400, 0) == 1
    assert after[latency] - before.get(latency, 0) == 5
    assert after[answered] - before[answered] == 3
    assert after[abstained] - before[abstained] == 1
    assert ("kg_sparql_timeouts_total", ()) in after
    # Unknown paths share one label, so scanners cannot grow the series without bound.
    requests.get(service.url("/wp-admin/setup.php"), timeout=10)
    final = metric_samples(service)
    assert any(name == "kg_http_requests_total" and ("endpoint", "unmatched") in labels for name, labels in final)
    assert not any("wp-admin" in value for _, labels in final for _, value in labels)


def test_every_request_is_logged_as_one_json_line(service: LiveService):
    start = service.log.stat().st_size
    requests.get(service.url("/api/entities"), params={"q": "log-marker"}, timeout=30)
    with service.log.open("rb") as log:  # only what this request added: earlier lines prove nothing of it
        log.seek(start)
        lines = [line for line in log.read().decode(errors="replace").splitlines() if line.startswith("{")]
    entries = [json.loads(line) for line in lines]
    mine = [e for e in entries if e["path"] == "/api/entities"]
    assert len(mine) == 1, f"not one access log line for this request: {lines}"
    (entry,) = mine
    assert entry["method"] == "GET" and entry["status"] == 200 and entry["remote"] == "127.0.0.1"
    assert isinstance(entry["duration_ms"], int | float) and entry["duration_ms"] >= 0
    assert re.match(r"\d{4}-\d\d-\d\dT", entry["time"])


# -- the description and its docs ------------------------------------------------------------------------
def test_the_description_covers_the_api_and_the_docs_page_renders_it(service: LiveService, contract: Contract):
    spec = contract.spec
    assert spec["openapi"].startswith("3.1")
    for path in ("/api/ask", "/api/entities", "/api/entities/{id}", "/healthz", "/readyz", "/sparql"):
        assert path in spec["paths"]
    assert spec["components"]["schemas"]["Error"]["required"] == ["error"]
    docs = requests.get(service.url("/docs"), timeout=10)
    assert docs.status_code == 200 and docs.headers["Content-Type"].startswith("text/html")
    for operation in ("ask", "searchEntities", "describeEntity", "sparqlQuery", "readyz"):
        assert f'id="{operation}"' in docs.text
    # Offline: whatever the page makes a browser fetch (scripts, styles, icons, images, frames) is its own.
    fetched = re.findall(r'<(?:script|link|img|iframe|source)\b[^>]*?\s(?:src|href)="([^"]*)"', docs.text)
    assert fetched and [url for url in fetched if urlsplit(url).scheme or urlsplit(url).netloc] == []


# -- fuzzing from the description ------------------------------------------------------------------------
def can_be_invalid(operation: dict[str, Any]) -> bool:
    """Tell whether a request can break an operation's description, so there is an invalid one to send.

    It can with a body, or with a query parameter that is required (leave it out) or constrained (break
    the constraint); a path parameter that is any non-empty string cannot be broken and still be the path.
    """
    if "requestBody" in operation:
        return True
    for parameter in operation.get("parameters", []):
        schema = parameter.get("schema", {})
        constrained = set(schema) & {"enum", "minimum", "maximum", "minLength", "maxLength", "pattern"}
        if parameter["in"] != "path" and (
            parameter.get("required") or constrained or schema.get("type") in ("integer", "number", "boolean")
        ):
            return True
    return False


FUZZED = [
    pytest.param(path, method.upper(), mode, id=f"{name}-{method.upper()} {path}")
    for path, methods in spec()["paths"].items()
    for method, operation in methods.items()
    for mode, name in ((GenerationMode.POSITIVE, "valid"), (GenerationMode.NEGATIVE, "invalid"))
    if mode is GenerationMode.POSITIVE or can_be_invalid(operation)
]


@pytest.fixture(scope="session")
def api_schema(service: LiveService) -> Any:
    """The OpenAPI description as schemathesis reads it from the running service.

    A GET longer than gunicorn's request line (8190 bytes) is refused by gunicorn with 414 before the app
    sees it, as the description documents. A question may be 1,000 characters, 12 KB percent-encoded, so
    no length bound can keep an invalid GET /api/ask (a bad session beside a long question) under the
    line: 414 counts as refusing it, beside schemathesis's own list of refusals.
    """
    from schemathesis.config import ChecksConfig, SchemathesisConfig

    statuses = [*ChecksConfig().negative_data_rejection.expected_statuses, "414"]
    config = SchemathesisConfig.from_dict({"checks": {"negative_data_rejection": {"expected-statuses": statuses}}})
    return schemathesis.openapi.from_url(service.url("/openapi.json"), config=config)


@pytest.mark.parametrize(("path", "method", "mode"), FUZZED)
def test_fuzzed_requests_get_documented_answers(api_schema: Any, path: str, method: str, mode: GenerationMode):
    """Send requests generated from the description: documented statuses, types and bodies, no 500s.

    Valid requests may still be refused (400): a schema cannot say "not only spaces" or "well-formed
    SPARQL", so schemathesis's positive-data-acceptance check is left out. Invalid ones must get a 4xx;
    they are sent only where the description leaves room for one (:func:`can_be_invalid`).
    """
    operation = api_schema[path][method]
    excluded = [positive_data_acceptance]
    if (path, method) == ("/sparql", "GET"):
        # Without ?query= the endpoint answers its service description and, as the SPARQL Protocol has
        # it, ignores the other parameters; schemathesis would call "named-graph-uri=true" invalid.
        excluded.append(negative_data_rejection)

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=25, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    def fuzz(case: Any) -> None:
        case.call_and_validate(timeout=30, excluded_checks=excluded)

    try:
        fuzz()
    except Unsatisfiable:  # can_be_invalid promised an invalid request: a skip here would hide the gap
        pytest.fail(f"schemathesis found no request to send for {method} {path} in {mode.name} mode")
