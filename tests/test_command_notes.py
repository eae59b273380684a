"""Terse command notes: synopses with placeholders, tables of commands, hyphenated key names, clauses
denied by "nothing" or by a "not" before a phrase, and a yes/no question whose parse misses its verb.

Notes of our own in the style of command cheat sheets and learners' notes (a package tool and a
terminal editor, both made up here; no wording of any question set), written to try them. Before:
"`pak purge <name>`: removes ..." minted "pak purge name", so "What does pak purge remove?" found
no "pak purge"; a table "Command | Prints" with commands down its first column was read the other way
round (each command a property of "Prints"); "Ctrl-x" was "Ctrl"; "refreshes the package index, fetches
nothing" said yes to "Does it fetch packages?"; "goes into a register, not into the clipboard" said yes
to the clipboard (the parser made "copied" the question's verb); "What does the leader do?" quoted a
sentence where people map the leader (a passive reading, the leader undergoes it). Real parser and model.
"""

from __future__ import annotations

import pytest
from rdflib import RDFS, SKOS, Literal
from test_open_extraction import built_note, named, relations

from kg.api import KnowledgeGraph
from kg.question import main_verb
from kg.text import reads_passive, without_placeholders

pytestmark = pytest.mark.slow

PAK = """# pak

- pak = package keeper, the installer of the Oro system
- `pak sync`: refreshes the package index, fetches nothing
- `pak add <name>`: installs a package
- `pak purge <name>`: removes the package and its settings
- `pak drop <name>`: removes the package, keeps its settings

## Looking things up

| Command            | Prints             |
| ------------------ | ------------------ |
| `pak info <name>`  | version and size   |
| `pak list --all`   | every known package |
"""

EDITOR = """# Quill

Quill is a modal text editor. The leader key is a prefix for shortcuts. Many people map the leader to
Ctrl-x, because it is close to the home row. The leader opens the command palette.

Lines yanked in select mode go into a register, not into the clipboard. The `wrap-lines` option folds
long lines.
"""


@pytest.fixture(scope="module")
def pak(tmp_path_factory: pytest.TempPathFactory):
    return built_note(tmp_path_factory, "pak.md", PAK)


@pytest.fixture(scope="module")
def editor(tmp_path_factory: pytest.TempPathFactory):
    return built_note(tmp_path_factory, "quill.md", EDITOR)


@pytest.fixture(scope="module")
def kg(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("commands")
    (folder / "pak.md").write_text(PAK, encoding="utf-8")
    (folder / "quill.md").write_text(EDITOR, encoding="utf-8")
    return KnowledgeGraph.open(docs=[folder / "pak.md", folder / "quill.md"], cache_dir=folder / "vectors")


def test_a_synopsis_placeholder_is_no_part_of_the_commands_name(pak):
    purge, settings = named(pak, "pak purge"), named(pak, "setting")

    assert relations(pak, purge, settings) == {"remove"}
    labels = {str(o) for p in (RDFS.label, SKOS.altLabel) for o in pak.objects(None, p)}
    assert not [label for label in labels if label.startswith("pak") and label.endswith("name")]
    assert without_placeholders("git checkout <branch>") == "git checkout"
    assert without_placeholders("<div> element") == "<div> element"


def test_a_table_with_commands_down_its_first_column_has_one_command_per_row(pak):
    info = named(pak, "pak info")

    prints = {str(p) for p, o in pak.predicate_objects(info) if o == Literal("version and size")}
    assert len(prints) == 1 and prints.pop().endswith("/prints"), sorted(pak.predicate_objects(info))
    assert named(pak, "pak list --all") is not None


def test_a_hyphenated_word_is_one_word_of_a_name(editor):
    leader, ctrl_x = named(editor, "leader"), named(editor, "Ctrl-x")

    assert relations(editor, leader, ctrl_x)
    assert named(editor, "wrap-lines option") is not None


def test_a_none_pronoun_object_denies_the_clause(kg):
    answer = kg.ask("Does pak sync fetch packages?")

    assert answer.answer.startswith("No"), (answer.confidence, answer.answer)


def test_a_not_before_a_phrase_denies_it(kg):
    answer = kg.ask("Do yanked lines go into the clipboard?")

    assert answer.answer.startswith("No"), (answer.confidence, answer.answer)
    assert kg.ask("Do yanked lines go into a register?").answer.startswith("Yes")


def test_the_verb_after_do_is_the_questions_verb():
    # The parser makes the participle before the noun the root ("copied" text).
    assert main_verb("Does copied text go into the system clipboard?") == "go"
    assert main_verb("Does the editor fold long lines?") == "fold"


def test_what_it_does_leaves_out_what_is_done_to_it(kg):
    answer = kg.ask("What does the leader do?")

    assert "opens the command palette" in answer.answer, (answer.confidence, answer.answer)
    assert "Many people map" not in answer.answer
    assert reads_passive("remapped to") and reads_passive("is split into") and reads_passive("is placed in")
    assert not reads_passive("split") and not reads_passive("attach to") and not reads_passive("read from")
