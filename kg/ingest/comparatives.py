"""Find, in a sentence's parse, the comparisons it states with "than": which words grade, and which way.

"The kiln is hotter than the oven", "the barge goes faster than the ferry", "a refill costs less than a
new tank", "the kiln needs more fuel than the oven", "the loom, which is far quieter than the old one":
whatever verb carries it, a comparison is a word of degree (a comparative, or "more"/"less" with the
word it grades) and a "than" whose object is the thing compared against. This module reads that shape
from the dependency parse alone; :class:`kg.ingest.relations.OpenReader` finds the concepts on both
sides (the clause's subject, the object of "than") as it finds any clause's participants. Two deeds may be
compared too ("sweeping the hearth is quicker than brushing the flue"): each gerund is then a side.

Left unread, so nothing wrong is recorded: an amount after "than" ("more than 200 people": the parser
marks it ``quantmod``), a deed after "than" compared with a thing ("cheaper than queueing for a berth"),
a comparison that is
denied ("not faster than", "no longer than"), and "rather than" / "other than", which compare nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.text import comparative_of, getAllLemmas, merged_name

#: Words that grade another word up or down ("*more* expensive", "*less* time", "*fewer* stops").
GRADERS = {"more": True, "less": False, "fewer": False}
#: Comparative tags of the Penn tag set the parser gives: adjective and adverb.
COMPARATIVE_TAGS = ("JJR", "RBR")
#: Words before "than" that compare nothing ("rather than", "other than").
NOT_COMPARING = frozenset("rather other else".split())
#: Labels the parser may give the one word after "than" when it misreads a name as a modifier ("than
#: *bromazine*" tagged as an adjective): the word is still the object compared.
MISREAD_OBJECT_DEPS = frozenset("amod compound nmod npadvmod appos dobj pcomp".split())
#: Dependency labels that put a word of degree in its clause (as complement or modifier of the verb).
DEGREE_DEPS = frozenset("acomp advmod amod dobj npadvmod attr oprd ccomp xcomp".split())


@dataclass(frozen=True)
class Comparative:
    """One comparison a sentence states: the word of degree, what it grades, and the thing after "than".

    ``quality`` is the word a comparison is recorded by: the comparative as written ("hotter"), or the
    word "more"/"less" grades ("expensive", "time"), or the verb a bare "more"/"less" grades ("costs
    less": "cost"). ``greater`` says whether the clause's subject has more of it (False for "less").
    ``clause`` is the token whose subject is the greater (or lesser) side; ``against`` the object of
    "than".
    """

    quality: str
    greater: bool
    clause: object
    against: object
    #: The side a prepositional comparison states instead of the clause's subject ("quicker *over the
    #: network* than from the drive": the network), or None.
    side: object = None
    #: Whether the comparison takes its "than" from another one (``_without_than``): its side is then the
    #: other's "than" object, named again by the clause's subject.
    borrowed: bool = False
    #: The word of degree itself ("lighter", the "more" of "more expensive").
    word: object = None


def comparatives(doc) -> list[Comparative]:
    """Return the comparisons with "than" that ``doc`` (one parsed sentence) states, in order, then those
    that take their "than" from one of them (``_without_than``)."""
    found = _with_than(doc)
    return found + _without_than(doc, found)


def _with_than(doc) -> list[Comparative]:
    """Return the comparisons with "than"."""
    found = []
    for than in doc:
        if than.lower_ != "than" or than.dep_ != "prep":
            continue  # "more than 200 people": an amount's bound, parsed as a quantifier's modifier
        # A name merged before parsing may be tagged anything ("than *Old Cedar Double*" as an adjective).
        objects = [c for c in than.children if c.dep_ == "pobj" or merged_name(c) or _misread_object(c, than)]
        phrase = None if objects else _prepositional_object(than)
        deed = None if objects or phrase is not None else _deed_after(than)
        if not objects and phrase is None and deed is None:
            continue
        head = than.head
        read = _degree(head)
        while read is None and head.head.i != head.i:
            if head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.head.i != head.head.i:
                # "better for glazes than X": "than" hung on the object of the phrase the comparative governs.
                head = head.head.head
            elif head.dep_ == "xcomp" and head.pos_ == "VERB":
                # "waits longer to open than X": "than" hung on the verb the comparative's clause takes.
                head = head.head
            else:
                break
            read = _degree(head)
        if read is None:
            continue
        word, quality, greater = read
        clause = _clause_of(word)
        if _denied(word) or _denied(head) or _denied(clause):
            continue
        if deed is not None:
            # "Brushing the flue is quicker than sweeping the hearth": a deed is compared with a deed, never
            # with a thing ("cheaper than queueing for a berth" says nothing of what else is cheaper).
            doer = next((c for c in clause.children if c.dep_ == "csubj" and c.tag_ == "VBG"), None)
            if doer is not None:
                found.append(Comparative(quality, greater, clause, deed, doer, word=word))
            continue
        if phrase is not None:
            # "Copying is quicker over the network than from the drive", "searching with A is slower than
            # with B": the two sides are the objects of prepositional phrases, the second after "than".
            side = _prepositional_side(word, clause, phrase.head, than)
            if side is not None:
                found.append(Comparative(quality, greater, clause, phrase, side, word=word))
            continue
        found.append(Comparative(quality, greater, clause, objects[0], word=word))
    return found


def _without_than(doc, found: list[Comparative]) -> list[Comparative]:
    """Return the comparisons a sentence states without "than", taking it from a comparison of two things it
    states with one.

    "A is cheaper than B but slower": a comparative joined to the first (or, as the parser may have it, to its
    "than" object) has its subject and its "than": A is slower than B. "A shows more than B, although B is
    lighter": a comparative in a clause joined to the first whose subject is the first's "than" object
    compares that thing with the first's subject: B is lighter than A. A denied word of degree compares
    nothing, and a word with a "than" of its own was read already.
    """
    out = []
    used = {c.word.i for c in found}
    for word in doc:
        read = _bare_degree(word)
        if read is None or word.i in used or _denied(word) or any(c.lower_ == "than" for c in word.children):
            continue
        _, quality, greater = read
        for comparison in found:
            if comparison.side is not None or comparison.against.tag_ == "VBG":
                continue  # deeds and prepositional sides: their "than" is no thing to take
            if word.dep_ == "conj" and word.head.i in (comparison.word.i, comparison.against.i):
                out.append(Comparative(quality, greater, comparison.clause, comparison.against, word=word))
                break
            clause = _clause_of(word)
            if clause.dep_ not in ("advcl", "conj") or clause.head.i != comparison.clause.i:
                continue
            subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
            others = [c for c in comparison.clause.children if c.dep_ in ("nsubj", "nsubjpass")]
            if len(subjects) == 1 and len(others) == 1 and _same_noun(subjects[0], comparison.against):
                # The side is the thing the first comparison named ("the bicycle courier"), however briefly the
                # clause names it again ("the courier").
                side = comparison.against
                out.append(Comparative(quality, greater, clause, others[0], side, borrowed=True, word=word))
                break
    return out


def _bare_degree(word):
    """Return (word, quality, greater) for a comparative standing alone ("lighter", "more expensive"), or None."""
    if word.lower_ in GRADERS:
        graded = word.head
        if word.dep_ != "advmod" or graded.i == word.i or graded.pos_ not in ("ADJ", "ADV"):
            return None
        return word, _word(graded), GRADERS[word.lower_]
    if word.tag_ in COMPARATIVE_TAGS:
        return word, word.lower_, True
    return None


def _same_noun(a, b) -> bool:
    """Tell whether two noun tokens name one thing by their head words ("the lathe", "the 90 cm lathe")."""
    return a.pos_ in ("NOUN", "PROPN") and a.lemma_.lower() == b.lemma_.lower()


def _deed_after(than):
    """Return the one gerund "than" takes for its object ("than *sweeping* the hearth"), or None."""
    after = [c for c in than.children if c.i > than.i and c.dep_ != "punct"]
    return after[0] if len(after) == 1 and after[0].dep_ == "pcomp" and after[0].tag_ == "VBG" else None


def _prepositional_object(than):
    """Return the object of the one prepositional phrase "than" takes ("than *from the drive*"), or None."""
    phrases = [c for c in than.children if c.dep_ == "prep"]
    return _noun_object(phrases[0]) if len(phrases) == 1 else None


def _noun_object(preposition):
    """Return the one noun or name a preposition takes for its object, or None."""
    objects = [c for c in preposition.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")]
    return objects[0] if len(objects) == 1 else None


def _prepositional_side(word, clause, preposition, than):
    """Return the object of the phrase before "than" that the comparison sets against the one after it: a
    phrase of the same preposition on the word of degree, its clause or the clause's subject ("searching
    *with A* is slower than *with B*"), else the one phrase the word of degree takes ("quicker *over the
    network* than from the drive"); None when the sentence names no such side."""
    holders = [word, clause, *(c for c in clause.children if c.dep_ in ("csubj", "nsubj", "nsubjpass"))]
    phrases = [c for h in holders for c in h.children if c.dep_ == "prep" and c.i < than.i and c.i != preposition.i]
    same = [p for p in phrases if p.lower_ == preposition.lower_]
    own = [p for p in phrases if p.head.i == word.i]
    chosen = same if len(same) == 1 else own if len(own) == 1 and not same else []
    return _noun_object(chosen[0]) if chosen else None


def _misread_object(token, than) -> bool:
    """Tell whether ``token`` is the object of "than" though the parser labelled it otherwise.

    A preposition's one word after it is its object: a name the tagger took for an adjective ("than
    *bromazine*", tagged JJ and hung as a modifier) is still the thing compared. A verb after "than" is a
    deed ("than waiting"), never an object; neither is anything with a word of its own after "than" that
    is the object.
    """
    if token.i <= than.i or token.pos_ not in ("ADJ", "NOUN", "PROPN") or token.dep_ not in MISREAD_OBJECT_DEPS:
        return False
    return sum(1 for c in than.children if c.i > than.i and c.dep_ != "punct") == 1


def _degree(head):
    """Return (word of degree, quality, greater) for the word "than" hangs on, or None if it grades nothing."""
    if head.lower_ in NOT_COMPARING:
        return None
    if head.lower_ in GRADERS:
        # "costs more than X", "more than X" as an object: what is graded is the verb itself.
        graded = head.head
        if graded.i == head.i or graded.pos_ not in ("VERB", "AUX", "ADJ", "ADV", "NOUN"):
            return None
        return head, _word(graded), GRADERS[head.lower_]
    if head.tag_ in COMPARATIVE_TAGS or misread_comparative(head):
        return head, head.lower_, True
    graders = [c for c in head.children if c.lower_ in GRADERS and c.dep_ in ("advmod", "amod")]
    if graders and head.pos_ in ("ADJ", "ADV", "NOUN"):
        # "more expensive than X", "less time than X", "fewer stops than X"
        return head, _word(head), GRADERS[graders[0].lower_]
    degrees = [c for c in head.children if c.tag_ in COMPARATIVE_TAGS and c.dep_ in DEGREE_DEPS]
    if degrees and head.pos_ in ("VERB", "AUX", "NOUN"):
        # "burns longer than X" with "than" hung on the verb; "a faster route than X" on the noun
        return _degree_of(degrees[0], head)
    return None


def misread_comparative(token) -> bool:
    """Tell a comparative adjective the tagger read as a noun ("is *quieter* than", tagged NN): a word the
    dictionary knows only as an adjective's comparative form ("number", also a noun, is not one)."""
    if token.pos_ != "NOUN" or not token.lower_.endswith("er"):
        return False
    found = getAllLemmas(token.lower_)
    if "NOUN" in found or "VERB" in found:
        return False
    return any(comparative_of(base) == token.lower_ for base in found.get("ADJ", ()))


def _degree_of(word, head):
    if word.lower_ in GRADERS:
        return word, _word(head), GRADERS[word.lower_]
    return word, word.lower_, True


def _word(token) -> str:
    """The word a quality is recorded by: a verb by its lemma ("cost"), any other word as written, lowered."""
    return token.lemma_.lower() if token.pos_ in ("VERB", "AUX") else token.lower_


def _denied(token) -> bool:
    """Tell whether a word of degree is denied: "*not* faster", "*no* longer", "*never* cheaper"."""
    return any(c.dep_ == "neg" or c.lower_ in ("no", "never", "not") for c in token.children)


def _clause_of(word):
    """Return the token whose subject a comparison is said of: the word itself if it has a subject ("makes
    *them* cheaper"), else the verb (or copula) it stands in."""
    token = word
    while True:
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children) or token.pos_ in ("VERB", "AUX"):
            return token
        if token.head.i == token.i:
            return token
        if token.pos_ == "NOUN" and token.dep_ not in ("attr", "dobj", "oprd"):
            return token  # "a faster route than X" inside a noun phrase: said of the route, not a subject
        token = token.head
