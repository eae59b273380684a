"""Technical prose: what a pronoun stands for, joined clauses, names written as code, headings that name a
section without defining it, and "what does X do?".

Notes of our own in the style of technical how-to notes (text encodings, a job scheduler, cookies; no
wording of any question set), written to try them. Before: "Some characters can be written in more
than one way", first under "## Normalization", was taken for what normalization is; "NFC composes
characters and NFD decomposes them" made NFC decompose characters (the parser reads "characters and
NFD" as two objects); "It starts jobs, retries them when they fail and archives their output" made the
jobs archive (the last verb hangs under "fail", whose subject is "they"); "It takes three values" after
"The SameSite attribute controls whether a cookie is sent ..." was said of the cookie (the subject of the
clause inside); "only the host that set the cookie receives it" made the host receive the subdomains;
"`tasker run` command" was "tasker" and a verb; "What does an encoding do?" abstained (the heading's
capital made "encoding" a weak link to "Encoding"); "Why do most web pages use UTF-8?" abstained ("use"
was taken for a verb that only frames the question); "Where do archived jobs live?" got "Job file lives
for archived job" at 0.97. Real parser and model.
"""

from __future__ import annotations

import pytest
from rdflib import RDF, RDFS, SKOS
from test_open_extraction import built_note, definitions_of, named, opened_notes, relations

from kg.ingest.markdown import parse_markdown
from kg.namespaces import KGO
from kg.question import asks_what_it_does

pytestmark = pytest.mark.slow

ENCODINGS = """# Unicode and UTF-8

Unicode assigns a number, called a code point, to every character.

## Encodings

An encoding turns code points into bytes. UTF-8 uses one to four bytes per code point. Because of this
range, most web pages use UTF-8.

## Normalization

Some characters can be written in more than one way. Normalization converts both forms to one of them:
NFC composes characters and NFD decomposes them.

## Byte order

UTF-16 and UTF-32 depend on byte order.
"""

SCHEDULER = """# Tasker

Tasker is the job scheduler of the build farm. It starts jobs at night, reruns them when they fail and
keeps their output in the vault.

## Commands

The `tasker run` command starts a job at once. The `Retry` option decides when tasker retries a job.
Logs are written to `/var/lib/tasker` by default. With the `quietlog` option, nothing is printed.

## Files

Job files live in `/etc/tasker` for local jobs and in `/srv/tasker` for archived jobs.
"""

COOKIES = """# Cookies

The `SameSite` attribute controls whether a cookie is sent with cross-site requests. It takes three
values: `Strict`, `Lax` and `None`.

The `Domain` attribute lets subdomains receive the cookie. If the attribute is omitted, only the origin
that set the cookie receives it. A sliding log avoids this by keeping every request.
"""

TABLES = """# Tables

Each user has a table. The `tabctl edit` command opens it in an editor, and `tabctl show` prints it.
The loader stores the file, and the checker parses it.
"""

ASIDES = """# Asides

UCS-4 always uses four bytes, which makes it simple. A window log keeps the time of every request, which
costs more memory. Producers send messages to a broker, which routes them to queues.
"""


def _note_fixture(name: str, text: str):
    """A module fixture: the graph extracted from ``text`` alone, as the note ``<name>.md``."""

    @pytest.fixture(scope="module", name=name)
    def graph(tmp_path_factory: pytest.TempPathFactory):
        return built_note(tmp_path_factory, f"{name}.md", text)

    return graph


tables = _note_fixture("tables", TABLES)
encodings = _note_fixture("encodings", ENCODINGS)
scheduler = _note_fixture("scheduler", SCHEDULER)
cookies = _note_fixture("cookies", COOKIES)
asides = _note_fixture("asides", ASIDES)


@pytest.fixture(scope="module")
def kg(tmp_path_factory: pytest.TempPathFactory):
    notes = {"encodings.md": ENCODINGS, "tasker.md": SCHEDULER, "tables.md": TABLES}
    return opened_notes(tmp_path_factory.mktemp("technical"), notes)


def test_a_first_sentence_about_something_else_does_not_define_the_heading(encodings):
    definitions = definitions_of(encodings)

    assert "Normalization" not in definitions, definitions
    assert definitions.get("Encoding", "").startswith("An encoding turns"), definitions


def test_a_noun_before_a_joined_verb_is_its_subject(encodings):
    nfc, nfd, character = named(encodings, "NFC"), named(encodings, "NFD"), named(encodings, "character")

    assert relations(encodings, nfd, character) == {"decompose"}
    assert relations(encodings, nfc, character) == {"compose"}
    assert relations(encodings, nfc, nfd) == set()


def test_a_joined_verb_shares_the_subject_it_agrees_with(scheduler):
    tasker, output = named(scheduler, "Tasker"), named(scheduler, "output")

    assert relations(scheduler, tasker, output) == {"keeps"}
    concepts = set(scheduler.subjects(RDF.type, KGO.Concept))
    assert set(scheduler.subjects(None, output)) & concepts == {tasker}


def test_a_pronoun_stands_for_the_subject_of_the_sentence_before(cookies):
    same_site, value = named(cookies, "SameSite attribute"), named(cookies, "value")

    assert relations(cookies, same_site, value) == {"take"}
    assert not relations(cookies, named(cookies, "cookie"), value)


def test_a_pronoun_agrees_in_number_and_may_stand_for_a_relative_clauses_object(cookies):
    origin, cookie = named(cookies, "origin"), named(cookies, "cookie")

    assert relations(cookies, origin, cookie) >= {"receive"}
    assert not relations(cookies, origin, named(cookies, "subdomain"))


def test_this_standing_alone_is_no_thing(cookies):
    # "avoids this": no fact (the sliding log, having none, is not in the graph either).
    assert not {p for p in cookies.predicates() if "avoid" in str(p)}


def test_names_written_as_code_are_read_whole(scheduler):
    command, lib = named(scheduler, "tasker run command"), named(scheduler, "/var/lib/tasker")

    assert named(scheduler, "tasker run") == command
    assert lib is not None
    assert named(scheduler, "Retry option") is not None
    # "`Retry`" alone is a dictionary word: as a name it would match every "retries" of the text.
    concepts = set(scheduler.subjects(RDF.type, KGO.Concept))
    names = {str(o) for c in concepts for p in (RDFS.label, SKOS.altLabel) for o in scheduler.objects(c, p)}
    assert "Retry" not in names and "retry" not in names


def test_code_spans_are_recorded_with_their_offsets():
    (block,) = parse_markdown("The `tasker run` command starts a job.")

    assert [(s.text, block.text[s.start : s.end]) for s in block.code] == [("tasker run", "tasker run")]


def test_what_an_encoding_does_is_its_definition(kg):
    answer = kg.ask("What does an encoding do?")

    assert answer.kind == "definition" and answer.confidence >= 0.8, (answer.confidence, answer.answer)
    assert "turns code points into bytes" in answer.answer


def test_what_it_does_quotes_the_sentences_it_is_the_doer_of(kg):
    answer = kg.ask("What does NFD do?")

    assert answer.kind == "about" and answer.confidence >= 0.65, (answer.confidence, answer.answer)
    assert "NFD decomposes them" in answer.answer
    assert asks_what_it_does("What does tasker run do?")
    assert not asks_what_it_does("What does tasker run?")


def test_a_light_verb_is_what_a_why_question_asks_about(kg):
    answer = kg.ask("Why do most web pages use UTF-8?")

    assert answer.confidence >= 0.6 and "range" in answer.answer, (answer.confidence, answer.answer)


def test_where_is_not_answered_by_a_relation_ending_in_for(kg):
    answer = kg.ask("Where do archived jobs live?")

    assert answer.kind != "relation", (answer.confidence, answer.answer)
    # "live in A for local jobs and in B for archived jobs": the joined phrase that says "archived jobs".
    assert [a.get("label") for a in answer.answers] == ["/srv/tasker"], answer.answer


def test_an_object_pronoun_is_not_guessed_between_two_things_of_its_number(tables):
    edit, show = named(tables, "tabctl edit command"), named(tables, "tabctl show")

    # "it" may be the user or the table: neither is read; both "it"s stand for one thing.
    assert not relations(tables, edit, named(tables, "user"))
    assert not relations(tables, show, edit)


def test_an_object_pronoun_stands_for_the_object_of_the_clause_before(tables):
    checker, file = named(tables, "checker"), named(tables, "file")

    assert relations(tables, checker, file) == {"parse"}


def test_an_amount_ends_where_the_clause_beside_it_begins(asides):
    values = {
        str(o) for o in asides.objects(named(asides, "UCS-4"), None) if any(c.isdigit() or c == " " for c in str(o))
    }

    assert "four bytes" in values, values
    assert not any("which" in v for v in values), values


def test_a_which_clause_that_may_say_the_whole_statement_is_nobodys_fact(asides):
    assert not {p for p in asides.predicates() if "cost" in str(p)}  # the keeping costs it, not a request
    assert relations(asides, named(asides, "broker"), named(asides, "queue"))


def test_a_name_only_the_title_says_gets_no_verdict_from_a_sentence_with_its_own_subject(kg):
    answer = kg.ask("Does UTF-8 depend on byte order?")

    assert not any(isinstance(a.get("value"), bool) for a in answer.answers), answer.answer
    assert not answer.answer.startswith("Yes"), answer.answer


def test_a_pronoun_where_the_wh_word_stands_is_not_answered_by_another_concept(kg):
    answer = kg.ask("What does tabctl show print?")

    assert "editor" not in {str(a.get("label", "")).lower() for a in answer.answers}, answer.answer


def test_a_code_name_less_its_kind_noun_is_no_short_form(kg):
    answer = kg.ask("What does quietlog do?")

    assert "stands for" not in answer.answer, answer.answer
