"""Pin that no question the engine is tested or developed on is written into the engine or its vocabulary.

A rule written for one question ("who acted together with X", a comment quoting a dev question) teaches
the engine nothing about the next one. This test reads every question text of the tests, the compute dev
set, ``bench/sets`` and the MetaQA dev samples, and fails when one of them, or a distinctive phrase of
four words from it, appears in ``kg/`` or ``data/`` (case-insensitive). MetaQA questions name an entity
in brackets: their phrasing is checked with the entity as a placeholder that any name (or "X") fills.

``data/docs/`` is not searched: those are the documents the questions are about, and a question may
well repeat its source's words. ``../shared`` (the compute dev set and MetaQA) is present in CI; there
a missing folder fails the test rather than skipping it.
"""

from __future__ import annotations

import ast
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
#: The placeholder a bracketed MetaQA entity becomes; in searched text a name (a capitalised word and up to
#: five more, or a placeholder such as "X") fills it.
SLOT = "\x00"
#: Words of no content: a 4-word phrase needs two words outside this list (and outside the slot) to count
#: as distinctive ("what is the difference" does not; "movies did X act" does).
FUNCTION_WORDS = frozenset(
    "a an the this that these those of to in on at by for from with as and or but if than so into onto "
    "what which who whom whose when where why how is are was were be been being am do does did can could "
    "will would shall should may might must has have had i you we me us it its they them their he she him "
    "her his my your our there here not no any some all each every also about x y".split()
)
QUESTION_START = re.compile(
    r"^(what|which|who|whom|whose|when|where|why|how|is|are|was|were|do|does|did|can|could|will|would|should|"
    r"has|have|define|describe|explain|list|name|tell|give|show)\b",
    re.IGNORECASE,
)
WORD = re.compile(r"[A-Za-z0-9]+(?:['’-][A-Za-z0-9]+)*|\x00")
NAME = r"[A-Z][A-Za-z0-9'-]*(?: [A-Za-z0-9'-]+){0,5}"


@dataclass(frozen=True)
class Question:
    """A question text and where it was read from."""

    text: str
    source: str


def words(text: str) -> list[str]:
    """Return the lowercase words of ``text`` (the slot stays one word)."""
    return [w.lower() for w in cased_words(text)]


def cased_words(text: str) -> list[str]:
    """Return the words of ``text`` as written."""
    return WORD.findall(text.replace("’", "'"))


def with_slot(question: str) -> str:
    """Replace a bracketed MetaQA entity with the placeholder."""
    return re.sub(r"\[[^\]]*\]", SLOT, question)


def phrases(question: str, known: str = "") -> set[tuple[str, ...]]:
    """Return the phrases of ``question`` to look for: the whole of it, and its distinctive 4-word windows.

    A window is distinctive when two of its words have content and the documents the questions are
    about (``known``, normalised lowercase) do not hold it: "the data in memory" is the note's phrase,
    which code may well cite; "who acted together with" is only the question's.
    """
    ws = words(question)
    found = set()
    if len(ws) >= 4 and sum(w != SLOT for w in ws) >= 3:
        found.add(tuple(ws))
    for i in range(len(ws) - 3):
        window = ws[i : i + 4]
        content = [w for w in window if w != SLOT and w not in FUNCTION_WORDS]
        if len(content) >= 2 and window.count(SLOT) <= 1 and not phrase_pattern(tuple(window)).search(known):
            found.add(tuple(window))
    return found


def phrase_pattern(phrase: tuple[str, ...]) -> re.Pattern[str]:
    """Return a regex for ``phrase`` in normalised text: its words in any case, in order; the slot a name."""
    parts = [NAME if w == SLOT else f"(?i:{re.escape(w)})" for w in phrase]
    return re.compile(r"(?<![A-Za-z0-9'-])" + " ".join(parts) + r"(?![A-Za-z0-9'-])")


def normalised(text: str) -> str:
    """Return ``text`` as its words separated by single spaces (comments, strings, code alike)."""
    return " ".join(cased_words(text))


def documents() -> str:
    """Return the notes the questions are about, normalised lowercase, one string."""
    folders = [ROOT / "data" / "docs", ROOT / "bench" / "sets" / "docs", SHARED / "corpus"]
    paths = [p for folder in folders if folder.is_dir() for p in sorted(folder.glob("*.md"))]
    return "\n".join(normalised(p.read_text(encoding="utf-8")).lower() for p in paths)


def find_quoted(questions: list[Question], files: list[Path], root: Path = ROOT, known: str = "") -> list[str]:
    """Return "file: phrase (from source)" for each question found in a file: its longest phrase found there.

    ``known`` is the text of the documents the questions are about (see :func:`phrases`).
    """
    texts = {path: normalised(path.read_text(encoding="utf-8", errors="replace")) for path in files}
    lowered = {path: text.lower() for path, text in texts.items()}
    problems = []
    for question in questions:
        ordered = sorted(phrases(question.text, known), key=lambda p: (-len(p), p))
        for path, text in texts.items():
            for phrase in ordered:
                plain = [w for w in phrase if w != SLOT]
                if all(w in lowered[path] for w in plain) and phrase_pattern(phrase).search(text):
                    shown = " ".join("X" if w == SLOT else w for w in phrase)
                    problems.append(f"{path.relative_to(root)}: {shown!r} (from {question.source})")
                    break
    return problems


def searched_files() -> list[Path]:
    """Return the engine's code and vocabulary: every text file under kg/ and data/ except data/docs/."""
    out = []
    for folder in (ROOT / "kg", ROOT / "data"):
        for path in sorted(folder.rglob("*")):
            if not path.is_file() or "__pycache__" in path.parts or (ROOT / "data" / "docs") in path.parents:
                continue
            if path.suffix in (".py", ".ttl", ".rq", ".md", ".txt", ".json", ".jsonl", ".nt"):
                out.append(path)
    return out


def questions_in_tests() -> list[Question]:
    """Return the questions written into the tests: string literals that read as questions."""
    out = []
    for path in sorted((ROOT / "tests").glob("*.py")):
        if path.name == Path(__file__).name:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                text = node.value.strip()
                # A message that ends in a question ("...: did you mean LIMIT?") is not one.
                if "\n" in text or ":" in text or len(text) > 200 or len(text.split()) < 4:
                    continue
                if text.endswith("?") or QUESTION_START.match(text):
                    out.append(Question(text, f"tests/{path.name}"))
    return out


def jsonl_questions(path: Path) -> list[Question]:
    """Return the ``q`` of every line of a question file."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [Question(json.loads(line)["q"], path.name) for line in lines if line.strip()]


def metaqa_questions(path: Path) -> list[Question]:
    """Return MetaQA questions with their bracketed entity as the placeholder."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [Question(with_slot(line.partition("\t")[0]), path.name) for line in lines if line.strip()]


def shared_questions() -> list[Question]:
    """Return the questions of ``../shared``: the compute dev set and the MetaQA dev samples."""
    if not SHARED.is_dir():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{SHARED} is missing: CI must check the shared dev sets too")
        pytest.skip(f"{SHARED} is not present on this machine")
    out = jsonl_questions(SHARED / "qa" / "compute_dev.jsonl")
    for hops in (1, 2, 3):
        out += metaqa_questions(SHARED / "metaqa" / f"dev_{hops}hop_sample.txt")
    return out


def test_no_test_or_bench_question_is_written_into_the_engine():
    questions = questions_in_tests()
    for path in sorted((ROOT / "bench" / "sets").glob("*.jsonl")):
        questions += jsonl_questions(path)
    assert len(questions) > 300  # the sets were read: bench/sets alone holds more than 250 questions
    assert find_quoted(questions, searched_files(), known=documents()) == []


def test_no_shared_dev_question_is_written_into_the_engine():
    questions = shared_questions()
    assert len(questions) == 330
    assert find_quoted(questions, searched_files(), known=documents()) == []


def test_a_quoted_question_is_found(tmp_path: Path):
    """The search finds a question pasted into code, whole, in part, or with its entity filled in."""
    code = tmp_path / "kg" / "qa.py"
    code.parent.mkdir()
    code.write_text(
        "x = 1  # e.g. 'What does an AMI create?'\n"
        "# who ACTED together\n#   with X reads as siblings\n"
        "# what films did Tom Hanks act in\n"
    )
    questions = [
        Question("What does an AMI create?", "dev"),
        Question("Who acted together with Meryl Streep?", "dev"),
        Question(with_slot("what films did [Temuera Morrison] act in"), "metaqa"),
        Question("Which port does FTP use for control?", "dev"),  # not quoted anywhere
    ]
    found = find_quoted(questions, [code], root=tmp_path)
    assert found == [
        "kg/qa.py: 'what does an ami create' (from dev)",
        "kg/qa.py: 'who acted together with' (from dev)",
        "kg/qa.py: 'what films did X act in' (from metaqa)",
    ]
