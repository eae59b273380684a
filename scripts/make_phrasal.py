"""Write data/phrasal.tsv: pairs of verbs, at least one of them a phrasal verb ("set up", "find out"), that
Princeton WordNet 3.0 puts in one synset in a frequent sense of both, one pair a line.

Why: questions and notes say many actions with a verb and a particle where the other says one word ("Who
*set up* the trust?" of "the trust was founded by ..."; "what did she *find out*" of "she learned"). The
single-word table (``data/synonyms.tsv``, ``scripts/make_synonyms.py``) leaves WordNet's multi-word verbs
out; this table holds them, kept by the same test: the shared synset is, for *each* of the two, one of its
first ``TOP_SENSES`` senses and a sense seen in the sense-tagged corpus. ``kg/synonyms.py`` reads it, and
only where a question or a relation's name says the phrase word for word (its verb in any form, then the
particle: "setting up").

Which phrases: WordNet's multi-word verb lemmas of two or three plain words ("set_up", "come_up_with"); none
with a placeholder ("catch_one's_breath"). Source and licence as for ``scripts/make_synonyms.py``.

Usage: python scripts/make_phrasal.py WORDNET_DIR [OUT]   (OUT defaults to data/phrasal.tsv)
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from make_synonyms import TOP_SENSES, frequent_verb_sense, synsets, write_table

#: A phrase of two or three plain words, as WordNet writes it ("set_up").
PHRASE = re.compile(r"^[a-z]+(_[a-z]+){1,2}$")


def phrasal_pairs(wordnet: Path, top: int = TOP_SENSES) -> set[tuple[str, str]]:
    """Return every pair of verbs, one at least a phrase, sharing a synset that is a frequent, tagged sense of both."""
    frequent = frequent_verb_sense(wordnet, top)
    pairs: set[tuple[str, str]] = set()
    for offset, words in synsets(wordnet / "data.verb").items():
        kept = [w for w in dict.fromkeys(words) if (w.isalpha() or PHRASE.match(w)) and frequent(w, offset)]
        for i, a in enumerate(kept):
            for b in kept[i + 1 :]:
                if "_" in a or "_" in b:
                    x, y = a.replace("_", " "), b.replace("_", " ")
                    pairs.add((min(x, y), max(x, y)))
    return pairs


def main(argv: list[str]) -> int:
    """Write the table; return the process's exit status."""
    header = [
        "# Phrasal verb synonyms from Princeton WordNet 3.0: verbs, one at least of two or three words, sharing a",
        f"# synset that is, for both, among their first {TOP_SENSES} senses and seen in the sense-tagged corpus.",
        "# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved. Licence: data/WORDNET-LICENSE.",
        "# Made by scripts/make_phrasal.py; read by kg/synonyms.py.",
    ]
    return write_table(argv, __doc__, "phrasal.tsv", phrasal_pairs, header)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
