"""Questions that offer their own options ("which ..., A or B?") answered with the one option the note supports.

A small note of our own: two kinds of bicycle brake compared (a comparison, a property table, a sentence
contrasting them) and two things said to power the same lamp.
"""

from __future__ import annotations

import pytest
from note_graph import answer_labels as labels

from kg.api import KnowledgeGraph
from kg.question import parse
from kg.text import tokenize

pytestmark = pytest.mark.slow

BRAKES = """# Bicycle brakes

A **rim brake** squeezes two pads against the rim of the wheel.
A **disc brake** grips a steel rotor that is bolted to the hub.

## Compared

Disc brakes are more expensive than rim brakes.

While rim brakes keep the wheel light, disc brakes keep their bite in heavy rain.

| Property | Rim brake | Disc brake |
| --- | --- | --- |
| pad wear | fast | slow |
| cable routing | external | internal |

## Lamps

A **dynamo** powers the lamp.
A **battery** also powers the lamp.
"""


@pytest.fixture(scope="module")
def brakes(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    note = tmp_path_factory.mktemp("brakes") / "brakes.md"
    note.write_text(BRAKES, encoding="utf-8")
    return KnowledgeGraph.open(docs=[note], cache_dir=tmp_path_factory.mktemp("brake-vectors"))


def options(question: str) -> list[str]:
    from kg.choice import read_options  # here, so the other tests run (and fail) on an engine without it

    words = [t.text for t in tokenize(question) if t.is_word]
    return [" ".join(words[s:e]) for s, e in read_options(question, tokenize(question), parse)]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Which is lighter, the red bike or a blue one?", ["red bike", "blue one"]),
        ("Between rim brakes and disc brakes, which stop sooner?", ["rim brakes", "disc brakes"]),
        ("Is the ferry ticket paper or digital?", ["paper", "digital"]),
        ("Are trams or buses quieter?", ["trams", "buses"]),
        # "or" inside the question's own phrase offers nothing; nor does a lone "and".
        ("Which shop sells maps or guides of the valley?", []),
        ("Which ferries sail at night and in winter?", []),
    ],
)
def test_the_options_are_read_by_grammar(question: str, expected: list[str]):
    assert options(question) == expected


def test_a_question_naming_the_opposite_quality_reads_the_comparison_the_other_way(brakes: KnowledgeGraph):
    # The note says disc brakes are more expensive; "cheaper" is the opposite (WordNet: cheap / expensive).
    answer = brakes.ask("Which is cheaper, a rim brake or a disc brake?")

    assert labels(answer) == ["rim brake"]
    assert answer.kind == "comparison"
    assert answer.confidence >= brakes.engine.threshold
    assert [str(row[0]) for row in brakes.query(answer.sparql)] == [answer.answers[0]["iri"]]


def test_a_table_row_settles_which_option_has_the_asked_value(brakes: KnowledgeGraph):
    answer = brakes.ask("Which one has external cable routing, rim brakes or disc brakes?")

    assert labels(answer) == ["rim brake"]
    assert answer.confidence >= brakes.engine.threshold
    # The query shown finds, among the options, the one the row gives that value: the answer.
    rows = [str(row[0]) for row in brakes.query(answer.sparql)]
    assert rows == [answer.answers[0]["iri"]]
    assert any("external" in source["text"] for source in answer.sources)


def test_options_that_are_values_are_read_against_the_named_things_row(brakes: KnowledgeGraph):
    answer = brakes.ask("Is the pad wear of a disc brake fast or slow?")

    assert labels(answer) == ["slow"]
    assert answer.confidence >= brakes.engine.threshold
    assert [str(row[0]) for row in brakes.query(answer.sparql)] == ["slow"]


def test_the_clause_that_holds_an_option_decides_in_a_sentence_contrasting_both(brakes: KnowledgeGraph):
    answer = brakes.ask("Which keeps its bite in heavy rain, rim brakes or disc brakes?")

    assert labels(answer) == ["disc brake"]
    # Read from a sentence, not a fact: quoted, cited, and below the facts' threshold.
    assert answer.kind == "sentence"
    assert 0.6 <= answer.confidence < brakes.engine.threshold
    assert "heavy rain" in answer.sources[0]["text"]


def test_no_option_is_chosen_when_neither_or_both_are_supported(brakes: KnowledgeGraph):
    engine = brakes.engine
    neither = "Which squeaks in the cold, rim brakes or disc brakes?"
    both = "Which powers the lamp, the dynamo or the battery?"
    assert options(neither) == ["rim brakes", "disc brakes"]
    assert options(both) == ["dynamo", "battery"]

    # The note says nothing of squeaking: no option, and no other answer either.
    assert brakes.ask(neither).answers == []
    # Both power the lamp: the question offers a choice the note does not make, so none is chosen.
    assert engine.choices.answer(engine._read(both, None)) is None
    assert labels(brakes.ask(both)) not in (["dynamo"], ["battery"])
