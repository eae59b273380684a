"""Read a question's grammar: what it asks for, where it asks, whether it is negated or a request.

One place for the closed-class reading of questions (wh-words, auxiliaries, classifier nouns such as
"kind of", pronouns) that the engine combines with the graph (linked names, relation words, see
:mod:`kg.qa`): the engine's :class:`Reading` of a question is built from these functions. The cue
lists for definitions, acronyms and lists (``DEFINITION_CUES``, ``ACRONYM_CUES``, ``LIST_CUES``,
``REQUEST_VERBS``) are the remaining word lists that a parse should replace.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rdflib import URIRef

from kg.linking import Link
from kg.text import NEGATIONS, STOPWORDS, Token, getAllLemmas, getInflection, is_verb_only, verb_forms

AUX_START = frozenset(
    "is are was were does do did can could will would has have had should must isn't aren't wasn't weren't "
    "doesn't don't didn't can't couldn't won't wouldn't hasn't haven't shouldn't".split()
)
DEFINITION_CUES = frozenset("mean meaning stand short acronym abbreviation tell about".split())
ACRONYM_CUES = frozenset(
    "stand stands short abbreviation abbreviate acronym mean means meaning expand expansion full form".split()
)
#: The acronym cues that ask for the expansion only ("What does X stand for?"), not for a meaning.
EXPANSION_CUES = frozenset("stand stands short abbreviation abbreviate acronym expand expansion".split())
LIST_CUES = frozenset("list enumerate types kinds sorts categories examples name members options".split())
#: Verbs of "can you ... ?" that ask for something to be said, not whether it can be done.
REQUEST_VERBS = frozenset(
    "name tell give list describe show say find explain mention identify recommend suggest".split()
)
#: Nouns that classify rather than name a kind ("what kind of ...", "which type ..."): they ask for a class.
CLASSIFIERS = frozenset("kind kinds type types sort sorts".split())
#: Nouns that stand for anything, as pronouns do ("what sort of thing X is").
GENERIC_NOUNS = frozenset("thing things one ones something stuff".split())
FOLLOW_UP_PRONOUNS = frozenset("it its they them their this that there".split())


@dataclass
class Reading:
    """A question as the engine understood it."""

    text: str
    tokens: list[Token]
    words: list[Token]
    links: list[Link]
    residual: list[str]
    relation_words: set[str]
    answer_word: str | None
    negated: bool
    asked_at: int | None = None  # where the wh-word stands among the words
    inside: frozenset[int] = frozenset()  # word positions names take, once a topic is chosen (see _view)
    #: Of ``relation_words``, those that name relations by meaning only: word -> {relation: similarity}.
    meanings: dict[str, dict[URIRef, float]] = field(default_factory=dict)


def asked_type(words: list[Token], inside: set[int]) -> tuple[str | None, int | None]:
    """Return the noun that names what is asked for and where the asking word stands.

    "which books ...", "what kind of queue ...", "who are the authors ..." name a type; "the books
    X edited were printed in which cities" asks at its end. The position is that of the wh-word
    (None when there is none): the relation named next to it is the path's last hop.
    """
    if not words:
        return None, None
    asking = [i for i, w in enumerate(words) if w.lower in ("what", "which", "who", "whom", "when", "where")]
    if not asking:
        return None, None
    at = 0 if asking[0] == 0 else asking[-1]
    wh = words[at].lower
    if wh in ("when", "where"):
        return None, at
    i = at + 1
    if wh in ("who", "whom"):
        # Only "who is/are the X ..." names a type; "who wrote X" asks for a person by the verb.
        if at != 0 or len(words) < 3 or words[1].lower not in ("is", "are", "was", "were"):
            return None, at
        i = 2
    start = i
    while i < len(words) and words[i].lower in ("a", "an", "the", "kind", "type", "sort", "of", "is", "are"):
        i += 1
    if i >= len(words) or i in inside or words[i].lower in STOPWORDS or is_verb_only(words[i].text):
        return None, at
    # "what kind of book is X" asks for a kind (a genre, a class), not for a book.
    kind = next((w.lower for w in words[start:i] if w.lower in ("kind", "type", "sort")), None)
    if kind is not None:
        return kind, at
    # The head of a noun compound is its last noun: "movie co-writers", "film genre".
    while i + 1 < len(words) and i + 1 not in inside and only_noun(words[i + 1].text):
        i += 1
    return words[i].lower, at


def classifier_complement(tokens: list[Token]) -> tuple[int, str, bool] | None:
    """Return where the noun after "kind of" / "types of" starts, its head word and its article, or None.

    "What sort of vehicle is X": (3, "vehicle", False); "which kinds of garden tool exist": the start
    of "garden tool", "tool", False. The head is the last word before the verb that follows the phrase.
    The third value tells a definite classifier ("what is the type of X": X's own type) from one the
    wh-word or nothing determines ("which type of X", "kinds of X": kinds that X has).
    """
    lower = [t.lower for t in tokens]
    for i, w in enumerate(lower[:-2]):
        if w in CLASSIFIERS and lower[i + 1] == "of":
            j = i + 2
            while j < len(lower) and lower[j] in ("a", "an", "the"):
                j += 1
            end = j
            while end < len(lower) and tokens[end].is_word and lower[end] not in STOPWORDS:
                end += 1
            definite = i > 0 and lower[i - 1] in ("the", "its", "their")
            return (j, lower[end - 1], definite) if end > j else None
    return None


def only_noun(word: str) -> bool:
    """Tell whether ``word`` can only be a noun ("genre", "co-writers"; not "stars", "directed", "is")."""
    lower = word.lower()
    if lower in STOPWORDS or word != lower or not lower.replace("-", "").isalpha():
        return False
    forms = set(getAllLemmas(lower))
    return forms == {"NOUN"} or (not forms and lower.endswith("s") and "-" in lower)


def is_request(words: list[Token]) -> bool:
    """Tell a polite request ("can you name a book by X", "could you tell me ...") from a yes/no question."""
    return len(words) > 2 and words[1].lower == "you" and words[2].lower in REQUEST_VERBS


def is_negated(words: list[Token]) -> bool:
    """Tell whether a "not" stands inside the question ("Doesn't X save Y?" asks whether X saves Y)."""
    return any(t.lower in NEGATIONS or t.lower.endswith("n't") for t in words[1:])


def is_yes_no(words: list[Token]) -> bool:
    """Tell a yes/no question (opening with an auxiliary) from a polite request ("can you name ...")."""
    return bool(words) and words[0].lower in AUX_START and not is_request(words)


BE_FORMS = frozenset("be is are was were been being".split())


def is_passive(words: list[Token]) -> bool:
    """Tell whether a form of "be" is followed by a past participle ("Is the log deleted ...?").

    A passive question names the relation's object first; an active one ("Does A draw from B?") its
    subject.
    """
    lower = [w.lower for w in words]
    be = next((i for i, w in enumerate(lower) if w in BE_FORMS), None)
    return be is not None and any(w in getInflection(lemma, "VBN") for w in lower[be + 1 :] for lemma in verb_forms(w))


def asks_for_instances(tokens: list[Token], start: int) -> bool:
    """Tell whether the mention at token ``start`` is the noun of an opening "what"/"which".

    "Which buckets ...", "what queues are there": the question asks for things that are such, where
    "what are queues" asks what they are.
    """
    words = [i for i, t in enumerate(tokens) if t.is_word]
    return len(words) > 1 and tokens[words[0]].lower in ("what", "which") and start == words[1]


def spells(acronym: str, text: str) -> bool:
    """Tell whether ``text`` opens with words whose initials spell ``acronym`` ("relational db service", RDS)."""
    letters = [c.lower() for c in acronym.rstrip("s") if c.isalpha()]
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z0-9]*", text) if w.lower() not in ("a", "an", "the")]
    return len(letters) >= 2 and [w[0].lower() for w in words[: len(letters)]] == letters
