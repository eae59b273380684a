"""Parse a long document in a forked worker while this process reads the sentences already parsed.

Reading a parse (clauses, concepts, facts, provenance) costs about as much as parsing, and it must
go in document order in one process (a sentence resolves names the earlier ones introduced). So the
parser is forked with the model already loaded, the worker parses the sentences in order and sends
them back in chunks, and this process reads each sentence as soon as its chunk arrives: parsing and
reading overlap on two CPUs.

spaCy's own ``nlp.pipe(n_process=2)`` was no help: it sends every doc to a worker and back with
``Doc.to_bytes``, which for the short sentences of notes costs more than the parse (8,500 sentences
took four times longer than in one process here). A chunk here travels as one ``DocBin`` holding only
the attributes the extractor reads. A worker that fails leaves the rest to this process: the result
is the same, only slower.

Forking is only safe and worth it when this process runs no other Python thread (a thread holding a
lock at the fork would hold it forever in the child), when the document is long enough (see
``MIN_SENTENCES``), and when a CPU is idle for the worker (see ``IDLE_MARGIN``).
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence

#: Sentences below which a document is parsed in this process. Measured here: a worker costs ~0.055 s
#: (fork, DocBin) and saves at most the parse, ~0.65 ms a sentence less ~0.1 ms of decoding, so it
#: breaks even near 100 sentences with a CPU free; five times that leaves room (bench/RESULTS.md).
MIN_SENTENCES = 500
#: How busy the other CPUs may be (runnable processes beyond this one, 1-minute load average) for a
#: worker to get a CPU of its own; on a machine with every CPU busy a worker only competes.
IDLE_MARGIN = 0.5
#: Sentences per chunk a worker sends back: small enough that reading starts early.
CHUNK = 512
#: Token attributes a worker sends back: what the extractor reads (a lexeme's own come with ORTH).
ATTRS = ("ORTH", "NORM", "TAG", "POS", "MORPH", "LEMMA", "DEP", "HEAD")
SETTING = "KG_PARSE_PROCESSES"

Spans = Sequence[Sequence[tuple[int, int]]]
#: Per sentence, the phrases its document sets in bold.
Bold = Sequence[tuple[str, ...]]
Parse = Callable[..., list]


def parse_processes(sentences: int) -> int:
    """Return how many processes should parse and read a document of ``sentences`` sentences (1 or 2).

    By default a worker is used for a long document where this process may run on two CPUs and one
    of them is idle; ``KG_PARSE_PROCESSES`` says it instead (1: never, 2: always). Never where forking
    is not available or not safe.
    """
    setting = os.environ.get(SETTING, "").strip()
    if setting and not setting.isdigit():
        raise ValueError(f"{SETTING} must be a whole number of processes, not {setting!r}")
    if setting:
        pays = int(setting) > 1  # asked for: whatever the size and the load
    else:
        cpus = len(os.sched_getaffinity(0))
        pays = cpus > 1 and sentences >= MIN_SENTENCES and os.getloadavg()[0] <= cpus - 1 + IDLE_MARGIN
    safe = (
        "fork" in multiprocessing.get_all_start_methods()
        and threading.active_count() == 1
        and not multiprocessing.current_process().daemon  # a daemonic process may not have children
    )
    return 2 if pays and safe else 1


class ParseStream(Sequence):
    """The docs of ``sentences``, parsed by a forked worker and received in order as they are asked for.

    ``finish`` (one doc arrived, its index) is applied to each doc as it arrives. ``bold`` (per
    sentence, its bold phrases, or ``None``) goes to ``parse`` beside the spans. Call :meth:`close`
    when done: it ends the worker if the docs were not all read.
    """

    def __init__(
        self,
        parse: Parse,
        nlp,
        sentences: Sequence[str],
        spans: Spans,
        batch_size: int,
        finish,
        bold: Bold | None = None,
    ):
        self._parse = parse
        self._args = (nlp, sentences, spans, batch_size, bold)
        self._finish = finish
        self._docs: list = []
        context = multiprocessing.get_context("fork")
        self._receive, send = context.Pipe(duplex=False)
        self._worker = context.Process(target=_work, args=(send, parse, *self._args), name="kg-parse")
        self._worker.start()
        send.close()  # the worker holds the only sending end: its exit ends our receive

    def __len__(self) -> int:
        return len(self._args[1])

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        if not -len(self) <= i < len(self):
            raise IndexError(i)
        i %= len(self)
        while i >= len(self._docs):
            self._take(self._next_chunk())
        return self._docs[i]

    def close(self) -> None:
        """Stop receiving; end the worker (it has finished unless the docs were not all read)."""
        self._receive.close()
        self._worker.join(timeout=5)
        if self._worker.is_alive():
            self._worker.kill()
            self._worker.join()

    def _next_chunk(self) -> list:
        from spacy.tokens import DocBin

        nlp, sentences, spans, batch_size, bold = self._args
        try:
            return list(DocBin().from_bytes(self._receive.recv_bytes()).get_docs(nlp.vocab))
        except (EOFError, OSError, ValueError):  # the worker died or sent garbage: parse the rest here
            done = len(self._docs)
            return self._parse(nlp, sentences[done:], spans[done:], batch_size, _part(bold, done, len(sentences)))

    def _take(self, docs: list) -> None:
        for doc in docs:
            self._finish(doc, len(self._docs))
            self._docs.append(doc)


def _part(bold: Bold | None, start: int, end: int) -> Bold | None:
    """Return the bold phrases of sentences ``start`` to ``end`` (``None`` when none were given)."""
    return None if bold is None else bold[start:end]


def _work(send, parse: Parse, nlp, sentences: Sequence[str], spans: Spans, batch_size: int, bold: Bold | None) -> None:
    """Parse the sentences in a forked worker, sending them back in order, a ``DocBin`` per chunk."""
    from spacy.tokens import DocBin

    try:
        for start in range(0, len(sentences), CHUNK):
            end = start + CHUNK
            docs = parse(nlp, sentences[start:end], spans[start:end], batch_size, _part(bold, start, end))
            send.send_bytes(DocBin(attrs=list(ATTRS), docs=docs).to_bytes())
    except BrokenPipeError:
        pass  # the reader stopped (its document failed): nothing left to do
    finally:
        send.close()
