"""What a sentence says beside its main clause, and things named by their size.

- an auxiliary with a complement of its own ("so a key alone is *not enough*") echoes no verb before it,
  so its subject gets none of that verb's facts, negated or not;
- items of a list the parser hung as appositions ("the crew list, the boat ID and a return time") are no
  identities, and a capitalised short form after a noun ("the boat ID") is no person's title;
- a "not" inside a condition ("if not in the shed") does not deny the question, and a denied relation
  ends a walk through the graph;
- a noun the graph knows nothing of ("the *draft* of X") is not answered with X's qualities;
- a thing named by its size ("the 6-seat gig") keeps the size in its name, in prose and in a table's rows;
- "X takes 40 minutes, which is longer than the 25 minutes needed on Y" compares X with Y;
- "X, which is a Y, ..." says what X is (a relative clause set off by commas adds to its noun);
- "a system called N to V Y": the name is no deed of the system, and N is what does V Y;
- "**Name**: Role; does X": the clause after the role says what the named one does;
- a table whose rows are headed by names the text uses describes those things, whatever common words the
  text also uses over its columns; "the kit is a line, a whistle, a torch and a blanket" gives no kinds;
- an imperative said to the reader, and "anything" as a subject, say nothing of the section's thing;
- a unit's symbol in brackets ("a 12-kilowatt (kW) boiler") and a short form whose hyphenated word gives
  one letter ("FEU (forty-foot equivalent units)") stand for their long forms.
"""

from __future__ import annotations

import pytest
from rdflib import RDF, RDFS, Graph
from test_comparisons_by_grammar import comparisons
from test_open_extraction import built_note, opened_notes

from kg.ingest.shortforms import spells, unit_suffix
from kg.question import is_negated
from kg.text import tokenize

BOATHOUSE = """# Boathouse Notes

## Storage

Unlike the oars, the spare rudder lives outside the shed, in the harbour office, so a key to the shed alone
is not enough to take a boat out. Three things are logged per trip: the crew list, the boat ID and a return
time. The old launch is heavy, and it is moored at the north jetty. The winch, which is a hand-cranked drum,
pulls boats up the slipway. The boathouse heater is a 12-kilowatt (kW) unit. The yard stores two FEU (forty-foot
equivalent units) of racking.

## Hire

The 6-seat gig is cheaper to hire than the 4-seat gig. We use a property management system (PMS) called Bookwell
to record every booking, payment and key card.

| Boat type | Boats | Seats each | Price per hour |
|---|---|---|---|
| Single scull | 3 | 1 | £8 |
| 4-seat gig | 2 | 4 | £20 |
| 6-seat gig | 1 | 6 | £18 |

## Crew

- **Ines Okoro**: Boat Captain; checks the hulls and signs the trip log.
- **Sam Patel**: Safety Officer; runs the swim tests and keeps the first-aid bag.

## Moorings

The Sea Lark and the Grey Heron moor at the north jetty; each boat has its own berth and crew. The safety kit
is a throw line, a whistle, a torch and a foil blanket.

| Boat | Berth | Crew | Launch time |
|---|---|---|---|
| Sea Lark | 2 | 4 | 07:30 |
| Grey Heron | 3 | 6 | 08:00 |
| Skua | 1 | 2 | 09:15 |

## The Slipway

The slipway is a concrete ramp at the east end. Treat them the way you would want a rental car treated: gently,
slowly and with care. Anything involving fuel goes to the harbour master.

## Routes

A full lap of the lake takes 40 minutes, which is longer than the 25 minutes needed on the river loop. The
drying room is heated to 30 °C, which is warmer than the changing room at 18 °C.
"""


@pytest.fixture(scope="module")
def boathouse(tmp_path_factory: pytest.TempPathFactory) -> Graph:
    return built_note(tmp_path_factory, "boathouse.md", BOATHOUSE)


@pytest.fixture(scope="module")
def notes(tmp_path_factory: pytest.TempPathFactory):
    return opened_notes(tmp_path_factory.mktemp("boathouse"), {"boathouse.md": BOATHOUSE})


def statements(graph: Graph) -> set[tuple[str, str, str]]:
    """Return each statement's subject, predicate and object labels (a literal object as written)."""
    out = set()
    for st in graph.subjects(RDF.type, RDF.Statement):
        s, p, o = (graph.value(st, x) for x in (RDF.subject, RDF.predicate, RDF.object))
        labels = (graph.value(s, RDFS.label), graph.value(p, RDFS.label) or p, graph.value(o, RDFS.label) or o)
        out.add(tuple(str(x) for x in labels))
    return out


def test_an_auxiliary_with_its_own_complement_echoes_no_verb(boathouse: Graph):
    said = statements(boathouse)
    assert not any(s == "key" and o in ("harbour office", "shed") for s, _, o in said), said
    assert any(s == "spare rudder" and o == "harbour office" for s, _, o in said), said


def test_a_list_hung_as_appositions_gives_no_identity(boathouse: Graph):
    said = statements(boathouse)
    assert not any(s == "boat ID" and p == "is a" for s, p, _ in said), said


def test_a_condition_negates_nothing_asked():
    assert not is_negated(tokenize("Where are the oars stored, if not in the shed?"))
    assert not is_negated(tokenize("Who locks up when the warden is not in?"))
    assert is_negated(tokenize("Which boats are not kept in the shed?"))
    assert is_negated(tokenize("If it rains, which boats are not taken out?"))


def test_a_denial_is_no_step_of_a_walk(notes):
    answer = notes.ask("Where is the spare rudder kept, if not in the shed?")
    assert answer.answers and answer.answers[0].get("label") == "harbour office", answer.answer
    assert "not" not in answer.answer.lower(), answer.answer


def test_an_unknown_noun_is_not_answered_with_qualities(notes):
    answer = notes.ask("What is the draft of the old launch?")
    assert not answer.answers, answer.answer


def test_a_size_names_the_thing(boathouse: Graph, notes):
    assert ("6-seat gig", "cheaper", "4-seat gig") in comparisons(boathouse)
    said = statements(boathouse)
    assert ("4-seat gig", "price per hour", "£20") in said, sorted(x for x in said if "gig" in x[0])
    answer = notes.ask("Which one is cheaper, a 4-seat gig or a 6-seat gig?")
    assert answer.answers and answer.answers[0].get("label") == "6-seat gig", answer.answer


def test_an_amount_compared_is_its_owners(boathouse: Graph):
    found = comparisons(boathouse)
    assert ("full lap", "longer", "river loop") in found, found
    assert ("drying room", "warmer", "changing room") in found, found


def test_a_relative_clause_set_off_says_what_its_noun_is(boathouse: Graph, notes):
    assert ("winch", "is a", "drum") in statements(boathouse) or ("winch", "is a", "hand-cranked drum") in statements(
        boathouse
    ), sorted(x for x in statements(boathouse) if x[0] == "winch")
    answer = notes.ask("What is the winch?")
    assert answer.confidence >= 0.8 and "drum" in answer.answer, answer.answer


def test_a_name_given_is_no_deed(boathouse: Graph):
    said = statements(boathouse)
    assert not any(p.startswith("call") for _, p, _ in said), sorted(x for x in said if "call" in x[1])
    assert ("Bookwell", "record", "payment") in said, sorted(x for x in said if x[0] == "Bookwell")


def test_short_forms_of_units_and_hyphened_words():
    assert unit_suffix("The heater is a 12-kilowatt", "kW") == "kilowatt"
    assert unit_suffix("The heater is a big", "kW") is None
    assert spells("FEU", "forty-foot equivalent units")
    assert spells("DLQ", "dead-letter queue")
    assert not spells("FEU", "forty-foot storage units")


def test_a_short_form_of_a_unit_is_answered(notes):
    for question, long_form in (("What does kW stand for?", "kilowatt"), ("What is FEU short for?", "forty-foot")):
        answer = notes.ask(question)
        assert answer.confidence >= 0.8 and long_form in answer.answer.lower(), answer.answer


def test_a_role_list_says_what_each_does(boathouse: Graph, notes):
    said = statements(boathouse)
    assert ("Ines Okoro", "check", "hull") in said, sorted(x for x in said if x[0] in ("Ines Okoro", "Sam Patel"))
    assert ("Sam Patel", "run", "swim test") in said, sorted(x for x in said if x[0] == "Sam Patel")
    answer = notes.ask("Who runs the swim tests?")
    assert answer.answers and answer.answers[0].get("label") == "Sam Patel", answer.answer


def test_rows_headed_by_names_are_the_things(boathouse: Graph):
    said = statements(boathouse)
    assert ("Sea Lark", "berth", "2") in said, sorted(x for x in said if "Lark" in x[0] or "Lark" in x[1])
    assert ("Skua", "launch time", "09:15") in said, sorted(x for x in said if "Skua" in x[0] or "Skua" in x[1])


def test_a_list_after_a_copula_gives_no_kinds(boathouse: Graph):
    said = statements(boathouse)
    assert not any(s == "safety kit" and p == "is a" for s, p, _ in said), sorted(
        x for x in said if x[0] == "safety kit"
    )


def test_the_reader_and_anything_are_no_things_of_the_section(boathouse: Graph):
    said = statements(boathouse)
    assert not any(p.startswith("treat") for _, p, _ in said), sorted(x for x in said if "treat" in x[1])
    assert not any(o == "harbour master" for _, _, o in said), sorted(x for x in said if x[2] == "harbour master")
