"""Read facts out of one sentence: relations, definitions, qualities and comparisons.

The rules are about English, not about any document: a relation phrase known to the ontology sits
between the concept it is said of (nearest on its left) and the concepts it is said about (nearest on
its right, with their "and"-coordinated neighbours); slotted patterns ("create {s} from {o}") cover
phrasings where the subject follows the verb; "X won't" repeats the previous clause's relation,
negated; "it" and "they" refer back. A negated relation is stored as its ontology contrary, or dropped.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from rdflib import Literal, URIRef

from kg.ingest.concepts import Concept, ConceptRegistry, Mention
from kg.ingest.lexicon import Lexicon, Phrase
from kg.ingest.parse import third_person_verb
from kg.namespaces import KGO
from kg.text import (
    ARTICLES,
    AUXILIARIES,
    COPULAS,
    FILLERS,
    INDEFINITE_PRONOUNS,
    NEAR_NEGATIONS,
    NEGATIONS,
    PRONOUNS_OBJECT,
    PRONOUNS_SUBJECT,
    SETTING_APART,
    SINGULAR_DEMONSTRATIVES,
    STOPWORDS,
    Token,
    can_be_noun,
    getAllLemmas,
    is_adjective,
    is_numeral,
    is_passive_participle,
    is_verb_only,
    lemmas,
    tokenize,
)

CLAUSE_BREAKS = frozenset({";", "while", "whereas", "because", "although", "though", "but", "where", "since"})
APPOSITION = frozenset({"called", "named", "known"})
COORDINATORS = frozenset({"and", "or", ",", "as", "well", "plus"})
SKIPPABLE = FILLERS | AUXILIARIES | frozenset({"you", "to", "allow", "allows", "let", "lets", "enable", "enables"})


#: Words that end a noun phrase: relative pronouns and prepositions (a preposition after the verb's object
#: opens an adjunct, not more of the name; "of" stays inside: "a copy of your data").
PHRASE_ENDS = frozenset(
    "that which who to in on for with by from like at into onto over under during after before through "
    "between across within without via per than as about".split()
)


@dataclass
class Fact:
    """One extracted statement, with the rule that produced it."""

    subject: URIRef
    predicate: URIRef
    object: URIRef | Literal
    rule: str


@dataclass
class Context:
    """What earlier sentences leave for later ones: the last subject and object, the compared pair."""

    last_subject: Concept | None = None
    last_object: Concept | None = None
    last_fact: Fact | None = None
    compared: tuple[Concept, Concept] | None = None
    facts: list[Fact] = field(default_factory=list)


class SentenceReader:
    """Extract facts from sentences with an ontology's lexicon and a document's concept registry."""

    def __init__(self, registry: ConceptRegistry, lexicon: Lexicon):
        self.registry = registry
        self.lexicon = lexicon
        self.nominal: frozenset[str] = frozenset()
        self.passive: frozenset[str] = frozenset()

    def read(
        self,
        sentence: str,
        ctx: Context,
        defining: bool = True,
        nominal: frozenset[str] = frozenset(),
        passive: frozenset[str] = frozenset(),
    ) -> list[Fact]:
        """Return the facts ``sentence`` states; update ``ctx`` for the sentences that follow.

        ``nominal`` are the words the sentence's parse reads only as nouns or adjectives (see
        :func:`only_nominal`): a relation phrase never opens on one ("direct private connection" states
        no directing, "a (star) connection" no starring). ``passive`` are the verbs the parse reads as
        passive participles (see :func:`passive_participles`): "X is <participle>" says what is done to X,
        never what X is.
        """
        self.nominal = nominal
        self.passive = passive
        tokens = tokenize(sentence)
        mentions = self.registry.mentions(tokens)
        # "the stop action": a class noun right after a name only says what the name is.
        mentions = [
            m for n, m in enumerate(mentions)
            if not (n and m.concept.iri in self.lexicon.class_iris and mentions[n - 1].end == m.start)
        ]  # fmt: skip
        for m in mentions:
            self.registry.touch(m.concept)
        facts: list[Fact] = []
        for n, (start, end) in enumerate(_clauses(tokens)):
            clause_mentions = [m for m in mentions if start <= m.start and m.end <= end]
            rank = 0 if not defining else (1 if n == 0 else 2)
            facts.extend(self._read_clause(sentence, tokens, start, end, clause_mentions, ctx, rank))
        ctx.facts.extend(facts)
        return facts

    # -- one clause --------------------------------------------------------------------------------
    def _read_clause(self, sentence, tokens, start, end, mentions, ctx, defining) -> list[Fact]:
        if any(tokens[i].lower in NEAR_NEGATIONS for i in range(start, end)):
            return []  # "X seldom runs on Y": neither the fact nor its denial (see kg.text.NEAR_NEGATIONS)
        taken = {i for m in mentions for i in range(m.start, m.end)}
        facts = self._patterns(tokens, start, end, mentions, ctx)
        if facts:
            return self._remember(facts, ctx, mentions)
        if defining:
            self._definition(sentence, tokens, start, end, mentions, defining)
        matches = self._relations(tokens, start, end, taken)
        previous: Concept | None = None
        for idx, (r_start, r_end, phrase) in enumerate(matches):
            limit = matches[idx + 1][0] if idx + 1 < len(matches) else end
            before = _skip_back(tokens, r_start - 1, start)
            if previous is not None and before >= start and tokens[before].lower in {"and", "or", ","}:
                subject = previous  # "X offers A and offers B": the verbs share their subject
            else:
                subject = self._subject(tokens, start, r_start, mentions, ctx)
            if subject is None:
                continue
            previous = subject
            objects = self._objects(tokens, r_end, limit, mentions, ctx)
            negated = any(tokens[i].lower in NEGATIONS for i in range(start, r_end))
            prop = phrase.prop
            if negated:
                if prop not in self.lexicon.contrary:
                    continue
                prop = self.lexicon.contrary[prop]
            for obj in objects:
                if obj.iri != subject.iri:
                    facts.append(Fact(subject.iri, prop, obj.iri, "relation"))
        if not matches:
            facts.extend(self._ellipsis(tokens, start, end, mentions, ctx))
        last_relation_end = matches[-1][1] if matches else start
        facts.extend(self._copula(tokens, last_relation_end, end, mentions, ctx))
        return self._remember(facts, ctx, mentions)

    def _remember(self, facts: list[Fact], ctx: Context, mentions: list[Mention]) -> list[Fact]:
        for fact in facts:
            if fact.predicate == KGO.hasCharacteristic or fact.rule == "definition":
                continue
            ctx.last_subject = self.registry.concepts.get(fact.subject, ctx.last_subject)
            if isinstance(fact.object, URIRef):
                ctx.last_object = self.registry.concepts.get(fact.object, ctx.last_object)
            ctx.last_fact = fact
        if not facts and mentions:
            ctx.last_subject = mentions[0].concept
        return facts

    # -- relation phrases --------------------------------------------------------------------------
    def _relations(self, tokens: list[Token], start: int, end: int, taken: set[int]):
        """Find relation phrases in tokens [start, end), longest first, not inside concept names."""
        spans: list[tuple[int, int, Phrase]] = []
        used: set[int] = set()
        # Only phrases whose first word some token of the clause can be are worth matching.
        firsts = self.lexicon.phrases_by_first_word
        possible = {id(p) for i in range(start, end) for w in lemmas(tokens[i].text) for p in firsts.get(w, ())}
        for phrase in self.lexicon.phrases:
            if id(phrase) not in possible:
                continue
            for i in range(start, end):
                if i in used or i in taken or not tokens[i].is_word or tokens[i].lower in APPOSITION:
                    continue
                if tokens[i].lower in self.nominal:
                    continue
                stop = _match_words(tokens, i, end, phrase.words, taken)
                if stop is None or any(j in used for j in range(i, stop)):
                    continue
                spans.append((i, stop, phrase))
                used.update(range(i, stop))
        spans.sort(key=lambda s: s[0])
        return spans

    def _patterns(self, tokens, start, end, mentions, ctx) -> list[Fact]:
        """Match slotted patterns such as "create {s} from {o}"."""
        by_start = {m.start: m for m in mentions}
        if len(mentions) < 2:
            return []  # a pattern has two slots, each a concept
        words = {w for i in range(start, end) for w in lemmas(tokens[i].text)}
        for pattern in self.lexicon.patterns:
            if any(not (group & words) for part in pattern.parts for group in part):
                continue  # a word the pattern needs is not in the clause
            for i in range(start, end):
                slots = _match_pattern(tokens, i, end, pattern.parts, pattern.order, by_start)
                if slots is not None:
                    s, o = slots["s"].concept, slots["o"].concept
                    if s.iri != o.iri:
                        return [Fact(s.iri, pattern.prop, o.iri, "pattern")]
        return []

    def _subject(self, tokens, start, r_start, mentions, ctx) -> Concept | None:
        """Return the concept a relation is said of: the nearest name (or pronoun) on its left.

        None when a demonstrative opening its clause stands right before the relation ("..., and *that*
        includes the chairman"): it stands for the statement before, which no name on its left is.
        """
        before = r_start - 1
        while before >= start and tokens[before].lower in AUXILIARIES:
            before -= 1
        while before > start and tokens[before].lower == "else":
            before -= 1
        if before >= start and tokens[before].lower in INDEFINITE_PRONOUNS:
            return None  # "..., so that nobody else has to leave": said of no one the text names
        demonstrative = before >= start and tokens[before].lower in SINGULAR_DEMONSTRATIVES
        if demonstrative and (before == start or tokens[before - 1].lower in COORDINATORS | CLAUSE_BREAKS):
            return None
        left = [m for m in mentions if m.end <= r_start]
        if (
            len(left) > 1
            and _at_start(tokens, start, left[0].start)
            and any(tokens[i].lower in COPULAS for i in range(left[0].end, left[-1].start))
        ):
            return left[0].concept  # "X is a Y that provides Z": Z is said of X
        pronoun_at = max((i for i in range(start, r_start) if tokens[i].lower in PRONOUNS_SUBJECT), default=-1)
        if left and left[-1].end > pronoun_at:
            # "Any resource you put inside the default VPC will be ...": the subject is the clause's
            # first name when the nearest one sits inside a relative clause; keep it simple: nearest.
            return left[-1].concept
        if pronoun_at >= 0:
            earlier = [m for m in mentions if m.end <= pronoun_at]
            return earlier[-1].concept if earlier else ctx.last_subject
        return None

    def _objects(self, tokens, r_end, limit, mentions, ctx) -> list[Concept]:
        """Return the concepts a relation is said about: the first name on its right and its coordinates."""
        right = [m for m in mentions if m.start >= r_end and m.end <= limit]
        if not right:
            j = _skip(tokens, r_end, limit)
            if j < limit and tokens[j].lower in PRONOUNS_OBJECT and ctx.last_object is not None:
                return [ctx.last_object]
            minted = self._mint_phrase(tokens, r_end, limit)
            return [minted] if minted else []
        first = right[0]
        first = self._apposition(tokens, first, right, limit)
        chosen = [first.concept]
        prev_end = first.end
        for m in right:
            if m.start < prev_end:
                continue
            between = [t.lower for t in tokens[prev_end : m.start]]
            if (
                between
                and all(w in COORDINATORS or w in FILLERS for w in between)
                and ("and" in between or "," in between or "or" in between)
            ):
                chosen.append(m.concept)
                prev_end = m.end
            else:
                break
        return chosen

    def _apposition(self, tokens, first: Mention, right: list[Mention], limit: int) -> Mention:
        """Prefer Y in "a network called Y": the name, typed by the generic noun before it."""
        j = first.end
        if j < limit and tokens[j].lower in APPOSITION:
            later = [m for m in right if m.start > j and m.start - j <= 4]
            if later:
                named = later[0]
                if first.concept.known and first.concept.iri != named.concept.iri:
                    named.concept.types.add(first.concept.iri)  # "a network called the VPC": a Network
                return named
        return first

    def _mint_phrase(self, tokens, start, limit) -> Concept | None:
        """Mint a concept for a short noun phrase with no known name ("your code" -> code)."""
        j = _skip(tokens, start, limit)
        words: list[Token] = []
        while j < limit and tokens[j].is_word and tokens[j].lower not in COORDINATORS:
            if tokens[j].lower in PHRASE_ENDS:
                break
            words.append(tokens[j])
            j += 1
        words = [w for w in words if w.lower not in FILLERS]
        if not words or len(words) > 4 or not can_be_noun(words[-1].text) or is_adjective(words[-1].text):
            return None  # "makes builds reproducible": a phrase that ends in an adjective says a result
        if words[0].lower in AUXILIARIES or words[0].lower in NEGATIONS:
            return None
        if all(w.lower in PRONOUNS_SUBJECT | PRONOUNS_OBJECT for w in words):
            return None  # "It is slower than X": a pronoun names no new thing (the parse reads what it stands for)
        return self.registry.get_or_mint(" ".join(w.text for w in words))

    # -- no relation phrase ------------------------------------------------------------------------
    def _ellipsis(self, tokens, start, end, mentions, ctx) -> list[Fact]:
        """Read "X won't" after a relation as that relation negated, for X."""
        words = [t.lower for t in tokens[start:end] if t.is_word]
        if not mentions or not words or words[-1] not in NEGATIONS or ctx.last_fact is None:
            return []
        prop = self.lexicon.contrary.get(ctx.last_fact.predicate)
        if prop is None:
            return []
        return [Fact(mentions[-1].concept.iri, prop, ctx.last_fact.object, "ellipsis")]

    def _definition(self, sentence, tokens, start, end, mentions, rank: int) -> None:
        """Record "X is a Y ..." / "X is how ..." at the start of a sentence as X's definition."""
        cop = next((i for i in range(start, end) if tokens[i].lower in COPULAS), None)
        first = mentions[0] if mentions else None
        if cop is None or first is None or first.end > cop or not _at_start(tokens, start, first.start):
            return
        if any(t.is_word for t in tokens[first.end : cop]) and tokens[first.end].text != "(":
            return
        after = _skip_aux(tokens, cop + 1, end)
        if after >= end or tokens[after].lower in {"more", "less"} or tokens[after].lower.endswith("er"):
            return
        if tokens[after].lower in self.passive:
            return  # "The lid is sealed by hand": a passive says what is done to the lid, not what it is
        article = tokens[after].lower in {"a", "an"}
        first.concept.definitions.append((rank if article else rank + 1, sentence, None))
        if article:
            cls = self._class_after(tokens, after + 1, end)
            if cls is not None and cls != first.concept.iri:
                first.concept.types.add(cls)

    def _copula(self, tokens, start, end, mentions, ctx) -> list[Fact]:
        """Read "X is ADJ [and ADJ]" and "X is more ADJ [than Y]" after any relation phrase."""
        cop = next((i for i in range(start, end) if tokens[i].lower in COPULAS), None)
        if cop is None:
            return []
        subject = self._subject(tokens, 0, cop, mentions, ctx)
        left = [m for m in mentions if m.end <= cop]
        if left and left[-1].concept is subject and _in_modifier(tokens, left[-1]):
            # "The garden waste skip *in Bay 3* is larger": the skip is, not the bay; the words before the
            # preposition are the subject, whether or not a name (or a part of one) was found in them.
            subject = self._mint_phrase(tokens, 0, left[-1].start)
        after = _skip_aux(tokens, cop + 1, end)
        after = _graded(tokens, after, end)
        if after >= end:
            return []
        word = tokens[after].lower
        if subject is None and _comparative(word):
            subject = self._mint_phrase(tokens, start, cop)  # "The new roller is faster": no name needed
        if subject is None:
            return []
        if _comparative(word):
            return self._comparison(tokens, after, end, subject, mentions, ctx)
        if word in {"a", "an", "the", "how", "what", "that", "which", "where", "when", "who"}:
            return []
        if any(m.start >= after for m in mentions):
            return []
        if any(tokens[i].lower in NEGATIONS for i in range(start, after + 1)):
            return []  # "X cannot be caught", "X is never put ...": a denied quality is never X's quality
        if any(tokens[i].lower in SETTING_APART for i in range(start, cop)):
            return []  # "every other X is ...": said of the rest of them, not of X
        return [Fact(subject.iri, KGO.hasCharacteristic, Literal(q), "quality") for q in _qualities(tokens, after, end)]

    def _class_after(self, tokens, start, end) -> URIRef | None:
        words = []
        for t in tokens[start:end]:
            if not t.is_word or t.lower in {"that", "which", "who", "where", "with", "for", "in", "of"}:
                break
            words.append(t.text)
        name = " ".join(words)
        return self.lexicon.class_for(name) or self.lexicon.head_class(name) if name else None

    def _comparison(self, tokens, at, end, subject, mentions, ctx) -> list[Fact]:
        """Read "X are more ADJ [than Y]" (Y defaults to the pair a "A vs B" heading compares).

        The other side is the mention after "than", never merely a mention later in the sentence (the
        other clause of "A is better suited to X, whereas B is better suited to Y" is no "than").
        """
        word = tokens[at].lower
        if word in {"more", "less"}:
            if at + 1 >= end or not tokens[at + 1].is_word:
                return []
            quality, greater = tokens[at + 1].lower, word == "more"
        else:
            quality, greater = word, True
        than_at = next((i for i in range(at + 1, end) if tokens[i].lower == "than"), None)
        if than_at is not None:
            than = [m for m in mentions if m.start > than_at]
            # "than the old press": a noun phrase no name was found in is minted, as a subject's is.
            other = than[0].concept if than else self._mint_phrase(tokens, than_at + 1, end)
        else:
            # Without "than", the heading's pair is the other side, but only for a bare comparative ("X is
            # lighter", "lighter and faster"): "better suited to Y" compares at something this cannot name.
            following = [t for t in tokens[at + (2 if word in {"more", "less"} else 1) : end] if t.is_word]
            if following and following[0].lower not in {"and", "or"}:
                return []
            other = None
        if other is None and than_at is None and ctx.compared and subject in ctx.compared:
            other = ctx.compared[1] if ctx.compared[0] is subject else ctx.compared[0]
        if other is None or other is subject:
            return []
        winner, loser = (subject, other) if greater else (other, subject)
        return [Fact(winner.iri, KGO.moreThan, loser.iri, f"comparison:{quality}")]


def _comparative(word: str) -> bool:
    """Tell whether a word opens a comparison: "more", "less", or an -er comparative ("faster")."""
    return word in {"more", "less"} or (word.endswith("er") and word not in {"other", "never"})


def _graded(tokens: list[Token], at: int, end: int) -> int:
    """Return where the comparative stands that the words at ``at`` only grade ("*far* faster", "*$19*
    cheaper", "*ten minutes* quicker"), else ``at``: an adverb, or an amount with perhaps its unit."""
    if at + 1 < end and _degree_adverb(tokens[at].lower) and _comparative(tokens[at + 1].lower):
        return at + 1
    j = at
    while j < end and (
        is_numeral(tokens[j].lower)
        or any(c.isdigit() for c in tokens[j].text)
        or all(unicodedata.category(c) == "Sc" for c in tokens[j].text)  # "$", "£": a currency's sign
    ):
        j += 1
    if j == at:
        return at
    if j < end and _comparative(tokens[j].lower):
        return j
    if j + 1 < end and tokens[j].is_word and _comparative(tokens[j + 1].lower):
        return j + 1
    return at


def _degree_adverb(word: str) -> bool:
    """Tell whether a word may grade a comparative after it ("*far* faster", "*much* cheaper"): an adverb
    the dictionary knows, never a negation ("not faster" denies the comparison)."""
    return word not in NEGATIONS and "ADV" in getAllLemmas(word)


def _in_modifier(tokens: list[Token], name) -> bool:
    """Tell whether the mention ``name`` sits in a phrase of place or part that modifies the noun just before
    it ("the skip *in Bay 3*", "the key *of the shed*"): a preposition, perhaps an article, then the name,
    after a noun phrase that opens the sentence."""
    before = [t for t in tokens[: name.start] if t.is_word]
    while before and before[-1].lower in ARTICLES:
        before.pop()
    return len(before) > 1 and before[-1].lower in MODIFYING_PREPOSITIONS and before[-2].lower not in STOPWORDS


#: Prepositions that open a phrase modifying the noun before them inside a subject. Closed class.
MODIFYING_PREPOSITIONS = frozenset("in on at of inside within from near beside behind under".split())


def _clauses(tokens: list[Token]) -> list[tuple[int, int]]:
    """Split a sentence's tokens into clauses at semicolons and subordinating conjunctions.

    A clause that opens with a subordinator ("While A, B") ends at its first comma.
    """
    bounds, start = [], 0
    for i, tok in enumerate(tokens):
        opened_by_subordinator = tokens[start].lower in CLAUSE_BREAKS | {"when", "if", "after", "before"}
        if tok.lower in CLAUSE_BREAKS and i > start:
            bounds.append((start, i))
            start = i + 1 if tok.lower == ";" else i
        elif tok.text == "," and opened_by_subordinator and i > start:
            bounds.append((start, i))
            start = i + 1
    if start < len(tokens):
        bounds.append((start, len(tokens)))
    return bounds


#: Parts of speech of a word that names or qualifies, and so opens no relation phrase.
NOMINAL_POS = frozenset({"NOUN", "PROPN", "ADJ", "NUM"})
#: Where such a word modifies a noun, inside a noun phrase: "direct private connection".
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "appos", "npadvmod"})


def only_nominal(doc) -> frozenset[str]:
    """Return the lowercase words that a parse reads as nouns or adjectives (or hedges of a number) wherever
    they occur.

    The phrase reader matches the ontology's words by position alone; the parser knows which words
    are verbs. A word every occurrence of which is a noun or adjective in the parse does not state a
    relation, whatever its dictionary forms ("direct" in "direct private connection"), where it
    modifies a noun.
    """
    readings: dict[str, set[bool]] = {}
    for token in doc:
        if " " not in token.text:  # a merged name's words are the name's, not the clause's
            modifier = token.pos_ in NOMINAL_POS and token.dep_ in MODIFIER_DEPS
            # "took *about* 11 seconds": a word that hedges a number states no relation either.
            modifier = modifier or (token.dep_ in ("advmod", "quantmod") and token.head.like_num)
            readings.setdefault(token.lower_, set()).add(modifier)
    # The tagger misreads a verb's -s form as a noun ("volume attaches to"): only a word that cannot
    # be one, and is no verb alone, is kept from the phrases.
    return frozenset(
        word
        for word, found in readings.items()
        if found == {True} and not third_person_verb(word) and not is_verb_only(word)
    )


def passive_participles(doc) -> frozenset[str]:
    """Return the lowercase words a parse reads as passive participles ("sealed" in "The lid is sealed").

    The dictionary cannot tell them apart: "rung" and "cast" are nouns too, and "X is cast" may look
    like a copula before a noun. The parse can: a passive verb carries a passive auxiliary or subject.
    """
    return frozenset(token.lower_ for token in doc if is_passive_participle(token))


def _at_start(tokens, start, index) -> bool:
    """Tell whether only articles and fillers stand between a clause's start and ``index``."""
    return all(t.lower in FILLERS or t.lower in CLAUSE_BREAKS or not t.is_word for t in tokens[start:index])


def _skip_back(tokens, j, start) -> int:
    while j >= start and tokens[j].lower in SKIPPABLE:
        j -= 1
    return j


def _match_words(tokens, i, end, words, taken) -> int | None:
    """Match lemma sets ``words`` from token i, skipping filler words between them; return the end."""
    j = i
    for n, wanted in enumerate(words):
        if n:
            while j < end and tokens[j].lower in SKIPPABLE and not (lemmas(tokens[j].text) & wanted):
                j += 1
        if j >= end or (n == 0 and j in taken) or not tokens[j].is_word or not (lemmas(tokens[j].text) & wanted):
            return None
        j += 1
    return j


def _match_pattern(tokens, i, end, parts, order, by_start) -> dict[str, Mention] | None:
    """Match a slotted pattern at token i: words, a concept, words, a concept, words."""
    j = i
    slots: dict[str, Mention] = {}
    for n, part in enumerate(parts):
        if part:
            stop = _match_words(tokens, j, end, part, set())
            if stop is None:
                return None
            j = stop
        elif n == 0:
            pass
        if n < len(order):
            j = _skip(tokens, j, end)
            mention = by_start.get(j)
            if mention is None:
                return None
            slots[order[n]] = mention
            j = mention.end
    return slots


def _skip(tokens, j, limit) -> int:
    while j < limit and tokens[j].lower in SKIPPABLE:
        j += 1
    return j


def _skip_aux(tokens, j, limit) -> int:
    while j < limit and tokens[j].lower in AUXILIARIES:
        j += 1
    return j


def _qualities(tokens, start, end) -> list[str]:
    """Split "public and accessible by the internet." into its qualities."""
    out, current = [], []
    for t in tokens[start:end]:
        if t.lower in {"and", ",", "or"} or not t.is_word:
            if current:
                out.append(" ".join(current))
            current = []
            continue
        current.append(t.text)
    if current:
        out.append(" ".join(current))
    return [q for q in out if 0 < len(q.split()) <= 5 and q.split()[0].lower() not in NEGATIONS]
