"""Compare two options by the amounts one sentence states of each ("A is 16 amp, but B is only 10 amp").

A note often sets two things side by side in one sentence, each with its amount: in contrasted clauses
("The east pier is 40 metres long, while the west one is 25 metres"), or with the other's amount in
brackets ("Members pay £80 (£30 for students)"). "Which pier is longer?" and "Who pays less?" are answered
by those amounts, no fact of the graph recording either.

The sentence is cut at its punctuation (commas, semicolons, colons, dashes, brackets) into stretches; each
option must be named in exactly one stretch, no stretch names both, and each option's stretch states exactly
one amount, of the same unit for both (``kg.amounts``: "£80" is 80 pounds; "up to 4 metres" reads its
bound). The question says which side wins by grammar of degree: a word of size ("more", "less",
"higher", "fewer": ``kg.measures.grading_side``) that grades a noun or a verb, or a comparative WordNet's
definitions say means more or less of what the unit measures ("longer" of a time, "cheaper" of a sum of
money: ``kg.measures.amount_side``), graded by "more"/"less" where it is ("more expensive").
"""

from __future__ import annotations

from collections.abc import Sequence

from kg.amounts import CURRENCY_SIGNS, Amount, read_amounts
from kg.measures import amount_side, grading_side
from kg.opposites import word_pairs
from kg.text import noun_key

#: Punctuation that closes one stretch of a sentence and opens the next.
BREAKS = frozenset(", ; : ( ) \u2014 \u2013 --".split())
#: WordNet's nouns of what a unit measures, by the kind of unit: a period of time measures time, a currency
#: a cost. Units of other kinds are compared only by a word of size ("more", "higher").
TIME_NOUNS = ("time", "duration")
MONEY_NOUNS = ("cost", "price")
#: Nouns whose first sense is a time (see ``kg.sentence_slots.TIME_TABLE``).
TIME_TABLE = "times.tsv"


def stretches(doc) -> list[list]:
    """Return the tokens of ``doc`` cut at its punctuation (``BREAKS``), the punctuation left out."""
    out: list[list] = [[]]
    for token in doc:
        if token.text in BREAKS:
            out.append([])
        else:
            out[-1].append(token)
    return [s for s in out if s]


def _names_in(stretch: list, names: Sequence[Sequence[str]]) -> bool:
    """Tell whether the tokens of ``stretch`` say one of ``names`` (lowercase words, nouns by their key)."""
    words = [noun_key(t.lower_) for t in stretch]
    for name in names:
        n = len(name)
        if n and any(words[i : i + n] == [noun_key(w) for w in name] for i in range(len(words) - n + 1)):
            return True
    return False


def _value(amount: Amount) -> float | None:
    """Return the one number an amount stands for: its exact value, or its one bound ("up to 4 metres")."""
    if amount.low is not None and amount.high is not None:
        return amount.low if amount.low == amount.high else None
    return amount.low if amount.low is not None else amount.high


def stated_amounts(doc, options: Sequence[Sequence[Sequence[str]]]) -> list[tuple[float, str]] | None:
    """Return the amount (value, unit) ``doc`` states of each option, or None when it does not state one of
    each in a stretch of its own, in one unit, with different values.

    ``options`` holds each option's names (each a sequence of lowercase words). A stretch may state amounts
    of other units too ("£250 for boats under 10 metres"): the unit compared is the one each option's
    stretch states exactly one amount of, if there is exactly one such unit.
    """
    parts = stretches(doc)
    stated: list[dict[str, list[float | None]]] = []
    for names in options:
        mine = [part for part in parts if _names_in(part, names)]
        if len(mine) != 1:
            return None
        if any(_names_in(mine[0], other) for other in options if other is not names):
            return None  # one stretch names both: which amount is whose is not said by the stretches
        text = mine[0][0].doc.text[mine[0][0].idx : mine[0][-1].idx + len(mine[0][-1].text)]
        by_unit: dict[str, list[float | None]] = {}
        for amount in read_amounts(text):
            by_unit.setdefault(amount.unit, []).append(_value(amount))
        stated.append(by_unit)
    units = [
        unit
        for unit in stated[0]
        if all(len(by_unit.get(unit, [])) == 1 and by_unit[unit][0] is not None for by_unit in stated)
    ]
    if len(units) != 1:
        return None
    found = [(by_unit[units[0]][0], units[0]) for by_unit in stated]
    if len({value for value, _ in found}) != len(found):
        return None
    return found


def measured(unit: str) -> tuple[str, ...]:
    """Return WordNet's nouns for what ``unit`` measures: a time, a cost, or nothing known."""
    if unit in CURRENCY_SIGNS.values():
        return MONEY_NOUNS
    if noun_key(unit) in word_pairs(TIME_TABLE):
        return TIME_NOUNS
    return ()


def asked_side(question_doc, unit: str, skip: set[int] = frozenset()) -> int:
    """Return 1 when the question asks for the option with more of what ``unit`` measures, -1 for less, 0
    when it does not say (or says both). Tokens at ``skip`` (the options) are not read."""
    sides = set()
    nouns = measured(unit)
    for token in question_doc:
        if token.i in skip:
            continue
        size = grading_side(token.lower_)
        if size and token.dep_ == "advmod" and token.head.pos_ in ("ADJ", "ADV"):
            # "more expensive": the adjective says which way its amount goes, "more" how far.
            side = _side_of(token.head.lower_, nouns)
            if side:
                sides.add(size * side)
        elif size:
            sides.add(size)  # "more power", "costs less", "a higher rate"
        elif token.tag_ in ("JJR", "RBR") and not any(
            c.dep_ == "advmod" and grading_side(c.lower_) for c in token.children
        ):
            side = _side_of(token.lower_, nouns)
            if side:
                sides.add(side)  # "longer" of a time, "cheaper" of a sum of money
    return sides.pop() if len(sides) == 1 else 0


def _side_of(word: str, nouns: Sequence[str]) -> int:
    """Return the side ``word`` grades the first of ``nouns`` WordNet says it measures, or 0."""
    for noun in nouns:
        side = amount_side(word, noun)
        if side:
            return side
    return 0
