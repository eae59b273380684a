"""Learn a graph's brand words from its documents: leading words its names may drop, "Amazon" of "Amazon EC2".

A brand word is a maker's name written before the names of its products: "Amazon EC2" is EC2, and "AWS
Lambda" is Lambda. Ingestion drops it to find a name ("Amazon EC2" finds the concept EC2), and question
linking reads "Amazon S3" as one mention of S3 (see :class:`kg.ingest.concepts.ConceptRegistry` and
:mod:`kg.linking`). An ontology may declare brand words (``kgo:brandPrefix``); a build also learns them
from its documents, as entity-name normalisers learn droppable name prefixes from pairs of names of one
thing: a word is a brand when the documents drop it from SEVERAL proper names, each time to a name the
text itself uses for the same thing. Two kinds of pair show a drop:

- a long proper name and its shortened form, which the text also writes alone, as a proper name
  (capitalised inside a sentence and never in lowercase, as :mod:`kg.ingest.identity` asks): "Apache
  Kafka" and "whereas Kafka is";
- a long name whose short form in parentheses spells the words after the leading word, not the leading
  word itself: "Amazon Elastic Compute Cloud (EC2)" calls "Elastic Compute Cloud" EC2, and "Amazon"
  stands outside the name ("Amazon Machine Image (AMI)" spells Amazon, which stays in that name).

One such pair is no pattern: "Apache Kafka" may simply be a two-word name (identity.py merges it with
"Kafka" by its own rule). The leading word must itself be a proper name in the document that shows the
drop: never written in lowercase ("Public Subnets" beside "public subnet"; "Standard Queue" beside "a
standard queue"), and a coined word, or one no dictionary knows, or one the text capitalises inside a
sentence (not only where a sentence, item or heading opens: "Use EC2", "Use S3").

The brand words of a graph are stated on the documents that show them dropped (``<document>
kgo:brandPrefix "Amazon"``), where :mod:`kg.catalog` reads them as it reads the ontology's. Within one
document, a word one of its own short forms leaves out is also dropped from that document's names,
even from one name, so "Amazon Virtual Private Cloud", "Virtual Private Cloud" and VPC stay one thing;
it becomes no brand of the graph.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import NamedTuple

from rdflib import Graph, Literal, URIRef

from kg.ingest.identity import INNER_WORDS, IndexedText, used_alone
from kg.ingest.lexicon import Lexicon
from kg.ingest.markdown import Block
from kg.ingest.shortforms import CLOSED_CLASS, SHORT_AFTER_RE
from kg.namespaces import KGO
from kg.text import STOPWORDS, getAllLemmas, name_key, splits_into_prefixes

#: How many distinct names a word must be dropped from before it is taken for a brand: one drop may be a
#: name's own first word; two names of one maker dropping it are a pattern.
MIN_NAMES = 2
#: A run of capitalised words (small inner words allowed): the places a long proper name may stand.
NAME_RUN = re.compile(r"[A-Z0-9][\w-]*(?: (?:(?:for|of|on|and) )?[A-Z0-9][\w-]*)+")
#: A web address: its lowercase host words ("docs.aws.amazon.com") are no use of a word in text.
URL = re.compile(r"<?\b\w+://\S+")
_WORD = re.compile(r"[\w-]+")


def texts_of(blocks: list[Block]) -> list[str]:
    """Return the texts of parsed blocks: headings, paragraphs, items and table cells."""
    texts = [b.text for b in blocks if b.text]
    texts += [cell for b in blocks if b.kind == "table" for row in [b.header, *b.rows] for cell in row]
    return texts


class Drops(NamedTuple):
    """What one document shows of leading words dropped from its proper names (see :func:`drops_of`)."""

    #: The words as written ("Amazon"), each with the name keys of the names left ("ec2", "vpc").
    dropped: dict[str, set[str]]
    #: Those of them that one of the document's short forms leaves out ("Amazon Elastic Compute Cloud (EC2)").
    left_out: set[str]


def dropped_words(texts: Iterable[str]) -> dict[str, set[str]]:
    """Return the leading words one document drops from its proper names, each with the names left.

    Keys are the words as written ("Amazon"); values the name keys of the shortened names ("ec2",
    "vpc"). Only words that are proper names in this document are kept (see the module docstring).
    """
    return drops_of(texts).dropped


def drops_of(texts: Iterable[str]) -> Drops:
    """Return the words one document drops from its names (:func:`dropped_words`) and those a short form leaves out.

    Computed once per document in a build: the build learns brand words from all documents' drops,
    and each document's extraction then reads its own.
    """
    texts = [URL.sub(" ", t) for t in texts]
    text = IndexedText("\n".join(texts))
    spelled = list(_spelled_names(texts))
    # A name the text gives a short form of its own is a thing in itself ("Relay Protocol (RP)" beside
    # "Brask Relay Protocol"), not a shortened name, as in identity.py.
    introduced = {name_key(" ".join(name)) for _, name, _ in spelled}
    pairs = [p for p in _shortened_pairs(text) if name_key(p[1]) not in introduced]
    # "Amazon Elastic Compute Cloud (EC2)": a capitalised word before the words the short form spells.
    left_out = [(before[-1], short) for before, _, short in spelled if before and before[-1][:1].isupper()]
    found: dict[str, set[str]] = {}
    for word, short in pairs + left_out:
        found.setdefault(word, set()).add(name_key(short))
    found = {word: shorts for word, shorts in found.items() if _proper_word(word, text)}
    return Drops(found, {word for word, _ in left_out if word in found})


def brand_words(evidence: Iterable[Mapping[str, set[str]]]) -> frozenset[str]:
    """Return the words (as written) dropped from at least :data:`MIN_NAMES` names over all ``evidence``.

    ``evidence`` holds one :func:`dropped_words` result per document: a build learns a word from
    all its documents together ("Amazon S3" in one note, "Amazon EC2 (EC2)" in another).
    """
    names: dict[str, set[str]] = {}
    spelled: dict[str, str] = {}
    for found in evidence:
        for word, shorts in found.items():
            names.setdefault(word.lower(), set()).update(shorts)
            spelled.setdefault(word.lower(), word)
    return frozenset(spelled[w] for w, shorts in names.items() if len(shorts) >= MIN_NAMES)


def learn_brands(lexicon: Lexicon, drops: Drops) -> list[str]:
    """Add the brand words one document shows to ``lexicon.brands``; return those its graph states.

    The document's names drop its own brand words and those the lexicon knew already (from the
    ontology, or from the other documents of a build), and the words it states are those of them it
    drops itself. A word that one of its short forms leaves out ("Amazon Virtual Private Cloud (VPC)")
    is dropped within the document even from one name, so "Amazon Virtual Private Cloud", "Virtual
    Private Cloud" and VPC stay one concept; it is no brand of the graph, which takes several names.
    """
    dropped, left_out = drops
    stated = lexicon.brands | {w.lower() for w in brand_words([dropped])}
    lexicon.brands = stated | {w.lower() for w in left_out}
    return sorted(w for w in dropped if w.lower() in stated)


def brand_graph(subject: URIRef, words: Iterable[str]) -> Graph:
    """Return ``subject kgo:brandPrefix "word"`` for each word: how the ontology states its brand words."""
    graph = Graph()
    for word in sorted(words):
        graph.add((subject, KGO.brandPrefix, Literal(word)))
    return graph


def _shortened_pairs(text: IndexedText) -> Iterable[tuple[str, str]]:
    """Yield (leading word, rest) for each capitalised run whose rest the text also uses alone as a name."""
    seen: set[tuple[str, str]] = set()
    for run in NAME_RUN.finditer(text.text):
        words = run.group().split(" ")
        for i, word in enumerate(words[:-1]):
            if word in INNER_WORDS:
                continue
            for j in range(i + 2, len(words) + 1):
                rest = words[i + 1 : j]
                if rest[0] in INNER_WORDS or rest[-1] in INNER_WORDS:
                    continue
                pair = (word, " ".join(rest))
                if pair not in seen:
                    seen.add(pair)
                    if used_alone(pair[1], word, text):
                        yield pair


def _spelled_names(texts: Iterable[str]) -> Iterable[tuple[list[str], list[str], str]]:
    """Yield (words before, long name, short form) for each "Long Name (LN)" whose short form spells it."""
    for text in texts:
        for match in SHORT_AFTER_RE.finditer(text):
            short = match.group(1)
            words = [w.strip(",;:*") for w in text[: match.start()].split()]
            for n in range(2, min(len(words), 2 * len(short) + 2) + 1):
                if _spells(short, words[-n:]):
                    if all(w[:1].isupper() or w in CLOSED_CLASS for w in words[-n:]):
                        yield words[:-n], words[-n:], short
                    break


def _spells(short: str, words: list[str]) -> bool:
    """Tell whether the letters of ``short`` open the words in order, a digit repeating its letter ("EC2")."""
    letters = re.sub(r"([a-z])(\d)", lambda m: m.group(1) * int(m.group(2)), short.rstrip("s").lower())
    letters = "".join(ch for ch in letters if ch.isalpha())
    parts = [p.lower() for w in words for p in _WORD.findall(w)]
    if len(letters) < 2 or not parts or parts[0] in CLOSED_CLASS or parts[-1] in CLOSED_CLASS:
        return False
    return splits_into_prefixes(letters, parts, CLOSED_CLASS)


def _proper_word(word: str, text: IndexedText) -> bool:
    """Tell whether a leading word is a proper name in ``text``: a maker's name, no common word.

    Never in lowercase, and no grammar word ("Each VPC"); and coined ("AWS", "GitHub"), or unknown to
    the dictionary ("Amazon"), or capitalised after a lowercase word somewhere ("the default Amazon
    Virtual Private Cloud").
    """
    if not _WORD.fullmatch(word) or not word[:1].isupper() or word.lower() in STOPWORDS:
        return False
    if text.find(word.lower()):
        return False
    if not word[1:].islower() or not getAllLemmas(word.lower()):
        return True
    for start, _ in text.find(word):
        previous = re.search(r"(\S+) +$", text.text[max(0, start - 60) : start])
        if previous is not None and previous.group(1)[:1].islower():
            return True
    return False
