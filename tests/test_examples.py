"""Run the Python API examples as users would, as scripts, and check what they print."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from servers import clean_env

from kg.build import build

pytestmark = pytest.mark.slow

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def run_example(name: str, *args: str, env: dict[str, str]) -> str:
    """Run ``examples/<name>`` with this Python; return its output, failing on a non-zero exit."""
    result = subprocess.run(
        [sys.executable, str(EXAMPLES / name), *args], capture_output=True, text=True, env=env, timeout=300
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("example-cache")


def test_ask_example_prints_grounded_answers_a_follow_up_and_an_abstention(cache: Path) -> None:
    out = run_example("ask.py", env=clean_env({"KG_CACHE_DIR": str(cache)}))
    blocks = out.strip().split("\n\n")
    assert len(blocks) == 3
    ecs, eks, france = blocks
    assert ecs.startswith("Q: Which terms does ECS use?\nA: Container instance and task")
    assert "answers: container instance, task" in ecs
    assert 'source: compute.md > Compute > Container services > Orchestrate Containers: "' in ecs
    # The follow-up, asked in the example's session: an answer about EKS, with its source.
    assert eks.startswith("Q: And which terms does EKS use?\nA: Pod and worker node")
    assert "source: compute.md" in eks
    assert france == (
        "Q: What is the capital of France?\n"
        "A: I don't know: the graph holds no answer to that.\n"
        "   (no answer in the graph)"
    )


def test_ask_example_takes_questions_and_a_built_store(cache: Path, tmp_path: Path) -> None:
    build(None, [], store_path=tmp_path / "store")
    env = clean_env({"KG_CACHE_DIR": str(cache), "KG_STORE": str(tmp_path / "store")})
    out = run_example("ask.py", "What is EKS?", "What technology is it based on?", env=env)
    first, second = out.strip().split("\n\n")
    assert first.startswith("Q: What is EKS?\nA: Amazon Elastic Kubernetes Service")
    assert second.startswith("Q: What technology is it based on?\nA: ")
    assert "answers: Kubernetes" in second


def test_sparql_example_reruns_an_answers_query_and_its_own(cache: Path) -> None:
    out = run_example("sparql.py", env=clean_env({"KG_CACHE_DIR": str(cache)}))
    assert "Answer: Container instance and task are terms of Amazon Elastic Container Service." in out
    assert "Its SPARQL:\nSELECT" in out
    rerun = "Rerun by hand: ['https://kgqa.dev/id/container-instance', 'https://kgqa.dev/id/task']"
    assert rerun in out
    assert out.rstrip().endswith(
        "Terms by service:\n"
        "  Amazon Elastic Container Service: container instance\n"
        "  Amazon Elastic Container Service: task\n"
        "  Amazon Elastic Kubernetes Service: pod\n"
        "  Amazon Elastic Kubernetes Service: worker node"
    )
