"""How a "not" bears across coordinated verbs: "cannot be opened, locked or painted" denies all three.

Read by the open extractor (kg/ingest/relations.py), which must not record a denied verb as a fact,
and by the yes/no reading of quoted sentences (kg/sentence_slots.py), which must not say yes to one.
And what coordination sets apart: a word said in one conjunct ("twice a day *in winter*") is not said of
another ("four times a day"), for the path answers (kg/qa.py) and the quoted read-outs.
Closed-class grammar over a spaCy parse: coordinators, auxiliaries, negations.
"""

from __future__ import annotations

from kg.text import lemmas

#: The dependents that give a coordinated verb a clause of its own: its own subject, auxiliary or "not".
OWN_CLAUSE = frozenset("nsubj nsubjpass csubj expl aux auxpass neg".split())
#: The words that deny the verb they hang from.
DENIALS = frozenset(("never", "not", "n't"))


#: The comparatives that "no" turns into a denial of the verb they hang from: "no longer", "no more".
CEASING = frozenset(("longer", "more"))
#: The pronouns that count a participant as none ("installs *nothing*", "*nobody* reads it", "*none* of the
#: barges"): a clause with one as its subject or object says that it does not hold, as a "not" would.
NONE_PRONOUNS = frozenset(("none", "neither", "nothing", "nobody"))
#: The words after such a pronoun that name what does take part after all ("nothing *but* logs").
_EXCEPT_AFTER = frozenset(("but", "except", "besides"))


def counts_none(token) -> bool:
    """Tell whether ``token`` is a none-pronoun standing as its verb's subject or object ("installs
    *nothing*"), which denies the clause; "nothing but logs" names what the clause holds of, so does not."""
    if token.lower_ not in NONE_PRONOUNS or token.dep_ not in ("nsubj", "nsubjpass", "dobj"):
        return False
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return after is None or after.lower_ not in _EXCEPT_AFTER


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


def _path_up(token, stop) -> list:
    """Return the tokens from ``token`` up to ``stop`` (an ancestor of it), ``stop`` left out."""
    out = []
    while token.i != stop.i:
        out.append(token)
        token = token.head
    return out


def in_other_conjunct(a, b) -> bool:
    """Tell whether tokens ``a`` and ``b`` of one parse stand in different conjuncts of one coordination.

    "sails four times a day in summer and twice a day in *winter*": "winter" hangs from "twice a day",
    a conjunct of "four times a day", so what is said of winter is not said of four times a day. A
    coordination inside one side ("in the regions and zones of ...") sets nothing apart: the conjunct's
    head must lie on the other side's way to their common ancestor; nor do coordinated verbs.
    """
    ancestors = {t.i for t in [a, *a.ancestors]}
    common = next((t for t in [b, *b.ancestors] if t.i in ancestors), None)
    if common is None:
        return False
    up_a, up_b = _path_up(a, common), _path_up(b, common)
    side_a, side_b = {t.i for t in up_a} | {common.i}, {t.i for t in up_b} | {common.i}
    return any(_phrase_conjunct(t) and t.head.i in side_b for t in up_a) or any(
        _phrase_conjunct(t) and t.head.i in side_a for t in up_b
    )


def _phrase_conjunct(token) -> bool:
    """Tell a conjunct that is a phrase ("twice a day in winter") from a verb's clause, which shares its
    subject and may speak of it by a pronoun ("owns the hut and looks after *it*")."""
    return token.dep_ == "conj" and token.pos_ not in ("VERB", "AUX")


def head_of_name(doc, name: str):
    """Return the head token of the first run of ``doc``'s tokens that spells ``name`` (by lemma), or None."""
    words = name.lower().split()
    for start in range(len(doc) - len(words) + 1) if words else ():
        span = doc[start : start + len(words)]
        if all(lemmas(w) & lemmas(t.text) or w == t.lower_ for w, t in zip(words, span, strict=True)):
            inside = range(start, start + len(words))
            return next((t for t in span if t.head.i not in inside or t.head.i == t.i), span[-1])
    return None


def said_apart(doc, words, names) -> set[str] | None:
    """Return the ``words`` that a parsed sentence says only in another conjunct than each of ``names``.

    None when the sentence names none of ``names`` (it tells nothing of them).
    """
    held = [t for t in (head_of_name(doc, name) for name in names) if t is not None]
    if not held:
        return None
    apart = set()
    for word in words:
        tokens = [t for t in doc if lemmas(word) & lemmas(t.text)]
        if tokens and all(in_other_conjunct(t, a) for t in tokens for a in held):
            apart.add(word)
    return apart
