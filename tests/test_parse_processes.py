"""Parsing in two processes gives the docs one process gives; a failed worker only costs time.

The real spaCy pipeline is forked; sentences cover a merged name, a subjectless fragment (read as
"It ..."), and a long name before its verb (reread with the name as a pronoun).
"""

from __future__ import annotations

import gc
import os
import threading
from pathlib import Path

import pytest
from rdflib import Graph

from kg.ingest import parallel, pipeline
from kg.ingest.parse import _parse, load_parser, parse_sentences

SENTENCES = [
    "Amazon Simple Storage Service stores data as objects inside buckets.",
    "Provides block storage for EC2 instances.",
    "EBS volumes that you attach to instances are not shared, while EFS file systems are.",
    "Can scale automatically.",
    "Amazon Elastic File System Standard Tier keeps files in several zones.",
    "Snapshots are copied to S3 incrementally.",
]
NAMES = ("Amazon Simple Storage Service", "Amazon Elastic File System Standard Tier", "EC2 instances")


def name_spans(text: str) -> list[tuple[int, int]]:
    return [(text.index(n), text.index(n) + len(n)) for n in NAMES if n in text]


def attributes(doc) -> list[tuple]:
    rows = [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.norm_, t.idx) for t in doc]
    return [*rows, doc.user_data.get("implicit_subject")]


def test_a_worker_parses_as_this_process_does():
    nlp = load_parser()
    sentences = SENTENCES * 200  # several chunks of the worker's

    one = parse_sentences(nlp, sentences, name_spans, processes=1)
    two = parse_sentences(nlp, sentences, name_spans, processes=2)
    try:
        assert isinstance(two, parallel.ParseStream)
        assert len(two) == len(sentences)
        assert [attributes(d) for d in two] == [attributes(d) for d in one]
    finally:
        two.close()
    assert any(t.text == "Amazon Simple Storage Service" for t in two[-6])  # names merged in the worker
    assert two[-5].user_data["implicit_subject"] and two[-5][0].text == "It"


def test_a_worker_reads_bold_words_as_this_process_does():
    nlp = load_parser()
    bolded = "The Pike tows barges along the canal."
    sentences = [*SENTENCES, bolded] * 150
    bold = {bolded: ("barges",)}

    one = parse_sentences(nlp, sentences, name_spans, processes=1, emphasis=lambda t: bold.get(t, ()))
    two = parse_sentences(nlp, sentences, name_spans, processes=2, emphasis=lambda t: bold.get(t, ()))
    try:
        assert isinstance(two, parallel.ParseStream)
        assert [attributes(d) for d in two] == [attributes(d) for d in one]
    finally:
        two.close()
    # The bold noun is no verb in the worker's parse either: "tows" is the verb before it.
    assert [t.pos_ for t in two[-1] if t.text in ("tows", "barges")] == ["VERB", "NOUN"]
    assert parse_sentences(nlp, [bolded], name_spans, processes=1)[0][2].pos_ != "VERB"  # unbold, a noun


def test_a_worker_that_fails_leaves_the_rest_to_this_process():
    nlp = load_parser()
    parent = os.getpid()
    sentences = SENTENCES * 200
    spans = [name_spans(s) for s in sentences]
    calls = []

    def parse_failing_in_worker(nlp, sentences, spans, batch_size, bold):
        calls.append(len(sentences))  # only this process's calls are seen here
        if os.getpid() != parent and calls[-1] < parallel.CHUNK:
            raise RuntimeError("worker failure")  # the worker fails on its last, short chunk
        return _parse(nlp, sentences, spans, batch_size, bold)

    stream = parallel.ParseStream(parse_failing_in_worker, nlp, sentences, spans, 256, lambda doc, i: None)
    try:
        docs = list(stream)
    finally:
        stream.close()

    assert calls == [len(sentences) - 2 * parallel.CHUNK]  # the worker sent two chunks, this process did the rest
    assert [attributes(d)[:-1] for d in docs] == [attributes(d)[:-1] for d in _parse(nlp, sentences, spans, 256)]


def test_a_reader_that_stops_early_ends_the_worker():
    nlp = load_parser()
    sentences = SENTENCES * 400
    stream = parallel.ParseStream(_parse, nlp, sentences, [name_spans(s) for s in sentences], 256, lambda d, i: None)

    assert stream[0].text == SENTENCES[0]
    stream.close()

    assert not stream._worker.is_alive()


def test_short_documents_busy_machines_and_threaded_callers_parse_in_one_process(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv(parallel.SETTING, raising=False)
    # Other tests of the suite may leave threads behind (a server's, an engine loader's): this process
    # counts as single-threaded until the part of the test that starts a thread of its own.
    real_count = threading.active_count
    monkeypatch.setattr(parallel.threading, "active_count", lambda: 1)
    monkeypatch.setattr(parallel.os, "sched_getaffinity", lambda pid: {0, 1})
    monkeypatch.setattr(parallel.os, "getloadavg", lambda: (1.0, 1.0, 1.0))  # one CPU idle
    assert parallel.parse_processes(parallel.MIN_SENTENCES - 1) == 1
    assert parallel.parse_processes(10 * parallel.MIN_SENTENCES) == 2

    monkeypatch.setattr(parallel.os, "getloadavg", lambda: (4.0, 4.0, 4.0))  # every CPU busy
    assert parallel.parse_processes(10 * parallel.MIN_SENTENCES) == 1
    monkeypatch.setattr(parallel.os, "getloadavg", lambda: (1.0, 1.0, 1.0))

    monkeypatch.setenv(parallel.SETTING, "1")
    assert parallel.parse_processes(10 * parallel.MIN_SENTENCES) == 1
    monkeypatch.setenv(parallel.SETTING, "2")
    monkeypatch.setattr(parallel.os, "getloadavg", lambda: (4.0, 4.0, 4.0))
    assert parallel.parse_processes(10) == 2  # asked for: whatever the size and the load

    monkeypatch.delenv(parallel.SETTING)
    monkeypatch.setattr(parallel.os, "getloadavg", lambda: (1.0, 1.0, 1.0))
    monkeypatch.setattr(parallel.threading, "active_count", real_count)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert parallel.parse_processes(10 * parallel.MIN_SENTENCES) == 1  # no fork beside another thread
    finally:
        stop.set()
        other.join()


def test_a_bad_process_count_is_a_clear_error(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv(parallel.SETTING, "two")

    with pytest.raises(ValueError, match="KG_PARSE_PROCESSES must be a whole number"):
        parallel.parse_processes(10 * parallel.MIN_SENTENCES)


def test_extraction_pauses_the_garbage_collector_and_resumes_it_even_when_reading_fails(
    monkeypatch: pytest.MonkeyPatch,
):
    seen = []

    def failing_read(self, blocks):
        seen.append(gc.isenabled())
        raise RuntimeError("reading failed")

    monkeypatch.setattr(pipeline._Extractor, "read", failing_read)
    assert gc.isenabled()
    with pytest.raises(RuntimeError, match="reading failed"):
        pipeline.extract_document(Path("note.md"), "# Note\n\nEBS stores blocks.\n", Graph())

    assert seen == [False]  # paused while reading
    assert gc.isenabled()  # and running again after the failure
