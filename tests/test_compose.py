"""Check docker-compose.yml and the Dockerfile fit together, then run their topology without Docker.

No Docker engine runs here, so the files are parsed and cross-checked (images, ports, volumes,
environment, healthchecks), and the same programs run directly: Oxigraph with the compose file's own
``serve`` flags, then the image's entrypoint script and command, which build the graph into the empty
store and serve it; questions then go through the service, and each healthcheck command is run for real.
"""

from __future__ import annotations

import importlib.metadata
import json
import os
import re
import stat
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import openai
import pytest
import yaml
from servers import clean_env, find_executable, free_port, running, running_service, tail, wait_until_answers

ROOT = Path(__file__).resolve().parent.parent
COMPOSE = ROOT / "docker-compose.yml"
DOCKERFILE = ROOT / "Dockerfile"
ENTRYPOINT = ROOT / "docker" / "entrypoint.sh"


# -- reading the files -------------------------------------------------------------------------------------
def compose() -> dict:
    return yaml.safe_load(COMPOSE.read_text())


def dockerfile() -> list[tuple[str, str]]:
    """Return the Dockerfile's instructions as ``(INSTRUCTION, arguments)``, continuation lines joined."""
    instructions, pending = [], ""
    for line in DOCKERFILE.read_text().splitlines():
        if not pending and (not line.strip() or line.lstrip().startswith("#")):
            continue
        if line.rstrip().endswith("\\"):
            pending += line.rstrip()[:-1] + " "
            continue
        keyword, _, rest = (pending + line).strip().partition(" ")
        instructions.append((keyword.upper(), rest.strip()))
        pending = ""
    return instructions


def instruction(name: str) -> list[str]:
    return [args for keyword, args in dockerfile() if keyword == name]


def exec_form(args: str) -> list[str]:
    """Parse an exec-form (JSON array) instruction argument."""
    parsed = json.loads(args)
    assert isinstance(parsed, list) and all(isinstance(a, str) for a in parsed), args
    return parsed


def option(argv: list[str], name: str) -> str:
    """Return the value after ``name`` in an argument list."""
    assert name in argv, f"{name} missing from {argv}"
    return argv[argv.index(name) + 1]


def healthcheck_argv(test: list[str]) -> list[str]:
    """Turn a compose ``healthcheck.test`` into the command it runs (CMD form is exec'd, no shell)."""
    assert test[0] == "CMD", f"use the exec form ['CMD', ...] (images without a shell need it): {test}"
    return test[1:]


def container_port() -> int:
    (exposed,) = instruction("EXPOSE")
    return int(exposed.split("/")[0])


# -- the files fit together --------------------------------------------------------------------------------
def test_compose_has_the_service_and_its_oxigraph_store() -> None:
    services = compose()["services"]
    assert set(services) == {"kg", "oxigraph"}
    image, _, tag = services["oxigraph"]["image"].rpartition(":")
    assert image == "ghcr.io/oxigraph/oxigraph"
    # Pinned to the version the tests run as `oxigraph serve`, so what is tested is what is deployed.
    assert tag == importlib.metadata.version("oxigraph")
    assert services["kg"]["build"] == "."


def test_the_store_serves_the_union_default_graph_from_a_named_volume() -> None:
    spec = compose()
    oxigraph = spec["services"]["oxigraph"]
    command = oxigraph["command"]
    assert command[0] == "serve" and "--union-default-graph" in command
    location = option(command, "--location")
    mounts = dict(reversed(volume.split(":")[:2]) for volume in oxigraph["volumes"])
    assert location in mounts, f"nothing mounted at the store location {location}"
    assert mounts[location] in spec["volumes"], "the store's volume must be a named volume"
    assert option(healthcheck_argv(oxigraph["healthcheck"]["test"]), "--location") == location


def test_the_service_points_at_the_store_and_waits_for_it() -> None:
    services = compose()["services"]
    kg = services["kg"]
    bind_host, _, bind_port = option(services["oxigraph"]["command"], "--bind").rpartition(":")
    assert bind_host == "0.0.0.0"  # reachable from the other container, not only its own loopback
    endpoint = urllib.parse.urlsplit(kg["environment"]["KG_ENDPOINT"])
    assert (endpoint.hostname, endpoint.port, endpoint.path) == ("oxigraph", int(bind_port), "/query")
    assert kg["depends_on"] == {"oxigraph": {"condition": "service_healthy"}}


def test_every_setting_in_the_environment_is_one_the_service_reads() -> None:
    env = compose()["services"]["kg"]["environment"]
    app_source = (ROOT / "service" / "app.py").read_text()
    entrypoint = ENTRYPOINT.read_text()
    for name in env:
        if name == "WEB_CONCURRENCY":  # gunicorn's own setting for its worker count
            continue
        assert name.startswith("KG_"), name
        known = re.search(rf"\b{name.removeprefix('KG_')}=", app_source) or name in entrypoint
        assert known, f"{name} is read by neither create_app nor the entrypoint"
    assert "KG_ENDPOINT" in env


def test_ports_and_healthchecks_agree_with_the_dockerfile() -> None:
    kg = compose()["services"]["kg"]
    port = container_port()
    (mapping,) = kg["ports"]
    assert int(str(mapping).rsplit(":", 1)[1]) == port
    cmd = exec_form(instruction("CMD")[-1])
    assert option(cmd, "--bind") == f"0.0.0.0:{port}"
    (healthcheck,) = instruction("HEALTHCHECK")
    assert f"http://127.0.0.1:{port}/healthz" in healthcheck
    assert f"http://127.0.0.1:{port}/healthz" in " ".join(healthcheck_argv(kg["healthcheck"]["test"]))
    for service in compose()["services"].values():
        assert {"interval", "timeout", "retries"} <= set(service["healthcheck"])


def test_the_cache_lives_on_a_volume_the_image_lets_its_user_write() -> None:
    spec = compose()
    kg = spec["services"]["kg"]
    cache = kg["environment"]["KG_CACHE_DIR"]
    mounts = dict(reversed(volume.split(":")[:2]) for volume in kg["volumes"])
    assert mounts.get(cache) in spec["volumes"]
    runs = " ".join(instruction("RUN"))
    user = instruction("USER")[-1]
    assert f"mkdir -p {cache}" in runs and f"chown {user} {cache}" in runs


def test_the_dockerfile_builds_a_slim_non_root_image_with_cpu_torch() -> None:
    steps = dockerfile()
    assert steps[0] == ("FROM", "python:3.11-slim")
    runs = instruction("RUN")
    torch = next(i for i, run in enumerate(runs) if "torch==2.13.0" in run)
    assert "--index-url https://download.pytorch.org/whl/cpu" in runs[torch]
    project = next(i for i, run in enumerate(runs) if "pip install ." in run)
    assert torch < project, "install CPU torch before the project, or pip pulls the CUDA build"
    users = instruction("USER")
    assert users and users[-1] not in ("root", "0")
    assert "useradd --system --uid 10001 --no-create-home --home-dir /nonexistent" in runs[project]
    last_user = max(i for i, (keyword, _) in enumerate(steps) if keyword == "USER")
    assert all(keyword != "RUN" for keyword, _ in steps[last_user:]), "nothing may run as root after USER"
    assert "ENV" in {keyword for keyword, _ in steps} and "HF_HUB_OFFLINE=1" in " ".join(instruction("ENV"))


def dockerignore_pattern(pattern: str) -> re.Pattern[str]:
    """Compile a .dockerignore pattern as Docker reads it: ``**`` spans directories, ``*`` and ``?`` do not."""
    body = pattern.strip("/")
    out = ""
    while body:
        if body.startswith("**/"):
            out, body = out + "(?:.*/)?", body[3:]
        elif body.startswith("**"):
            out, body = out + ".*", body[2:]
        else:
            out += {"*": "[^/]*", "?": "[^/]"}.get(body[0], re.escape(body[0]))
            body = body[1:]
    return re.compile(out)


def excluded_by_dockerignore(path: str) -> str | None:
    """Return the .dockerignore line that keeps ``path`` (or a directory above it) out of the build context.

    Lines apply in order and the last match wins, so a ``!`` line lets a path back in.
    """
    lines = [line.strip() for line in (ROOT / ".dockerignore").read_text().splitlines()]
    parts = Path(path).parts
    prefixes = ["/".join(parts[: i + 1]) for i in range(len(parts))]
    excluded = None
    for line in lines:
        if not line or line.startswith("#"):
            continue
        pattern = dockerignore_pattern(line.removeprefix("!"))
        if any(pattern.fullmatch(prefix) for prefix in prefixes):
            excluded = None if line.startswith("!") else line
    return excluded


def test_the_dockerfile_copies_what_exists_and_is_not_ignored() -> None:
    sources = [
        source for args in instruction("COPY") for source in [p for p in args.split() if not p.startswith("--")][:-1]
    ]
    assert {"pyproject.toml", "kg", "service", "data"} <= set(sources)
    for source in sources:
        assert (ROOT / source).exists(), f"COPY {source}: no such file in the build context"
        # Every file of the source that is in the repository must reach the image, not only the source's name.
        tracked = subprocess.run(
            ["git", "ls-files", "--", source], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.split()
        assert tracked, f"COPY {source}: no file of it is in the repository"
        excluded = {path: line for path in tracked if (line := excluded_by_dockerignore(path))}
        assert excluded == {}, f"COPY {source}: files excluded by .dockerignore"


def test_the_entrypoint_is_the_copied_script_and_is_valid_sh() -> None:
    (entry,) = instruction("ENTRYPOINT")
    (target,) = exec_form(entry)
    copies = [args.split() for args in instruction("COPY")]
    assert any(c[-2:] == ["docker/entrypoint.sh", f"/usr/local/bin/{target}"] for c in copies)
    assert ENTRYPOINT.stat().st_mode & stat.S_IXUSR
    assert ENTRYPOINT.read_text().startswith("#!/bin/sh\n")
    subprocess.run(["sh", "-n", str(ENTRYPOINT)], check=True)
    assert ENTRYPOINT.read_text().rstrip().endswith('exec "$@"')  # the server replaces the shell: signals reach it


# -- the same topology, without Docker ---------------------------------------------------------------------
@pytest.fixture
def store_server(tmp_path: Path) -> Iterator[tuple[str, list[str]]]:
    """Run Oxigraph with the compose file's own ``serve`` flags on an empty directory.

    Yields the query endpoint and the oxigraph healthcheck command, pointed at the same directory.
    """
    oxigraph = compose()["services"]["oxigraph"]
    location, bind = tmp_path / "oxigraph-data", f"127.0.0.1:{free_port()}"
    command = list(oxigraph["command"])
    command[command.index("--location") + 1] = str(location)
    command[command.index("--bind") + 1] = bind
    check = healthcheck_argv(oxigraph["healthcheck"]["test"])
    check = [find_executable("oxigraph"), *check[1:]]
    check[check.index("--location") + 1] = str(location)
    with running([find_executable("oxigraph"), *command], tmp_path / "oxigraph.log") as server:
        wait_until_answers(f"http://{bind}/query?query=ASK%7B%7D", server)
        yield f"http://{bind}/query", check


def service_env(endpoint: str, tmp_path: Path, **extra: str) -> dict[str, str]:
    """Return the compose file's service environment, pointed at ``endpoint``, for running on this host."""
    env = {key: str(value) for key, value in compose()["services"]["kg"]["environment"].items()}
    env.update({"KG_ENDPOINT": endpoint, "KG_CACHE_DIR": str(tmp_path / "cache"), **extra})
    result = clean_env(env)
    # `python`, `kg` and `gunicorn` in the scripts are this environment's, as they are the image's.
    result["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{result.get('PATH', '')}"
    return result


def store_graphs(endpoint: str) -> int:
    query = urllib.parse.urlencode({"query": "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"})
    request = urllib.request.Request(f"{endpoint}?{query}", headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return int(json.load(response)["results"]["bindings"][0]["n"]["value"])


@pytest.mark.slow
def test_the_topology_builds_the_empty_store_and_answers_through_the_service(
    store_server: tuple[str, list[str]], tmp_path: Path
) -> None:
    endpoint, store_healthcheck = store_server
    assert subprocess.run(store_healthcheck, capture_output=True, timeout=30).returncode == 0
    assert store_graphs(endpoint) == 0
    cmd = exec_form(instruction("CMD")[-1])
    bind = f"0.0.0.0:{container_port()}"
    command = ["sh", str(ENTRYPOINT), *[("{bind}" if part == bind else part) for part in cmd]]
    log = tmp_path / "service.log"
    with running_service(service_env(endpoint, tmp_path), log, command=command) as base:
        assert "is empty; building the graph into it" in log.read_text(encoding="utf-8", errors="replace")
        assert store_graphs(endpoint) >= 3  # documents, ontology, figures: built into the store itself
        # A chat client, answered by whichever worker (WEB_CONCURRENCY of them) takes the request.
        client = openai.OpenAI(base_url=f"{base}/v1", api_key="not-needed", max_retries=5, timeout=60)
        for _ in range(3):
            completion = client.chat.completions.create(
                model="kgqa",
                messages=[
                    {"role": "user", "content": "What is EKS?"},
                    {"role": "assistant", "content": "Amazon Elastic Kubernetes Service is an orchestrator."},
                    {"role": "user", "content": "What technology is it based on?"},
                ],
            )
            answer = completion.choices[0].message.model_extra["kg_answer"]
            assert [a["label"] for a in answer["answers"]] == ["Kubernetes"]
            assert "compute.md" in completion.choices[0].message.content
        # The HTTP API answers from the remote store too.
        request = urllib.request.Request(
            f"{base}/api/ask",
            data=json.dumps({"question": "Which terms does ECS use?"}).encode(),
            headers={"Content-Type": "application/json"},
        )
        deadline = time.monotonic() + 60
        while True:  # another worker may still be loading its engine (503 not_ready)
            try:
                with urllib.request.urlopen(request, timeout=60) as response:
                    asked = json.load(response)
                break
            except urllib.error.HTTPError as exc:
                if exc.code != 503 or time.monotonic() > deadline:
                    raise
                time.sleep(1)
        assert {a["label"] for a in asked["answers"]} == {"container instance", "task"}
        assert all(s["document"] == "compute.md" for s in asked["sources"]) and asked["sources"]
        # Both healthchecks pass against the running programs.
        (healthcheck,) = instruction("HEALTHCHECK")
        image_check = exec_form(healthcheck.split("CMD", 1)[1].strip())
        compose_check = healthcheck_argv(compose()["services"]["kg"]["healthcheck"]["test"])
        port = str(urllib.parse.urlsplit(base).port)
        for check in (image_check, compose_check):
            argv = [sys.executable if a == "python" else a.replace(f":{container_port()}/", f":{port}/") for a in check]
            assert subprocess.run(argv, timeout=30).returncode == 0, argv
        assert subprocess.run(store_healthcheck, capture_output=True, timeout=30).returncode == 0
    assert "Traceback" not in tail(log, 1_000_000)

    # A restart finds the graph in the store and serves it without building again.
    restart = subprocess.run(
        ["sh", str(ENTRYPOINT), "echo", "server started"],
        env=service_env(endpoint, tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert restart.returncode == 0, restart.stderr
    assert "holds a graph; serving it" in restart.stderr
    assert restart.stdout == "server started\n"  # no `kg build` output: nothing was rebuilt


def test_the_entrypoint_gives_up_on_a_store_that_never_answers(tmp_path: Path) -> None:
    env = service_env(f"http://127.0.0.1:{free_port()}/query", tmp_path, KG_STORE_WAIT="2")
    started = time.monotonic()
    result = subprocess.run(["sh", str(ENTRYPOINT), "echo", "never"], env=env, capture_output=True, text=True)
    assert result.returncode == 2
    assert "did not answer" in result.stderr and result.stdout == ""
    assert time.monotonic() - started < 30


def test_the_entrypoint_needs_an_endpoint(tmp_path: Path) -> None:
    env = service_env("", tmp_path)
    del env["KG_ENDPOINT"]
    result = subprocess.run(["sh", str(ENTRYPOINT), "echo", "never"], env=env, capture_output=True, text=True)
    assert result.returncode != 0 and "KG_ENDPOINT" in result.stderr
    assert result.stdout == ""  # the server command never ran
