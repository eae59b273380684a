"""``bench/score_sets.py --check``: what a question set must hold, and what it may.

Every set's answerable question quotes the text that answers it, verbatim or as read (a note's bold and code
marks left out: "**Corran mill** grinds oats" quoted "Corran mill grinds oats"); an unanswerable one may quote
the sentence that leaves it unanswered, or give an empty quote. The bundled sets pass.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _score_sets():
    spec = importlib.util.spec_from_file_location("score_sets", ROOT / "bench" / "score_sets.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["score_sets"] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_quotes_as_read_and_unanswerable_quotes_pass_and_a_missing_quote_does_not(tmp_path, monkeypatch):
    score_sets = _score_sets()
    (tmp_path / "quarry.md").write_text("# Quarry\n\n**Holt quarry** cuts `slate` for roofs.\n", encoding="utf-8")
    monkeypatch.setattr(score_sets, "DOC_DIRS", (tmp_path,))
    rows = [
        {"id": "q-1", "cat": "relation", "q": "What does Holt quarry cut?", "expect": {"any": ["slate"]},
         "doc": "quarry.md", "quote": "Holt quarry cuts slate for roofs."},
        {"id": "q-2", "cat": "unanswerable", "q": "Who owns Holt quarry?", "expect": {"abstain": True},
         "doc": "quarry.md", "quote": ""},
        {"id": "q-3", "cat": "unanswerable", "q": "Does it cut marble?", "expect": {"abstain": True},
         "doc": "quarry.md", "quote": "Holt quarry cuts slate for roofs."},
        {"id": "q-4", "cat": "relation", "q": "What is slate used for?", "expect": {"any": ["roof"]},
         "doc": "quarry.md", "quote": ""},
        {"id": "q-5", "cat": "relation", "q": "Where is the quarry?", "expect": {"any": ["Holt"]},
         "doc": "quarry.md", "quote": "Holt quarry is in Wales."},
    ]  # fmt: skip
    path = tmp_path / "quarry.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    assert score_sets.check([path]) == [
        "quarry.jsonl:4: an answerable question needs a quote",
        "quarry.jsonl:5: quote is not in quarry.md",
    ]


def test_the_bundled_sets_pass_the_check():
    score_sets = _score_sets()
    assert score_sets.check(score_sets.set_files(dev_only=False)) == []
