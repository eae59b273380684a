"""Answer a question that offers its own options ("Which X, A or B?") with the one option the notes support.

A question often names its candidates: "which ..., A or B?", "between A and B, which ...?", "is X A or
B?". The options are read by grammar only (a coordination with "or" that closes the question after a
comma, one after "between", or one the parse finds in a question that opens with an auxiliary), each is
linked to a concept or, failing that, kept as a value (a table's cell: "push", "pull"). The rest of the
question (its other mentions and content words) is what an option must be supported for. Three kinds of
support are tried, most certain first:

1. a recorded comparison between two options whose quality the question names, or names the opposite
   of ("heavier" against "more lightweight": WordNet antonyms, kg/opposites.py), read in its direction;
   failing one, the amounts both options have of a property the question names ("Setup time | 20 min |
   30 min"), compared by the side its word of degree grades ("longer", "more");
2. a fact of the graph (the option as subject or object, or as a literal value) whose relation, other end
   and value together say the rest of the question (a property table's row: "existing commits" of
   Rebase is "rewritten");
3. a source sentence in which the clause that holds the option says the rest of the question ("While
   containers can provide speed, virtual machines offer the full strength of ..."): the clause, not the
   whole sentence, since such sentences contrast the options.

An option is supported when the evidence names every other mention of the question and at least two
thirds of all it asks; the question is answered only when exactly one option is supported. Another
option that the same relation or the same sentence speaks of differently is contradicted, which makes
the answer surer. Otherwise nothing is answered here, and the rest of the engine runs.

Confidence: a comparison, or a fact that says all the question asks against a contradicted option,
stands with the graph's facts (0.85, over the engine's 0.8 line); a fact that leaves some word unsaid or
finds the other option silent, and any sentence, stays below the line (0.66 to 0.78) and is given as a
sentence answer: quoted and cited, as ``kg.sentence_answer`` gives its read-outs.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from math import ceil

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS

from kg.amounts import read_amount
from kg.answer import Answer
from kg.catalog import Catalog
from kg.evidence import Evidence
from kg.linking import Link, words_match
from kg.measures import amount_side, attribute_nouns, grading_side, relative_side
from kg.namespaces import KGO
from kg.opposites import are_opposites, opposites
from kg.question import AUX_START, GENERIC_NOUNS, WH_WORDS, Reading, wh_phrase
from kg.sentence_answer import PREPOSITIONS, SentenceAnswerer, quoting_query
from kg.stated_amounts import asked_side, stated_amounts
from kg.store import KGStore
from kg.synonyms import grade_alike
from kg.text import (
    ARTICLES,
    LIGHT_VERBS,
    STOPWORDS,
    Token,
    adjective_of_adverb,
    comparative_of,
    comparison_phrase,
    degree,
    lemmas,
    name_key,
    noun_key,
)

#: Pronouns an option may hold that name nothing of it: "the brass *one*", "sanding *it*".
OPTION_PRONOUNS = frozenset("one ones it them".split())
#: Determiners an option may open with ("the tram or the bus"): grammar, not part of the option's name.
DETERMINERS = ARTICLES
#: Words that turn a comparison round ("which is less heavy"): the lesser answers.
LESSER = frozenset("less least fewer fewest".split())
#: Words that grade the word after them ("*more* quickly", "*less* often").
GRADING_WORDS = frozenset(("more", "less"))
#: Dependency labels that join another clause to a verb: a clause is its verb's words without these.
CLAUSE_LINKS = frozenset("advcl conj ccomp parataxis csubj".split())
#: Of the question's units, at least this share must be said by an option's evidence (and every mention).
SUPPORT = 2 / 3
#: Confidence of an answer the graph settles: a comparison, or a fact saying all, against a contradicted option.
SETTLED = 0.85
#: The most confidence a sentence's clause gives (as ``kg.sentence_answer.SENTENCE_CONFIDENCE``).
SENTENCE_TOP = 0.75
#: The longest option read (in words): a longer run is a clause, not a candidate's name.
MAX_OPTION_WORDS = 5

_FACTS = """
SELECT ?s ?p ?o WHERE {
  VALUES ?x { %s }
  { ?x ?p ?o BIND(?x AS ?s) } UNION { ?s ?p ?x BIND(?x AS ?o) }
}
LIMIT 2000
"""
_VALUES = """
SELECT ?s ?p ?o WHERE { ?s ?p ?o . FILTER(isLiteral(?o) && LCASE(STR(?o)) = ?v) } LIMIT 200
"""


@dataclass
class Option:
    """One candidate the question offers: its words, and the concepts (or the value) it names."""

    start: int
    end: int
    text: str
    concepts: list[URIRef] = field(default_factory=list)

    @property
    def key(self) -> str:
        return name_key(self.text)


@dataclass
class Unit:
    """One thing an option's evidence must say: another mention of the question, or a content word."""

    words: list[str]
    link: Link | None = None
    #: A comparative ("better", "heavier"): a sentence may say it, a fact has no degree to say it with.
    degree: bool = False
    #: A noun "more" / "less" grades ("needs more *time*"): its amount is compared, which only a comparison
    #: says (an amount stated of one option says nothing of the other).
    of_noun: bool = False
    #: The side a word of size grades that noun to: 1 "*more* time", -1 "*less* time", 0 none or another word.
    #: A comparative that means that much of the noun says it ("longer": more time, ``kg.measures``).
    graded: int = 0


@dataclass
class Support:
    """The best evidence found for one option: how many units it says, and what it is."""

    said: int = 0
    #: Of ``said``, the question's other mentions.
    named: int = 0
    triple: tuple | None = None
    quote: dict[str, str] | None = None
    #: Another option the same relation or sentence speaks of, differently.
    contrasted: bool = False


def read_options(text: str, tokens: list[Token], parse: Callable) -> list[tuple[int, int]]:
    """Return the word spans of the options a question offers, or [] (grammar only).

    "..., A or B?" (the coordination closes the question after a comma or colon); "between A and B";
    or a coordination with "or" the parse finds in a question opening with an auxiliary ("Are A or B
    lighter?", "Is X A or B?"). A leading determiner is no part of an option.
    """
    words = [t for t in tokens if t.is_word]
    if len(words) < 3:
        return []
    at = {t.start: i for i, t in enumerate(words)}
    lower = [w.lower for w in words]
    # Word positions split by punctuation: "Which one ..., merge or rebase?" has the options last.
    segments: list[list[int]] = [[]]
    for t in tokens:
        if t.is_word:
            segments[-1].append(at[t.start])
        elif t.text in ",:;" and segments[-1]:
            segments.append([])
    spans: list[tuple[int, int]] = []
    if "between" in lower:
        begin = lower.index("between") + 1
        seg = next((s for s in segments if begin in s), [])
        run = [i for i in seg if i >= begin]
        run = run[: next((k for k, i in enumerate(run) if lower[i] in WH_WORDS), len(run))]
        spans = _split(run, lower, "and")
    if not spans and len(segments) > 1 and segments[-1]:
        spans = _split(segments[-1], lower, "or")
    if not spans and lower[0] in AUX_START and "or" in lower:
        spans = _parsed(text, words, at, parse)
    spans = [(s + (lower[s] in DETERMINERS), e) for s, e in spans]
    if len(spans) < 2 or any(e <= s or e - s > MAX_OPTION_WORDS for s, e in spans):
        return []
    if any(lower[i] in WH_WORDS or lower[i] in AUX_START for s, e in spans for i in range(s, e)):
        return []
    return spans


def _split(run: list[int], lower: list[str], joiner: str) -> list[tuple[int, int]]:
    """Split a run of word positions at its one ``joiner`` ("or", "and") into two spans."""
    cuts = [k for k, i in enumerate(run) if lower[i] == joiner]
    if len(cuts) != 1 or cuts[0] == 0 or cuts[0] == len(run) - 1:
        return []
    k = cuts[0]
    return [(run[0], run[k - 1] + 1), (run[k + 1], run[-1] + 1)]


def _parsed(text: str, words: list[Token], at: dict[int, int], parse: Callable) -> list[tuple[int, int]]:
    """Return the two conjuncts of the parse's one "or" coordination of names or qualities, as word spans."""
    doc = parse(text[:1].upper() + text[1:])
    found = []
    for tok in doc:
        if tok.lower_ != "or" or tok.dep_ != "cc":
            continue
        head = tok.head
        conj = next((c for c in head.children if c.dep_ == "conj" and c.i > tok.i), None)
        if conj is None or head.pos_ in _FUNCTION or conj.pos_ in _FUNCTION:
            continue
        # Coordinated phrases are parallel: the first takes no more words than the second has (in "is the
        # boat fare cash or card", the parse may read the subject's nouns as part of the first option).
        width = conj.i - conj.left_edge.i
        modifiers = [c.i for c in head.lefts if c.dep_ in ("det", "amod", "compound") and head.i - c.i <= width]
        first = min([head.i, *modifiers])
        spans = [(doc[first].idx, head.idx), (conj.left_edge.idx, conj.idx)]
        if all(a in at and b in at for a, b in spans):
            found.append([(at[a], at[b] + 1) for a, b in spans])
    return found[0] if len(found) == 1 else []


#: Parts of speech of grammar words: a conjunct that is one offers no option ("which or what").
_FUNCTION = frozenset("PRON DET AUX ADP CCONJ SCONJ PART PUNCT".split())


class ChoiceAnswerer:
    """Answer "which of these" questions with the one offered option the graph or a sentence supports."""

    def __init__(
        self,
        store: KGStore,
        catalog: Catalog,
        evidence: Evidence,
        parse: Callable,
        sentences: SentenceAnswerer,
    ):
        """``parse`` is the spaCy parse of a text; ``sentences`` finds the source sentences about concepts
        (``sentences.sentences``), the words one means nearly as another (``sentences.similar_words``:
        single-word embeddings, opposites excluded) and the comparatives that mean a stated quality or its
        opposite (``sentences.graded_alike``)."""
        self.store = store
        self.catalog = catalog
        self.evidence = evidence
        self.parse = parse
        self.sentences = sentences.sentences
        self.similar = sentences.similar_words
        self.grade = sentences.graded_alike

    def answer(self, reading: Reading) -> Answer | None:
        """Return the answer naming the one supported option, or None (no options, or no single one)."""
        if reading.negated:
            return None  # "which does not ...": the unsupported option may or may not be meant
        options = self.offered(reading)
        if not options:
            return None
        spans = [(o.start, o.end) for o in options]
        units = self._units(reading, spans)
        answer = (
            self._compared(reading, options, units)
            or self._by_amounts(reading, options)
            or self._by_stated_amounts(reading, options)
        )
        if answer is None and units:
            # An option a sentence supports is supported, whatever the facts hold, and the other way round:
            # a fact's answer stands only when no sentence supports another option, and so on.
            said = self._sentence_support(options, units)
            facts = self._fact_supports(reading, options, units)
            by_sentence = {k for k, sup in enumerate(said) if _supported(sup, units)}
            by_fact = {k for k, (sup, _) in enumerate(facts) if _supported(sup, [u for u in units if not u.degree])}
            # A fact has no degree: "A takes five minutes" says nothing of which option takes longer. "Suits
            # better", "uses more" only grade the verb the fact says, so those leave the facts to answer.
            # Nor does "A pays a fee" say which option pays less: a verb graded by amount ("pays *less*", "uses
            # *more*") asks for amounts compared.
            by_amount = self._grades_verb(reading)
            degree = by_amount or any((u.degree and u.words[0] not in GRADING) or u.of_noun for u in units)
            answer = None if degree else self._by_facts(options, units, facts, by_sentence)
            if answer is None:
                answer = self._by_sentences(options, units, said, by_fact, by_amount)
        if answer is not None:
            answer.topics = [self.evidence.entity_dict(c) for o in options for c in o.concepts[:1]]
        return answer

    def offered(self, reading: Reading) -> list[Option]:
        """Return the options the question offers ("which is X, A or B?"), or [] (see ``read_options``)."""
        spans = read_options(reading.text, reading.tokens, self.parse)
        wide = [(_with_determiner(reading, s), e) for s, e in spans]
        for link in reading.links:
            if any(link.start < e and s < link.end and not (s <= link.start and link.end <= e) for s, e in wide):
                return []  # the words belong to a name ("Love Me or Leave Me"), not to a choice
        return [self._option(reading, s, e) for s, e in spans]

    @staticmethod
    def names_option(item: dict, options: Sequence[Option]) -> bool:
        """Tell whether an answer item (``kg.answer.Answer.answers``) is one of ``options``: the concept an
        option names, or a name one option's words say in fewer or more words."""
        label = str(item.get("label") or item.get("value") or "")
        return any(
            item.get("iri") in {str(c) for c in o.concepts} or _names(_name_words(o.text), label) for o in options
        )

    # -- reading ------------------------------------------------------------------------------------
    def _option(self, reading: Reading, start: int, end: int) -> Option:
        text = " ".join(w.text for w in reading.words[start:end])
        inside = [lk for lk in reading.links if _with_determiner(reading, start) <= lk.start and lk.end <= end]
        concepts: list[URIRef] = []
        if inside:
            link = max(inside, key=lambda lk: lk.end - lk.start)
            top = link.best[1]
            concepts = [iri for iri, score in link.candidates[:3] if score >= top - 0.05]
        return Option(start, end, text, concepts)

    def _units(self, reading: Reading, spans: list[tuple[int, int]]) -> list[Unit]:
        """Return what an option's evidence must say: the other mentions and the content words left."""
        taken = {i for s, e in spans for i in range(s, e)}
        asking = set(wh_phrase(reading.text)[0])
        nouns = self._grading_nouns(reading)
        units: list[Unit] = []
        for link in reading.links:
            span = set(range(link.start, link.end))
            if span & taken:
                continue
            taken |= span
            words = _content([w.lower for w in reading.words[link.start : link.end]])
            if not words or set(words) <= asking | GENERIC_NOUNS:
                continue  # "which one", "which service": the wh-phrase stands for the answer
            graded = {nouns[i] for i in span if i in nouns}
            units.append(Unit(words, link, of_noun=bool(graded), graded=max(graded, key=abs) if graded else 0))
        tags = self._tags(reading)
        for i, w in enumerate(reading.words):
            lower = w.lower
            if i in taken or lower in asking or lower in GENERIC_NOUNS or lower in LESSER:
                continue
            if lower in STOPWORDS or lower in PREPOSITIONS or lower in LIGHT_VERBS or not lower[:1].isalnum():
                continue
            units.append(
                Unit([lower], degree=tags.get(i) in ("JJR", "RBR"), of_noun=i in nouns, graded=nouns.get(i, 0))
            )
        return units

    def _tags(self, reading: Reading) -> dict[int, str]:
        """Return the part-of-speech tag of each question word (by position), from the parse."""
        at = {w.start: i for i, w in enumerate(reading.words)}
        return {at[t.idx]: t.tag_ for t in self.parse(reading.text) if t.idx in at}

    def _grading_nouns(self, reading: Reading) -> dict[int, int]:
        """Return the positions of the nouns a word of degree grades ("more *time*", "fewer *stops*", "lower
        *humidity*"): the noun's amount is what is compared. Each comes with the side a word of size grades
        it to (1 "more", -1 "less" or "lower", ``kg.measures.grading_side``), 0 for another comparative."""
        at = {w.start: i for i, w in enumerate(reading.words)}
        return {
            at[t.head.idx]: grading_side(t.lower_)
            for t in self.parse(reading.text)
            if t.head.idx in at
            and (t.lower_ in GRADING or t.tag_ == "JJR")
            and t.dep_ == "amod"
            and t.head.pos_ == "NOUN"
        }

    def _grades_verb(self, reading: Reading) -> bool:
        """Tell whether a word of amount grades the question's verb ("who *pays less*", "which *uses more*"):
        the options' amounts are compared, which a fact or a sentence that states one option's does not do."""
        return any(
            t.lower_ in AMOUNT_GRADING and t.dep_ in ("advmod", "dobj", "npadvmod") and t.head.pos_ == "VERB"
            for t in self.parse(reading.text)
        )

    # -- 1. comparisons -----------------------------------------------------------------------------
    def _compared(self, reading: Reading, options: list[Option], units: list[Unit]) -> Answer | None:
        """Answer from a recorded comparison of two options whose quality the question names (or its opposite)."""
        owner = {c: o for o in options for c in o.concepts}
        recorded = self.evidence.comparisons(list(owner)) if len(owner) >= 2 else []
        if not any(_between(g, lsr, owner) for _, g, lsr, _ in recorded):
            # "the skiff or the punt" of "the skiff is lighter than the old river punt": the
            # options name the sides in fewer (or more) words than the concepts the comparison was read of.
            recorded, owner = self._compared_by_name(options)
        if not recorded:
            return None
        lower = [w.lower for w in reading.words]
        spoken = [w for i, w in enumerate(lower) if not any(o.start <= i < o.end for o in options)]
        spoken = [w for w in spoken if w not in STOPWORDS and w.isalpha()]
        # "more quickly", "less cheaply": the word graded is said by its comparative ("quicker").
        spoken += [c for i, w in enumerate(lower[:-1]) if w in GRADING_WORDS and (c := comparative_of(lower[i + 1]))]
        flipped = any(w in LESSER for w in lower)
        amounts = [(u.graded, u.words[-1]) for u in units if u.graded]
        winners = set()
        found = None
        for node, greater, lesser, quality in recorded:
            if not _between(greater, lesser, owner):
                continue
            qualities = quality.lower().split()
            same = any(_same(w, q) for w in spoken for q in qualities)
            opposed = any(_opposed(w, q) for w in spoken for q in qualities)
            up = None
            if not same and not opposed:
                # "quicker" of a stated "faster": by meaning, only where it clearly sides with one of the two.
                grades = {self.grade(w, q) for w in spoken if degree(w) in ("JJR", "RBR") for q in qualities} - {0}
                same, opposed = grades == {1}, grades == {-1}
            if not same and not opposed:
                # "which takes longer?" of a stated "quicker": the amounts both grade ("longer": more time,
                # "quicker": less) set them on one side or on opposite sides (``kg.measures``).
                grades = {relative_side(w, q) for w in spoken if degree(w) in ("JJR", "RBR") for q in qualities} - {0}
                same, opposed = grades == {1}, grades == {-1}
            if same and opposed:
                continue  # the question, oddly, names both the quality and its opposite
            if not same and not opposed:
                # "which one needs more time?" of a stated "longer": the amount the question grades, by WordNet.
                sides = {side * amount_side(q, noun) for side, noun in amounts for q in qualities} - {0}
                if len(sides) != 1:
                    continue  # the question names neither the quality nor its opposite, nor an amount it means
                up = sides.pop() > 0
            if up is None:
                up = same != flipped
            winner = greater if up else lesser
            winners.add(id(owner[winner]))
            found = (node, greater, lesser, quality, winner)
        if found is None or len(winners) != 1:
            return None
        node, greater, lesser, quality, winner = found
        triples = [(node, KGO.greater, greater), (node, KGO.lesser, lesser), (node, KGO.quality, Literal(quality))]
        evidence, sources = self.evidence.for_triples(triples)
        label = self.catalog.label(winner)
        text = f"{label[:1].upper()}{label[1:]}{comparison_account(self.catalog, greater, lesser, quality, sources)}"
        chosen = "?greater" if winner == greater else "?lesser"
        sparql = (
            f"SELECT {chosen} WHERE {{\n  ?c a kgo:Comparison ; kgo:greater ?greater ; kgo:lesser ?lesser ;\n"
            f"     kgo:quality ?q .\n  VALUES (?greater ?lesser) {{ ({greater.n3()} {lesser.n3()}) }}\n}}"
        )
        item = self.evidence.entity_dict(winner)
        return Answer("", text, [item], SETTLED, sparql, evidence, sources, kind="comparison")

    # -- 1b. amounts -------------------------------------------------------------------------------
    def _by_amounts(self, reading: Reading, options: list[Option]) -> Answer | None:
        """Answer from the amounts two options have of one property the question names, by the side its word
        of degree grades ("Which takes *more* players, A or B?", "*longer* reset time"): a table's cells
        ("Reset time | 20 min | 25 min") compare the things its rows name.

        The property's head noun must be the question's (by lemma), and its other words too unless no
        property is named whole ("a higher yearly fee" of "yearly club fee"); both options must
        have one amount of it in one unit (a currency sign counts: "£780"), and the question one side: "more"
        or "fewer" of it, or a comparative WordNet says grades its noun ("longer": more time,
        ``kg.measures.amount_side``). Equal amounts answer nothing.
        """
        if len(options) != 2 or any(not o.concepts for o in options):
            return None
        taken = {i for o in options for i in range(o.start, o.end)}
        said = [w.lower for i, w in enumerate(reading.words) if i not in taken]
        # A compound the property writes as one word, the question may write as two ("setup": "set up").
        joined = {a + b for a, b in itertools.pairwise(said)}
        said_lemmas = {lemma for w in [*said, *joined] for lemma in lemmas(w)}
        # "Is A or B heavier?" grades the "Weight" a table gives: the noun of what the comparative measures.
        said_lemmas |= {noun for w in said if degree(w) == "JJR" for noun in attribute_nouns(w)}
        values = [self._amounts(o.concepts[0]) for o in options]
        chosen: dict[bool, list] = {True: [], False: []}
        for p in set(values[0]) & set(values[1]):
            (a, unit_a, _), (b, unit_b, _) = values[0][p], values[1][p]
            words = [w for w in self.catalog.label(p).lower().split() if w not in STOPWORDS]
            # The property's head noun must be the question's; a modifier it leaves out ("a higher *yearly
            # fee*" of "yearly club fee") is read only when no property is named whole.
            if unit_a != unit_b or not words or not lemmas(words[-1]) & said_lemmas:
                continue
            sides = {grading_side(w) for w in said} | {amount_side(w, words[-1]) for w in said if degree(w) == "JJR"}
            sides -= {0}
            if len(sides) == 1 and a != b:
                chosen[all(lemmas(w) & said_lemmas for w in words)].append((p, sides.pop()))
        named = chosen[True] or chosen[False]
        if len(named) != 1:
            return None
        p, side = named[0]
        (a, _, first), (b, _, second) = values[0][p], values[1][p]
        shown = {t: self.catalog.label(t[2]) if isinstance(t[2], URIRef) else str(t[2]) for t in (first, second)}
        winner = options[0] if (a > b) == (side > 0) else options[1]
        loser = options[1] if winner is options[0] else options[0]
        won, lost = (first, second) if winner is options[0] else (second, first)
        evidence, sources = self.evidence.for_triples([won, lost])
        item = self.evidence.entity_dict(winner.concepts[0])
        label, prop = self.catalog.label(winner.concepts[0]), self.catalog.label(p)
        text = (
            f"{label[:1].upper()}{label[1:]}: its {prop} is {shown[won]}, against {shown[lost]} for "
            f"{self.catalog.label(loser.concepts[0])}."
        )
        offered = " ".join(o.concepts[0].n3() for o in options)
        sparql = (
            f"SELECT ?option ?amount WHERE {{\n  VALUES ?option {{ {offered} }}\n  ?option {p.n3()} ?amount .\n}}"
            f"\nORDER BY {'DESC' if side > 0 else 'ASC'}(?amount)"
        )
        return Answer("", text, [item], SETTLED, sparql, evidence, sources, kind="comparison")

    def _by_stated_amounts(self, reading: Reading, options: list[Option]) -> Answer | None:
        """Answer from the amounts one source sentence states of the two options, each in a stretch of its own
        ("A is 16 amp, but B only 10 amp"; ``kg.stated_amounts``), by the side the question's word of degree
        asks for. Exactly one sentence must state them; it is quoted, below the facts' line."""
        if len(options) != 2 or not any(o.concepts for o in options):
            return None  # the sentences are found by the concepts; an option the graph has none for is its words
        names = [[name.split() for name in self._option_names(o)] for o in options]
        question = self.parse(reading.text)
        taken = {i for o in options for i in range(o.start, o.end)}
        skip = {t.i for t in question if any(reading.words[i].start <= t.idx < reading.words[i].end for i in taken)}
        found = []
        for cand in self.sentences({c for o in options for c in o.concepts}):
            amounts = stated_amounts(self.parse(cand.text), names)
            if amounts is None:
                continue
            side = asked_side(question, amounts[0][1], skip)
            if side:
                found.append((cand, amounts, side))
        if len({cand.text for cand, _, _ in found}) != 1:
            return None
        cand, ((a, _), (b, _)), side = found[0]
        winner = options[0] if (a > b) == (side > 0) else options[1]
        item = self.evidence.entity_dict(winner.concepts[0]) if winner.concepts else {"value": winner.text}
        quote = {"document": cand.document, "section": cand.section, "text": cand.text}
        where = f" ({cand.document})" if cand.document else ""
        name = item.get("label", item.get("value", ""))
        text = f'{name[:1].upper()}{name[1:]}: the notes say{where}: "{cand.text}"'
        sparql = quoting_query([cand.text])
        return Answer("", text, [item], SENTENCE_TOP, sparql, [], [quote], kind="sentence")

    def _option_names(self, option: Option) -> set[str]:
        """Return the name keys an option may be said by: its own words, and its concepts' names."""
        names = {option.key}
        for c in option.concepts:
            entity = self.catalog.entities.get(c)
            if entity is not None:
                names.update(name_key(n) for n in [entity.label, *entity.aliases])
        return {n for n in names if n}

    def _amounts(self, concept: URIRef) -> dict[URIRef, tuple[float, str, tuple]]:
        """Return the properties ``concept`` has one exact amount of, each with the number, its unit (""
        for a bare number) and the triple that states it."""
        found: dict[URIRef, list] = {}
        for p, value, label in self.store.query(_RELATED, {"s": concept}):
            if not isinstance(p, URIRef) or p not in self.catalog.predicates:
                continue
            # A value the text also names is a node of its own ("20 min"), read by its label.
            text = str(value) if isinstance(value, Literal) else str(label or "")
            amount = read_amount(text)
            if amount is not None and amount.exact:
                found.setdefault(p, []).append((amount.low, amount.unit, (concept, p, value)))
            elif (number := _bare_number(text)) is not None:
                found.setdefault(p, []).append((number, "", (concept, p, value)))
        return {p: got[0] for p, got in found.items() if len(got) == 1}

    def _compared_by_name(self, options: list[Option]) -> tuple[list, dict[URIRef, Option]]:
        """Return the recorded comparisons whose two sides two options name by their words, and which
        option names which side.

        An option names a side when the words of one are all among the words of the other (singular,
        articles aside): "the punt" names "old river punt", "grain barges" names "barge".
        A side two options would both name is named by neither.
        """
        keys = [_name_words(o.text) for o in options]
        found, owner = [], {}
        for node, greater, lesser, quality in self.evidence.comparisons():
            sides = {}
            for side in (greater, lesser):
                naming = [o for o, key in zip(options, keys, strict=True) if _names(key, self.catalog.label(side))]
                if len(naming) == 1:
                    sides[side] = naming[0]
            if len(sides) == 2 and sides[greater] is not sides[lesser]:
                found.append((node, greater, lesser, quality))
                owner.update(sides)
        return found, owner

    # -- 2. facts -----------------------------------------------------------------------------------
    def _fact_supports(self, reading: Reading, options: list[Option], units: list[Unit]):
        """Return, per option, the fact that says most of the question (comparatives aside) and its relations."""
        units = [u for u in units if not u.degree]
        return [self._fact_support(reading, o, units) for o in options] if units else []

    def _by_facts(self, options: list[Option], units: list[Unit], supports, by_sentence: set[int]):
        """Answer from a fact of the graph that says, of one option only, what the question asks."""
        units = [u for u in units if not u.degree]
        if not supports:
            return None
        k = max(range(len(options)), key=lambda j: (supports[j][0].said, supports[j][0].named))
        best, _ = supports[k]
        if not _supported(best, units) or by_sentence - {k}:
            return None
        for j, (other, _) in enumerate(supports):
            if j == k:
                continue
            if other.said >= best.said:
                return None  # another option is said as well as this one
            if _supported(other, units) and other.triple[1] != best.triple[1]:
                return None  # said well enough by another relation: the question may mean that one
        # Contradicted: another option has the same relation, with another value or to another thing
        # ("existing commits" of Merge is "kept", where the question asks which rewrites them).
        contrasted = any(best.triple[1] in relations for j, (_, relations) in enumerate(supports) if j != k)
        if contrasted and best.said == len(units):
            confidence = SETTLED
        else:
            confidence = round(0.6 + 0.15 * best.said / len(units) + (0.03 if contrasted else 0.0), 3)
        return self._fact_answer(options[k], options, best, confidence)

    def _fact_support(self, reading: Reading, option: Option, units: list[Unit]) -> tuple[Support, set[URIRef]]:
        """Return the fact that says most of ``units`` about ``option``, and every relation the option has.

        The option is the fact's subject or object, or its value (a literal spelt as the option is).
        """
        rows: list[tuple] = []
        if option.concepts:
            rows += [tuple(r) for r in self.store.query(_FACTS % " ".join(c.n3() for c in option.concepts))]
        rows += [tuple(r) for r in self.store.query(_VALUES, {"v": Literal(option.text.lower())})]
        best, relations = Support(), set()
        mine = set(option.concepts)
        for s, p, o in rows:
            if p not in self.catalog.predicates and p not in (RDF.type, RDFS.subClassOf):
                continue
            if s in mine:
                other = o
            elif o in mine or (isinstance(o, Literal) and name_key(str(o)) == option.key):
                other = s
            else:
                continue
            relations.add(p)
            names = self._names(p) + self._names(other)
            said = [u for u in units if self._fact_says(reading, u, names, other, p)]
            named = sum(1 for u in said if u.link is not None)
            if (len(said), named) > (best.said, best.named):
                best = Support(len(said), named, (s, p, o))
        return best, relations

    def _names(self, node) -> list[str]:
        """Return the lowercase words of every name of a relation, concept or value."""
        if isinstance(node, Literal):
            return name_key(str(node)).split()
        if node in self.catalog.predicates:
            texts = self.catalog.predicates[node].names
        elif node in self.catalog.entities:
            entity = self.catalog.entities[node]
            texts = [entity.label, *entity.aliases]
        else:
            texts = [self.catalog.label(node)]
        return [w for t in texts for w in name_key(t).split()]

    @staticmethod
    def _fact_says(reading: Reading, unit: Unit, names: list[str], other, p: URIRef) -> bool:
        if unit.link is not None and any(other == iri for iri, _ in unit.link.candidates[:3]):
            return True
        if unit.link is None and p in reading.meanings.get(unit.words[0], {}):
            return True
        return all(any(words_match(w, n) >= 0.8 for n in names) for w in unit.words)

    def _fact_answer(self, option: Option, options: list[Option], best: Support, confidence: float):
        """Answer with ``option`` from its fact: as a fact at or over the line, else quoting the fact's sentence."""
        s, p, o = best.triple
        evidence, sources = self.evidence.for_triples([best.triple])
        item = self._item(option, best.triple)
        # The query that finds, among the options, those the fact holds for: the answer.
        if isinstance(o, Literal) and option.key == name_key(str(o)):
            offered = " ".join(Literal(x.text).n3() for x in options if x is not option) + " " + o.n3()
            sparql = f"SELECT ?option WHERE {{\n  VALUES ?option {{ {offered} }}\n  {s.n3()} {p.n3()} ?option .\n}}"
        elif s in option.concepts:
            offered = " ".join(c.n3() for x in options for c in x.concepts[:1] if x is not option) + " " + s.n3()
            sparql = f"SELECT ?option WHERE {{\n  VALUES ?option {{ {offered} }}\n  ?option {p.n3()} {o.n3()} .\n}}"
        else:
            offered = " ".join(c.n3() for x in options for c in x.concepts[:1] if x is not option) + " " + o.n3()
            sparql = f"SELECT ?option WHERE {{\n  VALUES ?option {{ {offered} }}\n  {s.n3()} {p.n3()} ?option .\n}}"
        name = item.get("label", item.get("value", ""))
        name = name[:1].upper() + name[1:]
        if confidence >= SETTLED:
            fact = sources[0]["text"] if sources else self.evidence.describe(s, ((p, "out"),), [o])
            text = f"{name}. The graph says: {fact}"
            return Answer("", text, [item], confidence, sparql, evidence, sources, kind="choice")
        if not sources:
            return None  # below the facts' line, an answer is given only as a sentence the reader can check
        where = f" ({sources[0]['document']})" if sources[0].get("document") else ""
        text = f'{name}: the notes say{where}: "{sources[0]["text"]}"'
        return Answer("", text, [item], confidence, sparql, evidence, sources, kind="sentence")

    def _item(self, option: Option, triple: tuple) -> dict:
        s, _, o = triple
        if isinstance(o, Literal) and name_key(str(o)) == option.key:
            return {"value": str(o)}
        node = s if s in option.concepts else o
        return self.evidence.entity_dict(node)

    # -- 3. sentences -------------------------------------------------------------------------------
    def _sentence_support(self, options: list[Option], units: list[Unit]) -> list[Support]:
        """Return, per option, the clause of a source sentence naming it that says most of the question."""
        supports = [Support() for _ in options]
        if not all(o.concepts for o in options):
            return supports
        needed = _needed(units)
        for cand in self.sentences({c for o in options for c in o.concepts}):
            text = cand.text
            plain = [w.lower() for w in text.replace("-", " ").split()]
            if sum(1 for u in units if _said(u.words, plain) or _graded_by(u, plain)) < needed - 1:
                continue  # the sentence cannot say enough of the question whatever its clauses hold
            found = [[self._clause_says(units, c) for c in clauses] for clauses in self._clauses(text, options)]
            source = {"document": cand.document, "section": cand.section, "text": text}
            for k, said in enumerate(found):
                if not said or max(said) <= (supports[k].said, supports[k].named):
                    continue
                top = max(said)
                # The sentence contrasts the options: another one stands in it, in a clause that says less.
                others = [max(f) for j, f in enumerate(found) if j != k and f]
                contrasted = bool(others) and all(not _supported(Support(*o), units) for o in others)
                supports[k] = Support(top[0], top[1], quote=source, contrasted=contrasted)
        return supports

    def _by_sentences(
        self,
        options: list[Option],
        units: list[Unit],
        supports: list[Support],
        by_fact: set[int],
        by_amount: bool = False,
    ):
        """Answer from the one option a source sentence's clause says the rest of the question of.

        ``by_amount`` says the question grades its verb by amount ("who pays less"): the sentence must compare.
        """
        chosen = [k for k, sup in enumerate(supports) if _supported(sup, units)]
        if len(chosen) != 1 or by_fact - set(chosen):
            return None
        k = chosen[0]
        best = supports[k]
        graded = by_amount or any(u.of_noun for u in units)
        if graded and not any(t.tag_ in ("JJR", "RBR") for t in self.parse(best.quote["text"])):
            # "which burns more fuel", "who pays less": a sentence that only states one option's fuel or
            # payment compares nothing.
            return None
        share = best.said / len(units)
        confidence = round(SENTENCE_TOP - 0.1 * (1 - share) - (0.0 if best.contrasted else 0.05), 3)
        item = self.evidence.entity_dict(options[k].concepts[0])
        quote = best.quote
        where = f" ({quote['document']})" if quote["document"] else ""
        name = item["label"]
        text = f'{name[:1].upper()}{name[1:]}: the notes say{where}: "{quote["text"]}"'
        sparql = quoting_query([quote["text"]])
        return Answer("", text, [item], confidence, sparql, [], [quote], kind="sentence")

    def _clauses(self, text: str, options: list[Option]) -> list[list[list[str]]]:
        """Return, per option, the words of each clause of ``text`` that names it (its other words); none for any
        option when one stands after "than" (the sentence compares, and its words alone do not say which way)."""
        doc = self.parse(text)
        words = [(t.i, noun_key(t.lower_)) for t in doc if t.is_alpha or t.like_num]
        out: list[list[list[str]]] = []
        for option in options:
            names = self._option_names(option)
            clauses, seen = [], set()
            for name in names:
                for at, width in _occurrences(words, name.split()):
                    token = doc[words[at][0]]  # ``at`` counts words; the token is the parse's
                    head = _clause_head(token)
                    if _after_than(token, head):
                        # "They are cheaper than *B*": B is what the clause measures something against, and which
                        # way it goes the clause's words alone cannot say: no option is read from it.
                        return [[] for _ in options]
                    if head.i in seen:
                        continue
                    seen.add(head.i)
                    own = _clause_words(head)
                    named = {words[k][0] for k in range(at, at + width)}
                    clauses.append([t.lower_ for t in own if t.i not in named])
            out.append(clauses)
        return out

    def _clause_says(self, units: list[Unit], clause: list[str]) -> tuple[int, int]:
        """Return how many units a clause's words say, and how many of those are mentions."""
        said = [u for u in units if _said(u.words, clause) or _graded_by(u, clause)]
        # A comparative is said by its own words only: the embedding puts opposites close ("later" and
        # "sooner" of one time), and the antonym table does not list every pair.
        rest = [u.words[0] for u in units if u.link is None and u not in said and not u.degree]
        near = self.similar(rest, _content(clause)) if rest else set()
        return len(said) + len(near), sum(1 for u in said if u.link is not None)


#: The comparatives of "good", "well", "much", "little" and "bad": they grade the verb they go with ("suits
#: *better*", "uses *more*") rather than name a quality of their own. Closed class.
GRADING = frozenset(("better", "more", "less", "worse", "fewer"))
#: Of those, the ones that grade by amount ("pays *less*"), not by how well ("suits *better*").
AMOUNT_GRADING = GRADING - {"better", "worse"}


def comparison_account(catalog: Catalog, greater: URIRef, lesser: URIRef, quality: str, sources: list) -> str:
    """Return what follows a comparison's answer: its sentence, which may say why or in what respect
    (". The graph says: ..."), or, with no sentence, the comparison said in words (": A is faster than B.")."""
    if sources:
        return f". The graph says: {sources[0]['text']}"
    return f": {catalog.label(greater)} is {comparison_phrase(quality)} than {catalog.label(lesser)}."


def _with_determiner(reading: Reading, start: int) -> int:
    """Return where an option starting at ``start`` starts with the determiner it leaves out, if one stands
    before it: a name may hold it ("the Vault at Kew" is one name, the option "Vault at Kew")."""
    return start - 1 if start > 0 and reading.words[start - 1].lower in DETERMINERS else start


#: What a thing's relations lead to, with the label of a node.
_RELATED = "SELECT ?p ?v ?label WHERE { ?s ?p ?v OPTIONAL { ?v rdfs:label ?label } }"


def _bare_number(text: str) -> float | None:
    """Return the number a value is, written alone ("12", "3.5"), else None."""
    try:
        return float(text.strip().replace(",", ""))
    except ValueError:
        return None


def _supported(support: Support, units: Sequence[Unit]) -> bool:
    """Tell whether evidence says enough: two thirds of the units, and one of the mentions if there are any."""
    mentions = any(u.link is not None for u in units)
    return support.said >= _needed(units) and (support.named > 0 or not mentions)


def _needed(units: Sequence[Unit]) -> int:
    """Return how many of the question's units an option's evidence must say (at least two thirds)."""
    return max(1, ceil(SUPPORT * len(units) - 1e-9))


def _content(words: Sequence[str]) -> list[str]:
    return [w for w in words if w not in STOPWORDS and w[:1].isalnum()]


def _said(wanted: Sequence[str], words: Sequence[str]) -> bool:
    """Tell whether every word of ``wanted`` is one of ``words`` (by lemma, singular or a shared stem)."""
    return all(any(words_match(w, s) >= 0.8 or noun_key(w) == noun_key(s) for s in words) for w in wanted)


def _graded_by(unit: Unit, words: Sequence[str]) -> bool:
    """Tell whether a comparative of ``words`` says the amount ``unit`` grades, on its side ("takes *longer*"
    says "more time", never "less time")."""
    if not unit.graded or "than" in words:
        return False  # "A takes longer than B": both stand in the clause, and words alone cannot tell the side
    return any(degree(w) == "JJR" and unit.graded * amount_side(w, unit.words[-1]) > 0 for w in words)


def _between(greater: URIRef, lesser: URIRef, owner: dict[URIRef, Option]) -> bool:
    """Tell whether a comparison's two sides are two different options."""
    return greater in owner and lesser in owner and owner[greater] is not owner[lesser]


def _name_words(text: str) -> frozenset[str]:
    """Return the words a name is matched by: singular, lowercase, without articles. A possessive stands for
    the thing it owns, named by the question ("which crew ..., Wednesday's or Saturday's?"): its owner's word;
    so does the pronoun "one" ("the steel one or the brass one"): its modifiers. A deed's pronoun object
    ("sanding *it* or oiling *it*") stands for the thing the question speaks of: its verb names the deed."""
    words = (w[:-2] if w.endswith(("'s", "\u2019s")) else w for w in name_key(text).split())
    return frozenset(w for w in words if w and w not in DETERMINERS and w not in OPTION_PRONOUNS)


def _names(key: frozenset[str], label: str) -> bool:
    """Tell whether an option's words and a concept's label name the same thing, one in fewer words."""
    other = _name_words(label)
    return bool(key) and bool(other) and (key <= other or other <= key)


def _same(word: str, quality: str) -> bool:
    """Tell whether ``word`` names ``quality``: the same word or lemma, or its WordNet synonym ("faster" of
    "quicker", ``grade_alike``)."""
    return words_match(word, quality) >= 0.8 or bool(lemmas(word) & lemmas(quality)) or grade_alike(word, quality)


def _opposed(word: str, quality: str) -> bool:
    """Tell whether ``word`` names the opposite of ``quality`` ("heavier": "lightweight", by "heavy"/"light")."""
    # "slower" of a stated "quicker": the opposite of "slow" is "fast", the synonym of "quick"; "more often"
    # of a stated "rarer": the opposite of "often" is "rarely", the adverb of "rare".
    return are_opposites(word, quality) or any(
        words_match(o, quality) >= 0.8 or grade_alike(o, quality) or (adjective_of_adverb(o) or "") in lemmas(quality)
        for o in opposites(word)
    )


def _occurrences(words: list[tuple[int, str]], name: list[str]) -> list[tuple[int, int]]:
    """Return where the words of ``name`` stand in a row among ``words`` (index into ``words``, width)."""
    n = len(name)
    if not n:
        return []
    return [(k, n) for k in range(len(words) - n + 1) if [w for _, w in words[k : k + n]] == name]


def _after_than(token, head) -> bool:
    """Tell whether ``token`` stands in a "than" phrase of its clause (headed by ``head``): what the clause
    compares is measured against it, and the sentence's words alone do not say which way (``_clauses``)."""
    while token.i != head.i and token.head.i != token.i:
        if token.lower_ == "than":
            return True
        token = token.head
    return False


def _clause_head(token):
    """Return the verb that heads the clause ``token`` stands in (the root, if none)."""
    head = token
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    return head


def _clause_words(head) -> list:
    """Return the tokens of ``head``'s clause: its subtree without the clauses joined to it."""
    joined = {t.i for c in head.children if c.dep_ in CLAUSE_LINKS for t in c.subtree}
    return [t for t in head.subtree if t.i not in joined]


__all__ = ["ChoiceAnswerer", "Option", "read_options"]
