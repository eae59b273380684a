"""The WordNet table of verbs and the nouns for their events (data/derivations.tsv, kg.synonyms.are_derived)."""

from __future__ import annotations

import re

from kg.namespaces import data_dir
from kg.synonyms import are_derived, derived


def test_the_table_is_present_and_well_formed():
    lines = (data_dir() / "derivations.tsv").read_text(encoding="utf-8").splitlines()
    header = [line for line in lines if line.startswith("#")]
    rows = [line.split("\t") for line in lines if line and not line.startswith("#")]
    assert any("WordNet 3.0" in line for line in header)
    assert any("WORDNET-LICENSE" in line for line in header)
    assert 300 < len(rows) < 2000  # frequent, tagged senses of event nouns only
    assert all(len(row) == 2 and row[0] != row[1] for row in rows)
    assert all(re.fullmatch(r"[a-z]+", word) for row in rows for word in row)
    assert rows == sorted(rows)


def test_a_verb_and_its_event_noun_are_derived_both_ways_and_in_any_form():
    assert are_derived("replacement", "replace")
    assert are_derived("replaces", "replacement")
    assert are_derived("registration", "registered")


def test_agents_things_and_grammar_are_no_events():
    assert not are_derived("run", "runner")  # the one who runs, not the running
    assert not are_derived("charge", "charger")
    assert not are_derived("replace", "place")
    assert derived("is") == frozenset()
