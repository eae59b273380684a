"""Tell whether two words are verb synonyms, so a question may name a relation with another verb for it.

Relations are often named with a note's own verb ("is built at") while a question uses another
("where was it constructed?"). The embedding model is poor on single verbs (it puts many synonyms
below unrelated words), and letters cannot see it either. Princeton WordNet 3.0 can: its synonym pairs,
kept only where the shared sense is a frequent and attested one of both words, are in
``data/synonyms.tsv`` (made by ``scripts/make_synonyms.py``; see data/SOURCES.md).

Two words are synonyms when some lemma of one and some lemma of the other are a pair of the table
("constructed" and "builds": construct / build). Grammar words and light verbs never are, nor are the
forms of one ("done" is no synonym of "made" by "do"): they name no relation by themselves. Nor are
opposites, whatever the table says: kg/opposites.py overrules it.

A note may also say an adverb with a phrase ("at the same time" for "simultaneously"): WordNet's
multi-word adverbs that share a frequent sense with a single word are in ``data/phrases.tsv`` (made by
``scripts/make_phrases.py``), and ``phrases`` gives them, as word tuples, for a quoted sentence to be
searched for (kg/sentence_answer.py). And a note may name an event with the verb where a question uses
its noun ("does not deliver parcels" for "a delivery of parcels"): WordNet's derivationally related verb
and event noun, in frequent senses of both, are in ``data/derivations.tsv`` (made by
``scripts/make_derivations.py``), and ``are_derived`` tells such a pair.

A comparison may grade a quality with another adjective than the question's ("quicker" for "faster"):
WordNet's adjective and adverb synonyms in the first sense of both are in ``data/adjectives.tsv`` (made by
``scripts/make_adjective_synonyms.py``), and ``grade_alike`` tells such a pair.

A phrasal verb ("set up", "find out") is one verb to WordNet, and a question often says with one what a note
says with a single word, or the other way round (a question's "set up" for a note's "founded"): WordNet's verbs
of two or three words that share a frequent sense with another verb are in ``data/phrasal.tsv`` (made by
``scripts/make_phrasal.py``), and ``are_phrasal_synonyms`` tells such a pair, each side in any form of its
verb. Only a phrase said whole counts: its verb alone is another word ("set" is no synonym of "found").
"""

from __future__ import annotations

from functools import lru_cache

from kg.opposites import are_opposites, carries_meaning, word_pairs
from kg.text import lemmas

TABLE = "synonyms.tsv"
ADJECTIVE_TABLE = "adjectives.tsv"
PHRASE_TABLE = "phrases.tsv"
DERIVATION_TABLE = "derivations.tsv"
PHRASAL_TABLE = "phrasal.tsv"


def synonym_table() -> dict[str, frozenset[str]]:
    """Return each word's WordNet synonyms (read once per process from ``data/synonyms.tsv``)."""
    return word_pairs(TABLE)


@lru_cache(maxsize=100_000)
def synonyms(word: str) -> frozenset[str]:
    """Return the synonyms of every lemma of ``word`` (empty for grammar and light verbs)."""
    lower = word.lower()
    if not carries_meaning(lower):
        return frozenset()
    table = synonym_table()
    return frozenset(other for lemma in _lemmas(lower) for other in table.get(lemma, ()) if carries_meaning(other))


def _lemmas(word: str) -> frozenset[str]:
    """Return the lemmas of ``word`` that can carry a relation's meaning ("done": not "do")."""
    return frozenset(lemma for lemma in lemmas(word) if carries_meaning(lemma))


@lru_cache(maxsize=200_000)
def are_synonyms(a: str, b: str) -> bool:
    """Tell whether words ``a`` and ``b`` (some lemmas of them) are WordNet synonyms and not opposites."""
    lower = b.lower()
    if not carries_meaning(lower):
        return False
    found = synonyms(a)
    return bool(found) and not found.isdisjoint(_lemmas(lower)) and not are_opposites(a, b)


@lru_cache(maxsize=20_000)
def grade_alike(a: str, b: str) -> bool:
    """Tell whether two words of degree name one quality: some lemmas of them ("quicker": quick, "faster":
    fast) are WordNet adjective or adverb synonyms in the first sense of both (``data/adjectives.tsv``), and
    not opposites. A comparison recorded with one answers a question that grades with the other."""
    table = word_pairs(ADJECTIVE_TABLE)
    left, right = lemmas(a.lower()) | {a.lower()}, lemmas(b.lower()) | {b.lower()}
    if left & right or are_opposites(a, b):
        return False
    return any(not table.get(x, frozenset()).isdisjoint(right) for x in left)


@lru_cache(maxsize=100_000)
def derived(word: str) -> frozenset[str]:
    """Return the words WordNet derives from a lemma of ``word`` or it from them, a verb and the noun for its
    event ("replace" / "replacement", ``data/derivations.tsv``); empty for grammar and light verbs."""
    lower = word.lower()
    if not carries_meaning(lower):
        return frozenset()
    table = word_pairs(DERIVATION_TABLE)
    return frozenset(other for lemma in _lemmas(lower) | {lower} for other in table.get(lemma, ()))


def are_derived(a: str, b: str) -> bool:
    """Tell whether ``a`` and ``b`` are a verb and the noun for its event, in either order ("register" and
    "registration"): the same event said with the other part of speech."""
    return not derived(a).isdisjoint(_lemmas(b.lower()) | {b.lower()})


@lru_cache(maxsize=10_000)
def phrases(word: str) -> tuple[tuple[str, ...], ...]:
    """Return the multi-word phrases WordNet gives for the single word ``word``, each as its words.

    Only the word as written or its lemmas are looked up ("simultaneously": ("at", "the", "same", "time")).
    """
    lower = word.lower()
    if not carries_meaning(lower):
        return ()
    table = word_pairs(PHRASE_TABLE)
    found = {other for lemma in lemmas(lower) | {lower} for other in table.get(lemma, ()) if " " in other}
    return tuple(tuple(phrase.split()) for phrase in sorted(found))


def phrase_forms(phrase: str) -> frozenset[str]:
    """Return a verb phrase with its verb as each of its lemmas ("setting up": "set up"); a single word's lemmas."""
    head, _, rest = phrase.lower().partition(" ")
    return frozenset(f"{lemma} {rest}".strip() for lemma in lemmas(head) | {head})


def is_phrasal_verb(phrase: str) -> bool:
    """Tell whether WordNet knows ``phrase`` (a verb in any form, then its particles) as one verb with
    synonyms in a frequent sense (``data/phrasal.tsv``): "set up", "finding out"."""
    table = word_pairs(PHRASAL_TABLE)
    return " " in phrase and any(form in table for form in phrase_forms(phrase))


def may_say_phrasal_verb(words: list[str]) -> bool:
    """Tell whether lowercase ``words`` hold a phrasal verb of the table word for word ("set" then "up", up to
    two words between): a test on letters alone, so that a question with none is never parsed for one."""
    return any(
        is_phrasal_verb(" ".join([words[i], *words[j : j + size]]))
        for i in range(len(words))
        for j in (i + 1, i + 2, i + 3)
        for size in (1, 2)
        if j + size <= len(words)
    )


@lru_cache(maxsize=100_000)
def are_phrasal_synonyms(a: str, b: str) -> bool:
    """Tell whether ``a`` and ``b``, one at least a phrasal verb, share a frequent WordNet sense ("set up" and
    "founded", "find out" and "learns"): the table's pairs, each side in any form of its verb.

    Only a phrase said word for word counts: "set" alone is no synonym of "found", nor "up" of anything.
    """
    if " " not in a and " " not in b:
        return False
    table = word_pairs(PHRASAL_TABLE)
    wanted = phrase_forms(b)
    return any(not table.get(form, frozenset()).isdisjoint(wanted) for form in phrase_forms(a))


__all__ = [
    "are_derived",
    "are_phrasal_synonyms",
    "are_synonyms",
    "derived",
    "is_phrasal_verb",
    "may_say_phrasal_verb",
    "phrase_forms",
    "phrases",
    "synonym_table",
    "synonyms",
]
