"""Read a Markdown document into blocks: what it says, where (heading path, line) and how (bold, lists, tables).

markdown-it-py does the parsing (CommonMark plus GFM tables); this module flattens its token stream
into the few block kinds extraction rules care about.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token as MdToken


@dataclass(frozen=True, slots=True)
class Span:
    """A bold phrase or a code span: its text and offsets in the block's plain text."""

    text: str
    start: int
    end: int


@dataclass(slots=True)
class Block:
    """One unit of a document: a heading, paragraph, list item, table or image."""

    kind: str  # "heading" | "paragraph" | "item" | "table" | "image"
    section: tuple[str, ...]
    line: int
    text: str = ""
    bold: list[Span] = field(default_factory=list)
    level: int = 0  # heading level
    intro: str | None = None  # list items: the sentence that introduced the list ("... options:")
    parent: str | None = None  # nested list items: the text of the item the list hangs under
    header: list[str] = field(default_factory=list)  # tables
    rows: list[list[str]] = field(default_factory=list)  # tables
    code_cells: set[tuple[int, int]] = field(default_factory=set)  # tables: (row, column) of cells wholly code
    src: str = ""  # images
    code: list[Span] = field(default_factory=list)  # paragraphs and items: the spans written as code
    #: items: only a link to a place in the document ("[EBS Volumes](#ebs-volumes)"), a table of contents'
    #: line; its words still name things, but it is navigation, not a sentence.
    navigation: bool = False
    #: items: in a numbered list (steps in order, "1. Launch an instance"), not a bulleted one.
    ordered: bool = False


_PARSER = MarkdownIt("commonmark").enable("table")
#: A section number opening a heading: "4. ", "2.1. ", "3) ". A bare "2024 " or "2.0 " opens words (a year,
#: a version: "2.0 release notes"), no section number.
SECTION_NUMBER_RE = re.compile(r"\d+(?:\.\d+)*[.)]\s+")


#: C0 control characters other than tab, line feed and carriage return.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def parse_markdown(text: str) -> list[Block]:
    """Parse Markdown ``text`` into blocks in document order.

    Control characters (a NUL or an escape pasted in from a terminal) are read as spaces: they are
    no words, and left in they split words for the tagger (a bell after a verb hides the verb).
    """
    tokens = _PARSER.parse(_CONTROL.sub(" ", text))
    blocks: list[Block] = []
    headings: list[tuple[int, str]] = []
    list_depth = 0
    pending_intro: str | None = None
    intro_for_list: list[str | None] = []
    items: list[str | None] = []  # per open list: the text of its current item
    ordered: list[bool] = []  # per open list: whether it is numbered
    table: Block | None = None
    row: list[str] | None = None
    in_head = False
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        line = (tok.map[0] + 1) if tok.map else (blocks[-1].line if blocks else 1)
        section = tuple(h for _, h in headings)
        if tok.type == "heading_open":
            level = int(tok.tag[1:])
            plain, bold, _ = _inline(tokens[i + 1])
            number = SECTION_NUMBER_RE.match(plain)
            if number is not None and number.end() < len(plain):
                # "4. umask", "2.1) Caching": the number orders the sections; the words name the section.
                cut = number.end()
                plain = plain[cut:]
                bold = [Span(b.text, b.start - cut, b.end - cut) for b in bold if b.start >= cut]
            headings = [(lv, h) for lv, h in headings if lv < level] + [(level, plain)]
            blocks.append(Block("heading", tuple(h for _, h in headings), line, plain, bold, level=level))
            pending_intro = None
            i += 3
            continue
        if tok.type == "bullet_list_open" or tok.type == "ordered_list_open":
            list_depth += 1
            intro_for_list.append(pending_intro)
            items.append(None)
            ordered.append(tok.type == "ordered_list_open")
            pending_intro = None
        elif tok.type in ("bullet_list_close", "ordered_list_close"):
            list_depth -= 1
            intro_for_list.pop()
            items.pop()
            ordered.pop()
        elif tok.type == "table_open":
            table = Block("table", section, line)
        elif tok.type == "table_close" and table is not None:
            blocks.append(table)
            table, pending_intro = None, None
        elif tok.type == "thead_open":
            in_head = True
        elif tok.type == "thead_close":
            in_head = False
        elif tok.type == "tr_open":
            row = []
        elif tok.type == "tr_close" and table is not None and row is not None:
            if in_head:
                table.header = row
            else:
                table.rows.append(row)
            row = None
        elif tok.type == "inline" and row is not None:
            plain, _, code = _inline(tok)
            if table is not None and not in_head and code and _wholly_code(plain, code):
                table.code_cells.add((len(table.rows), len(row)))
            row.append(plain.strip())
        elif tok.type == "inline":
            plain, bold, code = _inline(tok)
            for img in _images(tok):
                blocks.append(Block("image", section, line, img[0], src=img[1]))
            if not plain.strip():
                i += 1
                continue
            if list_depth:
                parent = items[-2] if len(items) > 1 else None
                nav = _anchor_only(tok)
                item = Block(
                    "item",
                    section,
                    line,
                    plain,
                    bold,
                    intro=intro_for_list[-1],
                    parent=parent,
                    navigation=nav,
                    ordered=ordered[-1],
                    code=code,
                )
                blocks.append(item)
                items[-1] = plain
            else:
                blocks.append(Block("paragraph", section, line, plain, bold, code=code))
                pending_intro = plain.strip() if plain.rstrip().endswith(":") else None
        i += 1
    return blocks


#: What may stand between code spans that a cell offers as alternatives: "`PUT` / `STORE`".
ALTERNATIVES_RE = re.compile(r"[\s/,|]*(?:\bor\b[\s/,|]*)*")


def _wholly_code(plain: str, code: list[Span]) -> bool:
    """Tell a cell that is one code span, or code spans offered as alternatives ("`PUT` / `STORE`")."""
    rest, at = [], 0
    for span in code:
        rest.append(plain[at : span.start])
        at = span.end
    rest.append(plain[at:])
    return all(ALTERNATIVES_RE.fullmatch(part) for part in rest)


def _anchor_only(tok: MdToken) -> bool:
    """Tell an inline that is only a link to a place in the same document ("[EBS Volumes](#ebs-volumes)")."""
    inside, anchor = 0, False
    for child in tok.children or []:
        if child.type == "link_open":
            inside += 1
            anchor = str(child.attrs.get("href", "")).startswith("#")
            if not anchor:
                return False
        elif child.type == "link_close":
            inside -= 1
        elif inside == 0 and (child.type != "text" or child.content.strip()):
            return False
    return anchor


def _inline(tok: MdToken) -> tuple[str, list[Span], list[Span]]:
    """Flatten an inline token to plain text, remembering where bold phrases and code spans are."""
    parts: list[str] = []
    bold: list[Span] = []
    code: list[Span] = []
    bold_start: int | None = None
    length = 0
    for child in tok.children or []:
        if child.type in ("text", "code_inline"):
            if child.type == "code_inline" and child.content.strip():
                code.append(Span(child.content.strip(), length, length + len(child.content)))
            parts.append(child.content)
            length += len(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
            length += 1
        elif child.type == "strong_open":
            bold_start = length
        elif child.type == "strong_close" and bold_start is not None:
            text = "".join(parts)[bold_start:length]
            if text.strip():
                bold.append(Span(text.strip(), bold_start, length))
            bold_start = None
    return "".join(parts), bold, code


def _images(tok: MdToken) -> list[tuple[str, str]]:
    """Return (alt text, source) of the images in an inline token."""
    return [
        (child.content or "".join(c.content for c in child.children or []), str(child.attrs.get("src", "")))
        for child in tok.children or []
        if child.type == "image"
    ]
