"""The answer the engine gives, shaped as the ``/api/ask`` contract (DESIGN.md, "The ask contract").

The question's own checks (:func:`clean_question`) live here too, beside :class:`QuestionError`, so a
caller can refuse an empty or oversized question before it loads the engine, the model or the graph.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import asdict, dataclass, field
from typing import Any

MAX_QUESTION_CHARS = 1000
#: "What's X", "who's Y": a question opening with a wh-word and "is" contracted. Only there: inside a
#: question the same letters may belong to a name (a title with "Who's" in it), which must stay as written.
CONTRACTED_IS = re.compile(r"^(what|who|where|when|how|which)['’]s\b", re.IGNORECASE)


@dataclass
class Answer:
    """A grounded answer: the text, ranked answers, confidence, the SPARQL run, evidence and sources.

    ``answers`` holds entity answers (``iri``, ``label``, ``aliases``) or literal answers (``value``:
    a string, or ``True``/``False`` for yes/no). An empty list means the graph holds no answer.
    """

    question: str
    answer: str
    answers: list[dict[str, Any]] = field(default_factory=list)
    confidence: float = 0.0
    sparql: str = ""
    evidence: list[dict[str, Any]] = field(default_factory=list)
    sources: list[dict[str, str]] = field(default_factory=list)
    session: str | None = None
    #: The concepts the question was understood to be about (for follow-ups and the page's picture).
    topics: list[dict[str, Any]] = field(default_factory=list)
    #: What kind of question it was read as (definition, relation, boolean, ...).
    kind: str = ""

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready dict of the ask contract (plus ``topics`` and ``kind``)."""
        return asdict(self)

    @property
    def abstained(self) -> bool:
        """Tell whether the engine declined to answer."""
        return not self.answers


class QuestionError(ValueError):
    """A question that cannot be asked: empty, too long, or not text. ``code`` names the problem."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


def clean_question(question: object) -> str:
    """Return the question as clean text, or raise :class:`QuestionError` (empty, too long, not text)."""
    if not isinstance(question, str):
        raise QuestionError("invalid_question", "the question must be a string")
    text = unicodedata.normalize("NFC", question)
    text = "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in text)
    text = CONTRACTED_IS.sub(r"\1 is", " ".join(text.split()))
    if not text:
        raise QuestionError("empty_question", "the question is empty")
    if len(text) > MAX_QUESTION_CHARS:
        raise QuestionError(
            "question_too_long", f"the question has {len(text)} characters; the limit is {MAX_QUESTION_CHARS}"
        )
    return text
