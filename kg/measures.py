"""Tell which side of an amount a comparative stands on: "longer" means more time, "cheaper" less cost.

A question may grade a noun ("which one needs *more time*, A or B?", "which one has *lower* costs?") where the
note compares with an adjective ("A takes longer than B"). Neither letters nor the embedding model see that
"longer" is more time and "quicker" less (the model puts "more time" as near "quicker" as "longer"), but
WordNet's definitions say it in words ("long": "a relatively great ... duration or passage of time"). The
rows read from them are in ``data/measures.tsv`` (made by ``scripts/make_measures.py``; see
data/SOURCES.md): an adjective or adverb, a noun, and whether its first sense means more or less of it.

``amount_side`` looks a comparative up by its lemmas and by their adjective synonyms (``data/adjectives.tsv``:
"quick" is "fast", which means less time), so a stated "quicker" answers "which one needs less time?".
"""

from __future__ import annotations

from functools import lru_cache

from kg.namespaces import data_dir
from kg.opposites import word_pairs
from kg.synonyms import ADJECTIVE_TABLE
from kg.text import lemmas

TABLE = "measures.tsv"
#: What adjectives measure, by WordNet's attribute pointers (``scripts/make_attributes.py``).
ATTRIBUTES = "attributes.tsv"
#: Words of size that grade a noun upwards ("*more* time", "a *higher* temperature"): grammar of degree.
MORE_OF = frozenset("more greater higher bigger larger".split())
#: Words of size that grade a noun downwards ("*less* time", "*fewer* stops", "a *lower* temperature").
LESS_OF = frozenset("less fewer lower smaller".split())


@lru_cache(maxsize=1)
def measure_table() -> dict[str, dict[str, int]]:
    """Return each adjective's graded nouns with their side (1 more, -1 less), read once per process: the
    glosses' rows, then the attributes' rows that have a side ("long": more "length") the glosses lack."""
    found: dict[str, dict[str, int]] = {}
    for line in (data_dir() / TABLE).read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        word, noun, sign = line.split("\t")
        found.setdefault(word, {})[noun] = 1 if sign == "+" else -1
    for word, nouns in attribute_table().items():
        for noun, side in nouns.items():
            if side:
                found.setdefault(word, {}).setdefault(noun, side)
    return found


@lru_cache(maxsize=1)
def attribute_table() -> dict[str, dict[str, int]]:
    """Return each adjective's attribute nouns with the side it stands on (1 more, -1 less, 0 unsaid), read once
    per process from ``data/attributes.tsv`` (WordNet's attribute pointers: "long" is a value of "length")."""
    found: dict[str, dict[str, int]] = {}
    for line in (data_dir() / ATTRIBUTES).read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        word, noun, sign = line.split("\t")
        found.setdefault(word, {})[noun] = {"+": 1, "-": -1}.get(sign, 0)
    return found


@lru_cache(maxsize=20_000)
def attribute_nouns(word: str) -> frozenset[str]:
    """Return the nouns of what ``word`` (an adjective, or its comparative) measures: "long" and "longer" give
    "length" and "duration", "heavy" "weight"; empty for a word that measures nothing."""
    table = attribute_table()
    return frozenset(noun for lemma in lemmas(word.lower()) | {word.lower()} for noun in table.get(lemma, {}))


def grading_side(word: str) -> int:
    """Return 1 for a word that grades a noun upwards ("more", "higher"), -1 downwards ("less"), else 0."""
    lower = word.lower()
    return 1 if lower in MORE_OF else -1 if lower in LESS_OF else 0


@lru_cache(maxsize=20_000)
def amount_side(comparative: str, noun: str) -> int:
    """Return 1 when ``comparative`` means more of ``noun`` ("longer", "time"), -1 when less ("quicker",
    "time"), and 0 when WordNet's definitions say nothing of it or say both sides."""
    table = measure_table()
    synonyms = word_pairs(ADJECTIVE_TABLE)
    own = lemmas(comparative.lower())
    nouns = lemmas(noun.lower())
    sides = {side for word in own for n in nouns if (side := table.get(word, {}).get(n))}
    if not sides:
        near = {other for word in own for other in synonyms.get(word, ())}
        sides = {side for word in near for n in nouns if (side := table.get(word, {}).get(n))}
    return sides.pop() if len(sides) == 1 else 0


def measured_nouns(comparative: str) -> frozenset[str]:
    """Return the nouns WordNet says ``comparative`` grades, by its lemmas or their adjective synonyms."""
    table = measure_table()
    synonyms = word_pairs(ADJECTIVE_TABLE)
    own = lemmas(comparative.lower())
    words = own | {other for word in own for other in synonyms.get(word, ())}
    return frozenset(noun for word in words for noun in table.get(word, {}))


def relative_side(first: str, second: str) -> int:
    """Return 1 when two comparatives mean the same side of every amount both grade ("slower", "longer": more
    time), -1 when the opposite sides ("longer", "quicker"), 0 when they grade no amount in common or disagree.

    A question may grade with one word what a note compared with another that no synonym or antonym
    joins: "which takes longer?" of "A is quicker than B" asks for B.
    """
    shared = measured_nouns(first) & measured_nouns(second)
    signs = {amount_side(first, noun) * amount_side(second, noun) for noun in shared} - {0}
    return signs.pop() if len(signs) == 1 else 0
