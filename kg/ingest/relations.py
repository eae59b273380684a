"""Read open relations out of a parsed sentence: every clause with a subject and an object.

The predicate is the clause's own verb phrase (lemma, particle, preposition: "attach to", "run on";
a passive keeps its participle: "is placed in"), so a relation enters the graph whether or not the
ontology has a word for it; :mod:`kg.ingest.pipeline` later stores it as the ontology's property when
the words match one. What is read, all by the dependency parse:

- subjects (``nsubj``, ``nsubjpass``), direct objects, prepositional objects, passive agents ("X is
  created by Y" is Y creates X), each with its coordinated neighbours ("A and B");
- relative clauses: "volumes that you attach to instances" says the volumes are attached to instances;
- a generic subject ("you", "we") leaves the object as the thing the clause is about;
- "it", "they", "this" refer to the concept the text was about; a clause with no subject at all (a
  bullet under a heading) is about the section's concept;
- negation ("not", "never", "won't") is kept as a negated fact, never as the positive one; an
  ellipsis "X won't" repeats the verb before it, negated;
- "A, while/whereas B" gives the facts of both clauses (the parser makes B an adverbial clause);
- manner adverbs after an intransitive verb ("scales vertically not horizontally") are values of the
  verb's predicate, a "not" right before one denying that one alone;
- a parent item's unfinished clause ("supports") with the name an item under it gives as its object
  (:meth:`OpenReader.completion`), for an item the tagger misreads as a verb.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from kg.contrast import CONDITIONS_AGAINST, EXCEPTING, LEADING, is_superlative, past_habit, unrealised
from kg.coordination import counts_none, shared_denial
from kg.coordination import negated as _negated
from kg.ingest.comparatives import comparatives, misread_comparative
from kg.ingest.concepts import Concept
from kg.namespaces import CALLED_RULE, IDENTITY_RULE
from kg.opposites import word_pairs
from kg.text import (
    ARTICLES,
    COMPLEX_PLACE_PREPOSITIONS,
    EXCLUSIVE_FOCUS,
    FILLERS,
    INDEFINITE_PRONOUNS,
    NAMING_VERBS,
    NEAR_NEGATIONS,
    NUMBER_WORDS,
    PARTICLES,
    PASSIVE_DEPS,
    POSSESSIVES,
    SETTING_APART,
    SINGULAR_DEMONSTRATIVES,
    SUPPORT_VERBS,
    agrees_in_number,
    getAllLemmas,
    getInflection,
    is_adjective,
    is_numeral,
    is_passive_participle,
    main_subject,
    merged_name,
    names_several,
    noun_key,
    root_of,
)

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
#: Pronouns that stand for whoever reads or acts ("you attach volumes"): the clause says nothing of them.
GENERIC = frozenset("you we i one us people".split())
#: Pronouns that refer back to what the text is about.
ANAPHORIC = frozenset("it they this these them that those its their".split())
RELATIVE = frozenset("that which who whom whose".split())
#: The dependencies of a verb's or a preposition's object.
OBJECTS = frozenset(("dobj", "pobj", "dative", "iobj"))
#: The anaphoric pronouns that stand for several things ("they", "them", "these").
PLURAL_ANAPHORS = frozenset("they them these those their".split())
#: The personal pronouns that stand for a thing spoken of before ("It never rusts").
PERSONAL = frozenset("it they he she".split())
#: The pronouns that stand for one person: what the text last spoke of, when a name ("She" after "Ana
#: Ruiz is the secretary"); never a thing named by a common noun.
PERSON_ANAPHORS = frozenset("he she him".split())
#: The pronouns that never stand for a person.
NEUTER = frozenset(("it", "its"))
#: Verbs of enabling: in "X allows you to provision Y" the one enabled is whoever reads, so what the
#: clause says is what X makes possible, read as said of X. The tagger may misread "lets" as a noun.
ENABLING = frozenset("allow allows allowed let lets enable enables enabled permit permits permitted".split())
#: Determiners that pick out one thing the reader knows ("the big lathe"), not a kind or any one of it.
DEFINITE = frozenset("the this that".split())
#: The demonstratives that, standing alone, may stand for what a whole clause said ("*This* is called X").
DEMONSTRATIVES = SINGULAR_DEMONSTRATIVES
#: Dependents kept in a noun phrase's name: "block-level storage volumes", "secure compute capacity".
NAME_PARTS = ("compound", "amod", "nmod", "npadvmod")
#: Adverbs that join a clause to what came before ("..., *so* slow start ramps up"): the parser may hang one
#: on the subject's adjective, but it is never part of a name. Closed class (conjunctive adverbs).
CONNECTIVES = frozenset("so then thus hence therefore also still yet however instead meanwhile otherwise".split())
#: "the *only* key": a restrictive word that picks the thing out, no part of its name.
DETERMINERS = (FILLERS - {"of", "same", "other", "own"}) | {"only"}
#: Prepositions of place a copula may take on its own ("the kiln is *behind* the shed"): closed-class grammar.
PLACE_ON_COPULA = (
    frozenset("in at on inside within under behind beside near above below outside beneath beyond".split())
    | COMPLEX_PLACE_PREPOSITIONS
)
#: Prepositions that introduce examples or a comparison, not a participant of the verb ("offer more, like X").
NOT_ARGUMENTS = frozenset("like than of such including".split())
#: English adverbial idioms shaped like a preposition and its object: how or when, never a participant
#: ("mounted to one instance at a time", "uses a tool under the hood").
IDIOMS = frozenset(
    {
        ("at", "time"),
        ("under", "hood"),
        ("by", "default"),
        ("in", "fact"),
        ("in", "practice"),
        ("in", "general"),
        ("at", "least"),
        ("at", "once"),
        ("at", "most"),
        ("in", "turn"),
    }
)
MAX_NAME_WORDS = 4
#: The rule and phrase of a comparison read from the parse (stored as a comparison node, kgo:Comparison).
COMPARISON_RULE = "open:comparison"
#: The rule of a clause read with its direct object ("X takes in Y"): a phrase it ends with is a particle.
OBJECT_RULE = "open:object"
COMPARED = "is more than"


@dataclass(frozen=True)
class OpenFact:
    """One clause read as (subject, verb phrase, object), with how it was read.

    A quality ("X is fully managed") has no object concept: ``object`` is None and ``value`` holds
    the quality's words.
    """

    subject: Concept
    phrase: str  # the predicate's words, e.g. "attach to", "is placed in"
    surface: str  # the words as written, e.g. "attaches to", "are placed in"
    object: Concept | None
    negated: bool
    rule: str
    value: str | None = None
    #: The words of the verb whose "to" complement the clause is, when it only means or wants it
    #: ("hope" of "hope to buy"): a question must say them for the fact to answer it.
    intention: str | None = None


#: ``resolve(text, is_name)`` returns the concept a noun phrase names (minting it if allowed), or None.
Resolver = Callable[[str, bool], "Concept | None"]


def pronoun_subject(doc):
    """Return the pronoun that is the subject of a parsed sentence's main clause ("*It* never rusts"), or None.

    The "It" a fragment's reading supplied ("Never rusts" read as "It never rusts") is no pronoun of the
    text: the fragment has no subject of its own.
    """
    subject = main_subject(doc)
    if subject is None or subject.lower_ not in PERSONAL:
        return None  # "this" or "that" may stand for a whole statement, not a thing
    if doc.user_data.get("implicit_subject", False) and subject.i == 0:
        return None
    return subject


def lacks_subject(doc) -> bool:
    """Tell whether a parsed sentence's main clause has no subject of its own: a fragment or a pronoun.

    "never rust", "Can be resized" (read as "It can be resized"), "They never rust": what the clause
    is said of is found outside it (a heading, a parent item, the thing spoken of before).
    """
    if doc.user_data.get("implicit_subject", False) or pronoun_subject(doc) is not None:
        return True
    root = root_of(doc)
    return (
        root is not None
        and root.pos_ in ("VERB", "AUX")
        and not any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "csubjpass", "expl") for c in root.children)
    )


@dataclass(frozen=True)
class Antecedent:
    """What "it" and "they" of the next sentence stand for: the concept the text was last about, whether
    the text named it in the plural (None: not known), and whether an object of that number stood beside
    it (an object "it" may stand for either; see :meth:`OpenReader.main_subject`)."""

    concept: Concept | None = None
    plural: bool | None = None
    rivalled: bool = False


#: A property and its amount: "Minimum 2 disks", "Max. 35 days", "Timeout 15 minutes".
MEASURED_RE = re.compile(r"([A-Za-z][a-z.]*(?: [a-z][a-z.]*){0,2}) (\d[\d.,]*%?(?: [A-Za-z%]+){0,3})")


class OpenReader:
    """Turn a spaCy parse into :class:`OpenFact` s; concepts come from ``resolve``."""

    def __init__(self, resolve: Resolver):
        self.resolve = resolve
        self.topic: Concept | None = None
        self.previous = Antecedent()
        self.defining = False
        self.implicit = False

    def read(self, doc, topic: Concept | None, previous: Antecedent | None, defining: bool = False) -> list[OpenFact]:
        """Return the facts of one parsed sentence; ``topic`` is the section's concept, ``previous`` what
        the text was last about (for "it" and "they"). ``defining`` says the sentence stands where a note
        says what its topic is (see :meth:`_noun_fragment`)."""
        self.topic, self.previous = topic, previous or Antecedent()
        self.defining = defining
        self.implicit = doc.user_data.get("implicit_subject", False)
        facts: list[OpenFact] = []
        # "It seldom rusts": a clause a near negation bears on states neither the fact nor its denial. The
        # readings of whole-sentence shapes (copulas, qualities, asides) are dropped with it; a clause of
        # the same sentence that none bears on still gives its facts.
        hedged = {_clause_head(t).i for t in doc if t.lower_ in NEAR_NEGATIONS}
        if not hedged:
            facts.extend(self._copulas(doc))
            facts.extend(self._qualities(doc))
            facts.extend(self._aside_roles(doc))
            facts.extend(self._example_kinds(doc))
            facts.extend(self._called_kinds(doc))
            facts.extend(self._described_in_apposition(doc))
            facts.extend(self._titled_names(doc))
            if defining:
                facts.extend(self._noun_fragment(doc))
            facts.extend(self._quantity_fragment(doc))
            facts.extend(self._measured_parts(doc))
            facts.extend(self._comparisons(doc))
        for token in doc:
            if token.i in hedged:
                continue
            if token.pos_ == "VERB" or (token.pos_ == "AUX" and _negated(token) and not _has_verb_child(token)):
                facts.extend(self._clause(token))
        if not hedged:
            facts = self._listed_after_colon(doc, facts)
        seen, unique = set(), []
        for f in facts:
            target = f.object.iri if f.object is not None else f.value
            # Two comparisons of one pair grade two qualities ("lighter than the punt but slower"): both stay.
            key = (f.subject.iri, f.phrase, target, f.negated, f.value if f.rule == COMPARISON_RULE else None)
            if key not in seen and f.subject.iri != target:
                seen.add(key)
                unique.append(f)
        return unique

    def _listed_after_colon(self, doc, facts: list[OpenFact]) -> list[OpenFact]:
        """Read "Three algorithms show up in our fleet: Reno, CUBIC and BBR" as each item being one of the
        algorithms and doing what the clause says they do (rule ``LISTED_RULE``).

        The clause before the colon has one plural noun as its subject or object; after the colon come
        only the items, names joined by commas and "and". The clause's facts about the plural noun hold of
        each item, and each item is a thing of that noun's kind.
        """
        colon = next((t for t in doc if t.text == ":"), None)
        if colon is None or colon.i + 1 >= len(doc):
            return facts
        first = doc[colon.i + 1]
        items = [first, *[c for c in first.subtree if c.dep_ == "conj"]]
        rest = [t for t in doc[colon.i + 1 :] if t.dep_ not in ("punct", "cc")]
        if len(items) < 2 or len(rest) != len(items) or any(t.pos_ not in ("NOUN", "PROPN") for t in items):
            return facts
        if first.head.i >= colon.i:
            return facts
        plurals = [
            t
            for t in doc[: colon.i]
            if t.dep_ in (*SUBJECTS, "dobj") and t.tag_ in ("NNS", "NNPS") and _of_main_verb(t)
        ]
        if len(plurals) != 1:
            return facts
        kind = self._concept(plurals[0], plain=True)
        members = [m for m in (self._concept(t) for t in items) if m is not None and m is not kind]
        if kind is None or len(members) != len(items):
            return facts
        out = [f for f in facts if kind not in (f.subject, f.object)]
        for member in members:
            out.append(OpenFact(member, "is a", "is a", kind, False, LISTED_RULE))
            for f in facts:
                if f.subject is kind and f.object is not member:
                    out.append(replace(f, subject=member, rule=LISTED_RULE))
                elif f.object is kind and f.subject is not member:
                    out.append(replace(f, object=member, rule=LISTED_RULE))
        return out

    def pronoun_subject(self, doc) -> Concept | None:
        """Return what the pronoun subject of a sentence's main clause stands for, as :meth:`read` resolved it.

        "It never rusts." after a sentence about the widget: the widget. None when that subject is no
        pronoun, or is the one a fragment's reading supplied ("Never rusts" read as "It never rusts"), or
        stands for nothing known. Call after :meth:`read` of the same ``doc``: the topic and the concept
        last spoken of are that sentence's.
        """
        subject = pronoun_subject(doc)
        return self._concept(subject) if subject is not None else None

    def named_by(self, token) -> Concept | None:
        """Return the concept the noun phrase headed by ``token`` names (None: no concept)."""
        return self._concept(token)

    def main_subject(self, doc) -> Antecedent | None:
        """Return what "it" and "they" of the next sentence stand for: this one's main clause's subject.

        What "it" in the next sentence stands for is what this one was about: its main clause's subject
        ("The SameSite attribute controls whether a cookie is sent ... It takes three values"), not the
        subject of a clause inside it. An object "it" may as well stand for the main clause's object of
        the same number ("Each user has a crontab. The editor opens it."): ``rivalled`` says so. None when
        the main clause has no subject that names a thing. Call after :meth:`read` of the same ``doc``: a
        pronoun subject is what it stood for there.
        """
        subject = main_subject(doc)
        if subject is not None and subject.lower_ in SPEAKERS:
            return self._object_antecedent(subject, singular=False)
        if subject is None or subject.lower_ in DEMONSTRATIVES or subject.lower_ in GENERIC:
            return None
        if any(c.dep_ == "det" and c.lower_ in DISTRIBUTIVE for c in subject.children):
            return self._object_antecedent(subject, singular=True)
        concept = self._concept(subject)
        if concept is None:
            return None
        plural = names_several(subject) if subject.pos_ != "PRON" else None
        if subject.pos_ == "PRON" and concept is self.previous.concept:
            plural = self.previous.plural
        objects = [c for c in subject.head.children if c.dep_ in ("dobj", "attr") and c.pos_ in ("NOUN", "PROPN")]
        rivalled = any(plural is None or names_several(o) == plural for o in objects)
        return Antecedent(concept, plural, rivalled)

    def _object_antecedent(self, subject, singular: bool) -> Antecedent | None:
        """Return what a next sentence's "it" or "they" stands for after a subject it cannot stand for: the
        main clause's one direct object, or None.

        After a subject each of many ("*Every* kiln gets a logbook. It lives on the shelf.", ``singular``) "it"
        is no one of them but the one thing the clause gives each; after the writer or the reader ("*We* use
        Fastpost on Mondays. They are cheaper ...") "they" is no "we": it is what the clause speaks of.
        """
        objects = [c for c in subject.head.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")]
        if len(objects) != 1 or (singular and names_several(objects[0])):
            return None
        concept = self._concept(objects[0])
        # A name ("Fleet Couriers", one firm) may be "it" or "they": its number is left open.
        plural = None if objects[0].pos_ == "PROPN" else names_several(objects[0])
        return Antecedent(concept, plural, False) if concept is not None else None

    @staticmethod
    def speaker_subject(doc) -> bool:
        """Tell whether the main clause's subject is the writer or the reader ("*We* use ...", ``SPEAKERS``)."""
        subject = main_subject(doc)
        return subject is not None and subject.lower_ in SPEAKERS

    def stands_for_nothing(self, doc) -> bool:
        """Tell whether the main clause's subject is a pronoun that stands for no concept ("They" after a
        sentence about one library): the text then goes on about what it was about, not about whatever
        the clause's facts name first. Call after :meth:`read` of the same ``doc``."""
        subject = main_subject(doc)
        return (
            subject is not None
            and subject.pos_ == "PRON"
            and subject.lower_ in ANAPHORIC
            and subject.lower_ not in DEMONSTRATIVES
            and self._concept(subject) is None
        )

    def completion(self, doc, subject: Concept, target: Concept) -> list[OpenFact]:
        """Return the fact a parent item's unfinished clause makes with ``target`` for its object.

        ``doc`` is the parse of the parent alone: a verb with no object ("supports", read as "It
        supports"), or an adjective or verb waiting for its preposition's object ("similar to").
        """
        root = root_of(doc)
        if root is None:
            return []
        if root.lemma_ == "be":  # "similar to" read as "It is similar to"
            root = next((c for c in root.children if c.dep_ == "acomp" and c.pos_ == "ADJ"), root)
        prep = next(
            (c for c in root.children if c.dep_ == "prep" and not any(p.dep_ == "pobj" for p in c.children)), None
        )
        if prep is None and any(c.dep_ in ("dobj", "attr", "ccomp", "xcomp") for c in root.children):
            return []
        negated = _negated(root) or _negated(root.head)
        if root.pos_ == "ADJ" and prep is not None:
            phrase = f"is {root.lower_} {prep.lower_}"
            return [OpenFact(subject, phrase, phrase, target, negated, "open:prep")]
        if root.pos_ != "VERB":
            return []
        passive = any(c.dep_ in PASSIVE_DEPS for c in root.children)
        base = _verb_words(root, passive)
        if prep is not None:
            return [OpenFact(subject, f"{base} {prep.lower_}", _surface(root, prep), target, negated, "open:prep")]
        return [OpenFact(subject, base, _surface(root), target, negated, OBJECT_RULE)]

    # -- one clause --------------------------------------------------------------------------------
    def _copulas(self, doc) -> list[OpenFact]:
        """Read "X is a Y" (and "Xs are Ys", "X is one of the Ys") as X being a kind of Y; "X is not a
        Y" as its negation."""
        facts = []
        for cop in doc:
            if cop.lemma_ == "be" and cop.dep_ == "relcl":  # "the kiln, which is behind the shed, ..."
                facts.extend(self._placed(cop, [s for s in self._subjects(cop) if s is not None]))
                facts.extend(self._role_in_relative(cop))
                facts.extend(self._kind_in_relative(cop))
            if cop.lemma_ != "be" or cop.dep_ not in ("ROOT", "conj", "advcl", "ccomp"):
                continue
            attrs = [c for c in cop.children if c.dep_ == "attr" and c.pos_ in ("NOUN", "PROPN")]
            # "the retry limit is 8", "the interval is 25 seconds": a number or an amount
            for number in [c for c in cop.children if c.dep_ == "attr" and (c.pos_ == "NUM" or _quantity(c))]:
                facts.extend(self._identified_value(cop, number))
            # "ketl.ini", which the tagger reads as an address; "Ostmark", which it reads as an adjective
            for odd in [c for c in cop.children if (c.dep_ == "attr" and c.pos_ == "X") or _name_read_as_adjective(c)]:
                facts.extend(self._identified(cop, odd) or [])
            # "X is one of the oldest kilns": X is a kiln.
            members = [
                p
                for c in cop.children
                if c.dep_ == "attr" and c.lower_ == "one"
                for prep in c.children
                if prep.dep_ == "prep" and prep.lower_ == "of"
                for p in prep.children
                if p.dep_ == "pobj" and p.pos_ == "NOUN" and p.tag_ == "NNS"
            ]
            subjects = [s for s in self._subjects(cop) if s is not None]
            if _restricted_subject(cop):
                # "A kiln that has no lid is a hazard": said of such kilns, not of kilns; the kind is no kiln's.
                members, attrs = [], [a for a in attrs if not _classifies(a)]
            for member in members:  # "the oldest kilns": a kiln, the superlative picks X out among them
                words = [t.text for t in _name_tokens(member) if t.tag_ not in ("JJS", "RBS")]
                kind = self.resolve(" ".join(words), True)
                for s in subjects if kind is not None else []:
                    facts.append(OpenFact(s, "is a", "is a", kind, _negated(cop), "open:copula"))
            if not attrs:
                facts.extend(self._placed(cop, subjects))
            for attr in attrs:
                facts.extend(self._relational_copula(cop, attr, subjects))
                facts.extend(self._superlative(cop, attr, subjects))
                identified = self._identified(cop, attr)
                if identified is not None:
                    facts.extend(identified)
                    continue
                if not _classifies(attr):
                    continue  # "X is the entity you interact with" identifies, it does not classify
                if len(_conjuncts(attr)) >= 2:
                    continue  # "the kit is a vest, a hard hat and a radio": what it is made of, three kinds or more
                if attr.tag_ == "NNS" and cop.lower_ in SINGULAR_COPULAS and not _subject_tokens(cop)[1:]:
                    continue  # "the default admin is ketlroot": a singular verb, so no plural kind but a name
                # "X is a full set assembled from an older full and the singles": a plural noun joined to
                # the kind of one thing is no kind of it (the parse joined it to the wrong noun).
                one = cop.lower_ in SINGULAR_COPULAS and not _subject_tokens(cop)[1:]
                for kind in self._concepts(attr, singular=one):
                    for s in subjects:
                        facts.append(OpenFact(s, "is a", "is a", kind, _negated(cop), "open:copula"))
        return facts

    def _kind_in_relative(self, cop) -> list[OpenFact]:
        """Read "a kiln, which is a brick oven for glazes, ..." as the kiln being a brick oven.

        Only a relative clause set off by a comma adds to its noun; without one ("a kiln which is a
        hazard") it tells which kilns are meant, and says nothing of kilns.
        """
        relative = [c for c in cop.children if c.dep_ in SUBJECTS and c.lower_ in ("which", "who")]
        if not relative or not _set_off(cop) or cop.head.pos_ not in ("NOUN", "PROPN"):
            return []
        subjects = [s for s in self._subjects(cop) if s is not None]
        facts = []
        for attr in [c for c in cop.children if c.dep_ == "attr" and c.pos_ in ("NOUN", "PROPN") and _classifies(c)]:
            if len(_conjuncts(attr)) >= 2:
                continue  # "the kit, which is a vest, a hat and a radio, ...": what it holds, as in a main clause
            for kind in self._concepts(attr, singular=attr.tag_ != "NNS"):
                facts.extend(
                    OpenFact(s, "is a", "is a", kind, _negated(cop), "open:copula") for s in subjects if s is not kind
                )
        return facts

    def _placed(self, cop, subjects: list[Concept]) -> list[OpenFact]:
        """Read "X is in Y" ("is behind Y", "is next to Y") as X's relation "is in" to Y: where X is.

        Only a copula with nothing but a phrase of place after it (no complement, no adjective), never in
        a condition ("when the pump is in the sump"). A bare singular noun after the preposition is an
        idiom of state ("is in use", "is on call"), no place, unless "of" names what it is of: "is in
        charge of Y" and "is at the foot of Y" relate X to Y by those words.
        """
        if is_subordinate(cop) or any(c.dep_ in ("acomp", "xcomp", "ccomp", "oprd") for c in cop.children):
            return []
        facts = []
        for prep in cop.children:
            if prep.dep_ not in ("prep", "advmod") or prep.lower_ not in PLACE_ON_COPULA or _idiom(prep):
                continue
            for place in (p for p in prep.children if p.dep_ == "pobj"):
                phrase, target = f"is {prep.lower_}", place
                if (
                    place.pos_ == "NOUN"
                    and place.tag_ == "NN"
                    and not any(c.dep_ in ("det", "poss") for c in place.children)
                ):
                    of = next((c for c in place.children if c.dep_ == "prep" and c.lower_ == "of"), None)
                    target = next((o for o in of.children if o.dep_ == "pobj"), None) if of is not None else None
                    if target is None:
                        continue  # "is in use": a state
                    phrase = f"is {prep.lower_} {place.lower_} of"
                for thing in self._concepts(target):
                    for s in subjects:
                        if s.iri != thing.iri:
                            facts.append(OpenFact(s, phrase, phrase, thing, _negated(cop), "open:place"))
        return facts

    def _identified(self, cop, attr) -> list[OpenFact] | None:
        """Read "the N is NAME" and "NAME is the N" as the thing named being an N (``None``: no such copula).

        A definite common noun and a name on the two sides of "is" identify one thing by its role: "the
        default admin is ketlroot", "kq is the console", "the prefix key is Ctrl-b by default". The name
        is what the role holds, so the name is a (default admin, console, prefix key); the role "N of Y"
        ("the capital of X is Y") is the name's relation to Y.
        A role with a clause of its own ("the entity you interact with") says more than a kind, and is
        left to the sentence.
        """
        for role, name in [(s, attr) for s in _subject_tokens(cop)] + [(attr, s) for s in _subject_tokens(cop)]:
            if not _definite_role(role) or not _identifier(name, cop):
                continue
            if name is attr and any(c.dep_ == "det" for c in attr.children):
                continue  # "the admin is a ketl user": a kind, read as one
            if any(c.dep_ in ("relcl", "acl") or is_superlative(c) for c in role.children):
                return []  # "the entity you interact with", "the largest city" (see ``_superlative``)
            named = self._concept(name)
            if named is None:
                return []
            if _of_complement(role) is None and any(c.dep_ == "prep" and c.lower_ == "of" for c in role.children):
                return self._relational_copula(cop, role, [named])  # "the capital of X is Y": Y is capital of X
            kind = self.resolve(_joined(_name_tokens(role)), True)
            if kind is None or kind == named:
                return []
            return self._role_facts(named, role, kind, _negated(cop))
        return None

    def _role_in_relative(self, cop) -> list[OpenFact]:
        """Read "kept by Oona Vell, who is our lock keeper" as the name filling the role, as "Oona Vell is the
        lock keeper" says (``_identified``), and "the lock keeper, who this year is Oona Vell" alike: a relative
        clause set off by a comma, whose pronoun is the subject of "is", with a name on one side and a
        definite role with no clause of its own on the other."""
        # The pronoun is the subject, or, after a fronted phrase of time ("who this season is X"), the complement.
        if not _set_off(cop) or not any(c.dep_ in ("nsubj", "attr") and c.lower_ in RELATIVE for c in cop.children):
            return []
        antecedent = cop.head
        for attr in [c for c in cop.children if c.dep_ == "attr" and c.lower_ not in RELATIVE]:
            if _identifier(antecedent, cop) and _definite_role(attr):
                named_token, role = antecedent, attr
            elif _definite_role(antecedent) and (attr.pos_ == "PROPN" or merged_name(attr)):
                named_token, role = attr, antecedent
            else:
                continue
            if any(c.dep_ in ("relcl", "acl", "prep") and c.i != cop.i for c in role.children):
                continue
            named = self._concept(named_token)
            kind = self.resolve(_joined(_name_tokens(role)), True)
            if named is not None and kind is not None and kind != named:
                return self._role_facts(named, role, kind, _negated(cop))
        return []

    def _role_facts(self, named: Concept, role, kind: Concept, negated: bool) -> list[OpenFact]:
        """Return that ``named`` fills the definite role ``role`` (a noun whose concept is ``kind``): it is
        a ``kind`` (rule ``IDENTITY_RULE``), and, where a possessive says whose role it is ("Its warden is
        Ilse", "the club's bursar, Oren"), it is the role of the owner, as "the warden of the club is
        Ilse" says (``_relational_copula``)."""
        facts = [OpenFact(named, "is a", "is a", kind, negated, IDENTITY_RULE)]
        owner = next((c for c in role.children if c.dep_ == "poss"), None)
        owned = self._concept(owner) if owner is not None else None
        # "its" and "their" never point at one person the text named before ("Oren Vasko"), though they may
        # at a body whose name ends in a common noun ("the Tanners Union").
        if owned is not None and owner.lower_ in ("its", "their") and _person_named(owned):
            owned = None
        words = " ".join(t.lower_ for t in _name_tokens(role) if t.is_alpha)
        if owned is not None and owned != named and owned != kind and words:
            phrase = f"is {words} of"
            facts.append(OpenFact(named, phrase, phrase, owned, negated, "open:prep"))
        return facts

    def _identified_value(self, cop, number) -> list[OpenFact]:
        """Read "the retry limit is 8" ("... is 25 seconds") as the role's value: the one thing "the
        retry limit" names is that number, recorded as what the role is (rule ``IDENTITY_RULE``).

        The role is a definite common noun with no clause of its own, as in ``_identified``; an amount
        with its unit keeps its words.
        """
        value = _quantity(number) or " ".join(
            t.text for t in sorted(number.subtree, key=lambda t: t.i) if t.dep_ != "punct"
        )
        facts = []
        for role in _subject_tokens(cop):
            if not _definite_role(role) or any(c.dep_ in ("relcl", "acl") for c in role.children):
                continue
            concept = self.resolve(_joined(_name_tokens(role)), True)
            if concept is not None and value:
                facts.append(OpenFact(concept, "is", "is", None, _negated(cop), IDENTITY_RULE, value))
        return facts

    def _superlative(self, cop, attr, subjects: list[Concept]) -> list[OpenFact]:
        """Read "X is the oldest organ" and "The widest bridge is X" as X being an organ (a bridge), and
        oldest (widest) its quality.

        A superlative picks one thing out of a kind: the noun it modifies, without it, is the kind, and the
        superlative (with "most"/"least" and the words between) what sets the thing apart, which "Which kettle
        is the smallest?" asks for. The thing is the copula's other side: its complement when the subject
        holds the superlative, else the subject. A phrase after the noun ("in the east wing") stays in the
        sentence, which the answer cites.
        """
        if _negated(cop):
            return []
        for described, things in ((attr, subjects), *[(s, self._concepts(attr)) for s in _subject_tokens(cop)]):
            marks = [c for c in described.children if is_superlative(c)]
            if len(marks) != 1 or not any(c.dep_ == "det" and c.lower_ == "the" for c in described.children):
                continue
            mark = marks[0]
            kind_words = [t.text for t in _name_tokens(described) if t.i not in {m.i for m in mark.subtree}]
            kind = self.resolve(" ".join(kind_words), True) if kind_words else None
            quality = " ".join(t.text for t in sorted(mark.subtree, key=lambda t: t.i))
            facts = []
            for thing in things:
                if thing is None:
                    continue
                if kind is not None:
                    facts.append(OpenFact(thing, "is a", "is a", kind, False, "open:copula"))
                facts.append(OpenFact(thing, "is", "is", None, False, "open:quality", quality))
            return facts
        return []

    def _relational_copula(self, cop, attr, subjects: list[Concept]) -> list[OpenFact]:
        """Read "X is the N of Y" ("another N of Y", "part of Y") as X's relation "is N of" to Y.

        The noun names how X stands to Y ("the working tree is the set of files": "is set of"; "a
        remote is another copy of the repository": "is copy of"), with the modifiers that say which
        one ("the oldest branch of X": "is oldest branch of"). A noun that only sorts or counts
        ("a kind of Y", "each of Y") is read as the kind Y by ``_concept``; a pronoun after "of"
        names nothing.
        """
        if attr.pos_ != "NOUN" or _of_complement(attr) is not None or attr.lemma_.lower() in SORT_NOUNS:
            return []
        words = " ".join(t.lower_ for t in _name_tokens(attr) if t.is_alpha)
        if not words:
            return []
        phrase = f"is {words} of"
        facts = []
        for prep in [c for c in attr.children if c.dep_ == "prep" and c.lower_ == "of"]:
            surface = f"{cop.text} {attr.text} {prep.text}"
            for target in self._prep_objects(prep):
                for s in subjects:
                    facts.append(OpenFact(s, phrase, surface, target, _negated(cop), "open:prep"))
        return facts

    def _qualities(self, doc) -> list[OpenFact]:
        """Read "X is ADJ" (and "X is ADV-participle", "X is ADJ, ADJ and ADJ") as X's qualities.

        "X is not ADJ" is recorded negated, never as the quality. An adjective with a participant
        ("accessible from the internet", "similar to X") is a relation to it: "is accessible from".
        A comparative ("faster than") or an adjective waiting for its complement ("easy to set up")
        is left to other readings.
        """
        facts = []
        for word in doc:
            if _name_read_as_adjective(word):
                continue  # "the dock of Nerravia is Ostmark": a name, not a quality (``_identified``)
            if word.dep_ == "acomp" and word.pos_ == "ADJ" and word.head.lemma_ == "be":
                copula = word.head
            elif word.dep_ == "attr" and word.head.lemma_ == "be" and is_adjective(word.lower_):
                if any(c.dep_ == "det" for c in word.children):
                    continue
                copula = word.head  # "It is serverless": the tagger's noun is an adjective
            elif _bare_passive(word):
                copula = word
            else:
                continue
            if is_subordinate(copula):
                continue  # "when the instance is terminated": a condition, not a fact
            if any(c.dep_ == "aux" and c.tag_ == "MD" and c.lower_ not in ("will", "'ll") for c in copula.children):
                continue  # "should be idempotent", "can be public": advice or a possibility, not a quality
            subjects = [s for s in self._clause_subjects(copula) if s is not None]
            if not subjects:
                continue
            if any(restricted(c) for c in copula.children if c.dep_ in SUBJECTS):
                continue  # "Crates packed by the mill are never weighed": which crates, not what crates are
            negated = _negated(copula) or _negated(word)
            for member in [word, *_conjuncts(word)]:
                if member.tag_ in ("JJR", "JJS", "RBR") or any(c.dep_ in ("xcomp", "ccomp") for c in member.children):
                    continue
                if any(c.lower_ in ("more", "less", "most", "least") for c in member.children):
                    continue  # "more lightweight": a comparison, read as one elsewhere
                if member is not word and member.pos_ not in ("ADJ", "VERB") and not is_adjective(member.lower_):
                    continue
                preps = [
                    c for c in member.children if c.dep_ == "prep" and c.lower_ not in NOT_ARGUMENTS and not _idiom(c)
                ]  # "available by default": the idiom says when, the adjective is still the quality
                if member is word and copula is not word:
                    # "is cheap for A but not always for B": the parser may hang the adjective's phrases
                    # on the copula; they restrict the quality all the same.
                    preps += [c for c in copula.children if _restricting(c)]
                words = _quality_words(member)
                if preps and member.pos_ == "ADJ":
                    for prep in preps:
                        denial = _phrase_denial(prep)
                        if denial is None:
                            continue  # "not always for B": for some B, not for others; neither the fact nor its denial
                        for target in self._prep_objects(prep):
                            phrase = f"is {member.lower_} {prep.lower_}"
                            for s in subjects:
                                facts.append(OpenFact(s, phrase, phrase, target, negated or denial, "open:prep"))
                    continue
                if member.pos_ == "VERB" and member is not word:
                    continue  # "is stored and replicated in X": the passive clause reads it
                for s in subjects:
                    facts.append(OpenFact(s, "is", "is", None, negated, "open:quality", words))
        return facts

    def _aside_roles(self, doc) -> list[OpenFact]:
        """Read "X, which is the default, ..." as X's quality "default": an aside that names X's role.

        Only a non-restrictive relative clause (set off by a comma) whose copula's complement is one
        bare noun after "the": "the default", "the leader". A noun with modifiers or a complement
        ("the directory where ...") identifies a thing, and is no quality.
        """
        facts = []
        for cop in doc:
            if cop.lemma_ != "be" or cop.dep_ != "relcl" or _negated(cop):
                continue
            relative = [c for c in cop.children if c.dep_ == "nsubj" and c.lower_ in ("which", "who")]
            if not relative or relative[0].i == 0 or doc[relative[0].i - 1].text != ",":
                continue
            for attr in [c for c in cop.children if c.dep_ == "attr" and c.pos_ == "NOUN" and c.tag_ == "NN"]:
                if [c.lower_ for c in attr.children] != ["the"]:
                    continue
                for s in self._concepts(_phrase_head(cop.head)):
                    facts.append(OpenFact(s, "is", "is", None, False, "open:quality", attr.lower_))
        return facts

    def _described_in_apposition(self, doc) -> list[OpenFact]:
        """Read "Millbrook Fields, a site on Tanner Lane that the club leases" as Millbrook Fields being a site.

        An apposition set off by a comma, a common noun with an article ("a site", "the region of code
        for which it is valid"), says what the thing before it is: the kind, and (read by the pipeline
        from the rule "open:apposition") the sentence as what the notes say it is. The parser may take the
        apposition of an object for a second object of the verb ("has a lifetime, the region ..."). A
        name after the noun ("the engineer, Mara Quist") is read by ``_name_in_apposition`` instead.
        """
        facts = []
        for token in doc:
            role = token.head
            listed = any(c.dep_ == "conj" for c in token.children)  # "the crate, the batch ID and a label": a list
            if (
                token.dep_ == "appos"
                and (_set_off(token) or (_bracketed(token) and (token.pos_ == "PROPN" or merged_name(token))))
                and not listed
                and _definite_role(role)
                and _identifier(token, role)
            ):
                # "the bursar, Oren Vasko, keeps ...": the name fills the role, as "the bursar is Oren
                # Vasko" says (``_identified``); so does a name in brackets ("the bursar (currently Oren
                # Vasko)").
                named = self._concept(token)
                kind = self.resolve(_joined(_name_tokens(role)), True)
                if named is not None and kind is not None and kind != named:
                    facts.extend(self._role_facts(named, role, kind, False))
                continue
            if (
                token.dep_ == "appos"
                and _set_off(token)
                and not listed
                and _indefinite_kind(role)
                and _identifier(token, role)
            ):
                # "carries a blue tin, the Float Box, ...": the name is one such thing, as "the Float Box is
                # a blue tin" says; "a" makes no role one thing fills, so the name is of the kind only.
                named = self._concept(token)
                kind = self.resolve(_joined(_name_tokens(role)), True) if named is not None else None
                if kind is not None and kind != named:
                    facts.append(OpenFact(named, "is a", "is a", kind, False, "open:apposition"))
                continue
            described = token.head if token.dep_ == "appos" else _second_object(token)
            # "keeps **tokens**: brass discs stamped with ...": after a colon the phrase needs no article.
            colon = token.left_edge.i > 0 and doc[token.left_edge.i - 1].text == ":"
            # "a 5-litre jug (the small enamel measuring pot)": a parenthesis says what it is as a comma
            # does, when it describes (a bare "(the default)" remarks on the choice, it names no kind).
            bracketed = (
                token.left_edge.i > 0
                and doc[token.left_edge.i - 1].text == "("
                and any(c.dep_ in ("amod", "compound") for c in token.children)
            )
            if described is None or described.i > token.i or not (_set_off(token) or colon or bracketed):
                continue
            # "Piet Ormond, *our* lock keeper", "Ledger, *the museum's* records database": a possessive
            # determiner or a genitive makes the role definite, as "the" does.
            owned = any(
                c.dep_ == "poss" and (c.lower_ in POSSESSIVES or any(g.tag_ == "POS" for g in c.children))
                for c in token.children
            )
            if token.pos_ != "NOUN" or not (
                colon or owned or any(c.dep_ == "det" and c.lower_ in ARTICLES for c in token.children)
            ):
                continue
            if any(c.dep_ == "conj" for c in [*token.children, *described.children]) or _listed(described, token):
                continue  # "A, a pump, and B", "the lockers: the heated locker, the cold locker": a list
            thing = self._concept(described)
            words = _without_measure(_name_tokens(token))
            kind = self.resolve(" ".join(t.text for t in words), True) if thing is not None and words else None
            if kind is None or kind is thing:
                continue
            # "Tom Hale, the captain": "the" makes the role one thing, which the name is, as "the captain is
            # Tom Hale" says it (``_identified``); "a site" only gives the kind.
            definite = owned or any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
            # A relative clause set off by a comma ("..., our lock keeper, who oils the gates") says more of
            # the person; one that is not restricts the role ("the captain who retired").
            identifies = (
                definite
                and (described.pos_ == "PROPN" or merged_name(described))
                and not any(
                    (c.dep_ in ("relcl", "acl") and not _set_off(c)) or c.dep_ == "prep" for c in token.children
                )
            )
            facts.append(
                OpenFact(thing, "is a", "is a", kind, False, IDENTITY_RULE if identifies else "open:apposition")
            )
        return facts

    def _called_kinds(self, doc) -> list[OpenFact]:
        """Read "a network called X" ("named", "known as") as X being a network.

        The noun gives the name its class; the clause that uses the phrase reads the name
        itself as its participant (see :meth:`_concept`).
        """
        facts = []
        for noun in doc:
            if noun.pos_ != "NOUN" and not (noun.pos_ == "PROPN" and noun.text.islower()):
                continue  # a lowercase word tagged as a proper noun ("the launch *caravan*") is a common one
            for acl in [*noun.children, *_object_complements(noun)]:
                if acl.dep_ not in ("acl", "xcomp") or acl.lemma_ not in NAMING_VERBS:
                    continue
                names = [c for c in acl.children if c.dep_ in ("oprd", "dobj", "attr")] or _named_as(acl)
                named = self._concept(names[0]) if len(names) == 1 else None
                words = [t.text for t in _name_tokens(_named_phrase(noun, names[0]) if named else noun)]
                kind = self.resolve(" ".join(words), True) if named is not None else None
                if kind is not None and kind is not named:
                    facts.append(OpenFact(named, "is a", "is a", kind, False, CALLED_RULE))
            named = self._proper_name_given(noun)
            given = _relative_name(noun)
            if named is None and given is not None:
                named = self._concept(given)  # "the shop, which we call the Second Shelf": a shop
            if named is not None:
                kind = self.resolve(" ".join(t.text for t in _name_tokens(noun)), True)
                if kind is not None and kind is not named:
                    facts.append(OpenFact(named, "is a", "is a", kind, False, CALLED_RULE))
        return facts

    def _titled_names(self, doc) -> list[OpenFact]:
        """Read "the engineer **Mara Quist**" as Mara Quist, an engineer: a name after "the" and one common
        noun in the singular, which says what the named one is (a title, a role, a kind)."""
        facts = []
        for token in doc:
            pair = _titled_name(token)
            if pair is None:
                continue
            name, kind = self._concept(pair[0]), self.resolve(pair[1].text, True)
            if name is not None and kind is not None and name != kind:
                facts.append(OpenFact(name, "is a", "is a", kind, False, "open:titled"))
        return facts

    def _proper_name_given(self, noun) -> Concept | None:
        """Return the one thing a passive naming verb names by a proper name ("Our bench lathe is called
        *Wilma*", "The big lathe is called *Hilda*"), or None.

        The noun is determined ("the", "our"): one thing, and the name is that thing's. A common noun for
        the name ("The program is called a producer") is a term for a kind, and "A lathe is called ..."
        says what lathes are called in general: neither names one thing.
        """
        if not any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in DEFINITE) for c in noun.children):
            return None
        name = _passive_name(noun)
        if name is None or not (name.pos_ == "PROPN" or merged_name(name)):
            return None
        return self._concept(name)

    def _example_kinds(self, doc) -> list[OpenFact]:
        """Read "tools like A and B" ("such as", "including") as A and B each being a tool.

        Only a plural noun introduces examples of its kind ("data like X" names no kind to count), and
        only names are read as its examples: a common noun phrase given as an example ("resources like
        a dedicated kernel") would become a concept of its own that a question naming the plain noun
        ("kernel") no longer finds.
        """
        facts = []
        for noun in doc:
            # A subject or a root noun ("Zorbex ships plugins" misread) lists no examples, unless they are
            # set off by commas after it ("Hand tools, such as chisels and saws, are ...").
            aside = noun.dep_ in SUBJECTS and any(_sets_off_examples(p, noun) for p in noun.children)
            if noun.pos_ != "NOUN" or (noun.dep_ in ("ROOT", *SUBJECTS) and not aside):
                continue
            plural = noun.tag_ == "NNS" and noun_key(noun.lower_) != noun.lower_
            examples = (self._examples(noun) if plural else []) + self._enumerated(noun)
            kind = self._concept(noun, plain=True) if examples else None
            if kind is None:
                continue
            facts.extend(OpenFact(e, "is a", "is a", kind, False, "open:example") for e in examples if e != kind)
        return facts

    def _enumerated(self, noun) -> list[Concept]:
        """Return the names a plural's "for both A and B" lists: "graph APIs for both A and B" are A's and B's.

        "both" says the names are all there is: one of the noun for each, so each name is one of them.
        """
        if any(c.dep_ == "det" for c in noun.children) or not (noun.tag_ == "NNS" or noun.lower_.endswith("s")):
            return []  # "a driver for both A and B" is one for the two; "apis" may be tagged singular
        for prep in [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "for"]:
            for pobj in [c for c in prep.children if c.dep_ == "pobj"]:
                if not any(c.lower_ == "both" for c in pobj.children):
                    continue
                members = [pobj, *_conjuncts(pobj)]
                if len(members) < 2 or not all(_written_as_name(m) for m in members):
                    return []
                return [c for m in members for c in [self._concept(m)] if c is not None]
        return []

    def _examples(self, noun) -> list[Concept]:
        """Return the names a noun's "like X, Y", "such as X", "including X" gives as its examples."""
        out = []
        # "offer more resources, like A": the parser may hang the examples on the verb, after its object.
        after = [c for c in noun.head.children if c.i > noun.i] if noun.dep_ == "dobj" else []
        for prep in [*noun.children, *after]:
            if prep.dep_ != "prep":
                continue
            if not _introduces_examples(prep, noun):
                continue
            for pobj in [c for c in prep.children if c.dep_ == "pobj"]:
                for member in [pobj, *_conjuncts(pobj)]:
                    concept = self._concept(member) if _written_as_name(member) else self._common_example(member)
                    if concept is not None:
                        out.append(concept)
        return out

    def _common_example(self, member) -> Concept | None:
        """Return the concept a common noun phrase given as an example names ("a dedicated kernel").

        A phrase the note names elsewhere, or whose head noun is a concept already known (an ontology
        class: "kernel"), is that concept: minting "dedicated kernel" would take the plain noun's
        place for every question about kernels. Any other phrase ("package installation") is new.
        """
        # "tasks like hardware provisioning": a gerund with no object of its own names the activity.
        gerund = member.tag_ == "VBG" and not any(c.dep_ in ("dobj", *SUBJECTS) for c in member.children)
        if member.pos_ != "NOUN" and not gerund:
            return None
        if not member.is_alpha or not member.is_lower or member.lower_ in ("more", "other"):
            return None
        words = _name_tokens(member)
        if any(not t.is_alpha for t in words):
            return None
        text = " ".join(t.text for t in words)
        known = self.resolve(text, False)
        if known is not None:
            return known
        return self._concept(member) if member.pos_ == "NOUN" else self.resolve(text, True)

    def _comparisons(self, doc) -> list[OpenFact]:
        """Read the comparisons a sentence states with "than" (kg/ingest/comparatives.py), whatever verb
        carries them: "A is lighter than B", "A burns longer than B", "A needs more fuel than B".

        Each is recorded with the side that has more of the quality as subject (``value`` the quality);
        the pipeline stores it as a comparison node, as the word-position reading of "X is faster" does.
        """
        facts = []
        for comparison in comparatives(doc):
            if comparison.against.tag_ == "VBG" and comparison.side is not None and comparison.side.tag_ == "VBG":
                # Two deeds compared: each is the activity its gerund clause names.
                against = self._deed(comparison.against, comparison.side)
                sides = self._deed(comparison.side, comparison.against)
            else:
                standing = _one_standing_for(comparison.against, comparison.clause)
                against = self._concepts(comparison.against) if standing is None else [self.resolve(standing, True)]
                against = [c for c in against if c is not None]
                owner = _amount_owner(comparison.against) if not against else None
                if owner is not None:
                    against = self._concepts(owner)  # "longer than the 27 minutes needed on the Blue": the Blue
                sides = self._concepts(comparison.side) if comparison.side is not None else None
                if comparison.borrowed and not sides:
                    sides = None  # a borrowed side the parse reads as no noun (tagged a verb): the clause's subject
            for side in sides if sides is not None else self._compared_sides(comparison.clause):
                for other in against:
                    if side is other:
                        continue
                    greater, lesser = (side, other) if comparison.greater else (other, side)
                    quality = comparison.quality
                    facts.append(OpenFact(greater, COMPARED, quality, lesser, False, COMPARISON_RULE, quality))
        return facts

    def _deed(self, verb, partner) -> list[Concept]:
        """Return the activity a gerund and its object name ("brushing the flue"), as a concept, or [].

        A deed compared with another ("sanding down a bench is quicker than varnishing *it*") may name its
        object by a pronoun: the other deed's object, the one thing the sentence has spoken of. A gerund with
        more than one object, or a pronoun with no such thing to stand for, names nothing.
        """
        objects = _deed_objects(verb)
        if len(objects) > 1:
            return []
        thing = objects[0] if objects else None
        if thing is not None and thing.pos_ == "PRON":
            others = _deed_objects(partner)
            if thing.lower_ not in ("it", "them") or len(others) != 1 or others[0].pos_ == "PRON":
                return []
            thing = others[0]
        # "rolling *back* a flag": a particle the parser read as the verb's adverb right after it is the verb's.
        particles = [
            c.lower_ for c in verb.children
            if c.dep_ == "prt" or (c.dep_ == "advmod" and c.i == verb.i + 1 and c.lower_ in PARTICLES)
        ]  # fmt: skip
        words = [verb.lower_, *particles]
        words += [t.text for t in _name_tokens(thing)] if thing is not None else []
        concept = self.resolve(" ".join(words), True)
        return [concept] if concept is not None else []

    def _compared_sides(self, clause) -> list[Concept]:
        """Return what the clause that states a comparison says it of: its subjects.

        "A takes six hours, which is longer than ...": a relative clause on an amount compares the amount's
        owner, the subject of the clause the amount stands in. A noun phrase ("a faster route than B") is
        itself the side. A pronoun subject of a verbless clause ("which makes *them* cheaper") is left
        unread: what it stands for is inside the sentence, not the thing spoken of before.
        """
        if clause.pos_ == "NOUN" and not any(c.dep_ in SUBJECTS for c in clause.children):
            return self._concepts(clause)
        found = [c for c in clause.children if c.dep_ in SUBJECTS]
        if clause.pos_ not in ("VERB", "AUX") and any(c.pos_ == "PRON" for c in found):
            return []
        sides = [s for s in self._subjects(clause) if s is not None]
        if not sides and clause.dep_ == "relcl" and _quantity(clause.head) is not None:
            owner = clause.head
            while owner.pos_ not in ("VERB", "AUX") and owner.head.i != owner.i:
                owner = owner.head
            if owner.pos_ in ("VERB", "AUX"):
                sides = [s for s in self._subjects(owner) if s is not None]
        elif not sides and clause.dep_ == "advcl" and _says_of_amount(clause):
            # "A trip takes 38 minutes, which is longer than ...": the parser hung the relative clause on the
            # verb whose amount it grades; the verb's subject has the amount.
            sides = [s for s in self._subjects(clause.head) if s is not None]
        return sides

    def _clause_subjects(self, verb) -> list[Concept | None]:
        """Return a clause's subjects; a relative clause's are its head noun's ("a subnet that is ...")."""
        if verb.dep_ == "relcl":
            head = _phrase_head(verb.head)
            if head.dep_ == "attr" and head.head.lemma_ == "be" and any(c.lower_ in RELATIVE for c in verb.children):
                return self._subjects(head.head)  # "X is a subnet that is accessible ...": said of X
            return []  # "a message that is not acknowledged ...": which messages, not what they are
        return self._subjects(verb)

    def _noun_fragment(self, doc) -> list[OpenFact]:
        """Read a bare noun phrase where a note says what its topic is: "graph db" under "Neptune".

        Only a fragment with no verb at its root; each coordinated noun is a kind the topic is, and a
        noun the dictionary knows only as an adjective ("Stateless, subnet rules") is a quality.
        """
        roots = [t for t in doc if t.dep_ == "ROOT"]
        subject = self.topic
        holder = self._role_holder(doc, roots[0], subject) if len(roots) == 1 and subject is not None else []
        if holder:
            return holder
        if len(roots) != 1 or subject is None or roots[0].pos_ not in ("NOUN", "PROPN"):
            return []
        root = roots[0]
        if any(c.dep_ in SUBJECTS for c in root.children) or any(c.dep_ == "neg" for c in root.children):
            return []
        if any(_opens_clause(t, root) for t in doc[: root.i]):
            return []  # "For having X, a Y connection": the noun phrase does not open the fragment
        facts = []
        for member in [root, *_conjuncts(root)]:
            written = member.text[1:] if member.i == 0 else member.text  # a fragment's first letter may be a capital
            indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in member.children)
            if member.pos_ not in ("NOUN", "PROPN") or not written.replace(" ", "").isalnum():
                continue
            # "Fully managed NFS": a name its own adjective qualifies is the kind, as "an AMI" is.
            qualified = not _conjuncts(member) and any(c.dep_ == "amod" for c in member.children)
            if (written != written.lower() or not written.isalpha()) and not (indefinite or qualified):
                continue  # "S3 & DynamoDB": names listed, not a kind of thing
            if any(c.dep_ == "det" and c.lower_ in DEFINITE for c in member.children):
                continue  # "the rest": a definite phrase points at something, it does not classify
            if is_adjective(member.lower_) and not any(c.dep_ in NAME_PARTS for c in member.children):
                facts.append(OpenFact(subject, "is", "is", None, False, "open:quality", member.lower_))
                continue
            kind = self._concept(member)
            if kind is not None and kind.iri != subject.iri:
                facts.append(OpenFact(subject, "is a", "is a", kind, False, "open:fragment"))
        return facts

    def _role_holder(self, doc, root, role: Concept) -> list[OpenFact]:
        """Read "Librarian – Sunita Kaur." (a role's label, then one person's name alone) as the name filling
        the role, as "the librarian is Sunita Kaur" says (rule ``IDENTITY_RULE``).

        The fragment is one proper name and nothing else (no list, no determiner, no clause); the topic is a
        role: a common noun, its name lowercase but perhaps for its first letter.
        """
        words = role.label.split()
        if not words or role.label[1:] != role.label[1:].lower() or not words[-1].isalpha():
            return []
        tokens = [t for t in doc if not t.is_punct]
        if not tokens or not all(t.text[:1].isupper() for t in tokens if t.is_alpha):
            return []
        # A name the note knows is parsed as one token, whose tag may be anything ("Ines Darrow" as an adverb).
        alone = tokens == [root] and merged_name(root)
        if not alone and (root.pos_ != "PROPN" or _conjuncts(root) or not all(t.pos_ == "PROPN" for t in tokens)):
            return []
        named = self._concept(root)
        if named is None or named.iri == role.iri:
            return []
        return [OpenFact(named, "is a", "is a", role, False, IDENTITY_RULE)]

    def _measured_parts(self, doc) -> list[OpenFact]:
        """Read a verbless bullet that names a property and its amount, "Minimum 2 disks", "Timeout 15
        minutes", as its topic's (a comma between several such parts, each read).

        The property is one to three lowercase words (a capital only first) before a number; the amount is
        the number and up to three words of unit. Words that name a thing the note knows ("Tier" of "Tier
        2") are no property.
        """
        if self.topic is None or any(t.pos_ in ("VERB", "AUX") and t.i > 0 for t in doc):
            return []
        facts = []
        for part in re.split(r"\s*[,;]\s*", doc.text.strip().rstrip(".")):
            match = MEASURED_RE.fullmatch(part)
            if match is None:
                continue
            words = match.group(1).split()
            if any(w[1:] != w[1:].lower() for w in words):
                continue
            if self.resolve(match.group(1), False) is not None:
                continue
            prop = match.group(1).lower()
            facts.append(OpenFact(self.topic, prop, prop, None, False, "open:quantity", match.group(2)))
        return facts

    def _quantity_fragment(self, doc) -> list[OpenFact]:
        """Read a bullet that is only an amount, "up to 15 read replicas", as what its topic has.

        The value keeps the number and its words: the amount is no concept ("15 read replicas" is
        not a kind of replica), so it is a literal under "has". The amount opens the bullet ("last 7
        days" is the amount of something the bullet does not name).
        """
        roots = [t for t in doc if t.dep_ == "ROOT"]
        if len(roots) != 1 or self.topic is None or doc[0].dep_ not in ("nummod", "quantmod"):
            return []
        root = roots[0]
        value = _quantity(root)
        if value is not None and any(t.pos_ in ("VERB", "AUX") and t.dep_ != "amod" for t in doc):
            return []  # a clause, read by its verb
        if value is None:
            # "15 read replicas" parsed as a number on the verb "read": a number counts no verb, so the
            # bullet is a noun phrase the tagger misread, an amount as a whole.
            number = next((t for t in doc if t.dep_ == "nummod" and t.text[:1].isdigit()), None)
            if number is None or number.head.i != root.i or root.pos_ != "VERB":
                return []
            if any(c.dep_ in SUBJECTS for c in root.children):
                return []
            value = doc.text.strip().rstrip(".;,")
        return [OpenFact(self.topic, "has", "has", None, False, "open:quantity", value)]

    def _clause(self, verb) -> list[OpenFact]:
        """Read one clause's facts; a clause only hoped, planned or wanted keeps the wanting in its predicate.

        "The parish hopes to buy the barn" gives "hope to buy", never "buy": the buying is not said
        to happen (``kg.contrast.unrealised``). A "not" on the wanting denies the whole ("does not plan to").
        """
        facts = self._clause_facts(verb)
        intending = unrealised(verb)
        if intending is None or not facts:
            return facts
        words = _intending_words(intending)
        denied = _negated(intending)
        return [
            replace(f, phrase=f"{words} to {f.phrase}", negated=f.negated or denied, intention=words) for f in facts
        ]

    def _clause_facts(self, verb) -> list[OpenFact]:
        if _name_read_as_verb(verb):
            return []  # "Ann checks the gate and Ivo the pool": Ivo is no deed (the verb left out is "checks")
        if _names_what_was_said(verb):
            return []  # "This is called X": a name for the statement before, said of no thing (see naming)
        if verb.dep_ in ("acl", "xcomp") and verb.tag_ in ("VBN", "VBD") and verb.lemma_ in NAMING_VERBS:
            return []  # "a booking system called Tally": the name is read as such (``_called_kinds``), no deed
        if _is_modifier_verb(verb):
            return []  # "allow" in "supports allow rules": part of the object, read with "supports"
        if _sets_apart(verb):
            return []  # "every other gate can be opened": said of the rest, not of gates in general
        if past_habit(verb):
            return []  # "used to open on feast days": a habit that has stopped says nothing of now
        shared = shared_denial(verb)
        if shared is None:
            return []  # "cannot be opened and painted": whether the "not" bears on "painted" is unclear
        negated = _negated(verb) or shared or _none_of_them(verb)
        controlled = _denied_control(verb)
        if controlled is False and unrealised(verb) is None:
            # "does not need to restart it": whether it restarts, the clause does not say ("does not intend to
            # paint it" keeps the wish in its predicate, see ``_clause``)
            return []
        negated = negated or bool(controlled)
        if verb.pos_ == "AUX" and (verb.dep_ not in ("advcl", "conj") or verb.head.pos_ != "VERB" or _completed(verb)):
            return []
        if _disagreeing_subject(verb):
            return []  # "provision read throughput": a noun phrase the tagger read as a clause
        if any(c.dep_ in SUBJECTS and c.pos_ == "NUM" and is_numeral(c.lower_) for c in verb.children):
            return []  # "All three are backed up": which three, this clause does not say
        subjects = self._subjects(verb)
        if verb.pos_ == "AUX":
            verb = verb.head  # "stop loses the data, while stop-hibernate won't": the verb the clause echoes
        if verb.lemma_.lower() in ("be", "have") and verb.pos_ != "VERB":
            return []
        passive = (
            any(c.dep_ in PASSIVE_DEPS for c in verb.children)
            or _described_by_participle(verb) is not None  # "a marker used for navigation" is used for it
            or _agented_participle(verb)  # "the crew, run by Tom Ash, ...": Tom Ash runs the crew
        )
        restricted = [c for c in verb.children if _name_given(c) is not None]
        if restricted:
            # "The program that sends a message is called a producer": a producer is a program (what the
            # relative clause says is said of the producer, see ``_concept``).
            return [
                OpenFact(name, "is a", "is a", kind, negated, "open:named")
                for noun in restricted
                for name in [self._concept(noun)]
                for kind in [self._concept(noun, plain=True)]
                if name is not None and kind is not None and name != kind
            ]
        named = _naming(verb) if not passive else None
        if named is not None:
            # "Sailors call it the dog watch": what is named is called the name, whoever names it.
            thing, name = (self._concept(t) for t in named)
            if thing is not None and name is not None and thing != name:
                return [OpenFact(thing, "is called", "is called", name, negated, CALLED_RULE)]
            return []
        base = _verb_words(verb, passive)
        facts: list[OpenFact] = []
        # "sends a copy to each reader": a dative that is a preposition is read as one.
        direct = [
            c
            for c in verb.children
            if c.dep_ in ("dobj", "dative", "attr", "oprd")
            and c.pos_ != "ADP"
            and not _contrasted(c)
            and _clause_after(c) is None
        ]
        preps = [
            c
            for c in verb.children
            if (c.dep_ == "prep" and _argument_preposition(c) and not _framing(c))
            or (c.dep_ == "dative" and c.pos_ == "ADP")
        ]
        support = _supported_noun(verb, direct, preps)
        if support is not None:
            # "takes place on Sundays", "pays heed to the tide": the bare noun is part of the predicate,
            # no participant, and its preposition is the clause's.
            noun, brought = support
            base, direct, preps = f"{base} {noun.lower_}", [], preps + brought
        # "sits on the second Sunday of each quarter in the barn": the parser hangs the place on the period.
        preps += [inner for p in preps for inner in _hung_on_period(p)]
        # "allowed on the deck but not in the cabin": a participant the "not" denies is no positive one (a
        # quoted sentence's verdict reads the denial; no fact is minted for it).
        denied = [p for p in preps if _negated(p) or _denied_through_adverb(p)]
        preps = [p for p in preps if p not in denied]
        # "ordered at the desk, never by email by students": the denial runs on to the clause's end, over
        # the participants after the denied phrase (no comma between) as over the phrase itself.
        preps = [p for p in preps if not any(_runs_on_from(d, p) for d in denied)]
        # "means one slack stay at the head of a mast holds up ...": the phrase is the clause subject's.
        spans = [(c.i, clause.i) for c in verb.children if (clause := _clause_after(c)) is not None]
        preps = [p for p in preps if not any(a < p.i < b for a, b in spans)]
        # "is called origin by default": an idiom shaped like an agent says how, not who.
        agents = [c for c in verb.children if c.dep_ == "agent" and not _idiom(c)]
        denied += [a for a in agents if _negated(a) or _denied_through_adverb(a)]  # "never by email"
        agents = [a for a in agents if a not in denied and not any(_runs_on_from(d, a) for d in denied)]
        # "a kiln that has no lid": the determiner "no" denies the object, as "does not have a lid" would.
        negated = negated or any(_denied(d) for d in direct)
        if direct:
            # "share the OS as the host": with a direct object, "as" compares or gives a role, no participant.
            preps = [p for p in preps if p.lower_ != "as"]
        generic = not subjects or all(s is None for s in subjects)
        subjects = [s for s in subjects if s is not None]
        # "packages up your code and all of its dependencies", with "all" joined to a noun before the verb.
        stray = [o for d in direct for t in _stray_conjuncts(verb, d) for o in self._concepts(t)]
        # "supports graph APIs for both A and B": the APIs are A's and B's, so A and B are the objects.
        enumerated = {d.i: self._enumerated(d) for d in direct}
        objects_direct = [o for d in direct if not enumerated[d.i] for o in self._concepts(d)]
        if not direct and not generic:
            objects_direct = self._modifier_objects(verb)
        if verb.dep_ == "relcl":
            noun = _phrase_head(verb.head)
            nearest = _nearest_conjunct(verb, noun)
            head = self._concepts(noun) if nearest is None else [c for c in [self._concept(nearest)] if c]
            whole = _one_of(noun)  # "X is one of the services that provide Z": said of X too
            named = _named_before_who(verb)
            if _conditional_clause(verb, noun):
                return []  # "A kiln that has no lid is a hazard": no kiln is said to lack a lid
            if named is not None:
                head = self._concepts(named)  # "..., who": the person named right before it
            elif whole.dep_ == "attr" and whole.head.lemma_ == "be":
                # "X is a service that provides Z": Z is said of X, not of services in general. Of "X is the
                # tow barge, which weighs 35 t" it is said of both: "the" makes the barge one thing, X, and
                # the comma makes the clause say more of it ("the directive that stops Y" only describes X).
                definite = any(c.dep_ == "det" and c.lower_ == "the" for c in whole.children) and _set_off(verb)
                subjects_of_be = [s for s in self._subjects(whole.head) if s is not None]
                head = subjects_of_be + (head if definite else []) if subjects_of_be else head
            elif noun.dep_ == "ROOT" and self.defining and self.topic is not None and self._noun_fragment(verb.doc):
                # "A firewall which controls traffic" where a note says what NACL is: NACL is that
                # firewall (see _noun_fragment), so the clause is said of NACL.
                head = [self.topic]
            elif noun.dep_ == "ROOT" and self.topic is not None and verb.doc.user_data.get("describes_topic"):
                # "warden (w): the person who locks the gate", a glossary's description: the term is
                # that person, so the clause is said of the term.
                head = [self.topic]
            relative_object = any(c.dep_ in ("dobj",) and c.lower_ in RELATIVE for c in verb.children)
            if relative_object or (not any(c.dep_ in SUBJECTS for c in verb.children) and passive):
                objects_direct = objects_direct or head
            elif any(c.dep_ in SUBJECTS and c.lower_ in RELATIVE for c in verb.children):
                subjects, generic = ([], False) if _clause_may_be_meant(verb, noun) else (head, False)
        if (
            generic
            and not subjects
            and verb.dep_ == "ROOT"
            and self.topic is not None
            and (passive or not objects_direct)
            and not any(c.dep_ == "expl" for c in verb.children)  # "There are 7 towers": no thing's, only there
            and not any(c.dep_ in SUBJECTS and c.lower_ in INDEFINITE_PRONOUNS for c in verb.children)
            and not _addressed_to_reader(verb)
        ):
            subjects, generic = [self.topic], False  # a bullet under a heading says it of the heading
        kept_from = _kept_from(verb, direct)
        if kept_from is not None:
            # "X stops Y from reading Z": what X keeps from happening is the fact, never "X stops Y".
            return [] if generic else self._kept_from_facts(verb, base, kept_from, subjects, negated)
        active = _verb_words(verb, passive=False)
        for agent in agents:  # "X is created by Y": Y creates X
            for pobj in [c for c in agent.children if c.dep_ == "pobj"]:
                for doer in self._concepts(pobj):
                    for s in subjects:
                        facts.append(OpenFact(doer, active, _surface(verb, agent), s, negated, "open:agent"))
        if agents:
            # "X was created by Y for Z": besides who did it, the passive's own participants are X's.
            for prep in preps:
                for s in subjects:  # "was founded in 1987 by Y": when X was founded
                    facts.extend(_prep_values(s, base, verb, prep, negated))
                for target in self._prep_objects(prep):
                    for s in subjects:
                        facts.append(
                            OpenFact(s, f"{base} {prep.lower_}", _surface(verb, prep), target, negated, "open:prep")
                        )
            return facts
        if generic and objects_direct:
            # "you attach volumes to instances": the volumes are what the clause is about.
            for prep in preps:
                words = f"{_participle(verb)} {prep.lower_}" if not passive else f"{base} {prep.lower_}"
                for target in self._prep_objects(prep):
                    for thing in objects_direct:
                        facts.append(OpenFact(thing, words, _surface(verb, prep), target, negated, "open:generic"))
            return facts
        facts.extend(self._manners(verb, subjects, passive, direct, preps))
        facts.extend(self._where(verb, passive, direct, negated))
        for s in subjects:
            for d in direct:  # "erase the files on the disk": a verb and its object may name the relation
                own = [c for c in d.children if c.dep_ == "prep" and not _introduces_examples(c, d)]
                for prep in preps + own:
                    for target in self._prep_objects(prep):
                        words = f"{base} {d.lower_} {prep.lower_}"
                        facts.append(OpenFact(s, words, _surface(verb, prep), target, negated, "open:phrase"))
            for o in objects_direct + [o for o in stray if o not in objects_direct]:
                facts.append(OpenFact(s, base, _surface(verb), o, negated, OBJECT_RULE))
            if direct and not negated:
                # "owns the cottages, but not the tower": a noun joined to the verb with its own "not" is
                # an object the verb is denied of.
                for o in [o for c in _denied_conjuncts(verb) for o in self._concepts(c)]:
                    facts.append(OpenFact(s, base, _surface(verb), o, True, OBJECT_RULE))
            for d in direct:  # "uses a single **Acme port 9** link": the link, and the port the writer named
                if not enumerated[d.i]:
                    for named in self._named_modifiers(d, objects_direct):
                        facts.append(OpenFact(s, base, _surface(verb), named, negated, "open:modifier"))
            for d in direct:  # "supports many tools, including A and B": the verb's object by example, too
                for example in self._examples(d) + enumerated[d.i]:
                    facts.append(OpenFact(s, base, _surface(verb), example, negated, "open:example"))
            for d in direct:  # "keeps 35 days of backups": the amount, number and all
                if _quantity(d) is not None:
                    facts.append(OpenFact(s, base, _surface(verb), None, negated, "open:quantity", _quantity(d)))
            for prep in preps:
                facts.extend(_prep_values(s, base, verb, prep, negated))
                denied = negated or any(_denied(p) for p in prep.children if p.dep_ == "pobj")
                targets = self._prep_objects(prep)
                for target in targets:
                    facts.append(
                        OpenFact(s, f"{base} {prep.lower_}", _surface(verb, prep), target, denied, "open:prep")
                    )
                named_in = [n for p in prep.children if p.dep_ == "pobj" for n in self._named_modifiers(p, targets)]
                for named in [] if _idiom(prep) else named_in:
                    facts.append(
                        OpenFact(s, f"{base} {prep.lower_}", _surface(verb, prep), named, denied, "open:modifier")
                    )
        return facts

    def _kept_from_facts(self, verb, base: str, kept, subjects: list[Concept], negated: bool) -> list[OpenFact]:
        """Read "X prevents Y from reading Z" as (X, "prevent from reading", Z).

        The verb ("prevent", "stop", "forbid", "keep") and the gerund after "from" make one
        predicate, and its object is what the gerund acts on: Z, or Y itself when the gerund is
        passive ("stops a letter from being opened": "stop from opening" the letter). Y as the
        verb's own object is no fact: "X stops Y" alone says something else. Y acting on Z is no fact
        either: it holds only where X applies. A gerund with no object of its own gives nothing.
        """
        gerund, holder = kept
        passive = any(c.dep_ == "auxpass" for c in gerund.children)
        forms = getInflection(gerund.lemma_.lower(), "VBG") if passive else [gerund.lower_]
        particle = [c.lower_ for c in gerund.children if c.dep_ == "prt"]
        words = " ".join([base, "from", forms[0] if forms else gerund.lower_, *particle])
        surface = f"{_surface(verb)} from {' '.join(t.text for t in gerund.subtree if t.i <= gerund.i)}"
        targets: list[tuple[str, Concept]] = []
        if passive:
            targets += [(words, c) for c in self._concepts(holder)]
        else:
            for obj in [c for c in gerund.children if c.dep_ == "dobj"]:
                targets += [(words, c) for c in self._concepts(obj)]
            for p in [c for c in gerund.children if c.dep_ == "prep" and _argument_preposition(c)]:
                targets += [(f"{words} {p.lower_}", c) for c in self._prep_objects(p)]
        return [
            OpenFact(s, phrase, surface, target, negated, "open:from")
            for s in subjects
            for phrase, target in targets
            if target.iri != s.iri
        ]

    def _where(self, verb, passive: bool, direct: list, negated: bool) -> list[OpenFact]:
        """Read "the .git directory, where Git stores the history": the clause happens in the place.

        A relative clause opened by "where" says its verb's object is acted on in the noun it hangs
        on: "history is stored in .git directory"; "X is the N, where ..." places it in X as well. Its
        subject is left as the clause reads it ("Git stores history"): "store in" matches a passive
        "stored in" word for word, and would say the subject is what is stored. A pronoun object
        ("inspect it") is left out too: which thing it points at, the clause does not say.
        """
        if (
            verb.dep_ != "relcl"
            or passive
            or not any(c.dep_ == "advmod" and c.lower_ == "where" for c in verb.children)
        ):
            return []
        noun = _phrase_head(verb.head)
        places = self._concepts(noun)
        if noun.dep_ == "attr" and noun.head.lemma_ == "be":
            places += [s for s in self._subjects(noun.head) if s is not None and s not in places]
        facts = []
        for place in places:
            for d in direct:
                if d.pos_ == "PRON" or d.lower_ in ANAPHORIC:
                    continue
                for thing in self._concepts(d):
                    phrase = f"is {_participle(verb)} in"
                    facts.append(OpenFact(thing, phrase, phrase, place, negated, "open:where"))
        return facts

    def _modifier_objects(self, verb) -> list[Concept]:
        """Return the objects a tagger split into a verb and its object: "supports allow rules only".

        See :func:`_modifier_verbs`; each such verb and the noun after it name one object.
        """
        out = []
        for modifier in _modifier_verbs(verb):
            noun = next(c for c in modifier.children if c.dep_ == "dobj")
            concept = self.resolve(modifier.doc[modifier.i : noun.i + 1].text, True)
            if concept is not None:
                out.append(concept)
        return out

    def _manners(self, verb, subjects: list[Concept], passive: bool, direct: list, preps: list) -> list[OpenFact]:
        """Read "scales vertically not horizontally": how an intransitive verb's subject does it.

        Each manner adverb after the verb ("vertically") is a value of the verb's own predicate
        ("scale"). A "not" right before an adverb denies that adverb alone, so "horizontally" is
        recorded negated, never as the positive; a "not" before the verb denies every adverb.
        """
        if passive or direct or preps or verb.pos_ != "VERB" or verb.tag_ == "VBN" or verb.dep_ not in ("ROOT", "conj"):
            return []  # "data not accessed frequently": a participle describes its noun, no clause of its own
        if is_subordinate(verb):
            return []
        if any(c.dep_ in ("xcomp", "ccomp", "acomp", "oprd") for c in verb.children):
            return []
        whole = any(_is_negation(c) and c.i < verb.i for c in verb.children)
        facts = []
        for adverb in [c for c in verb.children if c.dep_ == "advmod" and c.i > verb.i and _manner(c)]:
            before = verb.doc[adverb.i - 1]
            negated = whole or (_is_negation(before) and before.head.i == verb.i)
            for s in subjects:
                facts.append(
                    OpenFact(s, _verb_words(verb, False), _surface(verb), None, negated, "open:manner", adverb.lower_)
                )
        return facts

    def _subjects(self, verb) -> list[Concept | None]:
        """Return the clause's subjects; ``None`` stands for a generic one ("you")."""
        found = [c for c in verb.children if c.dep_ in SUBJECTS] or _misread_name_subject(verb)
        if not found:
            if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
                sharing = _sharing_clause(verb)  # "X stores A and serves B"
                return self._subjects(sharing) if sharing is not None else []
            if verb.dep_ == "xcomp":
                controller = verb.head
                datives = [c for c in controller.children if c.dep_ == "dative" and c.pos_ != "ADP"]
                if datives:  # "gives you more room to access X": the one given to is who accesses
                    return [None] if datives[0].lower_ in GENERIC else list(self._concepts(datives[0]))
                objects = [c for c in controller.children if c.dep_ == "dobj"]
                if objects and objects[0].lower_ not in GENERIC:
                    return [c for o in objects for c in self._concepts(o)]
                if controller.lemma_ == "be" and not any(c.dep_ == "auxpass" for c in verb.children):
                    # "The first chore is to sweep the yard": the chore is what sweeping is, not who sweeps
                    # ("The gate is to be locked", a passive, is still said of the gate).
                    return []
                return self._subjects(controller)  # "X allows you to provision Y": said of X
            if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and _used_for(verb.head):
                # "Winches are used for lifting cargo": what is used does what it is used for.
                return self._subjects(verb.head.head)
            described = _described_by_participle(verb)
            if described is not None:  # "X is a marker used for navigation": said of X
                return [s for s in self._subjects(described) if s is not None]
            if _agented_participle(verb):
                # "the storage team, led by Hana Kuroda, saw ...": the team is what is led, as in a passive
                return list(self._concepts(verb.head))
            if _describing_participle(verb):
                # "carries a tin holding spare coins": the tin holds them
                return list(self._concepts(verb.head))
            if (
                verb.dep_ == "advcl"
                and verb.head.lemma_ == "use"
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
            ):
                # "To define access, we use route tables": what is used does what it is used for.
                return [c for o in verb.head.children if o.dep_ == "dobj" for c in self._concepts(o)]
            return []
        if verb.dep_ in ("ccomp", "xcomp") and verb.head.lower_ in ENABLING and all(s.lower_ in GENERIC for s in found):
            # "X allows you to partition Y", parsed with "you" as the subject of "partition": said of X.
            return self._subjects(verb.head)
        if (
            verb.dep_ == "conj"
            and all(s.lower_ in ANAPHORIC - RELATIVE for s in found)
            and _agrees_with_subjects(found, verb.head)
        ):
            # "X downloads A, but it does not change B": "it" is the subject of the clause it is joined to;
            # not where their numbers differ ("crates go by P, and it is slow": "it" is not the crates).
            first = [s for s in self._subjects(verb.head) if s is not None]
            if first:
                return first
        out: list[Concept | None] = []
        for subject in found:
            if subject.lower_ in GENERIC:
                out.append(None)
            elif subject.lower_ in RELATIVE:
                if verb.dep_ == "relcl" and verb.i > subject.i:
                    # "The crane, which is used to lift crates": the clause under "used" is the crane's
                    out.extend(self._relative_head(verb))
                continue
            else:
                out.extend(self._concepts(subject))
        return out

    def _relative_head(self, verb) -> list[Concept]:
        """Return what a relative clause's "which"/"that" stands for: its noun, or the subject of
        "X is a N that ..." (see ``_clause``).

        Only a clause on a subject or a copula's complement: one after a verb's object or a
        preposition's ("Create an image from the instance, which can be used to ...") may say
        either noun, and the parser's choice of the nearer one is often wrong.
        """
        noun = _phrase_head(verb.head)
        named = _named_before_who(verb)
        if named is not None:
            return self._concepts(named)
        whole = _one_of(noun)
        if whole.dep_ == "attr" and whole.head.lemma_ == "be":
            return [s for s in self._subjects(whole.head) if s is not None] or self._concepts(noun)
        if noun.dep_ == "dobj" and _describes_a_thing(verb):
            return self._concepts(noun)  # "stamps the docket, which is filed in the shed": only a thing is filed
        if noun.dep_ not in SUBJECTS:
            return []
        return self._concepts(noun)

    def _named_modifiers(self, noun, named: list[Concept]) -> list[Concept]:
        """Return the names the writer gave inside an object's noun phrase that its concept dropped.

        "uses a single **Acme port 9** link": the phrase is too long to be a name, so it is read as its
        head noun ("link"); the name in front of that noun ("Acme port 9", merged as one token before
        parsing because the writer marked it) is a thing of the note the verb reaches too: what is used
        is a link on that port. A modifier the concept kept ("a **Clay Ledger** table" read as "Clay
        Ledger table") is part of its name and adds nothing.
        """
        out: list[Concept] = []
        for member in [noun, *_conjuncts(noun)]:
            for child in member.children:
                # A merged name is a name however the tagger labels it ("amod" for an unknown one).
                if child.dep_ not in NAME_PARTS or " " not in child.text or child.i > member.i:
                    continue
                concept = self._concept(child)
                if concept is None or any(concept.iri == c.iri for c in [*named, *out]):
                    continue
                if any(child.text.lower() in c.label.lower() for c in named):
                    continue  # the object's own name holds it
                out.append(concept)
        return out

    def _prep_objects(self, prep) -> list[Concept]:
        if _idiom(prep):
            return []  # "at a time", "under the hood": an idiom, not what the verb acts on
        found = [c for p in prep.children if p.dep_ == "pobj" for c in self._concepts(p)]
        if found or prep.lower_ not in PLACE_ON_COPULA:
            return found
        # "in the upper gallery of the Wool Exchange": a place too long to be one name is in the named one.
        return [
            c
            for p in prep.children
            if p.dep_ == "pobj"
            for of in p.children
            if of.dep_ == "prep" and of.lower_ == "of"
            for o in of.children
            if o.dep_ == "pobj" and (o.pos_ == "PROPN" or merged_name(o))
            for c in self._concepts(o)
        ]

    def _concepts(self, token, singular: bool = False) -> list[Concept]:
        """Return the concepts a noun phrase and its coordinated neighbours name; a free relative's "what"
        names what the copula says it is ("X is what browsers send": browsers send X). ``singular`` leaves
        out a neighbour in the plural."""
        antecedent = _cleft_antecedent(token)
        if antecedent is not None:
            token = antecedent
        out = []
        for member in [token, *(c for c in _conjuncts(token) if not (singular and c.tag_ in ("NNS", "NNPS")))]:
            shared = _shared_head(member)
            if shared:
                # "on Tuesday and Wednesday evenings": a Tuesday evening and a Wednesday evening, not one thing.
                out.extend(c for words in shared if (c := self.resolve(words, True)) is not None)
                continue
            concept = self._concept(member)
            if concept is not None:
                out.append(concept)
        return out

    def _person_before(self, pronoun) -> Concept | None:
        """Return the person a "he"/"him" stands for when its own sentence names one before it, else None.

        The nearest named person before the pronoun that is not the subject of the pronoun's own verb ("Ann
        told him" is never Ann); a sentence naming none leaves the pronoun to the previous sentence.
        """
        own_subjects = {c.i for c in pronoun.head.children if c.dep_ in SUBJECTS}
        for candidate in reversed(pronoun.doc[: pronoun.i]):
            if candidate.pos_ != "PROPN" or candidate.i in own_subjects or candidate.dep_ == "compound":
                continue
            concept = self.resolve(candidate.text, False) if merged_name(candidate) else None
            if concept is not None and _person_named(concept):
                return concept
        return None

    def _concept(self, token, plain: bool = False) -> Concept | None:
        """Return the concept a noun phrase names; ``plain`` reads the noun itself, not the name a clause gives it."""
        if _quantity(token) is not None:
            return None  # "128 TiB", "15 read replicas": an amount, read as a value (see _quantity)
        for acl in token.children:  # "a network called the default VPC": the name, not the noun
            if acl.dep_ == "acl" and acl.lemma_ in NAMING_VERBS:
                for named in acl.children:
                    if named.dep_ in ("oprd", "dobj", "attr"):
                        concept = self._concept(named)
                        if concept is not None:
                            return concept
        named = None if plain else _relative_name(token)
        if named is not None:  # "our own registry, which everyone calls Anchorage": Anchorage
            concept = self._concept(named)
            if concept is not None:
                return concept
        named = None if plain else _name_given(token) or _name_in_apposition(token)
        if named is not None:
            # "The current ferry, the MV Tern, ...": the ferry so named, not ferries in general.
            # "The program that sends a message is called a producer": that program is the producer, not
            # programs in general (a second "program that reads it" is another one).
            concept = self._concept(named)
            if concept is not None:
                return concept
        if token.tag_ == "VBG" and token.dep_ == "csubj":
            # "Messaging systems offer ...": a noun phrase the parser read as a gerund and its object.
            # "Creating a branch does ..." is an action, no thing to say it of.
            objects = [c for c in token.children if c.dep_ == "dobj"]
            if len(objects) != 1 or objects[0].left_edge.i != token.i + 1 or objects[0].i != token.i + 1:
                return None
            return self.resolve(f"{token.text} {objects[0].text}", True)
        complement = _of_complement(token)
        if complement is not None:  # "three kinds of reset", "each of its subscribers": the reset, the subscribers
            return self._concept(complement)
        owner = _identified_by(token)
        if owner is not None:
            return self._relational(token, owner)
        lower = token.lower_
        if merged_name(token) and token.pos_ in ("PRON", "PUNCT"):
            return self.resolve(token.text, True)  # a merged name the tagger read as a pronoun: still the name
        if token.pos_ == "PRON" or lower in ANAPHORIC:
            antecedent = _object_antecedent(token)
            if antecedent is not None:  # "tows a barge or pushes it": the barge
                return self._concept(antecedent)
            if token.i == 0 and self.implicit:
                return self.topic or self.previous.concept  # the fragment's left-out subject: the section's concept
            if _reported_rivals(token):
                return None  # "The chart tells the crew how far it may sail": the chart or the crew
            antecedent = _clause_antecedent(token)
            if antecedent is not None:  # "boats no longer use the canal; it is now used by ...": the canal
                return self._concept(antecedent)
            if lower in DEMONSTRATIVES:
                return None  # "avoids this by keeping ...": "this" may stand for a whole statement, not a thing
            if lower in PERSON_ANAPHORS:
                nearer = self._person_before(token)
                if nearer is not None:  # "It is kept by Ann Lee; send notes to him": Ann Lee, not last sentence's
                    return nearer
                person = self.previous.concept
                named = person is not None and self.previous.plural is not True and _names_someone(person)
                return person if named else None
            if lower in ANAPHORIC and lower not in RELATIVE:
                number = self.previous.plural if self.previous.concept is not None else None
                if number is not None and number != (lower in PLURAL_ANAPHORS):
                    return None  # "lets subdomains receive X ... receives it": not the subdomains
                if self.previous.rivalled and token.dep_ in OBJECTS:
                    return None  # "Each user has a crontab. The editor opens it.": the user or the crontab
                if lower in NEUTER and self.previous.concept is not None and _full_name(self.previous.concept):
                    # "Ann Lee asked for a page. It is kept by ...": "it" is never a person.
                    topic = self.topic
                    return topic if topic is not None and not _full_name(topic) else None
                return self.previous.concept or self.topic
            return None
        if merged_name(token):  # a name merged before parsing
            return self.resolve(token.text, True)
        if token.tag_ in ("VB", "VBP") and token.dep_ in SUBJECTS and not list(token.children):
            # "By default, hide sends a warning": a bare verb is never a subject; a name the note already knows
            # (the command "hide") that the tagger read as one is.
            return self.resolve(token.text, False)
        # "polishing is slow for brass": a gerund subject with nothing of a verb's names the activity.
        activity = (
            token.tag_ == "VBG" and token.dep_ in SUBJECTS and not any(_verb_dependent(c) for c in token.children)
        )
        if (
            token.pos_ not in ("NOUN", "PROPN", "NUM", "X")
            and not token.text[:1].isupper()
            and not activity
            and not _noun_read_as_adjective(token)
        ):
            return None
        words = _name_tokens(token)
        glued = _glued_apposition(token)
        if glued is not None:  # "a distributed event streaming platform" parsed as "event", "streaming platform"
            words = (words + _name_tokens(glued))[-MAX_NAME_WORDS:]
        text = _joined(words)
        if _capital_by_position(words):
            text = text[:1].lower() + text[1:]  # "Tugboats pull barges": tugboats, not a name
        return self.resolve(text, token.pos_ == "PROPN" or len(words) <= MAX_NAME_WORDS)

    def _relational(self, token, owner) -> Concept | None:
        """Return the concept "N of Y" names, for a noun ``token`` that means something only with ``owner``.

        "limits the size of a message" limits no size in general, and no message: the size of one.
        The phrase is the concept, named with the words of both nouns ("size of message"); a phrase
        too long to be a name, or one whose owner is a pronoun, names nothing the graph can hold.
        """
        if " " not in owner.text and owner.pos_ not in ("NOUN", "PROPN"):
            return None  # "the rest of it": whose rest, the clause does not say
        head = [t.text for t in _name_tokens(token)]
        tail = owner.text.split() if " " in owner.text else [t.text for t in _name_tokens(owner)]
        if len(head) + 1 + len(tail) > MAX_NAME_WORDS:
            return None
        return self.resolve(" ".join([*head, "of", *tail]), True)


#: Nouns that only say what sort of thing follows "of": "three kinds of reset" lists resets.
SORT_NOUNS = frozenset("kind type sort form category variety".split())
#: Pronouns that pick members of the group after "of": "each of its subscribers" names subscribers.
PARTITIVES = frozenset("each all any some both many most either".split())


#: Where a partitive is a participant: "each of X" as a conjunct ("your code and all of X") is a misparse.
ARGUMENTS = frozenset("pobj dobj nsubj nsubjpass".split())


def _names_someone(concept: Concept) -> bool:
    """Tell whether a concept's label may be a person's name: every word capitalised, none all capitals."""
    words = concept.label.split()
    return bool(words) and all(w[:1].isupper() and not w.isupper() and w[1:].islower() for w in words)


def _person_named(concept: Concept) -> bool:
    """Tell whether a concept's label reads as a person's name: capitalised words, the last no common noun,
    or a name the text gave a title ("Dr. Pike")."""
    if concept.titled:
        return True
    return _names_someone(concept) and not getAllLemmas(concept.label.split()[-1].lower()).get("NOUN")


def _full_name(concept: Concept) -> bool:
    """Tell whether a concept is surely a person: a name the text gave a title, or a first and last name
    ("Ann Lee"). One capitalised word may as well name a product or a place ("Tabulon", "Ledger")."""
    return concept.titled or (len(concept.label.split()) >= 2 and _person_named(concept))


def _cleft_antecedent(token):
    """Return the noun a free relative's "what" stands for, or None: "X is what browsers send" and "What
    browsers send is X" both say that browsers send X. The clause "what" opens is the copula's complement
    (its subject the noun) or its subject (its complement the noun)."""
    if token.lower_ != "what" or token.tag_ != "WP" or token.dep_ not in ("dobj", "nsubj", "nsubjpass", "pobj"):
        return None
    clause = token.head.head if token.dep_ == "pobj" else token.head
    cop = clause.head
    if cop.lemma_ != "be" or cop.i == clause.i:
        return None
    if clause.dep_ == "ccomp":
        wanted = ("nsubj",)
    elif clause.dep_ == "csubj":
        wanted = ("attr",)
    else:
        return None
    return next((c for c in cop.children if c.dep_ in wanted and c.pos_ in ("NOUN", "PROPN")), None)


def _of_complement(token):
    """Return the noun after "of" when ``token`` only sorts or counts it ("kinds of X", "each of X"), else None."""
    # "kinds of X", "a kind of X": the noun only says what sort of X; "the type of X" picks one out.
    indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children)
    sorting = token.lemma_.lower() in SORT_NOUNS and (token.tag_ == "NNS" or indefinite)
    # "Most of our produce": the tagger reads "most" as a superlative adjective; still a count of the produce.
    counting = token.lower_ in PARTITIVES and token.pos_ in ("PRON", "DET", "NOUN", "ADJ") and token.dep_ in ARGUMENTS
    if not (sorting or counting) or any(c.dep_ in ("compound", "amod") for c in token.children):
        return None  # "instance types" is a thing of its own
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            return next((p for p in prep.children if p.dep_ == "pobj"), None)
    return None


def _identified_by(token):
    """Return the noun after "of" that tells which ``token`` is meant ("the speed of a disk"), else None.

    Only a singular common noun with "the" and no name of its own (no compound): "the size of X" is
    X's size, where "the garden hose of a house" names a hose. An indefinite noun ("a snapshot of
    X") is a thing of its own kind, and a plural ("the files of a folder") picks out members of its
    kind: both keep their own name.
    """
    if (
        token.tag_ != "NN"
        or " " in token.text
        or not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
    ):
        return None
    if any(c.dep_ in ("compound", "nmod", "poss") for c in token.children):
        return None
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            return next((p for p in prep.children if p.dep_ == "pobj"), None)
    return None


def _name_in_apposition(token):
    """Return the proper name a common noun is given in an apposition set off by a comma or parenthesis.

    "The current ferry, the MV Tern, replaced ...": the description and the name are one thing, and the
    name is what the graph knows it by. None when there is no such name.
    """
    if token.pos_ != "NOUN":
        return None
    doc = token.doc
    for child in token.children:
        if (
            child.dep_ == "appos"
            and child.i > token.i
            and (child.pos_ == "PROPN" or " " in child.text)
            and child.text[:1].isupper()
            and (
                (
                    child.left_edge.i > token.i + 1
                    and (doc[child.left_edge.i - 1].text in (",", "(") or _dash(doc[child.left_edge.i - 1]))
                )
                or _titles(token, child)
            )
        ):
            return child
    return None


def _titled_name(token):
    """Return (name, title) when ``token`` is a name a title noun stands before ("the engineer Mara Quist",
    parsed as a compound of the name) or a title noun a name follows in apposition ("the carpenter Ivo
    Brandt"); else None."""
    named = _name_in_apposition(token)
    if named is not None:
        return (named, token) if _titles(token, named) else None
    if not (merged_name(token) or token.pos_ == "PROPN") or not token.text[:1].isupper():
        return None
    if token.text.isupper():
        return None  # "the batch ID", "the server IP": a short form of a common noun, which the noun before modifies
    before = [c for c in token.children if c.i < token.i and c.dep_ in ("compound", "nmod", "amod")]
    if len(before) != 1 or before[0].i != token.i - 1 or token.i < 2:
        return None
    title, article = before[0], token.doc[token.i - 2]
    if article.lower_ != "the" or article.head not in (token, title):
        return None
    if title.tag_ != "NN" or not title.is_lower or next(title.children, None) is not None:
        return None
    return token, title


def _titles(noun, name) -> bool:
    """Tell "the carpenter Ivo Brandt": after "the", one lowercase common noun in the singular, then the
    name at once; the noun says what the named one is (a title, a role, a kind)."""
    return (
        name.left_edge.i == noun.i + 1
        and noun.tag_ == "NN"
        and noun.is_lower
        and [c.lower_ for c in noun.children if c.i < noun.i] == ["the"]
    )


def _glued_apposition(token):
    """Return the noun a parser split off as an apposition with no comma between ("event streaming platform").

    An apposition is set off by a comma or a parenthesis; one that follows its head's words directly
    is the rest of the same noun phrase, and its last noun is the phrase's head.
    """
    for child in token.rights:
        if child.dep_ == "appos" and child.left_edge.i == token.i + 1 and child.pos_ in ("NOUN", "PROPN"):
            return child
    return None


def _named_before_who(verb):
    """Return the name right before ", who" that opens the relative clause ``verb``, or None.

    "a rota kept by Abel Stroud, who signs the log": "who" stands for a person, and a name set right
    before it is the one meant, whatever noun the parser hung the clause on ("rota").
    """
    who = next((c for c in verb.children if c.lower_ == "who" and c.dep_ in ("nsubj", "nsubjpass")), None)
    if who is None or who.i < 2 or verb.doc[who.i - 1].text != ",":
        return None
    name = verb.doc[who.i - 2]
    return name if name.pos_ == "PROPN" or merged_name(name) else None


def _phrase_head(token):
    """Return the noun whose phrase ``token`` ends when it is a glued apposition (see above), else itself."""
    glued = _glued_apposition(token.head) if token.dep_ == "appos" else None
    if glued is not None and glued.i == token.i:  # (spaCy makes a new Token object at each access)
        return token.head
    return token


def _kept_from(verb, direct: list):
    """Return the gerund after "from" and a verb's object ("stops Y from reading Z"), and that object.

    The "from" hangs on the verb or on its object (the parser does either); the gerund is its
    clausal complement, active ("from reading") or passive ("from being read"). None otherwise.
    """
    for holder in direct:
        for prep in [*verb.children, *holder.children]:
            if prep.dep_ != "prep" or prep.lower_ != "from" or prep.i < holder.i:
                continue
            gerund = next((c for c in prep.children if c.dep_ == "pcomp" and c.pos_ == "VERB"), None)
            if gerund is None:
                continue
            passive = gerund.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.lower_ == "being" for c in gerund.children)
            if passive or (gerund.tag_ == "VBG" and not _modifying_gerund(gerund)):
                return gerund, holder
    return None


def _modifying_gerund(gerund) -> bool:
    """Tell a "gerund" and bare noun after "from" that may be a noun phrase: "from publishing apps".

    A word the dictionary knows as a noun or adjective too, right before a noun with no determiner
    of its own, may modify that noun ("receives messages from streaming services" names where the
    messages come from); only a gerund with a determined object ("from reading the file") or a
    word that is only a verb ("from deleting files") surely opens a clause.
    """
    forms = getAllLemmas(gerund.lower_)
    if not (forms.get("NOUN") or forms.get("ADJ")):
        return False
    return any(
        c.dep_ == "dobj" and c.i == gerund.i + 1 and not any(d.dep_ in ("det", "poss", "nummod") for d in c.children)
        for c in gerund.children
    )


def _argument_preposition(prep) -> bool:
    """Tell a preposition on a verb that introduces one of its participants.

    "like", "than", "such as" and "including" give examples or a comparison. "of" on a noun is the
    noun's ("the size of X"), but hung on a verb it is the verb's own complement: "consists of X",
    "is made of X", "is composed of X".
    """
    if prep.lower_ == "of":
        # Right after the verb (or its particle): "persists independently of X" is the adverb's "of".
        verb = prep.head
        between = [t for t in prep.doc[verb.i + 1 : prep.i] if t.dep_ != "prt"]
        return verb.pos_ == "VERB" and verb.lemma_ != "be" and prep.i > verb.i and not between
    # "except the north quay", "unlike a pier", "instead of oil": what the clause sets aside is no
    # participant of it (kg/contrast.py).
    if prep.lower_ in EXCEPTING or any(c.lower_ in LEADING for c in prep.children):
        return False
    return prep.lower_ not in NOT_ARGUMENTS


def _used_for(prep) -> bool:
    """Tell the "for" of a passive "is used for" (the instrument's purpose follows it)."""
    verb = prep.head
    return prep.lower_ == "for" and verb.lemma_ == "use" and is_passive_participle(verb)


def _described_by_participle(verb):
    """Return the copula whose subject a participle after its complement describes, else None.

    In "X is a marker used for navigation" or "X is a ship designed to remove silt" the participle
    says what X is used or made for: the complement noun is X itself. Only a past participle hung
    on the complement of "be" (a naming verb, "a network called Y", gives a name instead).
    """
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or verb.lemma_ in NAMING_VERBS:
        return None
    noun = _one_of(_phrase_head(verb.head))
    if noun.dep_ != "attr" or noun.head.lemma_ != "be" or any(c.dep_ == "auxpass" for c in verb.children):
        return None
    return noun.head


def restricted(noun) -> bool:
    """Tell a noun a participle with a phrase of its own restricts ("crates *packed by the mill*", "crates
    *shipped from the farm*"): the phrase picks out some of the things, and what the clause says of them is
    not said of the kind."""
    return any(
        c.dep_ == "acl"
        and c.tag_ == "VBN"
        and c.lemma_ not in NAMING_VERBS
        and not _set_off(c)
        and any(d.dep_ in ("agent", "prep") for d in c.children)
        for c in noun.children
    )


def _agented_participle(verb) -> bool:
    """Tell a past participle that describes the noun before it and names its doer ("the team, *led by*
    Hana Kuroda, ...", "a quilt made by the guild"): a passive whose subject is that noun."""
    return (
        verb.dep_ == "acl"
        and verb.tag_ == "VBN"
        and verb.lemma_ not in NAMING_VERBS
        and verb.head.pos_ in ("NOUN", "PROPN")
        and any(c.dep_ == "agent" for c in verb.children)
    )


def _name_read_as_verb(verb) -> bool:
    """Tell a capitalised word inside a sentence, no verb in the dictionary, that the tagger read as a verb
    joined to another: the subject of a clause whose verb is left out ("and Ivo the pool")."""
    return (
        verb.dep_ == "conj"
        and verb.i > verb.sent.start
        and verb.text[:1].isupper()
        and not verb.text.isupper()
        and "VERB" not in getAllLemmas(verb.lower_)
    )


def _describing_participle(verb) -> bool:
    """Tell a present participle with an object that describes one thing a clause brings in ("has *a rack*
    holding six paddles", "carries a green tin, *the Float Box*, holding ..."): the thing does what it says.

    Only after a noun with "a" or "an" that is a verb's object or complement, or after a name set in
    apposition: there the participle describes the one thing. After a subject or a plural it picks some out
    of a kind ("boats carrying passengers must ..."), and what it says is not said of the kind.
    """
    noun = verb.head
    if verb.dep_ != "acl" or verb.tag_ != "VBG" or noun.i > verb.i or noun.pos_ not in ("NOUN", "PROPN"):
        return False
    if not any(c.dep_ == "dobj" for c in verb.children):
        return False
    if noun.dep_ == "appos":
        return noun.pos_ == "PROPN" or merged_name(noun)
    return noun.dep_ in ("dobj", "attr") and _indefinite_kind(noun)


def _one_of(noun):
    """Return "one" for the noun of "one of the N" ("X is one of the oldest kilns"), else the noun itself.

    X is one of the N: what a clause on N says of it ("kilns, built in Egypt") is said of X too,
    as it is of the complement in "X is a kiln built in Egypt".
    """
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ == "of" and prep.head.lower_ == "one" and prep.head.dep_ == "attr":
        return prep.head
    return noun


def _object_antecedent(token):
    """Return the object an "it"/"them" object of a joined verb repeats ("tows a barge or pushes it"), else None.

    Two verbs joined with one subject act on the same thing when the second's object is a pronoun:
    it stands for the first verb's object, not for what the text is about.
    """
    verb = token.head
    if token.dep_ != "dobj" or token.lower_ not in ("it", "them") or verb.dep_ != "conj":
        return None
    if any(c.dep_ in SUBJECTS for c in verb.children):
        return None  # "X stores the file, and Y reads it": another subject, another reading
    first = [c for c in verb.head.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")]
    return first[0] if len(first) == 1 else None


#: Personal pronouns read against an earlier clause of their sentence, with the number each asks for.
_PERSONAL = {"it": "singular", "they": "plural", "them": "plural"}


#: The clauses before a pronoun's own whose arguments it may stand for: joined and reported clauses, a
#: condition or circumstance ("When the queue is full, it ..."), a relative clause ("the host that set
#: the cookie receives it").
EARLIER_CLAUSES = frozenset(("ROOT", "conj", "parataxis", "ccomp", "advcl", "relcl"))


def _reported_rivals(token) -> bool:
    """Tell whether a subject pronoun of a clause another verb reports ("tells the crew how far *it* may
    sail") may stand for that verb's subject or its object alike: both agree with it in number."""
    number = _PERSONAL.get(token.lower_)
    clause = _clause_head(token)
    if number is None or token.dep_ not in SUBJECTS or clause.dep_ != "ccomp":
        return False
    arguments = [c for c in clause.head.children if c.dep_ in (*SUBJECTS, "dobj", "dative")]
    agreeing = [c for c in arguments if c.pos_ in ("NOUN", "PROPN") and names_several(c) == (number == "plural")]
    return len(agreeing) > 1


def _denied_through_adverb(prep) -> bool:
    """Tell whether a "not"/"never" denies a prepositional phrase through its adverb: "kept on pallets, *never
    directly* on the stone". Not through an adverb of focus: "not only on Fridays" says Fridays too."""
    return any(c.dep_ == "advmod" and c.lower_ not in EXCLUSIVE_FOCUS and _negated(c) for c in prep.children)


def _runs_on_from(denied, phrase) -> bool:
    """Tell whether a denied phrase's "not"/"never" also covers a later phrase of the same verb: the later
    one follows it with no punctuation between ("never by email by students")."""
    if phrase.i <= denied.i or phrase.head.i != denied.head.i:
        return False
    return not any(t.is_punct for t in phrase.doc[denied.right_edge.i + 1 : phrase.i])


def _agrees_with_subjects(pronouns, verb) -> bool:
    """Tell whether personal pronouns ("it", "they") agree in number with the nouns ``verb`` has for subjects;
    any other pronoun, or a verb without a noun subject, agrees."""
    nouns = [c for c in verb.children if c.dep_ in SUBJECTS and c.pos_ in ("NOUN", "PROPN")]
    numbers = {_PERSONAL.get(p.lower_) for p in pronouns} - {None}
    if not nouns or len(numbers) != 1:
        return True
    several = numbers == {"plural"}
    return all(names_several(n) == several or _conjuncts(n) for n in nouns)


def _clause_antecedent(token):
    """Return the noun an "it"/"they"/"them" of a later clause stands for, by the parse, else None.

    Only an earlier clause of the same sentence is read (``EARLIER_CLAUSES``): the pronoun's number must
    agree ("Working boats no longer use the canal; *it* is ..." is the canal, not the boats), and of the
    earlier clause's arguments the object comes first for an object pronoun or the same verb ("Boaters may
    operate the lock, ... where only the keeper operates *it*": the lock; "X stores the file and Y reads
    *it*": the file), then the subject, then the object; an object that is the same pronoun is returned
    ("X opens *it* and Y prints *it*": one thing). A pronoun in the first clause is left to what the
    text was about.
    """
    number = _PERSONAL.get(token.lower_)
    clause = _clause_head(token)
    if number is None or token.dep_ not in ("nsubj", "nsubjpass", "dobj"):
        return None
    earlier = [
        v for v in token.doc
        if v.i < clause.i and v.pos_ in ("VERB", "AUX") and v.dep_ in EARLIER_CLAUSES
    ]  # fmt: skip
    own_subjects = {c.i for c in clause.children if c.dep_ in SUBJECTS}

    def agrees(noun) -> bool:
        plural = names_several(noun)
        return noun.pos_ in ("NOUN", "PROPN") and plural == (number == "plural") and noun.i not in own_subjects

    parallel = token.dep_ == "dobj"
    for verb in reversed(earlier):
        arguments = {c.dep_: c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")}
        for dep, noun in list(arguments.items()):
            if verb.dep_ == "relcl" and noun.lower_ in RELATIVE:
                arguments[dep] = verb.head  # "enable X, which detects loss; it ...": "which" is X
        order = (
            ["dobj", "nsubj", "nsubjpass"]
            if verb.lemma_ == clause.lemma_ or parallel
            else ["nsubj", "nsubjpass", "dobj"]
        )
        if parallel and arguments.get("dobj") is not None and arguments["dobj"].lower_ == token.lower_:
            return arguments["dobj"]  # "X opens it, and Y prints it": one thing, whatever the first stands for
        for dep in order:
            noun = arguments.get(dep)
            if noun is not None and agrees(noun):
                # "with P, the carrier that calls at noon, and it is ...": the carrier is P, which names it.
                named = noun.head if noun.dep_ == "appos" and noun.head.pos_ == "PROPN" else None
                return named if named is not None and agrees(named) else noun
    return None


#: The preposition of means and manner: on a copula it says how the quality comes about ("by design").
MEANS = frozenset(("by",))
#: Adverbs that say a statement holds in every case ("always", "everywhere"): denied, it holds in some only.
UNIVERSAL_ADVERBS = frozenset(("always", "everywhere", "necessarily"))


def _naming(verb):
    """Return the object and the name of an active naming verb ("call *it* *the dog watch*"), else None."""
    if verb.lemma_.lower() not in NAMING_VERBS:
        return None
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    names = [c for c in verb.children if c.dep_ == "oprd"]
    return (objects[0], names[0]) if len(objects) == 1 and len(names) == 1 else None


def _phrase_denial(prep) -> bool | None:
    """Tell whether a "not" denies a prepositional phrase ("not for B", "not always for B"): True, False, or
    None when it denies that the phrase holds in every case ("not always"), which is neither."""
    adverbs = [c for c in prep.children if c.dep_ == "advmod"]
    denied = _negated(prep) or any(_negated(a) for a in adverbs)
    if denied and any(a.lower_ in UNIVERSAL_ADVERBS for a in adverbs):
        return None
    return denied


def _verb_dependent(token) -> bool:
    """Tell a dependent only a verb takes (an object, a subject, a complement clause, a particle)."""
    return token.dep_ in ("dobj", "nsubj", "nsubjpass", "ccomp", "xcomp", "prt", "aux", "auxpass", "neg", "prep")


def _restricting(prep) -> bool:
    """Tell a copula's prepositional phrase that says for what or where its quality holds ("is safe *for
    A*"): one with an object, no idiom ("by default"), no comparison, example, exception or condition
    ("unless it is X"), no means or manner ("not durable *by design*"), not fronted ("In AWS, ...")."""
    return (
        prep.dep_ == "prep"
        and prep.i > prep.head.i
        and prep.lower_ not in NOT_ARGUMENTS | EXCEPTING | CONDITIONS_AGAINST | MEANS
        and not _idiom(prep)
        and any(c.dep_ == "pobj" for c in prep.children)
    )


def _idiom(prep) -> bool:
    """Tell a preposition and its object that are an adverbial idiom ("by default", "at a time")."""
    return any(p.dep_ == "pobj" and (prep.lower_, p.lemma_.lower()) in IDIOMS for p in prep.children)


#: Nouns whose first sense measures (units, periods of time), from WordNet: see scripts/make_units.py.
UNIT_TABLE = "units.tsv"


def _quantity(token) -> str | None:
    """Return an amount a noun phrase states, as written ("up to 15 read replicas"), or None.

    A noun counted by a number in digits, or a unit or period counted in words ("about fifty minutes",
    "three nights"): "three AZs" or "one instance" count things the text names, and stay concepts.
    """
    if token.pos_ == "NUM" and token.text[:1].isdigit() and any(c.tag_ == "$" for c in token.children):
        # "costs £25": a sum of money, the currency sign hung on its number
        span = token.doc[token.left_edge.i : token.right_edge.i + 1]
        return span.text.strip()
    if token.pos_ not in ("NOUN", "PROPN"):
        return None
    counts = [c for c in token.children if c.dep_ == "nummod" and not _model_number(token, c)]
    # "31 °C": the parser may hang the number on the degree sign, a compound of the unit
    counts += [n for c in token.children if c.dep_ == "compound" and c.pos_ in ("NUM", "SYM") and not c.is_alpha
               for n in c.children if n.dep_ == "nummod"]  # fmt: skip
    if not any(c.text[:1].isdigit() for c in counts) and not (
        any(is_numeral(c.text) for c in counts) and (_is_unit(token) or _per_unit(token))
    ):
        return None
    # The amount is the noun phrase without what is said beside it: "four bytes, which makes it simple",
    # "1,114,112 code points, and about 150,000 of them ..." state "four bytes", "1,114,112 code points".
    beside = {d.i for c in token.children if c.dep_ in BESIDE_A_NOUN for d in c.subtree}
    # "1,800 litres of water, a ladder and ...": an apposition deeper in the phrase is no part of the amount
    beside |= {d.i for t in token.subtree if t.dep_ == "appos" and t.i != token.i for d in t.subtree}
    words = [t for t in token.subtree if t.i not in beside]
    while words and words[-1].dep_ == "punct":
        words.pop()
    while words and words[0].dep_ == "punct":
        words.pop(0)
    return " ".join(t.text for t in words).strip()


def _says_of_amount(clause) -> bool:
    """Tell whether a clause a "which" opens, hung on a verb, grades the amount that verb states ("takes 38
    minutes, which is longer than ..."): the verb's object or complement is an amount."""
    relative = any(c.dep_ in SUBJECTS and c.lower_ in ("which", "that") for c in clause.children)
    verb = clause.head
    return (
        relative
        and verb.pos_ in ("VERB", "AUX")
        and any(c.dep_ in ("dobj", "attr", "npadvmod") and _quantity(c) is not None for c in verb.children)
    )


def _amount_owner(token):
    """Return what an amount after "than" is said of, or None: the thing a participle or preposition puts it on
    ("the 27 minutes *needed on the Blue*", "the four hours *for a single-decker*"), or its possessor
    ("*Rufus's* 40 ml")."""
    if _quantity(token) is None:
        return None
    for child in token.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ not in ("prep", "acl"):
            continue
        phrases = [child] if child.dep_ == "prep" else [c for c in child.children if c.dep_ == "prep"]
        for prep in phrases:
            objects = [c for c in prep.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    return None


#: What may follow a noun phrase without being part of it: a clause or another phrase set beside it.
BESIDE_A_NOUN = frozenset(("relcl", "acl", "conj", "cc", "appos", "advcl", "parataxis"))


def _clause_may_be_meant(relative, noun) -> bool:
    """Tell whether a "which" set off by a comma may stand for what the clause before it said, not its noun.

    "UTF-32 uses four bytes, which makes it simple": "makes" cannot take "bytes" for its subject, so the
    "which" is the using. "blocks access from JavaScript, which protects the cookie": a noun inside
    another noun's phrase ("access from JavaScript", "the size of each packet") may be meant, or the
    phrase, or the clause. Neither is read as the noun's fact; "publishes messages to an exchange,
    which routes them" is the exchange's.
    """
    if not _set_off(relative):
        return False
    if noun.pos_ in ("NOUN", "PROPN") and not agrees_in_number(noun, relative):
        return True
    return noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in ("NOUN", "PROPN")


def _noun_read_as_adjective(token) -> bool:
    """Tell a noun the small tagger read as an adjective: "sets an environment *variable*" (JJ), an object
    or subject with a determiner or a noun before it, which a dictionary also knows as a noun; or the one
    word after "than" that the dictionary does not know as an adjective ("than *bromazine*", a name)."""
    if token.pos_ == "ADJ" and token.head.lower_ == "than" and token.i > token.head.i:
        return "ADJ" not in getAllLemmas(token.lower_) and len(list(token.head.children)) == 1
    return (
        token.pos_ == "ADJ"
        and token.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass")
        and any(c.dep_ in ("det", "compound") for c in token.children)
        and "NOUN" in getAllLemmas(token.lower_)
    )


def _classifies(attr) -> bool:
    """Tell whether a copula's complement classifies its subject (says of which kind it is): "a Y", plural "Ys"."""
    return attr.tag_ == "NNS" or any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in attr.children)


def _conditional_clause(clause, noun) -> bool:
    """Tell whether a relative clause is a condition on its noun, not a fact of it: it narrows, with no
    comma, an indefinite subject of a copula ("A kiln that has no lid is a hazard": if a kiln has no lid)."""
    if _set_off(clause) or noun.dep_ not in SUBJECTS or noun.head.lemma_ != "be":
        return False
    return any(c.dep_ == "det" and c.lower_ in ("a", "an", "any", "every") for c in noun.children) or (
        noun.tag_ == "NNS" and not any(c.dep_ in ("det", "poss") for c in noun.children)
    )


def _restricted_subject(cop) -> bool:
    """Tell whether a copula's subject is narrowed by a relative clause not set off by commas ("A backup
    you never restored from is ..."): what is said is said of those only, not of the subject's kind."""
    return any(c.dep_ == "relcl" and not _set_off(c) for s in cop.children if s.dep_ in SUBJECTS for c in s.children)


def _describes_a_thing(verb) -> bool:
    """Tell whether a relative clause is passive or a copula of place ("which is kept in X", "which is behind
    X"): it then says something of a thing, where an active one ("which saves money") may say it of the
    whole clause before."""
    return any(c.dep_ in PASSIVE_DEPS for c in verb.children) or (
        verb.lemma_ == "be" and any(c.dep_ == "prep" and c.lower_ in PLACE_ON_COPULA for c in verb.children)
    )


def _set_off(clause) -> bool:
    """Tell whether a relative clause (or an apposition: "X*, a site*") is set off by a comma ("the tow
    barge, which weighs ..."): it adds to its noun, rather than telling which one is meant."""
    first = clause.left_edge
    return first.i > 0 and (clause.doc[first.i - 1].text == "," or _dash(clause.doc[first.i - 1]))


def _bracketed(token) -> bool:
    """Tell whether the phrase ``token`` heads stands alone in brackets ("the bursar *(currently Oren Vasko)*")."""
    doc = token.doc
    first, last = token.left_edge.i, token.right_edge.i
    return first > 0 and doc[first - 1].text == "(" and last + 1 < len(doc) and doc[last + 1].text == ")"


def _dash(token) -> bool:
    """Tell whether ``token`` is a dash setting a phrase off ("a red tray — the float — that ..."), as a comma
    does: an em or en dash, or a hyphen standing alone between spaces (a hyphen inside a word is no dash)."""
    if token.text in ("\u2014", "\u2013", "--"):
        return True
    before = token.doc[token.i - 1] if token.i > 0 else None
    return token.text == "-" and bool(token.whitespace_) and before is not None and bool(before.whitespace_)


def _date(token) -> str | None:
    """Return a year, or a date with a year ("May 2001", "1 May 2001"), a preposition's object states, or None.

    A year is a number of four digits; it names a time, not a thing, so it is a value, not a concept.
    """
    years = [t for t in token.subtree if t.like_num and len(t.text) == 4 and t.text.isdigit()]
    if len(years) != 1 or not 1000 <= int(years[0].text) <= 2999 or token.pos_ not in ("NUM", "PROPN", "NOUN"):
        return None
    return " ".join(t.text for t in token.subtree if t.dep_ != "punct").strip()


#: A time of day as written ("23:00", "8.45", "6pm", "4:00 p.m."): digits, a separator, two digits, or an hour
#: with its half of the day.
CLOCK_RE = re.compile(r"^(?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?)$", re.IGNORECASE)


def _clock_time(token) -> str | None:
    """Return the time of day a preposition's object states ("at *23:00*", "by *6pm*"), as written, or None:
    a time names no thing, so it is a value, as a year is."""
    if not CLOCK_RE.match(token.text):
        return None
    half = [c.text for c in token.children if c.i == token.i + 1 and c.lower_.replace(".", "") in ("am", "pm")]
    return " ".join([token.text, *half])


def _value(token) -> str | None:
    """Return the amount, the date or the time of day a noun phrase states, as written, or None."""
    return _quantity(token) or _date(token) or _clock_time(token)


def _prep_values(subject: Concept, base: str, verb, prep, negated: bool) -> list[OpenFact]:
    """Return the amounts and dates a preposition's objects state, as values of "<verb> <preposition>" of the
    subject ("takes over 14 hours", "was founded in 1987")."""
    return [
        OpenFact(subject, f"{base} {prep.lower_}", _surface(verb, prep), None, negated, "open:quantity", value)
        for pobj in prep.children
        if pobj.dep_ == "pobj" and (value := _value(pobj)) is not None
    ]


#: Determiners that count what they stand before as none ("*no* barge", "*neither* prize"); the pronouns that
#: do so alone ("*none* of the barges") are ``kg.coordination.NONE_PRONOUNS``. Closed class.
NONE_DETERMINERS = frozenset(("no", "neither"))


def _none_of_them(verb) -> bool:
    """Tell whether the clause's subject or object is counted as none: "*No* barge may moor ...", "keeps *no*
    spare ropes", "*Neither* prize is paid", "*None* of the rooms has ...". The clause then says that it does
    not hold, as a "not" would."""
    return any(
        counts_none(c)
        or (
            c.dep_ in ("nsubj", "nsubjpass", "dobj")
            and any(d.dep_ == "det" and d.lower_ in NONE_DETERMINERS for d in c.children)
        )
        for c in verb.children
    )


def _is_unit(token) -> bool:
    """Tell whether a noun measures (a unit or a period: "minutes", "nights"), by ``UNIT_TABLE``."""
    return token.lemma_.lower() in word_pairs(UNIT_TABLE)


def _hung_on_period(prep) -> list:
    """Return the phrases of place the parser hung on a period inside a verb's phrase of time ("on the first
    Sunday of *each quarter* in the barn"): a period has no place of its own, so they are the verb's."""
    out = []
    for noun in (c for c in prep.children if c.dep_ == "pobj"):
        for of in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
            for period in (c for c in of.children if c.dep_ == "pobj" and _is_unit(c)):
                out += [c for c in period.children if c.dep_ == "prep" and c.lower_ in PLACE_ON_COPULA]
    return out


#: The words that make a unit after them a rate's ("four times *a* day", "ten loads *per* week").
RATE_WORDS = frozenset(("a", "an", "per", "each", "every"))
#: The determiners that take the things of a kind one by one ("*every* kiln", "*each* member"): such a subject
#: is no one thing a later "it" can stand for. Closed class.
DISTRIBUTIVE = frozenset(("every", "each"))
#: The pronouns of the writer and the reader: a later "it" or "they" never stands for them. Closed class.
SPEAKERS = frozenset(("i", "we", "you"))


def _per_unit(token) -> bool:
    """Tell whether a counted noun is counted per unit ("four times a day", "two loads per week") or per
    anything ("five bags per visit"): a rate."""
    for child in token.children:
        if child.dep_ == "npadvmod" and _is_unit(child) and any(d.lower_ in RATE_WORDS for d in child.children):
            return True
        if child.dep_ == "prep" and child.lower_ in RATE_WORDS and any(_is_unit(p) for p in child.children):
            return True
        if child.dep_ == "prep" and child.lower_ == "per" and any(p.dep_ == "pobj" for p in child.children):
            return True  # "five bags per visit": "per" makes a rate of whatever it counts by
    return False


def _opens_clause(token, root) -> bool:
    """Tell a word before a noun phrase's head that opens something else: "For having X, a Y".

    A preposition inside a hyphenated modifier ("Point-in-time backup") and an adverb of a modifier
    ("Fully managed NFS") belong to the noun phrase.
    """
    if token.dep_ == "prep":
        return not (token.i > 0 and token.nbor(-1).text == "-")
    if token.dep_ == "advmod":
        return token.head.i == root.i
    return token.dep_ in ("mark", "advcl")


def _sharing_clause(verb):
    """Return the verb whose subject a joined verb with none of its own shares, or None.

    "X stores A and serves B": "serves" shares the subject of "stores", the verb it is joined to. The
    parser may join it to the wrong verb: in "It starts services, restarts them when they fail and
    collects their logs", "collects" is joined to "fail", whose subject "they" cannot take "collects".
    Up the verbs it hangs under, the first whose subject agrees with it is the one it shares; if none
    agrees, the clause's subject is unknown.
    """
    head = verb.head
    while head.pos_ in ("VERB", "AUX"):
        subjects = [c for c in head.children if c.dep_ in SUBJECTS]
        if subjects and all(agrees_in_number(s, verb) for s in subjects):
            return head
        if not subjects and head.dep_ != "conj":
            return head  # no subject to disagree with: the head's own reading decides
        if head.head.i == head.i:
            return None
        head = head.head
    return None


def _disagreeing_subject(verb) -> bool:
    """Tell a clause whose subject is a bare singular noun opening the text and whose verb is a base form.

    "provision read throughput": English has no "provision read" in the present (a singular subject
    takes "reads"), and a singular count noun with no determiner opens no sentence; the words are
    one noun phrase the tagger split into a subject and a verb.
    """
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.i != 0 or subject.tag_ != "NN" or verb.i != 1 or " " in subject.text:
        return False
    return verb.tag_ in ("VBP", "VBD") and verb.lower_ == verb.lemma_.lower() and subject.is_lower


def _bare_passive(verb) -> bool:
    """Tell "X is fully managed" (a participle with no participant) from a passive clause with one."""
    if verb.pos_ != "VERB" or verb.tag_ != "VBN" or not any(c.dep_ == "auxpass" for c in verb.children):
        return False
    participants = ("dobj", "prep", "agent", "xcomp", "ccomp", "advcl", "dative", "oprd", "attr")
    if any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children):
        return False  # "should still be done", "can be detached": what may be done, not what it is
    return not any(c.dep_ in participants and not (c.dep_ == "prep" and _framing(c)) for c in verb.children)


#: Words that make a clause a condition or a circumstance of another ("when", "whether", "because").
SUBORDINATORS = frozenset("when whenever if whether once because unless until before after since as".split())


def is_subordinate(verb) -> bool:
    """Tell a clause that is a condition or a reported question of another from one that states a fact."""
    if verb.dep_ in ("pcomp", "csubj", "acl", "xcomp") or (verb.dep_ == "ccomp" and verb.i > verb.head.i):
        return True  # (a clause before its head, "Is stateless: Return traffic must be ...", is no report)
    return any(c.dep_ in ("mark", "advmod") and c.lower_ in SUBORDINATORS for c in verb.children)


def _manner(adverb) -> bool:
    """Tell an adverb of manner ("vertically", "locally"): an -ly word the dictionary knows only as an adverb."""
    lemmas = getAllLemmas(adverb.lower_)
    return adverb.pos_ == "ADV" and adverb.lower_.endswith("ly") and bool(lemmas) and set(lemmas) == {"ADV"}


def _quality_words(word) -> str:
    """Return a quality as written: the adjective with its adverbs ("highly available"), not "not", and
    with the whole measure before it ("40 metres long", not "metres long")."""
    parts = [c for c in word.children if c.dep_ == "advmod" and c.i < word.i and not _is_negation(c)]
    parts += [c for c in word.children if c.dep_ in ("amod", "compound") and c.i < word.i]
    parts += [t for c in word.children if c.dep_ == "npadvmod" and c.i < word.i for t in c.subtree]
    return " ".join(t.text for t in sorted([*parts, word], key=lambda t: t.i))


def _subject_tokens(verb) -> list:
    """Return the nouns a clause's subject is, its coordinated ones too."""
    found = [c for c in verb.children if c.dep_ in SUBJECTS and c.pos_ in ("NOUN", "PROPN")]
    return [m for t in found for m in (t, *_conjuncts(t))]


def _is_negation(token) -> bool:
    return token.dep_ == "neg" or token.lower_ in ("never", "not", "n't")


def _capital_by_position(words) -> bool:
    """Tell a noun phrase whose first capital is only the sentence's: a common noun opening it.

    The tagger says common noun (a plural, or a word the dictionary knows as a noun or adjective) and
    no other word is capitalised: "Tugboats pull barges" speaks of tugboats, the kind a later "X is a
    tugboat" names, not of a thing called "Tugboats". A name ("Kafka stores ...") is tagged a proper
    noun, or is no dictionary word.
    """
    first = words[0]
    if first.i != 0 or not first.text[:1].isupper() or not first.text[1:].islower():
        return False
    if any(not t.text.islower() for t in words[1:]):
        return False
    return first.tag_ == "NNS" or (first.tag_ in ("NN", "JJ") and bool(getAllLemmas(first.lower_)))


def _without_measure(tokens: list) -> list:
    """Return a kind's name tokens less the measure that opens them ("our *10 kg* test sandbag"): the size of
    the one thing described, not a word of the name of its kind."""
    i = 0
    while i + 1 < len(tokens) and tokens[i].like_num and _is_unit(tokens[i + 1]):
        i += 2
    return tokens[i:] if i < len(tokens) else tokens


def _counts(token) -> bool:
    """Tell whether ``token`` is a count in lowercase words ("four"), which names nothing."""
    return token.dep_ == "nummod" and token.is_lower and token.lower_ in NUMBER_WORDS


def _deed_objects(verb) -> list:
    """Return a gerund's objects; the parser may hang one on its particle ("sanding down *a bench*")."""
    particles = [c for c in verb.children if c.dep_ == "prt"]
    return [c for c in verb.children if c.dep_ == "dobj"] + [
        c for p in particles for c in p.children if c.dep_ == "pobj"
    ]


def _shared_head(token) -> list[str]:
    """Return the names a head noun makes with each of its coordinated modifiers, or [] when it has none.

    "Tuesday and Wednesday evenings" names two things, "Tuesday evenings" and "Wednesday evenings"; "red
    and white wine", red wine and white wine. Only a noun with nothing else of a name before it, whose
    modifier is one word joined by "and" or "or" to other single words of its part of speech, each right
    before the next: a longer phrase ("the hot and very dry summer") is left as it is.
    """
    if token.pos_ not in ("NOUN", "PROPN") or merged_name(token):
        return []
    parts = [c for c in token.lefts if c.dep_ in NAME_PARTS]
    if len(parts) != 1 or parts[0].i != token.i - 1 - 2 * len(_conjuncts(parts[0])):
        return []
    modifier = parts[0]
    joined = _conjuncts(modifier)
    if not joined:
        return []
    words = [modifier, *joined]
    if any(w.tag_ in ("NNS", "NNPS") for w in words):
        return []  # "talks and equipment clinics": a plural is a thing of its own, no modifier
    if any(w.pos_ != modifier.pos_ or any(c.dep_ not in ("cc", "conj", "punct") for c in w.children) for w in words):
        return []
    if any(b.i - a.i != 2 for a, b in itertools.pairwise(words)):
        return []  # each joined to the next by one word ("and", "or" or a comma)
    if not any(c.dep_ == "cc" and c.lower_ in ("and", "or") for c in modifier.children):
        return []
    return [f"{w.text} {token.text}" for w in words]


def _name_tokens(token) -> list:
    """Return the tokens that name a noun phrase: its compounds and modifiers, determiners dropped."""
    left = []
    for child in token.lefts:
        if _proper_possessive(child, token):
            left.extend(t for t in child.subtree if t.dep_ != "punct")
            continue
        # "Sail-only dinghies": a word glued to the one before it by a hyphen is part of a word, whatever
        # it is alone ("only" limits a phrase, but "read-only" names a kind).
        glued = child.i >= 2 and _hyphen_glued(child.doc[child.i - 2], child.doc[child.i - 1])
        if child.dep_ in NAME_PARTS and (child.lower_ not in DETERMINERS or glued):
            # "four binary rounding modes": a count in words hung on a compound counts the phrase's things; of
            # a singular head ("the three whistles signal") it counts none, and is a word of the name.
            left.extend(
                t
                for t in child.subtree
                if t.dep_ != "punct"
                and (t.lower_ not in DETERMINERS or (glued and t.i == child.i))
                and not (_counts(t) and token.tag_ != "NN")
                and not (t.dep_ == "advmod" and t.lower_ in CONNECTIVES)
            )
    words = sorted([*left, token], key=lambda t: t.i)
    # Keep the run that ends at the head: a modifier separated from it by other words is a description.
    run = [token]
    for t in reversed(words[:-1]):
        if run[0].i - t.i <= 2:
            run.insert(0, t)
    # "Read committed": an adjective right after the noun, with nothing of its own, is part of a name;
    # one with a phrase of its own ("people responsible for X") describes.
    doc, end = token.doc, token.i
    after = doc[end + 1] if end + 1 < len(doc) else None
    # "Paraloid B-72": a model number right after a proper name is part of it too.
    adjective = after is not None and after.dep_ == "amod" and after.head.i == end and not list(after.children)
    if adjective or (after is not None and _model_number(token, after)):
        end += 1
        run.append(after)
    # "Alt-F4": the parser splits a hyphenated word, and may hang its last part after the head.
    while end + 2 < len(doc) and _hyphen_glued(doc[end], doc[end + 1]) and doc[end + 2] in token.subtree:
        end += 2
        run.append(doc[end])
    run = run[-MAX_NAME_WORDS:]
    while len(run) > 1 and run[0].i >= 2 and _hyphen_glued(doc[run[0].i - 2], doc[run[0].i - 1]):
        run = run[1:]  # "open-hearth document store database" cut to four words: no half of "open-hearth"
    return run


#: Words of permission and ability that a denial makes a denial of the deed they govern: "is not
#: *allowed* to take food" does not take it, "is not *able* to lift" does not lift. Closed class (semi-modals).
PERMISSION_LEMMAS = frozenset(("allow", "permit", "able", "let"))


def _denied_control(verb) -> bool | None:
    """Tell what a denied verb governing ``verb`` (an infinitive it controls) says of ``verb``'s deed.

    True: denied too ("are not allowed to take food", "is not able to lift"); False: unsaid ("does not
    need to restart", "did not try to open"), so no fact; None: no denied verb governs it.
    """
    if verb.dep_ != "xcomp" or verb.head.i == verb.i:
        return None
    head = verb.head
    copula = head.head if head.dep_ == "acomp" else None  # "is not able to": the "not" hangs on "is"
    if not (_negated(head) or (copula is not None and _negated(copula))):
        return None
    return head.lemma_.lower() in PERMISSION_LEMMAS


#: The rule of facts read of the items a colon lists after a clause on their kind (``_listed_after_colon``).
LISTED_RULE = "open:listed"


def _of_main_verb(noun) -> bool:
    """Tell whether ``noun`` is an argument of the sentence's main verb (not of a clause inside it)."""
    return noun.head.dep_ == "ROOT"


def _model_number(name, after) -> bool:
    """Tell whether ``after`` is a number or code that completes the proper name before it ("Paraloid
    *B-72*", "Boeing *747*"): a bare numeral hung on the name, with no unit after it ("Ada 2 days")."""
    following = after.doc[after.i + 1] if after.i + 1 < len(after.doc) else None
    return (
        name.pos_ == "PROPN"
        and after.head.i == name.i
        and after.dep_ == "nummod"
        and after.i == name.i + 1
        and not list(after.children)
        and (following is None or following.pos_ not in ("NOUN", "PROPN"))
    )


def _proper_possessive(child, head) -> bool:
    """Tell whether ``child`` is a proper name's possessive that is part of a capitalised name ("*Fenwick's*
    Market", "St. *Brendan's* Parish Hall"). Before a common noun it says whose the thing is ("Priya's kit")."""
    return (
        child.dep_ == "poss"
        and child.pos_ == "PROPN"
        and head.text[:1].isupper()
        and head.i > child.i
        and any(c.tag_ == "POS" for c in child.children)
    )


def _hyphen_glued(word, hyphen) -> bool:
    """Tell whether ``hyphen`` joins ``word`` to the token after it with no space: one word ("read-only")."""
    return hyphen.i == word.i + 1 and hyphen.tag_ == "HYPH" and not word.whitespace_ and not hyphen.whitespace_


def _joined(tokens) -> str:
    """Join a name's tokens as the text writes them: parts of a hyphenated word stay one word ("Alt-F4",
    "read-only mount"), as ``kg.text.tokenize`` reads them in questions and mentions; others take a space."""
    out = ""
    for k, t in enumerate(tokens):
        if k:
            prev = tokens[k - 1]
            glued = t.i == prev.i + 2 and _hyphen_glued(prev, t.doc[prev.i + 1])
            out += "-" if glued else "" if t.tag_ == "POS" and not prev.whitespace_ else " "
        out += t.text
    return out


def _framing(prep) -> bool:
    """Tell a fronted phrase set off by a comma ("By default, ...", "In AWS, ...") from an argument."""
    after = prep.doc[prep.right_edge.i + 1] if prep.right_edge.i + 1 < len(prep.doc) else None
    return prep.i < prep.head.i and after is not None and after.text == ","


def _name_given(token):
    """Return the name a clause gives a noun it restricts ("The N that ... is called *X*"), or None.

    Only a noun with a restrictive relative clause, as the subject of a passive naming verb: "The
    program is called X" names programs in general, and stays as it is.
    """
    if not any(c.dep_ == "relcl" for c in token.children):
        return None
    return _passive_name(token)


def _one_standing_for(token, clause) -> str | None:
    """Return the noun phrase a modified "one"/"ones" compared against stands for, else None: its own
    modifiers and the head noun of the side it is compared with ("bolted boards are quicker to fit than
    *glued ones*": glued boards), the one subject of the comparison's clause or the noun phrase that is the
    clause. A bare "one" ("than the one before") is left as it is: nothing says which modifier sets it apart.
    """
    if token.lower_ not in ("one", "ones") or token.pos_ not in ("NOUN", "PRON", "NUM"):
        return None
    modifiers = [c for c in token.children if c.dep_ in ("amod", "compound", "nmod") and c.i < token.i]
    if not modifiers:
        return None
    while clause.dep_ == "xcomp" and not any(c.dep_ in SUBJECTS for c in clause.children):
        clause = clause.head  # "PII requests tend to take longer than ordinary ones": the subject of "tend"
    sides = [clause] if clause.pos_ == "NOUN" else [c for c in clause.children if c.dep_ in SUBJECTS]
    if len(sides) != 1 or sides[0].pos_ != "NOUN" or sides[0].lower_ in ("one", "ones"):
        return None
    words = [t.text for m in modifiers for t in m.subtree]
    return " ".join([*words, sides[0].lemma_])


def _relative_name(noun):
    """Return the one name a relative clause with a naming verb gives ``noun`` ("our own registry, *which
    everyone calls Anchorage*"; "the shop, which we call *the Second Shelf*"), else None: the relative
    pronoun is the verb's object, and the name its other complement. Without a relative pronoun ("a
    small lathe *we call Wilma*") the noun itself is the object the clause leaves out: an active verb
    with a subject of its own and one complement, the name."""
    for clause in noun.children:
        if clause.dep_ != "relcl" or clause.lemma_ not in NAMING_VERBS:
            continue
        relative = [c for c in clause.children if c.tag_ in ("WDT", "WP", "WP$") or c.lower_ == "that"]
        reduced = not relative and any(c.dep_ == "nsubj" for c in clause.children)
        if not reduced and not any(c.dep_ == "dobj" and c.lower_ in ("which", "that", "whom") for c in clause.children):
            continue
        names = [
            c
            for c in clause.children
            if c.dep_ in ("oprd", "dobj", "attr") and c.lower_ not in ("which", "that", "whom")
        ]
        if len(names) == 1 and names[0].pos_ in ("PROPN", "NOUN"):
            return names[0]
    return None


def _passive_name(token):
    """Return the one name a passive naming verb gives its subject ``token`` ("... is called *X*"), else None."""
    verb = token.head
    if token.dep_ != "nsubjpass" or verb.lemma_ not in NAMING_VERBS or verb.i == token.i:
        return None
    names = [c for c in verb.children if c.dep_ in ("oprd", "attr")]
    return names[0] if len(names) == 1 else None


def naming(doc):
    """Return the name a sentence gives by a naming verb, and whether it names the statement before it.

    "The share of requests served from cache is called the *hit ratio*": the sentence says what the
    name means (False). "Pages are loaded when first touched. *This* is called *demand paging*." and
    "*This technique*, called *copy-on-write*, ...": a demonstrative ("this", "that", "this state") as what
    is named stands for the statement before it, not for a thing (True). Returns (the name's span of
    ``doc``, that flag), or None.
    """
    for verb in doc:
        if not _passive_naming(verb):
            continue
        subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
        if verb.dep_ == "ccomp" and verb.head.dep_ == "ROOT" and verb.head.tag_ == "VBN" and not subjects:
            # "The share of requests answered from cache is called X": the participle of a reduced relative
            # clause read as the main verb, the naming verb as its complement; the subject is the participle's.
            subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
        elif verb.dep_ != "ROOT":
            continue
        name = _given_name(verb)
        if len(subjects) == 1 and name is not None:
            return name, _demonstrative(subjects[0])
    for noun in doc:
        if noun.pos_ == "NOUN" and _demonstrative(noun):
            for acl in noun.children:
                if acl.dep_ == "acl" and acl.lemma_.lower() in NAMING_VERBS and (name := _given_name(acl)) is not None:
                    return name, True
    return None


def _named_as(verb) -> list:
    """Return the name "known as" gives ("the store, known as *the cave*"), also past a phrase that says by
    whom or where ("known to everyone as X", "known around town as X", the parser hanging "as" on that
    phrase's noun); empty for any other naming verb or shape."""
    if verb.lemma_.lower() != "know":
        return []
    places = [verb, *(g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj")]
    return [
        name
        for place in places
        for prep in place.children
        if prep.dep_ == "prep" and prep.lower_ == "as"
        for name in prep.children
        if name.dep_ == "pobj" and name.pos_ in ("NOUN", "PROPN")
    ]


def _named_phrase(noun, name):
    """Return the noun a "called" clause names: the one it hangs on, or the noun whose phrase that one ends.

    "a small cache of recent translations called the *TLB*", "Characters with special meaning, called
    *metacharacters*": the parser hangs the clause on the nearest noun, but the name agrees in number
    with the head of the whole phrase ("cache", "Characters") and not with it.
    """
    outer = noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else None
    if outer is None or outer.pos_ != "NOUN":
        return noun
    plural = name.tag_ in ("NNS", "NNPS")
    agrees = lambda token: (token.tag_ in ("NNS", "NNPS")) == plural  # noqa: E731
    return outer if agrees(outer) and not agrees(noun) else noun


def _object_complements(noun):
    """Return the naming verbs the parser hung on the verb whose object ``noun`` is ("keeps *a list* called
    X", "called" read as the verb's complement): the name is the object's, as if the clause hung on it."""
    if noun.dep_ != "dobj":
        return []
    return [
        c for c in noun.head.children
        if c.dep_ == "xcomp" and c.i > noun.i and not any(g.dep_ in SUBJECTS for g in c.children)
    ]  # fmt: skip


def _second_object(token):
    """Return the noun before a comma (or a colon) that ``token`` is a misread apposition of, else None.

    "has a *lifetime*, *the region* of code ...", "trains at *Kestrel Yard*, *a site* by the canal": the
    parser may hang the apposition on the verb (a second object, an adverbial noun, an unlabelled
    dependent); the noun the comma follows, an object of the same verb or of its preposition, is what
    it describes.
    """
    if token.dep_ not in ("dobj", "dep", "npadvmod") or token.head.pos_ not in ("VERB", "AUX"):
        return None
    comma = token.left_edge.i - 1
    if comma < 1 or token.doc[comma].text not in (",", ":"):
        return None
    before = next((t for t in token.doc[comma - 1].ancestors if t.i < comma), None)
    before = token.doc[comma - 1] if token.doc[comma - 1].pos_ in ("NOUN", "PROPN") else before
    if before is None or before.right_edge.i != comma - 1 or before.pos_ not in ("NOUN", "PROPN"):
        return None
    verb = before.head.head if before.dep_ == "pobj" else before.head
    return before if before.dep_ in ("dobj", "pobj") and verb.i == token.head.i else None


def _listed(first, second) -> bool:
    """Tell two nouns set side by side as members of one list, not a thing and what it is: they share
    their head word ("the heated *locker*, the cold *locker*"), or the first follows a colon."""
    if first.lemma_.lower() == second.lemma_.lower():
        return True
    return any(t.text == ":" for t in first.doc[: first.left_edge.i][-1:])


def _given_name(verb):
    """Return the span of the one name a naming verb gives ("called *X*", "known as *X*"), else None."""
    names = [c for c in verb.children if c.dep_ in ("oprd", "attr")] or [
        g for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for g in c.children
        if g.dep_ in ("pobj", "pcomp")
    ]  # fmt: skip
    if len(names) != 1:
        return None
    return verb.doc[names[0].left_edge.i : names[0].right_edge.i + 1]


def _demonstrative(token) -> bool:
    """Tell "this"/"that" said alone, or a common noun they determine ("this state")."""
    if token.lower_ in DEMONSTRATIVES and token.tag_ == "DT":
        return True
    return token.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in DEMONSTRATIVES for c in token.children)


def _passive_naming(verb) -> bool:
    """Tell a naming verb in the passive ("is called", "is known as")."""
    return verb.lemma_.lower() in NAMING_VERBS and any(c.dep_ == "auxpass" for c in verb.children)


def _names_what_was_said(verb) -> bool:
    """Tell a passive naming verb whose subject is a demonstrative ("*This* is called X", "*This state* is
    known as X"): it names the statement before it, said of no thing (see ``naming``)."""
    if not _passive_naming(verb):
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    return len(subjects) == 1 and _demonstrative(subjects[0])


def _clause_after(obj):
    """Return the "that"-less clause whose subject the parse took for a verb's object ("means *one slack
    stay* ... holds up every line"), else None: the verb's finite clause after the noun, with no subject
    of its own.

    Such a verb says something of the clause, nothing of the noun.
    """
    if obj.dep_ != "dobj":
        return None
    return next(
        (
            c
            for c in obj.head.children
            if c.dep_ == "ccomp"
            and c.i > obj.i
            and c.tag_ in FINITE_TAGS
            and not any(d.dep_ in SUBJECTS or d.dep_ == "mark" for d in c.children)
        ),
        None,
    )


#: Tags of a finite verb: one that has a subject of its own, said or left out.
FINITE_TAGS = frozenset(("VBZ", "VBD", "VBP"))


def _modifier_verbs(verb) -> list:
    """Return the bare verbs the tagger read as a clause under ``verb`` where they modify its object.

    A bare verb right after a verb that has no object, with no subject, "to" or marker of its own,
    and a noun right after it, opens no clause: "supports allow rules only" supports allow rules. So
    does each such verb coordinated with it ("allow rules and deny rules").
    """
    if any(c.dep_ in ("dobj", "attr", "oprd") for c in verb.children):
        return []
    first = next((c for c in verb.children if c.dep_ in ("ccomp", "xcomp") and c.i == verb.i + 1), None)
    if first is None:
        return []
    found = []
    for modifier in [first, *[c for c in first.children if c.dep_ == "conj"]]:
        own = [c.dep_ for c in modifier.children]
        objects = [c for c in modifier.children if c.dep_ == "dobj" and c.pos_ == "NOUN"]
        if modifier.tag_ not in ("VB", "VBP") or any(d in (*SUBJECTS, "aux", "mark", "prep") for d in own):
            return []
        if len(objects) != 1 or objects[0].left_edge.i != modifier.i + 1:
            return []  # "allow the rules": a determiner after the verb makes it a verb and its object
        found.append(modifier)
    return found


def _is_modifier_verb(verb) -> bool:
    """Tell a verb :func:`_modifier_verbs` reads as part of its head verb's object, not a clause."""
    head = verb.head.head if verb.dep_ == "conj" else verb.head
    return head is not verb and any(m.i == verb.i for m in _modifier_verbs(head))


def _introduces_examples(prep, noun) -> bool:
    """Tell a preposition that gives examples of ``noun``: "like", "including", "such as"."""
    return prep.lower_ in ("like", "including") or (
        prep.lower_ == "as" and any(c.lower_ == "such" for c in [*prep.children, *noun.children])
    )


def _sets_off_examples(prep, noun) -> bool:
    """Tell a preposition of examples set off by a comma right after its noun ("tools, *such as* A, ...")."""
    first = prep.left_edge
    return (
        prep.dep_ == "prep"
        and _introduces_examples(prep, noun)
        and first.i == noun.i + 2
        and noun.doc[noun.i + 1].text == ","
    )


def _definite_role(token) -> bool:
    """Tell a singular common noun made definite ("the retry limit", "its console"): a role one thing fills."""
    return (
        token.pos_ == "NOUN"
        and token.tag_ == "NN"
        and any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an") for c in token.children)
    )


def _indefinite_kind(token) -> bool:
    """Tell a singular common noun after "a" or "an" ("a blue tin"): one of a kind, no role one thing fills."""
    return (
        token.pos_ == "NOUN"
        and token.tag_ == "NN"
        and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children)
    )


def _identifier(token, cop) -> bool:
    """Tell a name on one side of copula ``cop``: a proper noun, a name merged before parsing, a word
    written with signs inside ("ketl.ini", "max_peers"), or a bare noun after a singular "is" ("the default
    admin is ketlroot", which the tagger may read as a plural: no plural follows "is"; "the default shell
    is bash")."""
    if misread_comparative(token):
        return False  # "the shift is *quieter* than the other" (tagged a noun): a degree, no name
    if token.pos_ == "PROPN" or merged_name(token) or _name_read_as_adjective(token):
        return True
    if token.text[:1].isalpha() and any(not (ch.isalnum() or ch == "-") for ch in token.text):
        return True
    # "the window is the sender's own guess": a possessive makes the noun definite, as "the" does.
    bare = not any(c.dep_ in ("det", "poss") for c in token.children)
    return token.dep_ == "attr" and token.tag_ in ("NN", "NNS") and bare and cop.lower_ in SINGULAR_COPULAS


def _name_read_as_adjective(token) -> bool:
    """Tell a capitalised word after "is", inside the sentence, that no dictionary knows as an adjective
    ("the dock of Nerravia is Ostmark"): a name the tagger read as one."""
    return (
        token.dep_ == "acomp"
        and token.head.lemma_ == "be"
        and token.i > 0
        and token.text[:1].isupper()
        and not token.text.isupper()
        and "ADJ" not in getAllLemmas(token.lower_)
        and not is_adjective(token.lower_)
    )


#: Forms of "be" that take a singular subject.
SINGULAR_COPULAS = frozenset({"is", "was", "'s"})


def _written_as_name(token) -> bool:
    """Tell a name ("Gremlin", "SPARQL", the tagger's noun or not) from a common noun."""
    return token.pos_ == "PROPN" or (token.pos_ == "NOUN" and token.text != token.text.lower())


def _conjuncts(token) -> list:
    """Return the phrases coordinated after ``token``; one a "not" denies ("hens but *not* cockerels") is
    no participant (a quoted sentence's verdict reads the denial), nor is one set aside ("instead of")."""
    joined = list(token.conjuncts)
    for appos in [c for c in token.children if c.dep_ == "appos" and _listed_apposition(token, c)]:
        joined += [appos, *appos.conjuncts]  # "a log keeper, a signaller and two wing runners": a list
    return [
        c for c in sorted(set(joined), key=lambda t: t.i)
        if c.i > token.i and not _contrasted(c) and not any(d.dep_ == "neg" for d in c.children)
    ]  # fmt: skip


def _listed_apposition(token, appos) -> bool:
    """Tell a list's second item the parser hung as an apposition ("includes *a log keeper*, *a signaller*
    and two wing runners"): two indefinite common nouns, the second joined by "and"/"or" to a third. A
    description of a name ("Tom Hale, a sailor and carpenter") is no list."""

    def indefinite(noun) -> bool:
        return noun.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children)

    return (
        indefinite(token)
        and indefinite(appos)
        and any(c.dep_ == "cc" for c in appos.children)
        and any(c.dep_ == "conj" for c in appos.children)
    )


#: Two-word openings of a noun phrase set against the verb's real participant: "instead of Y", "rather than Y".
CONTRASTS = frozenset({("instead", "of"), ("rather", "than")})


def _stray_conjuncts(verb, obj) -> list:
    """Return the noun phrase joined by "and"/"or" right after a verb's object that the parser joined to a
    noun before the verb instead ("a unit that packages your code and all of its dependencies": "all"
    joined to "unit"): the object's conjunct. A partitive ("all of X") stands for what follows "of"."""
    doc = verb.doc
    after = obj.right_edge.i + 1
    if after + 1 >= len(doc) or doc[after].dep_ != "cc":
        return []
    joined = doc[after + 1]
    if joined.dep_ != "conj" or joined.head.i >= verb.i or joined.head is obj:
        return []
    if joined.lower_ in PARTITIVES:
        of = next((c for c in joined.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        joined = next((p for p in of.children if p.dep_ == "pobj"), None) if of is not None else None
    return [joined] if joined is not None and joined.pos_ in ("NOUN", "PROPN") else []


def _misread_name_subject(verb) -> list:
    """Return a name merged before parsing that opens a clause, with no subject, right before its finite
    verb, but that the tagger read as something else ("Ada Pike" as an interjection): the subject."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.dep_ != "ROOT":
        return []
    before = [c for c in verb.children if c.i == verb.i - 1 and c.i == 0]
    return [c for c in before if merged_name(c) and c.dep_ in ("intj", "npadvmod", "dep", "nmod", "advmod")]


def _nearest_conjunct(relative, noun):
    """Return the noun joined to ``noun`` that a comma-set relative clause right after it is said of, or None.

    "owns the mill and the barn, but not the meadow, which it rents": the parser may hang the clause on
    the first noun ("mill"); "which" stands for the noun just before it (the meadow).
    """
    start = relative.left_edge.i - 1
    doc = relative.doc
    while start >= 0 and doc[start].is_punct:
        start -= 1
    if start < 0 or doc[start] is noun:
        return None
    for member in [c for c in noun.conjuncts if c.i > noun.i]:
        if member.i == start or (member.i < start and doc[start].head is member and doc[start].dep_ == "appos"):
            return member
    return None


def _denied_conjuncts(verb) -> list:
    """Return the nouns joined to a verb or to its object that a "not" of their own denies ("owns A and
    B, but not C": C), however the parser joined them."""
    joined = [c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")]
    for obj in [c for c in verb.children if c.dep_ == "dobj"]:
        joined += [c for c in obj.conjuncts if c.i > obj.i and c.pos_ in ("NOUN", "PROPN")]
    return [c for c in joined if any(_is_negation(n) for n in c.children)]


def _contrasted(token) -> bool:
    """Tell a noun phrase after "instead of" or "rather than": what the clause sets aside, never its participant."""
    start = token.left_edge.i
    doc = token.doc
    return start >= 2 and (doc[start - 2].lower_, doc[start - 1].lower_) in CONTRASTS


def _denied(noun) -> bool:
    """Tell a noun phrase that "no" determines ("no lid", "no separate channel"): none of it is there."""
    return any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children)


def _clause_head(token):
    """Return the verb (or copula's complement) a modifier bears on: its head, through adverb chains."""
    head = token.head
    while head.dep_ == "advmod" and head.head.i != head.i:
        head = head.head
    return head


def _sets_apart(verb) -> bool:
    """Tell whether a participant of ``verb`` is set apart by "other" / "else" ("every *other* gate")."""
    nouns = [c for c in verb.children if c.dep_ in SUBJECTS or c.dep_ == "dobj"]
    nouns += [g for c in verb.children if c.dep_ in ("agent", "prep") for g in c.children if g.dep_ == "pobj"]
    return any(m.lower_ in SETTING_APART for n in nouns for m in n.children)


#: Dependencies of what completes an auxiliary used as a main verb ("is *not enough*", "was *a problem*").
AUXILIARY_COMPLEMENTS = frozenset("acomp attr oprd xcomp ccomp dobj prep".split())


def _completed(aux) -> bool:
    """Tell whether an auxiliary says something of its own rather than echoing the verb before it.

    "stop loses the data, while stop-hibernate won't" repeats "loses" (an ellipsis); in "the key lives
    elsewhere, so a copy of the table is not enough" the "is" has a complement of its own, and says
    nothing of where the copy lives.
    """
    return any(c.dep_ in AUXILIARY_COMPLEMENTS for c in aux.children)


def _addressed_to_reader(verb) -> bool:
    """Tell an imperative that opens a sentence of running text ("Treat them kindly: ..."): a verb in its
    base form first, with no subject, said to the reader, not of the section's thing. A bullet's fragment
    opens with the verb's -s form ("Encrypts data"), which the parse reads with "It" before it."""
    return (
        verb.i == 0 and verb.tag_ == "VB" and verb.text[:1].isupper() and not verb.doc.user_data.get("implicit_subject")
    )


def _has_verb_child(token) -> bool:
    return any(c.pos_ == "VERB" for c in token.children)


def _verb_words(verb, passive: bool) -> str:
    """Return a verb phrase in its base form: "attach", "back up", "is placed" (a passive)."""
    particle = " ".join(c.lower_ for c in verb.children if c.dep_ == "prt")
    head = f"is {_participle(verb)}" if passive else verb.lemma_.lower()
    return f"{head} {particle}".strip()


def _intending_words(verb) -> str:
    """Return the words of a verb whose "to" complement is only meant or wanted: "hope", "would like"."""
    modals = [c.lower_ for c in verb.children if c.dep_ == "aux" and c.tag_ == "MD" and c.lower_ != "will"]
    return " ".join([*modals, _verb_words(verb, False)])


def _participle(verb) -> str:
    if verb.tag_ == "VBN":
        return verb.lower_
    forms = getInflection(verb.lemma_.lower(), "VBN")
    return forms[0] if forms else verb.lower_


def _supported_noun(verb, direct: list, preps: list):
    """Return the bare noun a support verb makes one predicate with ("takes *place* on", "make *use* of"),
    and the prepositions it brings that ``preps`` lacks.

    A support verb (``SUPPORT_VERBS``) whose only object is a singular common noun with no word of its
    own but a preposition (no article, no modifier: "place", not "a place" or "the right place"), and
    which is followed by a preposition (the verb's or the noun's: "pays heed *to* the tide"), lends that
    noun a verb's role: the clause relates its subject to the preposition's object, and the noun is no
    thing it is about. Without a preposition the object stands as it is.
    """
    if verb.lemma_.lower() not in SUPPORT_VERBS or len(direct) != 1:
        return None
    noun = direct[0]
    if noun.tag_ != "NN" or noun.dep_ != "dobj" or any(c.dep_ != "prep" for c in noun.children):
        return None
    brought = [
        c for c in [*verb.children, *noun.children]
        if c.dep_ == "prep" and c not in preps
        and (c.i == noun.i + 1 or (c.head.i == noun.i and _argument_preposition(c)))
    ]  # fmt: skip
    return (noun, brought) if preps or brought else None


def _surface(verb, prep=None) -> str:
    """Return the verb phrase as the sentence writes it ("are placed in", "won't save", "takes place on")."""
    parts = [c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg", "prt")] + [verb]
    if prep is not None:
        parts += [c for c in verb.children if c.dep_ == "dobj" and _supported_noun(verb, [c], [prep]) is not None]
    if prep is not None:
        parts.append(prep)
    return " ".join(t.text for t in sorted(parts, key=lambda t: t.i))
