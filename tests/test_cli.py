"""Drive the ``kg`` command line: in-process with click's runner, and once as the installed script."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import traceback
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic

from service import cli
from service.cli import main

EX = "http://example.org/"
FILMS = f"""@prefix ex: <{EX}> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
ex:kismet a ex:Film ; rdfs:label "Kismet" ; ex:directedBy ex:dieterle .
ex:dieterle a ex:Person ; rdfs:label "William Dieterle" .
"""
DIRECTOR = "SELECT ?name WHERE { ?f rdfs:label 'Kismet' ; <http://example.org/directedBy> ?d . ?d rdfs:label ?name }"


def run(*args: str, env: dict[str, str] | None = None, input: str | None = None):
    """Invoke ``kg`` in-process; fail if the command ended in an exception other than a deliberate exit.

    CliRunner catches what a command raises and keeps it in ``result.exception``: it prints no traceback, so
    only there can a crash be seen. ``SystemExit`` is how click ends every command, successful or not.
    """
    result = CliRunner().invoke(main, list(args), env=env, input=input)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        trace = "".join(traceback.format_exception(*result.exc_info))
        pytest.fail(f"kg {' '.join(args)} crashed:\n{trace}")
    return result


def assert_one_line_error(result, expected_start: str) -> None:
    """Errors are a single ``error: ...`` line on stderr, a non-zero exit, and nothing on stdout."""
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"error: {expected_start}"), lines[0]


@pytest.fixture
def films(tmp_path: Path) -> Path:
    path = tmp_path / "films.ttl"
    path.write_text(FILMS, encoding="utf-8")
    return path


@pytest.fixture
def store(tmp_path: Path, films: Path) -> Path:
    store_dir = tmp_path / "store"
    assert run("build", "--no-docs", "--rdf", str(films), "--store", str(store_dir)).exit_code == 0
    return store_dir


# -- kg build ---------------------------------------------------------------------------------------
def test_build_prints_a_summary(tmp_path: Path, films: Path):
    result = run("build", "--no-docs", "--rdf", str(films), "--store", str(tmp_path / "s"))

    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == f"Built {tmp_path / 's'}"
    fields = dict(line.split(None, 1) for line in lines[1:])
    assert set(fields) == {"documents", "concepts", "triples", "graphs", "time"}
    assert fields["documents"] == "0"
    assert int(fields["triples"]) > 0
    assert fields["time"].endswith(" s")


def test_build_with_docs_counts_them(tmp_path: Path):
    doc = tmp_path / "storage.md"
    doc.write_text("# Storage\n\nVolumes are placed in an Availability Zone.\n", encoding="utf-8")
    result = run("build", "--docs", str(doc), "--store", str(tmp_path / "s"))
    assert result.exit_code == 0, result.output
    assert "  documents  1\n" in result.stdout


def test_build_defaults_to_var_store_or_kg_store(tmp_path: Path, films: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    assert run("build", "--no-docs", "--rdf", str(films)).exit_code == 0
    assert (tmp_path / "var" / "store" / "CURRENT").is_file()

    result = run("build", "--no-docs", "--rdf", str(films), env={"KG_STORE": str(tmp_path / "env-store")})
    assert result.exit_code == 0
    assert (tmp_path / "env-store" / "CURRENT").is_file()


def test_bad_rdf_is_one_line_and_keeps_the_store(store: Path, tmp_path: Path):
    before = run("sparql", "--format", "csv", "SELECT * WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o", "--store", str(store))
    broken = tmp_path / "broken.ttl"
    broken.write_text("@prefix ex: <http://example.org/> .\n\nex:a ex:b .\n", encoding="utf-8")

    result = run("build", "--no-docs", "--rdf", str(broken), "--store", str(store))

    assert_one_line_error(result, f"{broken}, line 3: invalid Turtle:")
    after = run("sparql", "--format", "csv", "SELECT * WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o", "--store", str(store))
    assert after.stdout == before.stdout != ""


def test_empty_document_is_one_line(tmp_path: Path):
    doc = tmp_path / "empty.md"
    doc.write_text("", encoding="utf-8")
    assert_one_line_error(run("build", "--docs", str(doc), "--store", str(tmp_path / "s")), f"{doc}: document is empty")
    assert not (tmp_path / "s").exists()


def test_unknown_format_and_unreachable_endpoint_are_one_line(tmp_path: Path):
    data = tmp_path / "data.xlsx"
    data.write_bytes(b"PK")
    assert_one_line_error(
        run("build", "--no-docs", "--rdf", str(data), "--store", str(tmp_path / "s")),
        f"{data}: cannot tell the RDF format from the extension '.xlsx'",
    )
    assert_one_line_error(
        run("build", "--endpoint", "http://127.0.0.1:9/query"),
        "cannot reach the SPARQL endpoint http://127.0.0.1:9/query",
    )


def test_conflicting_options_are_usage_errors(tmp_path: Path):
    both = run("build", "--store", str(tmp_path), "--endpoint", "http://127.0.0.1:9/query")
    assert both.exit_code == 2
    assert "give --store or --endpoint, not both" in both.stderr
    docs = run("build", "--docs", str(tmp_path), "--no-docs")
    assert docs.exit_code == 2
    assert "give --docs or --no-docs, not both" in docs.stderr


def test_command_line_store_beats_endpoint_from_environment(store: Path):
    result = run("stats", "--store", str(store), env={"KG_ENDPOINT": "http://127.0.0.1:9/query"})
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(f"Store {store}\n")


# -- kg sparql --------------------------------------------------------------------------------------
def test_sparql_table(store: Path):
    result = run("sparql", DIRECTOR, "--store", str(store))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "name\n----------------\nWilliam Dieterle\n(1 row)\n"


def test_sparql_table_shows_prefixed_names(store: Path):
    result = run("sparql", "SELECT ?c WHERE { <http://example.org/kismet> a ?c }", "--store", str(store))
    assert result.stdout.splitlines()[2] == "<http://example.org/Film>"
    result = run("sparql", "SELECT ?p WHERE { ?s ?p 'Kismet' }", "--store", str(store))
    assert result.stdout.splitlines()[2] == "rdfs:label"


def test_sparql_csv_and_json(store: Path):
    films_graph = "<https://kgqa.dev/graph/file/films.ttl>"
    query = f"SELECT ?s ?name WHERE {{ GRAPH {films_graph} {{ ?s rdfs:label ?name }} }} ORDER BY ?name"
    rows = list(csv.reader(io.StringIO(run("sparql", query, "--format", "csv", "--store", str(store)).stdout)))
    assert rows == [["s", "name"], [EX + "kismet", "Kismet"], [EX + "dieterle", "William Dieterle"]]

    payload = json.loads(run("sparql", query, "--format", "json", "--store", str(store)).stdout)
    assert payload["head"]["vars"] == ["s", "name"]
    assert [b["name"]["value"] for b in payload["results"]["bindings"]] == ["Kismet", "William Dieterle"]


def test_sparql_construct_as_turtle_and_ask(store: Path):
    result = run("sparql", "CONSTRUCT WHERE { ?s <http://example.org/directedBy> ?o }", "--store", str(store))
    expected = Graph()
    expected.add((URIRef(EX + "kismet"), URIRef(EX + "directedBy"), URIRef(EX + "dieterle")))
    assert isomorphic(Graph().parse(data=result.stdout, format="turtle"), expected)

    assert run("sparql", "ASK { ?s ?p 'Kismet' }", "--store", str(store)).stdout == "true\n"
    ask = json.loads(run("sparql", "ASK { ?s ?p 'Nope' }", "--format", "json", "--store", str(store)).stdout)
    assert ask["boolean"] is False


def test_sparql_from_file_and_stdin(store: Path, tmp_path: Path):
    query_file = tmp_path / "q.rq"
    query_file.write_text(DIRECTOR, encoding="utf-8")
    assert "William Dieterle" in run("sparql", "--file", str(query_file), "--store", str(store)).stdout
    assert "William Dieterle" in run("sparql", "--file", "-", "--store", str(store), input=DIRECTOR).stdout


def test_sparql_errors_are_one_line(store: Path, tmp_path: Path):
    assert_one_line_error(run("sparql", "SELEC ?s", "--store", str(store)), "invalid SPARQL query: error at 1:")
    assert_one_line_error(
        run("sparql", "SELECT * WHERE { ?s ?p ?o }", "--format", "turtle", "--store", str(store)),
        "--format turtle is for CONSTRUCT and DESCRIBE",
    )
    assert_one_line_error(
        run("sparql", "ASK {}", "--store", str(tmp_path / "absent")),
        f"no store at {tmp_path / 'absent'}: run `kg build` first",
    )
    neither = run("sparql", "--store", str(store))
    assert neither.exit_code == 2
    assert "give a QUERY or --file" in neither.stderr


# -- kg stats ---------------------------------------------------------------------------------------
def test_stats_lists_graphs_with_counts_and_totals(store: Path):
    result = run("stats", "--store", str(store))
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    graphs = {line.split()[0]: int(line.split()[1]) for line in lines if line.startswith("  ")}
    assert graphs["https://kgqa.dev/graph/file/films.ttl"] == 5
    assert "https://kgqa.dev/graph/ontology" in set(graphs)
    totals = dict(line.split() for line in lines if not line.startswith(("  ", "Store")))
    assert int(totals["graphs"]) == len(graphs)
    assert int(totals["triples"]) <= sum(graphs.values())  # the union counts a repeated triple once
    assert totals["documents"] == "0"


def test_remote_build_stats_and_query(oxigraph_server: str, films: Path):
    endpoint = f"{oxigraph_server}/query"
    built = run("build", "--no-docs", "--rdf", str(films), "--endpoint", endpoint)
    assert built.exit_code == 0, built.stderr
    assert built.stdout.startswith(f"Built {endpoint}\n")

    stats = run("stats", "--endpoint", endpoint)
    assert "https://kgqa.dev/graph/file/films.ttl          5" in stats.stdout

    assert "William Dieterle" in run("sparql", DIRECTOR, "--endpoint", endpoint).stdout
    assert_one_line_error(run("sparql", "SELEC ?s", "--endpoint", endpoint), f"{endpoint} rejected the query")


# -- the command group ------------------------------------------------------------------------------
def test_every_option_has_help_text():
    commands = {"(group)": main, **main.commands}
    assert {"build", "sparql", "stats"} <= set(commands)
    for name, command in commands.items():
        assert command.help, f"kg {name} has no help text"
        for param in command.params:
            if isinstance(param, click.Option):
                assert param.help, f"kg {name} {param.opts[0]} has no help text"


def test_commands_from_other_modules_load_on_demand(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    (tmp_path / "hello_command.py").write_text(
        "import click\n\n@click.command()\ndef hello():\n    '''Say hello.'''\n    click.echo('hello')\n",
        encoding="utf-8",
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setitem(cli.COMMAND_MODULES, "hello", "hello_command:hello")

    try:
        assert "hello" in run("--help").stdout
        assert run("hello").stdout == "hello\n"
    finally:  # the group is shared by every test: leave no command behind, however this one ends
        main.commands.pop("hello", None)


# -- the installed script ---------------------------------------------------------------------------
def kg_script() -> str:
    script = Path(sys.executable).parent / "kg"
    assert script.exists(), "the kg console script is not installed beside this Python"
    return str(script)


def test_installed_kg_script_builds_and_queries(tmp_path: Path, films: Path):
    store_dir = tmp_path / "store"
    built = subprocess.run(
        [kg_script(), "build", "--no-docs", "--rdf", str(films), "--store", str(store_dir)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert built.returncode == 0, built.stderr
    assert "  documents  0\n" in built.stdout

    queried = subprocess.run(
        [kg_script(), "sparql", DIRECTOR, "--format", "csv", "--store", str(store_dir)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert queried.stdout == "name\nWilliam Dieterle\n"

    failed = subprocess.run(
        [kg_script(), "sparql", "SELEC", "--store", str(store_dir)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert failed.returncode == 1
    assert failed.stderr.startswith("error: invalid SPARQL query:")
    assert len(failed.stderr.splitlines()) == 1
