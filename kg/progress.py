"""Say how far a long job has got: a bar on a terminal, a line every few seconds otherwise.

Embedding a large graph's names takes minutes on a CPU; silence for that long looks like a hang. On a
terminal (stderr is a TTY) one line is redrawn in place; in a log (a service's stderr, a test's pipe)
a plain line is written when the job starts, every ``interval`` seconds and when it ends, so logs stay
readable. ``KG_PROGRESS=0`` turns both off.
"""

from __future__ import annotations

import os
import sys
import time
from typing import TextIO


class Progress:
    """Report ``done`` out of ``total`` units of one job on ``stream`` (stderr by default)."""

    def __init__(self, label: str, total: int, *, stream: TextIO | None = None, interval: float = 10.0):
        self.label = label
        self.total = total
        self.stream = stream if stream is not None else sys.stderr
        self.interval = interval
        self.enabled = os.environ.get("KG_PROGRESS", "1").lower() not in ("0", "false", "no", "off")
        self.tty = self.enabled and _isatty(self.stream)
        self.started = time.monotonic()
        self._last = 0.0
        self.done = 0
        if self.enabled and not self.tty:
            self._line(f"{self.label}: {self.total:,} to do")

    def update(self, done: int) -> None:
        """Record that ``done`` units are finished (by anyone) and report it when it is time to."""
        self.done = done
        if not self.enabled:
            return
        now = time.monotonic()
        if self.tty:
            if now - self._last >= 0.2 or done >= self.total:
                self._last = now
                self.stream.write("\r" + self._bar() + "\x1b[K")
                self.stream.flush()
        elif now - self._last >= self.interval and done < self.total:
            self._last = now
            self._line(self._status())

    def finish(self, note: str = "") -> None:
        """Report the end of the job (with an optional note, e.g. where the result went)."""
        if not self.enabled:
            return
        seconds = time.monotonic() - self.started
        text = f"{self.label}: {self.total:,} done in {seconds:.1f} s" + (f" ({note})" if note else "")
        if self.tty:
            self.stream.write("\r" + text + "\x1b[K\n")
            self.stream.flush()
        else:
            self._line(text)

    def _status(self) -> str:
        elapsed = time.monotonic() - self.started
        share = self.done / self.total if self.total else 1.0
        text = f"{self.label}: {self.done:,}/{self.total:,} ({share:.0%}) in {elapsed:.0f} s"
        if 0 < share < 1:
            text += f", about {elapsed / share - elapsed:.0f} s left"
        return text

    def _bar(self, width: int = 30) -> str:
        share = self.done / self.total if self.total else 1.0
        filled = int(share * width)
        return f"{self._status()} [{'#' * filled}{'.' * (width - filled)}]"

    def _line(self, text: str) -> None:
        stamp = time.strftime("%Y-%m-%d %H:%M:%S")
        self.stream.write(f"[{stamp}] [{os.getpid()}] {text}\n")
        self.stream.flush()


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or replaced stream
        return False
