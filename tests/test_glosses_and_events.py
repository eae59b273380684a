"""Glosses a note gives a name in passing, lists the parser breaks, and events said with a support verb.

- a name the tagger never saw, heading a sentence before an apposition ("Brisk Owl, a lightweight label
  printer that ..., prints ..."), is the subject, and the apposition says what it is;
- an apposition after a name glossed in parentheses ("PVK (polyvinyl kilning), the slow process
  that ...") says what that name is, not what the sentence's subject is;
- a parenthesis with an article and a modifier ("a 5-litre tub (the small plastic glue pot)") says what
  the thing is, as a comma would;
- "X, meaning ..." / "X, defined as ...": the sentence says what X means;
- short forms glossed in other ways: "GSV, short for gross shipping volume", "the OMS, the order
  management server", "PVK (polyvinyl kilning)" (a letter from a word's inside), "QA DSS (Quality Assurance
  Data Storage Standard)" (in two words), "the MSR sheet (master stock register)" (before a noun);
- a list item with no article ("Nitrile gloves") that the parser took for an adverbial noun stays in the list;
- "Hand tools, such as awls and rulers, are ...": examples set off after a subject are of its kind;
- "The main rules are:" over a list makes its items rules, not "rules are";
- "What is in X?" asks what X holds, never what X is; "X, which is a A, a B and a C, ..." gives X no kinds;
- "X is quicker over A than from B", "doing X with A is slower than with B": the sides are the
  phrases' objects; a question may grade with a WordNet synonym ("faster" of a stated "quicker");
- "What N is installed in X?" is never answered by X's kind (not an N); two words that share their first
  letters but neither one's stem ("installed", "instance") name no relation by letters;
- "Who carries out the monthly guillotine test?" is read as "who tests the guillotine", and "Who does the
  deliveries?" as "who delivers".
"""

from __future__ import annotations

import pytest
from rdflib import Graph
from spacy.tokens import Doc
from test_amounts_and_asides import statements
from test_comparisons_by_grammar import comparisons
from test_open_extraction import built_note, opened_notes

from kg.event_verbs import doer_readings, event_verb_readings
from kg.ingest.parse import load_parser
from kg.ingest.repairs import list_as_adverb
from kg.ingest.shortforms import keeps_letters
from kg.linking import words_match
from kg.question import is_short_form, parse
from kg.synonyms import grade_alike

PRINT_SHOP = """# Print Shop Notes

## Machines

Brisk Owl, a lightweight label printer that runs on a spare laptop in the back room, prints the tags and
sends them to the packing bench.
Each order is loaded onto the OMS, the order management server, which sits in the cupboard behind Desk 2.
The sheets are moved to racks for PVK (polyvinyl kilning), the slow process that hardens the glue.
Each binder gets a 5-litre tub (the small plastic glue pot) at the start of the shift.

## Stock

Hand tools, such as awls, bone folders and rulers, are kept in the drawer.
Each crate is weighed for GSV, short for gross shipping volume, before it leaves. Stale paper, meaning any
ream older than a year, is marked with a red dot. The QA DSS (Quality Assurance Data Storage Standard)
auditors visit twice a year. Returns are written on the MSR sheet (master stock register) by the clerk.

## Safety

The first-aid box includes a face mask, Nitrile gloves, a burn dressing and the accident book. The guillotine
is tested on the first Monday of each month by Hal Odum, the workshop engineer. Rosa Venn does the deliveries
on Tuesdays.

## Rules

The main rules are:

- Any ink spill is wiped at once.
- The guillotine guard stays down.

## Bays

Bay 2 is a loading dock. Bay 3 is a paper store.

## Speed

The grab bag, which is a torch, a whistle and a blanket, hangs by
the door. Sending a job is quicker over the network than from the USB stick. Trimming with the guillotine is slower
than with the rotary cutter.
"""


@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory) -> Graph:
    return built_note(tmp_path_factory, "print-shop.md", PRINT_SHOP)


@pytest.fixture(scope="module")
def notes(tmp_path_factory: pytest.TempPathFactory):
    return opened_notes(tmp_path_factory.mktemp("print-shop"), {"print-shop.md": PRINT_SHOP})


def test_a_name_before_its_apposition_is_the_subject(shop: Graph, notes):
    said = statements(shop)
    assert ("Brisk Owl", "print", "tag") in said, sorted(x for x in said if "print" in x[1])
    assert not any(s == "lightweight label printer" and p == "print" for s, p, _ in said), said
    answer = notes.ask("What is Brisk Owl?")
    assert answer.confidence >= 0.8 and "label printer" in answer.answer, answer.answer


def test_an_apposition_after_a_glossed_name_is_that_names(shop: Graph):
    said = statements(shop)
    assert not any(s == "sheet" and p == "is a" for s, p, _ in said), sorted(x for x in said if x[0] == "sheet")
    assert any(s == "polyvinyl kilning" and p == "is a" and "process" in o for s, p, o in said), sorted(
        x for x in said if "kilning" in x[0]
    )


def test_a_parenthesis_with_an_article_says_what_it_is(shop: Graph):
    said = statements(shop)
    assert any(s == "5-litre tub" and p == "is a" and o.endswith("glue pot") for s, p, o in said), sorted(
        x for x in said if "tub" in x[0]
    )


def test_a_gloss_by_a_verb_of_meaning_defines(notes):
    answer = notes.ask("What is stale paper?")
    assert answer.confidence >= 0.8 and "older than a year" in answer.answer, answer.answer


@pytest.mark.parametrize(
    ("question", "long_form"),
    [
        ("What does GSV stand for?", "gross shipping volume"),
        ("What is the OMS?", "order management server"),
        ("What is PVK?", "polyvinyl kilning"),
        ("What does QA DSS stand for?", "Quality Assurance Data Storage Standard"),
        ("What does MSR stand for?", "master stock register"),
    ],
)
def test_short_forms_glossed_in_passing(notes, question: str, long_form: str):
    answer = notes.ask(question)
    assert answer.confidence >= 0.8 and long_form.lower() in answer.answer.lower(), answer.answer


def test_short_form_letters():
    assert keeps_letters("PVK", "polyvinyl kilning")
    assert keeps_letters("MLF", "malolactic fermentation")
    assert not keeps_letters("AWS", "a web service")
    assert not keeps_letters("MLF", "fermentation")
    assert is_short_form("QA DSS") and is_short_form("EC2") and not is_short_form("QA storage")


def test_an_item_read_as_an_adverb_stays_in_the_list(shop: Graph, notes):
    said = statements(shop)
    held = {o for s, p, o in said if s == "first-aid box" and p == "contains"}
    assert {"face mask", "burn dressing", "accident book"} <= held and any("Nitrile" in o for o in held), held
    answer = notes.ask("What does the first-aid box include?")
    assert len(answer.answers) == 4, answer.answer


def test_what_is_in_a_thing_is_no_definition(notes):
    answer = notes.ask("What is in the first-aid box?")
    assert answer.kind != "definition" and "notes do not say what" not in answer.answer, answer.answer
    assert notes.ask("What is the first-aid box?").kind != "relation"


def test_what_is_in_a_thing_is_what_the_graph_places_in_it(notes):
    answer = notes.ask("What is in the first-aid box?")
    found = {a.get("label", "").lower() for a in answer.answers}
    assert {"face mask", "burn dressing", "accident book"} <= found, answer.answer
    assert not notes.ask("Who is on the first-aid box?").answers  # no relation that says where ends in "on"


def test_support_verb_readings():
    assert event_verb_readings(parse("Who carries out the monthly guillotine test?")) == [
        "Who tests the monthly guillotine?"
    ]
    assert event_verb_readings(parse("Who performs the inspection of the crane?")) == ["Who inspects the crane?"]
    assert event_verb_readings(parse("Is the stock check done weekly?")) == ["Is the stock checked weekly?"]
    assert "Who delivers?" in event_verb_readings(parse("Who does the deliveries?"))
    assert event_verb_readings(parse("Who takes the test?")) == []  # who undergoes it, not who does it
    assert event_verb_readings(parse("Who carries the kit?")) == []


def test_doer_readings():
    assert doer_readings(parse("Who is accountable for draining the tanks?")) == ["Who drains the tanks?"]
    assert doer_readings(parse("Who is in charge of buying ink?")) == ["Who buys ink?"]
    assert doer_readings(parse("Who was tasked with painting the sign?")) == ["Who painted the sign?"]
    assert doer_readings(parse("Who's responsible for locking up?")) == ["Who locks up?"]
    assert doer_readings(parse("What is the price of heating the shed?")) == []  # no one is asked for
    assert doer_readings(parse("Who is the person in charge of props?")) == []  # no deed


def test_the_doer_of_a_deed_said_as_a_gerund_is_answered(notes):
    answer = notes.ask("Who is responsible for testing the guillotine?")
    assert answer.answers and answer.answers[0].get("label") == "Hal Odum", answer.answer
    # "Brisk Owl runs on a spare laptop": what runs *on* the laptop does not run it.
    answer = notes.ask("Who is responsible for running the spare laptop?")
    assert not any(a.get("label") == "Brisk Owl" for a in answer.answers), answer.answer


def test_an_event_said_with_a_support_verb_is_answered(notes):
    answer = notes.ask("Who carries out the monthly guillotine test?")
    assert answer.answers and answer.answers[0].get("label") == "Hal Odum", answer.answer
    answer = notes.ask("Who does the deliveries?")
    assert answer.answers and answer.answers[0].get("label") == "Rosa Venn", answer.answer


def test_a_comparison_between_prepositional_phrases(shop: Graph):
    found = comparisons(shop)
    assert ("network", "quicker", "USB stick") in found, found
    assert ("guillotine", "slower", "rotary cutter") in found, found


@pytest.mark.parametrize(
    ("question", "winner"),
    [
        ("Which is faster, the network or the USB stick?", "network"),
        ("Which is slower, the network or the USB stick?", "USB stick"),
        ("Which is quicker, the guillotine or the rotary cutter?", "rotary cutter"),
        ("Which is faster, the guillotine or the rotary cutter?", "rotary cutter"),
    ],
)
def test_a_comparison_graded_by_a_synonym(notes, question: str, winner: str):
    answer = notes.ask(question)
    assert answer.answers and answer.answers[0].get("label") == winner, answer.answer


def test_graded_synonyms():
    assert grade_alike("faster", "quicker") and grade_alike("larger", "bigger")
    assert not grade_alike("faster", "slower") and not grade_alike("cheaper", "louder")
    assert not grade_alike("faster", "faster")


def test_the_adjective_table_is_present_and_well_formed():
    from kg.namespaces import data_dir

    lines = (data_dir() / "adjectives.tsv").read_text(encoding="utf-8").splitlines()
    header = [line for line in lines if line.startswith("#")]
    rows = [line.split("\t") for line in lines if line and not line.startswith("#")]
    assert any("WordNet 3.0" in line for line in header) and any("WORDNET-LICENSE" in line for line in header)
    assert 1000 < len(rows) < 5000 and all(len(row) == 2 and row[0] < row[1] for row in rows)
    assert rows == sorted(rows) and ["fast", "quick"] in rows


def test_a_list_in_a_relative_clause_gives_no_kinds(shop: Graph):
    said = statements(shop)
    assert not any(s == "grab bag" and p == "is a" for s, p, _ in said), sorted(x for x in said if x[0] == "grab bag")


def test_examples_set_off_after_a_subject(shop: Graph):
    said = statements(shop)
    kinds = {s for s, p, o in said if p == "is a" and o.lower() == "hand tool"}
    assert {"awl", "bone folder", "ruler"} <= kinds, sorted(x for x in said if x[2].lower() == "hand tool")


def test_a_list_introduced_by_its_subject_and_copula(shop: Graph):
    said = statements(shop)
    assert not any(p == "is a" and o.endswith(" are") for _, p, o in said), sorted(x for x in said if "are" in x[2])


def test_a_kind_answers_only_a_question_for_that_noun(notes):
    answer = notes.ask("What crane is installed in Bay 2?")
    assert not answer.answers, answer.answer
    answer = notes.ask("What is Bay 2?")
    assert "loading dock" in answer.answer, answer.answer


def test_a_shared_opening_is_no_shared_stem():
    assert words_match("installed", "instance") == 0.0 and words_match("contact", "contain") == 0.0
    assert words_match("director", "directed") == 0.8 and words_match("producers", "produce") > 0.0


@pytest.mark.parametrize("comma_head", [7, 8])
def test_an_unclassified_list_item_after_the_object_joins_the_list(comma_head: int):
    # "The kit, which Ada checks, contains tape, an auto injector, gel and a torch", parsed as the parser
    # did for such a sentence after a long subject: "injector" unclassified ("dep") under the verb, the
    # rest of the list hung on it, the object "tape" alone; the comma after the object hung on the verb
    # or on the object.
    nlp = load_parser()
    words = "The kit , which Ada checks , contains tape , an auto injector , gel and a torch .".split()
    heads = [1, 7, 1, 5, 5, 1, 1, 7, 7, comma_head, 12, 12, 7, 12, 12, 14, 17, 14, 7]
    deps = ["det", "nsubj", "punct", "dobj", "nsubj", "relcl", "punct", "ROOT", "dobj", "punct", "det"]
    deps += ["compound", "dep", "punct", "conj", "cc", "det", "conj", "punct"]
    pos = ["DET", "NOUN", "PUNCT", "PRON", "PROPN", "VERB", "PUNCT", "VERB", "NOUN", "PUNCT", "DET", "NOUN"]
    pos += ["NOUN", "PUNCT", "NOUN", "CCONJ", "DET", "NOUN", "PUNCT"]
    doc = list_as_adverb(Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos))
    tape = doc[8]
    found = {t.text for t in tape.conjuncts}
    assert found == {"injector", "gel", "torch"}, [(t.text, t.dep_, t.head.text) for t in doc]


CANAL_YARD = """# Canal Yard Notes

## Boats

The yard keeps an old narrowboat called Merrily beside the slipway. Molly is walked twice a day by Jon Pike,
the lock keeper. The tool shed, known to everyone as "the hut", holds the spare paddles. The work punt, known
as "the Plank", is moored by the gate.
"""


def test_a_name_the_tagger_read_as_an_adverb_is_a_name(tmp_path_factory: pytest.TempPathFactory):
    said = statements(built_note(tmp_path_factory, "yard.md", CANAL_YARD))
    assert ("Merrily", "is a", "old narrowboat") in said, sorted(said)
    assert ("Molly", "is walked by", "Jon Pike") in said, sorted(said)
    assert not any(s == "Boat" for s, _, _ in said), sorted(said)  # no subjectless clause said of the heading


def test_a_name_known_as_is_of_the_thing_it_names(tmp_path_factory: pytest.TempPathFactory):
    said = statements(built_note(tmp_path_factory, "yard.md", CANAL_YARD))
    assert ("hut", "is a", "tool shed") in said, sorted(said)  # past "to everyone"
    assert ("Plank", "is a", "work punt") in said, sorted(said)


def test_how_a_thing_works_is_what_it_is(notes):
    said = notes.ask("What is Brisk Owl?")
    answer = notes.ask("How does Brisk Owl work, basically?")
    assert said.answers and answer.answers and answer.answer == said.answer, answer.answer
    other = notes.ask("How does Brisk Owl work with the packing bench?")  # asks about the bench too
    assert other.answer != said.answer, other.answer


def test_a_short_form_two_notes_spell_out_differently_is_answered_with_both(tmp_path_factory: pytest.TempPathFactory):
    notes = opened_notes(
        tmp_path_factory.mktemp("two-notes"),
        {
            "dye-works.md": "# Dye Works\n\n## Staff\n\nEvery vat is signed off by the QCL (quality control lead) "
            "before it is drained.\n",
            "theatre.md": "# Theatre\n\n## Crew\n\nThe QCL (quick change leader) runs the costume changes in "
            "the wings.\n",
        },
    )
    answer = notes.ask("What does QCL stand for?")
    found = {a.get("label") for a in answer.answers}
    assert found == {"quality control lead", "quick change leader"}, answer.answer
    assert "quality control lead" in answer.answer and "quick change leader" in answer.answer
