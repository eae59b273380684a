"""Layouts real notes use: a title that names a kind, a bold name with an aside, bullets that go on about
what they open with, tables numbered or coded down their first column, and commands in capitals.

Notes of our own (a pottery course, a made-up backup tool, a made-up key-value shell; no wording of any
question set). Before: everything introduced under any sub-heading of "# Kilns" was typed a kiln; "**Bisque
firing (first firing)**" was one name with its aside, so the bullet's "Popular for beginners." was said of
the section's thing; "Handy for long firings." after "Witness cones show ..." was said of the section's thing
too; a table numbered down its first column ("1 | 2 | 30 days") made its cells equivalent terms ("2" was
"30 days"); "`PUT` / `STORE`" in a first column made the table no table of commands; a row "Storage |
one file | many files" among property rows made the two cells one term; `LIST` (a command) and the word
"list" were one concept. Real parser and model.
"""

from __future__ import annotations

import pytest
from rdflib import RDF, RDFS, SKOS, Graph, Literal
from test_open_extraction import built_note, named, opened_notes, relations

from kg.namespaces import KGO
from kg.qa import Engine, _value_names
from kg.text import cased_name, cased_name_key

pytestmark = pytest.mark.slow

KILNS = """# Kilns

My notes from the pottery course. A **kiln** fires the pots at a high heat.

## Parts and tools

A **pyrometer** measures the heat inside the chamber. A **kiln shelf** holds the pots.

## Firing

- **Bisque firing (first firing)** – hardens the clay. Slow. Popular for beginners.
- **Glaze firing (second firing)** – melts the glaze. Hotter.
- **Witness cones** show how much heat the pots took. Handy for long firings.
"""

TOOLS = """# Tools

## Kilns

### Anagama

The **Anagama** is a long tunnel kiln that burns wood. The **firebox** sits at the front of it.
"""

STACKHOLD = """# Stackhold

Stackhold keeps backups in tiers.

## Storage tiers

- **Tier 1** keeps copies on fast disks.
- **Tier 2** keeps copies on tape.
- **Tier 3** keeps copies in a vault.

| Tier | Copies | Retention |
|------|--------|-----------|
| 1    | 2      | 30 days   |
| 2    | 3      | 1 year    |
| 3    | 5      | 10 years  |
"""

QUERN = """# Quern

Quern is a made-up key-value shell.

| Command | Effect |
|---|---|
| `PUT` / `STORE` | writes a value under a key |
| `GET` | reads the value of a key |
| `LIST` | shows every key |

A list of keys can be long. Keys come from a file.

## Range words

- `FROM` – the first key of a range
- `UNTIL` – the last key of a range

## Quern and Millstone

| | Quern | Millstone |
|---|---|---|
| Storage | one file | many files |
| Max keys | 1000 | 50000 |
"""


ARRAYS = """# Arrays

## Array sets

- **Stripe set** – data is split across all disks. Fast. Minimum 2 disks.
- **Mirror set** – every disk holds a copy. Minimum 2 disks, timeout 15 minutes.
"""


VERBS = """# Shell verbs

## Verbs

- **Cached**: the shell keeps the answer for later.
- **Repeatable**: sending it twice does what sending it once does.

| Verb   | Cached | Repeatable | Typical use      |
|--------|--------|------------|------------------|
| FETCH  | yes    | yes        | read a value     |
| STASH  | no     | yes        | write a value    |
| BUMP   | no     | no         | add one to a key |

## Replies

| Reply | Final | Caller may ask again |
|-------|-------|----------------------|
| 71    | yes   | no                   |
| 72    | no    | yes                  |

- **74 Slow Down** — the caller sends too often; must come with `Retry-Later`.
"""


@pytest.fixture(scope="module")
def kilns(tmp_path_factory: pytest.TempPathFactory) -> Graph:
    return built_note(tmp_path_factory, "kilns.md", KILNS)


@pytest.fixture(scope="module")
def tools(tmp_path_factory: pytest.TempPathFactory) -> Graph:
    return built_note(tmp_path_factory, "tools.md", TOOLS)


@pytest.fixture(scope="module")
def stackhold(tmp_path_factory: pytest.TempPathFactory) -> Graph:
    return built_note(tmp_path_factory, "stackhold.md", STACKHOLD)


@pytest.fixture(scope="module")
def quern(tmp_path_factory: pytest.TempPathFactory) -> Graph:
    return built_note(tmp_path_factory, "quern.md", QUERN)


@pytest.fixture(scope="module")
def verbs(tmp_path_factory: pytest.TempPathFactory) -> Graph:
    return built_note(tmp_path_factory, "verbs.md", VERBS)


@pytest.fixture(scope="module")
def kg(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("layouts")
    return opened_notes(
        folder,
        {
            "kilns.md": KILNS,
            "stackhold.md": STACKHOLD,
            "quern.md": QUERN,
            "arrays.md": ARRAYS,
            "tools.md": TOOLS,
            "verbs.md": VERBS,
        },
    )


def _kinds(graph: Graph, name: str) -> set[str]:
    return {str(graph.value(t, RDFS.label)) for t in graph.objects(named(graph, name), RDF.type)}


def test_a_title_naming_a_kind_types_nothing_introduced_under_its_sub_headings(kilns: Graph):
    assert "kiln" not in {k.lower() for k in _kinds(kilns, "pyrometer")}
    assert "kiln" not in {k.lower() for k in _kinds(kilns, "kiln shelf")}


def test_a_kind_heading_still_types_the_thing_a_heading_under_it_names(tools: Graph):
    # "## Kilns" over "### Anagama": the Anagama is a kiln; the firebox, introduced under it, is not.
    assert "kiln" in {k.lower() for k in _kinds(tools, "Anagama")}
    assert "kiln" not in {k.lower() for k in _kinds(tools, "firebox")}


def test_an_aside_in_brackets_after_a_bold_name_is_no_part_of_it(kilns: Graph):
    bisque = named(kilns, "Bisque firing")
    assert not any("(" in str(label) for label in kilns.objects(bisque, RDFS.label))


def test_a_bullets_sentences_without_subject_are_about_the_name_it_opens_with(kilns: Graph):
    beginners = named(kilns, "beginner")
    assert relations(kilns, named(kilns, "Bisque firing"), beginners)
    subjects = {str(kilns.value(s, RDFS.label)) for s, _, o in kilns if o == beginners}
    subjects.discard("None")
    assert subjects == {"Bisque firing"}, subjects
    # "Witness cones show ... Handy for long firings.": the second sentence is said of the cones.
    assert relations(kilns, named(kilns, "Witness cone"), named(kilns, "long firing")), "nothing said of the cones"


def test_a_table_numbered_down_its_first_column_gives_each_named_row_its_values(stackhold: Graph):
    assert not list(stackhold.subject_objects(KGO.equivalentTo))  # no cell is another cell's term
    tier = named(stackhold, "Tier 3")
    values = {str(o) for p, o in stackhold.predicate_objects(tier) if str(stackhold.value(p, RDFS.label)) == "copies"}
    assert values == {"5"}, values


def test_a_rows_kind_is_the_kind_its_sections_heading_names_with_the_columns_word(stackhold: Graph):
    # "Tier" over the rows, "## Storage tiers" over the table: each row is a storage tier.
    assert "Storage tier" in _kinds(stackhold, "Tier 2")


def test_how_many_asks_the_property_that_counts_what_it_names(kg):
    answer = kg.ask("How many copies does Tier 3 have?")

    assert [str(a.get("value", a.get("label"))) for a in answer.answers] == ["5"], answer.answer
    assert answer.confidence >= 0.75, answer.confidence


def test_code_offered_as_alternatives_names_one_row(quern: Graph):
    assert named(quern, "PUT") == named(quern, "STORE")
    assert "command" in _kinds(quern, "GET")


def test_a_row_among_property_rows_is_a_property_row(quern: Graph):
    assert not list(quern.subject_objects(KGO.equivalentTo))
    storage = {
        (str(quern.value(s, RDFS.label)), str(o))
        for s, p, o in quern
        if str(quern.value(p, RDFS.label)) == "storage" and (s, RDFS.label, None) in quern
    }
    assert ("Quern", "one file") in {(s, o.split("/")[-1].replace("-", " ")) for s, o in storage} or (
        "Quern",
        "one file",
    ) in storage, storage


def test_a_command_in_capitals_is_not_the_everyday_word(quern: Graph):
    command = named(quern, "LIST")
    quotes = {str(quern.value(s, KGO.quote)) for s in quern.subjects(KGO.mentions, command)}
    assert "A list of keys can be long." not in quotes, quotes
    assert cased_name("LIST") and not cased_name("Quern") and not cased_name("AWS")
    assert cased_name_key("the LIST command") == "the =LIST command"


def test_a_closed_class_word_in_capitals_is_a_name_too(quern: Graph):
    command = named(quern, "FROM")
    quotes = {str(quern.value(s, KGO.quote)) for s in quern.subjects(KGO.mentions, command)}
    assert "Keys come from a file." not in quotes, quotes


def test_items_set_off_by_a_dash_from_names_the_note_knows_are_a_glossary(quern: Graph):
    # "`FROM` – the first key of a range": the noun phrase says what FROM is, whatever the term's case.
    definitions = {str(quern.value(s, RDFS.label)): str(d) for s, d in quern.subject_objects(SKOS.definition)}
    assert "first key" in definitions.get("FROM", ""), definitions
    assert "last key" in definitions.get("UNTIL", ""), definitions


def test_a_question_names_a_command_in_capitals_as_written(kg):
    answer = kg.ask("Which command shows every key?")

    assert [a["label"] for a in answer.answers] == ["LIST"], answer.answer


def test_a_verbless_bullet_names_a_property_and_its_amount(kg):
    answer = kg.ask("What is the timeout of a mirror set?")

    assert [str(a.get("value", a.get("label"))) for a in answer.answers] == ["15 minutes"], answer.answer
    answer = kg.ask("What is the minimum of the stripe set?")
    assert [str(a.get("value", a.get("label"))) for a in answer.answers] == ["2 disks"], answer.answer


def test_an_amount_that_says_a_mentions_name_is_tied_to_it(kg, tmp_path):
    # "the number of disks": "2 disks" says the mention, though no edge ties the value to the disk concept.
    engine = Engine(kg.store, cache_dir=tmp_path, threshold=0.0)
    answer = engine.ask("What is the minimum number of disks for a mirror set?")

    assert [str(a.get("value", a.get("label"))) for a in answer.answers] == ["2 disks"], answer.answer
    assert _value_names(Literal("2 disks"), "disks") and not _value_names(Literal("2 disks"), "copies")


def test_is_x_a_y_is_answered_from_the_kind_the_graph_gives_x(kg):
    answer = kg.ask("Is the Anagama a kiln?")

    assert [a.get("value") for a in answer.answers] == [True], answer.answer
    assert answer.confidence >= 0.9, answer.confidence
    # A kind the notes do not give is no "no": the firebox is not said to be a kiln, nor not to be one.
    assert kg.ask("Is the firebox a kiln?").answers == []


def test_a_column_of_yes_and_no_is_a_quality_of_each_row(kg):
    # "Cached" and "Repeatable" are named in sentences too; their columns still say yes or no of each verb.
    for question, value in (("Is STASH repeatable?", True), ("Is BUMP repeatable?", False), ("Is FETCH cached?", True)):
        answer = kg.ask(question)
        assert [a.get("value") for a in answer.answers] == [value], (question, answer.answer)


def test_a_clause_over_a_column_names_no_thing(verbs: Graph):
    # "Caller may ask again" is no name: the table numbered down its first column has one thing per row.
    reply = named(verbs, "72")
    values = {str(verbs.value(p, RDFS.label)): str(o) for p, o in verbs.predicate_objects(reply)}
    assert values.get("final") == "no" and values.get("caller may ask again") == "yes", values


def test_a_code_and_its_title_are_named_by_the_code_alone(kg):
    answer = kg.ask("What must a 74 come with?")

    assert [a["label"] for a in answer.answers] == ["Retry-Later"], answer.answer


def test_a_bold_quality_under_a_kind_heading_is_no_member_of_the_kind(verbs: Graph):
    # "**Repeatable**: sending it twice ..." under "## Verbs" says what a quality means; it is no verb.
    assert "Verb" not in _kinds(verbs, "Repeatable") and "Verb" not in _kinds(verbs, "Cached")


def test_search_finds_a_command_in_capitals_by_its_written_name(kg):
    found = kg.search("LIST")

    assert found and found[0]["label"] == "LIST", found
