"""Amounts with their bounds, read from words: "up to 80 kilograms", "between one and three pounds",
"at least 16 years", "one night only", "35 kilograms".

A yes/no question that names an amount ("Can the van carry 900 kilograms?") is answered by the
amount a fact states of the same unit: inside its bounds it holds, outside them it does not. The
bounds are closed-class grammar ("up to", "at most", "at least", "between ... and", "only", "more
than"); the unit is the noun after the number, compared by its noun key. An amount whose unit or
bounds cannot be read compares with nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.text import NUMBER_MULTIPLIERS, NUMBER_VALUES, noun_key

#: Words before an amount that make it a most ("up to 80"), a least ("at least 16"), or a strict one.
UPPER = (("up", "to"), ("at", "most"), ("no", "more", "than"), ("not", "more", "than"), ("maximum",), ("max",))
LOWER = (("at", "least"), ("no", "less", "than"), ("no", "fewer", "than"), ("minimum",), ("min",))
STRICT_UPPER = (("less", "than"), ("fewer", "than"), ("under",), ("below",))
STRICT_LOWER = (("more", "than"), ("over",), ("above",))
#: Words that make an amount the most there is ("one night only").
ONLY = frozenset(("only", "just"))
#: Words that make an amount rough ("about fifty minutes"): no bound can be read from it.
ROUGH = frozenset(("about", "around", "roughly", "approximately", "nearly", "almost", "some", "circa"))

_WORD_RE = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*|\d[\d,]*(?:\.\d+)?")


@dataclass(frozen=True, slots=True)
class Amount:
    """An amount of one unit between ``low`` and ``high`` (either open: None), each bound strict or not."""

    unit: str
    low: float | None
    high: float | None
    strict_low: bool = False
    strict_high: bool = False

    @property
    def exact(self) -> bool:
        return self.low is not None and self.low == self.high

    def holds(self, value: float) -> bool:
        """Tell whether ``value`` lies within the bounds."""
        if self.low is not None and (value < self.low or (self.strict_low and value == self.low)):
            return False
        return not (self.high is not None and (value > self.high or (self.strict_high and value == self.high)))


def _number(words: list[str], i: int) -> tuple[float, int] | None:
    """Return the number the words spell from ``i`` and the position after it, or None."""
    word = words[i]
    if word[0].isdigit():
        try:
            value = float(word.replace(",", ""))
        except ValueError:
            return None
    else:
        parts = word.split("-")
        if not all(p in NUMBER_VALUES for p in parts):
            return None
        value = sum(NUMBER_VALUES[p] for p in parts)
    j = i + 1
    while j < len(words) and words[j] in NUMBER_MULTIPLIERS:
        value *= NUMBER_MULTIPLIERS[words[j]]
        j += 1
    return value, j


def _before(words: list[str], i: int, phrases) -> bool:
    """Tell whether one of ``phrases`` ends right before position ``i``."""
    return any(tuple(words[max(0, i - len(p)) : i]) == p for p in phrases)


def read_amount(text: str) -> Amount | None:
    """Return the one amount ``text`` states with its bounds, or None (none, several, or no unit)."""
    words = [w.lower() for w in _WORD_RE.findall(text)]
    found = []
    i = 0
    while i < len(words):
        got = _number(words, i)
        if got is None:
            i += 1
            continue
        found.append((i, *got))
        i = got[1]
    if not found:
        return None
    if len(found) == 2 and found[0][2] < len(words) and words[found[0][2]] == "and" and found[1][0] == found[0][2] + 1:
        start, low, _ = found[0]
        _, high, end = found[1]
        if not _before(words, start, (("between",), ("from",))):
            return None
        unit = _unit(words, end)
        return Amount(unit, low, high) if unit else None
    if len(found) != 1:
        return None
    start, value, end = found[0]
    unit = _unit(words, end)
    if not unit or _before(words, start, tuple((w,) for w in ROUGH)):
        return None
    if _before(words, start, UPPER) or ONLY & set(words[end:]) or _before(words, start, (("only",),)):
        return Amount(unit, None, value)
    if _before(words, start, LOWER):
        return Amount(unit, value, None)
    if _before(words, start, STRICT_UPPER):
        return Amount(unit, None, value, strict_high=True)
    if _before(words, start, STRICT_LOWER):
        return Amount(unit, value, None, strict_low=True)
    return Amount(unit, value, value)


def _unit(words: list[str], end: int) -> str:
    """Return the noun key of the word after an amount's number ("kilograms": "kilogram"), or ""."""
    if end >= len(words) or not words[end].isalpha():
        return ""
    return noun_key(words[end])


def asked_amount(question: str) -> tuple[float, str] | None:
    """Return the one plain amount a question names ("carry 100 kilograms") as (value, unit), or None.

    A question that bounds its own amount ("at least 50 kilograms") is not a plain amount.
    """
    amount = read_amount(question)
    if amount is None or not amount.exact:
        return None
    return amount.low, amount.unit  # type: ignore[return-value]


def amount_verdict(question: str, stated: str) -> bool | None:
    """Return whether the amount a question names lies within the amount a fact states, or None.

    None when either amount cannot be read, the units differ, or a fact's single amount ("weighs 35
    kilograms") is asked about by another amount under a modal ("Can it carry 50 kilograms?": a
    capacity stated as one figure says nothing of less).
    """
    asked = asked_amount(question)
    amount = read_amount(stated)
    if asked is None or amount is None or asked[1] != amount.unit:
        return None
    value = asked[0]
    if amount.exact and value != amount.low and _opens_with_modal(question):
        return None
    return amount.holds(value)


def _opens_with_modal(question: str) -> bool:
    first = question.strip().split(" ", 1)[0].lower()
    return first in ("can", "could", "may", "might", "will", "would", "must", "should")
