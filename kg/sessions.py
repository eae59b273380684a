"""Remember, per conversation, what the last answer was about, so "it" can refer back to it.

Sessions live in memory, bounded (least recently used dropped) and short-lived; a session id is any
string the client picks. Several service workers each keep their own: a client that needs follow-ups
across workers sends the same session to a sticky load balancer, or passes earlier messages (the chat
endpoint does).
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict

from rdflib import URIRef

from kg.answer import Answer


class Sessions:
    """A bounded, expiring map from session id to the concepts of its last answer."""

    def __init__(self, max_sessions: int = 10_000, ttl_seconds: float = 3600.0):
        self._data: OrderedDict[str, tuple[float, list[URIRef]]] = OrderedDict()
        self._lock = threading.Lock()
        self.max_sessions = max_sessions
        self.ttl = ttl_seconds

    def context(self, session: str | None) -> list[URIRef]:
        """Return the concepts a follow-up in ``session`` may refer to (answers first, then topics)."""
        if not session:
            return []
        with self._lock:
            item = self._data.get(session)
            if item is None or time.monotonic() - item[0] > self.ttl:
                return []
            self._data.move_to_end(session)
            return list(item[1])

    def remember(self, session: str | None, answer: Answer) -> None:
        """Store the answer's entities and topics as the context of ``session``."""
        if not session:
            return
        iris = [URIRef(a["iri"]) for a in answer.answers if "iri" in a and "value" not in a]
        iris += [URIRef(t["iri"]) for t in answer.topics if "iri" in t]
        if not iris:
            return
        with self._lock:
            self._data[session] = (time.monotonic(), iris)
            self._data.move_to_end(session)
            while len(self._data) > self.max_sessions:
                self._data.popitem(last=False)
