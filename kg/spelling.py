"""Read a question's misspelt words as the words of the graph they were meant to be.

People type fast: "wich ferry sials at nihgt" asks which ferry sails at night. A word of the question that is
neither an English word (the lemmatizer's dictionary) nor a word the graph uses (its names and the
sentences it was read from) nor a closed-class word (spaCy's English stop words) is read as the one
word of those that is a single edit away (an insertion, a deletion, a substitution, or two neighbouring
letters swapped), when exactly one such word is best. Best means: fewest edits, then the same first
letter, then the same last letter, then a closed-class word (the most frequent words of any English
text), then the word the graph uses most; a tie leaves the word as typed, as
does a word of two letters or fewer, a word with a capital, a digit or an apostrophe (a name, a model
number, a contraction), and a word no candidate is close to.

Names are matched loosely by the linker already (``kg.linking``); this reads the other words, the
question's verbs and asked-for nouns, which a relation or sentence must match by lemma.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from rapidfuzz.distance import OSA
from spacy.lang.en.stop_words import STOP_WORDS

from kg.text import STOPWORDS, getAllLemmas

#: The words a question may say that no dictionary or graph needs to hold: closed-class words.
CLOSED_CLASS = frozenset(STOP_WORDS) | STOPWORDS
#: Words this short are left as typed: one edit away from too many others.
SHORTEST_CORRECTED = 3
#: The most edits between a typed word and the word read for it.
MAX_EDITS = 1

_WORD = re.compile(r"[A-Za-z0-9']+")
_WORD_OR_ENTITY = re.compile(r"&#?[A-Za-z0-9]+;|[A-Za-z0-9']+")


class Speller:
    """Correct the misspelt words of questions against one graph's vocabulary."""

    def __init__(self, texts: Iterable[str]):
        """``texts`` are the graph's names and sentences; their lowercase words, counted, are its vocabulary."""
        self.counts: Counter[str] = Counter(w for text in texts for w in _WORD.findall(text.lower()))
        self.known = frozenset(self.counts) | CLOSED_CLASS
        #: The vocabulary by length, so that a word is compared only with words one letter longer or shorter.
        self._by_length: dict[int, list[str]] = {}
        for word in self.known:
            if word.isalpha():
                self._by_length.setdefault(len(word), []).append(word)

    def correct(self, text: str) -> str:
        """Return ``text`` with each misspelt word replaced by the word it was meant to be (see module doc).

        A character reference ("&apos;", as HTML-escaped text carries) is markup, not a word: left as is.
        """
        return _WORD_OR_ENTITY.sub(lambda m: m.group(0) if m.group(0)[0] == "&" else self.word(m.group(0)), text)

    def unread(self, text: str) -> list[str]:
        """Return the words of ``text`` (as corrected) that are no word this reader knows, in order.

        Such a word is no English word, no word of the graph and no closed-class word, and no single
        edit makes it one alone: the engine cannot tell what it adds to the question ("What is X
        frobbed for?"), which may be the very word that decides the answer.
        """
        return [
            m.group(0)
            for m in _WORD_OR_ENTITY.finditer(text)
            if self._correctable(m.group(0)) and m.group(0) not in self.known and not getAllLemmas(m.group(0))
        ]

    @staticmethod
    def _correctable(word: str) -> bool:
        """Tell whether ``word`` is one the speller reads: lowercase letters only, three or more."""
        return len(word) >= SHORTEST_CORRECTED and word.isalpha() and word.islower()

    def word(self, typed: str) -> str:
        """Return the word ``typed`` was meant to be, or ``typed`` when it is a word or unclear."""
        if not self._correctable(typed):
            return typed
        if typed in self.known or getAllLemmas(typed):
            return typed
        scored = []
        for length in range(len(typed) - MAX_EDITS, len(typed) + MAX_EDITS + 1):
            for word in self._by_length.get(length, ()):
                edits = OSA.distance(typed, word, score_cutoff=MAX_EDITS)
                if edits <= MAX_EDITS:
                    rare = word not in CLOSED_CLASS
                    key = (edits, word[0] != typed[0], word[-1] != typed[-1], rare, -self.counts.get(word, 0))
                    scored.append((key, word))
        if not scored:
            return typed
        scored.sort()
        if len(scored) > 1 and scored[0][0] == scored[1][0]:
            return typed  # two words fit alike: which was meant is unclear
        return scored[0][1]
