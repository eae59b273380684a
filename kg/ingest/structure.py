"""Read a document's structure: lists, tables and headings as facts (a mixin of the extractor).

- A list introduced by "three types of X:" types its items by X.
- Tables are read by their shape (:func:`is_statement_table`, :func:`is_property_row`): cells that are
  clauses are sentences about their column's thing (and mention it); a header "<name> <plural noun>"
  ("AWS Responsibilities") gives the name each cell of its column in that role; a row headed by a
  property name gives each column's thing that property; a row "description | term in A | term in B"
  makes the terms equivalent.
- A heading that names a kind ("File storage") types the concepts its sentences introduce and hangs
  under its head noun.

The methods use the extractor's state (registry, lexicon, graph, topic) and its ``_emit`` and
``_sentence``; :class:`kg.ingest.pipeline._Extractor` is the one class that mixes them in.
"""

from __future__ import annotations

import re
from dataclasses import replace

from rdflib import Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from kg.ingest.concepts import Concept
from kg.ingest.lexicon import PREPOSITIONS
from kg.ingest.markdown import Block
from kg.ingest.parse import leaves_out_subject
from kg.ingest.sentences import Context, Fact
from kg.ingest.shortforms import spells
from kg.namespaces import KG, KGO
from kg.text import (
    ARTICLES,
    AUXILIARIES,
    FILLERS,
    GENERIC_NOUNS,
    INDEFINITE_PRONOUNS,
    STOPWORDS,
    getAllLemmas,
    is_adjective,
    is_verb_only,
    noun_key,
    root_of,
    slug,
    split_sentences,
    tokenize,
)

#: Nouns that name kinds of a thing rather than a thing ("types", "kinds" of X).
KIND_NOUNS = frozenset("type kind sort category form".split())
LIST_TYPE_RE = re.compile(
    r"(?:types?|kinds?|sorts?|categories|forms?)\s+of\s+(.+?)\s*:?$|"
    r"(?:\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many|following|these|main|some)\s+)+(.+?)\s*:?$",
    re.IGNORECASE,
)
#: A list item that opens with a short label and then describes it ("Top vent — releases steam",
#: "Bisque chamber: hardens clay"): the label names the item.
ITEM_LABEL_RE = re.compile(r"^\s*([^:—–]{1,60}?)\s*(?::|\s[—–-]\s)\s*\S")
VERSUS_RE = re.compile(r"^(.+?)\s+(?:vs\.?|versus)\s+(.+)$", re.IGNORECASE)


class StructureReader:
    """Lists, tables and headings as facts; mixed into the document extractor."""

    def _list_item(self, block: Block, section: str, intro: str | None = None) -> None:
        """Type a list's item by the kind its introduction counts ("three kinds of X:", or a parent
        item "split into 3 parts"); ``intro`` is that introduction when it is not the block's own."""
        intro = intro or block.intro or ""
        last = [s for _, s in split_sentences(intro)][-1:]  # the sentence that introduces the list
        # Only that sentence counts the list's kind: "X is the main way ... . Its directives are these:".
        match = LIST_TYPE_RE.search(last[0].rstrip(":")) if last else None
        kind = (match.group(1) or match.group(2)) if match else (self._pointed_subject(last[0]) if last else None)
        while match is not None and match.group(2) and (inner := LIST_TYPE_RE.search(kind)) and inner.group(2):
            # "IEEE 754 defines four binary rounding modes": a number inside a name came first; the count
            # is the last one, and the kind what follows it.
            match, kind = inner, inner.group(2)
        if kind:
            # "The main tools are:": the kind ends where the clause's verb begins.
            words = kind.split()
            cut = next((i for i, w in enumerate(words) if w.lower() in AUXILIARIES), len(words))
            kind = " ".join(words[:cut])
        if not kind:
            return
        # "two kinds of subnets": the count matched first; the kind is what follows "kinds of".
        kind = re.sub(r"^(?:types?|kinds?|sorts?|categories|forms?)\s+of\s+", "", kind, flags=re.IGNORECASE)
        kind = self._counted_subject(last[0], kind) if last else kind
        counted = kind.split()
        if not counted or noun_key(counted[-1].lower()) in GENERIC_NOUNS:
            return  # "until three things have happened": "thing" is no kind of anything
        # "two container orchestration services": the category the list names, a kind of service (the
        # minted concept is typed by its head class), not any service.
        cls = self.lexicon.class_for(kind)
        if cls is None:
            cls = self.registry.get_or_mint(kind).iri
            self.used.add(cls)
        label = item_label(block.text)
        tokens = tokenize(label or block.text)
        mentions = self.registry.mentions(tokens)
        words = [t for t in tokens if t.is_word]
        # A name that is the whole item, but for an article ("the staging area"); "smoked cheeses" is no "cheeses".
        whole = (
            mentions
            and mentions[0].end == len(tokens)
            and all(t.lower in ARTICLES for t in tokens[: mentions[0].start])
        )
        if label and not whole:
            # "Top vent — releases the steam": the label is the item, not the first name its text mentions.
            item = self._resolve(" ".join(t.text for t in words if t.lower not in ARTICLES), True)
        elif not whole and 0 < len(words) <= 4 and all(t.is_word for t in tokens):
            # "the staging area": an item that is only a short noun phrase names one thing, even one
            # no sentence has named yet (not "area", the name inside it).
            named = self._resolve(" ".join(t.text for t in words if t.lower not in ARTICLES), True)
            mentions = [m for m in mentions if m.concept is named] or []
            item = named
        else:
            # "a signed copy of the lease agreement": a name that modifies the noun after it ("lease") is not
            # what the item names.
            # "for food traders, proof of ...": a leading phrase set off by a comma frames the item.
            comma = next((i for i, t in enumerate(tokens) if t.text == ","), None)
            framed = comma + 1 if comma is not None and words and words[0].lower in PREPOSITIONS else 0
            heads = [m for m in mentions if m.start >= framed and not _modifies_next_noun(tokens, m.end)]
            item = heads[0].concept if heads else None
        if item is None or item.iri == cls:
            return  # a kind is never a member of itself
        item.types.add(cls)
        self.used.add(item.iri)
        quote = f"{intro} {block.text.strip()}"
        self._emit(Fact(item.iri, RDF.type, cls, "list"), section, quote)
        # "Git offers three kinds of reset:" over "soft reset": what the introduction says of the kind it
        # lists, it says of each item (Git offers soft reset).
        for fact in self._intro_facts.get(last[0], []) if last else []:
            if fact.object.iri == cls and item.iri not in (cls, fact.subject.iri):
                self._emit_open(replace(fact, object=item, rule="open:list"), section, quote)

    def _pointed_subject(self, sentence: str) -> str | None:
        """Return the subject of an introduction that points at its list ("Its common *directives* are these:",
        "The main *tools* are the following:"): the items are of that kind. Else None."""
        i = self.sentence_index.get(sentence)
        doc = self.parsed[i] if i is not None else None
        root = next((t for t in doc if t.dep_ == "ROOT"), None) if doc is not None else None
        if root is None or root.lemma_ not in ("be", "include"):
            return None
        if not any(c.lower_ in ("these", "following", "follows") for c in root.subtree if c.i > root.i):
            return None
        subject = next((c for c in root.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"), None)
        if subject is None:
            return None
        compounds = [t.text for t in subject.children if t.dep_ == "compound" and t.i < subject.i]
        return " ".join([*compounds, subject.text])

    def _counted_subject(self, sentence: str, kind: str) -> str:
        """Return the noun phrase a list's introducing ``sentence`` counts when it is its clause's subject
        ("Two gauges decide every launch here:" counts gauges), else ``kind`` as matched."""
        i = self.sentence_index.get(sentence)
        doc = self.parsed[i] if i is not None else None
        if doc is None:
            return kind
        for noun in doc:
            counted = [c for c in noun.children if c.dep_ == "nummod" and c.i < noun.i]
            if noun.dep_ in ("nsubj", "nsubjpass") and noun.pos_ == "NOUN" and counted:
                phrase = doc[counted[0].i + 1 : noun.i + 1].text
                if phrase and kind.startswith(phrase) and kind != phrase:
                    return phrase
        return kind

    def _table(self, block: Block, section: str) -> None:
        """Read a table by its shape: statements about the columns' things, properties, or terms.

        - cells that are clauses ("Operates at the instance level") are sentences about their column's
          thing (the header names it);
        - a row headed by a property name ("retrieval time | milliseconds | hours") gives each column's
          thing that property, with the cell as its value;
        - a row "description | term in A | term in B" gives terms of A and B, equivalent to each other;
          a row whose cells are values, not terms ("Weight | 2 kg | None"), is a property row too;
        - a table whose columns after the first are properties, not things the text names ("Code |
          Meaning"), has one thing per row: the first cell, typed by the first column's head.
        """
        column = command_column(block)
        if column is not None:
            self._task_rows(block, section, column)
            return
        if self._is_entity_table(block):
            self._entity_rows(block, section)
            return
        if is_statement_table(block):
            self._statement_table(block, section)
            return
        contexts = [self.registry.lookup(h) or self.registry.get_or_mint(h) for h in block.header[1:]]
        for c in contexts:
            self.used.add(c.iri)
        # A table whose rows give properties ("Logs | mail | journal") gives one in every row: "Config | one
        # line | two unit files" is the config of each, not two words for one thing.
        properties = any(self._aligned(r[0]) is None and (is_property_row(r[0]) or is_value_row(r)) for r in block.rows)
        for row in block.rows:
            head, cells = row[0], row[1 : 1 + len(contexts)]
            quote = " | ".join(row)
            relation = self._aligned(head)  # a row headed "technology" names the relation "based on"
            if relation is None and (properties or is_property_row(head) or is_value_row(row)):
                self._property_row(_uncapitalised(head), contexts, cells, section, quote)
                continue
            kind = self.lexicon.class_for(head)  # a row headed "technology" lists technologies
            if kind is None and relation is not None and _names_a_kind(head):
                # The row's noun names the relation and what its cells are: a row "engine | V8 | Rotary"
                # says each cell is an engine, whether or not the vocabulary has a class for engines.
                kind = self.registry.get_or_mint(_uncapitalised(head)).iri
                self.used.add(kind)
            concepts = []
            for ctx_concept, cell in zip(contexts, cells, strict=False):
                if not cell.strip():
                    continue
                concept = self.registry.lookup(cell) or self.registry.get_or_mint(cell)
                self.used.add(concept.iri)
                if kind is not None and kind != concept.iri:
                    concept.types.add(kind)
                if relation is not None:
                    self._emit(Fact(ctx_concept.iri, relation, concept.iri, "table"), section, quote)
                    continue
                concepts.append(concept)
                concept.types.add(KGO.Term)
                concept.definitions.append((4, f"{head} ({ctx_concept.label} term).", None))
                self._emit(Fact(concept.iri, KGO.termOf, ctx_concept.iri, "table"), section, quote)
            for a in concepts:
                for b in concepts:
                    if a is not b:
                        self._emit(Fact(a.iri, KGO.equivalentTo, b.iri, "table"), section, quote)

    def _is_entity_table(self, block: Block) -> bool:
        """Tell a table with one thing per row ("Code | Meaning": "E42 | disk full") from one per column.

        The columns after the first are properties when no sentence of the document names them (unless
        the first column is all code, or a head ends with its preposition) and none is written as a name (a
        column headed by a thing, "Redis | Memcached", is about it);
        the first column's cells are short names (a code, a command), none of them a property's name
        ("retrieval time") or a relation the vocabulary knows. A row headed by a clause is no name.
        """
        heads = block.header[1:]
        if not heads or not block.rows or not all(h.strip() for h in heads):
            return False
        numbered = numbered_first_column(block)
        kinded = self._rows_with_kind(block)
        for number, row in enumerate(block.rows):
            head = row[0].strip()
            if numbered or kinded:
                continue  # "5": a number down the whole column names a row, whatever it counts
            words = [t for t in tokenize(head) if t.is_word]
            if not 0 < len(words) <= MAX_ROW_NAME_WORDS or (words[0].lower in ARTICLES and not _titled(words)):
                return False
            if (number, 0) in block.code_cells:
                continue  # "`pip show <name>`": a command, code, path or option is a name, whatever its words
            if (is_property_row(head) and any(getAllLemmas(t.lower) for t in words)) or self._aligned(head):
                return False
        # Code or numbers down the whole first column ("`max_connections`", "5") name one thing per row: a
        # common word over another column is its property even where a sentence uses the word ("by default").
        coded = rows_named_by_first_column(block)
        # A head that ends with its preposition ("Reachable from") is a property, never a thing: with one,
        # every head is a property ("Notes" too, though a sentence uses the word).
        coded = coded or any(h.split() and h.split()[-1].lower() in PREPOSITIONS for h in heads)
        things = plain = 0
        for number, h in enumerate(heads, start=1):
            if yes_no_column(block, number):
                continue  # "Idempotent | yes": a yes or a no in every row is a quality of the row's thing
            if written_as_name(h):
                return False
            named = self.registry.lookup(h)
            if named is not None and (named.known or (named.iri in self.mentioned and not coded)):
                things += 1
            else:
                plain += 1
        # Columns compared are alike: a common word the text uses ("Lathe") beside more heads that name
        # nothing ("Material", "Days turned") is one more property of each row ("Oak spindle | ... | Wilma"), not
        # a thing the table compares.
        if things and columns_alike(block):
            # "Bench | Heater | Keeper" over "north-1 | fan-07 | Ines Varga": each column holds one kind of
            # value (heater codes, people), each row several, so each row is one thing, whatever common words
            # ("heater", "keeper") the text also uses over the columns.
            return True
        if plain and self._rows_are_names(block):
            # "Vessel | Berth | Cranes | ETD" over "Sea Lark | 4 | ...": rows headed by proper names the text
            # uses are the things, whatever common words ("Berth") the text also uses over the columns.
            return True
        return not things or plain > things

    def _kinded_row(self, name: str, header: str) -> Concept | None:
        """Return the thing the text names by a row's name and its column's kind: "bulk" under "Tier" is the
        "bulk tier" a sentence speaks of ("the bulk tier", 'the "high" tier'); None when no sentence does."""
        head = _plain_header(header).lower()
        if not self._said_with_kind(name, header):
            return None
        return self.registry.lookup(f"{name} {head}") or self.registry.get_or_mint(f"{name} {head}")

    def _rows_with_kind(self, block: Block) -> bool:
        """Tell whether most rows (two at least) name, with the first column's head after them, a thing the text
        speaks of: "standard | 600 | 15 s" and "bulk | ..." under "Tier", where sentences say "the bulk tier"
        and 'the "high" tier'. Such rows are things, whatever their lowercase words (a row headed "retrieval
        time" under an empty head gives a property)."""
        found = sum(self._said_with_kind(_row_name(row[0]), block.header[0]) for row in block.rows)
        return found >= 2 and 2 * found >= len(block.rows)

    def _said_with_kind(self, name: str, header: str) -> bool:
        """Tell whether a sentence says a row's name with its column's kind after it ("the bulk tier")."""
        head = _plain_header(header).lower()
        if not name or not head or len(head.split()) > 2 or not head.replace(" ", "").isalpha():
            return False
        said = re.compile(rf"(?<![\w-]){re.escape(name)}[\"”’']?\s+{re.escape(head)}s?(?![\w-])", re.IGNORECASE)
        return said.search(self._text_read()) is not None

    def _text_read(self) -> str:
        """Return the document's sentences as one text, joined once (a table's rows each search it)."""
        joined = getattr(self, "_joined", None)
        if joined is None or joined[0] != len(self.sentence_index):
            joined = (len(self.sentence_index), "\n".join(self.sentence_index))
            self._joined = joined
        return joined[1]

    def _rows_are_names(self, block: Block) -> bool:
        """Tell whether the rows of ``block`` are headed by proper names, most of them names the text uses.

        A proper name is a concept whose label keeps its capitals ("Sea Lark"), or a capitalised word no
        dictionary knows ("Skerrow"), which the text may name only after the table.
        """
        used = 0
        for row in block.rows:
            head = _row_name(row[0])
            named = self.registry.lookup(head)
            if named is not None and named.label != named.label.lower():
                used += named.iri in self.mentioned
            elif not (head[:1].isupper() and " " not in head and not getAllLemmas(head.lower())):
                return False
        return bool(block.rows) and 2 * used >= len(block.rows)

    def _entity_rows(self, block: Block, section: str) -> None:
        """Read a table of one thing per row: (thing, column head, cell) for each cell, the thing typed
        by the first column's head ("E42" is a code)."""
        kind = self._column_kind(block.header[0])
        sectioned = None
        if kind is not None:
            # "Tier" over a table under "## Storage tiers": the column's word is the head of the kind the
            # section's heading names, and that kind is what each row is.
            sectioned = self._section_kind(block, _plain_header(block.header[0]))
            kind = sectioned.iri if sectioned is not None else kind
        heads = block.header[1:]
        clauses = clause_cells(block)
        numbered = numbered_first_column(block)
        for number, row in enumerate(block.rows):
            name = _row_name(row[0])
            label = name
            if numbered:
                name = self._numbered_name(name, _plain_header(block.header[0]))
            # "`PUT` / `STORE`": code offered as alternatives names one thing by either name.
            name, *others = ALTERNATIVE_SPLIT_RE.split(name) if (number, 0) in block.code_cells else [name]
            if not name:
                continue
            split = bracketed_name(name) if not numbered and self.registry.lookup(name) is None else None
            if split is not None:
                # 'Initial assessment ("IA")', "Bisque (cone 04)": the row's thing is named before the bracket;
                # the bracket gives it another name (a quoted term, a short form it spells) or says more of it.
                name = split[0]
            thing = (
                self._kind_member(name, sectioned)
                or self._kinded_row(name, block.header[0])
                or self.registry.lookup(name)
                or self.registry.get_or_mint(name)
            )
            if split is not None:
                self._bracketed_alias(thing, *split)
                self.registry.add_alias(thing, label)
            if thing.label == name:
                # "Cap" heads its row as a sentence's first word is capitalised: a reader asks about "the cap".
                self._lowercase_alias(thing, name)
            for other in others:
                if other and self.registry.lookup(other) is None:
                    self.registry.add_alias(thing, other)
            if label != name and ROW_NUMBER_RE.fullmatch(label) and self.registry.lookup(label) is None:
                # "Code | Meaning": "75" is "Code 75", and still "75" where the text says the number alone ("safe
                # for 75"). A letter is no name alone: "A" is the article too.
                self.registry.add_alias(thing, label)
            self.used.add(thing.iri)
            quote = " | ".join(row)
            self._type_row(thing, kind, section, quote)
            for head, cell in zip(heads, row[1:], strict=False):
                self._property_row(_uncapitalised(head), [thing], [cell], section, quote, "table:row")
            # A cell that says what the thing does ("removes a key") is a sentence about it, read
            # with the thing for its left-out subject, as a statement table's cells are read with their column's.
            for _, cell in [c for c in clauses if c[0] == number]:
                self._said_of(thing, cell, block, section)

    def _lowercase_alias(self, thing: Concept, name: str) -> None:
        """Name ``thing`` also by ``name`` in lowercase when only its first letter is a capital, one its place gives
        (a row's or a list item's first word: "Cap", "Harbourmaster"), and the word may be a common noun that
        names nothing else."""
        common = name.lower()
        if name[1:] == common[1:] and common_noun(common) and self.registry.lookup(common) in (None, thing):
            self.registry.add_alias(thing, common)

    def _bracketed_alias(self, thing: Concept, name: str, aside: str, quoted: bool) -> None:
        """Give ``thing`` the name a bracket after its name offers: a short form that abbreviates the name
        ("IA" of "Initial assessment", quoted or not), or a quoted term ("the cupboard"). An unquoted aside
        ("cone 04") names nothing."""
        if " " not in aside and sum(c.isupper() for c in aside) >= 2 and spells(aside, name):
            self.registry.add_alias(thing, aside, acronym=True)
        elif quoted and self.registry.lookup(aside) is None:
            self.registry.add_alias(thing, aside)

    def _kind_member(self, name: str, kind: Concept | None) -> Concept | None:
        """Return the thing a row names by its kind's word left out: "Eye" in a "Type" column under
        "## Splice types" is the "Eye splice" the note names elsewhere (never minted here)."""
        words = kind.label.split() if kind is not None else []
        if len(words) < 2:
            return None
        return self.registry.lookup(f"{name} {' '.join(words[:-1])}")

    def _task_rows(self, block: Block, section: str, column: int) -> None:
        """Read a table of tasks and their commands: each task is said of its row's command, its subject
        left out ("delete remote branch | `git push origin --delete name`": the command deletes remote
        branches), and the command is of the kind its column's head names ("Command")."""
        kind = self._column_kind(block.header[column])
        for row in block.rows:
            name = " ".join(re.sub(r"[*`]", "", row[column]).split())
            if not name:
                continue
            thing = self.registry.lookup(name) or self.registry.get_or_mint(name)
            self.used.add(thing.iri)
            self._type_row(thing, kind, section, " | ".join(row))
            self._said_of(thing, row[0], block, section)

    def _column_kind(self, header: str) -> URIRef | None:
        """Return the kind a column's head names ("Command", "Tier"): a class of the vocabulary, else the
        head's words as a concept; None for a head of more than three words or of other than words."""
        head = _plain_header(header)
        if not head or len(head.split()) > 3 or not all(w.isalpha() for w in head.split()):
            return None
        return self.lexicon.class_for(head) or self.registry.get_or_mint(head.lower()).iri

    def _type_row(self, thing: Concept, kind: URIRef | None, section: str, quote: str) -> None:
        """Make a row's thing a member of the kind its column's head names, cited to the row."""
        if kind is not None and kind != thing.iri and kind not in thing.types:
            thing.types.add(kind)
            self.used.add(kind)
            self._emit(Fact(thing.iri, RDF.type, kind, "table:row"), section, quote)

    def _said_of(self, thing: Concept, cell: str, block: Block, section: str) -> None:
        """Read a cell's sentences as said of ``thing``, their left-out subject ("removes a key")."""
        saved = self.topic
        self.topic = thing
        for _, sentence in split_sentences(cell):
            if sentence in self.sentence_index:
                self._sentence(sentence, section, Context(), Block("item", block.section, block.line, cell))
                self._mention(sentence, thing)
        self.topic = saved

    def _section_kind(self, block: Block, word: str) -> Concept | None:
        """Return the kind the table's heading names ("Storage tiers") when ``word`` is its head ("Tier"):
        the nearest enclosing heading's ("## Splice types" over "### Comparison" over "Type | ...")."""
        for heading in reversed(block.section):
            words = heading.split()
            if (
                len(words) < 2
                or noun_key(words[-1]) != noun_key(word.split()[-1])
                or words[-1].lower() == noun_key(words[-1])
            ):
                continue  # no plural head: "RAID level" names one thing, "RAID levels" a kind
            return self.registry.lookup(heading)
        return None

    def _numbered_name(self, number: str, header: str = "") -> str:
        """Return the name a row number (or letter) stands for: the one name of the note that ends in it
        ("Tier 3"), else the column's head and the number together ("Bay | Charge": "4" is "Bay 4").

        A note may name the row's thing only after the table ("Fridges go in Bay 4"), or never; a bare
        number is a name for nothing. With no head of one or two words, the number is the row's name
        itself.
        """
        named = [c for c in self.registry.concepts.values() if c.label.split()[1:] and c.label.split()[-1] == number]
        if len(named) == 1:
            return named[0].label
        words = header.split()
        if 0 < len(words) <= 2 and all(w.isalpha() for w in words):
            return f"{header} {number}"
        return number

    def _property_row(
        self, head: str, things: list[Concept], cells: list[str], section: str, quote: str, rule: str = "table:property"
    ) -> None:
        """Give each column's thing the row's property: (S3 Glacier, retrieval time, "hours")."""
        prop = KG[f"rel/{slug(head)}"]
        name = " ".join(head.split())
        self.graph.add((prop, RDF.type, OWL.ObjectProperty))
        self.graph.add((prop, RDFS.label, Literal(name)))
        self.graph.add((prop, KGO.minted, Literal(True)))
        for thing, cell in zip(things, cells, strict=False):
            value = " ".join(cell.split())
            if not value:
                continue
            named = self.registry.lookup(value)
            if named is thing:
                continue  # "QK | Quick Kindle": the cell spells the row's name out, no value of it
            obj = named.iri if named is not None else Literal(value)
            if named is not None:
                self.used.add(named.iri)
            self._emit(Fact(thing.iri, prop, obj, rule), section, quote)

    def _enter_heading(self, block: Block, section: str) -> None:
        """Keep the kind a heading names ("Virtual machines"), and make a two-word kind one of its head's.

        The innermost heading's kind types what is introduced under it; an enclosing heading's kind only
        the thing a heading under it names ("## Brokers" over "### RabbitMQ": RabbitMQ is a broker). A note
        titled "Kilns" introduces pyrometers, shelves and firings under its own sub-headings, none of
        them a kiln, and under "## PostgreSQL" in a note on databases the things named are no databases
        either.
        """
        self.categories = {level: c for level, c in self.categories.items() if level < block.level}
        self._heading_level = block.level
        # What the heading names whole ("RabbitMQ"), not one of the things it joins ("Registries and tags").
        self._heading_thing = self.registry.lookup(block.text)
        if self.topic is not None and is_category_heading(block.text) and self.registry.lookup(block.text):
            category = self.topic
            if not category.known:
                self.graph.add((category.iri, RDF.type, OWL.Class))
            words = block.text.split()
            if len(words) > 1 and not category.known:  # "File storage" is a kind of storage
                parent = self.registry.get_or_mint(words[-1])
                if parent.iri != category.iri:
                    self.used.update((parent.iri, category.iri))
                    self._emit(Fact(category.iri, RDFS.subClassOf, parent.iri, "heading"), section, block.text)
            self.categories[block.level] = category

    def _categorise(self, concept: Concept, section: str, quote: str) -> None:
        """Type a concept introduced under a category heading by that heading's kind (see ``_enter_heading``)."""
        category = self.categories.get(self._heading_level)
        if category is concept:
            category = None  # "### Eye splice" under "## Splice types" names a kind, and is one of the splice types
        enclosing = [level for level in self.categories if level < self._heading_level]
        if category is None and enclosing and concept is self._heading_thing:
            category = self.categories[max(enclosing)]
        if category is None or not _names_a_thing(concept.label):
            return
        if category.iri != concept.iri and category.iri not in concept.types:
            concept.types.add(category.iri)
            self.used.update((concept.iri, category.iri))
            self._emit(Fact(concept.iri, RDF.type, category.iri, "heading"), section, quote)

    def _statement_table(self, block: Block, section: str) -> None:
        """Read each cell as a sentence about the thing its column's header names.

        The cell's sentence also mentions that thing, so a cell with no subject of its own ("Replacing
        faulty hardware" under "AWS Responsibilities") is still found by the column it stands in. A header
        "<name> <plural noun>" ("AWS Responsibilities", "Kafka features") lists what the named thing has
        in that role: its cells are said of the name, and each is its value under the role's noun.
        """
        things = [self.registry.lookup(h) or self.registry.get_or_mint(h) for h in block.header]
        owners = [self._column_owner(h) for h in block.header]
        saved = self.topic
        for row in block.rows:
            for thing, (owner, role), cell in zip(things, owners, row, strict=False):
                self.used.add(thing.iri)
                self.topic = owner or thing
                value = " ".join(cell.split()).rstrip(".")
                if owner is not None and value:  # counted with the cell's (first) sentence
                    fact = Fact(owner.iri, self._role_property(role), Literal(value), "table:column")
                    self._emit(fact, section, cell)
                for _, sentence in split_sentences(cell):
                    cell_block = Block("item", block.section, block.line, cell)
                    self._sentence(sentence, section, Context(), cell_block)
                    self._mention(sentence, thing)
                    if owner is not None:
                        self._mention(sentence, owner)
        self.topic = saved

    def _column_owner(self, header: str) -> tuple[Concept | None, str]:
        """Return the name a header "<name> <plural noun>" opens with, and the noun's singular ("responsibility").

        The name must be one the document knows ("AWS"); a header that is a name alone ("Security Group")
        or a plural alone ("Pros") has no owner.
        """
        words = re.sub(r"[*_`]", "", header).split()
        if len(words) < 2 or not words[-1].isalpha():
            return None, ""
        role = noun_key(words[-1])
        if role == words[-1].lower():
            return None, ""  # not a plural
        name = " ".join(words[:-1])
        owner = self.registry.lookup(name)
        if owner is None and self._names_elsewhere(name, header):
            owner = self.registry.get_or_mint(name)
        return owner, role

    def _names_elsewhere(self, name: str, header: str) -> bool:
        """Tell whether a header's leading words are a name the document writes outside that header too.

        "AWS" in "AWS Responsibilities" is written as such in the text; "Main" in "Main Benefits" is an
        adjective, and a word written only in its header ("User") is not known as a name.
        """
        if any("ADJ" in getAllLemmas(w.lower()) for w in name.split()):
            return False
        written = len(re.findall(rf"(?<![\w-]){re.escape(name)}(?![\w-])", self.text))
        return written > self.text.count(header)

    def _role_property(self, role: str, kind: URIRef = OWL.DatatypeProperty) -> URIRef:
        """Return (and describe, once) the property minted from a role noun ("responsibility", "option").

        ``kind``: a table column's role holds its cells' text (a datatype property); a label item's role
        holds the names listed under it (an object property).
        """
        prop = KG[f"rel/{slug(role)}"]
        if (prop, RDFS.label, None) not in self.graph:
            self.graph.add((prop, RDF.type, kind))
            self.graph.add((prop, RDFS.label, Literal(role)))
            self.graph.add((prop, KGO.minted, Literal(True)))
        return prop


def item_label(text: str) -> str | None:
    """Return the label a list item opens with before describing it ("Top vent — ..."), or None.

    The label is a short run of words (one to five, no digits-only run) before a colon or a spaced dash.
    """
    match = ITEM_LABEL_RE.match(text)
    if match is None:
        return None
    # "Kiln shelf (KS): ...": the short form or aside in brackets after the label is not part of it.
    label = re.sub(r"\s*\([^()]*\)$", "", match.group(1).strip())
    words = [t for t in tokenize(label) if t.is_word]
    return label if 0 < len(words) <= 5 and all(t.is_word or t.text in "-/'" for t in tokenize(label)) else None


#: A parent item that counts the items under it: "splits into 3 parts", "two modes:".
COUNTED_RE = re.compile(r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?:[a-z-]+\s+){0,2}[a-z-]+s\s*:?$")


def counts_its_items(parent: str | None) -> bool:
    """Tell a parent item that ends with a count of a plural noun ("3 classes", "Two modes:")."""
    return parent is not None and COUNTED_RE.search(parent.strip().lower()) is not None


def is_category_heading(text: str) -> bool:
    """Tell a heading that names a kind of thing ("File storage", "Virtual machines") from a name or topic.

    A category is written in lowercase after its first letter, is not a question or a comparison,
    does not open with a verb or an article, is one noun phrase (no preposition or determiner inside), and is either
    several words or one plural noun.
    """
    words = text.split()
    if not words or len(words) > 4 or text.rstrip().endswith("?") or VERSUS_RE.match(text):
        return False
    if text[1:] != text[1:].lower() or is_verb_only(words[0]) or not all(w.isalpha() for w in words):
        return False
    if {"and", "or"} & {w.lower() for w in words}:
        return False  # "Queues and topics" names two things, not one kind
    if (PREPOSITIONS | FILLERS) & {w.lower() for w in words[1:]}:
        return False  # "Work in the harbour", "Types of storage": a topic, no noun phrase naming one kind
    if words[0].lower() in ARTICLES:
        return False  # "The lathes": the ones this note has, no kind named "the lathe"
    return len(words) > 1 or noun_key(words[0]) != words[0].lower()


def sentence_texts(block: Block) -> list[str]:
    """Return the texts of a block that are read as sentences (a statement table's cells too, and the
    tasks of a table of commands)."""
    if block.kind in ("paragraph", "item"):
        return [] if block.navigation else [block.text]
    if block.kind == "table" and is_statement_table(block):
        return [cell for row in block.rows for cell in row]
    if block.kind == "table" and command_column(block) is not None:
        return [row[0] for row in block.rows]
    if block.kind == "table":
        return [cell for _, cell in clause_cells(block)]
    return []


def command_column(block: Block) -> int | None:
    """Return the column of commands of a table of tasks ("delete remote branch | `git push -d`"), or None.

    Every cell of the column is a command line (code of two words or more: a program and what it is
    told), no cell of the first column is code, and every task opens with a word that may be a verb's
    base form: a table of settings whose values are code ("default port | `5432`", "log file |
    `/var/log/x.log`") names things, not tasks.
    """
    if len(block.header) < 2 or not block.rows or any((n, 0) in block.code_cells for n in range(len(block.rows))):
        return None
    firsts = [_first_word(row[0]) for row in block.rows]
    if not all(w in getAllLemmas(w).get("VERB", ()) for w in firsts):
        return None
    for column in range(1, len(block.header)):
        if all((n, column) in block.code_cells and len(row[column].split()) > 1 for n, row in enumerate(block.rows)):
            return column
    return None


def task_cells(blocks: list[Block]) -> frozenset[str]:
    """Return the tasks of the document's tables of commands (see ``command_column``): each is read as
    what its row's command does ("list branches": the command lists branches)."""
    return frozenset(
        sentence
        for block in blocks
        if block.kind == "table" and command_column(block) is not None
        for row in block.rows
        for _, sentence in split_sentences(row[0])
    )


def _first_word(cell: str) -> str:
    words = re.findall(r"[A-Za-z]+", cell)
    return words[0].lower() if words else ""


def coded_first_column(block: Block) -> bool:
    """Tell a table whose first column is code in every row ("`max_connections`"): one thing per row."""
    return all((number, 0) in block.code_cells for number in range(len(block.rows)))


#: Between names a cell offers as alternatives: "`PUT` / `STORE`", "`-v`, `--verbose`".
ALTERNATIVE_SPLIT_RE = re.compile(r"\s+/\s+|\s*,\s+|\s+or\s+")
#: A row number: "5", "10", "1.2".
ROW_NUMBER_RE = re.compile(r"\d+(?:\.\d+)*")
#: A row's number or letter: "5", "1.2", "B" (a single capital, as in "Band B", never the article "A" of a phrase).
ROW_LABEL_RE = re.compile(r"\d+(?:\.\d+)*|[A-Z]")


#: A cell that says yes or no.
YES_NO_CELLS = frozenset("yes no true false y n ✓ ✗ ✔ ✘ x -".split())


def _names_a_thing(label: str) -> bool:
    """Tell a name whose last word may be a noun from a bold quality ("**Idempotent**: ..."), no member of a kind."""
    word = label.split()[-1].lower() if label.split() else ""
    entry = getAllLemmas(word)
    return "NOUN" in entry or "PROPN" in entry or not (entry or is_adjective(word))


def yes_no_column(block: Block, column: int) -> bool:
    """Tell a column whose every cell says yes or no ("Idempotent": "yes", "no"): the rows' quality."""
    cells = [row[column].strip().lower() for row in block.rows if column < len(row)]
    return bool(cells) and all(cell in YES_NO_CELLS for cell in cells)


#: How much more alike a table's columns must be than its rows, by the shape of their cells, to hold one kind
#: of value each (``columns_alike``).
ALIKE_MARGIN = 0.2


def cell_shape(cell: str) -> str:
    """Return the written shape of a cell: each run of capitals, small letters or digits as one sign ("Xx Xx"
    for "Ines Varga", "x-d" for "fan-07", "d x" for "90 days")."""
    signs = {"upper": "X", "lower": "x", "digit": "d"}

    def sign(match: re.Match) -> str:
        return signs[next(kind for kind, text in match.groupdict().items() if text)]

    shape = re.sub(r"(?P<upper>[A-Z]+)|(?P<lower>[a-z]+)|(?P<digit>[0-9]+)", sign, cell.strip())
    return re.sub(r"\s+", " ", shape)


def _agreement(groups: list[list[str]]) -> float:
    """Return how far the cells of each group share one shape: the mean share of its commonest shape."""
    shares = []
    for cells in groups:
        shapes = [cell_shape(c) for c in cells if c.strip()]
        if len(shapes) > 1:
            shares.append(max(shapes.count(x) for x in set(shapes)) / len(shapes))
    return sum(shares) / len(shares) if shares else 0.0


def columns_alike(block: Block) -> bool:
    """Tell whether a table's columns (after the first) each hold one kind of value and its rows several.

    A table of one thing per row gives each column one property, whose values are written alike down the
    column (codes "fan-07", "pipe-03"; people "Ines Varga"); a table of one thing per column gives
    each row one property, written alike across the row ("milliseconds | hours"). The cells' written
    shapes (``cell_shape``) tell the two apart when they agree down the columns clearly more than across
    the rows; at least two rows and two columns are needed to tell anything.
    """
    width = len(block.header) - 1
    rows = [row[1 : 1 + width] for row in block.rows]
    if width < 2 or len(rows) < 2:
        return False
    columns = [[row[i] for row in rows if i < len(row)] for i in range(width)]
    return _agreement(columns) - _agreement(rows) >= ALIKE_MARGIN


def numbered_first_column(block: Block) -> bool:
    """Tell a table whose first column numbers or letters its rows ("Tier | Copies": "3 | 5"; "Band | Fee":
    "A | £1", "B | £2"): one thing per row."""
    return bool(block.rows) and all(ROW_LABEL_RE.fullmatch(row[0].strip()) for row in block.rows)


def rows_named_by_first_column(block: Block) -> bool:
    """Tell a table whose first column names one thing per row by code or by number, whatever the other
    columns' heads are: a common word over one of them is the rows' property (``written_as_name`` aside)."""
    return coded_first_column(block) or numbered_first_column(block)


def value_cell(cell: str) -> bool:
    """Tell a cell that is a value, no name: a number ("5") or a yes or a no."""
    text = cell.strip()
    return bool(ROW_NUMBER_RE.fullmatch(text)) or text.lower() in YES_NO_CELLS


def clause_cells(block: Block) -> list[tuple[int, str]]:
    """Return the cells after a table's first column that are clauses with their subject left out, with
    their row: "`DROP` | removes a key" says what the row's thing does (see ``_entity_rows``)."""
    return [
        (number, cell)
        for number, row in enumerate(block.rows)
        for cell in row[1:]
        if len(cell.split()) > 1 and leaves_out_subject(cell)
    ]


def predicate_items(blocks: list[Block]) -> frozenset[str]:
    """Return the opening sentences of bullets that stand among predicates of one thing.

    Bullets under one heading or one parent item that say what their thing does leave its name out
    ("Goes over a private network", "Must not have overlapping CIDR"); where one of them is written
    so, the others are predicates of the same thing too, and one opening with a verb's base form
    ("Establish a physical connection") is read as that thing's verb, not as an instruction to the
    reader. A numbered list is steps, not predicates, and an item with items under it is their label
    ("Recycle Bin for EBS Snapshots"): neither is read so.
    """
    labels = {block.parent for block in blocks if block.kind == "item" and block.parent}
    groups: dict[tuple, list[str]] = {}
    for block in blocks:
        if block.kind != "item" or block.navigation or block.ordered or block.text in labels:
            continue
        first = next(iter(split_sentences(block.text)), None)
        if first is not None and first[1].strip():
            groups.setdefault((block.section, block.parent, block.intro), []).append(first[1])
    out: set[str] = set()
    for openings in groups.values():
        if len(openings) > 1 and any(leaves_out_subject(text) for text in openings):
            out.update(openings)
    return frozenset(out)


def is_statement_table(block: Block) -> bool:
    """Tell a table whose cells are clauses (more than four words on average) from one of names."""
    cells = [c for row in block.rows for c in row[1:] if c.strip()]
    return bool(cells) and sum(len(c.split()) for c in cells) / len(cells) > 4


#: The most words a table's first cell has when it names the row's thing ("PUT", "Error range").
MAX_ROW_NAME_WORDS = 4
#: A cell that is a term: a short lowercase noun phrase ("worker node", "bucket").
TERM_RE = re.compile(r"[a-z][a-z-]*(?: [a-z][a-z-]*){0,3}")


def written_as_name(cell: str) -> bool:
    """Tell a header cell written as a name ("ECS", "Kickwheel", "Blue Line") from a common word or phrase.

    A capital after the first letter, a digit, or one word the dictionary does not know marks a name;
    "Purpose" or "Who may open it" is a common word or phrase, capitalised only as the cell's first.
    """
    text = re.sub(r"\s*\([^()]*\)", "", _plain_header(cell)).rstrip("?:")  # "Paid?", "Who (now)": the words
    if {w.lower() for w in text.split()} & AUXILIARIES:
        return False  # "Method may change to GET": a clause over the column, naming no thing
    if any(c.isupper() or c.isdigit() for c in text[1:]):
        return True
    words = text.split()
    return len(words) == 1 and not getAllLemmas(words[0].lower())


def _titled(words) -> bool:
    """Tell whether a cell's words opening with an article are a title, every word after it capitalised
    but the small ones ("The Old Granary", "The Mill at Hythe"): a name, as a row's head, not a phrase."""
    rest = [w.text for w in words[1:]]
    return bool(rest) and rest[0][:1].isupper() and all(w[:1].isupper() or w.lower() in TITLE_SMALL_WORDS for w in rest)


#: The words a title leaves in lower case: articles, prepositions and conjunctions.
TITLE_SMALL_WORDS = frozenset("a an the of at in on by for to and or 's".split())


#: A name with another in brackets after it: 'Room 1 ("the big room")', 'Initial assessment ("IA")',
#: "Engine service (ES)", "Bisque (cone 04)". Only one bracket, closing the text.
BRACKETED_NAME_RE = re.compile(r"^(?P<name>[^()]*?[^\s(])\s*\((?P<aside>[^()]{1,40})\)\s*$")
#: Quotation marks that set off a term ("the cupboard").
TERM_QUOTES = "\"“”'‘’"


def bracketed_name(text: str) -> tuple[str, str, bool] | None:
    """Split a label that gives a name and another in brackets: 'Room 3 ("the cupboard")' gives
    ("Room 3", "cupboard", True); "Glaze (cone 6)" gives ("Glaze", "cone 6", False).

    The third value says whether the bracket quotes its words, as a note quotes a term it names the thing by
    (a nickname, a short form); an unquoted bracket may be any aside. A leading article is no part of the
    bracketed name ("the big room" is said of a "big room"). None when the text ends in no bracket.
    """
    match = BRACKETED_NAME_RE.match(text.strip())
    if match is None:
        return None
    aside = match.group("aside").strip()
    quoted = len(aside) > 2 and aside[0] in TERM_QUOTES and aside[-1] in TERM_QUOTES
    words = aside.strip(TERM_QUOTES).split()
    if words and words[0].lower() in ARTICLES and len(words) > 1:
        words = words[1:]
    if not words:
        return None
    return match.group("name").strip(), " ".join(words), quoted


def common_noun(word: str) -> bool:
    """Tell a word that may be a common noun written with a capital for its place (a row's or an item's first
    word): one the dictionary knows as a noun and never as an adjective or adverb ("cap", "jacket"; not "Regular"
    or "Standard", which name a tier as a proper name would), or one it does not know ("harbourmaster")."""
    forms = getAllLemmas(word)
    return word.isalpha() and (not forms or "NOUN" in forms) and not {"ADJ", "ADV"} & set(forms)


def _row_name(cell: str) -> str:
    """Return the name a row's first cell gives, without bold or code marks, single-spaced."""
    return " ".join(re.sub(r"[*`]", "", cell).split())


def _plain_header(cell: str) -> str:
    """Return a header cell's words without their Markdown marks ("**Tier**" -> "Tier"), single-spaced."""
    return " ".join(re.sub(r"[*_`]", "", cell).split())


def _names_a_kind(head: str) -> bool:
    """Tell a row head that is one common noun and only a noun ("technology", not "host" or "based on")."""
    words = re.sub(r"[*_`]", "", head).split()
    if len(words) != 1 or not words[0].isalpha():
        return False
    forms = getAllLemmas(words[0].lower())
    return "NOUN" in forms and "VERB" not in forms


def _uncapitalised(head: str) -> str:
    """Return a column or row head as a property's name: "Port range" -> "port range" (not "TTL")."""
    head = " ".join(head.split())
    return head[:1].lower() + head[1:] if head[1:2].islower() else head


def is_value_row(row: list[str]) -> bool:
    """Tell a row "Weight | 2 kg | None" (a property and its values) from "Unit of work | task | pod" (terms).

    A row of terms names, in each column, what that column's thing calls the row's description:
    every cell is a short lowercase noun phrase. A row with a cell of any other shape (a number, a
    capital, a slash: a value) headed by a short phrase with no article is the row's property instead,
    as a lowercase head would be ("weight | 2 kg | none").
    """
    head, cells = row[0], [c.strip() for c in row[1:] if c.strip()]
    words = head.split()
    if not cells or not 0 < len(words) <= 5 or words[0].lower() in ARTICLES or not any(c.isalpha() for c in head):
        return False
    return not all(TERM_RE.fullmatch(c) for c in cells)


def is_property_row(head: str) -> bool:
    """Tell a row headed by a property name ("retrieval time") from one headed by a name or description.

    A property name is a few lowercase words; a capital marks a name ("ECS Container"), a leading
    determiner a description ("An EC2 instance with ..."), and a leading number a thing by its size
    ("8-bed dorm", "4 GB instance").
    """
    words = head.split()
    return (
        0 < len(words) <= 5
        and head == head.lower()
        and words[0] not in ARTICLES
        and not words[0][:1].isdigit()
        and any(c.isalpha() for c in head)
    )


def glossary_term(label: str) -> str | None:
    """Return the term a glossary item's label names ("warden" of "warden (w)"), or None if it is no term.

    A term is a code that opens with a digit ("4xx", "755"), or one to three words of letters (hyphens
    inside), lowercase but perhaps for its first letter, a noun phrase: no function word, no verb first,
    no adjective last ("symbolic" labels a way of writing, not a thing). A short form or aside in brackets
    after it is no part of it.
    """
    term = re.sub(r"\s*\([^()]*\)$", "", label.strip()).strip()
    if re.fullmatch(r"\d+[a-z]*", term):
        return term  # a code or number listed with what it stands for ("4xx: client error", "22: SSH")
    words = term.split()
    if not 0 < len(words) <= 3 or term[1:] != term[1:].lower():
        return None
    if not all(re.fullmatch(r"[A-Za-z][a-z]*(?:-[a-z]+)*", w) for w in words):
        return None
    last = words[-1].lower()
    if is_verb_only(words[0].lower()) or (is_adjective(last) and "NOUN" not in getAllLemmas(last)):
        return None
    if {w.lower() for w in words} & (PREPOSITIONS | FILLERS | ARTICLES):
        return None
    return term[:1].lower() + term[1:] if term[1:2].islower() or len(term) == 1 else term


def describes(doc) -> bool:
    """Tell a glossary description that is a noun phrase ("the person who locks ...", "everyone on board").

    The parse's one root is a common noun the dictionary knows as one (or a pronoun for a group,
    "everyone"), with no subject of its own: a clause ("sails with the morning tide") or a name
    listed ("getfacl / setfacl") describes nothing.
    """
    if doc.user_data.get("implicit_subject"):
        return False
    roots = [t for t in doc if t.dep_ == "ROOT"]
    if len(roots) != 1:
        return False
    root = roots[0]
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "neg") for c in root.children):
        return False
    if root.pos_ == "PRON":
        return root.lower_ in INDEFINITE_PRONOUNS
    return root.pos_ == "NOUN" and root.is_lower and "NOUN" in getAllLemmas(root.lower_)


def agrees_in_number(sentence: str, doc) -> bool:
    """Tell a glossary item whose description's head agrees in number with its term.

    "crew (c): members of the boat's team" describes one term by a plural: the set it stands
    for, not a kind of thing the term is one of ("crew is a member" would be wrong).
    """
    root = root_of(doc)
    match = re.match(r"^\s*([^:(]+)", sentence)
    if root is None or match is None or not match.group(1).split():
        return True
    last = match.group(1).split()[-1].lower()
    term_plural = noun_key(last) != last
    body_plural = root.tag_ in ("NNS", "NNPS")
    return term_plural == body_plural


def _modifies_next_noun(tokens, end: int) -> bool:
    """Tell whether the word after a name (at ``end``) is a noun the name stands before as its modifier."""
    following = tokens[end] if end < len(tokens) else None
    if following is None or not following.is_word or following.lower in STOPWORDS:
        return False
    forms = getAllLemmas(following.lower)
    return "NOUN" in forms and "VERB" not in forms
