"""Score the engine on a question file: the project's JSONL format or MetaQA's "question<TAB>answers".

The judging rules are those of ``shared/qa/score.py`` (a hit is a top answer named like a gold answer,
yes/no by value, abstention by an empty answer list), applied to the engine directly so a run needs no
server. Brackets around MetaQA's topic entity are removed, as a user would not type them.
"""

from __future__ import annotations

import json
import re
import statistics
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kg.answer import QuestionError
from kg.text import ARTICLES


def load_questions(path: Path, limit: int = 0) -> list[dict[str, Any]]:
    """Read a question file; ``limit`` keeps an evenly spaced sample of that many."""
    text = Path(path).read_text(encoding="utf-8")
    if str(path).endswith(".txt"):
        items = []
        for n, line in enumerate(text.splitlines()):
            if not line.strip():
                continue
            question, _, answers = line.partition("\t")
            items.append({
                "id": f"line-{n + 1}", "cat": "metaqa",
                "q": question.replace("[", "").replace("]", ""), "expect": {"any": answers.split("|")},
            })  # fmt: skip
    else:
        items = [json.loads(line) for line in text.splitlines() if line.strip()]
    if limit and len(items) > limit:
        step = len(items) / limit
        items = [items[int(i * step)] for i in range(limit)]
    return items


def _norm(text: Any) -> str:
    text = re.sub(r"\(.*?\)", " ", str(text).lower())
    words = re.findall(r"[a-z0-9]+", text.replace("-", " "))
    words = [w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in words]
    return " ".join(w for w in words if w not in ARTICLES)


def _names(answer: dict[str, Any]) -> set[str]:
    out = {_norm(answer[k]) for k in ("label", "value") if isinstance(answer.get(k), str)}
    out |= {_norm(a) for a in answer.get("aliases") or []}
    out.discard("")
    return out


def judge(expect: dict[str, Any], reply: dict[str, Any]) -> bool:
    """Tell whether a reply (the ask contract as a dict) meets an expectation."""
    answers = reply.get("answers") or []
    text = (reply.get("answer") or "").lower()
    if expect.get("abstain"):
        return not answers
    if not answers:
        return False
    if "any" in expect:
        return bool(_names(answers[0]) & {_norm(a) for a in expect["any"]})
    if "all" in expect:
        groups = [{_norm(a) for a in g} for g in expect["all"]]
        covered = all(any(_names(a) & g for a in answers) for g in groups)
        return covered and all(any(_names(a) & g for g in groups) for a in answers)
    if "keywords" in expect:
        return all(any(k.lower() in text for k in g) for g in expect["keywords"])
    if "bool" in expect:
        value = answers[0].get("value")
        if not isinstance(value, bool):
            head = text.strip()[:4]
            value = True if head.startswith("yes") else False if head.startswith("no") else None
        return value is expect["bool"]
    raise ValueError(f"unknown expectation {expect}")


def evaluate(ask: Callable[[str], dict[str, Any]], items: list[dict[str, Any]]) -> dict[str, Any]:
    """Ask every question and return accuracy overall and per category, latency and the misses.

    A question the engine refuses (:class:`~kg.answer.QuestionError`: empty, too long) counts as an
    abstention, as the service answers it with an error rather than an answer.
    """
    per_cat: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    times, misses = [], []
    for item in items:
        start = time.perf_counter()
        try:
            reply = ask(item["q"])
        except QuestionError as exc:
            reply = {"answers": [], "answer": exc.message}
        times.append(time.perf_counter() - start)
        ok = judge(item["expect"], reply)
        per_cat[item.get("cat", "all")][0] += ok
        per_cat[item.get("cat", "all")][1] += 1
        if not ok:
            got = [a.get("label", a.get("value")) for a in reply.get("answers") or []][:3]
            misses.append({"id": item.get("id"), "q": item["q"], "expected": item["expect"], "got": got})
    hits = sum(h for h, _ in per_cat.values())
    ordered = sorted(times)
    return {
        "accuracy": round(hits / len(items), 4) if items else 0.0,
        "hits": hits,
        "total": len(items),
        "by_category": {c: f"{h}/{n}" for c, (h, n) in sorted(per_cat.items())},
        "p50_ms": round(statistics.median(ordered) * 1000, 1) if ordered else None,
        "p95_ms": round(ordered[int(0.95 * (len(ordered) - 1))] * 1000, 1) if ordered else None,
        "misses": misses,
    }
