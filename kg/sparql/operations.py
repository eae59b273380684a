"""Lex and classify SPARQL operations, refusing ``SERVICE``, ``LOAD`` and unwanted updates; the errors.

:func:`parse_operation` lexes the text (no evaluation) to tell a query from an update and refuses
``SERVICE`` and ``LOAD`` before anything runs. The lexer follows the SPARQL grammar's terminals, so a
string, IRI or comment that merely *contains* "service" is fine, while every spelling Oxigraph would
execute (``service``, ``SERVICE:x``, ``SERVICESILENT``…) is caught. :func:`with_using_clauses` applies the
protocol's ``using-(named-)graph-uri`` to an update.

The errors every part of :mod:`kg.sparql` raises live here too: :class:`SparqlError` and its kinds.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import pyoxigraph as ox

from kg.sparql import diagnostics

QUERY_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
UPDATE_FORMS = ("INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH")


# -- errors ----------------------------------------------------------------------------------------------
class SparqlError(Exception):
    """A SPARQL request failed; ``code`` is stable for programs, ``message`` is one line for people.

    A syntax error also says where (``line``, ``column``, 1-based), the text there (``near``), a short
    ``hint``, and keeps the parser's own message in ``detail`` for tools.
    """

    def __init__(
        self,
        code: str,
        message: str,
        *,
        line: int | None = None,
        column: int | None = None,
        near: str | None = None,
        hint: str | None = None,
        detail: str | None = None,
    ):
        super().__init__(message)
        self.code = code
        self.message = message
        self.line = line
        self.column = column
        self.near = near
        self.hint = hint
        self.detail = detail

    def fields(self) -> dict[str, int | str]:
        """Return the extra fields a JSON error carries beside code and message (those that are set)."""
        names = ("line", "column", "near", "hint", "detail")
        return {name: getattr(self, name) for name in names if getattr(self, name) is not None}


class QueryRefused(SparqlError):
    """The operation is valid SPARQL but not allowed here (``SERVICE``, ``LOAD``, an update)."""


class QueryTimeout(SparqlError):
    """The deadline passed; the work was stopped (or never started because every worker was busy)."""


def syntax_error(raw: str, text: str | None = None) -> SparqlError:
    """Explain the parser's message ``raw`` about ``text`` as a ``malformed_query`` error people can read.

    The message says where, near what, and a short hint (see :mod:`kg.sparql.diagnostics`); ``detail``
    keeps ``raw`` for tools.
    """
    if text is None:  # nothing to point into: the parser's position, its list summarised
        position = diagnostics.parser_position(raw)
        hint = diagnostics.summarise_expected(diagnostics.expected_items(raw)) or "the query is malformed"
        where = "error at %d:%d" % position if position else "syntax error"
        line, column = position or (None, None)
        return SparqlError("malformed_query", f"{where}: {hint}", line=line, column=column, hint=hint, detail=raw)
    try:
        tokens = _tokens(text, refuse=False)
    except SparqlError as exc:  # the lexer found the cause (a string left open)
        exc.detail = raw
        return exc
    return _diagnosed(text, diagnostics.diagnose(text, tokens, raw), detail=raw)


#: The former name of :func:`syntax_error`.
_syntax_error = syntax_error


def _diagnosed(text: str, diagnosis: diagnostics.Diagnosis, detail: str | None = None) -> SparqlError:
    """Build the ``malformed_query`` error for a diagnosis: ``error at L:C near 'text': hint``."""
    line, column = diagnostics.line_and_column(text, diagnosis.offset)
    near = diagnostics.shorten(diagnosis.near)
    where = f" {'after' if diagnosis.after else 'near'} '{near}'" if near else ""
    message = f"error at {line}:{column}{where}: {diagnosis.hint}"
    return SparqlError(
        "malformed_query", message, line=line, column=column, near=near or None, hint=diagnosis.hint, detail=detail
    )


# -- lexing and classification ----------------------------------------------------------------------------
_NAME_MID = r"(?:[\w\-\u00B7\u0300-\u036F\u203F\u2040:]|%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?#@%])"
_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\r\n]*)
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
               |'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
  | (?P<quote>['"])
  | (?P<var>[?$]\w[\w\u00B7\u0300-\u036F\u203F\u2040]*)
  | (?P<bnode>_:\w(?:[\w\-.\u00B7\u0300-\u036F\u203F\u2040]*[\w\-\u00B7\u0300-\u036F\u203F\u2040])?)
  | (?P<langtag>@[A-Za-z]+(?:-[A-Za-z0-9]+)*(?:--[A-Za-z]+)?)
  | (?P<pname>(?:[^\W\d_](?:[\w\-.\u00B7\u0300-\u036F\u203F\u2040]*[\w\-\u00B7\u0300-\u036F\u203F\u2040])?)?
              :(?:(?:[\w:]|%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?#@%])(?:(?:MID|\.)*MID)?)?)
  | (?P<word>[^\W\d]\w*)
  | (?P<other>.)
    """.replace("MID", _NAME_MID),
    re.VERBOSE | re.DOTALL,
)
_ABSOLUTE_IRI = re.compile(r"<[A-Za-z][A-Za-z0-9+.\-]*:")
# Oxigraph matches keywords by prefix and case-insensitively ("SERVICESILENT<…>" runs a SERVICE), so any
# bare word or prefix label *starting* with these is refused; no other SPARQL keyword starts so.
_FORBIDDEN = (
    ("SERVICE", "service_refused", "SERVICE (federated query) is not allowed on this endpoint"),
    ("LOAD", "load_refused", "LOAD is not allowed on this endpoint"),
)


@dataclass(frozen=True)
class Operation:
    """A lexed SPARQL operation: its text, its form and what the dataset rules need to know."""

    text: str
    #: ``SELECT``, ``ASK``, ``CONSTRUCT``, ``DESCRIBE`` or ``UPDATE``.
    form: str
    #: The query names its own dataset (``FROM`` / ``FROM NAMED``).
    has_dataset_clause: bool
    #: Some IRI is relative, so the base IRI (the endpoint's URL, per the protocol) matters.
    has_relative_iris: bool = False
    #: One triple pattern and nothing else (see :func:`_is_bounded`): the row cap bounds its work.
    bounded: bool = False
    #: The significant tokens as ``(kind, text, offset)``.
    tokens: tuple[tuple[str, str, int], ...] = field(default=(), repr=False, compare=False)
    #: For ``SELECT *``: the variables in the order they first appear, the order of the result's columns.
    star_order: tuple[str, ...] = ()

    @property
    def is_update(self) -> bool:
        """Tell whether this is a SPARQL Update (as opposed to a query)."""
        return self.form == "UPDATE"

    @property
    def result_kind(self) -> str:
        """Name the shape of the result: ``bindings``, ``boolean``, ``graph`` or ``none`` (updates)."""
        return {"SELECT": "bindings", "ASK": "boolean", "CONSTRUCT": "graph", "DESCRIBE": "graph"}.get(
            self.form, "none"
        )


def _tokens(text: str, *, refuse: bool = True) -> list[tuple[str, str, int]]:
    """Split ``text`` into significant ``(kind, value, offset)`` tokens; refuse an unterminated string.

    With ``refuse`` (the default) a ``SERVICE`` or ``LOAD`` raises :class:`QueryRefused`.
    """
    out = []
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        if kind in ("ws", "comment"):
            continue
        if kind == "quote":
            quote = match.group(kind)
            rest = text[match.start() :].split("\n", 1)[0]
            hint = f"this string is never closed; end it with {quote} on the same line (or use {quote * 3} for several)"
            raise _diagnosed(text, diagnostics.Diagnosis(match.start(), rest, hint))
        value = match.group(kind)
        out.append((kind, value, match.start()))
        if refuse and kind in ("word", "pname"):
            label = value if kind == "word" else value.split(":", 1)[0]
            for keyword, code, message in _FORBIDDEN:
                if label.upper().startswith(keyword):
                    line = text.count("\n", 0, match.start()) + 1
                    column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
                    if kind == "pname":
                        message += f" (nor a prefix label starting with {keyword.lower()!r})"
                    raise QueryRefused(code, f"{message} (at {line}:{column})", line=line, column=column, near=value)
    return out


def parse_operation(text: str, *, allow_update: bool = False) -> Operation:
    """Classify ``text`` as a query form or an update, refusing SERVICE, LOAD and (unless allowed) updates.

    Only lexing happens here; the full grammar check is Oxigraph's, when the operation runs, and its
    syntax errors come back as ``SparqlError("malformed_query")`` with line and column.
    """
    operation = _classify(text) if len(text) <= 8192 else _classify.__wrapped__(text)
    if operation.is_update and not allow_update:
        raise QueryRefused("update_refused", "updates are not allowed on this endpoint")
    return operation


@functools.lru_cache(maxsize=512)  # endpoints see the same queries again and again; lexing is ~15 µs
def _classify(text: str) -> Operation:
    tokens = _tokens(text)
    index = _form_index(tokens)
    forms = "write SELECT, ASK, CONSTRUCT, DESCRIBE or an update (INSERT, DELETE…)"
    if index >= len(tokens):
        end = tokens[-1][2] + len(tokens[-1][1]) if tokens else len(text.rstrip())
        raise _diagnosed(text, diagnostics.Diagnosis(end, "", f"the operation is empty; {forms}"))
    kind, value, offset = tokens[index]
    keyword = value.upper() if kind == "word" else ""
    relative = any(k == "iri" and not _ABSOLUTE_IRI.match(v) for k, v, _ in tokens)
    if keyword in QUERY_FORMS:
        has_from = any(k == "word" and v.upper() == "FROM" for k, v, _ in tokens)
        bounded = _is_bounded(tokens[index:])
        star = _star_order(tokens[index:]) if keyword == "SELECT" else ()
        return Operation(text, keyword, has_from, relative, bounded, tokens=tuple(tokens), star_order=star)
    if keyword in UPDATE_FORMS:
        return Operation(text, "UPDATE", False, relative, tokens=tuple(tokens))
    if kind == "word" and not diagnostics.is_known(value):
        hint = diagnostics.unknown_word_hint(value)
    else:
        hint = f"an operation starts with its form (after any PREFIX and BASE lines): {forms}"
    raise _diagnosed(text, diagnostics.Diagnosis(offset, value, hint))


def star_order(text: str) -> tuple[str, ...]:
    """Return the variables of a ``SELECT *`` query in the order they first appear (else ``()``).

    SPARQL leaves the order of ``SELECT *`` columns open and Oxigraph sorts them by name (``?o ?p ?s``);
    people expect the order they wrote (``?s ?p ?o``), as most stores give. Text that does not lex gives
    ``()``, and the parser's order stands.
    """
    try:
        tokens = _tokens(text, refuse=False)
    except SparqlError:
        return ()
    return _star_order(tokens[_form_index(tokens) :])


def _form_index(tokens: Sequence[tuple[str, str, int]]) -> int:
    """Return the index of the token after the prologue (``BASE <iri>``, ``PREFIX p: <iri>``)."""
    index = 0
    while index < len(tokens):
        kind, value, _ = tokens[index]
        if kind == "word" and value.upper() == "BASE":
            index += 2
        elif kind == "word" and value.upper() == "PREFIX":
            index += 3
        else:
            break
    return index


def _star_order(tokens: Sequence[tuple[str, str, int]]) -> tuple[str, ...]:
    """Return the variables in order of first appearance if ``tokens`` start ``SELECT [DISTINCT] *``."""
    head = [v.upper() for _, v, _ in tokens[:3]]
    if head[:1] != ["SELECT"]:
        return ()
    rest = head[2:] if head[1:2] in (["DISTINCT"], ["REDUCED"]) else head[1:]
    if rest[:1] != ["*"]:
        return ()
    return tuple(dict.fromkeys(v[1:] for k, v, _ in tokens if k == "var"))


def _is_bounded(tokens: Sequence[tuple[str, str, int]]) -> bool:
    """Tell whether a query is ``SELECT vars|* WHERE { s p o } [LIMIT n]`` or ``ASK { s p o }``.

    Such a query is one index scan that yields rows as it goes (no join, filter, sort, DISTINCT or
    repeated variable that could scan without yielding), so stopping after the row cap bounds its work
    and it cannot run away. These run in-process, without the worker round trip (~150 µs of CPU).
    """
    values = [v if k != "word" else v.upper() for k, v, _ in tokens]
    kinds = [k for k, _, _ in tokens]
    if values[:2] == ["SELECT", "*"]:
        pos = 2
    elif values[:1] == ["SELECT"]:
        pos = 1
        while pos < len(kinds) and kinds[pos] == "var":
            pos += 1
        if pos == 1:
            return False
    elif values[:1] == ["ASK"]:
        pos = 1
    else:
        return False
    if values[pos : pos + 1] == ["WHERE"]:
        pos += 1
    if values[pos : pos + 1] != ["{"]:
        return False
    pos, seen = pos + 1, set()
    for place in range(3):
        kind, value = kinds[pos] if pos < len(kinds) else "", values[pos] if pos < len(values) else ""
        if kind == "var" and value[1:] not in seen:
            seen.add(value[1:])
        elif (
            kind not in ("iri", "pname") and not (place == 1 and value == "A") and not (place == 2 and kind == "string")
        ):
            return False
        pos += 1
    if kinds[pos - 1] == "string":  # a literal object may carry a language tag or a datatype
        if kinds[pos : pos + 1] == ["langtag"]:
            pos += 1
        elif values[pos : pos + 2] == ["^", "^"] and kinds[pos + 2 : pos + 3] in (["iri"], ["pname"]):
            pos += 3
    if values[pos : pos + 1] == ["."]:
        pos += 1
    if values[pos : pos + 1] != ["}"]:
        return False
    pos += 1
    if values[pos : pos + 1] == ["LIMIT"]:
        pos += 1
        while pos < len(values) and values[pos].isdigit():
            pos += 1
    return pos == len(values)


def with_using_clauses(operation: Operation, using: Sequence[str], using_named: Sequence[str]) -> str:
    """Return the update text with ``USING`` clauses for the protocol's ``using-(named-)graph-uri``.

    SPARQL Protocol: these parameters set the dataset of every ``DELETE/INSERT … WHERE`` operation, and
    an operation that names its own (``USING`` or ``WITH``) together with them is an error.
    """
    if not using and not using_named:
        return operation.text
    clauses = [f"USING {iri_term(g)}" for g in using] + [f"USING NAMED {iri_term(g)}" for g in using_named]
    tokens = (*operation.tokens, ("other", ";", -1))
    depth, words, inserts = 0, [], []
    for position, (kind, value, offset) in enumerate(tokens):
        if kind == "other" and value in "{[(":
            depth += 1
        elif kind == "other" and value in "}])":
            depth -= 1
        elif depth == 0 and kind == "word" and value.upper() not in ("PREFIX", "BASE"):
            words.append((value.upper(), offset, position))
        elif depth == 0 and kind == "other" and value == ";":  # the end of one operation
            names = [w for w, _, _ in words]
            if "USING" in names or "WITH" in names:
                raise SparqlError(
                    "dataset_conflict", "the update names its dataset (USING/WITH) and so does the request"
                )
            # DELETE/INSERT {…} WHERE gets the clauses; INSERT DATA, DELETE DATA, DELETE WHERE cannot
            after_first = tokens[words[0][2] + 1][1].upper() if words else ""
            if names[:1] in (["INSERT"], ["DELETE"]) and after_first not in ("DATA", "WHERE") and "WHERE" in names:
                inserts.append(words[names.index("WHERE")][1])
            words = []
    text = operation.text
    for offset in reversed(inserts):
        text = text[:offset] + " ".join(clauses) + " " + text[offset:]
    return text


def iri_term(value: str) -> str:
    """Return ``value`` as a SPARQL IRI term, refusing anything that is not an absolute IRI."""
    try:
        return str(ox.NamedNode(value))
    except ValueError as exc:
        raise SparqlError("bad_request", f"not an absolute IRI: {value!r}") from exc
