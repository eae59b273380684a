"""Read a question whose verb only supports an event noun with the event's own verb.

"Which firm conducts the yearly boiler survey?" asks which firm surveys the boiler; "Who made the last
delivery?" who delivered; "Was the hull survey done in May?" whether the hull was surveyed in May. English often says an
event with a support verb ("do", "carry out", "perform", "make") and the event's noun, while a note says
it with the verb ("The pump is tested by Ana"), or the other way round. The support verbs are a closed
class of English grammar; the event noun's verb is the noun itself where English uses one word for both
("test", "check") or the verb WordNet derives it from ("delivery": "deliver", ``kg.synonyms.derived``).

``event_verb_readings`` returns the question said with the event's verb, one text per verb the noun may
stand for; the engine answers such a reading only when the question as written found no answer.

A question may also ask for the doer of a deed it says as a gerund after its predicate ("Who is
accountable for sealing the vats?", "Who is in charge of ordering paper?", "Who is tasked with locking
up?"): whoever the predicate says it of does the deed, so ``doer_readings`` asks who does it ("Who seals
the vats?"). Only "who" asks for a doer: "What is the cost of running X?" names no one.

And a note often names the doer by the role they hold ("Ines Marlow, the depot supervisor") where a question asks
with the verb ("Who supervises the depot?"): ``role_readings`` asks who holds the role the verb's doer noun and
its object name ("Who is the depot supervisor?", "Who is the supervisor of the depot?"), the doer nouns WordNet
derives from the verb (``data/agents.tsv``).
"""

from __future__ import annotations

import re

from kg.opposites import word_pairs
from kg.synonyms import derived
from kg.text import ARTICLES, getAllLemmas, getInflection, lemmas

#: Support verbs whose subject does the event their object names ("*performs* the check", "*carries out*
#: the test", "*makes* the delivery", "*runs* the audit"). Verbs whose subject may undergo it instead
#: ("*takes* a test", "*has* a check", "*gets* a delivery") are left out. A closed class, by lemma.
AGENTIVE_SUPPORT_VERBS = frozenset("do perform conduct carry undertake make run give hold".split())
#: The particle a support verb needs to support anything ("carry *out*"); the others take none.
NEEDS_PARTICLE = {"carry": "out"}


def may_support_event(words: list[str]) -> bool:
    """Tell whether lowercase ``words`` hold a support verb in some form: a test on letters alone, so that a
    question with none is never parsed for one (the parser loads slowly)."""
    return any(lemmas(w) & AGENTIVE_SUPPORT_VERBS for w in words)


#: The words that ask for a person: a doer, whom the predicate before a gerund is said of. Closed class.
DOER_WORDS = frozenset(("who", "whom"))
#: Dependency labels on the way from a gerund's preposition up to the clause: a predicate's adjective
#: ("responsible for"), a preposition's noun ("in charge of"), a preposition ("in").
PREDICATE_PATH = frozenset(("acomp", "prep", "pobj"))


def _doer_word(word: str) -> bool:
    """Tell whether lowercase ``word`` is a word that asks for a doer, a clitic aside ("who's")."""
    return re.split("['\u2019]", word)[0] in DOER_WORDS


def may_name_a_doer(words: list[str]) -> bool:
    """Tell whether lowercase ``words`` may ask for the doer of a deed said as a gerund after a preposition,
    on letters alone (no parse for a question with none)."""
    return any(_doer_word(w) for w in words) and any(
        w.endswith("ing") and i and words[i - 1].isalpha() and len(words[i - 1]) <= 4 for i, w in enumerate(words)
    )


def doer_readings(doc) -> list[str]:
    """Return the question parsed in ``doc`` asked as who does the deed its gerund says ("Who is accountable
    for sealing the vats?": "Who seals the vats?"), or nothing.

    The gerund completes a preposition that hangs, through the predicate's adjective or noun, on the clause
    whose subject is "who", a copula or a passive ("is tasked with"). The words from the clause's verb to
    the preposition give way to the gerund's verb in the clause's tense; the rest stays.
    """
    readings: list[str] = []
    for gerund in doc:
        if gerund.tag_ != "VBG" or gerund.dep_ != "pcomp" or gerund.head.dep_ != "prep":
            continue
        node = gerund.head
        while node.dep_ in PREDICATE_PATH and node.head.i != node.i:
            node = node.head
        clause = node
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.lower_ not in DOER_WORDS or not subject.i < clause.i < gerund.i:
            continue
        if clause.lemma_ != "be" and not any(c.dep_ == "auxpass" for c in clause.children):
            continue
        verbs = [clause, *(c for c in clause.children if c.dep_ in ("aux", "auxpass"))]
        start = min(v.i for v in verbs)
        # "Who was responsible for building it?" asks who built it: the tense is the clause's.
        said = getInflection(gerund.lemma_, tag="VBD" if any(v.tag_ == "VBD" for v in verbs) else "VBZ")
        if not said:
            continue
        before = "".join(t.text_with_ws for t in doc[:start])  # "Who" of "Who's": a space before the verb
        words = [before if before.endswith(" ") else f"{before} ", said[0] + gerund.whitespace_]
        words += [t.text_with_ws for t in doc[gerund.i + 1 :]]
        text = _joined(words)
        if text and text not in readings:
            readings.append(text)
    return readings


def event_verbs(noun: str) -> list[str]:
    """Return the verbs an event noun says as a noun: itself where it is a verb too ("test"), and the verbs
    WordNet derives it from or it from them ("delivery": "deliver"), lemmas, in a stable order."""
    lower = noun.lower()
    found = list(getAllLemmas(lower).get("VERB", ()))
    for other in sorted(derived(lower)):
        found += [v for v in getAllLemmas(other).get("VERB", ()) if v not in found]
    return found


def event_verb_readings(doc) -> list[str]:
    """Return the question parsed in ``doc`` with its support verb and event noun said as the event's verb.

    The event noun is the support verb's direct object ("made *the delivery*") or, in the passive, its
    subject ("was *the hull survey* done"). What the noun phrase says besides the event (its determiner and
    modifiers: "the yearly boiler"; an "of" complement: "the survey *of the hull*") becomes the verb's
    object, or its subject in the passive; nothing left makes the verb intransitive ("who delivered?").
    """
    readings: list[str] = []
    for verb in doc:
        lemma = verb.lemma_.lower()
        if verb.pos_ not in ("VERB", "AUX") or lemma not in AGENTIVE_SUPPORT_VERBS:
            continue
        particles = [c for c in verb.children if c.dep_ == "prt"]
        needed = NEEDS_PARTICLE.get(lemma)
        if (needed is None) != (not particles) or (needed and particles[0].lower_ != needed):
            continue
        # "Was the survey done?": the parser may make the participle its noun's modifier, or its clause's root
        # with "is" for an auxiliary; either way the noun undergoes it, as a passive's subject does.
        be = any(c.dep_ == "auxpass" or (c.dep_ == "aux" and c.lemma_ == "be") for c in verb.children)
        passive = verb.tag_ == "VBN" and (verb.dep_ == "acl" or be)
        roles = ("nsubjpass", "nsubj") if passive else ("dobj",)
        event = next((c for c in verb.children if c.dep_ in roles), None)
        if passive and verb.dep_ == "acl":
            event = verb.head
        if event is None or event.pos_ != "NOUN":
            continue
        rest = _rest_of_phrase(event)
        # The participle's own words, when it modifies the event noun ("the check *done weekly*").
        own = {t.i for t in verb.subtree} if verb.dep_ == "acl" else set()
        skip = {event.i, *(p.i for p in particles), *(t.i for t in event.subtree if t.i not in rest | own)}
        for lemma_verb in event_verbs(event.lemma_):
            said = getInflection(lemma_verb, tag="VBN" if passive else verb.tag_) or (lemma_verb,)
            words = []
            for token in doc:
                if token.i == verb.i:
                    words.append(said[0] + token.whitespace_)
                elif token.i not in skip:
                    words.append(token.text_with_ws)
            text = _joined(words)
            if text and text != doc.text and text not in readings:
                readings.append(text)
    return readings


def _rest_of_phrase(event) -> set[int]:
    """Return the positions of what the event noun's phrase says besides the event: its "of" complement's
    phrase if it has one ("the survey of *the hull*"), else every other word of the phrase but a
    determiner left with no word to determine ("the decision about refunds": "about refunds")."""
    for prep in event.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            objects = [c for c in prep.children if c.dep_ == "pobj"]
            if objects:
                return {t.i for t in objects[0].subtree}
    before = [c for c in event.children if c.i < event.i]
    named = any(c.pos_ in ("NOUN", "PROPN", "ADJ", "NUM") or c.tag_ == "VBN" for c in before)
    kept = [c for c in event.children if c.i > event.i or named]
    return {t.i for c in kept for t in c.subtree if c.dep_ != "acl" or c.tag_ != "VBN"}


def _joined(words: list[str]) -> str:
    """Return a reworded question's words as one text, no space left before its punctuation."""
    return re.sub(r"\s+([?.!,])", r"\1", "".join(words)).strip()


#: The table of verbs and the person nouns for their doers (WordNet's derivations, scripts/make_agents.py).
AGENT_TABLE = "agents.tsv"


def agent_nouns(verb: str) -> tuple[str, ...]:
    """Return the nouns for the one who does what ``verb`` (any form) says: "manages" gives ("manager",)."""
    table = word_pairs(AGENT_TABLE, both_ways=False)
    return tuple(dict.fromkeys(noun for lemma in sorted(lemmas(verb.lower())) for noun in sorted(table.get(lemma, ()))))


def may_ask_a_role(words: list[str]) -> bool:
    """Tell whether lowercase ``words`` may ask "who" of a verb with a doer noun, on letters alone."""
    return any(_doer_word(w) for w in words) and any(agent_nouns(w) for w in words)


def role_readings(doc) -> list[str]:
    """Return the question parsed in ``doc`` asked as who holds the role its verb's doer has ("Who supervises the
    depot?": "Who is the depot supervisor?", then "Who is the supervisor of the depot?"), or nothing.

    Only a question whose subject is "who" and whose verb has nothing but its auxiliaries and one object
    noun phrase, or nothing at all ("Who coordinates?"): a time, a place or a manner ("Who supervises the
    depot *on Sundays*?") narrows the doer to one the role does not say.
    """
    verb = next((t for t in doc if t.dep_ == "ROOT"), None)
    if verb is None or verb.pos_ != "VERB" or verb.lemma_ in ("be", "have", "do"):
        return []
    subject = [c for c in verb.children if c.dep_ == "nsubj"]
    if len(subject) != 1 or not _doer_word(subject[0].lower_):
        return []
    rest = [c for c in verb.children if c.dep_ not in ("nsubj", "aux", "punct", "dobj")]
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if rest or len(objects) > 1 or (objects and objects[0].pos_ not in ("NOUN", "PROPN")):
        return []
    phrase = [t for t in objects[0].subtree if t.lower_ not in ARTICLES and t.dep_ != "poss"] if objects else []
    if phrase and any(t.pos_ in ("VERB", "ADP", "PRON") or t.dep_ in ("relcl", "acl") for t in phrase):
        return []  # "the vans that idle", "the key of the hut": a phrase no compound says
    said = " ".join(t.text for t in phrase)
    readings: list[str] = []
    for noun in agent_nouns(verb.text):
        if said:
            readings += [f"Who is the {said} {noun}?", f"Who is the {noun} of the {said}?"]
        else:
            readings.append(f"Who is the {noun}?")
    return readings
