"""What a table's rows and a list's leads are called, and the questions that name them so.

- A row named with another name in brackets ('Hull survey ("HS")', "Engine service (ES)", "Mooring (winter)") is the
  thing named before the bracket; a quoted name or a short form it spells is another name of it, an unquoted
  aside is not. A list item's lead does the same with a quoted name ('Shed 4 ("the attic")'), and "Which shed
  do the crews mean by the attic?" asks for the thing so called.
- A row's capitalised common noun ("Fender") is asked about in lowercase ("the fender"), as a sentence's
  first word is.
- Rows a sentence names with the first column's kind ("the winter rate", 'the "summer" rate') are those things,
  though their names are lowercase words that could head a property row.
- A question may add a row's kind to its name ("the Gold berth"), and ask a measure with "how" ("How long is
  ...?", "Which takes longer, ...?") of the column named by what the measure measures ("Length").
- A list item "Harbourmaster – Ines Darrow." names who fills the role; "(SO – slipway officer)" glosses a short
  form after a dash, in brackets.
- "How much is X?" asks what X costs: X's one relation valued in money answers, whatever its column's name.

A made-up harbour office's note stands for any note (``kg/ingest/structure.py``, ``kg/linking.py``).
"""

from __future__ import annotations

import pytest
from test_open_extraction import opened_notes

HARBOUR = """# Harbour Office Notes

## Checks

| Check | Length | Price |
|-------|--------|-------|
| Hull survey ("HS") | 60 min | £80 |
| Engine service (ES) | 90 min | £120 |
| Mast inspection (annual) | 30 min | £45 |

## Kit on loan

| Item | Deposit |
|------|---------|
| Fender | £5 |
| Boathook | £8 |

## Berths

| Berth | Monthly fee | Max length |
|-------|-------------|------------|
| Gold | £300 | 14 m |
| Silver | £180 | 9 m |

Gold berths are on the outer pontoon.

## Rates

| Rate | Per night |
|------|-----------|
| winter | £12 |
| summer | £20 |

The winter rate applies from November to March, and the "summer" rate covers the rest of the year.

## Sheds

- **Shed 4** ("the attic") – holds the spare sails.
- **Shed 5** – holds the oars.

## People

- **Harbourmaster – Ines Darrow.** Keeps the berth list.
- **Bosun – Tamsin Royle.** Looks after the slipway.

Slipway bookings go through Noel Abbott (SO – slipway officer).
"""


@pytest.fixture(scope="module")
def harbour(tmp_path_factory: pytest.TempPathFactory):
    return opened_notes(tmp_path_factory.mktemp("harbour"), {"harbour.md": HARBOUR})


def first(reply) -> str:
    """Return the first answer's label or value, or "" when the reply gives none."""
    return str(reply.answers[0].get("label", reply.answers[0].get("value"))) if reply.answers else ""


@pytest.mark.slow
def test_a_rows_bracketed_name_is_another_name_of_it(harbour):
    assert first(harbour.ask("What does HS stand for?")) == "Hull survey"
    assert first(harbour.ask("What does ES stand for?")) == "Engine service"
    assert first(harbour.ask("How much is a mast inspection?")) == "£45"
    assert first(harbour.ask("Which shed do the crews mean by the attic?")) == "Shed 4"
    assert first(harbour.ask("What does the attic hold?")) in ("spare sail", "spare sails")


@pytest.mark.slow
def test_a_capitalised_common_noun_heading_a_row_is_asked_in_lowercase(harbour):
    assert first(harbour.ask("How much is the deposit on the fender?")) == "£5"


@pytest.mark.slow
def test_rows_a_sentence_names_with_their_kind_are_things(harbour):
    assert first(harbour.ask("What does the summer rate charge per night?")) == "£20"
    assert first(harbour.ask("What is the winter rate per night?")) == "£12"


@pytest.mark.slow
def test_a_name_with_its_kind_and_a_measure_asked_with_how(harbour):
    assert first(harbour.ask("What is the monthly fee for a Gold berth?")) == "£300"
    assert first(harbour.ask("How long is an engine service?")) == "90 min"
    assert first(harbour.ask("How long does a mast inspection take?")) == "30 min"
    reply = harbour.ask("How long is a hull survey?")
    assert reply.kind != "acronym" and first(reply) == "60 min"
    assert first(harbour.ask("Which lasts longer, a hull survey or an engine service?")) == "Engine service"


@pytest.mark.slow
def test_a_lead_naming_a_role_then_a_person_fills_the_role(harbour):
    assert first(harbour.ask("Who is the harbourmaster?")) == "Ines Darrow"
    assert first(harbour.ask("What does SO stand for?")) == "slipway officer"
