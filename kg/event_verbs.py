"""Read a question whose verb only supports an event noun with the event's own verb.

"Which firm conducts the yearly boiler survey?" asks which firm surveys the boiler; "Who made the last
delivery?" who delivered; "Was the hull survey done in May?" whether the hull was surveyed in May. English often says an
event with a support verb ("do", "carry out", "perform", "make") and the event's noun, while a note says
it with the verb ("The pump is tested by Ana"), or the other way round. The support verbs are a closed
class of English grammar; the event noun's verb is the noun itself where English uses one word for both
("test", "check") or the verb WordNet derives it from ("delivery": "deliver", ``kg.synonyms.derived``).

``event_verb_readings`` returns the question said with the event's verb, one text per verb the noun may
stand for; the engine answers such a reading only when the question as written found no answer.
"""

from __future__ import annotations

import re

from kg.synonyms import derived
from kg.text import getAllLemmas, getInflection, lemmas

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
            text = re.sub(r"\s+([?.!,])", r"\1", "".join(words)).strip()
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
