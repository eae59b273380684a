"""Write data/measures.tsv: which amount an adjective or adverb says there is more or less of, by WordNet's glosses.

Why: a question often grades a noun ("which one needs *more time*?", "which has *lower* costs?") where a note
says a comparative ("A takes longer than B", "A is louder than B"). The embedding model cannot tell the
side (it puts "more time" as near "quicker" as "longer"), but WordNet's definitions say it in words:
"long": "being or indicating a relatively *great* or greater than average *duration* or passage of *time*";
"cheap": "relatively *low* in *price*". A table row says an adjective's first sense means more (+) or less
(-) of a noun, so ``kg/measures.py`` can tell that "longer" answers "more time" and "quicker" "less time".

How a gloss is read (its definition, before the examples): a word of degree (``MORE`` / ``LESS``: "great",
"high", "much", "low", "little", "lacking", "without", ...; grammar and words of size, no topic) is
followed, within ``WINDOW`` words and past connectives and other adjectives, by the nouns it grades; a noun
that owns the graded one by "of" ("sound of great volume") counts too. "not" before the word of degree
turns nothing round: such glosses are skipped. A noun also stands for the other words of its first sense
("duration": "continuance"); hyponyms would not do ("feeling" of "hot" has every emotion below it). An
adjective whose first sense is the WordNet antonym of another's first sense takes the other side of that
word's nouns ("fast" of "slow": less time). A word given both sides of one noun keeps neither.

Source and licence: as scripts/make_synonyms.py (``data.adj``, ``index.adj``, ``data.adv``, ``index.adv``,
``data.noun``, ``index.noun``; data/WORDNET-LICENSE travels with the table).

Usage: python scripts/make_measures.py WORDNET_DIR [OUT]   (OUT defaults to data/measures.tsv)
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from make_synonyms import sense_ranks, synset_lines

#: Words of degree that say there is much of what follows ("great duration", "high price").
MORE = frozenset("great greater high higher large larger much more long considerable extended abundant".split())
#: Words of degree that say there is little or none of it ("low price", "lacking moisture").
LESS = frozenset("low lower little small smaller less lacking free without absence short limited few fewer".split())
#: Words passed over between a word of degree and its noun ("great *or greater than average* duration").
CONNECTIVES = frozenset("or and than of a an the very relatively comparatively unusually".split())
#: Prepositions end the phrase graded ("low *in* price": the price is graded, "at a time" is not).
PREPOSITIONS = frozenset("at in on by for from to with into onto over under about as per through during".split())
#: Nouns that measure nothing of their own ("a great *deal* of", "great in *degree*"): passed over.
VAGUE = frozenset("deal degree amount quantity number extent kind sort part lot".split())
#: How many words after a word of degree its nouns are looked for.
WINDOW = 8
#: WordNet's pointer symbol for an antonym.
ANTONYM = "!"


def _data(path: Path) -> dict[str, tuple[list[str], list[tuple[str, str]], str]]:
    """Return each synset offset of one data file with its words, its (symbol, offset) pointers and gloss."""
    found = {}
    for fields, words, line in synset_lines(path):
        at = 4 + 2 * len(words)
        pointers = [(fields[at + 1 + 4 * k], fields[at + 2 + 4 * k]) for k in range(int(fields[at]))]
        gloss = line.split("| ", 1)[1] if "| " in line else ""
        found[fields[0]] = (words, pointers, gloss)
    return found


def _first_senses(path: Path) -> dict[str, str]:
    """Return each single word of one index file with the synset offset of its first (most frequent) sense."""
    return {word: offset for (word, offset), rank in sense_ranks(path).items() if rank == 1 and word.isalpha()}


def _definition(gloss: str) -> str:
    """Return a gloss's definition: the words before its first quoted example."""
    return re.split(r';?\s*"', gloss, maxsplit=1)[0]


def graded_nouns(gloss: str, is_noun, is_other) -> dict[str, int]:
    """Return the nouns a gloss grades with their side: 1 much of it, -1 little or none.

    ``is_noun(w)`` tells a word WordNet has only as a noun; ``is_other(w)`` one it has as an adjective or
    adverb (passed over: "higher than *desirable* temperature").
    """
    found: dict[str, int] = {}
    for clause in re.split(r"[;,:()]", _definition(gloss)):
        words = re.findall(r"[a-z]+", clause.lower())
        for i, word in enumerate(words):
            side = 1 if word in MORE else -1 if word in LESS else 0
            if not side or (i and words[i - 1] in ("not", "no", "nor")):
                continue
            if i >= 2 and words[i - 1] == "of" and is_noun(words[i - 2]) and words[i - 2] not in VAGUE:
                found.setdefault(words[i - 2], side)  # "sound of great volume"
            for after in words[i + 1 : i + 1 + WINDOW]:
                if after in PREPOSITIONS and found:
                    break
                if after in MORE or after in LESS or after in CONNECTIVES or after in VAGUE or after in PREPOSITIONS:
                    continue
                if is_noun(after):
                    found.setdefault(after, side)
                elif not is_other(after):
                    break  # a verb or preposition ends the phrase graded
    return found


def measure_rows(wordnet: Path) -> set[tuple[str, str, str]]:
    """Return every (adjective or adverb, noun, "+" or "-") row the glosses and antonyms give."""
    nouns = _data(wordnet / "data.noun")
    noun_first = _first_senses(wordnet / "index.noun")
    others = set(_first_senses(wordnet / "index.adj")) | set(_first_senses(wordnet / "index.adv"))

    def is_noun(word: str) -> bool:
        return word in noun_first and word not in others

    def is_other(word: str) -> bool:
        return word in others

    def kin(noun: str) -> set[str]:
        """The noun and the other words of its first sense ("duration": "continuance")."""
        return {w for w in (noun, *nouns[noun_first[noun]][0]) if w.isalpha()}

    sides: dict[str, dict[str, int]] = {}
    torn: set[tuple[str, str]] = set()  # a word given both sides of one noun

    def give(word: str, noun: str, side: int) -> None:
        if sides.setdefault(word, {}).setdefault(noun, side) != side:
            torn.add((word, noun))

    for name in ("adj", "adv"):
        data = _data(wordnet / f"data.{name}")
        first = _first_senses(wordnet / f"index.{name}")
        for word, offset in first.items():
            for noun, side in graded_nouns(data[offset][2], is_noun, is_other).items():
                for other in kin(noun):
                    give(word, other, side)
        if name == "adj":
            given = {word: dict(found) for word, found in sides.items()}
            for word, offset in first.items():
                for symbol, target in data[offset][1]:
                    if symbol != ANTONYM:
                        continue
                    for other in data[target][0]:
                        if first.get(other) == target:  # the antonym's own first sense
                            for noun, side in given.get(other, {}).items():
                                if noun not in given.get(word, {}):  # its own gloss comes first
                                    give(word, noun, -side)
    return {
        (word, noun, "+" if side > 0 else "-")
        for word, found in sides.items()
        for noun, side in found.items()
        if side and (word, noun) not in torn
    }


def main(argv: list[str]) -> int:
    """Write the table; return the process's exit status."""
    if len(argv) not in (2, 3):
        print(__doc__.rsplit("Usage: ", 1)[1].strip(), file=sys.stderr)
        return 2
    wordnet = Path(argv[1])
    out = Path(argv[2]) if len(argv) == 3 else Path(__file__).resolve().parent.parent / "data" / "measures.tsv"
    rows = sorted(measure_rows(wordnet))
    header = [
        "# Amounts adjectives and adverbs grade, from Princeton WordNet 3.0's glosses of their first sense: an",
        '# adjective, a noun, and "+" where the adjective means more of it ("long": time), "-" where less.',
        "# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved. Licence: data/WORDNET-LICENSE.",
        "# Made by scripts/make_measures.py; read by kg/measures.py.",
    ]
    out.write_text("\n".join([*header, *("\t".join(row) for row in rows)]) + "\n", encoding="utf-8")
    print(f"{len(rows)} rows -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
