"""Write data/adjectives.tsv: pairs of single-word adjectives (and adverbs) that Princeton WordNet 3.0 gives
one meaning in the most frequent sense of both.

Why: a comparison is recorded by a note's own word ("quicker over the network than from the drive") and a
question often grades the same quality with another ("which is *faster*?"). The embedding model cannot
tell such a synonym from the opposite ("faster" is 0.91 from "quicker" and 0.88 from "slower"), so
``kg/synonyms.py`` reads this table to let a question's comparative meet a recorded one. It runs at build
time only: the service never needs WordNet itself.

Which pairs: two words are synonyms here when, in each word's first sense (``TOP_SENSES``) and seen in
WordNet's sense-tagged corpus (tag count above 0), they share a synset ("big" / "large") or one synset is
"similar to" the other (WordNet's adjective clusters: "quick" / "fast"). The second sense would admit
"cheap" / "loud" (a gaudy thing is cheap): a comparison read the wrong way is the worst answer there is.
Antonyms are never similar in WordNet, and kg/opposites.py overrules any pair that is one all the same.
Adverbs ("quickly" / "fast") are paired the same way, by their shared synsets.

Source and licence: as scripts/make_synonyms.py (the WordNet 3.0 database files, ``data.adj``,
``index.adj``, ``data.adv``, ``index.adv``, ``index.sense``; data/WORDNET-LICENSE travels with the table).

Usage: python scripts/make_adjective_synonyms.py WORDNET_DIR [OUT]   (OUT defaults to data/adjectives.tsv)
"""

from __future__ import annotations

import sys
from pathlib import Path

from make_synonyms import sense_ranks, synset_lines, tagged_senses, write_table

#: A sense counts as frequent when it is one of the word's first this many (WordNet orders them by frequency).
TOP_SENSES = 1
#: WordNet's sense-key numbers of the parts of speech read: adjective, adverb, adjective satellite.
SENSE_POS = {"adj": ("3", "5"), "adv": ("4",)}


def _synsets(path: Path) -> dict[str, tuple[list[str], list[str]]]:
    """Return each synset offset of one data file with its words and the offsets it is "similar to"."""
    found: dict[str, tuple[list[str], list[str]]] = {}
    for fields, words, _ in synset_lines(path):
        at = 4 + 2 * len(words)
        pointers = int(fields[at])
        similar = [
            fields[at + 1 + 4 * k + 1] for k in range(pointers) if fields[at + 1 + 4 * k] == "&"
        ]  # symbol, offset, part of speech, source/target
        found[fields[0]] = (words, similar)
    return found


def adjective_pairs(wordnet: Path, top: int = TOP_SENSES) -> set[tuple[str, str]]:
    """Return every pair of single adjectives or adverbs one frequent, tagged meaning joins."""
    pairs: set[tuple[str, str]] = set()
    for name in ("adj", "adv"):
        ranks = sense_ranks(wordnet / f"index.{name}")
        tagged = set().union(*(tagged_senses(wordnet / "index.sense", pos) for pos in SENSE_POS[name]))
        synsets = _synsets(wordnet / f"data.{name}")

        frequent = {sense for sense, rank in ranks.items() if rank <= top and sense in tagged}
        for offset, (words, similar) in synsets.items():
            own = [w for w in dict.fromkeys(words) if w.isalpha() and (w, offset) in frequent]
            near = [w for o in similar if o in synsets for w in synsets[o][0] if w.isalpha() and (w, o) in frequent]
            for i, a in enumerate(own):
                for b in [*own[i + 1 :], *near]:
                    if a != b:
                        pairs.add((min(a, b), max(a, b)))
    return pairs


def main(argv: list[str]) -> int:
    """Write the table; return the process's exit status."""
    header = [
        "# Adjective and adverb synonyms from Princeton WordNet 3.0: single words sharing a synset, or in synsets",
        '# one "similar to" the other, in the first sense of both words, seen in the sense-tagged corpus',
        "# (tag count > 0); a pair a line.",
        "# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved. Licence: data/WORDNET-LICENSE.",
        "# Made by scripts/make_adjective_synonyms.py; read by kg/synonyms.py.",
    ]
    return write_table(argv, __doc__, "adjectives.tsv", adjective_pairs, header)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
