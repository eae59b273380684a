"""Read a yes/no verdict, or the asked-for concepts, out of the one source sentence that answers.

``kg/sentence_answer.py`` finds the sentence that clearly answers a question no fact answers, and quotes
it. A quote leaves the reading to the user; where the sentence's grammar makes the answer plain, this
module reads it, so that the answer carries a value a client can use:

- **yes/no**: "no" when the sentence negates the clause that holds the question's words ("a tag does not
  move when ..."), "yes" when nothing negates it. Only when every content word of the question is a word
  of the sentence by lemma, or one the caller found it says in other words under a stricter test than
  coverage's (``kg.sentence_answer.VERDICT_WORD_SIMILARITY``): a word of similar meaning may be its
  opposite (MiniLM puts "stateful" and "stateless" at 0.72, "inbound" and "outbound" at 0.88), and a
  verdict read through it would be the wrong way round. A negated question ("Doesn't X ...?") gets no
  verdict here. A "not" on a verb above the asked one ("do not *need* to run") denies that verb: it
  answers "must ...?" with no, and "can ...?" or "does ...?" not at all.
- **what / which / who / where**: the concepts the sentence names that the question does not (never
  from a sentence that denies the asked clause: "X does not stock maps" says what X lacks). The one
  such concept answers; a list the sentence introduces answers with its items; when several remain, the
  ones inside the argument of the question's verb that holds none of the question's words (the slot the
  wh-word stands for: "signed *by the clerk*" for "Who signs a permit?") answer, if they all stand
  in that one argument. Otherwise nothing is read, and the sentence is only quoted.
- **how many / how much**: the one number the sentence gives that the question does not.

Everything here is grammar (dependency labels, negation words, number tags); no content word decides.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property

from rdflib import URIRef

from kg.amounts import amounts_hold
from kg.contrast import has_exception, only_some, past_habit, set_aside, unmet_restriction, unrealised
from kg.coordination import CEASING, counts_none, shared_denial
from kg.opposites import word_pairs
from kg.question import CLASSIFIERS, GENERIC_NOUNS
from kg.scoring import PREPOSITIONS
from kg.text import (
    ABSENCE,
    ARTICLES,
    EXCLUSIVE_FOCUS,
    NEAR_NEGATIONS,
    NEGATIONS,
    NUMBER_WORDS,
    PLACE_PREPOSITIONS,
    SETTING_APART,
    STOPWORDS,
    TEMPORAL_ORDER,
    is_numeral,
    lead_and_item,
    lemmas,
    noun_key,
    turned_order,
)

#: Dependency labels of a verb's arguments: where the concept a wh-word stands for may be found.
ARGUMENTS = frozenset("nsubj nsubjpass dobj agent prep attr oprd dative acomp pobj obj".split())
#: The role each argument plays for its verb, the same in the active and the passive: the doer is the
#: active subject or the passive's "by" phrase; what is done to, the active object or the passive subject.
ROLES = {
    "nsubj": "subject",
    "agent": "subject",
    "dobj": "object",
    "obj": "object",
    "nsubjpass": "object",
    "prep": "oblique",
    "dative": "oblique",
}
#: Verbs that say a thing must be done ("need to run", "have to run", "is required to run"): a "not" on one
#: denies the necessity, not the doing. Closed-class semi-modals, no word of any subject matter.
NECESSITY_VERBS = frozenset("need have require".split())
#: The question words that ask about a necessity ("Must X run ...?"), which such a denial answers.
NECESSITY_WORDS = frozenset("must need needs required".split())
#: Words a yes/no verdict may leave out of the sentence: they ask nothing of its content.
_CLOSED = frozenset("do does did be is are was were can could may might must should would will shall".split())
#: The auxiliaries a question may put after its wh-word: "how *do* ...", "how many X *have* ...".
QUESTION_AUXILIARIES = _CLOSED | {"has", "have", "had"}


@dataclass
class Asked:
    """What the question asks, as far as reading an answer out of a sentence needs to know."""

    #: The question's content words (the verb, the asked-for noun, what the mentions leave).
    content: list[str]
    #: Every word of the question, lowercased: a concept all of whose words are here is one it names.
    words: list[str]
    #: The words of the names the question mentions, lowercased: they place the question in a sentence.
    mention_words: list[str] = field(default_factory=list)
    #: The concepts the question's names link to.
    named: set[URIRef] = field(default_factory=set)
    yes_no: bool = False
    negated: bool = False
    how_many: bool = False
    #: The noun the wh-word asks for ("which *area* ..."), if any.
    kind: str | None = None
    #: The concepts of the graph that noun names ("which *LTD*": the concept LTD, a kind of dock): an answer
    #: typed as one of them, or a subclass of one, is of the asked kind though its name does not say the noun.
    kind_concepts: frozenset[URIRef] = frozenset()
    #: Whether the graph has a word for things of that kind (a concept so called or so headed, a class): only
    #: then can an answer be told to be of another kind; a noun the graph never uses checks nothing.
    kind_known: bool = True
    #: The words of the wh-phrase ("which", "area"): they stand for the answer, so the argument of the
    #: sentence's verb that holds them ("the staging area ...") may hold the answer too.
    wh_phrase: list[str] = field(default_factory=list)
    #: The role the wh-phrase plays for the question's verb: "subject" (the doer: "who steers X"),
    #: "object" (what is done to: "what does X steer", "which X is steered"), "oblique" (a preposition's
    #: object: "where", "from what"), or None.
    wh_role: str | None = None
    #: The question's main verb (the verb after the subject of a yes/no question): the clause of a sentence that
    #: holds it answers a yes/no question, before a clause that holds more of the other words.
    main_verb: str | None = None
    #: The words of the name a yes/no question puts first, its subject ("Are *files* copied ...?").
    subject_words: list[str] = field(default_factory=list)
    #: Whether the question is in the passive ("Are files copied ...?"): its subject is what is done to.
    passive: bool = False
    #: The word spans (start, end) of the mentions that place no thing the answer is said of: the asked kind
    #: ("which *supplier*") and words of the asked clause that name a concept ("put *up*"); see
    #: ``kg.question.incidental``.
    incidental: frozenset[tuple[int, int]] = frozenset()
    #: Whether the question asks for several things ("which *solvents*", "what *are* the ..."): a list the
    #: answering sentence gives answers it (``kg.question.asks_for_several``).
    several: bool = False

    @cached_property
    def said(self) -> frozenset[str]:
        """The lemmas of every word of the question."""
        return frozenset(lemma for w in self.words for lemma in lemmas(w))

    @cached_property
    def said_besides_wh(self) -> frozenset[str]:
        """The lemmas of the question's words outside its wh-phrase, which stands for the answer."""
        standing_in = set(self.wh_phrase)
        return frozenset(lemma for w in self.words if w not in standing_in for lemma in lemmas(w))

    @cached_property
    def noun_keys(self) -> frozenset[str]:
        """The singular forms of the question's words ("areas": "area")."""
        return frozenset(noun_key(w) for w in self.words)


def _name_words(name: str) -> list[str]:
    """Return the lowercase words of a concept's name, a hyphen or slash splitting words ("at-least-once"),
    a possessive "'s" a word of its own, as the parser makes it ("Larkin's": "larkin", "'s")."""
    return _split_word(name.lower()).split()


def _split_word(word: str) -> str:
    """Return ``word`` with hyphens and slashes as spaces and a possessive "'s" set apart."""
    return re.sub(r"(?<=\w)'s\b", " 's", word.replace("-", " ").replace("/", " "))


def said_at(doc, word: str) -> list:
    """Return the tokens of the parsed ``doc`` that say ``word``: by lemma, or, for a word written with a
    hyphen on one side only ("well-worn", "repaint" / "re-paint"), at the last token of the hyphened run
    the parser splits it into (the run's head: "lived" of "long - lived")."""
    keys = lemmas(word)
    found = [t for t in doc if keys & lemmas(t.text)]
    if found:
        return found
    joined = word.replace("-", "").lower()
    runs = []
    for t in doc:
        if t.text != "-" or not 0 < t.i < len(doc) - 1 or t.whitespace_ or doc[t.i - 1].whitespace_:
            continue
        first, last = doc[t.i - 1], doc[t.i + 1]
        if joined in {first.lower_ + last.lower_} | {first.lower_ + lemma for lemma in lemmas(last.text)}:
            runs.append(last)
    return runs


def verdict(sentence: str, asked: Asked, parse: Callable, meant: Mapping[str, str] | None = None) -> bool | None:
    """Return whether ``sentence`` says what the yes/no question asks (True/False), or None if unsure.

    The clause that holds the question's main verb answers, or failing one, the clause that holds most
    of the question's words ("The ferry sails in winter, but it does not sail at night" says yes to
    sailing in winter); it says no when a "not" bears
    on its verb, or on one of the question's words inside it ("scales vertically, not horizontally").
    ``meant`` maps a content word the sentence says only in other words to the sentence's word for it
    ("modify": "change"), as the caller judged it (``SentenceAnswerer.meant_words``); any other content
    word must be a word of the sentence by lemma.
    """
    if not asked.yes_no or asked.negated or not asked.content:
        return None
    meant = meant or {}
    doc = parse(sentence)
    if _value_put_elsewhere(doc, asked, meant):
        return False
    said_numbers = {t.lower_ for t in doc if is_numeral(t.text)}
    unsaid = {w for w in asked.words if is_numeral(w) and w.lower() not in said_numbers}
    if unsaid:
        # "seven" asked, "up to four" said: the question's number is weighed against the sentence's bounds.
        return _amount_verdict(sentence, asked, parse, meant, unsaid)
    # "Are the plums picked after the apples ripen?" of "... before the apples ripen": the same two events
    # in the other order. What the sentence says of them with the order left out, read the other way.
    turned = turned_order(asked.words, (t.lower_ for t in doc))
    if turned:
        return _reordered_verdict(sentence, asked, parse, meant, turned)
    # The words the sentence sets aside ("instead of oil lamps") say nothing of the question's thing.
    aside = set_aside(doc)
    hits: dict[str, list] = {}
    for word in asked.content:
        if word in _CLOSED:
            continue
        found = [t for t in said_at(doc, word) if t.i not in aside]
        if not found and word in meant:
            found = [t for t in doc if t.lower_ == meant[word] and t.i not in aside]
        if not found:
            return None  # a content word the sentence lacks (or says in other words): no verdict
        hits[word] = found
    if not hits:
        return None
    # "Hemp is spun *without* soaking": what "without" governs is not done, nor is it said what else is.
    lacking = {t.i for w in doc if w.lower_ in ABSENCE for t in w.subtree}
    if lacking and not ABSENCE & set(asked.words):
        lacked = [w for w, ts in hits.items() if all(t.i in lacking for t in ts)]
        if lacked:
            return _lacked_verdict(sentence, asked, parse, meant, lacked)
    # The names the question mentions place it too ("Does the clerk file the form?": "form").
    for word in asked.mention_words:
        found = [t for t in said_at(doc, word) if not t.is_stop]
        if found and all(t.i in aside for t in found):
            return None  # the question's thing is what the sentence sets aside
        found = [t for t in found if t.i not in aside]
        if found and word not in hits:
            hits[word] = found
    # "Every *other* signal can be caught" speaks of the rest of them, not of every signal: a word the
    # question names, set apart by "other" / "else" the question does not say, is not the question's thing.
    if any(c.lower_ in SETTING_APART for ts in hits.values() for t in ts for c in t.children) and not (
        SETTING_APART & set(asked.words)
    ):
        return None
    order = _compared_in_order(doc, asked, hits)
    if order is None:
        return None
    clauses: dict[int, set[str]] = {}
    for word, tokens in hits.items():
        for token in tokens:
            clauses.setdefault(_clause(token).i, set()).add(word)
    # The question's subject places it: "adults may swim two lengths; children one length only" answers
    # "May children swim two lengths?" in the clause that has the children, if any clause has them.
    subject = {w for w in asked.subject_words if w in hits} if _leads(asked) else set()
    subject_clauses = {i for i, words in clauses.items() if subject and subject <= words}
    # "X lowers A, but *it* does not lift B": the clause a pronoun goes on with is the subject's too.
    subject_clauses |= {
        i for i in clauses
        if doc[i].dep_ == "conj" and doc[i].head.i in subject_clauses and not _own_subject(doc[i])
    }  # fmt: skip
    # Only clauses set against each other ("A ..., while B ...", "A ...; B ...") are told apart by their
    # subject: a "when" clause that holds the subject belongs to the clause it modifies.
    others = [doc[i] for i in clauses if i not in subject_clauses]
    if not any(
        _set_against(doc[i], c, asked) or _set_against(c, doc[i], asked) for i in subject_clauses for c in others
    ):
        subject_clauses = set()
    placed_by = {i: clauses[i] for i in subject_clauses} or clauses
    if placed_by is not clauses and len(placed_by) == 1:
        # "Oak doors are oiled in spring, while pine doors are oiled in autumn": the pine doors' clause
        # says nothing of spring, whatever the other clause says, but it says when they are oiled: a word
        # the question places in the subject's clause that a clause set against it fills otherwise ("in
        # autumn" where the oak doors have "in spring") says no.
        clause = doc[next(iter(placed_by))]
        own = _own_words(clause, asked)
        elsewhere = [tokens for tokens in hits.values() if all(t.i not in own for t in tokens)]
        if elsewhere:
            hit = {t.i for tokens in hits.values() for t in tokens}
            return False if all(_filled_otherwise(clause, tokens, hit) for tokens in elsewhere) else None
    most = max(len(words) for words in placed_by.values())
    tied = [doc[i] for i, words in placed_by.items() if len(words) == most]
    verb = next((w for w in hits if asked.main_verb and lemmas(w) & lemmas(asked.main_verb)), None)
    if verb is None and not asked.main_verb:
        # "Is X a copy of Y?" asks with a noun what "X does not copy Y" says with a verb: the one content
        # word the sentence says in other words, only as verbs heading clauses, is the question's verb there.
        verbal = [w for w in asked.content if w in hits and w in meant and all(_verb_heading(t) for t in hits[w])]
        verb = verbal[0] if len(verbal) == 1 else None
    if verb is not None and not any(_heads_clause(t) for t in hits[verb]):
        return None  # the question's verb is read as a noun there ("blue valves feed tanks" misparsed)
    own = {_clause(t).i for t in hits[verb]} if verb is not None else set()
    if len(own) == 1:
        # The clause of the question's own verb answers (the main clause, not
        # the "when" clause, which holds more of the question's other words).
        tied = [doc[own.pop()]]
    # Of clauses that hold the question's words alike, one that holds the others answers ("the gate does not
    # open when the wind blows": the "when" clause is part of what is denied); else it is unclear.
    governing = [c for c in tied if all(c.i == o.i or o.i in {t.i for t in c.subtree} for o in tied)]
    if len(governing) != 1:
        return None
    head = governing[0]
    numbers = [w for w in hits if is_numeral(w)]
    if any(all(_clause(t).i != head.i for t in hits[w]) for w in numbers):
        return None  # the question's number is said of another clause's thing
    # The clause may be headed by "used" itself, the question's verb its complement ("used to open").
    if past_habit(head) or any(past_habit(c) for c in head.children) or only_meant(sentence, asked, parse):
        return None  # "used to open on feast days", "hopes to open on feast days": nothing of now
    # The subject may stand outside a conjoined verb's clause ("X is closed ... but open ..."); other words not.
    placed = [w for w in [*asked.content, *asked.mention_words] if w in hits and w not in asked.subject_words]
    if not _one_conjunct(head, hits, placed):
        # "closed to the townsfolk but open to scholars" for "open to the townsfolk?": the question's words
        # stand in two predicates set against each other.
        return None
    inside = {t.i for tokens in hits.values() for t in tokens if _clause(t).i == head.i}
    hit = {t.i for tokens in hits.values() for t in tokens}
    if _denied(doc, head, inside | hit, NEAR_NEGATIONS):
        return None  # "It seldom rusts": neither yes nor no (see kg.text.NEAR_NEGATIONS)
    complement = head.i not in hit and any(t.dep_ == "xcomp" and t.head.i == head.i for t in doc if t.i in hit)
    if complement and _denied(doc, head, {head.i}):
        # "do not need to run": the "not" bears on a verb the question does not say, whose complement holds the
        # question's verb. It denies the needing ("need not" for "must"), or the trying, not the running.
        return False if lemmas(head.text) & NECESSITY_VERBS and asks_necessity(asked.words) else None
    shared = shared_denial(head)  # "cannot be caught, *blocked* or ignored": the first verb's "not"
    if shared is None:
        return None  # "cannot be opened and painted": denied each, or only together
    if shared or _denied(doc, head, inside):
        # "A is not faster than B" says nothing of whether B is faster than A; "No train may pass unless the
        # signaller allows it" is no plain no.
        return False if order and not has_exception(doc) else None
    # A clause under a denied one ("does not open *when it rains*") may be what is denied, or a
    # reason given beside the denial ("... *because* the lamps are switched on by a timer"): unclear.
    clause = head
    while clause.dep_ in ("advcl", "relcl", "acl") and clause.head.i != clause.i:
        clause = _clause(clause.head)
        if _denied(doc, clause, {clause.i}):
            return None
    if order and only_some(doc, " ".join(asked.words)):
        return None  # "Some kilns burn wood" says nothing of all kilns
    if order and unmet_restriction(doc, " ".join(asked.words)):
        return None  # "may board only after the cars have": not said of boarding before them
    return order  # "A is faster than B" says no to "Is B faster than A?"


def asked_without(asked: Asked, words) -> Asked:
    """Return ``asked`` with ``words`` left out of what the sentence must say."""
    drop = set(words)
    return replace(
        asked,
        content=[w for w in asked.content if w not in drop],
        words=[w for w in asked.words if w not in drop],
        mention_words=[w for w in asked.mention_words if w not in drop],
    )


#: A clock time ("9:30"), a value as a number is.
CLOCK_RE = re.compile(r"\d{1,2}[:.]\d{2}")


def _value_put_elsewhere(doc, asked: Asked, meant: Mapping[str, str]) -> bool:
    """Tell whether the sentence gives the question's value another place and the question's place another value.

    "Does the tram leave at 9:30?" of "The tram leaves at 9:10 for the 9:30 train": the sentence says "9:30",
    but of the train; what it puts after the question's "at", on its verb, is 9:10: no. A
    value asked after a preposition ("at", "for", "by") is weighed where the sentence's verb takes that
    preposition, not wherever the sentence says it; a value said there too ("at 9 and at 10") is no other. The
    verb must be the question's (a content word by lemma, or the sentence's word ``meant`` for one).
    """

    def asked_verb(token) -> bool:
        return any(lemmas(w) & lemmas(token.text) for w in asked.content) or token.lower_ in meant.values()

    words = asked.words
    for at, word in enumerate(words[1:], start=1):
        if not (is_numeral(word) or CLOCK_RE.fullmatch(word)):
            continue
        preposition = words[at - 1]
        # The question's words split a clock time ("9", "30"); the parse of the sentence keeps it whole.
        after = words[at + 1] if at + 1 < len(words) else ""
        if word.isdigit() and len(after) == 2 and after.isdigit():
            whole = {t.lower_ for t in doc} & {f"{word}:{after}", f"{word}.{after}"}
            word = next(iter(whole), word)
        said = [t for t in doc if t.lower_ == word]
        if not said or any(_object_of(t, preposition) for t in said):
            continue
        for t in doc:
            if t.pos_ == "NUM" and t.lower_ != word and _object_of(t, preposition):
                verb = _first_conjunct(t).head.head  # the verb that takes the preposition
                if verb.pos_ in ("VERB", "AUX") and asked_verb(verb):
                    return True
    return False


def _first_conjunct(token):
    """Return the first of the phrases ``token`` is joined to by "and" ("7:40" of "at 7:40 and 8:15")."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def _object_of(token, preposition: str) -> bool:
    """Tell whether ``token`` is the object of ``preposition``, or joined by "and" to its object."""
    first = _first_conjunct(token)
    return first.dep_ == "pobj" and first.head.lower_ == preposition


def _amount_verdict(sentence: str, asked: Asked, parse: Callable, meant: Mapping[str, str], unsaid) -> bool | None:
    """Answer a question whose number the sentence does not say by the bounds of the amount it states.

    "Can a punt carry nine crates?" of "A punt may carry up to six crates": what the sentence says with
    the number left out must be yes ("a punt may carry crates"), and the amount of the same unit it states
    then decides (``kg.amounts.amounts_hold``: nine lies outside "up to six", no; four inside, yes). A
    sentence that states no single amount of that unit, or a capacity as one figure asked about by another
    under a modal, decides nothing.
    """
    within = amounts_hold(" ".join(asked.words), sentence)
    if within is None:
        return None
    return within if verdict(sentence, asked_without(asked, unsaid), parse, meant) is True else None


def _reordered_verdict(sentence: str, asked: Asked, parse: Callable, meant: Mapping[str, str], turned) -> bool | None:
    """Answer "Is A done after B?" by a sentence that says A is done *before* B (or the other way round).

    The sentence must say one order word only, the other one, and say yes to the rest of the question:
    the two events it names happen once, in its order, so the question's order is not the case.
    """
    said = [t.lower_ for t in parse(sentence) if t.lower_ in TEMPORAL_ORDER]
    if len(said) != 1 or len(turned) != 1:
        return None
    return False if verdict(sentence, asked_without(asked, turned), parse, meant) is True else None


def _lacked_verdict(sentence: str, asked: Asked, parse: Callable, meant: Mapping[str, str], lacked) -> bool | None:
    """Answer a question whose verb the sentence says only under "without" ("Rye is milled *without
    sifting*" for "Is rye sifted before milling?"): no, when the sentence says yes to the rest.

    Only the question's own verb: any other word under "without" ("spun without water") says what the
    doing lacks, not whether the question's doing happens.
    """
    if len(lacked) != 1 or not asked.main_verb or not lemmas(lacked[0]) & lemmas(asked.main_verb):
        return None
    rest = asked_without(asked, lacked)
    if not rest.content:  # "ground" a name of the graph: what is left to affirm is the question's other names
        rest = replace(rest, content=[w for w in rest.mention_words if w not in rest.subject_words])
    return False if rest.content and verdict(sentence, rest, parse, meant) is True else None


def _verb_heading(token) -> bool:
    """Tell whether ``token`` is a verb heading a clause of its own."""
    return token.pos_ == "VERB" and token.dep_ in _CLAUSES


def _filled_otherwise(clause, tokens, hit: set[int]) -> bool:
    """Tell whether the word at ``tokens`` stands in a clause set against ``clause`` that has the same verb,
    in a role ``clause``'s verb fills with other words ("runs on *gas*" against "runs on electricity").

    The two clauses must say the same verb, neither denied, and the role is read by dependency: the label
    of the word's branch under its verb (object, preposition, adverb).
    """
    for token in tokens:
        other = _clause(token)
        if other.i == clause.i or not lemmas(other.text) & lemmas(clause.text):
            return False
        if _denied(other.doc, other, {other.i}) or _denied(clause.doc, clause, {clause.i}):
            return False
        branch = token
        while branch.head.i != other.i and branch.head.i != branch.i:
            branch = branch.head
        if branch.head.i != other.i or branch.dep_ not in _FILLED_ROLES:
            return False
        if not any(c.dep_ == branch.dep_ and c.i not in hit for c in clause.children):
            return False
    return True


#: The roles a verb's complement fills that a contrasted clause may fill with something else: its object,
#: a prepositional phrase, an adverb ("first" / "last"), a complement.
_FILLED_ROLES = frozenset("dobj prep advmod acomp attr npadvmod".split())


#: The word that introduces what a comparison measures against: "faster *than* the barge".
_THAN = "than"


def _compared_in_order(doc, asked: Asked, hits: Mapping[str, list]) -> bool | None:
    """Tell whether the sentence compares the question's things in the question's order.

    True when the question compares nothing or the sentence puts the question's words after "than" after
    its own "than" and the named words before it outside; False when exactly the other way round ("The
    quay is longer than the pier" for "Is the pier longer than the quay?"); None otherwise.
    """
    if _THAN not in asked.words:
        return True
    than = asked.words.index(_THAN)
    compared = [t for t in doc if t.lower_ == _THAN]
    if not compared:
        return None  # "the path is steep": steeper than what, it does not say
    inside = {t.i for c in compared for t in c.subtree}
    after = [w for w in hits if w in asked.words[than + 1 :]]
    # The words before "than" besides the comparative itself ("steeper", "more expensive").
    before = [w for w in hits if w in asked.words[: than - 1] and w not in after]
    if not after or not before:
        return None

    def where(word: str) -> set[bool]:
        return {t.i in inside for t in hits[word]}

    if all(where(w) == {True} for w in after) and all(where(w) == {False} for w in before):
        return True
    if all(where(w) == {False} for w in after) and any(where(w) == {True} for w in before):
        return False
    return None


def _own_subject(verb) -> bool:
    """Tell whether a verb has a subject of its own that is no pronoun ("but *it* does not ..." goes on)."""
    return any(d.dep_ in ("nsubj", "nsubjpass") and d.pos_ != "PRON" for d in verb.children)


def subject_clause(sentence: str, subject: str, parse: Callable) -> str:
    """Return the words of the clause whose subject ``subject``'s head noun is, less the clauses set against
    it ("Coal carts use the lane at dawn, while milk carts use it by noon": for the milk carts, "milk
    carts use it by noon"); the whole sentence when no clause has that subject."""
    words = subject.lower().split()
    if not words:
        return sentence
    doc = parse(sentence)
    heads = [
        t for t in doc
        if t.dep_ in ("nsubj", "nsubjpass") and (lemmas(words[-1]) & lemmas(t.text) or t.lower_ == words[-1])
        and all(any(lemmas(w) & lemmas(m.text) for m in t.subtree) for w in words[:-1])
    ]  # fmt: skip
    if len(heads) != 1:
        return sentence
    clause = heads[0].head
    own = _own_words(clause, _NO_QUESTION)
    return " ".join(t.text for t in clause.subtree if t.i in own)


def _leads(asked: Asked) -> bool:
    """Tell whether the question's subject words are what follows its first word ("Are *pine doors* ...?").

    A question whose subject is no name ("May the side door be shut while the bells ring?") gives its first
    name as the subject words, which then places nothing.
    """
    rest = [w for w in asked.words[1:] if w not in ("the", "a", "an")]
    return bool(asked.subject_words) and rest[: len(asked.subject_words)] == asked.subject_words


#: Dependency labels of a word inside a noun phrase or standing as one: no verb heading a clause.
_NOMINAL = frozenset("compound nsubj nsubjpass dobj pobj attr".split())


def _heads_clause(token) -> bool:
    """Tell whether a word is parsed as heading a clause, not as a noun phrase or part of one ("blue valves
    *feed* tanks" misread as a compound); a fragment's verb tagged as a noun ("scales vertically") heads one."""
    return token.dep_ not in _NOMINAL


def _set_against(clause, other, asked: Asked) -> bool:
    """Tell whether ``other`` is a clause joined to ``clause`` or set against it with a subject of its own."""
    return other.head.i == clause.i and _set_apart(other, asked) and _own_subject(other)


def _set_apart(clause, asked: Asked) -> bool:
    """Tell whether a clause is joined to its head ("and", ";") or set against it ("while", "whereas") by a
    word the question does not say."""
    marks = {d.lower_ for d in clause.children if d.dep_ == "mark"}
    # "Some kilns burn wood; the annealer burns gas" is often parsed with the first clause the second's
    # complement: a complement before its verb is a clause of its own.
    before = clause.dep_ == "ccomp" and clause.i < clause.head.i
    return clause.dep_ in ("conj", "parataxis") or before or bool(marks & SETTING_AGAINST - set(asked.words))


def _own_words(head, asked: Asked) -> set[int]:
    """Return the positions of the words of ``head``'s clause, less the clauses joined to it or set against it
    with a subject of their own ("..., while pine doors are oiled in autumn"); a clause that says when or
    whether ("before the apples ripen"), one whose subject is a pronoun ("but it does not change X": the
    same thing) and one set against it by a word the question says too stay part of it."""
    apart = {t.i for c in head.children if _set_against(head, c, asked) for t in c.subtree}
    return {t.i for t in head.subtree if t.i not in apart}


def asks_necessity(words: Sequence[str]) -> bool:
    """Tell whether a question asks whether something must be ("Must X ...?", "Does X have to ...?")."""
    pairs = itertools.pairwise(words)
    return any(w in NECESSITY_WORDS for w in words) or any(a in ("have", "has") and b == "to" for a, b in pairs)


def done_by_another(sentence: str, asked: Asked, verb_word: str, parse: Callable) -> bool:
    """Tell whether the sentence gives ``verb_word`` a doer of its own that is not the question's subject.

    "Walkers *buy* maps at the kiosk", for "Does the kiosk sell maps?": the antonym said of another
    doer is the converse ("the kiosk sells them"), no denial. "Its colour is lost" names no doer; "the lamp
    loses its glow" names the question's own.
    """
    head = asked.subject_words[-1] if asked.subject_words else ""
    doc = parse(sentence)
    for verb in (t for t in doc if lemmas(verb_word) & lemmas(t.text)):
        doers = [c for c in verb.children if c.dep_ == "nsubj"]
        doers += [p for a in verb.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
        if not doers and verb.dep_ == "conj":
            doers = [c for c in verb.head.children if c.dep_ == "nsubj"]
        if any(d.pos_ != "PRON" and not (lemmas(head) & lemmas(d.text)) for d in doers):
            return True
    return False


def keeps_roles(sentence: str, asked: Asked, parse: Callable) -> bool:
    """Tell whether the sentence gives the yes/no question's subject the role the question gives it.

    A question names its subject first, the doer of an active verb ("Does A copy B?") and what is done
    to in the passive ("Are files copied ...?"); a sentence may name it later and keep its role ("Creating
    a branch does not copy any files": the files are still what is copied). Every place the sentence
    names the subject (its last word, as a noun, by lemma) for a verb the question says too must give it
    that role, read from the dependency label of the phrase it heads (``ROLES``), and there must be one; and the
    question's other names must stand in that verb's clause (or one that is its subject or complement).
    """
    if not asked.subject_words:
        return False
    head = asked.subject_words[-1]
    wanted = "object" if asked.passive else "subject"
    doc = parse(sentence)
    found = [
        t for t in doc
        if t.pos_ in ("NOUN", "PROPN") and (lemmas(head) & lemmas(t.text) or noun_key(t.lower_) == noun_key(head))
    ]  # fmt: skip
    # Only the places the subject stands in for the question's own verb decide: "is signed by two wardens and
    # is never changed by one warden" names wardens for signing too, another verb the question does not ask.
    roles = [(role, verb) for role, verb in map(_role, found) if lemmas(verb.text) & asked.said]
    if not roles or not all(role == wanted for role, _ in roles):
        return False
    # The question's other names must belong to that verb's clause, or to a clause that is its subject or
    # complement: one inside a clause added to it ("..., because the lamps are switched on by a timer")
    # says something else.
    verbs = {_clause(verb).i for _, verb in roles}
    # "A rota is signed by two wardens and is never changed by one": a joined verb with no subject of its own
    # shares the clause of the verb it is joined to, subject and all.
    verbs |= {
        _clause(verb.head).i
        for _, verb in roles
        if verb.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    }
    subject = {noun_key(w) for w in asked.subject_words}
    for word in asked.mention_words:
        if noun_key(word) in subject:
            continue
        tokens = [t for t in doc if t.pos_ in ("NOUN", "PROPN") and lemmas(word) & lemmas(t.text)]
        if tokens and not any(_within(t, verbs) for t in tokens):
            return False
    return True


def leaves_doer_unsaid(sentence: str, asked: Asked, parse: Callable) -> bool:
    """Tell whether a "who" question's verb stands in the sentence with no doer: the sentence does not say who.

    "Who carved the gate?" asks for the doer of the carving; "The gate is carved from oak" says the
    carving but not by whom (no subject, no "by" phrase): the names it does give (the oak) stand in other
    roles, and reading one out as the answer would name a material for a maker. The sentence may still be
    quoted (it may help: "carved at the guild's yard"), with no answer read out of it. Only
    "who": a "what" may be answered by a place ("what holds the letters?": "letters are kept in the
    drawer"), a person is never a place or a material. The question's verb is found as
    ``_in_open_slot`` finds it; a sentence without it, or with it twice, is not judged here.
    """
    if asked.wh_role != "subject" or asked.wh_phrase[:1] not in (["who"], ["whom"]):
        return False
    doc = parse(sentence)
    content = {key for w in asked.content if w not in asked.wh_phrase for key in lemmas(w)}
    verbs = [t for t in doc if t.pos_ == "VERB" and lemmas(t.text) & content]
    if len(verbs) != 1:
        return False
    verb = verbs[0]
    if _controlled(verb):
        verb = verb.head  # "The keeper opens the paddles *to fill* the chamber": the keeper fills it
    return not any(child.dep_ in _DOERS for child in verb.children)


def _controlled(verb) -> bool:
    """Tell whether ``verb`` is an infinitive of purpose or a complement ("opens the paddles *to fill* it",
    "tries *to fill* it") with no subject of its own: its doer is its head verb's subject."""
    return (
        verb.dep_ in ("advcl", "xcomp")
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        and not any(c.dep_ in _DOERS for c in verb.children)
        and verb.head.pos_ in ("VERB", "AUX")
    )


#: Dependency labels of a verb's doer: its subject (a clause too), or the passive's "by" phrase.
_DOERS = frozenset("nsubj csubj agent expl".split())


def _within(token, clauses: set[int]) -> bool:
    """Tell whether ``token`` stands in one of ``clauses``, or in a clause that is its subject or complement."""
    clause = _clause(token)
    while clause.i not in clauses:
        if clause.dep_ not in ("csubj", "ccomp", "xcomp") or clause.head.i == clause.i:
            return False
        clause = _clause(clause.head)
    return True


#: Dependency labels inside a noun phrase: the phrase's role is that of the word they lead to.
_IN_PHRASE = frozenset("compound amod det nummod poss nmod appos conj cc".split())


def _role(token):
    """Return the role (``ROLES``) of the noun phrase ``token`` stands in and the word it is that role of."""
    t = token
    while t.dep_ in _IN_PHRASE and t.head.i != t.i:
        t = t.head
    if t.dep_ == "pobj":
        preposition = t.head
        # "copied *by* the tool": the doer.
        return ("subject" if preposition.dep_ == "agent" else "oblique"), preposition.head
    return ROLES.get(t.dep_), t.head


#: A question that says nothing, for the grammar tests that read a sentence alone.
_NO_QUESTION = Asked(content=[], words=[])
#: The wh-word that asks for a reason.
REASON_WH = frozenset(("why",))
#: Subordinators that set one clause against another ("A is X, while B is Y").
SETTING_AGAINST = frozenset(("while", "whereas"))

#: "Neither A nor B may be opened": the correlative denies the clause its nouns stand in.
CORRELATIVE_DENIALS = frozenset(("neither", "nor"))


def _denied(doc, head, inside: set[int], words: frozenset[str] = frozenset()) -> bool:
    """Tell whether a "not" bears on the clause ``head`` heads, or on one of its words in ``inside``.

    With ``words``, whether one of those words does instead ("seldom").
    """
    for token in doc:
        if not (token.lower_ in words if words else _negates(token)):
            continue
        target = token.head
        if target.lower_ in CEASING and target.head.i != target.i:
            target = target.head  # "no longer runs": the "no" denies the running
        if target.dep_ == "advmod" and target.head.dep_ == "prep" and target.lower_ not in EXCLUSIVE_FOCUS:
            target = target.head  # "on pallets, never directly on the stone": the "never" denies the phrase
        if target.i == head.i or (_clause(target).i == head.i and {t.i for t in target.subtree} & inside):
            return True
    return False


#: Dependency labels that open a clause of its own: a verb under one of these has its own subject.
_CLAUSES = frozenset("ROOT conj advcl ccomp relcl acl parataxis csubj".split())


#: The coordinators that set one conjunct against another.
CONTRASTING = frozenset(("but", "yet"))


def _one_conjunct(head, hits: Mapping[str, list], words: Sequence[str]) -> bool:
    """Tell whether ``words`` all stand in one conjunct of ``head``'s predicate when "but" contrasts its
    conjuncts: its own part, or the predicate set against it ("closed to the townsfolk but *open to
    scholars*"). Conjuncts joined otherwise share what hangs from any of them ("washes and dries the cups
    on Mondays"), unless each has complements of its own ("opens from Tuesday to Sunday and closes *on
    Mondays*": Mondays is said of the closing only)."""
    if not any(c.dep_ == "cc" and c.lower_ in CONTRASTING for c in head.children) and not _own_complements(head):
        return True
    branches = [{t.i for t in c.subtree} for c in head.children if c.dep_ == "conj"]

    def branch(token) -> int:
        return next((k for k, tree in enumerate(branches) if token.i in tree), -1)

    common: set[int] | None = None
    for word in words:
        found = {branch(t) for t in hits[word]}
        common = found if common is None else common & found
    return common is None or bool(common)


#: The dependents that complete a verb's own predicate (not its subject, auxiliaries or conjuncts).
_COMPLEMENTS = frozenset("dobj prep attr acomp oprd dative agent xcomp npadvmod".split())


def _own_complements(head) -> bool:
    """Tell whether a verb and a verb conjoined to it each have complements of their own."""
    conjuncts = [c for c in head.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
    return any(c.dep_ in _COMPLEMENTS for c in head.children) and any(
        d.dep_ in _COMPLEMENTS for c in conjuncts for d in c.children
    )


def _clause(token):
    """Return the verb that heads the clause ``token`` stands in (the sentence's root, failing all else)."""
    t = token
    while t.head.i != t.i and not (t.pos_ in ("VERB", "AUX") and t.dep_ in _CLAUSES):
        t = t.head
    return t


def _negates(token) -> bool:
    """Tell whether ``token`` negates its head: "not", "never", "n't", "no" before a noun, "neither", a
    subject or object counted as none ("installs *nothing*", ``kg.coordination.counts_none``)."""
    lower = token.lower_
    if lower == "not" and token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "only":
        return False  # "not only A but also B" says both
    return (
        token.dep_ == "neg"
        or lower in NEGATIONS
        or lower.endswith("n't")
        or lower in CORRELATIVE_DENIALS
        or counts_none(token)
    )


def denied_words(doc) -> str:
    """Return the words of the clauses a "not" of a parsed sentence denies, in order; "" when none is.

    A "not" of a noun joined to others ("owns the mill and the barn, but not the cottage") denies the
    clause of that noun alone: the nouns it is set against are affirmed, not denied.
    """
    denied, affirmed = set(), set()
    for t in doc:
        if not _negates(t):
            continue
        denied.add(_clause(t.head).i)
        noun = t.head
        if noun.pos_ in ("NOUN", "PROPN") and noun.dep_ == "conj":
            first = noun
            while first.dep_ == "conj":
                first = first.head
            own = {x.i for x in noun.subtree}
            if first.pos_ in ("NOUN", "PROPN"):
                affirmed |= {x.i for x in first.subtree} - own
            else:  # joined to the verb itself: its objects are the nouns set against it
                affirmed |= {x.i for c in first.children if c.dep_ == "dobj" for x in c.subtree} - own
    return " ".join(t.text for t in doc if _clause(t).i in denied and t.i not in affirmed) if denied else ""


def slot_answers(
    sentences: Sequence[str],
    concepts: Sequence[dict[URIRef, list[str]]],
    asked: Asked,
    parse: Callable,
    classes_of: Callable[[URIRef], Mapping[URIRef, str]] | None = None,
) -> list[URIRef]:
    """Return the concepts the sentences give for the wh-question ``asked``, or [] when unclear.

    ``sentences`` holds one sentence, or the items of one list (each a sentence of its own, joined to
    the words that introduce it); ``concepts`` holds, per sentence, the concepts it names, each with its
    names (label first). ``classes_of`` gives a concept's classes, through subclasses, with their labels
    (the graph's types): a concept typed as the asked kind is of it though its name does not say the noun.
    """
    if asked.yes_no or asked.how_many or REASON_WH & set(asked.wh_phrase) or asks_degree(asked):
        # A reason is a clause ("to avoid the frost"), a degree an amount ("twice a day"): never a concept.
        return []
    found: list[URIRef] = []
    for sentence, named in zip(sentences, concepts, strict=True):
        if len(sentences) == 1 and _clause_is_asked(sentence, asked, parse):
            return []  # "tells the crew *how far they may sail the boat*": the answer is a clause
        if _asked_clause_denied(sentence, asked, parse) or only_meant(sentence, asked, parse):
            # "X does not stock maps" names what X does not stock: a wh-question asks what it does; nor does
            # "X hopes to stock maps" say what it stocks.
            if len(sentences) == 1:
                return []
            continue
        fresh = {iri: names for iri, names in named.items() if not _said(iri, names, asked)}
        # A list's items, for a question that asks for kinds ("which sorts of lathe"), are the kind said with
        # more words ("pole lathe"): there the longer name is the answer, not the question's noun again.
        asks_kinds = len(sentences) > 1 and any(w in CLASSIFIERS for w in asked.wh_phrase)
        restating = set() if asks_kinds else {iri for iri, names in fresh.items() if _restates(names, asked.said)}
        if restating and len(sentences) == 1:
            return []  # the sentence's answer is no concept of the graph
        fresh = {iri: names for iri, names in fresh.items() if iri not in restating}
        fresh = _of_kind(fresh, asked, classes_of, sentence, parse)
        if len(sentences) > 1:
            # An item of a list ("X uses two Ns: A") names its introduction's concepts too ("N"): only those
            # its own words name are items.
            item = _words(lead_and_item(sentence)[1])
            fresh = {iri: names for iri, names in fresh.items() if any(_occurs(n, item) for n in names)}
        if len(sentences) > 1 or len(fresh) <= 1:
            if len(sentences) == 1 and fresh and not _may_play_asked_role(sentence, fresh, asked, parse):
                return []  # "When did the X replace Y?": the concept left is who replaced, no time
            if len(sentences) == 1 and fresh and asked.wh_role is None and _asks_identity(asked, parse):
                # "What is X?" is answered by what the sentence equates X with, even when it names one thing.
                fresh = {iri: names for iri, names in fresh.items() if _equated(sentence, names, parse)}
            found.extend(sorted(fresh, key=str) if len(sentences) > 1 else fresh)
            continue
        slotted = _in_open_slot(sentence, fresh, asked, parse)
        if not slotted and not _pronoun_in_open_slot(sentence, asked, parse):
            slotted = _unnamed(fresh, asked)
        if slotted and asked.wh_role is None and _asks_identity(asked, parse):
            # "What is X?" is answered by what the sentence equates X with, whatever other slot is open.
            slotted = [iri for iri in slotted if _equated(sentence, fresh[iri], parse)]
        found.extend(slotted)
    found = list(dict.fromkeys(found))
    if "when" in asked.wh_phrase:
        # "emptied *of bikes* when snow is forecast": whatever slot a concept stands in, "when" asks a time.
        names = {iri: n for named in concepts for iri, n in named.items()}
        found = [iri for iri in found if names.get(iri) and names_time(names[iri][0])]
    elif "where" in asked.wh_phrase:
        # "shows films in the town hall on Friday evenings": "where" asks a place, not the time "on" gives.
        names = {iri: n for named in concepts for iri, n in named.items()}
        found = [iri for iri in found if not _when_only(names.get(iri, []), " ".join(sentences))]
    if classes_of is not None and len(found) > 1:
        # "in a yard called the east yard": the kind a sentence gives a named answer ("yard") is what that
        # answer is, no answer beside it.
        kinds = {cls for iri in found for cls in classes_of(iri) if cls != iri}
        found = [iri for iri in found if iri not in kinds]
    return found


#: The named-entity labels (spaCy's) of the things "who" asks for: a person or an organisation ("Who tests the
#: cupboards?": a firm). The small recogniser often takes one for the other ("Ines" an organisation), so the
#: two count as one type: a sentence naming a person and a firm names two who may be meant.
WHO_ENTITIES = frozenset(("PERSON", "ORG"))
#: The labels of places, which "where" asks for, and of times, which "when" asks for.
WHERE_ENTITIES = frozenset(("FAC", "GPE", "LOC"))
WHEN_ENTITIES = frozenset(("DATE", "TIME"))
#: ``entities(text)`` returns the named entities of ``text``: character start, end and label.
Entities = Callable[[str], Sequence[tuple[int, int, str]]]


def typed_answers(
    sentence: str,
    named: dict[URIRef, list[str]],
    asked: Asked,
    parse: Callable,
    entities: Entities,
    classes_of: Callable[[URIRef], Mapping[URIRef, str]] | None = None,
) -> list[URIRef]:
    """Return the one concept of the type the wh-word asks for that ``sentence`` names and the question does not.

    For a sentence chosen by meaning that says the question's verb in other words ("looked after by Orla
    Penn" for "Who minds the kiln?"): the slot the wh-word stands for cannot be read by the verb there
    (``slot_answers``), but the type it asks for can: "who" a person or an organisation by named-entity
    recognition, the only one the sentence names, playing a part in a verb's clause (``_participant``);
    "where" the whole place a preposition of the clause's verb gives (not "shelf" of "on the shelf above the
    sink", nor "sink"), a time or a person never; "when" a time; "which N" / "what N" a thing the graph or
    the sentence shows to be an N (``_kept_of_kind``), not a common noun of the kind ("basic skill"). The one
    concept of that type answers; none or several give nothing, and so do a concept joined to another by
    "and" and a plural asked noun ("which courses": several are asked for). A sentence that denies, or only
    hopes for, the asked clause gives nothing, as in ``slot_answers``; a "what" with no noun asks for no type.
    """
    phrase = set(asked.wh_phrase)
    if asked.yes_no or asked.how_many or REASON_WH & phrase or asks_degree(asked):
        return []
    if any(noun_key(w) != w for w in asked.wh_phrase[1:]):
        return []  # "which courses ...?" asks for several; one thing of the type is not the answer
    if _clause_is_asked(sentence, asked, parse) or _asked_clause_denied(sentence, asked, parse):
        return []
    if only_meant(sentence, asked, parse):
        return []
    fresh = {iri: names for iri, names in named.items() if names and not _said(iri, names, asked)}
    fresh = {iri: names for iri, names in fresh.items() if not _restates(names, asked.said)}
    spans = {iri: _spans(sentence, names) for iri, names in fresh.items()}
    found = entities(sentence)

    def labelled(iri: URIRef, labels: frozenset[str]) -> bool:
        return any(s < end and start < e for start, end in spans[iri] for s, e, label in found if label in labels)

    kind = asked.kind
    if kind and kind not in CLASSIFIERS and kind not in GENERIC_NOUNS:
        # "basic skills" for "which skills": a common noun of the kind said with more words is the kind, not
        # one thing of it; a name ("RS Quest"), or a thing the graph types as the kind, is one.
        kept = _kept_of_kind(fresh, asked, classes_of, sentence, parse)
        typed = [iri for iri, names in kept.items() if not _common_of_kind(names[0], kind)]
        typed = typed if len(typed) == 1 and _participant(sentence, spans[typed[0]], parse) else []
    elif phrase & {"who", "whom"}:
        # Every person or firm the sentence names counts: one that plays no part in the verb's clause may
        # still be one of those meant ("the board (currently A as chair, B and C)").
        typed = [iri for iri in fresh if labelled(iri, WHO_ENTITIES)]
        typed = _one_referent(sentence, typed, spans, parse)
        typed = typed if len(typed) == 1 and _participant(sentence, spans[typed[0]], parse) else []
    elif "where" in phrase:
        people = frozenset(("PERSON",)) | WHEN_ENTITIES
        typed = [
            iri for iri, names in fresh.items()
            if not names_time(names[0]) and not labelled(iri, people)
            and _placed(sentence, spans[iri], parse, labelled(iri, WHERE_ENTITIES))
        ]  # fmt: skip
    elif "when" in phrase:
        typed = [iri for iri, names in fresh.items() if names_time(names[0]) or labelled(iri, WHEN_ENTITIES)]
    else:
        return []
    if len(typed) != 1 or _coordinated(sentence, spans[typed[0]], parse):
        # "serviced by Dara Kent and Ivo Marsh": the one the recogniser knows is only one of those who do.
        return []
    return typed


#: The dependencies by which a list of things stands in its clause: subject, object, complement, a
#: preposition's object, or beside a noun it spells out ("four people: A, B, C and D").
LIST_ROLES = frozenset("nsubj nsubjpass dobj attr oprd dative pobj appos".split())
#: The dependencies of the words that only join a list's items or set them off: no part of an item.
_JOINING = frozenset(("conj", "cc", "punct", "preconj"))


def listed_items(sentence: str, asked: Asked, parse: Callable) -> list[tuple[str, str]]:
    """Return the things ``sentence`` lists in the one coordination that may answer ``asked``: each item's
    words as written and the name it goes by (``item_name``).

    "The paint locker keeps the varnish, the linseed oil and the white spirit" lists three things for "Which
    finishes does the locker hold?": a coordination of nouns (or of one preposition's objects: "from A, from B
    and from C") standing in a role of its clause (``LIST_ROLES``), none of whose items the question names.
    Each item is its noun phrase less the determiner ("linseed oil", "the lid of the tin" as "lid of the
    tin"). None, or several such coordinations, give [] (which one answers is not said); so does a sentence
    that denies or only hopes for the asked clause, as in ``slot_answers``. A list that cannot be read whole
    counts as one beside the others: items not told apart ("the two riggers, A and B"), a first item the
    parser set apart after a comma, no "and" or "or" before the last, or an item that only says the asked
    kind again ("several brass hooks" for "which brass hooks").
    """
    if asked.yes_no or asked.how_many or REASON_WH & set(asked.wh_phrase) or asks_degree(asked):
        return []
    if _asked_clause_denied(sentence, asked, parse) or only_meant(sentence, asked, parse):
        return []
    doc = parse(sentence)
    said = asked.said_besides_wh | asked.noun_keys
    lists = []
    for token in doc:
        if token.dep_ == "conj" or not token.conjuncts:
            continue
        items = [token, *token.conjuncts]
        if all(t.pos_ == "ADP" for t in items):  # "from A, from B and from C"
            items = [c for t in items for c in t.children if c.dep_ == "pobj"]
            role = "pobj"
        else:
            role = token.dep_
        if len(items) < 2 or role not in LIST_ROLES or not all(t.pos_ in ("NOUN", "PROPN") for t in items):
            continue
        first = min(items, key=lambda t: t.i).left_edge
        if first.i > 0 and doc[first.i - 1].text == ",":
            lists.append([("", "")])  # "the tide table, the chart and ...": the first item read apart
            continue
        texts = [_item_text(doc, t) for t in items]
        names = [item_name(doc, t) for t in items]
        if any(text and all(lemmas(w) & said for w in _name_words(text)) for text in texts):
            continue  # an item the question names itself: the list is what it asks about, not its answer
        joined = any(c.dep_ == "cc" for t in items for c in t.children)
        if any(_restates_asked(text, asked) for text in texts) or not joined:
            # "the boat hook and several brass hooks" for "which brass hooks": the asked things are not listed;
            # a run without "and" or "or" is no whole list ("A, B, C" misread around a clause).
            lists.append([("", "")])
            continue
        lists.append([(t, n) if "," not in t else ("", "") for t, n in zip(texts, names, strict=True)])
    # A list whose items cannot be told apart ("the two riggers, A and B"), beside another, leaves it unclear.
    return lists[0] if len(lists) == 1 and all(text for text, _ in lists[0]) else []


def _restates_asked(text: str, asked: Asked) -> bool:
    """Tell whether a list's item says nothing the question does not ("several *brass hooks*" for "which brass
    hooks"), its small words aside: the item is the asked kind again, not one thing of it."""
    words = [w for w in _name_words(text) if w not in STOPWORDS and not is_numeral(w)]
    return bool(words) and all(lemmas(w) & asked.said or noun_key(w) in asked.noun_keys for w in words)


def _item_text(doc, token) -> str:
    """Return the words of one item of a list: its noun phrase without the items joined to it, less its
    determiner; "" when what is left is not one run of words."""
    joined = {x.i for c in token.children if c.dep_ in _JOINING for x in c.subtree}
    words = [x for x in token.subtree if x.i not in joined]
    while words and words[0].dep_ in ("det", "poss") and words[0].pos_ in ("DET", "PRON"):
        words = words[1:]
    if not words or words[-1].i - words[0].i + 1 != len(words):
        return ""
    return doc[words[0].i : words[-1].i + 1].text


#: The dependencies of the words a name is made of before its head: "*leafy* greens", "*VPN* token".
_NAME_PARTS = frozenset(("compound", "amod", "nmod", "flat"))


def item_name(doc, token) -> str:
    """Return the name an item of a list goes by: its head with the nouns and plain adjectives right before
    it ("fresh mint" of "chopped fresh mint", "head torch" of "a working head torch"), not what follows the
    head ("spare key" of "the spare key from the office"), nor a participle or a quantifier before it."""
    start = token.i
    while start > 0:
        word = doc[start - 1]
        if word.text == "-" and not word.whitespace_ and start > 1 and not doc[start - 2].whitespace_:
            start -= 2  # "two-way radio": a hyphened word the parser splits
            continue
        if word.head.i < start or word.head.i > token.i or word.dep_ not in _NAME_PARTS:
            break
        if word.dep_ == "amod" and (word.tag_ in ("VBG", "VBN") or word.is_stop or word.tag_ == "CD"):
            break
        start -= 1
    return doc[start : token.i + 1].text


def _one_referent(
    sentence: str, found: list[URIRef], spans: Mapping[URIRef, list[tuple[int, int]]], parse: Callable
) -> list[URIRef]:
    """Keep, of names in apposition to one another, the first: "the Dock Warden, Ines Varga" names one person."""
    if len(found) < 2:
        return found
    roots = {iri: [span.root for span in _parsed_spans(sentence, spans[iri], parse)] for iri in found}

    def heads(token) -> set:
        chain = {token}
        while token.dep_ == "appos" and token.head is not token:
            token = token.head
            chain.add(token)
        return chain

    def apposed(a, b) -> bool:  # tokens compare by their place: each lookup makes a new one
        return a.i != b.i and (a in heads(b) or b in heads(a))

    kept: list[URIRef] = []
    for iri in sorted(found, key=lambda i: min((start for start, _ in spans[i]), default=0)):
        if not any(apposed(root, other) for root in roots[iri] for earlier in kept for other in roots[earlier]):
            kept.append(iri)
    return kept


def _parsed_spans(sentence: str, spans: Sequence[tuple[int, int]], parse: Callable):
    """Yield the parsed spans of ``sentence`` at the character ``spans`` (widened to whole tokens)."""
    doc = parse(sentence)
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            yield span


def _common_of_kind(label: str, kind: str) -> bool:
    """Tell whether a concept's label is a common noun phrase headed by the asked noun ("basic skill")."""
    words = _name_words(label)
    return bool(words) and not label[:1].isupper() and noun_key(words[-1]) == noun_key(kind)


#: The dependencies by which a noun phrase is a participant of its verb (subject, object, complement).
PARTICIPANT_DEPS = frozenset("nsubj nsubjpass dobj dative attr oprd".split())


def _participant(sentence: str, spans: Sequence[tuple[int, int]], parse: Callable) -> bool:
    """Tell whether a name said at ``spans`` plays a part in a verb's clause: its subject, object or
    complement, the object of a preposition the verb takes ("looked after *by* Orla Penn", "goes *to* X"),
    or in apposition to one of those ("our vet, Dr. Pike, comes ..."). A name inside another noun phrase
    ("the north ridge *of Ben Arn*") only says which that other thing is."""
    for span in _parsed_spans(sentence, spans, parse):
        token = span.root
        while token.dep_ == "appos" and token.head is not token:
            token = token.head
        if token.dep_ in PARTICIPANT_DEPS and token.head.pos_ in ("VERB", "AUX"):
            return True
        if token.dep_ == "pobj":
            preposition = token.head
            if preposition.dep_ in ("prep", "agent", "dative") and _taker(preposition).pos_ in ("VERB", "AUX"):
                return True
    return False


def _spans(sentence: str, names: Sequence[str]) -> list[tuple[int, int]]:
    """Return where the sentence says any of ``names``: character start and end, word for word."""
    return [
        (m.start(), m.end())
        for name in names
        if name
        for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", sentence, re.IGNORECASE)
    ]


def _coordinated(sentence: str, spans: Sequence[tuple[int, int]], parse: Callable) -> bool:
    """Tell whether a name said at ``spans`` is joined to another phrase by a conjunction ("A and B")."""
    return any(
        span.root.dep_ == "conj" or any(c.dep_ == "conj" for c in span.root.children)
        for span in _parsed_spans(sentence, spans, parse)
    )


def _taker(preposition):
    """Return the word a preposition hangs from; "flies out of X": from the verb "out" hangs from."""
    return preposition.head.head if preposition.head.pos_ == "ADP" else preposition.head


def _placed(sentence: str, spans: Sequence[tuple[int, int]], parse: Callable, place: bool = False) -> bool:
    """Tell whether a name said at ``spans`` is the whole place a preposition of the clause's verb gives.

    The preposition hangs from the verb ("sit *in* the Boiler Room") and is one of place
    (``PLACE_PREPOSITIONS``), or any, for a name recognised as a place (``place``: "flies out *of* Inverness").
    A place inside another ("on the shelf *above the sink*") says where that other one is, and so does a
    place phrase the parser hangs on the verb right after another; a name that is only the head of the
    place ("shelf" of "on the shelf above the sink") is not the whole of it.
    """
    for span in _parsed_spans(sentence, spans, parse):
        root = span.root
        preposition = root.head
        verb = _taker(preposition)
        if root.dep_ != "pobj" or verb.pos_ not in ("VERB", "AUX"):
            continue
        if not place and preposition.lower_ not in PLACE_PREPOSITIONS:
            continue
        said = {t.i for t in root.subtree if t.dep_ not in ("det", "poss")}
        doc = span.doc
        after = doc[span.end] if span.end < len(doc) else None
        # "sits in the rack behind the stage", the parser hanging "behind" on the verb: the place goes on.
        further = (
            after is not None
            and after.lower_ in PLACE_PREPOSITIONS
            and after.head.i == verb.i
            and not any(names_time(c.text) for c in after.children if c.dep_ == "pobj")  # "... at dawn"
        )
        # "on the shelf above the sink", the same misparse: the place before it is the one it narrows.
        previous = doc[preposition.i - 1] if preposition.i else None
        narrows = (
            previous is not None
            and previous.dep_ == "pobj"
            and previous.head.lower_ in PLACE_PREPOSITIONS
            and previous.head.head.i == verb.i
            and not names_time(previous.text)
        )
        if said <= set(range(span.start, span.end)) and not further and not narrows:
            return True
    return False


def _clause_is_asked(sentence: str, asked: Asked, parse: Callable) -> bool:
    """Tell whether the question's verb takes a clause for the object the question asks: "What does the
    chart tell the crew?" over "... tells the crew how far they may sail the boat". The answer
    is that clause; a concept inside it ("the boat") plays a role in it, not in the question's."""
    if asked.wh_phrase != ["what"] or asked.wh_role not in ("object", None) or not asked.main_verb:
        return False
    said = lemmas(asked.main_verb)
    question = {lemma for w in asked.words for lemma in lemmas(w)}
    for verb in parse(sentence):
        if verb.pos_ not in ("VERB", "AUX") or not lemmas(verb.text) & said:
            continue
        if not any(c.dep_ == "ccomp" for c in verb.children):
            continue
        # Its noun objects are the question's own ("the browser"): the clause is what is left to ask for.
        objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
        if all(lemmas(c.text) & question for c in objects):
            return True
    return False


#: Prepositions whose object, when it names a time, is no place ("on Friday", "during the match").
WHEN_ONLY_PREPOSITIONS = frozenset(("on", "during", "until", "since", "till", "before", "after"))


def _when_only(names: list[str], sentence: str) -> bool:
    """Tell whether a concept named by a word of time stands in ``sentence`` after a preposition of time only."""
    if not names or not names_time(names[0]):
        return False
    lowered = sentence.lower()
    before = "|".join(sorted(WHEN_ONLY_PREPOSITIONS))
    return any(
        re.search(rf"\b(?:{before})\s+(?:the\s+|a\s+|an\s+)?{re.escape(name.lower())}\b", lowered) for name in names
    )


def _unnamed(fresh: dict[URIRef, list[str]], asked: Asked) -> list[URIRef]:
    """Return the one concept no word of the question names, where the others are partly named.

    "The wash program runs a rinse followed by a spin", for "What does wash run after the rinse?":
    "wash program" is the question's "wash" named more fully, so "spin" is what is asked.
    """
    said = asked.said_besides_wh
    untouched = [
        iri for iri, names in fresh.items() if not any(lemmas(w) & said for n in names for w in _name_words(n))
    ]
    return untouched if len(untouched) == 1 and len(fresh) > 1 else []


def _asked_clause_denied(sentence: str, asked: Asked, parse: Callable) -> bool:
    """Tell whether the sentence denies the clause of the question's verb (any clause, if no verb is found).

    "does not open at noon, because the lock is set by a clerk" denies the opening, not the
    setting: a question about who sets the lock may be answered from it.
    """
    doc = parse(sentence)
    if not any(_negates(t) for t in doc):
        return False
    verbs = _verbs_asked(doc, asked)
    if not verbs:
        return True
    return any(_denied(doc, _clause(v), {v.i}) for v in verbs)


def only_meant(sentence: str, asked: Asked, parse: Callable) -> bool:
    """Tell whether the sentence says the question's verb only as what someone hopes, plans or wants to do.

    "The parish hopes to buy the barn" answers neither "Did the parish buy it?" nor "Who will buy
    it?": the buying is not said to happen (``kg.contrast.unrealised``). A question that says the wanting
    itself ("What does the parish hope to buy?") asks about what the sentence says.
    """
    wanting = [unrealised(v) for v in _verbs_asked(parse(sentence), asked)]
    meant = [c for c in wanting if c is not None and not lemmas(c.text) & asked.said]
    return bool(meant) and all(c is not None for c in wanting)


def _verbs_asked(doc, asked: Asked) -> list:
    """Return the verbs of a parsed sentence that say a content word or a name word of the question."""
    asked_words = {key for w in [*asked.content, *asked.mention_words] for key in lemmas(w)}
    return [t for t in doc if t.pos_ == "VERB" and lemmas(t.text) & asked_words]


def number_answer(sentence: str, asked: Asked, parse: Callable) -> str | None:
    """Return the one number ``sentence`` gives that the question does not, for "how many", or None."""
    if not asked.how_many or _asked_clause_denied(sentence, asked, parse) or only_meant(sentence, asked, parse):
        return None
    words = asked.words
    counted = counted_noun(" ".join(words), parse)
    # "How many" asks for a count ("three"); "how long", "how much rest" for an amount, said with its unit
    # ("six weeks", "11 hours").
    unit = "many" not in words
    numbers = [
        _number_text(t, unit) for t in parse(sentence)
        if _cardinal(t) and t.lower_ not in words and not _counts_other(t, counted)
        and not _pronoun_number(t)
    ]  # fmt: skip
    return numbers[0] if len(set(numbers)) == 1 else None


def counted_noun(question: str, parse: Callable) -> list[str] | None:
    """Return the words of the noun "how many" counts ("how many *square feet* ..."), or None.

    The noun "many" modifies, with its own modifiers; "how many of the ferries": the noun after "of".
    """
    for token in parse(question):
        if token.lower_ != "many":
            continue
        head = token.head if token.dep_ == "amod" and token.head.pos_ in ("NOUN", "PROPN") else None
        if head is None:
            head = next((c for p in token.children if p.lower_ == "of" for c in p.children if c.dep_ == "pobj"), None)
        while head is not None and head.dep_ == "compound" and head.head.i > head.i:
            head = head.head  # "how many lamp post rows": "many" hung on a word of the compound
        if head is not None and head.i > token.i and token.dep_ == "amod":
            return [t.lower_ for t in token.doc[token.i + 1 : head.i + 1]]  # the words from "many" to the noun
        if head is not None:
            modifiers = [t.lower_ for t in head.children if t.dep_ in ("amod", "compound") and t.i != token.i]
            return [*modifiers, head.lower_]
        # "how many TODO items are ...": the parser may not hang "many" on its noun; the words after it up
        # to the question's auxiliary or verb are the noun counted.
        after = []
        for word in token.doc[token.i + 1 :]:
            if word.pos_ in ("AUX", "VERB") or word.is_punct:
                break
            after.append(word.lower_)
        if after:
            return after
    return None


def _cardinal(token) -> bool:
    """Tell whether a token counts: a cardinal number ("40", "twelve") or a number word ("dozen").

    The tagger's like-a-number test also holds for ordinals ("the *fourth* pier", "the 3rd lock"),
    which say where a thing stands in an order, not how many or how much there is.
    """
    return token.tag_ == "CD" or token.lower_ in NUMBER_WORDS


def _number_text(token, unit: bool = False) -> str:
    """Return a number as the sentence says it: "a dozen" with its article, "40" alone, and with ``unit`` the
    noun it counts after it ("six weeks")."""
    text = token.text
    if not token.like_num and any(c.dep_ in ("quantmod", "det") and c.lower_ in ("a", "an") for c in token.children):
        text = f"a {token.text}"
    head = token.head
    if unit and token.dep_ == "nummod" and head.pos_ == "NOUN" and head.i == token.i + 1:
        text = f"{text} {head.text}"
    return text


def _pronoun_number(token) -> bool:
    """Tell whether a number word stands for a noun, not a count: "each one", "the one", "this one".

    A determiner before a number word makes it a pronoun; "a dozen" and "an eighth" keep theirs.
    """
    return not any(ch.isdigit() for ch in token.text) and any(
        c.dep_ == "det" and c.lower_ not in ("a", "an") for c in token.children
    )


def _counts_other(number, counted: list[str] | None) -> bool:
    """Tell whether a number counts another noun than the one "how many" asks about ("two *shifts*" for
    "how many signallers")."""
    head = number.head
    if not counted or number.dep_ != "nummod" or head.pos_ not in ("NOUN", "PROPN"):
        return False
    return not any(lemmas(w) & lemmas(head.text) or noun_key(w) == noun_key(head.lower_) for w in counted)


def _said(iri: URIRef, names: list[str], asked: Asked) -> bool:
    """Tell whether the question names the concept: linked, or every word of one of its names said."""
    if iri in asked.named:
        return True
    said = asked.said | asked.noun_keys
    for name in names:
        words = _name_words(name)
        if words and all(lemmas(w) & said or noun_key(w) in said for w in words):
            return True
    return False


def _of_kind(
    fresh: dict[URIRef, list[str]],
    asked: Asked,
    classes_of: Callable[[URIRef], Mapping[URIRef, str]] | None = None,
    sentence: str = "",
    parse: Callable | None = None,
) -> dict[URIRef, list[str]]:
    """Keep the concepts of the asked kind ("which *area*": "staging area"); none, when none is of it.

    A concept is of the kind when one of its names has the asked noun as its head (its last word), or
    the graph types it (through subclasses, ``classes_of``) as a class so headed ("caching engine" for
    "which engine") or as a concept the question names as the kind (``Asked.kind_concepts``: "which
    LTD"), or the sentence itself sets it in apposition to a noun of the kind ("two kilns ...: Etna and
    Vesuvius"). A question that asks for a kind of thing ("which LTD ...") is not answered by a thing of
    another kind the sentence names ("harbour"): the sentence is then only quoted. A classifier ("what
    kind of ...") or a noun that stands for anything ("what thing ...") asks for no kind here, and a noun
    the graph has no word for (``Asked.kind_known``) cannot rule a concept out, unless the sentence itself
    says it: then it names a thing of that kind beside the concepts ("oil from the old cellar").
    """
    kind = asked.kind
    if not kind or kind in CLASSIFIERS or kind in GENERIC_NOUNS:
        return fresh
    kept = _kept_of_kind(fresh, asked, classes_of, sentence, parse)
    if kept or asked.kind_known:
        return kept
    said = {noun_key(w) for w in _words(sentence)}
    return {} if noun_key(kind) in said else fresh


def _kept_of_kind(
    fresh: dict[URIRef, list[str]],
    asked: Asked,
    classes_of: Callable[[URIRef], Mapping[URIRef, str]] | None,
    sentence: str,
    parse: Callable | None,
) -> dict[URIRef, list[str]]:
    """Return the concepts shown to be of the asked kind (``_of_kind``): by a name, a type or an apposition."""
    key = noun_key(asked.kind or "")

    def headed(name: str) -> bool:
        words = _name_words(name)
        return (bool(words) and noun_key(words[-1]) == key) or numbered(name, key)

    def of_kind(iri: URIRef, names: list[str]) -> bool:
        if any(headed(n) for n in names if n):
            return True
        classes = classes_of(iri) if classes_of is not None else {}
        return any(cls in asked.kind_concepts or headed(label) for cls, label in classes.items() if cls != iri)

    apposed = _apposed_to(sentence, key, parse) if sentence and parse is not None else []
    return {
        iri: names
        for iri, names in fresh.items()
        if of_kind(iri, names) or any(_occurs(n, apposed) for n in names if n)
    }


#: A label after a kind noun that makes it one thing's name: a number or a capital letter, perhaps both ("Wing
#: *C*", "Room *14*", "Gate *3A*").
IDENTIFIER_RE = re.compile(r"[A-Z]|[A-Z]?\d+[A-Za-z]?")


def numbered(name: str, key: str) -> bool:
    """Tell whether ``name`` is a noun of the kind ``key`` (a noun key) numbered or lettered: "Wing C" is one
    wing, "Room 14" one room, though the kind noun comes first."""
    words = name.split()
    return len(words) == 2 and noun_key(words[0].lower()) == key and bool(IDENTIFIER_RE.fullmatch(words[1]))


def _apposed_to(sentence: str, key: str, parse: Callable) -> list[str]:
    """Return the words the sentence sets in apposition to a noun of the asked kind, items joined to it with
    them ("two kilns ...: Etna and Vesuvius"): the sentence itself says those things are of the kind."""
    words: list[str] = []
    doc = parse(sentence)
    for token in doc:
        if token.pos_ not in ("NOUN", "PROPN") or noun_key(token.lower_) != key:
            continue
        for child in token.children:
            if child.dep_ == "appos":
                words += _words(doc[child.left_edge.i : child.right_edge.i + 1].text)
    return words


def _restates(names: list[str], said: set[str]) -> bool:
    """Tell whether a concept is a noun of the question with more words: "open graph APIs" for "graph APIs".

    Such a concept is the kind asked about, said again; what the sentence says of it ("for Gremlin and
    SPARQL") is the answer, and that is no concept here. Only a common noun restates: a proper name
    ("Amazon Elastic Container Service" for "which container services") names one thing of the kind.
    "staging area" for "which area" adds only words the question lacks, and may answer.
    """
    label = names[0] if names else ""
    if not label or label[0].isupper():
        return False
    words = _name_words(label)
    return len(words) > 1 and bool(lemmas(words[-1]) & said) and any(lemmas(w) & said for w in words[:-1])


def asks_degree(asked: Asked) -> bool:
    """Tell "how" with a word of degree after it ("how *often*", "how *long*", "how *far*") from "how" alone
    ("how do instances connect?"), whose next word is an auxiliary."""
    return degree_after_how(asked.words)


def degree_after_how(words: Sequence[str]) -> bool:
    """Tell lowercase question words that open with "how" and a word of degree, not an auxiliary."""
    return len(words) > 2 and words[0] == "how" and words[1] not in QUESTION_AUXILIARIES


#: Nouns whose first sense in WordNet is a time, an event or an act ("night", "Sunday", "harvest";
#: made by scripts/make_times.py).
TIME_TABLE = "times.tsv"


def names_time(name: str) -> bool:
    """Tell whether a name's head noun is a time or something that happens (``TIME_TABLE``), or a number
    ("at eight": an hour)."""
    words = name.lower().split()
    return bool(words) and (is_numeral(words[-1]) or noun_key(words[-1]) in word_pairs(TIME_TABLE))


def _may_play_asked_role(sentence: str, fresh: Mapping[URIRef, list[str]], asked: Asked, parse: Callable) -> bool:
    """Tell whether the concepts left in a sentence may stand where the wh-word asks ("when": an oblique).

    False when the sentence's one verb the question says takes each of them as an argument in another
    role ("*The ferry, the MV Tern,* replaced the old one in 2019" for "When did ... replace ...?"), and for
    "when" / "where" (an oblique) when none of them hangs from that verb by a preposition.
    """
    if asked.wh_role is None and _asks_identity(asked, parse):
        # "What are the dues per term?" asks what the dues are: a concept the sentence equates with them,
        # by a copula or an apposition, not one another verb of it takes ("... per term, which runs from
        # *March*").
        return any(_equated(sentence, names, parse) for names in fresh.values())
    if asked.wh_role is None:
        return True
    doc = parse(sentence)
    verb = _asked_verb(doc, asked)
    if verb is None:
        # The question's verb read only as a noun ("blue valves *feed* tanks" misparsed): no role is known.
        return not _asked_verb(doc, asked, nominal=True)
    roles: set[str | None] = set()
    for child in verb.children:
        if child.dep_ not in ARGUMENTS:
            continue
        words = [t.lower_ for t in child.subtree]
        if any(_occurs(n, words) for names in fresh.values() for n in names):
            roles.add(ROLES.get(child.dep_))
    if asked.wh_role == "oblique":
        # "When was the X planted?" of "The oldest tree is an X planted in 1962": nothing hangs from
        # "planted" but the year, which is no concept; "oldest tree" is no time.
        return "oblique" in roles or None in roles
    if not roles and verb.dep_ == "relcl":
        # A relative clause's verb takes its noun for the relative pronoun's role ("the crane, which lifts
        # crates"); a concept elsewhere in the sentence ("blocks *access* from JavaScript, which protects
        # the cookie") plays no role for it.
        own = [t.lower_ for t in verb.head.subtree if t.i < verb.left_edge.i or t.i > verb.right_edge.i]
        return any(_occurs(n, own) for names in fresh.values() for n in names)
    return not roles or asked.wh_role in roles or None in roles


def _equated(sentence: str, names: Sequence[str], parse: Callable) -> bool:
    """Tell whether the sentence names a concept (by one of ``names``) where a copula or an apposition
    equates it with something: "X is *a Y*", "X, *a Y*, ..."; not after "than" ("X is cheaper than *Y*"), nor
    in a relative clause of the phrase ("X is the person who unlocks *Y*": Y is not what X is)."""
    return any(
        _occurs(n, [x.lower_ for x in _own_phrase(t)])
        for t in parse(sentence)
        if t.dep_ == "appos" or (t.dep_ in ("attr", "nsubj") and t.head.lemma_ == "be")
        for n in names
    )


def _asks_identity(asked: Asked, parse: Callable) -> bool:
    """Tell whether the question is "what is/are X": a bare "what" and a copula, its only verb."""
    if asked.wh_phrase != ["what"] or len(asked.words) < 3 or asked.words[1] not in ("is", "are", "was", "were"):
        return False
    doc = parse(" ".join(["What", *asked.words[1:]]) + "?")
    return not any(t.pos_ == "VERB" for t in doc)


def _content_lemmas(asked: Asked) -> set[str]:
    """Return the lemmas of the question's content words outside its wh-phrase (which stands for the answer)."""
    standing_in = set(asked.wh_phrase)
    return {key for w in asked.content if w not in standing_in for key in lemmas(w)}


def _asked_verb(doc, asked: Asked, nominal: bool = False):
    """Return the one verb heading a clause of a parsed sentence that says a content word of the question,
    else None; with ``nominal``, one the parse reads inside a noun phrase instead."""
    content = _content_lemmas(asked)
    verbs = [
        t for t in doc
        if t.pos_ in ("VERB", "AUX") and lemmas(t.text) & content and _heads_clause(t) != nominal
    ]  # fmt: skip
    return verbs[0] if len(verbs) == 1 else None


def _question_verb(doc, asked: Asked):
    """Return the one verb of a parsed sentence that is the question's verb, or None.

    Unlike ``_asked_verb`` (which of a sentence's clauses the question's verb heads), any verb saying a
    content word counts, and failing one, a verb the question's names spell ("package").
    """
    content = _content_lemmas(asked)
    verbs = [t for t in doc if t.pos_ in ("VERB", "AUX") and lemmas(t.text) & content]
    if not verbs:
        # The question's verb may have linked as a name ("package" is also a concept of the graph).
        named = {key for w in asked.mention_words for key in lemmas(w)}
        verbs = [t for t in doc if t.pos_ == "VERB" and lemmas(t.text) & named]
    if not verbs and asked.main_verb:
        # A light verb is no content word, yet it is the question's verb ("Which kilns *have* a hood ...?").
        verbs = [t for t in doc if t.pos_ in ("VERB", "AUX") and lemmas(t.text) & lemmas(asked.main_verb)]
    return verbs[0] if len(verbs) == 1 else None


def _pronoun_in_open_slot(sentence: str, asked: Asked, parse: Callable) -> bool:
    """Tell whether the question's verb in the sentence has a pronoun where the question's wh-word stands.

    "The `crontab -e` command opens it in an editor, and `crontab -l` prints it", asked what crontab -l
    prints: what is printed is "it", which the sentence does not name; no other concept of the sentence
    (the editor) is the answer.
    """
    verb = _question_verb(parse(sentence), asked)
    if verb is None:
        return False
    said = asked.said_besides_wh
    return any(
        c.dep_ in ARGUMENTS and c.pos_ == "PRON" and not any(lemmas(t.text) & said for t in c.subtree)
        for c in verb.children
    )


def _in_open_slot(sentence: str, fresh: dict[URIRef, list[str]], asked: Asked, parse: Callable) -> list[URIRef]:
    """Return the concepts inside the one argument of the question's verb that holds no question word."""
    doc = parse(sentence)
    said = asked.said_besides_wh
    verb = _question_verb(doc, asked)
    if verb is None:
        return []
    open_slots: list[tuple[str | None, list[URIRef]]] = []
    # "What is packed *for X*?": the question fills its own "for" phrase; the sentence's ("*For night sails* the
    # crew packs X") says the same role of another thing, and is never the object asked for.
    filled = _filled_prepositions(asked) if asked.wh_role in ("object", "subject") else frozenset()
    arguments = _parallel_phrase(verb, said) or [(c.dep_, _own_phrase(c, said)) for c in verb.children]
    if _controlled(verb):  # "The keeper opens the paddles to fill the chamber": who fills is the keeper
        arguments = [*arguments, *((c.dep_, _own_phrase(c, said)) for c in verb.head.children if c.dep_ in _DOERS)]
    for dep, span in arguments:
        if dep not in ARGUMENTS:
            continue
        if any(lemmas(t.text) & said for t in span if not t.is_stop):
            continue  # this argument holds what the question says
        if dep == "prep" and span and span[0].lower_ in filled:
            continue  # the question names its own thing in this role
        words = [t.lower_ for t in span]
        inside = [iri for iri, names in fresh.items() if any(_occurs(n, words) for n in names)]
        if len(inside) > 1 and asked.wh_role == "oblique" and _nested_apart(span, inside, fresh):
            return []  # "in early versions of X at Y": which phrase says where, the parse cannot tell
        if inside:
            open_slots.append((ROLES.get(dep), inside))
    if len(open_slots) > 1 and asked.wh_role:
        # "Who signs a permit?" asks for the doer: the agent of "is signed by the clerk", not "in the town hall".
        open_slots = [slot for slot in open_slots if slot[0] == asked.wh_role]
    return open_slots[0][1] if len(open_slots) == 1 else []


def _filled_prepositions(asked: Asked) -> frozenset[str]:
    """Return the prepositions the question puts before its own mentions ("for" of "... packed *for the first
    aid box*?"), an article between them allowed."""
    words, mentioned = asked.words, set(asked.mention_words)
    found = set()
    for i, word in enumerate(words[:-1]):
        after = words[i + 2] if words[i + 1] in ARTICLES and i + 2 < len(words) else words[i + 1]
        if word in PREPOSITIONS and after in mentioned:
            found.add(word)
    return frozenset(found)


def _own_phrase(token, said: set[str] = frozenset()) -> list:
    """Return the words of ``token``'s phrase without its relative clauses ("by Ann Lee, *who locks up on
    Fridays*"): a relative clause says more of the phrase's thing; what it names fills no slot of the verb.
    One that says a word of ``said`` (the question's) is kept: it says again what the question asks ("at the
    weir, *where only the warden opens the sluice*" of who opens the sluice)."""
    inside = {
        t.i
        for r in token.subtree
        if r.dep_ == "relcl" and not any(lemmas(w.text) & said for w in r.subtree if not w.is_stop)
        for t in r.subtree
    }
    return [t for t in token.subtree if t.i not in inside]


def _nested_apart(span: list, inside: list[URIRef], fresh: dict[URIRef, list[str]]) -> bool:
    """Tell whether a phrase's concepts stand some in its own words, some only in a phrase nested in it.

    "in early versions of Unix at Bell Labs": the preposition's object names one place or time, the
    nested "at Bell Labs" another, which the parser may have hung on the noun where the verb was meant.
    Concepts joined by "and" stand in the phrase's own words alike.
    """
    head = span[0]
    nested = {inner.i for t in span if t.dep_ == "prep" and t.i != head.i for inner in t.subtree}
    own = [t.lower_ for t in span if t.i not in nested]
    placed = {iri: any(_occurs(n, own) for n in fresh[iri]) for iri in inside}
    return any(placed.values()) and not all(placed.values())


def _parallel_phrase(verb, said: set[str]) -> list[tuple[str, list]]:
    """Return the parts (dependency, tokens) of a joined prepositional phrase that holds the question's
    words, else [].

    "Unit files live in A for local changes and in B for packaged units": asked where packaged units live,
    the phrase joined by "and" that says "packaged units" ("in B for packaged units") is the clause's
    second reading, and its own object (B) is the open slot, not the first phrase's A. The phrase itself
    stands in for the verb's preposition: its object and its own prepositions are the arguments.
    """
    joined = [
        t for t in verb.subtree
        if t.dep_ == "conj" and t.pos_ == "ADP" and any(lemmas(w.text) & said for w in t.subtree if not w.is_stop)
    ]  # fmt: skip
    if len(joined) != 1:
        return []
    phrase = joined[0]
    # The object's own prepositional phrases ("B for packaged units") are read beside it, as the verb's are.
    objects = [c for c in phrase.children if c.dep_ == "pobj"]
    preps = [c for h in (phrase, *objects) for c in h.children if c.dep_ == "prep"]
    nested = {t.i for p in preps for t in p.subtree}
    rest = [t for t in phrase.subtree if t.i != phrase.i and t.i not in nested]  # the object, its marks kept
    return [("pobj", rest), *(("prep", list(p.subtree)) for p in preps)]


def _words(text: str) -> list[str]:
    """Return the lowercase words of ``text``, punctuation left out ("A/B": "a", "b")."""
    return [w.strip(".") for w in re.findall(r"[\w.+#']+", text.lower()) if w.strip(".")]


def _occurs(name: str, words: list[str]) -> bool:
    """Tell whether every word of ``name`` stands in ``words`` in a row (by lemma); "-" and "/" split words."""
    wanted = _name_words(name)
    n = len(wanted)
    if not n:
        return False
    flat = [w.strip(".") for word in words for w in _split_word(word).split()]
    return any(all(lemmas(flat[i + k]) & lemmas(w) for k, w in enumerate(wanted)) for i in range(len(flat) - n + 1))
