"""Write data/attributes.tsv: the nouns naming what an adjective measures, by WordNet's attribute pointers.

Why: "How long does a survey take?" asks the value a note gives under "Length" (or "Duration"), and "Which is
heavier, A or B?" compares the cells of a "Weight" column. Neither the letters nor the embedding model tie
"long" to "length" firmly (all-MiniLM-L6-v2 puts them at 0.64, under the line a word must reach to name a
relation), but WordNet links each such adjective to the noun of the attribute it is a value of (pointer "="):
"long" to "duration, length", "heavy" to "weight", "old" to "age", "wide" to "width, breadth".

A row is an adjective, a noun of the attribute synset of one of the adjective's first ``TOP_SENSES`` senses,
and the side: "+" where the adjective means more of the attribute, "-" less, "?" where WordNet's glosses do
not say (``data/measures.tsv``, made from the glosses, is asked for any noun of the same synset: "long" means
more "duration", so more "length" too; "short" less; an adjective unsaid takes the other side of its first
sense's antonym: "slow" means less "speed", so "fast" more).

Source and licence: as scripts/make_synonyms.py (``data.adj``, ``index.adj``, ``data.noun``; the WordNet 3.0
licence travels with the table in data/WORDNET-LICENSE).

Usage: python scripts/make_attributes.py WORDNET_DIR [OUT]   (OUT defaults to data/attributes.tsv)
"""

from __future__ import annotations

import sys
from pathlib import Path

from make_measures import _data
from make_synonyms import sense_ranks

#: How many of an adjective's senses (most frequent first) give attributes.
TOP_SENSES = 2
#: WordNet's pointer symbol for an attribute (adjective to noun).
ATTRIBUTE = "="
#: WordNet's pointer symbol for an antonym.
ANTONYM = "!"


def attribute_rows(wordnet: Path, measures: Path) -> set[tuple[str, str, str]]:
    """Return every (adjective, attribute noun, side) row."""
    adjectives, nouns = _data(wordnet / "data.adj"), _data(wordnet / "data.noun")
    sides: dict[tuple[str, str], str] = {}
    for line in measures.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            word, noun, sign = line.split("\t")
            sides[(word, noun)] = sign
    rows = set()
    for (word, offset), rank in sense_ranks(wordnet / "index.adj").items():
        if rank > TOP_SENSES or not word.isalpha():
            continue
        for symbol, target in adjectives[offset][1]:
            if symbol != ATTRIBUTE or target not in nouns:
                continue
            synset = [n for n in nouns[target][0] if n.isalpha()]
            signs = {sides[(word, n)] for n in synset if (word, n) in sides}
            side = signs.pop() if len(signs) == 1 else "?"
            rows.update((word, noun, side) for noun in synset)
    # "fast" is unsaid of "speed" where its antonym "slow" means less of it: it means more.
    known = {(w, n): s for w, n, s in rows if s != "?"}
    antonyms = {
        (word, other)
        for (word, offset), rank in sense_ranks(wordnet / "index.adj").items()
        if rank == 1
        for symbol, target in adjectives[offset][1]
        if symbol == ANTONYM
        for other in adjectives[target][0]
    }
    for w, n, s in list(rows):
        opposite = {known.get((other, n)) for a, other in antonyms if a == w} - {None}
        if s == "?" and len(opposite) == 1:
            rows.discard((w, n, s))
            rows.add((w, n, "-" if opposite.pop() == "+" else "+"))
    # A noun given both a side and "?" by two senses keeps the side.
    sided = {(w, n) for w, n, s in rows if s != "?"}
    return {(w, n, s) for w, n, s in rows if s != "?" or (w, n) not in sided}


def main(argv: list[str]) -> int:
    """Write the table; return the process's exit status."""
    if len(argv) not in (2, 3):
        print(__doc__.rsplit("Usage: ", 1)[1].strip(), file=sys.stderr)
        return 2
    data = Path(__file__).resolve().parent.parent / "data"
    out = Path(argv[2]) if len(argv) == 3 else data / "attributes.tsv"
    rows = sorted(attribute_rows(Path(argv[1]), data / "measures.tsv"))
    header = [
        "# What an adjective measures, from Princeton WordNet 3.0's attribute pointers of its first two senses: an",
        '# adjective, a noun of the attribute, and "+" where the adjective means more of it, "-" less, "?" unsaid.',
        "# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved. Licence: data/WORDNET-LICENSE.",
        "# Made by scripts/make_attributes.py; read by kg/measures.py.",
    ]
    out.write_text("\n".join([*header, *("\t".join(row) for row in rows)]) + "\n", encoding="utf-8")
    print(f"{len(rows)} rows -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
