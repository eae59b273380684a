"""Read a question's grammar: what it asks for, where it asks, whether it is negated or a request.

One place for the closed-class reading of questions (wh-words, auxiliaries, classifier nouns such as
"kind of", pronouns) and for the parse of a question (the ingestion's spaCy pipeline, loaded once, on
the first question that needs it), which the engine combines with what the graph knows (linked names,
relation words, the names of its naming relations, see :mod:`kg.qa`): the engine's :class:`Reading` of
a question is built from these functions. No content word here stands for a question shape: a request
is read from its grammar (an imperative, or "can you ..." whose verb takes the asked thing as object),
and what a definition, an acronym or a list question asks is decided against the graph's own names.
"""

from __future__ import annotations

import itertools
import re
import threading
from collections.abc import Collection
from dataclasses import dataclass, field
from functools import lru_cache

from rdflib import URIRef

from kg.linking import Link
from kg.synonyms import is_phrasal_verb, may_say_phrasal_verb
from kg.text import (
    ARTICLES,
    GENERIC_NOUNS,
    NEGATIONS,
    STOPWORDS,
    SUBJECT_DEPS,
    Token,
    counts_things,
    getAllLemmas,
    getInflection,
    is_verb_only,
    lemmas,
    noun_key,
    root_of,
    splits_into_prefixes,
    verb_forms,
)

AUX_START = frozenset(
    "is are was were does do did can could will would has have had should must isn't aren't wasn't weren't "
    "doesn't don't didn't can't couldn't won't wouldn't hasn't haven't shouldn't".split()
)
#: Modal auxiliaries that open a polite request ("could you ...") as well as a yes/no question.
MODALS = frozenset("can could will would may might".split())
_WORD = re.compile(r"[A-Za-z0-9]+")
WH_WORDS = frozenset("what which who whom whose when where why how".split())
#: Penn tags of wh-words: a clause holding one is an embedded question ("tell me who ...").
WH_TAGS = frozenset("WDT WP WP$ WRB".split())
#: Nouns that classify rather than name a kind ("what kind of ...", "which type ..."): they ask for a class.
CLASSIFIERS = frozenset("kind kinds type types sort sorts".split())
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
    #: Word positions of mentions read as plain words (a second reading, ``Engine._as_words``).
    plain: frozenset[int] = frozenset()
    #: What the parse found, read once per question and shared by its views (see ``request``).
    parsed: dict[str, object] = field(default_factory=dict, repr=False)

    @property
    def classifying(self) -> frozenset[str]:
        """The classifiers of the question (see ``classifying_words``)."""
        return classifying_words(self.words)

    def request(self) -> Request | None:
        """Return the question's request ("name the X", "could you list ..."), parsed once, or None."""
        if "request" not in self.parsed:
            self.parsed["request"] = read_request(self.text, self.words)
        return self.parsed["request"]  # type: ignore[return-value]


def classifying_words(words: list[Token]) -> frozenset[str]:
    """Return the classifiers that stand before "of" ("which *sorts* of cheese").

    They classify the asked noun and name no relation by their letters, whatever verb of the graph they
    spell ("the grader sorts the cheeses"); by meaning they may ("what type of song": its genre).
    """
    return frozenset(words[i].lower for i in classifier_positions(words))


def classifier_positions(words: list[Token]) -> frozenset[int]:
    """Return where the classifiers that stand before "of" are ("what *kind* of X"): grammar, never a name."""
    pairs = enumerate(itertools.pairwise(words))
    return frozenset(i for i, (w, after) in pairs if w.lower in CLASSIFIERS and after.lower == "of")


def asked_type(words: list[Token], inside: set[int], text: str | None = None) -> tuple[str | None, int | None]:
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
    skipped = ("a", "an", "the", "kind", "type", "sort", "of", "is", "are")
    # "which *two* connections": a numeral counts the asked things, it names none.
    while i < len(words) and (words[i].lower in skipped or counts_things(words[i].lower)):
        i += 1
    if i < len(words) and i in inside:
        # A name that modifies the asked noun ("which Kafka consumers", "which storage model" over a
        # graph that knows "storage"): the head noun of the wh-phrase's parse, when it is not named.
        phrase = wh_phrase(text)[0] if text is not None else []
        head = next((k for k in range(i, len(words)) if k not in inside), None)
        if len(phrase) < 2 or head is None or words[head].lower != phrase[-1]:
            return None, at
        return words[head].lower, at
    if i >= len(words) or words[i].lower in STOPWORDS or is_verb_only(words[i].text):
        return None, at
    if i == start and text is not None and _wh_subject_verb(text, at):
        return None, at  # "What *feeds* into X?": the wh-word is the subject, the word after it the verb
    if words[i - 1].lower in ("is", "are") and is_participle(words[i].text):
        return None, at  # "what is *used* to ...": a passive's verb, not the name of what is asked
    # "what kind of book is X" asks for a kind (a genre, a class), not for a book.
    kind = next((w.lower for w in words[start:i] if w.lower in ("kind", "type", "sort")), None)
    if kind is not None:
        return kind, at
    # The head of a noun compound is its last noun: "movie co-writers", "film genre".
    while i + 1 < len(words) and i + 1 not in inside and only_noun(words[i + 1].text):
        i += 1
    # A head that can be a verb too ("which kernel *hook* ...") is the parse's head of the wh-phrase.
    phrase = wh_phrase(text)[0] if text is not None and i + 1 < len(words) and i + 1 not in inside else []
    if len(phrase) > 2 and phrase[-2] == words[i].lower and phrase[-1] == words[i + 1].lower:
        i += 1
    copula = any(w.lower in ("is", "are") for w in words[start:i])
    if copula and i + 1 < len(words) and is_participle(words[i + 1].text) and not only_noun(words[i + 1].text):
        return None, at  # "What is gravel *capped* at?": the noun is a passive's subject, not what is asked
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
            while j < len(lower) and lower[j] in ARTICLES:
                j += 1
            end = j
            while end < len(lower) and tokens[end].is_word and lower[end] not in STOPWORDS:
                end += 1
            definite = i > 0 and lower[i - 1] in ("the", "its", "their")
            return (j, lower[end - 1], definite) if end > j else None
    return None


def is_participle(word: str) -> bool:
    """Tell whether ``word`` is an inflected verb form and no noun ("used", "stored"; not "runs": a noun too)."""
    entry = getAllLemmas(word.lower())
    return "NOUN" not in entry and any(form != word.lower() for form in entry.get("VERB", ()))


def only_noun(word: str) -> bool:
    """Tell whether ``word`` can only be a noun ("genre", "co-writers"; not "stars", "directed", "is")."""
    lower = word.lower()
    if lower in STOPWORDS or word != lower or not lower.replace("-", "").isalpha():
        return False
    forms = set(getAllLemmas(lower))
    return forms == {"NOUN"} or (not forms and lower.endswith("s") and "-" in lower)


#: The spaCy pipelines loaded so far in this process, by what they are for ("parser", "recogniser").
_pipelines: dict[str, object] = {}
_pipelines_lock = threading.Lock()


def _loaded_once(key: str, load):
    """Return the pipeline ``load()`` gives, loaded once per process on first use under ``key``."""
    found = _pipelines.get(key)
    if found is None:
        with _pipelines_lock:
            found = _pipelines.get(key)
            if found is None:
                found = _pipelines[key] = load()
    return found


def parser():
    """Return the ingestion's spaCy pipeline, loaded once per process on first use."""
    from kg.ingest.parse import load_parser

    return _loaded_once("parser", load_parser)


@lru_cache(maxsize=4096)
def parse(text: str):
    """Return the spaCy parse of ``text``, cached: a note's sentences are read again for many questions."""
    return parser()(text)


def recogniser():
    """Return the spaCy named-entity recogniser (``kg.ingest.parse.load_recogniser``), loaded on first use."""
    from kg.ingest.parse import load_recogniser

    return _loaded_once("recogniser", load_recogniser)


@lru_cache(maxsize=4096)
def entities(text: str) -> tuple[tuple[int, int, str], ...]:
    """Return the named entities of ``text``: character start, end and spaCy label ("PERSON", "DATE", ...)."""
    return tuple((e.start_char, e.end_char, e.label_) for e in recogniser()(text).ents)


#: Parts of speech a clause that only wraps a question may hold ("Do you know ...", "I'd like to know ...",
#: "Tell me ..."): pronouns, verbs and their auxiliaries, particles, interjections ("please"), punctuation.
_WRAPPER_POS = frozenset("PRON AUX VERB PART INTJ PUNCT".split())
#: The tags of wh-words (what, which, who, whose, where, when, why, how).
_WH_TAGS = frozenset("WP WP$ WDT WRB".split())


def embedded_question(text: str) -> str | None:
    """Return the wh-question a request or statement wraps, in its own words, or None.

    "Do you know which port the mill uses?", "I'd like to know what a heddle is", "Tell me who owned
    the mill": the words before the wh-word name no thing (no noun, name, number or adjective: only
    pronouns, verbs, particles, "please") and the wh-clause hangs from them, so they ask nothing of their
    own, and the clause from the wh-word on ("which port the mill uses") is the question; "what a heddle
    is" is asked as "what is a heddle?". A question that starts with its wh-word, or whose words before
    it name something ("the mill that ...") or stand apart from it ("Heddle: what is it?"), is None.
    """
    lowered = [w.lower() for w in re.findall(r"[A-Za-z']+", text)]
    if not lowered or lowered[0] in WH_WORDS or not WH_WORDS & set(lowered[1:]):
        return None
    doc = parse(text)
    wh = next((t for t in doc if t.tag_ in _WH_TAGS and t.lower_ in WH_WORDS), None)
    if wh is None or wh.i == 0:
        return None
    wrapper = doc[: wh.i]
    if not any(t.pos_ == "VERB" for t in wrapper) or any(t.pos_ not in _WRAPPER_POS for t in wrapper):
        return None
    if any(t.pos_ == "PRON" and t.tag_ != "PRP" for t in wrapper):
        return None  # "that", "this": a thing the clause may be about
    if not any(a.i < wh.i for a in wh.ancestors):
        return None  # a question of its own after the words before it ("Rebase: what is it?"), not wrapped
    words = [t for t in doc[wh.i :] if not t.is_punct]
    if len(words) > 2 and words[-1].lemma_ == "be" and wh.lower_ in ("what", "who"):
        # "what containers are": the copula ends the clause as a statement's order has it; asked directly,
        # it follows the wh-word ("what are containers?"), not read as "what containers" (which ones).
        return f"{wh.text} {words[-1].text} {text[words[1].idx : words[-2].idx + len(words[-2].text)]}?"
    clause = text[wh.idx :].strip()
    return clause if len(clause.split()) > 1 else None


@lru_cache(maxsize=4096)
def phrasal_verbs(text: str) -> dict[str, str]:
    """Return the question's verbs said with a particle that WordNet knows as one verb, each as written mapped
    to the phrase ("Which crew *put together* the stage?": "put" to "put together"; a three-word phrase keeps
    both words after its verb).

    The particle is the verb's own (its ``prt``), or a preposition right after it ("looks after"); the phrase
    must be one ``kg.synonyms`` knows (``is_phrasal_verb``), so "walked up the hill" stays "walked".
    """
    found: dict[str, str] = {}
    if not may_say_phrasal_verb(re.findall(r"[a-z]+", text.lower())):
        return found  # no verb of the table before one of its particles: no parse (the parser loads slowly)
    for token in parse(text):
        if token.pos_ != "VERB":
            continue
        after = [c for c in token.children if c.dep_ == "prt" or (c.dep_ == "prep" and c.i == token.i + 1)]
        for particle in after:
            longer = [c for c in token.children if c.dep_ == "prep" and c.i == particle.i + 1]
            candidates = [f"{token.lower_} {particle.lower_} {c.lower_}" for c in longer]
            candidates.append(f"{token.lower_} {particle.lower_}")
            phrase = next((p for p in candidates if is_phrasal_verb(p)), None)
            if phrase is not None:
                found[token.lower_] = phrase
                break
    return found


@lru_cache(maxsize=1024)
def parse_named(text: str, names: tuple[tuple[int, int], ...]):
    """Return the parse of ``text`` with each name span (character offsets) read as a pronoun.

    The small English model tags a product name before a verb as part of a noun compound ("Does
    Redshift support SQL": "support" a noun); the ingestion merges names for that reason (issue 9), and
    a question's linked names are read the same way: a name spanning words becomes one token, and every
    name is normed as "it", which the tagger reads as the pronoun it is standing for.
    """
    nlp = parser()
    doc = nlp.make_doc(text)
    spans = [doc.char_span(start, end, alignment_mode="expand") for start, end in names]
    spans = [span for span in spans if span is not None]
    taken: set[int] = set()
    with doc.retokenize() as retokenizer:
        for span in spans:
            if len(span) > 1 and not any(t.i in taken for t in span):
                taken.update(t.i for t in span)
                retokenizer.merge(span, attrs={"NORM": "it"})
    for start, end in names:  # found again: the merges moved the token positions
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span) == 1:
            span[0].norm_ = "it"
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc


def name_spans(reading: Reading, links: list[Link]) -> tuple[tuple[int, int], ...]:
    """Return the character spans of ``links`` in the question's text (a follow-up's empty link has none).

    These are the spans ``parse_named`` and ``main_verb`` read as names.
    """
    return link_spans(reading.words, links)


def link_spans(words: list[Token], links: list[Link]) -> tuple[tuple[int, int], ...]:
    """Return the character spans in the text of ``links`` over the question's ``words`` (see ``name_spans``)."""
    return tuple(
        (words[link.start].start, words[link.end - 1].end) for link in links if 0 <= link.start < link.end <= len(words)
    )


def subordinator_words(text: str, names: tuple[tuple[int, int], ...] = ()) -> frozenset[str]:
    """Return the adverbs the parse reads as the core of a subordinator ("soon" in "as soon as it is read").

    An adverb between two "as" whose second one opens a clause with a subject of its own makes, with
    them, a conjunction such as "when" or "while": grammar, which a sentence says with a conjunction of
    its own, not a content word it must repeat. A comparison ("as fast as its rival sails", "... as
    its rival does") repeats a word of the question as that clause's verb, or stands a bare
    auxiliary for it: there the adverb is the quality compared, and stays.
    """
    doc = parse_named(text, names)
    found = set()
    for t in doc:
        if t.pos_ != "ADV" or not any(c.lower_ == "as" and c.i < t.i for c in t.children):
            continue
        for clause in (c for c in t.children if c.dep_ == "advcl" and c.i > t.i):
            opened = any(c.dep_ == "mark" and c.lower_ == "as" for c in clause.children)
            subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)
            inside = {u.i for u in clause.subtree}
            # "as its rival does": a bare auxiliary stands for the question's own verb.
            bare = clause.pos_ == "AUX" and all(
                c.dep_ in ("nsubj", "nsubjpass", "mark", "neg") for c in clause.children
            )
            repeated = any(u.pos_ != "AUX" and lemmas(u.text) & lemmas(clause.text) for u in doc if u.i not in inside)
            if opened and subject and not (bare or repeated):
                found.add(t.lower_)
    return frozenset(found)


def condition_spans(text: str, names: tuple[tuple[int, int], ...] = ()) -> tuple[tuple[int, int], ...]:
    """Return the character spans of the clauses a subordinating conjunction opens ("if the alarm is on").

    Such a clause states the condition under which the question's main clause is asked ("Is the gate
    locked *if the alarm is on*?"): a fact about what the condition names settles the condition,
    not the question. By the parse: an adverbial clause opened by a marker of its own ("if", "after"), or
    by a wh-adverb the model reads as its modifier ("when", "where").
    """
    doc = parse_named(text, names)
    spans = []
    for token in doc:
        if token.dep_ == "advcl" and any(
            c.dep_ == "mark" or (c.dep_ == "advmod" and c.tag_ == "WRB" and c.i < token.i) for c in token.children
        ):
            words = list(token.subtree)
            spans.append((words[0].idx, words[-1].idx + len(words[-1])))
    return tuple(spans)


def restrictive_spans(text: str, names: tuple[tuple[int, int], ...] = ()) -> tuple[tuple[int, int], ...]:
    """Return the character spans of the relative clauses on the question's nouns ("the crates *it ships to
    the depot*", "crates *packed by the mill*"): they say which things are meant, not what is asked of
    them. By the parse: a clause whose verb hangs on a noun as a relative clause or a participle."""
    doc = parse_named(text, names)
    spans = []
    for token in doc:
        if token.dep_ in ("relcl", "acl") and token.pos_ in ("VERB", "AUX") and token.head.pos_ in ("NOUN", "PROPN"):
            words = list(token.subtree)
            spans.append((words[0].idx, words[-1].idx + len(words[-1])))
    return tuple(spans)


#: Dependencies of a noun's modifier: a compound's first part ("the harbour cranes"), a possessor.
_MODIFIERS = frozenset("compound nmod poss".split())


def modified_noun(text: str, span: tuple[int, int]) -> str | None:
    """Return the lowercase noun that the name at ``span`` (character offsets) modifies, or None.

    "What repairs Acme cranes?" names Acme only to say which cranes: the question is about the
    cranes, and a fact about Acme itself answers another one. By the plain parse (a name read as a
    pronoun cannot modify): the name's last word is the possessor of a noun after it ("Acme's crane"),
    or a compound's first part before a plural noun. One named thing is no plural's referent, while
    a singular noun may be the name's own kind ("the Acme crane" is Acme, a crane).
    """
    end = span[1]
    doc = parse(text)
    last = next((t for t in doc if t.idx < end <= t.idx + len(t.text)), None)
    if last is None or last.dep_ not in _MODIFIERS or last.head.pos_ not in ("NOUN", "PROPN"):
        return None
    if last.head.idx < end or (last.dep_ != "poss" and last.head.tag_ not in ("NNS", "NNPS")):
        return None
    return last.head.lower_


#: The parts of speech of a name: a mention whose head is none of these is a word of the asked clause.
NAMING_POS = frozenset(("NOUN", "PROPN", "NUM"))
#: The dependencies that keep a word inside the noun it narrows ("which *request* header").
_IN_NOUN = frozenset(("compound", "amod", "nmod"))


def incidental(text: str, span: tuple[int, int]) -> bool:
    """Tell whether the mention at ``span`` (character offsets) places no thing the answer must be said of.

    Two kinds, by the plain parse: a mention inside the wh-phrase ("which *supplier*", "which *request*
    header") names the asked kind, which the answer is, not a thing beside it ("which version *of X*" names
    X beside it); and a mention whose head is no noun ("put *up*", "*use*") is a word of the asked clause
    that happens to name a concept.
    """
    doc = parse(text)
    span_ = doc.char_span(*span, alignment_mode="expand")
    if span_ is None:
        return False
    token = span_.root
    if token.pos_ not in NAMING_POS:
        return True
    while True:
        if any(c.tag_ in WH_TAGS and c.dep_ in ("det", "poss") for c in token.children):
            return True
        if token.dep_ not in _IN_NOUN or token.head.i == token.i:
            return False
        token = token.head


#: The forms of "be" that agree with a plural subject: "What *are* the ...?" asks for several things.
PLURAL_BE = frozenset(("are", "were"))


def asks_for_several(text: str) -> bool:
    """Tell whether a wh-question asks for several things: its wh-word determines a plural noun ("which
    *solvents*", "what kinds of ...") or is the complement of a plural "be" ("what *are* the ...").

    By the parse: a wh-word with a singular noun ("which room") or none ("what holds ...") asks for one.
    """
    doc = parse(text)
    for token in doc:
        if token.tag_ not in WH_TAGS:
            continue
        if token.dep_ == "det" and token.head.tag_ in ("NNS", "NNPS"):
            return True
        return token.head.lower_ in PLURAL_BE and token.dep_ in ("attr", "nsubj") and token.head.dep_ == "ROOT"
    return False


#: The auxiliary of do-support ("*Does* it open ...?"): the verb it leads is a bare infinitive.
DO_SUPPORT = frozenset(("do", "does", "did"))


def main_verb(text: str, names: tuple[tuple[int, int], ...] = ()) -> str | None:
    """Return the lowercase main verb of a question (its parse's root, when a verb; a passive's participle), or None.

    ``names`` are the character spans of the question's linked names, read as pronouns (see
    ``parse_named``: a name before its verb may be read as part of a noun compound otherwise).
    """
    doc = parse_named(text, names)
    root = root_of(doc)
    if root is not None and len(doc) and doc[0].lower_ in DO_SUPPORT and root.tag_ in ("VBN", "VBD"):
        # "Does saved output stay ...?": after "do" the verb is a bare infinitive, so a participle the parser
        # made the root ("copied") modifies a noun, and the bare verb after it is the one asked about.
        bare = next((t for t in doc if t.i > root.i and t.tag_ == "VB" and t.pos_ == "VERB"), None)
        if bare is not None:
            return bare.lower_
    if root is not None and root.pos_ == "AUX":
        # "Is the gate locked when ...?": the parser may hang a passive's participle off the auxiliary (as
        # its complement) or off the subject (as a clause of the noun); it is the verb asked about.
        subjects = {t.i for t in root.children if t.dep_ in ("nsubj", "nsubjpass")}
        hung = [
            t
            for t in doc
            if (t.head.i == root.i and t.dep_ in ("xcomp", "ccomp")) or (t.head.i in subjects and t.dep_ == "acl")
        ]
        # A participle the tagger may read as a past tense ("kept"): either form, as a verb.
        participle = next((t for t in hung if t.pos_ == "VERB" and t.tag_ in ("VBN", "VBD")), None)
        return participle.lower_ if participle is not None else None
    return root.lower_ if root is not None and root.pos_ == "VERB" else None


#: Dependencies of the words that make a noun phrase's name with its head ("the *steam* press").
_NAME_PARTS = frozenset("compound amod nmod".split())


def question_subject(text: str, names: tuple[tuple[int, int], ...] = ()) -> list[str]:
    """Return the lowercase words of the question's subject ("Does *the old kiln* burn peat?"), or [].

    The subject's head with the compounds and modifiers before it, no article; a pronoun ("Can I ...?") is
    none. A yes/no question's subject places it in a sentence that says two things of two subjects.
    """
    doc = parse_named(text, names)
    root = root_of(doc)
    subject = next((t for t in root.children if t.dep_ in ("nsubj", "nsubjpass")), None) if root is not None else None
    if subject is None or subject.pos_ == "PRON":
        return []
    before = [t for t in subject.lefts if t.dep_ in _NAME_PARTS]
    return [w for t in (*before, subject) for w in t.lower_.split()]


#: Dependencies of a verb that heads a clause of its own (the question's, a relative's, a subordinate's, a
#: gerund's after a preposition: "stops the dye from *staining* a cloth"):
#: a verb in one of these places says what is done, not what is spoken of. A verb that fills an argument
#: slot of another ("*stopping* an instance keeps ...") names an event, and may name a concept.
_CLAUSE_HEADS = frozenset("ROOT relcl ccomp xcomp advcl acl conj pcomp".split())
#: A verb's subject or object: a verb with one of them, a noun or pronoun, acts as a verb in its clause.
_VERB_ARGUMENTS = frozenset("nsubj nsubjpass dobj obj".split())
_NOMINAL = frozenset("NOUN PROPN PRON".split())


def acting_verbs(
    text: str, names: tuple[tuple[int, int], ...], words: tuple[tuple[int, int], ...]
) -> frozenset[tuple[int, int]]:
    """Return the spans among ``words`` (character offsets) that the parse reads as a clause's verb.

    A lowercase word of the question can be the verb it asks with ("which engines does X *support*")
    and the name of a concept a note made of the same word ("support"): said as the verb of a clause,
    with arguments of its own (a clause as its subject counts), or a base form that "do" helps, it names
    the relation asked for, not a thing. ``names`` are the
    question's linked names, read as pronouns so that the tagger sees a verb after them (see
    ``parse_named``).
    """
    if not words:
        return frozenset()
    doc = parse_named(text, names)
    found = set()
    for start, end in words:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) != 1:
            continue
        token = span[0]
        if (
            (token.pos_ == "VERB" or _helped_noun(token))
            and token.dep_ in _CLAUSE_HEADS
            and (
                any(child.dep_ in _VERB_ARGUMENTS and child.pos_ in _NOMINAL for child in token.children)
                or (token.pos_ == "VERB" and any(child.dep_ == "csubj" for child in token.children))
                or _base_form_after_do(token)
            )
            and (token.pos_ != "VERB" or not _inflected_after_do(token))
        ):
            found.add((start, end))
    return frozenset(found)


def _base_form_after_do(token) -> bool:
    """Tell a verb's base form that "do" or a modal helps, whatever the parse made of its subject ("When does
    the last shift *end*?", the name read as a compound; "What do vans hired by X *run* on?", the subject
    read as a clause): only a verb takes that auxiliary and that form."""
    lower = token.lower_
    return _helped(token) and token.tag_ in ("VB", "NN") and lower in getAllLemmas(lower).get("VERB", ())


def _helped(token) -> bool:
    """Tell whether ``token`` takes "do" or a modal as its auxiliary ("*does* X tow", "*may* X tow")."""
    return any(c.dep_ == "aux" and (c.lemma_ == "do" or c.tag_ == "MD") for c in token.children)


def _helped_noun(token) -> bool:
    """Tell a word tagged as a noun that takes "do" or a modal as its auxiliary: a verb ("What does a rope
    winch *winch*?" read as one compound noun); only a verb has an auxiliary."""
    return token.pos_ == "NOUN" and _helped(token)


def _inflected_after_do(token) -> bool:
    """Tell whether a verb the parse found after "do" or a modal is inflected: a misreading.

    "Does X *tow* barges?" takes the bare form; a parse that makes "barges" the verb after "does" took a
    noun for a verb (and "tow", the verb, for a noun). A passive takes the participle ("Can X *be towed*?").
    """
    passive = token.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in token.children)
    return _helped(token) and token.tag_ != "VB" and not passive


def asks_what_it_does(text: str) -> bool:
    """Tell whether a question's own verb is the pro-verb "do" ("What does the flag *do*?", "Explain what
    the flag *does*"): it asks what the thing does, which the kind it belongs to does not say.

    A name the parser splits into a verb ("What does pip *freeze* do?") may take the root: a "do" that
    ends a question opened by "what" and a form of "do" is the pro-verb all the same.
    """
    words = [w.lower() for w in re.findall(r"[\w'-]+", text)]
    if len(words) > 3 and words[0] == "what" and words[1] in DO_SUPPORT and words[-1] == "do":
        return True
    # "Explain what the flag does": the pro-verb heads a clause the request takes, with "what" its object.
    return any(
        t.lemma_ == "do" and t.pos_ == "VERB" and (t.dep_ == "ROOT" or any(c.lower_ == "what" for c in t.children))
        for t in parse(text)
    )


def _wh_subject_verb(text: str, at: int) -> bool:
    """Tell whether the wh-word (the ``at``-th word) is a pronoun subject and the next word its clause's verb,
    by the parse: "What *feeds* into X?", "Which *keeps* the key?", not "What *runs* did X score?"."""
    words = [t for t in parse(text) if not t.is_punct]
    if at + 1 >= len(words):
        return False
    wh, after = words[at], words[at + 1]
    return (
        wh.pos_ == "PRON"
        and wh.dep_ == "nsubj"
        and wh.head.i == after.i
        and after.pos_ in ("VERB", "AUX")
        and after.dep_ == "ROOT"  # "Which brine jars did X fill?": a noun the tagger made a verb is no root
    )


def wh_phrase(text: str) -> tuple[list[str], str | None]:
    """Return the lowercase words of the question's wh-phrase and the role it plays for its verb.

    The words: "which", "storage", "class" of "which storage class ...", or the wh-word alone ("what",
    "where"); [] when no wh-word opens a phrase. The role: "subject" (the doer: "who steers X", "who is X
    steered by"),
    "object" ("what does X steer", "which X is steered"), "oblique" ("where", "from what"), or None.
    """
    # Typed questions often lack the capital and the mark the parser was trained on ("which x films were
    # ..." parses "which" as a pronoun): both are restored, which moves no word.
    text = text.strip()
    if text[-1:].isalnum():
        text += "?"
    doc = parse(text[:1].upper() + text[1:])
    words = [t.lower_ for t in doc if not t.is_punct]
    for token in doc:
        if token.tag_ not in WH_TAGS:
            continue
        head = token.head
        # "Who was it founded by?", "By whom ...": the agent of a passive is the doer.
        agent = token.tag_ != "WRB" and (words[-1:] == ["by"] or head.lower_ == "by")
        if token.dep_ == "det" and head.pos_ in ("NOUN", "PROPN"):
            while head.head.i == head.i + 1 and (
                head.head.pos_ in ("NOUN", "PROPN") or head.head.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj")
            ):
                # "which kernel hook ...": the determiner hangs on the compound's first noun, which the
                # tagger may also take for a subject of the next one (and the head, a subject, for a verb).
                head = head.head
            modifiers = [c.lower_ for c in head.lefts if c.dep_ in ("compound", "amod") or c.i > token.i]
            role = "subject" if agent else _ROLES.get(head.dep_)
            if not agent and _stranded_after_auxiliary(doc, head):
                role = "oblique"  # "Which quarry do the slates come from?", whatever the parser made of "quarry"
            return [token.lower_, *modifiers, head.lower_], role
        role = "oblique" if token.tag_ == "WRB" else _ROLES.get(token.dep_)
        if role == "subject" and _subject_after_do(token):
            # "What does polishing dull?" parsed with two subjects: after "do" comes the subject, so the
            # wh-word before it is what the verb is done to.
            role = "object"
        return [token.lower_], "subject" if agent else role
    return [], None


def _stranded_after_auxiliary(doc, head) -> bool:
    """Tell whether the wh-phrase headed by ``head`` is the object of a preposition left at the question's end:
    an auxiliary follows the phrase and a preposition (not a particle, not the agent's "by") ends the question
    ("Which quarry do the slates come *from*?", "Which yard does the mill get its oak *from*?")."""
    words = [t for t in doc if not t.is_punct]
    after = doc[head.i + 1] if head.i + 1 < len(doc) else None
    if not words or after is None or after.pos_ != "AUX" or words[-1].i <= after.i:
        return False
    last = words[-1]
    return last.tag_ == "IN" and last.lower_ != "by" and not any(c.dep_ == "pobj" for c in last.children)


def _subject_after_do(wh) -> bool:
    """Tell whether a form of "do" follows the wh-word and another subject of its verb follows that."""
    verb = wh.head
    do = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ in DO_SUPPORT and c.i > wh.i), None)
    return do is not None and any(c.dep_ == "nsubj" and c.i > do.i for c in verb.children)


#: The role a question's wh-phrase plays for its verb, by its dependency label.
_ROLES = {"nsubj": "subject", "dobj": "object", "nsubjpass": "object", "pobj": "oblique"}


@dataclass(frozen=True)
class Request:
    """A request to say something, read from its parse: its verb and what it asks to be said.

    ``verb`` is the word position of the request's verb; ``objects`` the word positions of the heads of
    its objects (direct objects, and a clause it takes); ``wh_clause`` tells an embedded question
    ("tell me *who* ...") as the thing asked.
    """

    verb: int
    objects: tuple[int, ...]
    wh_clause: bool
    #: Word positions of the verb's particles ("spell *out*", "look *up*"): part of the verb, not content.
    particles: tuple[int, ...] = ()


def read_request(text: str, words: list[Token]) -> Request | None:
    """Read a request ("Name the X", "List X", "Can you name a Y by X?") by its parse, or None.

    A request is an imperative (a verb at the root with no subject, first among the words) or a question
    addressed to "you" that opens with a modal ("could you ..."). Only such questions are parsed: the
    words decide first whether one can be a request at all.
    """
    if not words:
        return None
    addressed = len(words) > 2 and words[0].lower in MODALS and words[1].lower == "you"
    if not addressed and (words[0].lower in WH_WORDS or words[0].lower in AUX_START):
        return None  # a wh-question or a yes/no question, not an imperative
    doc = _parse_words(text, words)
    if doc is None:
        return None
    at = {t.start: i for i, t in enumerate(words)}
    root = root_of(doc)
    if root is None or root.pos_ != "VERB" or root.idx not in at:
        return None
    subjects = [t for t in root.children if t.dep_ in SUBJECT_DEPS]
    if addressed:
        if [t.lower_ for t in subjects] != ["you"]:
            return None
    elif subjects or at[root.idx] != 0:
        return None
    objects = [t for t in root.children if t.dep_ in ("dobj", "ccomp", "xcomp", "attr", "oprd")]
    wh_clause = any(t.tag_ in WH_TAGS for o in objects if o.dep_ != "dobj" for t in o.subtree)
    heads = tuple(at[o.idx] for o in objects if o.idx in at)
    particles = tuple(at[t.idx] for t in root.children if t.dep_ == "prt" and t.idx in at)
    return Request(at[root.idx], heads, wh_clause, particles)


def fragment_noun(text: str, words: list[Token], inside: Collection[int], request: Request | None) -> str | None:
    """Return the noun a question without a wh-word asks for: a request's object, or a bare noun phrase's head.

    "Could you list some rivers crossing X" and "a couple of rivers crossing X" ask for rivers as
    "which rivers cross X" does, with no wh-word to mark the asked noun: the parse does. The object of
    a request's verb, or the head of a question that is a noun phrase, names it, unless a name the
    question links (a position in ``inside``) stands there. None for a wh-question or a yes/no question.
    ``request`` is the question's request as :meth:`Reading.request` read it (parsed once per question).
    """
    if not words or any(w.lower in WH_WORDS for w in words) or words[0].lower in AUX_START - MODALS:
        return None
    doc = _parse_words(text, words)
    if doc is None:
        return None
    at = {w.start: i for i, w in enumerate(words)}
    by_position = {at[t.idx]: t for t in doc if t.idx in at}
    if request is not None:
        heads = [o for o in request.objects if o not in inside]
    else:
        heads = [i for i, t in by_position.items() if t.dep_ == "ROOT" and i not in inside]
    head = by_position.get(heads[0]) if heads else None
    return head.lower_ if head is not None and head.pos_ == "NOUN" else None


def _parse_words(text: str, words: list[Token]):
    """Parse ``text`` so that its tokens start where the question's words do (None if they cannot)."""
    nlp = parser()
    doc = nlp(text)
    root = root_of(doc)
    first = words[0].text
    if root is not None and root.pos_ != "VERB" and first[:1].isupper() and "VERB" in getAllLemmas(first.lower()):
        # The small English model reads a capitalised imperative before a name ("Name AWS's ...") as part of
        # the name; read again with the first word in lowercase, as a verb.
        doc = nlp(text[: words[0].start] + first.lower() + text[words[0].end :])
    starts = {t.idx for t in doc}
    return doc if all(w.start in starts for w in words) else None


def is_request(
    text: str, words: list[Token], names: list[tuple[int, int]], relation_words: Collection[str] = ()
) -> bool:
    """Tell a polite request ("can you name a book by X") from a yes/no question ("can you stop X?").

    By the parse: a question to "you" opening with a modal whose verb takes as object the thing asked
    for, not one of the question's ``names`` (word spans), and says nothing else: a verb that names a
    relation of the graph (one of ``relation_words``) asks whether the relation holds. "Could you name a
    book by X" asks for a book; "could you stop an instance" whether the instance can be stopped. An
    embedded question as object ("could you tell me who ...") asks for its answer.
    """
    if len(words) < 3 or words[0].lower not in MODALS or words[1].lower != "you":
        return False
    request = read_request(text, words)
    if request is None:
        return False
    if request.wh_clause:
        return True
    if words[request.verb].lower in relation_words:
        return False
    named = {i for start, end in names for i in range(start, end)}
    return any(o not in named for o in request.objects)


#: Conjunctions and wh-words that open a subordinate clause inside a question: closed-class grammar.
SUBORDINATORS = frozenset("when whenever if because while although though unless once since".split())


def is_negated(words: list[Token]) -> bool:
    """Tell whether a "not" stands inside the question ("Doesn't X save Y?" asks whether X saves Y).

    A "not" in a clause a subordinator opens negates that clause, not what is asked: "Where is the key
    kept, if not in the vault?" asks where it is kept, "Who signs it when the head is not in?" who
    signs it. Such a clause runs from its subordinator to the next comma or the end.
    """
    subordinate = False
    for t in words[1:]:
        if t.lower in SUBORDINATORS:
            subordinate = True
        elif t.text == ",":
            subordinate = False
        elif (t.lower in NEGATIONS or t.lower.endswith("n't")) and not subordinate:
            return True
    return False


def is_yes_no(
    text: str, words: list[Token], names: list[tuple[int, int]], relation_words: Collection[str] = ()
) -> bool:
    """Tell a yes/no question (opening with an auxiliary) from a polite request ("can you name ...")."""
    return bool(words) and words[0].lower in AUX_START and not is_request(text, words, names, relation_words)


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


#: Closed-class words a long form may hold without a letter in its short form ("Bureau *of* Statistics").
_UNLETTERED = frozenset("of and the for to in on a an".split())


def _letters(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


def is_short_form(text: str) -> bool:
    """Tell whether ``text`` can be a short form: one token ("EC2", "pub/sub"), or capitals in two or more
    words ("QA DSS"), not a phrase."""
    words = text.split()
    return len(words) == 1 or (len(words) > 1 and all(w.isupper() and len(w) > 1 for w in words))


def abbreviates(short: str, name: str) -> bool:
    """Tell whether ``short`` can be a short form of ``name``: its letters in order, the first one opening a word.

    Lenient, for a short form the graph itself records ("EC2" of "Amazon Elastic Compute Cloud"), where
    it only has to rule out a record that no reading of the letters supports ("XQ" of "queue"). A short
    form of three letters or more may carry one letter its name does not spell ("DAX" of "DynamoDB
    Accelerator": coined short forms often add a letter for the sound).
    """
    # Digits count nothing here: "EC2" names two C's, which no letter-by-letter reading finds.
    letters, lower = "".join(ch for ch in short.lower() if ch.isalpha()), name.lower()
    if not letters or not is_short_form(short) or len(_letters(name)) <= len(_letters(short)):
        return False
    spare = 1 if len(letters) >= 3 else 0
    opening = [at for at, ch in enumerate(lower) if ch == letters[0] and (at == 0 or not lower[at - 1].isalnum())]
    return any(_unspelt(letters[1:], lower[at + 1 :]) <= spare for at in opening)


def _unspelt(letters: str, text: str) -> int:
    """Count the ``letters`` that ``text`` does not spell in order (each found one is read past)."""
    missing, at = 0, 0
    for ch in letters:
        found = text.find(ch, at)
        if found < 0:
            missing += 1
        else:
            at = found + 1
    return missing


def expansion(short: str, name: str) -> str | None:
    """Return the words of ``name`` that ``short`` strictly abbreviates, or None.

    Strict, for a short form the graph does not record: the short form's letters split, in order, into
    one non-empty prefix of each of two or more consecutive words of the name ("NFS": Network File
    System; "pub/sub": publish subscribe), closed-class words ("of", "and") taking a prefix or nothing,
    and a word in capitals (a short form of its own) its initial only.
    """
    letters = _letters(short)
    spans = [(m.start(), m.end(), m.group().lower()) for m in _WORD.finditer(name)]
    if len(letters) < 2 or len(spans) < 2 or not is_short_form(short):
        return None
    if not any(w.startswith(letters[0]) for _, _, w in spans):
        return None  # the first letter opens no word: the common case, decided without the search below
    best = None
    for first in range(len(spans)):
        for last in range(first + 1, len(spans)):
            # A word in capitals is a short form itself ("AA" in "AA Authoritative Answer"): its initial only.
            words = [w[:1] if name[a:b].isupper() else w for a, b, w in spans[first : last + 1]]
            if words[0] in _UNLETTERED or words[-1] in _UNLETTERED:
                continue
            if splits_into_prefixes(letters, words, _UNLETTERED):
                text = name[spans[first][0] : spans[last][1]]
                if _letters(text) == letters:
                    continue  # "B-tree" spells "B-tree": every word whole, so nothing is abbreviated
                if best is None or len(text) > len(best):
                    best = text
    return best


@dataclass(frozen=True)
class RelationPhrase:
    """What a question says of its topic besides names: its verb phrase, and the topic's place in it.

    ``words`` are the verb phrase's words in order ("sat down at" of "who sat down at X"), with the
    topic, the wh-word, auxiliaries, determiners, pronouns and adverbs left out, and so the asked-for
    type: nothing of what the answer is called. ``subject`` tells whether the topic stands before the verb
    (the subject of "what does X feed into", of "what is X fed into"); ``passive`` whether the verb is a
    passive participle after a form of "be".
    """

    words: tuple[str, ...]
    subject: bool
    passive: bool


#: Parts of speech a relation's words may have: verbs, their particles and prepositions, nouns and
#: adjectives of a phrase ("take part in"). Determiners, pronouns, adverbs and auxiliaries say nothing
#: of which relation is meant.
_PHRASE_POS = frozenset("VERB ADP PART NOUN ADJ".split())
_CONTENT = frozenset("VERB NOUN PROPN ADJ NUM".split())
_FRONTED = frozenset("at in on to from for with by of into".split())
#: Dependencies that open a clause of its own ("after waiting an hour", "the boat *she sails in*"): its
#: verb says something else than the relation asked for.
_SUBORDINATE = frozenset("advcl relcl acl ccomp pcomp csubj conj parataxis".split())


#: How a topic may stand to the verb: its subject or object, or the object of the verb's preposition.
_ARGUMENTS = frozenset("nsubj nsubjpass dobj obj dative attr".split())


def _argument(topic, verb_at: int) -> bool:
    """Tell whether the ``topic`` token is an argument of the main verb (at ``verb_at``), directly or by a preposition.

    "What does X feed into", "what feeds X", "what is fed from X": the phrase says a relation of X. In
    "what does Y use instead of X" the topic stands beside the relation, whose subject is another.
    """
    head = topic.head
    if topic.dep_ in _ARGUMENTS:
        return head.i == verb_at or _verb_chain(head, verb_at)
    if topic.dep_ == "pobj" and head.dep_ in ("prep", "agent"):
        return head.head.i == verb_at or _verb_chain(head.head, verb_at)
    return False


def _verb_chain(token, verb_at: int) -> bool:
    """Tell whether ``token`` is the main verb or a verb it takes as its complement ("lets you *X*")."""
    while token.i != verb_at and token.dep_ == "xcomp" and token.head.i != token.i:
        token = token.head
    return token.i == verb_at


def _subordinate(token) -> bool:
    """Tell whether ``token`` stands in a clause below the question's main one."""
    while token.head.i != token.i:
        if token.dep_ in _SUBORDINATE:
            return True
        token = token.head
    return False


def relation_phrase(text: str, words: list[Token], topic: tuple[int, int], asked: str | None) -> RelationPhrase | None:
    """Return the verb phrase a question says of its topic (word positions ``topic``), or None.

    The asked-for type ``asked`` (a noun key) and the other words of the wh-phrase are left out: they say
    what the answer is, which only the answers' kind can check. None when no verb remains (a question of
    names alone) or the topic is not in the parse.
    """
    if not 0 <= topic[0] < topic[1] <= len(words):
        return None
    span = (words[topic[0]].start, words[topic[1] - 1].end)
    doc = parse_named(text, (span,))
    wh, _ = wh_phrase(text)
    wh_words = set(wh)
    kept: list[str] = []
    verb_at, topic_at, has_verb = None, None, False
    for token in doc:
        if token.idx <= span[0] < token.idx + len(token.text) or span[0] <= token.idx < span[1]:
            topic_at = token.i if topic_at is None else topic_at
            continue
        low = token.lower_
        if not token.text[:1].isalnum() or low in WH_WORDS or low in wh_words or low in CLASSIFIERS:
            continue
        if asked and noun_key(low) == asked:
            continue
        if _subordinate(token):
            if token.pos_ in _CONTENT:
                return None  # "X you have painted": a clause narrows the topic, which no relation's name says
            continue
        if token.pos_ == "AUX" or token.pos_ not in _PHRASE_POS or low in GENERIC_NOUNS:
            continue
        if token.pos_ == "VERB":
            has_verb = True
            verb_at = token.i if verb_at is None else verb_at
        kept.append(low)
    if not has_verb or topic_at is None or not kept or not _argument(doc[topic_at], verb_at):
        return None
    # A preposition fronted with the wh-phrase ("at which port was X built") belongs after the verb.
    while kept[0] in _FRONTED and len(kept) > 1:
        kept.append(kept.pop(0))
    return RelationPhrase(tuple(kept), topic_at < verb_at, is_passive(words))
