"""Curated facts (what a document's figures show), loaded with their document and traced to its figures.

Pictures carry no text to extract, so what a figure shows can be written by hand in a curated RDF file
(the bundled ``data/figures.ttl``, or a user's file given to ``kg build --curated``). Such a file is
about one document, and names it: a ``kgo:Document`` node with the document's ``kgo:fileName`` (and, if
it is tied to one version of the text, its ``kgo:sha256``), and a ``kgo:Figure`` node per figure with
the picture's path (``kgo:figure``) and ``kgo:document`` pointing at that document.

A build loads a curated file only when every document it names is in the build (:func:`described`): a
document of that file name that shows each of the file's figures (its Markdown embeds the picture's
path) and, where the file records a hash, has exactly that text. A file that names no document is
refused. The file name alone would be weak (any note can be called ``compute.md``) and the hash alone
brittle (fixing a typo in the text does not change a picture); the pictures a document embeds are what
the curated facts are about. A curated file may declare the classes and relations its facts use: they
then exist only in builds of its document, and never type the words of other documents.

Each relation stated of a concept that a figure shows (``kg:pending kgo:shownIn kg:figure-ec2-lifecycle``)
gets a statement node carrying the figure's document, section, picture path and description
(:func:`trace_curated`), so answers built on it cite the figure as extracted facts cite their sentence.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from kg.namespaces import KG, KGO

_NOT_FACTS = {RDFS.label, SKOS.altLabel, SKOS.definition, RDFS.comment, KGO.shownIn}
#: Declaring a class (``kgo:Container a owl:Class``) is no fact a figure shows.
_SCHEMA = {OWL.Class, RDFS.Class}
_COPIED = (KGO.document, KGO.section, KGO.quote, KGO.figure)
#: The target of a Markdown image, ``![alt](target "title")`` or ``![alt](<target>)``.
_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?([^)\s>]+)>?")


class CuratedError(ValueError):
    """A curated file does not say which document it is about."""


def trace_curated(graph: Graph) -> Graph:
    """Return ``graph`` plus a statement node for each fact about a concept a figure shows."""
    out = Graph(identifier=graph.identifier)
    out += graph
    for subject, figure in graph.subject_objects(KGO.shownIn):
        for p, o in graph.predicate_objects(subject):
            if p in _NOT_FACTS or (p == RDF.type and (not isinstance(o, URIRef) or o in _SCHEMA)):
                continue  # a class the file declares is vocabulary, not something its figure shows
            if p == RDFS.subClassOf and o == KGO.Concept:
                continue
            key = f"{subject}|{p}|{o}|{figure}"
            st = KG[f"stmt-{hashlib.sha1(key.encode()).hexdigest()[:16]}"]
            out.add((st, RDF.type, RDF.Statement))
            out.add((st, RDF.subject, subject))
            out.add((st, RDF.predicate, p))
            out.add((st, RDF.object, o))
            out.add((st, KGO.rule, Literal("figure")))
            for prop in _COPIED:
                for value in graph.objects(figure, prop):
                    out.add((st, prop, value))
    return out


def described(graph: Graph, texts: dict[Path, str], source: str = "curated file") -> list[Path]:
    """Return the documents of ``texts`` that the curated ``graph`` is about, or ``[]`` if any is missing.

    ``texts`` maps each document of the build to its text. Raises :class:`CuratedError` when ``graph``
    names no document (``source`` names the file in the message).
    """
    documents = [d for d in graph.subjects(RDF.type, KGO.Document) if graph.value(d, KGO.fileName) is not None]
    if not documents:
        raise CuratedError(f"{source}: names no document (a kgo:Document with a kgo:fileName); load it with --rdf")
    found = []
    for document in sorted(documents, key=str):
        match = next((path for path, text in texts.items() if _is_document(graph, document, path, text)), None)
        if match is None:
            return []
        found.append(match)
    return found


def _is_document(graph: Graph, document: URIRef, path: Path, text: str) -> bool:
    """Tell whether the document at ``path`` is the one the curated ``document`` node describes."""
    if path.name != str(graph.value(document, KGO.fileName)):
        return False
    sha = graph.value(document, KGO.sha256)
    if sha is not None and str(sha) != hashlib.sha256(text.encode()).hexdigest():
        return False
    shown = {_normal(target) for target in _IMAGE.findall(text)}
    pictures = {str(p) for figure in graph.subjects(KGO.document, document) for p in graph.objects(figure, KGO.figure)}
    return all(_normal(picture) in shown for picture in pictures)


def _normal(target: str) -> str:
    """Return an image path without "./" or doubled slashes ("./images//a.png" -> "images/a.png")."""
    return posixpath.normpath(target.strip())
