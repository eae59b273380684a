"""Parsing in two processes gives the docs one process gives; a failed worker only costs time.

The real spaCy pipeline is forked; sentences cover a merged name, a subjectless fragment (read as
"It ..."), and a long name before its verb (reread with the name as a pronoun).
"""

from __future__ import annotations

import os
import threading

import pytest

from kg.ingest import parallel
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


def test_two_processes_parse_as_one_does():
    nlp = load_parser()
    sentences = SENTENCES * 3  # each process gets several sentences of every kind

    one = parse_sentences(nlp, sentences, name_spans, processes=1)
    two = parse_sentences(nlp, sentences, name_spans, processes=2)

    assert [attributes(d) for d in two] == [attributes(d) for d in one]
    assert any(t.text == "Amazon Simple Storage Service" for t in two[-6])  # the worker's share, names merged
    assert two[-5].user_data["implicit_subject"] and two[-5][0].text == "It"


def test_a_worker_that_fails_leaves_its_share_to_this_process():
    nlp = load_parser()
    parent = os.getpid()

    def parse_failing_in_worker(nlp, sentences, spans, batch_size):
        if os.getpid() != parent:
            raise RuntimeError("worker failure")
        return _parse(nlp, sentences, spans, batch_size)

    spans = [name_spans(s) for s in SENTENCES]
    docs = parallel.parse_in_processes(parse_failing_in_worker, nlp, SENTENCES, spans, 256, 2)

    assert [d.text for d in docs] == SENTENCES
    assert [attributes(d)[:-1] for d in docs] == [attributes(d)[:-1] for d in _parse(nlp, SENTENCES, spans, 256)]


def test_short_documents_busy_machines_and_threaded_callers_parse_in_one_process(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv(parallel.SETTING, raising=False)
    monkeypatch.setattr(parallel.os, "sched_getaffinity", lambda pid: {0, 1})
    monkeypatch.setattr(parallel.os, "getloadavg", lambda: (1.0, 1.0, 1.0))  # one CPU idle
    assert parallel.parse_processes(parallel.MIN_SENTENCES - 1) == 1
    assert parallel.parse_processes(10 * parallel.MIN_SENTENCES) == 2

    monkeypatch.setattr(parallel.os, "getloadavg", lambda: (4.0, 4.0, 4.0))  # every CPU busy
    assert parallel.parse_processes(10 * parallel.MIN_SENTENCES) == 1
    monkeypatch.setattr(parallel.os, "getloadavg", lambda: (1.0, 1.0, 1.0))

    monkeypatch.setenv(parallel.SETTING, "1")
    assert parallel.parse_processes(10 * parallel.MIN_SENTENCES) == 1

    monkeypatch.delenv(parallel.SETTING)
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
