"""Turn one Markdown document into RDF: concepts, facts, and where each fact was read.

Two passes. The first collects the document's names (headings, bold noun phrases, acronyms in
parentheses, list items, table cells) so that a sentence can mention a concept introduced further
down; the second reads blocks in order, sentence by sentence, and records every fact with a statement
node: ``?st rdf:subject ?s; rdf:predicate ?p; rdf:object ?o; kgo:document ?doc; kgo:section "A > B";
kgo:quote "the sentence"; kgo:rule "relation"``.
"""

from __future__ import annotations

import gc
import hashlib
import re
from collections import Counter
from collections.abc import Sequence
from contextlib import contextmanager
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

from kg.ingest.brands import Drops, brand_graph, drops_of, learn_brands, texts_of
from kg.ingest.concepts import Concept, ConceptRegistry, singular_label
from kg.ingest.identity import merge_given_names, merge_shortened_names
from kg.ingest.lexicon import PREPOSITIONS, Lexicon, opens_with_participle, phrase_words
from kg.ingest.markdown import Block, Span, parse_markdown
from kg.ingest.parallel import ParseStream
from kg.ingest.parse import RELATIVE_PRONOUNS, load_parser, parse_sentences
from kg.ingest.relations import (
    COMPARISON_RULE,
    OBJECT_RULE,
    Antecedent,
    OpenFact,
    OpenReader,
    is_subordinate,
    lacks_subject,
    naming,
    pronoun_subject,
    restricted,
)
from kg.ingest.report import DocumentReport
from kg.ingest.sentences import Context, Fact, SentenceReader, only_nominal, passive_participles
from kg.ingest.shortforms import (
    BLEND_RE,
    CLIPPED_RE,
    SHORT_AFTER_RE,
    SHORT_APPOSED_RE,
    SHORT_BEFORE_RE,
    SHORT_DASHED_RE,
    SHORT_EQUALS_RE,
    SHORT_GLOSSED_RE,
    SHORT_OR_RE,
    SHORT_SAID_RE,
    UNIT_SYMBOL_RE,
    abbreviates,
    blended_suffix,
    clipped_suffix,
    compressed_word,
    keeps_letters,
    kept_suffix,
    said_long_form,
    spelled_suffix,
    spells,
    spelt_in_order,
    spelt_run,
    unit_suffix,
)
from kg.ingest.structure import (
    KIND_NOUNS,
    VERSUS_RE,
    StructureReader,
    agrees_in_number,
    bracketed_name,
    clause_cells,
    counts_its_items,
    describes,
    glossary_term,
    is_category_heading,
    is_property_row,
    is_statement_table,
    is_value_row,
    item_label,
    predicate_items,
    rows_named_by_first_column,
    sentence_texts,
    task_cells,
    value_cell,
    written_as_name,
)
from kg.namespaces import CALLED_RULE, GRAPH, IDENTITY_RULE, KG, KGO, PREFIXES
from kg.text import (
    ARTICLES,
    GENERIC_NOUNS,
    INDEFINITE_PRONOUNS,
    MEANING_VERBS,
    NAMING_VERBS,
    PARTICLES,
    STOPWORDS,
    TITLES,
    cased_name,
    comparison_phrase,
    getAllLemmas,
    is_adjective,
    is_verb_only,
    main_subject,
    name_key,
    noun_key,
    present_tense,
    root_of,
    slug,
    split_sentences,
    tokenize,
    without_placeholders,
)

#: Words that make what follows them a noun phrase ("a **restore drill**"): articles and determiners.
DETERMINED_BY = frozenset("a an the each every its their our your this that these those".split())
#: Two or more capitalised words in a row: a proper name the text may not mark in bold.
NAME_RUN_RE = re.compile(r"\b[A-Z][A-Za-z0-9]*(?:[ ][A-Z][A-Za-z0-9]*)+\b")


class DocumentError(ValueError):
    """A document that cannot be read into the graph (empty, or no text at all)."""


def document_graph_name(path: Path) -> URIRef:
    """Return the named graph that holds the triples of the document at ``path``."""
    return GRAPH[f"doc/{Path(path).name}"]


def document_iri(path: Path) -> URIRef:
    """Return the node that stands for the document itself."""
    return KG[f"doc-{slug(Path(path).stem)}.{Path(path).suffix.lstrip('.') or 'md'}"]


#: A lone surrogate: a byte that was not UTF-8, kept by errors="surrogateescape".
SURROGATE = re.compile("[\ud800-\udfff]")


#: A name made of a name, "for" and a name: "Amazon FSx for Lustre", "Widget for Linux".
VARIANT_RE = re.compile(r"^([A-Z][\w-]*(?: [A-Z0-9][\w-]*)*) for ([A-Z0-9][\w-]*(?: [A-Z0-9][\w-]*)*)$")


def extract_document(
    path: Path,
    text: str,
    ontology: Graph,
    report: DocumentReport | None = None,
    blocks: list[Block] | None = None,
    drops: Drops | None = None,
) -> Graph:
    """Extract the concepts, facts and provenance of one Markdown document.

    ``ontology`` is the vocabulary (data/ontology.ttl, plus any curated graph whose concepts the
    document may name). Raises :class:`DocumentError` for a document with no text. ``report``, when
    given, is filled with what was read: sentences, facts by rule, the sentences that gave no fact.
    ``blocks`` and ``drops`` are the text's Markdown blocks and brand-word evidence when the caller
    has them already (a build reads every document's before extracting any); else they are made here.
    """
    path = Path(path)
    bad = SURROGATE.search(text)
    if bad is not None:  # text decoded with errors="surrogateescape" still holds the undecodable bytes
        line = text.count("\n", 0, bad.start()) + 1
        raise DocumentError(f"{path.name}: line {line}: text holds bytes that are not UTF-8")
    blocks = parse_markdown(text) if blocks is None else blocks
    if not any(b.text.strip() or b.rows for b in blocks):
        raise DocumentError(f"{path.name}: document is empty")
    if all(b.kind == "heading" for b in blocks if b.text.strip() or b.rows):
        raise DocumentError(f"{path.name}: document has headings only, no text to read facts from")
    lexicon = Lexicon.from_graph(ontology)
    drops = drops_of(texts_of(blocks)) if drops is None else drops
    brands = learn_brands(lexicon, drops)  # "Amazon" of "Amazon EC2" = EC2 (kg/ingest/brands.py)
    registry = ConceptRegistry(lexicon, known=ontology)
    extractor = _Extractor(path, text, registry, lexicon, report or DocumentReport(path.name))
    extractor.report.brands = brands
    extractor.graph += brand_graph(extractor.doc, brands)
    extractor.collect_names(blocks)
    with _cyclic_gc_paused():
        extractor.parse(blocks)
        try:
            extractor.read(blocks)
        finally:
            extractor.close()
    return extractor.graph


@contextmanager
def _cyclic_gc_paused():
    """Pause Python's cyclic garbage collector while a document is parsed and read.

    Extraction allocates millions of small objects (tokens, terms, triples) that live on in the
    graph, so the collector kept walking an ever larger heap: ~10% of a 500 KB note's time, growing
    faster than the note. Reference counting still frees what is dropped; cycles wait for the next
    collection after extraction. (Whoever paused it resumes it, so threads extracting together leave
    it running.)
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class _Extractor(StructureReader):
    def __init__(self, path: Path, text: str, registry: ConceptRegistry, lexicon: Lexicon, report: DocumentReport):
        self.path = path
        self.text = text
        self.registry = registry
        self.lexicon = lexicon
        self.report = report
        self.reader = SentenceReader(registry, lexicon)
        self.open_reader = OpenReader(self._resolve)
        self.parsed: Sequence = []  # one doc per sentence of ``self.sentence_index``
        self.sentence_index: dict[str, int] = {}
        self.topic: Concept | None = None
        self.last_open = Antecedent()  # what "it"/"they" refer to in open facts
        self.categories: dict[int, Concept] = {}  # heading level -> the category that heading names
        self._heading_level = 0  # the innermost open heading's level
        self._heading_thing: Concept | None = None  # what that heading itself names, if anything
        self.topics: dict[int, Concept] = {}  # heading level -> the thing that heading names
        self.mentioned: set[URIRef] = set()  # concepts some sentence names (not only a heading)
        self._first_in_section = False  # the next sentence is the first under a heading
        self._previous: str | None = None  # the sentence before, in the same block ("... This is called X")
        self._heads_topic = False  # the heading is the name of the section's topic (see _heading_topic)
        self._alignments: dict[str, URIRef | None] = {}  # verb phrase -> ontology property (or None)
        self._sentence_facts = 0
        self.leads: dict[str, Concept] = {}  # "Name: what it is" items -> the concept the lead-in names
        self._parents: dict[str, Concept | None] = {}  # a parent item's text -> the thing it names
        self._parent_seen: str | None = None  # the parent of the last item read (for its first child)
        self._item_subjects: dict[str, Concept] = {}  # an item's text -> what its first sentence opens with
        self._first_child = False  # whether the item being read is the first under its parent item
        self._parent_items: set[str] = set()  # the texts of items that have items under them
        self._children: dict[str, list[str]] = {}  # a parent item's text -> the texts of the items under it
        self._item_parents: dict[str, str | None] = {}  # an item's text -> the text of the item it hangs under
        self._labels: dict[str, str | None] = {}  # a parent item's text -> the role noun it names, if a label
        self._continuations: dict[tuple[str, str], str] = {}  # (parent, item) -> "supports redis"
        self._continued_docs: dict[str, object] = {}  # "supports redis" -> its parse
        self._continued_from: dict[str, tuple[str, str]] = {}  # "supports redis" -> ("supports", "redis")
        # (parent, item) -> "You can launch instances from A Public AMI": read besides the item's own text
        self._completions: dict[tuple[str, str], str] = {}
        self._intro_facts: dict[str, list[OpenFact]] = {}  # "Git offers three kinds of reset:" -> its facts
        self._lead_docs: dict[str, object] = {}  # a glossary item's sentence -> the parse of its description
        self.doc = document_iri(path)
        self.graph = Graph(identifier=document_graph_name(path))
        for prefix, ns in PREFIXES.items():
            self.graph.bind(prefix, ns)
        self.used: set[URIRef] = set()
        self.code_names: set[URIRef] = set()  # concepts a note names in code spans (``_code_names``)
        # The statement and sentence nodes (most of a document's triples) go straight to the graph's
        # store: Graph.add only checks that they are RDF terms, which they are by construction.
        self._store_add = self.graph.store.add
        self.graph.add((self.doc, RDF.type, KGO.Document))
        self.graph.add((self.doc, RDFS.label, Literal(path.name)))
        self.graph.add((self.doc, KGO.fileName, Literal(path.name)))
        self.graph.add((self.doc, KGO.sha256, Literal(hashlib.sha256(text.encode()).hexdigest())))

    # -- pass 1: names -----------------------------------------------------------------------------
    def collect_names(self, blocks: list[Block]) -> None:
        code: list[tuple[Span, str]] = []  # code spans, with the text of their block
        for block in blocks:
            if block.kind == "heading" and block.level == 1:
                self.graph.add((self.doc, DCTERMS.title, Literal(block.text)))
                self._acronyms(block.text)  # "# DNS (Domain Name System)": the title names its short form
            elif block.kind == "heading":
                self._heading_names(_without_article(block.text))
            elif block.kind in ("paragraph", "item"):
                self._acronyms(block.text)
                for run in NAME_RUN_RE.finditer(block.text):
                    self._name_run(run.group())
                for span in block.bold:
                    before = block.text[: span.start].split()[-1:]
                    self._bold_name(span.text, determined=bool(before) and before[0].lower() in DETERMINED_BY)
                code.extend((span, block.text) for span in block.code)
                if block.kind == "item" and block.intro:
                    self._item_name(block.text)
            elif block.kind == "table":
                # Column heads name things (ECS, EKS), and the cells of a row of terms name their terms:
                # all are concepts that sentences anywhere in the document may mention. A property's
                # values ("hours", "per queue"), a statement table's clauses and a cell that reads as a
                # clause or description ("none at all", "see the header") are no names.
                statements = is_statement_table(block)
                heads = block.header if statements else block.header[1:]
                if rows_named_by_first_column(block):
                    # Code or numbers down the first column: one thing per row, and a common word over a
                    # column is its property ("Default"), no thing; a head written as a name ("Mercurial")
                    # still is.
                    heads = [h for h in heads if written_as_name(h)]
                terms = [
                    c
                    for row in block.rows
                    if not statements and not is_property_row(row[0]) and not is_value_row(row)
                    for c in row[1:]
                    if _looks_like_name(c) and not value_cell(c)  # "5" and "yes" are values, no names
                ]
                spelt = self._spelt_rows(block)
                for cell in heads + terms:
                    if cell.strip() and cell not in spelt and not self._acronyms(cell):
                        self.registry.get_or_mint(cell)
        self._code_names(code)
        # "Apache Kafka" then "Kafka", "Ivo Brandt" then "Ivo": one concept, before any sentence is read.
        merge_shortened_names(self.registry, texts_of(blocks))
        merge_given_names(self.registry, texts_of(blocks))

    def _code_names(self, spans: list[tuple[Span, str]]) -> None:
        """Register what a note writes as code (a command, an option, a header, a path) as names.

        "The `systemctl enable` command makes ...": the span is one name, read whole ("systemctl enable", not
        "systemctl" and a verb); followed by a noun that says what it is ("`Retry-After`
        header"), the name is the phrase, and the span alone another name of it. A span whose words
        are all dictionary words alone ("`Restart`", "`Requires=`") is kept only before such a noun: as a
        name of its own it would match the word wherever the text uses it ("restarts", "requires").
        Spans of more than ``CODE_NAME_WORDS`` words (a command line with its arguments) or with no letter
        (an amount: "`429`") name nothing; a synopsis's placeholders are no part of the name ("`git checkout
        <branch>`" names "git checkout").
        """
        names = [(without_placeholders(span.text), span, text) for span, text in spans]  # "git checkout <branch>"
        kinds = [(name, _kind_after(text, span.end)) for name, span, text in names if _code_name(name)]
        for name, kind in kinds:  # the phrases first: a bare span written before its phrase is the same thing
            if kind is not None:
                concept = self.registry.get_or_mint(f"{name} {kind}")
                if _bare_code_name(name):
                    self.registry.add_alias(concept, name)
                self.code_names.add(concept.iri)
        for name, kind in kinds:
            if kind is None and _bare_code_name(name):
                self.code_names.add(self.registry.get_or_mint(name).iri)

    def _heading_names(self, text: str) -> None:
        pair = VERSUS_RE.match(text)
        named = LEAD_IN_RE.match(text) if pair is None else None
        if named is not None:
            # "EFS: Elastic File System": a short form and the name it spells name one thing, the heading's.
            a, b = named.group(1).strip(), named.group(2).strip()
            for short, long_form in ((a, b), (b, a)):
                if " " not in short and (spells(short, long_form) or _initials_kept(short, long_form)):
                    self._short_form(long_form, short)
                    return
        parts = [pair.group(1), pair.group(2)] if pair else [text]
        for part in parts:
            if self._acronyms(part):
                continue
            words = part.split()
            if _joins_things(words):
                continue  # "Heating and water" names two things, neither of them the whole heading
            if words and not is_verb_only(words[0]) and len(words) <= 5 and not part.rstrip().endswith("?"):
                self.registry.get_or_mint(part)

    def _acronyms(self, text: str) -> list[Concept]:
        """Register short forms with their long names: the long name is a concept, the short form its acronym.

        "Long Name (LN)", "LN (Long Name)", "LN = Long Name", "LN stands for Long Name", "LN, short for long
        name", "the LN, the long name", "long name, or LN," and "publish/subscribe (pub/sub)"; a short form is given
        only to a name whose words its letters spell (see :mod:`kg.ingest.shortforms`).
        """
        found = []
        for match in SHORT_AFTER_RE.finditer(text):
            acronym = match.group(1)
            before = text[: match.start()]
            long_form = spelled_suffix(before, acronym, self.lexicon.brands)
            if long_form is None and (any(c.isdigit() for c in acronym) or len(acronym.rstrip("s")) < 3):
                # "Elastic Compute Cloud (EC2)" (a digit counts a letter twice), "Amazon Simple Storage
                # Service (S3)": initials matched leniently, or the capitalised words just before.
                long_form = _long_form(before, acronym, self.lexicon.brands)
            if long_form is None:
                long_form = compressed_word(before, acronym)  # "setuid (SUID)"
            if long_form is None:
                long_form = spelt_run(before, acronym)  # "Harbour Dues Online (HDOL)"
            if long_form is None:
                long_form = kept_suffix(before, acronym)  # "retransmission timeout (RTO)"
            if long_form is None:
                # "Customer Gateway (CGW)": no initials to match; the known name just before takes the
                # short form if its letters may abbreviate it ("queue (DLQ)" gives DLQ to nothing).
                tokens = tokenize(before)
                mentions = self.registry.mentions(tokens)
                if mentions and mentions[-1].end == len(tokens):
                    spoken = before[tokens[mentions[-1].start].start :]
                    if abbreviates(acronym, spoken):
                        self.registry.add_alias(mentions[-1].concept, acronym, acronym=True)
                        found.append(mentions[-1].concept)
                continue
            found.append(self._short_form(long_form, acronym))
        for match in SHORT_BEFORE_RE.finditer(text):
            long_form, noun = match.group(3).strip(), match.group(2)
            # "QA DSS (...)" in two words, or, when they do not spell it, "DSS" alone.
            for short in dict.fromkeys((match.group(1), match.group(1).split()[-1])):
                # "NFS (Network File System)"; "DAX (DynamoDB Accelerator)": a proper name whose words'
                # initials the short form keeps in order (a letter for effect, the X, aside); "PVK
                # (polyvinyl kilning)": a letter of a word's inside. A short form before a noun ("the MSR
                # sheet (master stock ...)") must spell the name: the parenthesis may gloss the noun.
                if spells(short, long_form) or (
                    noun is None and (_initials_kept(short, long_form) or keeps_letters(short, long_form))
                ):
                    found.append(self._short_form(long_form, short))
                    break
        for match in [*SHORT_EQUALS_RE.finditer(text), *SHORT_DASHED_RE.finditer(text)]:
            long_form = match.group(2).strip()
            if spells(match.group(1), long_form) or _initials_kept(match.group(1), long_form):
                found.append(self._short_form(long_form, match.group(1)))
        glossed = [*SHORT_GLOSSED_RE.finditer(text), *SHORT_APPOSED_RE.finditer(text)]
        for match in [*SHORT_SAID_RE.finditer(text), *glossed]:
            long_form = said_long_form(match.group(1), match.group(2))
            # "WEEE stands for Waste ...", "GSV, short for gross ...", "the OMS, the order management server"
            if long_form is not None:
                found.append(self._short_form(long_form, match.group(1)))
        for match in SHORT_OR_RE.finditer(text):
            # "a tension grade, or TG, ...": only words the letters spell, or one word that keeps them in order; an
            # "or" may offer anything else ("the east gate, or GATE B").
            before = text[: match.start()]
            long_form = spelled_suffix(before, match.group(1)) or compressed_word(before, match.group(1))
            if long_form is not None:
                found.append(self._short_form(long_form, match.group(1)))
        for match in CLIPPED_RE.finditer(text):
            long_form = clipped_suffix(text[: match.start()], match.group(1))
            if long_form is not None:  # "publish/subscribe (pub/sub)"
                found.append(self._short_form(long_form, match.group(1)))
        for match in BLEND_RE.finditer(text):
            long_form = blended_suffix(text[: match.start()], match.group(1))
            if long_form is not None:  # "regular expression (regex)"
                found.append(self._short_form(long_form, match.group(1)))
        for match in UNIT_SYMBOL_RE.finditer(text):
            long_form = unit_suffix(text[: match.start()], match.group(1))
            if long_form is not None:  # "a 10-kilowatt (kW) heater"
                found.append(self._short_form(long_form, match.group(1)))
        return found

    def _spelt_rows(self, block: Block) -> set[str]:
        """Give each row named by a short form ("SOA") the long form a cell of its spells out ("Start of
        Authority — zone's metadata"), as "Start of Authority (SOA)" would; return the cells read so.

        The long form is the cell's words up to a dash, bracket, comma or semicolon, and the row's name must
        spell it (``spells``), keep its initials in order (``_initials_kept``) or hold its letters in order
        within a capitalised name ("Mail Exchanger" for "MX", ``spelt_in_order``): a cell that merely
        describes the row ("IPv4 address" of "A") gives nothing, nor does one word ("Store" for "STOR": a
        command described by its verb, which would make the verb a name wherever the notes use it).
        """
        read = set()
        for row in block.rows:
            short = re.sub(r"[*`_]", "", row[0]).strip()
            if not SHORT_FORM_CELL_RE.fullmatch(short):
                continue
            for cell in row[1:]:
                long_form = CELL_LEAD_RE.split(re.sub(r"[*`_]", "", cell), maxsplit=1)[0].strip()
                if spells(short, long_form) or _initials_kept(short, long_form) or spelt_in_order(short, long_form):
                    self._short_form(long_form, short)
                    read.add(cell)
                    break
        return read

    def _short_form(self, long_form: str, short: str) -> Concept:
        """Name the concept ``long_form`` (minting it if new) with ``short`` as its acronym.

        A concept named so far only by the short form (a table cell "WEEE" before the sentence that spells it
        out) is the same thing: it takes the long form as its label, or joins the concept that has it.
        """
        short = short.rstrip("s") if short.endswith("s") and short[:-1].isupper() else short
        bare, named = self.registry.lookup(short), self.registry.lookup(long_form)
        if bare is not None and bare.label == short and not bare.known and bare is not named:
            if named is None:
                self.registry.rename(bare, long_form)
                return bare
            self.registry.merge(named, bare)
        concept = self.registry.get_or_mint(long_form)
        self.registry.add_alias(concept, short, True)
        return concept

    def _bold_name(self, text: str, determined: bool = False) -> None:
        """A bold noun phrase names a concept; "X called Y" names Y with X as another name.

        ``determined``: an article or a determiner stands right before it ("runs a **restore drill**"), so
        it is a noun phrase even when its first word is only ever a verb ("restore", "launch").
        """
        lead = _lead_match(text.strip().rstrip("."))
        if lead is not None and len(text.split()) <= 8:
            # "**Librarian – Sunita Kaur.**": a bold item's label and what it says of it, each its own name; the
            # label's capital is the item's first letter ("the librarian" is what a reader says).
            for part in (lead.group(1), lead.group(2)):
                self._bold_name(part.strip().rstrip(".;,"), determined)
            label = lead.group(1).strip()
            named = self.registry.lookup(label)
            if named is not None:
                self._lowercase_alias(named, label)
            return
        called = re.match(r"^(.+?)\s+(?:called|named|known as)\s+(.+)$", text)
        if called:
            concept = self.registry.get_or_mint(called.group(2))
            cls = self.lexicon.class_for(called.group(1))
            if cls is not None:
                concept.types.add(cls)
            return
        if self._acronyms(text):
            return
        # "**Bisque firing (first firing)**": an aside in brackets after the name says what it is or does,
        # and is no part of the name a sentence uses ("Bisque firing hardens the clay").
        text = ASIDE_AFTER_RE.sub("", text)
        if not _looks_like_name(text, determined):
            return
        # "**three glazing kilns**": the count is how many, not part of the name (a kind of kiln).
        words = text.split()
        if len(words) > 1 and words[0].lower() in COUNT_WORDS:
            text = " ".join(words[1:])
        concept = self.registry.get_or_mint(text)
        code = CODE_TITLE_RE.match(text)
        if code is not None and self.registry.lookup(code.group(1)) is None:
            # "**429 Too Many Requests**": the code alone names it too ("a 429").
            self.registry.add_alias(concept, code.group(1))

    def _name_run(self, text: str) -> None:
        """Register a run of capitalised words ("Amazon Simple Storage Service") as a name."""
        words = text.split()
        while words and words[0].lower() in STOPWORDS:
            words = words[1:]  # "The AMI", "In AWS": a sentence's first word is capitalised anyway
        if len(words) >= 2 and self.registry.lookup(" ".join(words)) is None:
            self.registry.get_or_mint(" ".join(words))

    def _item_name(self, text: str) -> None:
        # "the staging area" names the staging area; "Top vent — releases steam", the top vent.
        name = _without_article((item_label(text) or text).strip().rstrip(".;,"))
        if self._acronyms(name) or len(name.split()) > 6 or not _looks_like_name(name):
            return
        self.registry.get_or_mint(name)

    # -- between the passes: parse every sentence at once, names whole ----------------------------
    def parse(self, blocks: list[Block]) -> None:
        """Parse the document's sentences in one batch (spaCy's ``pipe``), the collected names whole."""
        # A table of contents is read for no facts; the headings it names still count as named in the text.
        for block in blocks:
            if block.navigation:
                self._name_spans(block.text)
        blocks = [b for b in blocks if not b.navigation]
        sentences = list(dict.fromkeys(
            sentence for block in blocks for text in sentence_texts(block) for _, sentence in split_sentences(text)
        ))  # fmt: skip
        if not sentences:
            return
        for block in blocks:
            if block.kind == "item":
                first = next(iter(split_sentences(block.text)), None)
                lead = self._lead_in(first[1]) if first else None
                if lead is not None:
                    self.leads[first[1]] = lead[0]
        self._parent_items = {block.parent for block in blocks if block.kind == "item" and block.parent}
        for block in blocks:
            if block.kind == "item":
                self._item_parents.setdefault(block.text, block.parent)
                if block.parent:
                    self._children.setdefault(block.parent, []).append(block.text)
        # A lead-in's sentence is parsed without its lead: "Stateful, operate at the instance level";
        # "X: Connect two networks" says what X does, so its verb gets X for subject.
        texts = [_lead_body(s) if s in self.leads else s for s in sentences]
        # What a lead does after its role stands where only what is said of the lead can.
        deeds = {
            text
            for s, text in zip(sentences, texts, strict=True)
            if s in self.leads and (m := _lead_match(s)) is not None and _role_deeds(m.group(2))
        }
        bold = _bold_phrases(blocks)
        self.parsed = parse_sentences(
            load_parser(),
            texts,
            self._name_spans,
            predicates=self._cell_predicates(blocks) | deeds,
            described=predicate_items(blocks),
            emphasis=lambda text: bold.get(text, ()),
            tasks=task_cells(blocks),
        )
        self.sentence_index = {sentence: i for i, sentence in enumerate(sentences)}
        self._glossary(blocks)
        # "supports" over "redis" and "memcached": each item finishes its parent's clause.
        for block in blocks:
            if block.kind == "item" and block.parent and self._waits_for_object(block.parent):
                opening = block.parent.strip().rstrip(":")
                for n, (_, text) in enumerate(split_sentences(block.text)):
                    lead = LEAD_IN_RE.match(text)
                    if len(text.split()) <= 4:
                        self._continuations[(block.parent, text)] = f"{opening} {text.strip()}"
                        self._continued_from[f"{opening} {text.strip()}"] = (block.parent, text)
                    elif n == 0 and lead is not None and _looks_like_name(_without_article(lead.group(1), True)):
                        # "A Public AMI: AWS provided" under "launch instances from:": the lead finishes the
                        # clause, and the item's own text is still read as what it says of the lead.
                        self._completions[(block.parent, text)] = f"{opening} {lead.group(1).strip()}"
        if self._continuations or self._completions:
            texts = list(dict.fromkeys([*self._continuations.values(), *self._completions.values()]))
            docs = parse_sentences(load_parser(), texts, self._name_spans, processes=1)
            self._continued_docs = dict(zip(texts, docs, strict=True))

    def _glossary(self, blocks: list[Block]) -> None:
        """Read the items of a glossary as terms with their descriptions: "warden (w): the person who ...".

        A list whose items (two or more under one parent or introduction) each open with a short noun
        phrase (or a name the note knows, "`CMD`"), perhaps with a short form in brackets, then a colon or a
        spaced dash and a noun phrase that describes it, is a glossary, whatever the case of its terms: each
        item defines its term, and what the
        description says is said of the term (as a lead-in's is, see :meth:`_lead_in`). An item
        whose text after the colon is a clause ("note: folders inherit nothing") defines nothing,
        nor does a lone item of that shape.
        """
        groups: dict[tuple, list[tuple[str, str, str]]] = {}
        for block in blocks:
            if block.kind != "item" or block.navigation:
                continue
            first = next(iter(split_sentences(block.text)), None)
            match = _lead_match(first[1]) if first is not None else None
            if match is None:
                continue
            # A lead that names a thing already ("`CMD` – the default command ...") is a term whatever its case.
            lead = self.leads.get(first[1])
            term = lead.label if lead is not None else glossary_term(match.group(1))
            if term is not None:
                key = (block.section, block.parent, block.intro)
                groups.setdefault(key, []).append((first[1], term, match.group(2).strip()))
        candidates = [c for found in groups.values() if len(found) > 1 for c in found]
        if not candidates:
            return
        bodies = list(dict.fromkeys(body for _, _, body in candidates))
        docs = dict(zip(bodies, parse_sentences(load_parser(), bodies, self._name_spans, processes=1), strict=True))
        for found in groups.values():
            described = [(s, t, docs[b]) for s, t, b in found if len(found) > 1 and describes(docs[b])]
            if len(described) < 2:
                continue
            for sentence, term, doc in described:
                self.leads[sentence] = self.registry.lookup(term) or self.registry.get_or_mint(term)
                doc.user_data["describes_topic"] = True  # what its relative clauses say is said of the term
                self._lead_docs[sentence] = doc

    @staticmethod
    def _cell_predicates(blocks: list[Block]) -> frozenset[str]:
        """Return the table cells whose first word is read as a verb: "Supports allow rules only".

        A statement table's cell is said of its column's thing (a clause cell of another table, of its
        row's: ``clause_cells``), so a first word that may be a plural
        noun or a verb's -s form is its verb, unless the note uses that word (or its singular) anywhere
        but at the start of a sentence: "Rules include X" where the note speaks of rules elsewhere.
        """
        cells = [
            sentence
            for block in blocks
            if block.kind == "table"
            for cell in (
                [cell for row in block.rows for cell in row]
                if is_statement_table(block)
                else [cell for _, cell in clause_cells(block)]
            )
            for _, sentence in split_sentences(cell)
        ]
        if not cells:
            return frozenset()
        used = Counter(
            noun_key(t.text.lower())
            for block in blocks
            for text in sentence_texts(block)
            for _, sentence in split_sentences(text)
            for t in [t for t in tokenize(sentence) if t.is_word][1:]
        )
        return frozenset(c for c in cells if c.split() and not used[noun_key(c.split()[0].lower())])

    def _waits_for_object(self, parent: str) -> bool:
        """Tell a parent item that is an unfinished clause: a verb alone ("supports") or "similar to"."""
        words = parent.strip().rstrip(":").split()
        if parent.strip().endswith(":") and 1 < len(words) <= 20 and words[-1].lower() in OPEN_PREPOSITIONS:
            return True  # "You can launch EC2 instances from:": each item is where from
        if not words or len(words) > 3 or not words[-1].isalpha():
            return False
        if words[-1].lower() in OPEN_PREPOSITIONS:
            return True
        i = self.sentence_index.get(parent.strip())
        doc = self.parsed[i] if i is not None and len(words) == 1 else None
        root = root_of(doc) if doc is not None else None
        # The verb is the parse's root and has no object: "supports", not "options" (a noun).
        if root is None or root.pos_ != "VERB" or root.tag_ != "VBZ" or "VERB" not in getAllLemmas(root.lower_):
            return False
        return not any(c.dep_ == "dobj" for c in root.children)

    def _completed(self, continued: tuple[str, str], topic: Concept, opened: list[OpenFact]) -> list[OpenFact]:
        """Return the fact an item that only names a thing completes, when the parse of the whole missed it.

        "supports" over "memcached": the tagger may read the lowercase name as a verb ("supports
        memcached" with no object), yet the item is the object of its parent's verb all the same.
        """
        parent, item = continued
        if not self._names_a_thing(item):
            return []
        target = self._resolve(re.sub(r"\s*\([^)]*\)", "", item).strip(), True)
        if target is None or target.iri == topic.iri or any(f.object is target for f in opened):
            return []
        i = self.sentence_index.get(parent.strip())
        doc = self.parsed[i] if i is not None else None
        return self.open_reader.completion(doc, topic, target) if doc is not None else []

    def _continued(self, block: Block, sentence: str) -> str:
        """Return an item's sentence as the end of its parent's unfinished clause, if the parent is one.

        A parent item of a verb alone ("supports") or a phrase ending in a preposition ("similar to")
        waits for its object: each short item under it ("redis", "memcached") completes it, and is
        read as "supports redis".
        """
        if block.kind != "item" or not block.parent:
            return sentence
        return self._continuations.get((block.parent, sentence), sentence)

    def _lead_in(self, sentence: str) -> tuple[Concept, str] | None:
        """Return the thing an item's lead-in names and what follows it: "NACL: Stateless, ..." gives NACL.

        The lead must name a thing the document names elsewhere too (a heading, a bold phrase, a run of
        capitalised words, an acronym), so that labels such as "Example:" or "Use case:" stay labels.
        """
        match = _lead_match(sentence)
        if match is None:
            return None
        concept = self._named(match.group(1))
        if concept is None and _coined(match.group(1)):
            concept = self.registry.get_or_mint(match.group(1).strip())  # "Zorbex: ...": a product's name
        split = bracketed_name(re.sub(r"[*_`]", "", match.group(1))) if concept is not None else None
        if split is not None and split[2]:
            # 'Room 3 ("the cupboard") – ...': the quoted term in brackets is another name of the lead's thing.
            self._bracketed_alias(concept, *split)
        return (concept, match.group(2)) if concept is not None else None

    def _named(self, text: str) -> Concept | None:
        """Return the concept a short label names: its own name, or one name every mention in it shares."""
        label = re.sub(r"\([^)]*\)", " ", text).strip(" *:-")
        words = label.split()
        if not words or len(words) > 6:
            return None
        while words and words[0].lower() in ARTICLES:
            words = words[1:]
        found = self.registry.lookup(" ".join(words)) if words else None
        if found is not None:
            return found
        mentions = self.registry.mentions(tokenize(text))
        distinct = {m.concept.iri: m.concept for m in mentions}
        covered = sum(m.end - m.start for m in mentions)
        if len(distinct) == 1 and covered * 2 >= len([t for t in tokenize(text) if t.is_word]):
            return next(iter(distinct.values()))  # "VPC -Virtual Private Cloud", "NACL (Network ACL)"
        return None

    def close(self) -> None:
        """End the parse: a worker parsing a long document is joined (or ended, if reading failed)."""
        if isinstance(self.parsed, ParseStream):
            self.parsed.close()

    def _name_spans(self, text: str) -> list[tuple[int, int]]:
        """Return the character spans of the known names in ``text``, each to be parsed as one token.

        A title right before a name ("Dr. Imogen Reyes") is merged with it: left alone, the parser makes
        the title the noun and the name its modifier. ``_resolve`` reads the name without the title.
        """
        tokens = tokenize(text)
        mentions = self.registry.mentions(tokens)
        self.mentioned.update(m.concept.iri for m in mentions)
        spans = []
        for m in mentions:
            start = m.start
            if start >= 2 and tokens[start - 2].text in TITLES and tokens[start - 1].text == ".":
                start -= 2
            spans.append((tokens[start].start, tokens[m.end - 1].end))
        return spans

    def _heading_topic(self, block: Block, following: Block | None = None) -> Concept | None:
        """Return what a section is about: the thing its heading names, if the text ever names it too.

        A heading the sentences never mention ("Introduction", "VPC Summary") labels a part of the
        document rather than naming a thing (unless it names a kind, "Block storage", or is a coined
        name the section describes, see ``_coined_here``); its section is about what the enclosing
        section is about.
        """
        self.topics = {level: c for level, c in self.topics.items() if level < block.level}
        named = self.registry.mentions(tokenize(block.text))
        distinct = {m.concept.iri: m.concept for m in named}  # "Long Name (LN)" names one thing twice
        # A heading that joins two things ("Remotes and tracking branches") is about both, not the one it
        # happens to name, nor the one its words spell with the joining word left out ("remote tracking branch").
        joined = _joins_things(block.text.split())
        named_as = _without_article(block.text)
        own = None if joined else self.registry.lookup(named_as)
        own = own or (next(iter(distinct.values())) if len(distinct) == 1 and not joined else None)
        coined = _coined(block.text) and self._coined_here(block.text, following)
        self._heads_topic = False
        if own is not None and (own.iri in self.mentioned or is_category_heading(block.text) or coined):
            self.topics[block.level] = own
            # "# Harl Boats: crib notes for the desk" names the company among words about the note:
            # its first sentence may be about the note. Only a heading that is the name heads its section.
            tokens = tokenize(block.text)
            inside = {i for m in named if m.concept is own for i in range(m.start, m.end)}
            self._heads_topic = self.registry.lookup(named_as) is own or all(
                i in inside or not t.is_word or t.text in own.acronyms for i, t in enumerate(tokens)
            )
            return own
        return self.topics[max(self.topics)] if self.topics else None

    def _coined_here(self, heading: str, following: Block | None) -> bool:
        """Tell whether a heading of one lowercase word no dictionary knows is a term the section describes.

        A tool's name ("## graftkit") heads the bullets that say what it is: the first one under it is
        a noun phrase ("command-line planner for ...") that says what the word names. A word used as a
        label ("## stuff", a note's own shorthand) heads items that each say something of their own
        ("keys are in the drawer", "mend the fence"). A capitalised coined name ("## Zorbex") names
        a thing either way.
        """
        if heading != heading.lower():
            return True
        if following is None or following.kind not in ("item", "paragraph"):
            return False
        first = next(iter(split_sentences(following.text)), None)
        i = self.sentence_index.get(first[1].strip()) if first is not None else None
        doc = self.parsed[i] if i is not None else None
        if doc is None:
            return False
        return any(t.dep_ == "ROOT" and t.pos_ in ("NOUN", "PROPN") for t in doc)

    def _frames_topic(self, doc, tokens, mentions) -> bool:
        """Tell whether the section's concept is named in a phrase set before the main clause's subject.

        "With write-back caching, the controller ..." says what happens under the concept; a sentence
        that names it only inside what it says of another ("... until the sweeper frees the space") does
        not. The doc must be the sentence as written (no subject supplied to a fragment).
        """
        if doc is None or doc.user_data.get("implicit_subject", False):
            return False
        subject = main_subject(doc)
        if subject is None:
            return False
        before = doc[subject.left_edge.i].idx
        return any(m.concept is self.topic and tokens[m.start].start < before for m in mentions)

    def _said_of_other(self, doc) -> bool:
        """Tell whether a sentence's main clause has a subject of its own that is not the section's concept.

        "Some characters can be written in more than one way" first under "Normalization" says nothing of
        what normalization is; nor does "The drip-feed scheduler queues ..." under "Schedulers" (a kind,
        not the heading's concept). A fragment ("Runs code without servers") or a pronoun subject ("It
        ...") is said of the heading's concept; a clause as the subject ("Walking the table costs ...")
        speaks of an activity, not of it.
        """
        root = root_of(doc)
        if root is not None and any(c.dep_ in ("csubj", "csubjpass") for c in root.children):
            return True
        subject = main_subject(doc)
        if subject is not None and subject.pos_ == "PRON":
            return self._earlier_antecedent(subject)
        if subject is None or doc.user_data.get("implicit_subject", False):
            return False
        words = [t for t in doc[subject.left_edge.i : subject.i + 1] if t.dep_ not in ("det", "poss", "punct")]
        if not words:
            return False
        return self._names_other(" ".join(t.text for t in words))

    def _names_other(self, text: str) -> bool:
        """Tell whether a subject's words name something other than the section's concept: by the name
        itself ("drip-feed scheduler" is no "scheduler"), else by their words."""
        named = self.registry.lookup(text)
        if named is not None:
            return named is not self.topic
        return name_key(text) != name_key(self.topic.label)

    def _earlier_antecedent(self, pronoun) -> bool:
        """Tell whether a subject pronoun stands for the subject of an earlier clause of its own sentence,
        one that agrees with it in number and is not the section's concept.

        "Expired slices are not purged at once: they wait ..." (the parser makes the second clause the
        main one): "they" are the slices, so the sentence says nothing of what the heading's concept is.
        """
        if pronoun.lower_ not in ("it", "they"):
            return False
        plural = pronoun.lower_ == "they"
        for noun in pronoun.doc[: pronoun.i]:
            if noun.dep_ not in ("nsubj", "nsubjpass") or noun.pos_ not in ("NOUN", "PROPN"):
                continue
            if (noun.tag_ in ("NNS", "NNPS")) != plural:
                continue
            text = " ".join(t.text for t in noun.subtree if t.dep_ not in ("det", "poss", "punct") and t.i <= noun.i)
            if self._names_other(text):
                return True
        return False

    def _resolve(self, text: str, may_mint: bool) -> Concept | None:
        """Return the concept a noun phrase names: a known name, the name it ends with, or a new one."""
        tokens = tokenize(text)
        if len(tokens) > 2 and tokens[0].text in TITLES and tokens[1].text == ".":
            person = self._resolve(text[tokens[2].start :], may_mint)  # "Dr. Reyes": the person, not the title
            if person is not None and not person.known:
                person.titled = True
            return person
        words = [t for t in tokens if t.is_word]
        if not words:
            return None
        # Mentions resolve a bare generic name as a reader would ("an image" after the AMI is introduced).
        mentions = self.registry.mentions(tokens)
        if mentions and mentions[-1].end == len(tokens) and mentions[-1].start == 0:
            self.registry.seen_as(mentions[-1].concept, " ".join(t.text for t in words))
            return mentions[-1].concept
        whole = mentions and mentions[0].start == 0 and mentions[-1].end == len(tokens)
        if (
            whole
            and len({m.concept.iri for m in mentions}) == 1
            and sum(m.end - m.start for m in mentions) == len(words)
        ):
            return mentions[0].concept  # "dead-letter queue (DLQ)": one thing named twice
        if (
            len(mentions) == 2
            and mentions[0].start == 0
            and mentions[0].end == mentions[1].start
            and mentions[1].end == len(tokens)
            and mentions[1].concept.iri in self.lexicon.class_iris
        ):
            return mentions[0].concept  # "the stop action": a class noun after a name says what the name is
        if all(w.lower in GENERIC_NOUNS for w in words):
            return None  # "folds things like ligatures": "things" stands for anything, as a pronoun would
        found = self.registry.lookup(text)
        if found is not None:
            return found
        if len(words) == 1 and words[0].lower in self.lexicon.brands:
            return None  # a brand alone ("AWS") is the setting of everything the note says, not a thing in it
        if len(words) == 1 and words[0].text.islower():
            named = self.registry.named_kind(words[0].text)  # "an image" after "Acme Machine Image"
            if named is not None:
                return named
        if may_mint and len(words) > 1 and re.fullmatch(r"\d+(?:\.\d+)?-[A-Za-z]+", words[0].text):
            if len(words) > 2:
                # "9-frame radial extractor": a measure glued to its unit says the thing's size; the rest names it
                return self._resolve(text[words[1].start :], may_mint)
            # "the 4-berth cabins": the measure is what tells this kind of cabin from the others
            return self.registry.get_or_mint(" ".join(t.text for t in words))
        if not may_mint or len(words) > 4 or words[0].text[0].isdigit():
            return mentions[-1].concept if mentions and mentions[-1].end == len(tokens) else None
        return self.registry.get_or_mint(" ".join(t.text for t in words))

    # -- pass 2: facts -----------------------------------------------------------------------------
    def read(self, blocks: list[Block]) -> None:
        ctx = Context()
        for at, block in enumerate(blocks):
            section = " > ".join(block.section)
            if block.kind == "heading":
                ctx = Context()
                self.topic = self._heading_topic(block, blocks[at + 1] if at + 1 < len(blocks) else None)
                self.last_open = Antecedent()
                self._first_in_section = True
                self._enter_heading(block, section)
                pair = VERSUS_RE.match(block.text)
                if pair:
                    a, b = self.registry.lookup(pair.group(1)), self.registry.lookup(pair.group(2))
                    ctx.compared = (a, b) if a and b else None
                for m in self.registry.mentions(tokenize(block.text)):
                    self.registry.touch(m.concept)
                    self.used.add(m.concept.iri)
            elif block.kind in ("paragraph", "item") and not block.navigation:
                self._sentence_facts = 0  # a list item's membership counts as its sentence's fact
                if block.kind == "item" and block.intro:
                    self._list_item(block, section)
                elif block.kind == "item" and counts_its_items(block.parent):
                    self._list_item(block, section, intro=block.parent)  # "splits into 3 parts" over each part
                if block.kind == "item" and block.parent:
                    self._label_member(block, block.text.strip(), section)
                self._previous = None
                for _, sentence in split_sentences(block.text):
                    self._sentence(self._continued(block, sentence), section, ctx, block)
                    self._previous = sentence
                    completion = self._completions.get((block.parent, sentence)) if block.parent else None
                    if completion is not None:
                        self._sentence(completion, section, ctx, Block("item", block.section, block.line, completion))
            elif block.kind == "table":
                self._table(block, section)
        self._variants()
        self._own_kind_heads()
        self.registry.to_graph(self.graph, self.used)

    def _variants(self) -> None:
        """Type a name "<N> for <Q>" by the name N it opens with, when the note knows N.

        "Amazon FSx for Lustre" is an Amazon FSx: the phrase's head is its first name, and "for Lustre"
        says which one. Only names on both sides (capitalised), so "support for IPv6" is no support.
        """
        for iri in sorted(self.used):
            concept = self.registry.concepts.get(iri)
            match = VARIANT_RE.match(concept.label) if concept is not None and not concept.known else None
            if match is None:
                continue
            base = self.registry.lookup(match.group(1))
            if base is None or base.iri == iri or base.known or base.iri in concept.types:
                continue
            concept.types.add(base.iri)
            self.used.add(base.iri)
            self._emit(Fact(iri, RDF.type, base.iri, "name"), "", concept.label)

    def _own_kind_heads(self) -> None:
        """Type a name by a kind the note itself set up when the name's last words name that kind.

        The vocabulary's classes type a name by its head ("Acme Widget Store" is a store, see
        ``Lexicon.head_class``); a kind the note makes for itself counts the same. A note that has a
        section "Widget stores", or lists "three types of widget stores", makes "widget store" a kind,
        and then "Acme Widget Store" is one, whether or not the vocabulary has a class for it. A kind
        is a minted concept the note uses as a class: a category heading, or the type of some other
        concept. The longest such tail wins; a name that is itself a kind is left alone (it is a
        narrower kind, not a member).

        The head of a name is before its first preposition: "shelf of a widget store" is a shelf, not
        a store. Like a vocabulary class's, the type is the concept's own (written with its names), not a
        statement: no sentence of the note says it, so none is quoted for it, and no sentence becomes one
        about the kind because it happens to name a member.

        The kind the note's title names counts too ("Acme Widget" in a note on widgets is a widget): what
        a member inherits of its kind quotes the sentence about the kind, and the sentence answerer does
        not take that sentence for one about the member (``kg.sentence_answer``).
        """
        concepts = self.registry.concepts
        kinds = {s for s in self.graph.subjects(RDF.type, OWL.Class) if s in concepts}
        kinds.update(t for c in concepts.values() for t in c.types if t in concepts and t != c.iri)
        kinds = {k for k in kinds if not concepts[k].known}
        for iri in sorted(self.used):
            concept = concepts.get(iri)
            if concept is None or concept.known or iri in kinds:
                continue
            words = name_key(concept.label).split()
            if {"and", "or"} & set(words):
                continue  # "red and green widget": the tail names one of two, not the thing
            cut = next((i for i, w in enumerate(words) if w in PREPOSITIONS), len(words))
            words = words[:cut]
            for start in range(1, len(words)):
                kind = self.registry.lookup(" ".join(words[start:]))
                if kind is None or kind.iri not in kinds or kind.iri == iri:
                    continue
                concept.types.add(kind.iri)
                self.used.add(kind.iri)
                break

    def _sentence(self, sentence: str, section: str, ctx: Context, block: Block) -> None:
        tokens = tokenize(sentence)
        bold = [(s.start, s.end) for s in block.bold]
        offset = block.text.find(sentence)
        mentions = self.registry.mentions(tokens)
        i = self.sentence_index.get(sentence)
        doc = self.parsed[i] if i is not None else self._continued_docs.get(sentence)
        passive = passive_participles(doc) if doc is not None else frozenset()
        # "The **lid** is sealed by hand" introduces the lid by what is done to it, not by what it is.
        done_to = doc is not None and any(t.dep_ == "ROOT" and t.lower_ in passive for t in doc)
        # The bold phrases of this sentence: one alone is the term the sentence introduces.
        own_bold = [(b0, b1) for b0, b1 in bold if offset <= b0 and b1 <= offset + len(sentence)] if offset >= 0 else []
        for m in mentions:
            self.used.add(m.concept.iri)
            # A sentence that introduces a name in bold or with its acronym describes it.
            begin, finish = offset + tokens[m.start].start, offset + tokens[m.end - 1].end
            in_bold = any(b0 <= begin and finish <= b1 for b0, b1 in bold)
            # The term's own bold span, and what follows it: a colon explains that term whatever else the
            # sentence sets in bold ("runs a **drill**: she picks ... called **X**"); a comma only a lone one.
            span = next(((b0, b1) for b0, b1 in own_bold if b0 <= begin and finish <= b1), None)
            follows = block.text[span[1] :].lstrip()[:1] if span is not None else ""
            explained = follows == ":" or (follows == "," and len(own_bold) == 1)
            if explained and not m.concept.known and not sentence.rstrip().endswith(":"):
                # Whatever its grammar ("X is the **T**: ...", "judged by **T**, which means ...", "acts as a
                # **T**, forcing ..."), a sentence that sets a term in bold and goes on, after a colon or a
                # comma, to say more is where the note introduces it: the best account of the term when no
                # sentence says what it is ("made of many **T** wired together" only mentions it).
                m.concept.definitions.append((5, sentence, None))
            introduces = any(f"({a})" in sentence for a in m.concept.acronyms)
            said = [t for t in tokens[m.end :] if t.is_word and t.text not in m.concept.acronyms]
            if (
                (in_bold or introduces) and not m.concept.known and _about(tokens, m.start) and len(said) >= 3
                and not _names_another(tokens, m.end) and not done_to
            ):  # fmt: skip
                # A sentence that opens with the name it introduces says what it is; one that only
                # mentions it ("It allows you to provision X", "... offers two: X, Y") does not.
                m.concept.definitions.append((3, sentence, None))
                self._categorise(m.concept, section, sentence)
        # The first sentence under a concept's own heading defines it; a list's introduction only lists,
        # and a sentence that opens with another concept ("A broker is ..." under "Queues") says what
        # that one is.
        opening = self._first_in_section and not sentence.rstrip().endswith(":")
        first = opening and block.kind == "paragraph"
        other_subject = any(_about(tokens, m.start) and m.concept is not self.topic for m in mentions)
        other_subject = other_subject or (doc is not None and self.topic is not None and self._said_of_other(doc))
        if first and self._heads_topic and self.topic is not None and not self.topic.known:
            if not other_subject:
                self.topic.definitions.append((2, sentence, None))
            elif self._frames_topic(doc, tokens, mentions):
                # "With write-back caching, the controller acknowledges ..." first under "Write-back
                # caching": said of another, but under what the section's concept sets up, which shows
                # what it is; a sentence that says what it is outranks it.
                self.topic.definitions.append((4, sentence, None))
        self._first_in_section = False
        if doc is not None:
            self._define_named(doc, sentence)
        # A bullet is about what its lead-in ("NACL: ...") or the item it hangs under ("NACL" over
        # "Can have ALLOW and DENY rules") names, else the heading's concept: its "it" and "they" mean that.
        topic, defining = self._item_topic(block, sentence, opening)
        if defining and topic is not None:
            self._spelled_out(topic, sentence)
        # A bullet never inherits the subject of the bullet before it: each is said of its topic.
        previous = Antecedent(topic) if block.kind == "item" else self.last_open
        glossary = self._lead_docs.get(sentence)
        if glossary is not None and topic is not None:
            # "warden (w): the person who locks ...": the description after the term is what it is.
            doc = glossary
            self.used.add(topic.iri)
            topic.definitions.append((2, sentence, None))
        facts = self.reader.read(
            sentence,
            ctx,
            nominal=only_nominal(doc) if doc is not None else frozenset(),
            passive=passive,
        )
        opened = self.open_reader.read(doc, topic, previous, defining) if doc is not None else []
        if sentence in self._continued_from and topic is not None:
            opened += self._completed(self._continued_from[sentence], topic, opened)
        kinds = self._kinds_listed(sentence, topic) if topic is not None else []
        if kinds:  # "Types include A, B": the kinds replace what the parse read of "types"
            opened = [f for f in opened if f.subject.label.lower() not in KIND_NOUNS] + kinds
        led = self._kinds_led(sentence)
        if led:  # "Firing types: bisque (...), glaze (...)": a list, whatever the parse made of its names
            opened = led
        if sentence.rstrip().endswith(":"):  # a list's introduction: its objects are what the items name
            self._intro_facts[sentence] = [f for f in opened if f.rule == OBJECT_RULE and f.object is not None]
        last = doc[-1] if doc is not None and len(doc) else None
        if (
            defining
            and topic is not None
            and not opened
            and sentence.islower()
            and self._names_a_thing(sentence)
            and last.pos_ in ("NOUN", "PROPN")
        ):
            # "folding city bicycle" first under "## Velotrax": a lowercase noun phrase the tagger read as a
            # verb and its object is still what the note says its topic is.
            kind = self._resolve(sentence.strip(), True)
            if kind is not None and kind.iri != topic.iri:
                opened = [OpenFact(topic, "is a", "is a", kind, False, "open:fragment")]
        if not opened and not defining and topic is not None and doc is not None:
            opened = self._feature(block, sentence, topic, doc)
        if glossary is not None and not agrees_in_number(sentence, glossary):
            # "crew (c): members of the boat's team": a set described, not a kind the term is one of.
            opened = [f for f in opened if f.rule != "open:fragment"]
        if defining and topic is not None and not topic.known and any(f.rule == "open:fragment" for f in opened):
            # "relational db service" as the first bullet under "RDS", "NACL: a firewall ...": what it is.
            topic.definitions.append((2, sentence, None))
        compared = [f for f in opened if f.rule == COMPARISON_RULE]
        if doc is not None and any(t.lower_ == "than" for t in doc):
            # A comparison with "than" is read from the parse (the clause's subject against the object of
            # "than"); word positions would take any name after "than" for the other side, even one in the
            # next clause ("cheaper than queueing for a berth: Ola ...").
            opened = [f for f in opened if f.rule != COMPARISON_RULE]
            facts = [f for f in facts if not f.rule.startswith("comparison:")]
            facts += [Fact(f.subject.iri, KGO.moreThan, f.object.iri, f"comparison:{f.value}") for f in compared]
        # A quality the parse read negated ("X is not transitive") is never kept from word positions.
        denied = {f.value for f in opened if f.object is None and f.negated}
        facts = [f for f in facts if not (f.rule == "quality" and str(f.object) in denied)]
        if doc is not None:
            # Word positions take the name nearest the copula for its subject: "Move a snapshot to a
            # tier that is cheaper" would make the snapshot cheaper, "until it is consumed" the last
            # thing named consumed. Such a quality is kept only where the parse puts that name in the
            # subject of a copula or a passive.
            facts = [f for f in facts if f.rule != "quality" or self._named_in_subject(doc, f.subject)]
        if block.kind == "item" and doc is not None and block.text.strip().startswith(sentence.strip()):
            self._remember_opener(block, tokens, mentions, doc)
        if any(f.phrase != "is a" for f in opened):
            # The parse found the clause's own subject and objects: the ontology's phrases, matched by
            # position alone, only keep what the parse did not read (patterns, qualities, comparisons).
            facts = [f for f in facts if f.rule != "relation"]
            subject = self.open_reader.main_subject(doc)
            if subject is not None:
                self.last_open = subject
            elif not self.open_reader.stands_for_nothing(doc):
                # "They lent their first tools ..." after a sentence about the library: "they" are not the
                # library, and the tools are no subject; a later "it" still means the library.
                self.last_open = Antecedent(opened[0].subject)
        elif opened and doc is not None and (subject := self.open_reader.main_subject(doc)) is not None:
            # "The Corn Mill is a water mill. It grinds wheat.": a sentence that only says what its
            # subject is still makes it what the next sentence's "it" stands for (one that says nothing
            # of it, "The library used to open on Sundays", a habit that has stopped, does not).
            self.last_open = subject
        elif doc is not None and self.open_reader.speaker_subject(doc):
            # "We use Fastpost on Mondays. They are cheaper ...": a sentence of the writer's that states no fact
            # still says what a later "they" stands for, the thing it speaks of.
            self.last_open = self.open_reader.main_subject(doc) or self.last_open
        for fact in facts:
            self._emit(fact, section, sentence)
        for fact in opened:
            if fact.rule == CALLED_RULE and not fact.subject.known and not _opens_with_pronoun(doc):
                # "keeps a small cache called the **TLB**": the sentence says what the name means (one whose
                # subject is a pronoun, "It lets you run servers called X", means nothing read alone).
                fact.subject.definitions.append((1, sentence, None))
            elif fact.rule in ("open:apposition", IDENTITY_RULE) and fact.object is not None and not fact.subject.known:
                # "at Millbrook Fields, a site on Tanner Lane": what it is, though "X is a Y" says it better.
                fact.subject.definitions.append((2, sentence, None))
        defined = self._said_what_it_is(doc)
        if defined is not None and not defined.known:
            # "A heddle is the thin wire loop that holds one thread", wherever it stands in its section: a
            # sentence that opens with a name and says what it is defines it, whatever else its clause states.
            # A concept defined so is in the graph though nothing else is said of it ("The porter is the
            # person who carries things": "person" is no kind worth a fact).
            defined.definitions.append((2, sentence, None))
            self.used.add(defined.iri)
        for glossed in self._glossed(doc):
            # "Stale flour, meaning any sack older than a month, is ...": the sentence says what it means.
            if not glossed.known:
                glossed.definitions.append((2, sentence, None))
                self.used.add(glossed.iri)

        pairs = {frozenset((f.subject, f.object)) for f in facts}
        said = {(f.subject, f.predicate) for f in facts}
        # A relation named by verb and object together ("lose data in") is the ontology's, or nothing.
        phrased = [f for f in opened if f.rule == "open:phrase" and self._aligned(f.phrase) is not None]
        for fact in phrased:
            if frozenset((fact.subject.iri, fact.object.iri)) not in pairs:
                self._emit_open(fact, section, sentence)
            said.add((fact.subject.iri, self._aligned(fact.phrase)))
        for fact in [f for f in opened if f.rule != "open:phrase"]:
            if fact.object is None:
                self._emit_quality(fact, section, sentence)
                continue
            if frozenset((fact.subject.iri, fact.object.iri)) in pairs:
                continue  # the ontology's patterns already read this pair here
            if (fact.subject.iri, self._aligned(fact.phrase)) in said:
                continue  # ... or this relation of this subject
            self._emit_open(fact, section, sentence)
        self.report.sentence(sentence, self._sentence_facts)
        self._sentence_facts = 0
        self._sentence_node(sentence, section, self._context(block, sentence, doc))

    def _define_named(self, doc, sentence: str) -> None:
        """Define the name a naming verb gives (``naming``) by the sentence, or, when it names the statement
        before ("... This is called demand paging."), by both sentences: they say what it means, as
        "X is a Y" would."""
        named = naming(doc)
        if named is None:
            return
        name, statement = named
        mentions = self.registry.mentions(tokenize(name.text))  # "the **hit ratio**", "copy-on-write (COW)"
        concept = max(mentions, key=lambda m: m.end - m.start).concept if mentions else None
        if concept is None or concept.known or (statement and self._previous is None):
            return
        self.used.add(concept.iri)
        concept.definitions.append((1, f"{self._previous} {sentence}" if statement else sentence, None))

    def _said_what_it_is(self, doc) -> Concept | None:
        """Return the concept a parsed sentence opens with and equates with a noun phrase ("X is a/the N ..."),
        or None: its main clause is a copula, not denied, whose subject (only an article before it) names a
        concept and whose complement is a common noun, not an amount."""
        root = root_of(doc) if doc is not None else None
        if root is None:
            return None
        if root.lemma_ == "be":
            subject = main_subject(doc)
            if not self._equates(root, subject, 0):
                return None
            found = self.open_reader.main_subject(doc)
            return found.concept if found is not None else None
        meaning = self._said_what_it_means(doc)
        if meaning is not None:
            return meaning
        # "A is advertised by the peer, while B is the sender's own guess at ...": a clause set against the
        # main one says what its own subject is as a main clause would.
        for cop in doc:
            mark = next((c for c in cop.children if c.dep_ == "mark"), None)
            if cop.lemma_ != "be" or cop.dep_ != "advcl" or mark is None or mark.lower_ not in CONTRAST_MARKS:
                continue
            subject = next((c for c in cop.children if c.dep_ == "nsubj"), None)
            if self._equates(cop, subject, mark.i + 1):
                return self.open_reader.named_by(subject)
        return None

    def _said_what_it_means(self, doc) -> Concept | None:
        """Return the concept a parsed sentence opens with and says the meaning of ("Scumbling means rubbing
        a thin layer over ..."), or None: a verb of meaning (``MEANING_VERBS``), undenied, unhedged, with a
        complement, is the main clause's (or the clause's a colon ends: "X means Y: do this, then that"),
        and its subject (only an article before it) names a concept."""
        for verb in doc:
            if verb.lemma_ not in MEANING_VERBS or verb.pos_ not in ("VERB", "AUX") or verb.tag_ not in ("VBZ", "VBP"):
                continue
            before_colon = verb.dep_ == "ccomp" and any(t.text == ":" for t in doc[verb.i : verb.head.i])
            if verb.dep_ != "ROOT" and not before_colon:
                continue
            if any(c.dep_ in ("neg", "aux") for c in verb.children):
                return None  # "X does not mean ...", "X can mean ...": no meaning said outright
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subject is None or subject.pos_ == "PRON":
                return None
            if not all(t.lower_ in ARTICLES for t in doc[: subject.left_edge.i]):
                return None
            if not any(c.dep_ in ("dobj", "xcomp", "ccomp", "attr") for c in verb.children):
                return None
            return self.open_reader.named_by(subject)
        return None

    def _glossed(self, doc) -> list[Concept]:
        """Return the concepts a participle set off by a comma glosses with a verb of meaning ("X, meaning
        ...", "X, defined as ..."): the definition relation's own words in the ontology, not a list here; the
        name a naming verb gives its object ("We call such days *a stand-down*", ``_named_as``); and
        those a relative clause set off by a comma equates with a noun ("... sends it to Brae, which is the
        app that texts the rota": what Brae is, said in passing as "Brae is the app ..." would say it)."""
        found = []
        for noun in _glossed_by_that_is(doc) if doc is not None else ():
            # "count the float — that's the £50 in coins that stays in the till —": what the float is.
            concept = self.open_reader.named_by(noun)
            if concept is not None:
                found.append(concept)
        for verb in doc if doc is not None else ():
            term = _quoted_complement(verb)
            if term is not None:
                concept = self.open_reader.named_by(term)
                if concept is not None:
                    found.append(concept)
                continue
            named = _named_as(verb)
            if named is not None:
                # "We call these marks a scuff": the sentence says what a scuff is.
                words = " ".join(t.text for t in named.subtree if t.dep_ not in ("det", "punct"))
                concept = self.open_reader.named_by(named) or self._resolve(words, True)
                if concept is not None:
                    found.append(concept)
                continue
            noun = verb.head
            if self._equated_in_passing(verb):
                concept = self.open_reader.named_by(noun) if noun.pos_ in ("NOUN", "PROPN") else None
                if concept is not None:
                    found.append(concept)
                continue
            if verb.dep_ != "acl" or verb.tag_ not in ("VBG", "VBN") or verb.lemma_ not in self.lexicon.defining:
                continue
            if verb.i <= noun.i or verb.left_edge.i != verb.i or doc[verb.i - 1].text != ",":
                continue
            concept = self.open_reader.named_by(noun) if noun.pos_ in ("NOUN", "PROPN") else None
            if concept is not None:
                found.append(concept)
        return found

    @staticmethod
    def _equated_in_passing(cop) -> bool:
        """Tell whether ``cop`` is the copula of a relative clause set off by a comma that equates its noun with
        one common noun ("X, which is the tool that ..."), or a verb of meaning that says what it means ("X,
        which means ..."): the relative pronoun opens the clause, right after the comma, as its subject."""
        if cop.dep_ != "relcl" or cop.lemma_ not in ("be", *MEANING_VERBS) or cop.i <= cop.head.i:
            return False
        subject = next((c for c in cop.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.lower_ not in RELATIVE_PRONOUNS or subject.i == 0:
            return False
        if subject.doc[subject.i - 1].text != "," or cop.left_edge.i != subject.i:
            return False
        if cop.lemma_ in MEANING_VERBS:
            # "the three-bell signal, which means stop rowing": what the signal means, said in passing.
            return not any(c.dep_ in ("neg", "aux") for c in cop.children) and any(
                c.dep_ in ("dobj", "xcomp", "ccomp", "attr") for c in cop.children
            )
        return _one_noun_complement(cop)

    @staticmethod
    def _equates(cop, subject, start: int) -> bool:
        """Tell whether copula ``cop`` equates ``subject``, opening its clause at ``start`` (only an article
        before it), with one common noun that is no amount, undenied."""
        if subject is None or subject.pos_ == "PRON" or not _one_noun_complement(cop):
            return False
        return all(t.lower_ in ARTICLES for t in subject.doc[start : subject.left_edge.i])

    def _remember_opener(self, block: Block, tokens, mentions, doc) -> None:
        """Keep what an item's first sentence opens with as its main subject, for the item's later sentences."""
        subject = self.open_reader.main_subject(doc)
        if subject is None or subject.concept is None:
            return
        if any(m.concept is subject.concept and _about(tokens, m.start) for m in mentions):
            self._item_subjects[block.text] = subject.concept

    def _named_in_subject(self, doc, iri: URIRef) -> bool:
        """Tell whether the subject of a parsed sentence's copula or passive clause names ``iri``.

        The phrase names it when it mentions it, or holds all its words ("Lighthouse towers" names
        the tower as well as the lighthouse). A clause that is a condition of another ("When the tank is
        empty, ...") states no quality of its subject.
        """
        concept = self.registry.concepts.get(iri)
        for token in doc:
            if token.dep_ not in ("nsubj", "nsubjpass") or (
                token.head.lemma_ != "be" and not any(c.dep_ == "auxpass" for c in token.head.children)
            ):
                continue
            if is_subordinate(token.head) or restricted(token):
                continue  # a condition; or "Crates packed by the mill are ...": which crates, not crates
            words = doc[token.left_edge.i : token.right_edge.i + 1]
            if any(m.concept.iri == iri for m in self.registry.mentions(tokenize(words.text))):
                return True
            if concept is not None and set(concept.label.lower().split()) <= {noun_key(t.text) for t in words}:
                return True
        return False

    def _kinds_listed(self, sentence: str, topic: Concept) -> list[OpenFact]:
        """Read "Types include A, B and C" about a section's thing as "A is a <thing>" (and B, and C).

        A bare "types" (or "kinds", "sorts", "categories") as the subject of "include" or "are" lists
        kinds of what the text is about, as "three types of X:" does before a list. Only a list whose
        every member is a name the note knows is read: a list read in part would answer in part.
        """
        match = KINDS_LISTED_RE.match(sentence)
        if match is None or noun_key(match.group(1)) not in KIND_NOUNS:
            return []
        members = []
        for part in LIST_SPLIT_RE.split(match.group(2).strip().rstrip(".")):
            concept = self._named(_without_article(part.strip())) if part.strip() else None
            if concept is None or concept.iri == topic.iri:
                return []
            members.append(concept)
        return [OpenFact(m, "is a", "is a", topic, False, "open:types") for m in members]

    def _kinds_led(self, sentence: str) -> list[OpenFact]:
        """Read "Firing types: bisque (the first firing), glaze (the second)" as each name being a firing
        type, its bracketed words what it is.

        The lead is a short plural noun phrase and names the kind; the body lists two names or more, each
        one the note knows (a bold name, a heading, a code span), each perhaps with an aside in brackets.
        A list read in part would answer in part, so a list with any other item is not read. Where the
        lead's head is a word for a sort ("types"), each member is named with the words before it too
        ("differential backup").
        """
        match = LED_LIST_RE.match(sentence)
        if match is None:
            return []
        lead = match.group(1).strip()
        words = lead.split()
        if not 1 <= len(words) <= 4 or noun_key(words[-1]) == words[-1].lower():
            return []  # "Status: ...": a label, no plural kind
        items = bracketed_items(match.group(2))
        if len(items) < 2:
            return []
        members = []
        for name, aside in items:
            concept = self._named(_without_article(name)) if name else None
            if concept is None:
                return []
            members.append((concept, name, aside))
        kind = self.registry.lookup(lead) or self.registry.get_or_mint(singular_label(lead))
        if any(concept.iri == kind.iri for concept, _, _ in members):
            return []
        # "Backup types: differential, ...": a differential backup; "Firing types: glaze": a glaze firing.
        sort = " ".join(words[:-1]).lower() if noun_key(words[-1]) in KIND_NOUNS and len(words) > 1 else ""
        for concept, name, aside in members:
            if aside and not concept.known:
                concept.definitions.append((3, f"{name} ({aside})", None))
            if sort and self.registry.lookup(f"{name} {sort}") is None:
                self.registry.add_alias(concept, f"{name} {sort}")
        return [OpenFact(concept, "is a", "is a", kind, False, "open:types") for concept, _, _ in members]

    def _item_topic(self, block: Block, sentence: str, first: bool) -> tuple[Concept | None, bool]:
        """Return what a sentence is about, and whether it stands where a note says what that is.

        A list item with a lead-in ("NACL: Stateless, subnet rules") is about the lead's thing; a
        nested item is about the thing its parent item names ("Direct Connect (DX)" over "Goes over
        a private network"); an item of several sentences whose label names a thing ("Anagama — a
        tunnel kiln. Burns wood.") is about that thing; any other sentence is about the section's
        concept. A noun phrase alone says what its topic is after a lead-in, as the first bullet of a
        section, or as the first child of a named item when it opens with "a"/"an" ("A firewall which
        controls traffic").
        """
        if block.kind != "item":
            return self.topic, False
        lead = self.leads.get(sentence)
        if lead is not None:
            return lead, True
        parent = self._parent_topic(block.parent) if block.parent else None
        first_child = block.parent is not None and block.parent != self._parent_seen
        self._first_child = first_child
        self._parent_seen = block.parent
        labelled = self._named(item_label(block.text) or "") if sentence != block.text.strip() else None
        if labelled is not None:
            # "**Cone 6** — fires at 1220 C. Suits stoneware.": every sentence of an item whose label
            # names a thing is about it, the ones with no subject of their own too.
            return labelled, False
        opener = self._item_subjects.get(block.text) if sentence != block.text.strip() else None
        if opener is not None:
            # "Witness cones show how much heat ... Handy for long firings.": an item whose first
            # sentence opens with its subject goes on about that subject, not about the section's thing.
            return opener, False
        if parent is not None:
            indefinite = sentence.split(maxsplit=1)[0].lower() in ("a", "an")
            return parent, first_child and indefinite
        # A link is a reference ("Official doc. <url>"), not what the section's thing is; an item with
        # items under it is their label ("NACL (Network ACL)").
        plain = "://" not in block.text and block.text not in self._parent_items
        return self.topic, first and block.parent is None and plain

    def _feature(self, block: Block, sentence: str, topic: Concept, doc) -> list[OpenFact]:
        """Read a bullet that only names a capability, "automatic patching", as what its topic provides.

        A note lists what a thing offers as bare noun phrases under it: "encryption at rest",
        "multi-AZ deployments". Only a leaf item (an item with items under it is their label) that
        is not the first under its parent item (that one says what the parent is), whose parent, if
        any, names a thing; a noun phrase with no verb, determiner or pronoun (a clause, or "the rest",
        is read otherwise) headed by a plural or a noun made from a verb ("patching", "encryption",
        "replacement"): a phrase headed by "model" or "risk" says what the thing is or suffers.
        """
        text = block.text.strip()
        if block.kind != "item" or sentence in self.leads or text in self._parent_items or ":" in sentence:
            return []
        if block.parent is not None and (self._first_child or not self._describes_topic(block.parent)):
            return []
        if doc.user_data.get("implicit_subject") or not 2 <= len(text.split()) <= 8:
            return []  # one word under a parent item is a name listed ("postgres"), no capability
        roots = [t for t in doc if t.dep_ == "ROOT"]
        if (
            len(roots) != 1
            or roots[0].pos_ != "NOUN"
            or any(c.dep_ in ("nsubj", "nsubjpass") for c in roots[0].children)
        ):
            return []
        head = roots[0]
        if any(
            t.pos_ in ("DET", "PRON", "AUX") or (t.pos_ == "VERB" and t.dep_ not in ("amod", "compound")) for t in doc
        ):
            return []  # "Risk of data loss if hardware fails", "the rest": a clause or a pointer, no capability
        if head.i > 0 and head.text != head.lower_:
            return []  # "Subnet Flow Logs": a name, listed, not something a thing offers
        word = head.lower_
        plural = head.tag_ == "NNS" and noun_key(word) != word
        made_from_verb = word.endswith(NOMINAL_ENDINGS) or (word.endswith("ing") and "VERB" in getAllLemmas(word))
        if not (plural or made_from_verb):
            return []
        feature = self._resolve(text.rstrip(".;,"), True)
        if feature is None or feature.iri == topic.iri or len(feature.label.split()) != len(text.split()):
            return []  # a name inside the phrase is not the capability the whole phrase names
        return [OpenFact(topic, "provides", text, feature, False, "open:feature")]

    def _describes_topic(self, parent: str) -> bool:
        """Tell a parent item whose items are said of a thing: one that names it, or a predicate of the
        section's thing ("fully managed" over what the managing brings)."""
        named = self._parent_topic(parent)
        if named is not None:
            # "dynamodb streams" found as "DynamoDB": the items are said of the streams, not of DynamoDB.
            return len(named.label.split()) == len(re.sub(r"\s*\([^)]*\)", "", parent).split())
        i = self.sentence_index.get(parent.strip())
        doc = self.parsed[i] if i is not None else None
        return doc is not None and doc.user_data.get("implicit_subject", False)

    def _spelled_out(self, topic: Concept, sentence: str) -> None:
        """Name a short-named concept by the phrase that spells it: "relational db service" under "RDS".

        Where a note says what its topic is ("**RDS**: relational db service", or that phrase as the
        first bullet under "## RDS"), a phrase whose words the topic's short name spells is its long
        name, not a kind it belongs to: the phrase becomes its label, the short name its acronym.
        """
        phrase = _lead_body(sentence) if sentence in self.leads else sentence
        phrase = phrase.strip().rstrip(".;,")
        short = topic.label
        if topic.known or " " in short or not any(c.isupper() for c in short[1:]) or not _looks_like_name(phrase):
            return  # "RDS", "DynamoDB"; not "Zorbex" (a coined word spells no phrase)
        if spells(short, phrase) and self.registry.lookup(phrase) in (None, topic):
            self.registry.rename(topic, phrase)
            topic.definitions.append((2, sentence, None))  # still what the note says it is

    def _parent_topic(self, text: str) -> Concept | None:
        """Return the thing a parent item names: a lead-in's, or the whole item when it is a noun phrase.

        A label over a list of names ("options" over "mysql", "mariadb") names no thing: its items
        are said of the thing above it (see :meth:`_role_label`).
        """
        if text not in self._parents:
            found = None
            lead = LEAD_IN_RE.match(text)
            if counts_its_items(text):
                pass  # "Two modes:" names the kind of each item under it, no one thing they are said of
            elif lead is not None:
                found = self._named(lead.group(1))
            elif text.rstrip().endswith(":") and len(text.split()) <= 6:
                # "EBS volumes:" over "Tied to an AZ": a name the note knows, introducing what is said of it
                # ("Options:" or "Use cases:" name nothing the note knows, and stay labels).
                found = self._named(text.rstrip().rstrip(":"))
            elif len(text.split()) <= 6 and not text.rstrip().endswith(":") and self._role_label(text) is None:
                found = self._named(text)
                i = self.sentence_index.get(text.strip())
                doc = self.parsed[i] if i is not None else None
                root = root_of(doc) if doc is not None else None
                label = re.sub(r"\s*\([^)]*\)", "", text).strip()
                noun = root is not None and root.pos_ in ("NOUN", "PROPN") and _looks_like_name(label)
                if found is None and (noun or self._names_a_thing(text)):
                    found = self._resolve(label, True)  # a noun phrase with items under it names a thing
            self._parents[text] = found
        return self._parents[text]

    def _names_a_thing(self, text: str) -> bool:
        """Tell a short item that is a noun phrase ("memcached", "stand mixer") from a predicate or a clause.

        The tagger often reads a lowercase name alone as a verb ("memcached" as a participle), so the
        test is by shape: a few words, none a closed-class word, and no reading of the item as a
        predicate of the section's thing (a fragment that opens with its verb, or an adjective or
        participle the parser had to give "It is" to read, is said of that thing).
        """
        label = re.sub(r"\s*\([^)]*\)", "", text).strip()
        words = label.split()
        if not words or len(words) > 4 or not all(re.fullmatch(r"[A-Za-z0-9][\w.+/-]*", w) for w in words):
            return False
        if is_adjective(words[-1]):
            return False  # "self explanatory": a noun phrase ends with its noun
        i = self.sentence_index.get(text.strip())
        doc = self.parsed[i] if i is not None else None
        if doc is None or doc.user_data.get("implicit_subject"):
            return False
        first = words[0].lower()
        if (
            is_verb_only(first)
            and first in getAllLemmas(first).get("VERB", ())
            and (len(words) > 1 or doc[0].pos_ == "VERB")
        ):
            return False  # "install agent", "configure": an instruction ("crushed ice", "caching" are names)
        return not any(t.pos_ in CLOSED_CLASS or t.tag_ in ("WRB", "WDT", "WP") for t in doc)

    def _role_label(self, text: str) -> str | None:
        """Return the role noun a label item names ("option" for "options"), or None if it is no label.

        A parent item that is a bare plural noun phrase ("options", "use cases"), with two or more items
        under it that each only name a thing ("amazon aurora", "mysql"), lists members in that role
        for the thing above it: the plural says a set follows, and names alone say nothing of the
        label itself. Items that are predicates ("async", "have lag") describe a thing instead.
        """
        if text not in self._labels:
            self._labels[text] = None
            words = text.strip().rstrip(":").split()  # "Use cases:" is the same label
            children = self._children.get(text, [])
            i = self.sentence_index.get(text.strip())
            doc = self.parsed[i] if i is not None else None
            # "options" may have been read as "It options" (a verb's -s form); the tagger still calls it a
            # plural noun there, where "It supports" keeps its verb.
            implicit = doc is not None and doc.user_data.get("implicit_subject", False)
            own = [t for t in doc if not (implicit and t.i == 0) and not t.is_punct] if doc is not None else []
            last = own[-1] if own else None
            plural = last is not None and last.tag_ in ("NNS", "NNPS") and noun_key(last.text) != last.lower_
            if (
                plural
                and len(words) == len(own) <= 3
                and len(children) >= 2
                and all(t.pos_ in ("NOUN", "PROPN", "ADJ") for t in own)
                and all(self._names_a_thing(child) for child in children)
            ):
                self._labels[text] = " ".join([*words[:-1], noun_key(words[-1])]).lower()
        return self._labels[text]

    def _kind_label(self, text: str) -> Concept | None:
        """Return the kind a singular label item names over a list of names, or None.

        "Fully managed service" over "FSx for Lustre", "FSx for Windows File Server": a short lowercase
        noun phrase in the singular (not a name, not a clause, no lead-in), with two or more items under it
        that are each a name the note knows, says what each of those names is.
        """
        key = ("kind", text)
        if key not in self._labels:
            self._labels[key] = None
            label = text.strip().rstrip(":").strip()
            words = label.split()
            children = self._children.get(text, [])
            i = self.sentence_index.get(text.strip())
            doc = self.parsed[i] if i is not None else None
            own = [t for t in doc if not t.is_punct] if doc is not None else []
            if (
                own
                and 0 < len(words) <= 4
                and label[1:] == label[1:].lower()
                and not doc.user_data.get("implicit_subject", False)
                and own[-1].tag_ == "NN"
                and all(t.pos_ in ("NOUN", "ADJ", "ADV") or t.tag_ == "VBN" for t in own)
                and len(children) >= 2
                and all(self._named(child.strip()) is not None or _title_name(child) for child in children)
            ):
                self._labels[key] = self._resolve(label, True)
        return self._labels[key]

    def _label_member(self, block: Block, sentence: str, section: str) -> None:
        """Record an item under a label as what the label's owner has in that role: (RDS, option, mysql).

        The predicate is minted from the label's noun, as a property table's row mints one from its
        head; the owner is the thing the label's own parent item names, else the section's concept.
        """
        role = self._role_label(block.parent) if block.parent else None
        if role is None:
            kind = self._kind_label(block.parent) if block.parent else None
            text = block.text.strip()
            member = (self._named(text) or self.registry.get_or_mint(text)) if kind is not None else None
            if member is not None and member.iri != kind.iri:
                quote = f"{block.parent.rstrip().rstrip(':')}: {sentence}"
                self._classify(OpenFact(member, "is a", "is a", kind, False, "list:kind"), section, quote)
            return
        above = self._item_parents.get(block.parent)
        owner = self._parent_topic(above) if above else self.topic
        member = self._resolve(re.sub(r"\s*\([^)]*\)", "", block.text).strip(), True)
        if owner is None or member is None or member.iri == owner.iri:
            return
        prop = self._role_property(role, OWL.ObjectProperty)
        written = " ".join(block.parent.rstrip().rstrip(":").split()).lower()
        if written != role:
            self.graph.add((prop, SKOS.altLabel, Literal(written)))
        for concept in (owner, member):
            self.registry.touch(concept)
        quote = f"{block.parent.rstrip().rstrip(':')}: {sentence}"
        self._emit(Fact(owner.iri, prop, member.iri, "list:label"), section, quote)

    def _emit_quality(self, fact: OpenFact, section: str, sentence: str) -> None:
        """Store "X is ADJ" as X's quality; "X is not ADJ" under a predicate of its own, never as the quality."""
        self.registry.touch(fact.subject)
        if fact.phrase != "is":
            self._emit(Fact(fact.subject.iri, self._valued(fact), Literal(fact.value), fact.rule), section, sentence)
            return
        if not fact.negated:
            self._emit(Fact(fact.subject.iri, KGO.hasCharacteristic, Literal(fact.value), fact.rule), section, sentence)
            return
        prop = KG["rel/is-not"]
        if (prop, RDFS.label, None) not in self.graph:
            self.graph.add((prop, RDF.type, OWL.DatatypeProperty))
            self.graph.add((prop, RDFS.label, Literal("is not")))
            self.graph.add((prop, KGO.minted, Literal(True)))
            self.graph.add((prop, KGO.negationOf, KGO.hasCharacteristic))
        self._emit(Fact(fact.subject.iri, prop, Literal(fact.value), fact.rule), section, sentence)

    def _valued(self, fact: OpenFact) -> URIRef:
        """Return (and describe, once) the property minted for a verb phrase whose object is an amount."""
        label = fact.phrase
        if fact.negated:
            label = f"is not {label[3:]}" if label.startswith("is ") else f"does not {label}"
        iri = KG[f"rel/{slug(label)}-value"]
        if (iri, RDFS.label, None) not in self.graph:
            self.graph.add((iri, RDF.type, OWL.DatatypeProperty))
            self.graph.add((iri, RDFS.label, Literal(label)))
            self.graph.add((iri, KGO.minted, Literal(True)))
            if fact.negated:  # "does not scale" horizontally denies "scale" horizontally
                self.graph.add((iri, KGO.negationOf, KG[f"rel/{slug(fact.phrase)}-value"]))
            elif (reading := present_tense(label)) != label:  # as an answer says it of one thing: "takes"
                self.graph.add((iri, SKOS.prefLabel, Literal(reading)))
            self._intended(iri, fact)
        return iri

    def _intended(self, iri: URIRef, fact: OpenFact) -> None:
        """Record the words that make a minted relation only meant or wanted ("hope" of "hope to buy")."""
        if fact.intention:
            self.graph.add((iri, KGO.unrealisedBy, Literal(fact.intention)))

    def _emit_open(self, fact: OpenFact, section: str, sentence: str) -> None:
        """Store an open fact as the ontology's property when its words name one, else as its own."""
        if fact.phrase == "is a":
            self._classify(fact, section, sentence)
            return
        # "hope to buy" is no ontology relation whatever its last verb: only the hoping is said.
        prop = None if fact.intention else self._aligned(fact.phrase)
        if prop is not None and fact.negated:
            prop = self.lexicon.contrary.get(prop)
            if prop is None:
                prop = self._minted(fact, negated=True)
        elif prop is None:
            prop = self._minted(fact, negated=fact.negated)
        for concept in (fact.subject, fact.object):
            self.registry.touch(concept)
        self._emit(Fact(fact.subject.iri, prop, fact.object.iri, fact.rule), section, sentence)

    def _classify(self, fact: OpenFact, section: str, sentence: str) -> None:
        """Record "X is a Y": X typed by Y (Y becomes a class); a negated one is not recorded."""
        if fact.negated:
            return
        kind = fact.object
        fact.subject.types.add(kind.iri)
        self.used.update((fact.subject.iri, kind.iri))
        if not kind.known:
            self.graph.add((kind.iri, RDF.type, OWL.Class))
        self._emit(Fact(fact.subject.iri, RDF.type, kind.iri, fact.rule), section, sentence)

    def _aligned(self, phrase: str) -> URIRef | None:
        """Return the ontology property whose phrase has exactly these words (by lemma), if any."""
        if phrase not in self._alignments:
            self._alignments[phrase] = self._align(phrase)
        return self._alignments[phrase]

    def _align(self, phrase: str) -> URIRef | None:
        words = phrase_words(phrase)
        # An active clause ("Git stores in", "reach from") is not a passive phrase of the ontology
        # ("stored in", "reached from") with the same lemmas: its subject does what theirs undergoes.
        active = not opens_with_participle(phrase)
        # "of" is left out of a phrase's words, but it says which way the relation goes: "is made of"
        # (what a thing consists of) is not "made" (what it creates), nor "made from".
        of = _ends_with_of(phrase)
        for candidate in self.lexicon.phrases:
            if len(candidate.words) == len(words) and all(a & b for a, b in zip(candidate.words, words, strict=True)):
                if active and opens_with_participle(candidate.text):
                    continue
                if of != _ends_with_of(candidate.text):
                    continue
                return candidate.prop
        return None

    def _minted(self, fact: OpenFact, negated: bool) -> URIRef:
        """Return (and describe, once) the predicate minted from a clause's own verb phrase."""
        label = fact.phrase
        if negated:
            label = f"is not {label[3:]}" if label.startswith("is ") else f"does not {label}"
        iri = KG[f"rel/{slug(label)}"]
        g = self.graph
        if (iri, RDFS.label, None) not in g:
            g.add((iri, RDF.type, OWL.ObjectProperty))
            g.add((iri, RDFS.label, Literal(label)))
            g.add((iri, KGO.minted, Literal(True)))
            last = fact.phrase.rsplit(" ", 1)[-1]
            if fact.rule == OBJECT_RULE and " " in fact.phrase and last in PARTICLES:
                # "draws *in* the fumes": the verb's particle, no preposition, so no place or time is its object.
                g.add((iri, KGO.particle, Literal(last)))
            if negated:
                g.add((iri, KGO.negationOf, KG[f"rel/{slug(fact.phrase)}"]))
            elif (reading := present_tense(label)) != label:  # how an answer says it of one thing: "attaches to"
                g.add((iri, SKOS.prefLabel, Literal(reading)))
            self._intended(iri, fact)
        surface = fact.surface.lower()
        if not negated and surface != label:
            g.add((iri, SKOS.altLabel, Literal(surface)))
        return iri

    # -- output ------------------------------------------------------------------------------------
    def _emit(self, fact: Fact, section: str, quote: str) -> None:
        s, p, o = fact.subject, fact.predicate, fact.object
        rule = fact.rule
        self._sentence_facts += 1
        self.report.fact(rule)
        if rule.startswith("comparison:"):
            quality = rule.split(":", 1)[1]
            node = KG[f"comparison-{slug(self._label(s))}-{slug(quality)}-{slug(self._label(o))}"]
            self.graph.add((node, RDF.type, KGO.Comparison))
            self.graph.add((node, KGO.greater, s))
            self.graph.add((node, KGO.lesser, o))
            self.graph.add((node, KGO.quality, Literal(quality)))
            label = f"{self._label(s)} is {comparison_phrase(quality)} than {self._label(o)}"
            self.graph.add((node, RDFS.label, Literal(label)))
            if o in self.registry.concepts:
                self.used.add(o)  # the lesser side is named by the graph too, not only through the node
            s, p, o, rule = node, KGO.greater, s, "comparison"
        self.graph.add((s, p, o))
        for node in (s, o):
            if isinstance(node, URIRef) and node in self.registry.concepts:
                self.used.add(node)
        key = "|".join([str(self.doc), str(s), str(p), str(o), quote])
        st = KG[f"stmt-{hashlib.sha1(key.encode()).hexdigest()[:16]}"]
        g, add = self.graph, self._store_add
        for triple in (
            (st, RDF.type, RDF.Statement),
            (st, RDF.subject, s),
            (st, RDF.predicate, p),
            (st, RDF.object, o),
            (st, KGO.document, self.doc),
            (st, KGO.section, Literal(section)),
            (st, KGO.quote, Literal(quote)),
            (st, KGO.rule, Literal(rule)),
        ):
            add(triple, g, quoted=False)

    def _sentence_iri(self, sentence: str) -> URIRef:
        return KG[f"sentence-{hashlib.sha1((str(self.doc) + sentence).encode()).hexdigest()[:16]}"]

    def _mention(self, sentence: str, concept: Concept) -> None:
        """Record that a kept sentence is about ``concept`` though it does not name it (a table's column)."""
        self.used.add(concept.iri)
        self._store_add((self._sentence_iri(sentence), KGO.mentions, concept.iri), self.graph, quoted=False)

    def _sentence_node(self, sentence: str, section: str, context: SentenceContext | None = None) -> None:
        """Keep every sentence, with the concepts it names, for search and for quoting.

        A sentence that leans on another text for what it speaks of keeps that text as its context
        (``kgo:context``, with the concepts it names: ``kgo:contextMentions``); ``kgo:contextSubject``
        says the context stands for the sentence's own missing or pronoun subject. The quote stays the
        sentence as written.
        """
        node = self._sentence_iri(sentence)
        g, add = self.graph, self._store_add
        add((node, RDF.type, KGO.Sentence), g, quoted=False)
        add((node, KGO.quote, Literal(sentence)), g, quoted=False)
        add((node, KGO.document, self.doc), g, quoted=False)
        add((node, KGO.section, Literal(section)), g, quoted=False)
        for m in self.registry.mentions(tokenize(sentence)):
            if m.concept.iri in self.code_names:
                # A name written as code ("`Restart` option") is in the graph, facts or none: the sentences
                # that name it answer for it.
                self.used.add(m.concept.iri)
            add((node, KGO.mentions, m.concept.iri), g, quoted=False)
        if context is not None:
            text, subject, concepts = context
            add((node, KGO.context, Literal(text)), g, quoted=False)
            if subject:
                add((node, KGO.contextSubject, Literal(True)), g, quoted=False)
            for concept in concepts:
                add((node, KGO.contextMentions, concept.iri), g, quoted=False)

    def _context(self, block: Block, sentence: str, doc) -> SentenceContext | None:
        """Return the text a sentence leans on for what it speaks of, whether it is its subject, and its concepts.

        A nested item leans on the item it hangs under: "never rust" under "Widgets made of brass" is said
        of brass widgets. When the item has no subject of its own (a fragment, or a pronoun), the parent's
        noun phrase is its subject, as a heading's thing is for the bullets under it (``_item_topic``);
        otherwise the parent is only the setting. A sentence whose subject is "it" or "they" leans on the
        concept the extractor resolved the pronoun to (``OpenReader.pronoun_subject``). An item with a
        lead-in, or one read as the end of its parent's clause, speaks for itself.
        """
        if block.kind == "item" and block.parent:
            if sentence in self.leads or sentence in self._continued_from:
                return None
            subjectless = doc is not None and lacks_subject(doc)
            phrase = self._parent_phrase(block.parent)
            text = phrase if phrase is not None else block.parent.strip().rstrip(":").strip()
            concepts = {m.concept.iri: m.concept for m in self.registry.mentions(tokenize(text))}
            parent = self._parent_topic(block.parent)
            if parent is not None:
                concepts.setdefault(parent.iri, parent)
            known = [c for c in concepts.values() if c.iri in self.used]
            return (text, bool(subjectless and phrase is not None), known) if text else None
        if doc is None or pronoun_subject(doc) is None:
            return None
        concept = self.open_reader.pronoun_subject(doc)
        if concept is None or concept.iri not in self.used:
            return None
        if block.kind == "item":
            # A bullet's "it" is taken for its topic; after a sentence of the same bullet that names other
            # things ("A loses the data, while B keeps it. It ..."), it may stand for one of those: unsure.
            before = block.text[: max(0, block.text.find(sentence))]
            if any(m.concept.iri != concept.iri for m in self.registry.mentions(tokenize(before))):
                return None
        return concept.label, True, [concept]

    def _parent_phrase(self, parent: str) -> str | None:
        """Return the noun phrase a parent item names ("Widgets made of brass", "Brass widgets:"), or None.

        A parent that is a clause or a fragment ("supports:", "Can be resized"), or that counts its items
        ("Two modes:"), names no subject for the items under it.
        """
        if counts_its_items(parent):
            return None
        text = re.sub(r"\s*\([^)]*\)", "", parent).strip().rstrip(":").strip()
        i = self.sentence_index.get(parent.strip())
        doc = self.parsed[i] if i is not None else None
        if not text or doc is None or doc.user_data.get("implicit_subject", False) or len(text.split()) > 8:
            return None
        if self._named(text) is not None:
            return text  # a name the note knows, whatever the tagger made of it
        root = root_of(doc)
        return text if root is not None and root.pos_ in ("NOUN", "PROPN") else None

    def _label(self, iri: URIRef) -> str:
        concept = self.registry.concepts.get(iri)
        return concept.label if concept else str(iri).rsplit("/", 1)[-1]


#: What a sentence leans on: the text, whether it stands for the sentence's subject, and the concepts it names.
SentenceContext = tuple[str, bool, list[Concept]]
#: Cardinal numbers written as words: a count before a noun phrase, never part of its name.
COUNT_WORDS = frozenset("two three four five six seven eight nine ten eleven twelve".split())
#: A code and its title: "429 Too Many Requests", "E42 Disk Full" (a number, perhaps lettered, then capitals).
CODE_TITLE_RE = re.compile(r"^([A-Z]?\d{2,}[a-z]?)\s+[A-Z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*)*$")
#: An aside in brackets closing a name: "Glaze firing (second firing)", "Tier 2 (1+1)".
ASIDE_AFTER_RE = re.compile(r"\s*\([^()]*\)\s*$")
#: "Types include A, B and C", "Kinds are: A, B": a sentence that only lists kinds.
KINDS_LISTED_RE = re.compile(r"^\s*(types|kinds|sorts|categories)\s+(?:include|are)\s*:?\s+(.+)$", re.IGNORECASE)
#: A sentence that leads with a short label and a colon: "Firing types: bisque (...), glaze (...)".
LED_LIST_RE = re.compile(r"^\s*([A-Za-z][A-Za-z -]{0,40}?)\s*:\s+(.+?)\.?\s*$")
#: Separators of a listed series: commas, "and", "or" (an Oxford comma too).
LIST_SPLIT_RE = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")
#: Endings of nouns made from verbs, the names of what a thing does: "encryption", "replacement".
NOMINAL_ENDINGS = ("tion", "sion", "ment", "ance", "ence")
#: Parts of speech no name is made of: "when diy", "read only" are not noun phrases naming a thing.
CLOSED_CLASS = frozenset("ADP SCONJ AUX PRON DET PART CCONJ ADV INTJ".split())
#: Prepositions that leave a parent item's phrase waiting for its object ("similar to", "compatible with").
OPEN_PREPOSITIONS = frozenset("to with for from on in into like as".split())
#: An item's lead-in: a short label, a colon, then what is said of it ("NACL: Stateless, subnet rules").
LEAD_IN_RE = re.compile(r"^\s*([^:]{1,60}?)\s*:\s*(\S.*)$")
#: A lead set off by a spaced dash: "`RUN` – runs a command", "Bisque firing (first firing) — hardens clay".
DASHED_LEAD_RE = re.compile(r"^\s*([^:—–]{1,60}?)\s+[—–-]\s+(\S.*)$")


#: A table cell that may be a short form: one token of letters and digits with two capitals or more ("SOA",
#: "CNAME", "IPv6").
SHORT_FORM_CELL_RE = re.compile(r"(?=(?:[^A-Z]*[A-Z]){2})[A-Za-z][A-Za-z0-9]*")
#: Where a cell's leading name ends: a spaced dash, a bracket, a comma or a semicolon ("Pointer — reverse
#: lookup", "Mail Exchanger (priority first)").
CELL_LEAD_RE = re.compile(r"\s+[—–-]\s+|\s*[(,;]")


def _lead_match(sentence: str) -> re.Match | None:
    """Match an item's lead-in and what follows it, set off by a colon or a spaced dash."""
    return LEAD_IN_RE.match(sentence) or DASHED_LEAD_RE.match(sentence)


#: The most words a code span may have to be read as a name ("journalctl -u", "systemctl daemon-reload").
CODE_NAME_WORDS = 3


def _code_name(text: str) -> bool:
    """Tell whether a code span may name a thing: a few words, with a letter, no sentence or command line."""
    return (
        0 < len(text.split()) <= CODE_NAME_WORDS
        and len(text) <= 40
        and any(c.isalpha() for c in text)
        and not any(c in text for c in "\"'(){}<>;|")
    )


def _bare_code_name(text: str) -> bool:
    """Tell whether a code span may stand as a name by itself: the words it is matched by are not all
    plain dictionary words, which the text uses as words ("`Restart`", "`Requires=`", "`[Service]`").

    A word in capitals ("`LIST`", "`SET`") is matched only where it is written so (``kg.text.cased_name``).
    """
    words = [t.text for t in tokenize(text) if t.is_word]
    return (
        len(words) > 1 or not getAllLemmas(words[0].lower()) or any(c.isdigit() for c in words[0])
        or cased_name(words[0])
    )  # fmt: skip


def _kind_after(text: str, end: int) -> str | None:
    """Return the noun right after a code span that says what it names ("header" of "`Set-Cookie` header").

    A lowercase dictionary noun, not a word the span's clause may take for its verb ("`ls -l` shows",
    "`on-failure` restarts"): a word ending in -s that is also a verb's form is read as that verb.
    """
    match = re.match(r"\s+([a-z]+)\b", text[end:])
    if match is None:
        return None
    word = match.group(1)
    entry = getAllLemmas(word)
    if "NOUN" not in entry or word in STOPWORDS:
        return None
    if word.endswith("s") and "VERB" in entry:
        return None
    return word


def _bold_phrases(blocks: list[Block]) -> dict[str, tuple[str, ...]]:
    """Return, for each sentence of the paragraphs and items, the phrases set in bold inside it.

    A sentence read without its lead-in ("X: tows **barges**") is keyed by what follows the lead too.
    """
    out: dict[str, list[str]] = {}
    for block in blocks:
        if block.kind not in ("paragraph", "item") or not block.bold:
            continue
        for offset, sentence in split_sentences(block.text):
            start = block.text.find(sentence, offset)
            inside = [b.text for b in block.bold if start <= b.start and b.end <= start + len(sentence)]
            if not inside:
                continue
            for text in (sentence, _lead_body(sentence)):
                out.setdefault(text, []).extend(inside)
    return {text: tuple(dict.fromkeys(found)) for text, found in out.items()}


def _ends_with_of(phrase: str) -> bool:
    """Tell a relation phrase that ends with "of" ("is part of", "consists of")."""
    words = phrase.lower().split()
    return bool(words) and words[-1] == "of"


#: The most words a role set before a semicolon in a lead-in's item may have ("Records Secretary (a volunteer)").
MAX_ROLE_WORDS = 5


def _role_deeds(body: str) -> str | None:
    """Return the clause after a role in a lead-in's item, or None: "Ana Ruiz: Bursar; keeps the ledger"
    says what the lead does after the role, a label; that clause is read as a fragment of its own, its
    first word a verb ("runs walks": "runs" is no plural noun, see ``parse``)."""
    role, semicolon, deeds = body.partition(";")
    if semicolon and deeds.strip() and len(role.split()) <= MAX_ROLE_WORDS and role[:1].isupper():
        return deeds.strip()
    return None


def _lead_body(sentence: str) -> str:
    """Return what an item says after its lead-in, "It connect ..." for a verb in its base form."""
    match = _lead_match(sentence)
    if match is None:
        return sentence
    body = _role_deeds(match.group(2)) or match.group(2)
    first, *rest = body.lower().split(maxsplit=2)
    if rest and rest[0].endswith("ed") and "VERB" in getAllLemmas(rest[0]):
        return body  # "Template used to launch X": a noun and its participle, no command
    # "Connect two networks", "Compress old pages"; not "network traffic logs" (a noun first, in lowercase)
    if first in getAllLemmas(first).get("VERB", ()) and (is_verb_only(first) or body[:1].isupper()):
        return "It " + body[:1].lower() + body[1:]
    return body


def _long_form(before: str, acronym: str, brands: frozenset[str]) -> str | None:
    """Find the words before "(ACR)" whose initials spell the acronym (Schwartz & Hearst's idea)."""
    letters = [c.lower() for c in acronym.rstrip("s") if c.isalpha()]
    words = before.split()
    if len(letters) < 2 or not words:
        # "Amazon Simple Storage Service (S3)": too few letters to match; a run of capitalised words
        # right before the parenthesis is the name.
        run = []
        for word in reversed(words):
            if not word[:1].isupper():
                break
            run.insert(0, word.strip(",;:"))
        return " ".join(run) if len(run) >= 2 else None
    # Walk back over the words; each letter must begin a word, in order, the first letter the first word.
    li, wi = len(letters) - 1, len(words) - 1
    while wi >= 0 and li >= 0:
        word = words[wi].strip(",;:").lower()
        if word and word[0] == letters[li]:
            li -= 1
        elif not word or len(words) - wi > len(letters) + 2:
            return None
        wi -= 1
    if li >= 0:
        return None
    start = wi + 1
    if start > 0 and words[start - 1].lower() in brands:
        start -= 1
    phrase = " ".join(w.strip(",;:") for w in words[start:])
    return phrase if words[wi + 1][0].isalpha() else None


def _initials_kept(short: str, name: str) -> bool:
    """Tell whether an all-capital short form keeps, in order, the initials of a capitalised name's words.

    The name has two or more words, every one capitalised and none a closed-class word, and its first
    word opens with the short form's first letter: "DAX (DynamoDB Accelerator)", not "EBS (a volume)".
    """
    words = name.split()
    if not short.isupper() or len(words) < 2 or not all(w[:1].isupper() and w.isalpha() for w in words):
        return False
    letters = iter(short.lower())
    initials = [w[0].lower() for w in words]
    return initials[0] == short[0].lower() and all(i in letters for i in initials)


def bracketed_items(text: str) -> list[tuple[str, str]]:
    """Split a listed series into its items, each a name and the aside in brackets after it ("", none):
    "a (x, y), b and c (z)" gives ("a", "x, y"), ("b", ""), ("c", "z"). Commas in brackets split nothing;
    an item with words after its brackets, or with brackets inside its name, gives ("", "")."""
    parts, depth, current = [], 0, []
    for ch in text:
        depth += ch == "("
        depth -= ch == ")"
        if ch == "," and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    items = []
    for part in parts:
        for piece in re.split(r"\s+(?:and|or)\s+(?![^()]*\))", part.strip()):
            piece = re.sub(r"^(?:and|or)\s+", "", piece.strip())
            found = re.fullmatch(r"([^()]+?)\s*(?:\(([^()]*)\))?", piece)
            items.append((found.group(1).strip(), (found.group(2) or "").strip()) if found else ("", ""))
    return items


#: The subordinators that set a clause against the main one rather than make it a condition of it.
CONTRAST_MARKS = frozenset(("while", "whereas"))


def _without_article(text: str, possessive: bool = False) -> str:
    """Return a noun phrase without its leading article: "the staging area" -> "staging area".

    With ``possessive``, "your own AMI" -> "own AMI" too (the reader's own, still a kind of thing).
    """
    pattern = r"^(?:a|an|the|your|our|their|its|my)\s+" if possessive else r"^(?:a|an|the)\s+"
    return re.sub(pattern, "", text.strip(), flags=re.IGNORECASE)


#: Words that join two things a heading names.
_JOINING = frozenset(("and", "or", "&"))


def _joins_things(words: list[str]) -> bool:
    """Tell a heading that names two things ("Tolls and fares") from one name ("Identity and Access Management").

    A name capitalises its words; a heading in sentence case that joins words names each, not the whole.
    """
    inner = [w.lower() for w in words[1:-1]]
    if not _JOINING & set(inner):
        return False
    return not all(w[:1].isupper() for w in words[1:] if w.lower() not in _JOINING | STOPWORDS)


def _coined(heading: str) -> bool:
    """Tell a heading that is a product's coined name ("RDS", "ElastiCache") from a label ("VPC Summary").

    Every word is capitalised and none is an English word: such a heading names the thing its
    section's bullets describe even when no sentence repeats the name. So does a heading of one
    lowercase term the dictionary does not know ("umask", "known_hosts", "ssh-agent"): a command's, a
    file's or a tool's name, which is written in lowercase.
    """
    words = re.findall(r"[A-Za-z][A-Za-z0-9]*", heading)
    if 0 < len(words) <= 3 and all(w[0].isupper() and not getAllLemmas(w.lower()) for w in words):
        return True
    term = heading.strip().strip("`")
    return bool(re.fullmatch(r"[a-z][a-z0-9._-]+[a-z0-9]", term)) and not getAllLemmas(term)


def _names_another(tokens, end: int) -> bool:
    """Tell whether the name ending at token ``end`` is part of another noun phrase, not its sentence's subject.

    "PID (...) *controller* keeps ...": the name modifies a noun, and the sentence says what the
    controller does; "Redis *and* Memcached are ...": the name is one of several the sentence lists.
    Neither says what the name is. A short form in brackets after the name is skipped.
    """
    i = end
    if i < len(tokens) and tokens[i].text == "(":
        while i < len(tokens) and tokens[i].text != ")":
            i += 1
        i += 1
    after = tokens[i] if i < len(tokens) else None
    if after is None or not after.is_word:
        return False
    if after.lower in ("and", "or"):
        return True
    forms = getAllLemmas(after.lower)
    return bool(forms.get("NOUN")) and not forms.get("VERB") and not forms.get("AUX") and not is_adjective(after.lower)


def _about(tokens, start: int) -> bool:
    """Tell whether a name at token ``start`` opens its sentence (only articles before it)."""
    return all(t.lower in ARTICLES or not t.is_word for t in tokens[:start])


def _title_name(text: str) -> bool:
    """Tell a name written in title case ("FSx for NetApp ONTAP", "Windows File Server") from a phrase.

    Every word opens with a capital (or a digit), except a preposition or "and" between two of them.
    """
    words = text.split()
    if not 0 < len(words) <= 6 or not re.fullmatch(r"[\w\s.+/()-]+", text):
        return False
    inner = {"for", "of", "on", "and"}
    return all(w[0].isupper() or w[0].isdigit() or (0 < i < len(words) - 1 and w in inner) for i, w in enumerate(words))


def _opens_with_pronoun(doc) -> bool:
    """Tell a parsed sentence whose main clause's subject is a pronoun ("It lets you ...")."""
    subject = main_subject(doc) if doc is not None else None
    return subject is not None and subject.pos_ == "PRON"


def _looks_like_name(text: str, determined: bool = False) -> bool:
    """Tell a bold noun phrase ("stop", "Amazon Machine Image") from a bold clause or description.

    A verb opens a clause ("**orchestrate** containers"), but a lone gerund is the name of an activity
    ("**thrashing**", "**swapping**"), and a phrase a determiner introduces is a noun phrase ("a **restore
    drill**", ``determined``) if a noun ends it.
    """
    words = [t.lower for t in tokenize(text) if t.is_word]
    if not words or len(words) > 6:
        return False
    function_words = {
        "your", "its", "their", "all", "any", "on", "up", "in", "to", "will", "can", "is", "are",
        "the", "a", "an", "of", "and", "with", "by", "for",
    }  # fmt: skip
    gerund = len(words) == 1 and words[0].endswith("ing")
    compound = determined and len(words) > 1 and not is_verb_only(words[-1])
    return not (set(words) & function_words) and (gerund or compound or not is_verb_only(words[0]))


def _named_as(verb):
    """Return the name a naming verb gives its object ("We call these marks *a scuff*": "scuff"), or None.

    Only an undenied verb of naming (``NAMING_VERBS``) in the active, with a direct object and the name as its
    object's complement (the parser's ``oprd``), a common noun, a name, or a word an article makes a noun.
    The object may be the relative pronoun of a clause that names its noun ("the barn, *which we call the
    Byre*"; the parser may make "that" a marker and the name the object: "the giant *that everyone calls
    Big Bertha*"), or the "what" of a free relative ("Three lapses is *what we call a strike*").
    """
    if verb.lemma_ not in NAMING_VERBS or verb.pos_ != "VERB":
        return None
    if any(c.dep_ in ("neg", "auxpass") for c in verb.children):
        return None
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    relative = verb.dep_ in ("relcl", "ccomp") and any(
        c.lower_ in (*RELATIVE_PRONOUNS, "what") and c.dep_ in ("dobj", "mark") for c in verb.children
    )
    if relative and not any(c.dep_ == "oprd" for c in verb.children):
        names = [c for c in objects if c.pos_ == "PROPN"]
        return names[0] if len(names) == 1 and len(objects) == 1 else None
    if not relative and not any(c.pos_ in ("NOUN", "PROPN") for c in objects):
        return None
    # The name in quotes may be tagged an adjective ("a "scuff""): an article makes it a noun phrase.
    names = [
        c
        for c in verb.children
        if c.dep_ == "oprd" and (c.pos_ in ("NOUN", "PROPN") or any(d.dep_ == "det" for d in c.children))
    ]
    return names[0] if len(names) == 1 else None


def _quoted_complement(cop):
    """Return the copula's noun complement when quotation marks set it off as the term being named ("A second
    complaint is a *"yellow card"*": the sentence says what a yellow card is), or None."""
    if cop.lemma_ != "be" or any(c.dep_ == "neg" for c in cop.children):
        return None
    attrs = [c for c in cop.children if c.dep_ == "attr" and c.pos_ in ("NOUN", "PROPN")]
    if len(attrs) != 1:
        return None
    marks = [c.i for c in attrs[0].children if c.dep_ == "punct" and c.text in QUOTE_MARKS]
    start = attrs[0].left_edge.i
    opened = any(i < attrs[0].i for i in marks) and all(
        t.dep_ in ("det", "amod", "compound", "punct") for t in attrs[0].doc[start : attrs[0].i]
    )
    return attrs[0] if opened and any(i > attrs[0].i for i in marks) else None


#: The marks that open an aside, and the words that open one glossing the noun before it ("that is", "i.e.").
ASIDE_OPENERS = frozenset(("(", "\u2014", "\u2013", "--"))
GLOSS_OPENERS = (("that", "is"), ("that", "'s"), ("that", "\u2019s"), ("i.e.",), ("ie",))


def _glossed_by_that_is(doc) -> list:
    """Return the nouns an aside glosses with "that is" ("the float — *that's* the £50 in coins that stays in
    the till —", "the bilge (*that is*, the bottom of the hull)"): the aside says what the noun before it is."""
    found = []
    lowered = [t.lower_ for t in doc]
    for i, token in enumerate(doc):
        if token.text not in ASIDE_OPENERS or i == 0 or doc[i - 1].pos_ not in ("NOUN", "PROPN"):
            continue
        if any(tuple(lowered[i + 1 : i + 1 + len(opener)]) == opener for opener in GLOSS_OPENERS):
            found.append(doc[i - 1])
    return found


#: The quotation marks that may set off a term being named.
QUOTE_MARKS = frozenset(('"', "“", "”", "'", "‘", "’"))


def _described_one(attr) -> bool:
    """Tell whether ``attr`` is an indefinite pronoun ("someone", "something") or "the one", that a relative
    clause of its own describes: "X is someone who checks the ropes" says what X is as "X is a person who"
    would."""
    if attr.lower_ not in INDEFINITE_PRONOUNS and attr.lower_ != "one":
        return False
    if attr.lower_ == "one" and not any(c.dep_ == "det" and c.lower_ == "the" for c in attr.children):
        return False
    return any(c.dep_ == "relcl" for c in attr.children)


def _one_noun_complement(cop) -> bool:
    """Tell whether copula ``cop``, undenied, has one common noun for its complement, and no amount."""
    if any(c.dep_ == "neg" for c in cop.children):
        return False
    attrs = [c for c in cop.children if c.dep_ == "attr"]
    if len(attrs) == 1 and _described_one(attrs[0]):
        return True  # "X is someone who ...", "X is the one that ...": what the relative clause says X is
    if len(attrs) != 1 or attrs[0].pos_ != "NOUN":
        return False
    # "The sync interval is 25 seconds": an amount, the role's value, not what it is.
    return not any(c.dep_ == "nummod" for c in attrs[0].children)
