"""Talk to /v1/chat/completions with the official ``openai`` client, the service under a real gunicorn."""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import openai
import pytest
from servers import clean_env, no_traceback_logged, post_json, running_service

from kg.build import build

pytestmark = pytest.mark.slow

KGO = "https://kgqa.dev/ontology#"
EKS = "https://kgqa.dev/id/amazon-elastic-kubernetes-service"
ECS = "https://kgqa.dev/id/amazon-elastic-container-service"


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """Serve the bundled documents' graph from an embedded store; yield the base URL and the server log."""
    root = tmp_path_factory.mktemp("chat")
    build(None, [], store_path=root / "store")
    env = clean_env({"KG_STORE": str(root / "store"), "KG_CACHE_DIR": str(root / "cache")})
    with running_service(env, root / "gunicorn.log") as base:
        yield base, root / "gunicorn.log"


@pytest.fixture(autouse=True)
def no_traceback_in_the_log(service: tuple[str, Path]) -> Iterator[None]:
    """Fail a test whose requests made the service log a traceback (an unhandled error), whichever runs."""
    with no_traceback_logged(service[1]):
        yield


@pytest.fixture(scope="module")
def base_url(service: tuple[str, Path]) -> str:
    return service[0]


@pytest.fixture(scope="module")
def client(base_url: str) -> openai.OpenAI:
    return openai.OpenAI(base_url=f"{base_url}/v1", api_key="not-needed", max_retries=0, timeout=60)


def kg_answer(message: object) -> dict:
    """Return the structured answer riding on a message or delta (an extra field to the SDK's models)."""
    extra = message.model_extra or {}
    assert "kg_answer" in extra, f"no kg_answer on {message!r}"
    return extra["kg_answer"]


def ask(client: openai.OpenAI, *turns: str | dict) -> openai.types.chat.ChatCompletion:
    """Send a conversation: strings are user turns, dicts are messages as given."""
    messages = [{"role": "user", "content": t} if isinstance(t, str) else t for t in turns]
    return client.chat.completions.create(model="kgqa", messages=messages)


def sparql_iris(base_url: str, query: str) -> set[str]:
    """Run ``query`` on the service's /sparql endpoint and return the IRIs in its results."""
    request = urllib.request.Request(
        f"{base_url}/sparql",
        data=urllib.parse.urlencode({"query": query}).encode(),
        headers={"Accept": "application/sparql-results+json"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        rows = json.load(response)["results"]["bindings"]
    return {cell["value"] for row in rows for cell in row.values() if cell["type"] == "uri"}


def test_models_lists_the_one_model(client: openai.OpenAI) -> None:
    assert [model.id for model in client.models.list()] == ["kgqa"]
    assert client.models.retrieve("kgqa").owned_by == "kgqa"
    with pytest.raises(openai.NotFoundError):
        client.models.retrieve("gpt-4")


def test_answer_cites_its_sources_and_carries_the_structured_answer(client: openai.OpenAI, base_url: str) -> None:
    completion = ask(client, "Which terms does ECS use?")
    assert completion.object == "chat.completion"
    assert completion.model == "kgqa"
    choice = completion.choices[0]
    assert choice.finish_reason == "stop"
    assert choice.message.role == "assistant"
    answer = kg_answer(choice.message)
    assert {a["label"] for a in answer["answers"]} == {"container instance", "task"}
    assert answer["question"] == "Which terms does ECS use?"
    # The text gives the answer, then quotes every source it numbers, naming document and section.
    text = choice.message.content
    assert text.startswith(answer["answer"] + " [1]")
    assert "Sources:" in text and answer["sources"]
    for number, source in enumerate(answer["sources"], start=1):
        assert f'[{number}] {source["document"]}, "{source["section"]}": "{source["text"]}"' in text
    assert "compute.md" in text and "Orchestrate Containers" in text
    # Grounded: the SPARQL the answer carries finds exactly its answers on the service's own /sparql.
    assert sparql_iris(base_url, answer["sparql"]) == {a["iri"] for a in answer["answers"]}
    usage = completion.usage
    assert usage.prompt_tokens > 0 and usage.completion_tokens > 0
    assert usage.total_tokens == usage.prompt_tokens + usage.completion_tokens


def test_streaming_sends_the_same_reply_in_openai_chunks(client: openai.OpenAI) -> None:
    whole = ask(client, "What do containers run on?").choices[0].message
    chunks = list(
        client.chat.completions.create(
            model="kgqa",
            messages=[{"role": "user", "content": "What do containers run on?"}],
            stream=True,
            stream_options={"include_usage": True},
        )
    )
    assert {c.object for c in chunks} == {"chat.completion.chunk"}
    assert len({c.id for c in chunks}) == 1
    first, *middle, last_choice, usage_chunk = chunks
    assert first.choices[0].delta.role == "assistant"
    assert kg_answer(first.choices[0].delta)["answers"] == kg_answer(whole)["answers"]
    assert len(middle) > 3  # sent in pieces, not as one block
    assert "".join(c.choices[0].delta.content or "" for c in [first, *middle]) == whole.content
    assert last_choice.choices[0].finish_reason == "stop"
    assert all(c.choices[0].finish_reason is None for c in [first, *middle])
    assert usage_chunk.choices == [] and usage_chunk.usage.completion_tokens > 0


def test_stream_framing_is_server_sent_events_ending_in_done(base_url: str) -> None:
    request = urllib.request.Request(
        f"{base_url}/v1/chat/completions",
        data=json.dumps(
            {"model": "kgqa", "stream": True, "messages": [{"role": "user", "content": "What is EKS?"}]}
        ).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        assert response.headers["Content-Type"].startswith("text/event-stream")
        body = response.read().decode()
    events = [e for e in body.split("\n\n") if e]
    assert all(e.startswith("data: ") for e in events)
    assert events[-1] == "data: [DONE]"
    final = json.loads(events[-2].removeprefix("data: "))
    assert final["choices"][0]["finish_reason"] == "stop"


def test_follow_up_takes_its_topic_from_earlier_messages(client: openai.OpenAI) -> None:
    # The same last message means different things after different histories; this service never saw
    # the first turns before, as when another worker answered them.
    about_eks = ask(client, "What is EKS?", "What technology is it based on?").choices[0].message
    about_ecs = ask(client, "What is ECS?", "What technology is it based on?").choices[0].message
    assert [a["label"] for a in kg_answer(about_eks)["answers"]] == ["Kubernetes"]
    assert [a["label"] for a in kg_answer(about_ecs)["answers"]] == ["AWS native technology"]
    assert "Kubernetes" in about_eks.content and "[1]" in about_eks.content


def test_follow_up_in_a_client_conversation_loop(client: openai.OpenAI) -> None:
    messages = [{"role": "user", "content": "What is EKS?"}]
    first = client.chat.completions.create(model="kgqa", messages=messages).choices[0].message
    messages += [
        {"role": "assistant", "content": first.content},
        {"role": "user", "content": "What does it orchestrate?"},
    ]
    follow_up = client.chat.completions.create(model="kgqa", messages=messages).choices[0].message
    answer = kg_answer(follow_up)
    assert [a["label"] for a in answer["answers"]] == ["container"]
    assert answer["evidence"][0]["subject"]["iri"] == EKS
    # Alone, the question has nothing for "it" to refer to: the service abstains.
    alone = kg_answer(ask(client, "What does it orchestrate?").choices[0].message)
    assert alone["answers"] == []


def test_follow_up_uses_the_answer_a_client_sends_back(client: openai.OpenAI) -> None:
    eks = kg_answer(ask(client, "What is EKS?").choices[0].message)
    # The earlier user turn says nothing; only the kg_answer echoed on the assistant message names EKS.
    completion = ask(
        client,
        "Tell me something",
        {
            "role": "assistant",
            "content": "Amazon EKS is a container orchestration service.",
            "kg_answer": eks,
        },
        "What does it orchestrate?",
    )
    answer = kg_answer(completion.choices[0].message)
    assert [a["label"] for a in answer["answers"]] == ["container"]
    assert answer["evidence"][0]["subject"]["iri"] == EKS


def test_abstention_says_it_does_not_know(client: openai.OpenAI) -> None:
    message = ask(client, "What is the capital of France?").choices[0].message
    assert message.content.startswith("I don't know")
    assert "Sources:" not in message.content and "[1]" not in message.content
    answer = kg_answer(message)
    assert answer["answers"] == [] and answer["sources"] == []
    assert answer["confidence"] < 0.2


def test_bad_requests_answer_400_in_the_error_shape(client: openai.OpenAI, base_url: str) -> None:
    with pytest.raises(openai.BadRequestError) as missing:
        client.chat.completions.create(model="kgqa", messages=[])
    assert missing.value.status_code == 400
    assert missing.value.code == "missing_messages"
    with pytest.raises(openai.BadRequestError) as no_user:
        client.chat.completions.create(model="kgqa", messages=[{"role": "system", "content": "Be brief."}])
    assert no_user.value.code == "no_user_message"
    with pytest.raises(openai.BadRequestError) as empty:
        client.chat.completions.create(model="kgqa", messages=[{"role": "user", "content": "  "}])
    assert empty.value.code == "empty_question"

    status, body = post_json(f"{base_url}/v1/chat/completions", {"model": "kgqa"})
    assert status == 400
    assert body == {
        "error": {
            "code": "missing_messages",
            "message": "'messages' must be a non-empty array",
            "type": "invalid_request_error",
            "param": "messages",
        }
    }


def test_a_body_that_is_not_json_answers_415(base_url: str) -> None:
    request = urllib.request.Request(
        f"{base_url}/v1/chat/completions", data=b"messages=hello", method="POST"
    )  # urllib sends application/x-www-form-urlencoded
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=30)
    assert refused.value.code == 415
    error = json.load(refused.value)["error"]
    assert error["code"] == "unsupported_media_type" and error["message"]
