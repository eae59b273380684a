"""Give one concept every name a document calls it by: a proper name and the same name shortened.

A note introduces "Apache Kafka" and then says "Kafka" alone; "Amazon FSx for Lustre" and then
"FSx for Lustre". Read as two names, they make two concepts, and a question naming the short one
never reaches what the note said under the long one. Within one document, a shortened name is the
long name's alias when:

- the long name is a proper name (its words capitalised, "for"/"of"/"on"/"and" aside) and the
  dropped leading words are a maker's or project's name, no dictionary word ("Apache", "VPC"):
  "Public Subnets" is a kind of subnet, and "Uses TCP" a sentence's opening;
- the short name is itself a proper name in this document: the text writes it alone, never in
  lowercase ("subnets" in lowercase makes "Subnets" a common noun), and capitalised at least once
  inside a sentence ("whereas Kafka is"), not only where a sentence, item or heading opens;
- no other concept of the document ends in it ("Apache Kafka" and "Confluent Kafka" both shorten
  to "Kafka": a bare "Kafka" could be either, so all stay apart), it names no ontology concept, and
  the document gives it no short form of its own ("File Transfer Protocol (FTP)" is introduced as
  a thing in itself, beside "SSH File Transfer Protocol").

"Kafka consumer" is not touched: it is a longer name, not a shortened one. Brand words (kgo:brandPrefix,
"Amazon": learnt from the documents by :mod:`kg.ingest.brands`, or declared by an ontology) are dropped
by :class:`ConceptRegistry` already, for any name; here a brand word may be dropped even where a
dictionary knows it ("Summit Dock" shortens to "Dock" once "Summit" is a brand of the build).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import pairwise

from kg.ingest.concepts import Concept, ConceptRegistry
from kg.text import getAllLemmas, name_key

#: Small words a proper name may hold between capitalised words: "FSx for Lustre", "Bank of England".
INNER_WORDS = frozenset("for of on and".split())
#: The last word before a use of a name, and the spaces after it.
_LAST_WORD = re.compile(r"(\S+) +$")


def merge_shortened_names(registry: ConceptRegistry, texts: Iterable[str]) -> list[tuple[Concept, str]]:
    """Make every shortened proper name the document uses an alias of its long name's concept.

    ``texts`` are the document's texts as read (headings, paragraphs, items, table cells, without
    link targets). Run once all names are collected and before any fact is read: a concept the
    short name already has is merged into the long name's. Returns (concept, short name) pairs.
    """
    text = IndexedText("\n".join(texts))
    own = [c for c in registry.concepts.values() if not c.known]
    keys = {c.iri: tuple(name_key(c.label).split()) for c in own}
    merged: list[tuple[Concept, str]] = []
    for concept in own:
        if concept.iri not in registry.concepts:
            continue  # merged into another already
        short = _shortened(concept.label, text, registry.lexicon.brands)
        if short is None:
            continue
        key = tuple(name_key(short).split())
        current = registry.lookup(short)
        if current is concept or (current is not None and (current.known or current.acronyms)):
            # A name of it already; an ontology concept's name; or a name the document gives a short
            # form of its own ("File Transfer Protocol (FTP)" beside "SSH File Transfer Protocol"): another thing.
            continue
        others = [
            c for c in own
            if c.iri in registry.concepts and c is not concept and c is not current
            and keys[c.iri][-len(key):] == key
        ]  # fmt: skip
        if others:
            continue  # two long names end in it: the short one could mean either
        if current is not None:
            registry.merge(concept, current)
        registry.add_alias(concept, short)
        merged.append((concept, short))
    return merged


def merge_given_names(registry: ConceptRegistry, texts: Iterable[str]) -> list[tuple[Concept, str]]:
    """Make a first name the document uses alone an alias of the one full name it opens ("Ivo" of "Ivo
    Brandt"): a note introduces a person in full and goes on by the first name.

    The full name is two capitalised words, the first no dictionary word ("Ivo", not "Stone" of "Stone
    Quay"; a longer name, "Ferrow Spring Fair", is seldom a person's); the first name is used alone as a
    proper name (``used_alone``'s test, with no words dropped before it); no other full name of the document
    opens with it (two Ivos: a bare "Ivo" could be either), and it names no ontology concept. Run with
    ``merge_shortened_names``, before any fact is read; the last name alone ("Brandt") is that function's
    shortened name already.
    """
    text = IndexedText("\n".join(texts))
    opening: dict[str, list[Concept]] = {}
    for concept in [c for c in registry.concepts.values() if not c.known]:
        words = concept.label.split()
        if len(words) == 2 and all(w.isalpha() and w[:1].isupper() and w[1:].islower() for w in words):
            opening.setdefault(words[0], []).append(concept)
    merged: list[tuple[Concept, str]] = []
    for given, full in opening.items():
        if len(full) != 1 or getAllLemmas(given.lower()) or full[0].iri not in registry.concepts:
            continue
        current = registry.lookup(given)
        if current is full[0] or (current is not None and (current.known or current.acronyms)):
            continue
        if text.find(given.lower()) or not text.alone_uses(given):
            continue  # written in lowercase somewhere, or never alone inside a sentence
        if current is not None:
            registry.merge(full[0], current)
        registry.add_alias(full[0], given)
        merged.append((full[0], given))
    return merged


def _shortened(label: str, text: IndexedText, brands: frozenset[str] = frozenset()) -> str | None:
    """Return the proper name ``label`` shortens to in ``text`` by dropping its leading words, if any.

    The longest such name wins: "Apache Kafka Streams" gives "Kafka Streams" before "Streams". A word
    in ``brands`` (lowercase) may always be dropped.
    """
    words = label.split()
    if len(words) < 2 or not _proper(words):
        return None
    for n in range(1, len(words)):
        dropped, rest = words[:n], words[n:]
        if not _name_word(dropped[-1]) and dropped[-1].lower() not in brands:
            return None  # "Public Subnets": an adjective says which kind, the rest is a common noun
        if rest[0][:1].isupper() and used_alone(" ".join(rest), " ".join(dropped), text):
            return " ".join(rest)
    return None


def _proper(words: list[str]) -> bool:
    """Tell whether every word opens with a capital or digit, a small inner word aside."""
    return all(
        w[:1].isupper() or w[:1].isdigit() or (0 < i < len(words) - 1 and w in INNER_WORDS) for i, w in enumerate(words)
    )


def _name_word(word: str) -> bool:
    """Tell whether a dropped leading word is a maker's or project's name: no dictionary word, or coined.

    "Apache", "VPC", "GitHub" name; "Public", "Site" or "Uses" (a sentence's capitalised first word) say
    which kind, or nothing, and may not be dropped.
    """
    if not (word[:1].isupper() or word[:1].isdigit()):
        return False
    return not getAllLemmas(word.lower()) or not word[1:].islower()


def used_alone(short: str, dropped: str, text: IndexedText) -> bool:
    """Tell whether ``text`` uses ``short`` alone, as a proper name (see the module's docstring).

    Alone: not right after the dropped words, and not inside a longer run of capitalised words
    ("Subnet Flow Logs" does not use "Flow"). As a proper name: never in lowercase, and capitalised
    at least once inside a sentence, where a common noun would not be ("whereas Kafka is").
    """
    if text.find(short.lower()):
        return False  # written in lowercase somewhere: a common noun
    return any(not before.rstrip(" ").endswith(dropped) for before in text.alone_uses(short))


class IndexedText:
    """A document's text with its words indexed, to find a name's occurrences without scanning it all."""

    def __init__(self, text: str):
        self.text = text
        self._words = [(m.group(), m.start(), m.end()) for m in re.finditer(r"[\w-]+", text)]
        self._at: dict[str, list[int]] = {}
        for i, (word, _, _) in enumerate(self._words):
            self._at.setdefault(word, []).append(i)
        self._alone: dict[str, list[str]] = {}

    def alone_uses(self, name: str) -> list[str]:
        """Return the text before each use of ``name`` that stands alone after a lowercase word.

        A use stands alone when no capitalised word follows it ("Subnet Flow Logs" does not use
        "Flow") and the word before it is neither capitalised nor a number ("whereas Kafka is").
        Kept per name: the names of a long note repeat, and each was scanned once per word it may drop.
        """
        if name not in self._alone:
            uses = []
            for start, end in self.find(name):
                before = self.text[max(0, start - 60) : start]
                if re.match(r" [A-Z0-9]", self.text[end : end + 2]):
                    continue
                previous = _LAST_WORD.search(before)
                if previous is not None and not previous.group(1)[:1].isupper() and not previous.group(1)[:1].isdigit():
                    uses.append(before)
            self._alone[name] = uses
        return self._alone[name]

    def find(self, name: str) -> list[tuple[int, int]]:
        """Return the (start, end) offsets of ``name`` written as is (same case, single spaces)."""
        parts = name.split(" ")
        if not all(re.fullmatch(r"[\w-]+", p) for p in parts):
            return []
        found = []
        for i in self._at.get(parts[0], ()):
            run = self._words[i : i + len(parts)]
            # The same words, one space apart (the words' offsets leave one character, a space, between).
            if [w for w, _, _ in run] == parts and all(
                a[2] + 1 == b[1] and self.text[a[2]] == " " for a, b in pairwise(run)
            ):
                found.append((run[0][1], run[-1][2]))
        return found
