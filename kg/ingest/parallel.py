"""Parse a long document's sentences in two processes: this one and a forked copy of it.

spaCy's own ``nlp.pipe(n_process=2)`` sends every doc to a worker and back with ``Doc.to_bytes``;
for the short sentences of notes that costs more than the parse (8,500 sentences took four times
longer than in one process here). Instead, the parser is forked with the model already loaded, each
process parses a contiguous share of the sentences (names merged, verbless parses reread, as in one
process), and a worker returns its share as one ``DocBin`` holding only the attributes the extractor
reads. A worker that fails leaves its share to this process: the result is the same, only slower.

Forking is only safe and worth it when this process runs no other Python thread (a thread holding
a lock at the fork would hold it forever in the child), when the document is long enough (see
``MIN_SENTENCES``), and when a CPU is idle: on a machine whose CPUs are all busy, two processes parsed
slower than one at every size measured (bench/RESULTS.md).
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence

#: Sentences below which one process parses a document. A worker costs ~0.1-0.2 s to fork and to
#: bring back; measured on the generated notes of bench/extraction_bench.py (bench/RESULTS.md).
MIN_SENTENCES = 1000
#: How busy the other CPUs may be (in runnable processes, 1-minute load average) for a worker to pay.
IDLE_MARGIN = 0.5
#: Token attributes a worker sends back: what the extractor reads (a lexeme's own come with ORTH).
ATTRS = ("ORTH", "NORM", "TAG", "POS", "MORPH", "LEMMA", "DEP", "HEAD")
SETTING = "KG_PARSE_PROCESSES"

Spans = Sequence[Sequence[tuple[int, int]]]
Parse = Callable[..., list]


def parse_processes(sentences: int) -> int:
    """Return how many processes should parse a document of ``sentences`` sentences.

    ``KG_PARSE_PROCESSES`` caps it (1 turns the workers off); by default two where the machine has
    two CPUs for this process and one of them is idle. One process when forking is not available or
    not safe.
    """
    setting = os.environ.get(SETTING, "").strip()
    if setting and not setting.isdigit():
        raise ValueError(f"{SETTING} must be a whole number of processes, not {setting!r}")
    cpus = len(os.sched_getaffinity(0))
    wanted = int(setting) if setting else min(2, cpus)
    if (
        wanted < 2
        or sentences < MIN_SENTENCES
        or os.getloadavg()[0] > cpus - 1 + IDLE_MARGIN  # this process runs; is another CPU free?
        or "fork" not in multiprocessing.get_all_start_methods()
        or threading.active_count() > 1
        or multiprocessing.current_process().daemon  # a daemonic process may not have children
    ):
        return 1
    return min(wanted, sentences // (MIN_SENTENCES // 2))


def parse_in_processes(parse: Parse, nlp, sentences: Sequence[str], spans: Spans, batch_size: int, processes: int):
    """Return ``parse(nlp, sentences, spans, batch_size)``, computed by ``processes`` processes."""
    from spacy.tokens import DocBin

    context = multiprocessing.get_context("fork")
    bounds = [round(k * len(sentences) / processes) for k in range(processes + 1)]
    workers = []
    try:
        for lo, hi in itertools.pairwise(bounds[1:]):
            receive, send = context.Pipe(duplex=False)
            share = (parse, nlp, sentences[lo:hi], spans[lo:hi], batch_size)
            worker = context.Process(target=_work, args=(send, *share), name="kg-parse")
            worker.start()
            send.close()  # the worker holds the only sending end: its exit ends our receive
            workers.append((worker, receive, lo, hi))
        parsed = parse(nlp, sentences[: bounds[1]], spans[: bounds[1]], batch_size)
        for _, receive, lo, hi in workers:
            try:
                parsed += DocBin().from_bytes(receive.recv_bytes()).get_docs(nlp.vocab)
            except (EOFError, OSError, ValueError):  # the worker died or sent garbage: parse its share here
                parsed += parse(nlp, sentences[lo:hi], spans[lo:hi], batch_size)
        return parsed
    finally:
        for worker, receive, _, _ in workers:
            receive.close()
            worker.join(timeout=5)
            if worker.is_alive():  # only if this process failed before reading the worker's share
                worker.kill()
                worker.join()


def _work(send, parse: Parse, nlp, sentences: Sequence[str], spans: Spans, batch_size: int) -> None:
    """Parse a share of the sentences in a forked worker and send it back as one ``DocBin``."""
    from spacy.tokens import DocBin

    try:
        docs = parse(nlp, sentences, spans, batch_size)
        send.send_bytes(DocBin(attrs=list(ATTRS), docs=docs).to_bytes())
    finally:
        send.close()
