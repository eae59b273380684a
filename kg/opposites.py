"""Tell a word from its opposite, so that no question word names a relation called by its antonym.

The embedding model (all-MiniLM-L6-v2) places many antonyms closer than synonyms: buy~sell 0.76,
lend~borrow 0.80, win~lose 0.68, while offer~provide is 0.22. Matching question words to relation names
by meaning would then answer "what does the shop buy?" from "the shop sells postcards". Every place
that links a question word to a relation's name (by letters or by meaning) asks here first.

The antonyms are Princeton WordNet 3.0's, read from ``data/antonyms.tsv`` (made by
``scripts/make_antonyms.py``; see data/SOURCES.md). Two words are opposites when any lemma of one
is a WordNet antonym of any lemma of the other ("bought" and "sells": buy / sell). Grammar words
("in"/"out", "on"/"off", "have"/"lack") never count: they name no relation by themselves.

A word ending in "-ful" and the same stem ending in "-less" are opposites too ("stateful", "stateless").

WordNet lists only some negations made with a prefix ("unlimited", not "unencrypted"). A word that is
another with "un-" or "non-" in front is its opposite too: of the 1,754 such pairs of WordNet words,
776 are listed antonyms and the unlisted ones sampled read as negations ("unpopulated",
"nonrenewable"; the odd one out found, "unionized", means nothing like "ionized" either). Either way
the two never mean the same, which is all the guard needs. "in-" and "dis-" are left out: "inflammable"
means "flammable" and "inheritable" "heritable" (bench/RESULTS.md, "opposites never match").
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Iterable, Mapping
from functools import lru_cache

from rdflib import URIRef

from kg.namespaces import data_dir
from kg.text import LIGHT_VERBS, STOPWORDS, lemmas, name_key

TABLE = "antonyms.tsv"
#: Prefixes that negate the word they stand before ("unencrypted", "non-blocking"); see the module notes.
NEGATING_PREFIXES = ("non-", "non", "un-", "un")
#: The shortest word a negating prefix is read off (so "until", "union", "unit" keep theirs).
SHORTEST_NEGATED = 4
#: Suffixes that say a stem is there and that it is not ("stateful" / "stateless", "useful" / "useless"):
#: WordNet lists some such pairs ("careful" / "careless"), not the technical ones.
OPPOSED_SUFFIXES = (("ful", "less"), ("less", "ful"))
#: The shortest stem a suffix pair is read on (so "bless" is not the opposite of "bful").
SHORTEST_STEM = 3


@lru_cache(maxsize=16)
def word_pairs(name: str, both_ways: bool = True) -> dict[str, frozenset[str]]:
    """Return each word's partners in the pair table ``data/<name>`` (tab-separated, "#" comments), read once;
    without ``both_ways``, only the second word of each pair is the first's partner (a verb's doer noun)."""
    found: dict[str, set[str]] = {}
    path = data_dir() / name
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        a, b = line.split("\t")
        found.setdefault(a, set()).add(b)
        if both_ways:
            found.setdefault(b, set()).add(a)
    return {word: frozenset(others) for word, others in found.items()}


def antonym_table() -> dict[str, frozenset[str]]:
    """Return each word's WordNet antonyms (read once per process from ``data/antonyms.tsv``)."""
    return word_pairs(TABLE)


def carries_meaning(word: str) -> bool:
    """Tell whether ``word`` can carry a relation's meaning (grammar and light verbs cannot)."""
    return word not in STOPWORDS and word not in LIGHT_VERBS


@lru_cache(maxsize=100_000)
def opposites(word: str) -> frozenset[str]:
    """Return the antonyms of every lemma of ``word`` (empty for grammar words)."""
    lower = word.lower()
    if not carries_meaning(lower):
        return frozenset()
    table = antonym_table()
    own = lemmas(lower)
    found = {other for lemma in own for other in table.get(lemma, ())}
    for prefix in NEGATING_PREFIXES:
        if lower.startswith(prefix) and len(lower) - len(prefix) >= SHORTEST_NEGATED:
            found |= lemmas(lower[len(prefix) :])  # "unencrypted": encrypted, encrypt
            break
    if len(lower) >= SHORTEST_NEGATED:
        found |= {prefix + lemma for lemma in own for prefix in NEGATING_PREFIXES}  # "encrypted": unencrypted
    for suffix, other in OPPOSED_SUFFIXES:
        if lower.endswith(suffix) and len(lower) - len(suffix) >= SHORTEST_STEM:
            found.add(lower[: -len(suffix)] + other)  # "stateful": stateless
    return frozenset(found)


def are_opposites(a: str, b: str) -> bool:
    """Tell whether words ``a`` and ``b`` (or some lemmas of them) are antonyms."""
    if not carries_meaning(b.lower()):
        return False
    found = opposites(a)
    return bool(found) and not found.isdisjoint(lemmas(b.lower()))


class OpposedRelations:
    """The relations whose names hold the opposite of a word: built once per set of relation names."""

    def __init__(self, names: Mapping[URIRef, Iterable[str]]):
        by_opposite: dict[str, set[URIRef]] = {}
        for iri, texts in names.items():
            for text in texts:
                for word in name_key(text).split():
                    for other in opposites(word):
                        by_opposite.setdefault(other, set()).add(iri)
        self._by_opposite = {word: frozenset(iris) for word, iris in by_opposite.items()}

    def of(self, word: str) -> frozenset[URIRef]:
        """Return the relations one of whose names holds an antonym of ``word``."""
        lower = word.lower()
        if not self._by_opposite or not carries_meaning(lower):
            return frozenset()
        found: set[URIRef] = set()
        for lemma in lemmas(lower):
            found |= self._by_opposite.get(lemma, frozenset())
        return frozenset(found)

    def of_any(self, words: Iterable[str]) -> frozenset[URIRef]:
        """Return the relations some name of which holds an antonym of one of ``words``."""
        found: set[URIRef] = set()
        for word in words:
            found |= self.of(word)
        return frozenset(found)


_BY_CATALOG: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_LOCK = threading.Lock()


def opposed_relations(catalog) -> OpposedRelations:
    """Return the :class:`OpposedRelations` of a catalog's predicates, built on first use and kept with it."""
    with _LOCK:
        found = _BY_CATALOG.get(catalog)
    if found is None:
        found = OpposedRelations({p.iri: p.names for p in catalog.predicates.values()})
        with _LOCK:
            _BY_CATALOG[catalog] = found
    return found


__all__ = ["OpposedRelations", "antonym_table", "are_opposites", "opposed_relations", "opposites"]
