"""Explain a SPARQL syntax error in words: where it is, the text there, and a short hint.

Oxigraph's parser reports ``error at L:C: expected one of …`` with every token and character class it
could have taken (``['0' ..= '9' | '\\u{00B7}' …``), and its position is the furthest point it reached,
which is sometimes past the real mistake (a misspelt ``LIMT`` is reported at the end of the query). So
the query's own tokens are checked first, for the mistakes people make most: an unknown prefix, an IRI
or bracket left open, a misspelt keyword, ``SELECT`` without variables, a triple pattern missing its
object. Only when none applies does the hint come from the parser's own list, summarised ("expected a
variable or an IRI"), never copied. The raw message stays available to tools as ``detail``.

This module knows no error classes and imports nothing from ``kg``: :mod:`kg.sparql.operations` turns a
:class:`Diagnosis` into a :class:`~kg.sparql.operations.SparqlError`.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass

#: A significant token of the lexer in :mod:`kg.sparql.operations`: ``(kind, text, offset)``.
Token = tuple[str, str, int]

#: Every bare word SPARQL 1.1 and 1.2 (as Oxigraph parses them) allow: keywords, then built-in functions.
KEYWORDS = tuple(
    """SELECT CONSTRUCT DESCRIBE ASK BASE PREFIX VERSION DISTINCT REDUCED AS WHERE FROM NAMED GROUP BY HAVING
    ORDER ASC DESC LIMIT OFFSET VALUES UNDEF OPTIONAL GRAPH SERVICE SILENT BIND MINUS UNION FILTER NOT IN EXISTS
    LATERAL SEPARATOR INSERT DELETE DATA LOAD INTO CLEAR DROP CREATE ADD MOVE COPY TO WITH USING DEFAULT ALL
    a true false""".split()
)
FUNCTIONS = tuple(
    """STR LANG LANGMATCHES DATATYPE BOUND IRI URI BNODE RAND ABS CEIL FLOOR ROUND CONCAT STRLEN UCASE LCASE
    ENCODE_FOR_URI CONTAINS STRSTARTS STRENDS STRBEFORE STRAFTER YEAR MONTH DAY HOURS MINUTES SECONDS TIMEZONE
    TZ NOW UUID STRUUID MD5 SHA1 SHA256 SHA384 SHA512 COALESCE IF STRLANG STRDT sameTerm isIRI isURI isBLANK
    isLITERAL isNUMERIC REGEX SUBSTR REPLACE COUNT SUM MIN MAX AVG SAMPLE GROUP_CONCAT TRIPLE SUBJECT PREDICATE
    OBJECT isTRIPLE LANGDIR hasLANG hasLANGDIR STRLANGDIR ADJUST""".split()
)
_KNOWN = {word.upper(): word for word in (*KEYWORDS, *FUNCTIONS)}
_OPENERS = {"{": "}", "(": ")", "[": "]"}
_CLOSERS = {close: open_ for open_, close in _OPENERS.items()}
_POSITION = re.compile(r"error at (\d+):(\d+)")
#: How much of the offending text a message quotes.
_NEAR_CHARS = 30


@dataclass(frozen=True)
class Diagnosis:
    """Where a syntax error is (an offset in the text), the text there and a hint for people."""

    offset: int
    #: The offending text as written (a token, or the start of a line), shortened to one line.
    near: str
    hint: str
    #: The mistake is that something is missing *after* ``near`` (the query ends too early, say).
    after: bool = False


def line_and_column(text: str, offset: int) -> tuple[int, int]:
    """Return the 1-based line and column (in characters, as Oxigraph counts) of ``offset`` in ``text``."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def parser_position(raw: str) -> tuple[int, int] | None:
    """Read the ``error at L:C`` position from a parser message."""
    match = _POSITION.search(raw)
    return (int(match[1]), int(match[2])) if match else None


def offset_of(text: str, line: int, column: int) -> int:
    """Return the offset of a 1-based line and column in ``text`` (clamped to the text)."""
    start = 0
    for _ in range(line - 1):
        found = text.find("\n", start)
        if found < 0:
            return len(text)
        start = found + 1
    return min(start + max(column, 1) - 1, len(text))


def shorten(text: str, limit: int = _NEAR_CHARS) -> str:
    """Return ``text`` on one line, cut to ``limit`` characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# -- diagnoses from the query's own tokens ---------------------------------------------------------------
def diagnose(text: str, tokens: Sequence[Token], raw: str) -> Diagnosis:
    """Explain why the parser refused ``text`` (its message ``raw``), from the tokens and the message."""
    position = parser_position(raw)
    stop = offset_of(text, *position) if position else len(text)
    expected = expected_items(raw)
    found = [
        d
        for d in (
            _unknown_prefix(tokens, stop, expected),
            _open_iri(text, tokens, stop, expected),
            _unbalanced(text, tokens),
            _bad_projection(tokens),
            _missing_operand(tokens),
            _unknown_word(tokens, stop),
            _incomplete_triple(text, tokens, stop),
        )
        if d is not None
    ]
    if found:  # the earliest mistake first: fixing it may well fix the later ones
        return min(found, key=lambda d: d.offset)
    return _from_parser(tokens, stop, expected)


#: What follows a keyword, for a bare word found there instead.
_AFTER = {
    "AS": "AS names a new variable: write ?{word}",
    "PREFIX": "a prefix name ends with ':', as in PREFIX {word}: <http://…>",
    "LIMIT": "LIMIT takes a whole number",
    "OFFSET": "OFFSET takes a whole number",
}


def unknown_word_hint(word: str, before_paren: bool = False, after: str = "") -> str:
    """Say that ``word`` is no SPARQL keyword or function (``after`` the keyword before it), with a fix."""
    if after.upper() in _AFTER:
        return _AFTER[after.upper()].format(word=word)
    close = difflib.get_close_matches(word.upper(), list(_KNOWN), n=1, cutoff=0.8)
    if close:
        return f"'{word}' is not a SPARQL keyword; did you mean {_KNOWN[close[0]]}?"
    if before_paren:
        return f"'{word}' is not a SPARQL function; call other functions by their IRI (ex:{word})"
    return f"'{word}' is not a SPARQL keyword; a variable starts with ?, a prefixed name has a ':'"


def _unknown_prefix(tokens: Sequence[Token], stop: int, expected: list[tuple[str, str]]) -> Diagnosis | None:
    if ("word", "Prefix not found") not in expected:
        return None
    names = [t for t in tokens if t[0] == "pname" and t[2] < stop]
    if not names:
        return None
    _, name, offset = names[-1]
    prefix = name.split(":", 1)[0]
    return Diagnosis(offset, name, f"unknown prefix '{prefix}:'; declare it first: PREFIX {prefix}: <…>")


def _open_iri(text: str, tokens: Sequence[Token], stop: int, expected: list[tuple[str, str]]) -> Diagnosis | None:
    # The lexer only takes a whole <…> as an IRI, so an IRI left open is a bare "<" before the stop.
    if ("string", ">") not in expected:
        return None
    opens = [t for t in tokens if t[0] == "other" and t[1] == "<" and t[2] < stop]
    if not opens:
        return None
    offset = opens[-1][2]
    return Diagnosis(offset, text[offset:].split()[0], "this IRI is not closed with '>' (an IRI cannot contain spaces)")


def _unbalanced(text: str, tokens: Sequence[Token]) -> Diagnosis | None:
    """Find the first bracket closed by the wrong kind or never opened, else the innermost one left open."""

    def at(token: Token) -> str:
        return "at %d:%d" % line_and_column(text, token[2])

    stack: list[Token] = []
    for token in tokens:
        kind, value, offset = token
        if kind != "other":
            continue
        if value in _OPENERS:
            stack.append(token)
        elif value in _CLOSERS:
            if not stack:
                return Diagnosis(offset, value, f"'{value}' closes nothing: no '{_CLOSERS[value]}' is open here")
            opener = stack.pop()
            if opener[1] != _CLOSERS[value]:
                need = _OPENERS[opener[1]]
                return Diagnosis(offset, value, f"'{need}' is needed first, to close the '{opener[1]}' {at(opener)}")
    if not stack:
        return None
    opener = stack[-1]
    last = tokens[-1]
    hint = f"the '{opener[1]}' {at(opener)} is never closed; add '{_OPENERS[opener[1]]}'"
    return Diagnosis(last[2] + len(last[1]), last[1], hint, after=True)


def _bad_projection(tokens: Sequence[Token]) -> Diagnosis | None:
    """Find ``SELECT`` without ``*`` or variables, or a computed column without ``AS ?name``."""
    for index, (kind, value, offset) in enumerate(tokens):
        if kind != "word" or value.upper() != "SELECT":
            continue
        position = index + 1
        if position < len(tokens) and tokens[position][1].upper() in ("DISTINCT", "REDUCED"):
            position += 1
        if position >= len(tokens) or not (tokens[position][0] == "var" or tokens[position][1] in ("*", "(")):
            return Diagnosis(offset, value, "SELECT needs '*' or the variables to return, e.g. SELECT ?s ?label")
        while position < len(tokens) and tokens[position][1] == "(":  # (expression AS ?name)
            end = _group_end(tokens, position)
            named = any(t[0] == "word" and t[1].upper() == "AS" for t in _top_level(tokens, position, end))
            if end < len(tokens) and not named:
                return Diagnosis(tokens[position][2], "(", "a computed column needs a name: (expression AS ?name)")
            position = end + 1
            while position < len(tokens) and tokens[position][0] == "var":
                position += 1
    return None


def _group_end(tokens: Sequence[Token], start: int) -> int:
    """Return the index of the ``)`` that closes the ``(`` at ``start`` (``len(tokens)`` if none does)."""
    depth = 0
    for index in range(start, len(tokens)):
        kind, value, _ = tokens[index]
        if kind == "other" and value in "()":
            depth += 1 if value == "(" else -1
            if depth == 0:
                return index
    return len(tokens)


def _top_level(tokens: Sequence[Token], start: int, end: int) -> list[Token]:
    """Return the tokens directly inside the brackets at ``start`` and ``end``, not in nested ones."""
    out, depth = [], 0
    for kind, value, offset in tokens[start:end]:
        if kind == "other" and value in "()":
            depth += 1 if value == "(" else -1
        elif depth == 1:
            out.append((kind, value, offset))
    return out


#: Operators that need a value after them (``*`` is left out: it is also ``COUNT(*)`` and ``SELECT *``).
_OPERATORS = set("=<>!&|+-/^")


def _missing_operand(tokens: Sequence[Token]) -> Diagnosis | None:
    """Find an operator with nothing after it (``FILTER(?x = )``, ``"a"^^ }``)."""
    for index in range(len(tokens) - 1):
        kind, value, offset = tokens[index]
        following = tokens[index + 1]
        if kind != "other" or value not in _OPERATORS or following[1] not in (")", "]", "}", ",", ";", "."):
            continue
        if following[1] == "." and index + 2 < len(tokens) and tokens[index + 2][1].isdigit():  # -.5
            continue
        previous = tokens[index - 1][1] if index else ""
        if value == ">" and previous in (">", ")"):  # the end of a triple term, <<( s p o )>>
            continue
        if value == "^" and previous == "^":
            return Diagnosis(tokens[index - 1][2], "^^", "'^^' needs a datatype after it, e.g. xsd:integer")
        if index and previous in ("<", ">", "!", "&", "|") and tokens[index - 1][2] + 1 == offset:  # ">=", "&&"
            value, offset = previous + value, tokens[index - 1][2]
        return Diagnosis(offset, value, f"'{value}' needs a value after it, before '{following[1]}'")
    return None


def _unknown_word(tokens: Sequence[Token], stop: int) -> Diagnosis | None:
    """Find the first bare word at or before the parser's stop that is no keyword or function."""
    for index, (kind, value, offset) in enumerate(tokens):
        if offset > stop:
            return None
        if kind != "word" or is_known(value) or _is_exponent(tokens, index):
            continue
        before_paren = index + 1 < len(tokens) and tokens[index + 1][1] == "("
        after = tokens[index - 1][1] if index and tokens[index - 1][0] == "word" else ""
        return Diagnosis(offset, value, unknown_word_hint(value, before_paren, after))
    return None


def is_known(word: str) -> bool:
    """Tell whether ``word`` is a keyword, or keywords run together (Oxigraph takes ``ORDERBY``)."""
    upper = word.upper()
    if upper in _KNOWN:
        return True
    reachable = {0}  # the ends of the runs of keywords that spell the word's start
    for start in range(len(upper)):
        if start in reachable:
            reachable.update(start + len(k) for k in _KNOWN if len(k) > 1 and upper.startswith(k, start))
    return len(upper) in reachable


def _is_exponent(tokens: Sequence[Token], index: int) -> bool:
    """Tell whether a word is the exponent of a number (``1e10`` lexes as ``1`` and ``e10``)."""
    _, value, offset = tokens[index]
    if not re.fullmatch(r"[eE]\d*", value) or index == 0:
        return False
    _, previous, at = tokens[index - 1]
    return at + len(previous) == offset and (previous.isdigit() or previous == ".")


_TERMS = ("var", "iri", "pname", "string", "bnode")
_BOUNDARIES = ("{", "}", ".", ")")


def _incomplete_triple(text: str, tokens: Sequence[Token], stop: int) -> Diagnosis | None:
    """Find a triple pattern that ends (``.`` or ``}``) where the parser stopped with a term missing.

    Only plain patterns are judged (variables, IRIs, prefixed names, strings, ``a``, with ``;`` and ``,``):
    anything else (a path, a number, a keyword) leaves the judgement to the parser's own message.
    """
    before = [i for i, t in enumerate(tokens) if t[2] <= stop]
    if not before:
        return None
    end = before[-1]
    kind, value, offset = tokens[end]
    if kind != "other" or value not in ("}", "."):
        return None
    start = end
    while start > 0 and not (tokens[start - 1][0] == "other" and tokens[start - 1][1] in _BOUNDARIES):
        start -= 1
    if _in_values_block(tokens, start):  # VALUES ?x { :a :b } lists values, not triples
        return None
    parts: list[list[Token]] = [[]]
    separators = [""]
    for token in tokens[start:end]:
        if token[0] == "other" and token[1] in ";,":
            parts.append([])
            separators.append(token[1])
        elif token[0] in _TERMS or (token[0] == "word" and token[1] == "a"):
            parts[-1].append(token)
        elif token[0] != "langtag":
            return None
    if not parts[0]:
        return None
    for part, separator in zip(parts, separators, strict=True):
        need = {"": 3, ";": 2, ",": 1}[separator]
        if separator == ";" and not part:  # "?s ?p ?o ;" before the end is allowed
            continue
        if len(part) < need:
            pattern = text[tokens[start][2] : offset]
            missing = "an object" if need - len(part) == 1 else "a predicate and an object"
            hint = f"the triple pattern '{shorten(pattern)}' needs {missing} (a variable, IRI or literal)"
            return Diagnosis(offset, value, hint + f" before '{value}'")
    return None


def _in_values_block(tokens: Sequence[Token], start: int) -> bool:
    """Tell whether the token at ``start`` is inside ``VALUES ?x {`` or ``VALUES (?x ?y) {``."""
    index = start - 2  # before the "{"
    if index < 0 or tokens[start - 1][1] != "{":
        return False
    while index >= 0 and (tokens[index][0] == "var" or tokens[index][1] in "()"):
        index -= 1
    return index >= 0 and tokens[index][0] == "word" and tokens[index][1].upper() == "VALUES"


# -- the parser's own message, summarised ----------------------------------------------------------------
def expected_items(raw: str) -> list[tuple[str, str]]:
    """Split the parser's ``expected one of …`` list into ``(kind, text)``: string, word or class."""
    match = re.search(r"expected (?:one of )?(.*)", raw, re.DOTALL)
    if not match:
        return []
    items, current, quote, depth = [], [], "", 0
    body = match[1]
    index = 0
    while index < len(body):
        char = body[index]
        current.append(char)
        if quote:
            if char == "\\" and index + 1 < len(body):
                current.append(body[index + 1])
                index += 1
            elif char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
        elif char == "," and depth == 0:
            current.pop()
            items.append("".join(current).strip())
            current = []
        index += 1
    items.append("".join(current).strip())
    out = []
    for item in filter(None, items):
        if item.startswith('"') and item.endswith('"') and len(item) >= 2:
            out.append(("string", re.sub(r"\\(.)", r"\1", item[1:-1])))
        elif item.startswith("["):
            out.append(("class", item))
        else:
            out.append(("word", item))
    return out


def _from_parser(tokens: Sequence[Token], stop: int, expected: list[tuple[str, str]]) -> Diagnosis:
    """Point at the parser's stop, quoting the token there, with the expected list summarised."""
    wanted = summarise_expected(expected)
    at = next((t for t in tokens if t[2] <= stop < t[2] + len(t[1]) or t[2] >= stop), None)
    if at is None:  # the parser stopped after the last token: something is missing at the end
        last = tokens[-1] if tokens else ("other", "", 0)
        if last[1] in _CLOSERS and not wanted:  # complete to the eye: the parser refused something inside
            hint = "the parser stopped at the end: something before it is incomplete or not allowed there"
        else:
            hint = "the query ends too early" + (f"; {wanted}" if wanted else "")
        return Diagnosis(last[2] + len(last[1]), last[1], hint, after=True)
    hint = f"'{shorten(at[1])}' does not fit here" + (f"; {wanted}" if wanted else "; check the text just before it")
    return Diagnosis(at[2], at[1], hint)


def summarise_expected(expected: list[tuple[str, str]]) -> str:
    """Say in words what the parser would have taken (``expected a variable or an IRI``), or ``""``.

    Only the clear kinds are named. Keywords in the list are not: the parser matches keywords letter by
    letter, so its list names whichever keyword got furthest (``expected OPTIONAL`` after ``FILTR``).
    """
    strings = {text for kind, text in expected if kind == "string"}
    digits = any(kind == "class" and "'0'" in text and "'A'" not in text for kind, text in expected)
    kinds = []
    if strings & {"?", "$"}:
        kinds.append("a variable")
    if strings & {"<", ":"}:
        kinds.append("an IRI")
    if strings & {'"', "'", "true", "false"} or digits:
        kinds.append("a literal")
    marks = [f"'{m}'" for m in ("{", "}", "(", ")", "*", ".", ">") if m in strings]
    if not kinds and not 0 < len(marks) <= 2:
        return ""
    named = kinds + (marks if len(marks) <= 2 else [])
    return "expected " + (named[0] if len(named) == 1 else ", ".join(named[:-1]) + " or " + named[-1])
