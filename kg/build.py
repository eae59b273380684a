"""Build the knowledge graph from documents and RDF files: everything in memory first, then one swap.

A build reads and checks all of its input before it touches the target store, so bad input (an
unreadable or empty document, malformed RDF, an unknown format, an unreachable endpoint) fails with one
line and loses nothing. A directory store is written into a fresh sibling directory that then replaces
the old one by renames; a remote endpoint gets each graph staged and MOVEd into place by the store.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Graph, URIRef
from rdflib.query import Result

from kg.namespaces import GRAPH, data_dir
from kg.rdfio import RDFLoadError, load_graph, load_rdf, to_quads
from kg.store import KGStore, StoreError, open_store

if TYPE_CHECKING:
    from kg.ingest.report import DocumentReport

#: The graph names of the bundled vocabulary (in every build) and of the bundled curated figure facts (in a
#: build of the document they describe only; a user's curated file gets ``GRAPH["curated/<file name>"]``).
ONTOLOGY_GRAPH = GRAPH["ontology"]
FIGURES_GRAPH = GRAPH["figures"]
#: The graph of facts the ontology implies of the bundled and document graphs.
INFERRED_GRAPH = GRAPH["inferred"]
#: Every document's named graph starts with this (see ``kg.ingest.document_graph_name``).
DOCUMENT_GRAPH_PREFIX = str(GRAPH["doc/"])

# A concept is a typed thing that is neither vocabulary (a class or property) nor bookkeeping: types
# from RDF, RDFS and OWL (rdf:Statement nodes of provenance, owl:Ontology, ...) and the provenance
# classes of our own ontology do not make a concept.
CONCEPTS_QUERY = """
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX kgo: <https://kgqa.dev/ontology#>
SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {
  ?s rdf:type ?class .
  FILTER (!STRSTARTS(STR(?class), STR(rdf:)) && !STRSTARTS(STR(?class), STR(rdfs:))
          && !STRSTARTS(STR(?class), STR(owl:)) && ?class NOT IN (kgo:Document, kgo:Figure))
  FILTER NOT EXISTS {
    ?s rdf:type ?meta .
    VALUES ?meta { rdfs:Class owl:Class rdfs:Datatype rdf:Property owl:ObjectProperty
                   owl:DatatypeProperty owl:AnnotationProperty owl:OntologyProperty }
  }
}
"""

GRAPH_SIZES_QUERY = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"


class BuildError(RuntimeError):
    """A build could not be done; the message is one line, and the target store was left as it was."""


@dataclass(frozen=True)
class BuildSummary:
    """What a build put in the store and how long it took."""

    documents: int
    concepts: int
    triples: int
    graphs: int
    seconds: float
    #: What extraction read from each document (sentences, facts by rule, sentences with no fact).
    reports: tuple[DocumentReport, ...] = ()


@dataclass(frozen=True)
class StoreStats:
    """What a store holds: each named graph with its size, and the totals."""

    graphs: list[tuple[URIRef, int]]
    triples: int
    concepts: int
    documents: int


@dataclass
class Collected:
    """The graphs of a build, parsed and extracted in memory, and the documents they came from."""

    graphs: dict[URIRef, Graph] = field(default_factory=dict)
    documents: list[Path] = field(default_factory=list)
    reports: list[DocumentReport] = field(default_factory=list)


# -- reading the input ------------------------------------------------------------------------------
def document_paths(docs: Iterable[Path] | None) -> list[Path]:
    """List the Markdown documents to build: files as given, directories by their ``*.md`` files.

    ``None`` means the bundled documents (``data/docs``). A path given twice counts once.
    """
    sources = [data_dir() / "docs"] if docs is None else [Path(p) for p in docs]
    found: dict[Path, Path] = {}
    for source in sources:
        if source.is_dir():
            files = sorted(source.glob("*.md"))
            if not files:
                raise BuildError(f"{source}: no Markdown (*.md) files in this directory")
        elif source.exists():
            files = [source]
        else:
            raise BuildError(f"{source}: no such file or directory")
        for path in files:
            found.setdefault(path.resolve(), path)
    return list(found.values())


def read_document(path: Path) -> str:
    """Return the text of the document at ``path``; refuse unreadable, non-UTF-8 and empty files."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise BuildError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    try:
        text = data.decode("utf-8-sig")  # tolerate the byte-order mark some editors write
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise BuildError(
            f"{path}, line {line}: not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start})"
        ) from exc
    if not text.strip():
        raise BuildError(f"{path}: document is empty")
    return text


def collect(docs: Iterable[Path] | None, rdf_files: Iterable[Path], curated: Iterable[Path] = ()) -> Collected:
    """Parse and extract everything a build needs into memory, failing on the first bad input.

    Always includes the bundled ontology, and the facts it and the documents imply
    (``GRAPH["inferred"]``); ``docs`` as in :func:`document_paths`. Graphs of the same name from several
    RDF files are merged; two documents may not share a graph.

    Curated files (the bundled ``data/figures.ttl``, then ``curated``) hold hand-written facts of what a
    document's figures show, and name that document. One is loaded only when the document it names is in
    this build (:func:`kg.ingest.curated.described`: same file name, the same pictures embedded, and the
    same text if the file records its hash), with each of its facts traced to its figure; a build of
    other documents gets none of it. Its concepts join the vocabulary of its own document only, so that
    document's text can name them (the "EC2 instance" of a lifecycle figure).
    """
    # Extraction loads spaCy (and through it torch): imported here, so commands that only open a
    # store (``kg stats``, ``kg ask``, ``kg serve`` of a built store) never pay for it.
    from kg.ingest import document_graph_name, extract_document
    from kg.ingest.brands import brand_graph, brand_words, drops_of, texts_of
    from kg.ingest.curated import CuratedError, described, trace_curated
    from kg.ingest.infer import infer
    from kg.ingest.markdown import parse_markdown
    from kg.ingest.report import DocumentReport

    bundled = data_dir()
    ontology = _load_bundled(bundled / "ontology.ttl")
    result = Collected()
    result.graphs[ONTOLOGY_GRAPH] = ontology

    result.documents = document_paths(docs)
    owners: dict[URIRef, Path] = {}
    texts: dict[Path, str] = {}
    for path in result.documents:
        name = document_graph_name(path)
        if name in owners:
            raise BuildError(f"{path}: same graph name <{name}> as {owners[name]}; rename one of them")
        owners[name] = path
        texts[path] = read_document(path)

    # Each curated file whose document is in the build, keyed by the documents it describes.
    extra: dict[Path, Graph] = {}
    files = [(bundled / "figures.ttl", FIGURES_GRAPH, _load_bundled)]
    files += [(Path(f), GRAPH[f"curated/{Path(f).name}"], _load_curated) for f in curated]
    for file, graph_name, load in files:
        graph = load(file)
        try:
            about = described(graph, texts, str(file))
        except CuratedError as exc:
            raise BuildError(str(exc)) from exc
        if not about:
            continue
        # Each fact of a figure gets a statement node citing the figure, as extracted facts cite sentences.
        traced = trace_curated(graph)
        result.graphs[graph_name] = result.graphs[graph_name] + traced if graph_name in result.graphs else traced
        for path in about:
            extra[path] = extra[path] + traced if path in extra else traced

    # Brand words ("Amazon" of "Amazon EC2" = EC2) learnt from all documents together, before any is
    # read for facts, so that every document's names drop them alike (a document learns its own too,
    # and its graph states those it shows dropped, as the ontology states its own: kgo:brandPrefix).
    blocks = {path: parse_markdown(text) for path, text in texts.items()}
    drops = {path: drops_of(texts_of(blocks[path])) for path in texts}
    brands = brand_words(found.dropped for found in drops.values())
    vocabulary = ontology + brand_graph(GRAPH["brands"], brands) if brands else ontology
    for path, text in texts.items():
        name = document_graph_name(path)
        report = DocumentReport(path.name)
        # A document may name the concepts of its own curated figures (an "EC2 instance" of a figure).
        known = vocabulary + extra[path] if path in extra else vocabulary
        try:
            graph = extract_document(path, text, known, report, blocks[path], drops[path])
        except ValueError as exc:  # the extractor's word on bad input, e.g. a document with no text
            message = _one_line(str(exc)).removeprefix(f"{path.name}: ")
            raise BuildError(f"{path}: {message}") from exc
        except Exception as exc:  # a bug in extraction, still reported in one line by the CLI
            raise BuildError(f"{path}: extraction failed: {type(exc).__name__}: {exc}") from exc
        result.graphs[name] = graph
        result.reports.append(report)

    # What the ontology implies of our own graphs (inverse and symmetric relations, inherited ones),
    # materialised with provenance so questions need no reasoning. Loaded RDF files are left as they
    # are: they are other people's graphs, and often too big for in-memory reasoning.
    union = Graph()
    for graph in result.graphs.values():
        union += graph
    inferred = infer(union)
    if len(inferred):
        result.graphs[INFERRED_GRAPH] = inferred

    for path in rdf_files:
        try:
            loaded = load_rdf(Path(path))
        except RDFLoadError as exc:
            raise BuildError(str(exc)) from exc
        for name, graph in loaded.items():
            if name in result.graphs:
                result.graphs[name] += graph
            else:
                result.graphs[name] = graph
    return result


def _load_curated(path: Path) -> Graph:
    """Load a user's curated Turtle file; a problem there is bad input, said in one line."""
    try:
        return load_graph(path)
    except RDFLoadError as exc:
        raise BuildError(str(exc)) from exc


def _load_bundled(path: Path) -> Graph:
    """Load one bundled Turtle file; a problem there is a broken installation, said in one line."""
    try:
        return load_graph(path)
    except RDFLoadError as exc:
        raise BuildError(f"bundled data: {exc}") from exc


# -- writing the store ------------------------------------------------------------------------------
def build(
    docs: list[Path] | None,
    rdf_files: list[Path],
    *,
    store_path: Path | None = None,
    endpoint: str | None = None,
    curated: Iterable[Path] = (),
) -> BuildSummary:
    """Build the graph from ``docs`` and ``rdf_files`` into the directory ``store_path`` or ``endpoint``.

    ``curated``: hand-written figure files, each loaded only with the document it names (:func:`collect`).

    The target is replaced as a whole: afterwards it holds exactly this build's graphs (on an endpoint,
    graphs under ``GRAPH`` that this build did not write are dropped; graphs of other names are kept).
    Raises :class:`BuildError` before touching the target if any input is bad.
    """
    start = time.perf_counter()
    if (store_path is None) == (endpoint is None):
        raise BuildError("give exactly one of a store directory or a SPARQL endpoint to build into")
    if endpoint is not None:
        remote = _open_endpoint(endpoint)  # fail fast: an unreachable endpoint need not wait for parsing
        try:
            collected = collect(docs, rdf_files, list(curated))
            stats = _write_endpoint(remote, collected.graphs)
        finally:
            remote.close()
    else:
        _check_replaceable(Path(store_path))  # fail fast, before the parsing
        collected = collect(docs, rdf_files, list(curated))
        stats = _write_directory(Path(store_path), collected.graphs)
    return BuildSummary(
        documents=len(collected.documents),
        concepts=stats.concepts,
        triples=stats.triples,
        graphs=len(stats.graphs),
        seconds=time.perf_counter() - start,
        reports=tuple(collected.reports),
    )


def _open_endpoint(endpoint: str) -> KGStore:
    """Open the endpoint, turning "unreachable" into a build error."""
    try:
        return open_store(endpoint=endpoint)
    except StoreError as exc:
        raise BuildError(str(exc)) from exc


def _check_replaceable(target: Path) -> None:
    """Refuse to replace anything but an Oxigraph store or an empty directory: a build must not eat files."""
    if not target.exists():
        return
    if not target.is_dir():
        raise BuildError(f"{target}: exists and is not a store directory")
    # RocksDB, under Oxigraph, always writes CURRENT; a directory without it holds something else.
    if any(target.iterdir()) and not (target / "CURRENT").is_file():
        raise BuildError(f"{target}: not an Oxigraph store; refusing to replace a directory of other files")
    # A process with the store open for writing keeps writing files by path: after the swap it would
    # write them into the new store and corrupt it. Read-only openers take no lock and are safe.
    holders = lock_holders(target / "LOCK")
    if holders:
        who = "this process" if holders == {os.getpid()} else f"process {', '.join(map(str, sorted(holders)))}"
        raise BuildError(f"{target}: the store is open for writing by {who}; close it first, then build")


def lock_holders(lock_file: Path) -> set[int]:
    """Return the ids of processes holding a lock on ``lock_file`` (Linux ``/proc/locks``; else none).

    Asking the kernel, rather than taking the lock ourselves, matters: closing a file we opened would
    drop a lock our own process holds on it.
    """
    try:
        info = lock_file.stat()
        table = Path("/proc/locks").read_text()
    except OSError:
        return set()
    device = f"{os.major(info.st_dev):02x}:{os.minor(info.st_dev):02x}:{info.st_ino}"
    holders = set()
    for line in table.splitlines():
        fields = line.split()
        # "1: POSIX  ADVISORY  WRITE 4242 fe:00:2293907 0 EOF"; a waiting lock has an extra "->" field.
        if "->" in fields:
            continue
        if len(fields) >= 6 and fields[5] == device and fields[4].lstrip("-").isdigit():
            holders.add(int(fields[4]))
    return holders


def _write_directory(target: Path, graphs: dict[URIRef, Graph]) -> StoreStats:
    """Write ``graphs`` into a fresh sibling of ``target``, then swap it in by renames."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.build-", dir=target.parent))
    except OSError as exc:
        raise BuildError(f"{target}: cannot create the store beside it: {exc.strerror or exc}") from exc
    try:
        stats = _fill(staging, graphs)
        _check_replaceable(target)  # again: a server may have opened the store while we parsed
        _swap(staging, target)
    except BaseException as exc:
        shutil.rmtree(staging, ignore_errors=True)
        if isinstance(exc, Exception) and not isinstance(exc, BuildError):
            raise BuildError(f"{target}: writing the store failed: {_one_line(str(exc))}") from exc
        raise
    return stats


def _fill(directory: Path, graphs: dict[URIRef, Graph]) -> StoreStats:
    """Load ``graphs`` into a new store at ``directory``, count what it holds, and close it."""
    try:
        store = open_store(directory)
    except StoreError as exc:
        raise BuildError(str(exc)) from exc
    try:
        # The store is new and private until the swap, so Oxigraph's bulk loader (non-transactional,
        # about 4x faster than a transaction on MetaQA) is safe: the swap gives the atomicity.
        assert store.ox is not None
        store.ox.bulk_extend(to_quads(graphs))
        return store_stats(store)
    finally:
        store.close()
        # Oxigraph releases its directory lock only when the store object goes away.
        del store


def _swap(new: Path, target: Path) -> None:
    """Put the directory ``new`` at ``target`` by renames; the old store is removed only after."""
    old = target.with_name(f".{target.name}.old-{uuid.uuid4().hex[:8]}") if target.exists() else None
    try:
        if old is not None:
            os.rename(target, old)
        try:
            os.rename(new, target)
        except OSError:
            if old is not None:
                os.rename(old, target)  # put the previous store back
            raise
    except OSError as exc:
        raise BuildError(f"{target}: cannot swap in the new store: {exc.strerror or exc}") from exc
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _write_endpoint(store: KGStore, graphs: dict[URIRef, Graph]) -> StoreStats:
    """Replace each graph on the endpoint (staged, then MOVEd), then drop our graphs this build lacks."""
    try:
        store.replace_graphs(graphs.items())
        for name in store.graph_names():
            if str(name).startswith(str(GRAPH)) and name not in graphs:
                store.update(f"DROP SILENT GRAPH <{name}>")
        return store_stats(store)
    except Exception as exc:  # HTTP and SPARQL errors from the endpoint come in many classes
        raise BuildError(f"{store.location}: update failed: {_one_line(str(exc))}") from exc


# -- describing a store -----------------------------------------------------------------------------
def count_concepts(store: KGStore) -> int:
    """Count the concepts in ``store``: typed subjects that are not classes, properties or provenance."""
    rows = _select(store, CONCEPTS_QUERY)
    return int(rows[0][0]) if rows else 0


def store_stats(store: KGStore) -> StoreStats:
    """Describe ``store``: its named graphs with their triple counts, and its triples, concepts, documents."""
    sizes = [(row[0], int(row[1])) for row in _select(store, GRAPH_SIZES_QUERY) if isinstance(row[0], URIRef)]
    return StoreStats(
        graphs=sizes,
        triples=store.triple_count(),
        concepts=count_concepts(store),
        documents=sum(1 for name, _ in sizes if str(name).startswith(DOCUMENT_GRAPH_PREFIX)),
    )


def _select(store: KGStore, sparql: str) -> list:
    """Run a SELECT and return its rows, raising on the error tuple rdflib's remote store returns."""
    result = store.query(sparql)
    if not isinstance(result, Result):
        raise StoreError(f"{store.location} rejected a query: {result[1]}")
    return list(result)


def _one_line(text: str) -> str:
    """Collapse whitespace so a message never spans lines."""
    return " ".join(text.split())
