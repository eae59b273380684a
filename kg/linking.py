"""Find the concepts a question names, and score how well words name a relation.

Entities: every span of up to N words is looked up by its name key (lowercase, singular), then by the
lemmas of a lone word ("stopped" -> "stop"), then, for spans holding a word no dictionary knows
(a misspelling), fuzzily with rapidfuzz. The longest non-overlapping spans win.

Relations: a predicate's names (label, altLabels, question phrases) are compared with the question's
remaining words by lemma (with fuzzy matching for typos) and, as a softer signal,
by embedding similarity.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz, process
from rdflib import URIRef

from kg.catalog import Catalog
from kg.opposites import are_opposites
from kg.synonyms import are_phrasal_synonyms, are_synonyms
from kg.text import (
    ARTICLES,
    POSSESSIVES,
    REQUEST_VERBS,
    STOPWORDS,
    Token,
    cased_key,
    getAllLemmas,
    is_numeral,
    is_request_verb,
    lemmas,
    name_key,
    noun_key,
    possessor,
)


@dataclass
class Link:
    """A span of the question (word tokens [start, end)) and the entities it may name."""

    start: int
    end: int
    text: str
    candidates: list[tuple[URIRef, float]] = field(default_factory=list)
    method: str = "exact"

    @property
    def best(self) -> tuple[URIRef, float]:
        return self.candidates[0]


#: How surely "the museum" names the document titled "... Museum": a reading of the reader's, not a name.
TITLE_HEAD_SCORE = 0.9
#: How surely "HttpOnly" names the "HttpOnly attribute": the name as written, less its kind noun.
KIND_STRIPPED_SCORE = 0.9


#: Nouns that say a name is a kind of something, not what: "Appointment *type*" is a kind of appointment.
KIND_WORDS = frozenset("type kind sort category form class".split())


def _kind_head(label: str) -> str | None:
    """Return the singular head noun of a kind's name: its last word, or the word ahead of a last word that only
    says it is a kind ("appointment" of "Appointment type"); None for a name of no words."""
    words = [w.lower() for w in label.split() if w.lower() not in STOPWORDS]
    while len(words) > 1 and noun_key(words[-1]) in KIND_WORDS:
        words.pop()
    return noun_key(words[-1]) if words else None


def _kind_stripped(catalog: Catalog) -> dict[str, URIRef]:
    """Return, by the key of a name less its last word, the one concept whose name ends in the noun of a kind
    it is typed by ("HttpOnly attribute", an attribute), where no concept is called by the shorter name."""
    heads: dict[URIRef, str] = {}  # each class's head noun, read once however many members it has
    found: dict[str, set[URIRef]] = {}
    for iri, entity in catalog.entities.items():
        words = entity.label.split()
        if len(words) < 2 or not entity.types:
            continue
        for cls in entity.types:
            if cls not in heads:
                label = catalog.label(cls).split()
                heads[cls] = noun_key(label[-1].lower()) if label else ""
        if noun_key(words[-1].lower()) in {heads[cls] for cls in entity.types}:
            found.setdefault(" ".join(noun_key(w) for w in words[:-1]), set()).add(iri)
    return {key: next(iter(iris)) for key, iris in found.items() if len(iris) == 1 and key not in catalog.by_name}


#: Prepositions that say what a compound's first noun says of its second ("the warden *at* the quay": the
#: quay warden). Closed class.
TURNED_PREPOSITIONS = frozenset(("of", "at", "in", "on", "for"))

#: Closed-class words a proper name may hold in lowercase ("Bank of England"). Closed class.
NAME_JOINERS = frozenset("of and the for on in at de".split())


def _proper_tails(catalog: Catalog) -> dict[tuple[str, ...], URIRef]:
    """Return, by its words' keys, each run of two or more last words of a capitalised name ("tool library" of
    "Eastfield Tool Library", "pump house" of "Harwick pump house") that ends one such name only and is no name
    of the graph itself.

    A reader says "the tool library" for the one tool library the notes name; where two names end so, or the
    words name something else, it is no name at all.
    """
    found: dict[tuple[str, ...], set[URIRef]] = {}
    for iri, entity in catalog.entities.items():
        words = entity.label.split()
        if len(words) < 2 or not words[0][:1].isupper():
            continue
        # "Eastfield Tool Library", or a name a capitalised word opens before common nouns ("Harwick pump house")
        if not (all(w[:1].isupper() or w in NAME_JOINERS for w in words) or all(w.islower() for w in words[1:])):
            continue
        for k in range(2, len(words)):  # one word ("the *release*") is too often a title's last word by chance
            tail = words[-k:]
            if tail[0] in NAME_JOINERS or not all(w.isalpha() for w in tail):
                continue
            found.setdefault(tuple(noun_key(w.lower()) for w in tail), set()).add(iri)
    return {
        key: next(iter(iris))
        for key, iris in found.items()
        if len(iris) == 1
        and " ".join(key) not in catalog.by_name
        and " ".join(f"={w}" for w in key) not in catalog.by_name
    }


#: What a link's scores are multiplied by when the name goes on past it ("S3 Glacier" linked as S3).
PARTIAL_NAME = 0.5


def _name_goes_on(words: list[Token], link: Link, taken: set[int]) -> bool:
    """Tell whether the capitalised word after ``link`` carries its name on ("S3 *Glacier*")."""
    after = link.end
    if after >= len(words) or after in taken:
        return False
    word = words[after]
    return word.text[:1].isupper() and word.text != "I" and word.lower not in STOPWORDS


class EntityLinker:
    """Link question spans to catalog entities: exact names, lemmas, then fuzzy for unknown words."""

    def __init__(self, catalog: Catalog, max_words: int = 10, titles: Iterable[str] = ()):
        """``titles`` are the documents' titles: a title that names one concept of several words ("Ashby
        Valley Museum") is what "the museum" means, when no other title ends in that noun."""
        self.catalog = catalog
        self.keys = list(catalog.by_name)
        self.max_words = min(max_words, max((len(k.split()) for k in self.keys), default=1))
        heads: dict[str, set[URIRef]] = {}
        for title in titles:
            words = title.split()
            iris = catalog.by_name.get(" ".join(cased_key(w) for w in words), set())
            if len(words) > 1 and len(iris) == 1:
                heads.setdefault(noun_key(words[-1]), set()).update(iris)
        #: The head noun of each document title that names one concept, when that noun ends no other title.
        self.title_heads = {head: next(iter(iris)) for head, iris in heads.items() if len(iris) == 1}
        #: Names said without the kind noun that ends them: "HttpOnly" for the "HttpOnly attribute" typed as an
        #: attribute, when nothing else is called so (see ``_without_kind``).
        self.kind_stripped = _kind_stripped(catalog)
        #: The last words of a capitalised name, said after "the" for the one thing so named (``_proper_tails``).
        self.proper_tails = _proper_tails(catalog)
        self.tail_words = max((len(key) for key in self.proper_tails), default=0)
        self._kind_words: dict[URIRef, frozenset[str]] = {}

    def link(self, tokens: list[Token]) -> list[Link]:
        """Return the entity mentions in ``tokens``, longest first without overlaps, in order."""
        words = [t for t in tokens if t.is_word]
        keys = [cased_key(t.text) for t in words]
        found: list[Link] = []
        for i in range(len(words)):
            # (four words at least: "the warden at the quay" says a two-word name, see ``_compound_turned``)
            for n in range(min(max(self.max_words, 4), len(words) - i), 0, -1):
                span = words[i : i + n]
                # A capitalised word inside the question is a name even if it is also a function word:
                # the film "May", the band "Yes".
                if all(t.lower in STOPWORDS and not (t.text[:1].isupper() and i + k > 0) for k, t in enumerate(span)):
                    continue
                texts = [t.text for t in span]
                joined = " ".join(keys[i : i + n])
                iris = self.catalog.by_name.get(joined)
                if not iris and "-" in joined:
                    # "Max-Age" for the note's "Max Age": a hyphen joins the words a name spells apart.
                    iris = self.catalog.by_name.get(joined.replace("-", " "))
                owner = possessor(texts[-1])
                if not iris and owner is not None:
                    # A possessive ends a name: "FTP's port" names FTP (unless the name has it: "Let's Go").
                    texts[-1] = owner
                    iris = self.catalog.by_name.get(" ".join([*keys[i : i + n - 1], cased_key(owner)]))
                owned = [(k, owner) for k in range(n - 1) if (owner := possessor(texts[k])) is not None]
                if not iris and len(owned) == 1:
                    # "the loom's warp beam" is "the warp beam of the loom", as a note may name it.
                    k, owner = owned[0]
                    owner_key = [*keys[i : i + k], cased_key(owner)]
                    iris = self.catalog.by_name.get(" ".join([*keys[i + k + 1 : i + n], "of", *owner_key]))
                spelt = " ".join(texts)
                if not iris:
                    iris = self._compound_turned(keys[i : i + n])
                    spelt = f"{texts[-1]} {texts[0]}"  # ranked as the compound it says
                if not iris and n > 1:
                    iris = self._named_with_kind(keys[i : i + n])
                    spelt = " ".join(texts[:-1])  # ranked as the name it says
                if iris:
                    text = " ".join(texts)
                    found.append(Link(i, i + n, text, self._rank(iris, spelt), "exact"))
        single = {link.start: link for link in found if link.end - link.start == 1}
        for i, tok in enumerate(words):
            if tok.lower in STOPWORDS:
                continue
            for lemma in sorted(lemmas(tok.text) - {tok.lower, keys[i]}):
                iris = self.catalog.by_name.get(lemma)
                if not iris:
                    continue
                ranked = self._rank(iris, tok.text, 0.85)
                if i in single:  # "stopped" names a state, and by its lemma the action "stop"
                    known = {iri for iri, _ in single[i].candidates}
                    single[i].candidates += [c for c in ranked if c[0] not in known]
                else:
                    found.append(Link(i, i + 1, tok.text, ranked, "lemma"))
        found.extend(self._fuzzy(words, keys, found))
        chosen = _select(found)
        # "Amazon S3" names S3: a brand word before a name belongs to the mention, even where a note made a
        # concept of the brand itself ("AWS container services" speaks of the services, not of AWS).
        starts = {link.start for link in chosen}
        brands = self.catalog.brands
        chosen = [
            link for link in chosen
            if not (link.end - link.start == 1 and words[link.start].lower in brands and link.end in starts)
        ]  # fmt: skip
        taken = {i for link in chosen for i in range(link.start, link.end)}
        for link in chosen:
            if link.start > 0 and link.start - 1 not in taken and words[link.start - 1].lower in self.catalog.brands:
                link.start -= 1
                link.text = f"{words[link.start].text} {link.text}"
                taken.add(link.start)
        # "S3 Glacier": a capitalised word right after a name, itself part of no name, makes a longer name the
        # graph lacks. The shorter name is another thing ("Amazon S3" is not S3 Glacier): the link stays, to
        # place the question among its neighbours, but at a score no answer about it can pass the line with.
        # In a question whose words are mostly capitalised, capitals tell nothing.
        if sum(w.text[:1].isupper() for w in words) * 2 <= len(words):
            for link in chosen:
                if _name_goes_on(words, link, taken):
                    link.candidates = [(iri, round(score * PARTIAL_NAME, 4)) for iri, score in link.candidates]
                    link.method = "partial"
        tails = self._tails(words, chosen)
        if tails:
            covered = {i for link in tails for i in range(link.start, link.end)}
            chosen = [link for link in chosen if not set(range(link.start, link.end)) & covered]
            taken |= covered
        extra = tails + self._titles_by_head(words, keys, taken)
        taken |= {link.start for link in extra}
        extra += self._without_kind(words, keys, taken)
        return sorted(chosen + extra, key=lambda link: link.start)

    def _named_with_kind(self, keys: list[str]) -> set[URIRef]:
        """Return the concepts ``keys`` name by their name and then a noun of a kind they are: "the Regular
        tier" (a "Regular" typed "Membership tier"), "a follow-up appointment" (a "Follow-up" typed
        "Appointment type"). A reader adds the kind to a name as a noun of its own; the name says which thing.
        """
        if keys[-1] in STOPWORDS or not keys[-1].isalpha():
            return set()
        named = self.catalog.by_name.get(" ".join(keys[:-1]), set())
        kind = noun_key(keys[-1].lower())
        return {iri for iri in named if kind in self._kind_nouns(iri)}

    def _kind_nouns(self, iri: URIRef) -> frozenset[str]:
        """Return the singular head nouns of the names of the kinds ``iri`` is typed by ("tier" of "Membership
        tier"; "appointment" of "Appointment type", whose last word only says it is a kind)."""
        found = self._kind_words.get(iri)
        if found is None:
            entity = self.catalog.entities.get(iri)
            types = entity.types if entity is not None else ()
            found = frozenset(head for t in types if (head := _kind_head(self.catalog.label(t))))
            self._kind_words[iri] = found
        return found

    def _compound_turned(self, keys: list[str]) -> set[URIRef]:
        """Return the concepts a compound names that ``keys`` say with a preposition: "the warden at the quay" for
        the "quay warden", "the key for the shed" for the "shed key" (one noun each side; an article may
        stand before the second)."""
        if len(keys) == 4 and keys[2] in ARTICLES:
            keys = [keys[0], keys[1], keys[3]]
        if len(keys) != 3 or keys[1] not in TURNED_PREPOSITIONS or STOPWORDS & {keys[0], keys[2]}:
            return set()
        return set(self.catalog.by_name.get(f"{keys[2]} {keys[0]}", ()))

    def _tails(self, words: list[Token], chosen: list[Link]) -> list[Link]:
        """Link "the tool library" to "Eastfield Tool Library": lowercase words after "the" that end one
        capitalised name only (``_proper_tails``), in place of the shorter mentions inside them ("tool"); never
        over a longer mention, nor one that only ends inside the words."""
        found = []
        spans = {(link.start, link.end) for link in chosen}
        for i in range(1, len(words)):
            if words[i - 1].lower != "the":
                continue
            for n in range(min(self.tail_words, len(words) - i), 0, -1):
                span = words[i : i + n]
                iri = self.proper_tails.get(tuple(noun_key(t.lower) for t in span))
                if iri is None or any(t.lower in STOPWORDS or not t.text.islower() for t in span):
                    continue
                if any(a < i + n and b > i and not (i <= a and b <= i + n) for a, b in spans):
                    break  # a mention reaches out of the words ("the tool library card")
                found.append(Link(i, i + n, " ".join(t.text for t in span), [(iri, TITLE_HEAD_SCORE)], "title"))
                break
        return found

    def _without_kind(self, words: list[Token], keys: list[str], taken: set[int]) -> list[Link]:
        """Link "HttpOnly" to the "HttpOnly attribute": a capitalised word no name of the graph spells, which
        is a concept's name without the kind noun that ends it (a kind the concept is typed by)."""
        found = []
        for i, word in enumerate(words):
            iri = self.kind_stripped.get(keys[i].replace("-", " "))  # "Max-Age" for the "Max Age attribute" too
            if iri is None or i in taken or not any(c.isupper() for c in word.text):
                continue
            found.append(Link(i, i + 1, word.text, [(iri, KIND_STRIPPED_SCORE)], "kind"))
        return found

    def _titles_by_head(self, words: list[Token], keys: list[str], taken: set[int]) -> list[Link]:
        """Link "the museum" to the document titled "Ashby Valley Museum": a reader takes a definite
        noun no name of the graph spells to be the one thing the notes are about that is so headed."""
        found = []
        for i, word in enumerate(words):
            iri = self.title_heads.get(keys[i])
            if iri is None or i in taken or i == 0 or words[i - 1].lower != "the" or keys[i] in self.catalog.by_name:
                continue
            found.append(Link(i, i + 1, word.text, [(iri, TITLE_HEAD_SCORE)], "title"))
        return found

    def _rank(self, iris, text: str, base: float = 1.0) -> list[tuple[URIRef, float]]:
        """Order same-named entities: exact case match first, then the better-described one.

        Ties go to the entity with a definition, then to the one with more names, then by IRI, so
        every process links alike (``iris`` may come from a set, whose order varies between processes).
        """
        ranked = []
        for iri in iris:
            entity = self.catalog.entities[iri]
            score = base if entity.spelt(text) else base * 0.97
            # A lowercase common word naming a capitalised title ("up" vs the film "Up") is weak, unless
            # the graph itself calls the entity so in lowercase (a note's "the widget" for its Acme Widget),
            # in any number ("ledgers" in the text, "Ledger" first in a heading).
            if (
                text.islower()
                and entity.label[:1].isupper()
                and getAllLemmas(text)
                and len(text.split()) == 1
                and not any(a.islower() and noun_key(a) == noun_key(text) for a in entity.aliases)
            ):
                score *= 0.6
            ranked.append((iri, round(score, 4)))
        entities = self.catalog.entities
        ranked.sort(key=lambda c: (-c[1], not entities[c[0]].definition, -len(entities[c[0]].aliases), str(c[0])))
        return ranked

    def _fuzzy(self, words: list[Token], keys: list[str], found: list[Link]) -> list[Link]:
        """Match spans that contain a word no dictionary knows against all names, fuzzily.

        A number word is known, though the dictionary of inflections lacks it: "three" is no misspelt "tree".
        """
        unknown = [
            i for i, t in enumerate(words)
            if t.lower not in STOPWORDS and not getAllLemmas(t.lower) and t.text.islower() and len(t.text) > 3
            and not is_numeral(t.lower)
        ]  # fmt: skip
        covered = {j for link in found for j in range(link.start, link.end)}
        out = []
        for i in unknown:
            if i in covered:
                continue
            best: tuple[float, int, Link] | None = None  # one mention per unknown word: its closest name
            for start in range(max(0, i - 2), i + 1):
                for end in range(i + 1, min(len(words), start + 3) + 1):
                    if any(words[j].lower in STOPWORDS for j in (start, end - 1)):
                        continue
                    # A fuzzy span may take in whole exact mentions (a misspelt name whose first word is
                    # spelt right), never part of one.
                    if any(lk.start < end and start < lk.end and not (start <= lk.start and lk.end <= end)
                           for lk in found):  # fmt: skip
                        continue
                    key = " ".join(keys[start:end])
                    hit = process.extractOne(key, self.keys, scorer=fuzz.ratio, score_cutoff=82)
                    if hit:
                        name, score, _ = hit
                        iris = self.catalog.by_name[name]
                        text = " ".join(t.text for t in words[start:end])
                        link = Link(start, end, text, self._rank(iris, text, 0.9 * score / 100), "fuzzy")
                        if best is None or (score, end - start) > best[:2]:
                            best = (score, end - start, link)
            if best is not None:
                out.append(best[2])
        return out


def _select(found: list[Link]) -> list[Link]:
    """Keep the longest, best-scored spans that do not overlap, in question order."""
    chosen: list[Link] = []
    taken: set[int] = set()
    for link in sorted(found, key=lambda lk: (-(lk.end - lk.start), -lk.best[1])):
        span = set(range(link.start, link.end))
        if span & taken:
            continue
        chosen.append(link)
        taken |= span
    return sorted(chosen, key=lambda lk: lk.start)


def content_positions(tokens: list[Token], skip: set[int]) -> list[int]:
    """Return, for each word :func:`content_words` returns, its position among the question's words."""
    words = [t for t in tokens if t.is_word]
    lowered = [t.lower for t in words]
    out: list[int] = []
    for i, t in enumerate(words):
        if i in skip or _grammar_word(lowered, i):
            continue
        out.extend([i, i] if t.lower.startswith("co-") and len(t.lower) > 4 else [i])
    return out


def _grammar_word(lowered: list[str], i: int) -> bool:
    """Tell whether the question's word at ``i`` is grammar: a stopword, but for a request verb that is not
    at a request's head ("What does the gallery *show*?" is the clause's own verb) and for "own" after no
    possessive (the verb, not the determiner's intensifier)."""
    word = lowered[i]
    if word == "own" and (i == 0 or lowered[i - 1] not in POSSESSIVES):
        return False  # "Does the club own X": the verb; "their own X" is grammar
    return word in STOPWORDS and (word not in REQUEST_VERBS or is_request_verb(lowered, i))


def content_words(tokens: list[Token], skip: set[int]) -> list[str]:
    """Return the words of the question outside entity mentions and stopwords, in order.

    "co-directed" counts as "directed" twice: it asks for someone who directed along with the topic,
    a path that goes out over the relation and back.
    """
    words = [t for t in tokens if t.is_word]
    lowered = [t.lower for t in words]
    out: list[str] = []
    for i, t in enumerate(words):
        if i in skip or _grammar_word(lowered, i):
            continue
        if t.lower.startswith("co-") and len(t.lower) > 4:
            out.extend([t.lower[3:], t.lower[3:]])
        else:
            out.append(t.lower)
    return out


@lru_cache(maxsize=200_000)
def words_match(question_word: str, name_word: str) -> float:
    """Score how well a question word matches a word of a relation name (1 same lemma, <1 similar)."""
    if question_word == name_word:
        return 1.0
    if lemmas(question_word) & lemmas(name_word):
        return 1.0
    single = noun_key(question_word)  # "rulings": "ruling", whose verb is "rule"
    if single != question_word and lemmas(single) & lemmas(name_word):
        return 1.0
    if are_opposites(question_word, name_word):
        return 0.0  # antonyms (WordNet) share letters or meaning, never what they name: kg/opposites.py
    if question_word.endswith("less") != name_word.endswith("less"):
        return 0.0  # "stateless" is the opposite of "stateful", "serverless" of "server": never a match
    # "director" ~ "directed", "lighter" ~ "lightweight": a shared stem of 5+ letters that holds a whole
    # lemma of one of them (a final "e" aside: "location" ~ "locate"). "installed" and "instance" share
    # "insta", which is neither "install" nor "instance" (nor is "conta" of "contact" and "contain"): other words.
    common = 0
    for a, b in zip(question_word, name_word, strict=False):
        if a != b:
            break
        common += 1
    held = any(
        common >= len(w) or (w.endswith("e") and common >= len(w) - 1)
        for w in lemmas(question_word) | lemmas(name_word) | {question_word, name_word}
    )
    if common >= 5 and common >= min(len(question_word), len(name_word)) - 3 and held:
        return 0.8
    if len(question_word) > 4 and fuzz.ratio(question_word, name_word) >= 85 and not getAllLemmas(question_word):
        return 0.85  # a typo (a dictionary word such as "movie" is no typo of "move")
    return 0.0


@lru_cache(maxsize=200_000)
def relation_word_match(question_word: str, name_word: str) -> float:
    """Score a question word against a word of a relation's name: ``words_match``, or 0.8 for a synonym.

    A WordNet verb synonym in a frequent sense of both words ("advise" for "notifies", kg/synonyms.py)
    names the same relation, as surely as a shared stem. Only relation paths read it: the naming cues
    and a sentence's words keep to letters ("what does X call it" asks for a term, not for a name).
    """
    found = words_match(question_word, name_word)
    if found == 0.0 and are_synonyms(question_word, name_word):
        return 0.8
    return found


def sentence_words(text: str) -> frozenset[str]:
    """Return the lowercase words of a sentence, for ``said_in``."""
    return frozenset(w.lower() for w in re.findall(r"[^\W_]+", text))


def said_in(word: str, said: frozenset[str] | set[str]) -> bool:
    """Tell whether a sentence's words (``said``) hold ``word``, by lemma, stem or a near spelling.

    A possessive is its owner ("the engine's valves": the engine).
    """
    bare = re.sub(r"['’]s$", "", word)
    return any(words_match(bare, x) >= 0.8 for x in said)


def name_matches(question_words: list[str], name: str, phrasal: Mapping[str, str] | None = None) -> list[set[int]]:
    """Return, for each content word of ``name``, the positions of the question words matching it.

    ``phrasal`` maps a question word to the phrasal verb it heads ("set" to "set up", see
    ``kg.question.phrasal_verbs``): such a word matches a name word WordNet gives as the phrase's synonym.
    """
    name_words = _content_keys(name)
    slots = []
    for nw in name_words:
        found = {i for i, qw in enumerate(question_words) if _word_fit(qw, nw, phrasal) >= 0.8}
        # A phrasal verb's particle ("up" of "set up") is said by the name its verb matched through the phrase.
        found |= {j for i in found for j in _particle_positions(question_words, i, phrasal, nw)}
        slots.append(found)
    return slots


def _particles_said(question_word: str, name_word: str, phrasal: Mapping[str, str] | None) -> list[str]:
    """Return the particles of the question word's phrasal verb when the word names ``name_word`` only through
    that phrase (not by its own letters or synonyms): they are said with it; else []."""
    phrase = (phrasal or {}).get(question_word)
    if not phrase or relation_word_match(question_word, name_word):
        return []
    return phrase.split()[1:]


def _particle_positions(
    question_words: list[str], at: int, phrasal: Mapping[str, str] | None, name_word: str
) -> set[int]:
    """Return the positions of the particles after the verb at ``at`` said with it (``_particles_said``)."""
    particles = _particles_said(question_words[at], name_word, phrasal)
    if not particles:
        return set()
    return {
        j
        for j in range(at + 1, min(len(question_words), at + 1 + len(particles) + 2))
        if question_words[j] in particles
    }


def _word_fit(question_word: str, name_word: str, phrasal: Mapping[str, str] | None) -> float:
    """Score a question word against a word of a relation's name: ``relation_word_match``, else 0.8 when the
    question says it with a phrasal verb ("set up") that shares a frequent WordNet sense with the name's word
    ("found"; ``kg.synonyms.are_phrasal_synonyms``).

    Only the question's phrase is read so: a name that opens with one ("takes place on") matched a question's
    single verb ("occur") in a role the name does not give (measured on the development sets: no answer
    gained, one wrong answer given).
    """
    found = relation_word_match(question_word, name_word)
    if found:
        return found
    said = (phrasal or {}).get(question_word)
    return 0.8 if said and are_phrasal_synonyms(said, name_word) else 0.0


@lru_cache(maxsize=100_000)
def _content_keys(name: str) -> tuple[str, ...]:
    return tuple(noun_key(w) for w in name_key(name).split() if w not in STOPWORDS)


def phrase_support(
    question_words: list[str], name: str, phrasal: Mapping[str, str] | None = None
) -> tuple[float, set[str]]:
    """Return the share of a name's content words found in the question, and the words explaining it
    (``phrasal`` as for ``name_matches``)."""
    name_words = _content_keys(name) or tuple(name_key(name).split())
    if not name_words:
        return 0.0, set()
    total, used = 0.0, set()
    for nw in name_words:
        best, best_word = 0.0, None
        for qw in question_words:
            score = _word_fit(qw, nw, phrasal)
            if score > best:
                best, best_word = score, qw
        total += best
        if best_word:
            used.add(best_word)
            used.update(_particles_said(best_word, nw, phrasal))  # the particle is said with its verb
    return total / len(name_words), used
