"""Say what extraction read from a document: sentences, facts by rule, and what gave no fact.

A user who builds a graph from their own notes needs to see what the graph missed, not only what it
holds: ``kg build --report`` prints one of these per document.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class DocumentReport:
    """Counts for one document, filled in while it is read."""

    document: str
    sentences: int = 0
    with_facts: int = 0
    facts_by_rule: Counter = field(default_factory=Counter)
    without_facts: list[str] = field(default_factory=list)
    #: Brand words the build learnt from this document's names ("Amazon" of "Amazon EC2" and "EC2").
    brands: list[str] = field(default_factory=list)

    def sentence(self, text: str, facts: int) -> None:
        """Record one sentence read and how many facts it gave."""
        self.sentences += 1
        if facts:
            self.with_facts += 1
        else:
            self.without_facts.append(text)

    def fact(self, rule: str) -> None:
        """Record one fact and the rule that produced it ("open:prep" counts as "open")."""
        self.facts_by_rule[rule.split(":", 1)[0]] += 1

    @property
    def facts(self) -> int:
        return sum(self.facts_by_rule.values())

    def to_dict(self) -> dict:
        """Return the report as plain JSON-ready data."""
        return {
            "document": self.document,
            "sentences": self.sentences,
            "sentences_with_facts": self.with_facts,
            "facts": self.facts,
            "facts_by_rule": dict(sorted(self.facts_by_rule.items())),
            "sentences_without_facts": list(self.without_facts),
            "brand_words": list(self.brands),
        }

    def render(self, missed: int = 20) -> str:
        """Return the report as text: the counts, then up to ``missed`` sentences that gave no fact."""
        share = self.with_facts / self.sentences if self.sentences else 0.0
        rules = ", ".join(f"{rule} {n}" for rule, n in sorted(self.facts_by_rule.items())) or "none"
        lines = [
            f"{self.document}: {self.sentences} sentences, {self.with_facts} with facts ({share:.0%}), "
            f"{self.facts} facts ({rules})"
        ]
        if self.brands:
            lines.append(f"  brand words (dropped from several names): {', '.join(self.brands)}")
        if self.sentences and not self.facts:
            lines.append("  no facts at all: the graph holds only this document's names and sentences")
        for text in self.without_facts[:missed]:
            lines.append(f"  no fact: {' '.join(text.split())}")
        if len(self.without_facts) > missed:
            lines.append(f"  ... and {len(self.without_facts) - missed} more sentences with no fact")
        return "\n".join(lines)
