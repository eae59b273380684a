"""Corrections to the small English pipeline's output, as pipeline components: every parse gets them,
a note's sentences, a question and a quoted sentence alike.

- Verb lemmas from a dictionary, not from spaCy's suffix rules. The rule lemmatizer strips the first
  suffix that leaves a known word, so "hopes", "hoped" and "hoping" all become "hop", "rated" becomes
  "rat" and "taped" "tap". A predicate minted from such a lemma names another verb ("hop to buy"), and a
  question's "hope" no longer meets it. lemminflect's dictionary knows each inflected form's lemma, so
  an inflected verb takes its lemma from there; a form the dictionary does not know keeps spaCy's.
- A subject parsed as a compound of its verb ("The annealer runs on gas"): see ``subject_as_compound``.
- A noun at the end of a noun phrase tagged as an adverb ("a brass sextant"): see ``noun_as_adverb``.
- A list going on after a relative clause's object, hung on the clause's noun: see ``list_after_relative``.
- A list whose second item the parser took for an apposition of the first: see ``list_in_apposition``.
- A list whose second item the parser took for an adverbial noun of the verb: see ``list_as_adverb``.
- An apposition hung on a noun further back than the name right before its comma: see ``apposition_to_nearest``.
- A name tagged as an adverb, heading a sentence or after "called" / "named": see ``name_as_adverb``.
- A joined clause's subject parsed as one more object of the first clause ("NFC composes characters and
  NFD decomposes them"): see ``joined_clause_subject``.
- A list of three noun phrases or more ("A, B, C and D") whose later items the parser hung elsewhere (a
  later verb's subject, a clause of an item, a verb of its own): see ``list_run``.
- A name set off by a comma hung on the bare noun of a phrase ("the medic on duty, Ida Moss"): see
  ``apposition_past_bare_noun``.
- An apposition of a name the parser hung on the verb as an adverbial noun ("rules in Quill, the metrics
  store we run"): see ``apposition_read_as_adverb``.
- A sentence with no verb, whose root is a verb's -s form tagged as a plural noun ("The spare kit *lives*
  in the hall"): see ``verb_read_as_noun``.
- A participle and its object read as one plural noun phrase ("a blue tin *holding* spare coins"): see
  ``participle_read_as_modifier``.
"""

from __future__ import annotations

import re

from lemminflect import getAllLemmas, getInflection, getLemma
from spacy.language import Language

from kg.opposites import word_pairs
from kg.text import ARTICLES, NAMING_VERBS, NUMBER_WORDS, SUBJECT_DEPS, agrees_in_number, noun_key

VERB_LEMMAS = "kg_verb_lemmas"
SUBJECT_AS_COMPOUND = "kg_subject_as_compound"
JOINED_CLAUSE_SUBJECT = "kg_joined_clause_subject"
NOUN_AS_ADVERB = "kg_noun_as_adverb"
LIST_AFTER_RELATIVE = "kg_list_after_relative"
LIST_IN_APPOSITION = "kg_list_in_apposition"
LIST_AS_ADVERB = "kg_list_as_adverb"
APPOSITION_TO_NEAREST = "kg_apposition_to_nearest"
NAME_AS_ADVERB = "kg_name_as_adverb"
LIST_RUN = "kg_list_run"
PLACE_AFTER_TIME = "kg_place_after_time"
ASIDE_AS_ROOT = "kg_aside_as_root"
VERB_READ_AS_NOUN = "kg_verb_read_as_noun"
APPOSITION_READ_AS_ADVERB = "kg_apposition_read_as_adverb"
APPOSITION_PAST_BARE_NOUN = "kg_apposition_past_bare_noun"
PARTICIPLE_READ_AS_MODIFIER = "kg_participle_read_as_modifier"
#: Nouns whose first sense in WordNet is a time, an event or an act (``kg.sentence_slots.TIME_TABLE``).
TIME_TABLE = "times.tsv"
#: The inflected verb tags whose suffix the rules strip.
INFLECTED = frozenset(("VBD", "VBG", "VBN", "VBZ"))
#: The finite verb tags a clause's verb has.
FINITE = frozenset(("VBZ", "VBD", "VBP"))
#: What may modify a noun but never a verb: left of the noun, such a word belongs to the noun.
NOUN_MODIFIERS = frozenset(("det", "amod", "compound", "poss", "nummod"))


@Language.component(VERB_LEMMAS)
def verb_lemmas(doc):
    """Give each inflected verb the lemma lemminflect's dictionary has for it."""
    for token in doc:
        if token.pos_ == "VERB" and token.tag_ in INFLECTED:
            found = getLemma(token.lower_, upos="VERB")
            if found and found[0].isalpha() and found[0] != token.lemma_:
                token.lemma_ = found[0]
    return doc


@Language.component(SUBJECT_AS_COMPOUND)
def subject_as_compound(doc):
    """Read as the subject a noun the parser made a compound of the verb after it ("The annealer runs on X").

    A word the tagger says is a finite verb heads no noun phrase, yet the parser may hang "the" and the
    noun before it on it as if it did (a rare noun followed by a verb's -s form). A determiner never
    modifies a verb: the noun before the verb, with the determiner, is the clause's subject.
    """
    for verb in doc:
        if verb.pos_ != "VERB" or verb.tag_ not in FINITE or verb.i == 0:
            continue
        if any(c.dep_ in SUBJECT_DEPS for c in verb.children):
            continue
        noun = doc[verb.i - 1]
        if noun.dep_ != "compound" or noun.head.i != verb.i or noun.pos_ not in ("NOUN", "PROPN"):
            continue
        for child in list(verb.children):
            if child.i < noun.i and child.dep_ in NOUN_MODIFIERS:
                child.head = noun
        noun.dep_ = "nsubj"
    return doc


@Language.component(JOINED_CLAUSE_SUBJECT)
def joined_clause_subject(doc):
    """Read as a joined clause's subject the noun the parser made one more object of the clause before.

    "NFC composes characters and NFD decomposes them" is parsed as "composes characters and NFD", with
    "decomposes" a second verb of NFC. A finite verb joined to another, with no subject of its own,
    right after a joined noun that agrees with it in number, has that noun for its subject: a verb
    sharing the first clause's subject would follow its own "and", not a noun.
    """
    for verb in doc:
        if verb.pos_ != "VERB" or verb.tag_ not in FINITE or verb.dep_ != "conj" or verb.i == 0:
            continue
        if any(c.dep_ in SUBJECT_DEPS for c in verb.children):
            continue
        noun = doc[verb.i - 1]
        if noun.dep_ != "conj" or noun.pos_ not in ("NOUN", "PROPN") or noun.head.dep_ not in ("dobj", "pobj"):
            continue
        if not agrees_in_number(noun, verb):
            continue  # "decomposes" takes one thing, "decompose" several (or I, you)
        for child in list(noun.children):
            if child.i < noun.i and child.dep_ in NOUN_MODIFIERS:
                child.head = noun
        noun.head = verb
        noun.dep_ = "nsubj"
    return doc


@Language.component(NOUN_AS_ADVERB)
def noun_as_adverb(doc):
    """Read as the head of the noun phrase before it a noun the tagger took for an adverb ("a brass
    *sextant*", "Wenna *Trask*").

    A rare noun at the end of a noun phrase may come out an adverb of the verb, leaving the phrase's
    modifier ("brass") as its head. A word the dictionary knows as a noun and never as an adverb (or, after
    a proper noun, a capitalised word it does not know at all: a surname) heads the phrase instead: it
    takes the place of the word before it, which becomes its compound, and that word's modifiers.
    """
    for token in doc:
        if token.tag_ != "RB" or token.i == 0 or any(True for _ in token.children):
            continue
        before = doc[token.i - 1]
        if before.pos_ not in ("NOUN", "PROPN") or before.dep_ == "compound":
            continue
        known = getAllLemmas(token.lower_)
        if "ADV" in known:
            continue
        if "NOUN" in known and token.is_lower:
            token.tag_, token.pos_ = ("NNS", "NOUN") if token.lower_ != known["NOUN"][0] else ("NN", "NOUN")
            token.lemma_ = known["NOUN"][0]
        elif not known and before.pos_ == "PROPN" and token.is_title:
            token.tag_, token.pos_, token.lemma_ = "NNP", "PROPN", token.text
        else:
            continue
        head, dep = before.head, before.dep_
        for child in list(before.children):
            child.head = token
        token.head = token if head.i == before.i else head
        token.dep_ = dep
        before.head, before.dep_ = token, "compound"
    return doc


@Language.component(LIST_AFTER_RELATIVE)
def list_after_relative(doc):
    """Join to a relative clause's object the list that goes on after it ("Oona, who sorts parcels,
    letters and the sacks": the parcels, letters and sacks are what she sorts).

    The parser may hang the list's further items on the noun the clause is about, as if they were more
    people. An item that follows the clause's last object after a bare comma (no "and" or "or" before it)
    goes on that object's list; "Oona, who sorts parcels, and Abel ..." keeps Abel beside Oona.
    """
    for clause in doc:
        if clause.dep_ != "relcl" or clause.head.pos_ not in ("NOUN", "PROPN"):
            continue
        last = clause.right_edge
        objects = [c for c in clause.children if c.dep_ in ("dobj", "attr") and c.right_edge.i == last.i]
        if not objects or last.i + 2 >= len(doc) or doc[last.i + 1].text != ",":
            continue
        item = doc[last.i + 2]
        while item.i < len(doc) - 1 and item.dep_ in ("det", "amod", "compound") and item.head.i > item.i:
            item = item.head
        if item.dep_ == "conj" and item.head.i == clause.head.i and item.pos_ in ("NOUN", "PROPN"):
            item.head = objects[0]
    return doc


@Language.component(LIST_IN_APPOSITION)
def list_in_apposition(doc):
    """Read as one list "covers navigation at night, rope work, casualty care and search techniques".

    After a noun with a phrase of its own ("navigation *at night*"), the parser may take the second item for
    an apposition of the first and hang the rest on it. An apposition says another name of one thing, never
    a list: one whose own conjuncts end in "and"/"or" after a comma is the list's next item. An apposition
    after a colon ("three customers: A, B and C") names what the noun counts, and stays one; so does one
    whose noun counts its items ("two boats, the Tern and the Gannet").
    """
    for item in doc:
        noun = item.head
        if item.dep_ != "appos" or noun.pos_ not in ("NOUN", "PROPN") or item.i <= noun.i:
            continue
        if item.left_edge.i == 0 or doc[item.left_edge.i - 1].text != ",":
            continue
        if any(c.dep_ == "nummod" for c in noun.children):
            continue
        rest = [c for c in item.children if c.dep_ == "conj"]
        joined = any(c.dep_ == "cc" and c.lower_ in ("and", "or") for r in item.conjuncts for c in r.children)
        if not rest or not joined:
            continue
        item.dep_ = "conj"
        for other in rest:
            other.head = noun
    # "a face mask, Nitrile gloves, a burn dressing and the book": two appositions or more set off by
    # commas, the last with its own "and" list, are the list's items (one thing has one apposition; "the
    # manager, usually Ann on weekdays and Bo at weekends" names who fills the role, and stays one); and an
    # apposition between the noun and a later item of its list is an item too.
    for noun in doc:
        if any(c.dep_ == "nummod" for c in noun.children):
            continue
        aside = [c for c in noun.children if c.dep_ == "appos" and c.i > noun.i and doc[c.left_edge.i - 1].text == ","]
        last = aside[-1] if aside else None
        if len(aside) >= 2 and any(c.dep_ == "cc" and c.lower_ in ("and", "or") for c in last.children):
            for item in aside:
                item.dep_ = "conj"
                for other in [c for c in item.children if c.dep_ == "conj"]:
                    other.head = noun
        items = [c.i for c in noun.children if c.dep_ == "conj"]
        for item in aside if items else []:
            if item.dep_ == "appos" and item.i < max(items):
                item.dep_ = "conj"
    # "dry socks, hot tea, a medic": a list with no "and" at all, whose last item the parser hung as
    # an apposition of the one before. An apposition of a list's item, set off by a comma, in a list no
    # "and"/"or" joins, is the list's next item ("Ann and Bo, the manager" keeps its apposition).
    for item in doc:
        noun = item.head
        if item.dep_ != "appos" or noun.dep_ != "conj" or item.i <= noun.i or doc[item.left_edge.i - 1].text != ",":
            continue
        first = noun.head
        members = [first, *first.conjuncts]
        if any(c.dep_ == "cc" for m in members for c in m.children) or item.pos_ not in ("NOUN", "PROPN"):
            continue
        item.head, item.dep_ = first, "conj"
    return doc


@Language.component(LIST_AS_ADVERB)
def list_as_adverb(doc):
    """Read as one list "includes a face mask, leather gloves, a spanner and the log".

    An item with no article after the object's comma ("leather gloves") may come out an adverbial noun of
    the verb, the rest of the list hung on it: the object then stands alone. So may an item after a long
    subject ("The kit, which ... by our porter, Ada Moss, contains tape, a head torch, ..."), left
    unclassified ("dep"). Such a noun right after the comma that ends the verb's object, whose own
    conjuncts end in "and"/"or", is the list's next item.
    """
    for item in doc:
        verb = item.head
        if item.dep_ not in ("npadvmod", "dep") or item.pos_ not in ("NOUN", "PROPN") or item.left_edge.i == 0:
            continue
        objects = [c for c in verb.children if c.dep_ == "dobj" and c.i < item.i]
        comma = doc[item.left_edge.i - 1]
        # The comma ends the object's phrase, whether the parser hung it on the object or on the verb.
        if not objects or comma.text != "," or objects[-1].right_edge.i not in (comma.i - 1, comma.i):
            continue
        rest = [c for c in item.children if c.dep_ == "conj"]
        joined = any(c.dep_ == "cc" and c.lower_ in ("and", "or") for r in (item, *item.conjuncts) for c in r.children)
        if not rest or not joined:
            continue
        item.head, item.dep_ = objects[-1], "conj"
        for other in rest:
            other.head = objects[-1]
    return doc


@Language.component(APPOSITION_TO_NEAREST)
def apposition_to_nearest(doc):
    """Hang an apposition on the name right before its comma when the parser hung it on a noun further back,
    outside whose phrase that name stands ("the crew, who call the harbour through HAILNET, the radio
    service ...": the radio service is HAILNET, not the crew).

    An apposition follows what it names. A noun inside the phrase of the one the parser chose ("the captain
    of the Tern, Ola Finch") leaves the apposition where it is: the phrase may be what it names; a noun
    inside a clause of that phrase ("the master, who calls us through HAILNET, ...") does not. A name glossed
    in parentheses before the comma is the name right before it.
    """
    for item in doc:
        if item.dep_ != "appos" or item.i <= item.head.i or item.left_edge.i < 2:
            continue
        comma = doc[item.left_edge.i - 1]
        nearest = doc[comma.i - 1]
        if nearest.text == ")":
            # "racks for PKD (peak kiln drying), the slow process ...": a parenthesis glosses the name
            # before it, which the apposition after the comma names too.
            opening = next((t for t in reversed(doc[: nearest.i]) if t.text in "()"), None)
            if opening is not None and opening.text == "(" and opening.i > 0:
                nearest = doc[opening.i - 1]
        if comma.text != "," or nearest.pos_ not in ("NOUN", "PROPN") or nearest.i == item.head.i:
            continue
        if _in_phrase_of(nearest, item.head):
            continue
        item.head = nearest
    return doc


@Language.component(APPOSITION_PAST_BARE_NOUN)
def apposition_past_bare_noun(doc):
    """Hang on a noun a name the parser hung on the bare noun of its prepositional phrase ("The medic *on
    duty*, Ida Moss, logs ...": Ida is the medic, not the duty).

    A name set off by a comma names a thing the text refers to. A singular common noun with no article, no
    possessive and no modifier after a preposition ("in charge", "on duty", "of marketing") refers to no
    one thing, so it is not what the name names: the noun its phrase belongs to is. A noun with an article
    ("the captain of *the Tern*, Ola Finch") keeps the apposition; which of the two it names is not plain.
    """
    for item in doc:
        bare = item.head
        if item.dep_ != "appos" or item.i <= bare.i or doc[item.left_edge.i - 1].text != ",":
            continue
        if item.pos_ != "PROPN" or bare.dep_ != "pobj" or bare.tag_ != "NN" or not bare.is_lower:
            continue
        if item.left_edge.i - 1 != bare.i + 1 or any(c.i < bare.i for c in bare.children):
            continue
        prep = bare.head
        if prep.dep_ != "prep" or prep.head.pos_ != "NOUN" or prep.i != bare.i - 1:
            continue
        item.head = prep.head
    return doc


@Language.component(APPOSITION_READ_AS_ADVERB)
def apposition_read_as_adverb(doc):
    """Hang on the name before its comma a noun phrase the parser hung on the verb as an adverbial noun.

    "Our alerts are rules in Quill, the metrics store we run." may be parsed with "store" an adverbial noun
    of "are" ("*the next day*"), which names no time here: a phrase opening with an article right after a
    name and its comma says what the name is. Only a name (a proper noun) in the verb's own clause, and a
    phrase whose head is no time or event ("Quill, the next morning" stays a time of the verb).
    """
    for item in doc:
        if item.dep_ != "npadvmod" or item.pos_ not in ("NOUN", "PROPN") or item.head.pos_ not in ("VERB", "AUX"):
            continue
        opening = item.left_edge
        if opening.lower_ not in ARTICLES or opening.i < 2 or doc[opening.i - 1].text != ",":
            continue
        name = doc[opening.i - 2]
        if name.pos_ != "PROPN" or not any(t.i == name.i for t in item.head.subtree):
            continue
        if noun_key(item.lower_) in word_pairs(TIME_TABLE):
            continue
        item.head, item.dep_ = name, "appos"
    return doc


#: The dependency labels of a clause inside a noun phrase or joined to a verb.
CLAUSES = frozenset(("relcl", "acl", "advcl", "ccomp", "xcomp"))


@Language.component(NAME_AS_ADVERB)
def name_as_adverb(doc):
    """Read as a name a capitalised word the tagger took for an adverb: the subject heading a clause with no
    other ("Molly is walked twice a day": "-ly" names come out adverbs), or the name a naming participle
    gives ("a barge called Merrily").

    A subject read as an adverb leaves its clause with none, and the thing is said to do nothing; a name read
    as a modifier of "called" leaves the thing unnamed. Only a word with a capital that the dictionary does
    not know as an adverb ("Only", "Then" stay) at the head of a sentence, right before an auxiliary of a
    verb with no subject; or a capitalised word inside the sentence right after "called", "named" or
    "known" hung on a noun, with no other complement.
    """
    for token in doc:
        verb = token.head
        if token.is_sent_start:
            if _subject_read_as_adverb(token):
                passive = any(c.dep_ == "auxpass" for c in verb.children)
                token.tag_, token.pos_, token.dep_ = "NNP", "PROPN", "nsubjpass" if passive else "nsubj"
            continue
        if token.i != verb.i + 1 or not token.is_title:
            continue
        if token.dep_ not in ("advmod", "npadvmod", "dobj") or verb.lemma_ not in NAMING_VERBS:
            continue
        if verb.tag_ != "VBN" or verb.dep_ != "acl" or any(c.dep_ == "oprd" for c in verb.children):
            continue
        token.tag_, token.pos_, token.dep_ = "NNP", "PROPN", "oprd"
    return doc


#: Tags of the words a listed noun phrase is made of: determiners, modifiers, nouns, participles, numbers.
ITEM_TAGS = frozenset("DT PRP$ JJ JJR JJS NN NNS NNP NNPS VBG VBN HYPH CD POS".split())
#: Base and present verb tags the tagger gives a noun inside a list ("a spare brake *pad*", "*rescue*
#: drills"): inside a noun phrase of a list, such a word is a noun.
BARE_VERB_TAGS = frozenset(("VB", "VBP"))
#: The dependency labels a list's first item may have: it is an argument of its clause.
LIST_HEADS = frozenset("dobj pobj attr nsubj nsubjpass appos conj oprd".split())
#: The longest listed noun phrase read (in words), and the fewest items that make a run.
MAX_ITEM_WORDS = 5
MIN_ITEMS = 3
#: Labels no word of a listed noun phrase has: a preposition, a clause's marker or coordinator.
NOT_IN_ITEM = frozenset("prep agent mark cc".split())
#: Labels of a clause's arguments the parser may give a word inside a listed phrase ("a spare *brake* pad"
#: read as the subject of "pad"): inside the phrase, the word modifies its noun.
ITEM_CLAUSE_DEPS = frozenset("nsubj nsubjpass dobj".split())
#: Prepositions that may end a listed noun phrase with a phrase of its own ("null counts *on* key fields",
#: "sharpness *of* each blade"). "of" belongs to its noun wherever it stands; another only inside the run,
#: where the comma after its phrase closes the item (after the last item it may be the verb's: "... and C *in*
#: the morning"). Closed class.
ITEM_PREPOSITIONS = frozenset(("of", "on", "for", "in", "with", "from", "at"))


@Language.component(LIST_RUN)
def list_run(doc):
    """Read "A, B, C and D" as one list of noun phrases whatever the parser made of its later items.

    The small pipeline often breaks a long list: an item after the first comma becomes the subject of the
    clause after the list ("carries a hook, a radio, a bailer and an oar, and the cox checks them"), a
    participle inside an item a clause of the item before ("the name, weight, *cutting* instructions and ..."),
    a noun tagged as a verb a verb of its own ("steering and *rescue* drills"). By its words a run of
    three noun phrases or more, separated by commas, the last after "and"/"or", is a list: each item's last
    noun the parser did not join to the list is a conjunct of the item before it, as the parser chains a
    list (the first keeps the place the parser gave it: it is the clause's argument), and an item's other
    words modify its noun. A bare verb form inside an item is a noun. A counted first item ("two shops, the
    Spar and the deli") is named by the items after it: no list.
    """
    for items, joiner in _runs(doc):
        first = _item_head(doc, items[0])
        if first is None or first.dep_ not in LIST_HEADS:
            continue
        counted = [any(doc[k].tag_ == "CD" or doc[k].lower_ in NUMBER_WORDS for k in range(a, e)) for a, _, e in items]
        if counted[0] and not all(counted):
            continue  # "visits two shops, the Spar and the deli": the counted things named after them
        heads = [_item_head(doc, item) for item in items[1:]]
        if any(h is None for h in heads):
            continue
        chain = [first, *heads]
        # Each item hangs on the one before it, as the parser chains a list; an item that governs the one it
        # would hang on would make a cycle: the parse is then left as it is.
        moved = [k for k in range(1, len(chain)) if chain[k] not in chain[k - 1].conjuncts]
        if any(chain[k - 1].i in {t.i for t in chain[k].subtree} for k in moved):
            continue
        # The new heads are planned first and set only if the tree they make still reaches its root from every
        # word: a word re-hung inside an item may govern its new head through words outside the run ("Phones,
        # wallets and keys are treated ..." read "keys are treated" as one item).
        planned: dict[int, tuple[int, str]] = {}

        def head_of(t, planned=planned) -> int:
            return planned[t.i][0] if t.i in planned else t.head.i

        retag = []
        for (start, end, noun_end), head, before in zip(items[1:], heads, chain, strict=False):
            retag += [t for t in doc[start:noun_end] if t.tag_ in BARE_VERB_TAGS]
            if head not in before.conjuncts:
                planned[head.i] = (before.i, "conj")
            for t in doc[start:noun_end]:
                if t.i != head.i and (not start <= head_of(t) < end or t.dep_ in ITEM_CLAUSE_DEPS):
                    planned[t.i] = (head_of(t) if start <= head_of(t) < end else head.i, _modifier_dep(t))
            if noun_end < end:
                # "null counts on key fields": the phrase is the item's, its object the preposition's.
                preposition, inner = doc[noun_end], _item_head(doc, (noun_end + 1, end, end))
                planned[preposition.i] = (head.i, "prep")
                if inner is not None and head_of(inner) != preposition.i:
                    planned[inner.i] = (preposition.i, "pobj")
                for t in doc[noun_end + 1 : end]:
                    if t.i != inner.i and not noun_end < head_of(t) < end:
                        planned[t.i] = (inner.i, _modifier_dep(t))
        if head_of(joiner) not in {c.i for c in chain}:
            planned[joiner.i] = (chain[-2].i, joiner.dep_)
        if _cyclic([planned[t.i][0] if t.i in planned else t.head.i for t in doc]):
            continue
        for t in retag:
            t.tag_, t.pos_ = "NN", "NOUN"
        for i, (head_i, dep) in planned.items():
            doc[i].head, doc[i].dep_ = doc[head_i], dep
    return doc


def _cyclic(heads: list[int]) -> bool:
    """Tell whether some word never reaches a root by ``heads`` (each word's head, by position)."""
    for start in range(len(heads)):
        at, steps = start, 0
        while heads[at] != at:
            at, steps = heads[at], steps + 1
            if steps > len(heads):
                return True
    return False


def _runs(doc):
    """Yield the comma-separated runs of noun phrases ending in "and"/"or" + a phrase, and the joiner: each item
    as (start, end, noun end), the noun phrase ending at the noun end and its own phrase, if any, at the end."""
    i = 0
    while i < len(doc):
        items, joiner, at = [], None, i
        while True:
            end = _phrase_end(doc, at)
            if end == at or not any(doc[k].tag_.startswith("NN") for k in range(at, end)):
                break
            noun_end, end = end, _with_phrase(doc, end, last=joiner is not None)
            if not items and end != noun_end and _parallel_to_object(doc, at, noun_end, end):
                break  # "in bins at the hall, the shop and ...": the list opens at "the hall", read from there
            items.append((at, end, noun_end))
            if joiner is not None or end >= len(doc):
                break
            nxt = doc[end]
            if nxt.text == "," and end + 1 < len(doc) and doc[end + 1].lower_ in ("and", "or"):
                joiner, at = doc[end + 1], end + 2
            elif nxt.text == ",":
                at = end + 1
            elif nxt.lower_ in ("and", "or"):
                joiner, at = nxt, end + 1
            else:
                break
        if (
            joiner is not None
            and len(items) >= MIN_ITEMS
            and len(items) == _closed(items, joiner)
            and not _opens_clause(doc, items[-1][1])
        ):
            yield items, joiner
            i = items[-1][1]
        else:
            i += 1


def _parallel_to_object(doc, start: int, noun_end: int, end: int) -> bool:
    """Tell whether a run's first noun phrase (``start`` to ``noun_end``) with its phrase (to ``end``) is
    rather followed by a list that opens at the phrase's object: the object and the next item open with an
    article, the first noun phrase without one ("bins at *the* hall, *the* shop and ...")."""
    return (
        doc[start].lower_ not in ARTICLES
        and doc[noun_end + 1].lower_ in ARTICLES
        and end + 1 < len(doc)
        and doc[end].text == ","
        and doc[end + 1].lower_ in ARTICLES
    )


def _modifier_dep(token) -> str:
    """Return the label a word inside a listed noun phrase takes as a modifier of its noun, by its tag."""
    return "det" if token.tag_ in ("DT", "PRP$") else "amod" if token.tag_.startswith("JJ") else "compound"


def _phrase_end(doc, at: int) -> int:
    """Return where the listed noun phrase opening at ``at`` ends (``at`` itself: none opens there)."""
    end = at
    while end < len(doc) and end - at < MAX_ITEM_WORDS and _item_word(doc, end, at):
        end += 1
    return end


def _with_phrase(doc, end: int, last: bool) -> int:
    """Return where a listed noun phrase ending at ``end`` ends with the prepositional phrase after it, if it
    has one of its own (``ITEM_PREPOSITIONS``; the ``last`` item's only with "of"), else ``end``."""
    if end + 1 >= len(doc) or doc[end].tag_ != "IN" or doc[end].lower_ not in ITEM_PREPOSITIONS:
        return end
    if not doc[end - 1].tag_.startswith("NN"):
        return end
    after = _phrase_end(doc, end + 1)
    if after == end + 1 or not any(doc[k].tag_.startswith("NN") for k in range(end + 1, after)):
        return end
    closed = after < len(doc) and (doc[after].text == "," or doc[after].lower_ in ("and", "or"))
    if doc[end].lower_ != "of" and (last or not closed):
        return end
    return after


def _opens_clause(doc, end: int) -> bool:
    """Tell whether the word after a run's last phrase is a verb or an auxiliary: the phrase is then the subject
    of a clause the "and" joins ("goes into Ledger, the archive, and Dr. Reyes won't close it"), no item."""
    return end < len(doc) and (doc[end].tag_ == "MD" or doc[end].tag_.startswith("VB"))


def _closed(items: list, joiner) -> int:
    """Return how many items a run holds when its joiner comes right before the last one, else 0."""
    return len(items) if joiner.i < items[-1][0] else 0


def _item_word(doc, k: int, start: int) -> bool:
    """Tell whether word ``k`` may belong to a listed noun phrase opening at ``start``: a word of the phrase
    tags, or a bare verb form before a noun inside it ("*rescue* drills", "a spare brake *pad*")."""
    t = doc[k]
    if t.dep_ in NOT_IN_ITEM:
        return False  # "codecs, *including* A and B": a preposition the tagger calls a participle
    if t.tag_ in ITEM_TAGS:
        return not (t.tag_ == "DT" and k > start)
    if t.tag_ in BARE_VERB_TAGS and k > 0 and t.pos_ != "AUX" and t.lemma_ not in ("be", "have", "do"):
        before_noun = k + 1 < len(doc) and doc[k + 1].tag_.startswith("NN")
        after_noun = doc[k - 1].tag_.startswith("NN") and k > start
        return before_noun or after_noun
    return False


def _item_head(doc, item: tuple[int, int, int]):
    """Return the last noun of a listed phrase before its prepositional phrase (a bare verb form counts), or None."""
    start, _, end = item
    nouns = [doc[k] for k in range(start, end) if doc[k].tag_.startswith("NN") or doc[k].tag_ in BARE_VERB_TAGS]
    return nouns[-1] if nouns else None


def _subject_read_as_adverb(token) -> bool:
    """Tell whether a sentence's first word is a name the tagger read as an adverb of a verb with no subject,
    right before that verb's auxiliary ("Molly is walked ...")."""
    verb, doc = token.head, token.doc
    if token.dep_ != "advmod" or not token.is_title or token.i + 1 >= len(doc) or verb.pos_ not in ("VERB", "AUX"):
        return False
    if "ADV" in getAllLemmas(token.lower_) or doc[token.i + 1].dep_ not in ("aux", "auxpass"):
        return False
    return doc[token.i + 1].head.i == verb.i and not any(c.dep_ in SUBJECT_DEPS for c in verb.children)


def _in_phrase_of(token, head) -> bool:
    """Tell whether ``token`` stands in ``head``'s own phrase: under it, and not inside a clause of it."""
    node = token
    while node.i != head.i:
        if node.dep_ in CLAUSES or node.head.i == node.i:
            return False
        node = node.head
    return True


#: Prepositions of a place where something is, which a time of day has none of ("at 6:15 pm *in* the hall").
#: Closed class.
PLACE_OF_EVENT = frozenset("in at on inside outside near behind beside".split())
#: A time of day written in digits ("6:15", "19.45").
CLOCK_RE = re.compile(r"\d{1,2}[:.]\d{2}")


@Language.component(PLACE_AFTER_TIME)
def place_after_time(doc):
    """Hang on the verb a place the parser hung on a time of day ("is run at 6:15 pm *in the barn*").

    A time of day has no place of its own: the phrase says where what the verb says happens. Only a time
    the verb takes by a preposition ("at 6:15 pm", "from 9.00"), written with its clock digits or "am"/"pm".
    """
    for token in doc:
        prep = token.head
        if token.dep_ != "pobj" or prep.dep_ != "prep" or prep.head.pos_ not in ("VERB", "AUX"):
            continue
        if not (_clock_time(token) or any(_clock_time(c) for c in token.children)):
            continue
        for place in [c for c in token.children if c.dep_ == "prep" and c.lower_ in PLACE_OF_EVENT]:
            place.head = prep.head
    return doc


def _clock_time(token) -> bool:
    """Tell whether a token writes a time of day: clock digits, or "am"/"pm" after a number."""
    if CLOCK_RE.fullmatch(token.text):
        return True
    return token.lower_ in ("am", "pm", "a.m.", "p.m.") and any(c.like_num for c in token.children)


@Language.component(ASIDE_AS_ROOT)
def aside_as_root(doc):
    """Make the main clause the root where the parser took a clause in brackets for it.

    "Each batch goes through a check we call Sieve (it is a thin layer over two test tools).": the small
    parser may make the aside's "is" the root and the sentence before it a complement of the aside. A
    bracketed clause is said beside the sentence: its verb hangs on the sentence's, which is the root.
    Only a root inside an open bracket, with a verb of its own before the bracket that it governs.
    """
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None:
        return doc
    opening = next((t.i for t in reversed(doc[: root.i]) if t.text in "()"), None)
    if opening is None or doc[opening].text != "(":
        return doc
    outside = [
        c for c in root.children if c.i < opening and c.pos_ in ("VERB", "AUX") and c.dep_ in ("ccomp", "conj", "advcl")
    ]
    if len(outside) != 1:
        return doc
    main = outside[0]
    for token in doc:
        if token.head.i == root.i and token.i < opening and token.i != main.i:
            token.head = main  # what stood before the bracket belongs to the sentence's clause
    main.head, main.dep_ = main, "ROOT"
    root.head, root.dep_ = main, "parataxis"
    return doc


@Language.component(VERB_READ_AS_NOUN)
def verb_read_as_noun(doc):
    """Read as the verb a sentence's root the tagger took for a plural noun, where the sentence has no verb.

    "The spare kit lives in the hall cupboard." is tagged "kit/NN lives/NNS": a noun phrase with a
    preposition after it, and no clause. A written sentence says something with a verb; when none of its
    words is one, a root plural noun that is also a verb's third-person form ("lives", "hangs", "parks"),
    right after a singular noun hung on it (as a compound, or even as a subject), is that verb, and the
    noun before it (with its modifiers) is its subject. Only a sentence that reads as one: its subject opens
    with a determiner, something follows the verb, and a full stop ends it ("Gate codes on the board" is a
    bullet's label).
    """
    for sent in doc.sents:
        found = _verb_read_as_noun(sent)
        if found is None:
            continue
        root, noun, lemma = found
        for child in list(root.children):
            if child.i < noun.i and child.dep_ in NOUN_MODIFIERS:
                child.head = noun
        noun.dep_ = "nsubj"
        root.tag_, root.pos_, root.lemma_ = "VBZ", "VERB", lemma
        for child in root.children:
            if child.i > root.i and child.dep_ in ("appos", "npadvmod") and child.pos_ in ("NOUN", "PROPN"):
                child.dep_ = "dobj"  # "A press stamps *a panel*": the noun after the noun was its apposition
    return doc


def _verb_read_as_noun(sent):
    """Return the root, the subject noun and the verb's lemma ``verb_read_as_noun`` reads in ``sent``, or None."""
    doc, root = sent.doc, sent.root
    if root.tag_ != "NNS" or root.i == sent.start or any(t.pos_ in ("VERB", "AUX") for t in sent):
        return None
    noun = doc[root.i - 1]
    if noun.dep_ not in ("compound", "nsubj") or noun.head.i != root.i or noun.tag_ not in ("NN", "NNP"):
        return None  # hung on it as a noun's compound, or even as its subject ("kit/nsubj lives/NNS")
    opening = doc[sent.start]
    if opening.tag_ not in ("DT", "PRP$") or sent[-1].text != "." or sent[-1].i <= root.i + 1:
        return None
    if not any(c.i > root.i and c.dep_ != "punct" for c in root.children):
        return None
    forms = getAllLemmas(root.lower_, upos="VERB").get("VERB", ())
    lemma = next((base for base in forms if root.lower_ in getInflection(base, "VBZ")), None)
    return (root, noun, lemma) if lemma is not None else None


@Language.component(PARTICIPLE_READ_AS_MODIFIER)
def participle_read_as_modifier(doc):
    """Read "a blue tin holding spare coins" as a tin that holds coins, not as coins modified by "holding".

    The tagger may take a present participle between two nouns for a modifier of the second, making one
    noun phrase "a [blue tin holding spare] coins": the article "a" then stands before a plural noun, which
    English does not allow (or, with "a steel tin" hung on the participle, before a noun inside another's
    phrase). There the phrase ends at the noun before the participle, and the participle, with the plural
    noun as its object, describes it (a clause, ``acl``), as "a tin that holds coins" says.
    """
    for verb in doc:
        plural = verb.head
        if verb.tag_ != "VBG" or verb.dep_ not in ("amod", "compound") or plural.i <= verb.i or verb.i == 0:
            continue
        noun = doc[verb.i - 1]
        if plural.tag_ not in ("NNS", "NNPS") or plural.dep_ == "ROOT" or noun.tag_ not in ("NN", "NNP"):
            continue
        if noun.head.i not in (plural.i, verb.i) or noun.dep_ not in ("compound", "amod", "nmod", "npadvmod"):
            continue  # "tin" hung on the plural noun, or on the participle as its modifier
        # "a" hung on the plural noun, or on the noun itself ("a steel tin" read as an adverbial noun)
        article = [c for c in [*plural.children, *noun.children] if c.dep_ == "det" and c.i < noun.i]
        if len(article) != 1 or article[0].lower_ not in ("a", "an"):
            continue
        noun.head, noun.dep_ = plural.head, plural.dep_
        for child in list(plural.children):
            if child.i < noun.i:
                child.head = noun
        verb.head, verb.dep_, verb.pos_ = noun, "acl", "VERB"
        plural.head, plural.dep_ = verb, "dobj"
    return doc


def add_repairs(nlp) -> None:
    """Add the corrections to the end of a pipeline (once): they read its tags, parts of speech and parse."""
    names = (VERB_LEMMAS, NOUN_AS_ADVERB, SUBJECT_AS_COMPOUND, JOINED_CLAUSE_SUBJECT, LIST_AFTER_RELATIVE)
    later = (
        LIST_IN_APPOSITION,
        LIST_AS_ADVERB,
        APPOSITION_READ_AS_ADVERB,
        PARTICIPLE_READ_AS_MODIFIER,
        APPOSITION_TO_NEAREST,
        APPOSITION_PAST_BARE_NOUN,
        NAME_AS_ADVERB,
        LIST_RUN,
        PLACE_AFTER_TIME,
    )
    for name in (VERB_READ_AS_NOUN, *names, *later, ASIDE_AS_ROOT):
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, last=True)
