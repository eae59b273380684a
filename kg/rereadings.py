"""Other wordings of a question that the engine asks again when the question as written finds no answer.

Each function reads one English construction whose words name no relation of the graph by themselves, and
returns the question said with words that may ("What is in the kit?" as "What is placed in the kit?", "How
does a siphon work?" as "What is a siphon?"). The engine (``kg.qa``) answers a rewording only when the
question as written answered nothing; a rewording that answers nothing changes nothing. Support verbs and
doers of gerunds are reworded in ``kg.event_verbs`` the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from kg.catalog import Predicate
from kg.linking import Link
from kg.question import DO_SUPPORT, Reading, parse
from kg.scoring import PREPOSITIONS
from kg.text import ARTICLES, COPULAS, FUNCTIONING_VERBS, LOCATING_VERBS, OCCURRENCE_VERBS, lemmas

#: How many relation names a "What is in X?" is asked again with, most common first.
PLACING_NAMES = 2


def copula_preposition(reading: Reading, link: Link) -> int | None:
    """Return the position of the preposition the copula itself takes before the concept's name ("What is
    *in* the kit?", "Who is *on* the board?": what is there is asked, not what the concept is), or None."""
    if not reading.words or link.end > len(reading.words) or link.start < 1:
        return None
    before = link.start - 1
    while before > 0 and reading.words[before].lower in ARTICLES:
        before -= 1
    if reading.words[before].lower not in PREPOSITIONS:
        return None  # no preposition before the name: no parse needed (the parser loads slowly)
    doc = parse(reading.text)
    last = reading.words[link.end - 1].start
    token = next((t for t in doc if t.idx <= last < t.idx + len(t.text)), None)
    while token is not None and token.dep_ in ("compound", "amod", "nmod") and token.head.i > token.i:
        token = token.head
    placed = (
        token is not None
        and token.dep_ == "pobj"
        and token.head.dep_ == "prep"
        and token.head.head.lemma_ == "be"
        and not any(c.dep_ in ("nsubj", "attr") and c.pos_ in ("NOUN", "PROPN") for c in token.head.head.children)
    )
    return before if placed else None


def placement_questions(reading: Reading, predicates: Iterable[Predicate]) -> list[str]:
    """Return "What is in X?" said with the names of relations that say where a thing is ("What is placed
    in X?"), or nothing.

    The copula with a preposition says where a thing is, and no relation is named "be in": the names are
    those of the relations the ontology says answer "where" (``kgo:questionWord``) that end in the same
    preposition, their words before it. They come from the graph, not from here; a preposition no such
    relation ends in ("Who is on the board?") gives nothing.
    """
    for link in reading.links:
        at = copula_preposition(reading, link)
        if at is None:
            continue
        word = reading.words[at]
        phrases = _placing_phrases(word.lower, predicates)
        return [f"{reading.text[: word.start]}{phrase} {reading.text[word.start :]}" for phrase in phrases]
    return []


def _placing_phrases(preposition: str, predicates: Iterable[Predicate]) -> list[str]:
    """Return the words before ``preposition`` in the names of the relations that answer "where" and end in
    it ("placed" of "is placed in"), most common first."""
    found: dict[str, int] = {}
    for pred in predicates:
        if "where" not in pred.question_words:
            continue
        for name in (pred.label, *pred.names):
            words = name.lower().split()
            head = [w for w in words[:-1] if w not in COPULAS]
            if len(words) >= 2 and words[-1] == preposition and head:
                phrase = " ".join(head)
                found[phrase] = found.get(phrase, 0) + 1
    return sorted(found, key=lambda p: (-found[p], p))[:PLACING_NAMES]


def explanation_question(reading: Reading) -> str | None:
    """Return "How does X work?" said as "What is X?", or None for any other question.

    The idiom asks how a thing does its job; what the notes say it is and does is their account of it. Only
    the bare idiom counts: "how", a form of "do", the subject, one of ``FUNCTIONING_VERBS``, and nothing
    after it but adverbs ("basically"). "How does X work with Y?" asks about Y too and is not taken. Read by
    word positions and tags: the parser often makes "work" a noun after a name ("a trap *work*").
    """
    words = reading.words
    if len(words) < 4 or words[0].lower != "how" or words[1].lower not in DO_SUPPORT:
        return None
    at = next((i for i in range(len(words) - 1, 2, -1) if lemmas(words[i].lower) & FUNCTIONING_VERBS), None)
    if at is None:
        return None
    tags = {t.idx: t.tag_ for t in parse(reading.text)}
    if any(not tags.get(w.start, "").startswith("RB") for w in words[at + 1 :]):
        return None
    return f"What is {reading.text[words[2].start : words[at - 1].end]}?"


#: Dependents of the asked noun that describe it in more words: an apposition, a clause.
DESCRIBING = frozenset(("appos", "relcl"))


def bare_definition_question(reading: Reading) -> str | None:
    """Return "What is X, the thing that ...?" said as "What is X?", or None for any other question.

    A definition question may say more of its subject than its name (only that: "What is the cradle tied
    to?" asks for something else, the object its stranded preposition leaves out): an apposition ("What is Dunmore, the
    shed by the gate?"), a relative clause ("What is the cradle you mention in the checklist?"). The words
    describe what the asker means; the definition of the name is what they ask. Only "what" and the copula
    with the subject after it; a phrase with a preposition ("the hook *on the left*") may tell which thing is
    meant, and stays.
    """
    if len(reading.words) < 3 or not reading.words[0].lower.startswith("what"):
        return None  # no parse for a question of another shape
    doc = parse(reading.text)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.lemma_ != "be" or root.i != 1 or doc[0].lower_ != "what":
        return None
    subject = next((c for c in root.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")), None)
    if subject is None:
        return None
    dropped = {t.i for c in subject.children if c.dep_ in DESCRIBING for t in c.subtree}
    if not dropped:
        return None
    if any(doc[i].dep_ == "prep" and not any(True for _ in doc[i].children) for i in dropped):
        return None  # "What is X tied to?": the wh-word is the object the phrase leaves out, not X's kind
    kept = [t for t in subject.subtree if t.i not in dropped and not (t.is_punct and t.i > subject.i)]
    name = "".join(t.text_with_ws for t in kept).strip()
    return f"{doc[: root.i + 1].text} {name}?" if name else None


#: The copula a "where"/"when" question takes in place of "do" + a verb of occurrence, by the form of "do".
COPULA_FOR_DO = {"does": "is", "do": "are", "did": "was"}


def occurrence_question(reading: Reading) -> str | None:
    """Return "Where does X take place?" said as "Where is X?" ("when" alike), or None for any other question.

    A verb of occurrence (``OCCURRENCE_VERBS``) says only that the event is there: where or when it is is
    what is asked, and the notes say it with a verb of their own ("is held in the hall"), which "where is"
    asks along (a relation whose name ends in a preposition of place). Only the bare question counts: "where"
    or "when", a form of "do", the subject, and the verb (with "place" after "take") ending the question.
    """
    words = reading.words
    if len(words) < 4 or words[0].lower not in ("where", "when") or words[1].lower not in COPULA_FOR_DO:
        return None
    lowered = [w.lower for w in words]
    if lowered[-2:] == ["take", "place"] and "take place" in OCCURRENCE_VERBS:
        at = len(words) - 2
    elif lemmas(lowered[-1]) & OCCURRENCE_VERBS:
        at = len(words) - 1
    else:
        return None
    if at < 3:
        return None
    subject = reading.text[words[2].start : words[at - 1].end]
    return f"{words[0].text} {COPULA_FOR_DO[words[1].lower]} {subject}?"


#: The auxiliaries a "where can I find X?" may ask with (closed class).
FINDING_AUXILIARIES = frozenset("can could do does should would will may might".split())
#: The most words the finder may take ("where can *first-time visitors* find ...").
FINDER_WORDS = 3


def finding_question(reading: Reading) -> str | None:
    """Return "Where can I find X?" said as "Where is X?" ("are" for a plural X), or None for any other question.

    A verb of locating (``LOCATING_VERBS``) asks where the thing is, whoever looks for it ("I", "visitors"):
    the notes say so with a verb of their own ("is kept in the drawer"), which "where is" asks along. Only the
    bare question counts: "where", an auxiliary, the finder, the verb, then the thing to the end of the question.
    """
    words = reading.words
    lowered = [w.lower for w in words]
    if len(words) < 5 or lowered[0] != "where" or lowered[1] not in FINDING_AUXILIARIES:
        return None
    at = next((k for k in range(3, min(len(words) - 1, 3 + FINDER_WORDS)) if lemmas(lowered[k]) & LOCATING_VERBS), None)
    if at is None:
        return None
    thing = reading.text[words[at + 1].start : words[-1].end]
    heads = [t for t in parse(thing) if t.dep_ == "ROOT"]
    plural = bool(heads) and heads[0].tag_ in ("NNS", "NNPS")
    return f"Where {'are' if plural else 'is'} {thing}?"


def names_no_other_preposition(labels: Iterable[str], text: str) -> bool:
    """Tell whether relation names ``labels`` hold only prepositions ``text`` says: "Who runs the mill?" is
    not answered by what "runs on" the mill, a deed the question never named."""
    said = {w.lower() for w in re.findall(r"[A-Za-z]+", text)}
    return not any(w in PREPOSITIONS and w not in said for label in labels for w in label.lower().split())
