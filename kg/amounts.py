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

_WORD_RE = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*|(?<![A-Za-z])\d[\d,]*(?:\.\d+)?")


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


def _numbers(words: list[str]) -> list[tuple[int, float, int]]:
    """Return each number the words spell, as (start, value, position after it)."""
    found = []
    i = 0
    while i < len(words):
        got = _number(words, i)
        if got is None:
            i += 1
            continue
        found.append((i, *got))
        i = got[1]
    return found


def _bounded(words: list[str], start: int, value: float, end: int) -> Amount | None:
    """Return the amount one number states with the bounds the words around it give, or None."""
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


def _ranged(words: list[str], first: tuple[int, float, int], second: tuple[int, float, int]) -> Amount | None:
    """Return "between one and three pounds" as one amount, or None when the two numbers form no range."""
    start, low, end = first
    if _unit(words, end) and _unit(words, end) == _unit(words, second[2]) and words[end + 1 : end + 2] == ["and"]:
        end += 1  # "between £5 and £10": the unit said with each number
    if end >= len(words) or words[end] != "and" or second[0] != end + 1:
        return None
    if not _before(words, start, (("between",), ("from",))):
        return None
    unit = _unit(words, second[2])
    return Amount(unit, low, second[1]) if unit else None


#: Currency signs written before an amount ("£780", "$12.50"), with the unit each names: the sign is the
#: unit, read as the word a writer may use instead ("780 pounds").
CURRENCY_SIGNS = {"£": "pound", "$": "dollar", "€": "euro", "¥": "yen", "₹": "rupee"}
_SIGNED_RE = re.compile(r"([£$€¥₹])\s?(\d[\d,]*(?:\.\d+)?)")


def _words(text: str) -> list[str]:
    """Return the lowercase words and numbers of ``text`` (a digit inside a name, "EC2", is none); an amount
    after a currency sign is read with the sign's unit after it ("£780": "780", "pound")."""
    text = _SIGNED_RE.sub(lambda m: f"{m.group(2)} {CURRENCY_SIGNS[m.group(1)]}", text)
    return [w.lower() for w in _WORD_RE.findall(text)]


def read_amount(text: str) -> Amount | None:
    """Return the one amount ``text`` states with its bounds, or None (none, several, or no unit)."""
    words = _words(text)
    found = _numbers(words)
    if len(found) == 2:
        return _ranged(words, found[0], found[1])
    if len(found) != 1:
        return None
    return _bounded(words, *found[0])


def read_amounts(text: str) -> list[Amount]:
    """Return every amount ``text`` states with a unit ("six days on one battery": two), ranges as one."""
    words = _words(text)
    found = _numbers(words)
    amounts = []
    i = 0
    while i < len(found):
        ranged = _ranged(words, found[i], found[i + 1]) if i + 1 < len(found) else None
        if ranged is not None:
            amounts.append(ranged)
            i += 2
            continue
        amount = _bounded(words, *found[i])
        if amount is not None:
            amounts.append(amount)
        i += 1
    return amounts


def counted_units(text: str) -> dict[str, str]:
    """Return each number word of ``text`` with the unit it counts ("fifteen people": {"fifteen": "person"}).

    A number that counts no noun ("in 1985") is left out.
    """
    words = _words(text)
    return {words[start]: unit for start, _, end in _numbers(words) if (unit := _unit(words, end))}


#: Words that join or compare what follows a number and are never its unit ("under 18 *and* students").
NOT_UNITS = frozenset(("and", "or", "but", "nor", "than"))


def _unit(words: list[str], end: int) -> str:
    """Return the noun key of the word after an amount's number ("kilograms": "kilogram"), or ""."""
    if end >= len(words) or not words[end].isalpha() or words[end] in NOT_UNITS:
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
    return _within(amount, asked[0], question)


def _within(amount: Amount, value: float, question: str) -> bool | None:
    """Return whether ``value`` lies within ``amount``; None for a single figure asked about by another one
    under a modal ("Can it carry 50 kilograms?" of "carries 35 kilograms": a capacity says nothing of less).
    """
    if amount.exact and value != amount.low and _opens_with_modal(question):
        return None
    return amount.holds(value)


def _opens_with_modal(question: str) -> bool:
    first = question.strip().split(" ", 1)[0].lower()
    return first in ("can", "could", "may", "might", "will", "would", "must", "should")


def amounts_hold(question: str, stated: str) -> bool | None:
    """Tell whether every plain amount a yes/no question names lies within the one ``stated`` gives.

    "Can the pump run for ten days on one battery?" of "can run for six days on one battery": a fact
    that answers the question's verb may yet state another amount than the question's, which then
    decides. True when each of the question's amounts ("one tank" too) lies within the stated amount of
    its unit (also when the question names none); False when one lies outside; None when the sentence
    states no single amount of one of the units, or when the two cannot be compared (a capacity stated as
    one figure, asked about by another under a modal, see :func:`amount_verdict`).
    """
    stated_amounts = read_amounts(stated)
    holds = True
    for asked in read_amounts(question):
        if not asked.exact:
            continue
        value = asked.low
        same = [a for a in stated_amounts if a.unit == asked.unit]
        if len(same) != 1:
            return None
        within = _within(same[0], value, question)  # type: ignore[arg-type]
        if within is None:
            return None
        holds = holds and within
    return holds
