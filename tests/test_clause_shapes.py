"""Four clause and item shapes read by grammar: glossary items, "stop Y from V-ing Z", two
prepositional phrases after a passive, and a bold word after a verb.

Every note here is invented for these tests (river boats, an orchard's sheds, beehives).
"""

from __future__ import annotations

import pytest
from rdflib import Literal
from rdflib.namespace import RDFS, SKOS
from test_open_extraction import built_note, named, relations


def definitions(graph) -> dict[str, str]:
    return {str(graph.value(s, RDFS.label)).lower(): str(d) for s, d in graph.subject_objects(SKOS.definition)}


def facts(graph) -> set[tuple[str, str, str]]:
    """Return every (subject, predicate, object) by labels; a literal object as its text."""
    out = set()
    for s, p, o in graph:
        label = graph.value(p, RDFS.label)
        subject = graph.value(s, RDFS.label)
        if label is None or subject is None or p in (RDFS.label, SKOS.altLabel, SKOS.definition):
            continue
        target = str(o) if isinstance(o, Literal) else str(graph.value(o, RDFS.label))
        out.add((str(subject), str(label), target))
    return out


GLOSSARY = """# Orchard sheds

Every shed has three kinds of keyholders.

## Keyholders

- warden (w): the person who locks the shed at night
- pickers (p): everyone else on the farm
- tally clerk: a worker who counts the crates

## Reminders

- tip: sheds are swept on Fridays
- rule: a ladder is returned after use
"""


@pytest.fixture(scope="module")
def glossary(tmp_path_factory):
    return built_note(tmp_path_factory, "sheds.md", GLOSSARY)


def test_lowercase_glossary_items_define_their_terms(glossary):
    found = definitions(glossary)

    assert found["warden"].startswith("warden (w): the person who locks")
    assert found["tally clerk"].startswith("tally clerk: a worker")
    assert any(label.startswith("picker") and text.startswith("pickers (p)") for label, text in found.items())
    assert "worker" in {str(glossary.value(o, RDFS.label)) for o in glossary.objects(named(glossary, "tally clerk"))}
    # Items whose text after the colon is a clause are no glossary: they define nothing.
    assert not any(label in ("tip", "rule") for label in found)
    assert not any(text.startswith(("tip:", "rule:")) for text in found.values())
    # The first item under "Keyholders" is a term of the glossary, not what a keyholder is.
    assert not any(s == "Keyholder" and p == "is a" for s, p, _ in facts(glossary))


def test_what_a_glossary_description_s_clause_says_is_said_of_the_term(glossary):
    found = facts(glossary)

    assert ("warden", "lock", "shed") in found
    assert ("tally clerk", "count", "crate") in found
    assert not any(s == "person" for s, _, _ in found)


KEPT_FROM = """# Beehives

## Guards

The queen excluder prevents the queen from entering the honey super.
A mouse guard stops mice from reaching the combs.
A wax seal keeps the honey from being spoiled.
A brood box receives nectar from working bees.
"""


@pytest.fixture(scope="module")
def kept(tmp_path_factory):
    return built_note(tmp_path_factory, "hives.md", KEPT_FROM)


def test_what_a_verb_keeps_from_happening_is_its_gerund_and_the_gerund_s_object(kept):
    found = facts(kept)

    assert ("queen excluder", "prevent from entering", "honey super") in found
    assert ("mouse guard", "stop from reaching", "comb") in found
    assert ("wax seal", "keep from spoiling", "honey") in found  # a passive gerund acts on the verb's object


def test_the_one_kept_from_acting_is_no_object_of_the_verb_alone(kept):
    found = facts(kept)

    assert not any(p in ("prevent", "stop", "keep") for _, p, _ in found)
    assert not any(s in ("queen", "mouse") for s, _, _ in found)  # nor said to do what they are kept from
    # "from working bees" may name a source: a word that is a noun or adjective too, before a bare noun.
    assert ("brood box", "receive", "nectar") in found
    assert not any(p.startswith("receive from work") for _, p, _ in found)


def test_two_prepositional_phrases_after_a_passive_give_one_fact_each(tmp_path_factory):
    graph = built_note(
        tmp_path_factory, "radio.md", "# Harbour radio\n\nDistress calls are sent over radio on channel 16.\n"
    )
    found = facts(graph)

    assert ("distress call", "is sent over", "radio") in found
    assert ("distress call", "is sent on", "channel 16") in found
    assert not any(" over on" in p for _, p, _ in found)


def test_a_bold_word_after_a_verb_is_its_object_not_its_verb(tmp_path_factory):
    graph = built_note(tmp_path_factory, "canal.md", "# Canal boats\n\nThe Pike tows **barges** along the canal.\n")
    pike = named(graph, "Pike")

    assert relations(graph, pike, named(graph, "barge")) == {"tow"}
    assert not any(str(label).startswith("Pike tow") for label in graph.objects(None, RDFS.label))
