"""Corrections to the small English pipeline's output, as pipeline components: every parse gets them,
a note's sentences, a question and a quoted sentence alike.

- Verb lemmas from a dictionary, not from spaCy's suffix rules. The rule lemmatizer strips the first
  suffix that leaves a known word, so "hopes", "hoped" and "hoping" all become "hop", "rated" becomes
  "rat" and "taped" "tap". A predicate minted from such a lemma names another verb ("hop to buy"), and a
  question's "hope" no longer meets it. lemminflect's dictionary knows each inflected form's lemma, so
  an inflected verb takes its lemma from there; a form the dictionary does not know keeps spaCy's.
- A subject parsed as a compound of its verb ("The annealer runs on gas"): see ``subject_as_compound``.
- A joined clause's subject parsed as one more object of the first clause ("NFC composes characters and
  NFD decomposes them"): see ``joined_clause_subject``.
"""

from __future__ import annotations

from lemminflect import getLemma
from spacy.language import Language

from kg.text import SUBJECT_DEPS, agrees_in_number

VERB_LEMMAS = "kg_verb_lemmas"
SUBJECT_AS_COMPOUND = "kg_subject_as_compound"
JOINED_CLAUSE_SUBJECT = "kg_joined_clause_subject"
#: The inflected verb tags whose suffix the rules strip.
INFLECTED = frozenset(("VBD", "VBG", "VBN", "VBZ"))
#: The finite verb tags a clause's verb has.
FINITE = frozenset(("VBZ", "VBD", "VBP"))
#: What may modify a noun but never a verb: left of the noun, such a word belongs to the noun.
NOUN_MODIFIERS = frozenset(("det", "amod", "compound", "poss", "nummod"))


@Language.component(VERB_LEMMAS)
def verb_lemmas(doc):
    """Give each inflected verb the lemma lemminflect's dictionary has for it."""
    for token in doc:
        if token.pos_ == "VERB" and token.tag_ in INFLECTED:
            found = getLemma(token.lower_, upos="VERB")
            if found and found[0].isalpha() and found[0] != token.lemma_:
                token.lemma_ = found[0]
    return doc


@Language.component(SUBJECT_AS_COMPOUND)
def subject_as_compound(doc):
    """Read as the subject a noun the parser made a compound of the verb after it ("The annealer runs on X").

    A word the tagger says is a finite verb heads no noun phrase, yet the parser may hang "the" and the
    noun before it on it as if it did (a rare noun followed by a verb's -s form). A determiner never
    modifies a verb: the noun before the verb, with the determiner, is the clause's subject.
    """
    for verb in doc:
        if verb.pos_ != "VERB" or verb.tag_ not in FINITE or verb.i == 0:
            continue
        if any(c.dep_ in SUBJECT_DEPS for c in verb.children):
            continue
        noun = doc[verb.i - 1]
        if noun.dep_ != "compound" or noun.head.i != verb.i or noun.pos_ not in ("NOUN", "PROPN"):
            continue
        for child in list(verb.children):
            if child.i < noun.i and child.dep_ in NOUN_MODIFIERS:
                child.head = noun
        noun.dep_ = "nsubj"
    return doc


@Language.component(JOINED_CLAUSE_SUBJECT)
def joined_clause_subject(doc):
    """Read as a joined clause's subject the noun the parser made one more object of the clause before.

    "NFC composes characters and NFD decomposes them" is parsed as "composes characters and NFD", with
    "decomposes" a second verb of NFC. A finite verb joined to another, with no subject of its own,
    right after a joined noun that agrees with it in number, has that noun for its subject: a verb
    sharing the first clause's subject would follow its own "and", not a noun.
    """
    for verb in doc:
        if verb.pos_ != "VERB" or verb.tag_ not in FINITE or verb.dep_ != "conj" or verb.i == 0:
            continue
        if any(c.dep_ in SUBJECT_DEPS for c in verb.children):
            continue
        noun = doc[verb.i - 1]
        if noun.dep_ != "conj" or noun.pos_ not in ("NOUN", "PROPN") or noun.head.dep_ not in ("dobj", "pobj"):
            continue
        if not agrees_in_number(noun, verb):
            continue  # "decomposes" takes one thing, "decompose" several (or I, you)
        for child in list(noun.children):
            if child.i < noun.i and child.dep_ in NOUN_MODIFIERS:
                child.head = noun
        noun.head = verb
        noun.dep_ = "nsubj"
    return doc


def add_repairs(nlp) -> None:
    """Add the corrections to the end of a pipeline (once): they read its tags, parts of speech and parse."""
    for name in (VERB_LEMMAS, SUBJECT_AS_COMPOUND, JOINED_CLAUSE_SUBJECT):
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, last=True)
