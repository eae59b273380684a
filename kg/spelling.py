"""Read a question's misspelt words as the words of the graph they were meant to be.

People type fast: "wich ferry sials at nihgt" asks which ferry sails at night. A word of the question that is
neither an English word (the lemmatizer's dictionary) nor a word the graph uses (its names and the
sentences it was read from) nor a closed-class word (spaCy's English stop words) is read as the one
word of those that is a single edit away (an insertion, a deletion, a substitution, or two neighbouring
letters swapped), when exactly one such word is best. Best means: fewest edits, then the same first
letter, then the same last letter, then a closed-class word (the most frequent words of any English
text), then the word the graph uses most. A tie of two such words leaves the word as typed; so does an
English word the graph does not use that fits as well, counts aside ("sheot": the notes' "sheet", or
"shoot"?), a word of two letters or fewer, a word with a capital, a digit or an apostrophe (a name, a
model number, a contraction), and a word no candidate is close to. A misspelt word left as typed (one
edit from some word, but read as none) is unread (``Speller.unread``): the engine does not answer as if
it were not there.

Names are matched loosely by the linker already (``kg.linking``); this reads the other words, the
question's verbs and asked-for nouns, which a relation or sentence must match by lemma.
"""

from __future__ import annotations

import importlib.util
import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from lemminflect.core.Lemmatizer import Lemmatizer
from rapidfuzz.distance import OSA

from kg.text import (
    AUXILIARIES,
    NEGATIONS,
    NUMBER_WORDS,
    PRONOUNS_OBJECT,
    PRONOUNS_SUBJECT,
    REFLEXIVES,
    STOPWORDS,
    getAllLemmas,
    getAllLemmasOOV,
)


def _spacy_stop_words() -> frozenset[str]:
    """Return spaCy's English stop words (closed-class words), read without importing spaCy itself.

    ``import spacy.lang.en.stop_words`` runs spaCy's package import (thinc, torch): seconds a question
    that needs no parse should not wait. The list is a plain module of its own, loaded here by its path.
    """
    spec = importlib.util.find_spec("spacy")
    if spec is None or spec.origin is None:
        return frozenset()
    path = Path(spec.origin).parent / "lang" / "en" / "stop_words.py"
    loaded = importlib.util.spec_from_file_location("_spacy_en_stop_words", path)
    if loaded is None or loaded.loader is None or not path.exists():
        return frozenset()
    module = importlib.util.module_from_spec(loaded)
    loaded.loader.exec_module(module)
    return frozenset(getattr(module, "STOP_WORDS", ()))


#: The words a question may say that no dictionary or graph needs to hold: closed-class words (wh-words,
#: auxiliaries, negations, pronouns, prepositions): spaCy's English stop words and the engine's own lists.
CLOSED_CLASS = (
    _spacy_stop_words()
    | STOPWORDS
    | AUXILIARIES
    | NEGATIONS
    | PRONOUNS_SUBJECT
    | PRONOUNS_OBJECT
    | REFLEXIVES
    | NUMBER_WORDS  # "thirty": no lemma in the dictionary, yet a word
)
#: Words this short are left as typed: one edit away from too many others.
SHORTEST_CORRECTED = 3
#: The most edits between a typed word and the word read for it.
MAX_EDITS = 1

_WORD = re.compile(r"[A-Za-z0-9']+")
#: A word joined by hyphens to others ("pre-season", "anti-glare") is read whole: a prefix before its hyphen
#: is no word of its own, and a compound is left as typed.
_WORD_OR_ENTITY = re.compile(r"&#?[A-Za-z0-9]+;|[A-Za-z0-9']+(?:-[A-Za-z0-9']+)*")


class Speller:
    """Correct the misspelt words of questions against one graph's vocabulary."""

    def __init__(self, texts: Iterable[str]):
        """``texts`` are the graph's names and sentences; their lowercase words, counted, are its vocabulary."""
        self.counts: Counter[str] = Counter(w for text in texts for w in _WORD.findall(text.lower()))
        # A word the notes say only in an inflected form ("vaping") is known in its plain form ("vape") too,
        # though the lemmatizer's dictionary lacks it.
        self.known = frozenset(self.counts) | CLOSED_CLASS | {b for w in self.counts for b in _plain_forms(w)}
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
        """Return the words of ``text`` (as corrected) that look misspelt but were read as no word, in order.

        Such a word is no English word, no word of the graph and no closed-class word, yet one edit from
        some word: a typo the speller could not resolve ("sheot": "sheet" or "shoot"?, or a word the graph
        lacks). The engine cannot tell what it adds to the question, and it may be the very word that
        decides the answer. A word no edit brings near any ("vsftpd", a term the notes lack) is read as
        the engine reads any unknown word.
        """
        return [
            m.group(0)
            for m in _WORD_OR_ENTITY.finditer(text)
            if self._correctable(m.group(0))
            and m.group(0) not in self.known
            and not getAllLemmas(m.group(0))
            and not self._inflects_known(m.group(0))
            and self._near(m.group(0))
        ]

    def _inflects_known(self, typed: str) -> bool:
        """Tell whether ``typed`` is a regular inflection of a word of the graph ("zipped" of a note's "zip",
        "zipping"): the word the notes use, in another form, not a typo."""
        if not typed.endswith(("ed", "ing", "s")):
            return False
        bases = {*_plain_forms(typed), *getAllLemmasOOV(typed, "VERB").get("VERB", ())} - {typed}
        return any(base in self.counts for base in bases)

    def _near(self, typed: str) -> bool:
        """Tell whether some word of the graph, closed class or English is one edit from ``typed``."""
        lengths = range(len(typed) - MAX_EDITS, len(typed) + MAX_EDITS + 1)
        ours = (word for n in lengths for word in self._by_length.get(n, ()))
        return any(_fit(typed, word)[0] <= MAX_EDITS for word in (*ours, *_english(len(typed))))

    @staticmethod
    def _correctable(word: str) -> bool:
        """Tell whether ``word`` is one the speller reads: lowercase letters only, three or more."""
        return len(word) >= SHORTEST_CORRECTED and word.isalpha() and word.islower()

    def word(self, typed: str) -> str:
        """Return the word ``typed`` was meant to be, or ``typed`` when it is a word or unclear."""
        if not self._correctable(typed):
            return typed
        if typed in self.known or getAllLemmas(typed) or self._inflects_known(typed):
            return typed
        scored = []
        for length in range(len(typed) - MAX_EDITS, len(typed) + MAX_EDITS + 1):
            for word in self._by_length.get(length, ()):
                fit = _fit(typed, word)
                if fit[0] <= MAX_EDITS:
                    scored.append(((*fit, -self.counts.get(word, 0)), word))
        if not scored:
            return typed
        scored.sort()
        if len(scored) > 1 and scored[0][0] == scored[1][0]:
            return typed  # two words fit alike: which was meant is unclear
        best_key, best = scored[0]
        # An English word the graph does not use may be the one meant ("sheot": "sheet" of the notes, or
        # "shoot"?): one that fits as well, counts aside, leaves the word unclear.
        if any(_fit(typed, word) <= best_key[:4] for word in _english(len(typed)) if word not in self.known):
            return typed
        return best


def _plain_forms(word: str) -> tuple[str, ...]:
    """Return the plain forms a regularly inflected word may have ("vaping": "vap", "vape"; "taxes": "tax")."""
    if not word.isalpha() or len(word) < SHORTEST_CORRECTED + 2:
        return ()
    if word.endswith("ing"):
        return word[:-3], word[:-3] + "e"
    if word.endswith("ied") or word.endswith("ies"):
        return (word[:-3] + "y",)
    if word.endswith("ed"):
        return word[:-2], word[:-1]
    if word.endswith("es"):
        return word[:-2], word[:-1]
    if word.endswith("s") and not word.endswith("ss"):
        return (word[:-1],)
    return ()


def _fit(typed: str, word: str) -> tuple[int, bool, bool, bool]:
    """Return how well ``word`` fits ``typed``, smaller first: edits, first and last letter kept, closed class."""
    edits = OSA.distance(typed, word, score_cutoff=MAX_EDITS)
    return (edits, word[0] != typed[0], word[-1] != typed[-1], word not in CLOSED_CLASS)


@lru_cache(maxsize=64)
def _english(length: int) -> tuple[str, ...]:
    """Return the lemmatizer dictionary's lowercase words within one letter of ``length`` letters."""
    getAllLemmas("loaded")  # the dictionary is read on first use
    words = Lemmatizer().lemma_dict
    return tuple(w for w in words if w.isalpha() and w.islower() and abs(len(w) - length) <= MAX_EDITS)
