"""Find the long name a short form stands for: "dead-letter queue (DLQ)", "NFS (Network File System)".

A short form is recorded on a name only when its letters spell the name's words: each word (each part
of a hyphenated or slashed word) opens with the next letters of the short form, in order, and a
closed-class word ("of", "and") may give none ("Simple Queue Service" for SQS, "publish/subscribe"
for pub/sub). A short form that spells nothing before it is recorded nowhere: "queue (DLQ)" does not
make DLQ a name of "queue".
"""

from __future__ import annotations

import re

from kg.text import getAllLemmas, is_adjective, splits_into_prefixes

#: Words a short form may skip inside a name: "Department of Defense" is DD (or DoD), "Research and
#: Development" R&D. Not "in" or "a": "lives in a queue (LQ)" is a clause, no name.
CLOSED_CLASS = frozenset("of and the for".split())
#: An upper-case short form in parentheses, after its long name: "Elastic Block Store (EBS)", one in
#: parts, "EFS Infrequent Access (EFS-IA)", and one first in a bracketed list ("setuid (SUID, 4000)").
SHORT_AFTER_RE = re.compile(r"\(([A-Z][A-Za-z0-9]*(?:-[A-Z][A-Za-z0-9]*)*[A-Z0-9]s?)(?:[,;][^()]*)?\)")
#: An upper-case short form with its long name in parentheses: "NFS (Network File System)", one in two
#: words, "QA DSS (Quality Assurance Data Storage Standard)", and one that modifies a noun the
#: parenthesis follows, "the MSR sheet (master stock register)".
SHORT_BEFORE_RE = re.compile(
    r"(?<![\w/-])((?:[A-Z]{2,}\s)?[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*s?)(\s+[a-z]+)?\s+\(([A-Za-z][A-Za-z /-]{2,78})\)"
)
#: A short form written equal to its long name, as terse notes do: "DNS = Domain Name System", "TTL =
#: time to live". The long name runs to the next comma, bracket or stop.
SHORT_EQUALS_RE = re.compile(
    r"(?<![\w/-])([A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*s?)\s*=\s*([A-Za-z][A-Za-z /-]{2,78}?)\s*(?=[,;:.(]|$)"
)
#: An upper-case short form glossed after a spaced dash in brackets: "Derek Marsh (MD – musical director)". The
#: long name runs to the bracket's end; whether the short form spells it is tested after.
SHORT_DASHED_RE = re.compile(r"\(\s*([A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*s?)\s+[—–-]\s+([A-Za-z][A-Za-z /-]{2,78}?)\s*\)")
#: An upper-case short form a clause says its long name of, in a few lowercase words: "WEEE stands for Waste
#: Electrical and Electronic Equipment", "NFS is short for Network File System". The long name is capitalised
#: (its inner closed-class words aside); whether the short form spells it is tested after (``said_long_form``).
SHORT_SAID_RE = re.compile(
    r"(?<![\w/-])([A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*s?)\s+(?:[a-z]+\s+){1,3}(?:the\s+)?"
    r"([A-Z][A-Za-z-]*(?:\s+(?:of|and|the|for|[A-Z][A-Za-z-]*))+)"
)
#: An upper-case short form glossed in lowercase words by the idiom of short forms: "GSV, short for gross
#: shipping volume", "TTL stands for time to live". The long name runs to the next comma, bracket or
#: stop; whether the short form spells it is tested after (``said_long_form``).
SHORT_GLOSSED_RE = re.compile(
    r"(?<![\w/-])([A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*s?),?\s+(?:(?:is\s+|being\s+)?short|stands?|standing)\s+for\s+"
    r"(?:the\s+)?([A-Za-z][A-Za-z /-]{2,78}?)\s*(?=[,;:.()]|$)"
)
#: An upper-case short form with its long name in apposition: "the OMS, the order management server, ...".
#: Whether the short form spells it is tested after (``said_long_form``).
SHORT_APPOSED_RE = re.compile(
    r"(?<![\w/-])([A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*s?),\s+(?:the|an?)\s+([A-Za-z][A-Za-z /-]{2,78}?)\s*(?=[,;:.()]|$)"
)
#: An upper-case short form offered as another name after a comma and "or": "a tension grade, or TG, is set",
#: "the duty officer, or DO, signs ...". Whether it spells the words before it is tested after.
SHORT_OR_RE = re.compile(r",\s+or\s+([A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*s?)\s*(?=[,;:.)]|$)")
#: A clipped short form in parentheses, its parts joined as the long name's are: "publish/subscribe (pub/sub)".
CLIPPED_RE = re.compile(r"\(([a-z]{2,}(?:[/-][a-z]{2,})+)\)")
_PART = re.compile(r"[A-Za-z0-9]+")
#: A lowercase short form of one word in parentheses, perhaps a blend of the name's words: "regular
#: expression (regex)".
BLEND_RE = re.compile(r"\(([a-z]{3,})\)")
#: A unit's symbol in parentheses, a capital after its first letter: "10-kilowatt (kW)", "megahertz (MHz)".
UNIT_SYMBOL_RE = re.compile(r"\(([a-z]{1,2}[A-Z][A-Za-z]?)\)")


def _letters(short: str) -> str:
    """Return a short form's letters, lowercase, digits and a plural "s" left out ("EC2s" -> "ec")."""
    return "".join(ch for ch in short.rstrip("s") if ch.isalpha()).lower()


def spells(short: str, name: str) -> bool:
    """Tell whether the letters of ``short`` spell the words of ``name`` (digits and a plural "s" aside).

    A hyphenated word gives letters from each part ("dead-letter queue": DLQ) or from its first part
    alone ("forty-foot equivalent unit": FEU).
    """
    letters = _letters(short)
    return any(_spelt(letters, words) for words in (_PART.findall(name), _HYPHENED.findall(name)))


def _spelt(letters: str, words: list[str]) -> bool:
    words = [w.lower() for w in words]
    if len(letters) < 2 or len(words) < 2 or words[0] in CLOSED_CLASS or words[-1] in CLOSED_CLASS:
        return False
    return words[0].startswith(letters[0]) and splits_into_prefixes(letters, words, CLOSED_CLASS)


#: Words with their hyphens kept whole ("forty-foot").
_HYPHENED = re.compile(r"[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*")


def keeps_letters(short: str, name: str) -> bool:
    """Tell whether ``short``'s letters split into one piece per word of ``name`` (its closed-class words
    aside), each opening with its word's first letter, the rest found in the word in order: "polyvinyl
    kilning (PVK)", whose V is no initial. For a name the text glosses the short form with."""
    if name.split()[:1] in (["a"], ["an"], ["the"]):
        return False  # "AWS (a web service)" describes, it spells nothing
    words = [w.lower() for w in _PART.findall(name) if w.lower() not in CLOSED_CLASS]
    letters = _letters(short)
    return len(words) >= 2 and len(letters) >= len(words) and _kept_in_order(letters, words)


def said_long_form(short: str, run: str) -> str | None:
    """Return the first words of ``run`` that ``short`` spells ("Waste Electrical and Electronic Equipment"
    of "Waste Electrical and Electronic Equipment Directive" for WEEE, where the run is longer), or None."""
    words = run.split()
    for n in range(2, len(words) + 1):
        if spells(short, " ".join(words[:n])):
            return " ".join(words[:n])
    return None


def spelled_suffix(before: str, short: str, brands: frozenset[str] = frozenset()) -> str | None:
    """Return the shortest run of words ending ``before`` whose words ``short`` spells, or None.

    A brand just before the run stays in the name ("Amazon Virtual Private Cloud (VPC)").
    """
    words = [w.strip(",;:*") for w in before.split()]
    for n in range(1, min(len(words), 2 * len(short) + 2) + 1):
        if spells(short, " ".join(words[-n:])):
            if n < len(words) and words[-n - 1].lower() in brands:
                n += 1
            return " ".join(words[-n:])
    return None


def kept_suffix(before: str, short: str) -> str | None:
    """Return the shortest run of two words or more ending ``before`` that keeps ``short``'s letters in order,
    each word giving its first letter and perhaps more of its own ("retransmission timeout (RTO)": r + to,
    the "o" of "out" inside "timeout"), or None. Closed-class words may not open or close the run."""
    letters = _letters(short)
    words = [w.strip(",;:*") for w in before.split()]
    for n in range(2, min(len(words), len(letters)) + 1):
        run = [w.lower() for w in words[-n:]]
        if run[0] in CLOSED_CLASS or run[-1] in CLOSED_CLASS or not all(w.isalpha() for w in run):
            continue
        if _kept_in_order(letters, run):
            return " ".join(words[-n:])
    return None


def clipped_suffix(before: str, short: str) -> str | None:
    """Return the words ending ``before`` that a clipped short form abbreviates part by part, or None.

    "publish/subscribe (pub/sub)": each part of the short form opens the matching part of the name,
    and the name is joined the same way ("/" or "-").
    """
    parts = re.split(r"[/-]", short)
    words = before.split()
    if not words:
        return None
    last = words[-1].strip(",;:*")
    long_parts = re.split(r"[/-]", last)
    if len(long_parts) != len(parts):
        return None
    if all(len(p) < len(w) and w.lower().startswith(p) for p, w in zip(parts, long_parts, strict=True)):
        return last
    return None


def blended_suffix(before: str, short: str) -> str | None:
    """Return the words ending ``before`` whose openings, joined, make ``short``, or None.

    "regular expression (regex)": "reg" + "ex"; "system administrator (sysadmin)": every word gives its
    first two letters or more, in order, the first word the short form's start.
    """
    words = [w.strip(",;:*").lower() for w in before.split()]
    for n in (2, 3, 4):
        if len(words) < n or not all(w.isalpha() for w in words[-n:]):
            continue
        if len(short) < sum(map(len, words[-n:])) and (_blends(short, words[-n:]) or _skeleton(short, words[-n:])):
            return " ".join(before.split()[-n:]).strip(",;:*")
    return None


def _skeleton(short: str, words: list[str]) -> bool:
    """Tell whether ``short``, no English word, keeps letters of each of ``words`` in order, each word's
    share opening with its first letter: "receive window (rwnd)", "congestion window (cwnd)", where a
    word is cut to its consonants ("wnd"). A dictionary word in brackets ("(rest)") glosses, never abbreviates.
    """
    if getAllLemmas(short) or is_adjective(short):
        return False
    return _kept_in_order(short, words)


def _kept_in_order(short: str, words: list[str]) -> bool:
    """Tell whether ``short`` splits into one piece per word, each piece opening with its word's first
    letter and the rest of its letters found in the word in order."""
    if not words:
        return not short
    first, rest = words[0], words[1:]
    if not short or short[0] != first[0]:
        return False
    for k in range(1, len(short) - len(rest) + 1):
        if _subsequence(short[1:k], first[1:]) and _kept_in_order(short[k:], rest):
            return True
    return False


def _subsequence(letters: str, word: str) -> bool:
    """Tell whether ``letters`` appear in ``word`` in order (not necessarily together)."""
    found = iter(word)
    return all(ch in found for ch in letters)


def _blends(short: str, words: list[str]) -> bool:
    """Tell whether ``short`` is an opening of two letters or more of each of ``words``, in order."""
    if not words:
        return not short
    first, rest = words[0], words[1:]
    return any(
        short.startswith(first[:k]) and _blends(short[k:], rest) for k in range(min(len(first), len(short)), 1, -1)
    )


def abbreviates(short: str, name: str) -> bool:
    """Tell whether ``short`` may abbreviate a name the text gives right before it: both open with one letter.

    Lenient, for a name the text already knows ("Customer Gateway (CGW)", "Direct Connect (DX)"),
    where it only has to rule out a name no reading of the letters supports ("queue (DLQ)",
    "memory (RAM)").
    """
    letters = _letters(short)
    words = [w.lower() for w in _PART.findall(name)]
    return len(letters) >= 2 and bool(words) and words[0].startswith(letters[0])


def spelt_in_order(short: str, name: str) -> bool:
    """Tell whether a capitalised name of two words or more holds a short form's letters in order, the
    first opening the name: "Mail Exchanger" for "MX", whose X stands for the sound of "Ex"."""
    letters = _letters(short)
    words = name.split()
    if len(letters) < 2 or len(words) < 2 or not all(w[:1].isupper() or w.lower() in CLOSED_CLASS for w in words):
        return False
    if words[0][:1].lower() != letters[0]:
        return False
    rest = iter(name.lower()[1:])
    return all(ch in rest for ch in letters[1:])


def spelt_run(before: str, short: str) -> str | None:
    """Return the shortest run of capitalised words ending ``before`` that holds a short form's letters in
    order, its first letter opening the run (``spelt_in_order``): "Harbour Dues Online (HDOL)", whose "OL" both
    come from "Online", which no reading of initials finds; None when there is none."""
    words = [w.strip(",;:*") for w in before.split()]
    for n in range(2, min(len(words), len(_letters(short)) + 1) + 1):
        run = " ".join(words[-n:])
        if spelt_in_order(short, run):
            return run
    return None


def compressed_word(before: str, short: str) -> str | None:
    """Return the one word before a short form that holds its letters in order, from its first: "setuid
    (SUID)", "daemon (DMN)"; None when the text gives no such word. Three letters at least, so that the
    order says something."""
    words = before.split()
    if not words:
        return None
    word = words[-1].strip(",;:*")
    letters = _letters(short)
    if len(letters) < 3 or not word.isalpha() or len(word) <= len(letters) or word[0].lower() != letters[0]:
        return None
    rest = iter(word.lower())
    return word if all(ch in rest for ch in letters) else None


def unit_suffix(before: str, short: str) -> str | None:
    """Return the unit a symbol in brackets abbreviates, the word right before it, or None.

    "a 10-kilowatt (kW) heater": the symbol's letters are the unit word's, in order, from its first
    (``_kept_in_order``); a measure glued to the unit ("10-") is no part of it.
    """
    words = before.split()
    if not words:
        return None
    word = re.sub(r"^[0-9.,]+-", "", words[-1].strip(",;:*"))
    if not word.isalpha() or len(word) <= len(short) or not _kept_in_order(short.lower(), [word.lower()]):
        return None
    return word
