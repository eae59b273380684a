"""Where a copula places a thing, who fills a role a possessive or an apposition names, a phrase of place
the parser hung on a period, a colon's apposition, and the questions that lean on them: "where" along a
note's own relation of place, a closing phrase that only sets the scene, a role asked of its owner, and a
choice between options that no fact's degree can settle."""

from __future__ import annotations

import pytest
from note_graph import answer_labels
from rdflib import RDF, RDFS, Graph
from test_open_extraction import built_note, kinds_of, named, opened_notes, relations

from kg.namespaces import KG, KGO
from kg.text import lead_and_item

GUILD = """# Orrin Vale Weavers Guild

## Hall

The Orrin Vale Weavers Guild keeps a workshop on Tanner Row. The dye store is behind the old chapel, and the
spinning loft is on top of the granary. The winch is in use on Fridays. The ledger, which is inside the
strongbox, lists every loom. The keeper signs the register, which is stored in the tack room.

## People

The guild is run by Joan Hale, the warden, and has forty members. The guild owns a carding mill. Its
treasurer is Piet Olander. The guild's archivist, Maud Fenn, keeps the pattern rolls.

The guild meets on the last Friday of every month in the long hall of the Corn Exchange.

## Tallies

Besides ledgers, the guild keeps **tallies**: notched wooden sticks that record what each member owes.

| Record | Kept for |
|--------|----------|
| Tally | 7 years |

Apprentices carry a KTC (Kettle Test Certificate) card. An apprentice without a current KTC card is never put
on the dye rota, even as a helper. The GLW (Guild Loom Warrant) lets a member take a loom home. Twice a year
the warden holds a **restore session**: each member mends one torn hanging on a frame called **the Trestle**.

## Hours

The dye run begins at 23:00 and usually finishes by 01:30. Every evening at 19:45 the warden posts a notice:

- **blue** means the vats are free;
- **grey** means they are in use.

## Papers

The lease is held by the council. Parents sign for junior members. Before a member takes a loom home, the
clerk needs to see three documents:

- a signed copy of the lease agreement
- for parents, a letter of consent
- a loom warrant

## Work

The new roller is far faster than the fulling stocks: it takes about twenty minutes per bolt, whereas the
stocks need two hours. A junior membership is £12 cheaper than a full membership.
"""


@pytest.fixture(scope="module")
def guild(tmp_path_factory: pytest.TempPathFactory) -> Graph:
    return built_note(tmp_path_factory, "guild.md", GUILD)


@pytest.fixture(scope="module")
def notes(tmp_path_factory: pytest.TempPathFactory):
    return opened_notes(tmp_path_factory.mktemp("guild"), {"guild.md": GUILD})


def test_a_copula_with_a_phrase_of_place_places_its_subject(guild: Graph):
    assert relations(guild, named(guild, "dye store"), named(guild, "old chapel")) == {"is behind"}
    assert relations(guild, named(guild, "spinning loft"), named(guild, "granary")) == {"is on top of"}
    # In a relative clause on the subject too.
    assert relations(guild, named(guild, "ledger"), named(guild, "strongbox")) == {"is inside"}


def test_a_bare_noun_after_the_preposition_is_a_state_not_a_place(guild: Graph):
    # "is in use": no thing called "use" is where the winch is.
    assert "use" not in {str(label) for label in guild.objects(None, RDFS.label)}


def test_a_passive_relative_clause_on_an_object_is_said_of_that_object(guild: Graph):
    # "signs the register, which is stored in the tack room": only a thing is stored, so "which" is the register.
    assert relations(guild, named(guild, "register"), named(guild, "tack room"))


def test_a_name_in_apposition_to_a_definite_role_fills_the_role(guild: Graph):
    brack = named(guild, "Joan Hale")
    assert named(guild, "warden") in set(guild.objects(brack, RDF.type))


def test_a_possessive_says_whose_role_a_name_fills(guild: Graph):
    guild_node = named(guild, "Orrin Vale Weavers Guild")
    assert relations(guild, named(guild, "Piet Olander"), guild_node) == {"is treasurer of"}
    fenn = named(guild, "Maud Fenn")
    assert named(guild, "archivist") in set(guild.objects(fenn, RDF.type))
    assert relations(guild, fenn, guild_node) == {"is archivist of"}


def test_a_place_the_parser_hung_on_a_period_is_the_verbs(guild: Graph):
    # "on the last Friday of every month in the long hall of the Corn Exchange": the month has no hall; the
    # hall's name is too long to be one, so the named place it is in stands for it.
    guild_node = named(guild, "Orrin Vale Weavers Guild")
    assert relations(guild, guild_node, named(guild, "Corn Exchange")) == {"meet in"}


def test_a_phrase_after_a_colon_says_what_the_bold_term_is(guild: Graph):
    assert "notched wooden stick" in kinds_of(guild, "Tally")


def test_a_notes_documents_are_its_own_things_not_the_graphs_notes(guild: Graph):
    # "three documents": the note's word names a kind of the note's, never the class of source documents.
    assert set(guild.subjects(RDF.type, KGO.Document)) == {named(guild, "guild.md")}
    assert (KG["loom-warrant"], RDF.type, KG["document"]) in guild


def test_a_list_item_is_not_the_name_that_modifies_or_frames_it(guild: Graph):
    # "a signed copy of the lease agreement", "for parents, a letter of consent": neither the lease nor the
    # parents are documents.
    assert set(guild.subjects(RDF.type, KG["document"])) == {KG["loom-warrant"]}


def test_a_denied_clause_gives_no_quality_to_a_name_inside_its_subject(guild: Graph):
    # "An apprentice without a current KTC card is never put on the rota, even as a helper": nothing "is even
    # as a helper", least of all the certificate.
    assert not [v for v in guild.objects(None, KGO.hasCharacteristic) if "helper" in str(v)]


@pytest.mark.slow
def test_a_short_form_before_the_noun_it_names_is_still_asked_to_stand_for(notes):
    answer = notes.ask("What does the KTC card stand for?")
    assert answer_labels(answer) == ["Kettle Test Certificate"], answer.answer


def test_a_time_of_day_is_a_value_of_its_verb(guild: Graph):
    run = named(guild, "dye run")
    said = {(str(guild.value(p, RDFS.label)), str(o)) for p, o in guild.predicate_objects(run)}
    assert {("begin at", "23:00"), ("finish by", "01:30")} <= said


def test_a_time_in_a_lists_introduction_is_no_colon_of_the_list():
    # A list item's sentence is recorded as "<introduction>: <item>"; "at 19:45" is a time, not that colon.
    item = "Every evening at 19:45 the warden posts a notice: grey means they are in use;"
    assert lead_and_item(item) == ("Every evening at 19:45 the warden posts a notice", "grey means they are in use;")
    assert lead_and_item("The dye run begins at 23:00.") == ("", "The dye run begins at 23:00.")
    assert lead_and_item("At 19:45 the warden posts a notice:") == ("At 19:45 the warden posts a notice", "")


@pytest.mark.slow
def test_when_asks_for_a_time_of_day(notes):
    assert answer_labels(notes.ask("When does the dye run begin?")) == ["23:00"]


@pytest.mark.slow
def test_where_asks_along_a_notes_relation_of_place(notes):
    assert answer_labels(notes.ask("Where is the dye store?")) == ["old chapel"]
    assert answer_labels(notes.ask("Where does the guild meet?")) == ["Corn Exchange"]


@pytest.mark.slow
def test_who_is_the_role_names_who_fills_it(notes):
    assert answer_labels(notes.ask("Who is the warden?")) == ["Joan Hale"]
    assert answer_labels(notes.ask("Who is the treasurer of the guild?")) == ["Piet Olander"]


@pytest.mark.slow
def test_a_closing_phrase_that_sets_the_scene_is_set_aside(notes):
    # The title's place, or the asker's own context ("my notes"), says where, not what is asked.
    answer = notes.ask("What does GLW stand for at Orrin Vale?")
    assert answer_labels(answer) == ["Guild Loom Warrant"], answer.answer
    answer = notes.ask("What is a tally in my records?")
    assert "notched" in answer.answer, answer.answer
    # A place the title does not name stays part of the question.
    assert answer_labels(notes.ask("What does GLW stand for at Tanner Row?")) == []


@pytest.mark.slow
def test_a_lowercase_word_names_a_concept_the_text_writes_in_lowercase(notes):
    # "Tally" is capitalised only as a heading's word; the text says "tallies".
    answer = notes.ask("What is a tally?")
    assert answer.confidence >= 0.8 and "notched" in answer.answer, answer.answer


@pytest.mark.slow
def test_a_choice_by_degree_is_not_settled_by_a_fact_that_has_none(notes):
    # "it takes about twenty minutes per bolt": which takes longer is said by "faster", not by "takes".
    answer = notes.ask("Which takes longer, the new roller or the fulling stocks?")
    assert answer_labels(answer) != ["new roller"], answer.answer


@pytest.mark.slow
def test_a_comparative_that_means_the_stated_quality_chooses_by_it(notes):
    # "quicker" of "faster" by meaning, against the quality's own opposite ("slower"), which reads it round.
    answer = notes.ask("Which is quicker, the fulling stocks or the new roller?")
    assert answer_labels(answer) == ["new roller"], answer.answer
    assert answer_labels(notes.ask("Which is slower, the new roller or the fulling stocks?")) == ["fulling stock"]


@pytest.mark.slow
def test_a_comparison_graded_by_an_amount_or_an_adverb_is_still_one(notes):
    # "is far faster than", "is £12 cheaper than": the grading words stand between "is" and the comparative.
    answer = notes.ask("Which is cheaper, a full membership or a junior membership?")
    assert answer_labels(answer) == ["junior membership"], answer.answer
    assert answer_labels(notes.ask("Which is faster, the fulling stocks or the new roller?")) == ["new roller"]


@pytest.mark.slow
def test_a_bold_term_a_colon_explains_is_defined_though_its_first_word_is_a_verb(notes):
    # "holds a **restore session**: each member mends ...": after "a" the bold words are a noun phrase, and
    # the colon explains them, though the sentence sets another name in bold too.
    answer = notes.ask("What is a restore session?")
    assert answer_labels(answer) == ["restore session"] and "mends" in answer.answer, answer.answer
