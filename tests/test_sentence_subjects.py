"""Whose sentence it is: a plural subject the tagger read as a verb, a pronoun that stands for an earlier
clause's subject.

A note of our own about a made-up archive tool (no wording of any question set). Before: "Retention
rules live in `vault.toml`" was tagged with "rules" as the verb and "live" as a verb with no subject, so
nothing was read and "Where do authentication rules live?" abstained; "Expired slices are not purged at
once: they wait ..." first under "## Sweeper" (the parser makes the second clause the main one, with
"they" its subject) was taken for the definition of the sweeper. Real parser and model.
"""

from __future__ import annotations

import pytest
from rdflib import SKOS
from test_open_extraction import built_note, named, opened_notes, relations

from kg.ingest.parse import load_parser, parse_sentences

pytestmark = pytest.mark.slow

VAULT = """# Vault

Vault is a small archive tool for office files.

## Rules

Authentication rules live in `vault.toml`. Archive jobs run at night.

## Sweeper

Expired slices are not purged at once: they wait in the archive as stale blocks until the sweeper frees the space.
"""


@pytest.fixture(scope="module")
def vault(tmp_path_factory: pytest.TempPathFactory):
    return built_note(tmp_path_factory, "vault.md", VAULT)


def test_a_plural_subject_read_as_a_verb_is_the_subject_again():
    doc = parse_sentences(load_parser(), ["Authentication rules live in the vault."], lambda text: [], processes=1)[0]

    by_text = {t.text: t for t in doc}
    assert by_text["rules"].tag_ == "NNS" and by_text["rules"].dep_ == "nsubj"
    assert by_text["rules"].head.i == by_text["live"].i and by_text["live"].dep_ == "ROOT"
    assert by_text["Authentication"].head.i == by_text["rules"].i
    # A verb's -s form with its own subject and object stays as it is.
    kept = parse_sentences(load_parser(), ["Autovacuum runs the sweeper at night."], lambda text: [], processes=1)[0]
    assert [t.text for t in kept if t.dep_ == "ROOT"] == ["runs"]


def test_the_plural_subjects_clause_gives_its_fact(vault):
    rules, toml = named(vault, "authentication rule"), named(vault, "vault.toml")

    assert relations(vault, rules, toml)


def test_a_pronoun_for_an_earlier_clauses_subject_does_not_define_the_heading(vault):
    defined = {str(o) for o in vault.objects(named(vault, "Sweeper"), SKOS.definition)}

    assert not defined


def test_where_the_plural_subject_lives_is_answered(tmp_path):
    kg = opened_notes(tmp_path, {"vault.md": VAULT})
    answer = kg.ask("Where do authentication rules live?")

    assert [a["label"] for a in answer.answers] == ["vault.toml"]
