"""Share one store directory between processes: a readers-writer lock and a write generation.

pyoxigraph 0.5 has no secondary instances, and its documentation calls opening a store read-only
"while having an other process writing the database" undefined behaviour. So processes that serve one
directory (gunicorn workers, ``kg`` commands) keep a *read-only* handle each and never hold it open for
writing: a write takes the directory's lock exclusively, opens the store read-write for that one write,
flushes and closes it, and bumps the generation. Readers take the lock shared around each read, and
reopen their handle first when the generation has moved, so every process sees a write as soon as it
is done, and no read runs while a write does.

Three small files in the store directory do this (RocksDB ignores files it did not name):

- ``kg-data.lock``: ``flock`` shared by reads, exclusive by a write;
- ``kg-gate.lock``: taken exclusively by a writer before ``kg-data.lock``, and shared for a moment by a
  reader before it, so a steady stream of overlapping reads cannot starve a waiting writer;
- ``kg-generation``: a counter rewritten (atomically, by rename) after every write.

``flock`` locks belong to an open file, not a process, so each read or write opens the files afresh and
threads of one process exclude each other like processes do. Where the directory is read-only, no
process can write it, and reads go unlocked.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path

#: Seconds a read waits for a write to finish, and a write for the reads before it, unless told.
DEFAULT_WAIT = 60.0
#: Seconds between looks at the directory's files for writes made without the lock.
FILES_CHECK_SECONDS = 1.0


class StoreError(RuntimeError):
    """A store could not be opened or reached; the message is one line meant for people."""


class StoreBusy(StoreError):
    """The store's lock could not be taken in time: a long write (or long reads) held it."""


class SharedDirectory:
    """Coordinate the processes that read and write the store directory ``path``."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self._data = self.path / "kg-data.lock"
        self._gate = self.path / "kg-gate.lock"
        self._generation = self.path / "kg-generation"
        self._writing = threading.local()
        self._counter: str | None = None
        self._checked = 0.0
        self._fingerprint: tuple = ()

    def generation(self) -> tuple:
        """Return a token that changes with every write, at once, and within a second of any other change.

        A write through :meth:`writing` moves the counter; a rebuild that swaps the directory changes
        its inode; a write by a program that knows nothing of this (``oxigraph load``) changes the
        directory's files, which are looked at once a second at most, and whenever the counter moves
        (so a write of ours is not counted twice).
        """
        try:
            info = os.stat(self.path)
        except OSError:
            return ()
        try:
            counter = self._generation.read_text().strip()
        except OSError:
            counter = ""
        now = time.monotonic()
        if counter != self._counter or now - self._checked >= FILES_CHECK_SECONDS:
            self._fingerprint = directory_fingerprint(self.path)
            self._counter, self._checked = counter, now
        return (info.st_dev, info.st_ino, counter, self._fingerprint)

    @contextlib.contextmanager
    def reading(self, wait: float = DEFAULT_WAIT) -> Iterator[None]:
        """Hold the lock shared: no write starts until the block ends (nor runs while it waits)."""
        if getattr(self._writing, "active", False):  # this thread writes: it holds the lock already
            yield
            return
        deadline = time.monotonic() + wait
        gate = _open(self._gate)
        try:
            if gate is not None:
                _lock(gate, fcntl.LOCK_SH, deadline, "a write to finish")
            data = _open(self._data)
        finally:
            if gate is not None:
                os.close(gate)  # a writer waiting at the gate now keeps later readers out
        try:
            if data is not None:
                _lock(data, fcntl.LOCK_SH, deadline, "a write to finish")
            yield
        finally:
            if data is not None:
                os.close(data)

    @contextlib.contextmanager
    def writing(self, wait: float = DEFAULT_WAIT) -> Iterator[None]:
        """Hold the lock exclusively; bump the generation on leaving, whatever happened meanwhile.

        The generation moves even when the write failed: opening a store for writing may compact and
        delete files that other processes' read-only handles still use, so they must reopen anyway.
        """
        deadline = time.monotonic() + wait
        gate = _open(self._gate, create=True)
        data = None
        try:
            if gate is None or (data := _open(self._data, create=True)) is None:
                raise OSError(errno.EROFS, f"cannot create the lock files in {self.path}")
            _lock(gate, fcntl.LOCK_EX, deadline, "other writes")
            _lock(data, fcntl.LOCK_EX, deadline, "the reads under way")
            self._writing.active = True
            try:
                yield
            finally:
                self._writing.active = False
                self._bump()
        finally:
            for fd in (data, gate):
                if fd is not None:
                    os.close(fd)

    def prepare(self) -> None:
        """Create the lock files if the directory allows, so readers and writers meet on the same files."""
        for path in (self._gate, self._data):
            fd = _open(path, create=True)
            if fd is not None:
                os.close(fd)

    def _bump(self) -> None:
        try:
            counter = int(self._generation.read_text().strip() or 0)
        except (OSError, ValueError):
            counter = 0
        staging = self._generation.with_name("kg-generation.tmp")
        staging.write_text(f"{counter + 1}\n")
        os.replace(staging, self._generation)


def _open(path: Path, create: bool = False) -> int | None:
    """Open a lock file (creating it if allowed and possible); ``None`` where the directory is read-only."""
    try:
        return os.open(path, os.O_RDONLY | os.O_CLOEXEC)
    except FileNotFoundError:
        pass
    except OSError:
        return None
    try:  # readers create the files too: one that skipped the lock would race the first writer
        return os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    except OSError:
        if create:
            raise
        return None


def _lock(fd: int, mode: int, deadline: float, waiting_for: str) -> None:
    """Take ``flock`` ``mode`` on ``fd``, polling until ``deadline`` (``flock`` itself has no timeout)."""
    pause = 0.001
    while True:
        try:
            fcntl.flock(fd, mode | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            pass
        if time.monotonic() >= deadline:
            raise StoreBusy(f"the store stayed locked waiting for {waiting_for}; try again")
        time.sleep(pause)
        pause = min(pause * 2, 0.02)


def directory_fingerprint(path: str | Path) -> tuple:
    """Summarise a store directory's files so a write by another process is noticed within a second."""
    try:
        return tuple(sorted((e.name, e.stat().st_size, e.stat().st_mtime_ns) for e in os.scandir(path)))
    except OSError:
        return ()
