"""The words a sentence sets aside: "except X", "instead of X", "rather than X", "unlike X", "unless ...";
what something "used to" do, a habit that has stopped; what someone only "hopes to" or "plans to" do; and
what "only" restricts a clause to.

"Visitors may climb the tower, except on feast days" says nothing of visitors on feast days but that
they may not; "the beacon now burns gas instead of oil" says that it does not burn oil. A
fact read from such a sentence holds outside the words set aside, so those words never count as said
for it, and a yes/no reading never finds the question's thing among them. Closed-class grammar over a
spaCy parse.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from kg.text import NAMING_VERBS, STOPWORDS, lemmas, tokenize

#: A subordinator whose clause is the exception to what the main clause says ("... unless it rains").
CONDITIONS_AGAINST = frozenset(("unless",))
#: A preposition whose object is set aside ("except the north quay", "unlike a pier").
EXCEPTING = frozenset(("except", "excepting", "unlike"))
#: An adverb that makes the word after it set aside what follows: "*instead* of", "*rather* than",
#: "*apart* from", "*other* than".
LEADING = frozenset(("instead", "rather", "apart", "other"))
#: The word such an adverb leads.
LED = frozenset(("of", "than", "from"))


def set_aside(doc) -> set[int]:
    """Return the positions of the tokens a sentence sets aside, the marker words among them."""
    out: set[int] = set()
    for token in doc:
        if _excepts(token):
            # "can be renewed unless another member has reserved it": the clause is the exception.
            out |= {t.i for t in token.head.subtree}
        elif token.lower_ in EXCEPTING and token.dep_ in ("prep", "mark", "cc", "advmod"):
            out |= {t.i for t in token.subtree}
        elif token.lower_ in LED and any(c.lower_ in LEADING for c in token.children):
            out |= {t.i for t in token.subtree}
            if token.dep_ == "cc":
                # "rather than engines", "instead of barges" read as a coordinator: what it sets aside is
                # what follows it under the same head.
                out |= {t.i for c in token.head.children if c.i > token.i and c.dep_ != "punct" for t in c.subtree}
    return out


def has_exception(doc) -> bool:
    """Tell whether a parsed sentence makes an exception to what it says by a clause ("... unless it rains")."""
    return any(_excepts(t) for t in doc)


def _excepts(token) -> bool:
    """Tell whether a token opens a clause that is an exception ("*unless* it rains")."""
    return token.lower_ in CONDITIONS_AGAINST and token.dep_ == "mark"


def past_habit(verb) -> bool:
    """Tell whether ``verb`` is what something "used to" do: a habit that has stopped, nothing of now.

    Only the active past with its own subject ("the mill used to grind oats"); "is used to lift" and a
    bullet's "Used to moor ships" say what a thing is for.
    """
    head = verb.head
    return (
        verb.dep_ == "xcomp"
        and head.lower_ == "used"
        and head.i < verb.i
        and any(c.lower_ == "to" for c in verb.children if c.dep_ == "aux")
        and any(c.dep_ == "nsubj" for c in head.children)
        and not any(c.dep_ in ("aux", "auxpass") for c in head.children)
    )


#: Catenative verbs whose "to" complement happens when they do: aspect ("begins to leak"), raising ("seems
#: to leak", "tends to"), necessity ("has to", "needs to"), enabling ("allows you to"), and the passive of
#: "use" that names a purpose ("is used to lift"; so does any passive participle: "a ship designed to dig").
#: Closed-class grammar: any other verb's complement ("hopes to buy", "plans to open", "would like to
#: rebuild", "refuses to pay") is what someone means, wants or tries to do, not what is done.
REALISING = frozenset(
    "begin start continue cease resume proceed seem appear tend happen have need ought require"
    " allow let enable permit use".split()
)


def unrealised(verb):
    """Return the verb whose "to" complement ``verb`` is when that complement is not said to happen, else None.

    "The parish hopes to buy the barn" does not say the parish buys it: the buying is only hoped
    for, so a fact read from the clause must keep "hope to" in its predicate and a yes/no reading must not
    take the sentence for a yes to "Did the parish buy it?". The raising, aspectual, necessity and
    enabling verbs of ``REALISING`` say their complement happens.
    """
    head = verb.head
    if verb.dep_ != "xcomp" or head.i == verb.i or head.pos_ not in ("VERB", "AUX"):
        return None
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None  # "keeps running", "made it work": no "to" complement
    if head.lemma_.lower() in REALISING or head.lower_ in REALISING:
        return None
    if head.tag_ == "VBN" and (head.dep_ == "acl" or any(c.dep_ == "auxpass" for c in head.children)):
        return None  # "a ship designed to remove silt", "is built to carry": a passive names what it is for
    if head.lemma_.lower() in NAMING_VERBS and head.tag_ in ("VBN", "VBD"):
        return None  # "uses a system called Tally to book rooms": the "to" says what the thing named is for
    return head


#: Quantifiers that speak of every one of a kind, and those that speak of only part of it. Closed class.
UNIVERSAL = frozenset(("all", "every", "each"))
PARTIAL = frozenset(("some", "many", "most", "several", "few", "certain"))


def only_some(doc, question: str) -> bool:
    """Tell whether the sentence says of only part of a kind what the question asks of all of it.

    "Some kilns burn wood" answers no "Do all kilns burn wood?" with a yes: it says nothing of the rest.
    The question's universal quantifier ("all", "every", "each") against a partial one of the sentence
    ("some", "most", "many") that the question does not say.
    """
    asked = {w.lower for w in tokenize(question)}
    if not asked & UNIVERSAL:
        return False
    return any(t.lower_ in PARTIAL - asked and t.dep_ in ("det", "amod", "nsubj", "nsubjpass") for t in doc)


def disjoined_subject(doc, question: str) -> bool:
    """Tell whether the sentence gives its clause's doer as one of several ("*Either* A *or* B collects
    it"), where the question does not: it says that one of them does, not that each does."""
    asked = {w.lower for w in tokenize(question)}
    if asked & {"or", "either"}:
        return False
    for token in doc:
        if token.dep_ in ("nsubj", "nsubjpass") and any(c.dep_ == "cc" and c.lower_ == "or" for c in token.children):
            return True
    return False


#: The adverbs that make the adjective after them a superlative ("most popular", "least used").
SUPERLATIVE_ADVERBS = frozenset(("most", "least"))


def is_superlative(token) -> bool:
    """Tell a modifier that picks one thing out of its noun's kind: "shortest", "most popular", "least used".

    Read by the notes' extractor ("X is the oldest N") and by questions ("What is the widest bridge?") alike.
    """
    if token.dep_ != "amod":
        return False
    return token.tag_ in ("JJS", "RBS") or any(c.lower_ in SUPERLATIVE_ADVERBS for c in token.children)


#: Words that say whether two things are one and the same or not. Closed class.
IDENTITY = frozenset(("same", "different", "other", "another"))


def identity_unsaid(question: str, sentence: str) -> bool:
    """Tell whether a yes/no question says "same" or "different" where the sentence does not.

    "Do the guides lead the same walk?" of "Each guide leads a different walk": the word that decides is
    one the sentence lacks (or says the opposite of), so the sentence gives no yes to it.
    """
    asked = {w.lower for w in tokenize(question)} & IDENTITY
    return bool(asked - {w.lower for w in tokenize(sentence)})


def without_set_aside(text: str, parse: Callable) -> str:
    """Return ``text`` with the words it sets aside left out (the text itself when it sets none aside)."""
    if not any(w in text.lower() for w in EXCEPTING | LEADING | CONDITIONS_AGAINST):
        return text  # no marker word: no parse needed
    return _without_parsed(text, parse)


@lru_cache(maxsize=4096)
def _without_parsed(text: str, parse: Callable) -> str:
    doc = parse(text)
    aside = set_aside(doc)
    if not aside:
        return text
    return " ".join(t.text for t in doc if t.i not in aside)


#: Subordinators that state a condition alike: "only if the baker is present" is asked "when he is present".
CONDITIONAL = frozenset(("if", "when", "whenever", "once", "provided", "providing"))
#: "not only A but also B" adds B; it restricts nothing.
_ADDING = frozenset(("not",))


def restrictions(doc) -> list[list]:
    """Return what "only" restricts each clause of a parsed sentence to, as tokens, the marker first.

    "may board *only after* the cars have boarded", "can book *only if* a member comes", "opens *only in*
    summer": the clause holds in that case alone, so a question that does not state the case is not
    answered by the clause ("Can they board before the cars?"). "Only" before a subordinator or a
    preposition; "not only" adds instead.
    """
    out = []
    for token in doc:
        if token.lower_ != "only" or token.i + 1 >= len(doc) or (token.i > 0 and doc[token.i - 1].lower_ in _ADDING):
            continue
        marker = doc[token.i + 1]
        if marker.dep_ == "prep":
            # The marker first: the parser may hang "only" on the preposition, inside its phrase.
            span = [marker, *(t for t in marker.subtree if t.i not in (marker.i, token.i))]
        elif marker.dep_ in ("mark", "advmod") and marker.head.dep_ == "advcl":
            span = [marker, *(t for t in marker.head.subtree if t.i not in (marker.i, token.i))]
        else:
            continue
        out.append(span)
    return out


def unmet_restriction(doc, question: str) -> bool:
    """Tell whether a parsed sentence restricts what it says ("only if ...") to a case the question does not state.

    The question states the case when it says the marker ("after"; for a condition, any of ``CONDITIONAL``)
    and every content word of the restricted clause, by lemma.
    """
    spans = restrictions(doc)
    if not spans:
        return False
    words = [t.lower for t in tokenize(question)]
    said = {lemma for w in words for lemma in lemmas(w)}
    for marker, *rest in spans:
        conditional = marker.lower_ in CONDITIONAL and CONDITIONAL & set(words)
        if marker.lower_ not in words and not conditional:
            return True
        for t in rest:
            if t.is_alpha and t.lower_ not in STOPWORDS and not lemmas(t.lower_) & said:
                return True
    return False
