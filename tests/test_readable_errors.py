"""Test the errors people read and what they see: SPARQL syntax errors in words, ``SELECT *`` columns in the
query's order, the site's own error pages, and a keyboard focus ring that shows on every graph node.

The SPARQL errors are checked on the library (a real pyoxigraph store, its worker processes), a real
``oxigraph serve`` behind the remote store, the ``kg sparql`` command and the service under gunicorn (the
live service the API and page tests share); the focus ring in a real headless Chromium.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from xml.dom.minidom import parseString

import pytest
import requests
from browser import headless_chromium, require_chromium
from click.testing import CliRunner
from flask import Flask
from rdflib import Graph, Literal, Namespace, URIRef
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait
from servers import LiveService
from SPARQLWrapper import JSON, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from kg.sparql import SparqlError, SparqlExecutor
from kg.store import open_store
from service import concepts, openapi, pages
from service.cli import main
from service.errors import register_error_handlers

EX = Namespace("http://example.org/")
#: What a parser's raw message has and a readable one must not: its character classes and token lists.
TOKEN_DUMP = re.compile(r"\\u\{|\.\.=|expected one of|\[_\]")

# (query, line, column, the text there, words of the hint)
MALFORMED = [
    pytest.param("SELECT * WHERE { ?s ?p ?o", 1, 26, "?o", "the '{' at 1:16 is never closed", id="missing-brace"),
    pytest.param(
        "SELECT ?s WHERE {\n  ?s ?p ?o\n", 2, 11, "?o", "the '{' at 1:17 is never closed", id="missing-brace-lines"
    ),
    pytest.param("SELECT ?x WHERE { ?x ?p ?o } LIMT 5", 1, 30, "LIMT", "did you mean LIMIT?", id="bad-keyword"),
    pytest.param("SELEC ?s WHERE { ?s ?p ?o }", 1, 1, "SELEC", "did you mean SELECT?", id="bad-query-form"),
    pytest.param(
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\nSELECT ?s WHERE {\n  ?s a nope:Thing }",
        3,
        8,
        "nope:Thing",
        "unknown prefix 'nope:'",
        id="unknown-prefix",
    ),
    pytest.param(
        "SELECT * WHERE {\n  ?s ?p 'open }", 2, 9, "'open }", "this string is never closed", id="unterminated-string"
    ),
    pytest.param(
        "SELECT * WHERE {\n  ?s ?p }",
        2,
        9,
        "}",
        "the triple pattern '?s ?p' needs an object (a variable, IRI or literal)",
        id="missing-object",
    ),
    pytest.param(
        "SELECT ?x WHERE {\n  ?x ?p ?o .\n  FILTER(?o = )\n}", 3, 13, "=", "'=' needs a value after it", id="operand"
    ),
    pytest.param(
        "SELECT ?x WHERE {\n  ?x ?p ?o\n  FILTER(?o > 1\n}",
        4,
        1,
        "}",
        "')' is needed first, to close the '(' at 3:9",
        id="unclosed-paren",
    ),
    pytest.param(
        "SELECT ?x WHERE { ?x <http://example.org/p ?o }", 1, 22, "<http://example.org/p", "not closed", id="iri"
    ),
    pytest.param("SELECT WHERE { ?s ?p ?o }", 1, 1, "SELECT", "SELECT needs '*' or the variables", id="no-variables"),
    pytest.param("SELECT (COUNT(?s) ?n) WHERE { ?s ?p ?o }", 1, 8, "(", "(expression AS ?name)", id="no-as"),
    pytest.param("SELECT ?s WHERE { ?s ?p ?o FILTER(FOO(?o)) }", 1, 35, "FOO", "not a SPARQL function", id="function"),
    pytest.param("SELECT ?x WHERE (?x ?p ?o)", 1, 17, "(", "expected '{'", id="parser-list-summarised"),
]


@pytest.fixture(scope="module")
def executor() -> Iterator[SparqlExecutor]:
    """A real executor over an in-memory store with a few triples (its queries run in worker processes)."""
    store = open_store(None)
    graph = Graph()
    graph.add((EX.ami, EX.creates, EX.instance))
    graph.add((EX.ami, EX.label, Literal("AMI")))
    store.replace_graph(URIRef("https://kgqa.dev/graph/test"), graph)
    executor = SparqlExecutor(store, workers=1)
    yield executor
    executor.close()


# -- the library ------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("query", "line", "column", "near", "hint"), MALFORMED)
def test_a_syntax_error_says_where_near_what_and_how_to_fix_it(executor, query, line, column, near, hint):
    with pytest.raises(SparqlError) as bad:
        executor.query(query)
    error = bad.value
    assert (error.code, error.line, error.column, error.near) == ("malformed_query", line, column, near)
    assert hint in error.hint
    assert error.message.startswith(f"error at {line}:{column} ") and error.message.endswith(error.hint)
    assert f"'{near}'" in error.message
    assert not TOKEN_DUMP.search(error.message) and len(error.message) < 160
    assert set(error.fields()) <= {"line", "column", "near", "hint", "detail"}


def test_the_parsers_own_message_is_kept_for_tools(executor):
    with pytest.raises(SparqlError) as bad:
        executor.query("SELECT * WHERE { ?s ?p ?o")
    assert bad.value.detail.startswith("error at 1:26: expected one of")  # Oxigraph's, word for word
    assert TOKEN_DUMP.search(bad.value.detail)
    assert not TOKEN_DUMP.search(bad.value.message)


def test_a_misspelt_keyword_is_found_even_where_the_parser_reports_the_end(executor):
    # Oxigraph stops at the end of this query (1:36); the mistake is the word at 1:30.
    with pytest.raises(SparqlError) as bad:
        executor.query("SELECT ?x WHERE { ?x ?p ?o } LIMT 5")
    assert bad.value.detail.startswith("error at 1:36")
    assert (bad.value.line, bad.value.column) == (1, 30)


def test_valid_spellings_are_not_blamed(executor):
    # Keywords run together (Oxigraph takes them) and exponents are no unknown words; the real mistake is.
    with pytest.raises(SparqlError) as bad:
        executor.query("SELECT ?x WHERE { ?x ?p ?o FILTER(?o > 1e10) } ORDERBY ?x LIMT 1")
    assert bad.value.near == "LIMT"


def test_an_update_syntax_error_reads_the_same():
    store = open_store(None)
    executor = SparqlExecutor(store, allow_update=True, workers=1)
    try:
        with pytest.raises(SparqlError) as bad:
            executor.update("INSERT DATA {\n  <http://example.org/a> <http://example.org/b> }")
    finally:
        executor.close()
    assert (bad.value.code, bad.value.line, bad.value.near) == ("malformed_query", 2, "}")
    assert "needs an object" in bad.value.message


def test_a_remote_stores_syntax_error_is_explained_too(oxigraph_server: str):
    executor = SparqlExecutor(open_store(endpoint=f"{oxigraph_server}/query"))
    with pytest.raises(SparqlError) as bad:
        executor.query("SELECT * WHERE {\n  ?s nope:p ?o }")
    assert (bad.value.code, bad.value.line, bad.value.column, bad.value.near) == ("malformed_query", 2, 6, "nope:p")
    assert "unknown prefix 'nope:'" in bad.value.message
    assert bad.value.detail.startswith("error at 2:12: expected one of Prefix not found")  # the server's whole text


QUERIES_STAR = [
    # one triple pattern runs in-process; a join runs in a worker process: both keep the query's order
    ("SELECT * WHERE { ?s ?p ?o }", ["s", "p", "o"]),
    ("SELECT DISTINCT * WHERE { ?zebra ex:creates ?apple . ?zebra ?mid ?apple }", ["zebra", "apple", "mid"]),
    ("SELECT * { ?s ?p ?o OPTIONAL { ?o ?q ?later } BIND(STR(?s) AS ?name) }", ["s", "p", "o", "q", "later", "name"]),
]  # fmt: skip


@pytest.mark.parametrize(("query", "order"), QUERIES_STAR)
def test_select_star_keeps_the_querys_order_in_every_format(executor, query, order):
    query = f"PREFIX ex: <{EX}> {query}"
    body = executor.query(query, format="json").body
    assert json.loads(body)["head"]["vars"] == order
    xml = parseString(executor.query(query, format="xml").body)
    assert [v.getAttribute("name") for v in xml.getElementsByTagName("variable")] == order
    assert executor.query(query, format="csv").body.decode().splitlines()[0] == ",".join(order)
    assert executor.query(query, format="tsv").body.decode().splitlines()[0] == "\t".join(f"?{v}" for v in order)


def test_select_star_moves_the_values_with_their_columns(executor):
    rows = list(csv.DictReader(io.StringIO(executor.query("SELECT * WHERE { ?s ?p ?o }", format="csv").body.decode())))
    assert {"s": str(EX.ami), "p": str(EX.creates), "o": str(EX.instance)} in rows


def test_explicit_projections_keep_their_own_order(executor):
    body = executor.query("SELECT ?o ?s WHERE { ?s ?p ?o }", format="json").body
    assert json.loads(body)["head"]["vars"] == ["o", "s"]


# -- the command line -------------------------------------------------------------------------------------
@pytest.fixture
def cli_store(tmp_path: Path) -> Path:
    """A store on disk with two facts about an AMI."""
    directory = tmp_path / "store"
    store = open_store(directory)
    graph = Graph()
    graph.add((EX.ami, EX.creates, EX.instance))
    graph.add((EX.ami, EX.label, Literal("AMI")))
    store.replace_graph(URIRef("https://kgqa.dev/graph/test"), graph)
    store.close()
    return directory


def test_kg_sparql_prints_the_readable_message(cli_store: Path):
    result = CliRunner().invoke(main, ["sparql", "SELECT * WHERE {\n  ?s ?p }", "--store", str(cli_store)])
    assert result.exit_code == 1 and result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith("error: invalid SPARQL query: error at 2:9 near '}': the triple pattern '?s ?p' needs")
    assert not TOKEN_DUMP.search(line)
    result = CliRunner().invoke(main, ["sparql", "SELECT ?s WHERE { ?s ?p ?o } LIMT 1", "--store", str(cli_store)])
    assert "error at 1:30 near 'LIMT': 'LIMT' is not a SPARQL keyword; did you mean LIMIT?" in result.stderr


def test_kg_sparql_select_star_keeps_the_querys_order(cli_store: Path):
    def run(*options: str) -> str:
        result = CliRunner().invoke(
            main, ["sparql", "SELECT * WHERE { ?s ?p ?o }", "--store", str(cli_store), *options]
        )
        assert result.exit_code == 0, result.output
        return result.stdout

    table = run()
    assert table.split("\n", 1)[0].split() == ["s", "p", "o"]
    assert "ex:ami" in table.splitlines()[2] or "<http://example.org/ami>" in table.splitlines()[2]
    rows = list(csv.reader(io.StringIO(run("--format", "csv"))))
    assert rows[0] == ["s", "p", "o"]
    assert [str(EX.ami), str(EX.creates), str(EX.instance)] in rows
    assert json.loads(run("--format", "json"))["head"]["vars"] == ["s", "p", "o"]


# -- the service ------------------------------------------------------------------------------------------
@pytest.fixture(scope="session")
def service(live_service: LiveService) -> LiveService:
    """The service under gunicorn, ready (shared with the API and page tests)."""
    return live_service


@pytest.mark.slow
def test_sparql_endpoint_answers_the_readable_error_in_the_one_json_shape(service: LiveService):
    query = "SELECT * WHERE {\n  ?s ?p }"
    answers = [
        requests.get(service.url("/sparql"), params={"query": query}, timeout=30),
        requests.post(service.url("/sparql"), data={"query": query}, timeout=30),
        requests.post(
            service.url("/sparql"), data=query, headers={"Content-Type": "application/sparql-query"}, timeout=30
        ),
    ]
    for response in answers:
        assert response.status_code == 400 and response.headers["Content-Type"].startswith("application/json")
        assert set(response.json()) == {"error"}
        error = response.json()["error"]
        assert set(error) == {"code", "message", "line", "column", "near", "hint", "detail"}
        assert (error["code"], error["line"], error["column"], error["near"]) == ("malformed_query", 2, 9, "}")
        assert error["message"] == f"error at 2:9 near '}}': {error['hint']}"
        assert "needs an object" in error["hint"] and not TOKEN_DUMP.search(error["message"])
        assert error["detail"].startswith("error at 2:")
    # A client library shows the same words.
    client = SPARQLWrapper(service.url("/sparql"), returnFormat=JSON)
    client.setQuery(query)
    with pytest.raises(QueryBadFormed) as bad:
        client.query()
    assert "needs an object" in str(bad.value)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("accept", "header"),
    [
        ("application/sparql-results+json", lambda body: json.loads(body)["head"]["vars"]),
        (
            "application/sparql-results+xml",
            lambda body: [v.getAttribute("name") for v in parseString(body).getElementsByTagName("variable")],
        ),
        ("text/csv", lambda body: body.decode().splitlines()[0].split(",")),
        ("text/tab-separated-values", lambda body: [v.lstrip("?") for v in body.decode().splitlines()[0].split("\t")]),
    ],
    ids=["json", "xml", "csv", "tsv"],
)
def test_sparql_endpoint_select_star_keeps_the_querys_order(service: LiveService, accept, header):
    for query, order in [
        ("SELECT * WHERE { ?s ?p ?o } LIMIT 2", ["s", "p", "o"]),
        ("SELECT * WHERE { ?thing rdfs:label ?label . ?thing ?p ?o } LIMIT 2", ["thing", "label", "p", "o"]),
    ]:
        response = requests.post(service.url("/sparql"), data={"query": query}, headers={"Accept": accept}, timeout=30)
        assert response.status_code == 200, response.text
        assert header(response.content) == order


@pytest.mark.slow
def test_unknown_pages_get_the_sites_own_404_page(service: LiveService):
    home = requests.get(service.url("/"), timeout=30).text
    stylesheet = re.search(r'<link rel="stylesheet" href="([^"]+)"', home)[1]
    for path in ("/no-such-page", "/id-typo/ec2", "/static/none.css"):
        page = requests.get(service.url(path), timeout=30)
        assert page.status_code == 404 and page.headers["Content-Type"].startswith("text/html")
        assert f'<link rel="stylesheet" href="{stylesheet}">' in page.text  # the same layout and style
        assert 'class="site-header"' in page.text and 'class="site-footer"' in page.text
        assert "<h1>Page not found</h1>" in page.text and path in page.text
        assert "Werkzeug" not in page.text and "If you entered the URL manually" not in page.text


@pytest.mark.slow
def test_a_wrong_method_on_a_page_gets_the_styled_page_with_allow(service: LiveService):
    page = requests.post(service.url("/query"), timeout=30)
    assert page.status_code == 405 and page.headers["Content-Type"].startswith("text/html")
    assert "GET" in page.headers["Allow"]
    assert 'class="site-header"' in page.text and "does not answer a POST request" in page.text


@pytest.mark.slow
def test_api_paths_keep_the_json_error_shape(service: LiveService):
    for method, path, status in [
        ("GET", "/api/no-such-thing", 404),
        ("GET", "/v1/no-such-thing", 404),
        ("GET", "/sparql/no-such-thing", 404),
        ("DELETE", "/sparql", 405),
        ("DELETE", "/api/ask", 405),
    ]:
        response = requests.request(method, service.url(path), timeout=30)
        assert response.status_code == status, (method, path)
        assert response.headers["Content-Type"].startswith("application/json")
        assert set(response.json()) == {"error"} and set(response.json()["error"]) == {"code", "message"}


def test_a_page_that_fails_gets_the_styled_500_page_and_an_api_path_json():
    # The site's own blueprints and templates, with two routes that fail, served by Flask's test client.
    app = Flask("service.app")
    register_error_handlers(app)
    for blueprint in (pages.bp, concepts.bp, openapi.bp):
        app.register_blueprint(blueprint)

    @app.get("/boom")
    @app.get("/api/boom")
    def boom():
        raise RuntimeError("secret detail")

    app.logger.disabled = True  # the traceback the handler logs is expected here
    client = app.test_client()
    page = client.get("/boom")
    assert page.status_code == 500 and page.content_type.startswith("text/html")
    assert 'class="site-header"' in page.text and "<h1>Something went wrong</h1>" in page.text
    assert "secret" not in page.text
    api = client.get("/api/boom")
    assert api.status_code == 500 and api.json["error"]["code"] == "internal_error" and "secret" not in api.text


# -- the focus ring on the graph, in a real browser -------------------------------------------------------
@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[webdriver.Chrome]:
    """A headless Chromium (Debian's, with its ChromeDriver) with a fresh profile."""
    require_chromium()
    driver = headless_chromium(tmp_path_factory.mktemp("chromium-profile"))
    try:
        yield driver
    finally:
        driver.quit()


def _rgb(value: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", value)[:3])


def _contrast(one: str, other: str) -> float:
    """Return the WCAG contrast ratio of two CSS ``rgb(…)`` colours."""

    def luminance(rgb: tuple[int, ...]) -> float:
        channels = [c / 255 for c in rgb]
        r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted((luminance(_rgb(one)), luminance(_rgb(other))), reverse=True)
    return (high + 0.05) / (low + 0.05)


_STYLE = """
const link = arguments[0];
const style = (el, names) => Object.fromEntries(names.map((n) => [n, getComputedStyle(el)[n]]));
const shape = link.querySelector('.node circle, .node rect');
const ring = link.querySelector('.focus-ring');
if (!ring) return null;
return {
  ring: style(ring, ['visibility']),
  line: style(ring.querySelector('.ring'), ['stroke', 'strokeWidth']),
  halo: style(ring.querySelector('.halo'), ['stroke', 'strokeWidth']),
  node: style(shape, ['fill', 'stroke']),
  focused: document.activeElement === link,
};
"""


@pytest.mark.slow
def test_tab_shows_a_focus_ring_on_every_graph_node_that_no_node_colour_hides(
    browser: webdriver.Chrome, service: LiveService, tmp_path: Path
):
    browser.get(service.url("/"))
    box = WebDriverWait(browser, 60).until(ec.element_to_be_clickable((By.ID, "question")))
    box.send_keys("What does an AMI create?", Keys.ENTER)
    WebDriverWait(browser, 60).until(lambda b: b.find_elements(By.CSS_SELECTOR, "#graph-frame svg a"))
    links = browser.find_elements(By.CSS_SELECTOR, "#graph-frame svg a")
    unfocused = [browser.execute_script(_STYLE, link) for link in links]
    assert None not in unfocused, "a node link without its focus ring"
    roles = {link.find_element(By.CSS_SELECTOR, ".node").get_attribute("class") for link in links}
    assert {"node topic", "node answer"} <= roles  # the filled nodes, whose colour hid the old focus style
    background = browser.execute_script(
        "return getComputedStyle(document.getElementById('graph-frame')).backgroundColor"
    )

    # From the question box, Tab goes through the page to each node of the picture in turn.
    box = browser.find_element(By.ID, "question")
    box.click()
    seen = 0
    for _ in range(60):
        browser.switch_to.active_element.send_keys(Keys.TAB)
        active = browser.switch_to.active_element
        if active not in links:
            if seen:
                break
            continue
        index = links.index(active)
        before, after = unfocused[index], browser.execute_script(_STYLE, active)
        assert after["focused"] and before["ring"]["visibility"] == "hidden"
        assert after["ring"]["visibility"] == "visible", after
        assert after["line"]["stroke"] not in (after["node"]["fill"], after["node"]["stroke"])
        assert float(after["line"]["strokeWidth"].rstrip("px")) >= 2
        # Two tones: the ring stands out from the background and its halo, and one of them from the node.
        assert _contrast(after["line"]["stroke"], background) >= 3
        assert _contrast(after["line"]["stroke"], after["halo"]["stroke"]) >= 3
        for colour in (after["node"]["fill"], after["node"]["stroke"]):
            assert max(_contrast(after["line"]["stroke"], colour), _contrast(after["halo"]["stroke"], colour)) >= 3
        if seen == 0:
            directory = Path(os.environ.get("KG_TEST_ARTIFACTS") or tmp_path)
            directory.mkdir(parents=True, exist_ok=True)
            picture = browser.find_element(By.ID, "graph-frame")
            assert picture.screenshot(str(directory / "graph-focus-ring.png"))
        seen += 1
    assert seen == len(links), f"Tab reached {seen} of {len(links)} nodes"
