"""The answer the engine gives, shaped as the ``/api/ask`` contract (DESIGN.md, "The ask contract")."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


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
