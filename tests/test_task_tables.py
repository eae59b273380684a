"""A table of tasks and the commands that do them: each task is said of its row's command.

A note of our own (a made-up harbour signalling tool; no wording of any question set). Before: "hoist the
storm flag | `signalctl hoist storm`" gave no fact, so "Which command hoists the storm flag?" had nothing
to answer from. A table of settings whose values are code ("default port | `7001`") is no table of tasks.
Real parser and model.
"""

from __future__ import annotations

import pytest
from rdflib import RDFS, Graph
from test_open_extraction import built_note, named, opened_notes, relations

pytestmark = pytest.mark.slow

SIGNALCTL = """# signalctl

signalctl drives the flags and horns of a harbour signal mast.

## Cheat sheet

| Task | Command | Notes |
|------|---------|-------|
| hoist the storm flag | `signalctl hoist storm` | needs the mast unlocked |
| lower all flags | `signalctl lower --all` | |
| list signals | `signalctl ls` | |
| silence the foghorn | `signalctl mute horn` | |

## Settings

| Setting | Value |
|---------|-------|
| default port | `7001` |
| log file | `/var/log/signalctl.log` |
"""


@pytest.fixture(scope="module")
def signals(tmp_path_factory: pytest.TempPathFactory) -> Graph:
    return built_note(tmp_path_factory, "signalctl.md", SIGNALCTL)


@pytest.fixture(scope="module")
def kg(tmp_path_factory: pytest.TempPathFactory):
    return opened_notes(tmp_path_factory.mktemp("signalctl"), {"signalctl.md": SIGNALCTL})


def test_each_task_is_said_of_its_rows_command(signals: Graph):
    assert relations(signals, named(signals, "signalctl hoist storm"), named(signals, "storm flag")) == {"hoist"}
    assert relations(signals, named(signals, "signalctl mute horn"), named(signals, "foghorn")) == {"silence"}
    kinds = {str(signals.value(k, RDFS.label)).lower() for k in signals.objects(named(signals, "signalctl ls"), None)}
    assert "command" in kinds


def test_a_table_of_settings_with_code_values_names_no_tasks(signals: Graph):
    labels = {str(o).lower() for p in signals.predicates() for o in signals.objects(p, RDFS.label)}
    assert "default" not in labels and "log" not in labels, labels


def test_which_command_does_a_task_is_answered_from_the_table(kg):
    answer = kg.ask("Which command lowers all flags?")

    assert [a.get("label") for a in answer.answers][:1] == ["signalctl lower --all"], answer.answer
    assert answer.confidence >= 0.8, answer.confidence
