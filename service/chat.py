"""Speak OpenAI's chat API, so chat clients and SDKs get grounded answers: ``/v1/chat/completions``.

- ``POST /v1/chat/completions`` answers the last user message from the graph. Non-streaming it returns a
  ``chat.completion``; with ``"stream": true`` it sends server-sent events, each ``data: {chunk}``
  carrying a ``chat.completion.chunk``, then a chunk with ``finish_reason: "stop"`` (and, if
  ``stream_options.include_usage``, one with ``usage``), then ``data: [DONE]``.
- ``GET /v1/models`` lists the one model, ``kgqa`` (``KG_CHAT_MODEL`` renames it); any ``model`` in a
  request is accepted, since chat tools often insist on sending their own default.

The reply text cites its sources as numbered quotes (see :mod:`service.citations`); the same answer
object as ``/api/ask`` rides along as ``kg_answer`` on ``choices[0].message`` (streaming: on the first
chunk's ``delta``). An abstention stays an abstention: the text says plainly that the graph holds no answer.

Follow-ups work across service workers without sticky sessions: earlier user messages give the context.
Each request asks the last question in a session named by a hash of the conversation's user messages;
the previous request of the same conversation left its answer under the hash of *its* user messages, so
a worker that served it finds the context at once. Another worker takes the context from a ``kg_answer``
the client sent back on the last assistant message, or else replays the last few user turns.
``temperature``, ``max_tokens``, ``tools`` and other sampling options are ignored: answers come from
the graph, not from sampling.

Errors use the project's shape, ``{"error": {"code", "message"}}``, plus OpenAI's ``type`` and ``param``
fields, so OpenAI SDKs raise their usual exceptions with the message: 400 (no messages, no user message,
bad fields, an empty question), 413 (a question over the length limit), 415 (body not JSON), 404 (unknown
model in ``/v1/models/<id>``), 503 ``not_ready`` while the engine loads (with ``Retry-After``).
"""

from __future__ import annotations

import hashlib
import json
import re
import time
import uuid
from collections.abc import Iterator
from typing import Any

from flask import Blueprint, Response, current_app, jsonify, request
from rdflib import URIRef

from kg.answer import Answer, QuestionError
from kg.api import KnowledgeGraph
from kg.qa import clean_question
from service.citations import cited_text

bp = Blueprint("chat", __name__)

DEFAULT_MODEL = "kgqa"
ROLES = frozenset({"system", "developer", "user", "assistant", "tool", "function"})
#: Earlier user turns replayed to recover a follow-up's context; a topic older than this is stale anyway.
REPLAY_TURNS = 4
#: The time the model "was created" in /v1/models: fixed, so the listing is the same on every worker.
MODEL_CREATED = 1_735_689_600  # 2025-01-01T00:00:00Z
#: Seconds a client should wait before asking again while the engine loads.
RETRY_AFTER = "5"


class ChatRequestError(Exception):
    """A request the endpoint cannot answer; becomes a 400 (or ``status``) in the error shape."""

    def __init__(self, code: str, message: str, param: str | None = None, status: int = 400):
        super().__init__(message)
        self.code, self.message, self.param, self.status = code, message, param, status


# -- routes ------------------------------------------------------------------------------------------------
@bp.get("/v1/models")
def list_models() -> Response:
    """List the one model this service answers as."""
    return jsonify({"object": "list", "data": [_model_card()]})


@bp.get("/v1/models/<path:model>")
def retrieve_model(model: str) -> Response:
    """Describe the model, or answer 404 for any other id."""
    if model != _model_id():
        return _error(404, "model_not_found", f"the model {model!r} does not exist; use {_model_id()!r}", "model")
    return jsonify(_model_card())


@bp.post("/v1/chat/completions")
def chat_completions() -> Response:
    """Answer the conversation's last user message from the graph, whole or as server-sent events."""
    if not request.is_json:
        return _error(415, "unsupported_media_type", "send the request as JSON (Content-Type: application/json)")
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        return _error(400, "invalid_json", "the request body must be a JSON object")
    try:
        messages = parse_messages(body.get("messages"))
        stream, include_usage = _request_options(body)
        clean_question([m["text"] for m in messages if m["role"] == "user"][-1])  # bad input first: 400
        refusal = _not_ready()
        if refusal is not None:
            return refusal
        answer = answer_conversation(graph(), messages)
    except ChatRequestError as exc:
        return _error(exc.status, exc.code, exc.message, exc.param)
    except QuestionError as exc:
        return _error(413 if exc.code == "question_too_long" else 400, exc.code, exc.message, "messages")

    content = cited_text(answer)
    completion_id = f"chatcmpl-{uuid.uuid4().hex}"
    created = int(time.time())
    usage = _usage(messages, content)
    if stream:
        head = {
            "id": completion_id,
            "object": "chat.completion.chunk",
            "created": created,
            "model": _model_id(),
        }
        events = _stream(head, content, answer.to_dict(), usage if include_usage else None)
        return Response(
            events,
            mimetype="text/event-stream",
            headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},  # no proxy buffering
        )
    message = {"role": "assistant", "content": content, "refusal": None, "kg_answer": answer.to_dict()}
    return jsonify(
        {
            "id": completion_id,
            "object": "chat.completion",
            "created": created,
            "model": _model_id(),
            "choices": [{"index": 0, "message": message, "finish_reason": "stop", "logprobs": None}],
            "usage": usage,
        }
    )


# -- the conversation ------------------------------------------------------------------------------------
def parse_messages(messages: Any) -> list[dict[str, Any]]:
    """Check the ``messages`` array and return it as ``{"role", "text", "kg_answer"?}`` items.

    Raises :class:`ChatRequestError` for a missing or empty array, a malformed message, or a
    conversation without a user message.
    """
    if not isinstance(messages, list) or not messages:
        raise ChatRequestError("missing_messages", "'messages' must be a non-empty array", "messages")
    parsed = []
    for index, message in enumerate(messages):
        where = f"messages[{index}]"
        if not isinstance(message, dict):
            raise ChatRequestError("invalid_message", f"{where} must be an object", where)
        role = message.get("role")
        if role not in ROLES:
            roles = ", ".join(sorted(ROLES))
            raise ChatRequestError("invalid_message", f"{where}.role must be one of {roles}", f"{where}.role")
        item = {"role": role, "text": _message_text(message.get("content"), where)}
        if role == "assistant" and isinstance(message.get("kg_answer"), dict):
            item["kg_answer"] = message["kg_answer"]
        parsed.append(item)
    if not any(item["role"] == "user" for item in parsed):
        raise ChatRequestError("no_user_message", "the messages hold no user message to answer", "messages")
    return parsed


def _message_text(content: Any, where: str) -> str:
    """Return a message's text: a string, or the text parts of a content array (images are skipped)."""
    if content is None or isinstance(content, str):
        return content or ""
    if isinstance(content, list):
        parts = [p.get("text") for p in content if isinstance(p, dict) and p.get("type") in ("text", "input_text")]
        return "\n".join(p for p in parts if isinstance(p, str))
    raise ChatRequestError(
        "invalid_message", f"{where}.content must be a string or an array of parts", f"{where}.content"
    )


def answer_conversation(graph: KnowledgeGraph, messages: list[dict[str, Any]]) -> Answer:
    """Answer the last user message, with the earlier ones as the context its pronouns refer to."""
    turns = [m["text"] for m in messages if m["role"] == "user"]
    session = conversation_id(turns)
    if len(turns) > 1:
        context = _context(graph, turns[:-1], messages)
        if context:
            _seed(graph, session, context)
    return graph.ask(turns[-1], session)


def conversation_id(turns: list[str]) -> str:
    """Name the session of a conversation by its user turns, so every worker derives the same name."""
    digest = hashlib.sha256(json.dumps(turns, ensure_ascii=False).encode()).hexdigest()[:32]
    return f"chat-{digest}"


def _context(graph: KnowledgeGraph, prior: list[str], messages: list[dict[str, Any]]) -> list[str]:
    """Return the IRIs the earlier turns left as context: remembered, carried by the client, or replayed."""
    sessions = graph.engine.sessions
    previous = conversation_id(prior)
    remembered = sessions.context(previous)  # this worker answered the previous request
    if remembered:
        return [str(iri) for iri in remembered]
    carried = _carried_context(graph, messages)
    if carried:
        return carried
    for turn in prior[-REPLAY_TURNS:]:
        try:
            graph.ask(turn, previous)
        except QuestionError:
            continue  # an empty or overlong earlier turn left no context then either
    return [str(iri) for iri in sessions.context(previous)]


def _carried_context(graph: KnowledgeGraph, messages: list[dict[str, Any]]) -> list[str]:
    """Take the context from the ``kg_answer`` a client echoed on the last assistant message, if any."""
    assistant = [m for m in messages[:-1] if m["role"] == "assistant"]
    if not assistant or "kg_answer" not in assistant[-1]:
        return []
    carried = assistant[-1]["kg_answer"]
    items = [*(carried.get("answers") or []), *(carried.get("topics") or [])]
    known = graph.engine.catalog.entities
    iris = [
        item["iri"]
        for item in items
        if isinstance(item, dict) and "value" not in item and isinstance(item.get("iri"), str)
    ]
    # Only concepts of this graph: the field comes from the client and must not steer the engine elsewhere.
    return [iri for iri in iris if URIRef(iri) in known]


def _seed(graph: KnowledgeGraph, session: str, iris: list[str]) -> None:
    """Make ``iris`` the context of ``session``, as if its last answer had been about them."""
    carrier = Answer(question="", answer="", answers=[{"iri": iri} for iri in iris])
    graph.engine.sessions.remember(session, carrier)


def graph() -> KnowledgeGraph:
    """Return the app's :class:`KnowledgeGraph` (``extensions["kg"].graph``)."""
    return current_app.extensions["kg"].graph


def _not_ready() -> Response | None:
    """Answer 503 ``not_ready`` while the engine loads (OpenAI SDKs retry a 503 by themselves)."""
    readiness = getattr(current_app.extensions["kg"], "readiness", None)
    if readiness is None or readiness.is_ready():
        return None
    if readiness.error:
        return _error(503, "not_ready", f"the question-answering engine failed to load: {readiness.error}")
    response = _error(503, "not_ready", "the question-answering engine is still loading; try again shortly")
    response.headers["Retry-After"] = RETRY_AFTER
    return response


# -- the response ----------------------------------------------------------------------------------------
def _stream(
    head: dict[str, Any], content: str, kg_answer: dict[str, Any], usage: dict[str, int] | None
) -> Iterator[str]:
    """Yield the reply as OpenAI's server-sent chunk events (each ``head`` plus choices), then ``[DONE]``.

    Runs after the request has ended, so it takes everything it needs as arguments.
    """

    def chunk(delta: dict[str, Any], finish_reason: str | None = None) -> str:
        choice = {"index": 0, "delta": delta, "finish_reason": finish_reason, "logprobs": None}
        return _event({**head, "choices": [choice]})

    yield chunk({"role": "assistant", "content": "", "kg_answer": kg_answer})
    for piece in re.findall(r"\s*\S+", content):  # a word at a time, its leading space kept
        yield chunk({"content": piece})
    yield chunk({}, "stop")
    if usage is not None:
        yield _event({**head, "choices": [], "usage": usage})
    yield "data: [DONE]\n\n"


def _event(payload: dict[str, Any]) -> str:
    return f"data: {json.dumps(payload, ensure_ascii=False)}\n\n"


def _request_options(body: dict[str, Any]) -> tuple[bool, bool]:
    """Check the options beside ``messages`` and return ``(stream, include_usage)``; refuse bad ones."""
    stream = body.get("stream") or False
    if not isinstance(stream, bool):
        raise ChatRequestError("invalid_stream", "'stream' must be true or false", "stream")
    if body.get("n") not in (None, 1):
        raise ChatRequestError("unsupported_n", "only one choice (n = 1) is answered", "n")
    model = body.get("model")
    if model is not None and not isinstance(model, str):
        raise ChatRequestError("invalid_model", "'model' must be a string", "model")
    options = body.get("stream_options") or {}
    if not isinstance(options, dict):
        raise ChatRequestError("invalid_stream_options", "'stream_options' must be an object", "stream_options")
    return stream, bool(options.get("include_usage")) and stream


def _usage(messages: list[dict[str, Any]], content: str) -> dict[str, int]:
    """Count words and punctuation as tokens: an estimate, since no model tokenizer is involved."""
    prompt = sum(_tokens(m["text"]) for m in messages)
    completion = _tokens(content)
    return {"prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion}


def _tokens(text: str) -> int:
    return len(re.findall(r"\w+|[^\w\s]", text))


def _model_id() -> str:
    return str(current_app.config.get("CHAT_MODEL") or DEFAULT_MODEL)


def _model_card() -> dict[str, Any]:
    return {"id": _model_id(), "object": "model", "created": MODEL_CREATED, "owned_by": "kgqa"}


def _error(status: int, code: str, message: str, param: str | None = None) -> Response:
    """Build the project's error shape with OpenAI's ``type`` and ``param`` added for its SDKs."""
    kind = "invalid_request_error" if status < 500 else "server_error"
    response = jsonify({"error": {"code": code, "message": message, "type": kind, "param": param}})
    response.status_code = status
    return response
