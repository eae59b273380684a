"""How a "not" bears across coordinated verbs: "cannot be opened, locked or painted" denies all three.

Read by the open extractor (kg/ingest/relations.py), which must not record a denied verb as a fact,
and by the yes/no reading of quoted sentences (kg/sentence_slots.py), which must not say yes to one.
Closed-class grammar over a spaCy parse: coordinators, auxiliaries, negations.
"""

from __future__ import annotations

#: The dependents that give a coordinated verb a clause of its own: its own subject, auxiliary or "not".
OWN_CLAUSE = frozenset("nsubj nsubjpass csubj expl aux auxpass neg".split())
#: The words that deny the verb they hang from.
DENIALS = frozenset(("never", "not", "n't"))


#: The comparatives that "no" turns into a denial of the verb they hang from: "no longer", "no more".
CEASING = frozenset(("longer", "more"))


def negated(token) -> bool:
    """Tell whether a "not", "never" or "n't" hangs from ``token``, or a "no longer" ("no longer burns")."""
    return any(
        c.dep_ == "neg" or c.lower_ in DENIALS or (c.lower_ in CEASING and any(g.lower_ == "no" for g in c.children))
        for c in token.children
    )


def shared_denial(verb) -> bool | None:
    """Tell whether a "not" of the first verb of a coordination bears on ``verb`` too: True, False, or None.

    A conjunct with no subject, auxiliary or "not" of its own shares the first verb's ("cannot be opened,
    locked or painted"): joined by "or" / "nor", the "not" denies each verb; by "but", none of the
    others ("is not sold but given away"); by "and" it may deny each or only their union, so it is
    unclear (None). A verb that is no such conjunct, or whose first verb is not denied, shares nothing.
    """
    first, coordinators = verb, set()
    while first.dep_ == "conj" and first.head.i != first.i:
        if any(c.dep_ in OWN_CLAUSE or c.lower_ in DENIALS for c in first.children):
            return False
        coordinators |= {c.lower_ for c in first.children if c.dep_ == "cc"}
        first = first.head
    if first.i == verb.i or not negated(first):
        return False
    coordinators |= {c.lower_ for c in first.children if c.dep_ == "cc"}
    if coordinators and coordinators <= {"or", "nor"}:
        return True
    return False if "but" in coordinators else None
