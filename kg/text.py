"""Tokenise English text and compare words by their lemmas.

Ingestion and question answering both need to see "creates", "created" and "create" as one word and
"instances" as "instance". lemminflect (a lookup table with an out-of-vocabulary fallback) gives the
lemmas; this module adds tokens with character offsets and name keys for matching concepts.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache


class _HideSpacy:
    """An import finder that makes ``import spacy`` fail, while it is installed (see below)."""

    def find_spec(self, name, path=None, target=None):
        if name == "spacy":
            raise ImportError("spaCy is hidden while lemminflect is imported")
        return None


# lemminflect's package init imports spaCy only to register token extensions this project never uses,
# and spaCy imports torch (through thinc): seconds of start-up for every process that reads a question.
# Hide spaCy for that one import unless it is loaded already; spaCy imports normally afterwards. Other
# modules take lemminflect's functions from here, so this import is the first wherever they are used.
if "spacy" in sys.modules or "lemminflect" in sys.modules:
    import lemminflect
else:
    _hide = _HideSpacy()
    sys.meta_path.insert(0, _hide)
    try:
        import lemminflect
    finally:
        sys.meta_path.remove(_hide)

getAllLemmas = lemminflect.getAllLemmas
getAllLemmasOOV = lemminflect.getAllLemmasOOV
getInflection = lemminflect.getInflection
getLemma = lemminflect.getLemma

#: A word is a run of letters or digits in any script ("café", "naïve"), hyphens and apostrophes inside it
#: included; anything else that is not a space is a token of its own.
TOKEN_RE = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*|[^\w\s]|_")

#: Words that carry no content between a relation phrase and its arguments (determiners, possessives,
#: quantifiers): "lose [all your] data in [the] memory" still reads as "lose data in memory".
FILLERS = frozenset(
    "a an the this that these those your their its his her our my all any some many much most several "
    "each every both either own whole other another of same more less such various different".split()
)
#: Adverbial particles of phrasal verbs, which may follow the verb's object ("carry the coal *up*", "turn
#: the heater *off*"): closed-class grammar.
PARTICLES = frozenset("up down out off in on over away back around about along through together apart".split())
#: Possessive determiners ("*their* own boats").
POSSESSIVES = frozenset("my your his her its our their whose".split())
#: Auxiliaries and modal verbs that may stand inside a verb phrase ("are placed", "can be created").
AUXILIARIES = frozenset(
    "is are was were be been being am will would can could may might must shall should do does did also "
    "always usually often typically then too just".split()
)
#: Verbs that name no relation by themselves ("have" in "has genre", "is" in "is part of").
LIGHT_VERBS = frozenset("have has had be is are was were".split())
#: The words that order one event against another ("rinsed *before* they are dyed"): grammar, whose
#: question's and sentence's must agree, and which names no quality ("rinsed afterwards").
TEMPORAL_ORDER = frozenset(("before", "after"))
#: The prepositions that may name a place ("where") a relation leads to: a relation ending in another one
#: ("lives *for* packaged units", "is sent *with* requests") names none.
PLACE_PREPOSITIONS = frozenset(
    "in at on to into onto from under inside within near across through over behind beside above below outside "
    "beneath beyond".split()
)
#: Prepositions of place of several words ("a loft *on top of* the granary"): closed class.
COMPLEX_PLACE_PREPOSITIONS = frozenset(("next to", "on top of", "in front of"))


def turned_order(asked: Iterable[str], said: Iterable[str]) -> list[str]:
    """Return the order words of a question (``asked``, lowercase words) that a sentence (``said``) turns
    round: it says the other one and not this one ("after" asked, "... before they are ground" said)."""
    said = set(said)
    return [w for w in asked if w in TEMPORAL_ORDER and w not in said and TEMPORAL_ORDER - {w} & said]


#: The preposition that says something is absent ("spun *without* soaking"): what it governs is not done.
ABSENCE = frozenset(("without",))
#: Verbs that only say a thing is there ("which kinds of X exist?"): they ask for the members, no relation.
EXISTENCE_VERBS = frozenset("exist exists existed existing".split())
#: Light (support) verbs: in a question they frame what is asked ("what lets a ship steer", "which oil does
#: the lamp use") rather than say it, and a sentence that answers says it with a verb of its own. A closed
#: class of English grammar (do, have and be are dropped as stopwords or ``LIGHT_VERBS`` already), matched
#: by lemma.
QUESTION_LIGHT_VERBS = frozenset("get give make take let use".split())
#: Verbs that, asked with "how" and nothing else ("How does a siphon work?"), ask how a thing does its job:
#: what it is and does, as "What is a siphon?" asks. The idiom's closed set of verbs, matched by lemma.
FUNCTIONING_VERBS = frozenset("work function operate".split())
#: Verbs that only say an event is there ("Where does the fair *take place*?", "When does the sale *happen*?"):
#: asked with "where" or "when" and nothing else, they ask where or when the event is. A closed class (WordNet's
#: synset of "happen" in its first sense), matched by lemma; "take place" as its two words.
OCCURRENCE_VERBS = frozenset(("happen", "occur", "take place"))
#: Verbs of coming upon a thing ("Where can I *find* the spare fuses?"): asked with "where", a modal and the
#: asker as subject, they ask where the thing is, which the notes say with a verb of their own ("are kept in
#: the hall cupboard"). A closed class (WordNet's synset of "locate" in its first sense, with "find"), matched
#: by lemma.
LOCATING_VERBS = frozenset(("find", "locate"))
#: Support verbs: with a bare noun and a preposition they make one predicate ("takes *place* on",
#: "makes *use* of", "pays *attention* to"), the noun being no thing the clause is about. A closed class of
#: English grammar, matched by lemma.
SUPPORT_VERBS = frozenset("get give have make pay take".split())
#: The words that set a thing apart from the ones named before ("every *other* signal", "anything *else*"):
#: what is said of it is said of the rest, not of every thing of the kind. Closed class.
SETTING_APART = frozenset(("other", "else"))
#: The verbs that give a thing a name ("a cluster everyone *calls* hopper", "what is the N *called*?"): the
#: grammar of naming, shared by the extractor and the question reader.
NAMING_VERBS = frozenset("call name know nickname dub".split())
#: The verbs by which a term's subject is said to mean something ("Scumbling *means* rubbing a thin layer
#: over ..."): with the term as subject they equate it with what follows, as "X is a Y" does. The grammar of
#: defining (unlike "define" or "explain", whose subject is the one who defines); a closed class.
MEANING_VERBS = frozenset("mean denote signify".split())
#: Adverbs of the asker's stance or of the talk itself ("who keeps the keys *again*?", "what *exactly* is a
#: tithe?"): they say how the question is put, not what it asks, and an answering sentence has no need of
#: them. A closed class of English grammar.
DISCOURSE_ADVERBS = frozenset("again actually exactly really anyway anyhow ever basically precisely".split())
#: The words of permission and possibility a wh-question may put its verb under ("how many hens is a
#: keeper *allowed* to house?", "what is it *possible* to dye?"): the modality of the asking ("can I house"), which
#: the answering sentence says with a modal or with nothing. Closed-class grammar (adjectives and
#: participles that stand for a modal verb); a yes/no question asks the modality itself and keeps them.
MODAL_WORDS = frozenset("allowed permitted able possible ok okay".split())
#: The demonstratives, near and far ("*this* workshop", "*those* bins"), which may also stand alone for what
#: was said ("*This* avoids ..."). Closed class; ``SINGULAR_DEMONSTRATIVES`` are the two that determine one thing.
DEMONSTRATIVES = frozenset(("this", "that", "these", "those"))
SINGULAR_DEMONSTRATIVES = frozenset(("this", "that"))
#: The articles, which a noun phrase may open with and which name nothing.
ARTICLES = frozenset(("a", "an", "the"))
NEGATIONS = frozenset(
    "not no never cannot can't won't don't doesn't isn't aren't wasn't weren't didn't hasn't haven't hadn't "
    "shouldn't couldn't wouldn't mustn't needn't shan't mightn't".split()
)
#: The adverbs of negative frequency or degree ("seldom rusts", "hardly moves"): neither the statement
#: nor its denial. A clause they bear on says that something holds only now and then, or barely: no fact.
NEAR_NEGATIONS = frozenset("seldom rarely hardly barely scarcely".split())
PRONOUNS_SUBJECT = frozenset("it they he she".split())
#: The indefinite pronouns ("nobody", "everyone", "something"): a subject that names no thing of the text,
#: so no name before it is what its verb is said of. Closed class.
INDEFINITE_PRONOUNS = frozenset(
    "nobody nothing none everyone everybody everything someone somebody something anyone anybody anything".split()
)
#: The dependencies by which a clause's verb has a subject of its own (spaCy's labels; "there" is "expl").
SUBJECT_DEPS = frozenset(("nsubj", "nsubjpass", "expl"))
PRONOUNS_OBJECT = frozenset("it them this these".split())
COPULAS = frozenset("is are was were be".split())
#: Reflexive pronouns: they point back at a name the sentence already holds ("what does a kiln keep for
#: itself"), as "it" does, and name nothing a relation or an answer could account for.
REFLEXIVES = frozenset("itself themselves himself herself myself yourself yourselves ourselves oneself".split())
STOPWORDS = (
    FILLERS
    | AUXILIARIES
    | frozenset(
        "what which who whom whose when where why how there here i you we me us to in on at by for from with "
        "as and or but if than so such into onto does do did is are was were please tell give list show "
        "it they them he she him".split()
    )
)


#: Verbs that open a request ("*Show* me ...", "could you *list* ..."): grammar there, a clause's own verb
#: anywhere else ("What does the gallery *show*?").
REQUEST_VERBS = frozenset("tell give list show".split())
#: The words after which a request verb opens the request.
REQUEST_OPENERS = frozenset(("please", "you"))


def is_request_verb(words: Sequence[str], i: int) -> bool:
    """Tell whether the lowercase word at ``i`` is a request's verb: first, or after "please" or "you"."""
    return words[i] in REQUEST_VERBS and (i == 0 or words[i - 1] in REQUEST_OPENERS)


@dataclass(frozen=True, slots=True)
class Token:
    """A word or punctuation mark with its place in the text and its lowercase form."""

    text: str
    start: int
    end: int
    # Read many times per token by the extractor and the question reader: computed once.
    lower: str = field(init=False, compare=False, repr=False)
    is_word: bool = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "lower", self.text.lower().replace("’", "'"))
        object.__setattr__(self, "is_word", self.text[0].isalnum())


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into word and punctuation tokens with character offsets."""
    return list(_tokens(text))


@lru_cache(maxsize=8192)
def _tokens(text: str) -> tuple[Token, ...]:
    # The extractor tokenizes a sentence several times (names, facts, mentions): tokens are immutable.
    return tuple(Token(m.group(), m.start(), m.end()) for m in TOKEN_RE.finditer(text))


@lru_cache(maxsize=200_000)
def lemmas(word: str) -> frozenset[str]:
    """Return every lemma ``word`` may have (as noun, verb, adjective...), plus the word itself."""
    lower = word.lower()
    found = {lower}
    for forms in getAllLemmas(lower).values():
        found.update(forms)
    if len(found) == 1 and lower.isalpha() and len(lower) > 3:
        for upos in ("NOUN", "VERB"):
            found.update(getAllLemmasOOV(lower, upos).get(upos, ()))
    if len(found) == 1 and "-" in lower.strip("-"):
        # A hyphenated word the lexicon lacks inflects in its last part ("re-glazed", "re-glazing": "re-glaze").
        head, _, last = lower.rpartition("-")
        found.update(f"{head}-{form}" for form in lemmas(last) if form != last)
    # Acronym plurals ("AMIs", "VMs") are not in the lexicon: drop a lowercase trailing s.
    if len(word) > 2 and word.endswith("s") and word[:-1].isupper():
        found.add(lower[:-1])
    return frozenset(found)


def adjective_of_adverb(word: str) -> str | None:
    """Return the adjective an adverb in "-ly" is made of ("rarely": rare, "easily": easy), else None.

    The adverb grades what its adjective does ("more *often*" opposes "*rarer*" as "often" opposes "rarely"),
    so a comparison said with one is asked with the other. Only a stem the lexicon knows as an adjective.
    """
    lower = word.lower()
    if not lower.endswith("ly") or len(lower) < 5 or "ADV" not in getAllLemmas(lower):
        return None  # "supply" is no adverb of "supple"
    stem = lower[:-2]
    for candidate in (stem, stem[:-1] + "y" if stem.endswith("i") else None, stem + "le"):
        if candidate and candidate in getAllLemmas(candidate).get("ADJ", ()):
            return candidate
    return None


@lru_cache(maxsize=50_000)
def comparative_of(word: str) -> str | None:
    """Return the one-word comparative of an adjective or of the adverb made from it ("quickly": "quicker",
    "cheap": "cheaper"), or None where the word has none ("expensive" is only "more expensive")."""
    lower = word.lower()
    found = getAllLemmas(lower)
    bases = [*found.get("ADJ", ())]
    if not bases and lower.endswith("ly"):
        # "quickly" is the adverb of "quick": its degrees are the adjective's.
        stem = lower[:-3] + "y" if lower.endswith("ily") else lower[:-2]  # "easily": "easy"
        bases = [b for b in getAllLemmas(stem).get("ADJ", ()) if b == stem]
    for base in bases:
        forms = [f for f in getInflection(base, "JJR") if " " not in f and f != base and getAllLemmas(f)]
        if forms:
            return forms[0]
    return None


def degree(word: str) -> str:
    """Return "JJS" for a superlative ("oldest", "best"), "JJR" for a comparative ("older"), else "".

    Read off lemminflect: the word is its adjective (or adverb) lemma's inflection of that degree.
    "The oldest item" is not said to be old: a quality of one degree says nothing of another.
    """
    lower = word.lower()
    found = getAllLemmas(lower)
    for lemma in (*found.get("ADJ", ()), *found.get("ADV", ())):
        if lemma == lower:
            return ""
        if lower in getInflection(lemma, "JJS") or lower in getInflection(lemma, "RBS"):
            return "JJS"
        if lower in getInflection(lemma, "JJR") or lower in getInflection(lemma, "RBR"):
            return "JJR"
    return ""


def same_degree(a: str, b: str) -> bool:
    """Tell whether two words are of one degree (plain, comparative or superlative)."""
    return degree(a) == degree(b)


def possessor(word: str) -> str | None:
    """Return the owner a possessive word names ("loom's", "weavers'": loom, weavers), or None for another word."""
    bare = re.sub(r"(?<=[A-Za-z0-9])['’]s$|(?<=s)['’]$", "", word)
    return bare if bare != word else None


@lru_cache(maxsize=200_000)
def noun_key(word: str) -> str:
    """Return the singular lowercase form of a word (``EC2 instances`` -> ``instance``)."""
    lower = word.lower()
    if len(word) > 2 and word.endswith("s") and word[:-1].isupper():
        return lower[:-1]
    forms = getAllLemmas(lower).get("NOUN")
    if forms:
        # Prefer a lemma that is a prefix of the word ("services" -> "service", not "servicing").
        return min(forms, key=lambda f: (not lower.startswith(f), len(f)))
    if word != lower or getAllLemmas(lower):
        return lower  # a capitalised unknown word is a proper name ("Kubernetes"); a verb stays as is
    if lower.endswith("ies") and len(lower) > 4:
        return lower[:-3] + "y"
    if lower.endswith("s") and not lower.endswith(("ss", "us", "is")) and len(lower) > 3 and lower.isalpha():
        return lower[:-1]
    return lower


#: A placeholder after a command's words in its synopsis ("pip show <name>", "git checkout <branch>"): a
#: slot for a word the reader supplies, no part of the command's name. One that opens a name ("`<div>`
#: element") is the name.
PLACEHOLDER_RE = re.compile(r"(?<=\S)\s+<[^<>\s]{1,30}>")


def without_placeholders(name: str) -> str:
    """Return a name without the placeholders after its words ("git checkout <branch>" -> "git checkout")."""
    return PLACEHOLDER_RE.sub("", name)


@lru_cache(maxsize=200_000)
def name_key(text: str) -> str:
    """Return the matching key of a name: lowercase singular words joined by spaces."""
    words = [t.text for t in tokenize(text) if t.is_word]
    return " ".join(noun_key(w) for w in words)


def cased_name(word: str) -> bool:
    """Tell a word written in capitals that is also an everyday word ("SET", "FROM", "LIST", "RAID").

    Such a word names its thing (a command, an instruction, an acronym) only where it is written so:
    "sets" and "from" in a sentence are the everyday words.
    """
    lower = word.lower()
    return len(word) >= 2 and word.isalpha() and word.isupper() and (bool(getAllLemmas(lower)) or lower in STOPWORDS)


def cased_key(word: str) -> str:
    """Return a name word's matching key: ``noun_key``, but a capitalised everyday word keeps its case (marked).

    Its plural is its key too: "SETs" is "=SET", as "AMIs" is "ami".
    """
    if word.endswith("s") and cased_name(word[:-1]):
        word = word[:-1]
    return f"={word}" if cased_name(word) else noun_key(word)


def cased_name_key(text: str) -> str:
    """Return ``name_key`` with each capitalised everyday word kept apart from the word ("SET" is no "set")."""
    return " ".join(cased_key(t.text) for t in tokenize(text) if t.is_word)


def key_words(name: str) -> frozenset[str]:
    """Return the content words of a name as noun keys ("wheel sizes" -> {"wheel", "size"})."""
    return frozenset(w for w in name_key(name).split() if w not in STOPWORDS)


def plural(phrase: str) -> str:
    """Return the plural of a noun phrase by inflecting its last word ("EC2 instance" -> "EC2 instances")."""
    words = phrase.split()
    if not words:
        return phrase
    last = words[-1]
    if noun_key(last) != last.lower() or last.endswith("s"):
        return phrase  # already plural, or a word such as "serverless"
    if last.isupper() or not last.isalpha():
        return phrase + "s"
    forms = getInflection(last.lower(), "NNS")
    form = forms[0] if forms else last + "s"
    if last[0].isupper():
        form = form[0].upper() + form[1:]
    return " ".join([*words[:-1], form])


def present_tense(phrase: str) -> str:
    """Say a verb phrase that opens with a bare verb in the third person ("attach to" -> "attaches to").

    A predicate minted from a clause is named by its verb's lemma, so that every tense of the verb finds
    it; an answer reads it as a statement about one thing ("A volume attaches to an instance"). A phrase
    that opens with anything but a verb's own lemma ("is placed in", "does not support") is returned as is.
    """
    first, _, rest = phrase.partition(" ")
    if not first.isalpha() or first.lower() not in verb_forms(first):
        return phrase
    forms = getInflection(first.lower(), "VBZ")
    if not forms:
        return phrase
    return f"{forms[0]} {rest}" if rest else forms[0]


def plural_agreement(phrase: str) -> str:
    """Say a third-person verb phrase for several subjects ("runs on" -> "run on", "is kept in" -> "are kept in")."""
    first, _, rest = phrase.partition(" ")
    low = first.lower()
    base = _PLURAL_AUXILIARIES.get(low)
    if base is None and low.endswith("s") and first.isalpha():
        base = next((v for v in sorted(verb_forms(low)) if getInflection(v, "VBZ")[:1] == (low,)), None)
    if base is None:
        return phrase
    if low in ("is", "was"):
        rest = _plural_complement(rest)
    return f"{base} {rest}" if rest else base


_PLURAL_AUXILIARIES = {"is": "are", "was": "were", "has": "have", "does": "do"}
#: Prepositions that end a copular complement's noun phrase ("a term *of*"): closed-class words.
_COMPLEMENT_ENDS = frozenset("of in on for to from with by at as under over between among".split())


def _plural_complement(rest: str) -> str:
    """Say a copula's singular complement in the plural ("a kind of X" -> "kinds of X").

    Several subjects are each one of the kind, so the article goes and the noun the phrase ends on
    (before its first preposition) takes its plural form; anything else is left as it was.
    """
    words = rest.split()
    if len(words) < 2 or words[0].lower() not in ("a", "an"):
        return rest
    end = next((i for i, w in enumerate(words[1:], 1) if w.lower() in _COMPLEMENT_ENDS), len(words))
    head = words[end - 1]
    plural = getInflection(head, "NNS")[:1] if head.isalpha() and head.islower() else ()
    if end == 1 or not plural:
        return rest
    return " ".join([*words[1 : end - 1], plural[0], *words[end:]])


def verb_forms(word: str) -> frozenset[str]:
    """Return the verb lemmas of ``word`` (empty when it cannot be a verb)."""
    return frozenset(getAllLemmas(word.lower()).get("VERB", ()))


def can_be_noun(word: str) -> bool:
    """Tell whether ``word`` can be a noun (unknown words and acronyms count as nouns)."""
    entry = getAllLemmas(word.lower())
    return not entry or "NOUN" in entry or "PROPN" in entry or word[:1].isupper()


def is_verb_only(word: str) -> bool:
    """Tell whether ``word`` is known only as a verb or auxiliary ("orchestrate", "run" is not)."""
    entry = getAllLemmas(word.lower())
    return bool(entry) and set(entry) <= {"VERB", "AUX"}


#: Endings of adjectives a dictionary may lack ("scalable", "serverless", "stateful").
ADJECTIVE_ENDINGS = ("able", "ible", "less", "ful", "ive", "ous", "ic", "al", "ant", "ent")


def is_adjective(word: str) -> bool:
    """Tell whether ``word`` is known only as an adjective, or looks like one the dictionary lacks.

    A tagger reads a lone "serverless" or "compliant" as a noun; the dictionary ("compliant") or the
    word's ending ("serverless") says it qualifies rather than names.
    """
    entry = getAllLemmas(word.lower())
    if entry:
        return "ADJ" in entry and not {"NOUN", "VERB", "PROPN"} & set(entry)
    return len(word) > 5 and word.lower().endswith(ADJECTIVE_ENDINGS)


def slug(text: str) -> str:
    """Return an IRI-safe local name for a label ("Stop-Hibernate" -> "stop-hibernate", "Café" -> "cafe").

    Accented letters keep their base letter (decomposed, the marks dropped), so a name's IRI does not
    lose a letter."""
    plain = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-") or "concept"


def lead_and_item(text: str) -> tuple[str, str]:
    """Split a list item's recorded sentence ("X offers two services: A") into its introduction and its own
    words at the first colon a space follows or that ends it ("at 08:15" is a time, no list's colon); ("",
    text) if none."""
    match = re.search(r":(?:\s|$)", text)
    return (text[: match.start()].strip(), text[match.end() :].strip()) if match else ("", text)


#: The abbreviated titles written before a person's name ("Dr. Vell", "Mrs. Ormond"): closed class.
TITLES = ("Dr", "Mr", "Mrs", "Ms", "Prof", "Revd", "Rev", "Sr", "Jr", "St", "Capt", "Sgt")
#: A title and its period closing the text before a sentence's possible end (compiled once: every candidate
#: end of every paragraph is tested).
_TITLE_END = re.compile(r"(?:^|[\s(*_])(" + "|".join(TITLES) + r")\.$")


def split_sentences(text: str) -> list[tuple[int, str]]:
    """Split a paragraph into sentences, returning (offset, sentence) pairs.

    A sentence ends at ``.``, ``!`` or ``?`` followed by space and an uppercase letter or digit;
    abbreviations such as "e.g." and "i.e." and the titles before a name ("Dr.", ``TITLES``) do not end one.
    """
    out, start = [], 0
    for match in re.finditer(r"[.!?](?=\s+[A-Z0-9\"'(])", text):
        before = text[max(0, match.start() - 4) : match.end()].lower()
        if before.endswith(("e.g.", "i.e.", "etc.", "vs.")):
            continue
        if _TITLE_END.search(text[max(0, match.start() - 6) : match.end()]):
            continue  # "signed by Dr. Olu Bassey": a title's period is no sentence's end
        piece = text[start : match.end()].strip()
        if piece:
            out.append((start + (len(text[start:]) - len(text[start:].lstrip())), piece))
        start = match.end()
    piece = text[start:].strip()
    if piece:
        out.append((start + (len(text[start:]) - len(text[start:].lstrip())), piece))
    return out


def splits_into_prefixes(letters: str, words: list[str], skippable: frozenset[str]) -> bool:
    """Tell whether ``letters`` split, in order, into a non-empty prefix of each of ``words``.

    The test behind every short form: "nfs" splits over "network file system". A word in ``skippable``
    (closed-class words such as "of", "and") may take a prefix or nothing. Shared by the extractor,
    which records short forms (kg/ingest/shortforms.py), and the question reader, which looks them up
    (kg/question.py); each passes the words it lets a short form skip.
    """
    if not words:
        return not letters
    word, rest = words[0], words[1:]
    if word in skippable and splits_into_prefixes(letters, rest, skippable):
        return True
    for n in range(1, min(len(word), len(letters)) + 1):
        if letters[:n] != word[:n]:
            break
        if splits_into_prefixes(letters[n:], rest, skippable):
            return True
    return False


#: English number words (closed class) and their values: "two", "twelve", "ninety", "dozen".
NUMBER_VALUES = {
    w: float(i)
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen".split()
    )
}
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
NUMBER_VALUES |= {w: 10.0 * (i + 2) for i, w in enumerate(_TENS)}
NUMBER_VALUES["dozen"] = 12.0
#: Number words that multiply the number before them ("two hundred").
NUMBER_MULTIPLIERS = {"hundred": 100.0, "thousand": 1e3, "million": 1e6, "billion": 1e9}
#: Every English number word: "two", "twelve", "hundred".
NUMBER_WORDS = frozenset(NUMBER_VALUES) | frozenset(NUMBER_MULTIPLIERS)


def is_numeral(word: str) -> bool:
    """Tell whether ``word`` is a number: digits ("15", "1,000", "0.5") or a number word ("two", "twenty-one")."""
    lower = word.lower().strip("$€£%~<>,.+")
    if lower and lower.replace(",", "").replace(".", "").isdigit():
        return True
    parts = lower.split("-")
    return bool(lower) and all(p in NUMBER_WORDS for p in parts)


#: Comparatives whose lemma shares no stem with them.
_IRREGULAR_COMPARATIVES = frozenset(("better", "worse"))


def comparison_phrase(quality: str) -> str:
    """Return how a comparison says ``quality``: "faster" as written, "expensive" as "more expensive"."""
    lower = quality.lower()
    inflected = lower.endswith("er") and any(lemma != lower for lemma in lemmas(lower))
    return quality if inflected or lower in _IRREGULAR_COMPARATIVES else f"more {quality}"


def counts_things(word: str) -> bool:
    """Tell a numeral that counts the things a noun names ("which *two* vents"): any but "one", also a pronoun."""
    return is_numeral(word) and word.lower() != "one"


def root_of(doc):
    """Return the root token of a parsed text (the first, for a text of several sentences), or None."""
    return next((t for t in doc if t.dep_ == "ROOT"), None)


def main_subject(doc):
    """Return the (nominal, active or passive) subject of a parsed text's main clause, or None."""
    root = root_of(doc)
    return next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None) if root is not None else None


#: Subject pronouns that take a verb's plural form ("they store", not "they stores").
PLURAL_PRONOUNS = frozenset(("they", "we", "you", "i"))
#: Adverbs of focus: "not just on Fridays" says Fridays too, so a "not" on one denies no phrase it modifies.
#: Closed class.
EXCLUSIVE_FOCUS = frozenset("only just merely simply solely".split())
#: Nouns that stand for anything, as pronouns do ("what sort of thing X is", "things like X"): no concept.
GENERIC_NOUNS = frozenset("thing things one ones something stuff".split())
#: Indefinite pronouns: closed class. They stand for anyone or anything ("everyone on board", "anything involving
#: money"), never for one thing a text names.
INDEFINITE_PRONOUNS = frozenset(
    "everyone everybody everything anyone anybody anything nobody nothing someone somebody something".split()
)


def names_several(noun) -> bool:
    """Tell whether a parsed noun phrase names several things: a plural noun, or nouns joined by "and".

    A name of several words merged into one token before tagging ("Jon Hastings") may be tagged plural
    for its last letter; as the subject of a verb in the singular ("Jon Hastings is ...") it is one.
    """
    if any(c.dep_ == "conj" for c in noun.children) or noun.lower_ in PLURAL_PRONOUNS:
        return True
    if noun.tag_ not in ("NNS", "NNPS"):
        return False
    return not (" " in noun.text and noun.dep_ in ("nsubj", "nsubjpass") and noun.head.tag_ == "VBZ")


def agrees_in_number(subject, verb) -> bool:
    """Tell whether a subject agrees in number with a present-tense verb ("it stores", "they store").

    A past form or a modal agrees with every subject; a coordinated subject ("A and B") is plural.
    """
    if verb.tag_ not in ("VBZ", "VBP"):
        return True
    return names_several(subject) == (verb.tag_ == "VBP")


#: The dependencies that mark a verb as passive: its passive auxiliary and its passive subject.
PASSIVE_DEPS = frozenset(("auxpass", "nsubjpass"))


def reads_passive(label: str) -> bool:
    """Tell a relation label that says its subject undergoes the verb: "is placed in", "attached to" (a
    participle, as the extractor names "you attach volumes to instances"), not "attach to" or "runs on"."""
    words = label.lower().split()
    if not words:
        return False
    copula = words[0] in COPULAS and len(words) > 1
    first = words[1] if copula else words[0]
    if not first.isalpha():
        return False
    # A word the dictionary lacks ("rebound") is read by its form; after "is" the participle may be
    # its lemma's spelling ("is split into"), bare it must differ from it ("split" is the verb itself).
    forms = verb_forms(first) or frozenset(getAllLemmasOOV(first, "VERB").get("VERB", ()))
    return any((copula or first != lemma) and first in getInflection(lemma, "VBN") for lemma in forms)


#: The key of a parsed ``Doc``'s user data that holds the offsets of the names merged into one token
#: before parsing (``kg.ingest.parse``).
MERGED_NAMES = "merged_names"


def merged_name(token) -> bool:
    """Tell a token that is a name merged before parsing: one with a space ("Amazon S3"), or one without
    that the parse recorded as merged ("/usr/share/doc/", spaCy's several tokens made one)."""
    return " " in token.text or token.idx in token.doc.user_data.get(MERGED_NAMES, ())


def is_passive_participle(token) -> bool:
    """Tell a parsed verb read as a passive participle: tagged VBN, with a passive auxiliary or subject."""
    return token.tag_ == "VBN" and any(child.dep_ in PASSIVE_DEPS for child in token.children)
