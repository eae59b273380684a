"""Read what a thing is for: questions that ask a purpose, and the purpose a source sentence gives.

"What is the signal lamp for?", "What is the signal lamp used for?", "What do we use the signal lamp for?"
ask for a purpose: the wh-word is the object of a stranded "for" (its preposition has no object of its
own). The answer is rarely a fact of the graph (no relation is called "for"); a note says it with the
grammar of purpose, in the clause that names the thing:

- an infinitive of purpose: "The bell is rung *to call the crews in*" (an adverbial clause with "to" and
  no subject of its own; "in order to ..." alike), or a passive's "to" complement: "a bell designed *to
  carry across the water*";
- a "so" clause: "Each crew gets a bell *so (that) the coxes can find them*";
- "for" with a gerund: "The hook is kept *for drying the ropes*", or the copula's "for": "The hook is *for
  the ropes*".

When the thing is what the clause's deed is done with ("the seams are sealed *with wax*", "we seal the seams
*with wax*"), what it is used for is the deed: the clause without the phrase ("the seams are sealed"). When
the thing is the doer of the clause's verb ("The bell warns the crews, so they ...") what it does is
its use, and the answer is its predicate as a whole. The words that say purpose are closed-class grammar
(subordinators, "to", prepositions), never content words; the question's own verb, if it says more than
the copula or a light verb ("What is the lamp *lit* for?"), must be the clause's verb or a synonym of it.
A negated clause ("is not rung to ...") gives nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from kg.synonyms import are_synonyms
from kg.text import QUESTION_LIGHT_VERBS

#: The auxiliaries and copulas a purpose question opens with after "what" (closed class).
OPENING_AUXILIARIES = frozenset("is 's are was were do does did".split())
#: Dependency labels inside a noun phrase: the phrase's role is that of the word they lead to.
_IN_PHRASE = frozenset("compound amod det nummod poss nmod appos conj cc".split())
#: The roles of a noun phrase that make it a participant of its clause's verb.
_PARTICIPANTS = frozenset("nsubj nsubjpass dobj attr dative".split())
#: Subordinators of a clause of purpose or of intended result ("so", "so that", "in order that").
PURPOSE_MARKS = frozenset(("so",))


@dataclass(frozen=True)
class PurposeQuestion:
    """A question that asks what a thing is for."""

    #: The (start, end) characters of the words naming the thing in the question.
    span: tuple[int, int]
    #: The lemma of the question's own verb, or None when it says nothing beyond the copula or a light
    #: verb ("What is X *used* for?").
    verb: str | None


def purpose_question(text: str, parse: Callable) -> PurposeQuestion | None:
    """Return what ``text`` asks the purpose of, or None for a question of any other shape.

    The shape, by grammar: "what", an auxiliary or copula, the thing (the subject, or the object of a
    verb after a subject: "What do we use *the hook* for?"), possibly a verb, and a stranded "for" last.
    """
    doc = parse(text)
    words = [t for t in doc if not t.is_punct]
    if len(words) < 4 or words[0].lower_ != "what" or words[1].lower_ not in OPENING_AUXILIARIES:
        return None
    last = words[-1]
    if last.lower_ != "for" or any(c.i > last.i for c in last.children):
        return None  # "for" must be stranded (the parser may hang the wh-word on it: nothing after it counts)
    head = last.head
    if head.pos_ == "ADJ":
        return None  # "What is X short for?", "What is X known for?": the adjective's complement, no purpose
    if head.pos_ not in ("VERB", "AUX"):
        head = head.head if head.head.dep_ == "ROOT" else head  # "use the hook *for*": hung on the noun
    verb = head if head.pos_ in ("VERB", "AUX") and head.i != words[1].i else None
    lemma = verb.lemma_.lower() if verb is not None else None
    if lemma in QUESTION_LIGHT_VERBS or lemma == "be":
        lemma = None
    thing = _thing(words, verb)
    if thing is None:
        return None
    exclude = {last.i}
    if verb is not None and thing.is_ancestor(verb):
        exclude |= {t.i for t in verb.subtree}  # "the tray *used for*": the question's verb, not the name
    tokens = [t for t in thing.subtree if t.i not in exclude and not t.is_punct]
    if not tokens:
        return None
    return PurposeQuestion((tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)), lemma)


def _thing(words, verb):
    """Return the head of the noun phrase a purpose question asks about, or None."""
    opener = words[1]
    candidates = [t for t in words[2:-1] if t.pos_ in ("NOUN", "PROPN")]
    for t in candidates:
        head = t
        while head.dep_ in _IN_PHRASE and head.head.i != head.i:
            head = head.head
        if head.i != t.i:
            continue
        if t.dep_ in ("nsubj", "nsubjpass") and t.head.i in (opener.i, getattr(verb, "i", -1)):
            return t
        if t.dep_ == "dobj" and verb is not None and t.head.i == verb.i:
            return t
    return None


def purpose_in(doc, names: Iterable[Sequence[str]], verb: str | None = None) -> str | None:
    """Return the words in which the parsed sentence ``doc`` gives the thing called by one of ``names`` (each
    a sequence of lowercase words) a purpose, or None when it gives none or several.

    ``verb`` is the question's own verb lemma: the clause must say it (or a WordNet synonym of it). Where the
    thing does what the clause says, what it does is its use, and the words are its predicate from the verb
    on ("warns the crews, so they ..."); else they are the purpose's own ("to call the crews in").
    """
    found: set[str] = set()
    for head in _named(doc, names):
        clause, doer = _clause_of(head)
        if clause is None or _negated(clause):
            continue
        if verb is not None and not _says_verb(clause, verb):
            continue
        part = _purpose_part(clause, subject=doer)
        if part is None:
            if _instrument(head, clause):
                found.add(_without(clause, _phrase_head(head).head))
            continue
        if doer and clause.lemma_ != "be":
            found.add(_text(doc, [t for t in clause.subtree if t.i >= clause.i]))
        else:
            found.add(_text(doc, list(part.subtree)))
    return found.pop() if len(found) == 1 else None


#: Dependents of a verb that say more than its own clause: other clauses, and what joins them.
_OTHER_CLAUSES = frozenset("advcl conj cc ccomp parataxis punct relcl mark".split())


def _phrase_head(token):
    """Return the head of the noun phrase ``token`` stands in."""
    while token.dep_ in _IN_PHRASE and token.head.i != token.i:
        token = token.head
    return token


def _instrument(token, clause) -> bool:
    """Tell whether the noun phrase of ``token`` is what the clause's deed is done *with* ("the cracks are
    filled with Claymix", "we fill the cracks with wax"): what the thing is used for is that deed. Only a
    deed done to something (a passive, or a verb with an object): "comes with a kettle", "walks with Ann" do
    nothing with it."""
    head = _phrase_head(token)
    preposition = head.head
    done_to = any(c.dep_ in ("auxpass", "nsubjpass", "dobj") for c in clause.children)
    return (
        head.dep_ == "pobj"
        and preposition.lower_ == "with"
        and preposition.head.i == clause.i
        and clause.pos_ == "VERB"
        and clause.lemma_ not in ("be", "have")
        and done_to
    )


def _without(clause, preposition) -> str:
    """Return the words of ``clause`` without the phrase ``preposition`` opens and without other clauses
    ("the cracks are filled" of "the cracks are filled with Claymix, which is kept ...")."""
    left = {t.i for t in preposition.subtree}
    left |= {t.i for c in clause.children if c.dep_ in _OTHER_CLAUSES for t in c.subtree}
    tokens = [t for t in clause.subtree if t.i not in left]
    return "".join(t.text_with_ws for t in tokens).strip()


def _named(doc, names: Iterable[Sequence[str]]) -> list:
    """Return the head tokens (the last word) of the runs of ``doc`` that say one of ``names``."""
    lowered = [t.lower_ for t in doc]
    lemmas = [t.lemma_.lower() for t in doc]
    heads = []
    for name in names:
        n = len(name)
        if not n:
            continue
        for start in range(len(doc) - n + 1):
            run = lowered[start : start + n]
            if run[:-1] == list(name[:-1]) and name[-1] in (run[-1], lemmas[start + n - 1]):
                heads.append(doc[start + n - 1])
    return heads


def _clause_of(token):
    """Return the verb whose participant the noun phrase of ``token`` is, and whether it is the doer."""
    head = token
    while head.dep_ in _IN_PHRASE and head.head.i != head.i:
        head = head.head
    if head.dep_ in _PARTICIPANTS:
        return head.head, head.dep_ == "nsubj"
    if head.dep_ == "pobj" and head.head.dep_ in ("prep", "agent") and head.head.head.pos_ in ("VERB", "AUX"):
        return head.head.head, head.head.dep_ == "agent"
    return None, False


def _negated(verb) -> bool:
    """Tell whether ``verb`` is denied ("is not rung", "never rings")."""
    return any(c.dep_ == "neg" for c in verb.children)


def _says_verb(clause, verb: str) -> bool:
    """Tell whether the clause's verb is ``verb`` or a synonym of it."""
    lemma = clause.lemma_.lower()
    return lemma == verb or are_synonyms(verb, lemma)


def _purpose_part(clause, subject: bool):
    """Return the dependent of ``clause`` that says a purpose, or None."""
    passive = any(c.dep_ == "auxpass" for c in clause.children)
    for child in clause.children:
        if child.dep_ == "advcl" and _infinitive(child) and not _own_subject(child):
            return child
        if child.dep_ == "xcomp" and passive and _infinitive(child):
            return child  # "a bell designed to carry": a passive's "to" complement names a purpose
        if child.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in PURPOSE_MARKS for c in child.children):
            return child
        if child.dep_ == "prep" and child.lower_ == "in" and _in_order_to(child):
            return child
        if child.dep_ == "prep" and child.lower_ == "for" and child.i > clause.i:
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if any(o.tag_ == "VBG" for o in objects):
                return child  # "kept for drying the ropes"
            if clause.lemma_ == "be" and subject and objects and not _counted(objects[0]):
                return child  # "The hook is for the ropes"
    return None


def _infinitive(verb) -> bool:
    """Tell whether ``verb`` has the infinitive's "to"."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _own_subject(verb) -> bool:
    """Tell whether ``verb`` has a subject of its own."""
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)


def _in_order_to(preposition) -> bool:
    """Tell whether ``preposition`` opens "in order to ..." or "in order that ..."."""
    return any(c.dep_ == "pobj" and c.lower_ == "order" and any(True for _ in c.children) for c in preposition.children)


def _counted(token) -> bool:
    """Tell whether a noun is an amount or a time ("for two hours", "for Monday"): a duration, no purpose."""
    return (
        any(c.dep_ == "nummod" for c in token.children)
        or token.like_num
        or token.ent_type_
        in (
            "DATE",
            "TIME",
            "CARDINAL",
            "QUANTITY",
        )
    )


def _text(doc, tokens: list) -> str:
    """Return the words of ``tokens`` as the sentence writes them (ends trimmed of punctuation)."""
    tokens = sorted(tokens, key=lambda t: t.i)
    while tokens and tokens[-1].is_punct:
        tokens.pop()
    while tokens and tokens[0].is_punct:
        tokens.pop(0)
    if not tokens:
        return ""
    return doc.text[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)]
