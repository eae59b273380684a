"""The role a stranded preposition asks for, the doer a passive's "by" asks for, "what does X do", and
names said as written in code ("Max-Age", "HttpOnly" for the "HttpOnly attribute").

A note of our own in the style of technical how-to notes (HTTP cookies; no wording of any question set),
written to try them. Before: "What does HttpOnly protect the cookie from?" got "JavaScript" at 0.97 (the
relative clause "which protects the cookie from cross-site scripting attacks" gave "JavaScript protects
cookie", and the path read it back to its doer though "from" asks for something else); over a longer
note, "Who is the cookie sent by?" read "later request" out of "sends it back with later requests" (the
wh-word had no role, so the read-out took a preposition's object for the doer); "What does the Secure
attribute do?" got "Secure attribute is an Attribute" (the kind its heading gives says what it is, not
what it does). Real parser and model.
"""

from __future__ import annotations

import pytest
from note_graph import note_graph

from kg.question import asks_what_it_does, wh_phrase

pytestmark = pytest.mark.slow

NOTE = """# HTTP cookies

An HTTP cookie is a small piece of data that a server sends to a browser. The browser stores the cookie and
sends it back with later requests to the same server.

## Attributes

The `Secure` attribute tells the browser to send the cookie only over HTTPS. The `HttpOnly` attribute
blocks access from JavaScript, which protects the cookie from cross-site scripting attacks.
The `Expires` attribute sets a date, while `Max-Age` sets a lifetime in seconds.
"""


@pytest.fixture(scope="module")
def kg(tmp_path_factory: pytest.TempPathFactory):
    return note_graph(tmp_path_factory.mktemp("cookies"), "cookies", NOTE)


def test_a_stranded_preposition_is_not_answered_by_the_relations_doer(kg):
    answer = kg.ask("What does HttpOnly protect the cookie from?")

    # Nor is the object of another verb ("blocks access") what the relative clause's verb protects from.
    assert not {"JavaScript", "access"} & {a.get("label") for a in answer.answers}, answer.answer


def test_the_agent_of_a_passive_question_is_the_doer(kg):
    answer = kg.ask("Who is the cookie sent by?")

    assert "later request" not in {a.get("label") for a in answer.answers}, answer.answer
    assert wh_phrase("Who is the cookie sent by?") == (["who"], "subject")
    assert wh_phrase("By whom is the cookie sent?") == (["whom"], "subject")
    assert wh_phrase("What does the browser send?")[1] == "object"


def test_what_it_does_is_not_the_kind_it_is(kg):
    answer = kg.ask("What does the Secure attribute do?")

    assert "is an Attribute" not in answer.answer, answer.answer
    assert asks_what_it_does("What does the Secure attribute do?")
    assert not asks_what_it_does("What does the Secure attribute block?")


def test_a_hyphenated_name_links_to_the_name_it_spells(kg):
    # Before: "Max-Age" linked to nothing (the note's concept is "Max Age"), and the question abstained.
    answer = kg.ask("What does Max-Age set?")

    assert [a.get("label") for a in answer.answers] == ["lifetime"], answer.answer


def test_a_name_said_without_its_kind_noun_links_to_it(kg):
    # Before: "HttpOnly" alone linked to nothing; the concept is the "HttpOnly attribute", an attribute.
    answer = kg.ask("What does HttpOnly block?")

    assert [a.get("label") for a in answer.answers] == ["access"], answer.answer
